// <rawsys/file.hpp> without libc: each wrapper once, against what open(2),
// read(2), fcntl(2), splice(2) and their neighbours document.
#include <rawsys/file.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;
namespace o = r::o;

namespace {
bool same(const char* a, const char* b, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}
int64_t size_of(r::fd f) { return r::lseek(f, 0, r::seek::end).value_or(-1); }
}  // namespace

int main() {
  char path[64];
  topic::temp_path(path, "file");
  auto f = r::openat(r::at_fdcwd, path, o::creat | o::excl | o::rdwr | o::cloexec, r::mode{0600});
  check(f.has_value(), "openat: a new file");
  if (!f) return topic::finish("file.hpp");
  check(r::open(path, o::creat | o::excl | o::rdwr, r::mode{0600}) == r::unexpected(r::errc::eexist), "open: O_EXCL");

  // Gather, scatter, positioned vectors.
  char one[] = "abc", two[] = "defg";
  r::iovec out[2] = {{one, 3}, {two, 4}};
  check(r::writev(*f, out, 2) == 7u, "writev");
  check(r::write(*f, "hij", 3) == 3u, "write");
  char x[4] = {}, y[6] = {};
  r::iovec in[2] = {{x, 4}, {y, 6}};
  check(r::lseek(*f, 0, r::seek::set) == 0, "lseek set");
  check(r::readv(*f, in, 2) == 10u && same(x, "abcd", 4) && same(y, "efghij", 6), "readv");
  check(r::lseek(*f, -3, r::seek::cur) == 7, "lseek cur");
  char z[3] = {};
  check(r::read(*f, z, 3) == 3u && same(z, "hij", 3), "read");
  r::iovec at5[1] = {{x, 4}};
  check(r::pwritev2(*f, at5, 1, 20).value_or(0) == 4u && size_of(*f) == 24, "pwritev2 at an offset");
  char w[4] = {};
  r::iovec back[1] = {{w, 4}};
  check(r::preadv2(*f, back, 1, 20).value_or(0) == 4u && same(w, "abcd", 4), "preadv2");
  char q[2] = {};
  check(r::pread64(*f, q, 2, 1) == 2u && same(q, "bc", 2) && r::pwrite64(*f, "Z", 1, 0) == 1u, "pread64, pwrite64");

  // Sizes: ftruncate, truncate by name, fallocate, and the hints.
  check(r::ftruncate(*f, 100).has_value() && size_of(*f) == 100, "ftruncate");
  check(r::truncate(path, 50).has_value() && size_of(*f) == 50, "truncate");
  check(r::fallocate(*f, r::falloc::flags{}, 0, 8192).has_value() && size_of(*f) == 8192, "fallocate");
  check(r::fadvise64(*f, 0, 0, r::fadv::sequential).has_value(), "fadvise64");
  check(r::fadvise64(*f, 0, 0, static_cast<r::fadv>(99)) == r::unexpected(r::errc::einval),
        "fadvise64: an unknown advice is EINVAL");
  check(r::fsync(*f).has_value() && r::fdatasync(*f).has_value() && r::syncfs(*f).has_value(),
        "fsync, fdatasync, syncfs");
  r::sync();
  auto sfr = r::sync_file_range(*f, 0, 0, r::sync_file_range_::write | r::sync_file_range_::wait_after);
  if (!topic::not_emulated(sfr, "sync_file_range")) check(sfr.has_value(), "sync_file_range");
  check(r::sync_file_range(*f, -1, 0, r::sync_file_range_::write) == r::unexpected(r::errc::einval),
        "sync_file_range: a negative offset is EINVAL");
  auto ra = r::readahead(*f, int64_t{1} << 33, 4096);
  if (!topic::not_emulated(ra, "readahead")) check(ra.has_value(), "readahead beyond 4 GiB");

  // Descriptor flags and status flags.
  check(r::fcntl_getfd(*f) == r::fd_::cloexec, "fcntl_getfd");
  check(r::fcntl_setfd(*f, r::fd_::flags{}).has_value() && r::fcntl_getfd(*f) == r::fd_::flags{}, "fcntl_setfd");
  (void)r::fcntl_setfd(*f, r::fd_::cloexec);
  auto fl = r::fcntl_getfl(*f);
  check(fl && (r::bits(*fl) & r::bits(o::accmode)) == r::bits(o::rdwr), "fcntl_getfl");
  check(r::fcntl_setfl(*f, o::append).has_value() && r::has(r::fcntl_getfl(*f).value_or(o::flags{}), o::append),
        "fcntl_setfl");
  check(r::fcntl(*f, r::f::getfd) == static_cast<long>(r::bits(r::fd_::cloexec)), "fcntl");
  check(r::ioctl(*f, 0) == r::unexpected(r::errc::enotty), "ioctl: an unknown request is ENOTTY");

  // Duplicates.
  auto d = r::dup(*f);
  check(d && d->get() != f->get() && r::fcntl_getfd(*d) == r::fd_::flags{}, "dup");
  auto hi = r::fcntl_dupfd_cloexec(*f, 100);
  check(hi && hi->get() >= 100 && r::fcntl_getfd(*hi) == r::fd_::cloexec, "fcntl_dupfd_cloexec");
  check(r::dup3(*f, r::fd{110}, o::cloexec) == r::fd{110} && r::fcntl_getfd(r::fd{110}) == r::fd_::cloexec, "dup3");
  check(r::dup2(*f, r::fd{111}) == r::fd{111}, "dup2");
  check(r::close_range(110, 111).has_value() && r::fcntl_getfd(r::fd{110}) == r::unexpected(r::errc::ebadf) &&
            r::fcntl_getfd(r::fd{111}) == r::unexpected(r::errc::ebadf),
        "close_range");
  check(r::close(static_cast<r::unique_fd&&>(*d)).has_value(), "close");
  check(r::close(r::fd{-1}) == r::unexpected(r::errc::ebadf), "close: EBADF");

  // Record locks: a classic lock and an open file description lock on the
  // same file conflict even in one process, seen from a second open.
  r::flock_t lk{};
  lk.type = r::flock_type::wrlck;
  lk.len = 10;
  check(r::fcntl_setlk(*f, &lk).has_value() && r::fcntl_setlkw(*f, &lk).has_value(), "fcntl_setlk, setlkw");
  r::flock_t ofd{};
  ofd.type = r::flock_type::rdlck;
  ofd.start = 100;
  ofd.len = 10;
  check(r::fcntl_ofd_setlkw(*f, &ofd).has_value(), "fcntl_ofd_setlkw");
  auto g = r::open(path, o::rdwr | o::cloexec);
  check(g.has_value(), "open: a second description");
  if (g) {
    r::flock_t probe{};
    probe.type = r::flock_type::wrlck;
    probe.start = 100;
    probe.len = 1;
    check(r::fcntl_getlk(*g, &probe).has_value() && probe.type == r::flock_type::rdlck && probe.pid == -1,
          "fcntl_getlk: the OFD lock, pid -1");
    r::flock_t probe2{};
    probe2.type = r::flock_type::wrlck;
    probe2.len = 1;
    check(r::fcntl_ofd_getlk(*g, &probe2).has_value() && probe2.type == r::flock_type::wrlck &&
              probe2.pid == r::syscall(r::nr::getpid).value_or(0),
          "fcntl_ofd_getlk: the classic lock and its process");
    probe2.pid = 0;  // OFD requests take 0
    check(r::fcntl_ofd_setlk(*g, &probe2) == r::unexpected(r::errc::eagain), "fcntl_ofd_setlk: EAGAIN");
    check(r::flock(*g, r::lock::sh | r::lock::nb).has_value() && r::flock(*g, r::lock::un).has_value(), "flock");
  }

  // Pipes: splice from the file, tee to a second pipe, vmsplice, sendfile,
  // and copy_file_range between files.
  auto p = r::pipe2(o::cloexec);
  auto p2 = r::pipe2(o::cloexec);
  check(p && p2, "pipe2");
  if (p && p2) {
    (void)r::fcntl_setfl(*f, o::flags{});
    (void)r::pwrite64(*f, "splice", 6, 0);
    int64_t off = 0;
    check(r::splice(*f, &off, p->write_end, nullptr, 6) == 6u && off == 6, "splice");
    check(r::tee(p->read_end, p2->write_end, 6) == 6u, "tee");
    char s1[6] = {}, s2[6] = {};
    check(r::read(p->read_end, s1, 6) == 6u && r::read(p2->read_end, s2, 6) == 6u && same(s1, "splice", 6) &&
              same(s2, "splice", 6),
          "splice and tee: the same bytes");
    char gift[] = "vm";
    r::iovec v{gift, 2};
    check(r::vmsplice(p->write_end, &v, 1) == 2u && r::read(p->read_end, s1, 2) == 2u && same(s1, "vm", 2),
          "vmsplice");
    int64_t soff = 1;
    check(r::sendfile(p->write_end, *f, &soff, 3) == 3u && soff == 4 && r::read(p->read_end, s1, 3) == 3u &&
              same(s1, "pli", 3),
          "sendfile");
  }
  auto h = r::openat(r::at_fdcwd, "/tmp", o::tmpfile | o::rdwr | o::cloexec, r::mode{0600});
  if (h) {
    int64_t from = 0, to = 0;
    auto n = r::copy_file_range(*f, &from, *h, &to, 6);
    if (!topic::not_emulated(n, "copy_file_range")) {
      char c[6] = {};
      check(n == 6u && r::pread64(*h, c, 6, 0) == 6u && same(c, "splice", 6), "copy_file_range");
      check(r::copy_file_range(*f, &from, *h, &to, 1, 1) == r::unexpected(r::errc::einval),
            "copy_file_range: flags reach the kernel (EINVAL)");
    }
  }
  auto two_ways = r::openat2(r::at_fdcwd, path, r::open_how(o::rdonly | o::cloexec));
  if (!topic::not_emulated(two_ways, "openat2")) {
    check(two_ways.has_value(), "openat2");
    check(r::openat2(r::at_fdcwd, "/tmp", r::open_how(o::rdonly, 0, r::resolve::flags{0x80000000u})) ==
              r::unexpected(r::errc::einval),
          "openat2: unknown resolve flags are EINVAL");
  }
  (void)r::syscall(r::nr::unlinkat, -100 /* AT_FDCWD */, path, 0);
  return topic::finish("file.hpp");
}
