// Stand-ins for the typed wrappers the tools need until file.hpp, fs.hpp and
// time.hpp are available: the raw calls with the same names and arguments.
#pragma once

#include <rawsys/fd.hpp>
#include <rawsys/syscall.hpp>
#include <rawsys/types.hpp>

namespace sys {

using rawsys::fd;
using rawsys::nr;
using rawsys::result;
using rawsys::unique_fd;

inline constexpr unsigned o_rdonly = 0, o_cloexec = 02000000, o_directory =
#if defined(__aarch64__)
    040000;
#else
    0200000;
#endif
inline constexpr unsigned at_symlink_nofollow = 0x100, at_empty_path = 0x1000;

inline result<unique_fd> openat(fd dir, const char* path, unsigned flags) noexcept {
  return rawsys::detail::as_fd(rawsys::syscall(nr::openat, dir.get(), path, flags | 0100000 /* O_LARGEFILE */, 0));
}
inline result<unsigned long> read(fd f, void* buf, size_t n) noexcept {
  return rawsys::detail::as_size(rawsys::syscall(nr::read, f.get(), buf, n));
}
inline result<unsigned long> write(fd f, const void* buf, size_t n) noexcept {
  return rawsys::detail::as_size(rawsys::syscall(nr::write, f.get(), buf, n));
}
inline result<unsigned long> sendfile(fd out, fd in, size_t n) noexcept {
#if defined(__i386__)
  return rawsys::detail::as_size(rawsys::syscall(nr::sendfile64, out.get(), in.get(), nullptr, n));
#else
  return rawsys::detail::as_size(rawsys::syscall(nr::sendfile, out.get(), in.get(), nullptr, n));
#endif
}
inline result<unsigned long> splice(fd in, fd out, size_t n) noexcept {
  return rawsys::detail::as_size(rawsys::syscall(nr::splice, in.get(), nullptr, out.get(), nullptr, n, 0));
}
// The current offset, for "input file is output file"; -1 when not seekable.
inline long long tell(fd f) noexcept {
#if defined(__i386__)
  long long pos = -1;
  if (!rawsys::syscall(nr::_llseek, f.get(), 0, 0, &pos, 1)) return -1;
  return pos;
#else
  return rawsys::syscall(nr::lseek, f.get(), 0, 1).value_or(-1);
#endif
}

struct statx_ts {
  int64_t sec;
  uint32_t nsec;
  int32_t reserved;
};
struct statx_buf {
  uint32_t mask, blksize;
  uint64_t attributes;
  uint32_t nlink, uid, gid;
  uint16_t mode, spare0;
  uint64_t ino, size, blocks, attributes_mask;
  statx_ts atime, btime, ctime, mtime;
  uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
  uint64_t spare[14];
};
static_assert(sizeof(statx_buf) == 256);

inline result<void> statx(fd dir, const char* path, unsigned flags, unsigned mask, statx_buf* buf) noexcept {
  return rawsys::detail::as_void(rawsys::syscall(nr::statx, dir.get(), path, flags, mask, buf));
}
inline result<unsigned long> getdents64(fd dir, void* buf, size_t n) noexcept {
  return rawsys::detail::as_size(rawsys::syscall(nr::getdents64, dir.get(), buf, n));
}
inline result<unsigned long> readlinkat(fd dir, const char* path, char* buf, size_t n) noexcept {
  return rawsys::detail::as_size(rawsys::syscall(nr::readlinkat, dir.get(), path, buf, n));
}

}  // namespace sys
