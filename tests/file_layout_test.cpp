// <rawsys/file.hpp> against the kernel's UAPI headers of this arch (kernel
// headers first, rawsys second): every constant, and the layouts of
// open_how, flock and iovec. No glibc header here: glibc's <fcntl.h> and
// <sys/uio.h> define the same names differently (glibc's O_LARGEFILE is 0 on
// 64-bit arches; the kernel's is not).
#include <linux/close_range.h>
#include <linux/fadvise.h>
#include <linux/falloc.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/openat2.h>
#include <linux/uio.h>

#include <rawsys/file.hpp>

#include <doctest/doctest.h>

#include "layout.hpp"

using rawsys::bits;

// O_*: the arch's own values (arm64 differs from x86 in four of them).
static_assert(bits(rawsys::o::rdonly) == O_RDONLY);
static_assert(bits(rawsys::o::wronly) == O_WRONLY);
static_assert(bits(rawsys::o::rdwr) == O_RDWR);
static_assert(bits(rawsys::o::accmode) == O_ACCMODE);
static_assert(bits(rawsys::o::creat) == O_CREAT);
static_assert(bits(rawsys::o::excl) == O_EXCL);
static_assert(bits(rawsys::o::noctty) == O_NOCTTY);
static_assert(bits(rawsys::o::trunc) == O_TRUNC);
static_assert(bits(rawsys::o::append) == O_APPEND);
static_assert(bits(rawsys::o::nonblock) == O_NONBLOCK);
static_assert(bits(rawsys::o::dsync) == O_DSYNC);
static_assert(bits(rawsys::o::async) == FASYNC);
static_assert(bits(rawsys::o::direct) == O_DIRECT);
static_assert(bits(rawsys::o::largefile) == O_LARGEFILE);
static_assert(bits(rawsys::o::directory) == O_DIRECTORY);
static_assert(bits(rawsys::o::nofollow) == O_NOFOLLOW);
static_assert(bits(rawsys::o::noatime) == O_NOATIME);
static_assert(bits(rawsys::o::cloexec) == O_CLOEXEC);
static_assert(bits(rawsys::o::sync) == O_SYNC);
static_assert(bits(rawsys::o::path) == O_PATH);
static_assert(bits(rawsys::o::tmpfile) == O_TMPFILE);
#if defined(__aarch64__) || defined(__arm__) || defined(__powerpc64__)
static_assert(bits(rawsys::o::directory) == 040000);
#else
static_assert(bits(rawsys::o::directory) == 0200000);
#endif

// RESOLVE_* and struct open_how.
static_assert(bits(rawsys::resolve::no_xdev) == RESOLVE_NO_XDEV);
static_assert(bits(rawsys::resolve::no_magiclinks) == RESOLVE_NO_MAGICLINKS);
static_assert(bits(rawsys::resolve::no_symlinks) == RESOLVE_NO_SYMLINKS);
static_assert(bits(rawsys::resolve::beneath) == RESOLVE_BENEATH);
static_assert(bits(rawsys::resolve::in_root) == RESOLVE_IN_ROOT);
static_assert(bits(rawsys::resolve::cached) == RESOLVE_CACHED);
RAWSYS_SAME_SIZE(rawsys::open_how, open_how);
RAWSYS_SAME_FIELD(rawsys::open_how, flags, open_how, flags);
RAWSYS_SAME_FIELD(rawsys::open_how, mode, open_how, mode);
RAWSYS_SAME_FIELD(rawsys::open_how, resolve, open_how, resolve);

static_assert(bits(rawsys::close_range_::unshare) == CLOSE_RANGE_UNSHARE);
static_assert(bits(rawsys::close_range_::cloexec) == CLOSE_RANGE_CLOEXEC);

static_assert(bits(rawsys::rwf::hipri) == RWF_HIPRI);
static_assert(bits(rawsys::rwf::dsync) == RWF_DSYNC);
static_assert(bits(rawsys::rwf::sync) == RWF_SYNC);
static_assert(bits(rawsys::rwf::nowait) == RWF_NOWAIT);
static_assert(bits(rawsys::rwf::append) == RWF_APPEND);
#if defined(RWF_NOAPPEND)
static_assert(bits(rawsys::rwf::noappend) == RWF_NOAPPEND);
#endif
#if defined(RWF_ATOMIC)
static_assert(bits(rawsys::rwf::atomic) == RWF_ATOMIC);
#endif

static_assert(bits(rawsys::seek::set) == SEEK_SET);
static_assert(bits(rawsys::seek::cur) == SEEK_CUR);
static_assert(bits(rawsys::seek::end) == SEEK_END);
static_assert(bits(rawsys::seek::data) == SEEK_DATA);
static_assert(bits(rawsys::seek::hole) == SEEK_HOLE);

#if defined(FALLOC_FL_ALLOCATE_RANGE)
static_assert(bits(rawsys::falloc::allocate_range) == FALLOC_FL_ALLOCATE_RANGE);
#endif
static_assert(bits(rawsys::falloc::keep_size) == FALLOC_FL_KEEP_SIZE);
static_assert(bits(rawsys::falloc::punch_hole) == FALLOC_FL_PUNCH_HOLE);
static_assert(bits(rawsys::falloc::no_hide_stale) == FALLOC_FL_NO_HIDE_STALE);
static_assert(bits(rawsys::falloc::collapse_range) == FALLOC_FL_COLLAPSE_RANGE);
static_assert(bits(rawsys::falloc::zero_range) == FALLOC_FL_ZERO_RANGE);
static_assert(bits(rawsys::falloc::insert_range) == FALLOC_FL_INSERT_RANGE);
static_assert(bits(rawsys::falloc::unshare_range) == FALLOC_FL_UNSHARE_RANGE);

static_assert(bits(rawsys::fadv::normal) == POSIX_FADV_NORMAL);
static_assert(bits(rawsys::fadv::random) == POSIX_FADV_RANDOM);
static_assert(bits(rawsys::fadv::sequential) == POSIX_FADV_SEQUENTIAL);
static_assert(bits(rawsys::fadv::willneed) == POSIX_FADV_WILLNEED);
static_assert(bits(rawsys::fadv::dontneed) == POSIX_FADV_DONTNEED);
static_assert(bits(rawsys::fadv::noreuse) == POSIX_FADV_NOREUSE);

static_assert(bits(rawsys::lock::sh) == LOCK_SH);
static_assert(bits(rawsys::lock::ex) == LOCK_EX);
static_assert(bits(rawsys::lock::nb) == LOCK_NB);
static_assert(bits(rawsys::lock::un) == LOCK_UN);

static_assert(bits(rawsys::fd_::cloexec) == FD_CLOEXEC);

// F_*: the lock commands are the 64-bit struct's (F_GETLK64 on i386).
static_assert(bits(rawsys::f::dupfd) == F_DUPFD);
static_assert(bits(rawsys::f::getfd) == F_GETFD);
static_assert(bits(rawsys::f::setfd) == F_SETFD);
static_assert(bits(rawsys::f::getfl) == F_GETFL);
static_assert(bits(rawsys::f::setfl) == F_SETFL);
#if defined(__i386__) || defined(__arm__)
static_assert(bits(rawsys::f::getlk) == F_GETLK64);
static_assert(bits(rawsys::f::setlk) == F_SETLK64);
static_assert(bits(rawsys::f::setlkw) == F_SETLKW64);
#else
static_assert(bits(rawsys::f::getlk) == F_GETLK);
static_assert(bits(rawsys::f::setlk) == F_SETLK);
static_assert(bits(rawsys::f::setlkw) == F_SETLKW);
#endif
static_assert(bits(rawsys::f::setown) == F_SETOWN);
static_assert(bits(rawsys::f::getown) == F_GETOWN);
static_assert(bits(rawsys::f::setsig) == F_SETSIG);
static_assert(bits(rawsys::f::getsig) == F_GETSIG);
static_assert(bits(rawsys::f::setown_ex) == F_SETOWN_EX);
static_assert(bits(rawsys::f::getown_ex) == F_GETOWN_EX);
static_assert(bits(rawsys::f::ofd_getlk) == F_OFD_GETLK);
static_assert(bits(rawsys::f::ofd_setlk) == F_OFD_SETLK);
static_assert(bits(rawsys::f::ofd_setlkw) == F_OFD_SETLKW);
static_assert(bits(rawsys::f::setlease) == F_SETLEASE);
static_assert(bits(rawsys::f::getlease) == F_GETLEASE);
static_assert(bits(rawsys::f::notify) == F_NOTIFY);
static_assert(bits(rawsys::f::dupfd_cloexec) == F_DUPFD_CLOEXEC);
static_assert(bits(rawsys::f::setpipe_sz) == F_SETPIPE_SZ);
static_assert(bits(rawsys::f::getpipe_sz) == F_GETPIPE_SZ);
static_assert(bits(rawsys::f::add_seals) == F_ADD_SEALS);
static_assert(bits(rawsys::f::get_seals) == F_GET_SEALS);
static_assert(bits(rawsys::flock_type::rdlck) == F_RDLCK);
static_assert(bits(rawsys::flock_type::wrlck) == F_WRLCK);
static_assert(bits(rawsys::flock_type::unlck) == F_UNLCK);

// struct flock is the kernel's struct flock64 (24 bytes on i386, 32 on the
// 64-bit arches, where it is also struct flock).
RAWSYS_SAME_SIZE(rawsys::flock_t, struct flock64);
RAWSYS_SAME_FIELD(rawsys::flock_t, type, struct flock64, l_type);
RAWSYS_SAME_FIELD(rawsys::flock_t, whence, struct flock64, l_whence);
RAWSYS_SAME_FIELD(rawsys::flock_t, start, struct flock64, l_start);
RAWSYS_SAME_FIELD(rawsys::flock_t, len, struct flock64, l_len);
RAWSYS_SAME_FIELD(rawsys::flock_t, pid, struct flock64, l_pid);
#if defined(__i386__)
static_assert(sizeof(rawsys::flock_t) == 24);
#elif defined(__arm__)
static_assert(sizeof(rawsys::flock_t) == 32);  // flock64, its 64-bit members aligned to 8
#else
static_assert(sizeof(rawsys::flock_t) == 32);
RAWSYS_SAME_SIZE(rawsys::flock_t, struct flock);
RAWSYS_SAME_FIELD(rawsys::flock_t, start, struct flock, l_start);
RAWSYS_SAME_FIELD(rawsys::flock_t, pid, struct flock, l_pid);
#endif

// struct iovec.
RAWSYS_SAME_SIZE(rawsys::iovec, struct iovec);
RAWSYS_SAME_FIELD(rawsys::iovec, base, struct iovec, iov_base);
RAWSYS_SAME_FIELD(rawsys::iovec, len, struct iovec, iov_len);

TEST_CASE("file layout: openat2 reads rawsys::open_how as the kernel's struct open_how") {
  // The same bytes, and the same answer through either struct: resolve::beneath
  // refuses "..".
  ::open_how k{};
  k.flags = O_PATH | O_CLOEXEC;
  k.resolve = RESOLVE_BENEATH;
  const rawsys::open_how r(rawsys::o::path | rawsys::o::cloexec, 0, rawsys::resolve::beneath);
  CHECK(__builtin_memcmp(&k, &r, sizeof k) == 0);
  auto via_kernel = rawsys::openat2(rawsys::at_fdcwd, "..", reinterpret_cast<const rawsys::open_how*>(&k), sizeof k);
  if (!via_kernel && via_kernel.error() == rawsys::errc::enosys) {
    MESSAGE("skipped: the kernel has no openat2 (Linux 5.6)");
    return;
  }
  CHECK(via_kernel == rawsys::unexpected(rawsys::errc::exdev));
  CHECK(rawsys::openat2(rawsys::at_fdcwd, "..", r) == rawsys::unexpected(rawsys::errc::exdev));
}

TEST_CASE("file layout: an OFD lock set through rawsys::flock reads back through struct flock64") {
  // An unnamed file with two open file descriptions: a lock taken through one
  // conflicts with the other, and F_OFD_GETLK reports it in the kernel's struct.
  auto a = rawsys::openat(rawsys::at_fdcwd, "/tmp", rawsys::o::tmpfile | rawsys::o::rdwr | rawsys::o::cloexec, rawsys::mode{0600});
  REQUIRE(a.has_value());
  char path[64] = "/proc/self/fd/";
  int n = a->get(), len = 14;
  char digits[12];
  int d = 0;
  do digits[d++] = static_cast<char>('0' + n % 10); while ((n /= 10) != 0);
  while (d) path[len++] = digits[--d];
  path[len] = 0;
  auto b = rawsys::openat(rawsys::at_fdcwd, path, rawsys::o::rdwr | rawsys::o::cloexec);
  REQUIRE(b.has_value());

  rawsys::flock_t mine{};
  mine.type = rawsys::flock_type::wrlck;
  mine.whence = SEEK_SET;
  mine.start = 100;
  mine.len = 50;
  REQUIRE(rawsys::fcntl_ofd_setlk(*a, &mine).has_value());

  struct flock64 theirs{};
  theirs.l_type = F_RDLCK;
  theirs.l_whence = SEEK_SET;
  theirs.l_start = 0;
  theirs.l_len = 0;
  REQUIRE(rawsys::fcntl(*b, rawsys::f::ofd_getlk, &theirs).has_value());
  CHECK(theirs.l_type == F_WRLCK);
  CHECK(theirs.l_start == 100);
  CHECK(theirs.l_len == 50);
  CHECK(theirs.l_pid == -1);  // OFD locks have no owning process
}
