// File I/O: opening, reading and writing, offsets, descriptors, fcntl,
// pipes, syncing, sizes, and moving data between descriptors in the kernel.
// Offsets are int64_t on every architecture; i386 passes them to the kernel
// as register pairs (or through a pointer, for _llseek).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "detail/ioctl.hpp"
#include "detail/open.hpp"
#include "fd.hpp"
#include "sys.hpp"
#include "syscall.hpp"
#include "types.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_FILE
#include "arch/native_uapi.hpp"

namespace rawsys {

// RESOLVE_*: how openat2(2) may resolve the path.
namespace resolve {
enum class flags : uint64_t {
  no_xdev = uapi::resolve_no_xdev,
  no_magiclinks = uapi::resolve_no_magiclinks,
  no_symlinks = uapi::resolve_no_symlinks,
  beneath = uapi::resolve_beneath,
  in_root = uapi::resolve_in_root,
  cached = uapi::resolve_cached,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace resolve

// The kernel's struct open_how for openat2(2) (all three fields are 64-bit).
struct open_how {
  uint64_t flags = 0;
  uint64_t mode = 0;
  ::rawsys::resolve::flags resolve{};
  constexpr open_how() noexcept = default;
  constexpr open_how(o::flags f, unsigned m = 0, ::rawsys::resolve::flags r = {}) noexcept
      : flags(bits(f)), mode(m), resolve(r) {}
  // o::creat or o::tmpfile: the mode is required.
  constexpr open_how(o::creating f, ::rawsys::mode m, ::rawsys::resolve::flags r = {}) noexcept
      : flags(bits(f)), mode(bits(m)), resolve(r) {}
};

// CLOSE_RANGE_*: close_range(2) flags (the trailing underscore because
// close_range is the function).
namespace close_range_ {
enum class flags : unsigned {
  unshare = uapi::close_range_unshare,
  cloexec = uapi::close_range_cloexec,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace close_range_

// RWF_*: per-call flags of preadv2(2)/pwritev2(2).
namespace rwf {
enum class flags : int {
  hipri = uapi::rwf_hipri,
  dsync = uapi::rwf_dsync,
  sync = uapi::rwf_sync,
  nowait = uapi::rwf_nowait,
  append = uapi::rwf_append,
  noappend = uapi::rwf_noappend,  // Linux 6.9
  atomic = uapi::rwf_atomic,  // Linux 6.11
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace rwf

// SEEK_*: lseek(2) whence.
enum class seek : unsigned {
  set = uapi::seek_set, cur = uapi::seek_cur, end = uapi::seek_end, data = uapi::seek_data,
  hole = uapi::seek_hole,
};

// FALLOC_FL_*: fallocate(2) modes (0 allocates).
namespace falloc {
enum class flags : int {
  allocate_range = uapi::falloc_fl_allocate_range,
  keep_size = uapi::falloc_fl_keep_size,
  punch_hole = uapi::falloc_fl_punch_hole,
  no_hide_stale = uapi::falloc_fl_no_hide_stale,
  collapse_range = uapi::falloc_fl_collapse_range,
  zero_range = uapi::falloc_fl_zero_range,
  insert_range = uapi::falloc_fl_insert_range,
  unshare_range = uapi::falloc_fl_unshare_range,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace falloc

// POSIX_FADV_*: posix_fadvise(2) advice (dontneed and noreuse differ on s390x).
enum class fadv : int {
  normal = uapi::posix_fadv_normal, random = uapi::posix_fadv_random,
  sequential = uapi::posix_fadv_sequential, willneed = uapi::posix_fadv_willneed,
  dontneed = uapi::posix_fadv_dontneed, noreuse = uapi::posix_fadv_noreuse,
};

// SPLICE_F_*: splice(2), tee(2) and vmsplice(2) flags. Hand-written: the
// kernel keeps them out of its UAPI (include/linux/splice.h); one value everywhere.
namespace splice_f {
enum class flags : unsigned {
  move = 0x01,
  nonblock = 0x02,
  more = 0x04,
  gift = 0x08,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace splice_f

// LOCK_*: flock(2) operations.
namespace lock {
enum class flags : unsigned {
  sh = uapi::lock_sh,
  ex = uapi::lock_ex,
  nb = uapi::lock_nb,
  un = uapi::lock_un,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace lock

// FD_*: descriptor flags of fcntl(2) F_GETFD/F_SETFD (the trailing underscore
// because fd is the descriptor type).
namespace fd_ {
enum class flags : unsigned {
  cloexec = uapi::fd_cloexec,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace fd_

// F_*: fcntl(2) commands. The lock commands take the 64-bit struct flock
// everywhere, so where long is 32-bit getlk/setlk/setlkw are
// F_GETLK64/F_SETLK64/F_SETLKW64.
enum class f : unsigned {
  dupfd = uapi::f_dupfd, getfd = uapi::f_getfd, setfd = uapi::f_setfd, getfl = uapi::f_getfl,
  setfl = uapi::f_setfl,
  getlk = uapi::f_getlk_flock64, setlk = uapi::f_setlk_flock64, setlkw = uapi::f_setlkw_flock64,
  setown = uapi::f_setown, getown = uapi::f_getown, setsig = uapi::f_setsig,
  getsig = uapi::f_getsig, setown_ex = uapi::f_setown_ex, getown_ex = uapi::f_getown_ex,
  ofd_getlk = uapi::f_ofd_getlk, ofd_setlk = uapi::f_ofd_setlk, ofd_setlkw = uapi::f_ofd_setlkw,
  setlease = uapi::f_setlease, getlease = uapi::f_getlease, notify = uapi::f_notify,
  dupfd_cloexec = uapi::f_dupfd_cloexec,
  setpipe_sz = uapi::f_setpipe_sz, getpipe_sz = uapi::f_getpipe_sz, add_seals = uapi::f_add_seals,
  get_seals = uapi::f_get_seals,
};

// F_RDLCK, F_WRLCK, F_UNLCK: struct flock's type.
enum class flock_type : int16_t {
  rdlck = uapi::f_rdlck, wrlck = uapi::f_wrlck, unlck = uapi::f_unlck,
};

// The kernel's struct flock64 (struct flock on x86-64 and arm64, where the
// two are one): 24 bytes on i386, 32 on the 64-bit arches; flock_t, apart
// from the function flock.
struct flock_t {
  flock_type type;
  int16_t whence;  // SEEK_SET, SEEK_CUR or SEEK_END
  int64_t start;
  int64_t len;     // 0: to the end of the file, however long it grows
  int32_t pid;     // 0 for the lock commands; F_GETLK reports the holder (-1 for OFD locks)
};

// openat(2): int openat(int dirfd, const char *pathname, int flags, mode_t mode);
// On 32-bit ISAs o::largefile is added, as the kernel does itself on 64-bit
// ones: offsets are 64-bit throughout rawsys.
// Flags that cannot create (no o::creat, no o::tmpfile) take no mode; an
// o::creating set takes the new file's mode. Flag bits that create, cast in
// from a number, are EINVAL here rather than a file with mode 0.
template <class = void>
inline result<unique_fd> openat(fd dirfd, const char* path, o::flags flags) noexcept {
  const auto b = bits(flags);
  if ((b & bits(o::creat)) != 0 || (b & bits(o::tmpfile)) == bits(o::tmpfile)) return unexpected(errc::einval);
  if constexpr (abi::word_bits == 32) flags |= o::largefile;
  return detail::as_fd(syscall(nr::openat, dirfd.get(), path, flags, 0));
}
template <class = void>
inline result<unique_fd> openat(fd dirfd, const char* path, o::creating flags, mode m) noexcept {
  if constexpr (abi::word_bits == 32) flags |= o::largefile;
  return detail::as_fd(syscall(nr::openat, dirfd.get(), path, flags, m));
}

namespace detail {
template <class F>
inline constexpr bool creates_without_mode = is_same_v<F, o::creating>;
}  // namespace detail

// o::creat or o::tmpfile without a mode: refused with a message.
template <class F>
  requires detail::creates_without_mode<F>
result<unique_fd> openat(fd, const char*, F) noexcept {
  static_assert(!detail::creates_without_mode<F>,
                "rawsys::open/openat: o::creat and o::tmpfile create a file: pass its mode, e.g. rawsys::mode{0644}");
  return unexpected(errc::einval);
}

// open(2): int open(const char *pathname, int flags, mode_t mode);
// openat(AT_FDCWD, ...) on every arch (arm64 has no open).
template <class = void>
inline result<unique_fd> open(const char* path, o::flags flags) noexcept { return openat(at_fdcwd, path, flags); }
template <class = void>
inline result<unique_fd> open(const char* path, o::creating flags, mode m) noexcept {
  return openat(at_fdcwd, path, flags, m);
}
template <class F>
  requires detail::creates_without_mode<F>
result<unique_fd> open(const char* path, F flags) noexcept {
  return openat<F>(at_fdcwd, path, flags);
}

// openat2(2): long openat2(int dirfd, const char *pathname, struct open_how *how, size_t size);
// Linux 5.6; ENOSYS before (passed through). The struct is passed as given:
// the convenience below adds o::largefile on 32-bit ISAs.
template <class = void>
inline result<unique_fd> openat2(fd dirfd, const char* path, const open_how* how, size_t size) noexcept {
  return detail::as_fd(syscall(nr::openat2, dirfd.get(), path, how, size));
}

// openat2 with rawsys's open_how; on 32-bit ISAs it adds o::largefile (openat2,
// unlike openat, does not add it for 32-bit callers), except with o::path,
// which openat2 accepts only with o::directory, o::nofollow and o::cloexec.
template <class = void>
inline result<unique_fd> openat2(fd dirfd, const char* path, open_how how) noexcept {
  if constexpr (abi::word_bits == 32)
    if ((how.flags & bits(o::path)) == 0) how.flags |= bits(o::largefile);
  return openat2(dirfd, path, &how, sizeof how);
}

// close(2): int close(int fd);
// Never retry on EINTR: the descriptor is gone either way on Linux.
template <class = void>
inline result<void> close(fd f) noexcept {
  return detail::as_void(syscall(nr::close, f.get()));
}

// Closes an owned descriptor and reports close's error: close(std::move(u)).
template <class = void>
inline result<void> close(unique_fd&& f) noexcept {
  return close(fd{f.release()});
}
// close(u) on an lvalue would close it twice (now and in u's destructor).
void close(unique_fd& f) = delete;

// close_range(2): int close_range(unsigned int first, unsigned int last, unsigned int flags);
// Linux 5.9; ENOSYS before (passed through: close the range one by one).
template <class = void>
inline result<void> close_range(unsigned first, unsigned last, close_range_::flags flags = close_range_::flags()) noexcept {
  return detail::as_void(syscall(nr::close_range, first, last, flags));
}

// read(2): ssize_t read(int fd, void *buf, size_t count);
template <class = void>
inline result<size_t> read(fd f, void* buf, size_t count) noexcept {
  return detail::as_count<size_t>(syscall(nr::read, f.get(), buf, count));
}

template <class = void>
inline result<size_t> read(fd f, buffer b) noexcept {
  return read(f, b.data, b.size);
}

// write(2): ssize_t write(int fd, const void *buf, size_t count);
template <class = void>
inline result<size_t> write(fd f, const void* buf, size_t count) noexcept {
  return detail::as_count<size_t>(syscall(nr::write, f.get(), buf, count));
}

// A string literal is written without its NUL.
template <class = void>
inline result<size_t> write(fd f, const_buffer b) noexcept {
  return write(f, b.data, b.size);
}

// pread64(2): ssize_t pread64(unsigned int fd, char *buf, size_t count, loff_t pos);
template <class = void>
inline result<size_t> pread64(fd f, void* buf, size_t count, int64_t offset) noexcept {
  return detail::as_count<size_t>(syscall(nr::pread64, f.get(), buf, count, arg64{static_cast<uint64_t>(offset)}));
}

template <class = void>
inline result<size_t> pread64(fd f, buffer b, int64_t offset) noexcept {
  return pread64(f, b.data, b.size, offset);
}

// pwrite64(2): ssize_t pwrite64(unsigned int fd, const char *buf, size_t count, loff_t pos);
template <class = void>
inline result<size_t> pwrite64(fd f, const void* buf, size_t count, int64_t offset) noexcept {
  return detail::as_count<size_t>(syscall(nr::pwrite64, f.get(), buf, count, arg64{static_cast<uint64_t>(offset)}));
}

template <class = void>
inline result<size_t> pwrite64(fd f, const_buffer b, int64_t offset) noexcept {
  return pwrite64(f, b.data, b.size, offset);
}

// readv(2): ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
template <class = void>
inline result<size_t> readv(fd f, const iovec* iov, int iovcnt) noexcept {
  return detail::as_count<size_t>(syscall(nr::readv, f.get(), iov, iovcnt));
}

// writev(2): ssize_t writev(int fd, const struct iovec *iov, int iovcnt);
template <class = void>
inline result<size_t> writev(fd f, const iovec* iov, int iovcnt) noexcept {
  return detail::as_count<size_t>(syscall(nr::writev, f.get(), iov, iovcnt));
}

namespace detail {
// The offset as preadv/pwritev and their v2 forms take it: (pos_l, pos_h),
// joined by the kernel as (pos_h << BITS_PER_LONG) | pos_l: the two halves on
// 32-bit ISAs, the whole offset (and a high word it ignores) on 64-bit ones.
struct pos_pair {
  unsigned long lo, hi;
};
constexpr pos_pair split_pos(int64_t offset) noexcept {
  const auto v = static_cast<uint64_t>(offset);
  return {static_cast<unsigned long>(v), static_cast<unsigned long>(v >> (abi::word_bits / 2) >> (abi::word_bits / 2))};
}
}  // namespace detail

// preadv2(2): ssize_t preadv2(unsigned long fd, const struct iovec *vec, unsigned long vlen, unsigned long pos_l, unsigned long pos_h, rwf_t flags);
// The offset goes as pos_l/pos_h on every arch (see detail::split_pos); -1
// reads at, and moves, the file position. Linux 4.6: on ENOSYS (which
// emulators such as qemu-user give) with no flags, falls back to preadv, or
// readv for -1; with flags ENOSYS is passed through.
template <class = void>
inline result<size_t> preadv2(fd f, const iovec* iov, int iovcnt, int64_t offset, rwf::flags flags = rwf::flags()) noexcept {
  const auto pos = detail::split_pos(offset);
  auto r = syscall(nr::preadv2, f.get(), iov, iovcnt, pos.lo, pos.hi, flags);
  if (!r && r.error() == errc::enosys && flags == rwf::flags())
    r = offset == -1 ? syscall(nr::readv, f.get(), iov, iovcnt) : syscall(nr::preadv, f.get(), iov, iovcnt, pos.lo, pos.hi);
  return detail::as_count<size_t>(r);
}

// pwritev2(2): ssize_t pwritev2(unsigned long fd, const struct iovec *vec, unsigned long vlen, unsigned long pos_l, unsigned long pos_h, rwf_t flags);
// The offset as for preadv2; -1 writes at the file position. The same
// fallback to pwritev or writev on ENOSYS with no flags.
template <class = void>
inline result<size_t> pwritev2(fd f, const iovec* iov, int iovcnt, int64_t offset, rwf::flags flags = rwf::flags()) noexcept {
  const auto pos = detail::split_pos(offset);
  auto r = syscall(nr::pwritev2, f.get(), iov, iovcnt, pos.lo, pos.hi, flags);
  if (!r && r.error() == errc::enosys && flags == rwf::flags())
    r = offset == -1 ? syscall(nr::writev, f.get(), iov, iovcnt) : syscall(nr::pwritev, f.get(), iov, iovcnt, pos.lo, pos.hi);
  return detail::as_count<size_t>(r);
}

// lseek(2): off_t lseek(int fd, off_t offset, int whence);
// 32-bit ISAs: _llseek(fd, offset_high, offset_low, loff_t *result, whence),
// which handles 64-bit offsets (lseek there is 32-bit). A position the kernel
// cannot report as a loff_t (a negative one, e.g. in /proc/self/mem) comes
// back in its return value with *result unwritten: that value is returned,
// sign-extended, as glibc does.
template <class = void>
inline result<int64_t> lseek(fd f, int64_t offset, seek whence) noexcept {
  if constexpr (sys::has(sys::llseek)) {
    const auto off = static_cast<uint64_t>(offset);
    int64_t pos = 0;
    const result<long> r = syscall(sys::llseek, f.get(), static_cast<unsigned long>(off >> 32),
                                   static_cast<unsigned long>(off & 0xffffffffu), &pos, whence);
    if (!r) return unexpected(r.error());
    return *r != 0 ? static_cast<int64_t>(*r) : pos;
  } else {
    const result<long> r = syscall(sys::lseek, f.get(), offset, whence);
    if (!r) return unexpected(r.error());
    return static_cast<int64_t>(*r);
  }
}

// dup(2): int dup(int oldfd);
template <class = void>
inline result<unique_fd> dup(fd oldfd) noexcept {
  return detail::as_fd(syscall(nr::dup, oldfd.get()));
}

// dup3(2): int dup3(int oldfd, int newfd, int flags);
// Returns newfd borrowed: the caller chose the number and owns it already.
// oldfd == newfd is EINVAL (see dup2).
template <class = void>
inline result<fd> dup3(fd oldfd, fd newfd, o::flags flags = o::flags()) noexcept {
  auto r = syscall(nr::dup3, oldfd.get(), newfd.get(), flags);
  if (!r) return unexpected(r.error());
  return fd{static_cast<int>(*r)};
}

namespace detail {
// F_GETOWN answered through F_GETOWN_EX, as glibc and musl answer it: F_GETOWN
// returns a process group as its negative id, and a group id of 4095 or less
// lands in the error range (fcntl(2), BUGS). EINVAL (a kernel before 2.6.32,
// without F_GETOWN_EX) falls back to F_GETOWN itself.
template <class = void>
inline result<long> fcntl_getown(fd d) noexcept {
  struct {
    int type;  // F_OWNER_TID 0, F_OWNER_PID 1, F_OWNER_PGRP 2
    int pid;
  } owner{};  // struct f_owner_ex
  const auto r = syscall(sys::fcntl, d.get(), f::getown_ex, &owner);
  if (!r && r.error() == errc::einval) return syscall(sys::fcntl, d.get(), f::getown);
  if (!r) return unexpected(r.error());
  return owner.type == 2 ? -static_cast<long>(owner.pid) : owner.pid;
}
}  // namespace detail

// fcntl(2): int fcntl(int fd, int cmd, unsigned long arg);
// 32-bit ISAs: fcntl64, whose lock commands take the 64-bit struct flock.
// f::getown returns a process group as its negative id, whatever the id (see
// detail::fcntl_getown).
template <class = void>
inline result<long> fcntl(fd d, f cmd, unsigned long arg = 0) noexcept {
  if (cmd == f::getown) return detail::fcntl_getown(d);
  return syscall(sys::fcntl, d.get(), cmd, arg);
}

// fcntl with a pointer argument (struct flock*, struct f_owner_ex*, ...).
template <class T>
inline result<long> fcntl(fd d, f cmd, T* arg) noexcept {
  return fcntl(d, cmd, reinterpret_cast<unsigned long>(arg));
}

// dup2(2): int dup2(int oldfd, int newfd);
// dup3 on every arch (arm64 has no dup2), except that dup2(fd, fd) returns fd
// when it is open and EBADF otherwise, as POSIX says (dup3 gives EINVAL).
template <class = void>
inline result<fd> dup2(fd oldfd, fd newfd) noexcept {
  if (oldfd == newfd) {
    auto r = fcntl(oldfd, f::getfd);
    if (!r) return unexpected(r.error());
    return newfd;
  }
  return dup3(oldfd, newfd);
}

// fcntl(2) F_GETFD: the descriptor's flags (fd_::cloexec).
template <class = void>
inline result<fd_::flags> fcntl_getfd(fd d) noexcept {
  return fcntl(d, f::getfd).transform([](long v) { return static_cast<fd_::flags>(v); });
}

// fcntl(2) F_SETFD.
template <class = void>
inline result<void> fcntl_setfd(fd d, fd_::flags flags) noexcept {
  return detail::as_void(fcntl(d, f::setfd, bits(flags)));
}

// fcntl(2) F_GETFL: the access mode and status flags of the open file.
template <class = void>
inline result<o::flags> fcntl_getfl(fd d) noexcept {
  return fcntl(d, f::getfl).transform([](long v) { return static_cast<o::flags>(v); });
}

// fcntl(2) F_SETFL: changes o::append, o::async, o::direct, o::noatime, o::nonblock.
template <class = void>
inline result<void> fcntl_setfl(fd d, o::flags flags) noexcept {
  return detail::as_void(fcntl(d, f::setfl, bits(flags)));
}

// fcntl(2) F_DUPFD_CLOEXEC: a close-on-exec duplicate numbered min_fd or above.
template <class = void>
inline result<unique_fd> fcntl_dupfd_cloexec(fd d, unsigned min_fd = 0) noexcept {
  return detail::as_fd(fcntl(d, f::dupfd_cloexec, min_fd));
}

// fcntl(2) F_GETLK (F_GETLK64 on i386): the first lock that would block *lk, or
// lk->type == flock_type::unlck when none would.
template <class = void>
inline result<void> fcntl_getlk(fd d, flock_t* lk) noexcept {
  return detail::as_void(fcntl(d, f::getlk, lk));
}

// fcntl(2) F_SETLK: takes or releases a POSIX record lock (owned by the process);
// EAGAIN or EACCES when another holds a conflicting one.
template <class = void>
inline result<void> fcntl_setlk(fd d, const flock_t* lk) noexcept {
  return detail::as_void(fcntl(d, f::setlk, const_cast<flock_t*>(lk)));
}

// fcntl(2) F_SETLKW: as fcntl_setlk, waiting for the conflicting lock to go.
template <class = void>
inline result<void> fcntl_setlkw(fd d, const flock_t* lk) noexcept {
  return detail::as_void(fcntl(d, f::setlkw, const_cast<flock_t*>(lk)));
}

// fcntl(2) F_OFD_GETLK: as fcntl_getlk for open file description locks (Linux 3.15).
template <class = void>
inline result<void> fcntl_ofd_getlk(fd d, flock_t* lk) noexcept {
  return detail::as_void(fcntl(d, f::ofd_getlk, lk));
}

// fcntl(2) F_OFD_SETLK: a lock owned by the open file description, not the process
// (lk->pid must be 0).
template <class = void>
inline result<void> fcntl_ofd_setlk(fd d, const flock_t* lk) noexcept {
  return detail::as_void(fcntl(d, f::ofd_setlk, const_cast<flock_t*>(lk)));
}

// fcntl(2) F_OFD_SETLKW: as fcntl_ofd_setlk, waiting.
template <class = void>
inline result<void> fcntl_ofd_setlkw(fd d, const flock_t* lk) noexcept {
  return detail::as_void(fcntl(d, f::ofd_setlkw, const_cast<flock_t*>(lk)));
}

// The two ends of a pipe: read from read_end, write to write_end.
struct pipe_ends {
  unique_fd read_end;
  unique_fd write_end;
};

// pipe2(2): int pipe2(int pipefd[2], int flags);
template <class = void>
inline result<void> pipe2(int (&fds)[2], o::flags flags) noexcept {
  return detail::as_void(syscall(nr::pipe2, fds, flags));
}

// pipe2 giving owned descriptors: auto [r, w] = *pipe2(o::cloexec);
template <class = void>
inline result<pipe_ends> pipe2(o::flags flags = o::flags()) noexcept {
  int fds[2] = {-1, -1};
  auto r = pipe2(fds, flags);
  if (!r) return unexpected(r.error());
  return pipe_ends{unique_fd(fds[0]), unique_fd(fds[1])};
}

// fsync(2): int fsync(int fd);
template <class = void>
inline result<void> fsync(fd f) noexcept {
  return detail::as_void(syscall(nr::fsync, f.get()));
}

// fdatasync(2): int fdatasync(int fd);
template <class = void>
inline result<void> fdatasync(fd f) noexcept {
  return detail::as_void(syscall(nr::fdatasync, f.get()));
}

// sync(2): void sync(void);
// Cannot fail.
template <class = void>
inline void sync() noexcept {
  (void)syscall(nr::sync);
}

// syncfs(2): int syncfs(int fd);
template <class = void>
inline result<void> syncfs(fd f) noexcept {
  return detail::as_void(syscall(nr::syncfs, f.get()));
}

// ftruncate(2): int ftruncate(int fd, off_t length);
// 32-bit ISAs: ftruncate64, the length in a register pair.
template <class = void>
inline result<void> ftruncate(fd f, int64_t length) noexcept {
  return detail::as_void(syscall(sys::ftruncate, f.get(), arg64{static_cast<uint64_t>(length)}));
}

// truncate(2): int truncate(const char *path, off_t length);
// 32-bit ISAs: truncate64, the length in a register pair.
template <class = void>
inline result<void> truncate(const char* path, int64_t length) noexcept {
  return detail::as_void(syscall(sys::truncate, path, arg64{static_cast<uint64_t>(length)}));
}

// fallocate(2): int fallocate(int fd, int mode, off_t offset, off_t len);
// 32-bit ISAs: offset and len each in a register pair.
template <class = void>
inline result<void> fallocate(fd f, falloc::flags mode, int64_t offset, int64_t len) noexcept {
  return detail::as_void(syscall(nr::fallocate, f.get(), mode, arg64{static_cast<uint64_t>(offset)},
                                arg64{static_cast<uint64_t>(len)}));
}

// SYNC_FILE_RANGE_*: sync_file_range(2) flags.
namespace sync_file_range_ {
enum class flags : unsigned {
  wait_before = uapi::sync_file_range_wait_before,
  write = uapi::sync_file_range_write,
  wait_after = uapi::sync_file_range_wait_after,
  write_and_wait = uapi::sync_file_range_write_and_wait,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace sync_file_range_

// sync_file_range(2): int sync_file_range(int fd, off64_t offset, off64_t nbytes, unsigned int flags);
// nbytes 0: to the end of the file. 32-bit ISAs: offset and nbytes in
// register pairs; arm and powerpc: sync_file_range2 (arm_sync_file_range),
// the flags second (sys::sync_file_range_flags_second). mips o32: seven
// argument slots (fd, a pad, two aligned pairs, flags).
template <class = void>
inline result<void> sync_file_range(fd f, int64_t offset, int64_t nbytes, sync_file_range_::flags flags) noexcept {
  const arg64 off{static_cast<uint64_t>(offset)}, n{static_cast<uint64_t>(nbytes)};
  if constexpr (sys::sync_file_range_flags_second)
    return detail::as_void(syscall(sys::sync_file_range, f.get(), flags, off, n));
  else
    return detail::as_void(syscall(sys::sync_file_range, f.get(), off, n, flags));
}

// readahead(2): ssize_t readahead(int fd, off64_t offset, size_t count);
// 32-bit ISAs: offset in a register pair.
template <class = void>
inline result<void> readahead(fd f, int64_t offset, size_t count) noexcept {
  return detail::as_void(syscall(nr::readahead, f.get(), arg64{static_cast<uint64_t>(offset)}, count));
}

// posix_fadvise(2): long fadvise64_64(int fd, loff_t offset, loff_t len, int advice);
// fadvise64_64 where the ISA has it (32-bit ISAs: offset and len in register
// pairs), else fadvise64; arm_fadvise64_64 takes the advice second. Returns
// the error itself, unlike posix_fadvise.
template <class = void>
inline result<void> fadvise64(fd f, int64_t offset, int64_t len, fadv advice) noexcept {
  const arg64 off{static_cast<uint64_t>(offset)}, n{static_cast<uint64_t>(len)};
  if constexpr (sys::fadvise_advice_second)
    return detail::as_void(syscall(sys::fadvise, f.get(), advice, off, n));
  else
    return detail::as_void(syscall(sys::fadvise, f.get(), off, n, advice));
}

// sendfile(2): ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count);
// 32-bit ISAs: sendfile64, whose offset is 64-bit. offset may be null (use and move
// in_fd's position).
template <class = void>
inline result<size_t> sendfile(fd out_fd, fd in_fd, int64_t* offset, size_t count) noexcept {
  return detail::as_count<size_t>(syscall(sys::sendfile, out_fd.get(), in_fd.get(), offset, count));
}

// splice(2): ssize_t splice(int fd_in, loff_t *off_in, int fd_out, loff_t *off_out, size_t len, unsigned int flags);
template <class = void>
inline result<size_t> splice(fd fd_in, int64_t* off_in, fd fd_out, int64_t* off_out, size_t len, splice_f::flags flags = splice_f::flags()) noexcept {
  return detail::as_count<size_t>(syscall(nr::splice, fd_in.get(), off_in, fd_out.get(), off_out, len, flags));
}

// tee(2): ssize_t tee(int fd_in, int fd_out, size_t len, unsigned int flags);
template <class = void>
inline result<size_t> tee(fd fd_in, fd fd_out, size_t len, splice_f::flags flags = splice_f::flags()) noexcept {
  return detail::as_count<size_t>(syscall(nr::tee, fd_in.get(), fd_out.get(), len, flags));
}

// vmsplice(2): ssize_t vmsplice(int fd, const struct iovec *iov, size_t nr_segs, unsigned int flags);
template <class = void>
inline result<size_t> vmsplice(fd f, const iovec* iov, size_t nr_segs, splice_f::flags flags = splice_f::flags()) noexcept {
  return detail::as_count<size_t>(syscall(nr::vmsplice, f.get(), iov, nr_segs, flags));
}

// copy_file_range(2): ssize_t copy_file_range(int fd_in, loff_t *off_in, int fd_out, loff_t *off_out, size_t len, unsigned int flags);
template <class = void>
inline result<size_t> copy_file_range(fd fd_in, int64_t* off_in, fd fd_out, int64_t* off_out, size_t len, unsigned flags = 0) noexcept {
  return detail::as_count<size_t>(syscall(nr::copy_file_range, fd_in.get(), off_in, fd_out.get(), off_out, len, flags));
}

// flock(2): int flock(int fd, int operation);
template <class = void>
inline result<void> flock(fd f, lock::flags operation) noexcept {
  return detail::as_void(syscall(nr::flock, f.get(), operation));
}

}  // namespace rawsys
