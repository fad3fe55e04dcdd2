// <rawsys/file.hpp> against glibc on the same arch (glibc headers first,
// rawsys second): every wrapper succeeds where glibc does with the same value,
// and fails where glibc does with the same errno; the constants glibc also
// defines are equal; 64-bit offsets beyond 4 GiB work on i386 too.
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sched.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

#include <rawsys/file.hpp>

#include <cstring>
#include <string>
#include <string_view>

#include "files_support.hpp"

using rawsys::at_fdcwd;
using rawsys::bits;
using rawsys::errc;
using rawsys::fd;
using rawsys::unexpected;
using rawsys_test::cfd;
using rawsys_test::error_of;
using rawsys_test::glibc;
using rawsys_test::outcome;
using rawsys_test::temp_dir;
namespace o = rawsys::o;

// The constants glibc defines too. O_LARGEFILE is left out: glibc's is 0 on
// the 64-bit arches (file_layout_test.cpp checks the kernel's).
static_assert(bits(o::rdonly) == O_RDONLY && bits(o::wronly) == O_WRONLY && bits(o::rdwr) == O_RDWR);
static_assert(bits(o::accmode) == O_ACCMODE && bits(o::creat) == O_CREAT && bits(o::excl) == O_EXCL);
static_assert(bits(o::noctty) == O_NOCTTY && bits(o::trunc) == O_TRUNC && bits(o::append) == O_APPEND);
static_assert(bits(o::nonblock) == O_NONBLOCK && bits(o::dsync) == O_DSYNC && bits(o::async) == O_ASYNC);
static_assert(bits(o::direct) == O_DIRECT && bits(o::directory) == O_DIRECTORY && bits(o::nofollow) == O_NOFOLLOW);
static_assert(bits(o::noatime) == O_NOATIME && bits(o::cloexec) == O_CLOEXEC && bits(o::sync) == O_SYNC);
static_assert(bits(o::path) == O_PATH && bits(o::tmpfile) == O_TMPFILE);
static_assert(bits(rawsys::close_range_::cloexec) == CLOSE_RANGE_CLOEXEC);
static_assert(bits(rawsys::close_range_::unshare) == CLOSE_RANGE_UNSHARE);
static_assert(bits(rawsys::rwf::hipri) == RWF_HIPRI && bits(rawsys::rwf::dsync) == RWF_DSYNC);
static_assert(bits(rawsys::rwf::sync) == RWF_SYNC && bits(rawsys::rwf::nowait) == RWF_NOWAIT);
static_assert(bits(rawsys::rwf::append) == RWF_APPEND);
static_assert(bits(rawsys::seek::set) == SEEK_SET && bits(rawsys::seek::cur) == SEEK_CUR);
static_assert(bits(rawsys::seek::end) == SEEK_END && bits(rawsys::seek::data) == SEEK_DATA);
static_assert(bits(rawsys::seek::hole) == SEEK_HOLE);
static_assert(bits(rawsys::falloc::keep_size) == FALLOC_FL_KEEP_SIZE);
static_assert(bits(rawsys::falloc::punch_hole) == FALLOC_FL_PUNCH_HOLE);
static_assert(bits(rawsys::falloc::zero_range) == FALLOC_FL_ZERO_RANGE);
static_assert(bits(rawsys::falloc::collapse_range) == FALLOC_FL_COLLAPSE_RANGE);
static_assert(bits(rawsys::falloc::insert_range) == FALLOC_FL_INSERT_RANGE);
static_assert(bits(rawsys::fadv::normal) == POSIX_FADV_NORMAL && bits(rawsys::fadv::random) == POSIX_FADV_RANDOM);
static_assert(bits(rawsys::fadv::sequential) == POSIX_FADV_SEQUENTIAL);
static_assert(bits(rawsys::fadv::willneed) == POSIX_FADV_WILLNEED);
static_assert(bits(rawsys::fadv::dontneed) == POSIX_FADV_DONTNEED);
static_assert(bits(rawsys::fadv::noreuse) == POSIX_FADV_NOREUSE);
static_assert(bits(rawsys::splice_f::move) == SPLICE_F_MOVE && bits(rawsys::splice_f::nonblock) == SPLICE_F_NONBLOCK);
static_assert(bits(rawsys::splice_f::more) == SPLICE_F_MORE && bits(rawsys::splice_f::gift) == SPLICE_F_GIFT);
static_assert(bits(rawsys::lock::sh) == LOCK_SH && bits(rawsys::lock::ex) == LOCK_EX);
static_assert(bits(rawsys::lock::nb) == LOCK_NB && bits(rawsys::lock::un) == LOCK_UN);
static_assert(bits(rawsys::fd_::cloexec) == FD_CLOEXEC);
static_assert(bits(rawsys::f::dupfd) == F_DUPFD && bits(rawsys::f::getfd) == F_GETFD);
static_assert(bits(rawsys::f::setfd) == F_SETFD && bits(rawsys::f::getfl) == F_GETFL);
static_assert(bits(rawsys::f::setfl) == F_SETFL && bits(rawsys::f::dupfd_cloexec) == F_DUPFD_CLOEXEC);
#if defined(__powerpc64__)
// glibc's F_GETLK64 is 12 here, which its fcntl maps to the kernel's 5.
static_assert(bits(rawsys::f::getlk) == F_GETLK && bits(rawsys::f::setlk) == F_SETLK);
static_assert(bits(rawsys::f::setlkw) == F_SETLKW);
#else
static_assert(bits(rawsys::f::getlk) == F_GETLK64 && bits(rawsys::f::setlk) == F_SETLK64);
static_assert(bits(rawsys::f::setlkw) == F_SETLKW64);
#endif
static_assert(bits(rawsys::f::ofd_getlk) == F_OFD_GETLK && bits(rawsys::f::ofd_setlk) == F_OFD_SETLK);
static_assert(bits(rawsys::f::ofd_setlkw) == F_OFD_SETLKW);
static_assert(bits(rawsys::f::setpipe_sz) == F_SETPIPE_SZ && bits(rawsys::f::getpipe_sz) == F_GETPIPE_SZ);
static_assert(bits(rawsys::f::add_seals) == F_ADD_SEALS && bits(rawsys::f::get_seals) == F_GET_SEALS);
static_assert(bits(rawsys::flock_type::rdlck) == F_RDLCK && bits(rawsys::flock_type::wrlck) == F_WRLCK);
static_assert(bits(rawsys::flock_type::unlck) == F_UNLCK);
// glibc's struct flock64 and struct iovec: the same layouts.
static_assert(sizeof(rawsys::flock_t) == sizeof(struct flock64));
static_assert(offsetof(rawsys::flock_t, start) == offsetof(struct flock64, l_start));
static_assert(offsetof(rawsys::flock_t, len) == offsetof(struct flock64, l_len));
static_assert(offsetof(rawsys::flock_t, pid) == offsetof(struct flock64, l_pid));
static_assert(sizeof(rawsys::iovec) == sizeof(struct iovec));
static_assert(offsetof(rawsys::iovec, len) == offsetof(struct iovec, iov_len));

namespace {

constexpr int64_t gib = int64_t{1} << 30;

// st_size and st_blocks as glibc sees them.
int64_t glibc_size(int f) {
  struct stat64 st {};
  REQUIRE(::fstat64(f, &st) == 0);
  return st.st_size;
}
int64_t glibc_blocks(int f) {
  struct stat64 st {};
  REQUIRE(::fstat64(f, &st) == 0);
  return st.st_blocks;
}

rawsys::unique_fd make_file(const std::string& path, const std::string& text = "") {
  auto f = rawsys::openat(at_fdcwd, path.c_str(), o::rdwr | o::creat | o::trunc | o::cloexec, rawsys::mode{0600});
  REQUIRE(f.has_value());
  if (!text.empty()) REQUIRE(rawsys::write(*f, text.data(), text.size()) == text.size());
  return std::move(*f);
}

}  // namespace

TEST_CASE("openat and open: create, reopen, and glibc's errors") {
  temp_dir d;
  const std::string path = d / "new";
  const mode_t old_mask = ::umask(022);
  auto f = rawsys::openat(at_fdcwd, path.c_str(), o::wronly | o::creat | o::excl | o::cloexec, rawsys::mode{0666});
  ::umask(old_mask);
  REQUIRE(f.has_value());
  struct stat64 st {};
  REQUIRE(::stat64(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0644);  // 0666 & ~022, as for glibc's open
  CHECK(::fcntl(f->get(), F_GETFD) == FD_CLOEXEC);
  CHECK((::fcntl(f->get(), F_GETFL) & O_ACCMODE) == O_WRONLY);

  // open() is openat(AT_FDCWD): relative paths from the current directory.
  auto g = rawsys::open(path.c_str(), o::rdonly | o::cloexec);
  REQUIRE(g.has_value());
  struct stat64 a {}, b {};
  REQUIRE(::fstat64(f->get(), &a) == 0);
  REQUIRE(::fstat64(g->get(), &b) == 0);
  CHECK(a.st_ino == b.st_ino);

  // A directory descriptor as the base of a relative path.
  cfd dir(::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  REQUIRE(dir.get() >= 0);
  CHECK(rawsys::openat(dir, "new", o::rdonly | o::cloexec).has_value());

  SUBCASE("EEXIST with o::excl") {
    CHECK(error_of(rawsys::openat(at_fdcwd, path.c_str(), o::wronly | o::creat | o::excl, rawsys::mode{0600})) == errc::eexist);
    CHECK(glibc(::openat(AT_FDCWD, path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600)) == unexpected(errc::eexist));
  }
  SUBCASE("ENOENT") {
    const std::string missing = d / "missing";
    CHECK(outcome(rawsys::open(missing.c_str(), o::rdonly)) == glibc(::open(missing.c_str(), O_RDONLY)));
    CHECK(error_of(rawsys::open(missing.c_str(), o::rdonly)) == errc::enoent);
  }
  SUBCASE("ENOTDIR: o::directory on a regular file (the arch's own O_DIRECTORY)") {
    CHECK(outcome(rawsys::open(path.c_str(), o::rdonly | o::directory)) ==
          glibc(::open(path.c_str(), O_RDONLY | O_DIRECTORY)));
    CHECK(error_of(rawsys::open(path.c_str(), o::rdonly | o::directory)) == errc::enotdir);
  }
  SUBCASE("ELOOP: o::nofollow on a symlink") {
    const std::string link = d / "link";
    REQUIRE(::symlink(path.c_str(), link.c_str()) == 0);
    CHECK(outcome(rawsys::open(link.c_str(), o::rdonly | o::nofollow)) ==
          glibc(::open(link.c_str(), O_RDONLY | O_NOFOLLOW)));
    CHECK(error_of(rawsys::open(link.c_str(), o::rdonly | o::nofollow)) == errc::eloop);
  }
  SUBCASE("EBADF: a bad directory descriptor") {
    CHECK(outcome(rawsys::openat(fd{-5}, "x", o::rdonly)) == glibc(::openat(-5, "x", O_RDONLY)));
  }
  SUBCASE("o::tmpfile: an unnamed file in a directory") {
    auto t = rawsys::openat(at_fdcwd, d.c_str(), o::tmpfile | o::rdwr | o::cloexec, rawsys::mode{0600});
    REQUIRE(t.has_value());
    CHECK(rawsys::write(*t, "x") == 1u);
    struct stat64 ts {};
    REQUIRE(::fstat64(t->get(), &ts) == 0);
    CHECK(ts.st_nlink == 0);
  }
  SUBCASE("creating flags cast in from a number, without a mode: EINVAL, no file") {
    const std::string other = d / "other";
    const auto cast = static_cast<o::flags>(O_WRONLY | O_CREAT);
    CHECK(error_of(rawsys::open(other.c_str(), cast)) == errc::einval);
    CHECK(::access(other.c_str(), F_OK) != 0);
    CHECK(error_of(rawsys::openat(at_fdcwd, d.c_str(), static_cast<o::flags>(O_TMPFILE | O_RDWR))) == errc::einval);
    // o::directory alone is one of O_TMPFILE's two bits: not creating.
    CHECK(rawsys::open(d.c_str(), o::rdonly | o::directory).has_value());
  }
}

TEST_CASE("openat2: open_how, resolve:: flags, and glibc's syscall() errors") {
  temp_dir d;
  rawsys_test::write_file(d / "f", "data");
  cfd dir(::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  REQUIRE(dir.get() >= 0);
  auto ok = rawsys::openat2(dir, "f", rawsys::open_how(o::rdonly | o::cloexec));
  if (!ok && ok.error() == errc::enosys) {
    MESSAGE("skipped: the kernel has no openat2 (Linux 5.6)");
    return;
  }
  REQUIRE(ok.has_value());
  char buf[8] = {};
  CHECK(rawsys::read(*ok, buf, sizeof buf) == 4u);
  CHECK(std::string_view(buf, 4) == "data");

  ::open_how theirs{};
  theirs.flags = O_RDONLY | O_CLOEXEC;
  theirs.resolve = RESOLVE_BENEATH;
  const rawsys::open_how mine(o::rdonly | o::cloexec, 0, rawsys::resolve::beneath);
  // EXDEV: resolve::beneath refuses to leave the directory.
  CHECK(outcome(rawsys::openat2(dir, "../x", mine)) == glibc(::syscall(SYS_openat2, dir.get(), "../x", &theirs, sizeof theirs)));
  CHECK(error_of(rawsys::openat2(dir, "../x", mine)) == errc::exdev);
  // EXDEV for an absolute path too.
  CHECK(error_of(rawsys::openat2(dir, "/etc/passwd", mine)) == errc::exdev);
  // EINVAL: a size smaller than the first version of the struct.
  CHECK(outcome(rawsys::openat2(dir, "f", &mine, 8)) == glibc(::syscall(SYS_openat2, dir.get(), "f", &theirs, 8)));
  CHECK(error_of(rawsys::openat2(dir, "f", &mine, 8)) == errc::einval);
  // EINVAL: a mode without o::creat (openat ignores it; openat2 does not).
  const rawsys::open_how with_mode(o::rdonly, 0644);
  theirs = {};
  theirs.flags = O_RDONLY;
  theirs.mode = 0644;
  CHECK(outcome(rawsys::openat2(dir, "f", with_mode)) == glibc(::syscall(SYS_openat2, dir.get(), "f", &theirs, sizeof theirs)));
  CHECK(error_of(rawsys::openat2(dir, "f", with_mode)) == errc::einval);
}

TEST_CASE("close and close_range") {
  SUBCASE("close: EBADF as glibc") {
    CHECK(outcome(rawsys::close(fd{-1})) == glibc(::close(-1)));
    CHECK(rawsys::close(fd{-1}) == unexpected(errc::ebadf));
  }
  SUBCASE("close of an owned descriptor releases it once") {
    const int n = ::dup(0);
    REQUIRE(n >= 0);
    rawsys::unique_fd u(n);
    CHECK(rawsys::close(std::move(u)).has_value());
    CHECK_FALSE(u.valid());
    CHECK(glibc(::fcntl(n, F_GETFD)) == unexpected(errc::ebadf));
  }
  SUBCASE("close_range closes a range; cloexec marks it instead") {
    int fds[4];
    for (int& n : fds) {
      n = ::fcntl(0, F_DUPFD_CLOEXEC, 700);  // four free numbers from 700 up
      REQUIRE(n >= 700);
    }
    const unsigned lo = static_cast<unsigned>(fds[0]), hi = static_cast<unsigned>(fds[3]);
    REQUIRE(hi == lo + 3);  // nothing else of ours lives up there
    for (int n : fds) REQUIRE(::fcntl(n, F_SETFD, 0) == 0);
    auto r = rawsys::close_range(lo, lo + 1, rawsys::close_range_::cloexec);
    if (!r && r.error() == errc::enosys) {
      for (int n : fds) ::close(n);
      MESSAGE("skipped: the kernel has no close_range (Linux 5.9)");
      return;
    }
    CHECK(r.has_value());
    CHECK(::fcntl(fds[0], F_GETFD) == FD_CLOEXEC);
    CHECK(::fcntl(fds[1], F_GETFD) == FD_CLOEXEC);
    CHECK(::fcntl(fds[2], F_GETFD) == 0);
    CHECK(rawsys::close_range(lo, hi).has_value());
    for (int n : fds) CHECK(glibc(::fcntl(n, F_GETFD)) == unexpected(errc::ebadf));
  }
  SUBCASE("close_range: EINVAL as glibc's") {
    // first > last, and an unknown flag.
    CHECK(outcome(rawsys::close_range(10, 5)) == glibc(::syscall(SYS_close_range, 10, 5, 0)));
    CHECK(outcome(rawsys::close_range(10, 5)) == unexpected(errc::einval));
    const auto bad = static_cast<rawsys::close_range_::flags>(0x80);
    CHECK(outcome(rawsys::close_range(900, 901, bad)) == glibc(::syscall(SYS_close_range, 900, 901, 0x80)));
  }
}

TEST_CASE("read and write: values and errors as glibc's") {
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  cfd r(p[0]), w(p[1]);
  CHECK(rawsys::write(w, "hello") == 5u);                  // a literal without its NUL
  CHECK(rawsys::write(w, "world", 3) == 3u);
  char buf[16] = {};
  CHECK(rawsys::read(r, buf) == 8u);                       // the whole array as the buffer
  CHECK(std::string_view(buf, 8) == "hellowor");
  CHECK(rawsys::write(w, "", 0) == 0u);
  // EBADF: reading the write end, writing the read end.
  CHECK(outcome(rawsys::read(w, buf, 1)) == glibc(::read(w.get(), buf, 1)));
  CHECK(outcome(rawsys::write(r, "x", 1)) == glibc(::write(r.get(), "x", 1)));
  CHECK(error_of(rawsys::read(w, buf, 1)) == errc::ebadf);
  // EAGAIN from an empty non-blocking pipe.
  REQUIRE(::fcntl(r.get(), F_SETFL, O_NONBLOCK) == 0);
  CHECK(outcome(rawsys::read(r, buf)) == glibc(::read(r.get(), buf, sizeof buf)));
  CHECK(error_of(rawsys::read(r, buf)) == errc::eagain);
  // Reading what glibc wrote.
  REQUIRE(::write(w.get(), "abc", 3) == 3);
  CHECK(rawsys::read(r, buf, 3) == 3u);
  CHECK(std::string_view(buf, 3) == "abc");
}

TEST_CASE("pread64 and pwrite64: positioned I/O leaves the offset alone") {
  temp_dir d;
  auto f = make_file(d / "f", "0123456789");
  REQUIRE(rawsys::lseek(f, 2, rawsys::seek::set) == 2);
  char buf[4] = {};
  CHECK(rawsys::pread64(f, buf, 3, 5) == 3u);
  CHECK(std::string_view(buf, 3) == "567");
  CHECK(rawsys::pwrite64(f, "ab", 1) == 2u);
  CHECK(rawsys::pread64(f, buf, 0) == 4u);
  CHECK(std::string_view(buf, 4) == "0ab3");
  CHECK(::lseek64(f.get(), 0, SEEK_CUR) == 2);
  // glibc reads what rawsys wrote, and the other way round.
  char theirs[2] = {};
  CHECK(::pread64(f.get(), theirs, 2, 1) == 2);
  CHECK(std::string_view(theirs, 2) == "ab");
  // EINVAL: a negative offset; ESPIPE: a pipe.
  CHECK(outcome(rawsys::pread64(f, buf, 1, -1)) == glibc(::pread64(f.get(), buf, 1, -1)));
  CHECK(outcome(rawsys::pwrite64(f, "x", 1, -1)) == glibc(::pwrite64(f.get(), "x", 1, -1)));
  CHECK(error_of(rawsys::pread64(f, buf, 1, -1)) == errc::einval);
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  cfd r(p[0]), w(p[1]);
  CHECK(outcome(rawsys::pwrite64(w, "x", 1, 0)) == glibc(::pwrite64(w.get(), "x", 1, 0)));
  CHECK(error_of(rawsys::pwrite64(w, "x", 1, 0)) == errc::espipe);
}

TEST_CASE("readv and writev: scatter and gather") {
  temp_dir d;
  auto f = make_file(d / "f");
  char a[] = "abc", b[] = "defgh";
  const rawsys::iovec out[] = {{a, 3}, {b, 5}};
  CHECK(rawsys::writev(f, out, 2) == 8u);
  REQUIRE(rawsys::lseek(f, 0, rawsys::seek::set) == 0);
  char x[2] = {}, y[6] = {};
  const rawsys::iovec in[] = {{x, 2}, {y, 6}};
  CHECK(rawsys::readv(f, in, 2) == 8u);
  CHECK(std::string_view(x, 2) == "ab");
  CHECK(std::string_view(y, 6) == "cdefgh");
  // glibc's readv of what rawsys's writev wrote.
  REQUIRE(::lseek64(f.get(), 0, SEEK_SET) == 0);
  char z[8] = {};
  struct iovec theirs[] = {{z, 8}};
  CHECK(::readv(f.get(), theirs, 1) == 8);
  CHECK(std::string_view(z, 8) == "abcdefgh");
  // EINVAL: a negative count; EBADF.
  volatile int minus_one = -1;  // hidden from glibc's access attribute, which warns
  CHECK(outcome(rawsys::readv(f, in, minus_one)) == glibc(::readv(f.get(), theirs, minus_one)));
  CHECK(error_of(rawsys::readv(f, in, -1)) == errc::einval);
  CHECK(outcome(rawsys::writev(fd{-1}, out, 2)) == glibc(::writev(-1, theirs, 1)));
}

TEST_CASE("preadv2 and pwritev2: offsets, -1 for the file position, rwf:: flags") {
  temp_dir d;
  auto f = make_file(d / "f", "0123456789");
  char a[3] = {};
  const rawsys::iovec in[] = {{a, 3}};
  CHECK(rawsys::preadv2(f, in, 1, 4) == 3u);
  CHECK(std::string_view(a, 3) == "456");
  CHECK(::lseek64(f.get(), 0, SEEK_CUR) == 10);  // make_file's write left it at the end
  REQUIRE(::lseek64(f.get(), 1, SEEK_SET) == 1);
  CHECK(rawsys::preadv2(f, in, 1, -1) == 3u);    // at, and moving, the file position
  CHECK(std::string_view(a, 3) == "123");
  CHECK(::lseek64(f.get(), 0, SEEK_CUR) == 4);
  char w[] = "XY";
  const rawsys::iovec out[] = {{w, 2}};
  CHECK(rawsys::pwritev2(f, out, 1, 8) == 2u);
  CHECK(rawsys::pwritev2(f, out, 1, -1) == 2u);  // at 4
  char all[10] = {};
  CHECK(::pread64(f.get(), all, 10, 0) == 10);
  CHECK(std::string_view(all, 10) == "0123XY67XY");
  // EINVAL for an offset below -1, as glibc's (flag-less: its preadv).
  struct iovec theirs[] = {{a, 3}};
  CHECK(outcome(rawsys::pwritev2(f, out, 1, -2)) == glibc(::pwritev2(f.get(), theirs, 1, -2, 0)));
  CHECK(error_of(rawsys::pwritev2(f, out, 1, -2)) == errc::einval);
  CHECK(outcome(rawsys::preadv2(fd{-1}, in, 1, 0)) == glibc(::preadv2(-1, theirs, 1, 0, 0)));

  // The calls themselves, with flags.
  if (rawsys::syscall(rawsys::nr::preadv2, f.get(), in, 1, 0, 0, 0) == unexpected(errc::enosys)) {
    // Only the flag-less fallback (preadv, readv, pwritev, writev) ran above.
    MESSAGE("rwf:: flags skipped: preadv2/pwritev2 say ENOSYS here (qemu-user 10 has neither)");
    CHECK(error_of(rawsys::preadv2(f, in, 1, 0, rawsys::rwf::hipri)) == errc::enosys);
    return;
  }
  CHECK(rawsys::pwritev2(f, out, 1, 0, rawsys::rwf::dsync) == 2u);
  // rwf::append writes at the end whatever the offset.
  CHECK(rawsys::pwritev2(f, out, 1, 0, rawsys::rwf::append) == 2u);
  CHECK(glibc_size(f.get()) == 12);
  CHECK(::pread64(f.get(), all, 2, 10) == 2);
  CHECK(std::string_view(all, 2) == "XY");
  // EOPNOTSUPP for an unknown flag.
  const auto bad = static_cast<rawsys::rwf::flags>(0x40000000);
  CHECK(outcome(rawsys::preadv2(f, in, 1, 0, bad)) == glibc(::preadv2(f.get(), theirs, 1, 0, 0x40000000)));
  CHECK(error_of(rawsys::preadv2(f, in, 1, 0, bad)) == errc::eopnotsupp);
}

TEST_CASE("lseek: every whence, and glibc's errors") {
  temp_dir d;
  auto f = make_file(d / "f", "0123456789");
  CHECK(rawsys::lseek(f, 3, rawsys::seek::set) == 3);
  CHECK(rawsys::lseek(f, 2, rawsys::seek::cur) == 5);
  CHECK(rawsys::lseek(f, -4, rawsys::seek::end) == 6);
  CHECK(::lseek64(f.get(), 0, SEEK_CUR) == 6);
  CHECK(rawsys::lseek(f, 0, rawsys::seek::data) == ::lseek64(f.get(), 0, SEEK_DATA));
  CHECK(rawsys::lseek(f, 0, rawsys::seek::hole) == ::lseek64(f.get(), 0, SEEK_HOLE));
  CHECK(outcome(rawsys::lseek(f, -20, rawsys::seek::cur)) == glibc(::lseek64(f.get(), -20, SEEK_CUR)));
  CHECK(error_of(rawsys::lseek(f, -20, rawsys::seek::set)) == errc::einval);
  const auto bad = static_cast<rawsys::seek>(99);
  CHECK(outcome(rawsys::lseek(f, 0, bad)) == glibc(::lseek64(f.get(), 0, 99)));
  CHECK(outcome(rawsys::lseek(f, 20, rawsys::seek::data)) == glibc(::lseek64(f.get(), 20, SEEK_DATA)));
  CHECK(error_of(rawsys::lseek(f, 20, rawsys::seek::data)) == errc::enxio);
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  cfd r(p[0]), w(p[1]);
  CHECK(outcome(rawsys::lseek(r, 0, rawsys::seek::cur)) == glibc(::lseek64(r.get(), 0, SEEK_CUR)));
  CHECK(error_of(rawsys::lseek(r, 0, rawsys::seek::cur)) == errc::espipe);
}

TEST_CASE("lseek: a position the kernel returns instead of writing it, as glibc reports it") {
  // /proc/self/mem takes any offset; 0xfffffffffffff000 is -4096 as a loff_t,
  // which _llseek cannot store in *result: it returns the position itself
  // and leaves *result unwritten (glibc then returns that value).
  cfd mem(::open("/proc/self/mem", O_RDONLY | O_CLOEXEC));
  if (mem.get() < 0) {
    MESSAGE("skipped: /proc/self/mem cannot be opened here");
    return;
  }
  const int64_t far = static_cast<int64_t>(0xfffffffffffff000ull);
  const auto mine = rawsys::lseek(mem, far, rawsys::seek::set);
  const off64_t theirs = ::lseek64(mem.get(), far, SEEK_SET);
  CHECK(outcome(mine) == glibc(theirs));
  CHECK(mine == far);
}

TEST_CASE("dup, dup3 and dup2 (POSIX dup2(fd, fd) included)") {
  temp_dir d;
  auto f = make_file(d / "f", "abc");
  auto g = rawsys::dup(f);
  REQUIRE(g.has_value());
  CHECK(g->get() != f.get());
  CHECK(::fcntl(g->get(), F_GETFD) == 0);  // dup never sets close-on-exec
  CHECK(::lseek64(g->get(), 0, SEEK_CUR) == 3);  // one open file description
  CHECK(outcome(rawsys::dup(fd{-1})) == glibc(::dup(-1)));

  // dup3 onto a number we own: returns it, with the flags asked for.
  cfd target(::open("/dev/null", O_RDONLY | O_CLOEXEC));
  REQUIRE(target.get() >= 0);
  CHECK(rawsys::dup3(f, target, o::cloexec) == fd{target.get()});
  CHECK(::fcntl(target.get(), F_GETFD) == FD_CLOEXEC);
  CHECK(::lseek64(target.get(), 0, SEEK_CUR) == 3);
  CHECK(rawsys::dup3(f, target) == fd{target.get()});
  CHECK(::fcntl(target.get(), F_GETFD) == 0);
  // dup3 with equal descriptors: EINVAL, as glibc's dup3.
  CHECK(outcome(rawsys::dup3(f, f)) == glibc(::dup3(f.get(), f.get(), 0)));
  CHECK(error_of(rawsys::dup3(f, f)) == errc::einval);
  // EINVAL for a flag other than o::cloexec.
  CHECK(outcome(rawsys::dup3(f, target, o::nonblock)) == glibc(::dup3(f.get(), target.get(), O_NONBLOCK)));

  // dup2 is dup3 for different descriptors ...
  CHECK(rawsys::dup2(f, target) == fd{target.get()});
  CHECK(::fcntl(target.get(), F_GETFD) == 0);
  // ... and for equal ones, as POSIX dup2: the descriptor when it is open,
  CHECK(rawsys::dup2(f, f) == fd{f.get()});
  CHECK(outcome(rawsys::dup2(f, f)) == glibc(::dup2(f.get(), f.get())));
  // EBADF when it is not.
  const int closed = ::dup(0);
  REQUIRE(closed >= 0);
  ::close(closed);
  CHECK(outcome(rawsys::dup2(fd{closed}, fd{closed})) == glibc(::dup2(closed, closed)));
  CHECK(error_of(rawsys::dup2(fd{closed}, fd{closed})) == errc::ebadf);
  CHECK(outcome(rawsys::dup2(fd{closed}, target)) == glibc(::dup2(closed, target.get())));
  CHECK(outcome(rawsys::dup2(f, fd{-1})) == glibc(::dup2(f.get(), -1)));
}

TEST_CASE("fcntl: the typed helpers and the generic call, against glibc's fcntl") {
  temp_dir d;
  auto f = make_file(d / "f");
  // F_GETFD/F_SETFD.
  CHECK(rawsys::fcntl_getfd(f) == rawsys::fd_::cloexec);
  CHECK(rawsys::fcntl_setfd(f, rawsys::fd_::flags()).has_value());
  CHECK(::fcntl(f.get(), F_GETFD) == 0);
  CHECK(outcome(rawsys::fcntl_getfd(f)) == glibc(::fcntl(f.get(), F_GETFD)));
  CHECK(rawsys::fcntl_setfd(f, rawsys::fd_::cloexec).has_value());
  CHECK(::fcntl(f.get(), F_GETFD) == FD_CLOEXEC);
  // F_GETFL/F_SETFL.
  CHECK(outcome(rawsys::fcntl_getfl(f)) == glibc(::fcntl(f.get(), F_GETFL)));
  CHECK((rawsys::fcntl_getfl(f).value() & o::accmode) == o::rdwr);
  CHECK(rawsys::fcntl_setfl(f, o::nonblock | o::append).has_value());
  CHECK((::fcntl(f.get(), F_GETFL) & (O_NONBLOCK | O_APPEND)) == (O_NONBLOCK | O_APPEND));
  CHECK(rawsys::has(rawsys::fcntl_getfl(f).value(), o::append));
  // F_DUPFD_CLOEXEC with a lowest number.
  auto dup = rawsys::fcntl_dupfd_cloexec(f, 500);
  REQUIRE(dup.has_value());
  CHECK(dup->get() >= 500);
  CHECK(::fcntl(dup->get(), F_GETFD) == FD_CLOEXEC);
  // The generic call: F_GETPIPE_SZ on a pipe, as glibc's.
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  cfd r(p[0]), w(p[1]);
  CHECK(rawsys::fcntl(r, rawsys::f::getpipe_sz) == ::fcntl(r.get(), F_GETPIPE_SZ));
  // Errors: EBADF, EINVAL for an unknown command or a bad minimum.
  CHECK(outcome(rawsys::fcntl_getfd(fd{-1})) == glibc(::fcntl(-1, F_GETFD)));
  CHECK(error_of(rawsys::fcntl_getfl(fd{-1})) == errc::ebadf);
  const auto unknown = static_cast<rawsys::f>(0x7777);
  CHECK(outcome(rawsys::fcntl(f, unknown)) == glibc(::fcntl(f.get(), 0x7777)));
  CHECK(error_of(rawsys::fcntl(f, unknown)) == errc::einval);
  CHECK(outcome(rawsys::fcntl_dupfd_cloexec(f, 1u << 30)) == glibc(::fcntl(f.get(), F_DUPFD_CLOEXEC, 1 << 30)));
  // EBADF from every typed helper, as from glibc's fcntl64.
  CHECK(outcome(rawsys::fcntl_setfd(fd{-1}, rawsys::fd_::cloexec)) == glibc(::fcntl(-1, F_SETFD, FD_CLOEXEC)));
  CHECK(outcome(rawsys::fcntl_setfl(fd{-1}, o::nonblock)) == glibc(::fcntl(-1, F_SETFL, O_NONBLOCK)));
  CHECK(error_of(rawsys::fcntl_setfl(fd{-1}, o::nonblock)) == errc::ebadf);
  rawsys::flock_t lk{};
  lk.type = rawsys::flock_type::rdlck;
  struct flock64 theirs{};
  theirs.l_type = F_RDLCK;
  CHECK(outcome(rawsys::fcntl_getlk(fd{-1}, &lk)) == glibc(::fcntl64(-1, F_GETLK64, &theirs)));
  CHECK(outcome(rawsys::fcntl_setlkw(fd{-1}, &lk)) == glibc(::fcntl64(-1, F_SETLKW64, &theirs)));
  CHECK(outcome(rawsys::fcntl_ofd_getlk(fd{-1}, &lk)) == glibc(::fcntl64(-1, F_OFD_GETLK, &theirs)));
  CHECK(outcome(rawsys::fcntl_ofd_setlkw(fd{-1}, &lk)) == glibc(::fcntl64(-1, F_OFD_SETLKW, &theirs)));
  CHECK(error_of(rawsys::fcntl_ofd_setlkw(fd{-1}, &lk)) == errc::ebadf);
  // EBADF for a write lock on a descriptor opened read-only.
  cfd ro(::open((d / "f").c_str(), O_RDONLY | O_CLOEXEC));
  lk.type = rawsys::flock_type::wrlck;
  theirs.l_type = F_WRLCK;
  CHECK(outcome(rawsys::fcntl_setlkw(ro, &lk)) == glibc(::fcntl64(ro.get(), F_SETLKW64, &theirs)));
  CHECK(error_of(rawsys::fcntl_setlkw(ro, &lk)) == errc::ebadf);
}

// F_GETOWN of a process group: the kernel returns the group as its negative
// id, so a group id of 4095 or less comes back inside the error range. Small
// ids are certain only in a new PID namespace: its init (pid 1) starts two
// group leaders and compares rawsys's F_GETOWN with glibc's for each owner.
// The processes live in that namespace and die with its init.
namespace {
struct getown_record {
  int owner;         // the F_SETOWN argument
  int ok;            // rawsys's result: a value (1) or an error (0)
  long value;        // its value, or its errno
  int glibc_ret;     // glibc's fcntl(F_GETOWN)
  int glibc_errno;
};
struct getown_report {
  int failed;  // the setup step that went wrong, or 0
  getown_record rec[5];
};

// The namespace's init: reports on w, then exits.
[[noreturn]] void getown_namespace_init(int w) {
  getown_report out{};
  int hold[2];
  pid_t leader[2] = {};
  if (::getpid() != 1 || ::pipe2(hold, O_CLOEXEC) != 0) out.failed = 1;
  for (pid_t& m : leader) {
    if (out.failed != 0) break;
    m = ::fork();
    if (m == 0) {  // a group leader until init closes hold[1]
      ::close(hold[1]);
      ::setpgid(0, 0);
      char c;
      (void)!::read(hold[0], &c, 1);
      ::_exit(0);
    }
    // Any id here is small (qemu-user's own threads take some, too).
    if (m <= 1 || m > 4095 || (::setpgid(m, m) != 0 && errno != EACCES)) out.failed = 2;
  }
  int p[2];
  if (out.failed == 0 && ::pipe2(p, O_CLOEXEC) != 0) out.failed = 3;
  const int owners[5] = {-leader[0], -leader[1], leader[0], leader[1], 0};
  for (int i = 0; out.failed == 0 && i < 5; ++i) {
    getown_record& x = out.rec[i];
    x.owner = owners[i];
    if (::fcntl(p[0], F_SETOWN, x.owner) != 0) {
      out.failed = 4;
      break;
    }
    const auto mine = rawsys::fcntl(fd{p[0]}, rawsys::f::getown);
    x.ok = mine.has_value();
    x.value = mine ? *mine : static_cast<long>(mine.error());
    errno = 0;
    x.glibc_ret = ::fcntl(p[0], F_GETOWN);
    x.glibc_errno = errno;
  }
  (void)!::write(w, &out, sizeof out);
  ::_exit(0);
}
}  // namespace

TEST_CASE("fcntl getown: a process group with an id of 4095 or less, as glibc's") {
  int report[2];
  REQUIRE(::pipe2(report, O_CLOEXEC) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(report[0]);
    int why = 0;
    if (::unshare(CLONE_NEWPID) != 0) {
      why = errno;
    } else {
      const pid_t init = ::fork();  // pid 1 in the new namespace
      if (init == 0) getown_namespace_init(report[1]);
      if (init < 0) why = errno;
      int status;
      if (init > 0) ::waitpid(init, &status, 0);
    }
    if (why != 0) (void)!::write(report[1], &why, sizeof why);
    ::_exit(0);
  }
  ::close(report[1]);
  unsigned char buf[sizeof(getown_report)];
  size_t got = 0;
  for (ssize_t n; got < sizeof buf && (n = ::read(report[0], buf + got, sizeof buf - got)) > 0;)
    got += static_cast<size_t>(n);
  ::close(report[0]);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  if (got == sizeof(int)) {
    int why;
    std::memcpy(&why, buf, sizeof why);
    rawsys_test::skip("small process group ids need a new PID namespace, and " +
                      rawsys_test::why_unavailable("unshare", static_cast<errc>(why)));
    return;
  }
  REQUIRE(got == sizeof buf);
  getown_report out;
  std::memcpy(&out, buf, sizeof out);
  REQUIRE_MESSAGE(out.failed == 0, "setup step ", out.failed, " failed in the namespace");
  for (const getown_record& x : out.rec) {
    INFO("F_SETOWN ", x.owner);
    CHECK(x.glibc_ret == x.owner);  // glibc's answer: the owner itself
    CHECK(x.glibc_errno == 0);
    CHECK(x.ok == 1);
    CHECK(x.value == x.owner);
  }
}

TEST_CASE("fcntl locks: POSIX and OFD locks seen from a child") {
  temp_dir d;
  const std::string path = d / "locked";
  auto f = make_file(path, std::string(200, 'x'));
  const pid_t parent = ::getpid();

  // A POSIX write lock on [0, 100) held by this process.
  rawsys::flock_t lk{};
  lk.type = rawsys::flock_type::wrlck;
  lk.whence = SEEK_SET;
  lk.start = 0;
  lk.len = 100;
  REQUIRE(rawsys::fcntl_setlk(f, &lk).has_value());
  // Uncontended F_SETLKW on another range: no wait.
  rawsys::flock_t lk2 = lk;
  lk2.start = 150;
  lk2.len = 10;
  CHECK(rawsys::fcntl_setlkw(f, &lk2).has_value());

  const int child = rawsys_test::in_child([&] {
    int failed = 0;
    const int g = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (g < 0) return 100;
    // F_GETLK reports the parent's lock, as glibc's fcntl64(F_GETLK64) does
    // (glibc's fcntl on i386 reads a 32-bit struct flock for F_OFD_*).
    rawsys::flock_t q{};
    q.type = rawsys::flock_type::rdlck;
    q.whence = SEEK_SET;
    q.start = 50;
    q.len = 10;
    if (!rawsys::fcntl_getlk(fd{g}, &q)) failed |= 1;
    if (q.type != rawsys::flock_type::wrlck || q.start != 0 || q.len != 100 || q.pid != parent) failed |= 2;
    struct flock64 theirs{};
    theirs.l_type = F_RDLCK;
    theirs.l_whence = SEEK_SET;
    theirs.l_start = 50;
    theirs.l_len = 10;
    if (::fcntl64(g, F_GETLK64, &theirs) != 0 || theirs.l_pid != q.pid || theirs.l_start != q.start) failed |= 4;
    // F_SETLK conflicts: the same errno as glibc's.
    rawsys::flock_t w{};
    w.type = rawsys::flock_type::wrlck;
    w.whence = SEEK_SET;
    w.start = 10;
    w.len = 1;
    const auto mine = rawsys::fcntl_setlk(fd{g}, &w);
    struct flock64 tw{};
    tw.l_type = F_WRLCK;
    tw.l_whence = SEEK_SET;
    tw.l_start = 10;
    tw.l_len = 1;
    const auto glibcs = glibc(::fcntl64(g, F_SETLK64, &tw));
    if (mine || glibcs || mine.error() != glibcs.error()) failed |= 8;
    if (mine || (mine.error() != errc::eagain && mine.error() != errc::eacces)) failed |= 16;
    // Outside the locked ranges: granted.
    w.start = 120;
    if (!rawsys::fcntl_setlk(fd{g}, &w)) failed |= 32;
    ::close(g);
    return failed;
  });
  CHECK(child == 0);

  // Unlocking through rawsys: a child gets the lock now.
  lk.type = rawsys::flock_type::unlck;
  lk.start = 0;
  lk.len = 0;
  REQUIRE(rawsys::fcntl_setlk(f, &lk).has_value());
  CHECK(rawsys_test::in_child([&] {
          const int g = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
          rawsys::flock_t w{};
          w.type = rawsys::flock_type::wrlck;
          w.whence = SEEK_SET;
          return g >= 0 && rawsys::fcntl_setlk(fd{g}, &w) ? 0 : 1;
        }) == 0);

  // OFD locks: owned by this open file description; a child's own open
  // conflicts with it, and F_OFD_GETLK reports pid -1.
  rawsys::flock_t ofd{};
  ofd.type = rawsys::flock_type::rdlck;
  ofd.whence = SEEK_SET;
  ofd.start = 20;
  ofd.len = 30;
  REQUIRE(rawsys::fcntl_ofd_setlk(f, &ofd).has_value());
  CHECK(rawsys_test::in_child([&] {
          int failed = 0;
          const int g = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
          if (g < 0) return 100;
          rawsys::flock_t q{};
          q.type = rawsys::flock_type::wrlck;
          q.whence = SEEK_SET;
          if (!rawsys::fcntl_ofd_getlk(fd{g}, &q)) failed |= 1;
          if (q.type != rawsys::flock_type::rdlck || q.start != 20 || q.len != 30 || q.pid != -1) failed |= 2;
          q = {};
          q.type = rawsys::flock_type::wrlck;
          q.whence = SEEK_SET;
          q.start = 25;
          q.len = 1;
          const auto mine = rawsys::fcntl_ofd_setlk(fd{g}, &q);
          struct flock64 tw{};
          tw.l_type = F_WRLCK;
          tw.l_whence = SEEK_SET;
          tw.l_start = 25;
          tw.l_len = 1;
          const auto glibcs = glibc(::fcntl64(g, F_OFD_SETLK, &tw));
          if (mine || glibcs || mine.error() != glibcs.error() || mine.error() != errc::eagain) failed |= 4;
          // A read lock is compatible, and F_OFD_SETLKW takes it at once.
          q.type = rawsys::flock_type::rdlck;
          if (!rawsys::fcntl_ofd_setlkw(fd{g}, &q)) failed |= 8;
          // EINVAL: OFD locks need pid 0.
          q.pid = 1;
          tw.l_type = F_RDLCK;
          tw.l_pid = 1;
          if (rawsys_test::outcome(rawsys::fcntl_ofd_setlk(fd{g}, &q)) != glibc(::fcntl64(g, F_OFD_SETLK, &tw)))
            failed |= 16;
          ::close(g);
          return failed;
        }) == 0);

  // EBADF as glibc's; EINVAL for a bad lock type.
  struct flock64 tlk{};
  tlk.l_type = F_UNLCK;
  CHECK(outcome(rawsys::fcntl_setlk(fd{-1}, &lk)) == glibc(::fcntl64(-1, F_SETLK64, &tlk)));
  rawsys::flock_t bad{};
  bad.type = static_cast<rawsys::flock_type>(7);
  struct flock64 tbad{};
  tbad.l_type = 7;
  CHECK(outcome(rawsys::fcntl_setlk(f, &bad)) == glibc(::fcntl64(f.get(), F_SETLK64, &tbad)));
  CHECK(error_of(rawsys::fcntl_setlk(f, &bad)) == errc::einval);
}

TEST_CASE("flock: a child's own open file conflicts until the lock goes") {
  temp_dir d;
  const std::string path = d / "flocked";
  auto f = make_file(path);
  REQUIRE(rawsys::flock(f, rawsys::lock::ex).has_value());
  auto try_in_child = [&] {
    return rawsys_test::in_child([&] {
      const int g = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
      if (g < 0) return 100;
      const auto mine = rawsys::flock(fd{g}, rawsys::lock::sh | rawsys::lock::nb);
      if (mine) return 0;
      const auto glibcs = glibc(::flock(g, LOCK_SH | LOCK_NB));
      return glibcs.has_value() ? 101 : (mine.error() == glibcs.error() && mine.error() == errc::ewouldblock ? 1 : 102);
    });
  };
  CHECK(try_in_child() == 1);  // EWOULDBLOCK, as glibc's flock says
  REQUIRE(rawsys::flock(f, rawsys::lock::un).has_value());
  CHECK(try_in_child() == 0);
  // EBADF; EINVAL for no operation.
  CHECK(outcome(rawsys::flock(fd{-1}, rawsys::lock::ex)) == glibc(::flock(-1, LOCK_EX)));
  CHECK(outcome(rawsys::flock(f, rawsys::lock::nb)) == glibc(::flock(f.get(), LOCK_NB)));
  CHECK(error_of(rawsys::flock(f, rawsys::lock::nb)) == errc::einval);
}

TEST_CASE("ioctl: FIONREAD on a pipe, ENOTTY on a file") {
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  cfd r(p[0]), w(p[1]);
  REQUIRE(::write(w.get(), "12345", 5) == 5);
  int mine = -1, theirs = -1;
  CHECK(rawsys::ioctl(r, FIONREAD, &mine) == 0);
  CHECK(::ioctl(r.get(), FIONREAD, &theirs) == 0);
  CHECK(mine == 5);
  CHECK(mine == theirs);
  // FIONBIO takes an int* too: non-blocking on.
  int one = 1;
  CHECK(rawsys::ioctl(r, FIONBIO, &one) == 0);
  CHECK((::fcntl(r.get(), F_GETFL) & O_NONBLOCK) != 0);
  temp_dir d;
  auto f = make_file(d / "f");
  struct termios t {};
  CHECK(outcome(rawsys::ioctl(f, TCGETS, &t)) == glibc(::ioctl(f.get(), TCGETS, &t)));
  CHECK(error_of(rawsys::ioctl(f, TCGETS, &t)) == errc::enotty);
  CHECK(outcome(rawsys::ioctl(fd{-1}, FIONREAD, &mine)) == glibc(::ioctl(-1, FIONREAD, &theirs)));
}

TEST_CASE("pipe2: two owned ends, flags, and EINVAL") {
  auto p = rawsys::pipe2(o::cloexec | o::nonblock);
  REQUIRE(p.has_value());
  auto& [r, w] = *p;
  CHECK(::fcntl(r.get(), F_GETFD) == FD_CLOEXEC);
  CHECK((::fcntl(w.get(), F_GETFL) & O_NONBLOCK) != 0);
  CHECK(rawsys::write(w, "ping") == 4u);
  char buf[4] = {};
  CHECK(::read(r.get(), buf, 4) == 4);
  CHECK(std::string_view(buf, 4) == "ping");
  int raw[2] = {-1, -1};
  REQUIRE(rawsys::pipe2(raw, o::cloexec).has_value());
  cfd a(raw[0]), b(raw[1]);
  CHECK(a.get() >= 0);
  CHECK(b.get() >= 0);
  int theirs[2] = {-1, -1};
  CHECK(outcome(rawsys::pipe2(raw, o::trunc)) == glibc(::pipe2(theirs, O_TRUNC)));
  CHECK(error_of(rawsys::pipe2(o::trunc)) == errc::einval);
}

TEST_CASE("fsync, fdatasync, sync and syncfs") {
  temp_dir d;
  auto f = make_file(d / "f", "data");
  CHECK(rawsys::fsync(f).has_value());
  CHECK(rawsys::fdatasync(f).has_value());
  rawsys::sync();
  CHECK(rawsys::syncfs(f).has_value());
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  cfd r(p[0]), w(p[1]);
  CHECK(outcome(rawsys::fsync(r)) == glibc(::fsync(r.get())));
  CHECK(error_of(rawsys::fsync(r)) == errc::einval);
  CHECK(outcome(rawsys::fdatasync(fd{-1})) == glibc(::fdatasync(-1)));
  CHECK(outcome(rawsys::syncfs(fd{-1})) == glibc(::syncfs(-1)));
  CHECK(error_of(rawsys::syncfs(fd{-1})) == errc::ebadf);
}

TEST_CASE("ftruncate and truncate") {
  temp_dir d;
  const std::string path = d / "f";
  auto f = make_file(path, "0123456789");
  CHECK(rawsys::ftruncate(f, 4).has_value());
  CHECK(glibc_size(f.get()) == 4);
  CHECK(rawsys::truncate(path.c_str(), 7).has_value());
  CHECK(glibc_size(f.get()) == 7);
  char buf[7] = {};
  CHECK(::pread64(f.get(), buf, 7, 0) == 7);
  CHECK(std::string_view(buf, 7) == std::string_view("0123\0\0\0", 7));
  CHECK(outcome(rawsys::ftruncate(f, -1)) == glibc(::ftruncate64(f.get(), -1)));
  CHECK(error_of(rawsys::ftruncate(f, -1)) == errc::einval);
  const std::string missing = d / "missing";
  CHECK(outcome(rawsys::truncate(missing.c_str(), 0)) == glibc(::truncate64(missing.c_str(), 0)));
  CHECK(error_of(rawsys::truncate(missing.c_str(), 0)) == errc::enoent);
  cfd ro(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  CHECK(outcome(rawsys::ftruncate(ro, 0)) == glibc(::ftruncate64(ro.get(), 0)));
  CHECK(outcome(rawsys::truncate(d.c_str(), 0)) == glibc(::truncate64(d.c_str(), 0)));
  CHECK(error_of(rawsys::truncate(d.c_str(), 0)) == errc::eisdir);
}

TEST_CASE("fallocate: allocate, keep_size, punch_hole, glibc's errors") {
  temp_dir d;
  auto f = make_file(d / "f");
  auto r = rawsys::fallocate(f, rawsys::falloc::allocate_range, 0, 8192);
  if (!r && r.error() == errc::eopnotsupp) {
    MESSAGE("skipped: this file system has no fallocate");
    return;
  }
  CHECK(r.has_value());
  CHECK(glibc_size(f.get()) == 8192);
  CHECK(rawsys::fallocate(f, rawsys::falloc::keep_size, 8192, 8192).has_value());
  CHECK(glibc_size(f.get()) == 8192);
  CHECK(glibc_blocks(f.get()) >= 32);  // 16 KiB in 512-byte units
  REQUIRE(::pwrite64(f.get(), "abcd", 4, 100) == 4);
  CHECK(rawsys::fallocate(f, rawsys::falloc::punch_hole | rawsys::falloc::keep_size, 0, 4096).has_value());
  char buf[4] = {'x', 'x', 'x', 'x'};
  CHECK(::pread64(f.get(), buf, 4, 100) == 4);
  CHECK(std::string_view(buf, 4) == std::string_view("\0\0\0\0", 4));
  CHECK(outcome(rawsys::fallocate(f, rawsys::falloc::allocate_range, 0, 0)) == glibc(::fallocate64(f.get(), 0, 0, 0)));
  CHECK(error_of(rawsys::fallocate(f, rawsys::falloc::allocate_range, 0, 0)) == errc::einval);
  CHECK(outcome(rawsys::fallocate(fd{-1}, rawsys::falloc::allocate_range, 0, 1)) == glibc(::fallocate64(-1, 0, 0, 1)));
  // punch_hole without keep_size: EOPNOTSUPP.
  CHECK(outcome(rawsys::fallocate(f, rawsys::falloc::punch_hole, 0, 10)) ==
        glibc(::fallocate64(f.get(), FALLOC_FL_PUNCH_HOLE, 0, 10)));
}

TEST_CASE("fadvise64: advice taken, and the errors posix_fadvise returns") {
  temp_dir d;
  auto f = make_file(d / "f", "data");
  CHECK(rawsys::fadvise64(f, 0, 0, rawsys::fadv::sequential).has_value());
  CHECK(rawsys::fadvise64(f, 0, 4, rawsys::fadv::dontneed).has_value());
  // posix_fadvise returns the error number itself.
  auto theirs = [](int e) { return e == 0 ? rawsys::result<long>(0L) : rawsys::result<long>(unexpected(static_cast<errc>(e))); };
  const auto bad = static_cast<rawsys::fadv>(99);
  CHECK(outcome(rawsys::fadvise64(f, 0, 0, bad)) == theirs(::posix_fadvise64(f.get(), 0, 0, 99)));
  CHECK(error_of(rawsys::fadvise64(f, 0, 0, bad)) == errc::einval);
  CHECK(outcome(rawsys::fadvise64(f, 0, -1, rawsys::fadv::normal)) ==
        theirs(::posix_fadvise64(f.get(), 0, -1, POSIX_FADV_NORMAL)));
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  cfd r(p[0]), w(p[1]);
  CHECK(outcome(rawsys::fadvise64(r, 0, 0, rawsys::fadv::normal)) ==
        theirs(::posix_fadvise64(r.get(), 0, 0, POSIX_FADV_NORMAL)));
  CHECK(error_of(rawsys::fadvise64(r, 0, 0, rawsys::fadv::normal)) == errc::espipe);
}

TEST_CASE("sendfile: from a file, with and without an offset") {
  temp_dir d;
  auto in = make_file(d / "in", "0123456789");
  auto out = make_file(d / "out");
  int64_t off = 2;
  CHECK(rawsys::sendfile(out, in, &off, 5) == 5u);
  CHECK(off == 7);
  CHECK(::lseek64(in.get(), 0, SEEK_CUR) == 10);  // untouched with an offset
  REQUIRE(::lseek64(in.get(), 8, SEEK_SET) == 8);
  CHECK(rawsys::sendfile(out, in, nullptr, 100) == 2u);
  char buf[7] = {};
  CHECK(::pread64(out.get(), buf, 7, 0) == 7);
  CHECK(std::string_view(buf, 7) == "2345689");
  off64_t theirs = 0;
  CHECK(outcome(rawsys::sendfile(out, fd{-1}, &off, 1)) == glibc(::sendfile64(out.get(), -1, &theirs, 1)));
  CHECK(error_of(rawsys::sendfile(out, fd{-1}, &off, 1)) == errc::ebadf);
  // A negative offset: EINVAL.
  off = -1;
  theirs = -1;
  CHECK(outcome(rawsys::sendfile(out, in, &off, 1)) == glibc(::sendfile64(out.get(), in.get(), &theirs, 1)));
}

TEST_CASE("splice, tee and vmsplice through pipes") {
  temp_dir d;
  auto f = make_file(d / "f", "spliced!");
  auto p1 = rawsys::pipe2(o::cloexec);
  auto p2 = rawsys::pipe2(o::cloexec);
  REQUIRE(p1.has_value());
  REQUIRE(p2.has_value());
  // file -> pipe 1 at an offset.
  int64_t off = 1;
  CHECK(rawsys::splice(f, &off, p1->write_end, nullptr, 6) == 6u);
  CHECK(off == 7);
  // pipe 1 -> pipe 2 without consuming.
  CHECK(rawsys::tee(p1->read_end, p2->write_end, 100) == 6u);
  char a[6] = {}, b[6] = {};
  CHECK(::read(p1->read_end.get(), a, 6) == 6);
  CHECK(::read(p2->read_end.get(), b, 6) == 6);
  CHECK(std::string_view(a, 6) == "pliced");
  CHECK(std::string_view(b, 6) == "pliced");
  // user memory -> pipe.
  char msg[] = "vm";
  const rawsys::iovec v[] = {{msg, 2}};
  CHECK(rawsys::vmsplice(p1->write_end, v, 1) == 2u);
  CHECK(::read(p1->read_end.get(), a, 2) == 2);
  CHECK(std::string_view(a, 2) == "vm");
  // Errors: splice between two files (neither a pipe), tee from a file,
  // vmsplice to a file.
  auto g = make_file(d / "g");
  loff_t x = 0;
  CHECK(outcome(rawsys::splice(f, nullptr, g, nullptr, 1)) == glibc(::splice(f.get(), nullptr, g.get(), nullptr, 1, 0)));
  CHECK(error_of(rawsys::splice(f, nullptr, g, nullptr, 1)) == errc::einval);
  CHECK(outcome(rawsys::splice(p1->read_end, &off, g, nullptr, 1)) == glibc(::splice(p1->read_end.get(), &x, g.get(), nullptr, 1, 0)));
  CHECK(outcome(rawsys::tee(f, p2->write_end, 1)) == glibc(::tee(f.get(), p2->write_end.get(), 1, 0)));
  struct iovec tv[] = {{msg, 2}};
  CHECK(outcome(rawsys::vmsplice(g, v, 1)) == glibc(::vmsplice(g.get(), tv, 1, 0)));
  CHECK(error_of(rawsys::vmsplice(fd{-1}, v, 1)) == errc::ebadf);
}

TEST_CASE("copy_file_range: in-kernel copy with offsets") {
  temp_dir d;
  auto in = make_file(d / "in", "abcdefghij");
  auto out = make_file(d / "out", "__________");
  int64_t off_in = 3, off_out = 1;
  CHECK(rawsys::copy_file_range(in, &off_in, out, &off_out, 4) == 4u);
  CHECK(off_in == 7);
  CHECK(off_out == 5);
  char buf[10] = {};
  CHECK(::pread64(out.get(), buf, 10, 0) == 10);
  CHECK(std::string_view(buf, 10) == "_defg_____");
  loff_t a = 0, b = 0;
  CHECK(outcome(rawsys::copy_file_range(in, &off_in, out, &off_out, 1, 1)) ==
        glibc(::copy_file_range(in.get(), &a, out.get(), &b, 1, 1)));
  CHECK(error_of(rawsys::copy_file_range(in, &off_in, out, &off_out, 1, 1)) == errc::einval);
  CHECK(outcome(rawsys::copy_file_range(fd{-1}, nullptr, out, nullptr, 1)) ==
        glibc(::copy_file_range(-1, nullptr, out.get(), nullptr, 1, 0)));
  cfd ro(::open((d / "in").c_str(), O_RDONLY | O_CLOEXEC));
  CHECK(outcome(rawsys::copy_file_range(in, nullptr, ro, nullptr, 1)) ==
        glibc(::copy_file_range(in.get(), nullptr, ro.get(), nullptr, 1, 0)));
}

TEST_CASE("beyond 4 GiB: a sparse file at 5 GiB through every offset-taking call") {
  // The 64-bit offset must reach the kernel whole: split into register pairs
  // on i386 (pread64, pwrite64, ftruncate64, truncate64, fallocate,
  // fadvise64_64, preadv2/pwritev2), through a pointer for _llseek, sendfile64,
  // splice and copy_file_range. The same calls on x86-64 and arm64.
  temp_dir d;
  const std::string path = d / "sparse";
  auto f = make_file(path);
  const int64_t at = 5 * gib;

  CHECK(rawsys::pwrite64(f, "tail", at) == 4u);
  CHECK(glibc_size(f.get()) == at + 4);
  char buf[8] = {};
  CHECK(::pread64(f.get(), buf, 4, at) == 4);  // glibc finds it where rawsys wrote
  CHECK(std::string_view(buf, 4) == "tail");
  REQUIRE(::pwrite64(f.get(), "GLIBC", 5, at + 100) == 5);
  CHECK(rawsys::pread64(f, buf, 5, at + 100) == 5u);  // and the other way round
  CHECK(std::string_view(buf, 5) == "GLIBC");
  CHECK(rawsys::pread64(f, buf, 4, at - 4) == 4u);  // the hole before reads as zeros
  CHECK(std::string_view(buf, 4) == std::string_view("\0\0\0\0", 4));

  // lseek: positions above 4 GiB come back whole.
  CHECK(rawsys::lseek(f, 0, rawsys::seek::end) == at + 105);
  CHECK(rawsys::lseek(f, at + 1, rawsys::seek::set) == at + 1);
  CHECK(::lseek64(f.get(), 0, SEEK_CUR) == at + 1);
  CHECK(rawsys::read(f, buf, 3) == 3u);
  CHECK(std::string_view(buf, 3) == "ail");
  CHECK(rawsys::lseek(f, 0, rawsys::seek::cur) == at + 4);
  CHECK(rawsys::lseek(f, -(at + 4), rawsys::seek::cur) == 0);
  CHECK(rawsys::lseek(f, 0, rawsys::seek::data) == ::lseek64(f.get(), 0, SEEK_DATA));
  CHECK(rawsys::lseek(f, 0, rawsys::seek::data).value() >= 4 * gib);  // the data is past 4 GiB
  CHECK(rawsys::lseek(f, at, rawsys::seek::hole) == ::lseek64(f.get(), at, SEEK_HOLE));

  // preadv2/pwritev2 at 5 GiB + 8 KiB.
  char v[] = "vec";
  const rawsys::iovec out[] = {{v, 3}};
  CHECK(rawsys::pwritev2(f, out, 1, at + 8192) == 3u);
  char back[3] = {};
  const rawsys::iovec in[] = {{back, 3}};
  CHECK(rawsys::preadv2(f, in, 1, at + 8192) == 3u);
  CHECK(std::string_view(back, 3) == "vec");
  CHECK(::pread64(f.get(), buf, 3, at + 8192) == 3);
  CHECK(std::string_view(buf, 3) == "vec");

  // ftruncate to 6 GiB and truncate back to 5 GiB + 2.
  CHECK(rawsys::ftruncate(f, 6 * gib).has_value());
  CHECK(glibc_size(f.get()) == 6 * gib);
  CHECK(rawsys::truncate(path.c_str(), at + 2).has_value());
  CHECK(glibc_size(f.get()) == at + 2);
  CHECK(rawsys::pread64(f, buf, 8, at) == 2u);
  CHECK(std::string_view(buf, 2) == "ta");

  // fallocate 64 KiB at 5 GiB + 1 MiB, keeping the size: blocks appear.
  const int64_t blocks_before = glibc_blocks(f.get());
  auto fa = rawsys::fallocate(f, rawsys::falloc::keep_size, at + (1 << 20), 65536);
  if (fa || fa.error() != errc::eopnotsupp) {
    CHECK(fa.has_value());
    CHECK(glibc_blocks(f.get()) >= blocks_before + 128);
    CHECK(glibc_size(f.get()) == at + 2);
    // Punching the hole again at 5 GiB: "ta" reads as zeros.
    CHECK(rawsys::fallocate(f, rawsys::falloc::punch_hole | rawsys::falloc::keep_size, at, 4096).has_value());
    CHECK(rawsys::pread64(f, buf, 2, at) == 2u);
    CHECK(std::string_view(buf, 2) == std::string_view("\0\0", 2));
    REQUIRE(rawsys::pwrite64(f, "ta", at) == 2u);
  } else {
    MESSAGE("fallocate skipped: this file system has none");
  }

  // fadvise64_64 with a 5 GiB offset and length.
  CHECK(rawsys::fadvise64(f, at, 5 * gib, rawsys::fadv::willneed).has_value());

  // sendfile, splice and copy_file_range from 5 GiB.
  auto other = make_file(d / "other");
  int64_t off = at;
  CHECK(rawsys::sendfile(other, f, &off, 2) == 2u);
  CHECK(off == at + 2);
  int64_t src = at, dst = 3 * gib + 5;  // and to 3 GiB in another file
  auto c = rawsys::copy_file_range(f, &src, other, &dst, 2);
  if (c || c.error() != errc::exdev) {
    CHECK(c == 2u);
    CHECK(src == at + 2);
    CHECK(dst == 3 * gib + 7);
    CHECK(::pread64(other.get(), buf, 2, 3 * gib + 5) == 2);
    CHECK(std::string_view(buf, 2) == "ta");
  }
  auto p = rawsys::pipe2(o::cloexec);
  REQUIRE(p.has_value());
  off = at;
  CHECK(rawsys::splice(f, &off, p->write_end, nullptr, 2) == 2u);
  CHECK(off == at + 2);
  CHECK(::read(p->read_end.get(), buf, 2) == 2);
  CHECK(std::string_view(buf, 2) == "ta");

  // pread64 past the end: 0 bytes, as glibc says.
  CHECK(outcome(rawsys::pread64(f, buf, 1, 7 * gib)) == glibc(::pread64(f.get(), buf, 1, 7 * gib)));
}

TEST_CASE("sync_file_range: 64-bit offsets in each ISA's argument order, and glibc's errors") {
  namespace sfr = rawsys::sync_file_range_;
  static_assert(bits(sfr::wait_before) == SYNC_FILE_RANGE_WAIT_BEFORE && bits(sfr::write) == SYNC_FILE_RANGE_WRITE);
  static_assert(bits(sfr::wait_after) == SYNC_FILE_RANGE_WAIT_AFTER);
  temp_dir d;
  const std::string path = d / "f";
  cfd f(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  REQUIRE(::write(f.get(), "data", 4) == 4);
  auto r = rawsys::sync_file_range(f, 0, 0, sfr::write | sfr::wait_after);
  if (!r && r.error() == errc::enosys) {
    rawsys_test::skip(rawsys_test::why_unavailable("sync_file_range", r.error()));
    return;
  }
  CHECK(r.has_value());
  CHECK(outcome(r) == glibc(::sync_file_range(f.get(), 0, 0, SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER)));
  // Beyond 4 GiB: both halves of each 64-bit argument arrive.
  CHECK(outcome(rawsys::sync_file_range(f, int64_t{1} << 33, 4096, sfr::write_and_wait)) ==
        glibc(::sync_file_range(f.get(), int64_t{1} << 33, 4096, SYNC_FILE_RANGE_WRITE_AND_WAIT)));
  // A negative offset, an end past the largest offset, unknown flags: EINVAL.
  CHECK(outcome(rawsys::sync_file_range(f, -1, 0, sfr::write)) == glibc(::sync_file_range(f.get(), -1, 0, SYNC_FILE_RANGE_WRITE)));
  CHECK(error_of(rawsys::sync_file_range(f, -1, 0, sfr::write)) == errc::einval);
  CHECK(outcome(rawsys::sync_file_range(f, int64_t{1} << 62, int64_t{1} << 62, sfr::write)) ==
        glibc(::sync_file_range(f.get(), int64_t{1} << 62, int64_t{1} << 62, SYNC_FILE_RANGE_WRITE)));
  CHECK(outcome(rawsys::sync_file_range(f, 0, 0, sfr::flags{0x100})) == glibc(::sync_file_range(f.get(), 0, 0, 0x100)));
  CHECK(error_of(rawsys::sync_file_range(f, 0, 0, sfr::flags{0x100})) == errc::einval);
  CHECK(outcome(rawsys::sync_file_range(fd{-1}, 0, 0, sfr::write)) == glibc(::sync_file_range(-1, 0, 0, SYNC_FILE_RANGE_WRITE)));
  CHECK(error_of(rawsys::sync_file_range(fd{-1}, 0, 0, sfr::write)) == errc::ebadf);
}

TEST_CASE("readahead: a file, an offset beyond 4 GiB, and glibc's errors") {
  temp_dir d;
  const std::string path = d / "f";
  cfd f(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  REQUIRE(::write(f.get(), "data", 4) == 4);
  auto r = rawsys::readahead(f, 0, 4096);
  if (!r && r.error() == errc::enosys) {
    rawsys_test::skip(rawsys_test::why_unavailable("readahead", r.error()));
    return;
  }
  CHECK(r.has_value());
  CHECK(outcome(r) == glibc(::readahead(f.get(), 0, 4096)));
  CHECK(outcome(rawsys::readahead(f, int64_t{1} << 33, 4096)) == glibc(::readahead(f.get(), int64_t{1} << 33, 4096)));
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  cfd rd(p[0]), wr(p[1]);
  CHECK(outcome(rawsys::readahead(rd, 0, 4096)) == glibc(::readahead(rd.get(), 0, 4096)));
  CHECK(error_of(rawsys::readahead(rd, 0, 4096)) == errc::einval);
  CHECK(outcome(rawsys::readahead(fd{-1}, 0, 4096)) == glibc(::readahead(-1, 0, 4096)));
  CHECK(error_of(rawsys::readahead(fd{-1}, 0, 4096)) == errc::ebadf);
}
