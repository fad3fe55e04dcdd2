// Files as names: metadata (statx, the per-arch struct stat, statfs), access
// and ownership, times, directories and their entries, links, the current
// directory, extended attributes, mounts (the old and the new mount API),
// file handles, roots, swap, quotas, inotify and fanotify.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "detail/at.hpp"
#include "detail/time64.hpp"
#include "file.hpp"
#include "syscall.hpp"
#include "types.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_FS
#include "arch/native_uapi.hpp"

namespace rawsys {

// S_*: the file type and permission bits of a mode. Plain numbers, because
// modes are written as octal numbers (0644) and st_mode is one.
namespace s {
inline constexpr unsigned ifmt = 0170000;
inline constexpr unsigned ifsock = 0140000;
inline constexpr unsigned iflnk = 0120000;
inline constexpr unsigned ifreg = 0100000;
inline constexpr unsigned ifblk = 0060000;
inline constexpr unsigned ifdir = 0040000;
inline constexpr unsigned ifchr = 0020000;
inline constexpr unsigned ififo = 0010000;
inline constexpr unsigned isuid = 04000;
inline constexpr unsigned isgid = 02000;
inline constexpr unsigned isvtx = 01000;
inline constexpr unsigned irwxu = 0700, irusr = 0400, iwusr = 0200, ixusr = 0100;
inline constexpr unsigned irwxg = 070, irgrp = 040, iwgrp = 020, ixgrp = 010;
inline constexpr unsigned irwxo = 07, iroth = 04, iwoth = 02, ixoth = 01;
constexpr unsigned type(unsigned mode) noexcept { return mode & ifmt; }
constexpr bool isreg(unsigned mode) noexcept { return type(mode) == ifreg; }
constexpr bool isdir(unsigned mode) noexcept { return type(mode) == ifdir; }
constexpr bool islnk(unsigned mode) noexcept { return type(mode) == iflnk; }
constexpr bool isfifo(unsigned mode) noexcept { return type(mode) == ififo; }
constexpr bool ischr(unsigned mode) noexcept { return type(mode) == ifchr; }
constexpr bool isblk(unsigned mode) noexcept { return type(mode) == ifblk; }
constexpr bool issock(unsigned mode) noexcept { return type(mode) == ifsock; }
}  // namespace s

// F_OK, R_OK, W_OK, X_OK: what faccessat2(2) checks (ok::f: that it exists).
// Hand-written: only the C library defines them (the kernel's MAY_* are internal).
namespace ok {
enum class flags : unsigned {
  f = 0,
  x = 1,
  w = 2,
  r = 4,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace ok

// UTIME_NOW, UTIME_OMIT: special nsec values for utimensat(2).
inline constexpr int64_t utime_now = (1L << 30) - 1;
inline constexpr int64_t utime_omit = (1L << 30) - 2;

// RENAME_*: renameat2(2) flags.
namespace rename {
enum class flags : unsigned {
  noreplace = uapi::rename_noreplace,
  exchange = uapi::rename_exchange,
  whiteout = uapi::rename_whiteout,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace rename

// STATX_*: what statx(2) is asked for and what it filled (statx::mask).
namespace stx {
enum class flags : uint32_t {
  type = uapi::statx_type,
  mode = uapi::statx_mode,
  nlink = uapi::statx_nlink,
  uid = uapi::statx_uid,
  gid = uapi::statx_gid,
  atime = uapi::statx_atime,
  mtime = uapi::statx_mtime,
  ctime = uapi::statx_ctime,
  ino = uapi::statx_ino,
  size = uapi::statx_size,
  blocks = uapi::statx_blocks,
  basic_stats = uapi::statx_basic_stats,
  btime = uapi::statx_btime,
  mnt_id = uapi::statx_mnt_id,
  dioalign = uapi::statx_dioalign,  // Linux 6.1
  mnt_id_unique = uapi::statx_mnt_id_unique,  // Linux 6.8
  subvol = uapi::statx_subvol,  // Linux 6.10
  write_atomic = uapi::statx_write_atomic,  // Linux 6.11
  dio_read_align = 0x20000,  // Linux 6.14: newer than the generated headers
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace stx

// STATX_ATTR_*: statx::attributes and statx::attributes_mask.
namespace stx_attr {
enum class flags : uint64_t {
  compressed = uapi::statx_attr_compressed,
  immutable = uapi::statx_attr_immutable,
  append = uapi::statx_attr_append,
  nodump = uapi::statx_attr_nodump,
  encrypted = uapi::statx_attr_encrypted,
  automount = uapi::statx_attr_automount,
  mount_root = uapi::statx_attr_mount_root,
  verity = uapi::statx_attr_verity,
  dax = uapi::statx_attr_dax,
  write_atomic = uapi::statx_attr_write_atomic,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace stx_attr

// The kernel's struct statx_timestamp.
struct statx_timestamp {
  int64_t sec;
  uint32_t nsec;
  int32_t reserved;
  constexpr operator timespec() const noexcept { return {sec, nsec}; }
};

// The kernel's struct statx (256 bytes on every arch; fields up to Linux
// 6.16, the rest spare). Members are the kernel's names without "stx_". The
// kernel struct types are named with _t (statx_t, stat_t, statfs_t, flock_t)
// so that they never share a name with a function: `rawsys::statx_t sx{};`.
struct statx_t {
  stx::flags mask;  // what was filled
  uint32_t blksize;
  stx_attr::flags attributes;
  uint32_t nlink;
  uint32_t uid;
  uint32_t gid;
  uint16_t mode;
  uint16_t spare0;
  uint64_t ino;
  uint64_t size;
  uint64_t blocks;
  stx_attr::flags attributes_mask;
  statx_timestamp atime;
  statx_timestamp btime;
  statx_timestamp ctime;
  statx_timestamp mtime;
  uint32_t rdev_major;
  uint32_t rdev_minor;
  uint32_t dev_major;
  uint32_t dev_minor;
  uint64_t mnt_id;
  uint32_t dio_mem_align;
  uint32_t dio_offset_align;
  uint64_t subvol;
  uint32_t atomic_write_unit_min;
  uint32_t atomic_write_unit_max;
  uint32_t atomic_write_segments_max;
  uint32_t dio_read_offset_align;
  uint32_t atomic_write_unit_max_opt;
  uint32_t spare2;
  uint64_t spare3[8];
};

// The kernel's struct stat of the target, as fstat and newfstatat fill it
// (struct stat64 of fstatat64 where long is 32-bit): the kernel's member
// names without "st_", its types and padding, with the timestamps as {sec,
// nsec} pairs (stat_time) that convert to rawsys::timespec. The layout is
// generated per ISA (uapi/<isa>.hpp); where the seconds are 32-bit they are
// read as a 32-bit time_t would be: statx has 64-bit ones.
using stat_time = uapi::stat_time;
struct stat_t : uapi::stat {};

// The kernel's struct statfs (struct statfs64 where long is 32-bit), as
// statfs and fstatfs fill it: type is the file system's magic number, flags
// the ST_* mount flags.
struct statfs_t : uapi::statfs {};

// DT_*: the type of a directory entry (dt::unknown when the file system does
// not say: ask statx). Hand-written: the kernel's FT_/DT_ list is internal
// (include/linux/fs_types.h); one value everywhere.
enum class dt : unsigned char {
  unknown = 0, fifo = 1, chr = 2, dir = 4, blk = 6, reg = 8, lnk = 10, sock = 12, wht = 14,
};

// One directory entry, pointing into the buffer getdents64 filled.
struct dir_entry {
  uint64_t ino;
  int64_t off;         // the position after this entry (for lseek)
  dt type;
  const char* name;    // NUL-terminated
};

namespace detail {

template <class T>
inline T load(const unsigned char* p) noexcept {
  T v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}

// The kernel's struct linux_dirent64: d_ino at 0, d_off at 8, d_reclen at 16,
// d_type at 18, d_name at 19. Returns the record length, or 0 when the bytes
// left cannot hold a record.
template <class = void>
inline size_t parse_dirent64(const unsigned char* p, size_t left, dir_entry& e) noexcept {
  if (left < 20) return 0;
  const size_t reclen = load<uint16_t>(p + 16);
  if (reclen < 20 || reclen > left) return 0;
  e = {load<uint64_t>(p), load<int64_t>(p + 8), static_cast<dt>(p[18]), reinterpret_cast<const char*>(p + 19)};
  return reclen;
}

}  // namespace detail

// The entries in the bytes one getdents64 call returned, for range-for:
//   for (rawsys::dir_entry e : rawsys::dirents(buf, *n)) ...
class dirents {
 public:
  class iterator {
   public:
    using value_type = dir_entry;
    using difference_type = ptrdiff_t;
    constexpr iterator() noexcept = default;
    iterator(const unsigned char* p, const unsigned char* end) noexcept : p_(p), end_(end) { parse(); }
    const dir_entry& operator*() const noexcept { return e_; }
    const dir_entry* operator->() const noexcept { return &e_; }
    iterator& operator++() noexcept {
      p_ += len_;
      parse();
      return *this;
    }
    iterator operator++(int) noexcept {
      iterator old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.p_ == b.p_; }

   private:
    void parse() noexcept {
      len_ = p_ == end_ ? 0 : detail::parse_dirent64(p_, static_cast<size_t>(end_ - p_), e_);
      if (len_ == 0) p_ = end_;  // the end, or a short record: stop
    }
    const unsigned char* p_ = nullptr;
    const unsigned char* end_ = nullptr;
    size_t len_ = 0;
    dir_entry e_{};
  };

  dirents(const void* data, size_t size) noexcept
      : begin_(static_cast<const unsigned char*>(data)), end_(begin_ + size) {}
  iterator begin() const noexcept { return {begin_, end_}; }
  iterator end() const noexcept { return {end_, end_}; }

 private:
  const unsigned char* begin_;
  const unsigned char* end_;
};

// statx(2): int statx(int dirfd, const char *pathname, int flags, unsigned int mask, struct statx *statxbuf);
// Linux 4.11. path "" with at::empty_path describes dirfd itself.
template <class = void>
inline result<void> statx(fd dirfd, const char* path, at::flags flags, stx::flags mask, statx_t* buf) noexcept {
  return detail::as_void(syscall(nr::statx, dirfd.get(), path, flags, mask, buf));
}

// statx by value: check ->mask for what was filled.
template <class = void>
inline result<statx_t> statx(fd dirfd, const char* path, at::flags flags, stx::flags mask) noexcept {
  statx_t buf{};
  auto r = statx(dirfd, path, flags, mask, &buf);
  if (!r) return unexpected(r.error());
  return buf;
}

namespace detail {
// r, or where the kernel may lack fstat and newfstatat (abi::statx_fallback)
// and said ENOSYS, statx's answer in the struct stat those fill (as the
// kernel's cp_new_stat: the device numbers in glibc's makedev layout). A
// template, so that other ISAs' struct stat never meets this code.
template <class S>
inline result<void> stat_or_statx(result<void> r, fd dirfd, const char* path, at::flags flags, S* buf) noexcept {
  if constexpr (abi::statx_fallback) {
    if (r || r.error() != errc::enosys) return r;
    statx_t x{};
    r = statx(dirfd, path, flags, stx::basic_stats, &x);
    if (!r) return r;
    auto dev = [](uint64_t major, uint64_t minor) {
      return ((major & 0xfffff000) << 32) | ((major & 0xfff) << 8) | ((minor & 0xffffff00) << 12) | (minor & 0xff);
    };
    *buf = S{};
    buf->dev = dev(x.dev_major, x.dev_minor);
    buf->ino = x.ino;
    buf->mode = x.mode;
    buf->nlink = x.nlink;
    buf->uid = x.uid;
    buf->gid = x.gid;
    buf->rdev = dev(x.rdev_major, x.rdev_minor);
    buf->size = static_cast<int64_t>(x.size);
    buf->blksize = static_cast<int32_t>(x.blksize);
    buf->blocks = static_cast<int64_t>(x.blocks);
    buf->atime = {x.atime.sec, x.atime.nsec};
    buf->mtime = {x.mtime.sec, x.mtime.nsec};
    buf->ctime = {x.ctime.sec, x.ctime.nsec};
  }
  return r;
}
}  // namespace detail

// fstat(2): int fstat(int fd, struct stat *statbuf);
// 32-bit ISAs: fstat64 (struct stat64). statx where the kernel may lack it.
template <class = void>
inline result<void> fstat(fd f, stat_t* buf) noexcept {
  return detail::stat_or_statx(detail::as_void(syscall(sys::fstat, f.get(), buf)), f, "", at::empty_path, buf);
}

template <class = void>
inline result<stat_t> fstat(fd f) noexcept {
  stat_t buf{};
  auto r = fstat(f, &buf);
  if (!r) return unexpected(r.error());
  return buf;
}

// newfstatat(2): int newfstatat(int dirfd, const char *pathname, struct stat *statbuf, int flags);
// As glibc's fstatat(3). 32-bit ISAs: fstatat64 (struct stat64). statx
// where the kernel may lack it.
template <class = void>
inline result<void> newfstatat(fd dirfd, const char* path, stat_t* buf, at::flags flags) noexcept {
  return detail::stat_or_statx(detail::as_void(syscall(sys::fstatat, dirfd.get(), path, buf, flags)), dirfd, path,
                               flags, buf);
}

template <class = void>
inline result<stat_t> newfstatat(fd dirfd, const char* path, at::flags flags = at::flags()) noexcept {
  stat_t buf{};
  auto r = newfstatat(dirfd, path, &buf, flags);
  if (!r) return unexpected(r.error());
  return buf;
}

// faccessat2(2): int faccessat2(int dirfd, const char *pathname, int mode, int flags);
// Linux 5.8. On ENOSYS with no flags, falls back to faccessat, which takes
// none; with flags, ENOSYS is passed through (faccessat would ignore them).
template <class = void>
inline result<void> faccessat2(fd dirfd, const char* path, ok::flags mode, at::flags flags = at::flags()) noexcept {
  auto r = syscall(nr::faccessat2, dirfd.get(), path, mode, flags);
  if (!r && r.error() == errc::enosys && flags == at::flags()) r = syscall(nr::faccessat, dirfd.get(), path, mode);
  return detail::as_void(r);
}

// fchmod(2): int fchmod(int fd, mode_t mode);
// mode: rawsys::mode{0644}; a plain number is still taken, as before.
template <class = void>
inline result<void> fchmod(fd f, mode m) noexcept {
  return detail::as_void(syscall(nr::fchmod, f.get(), m));
}

template <class = void>
inline result<void> fchmod(fd f, unsigned m) noexcept { return fchmod(f, mode{m}); }

// fchmodat(2): int fchmodat(int dirfd, const char *pathname, mode_t mode);
// The kernel's call has no flags (AT_SYMLINK_NOFOLLOW needs fchmodat2).
template <class = void>
inline result<void> fchmodat(fd dirfd, const char* path, mode m) noexcept {
  return detail::as_void(syscall(nr::fchmodat, dirfd.get(), path, m));
}

template <class = void>
inline result<void> fchmodat(fd dirfd, const char* path, unsigned m) noexcept {
  return fchmodat(dirfd, path, mode{m});
}

// fchmodat2(2): int fchmodat2(int dirfd, const char *pathname, mode_t mode, unsigned int flags);
// Linux 6.6: takes at::symlink_nofollow and at::empty_path. On ENOSYS with no
// flags, falls back to fchmodat; with flags ENOSYS is passed through (glibc
// 2.39 and later answer EOPNOTSUPP for a symbolic link instead, through
// /proc, which a program without /proc cannot do).
template <class = void>
inline result<void> fchmodat2(fd dirfd, const char* path, mode m, at::flags flags = at::flags()) noexcept {
  auto r = syscall(nr::fchmodat2, dirfd.get(), path, m, flags);
  if (!r && r.error() == errc::enosys && flags == at::flags()) r = syscall(nr::fchmodat, dirfd.get(), path, m);
  return detail::as_void(r);
}

// fchown(2): int fchown(int fd, uid_t owner, gid_t group);
// fchown32 where fchown takes 16-bit ids (i386, arm). ~0u leaves an id unchanged.
template <class = void>
inline result<void> fchown(fd f, uint32_t owner, uint32_t group) noexcept {
  return detail::as_void(syscall(sys::fchown, f.get(), owner, group));
}

// fchownat(2): int fchownat(int dirfd, const char *pathname, uid_t owner, gid_t group, int flags);
// 32-bit ids on every arch, i386 included.
template <class = void>
inline result<void> fchownat(fd dirfd, const char* path, uint32_t owner, uint32_t group, at::flags flags = at::flags()) noexcept {
  return detail::as_void(syscall(nr::fchownat, dirfd.get(), path, owner, group, flags));
}

// utimensat(2): int utimensat(int dirfd, const char *pathname, const struct timespec times[2], int flags);
// times[0] is the access time, times[1] the modification time; null sets both
// to now; nsec utime_now/utime_omit as in the man page. path null: dirfd
// itself. 32-bit ISAs: utimensat_time64 (Linux 5.1), and on a kernel without
// it utimensat with the times converted to 32 bits.
template <class = void>
inline result<void> utimensat(fd dirfd, const char* path, const timespec* times, at::flags flags = at::flags()) noexcept {
  const result<long> r = syscall(sys::utimensat, dirfd.get(), path, times, flags);
  if (!detail::time64_missing(r)) [[likely]]
    return detail::as_void(r);
  // The old call takes old_timespec pairs: EOVERFLOW for seconds beyond 32
  // bits, unless nsec is utime_now or utime_omit (then sec is ignored).
  detail::old_timespec old[2] = {};
  for (int i = 0; times && i < 2; ++i) {
    const bool special = times[i].nsec == utime_now || times[i].nsec == utime_omit;
    if (!special && !detail::fits_long(times[i].sec)) return unexpected(errc::eoverflow);
    old[i] = {special ? 0 : static_cast<long>(times[i].sec), static_cast<long>(times[i].nsec)};
  }
  return detail::as_void(syscall(sys::time32::utimensat, dirfd.get(), path, times ? old : nullptr, flags));
}

// getdents64(2): ssize_t getdents64(int fd, void *dirp, size_t count);
// Fills dirp with struct linux_dirent64 records (read them with dirents or
// dir_reader); 0 at the end of the directory. dirp must be 8-byte aligned.
// count is clamped to INT_MAX, as glibc clamps it: the kernel takes an
// unsigned int and checks it as an int, so a larger buffer would be EINVAL
// (or, above 4 GiB on 64-bit ISAs, cut to its low 32 bits).
template <class = void>
inline result<size_t> getdents64(fd dir, void* dirp, size_t count) noexcept {
  constexpr size_t int_max = 0x7fffffff;
  if (count > int_max) count = int_max;
  return detail::as_count<size_t>(syscall(nr::getdents64, dir.get(), dirp, count));
}

template <class = void>
inline result<size_t> getdents64(fd dir, buffer b) noexcept {
  return getdents64(dir, b.data, b.size);
}

// Every entry of a directory, read with getdents64 into a buffer the caller
// provides (no allocation):
//   alignas(8) char buf[4096];
//   rawsys::dir_reader dir(d, buf);
//   for (rawsys::dir_entry e : dir) ...
//   if (!dir.status()) ...   // a getdents64 error ended the loop early
// Entries point into the buffer: each is valid until the iteration moves past
// it. The reader starts where the descriptor's position is; iterating again
// continues from there.
class dir_reader {
 public:
  struct sentinel {};
  class iterator {
   public:
    using value_type = dir_entry;
    using difference_type = ptrdiff_t;
    iterator() noexcept = default;
    explicit iterator(dir_reader* r) noexcept : r_(r) {}
    const dir_entry& operator*() const noexcept { return *r_->it_; }
    const dir_entry* operator->() const noexcept { return &*r_->it_; }
    iterator& operator++() noexcept {
      r_->next();
      return *this;
    }
    void operator++(int) noexcept { r_->next(); }
    friend bool operator==(const iterator& i, sentinel) noexcept { return i.at_end(); }

   private:
    bool at_end() const noexcept { return r_->done_; }
    dir_reader* r_ = nullptr;
  };

  // The buffer's start is rounded up to 8 bytes.
  dir_reader(fd dir, buffer buf) noexcept : dir_(dir) {
    const auto p = reinterpret_cast<uintptr_t>(buf.data);
    const size_t skip = (8 - (p & 7)) & 7;
    buf_ = static_cast<unsigned char*>(buf.data) + (skip < buf.size ? skip : buf.size);
    cap_ = buf.size > skip ? buf.size - skip : 0;
  }
  dir_reader(const dir_reader&) = delete;
  dir_reader& operator=(const dir_reader&) = delete;

  iterator begin() noexcept {
    if (it_ == end_) fill();
    return iterator(this);
  }
  sentinel end() const noexcept { return {}; }
  // The error of the getdents64 call that ended the iteration, if any.
  result<void> status() const noexcept {
    if (err_ != errc{}) return unexpected(err_);
    return {};
  }

 private:
  void fill() noexcept {
    auto n = getdents64(dir_, buf_, cap_);
    err_ = n ? errc{} : n.error();
    const size_t len = n ? *n : 0;
    it_ = dirents(buf_, len).begin();
    end_ = dirents(buf_, len).end();
    done_ = it_ == end_;
  }
  void next() noexcept {
    if (++it_ == end_) fill();
  }

  fd dir_;
  unsigned char* buf_ = nullptr;
  size_t cap_ = 0;
  dirents::iterator it_{};
  dirents::iterator end_{};
  bool done_ = true;
  errc err_{};
};

// mkdirat(2): int mkdirat(int dirfd, const char *pathname, mode_t mode);
// mode: rawsys::mode{0755}; a plain number is still taken, as before.
template <class = void>
inline result<void> mkdirat(fd dirfd, const char* path, mode m) noexcept {
  return detail::as_void(syscall(nr::mkdirat, dirfd.get(), path, m));
}

template <class = void>
inline result<void> mkdirat(fd dirfd, const char* path, unsigned m) noexcept {
  return mkdirat(dirfd, path, mode{m});
}

// mknodat(2): int mknodat(int dirfd, const char *pathname, mode_t mode, dev_t dev);
// mode holds the file type too: rawsys::mode{s::ififo | 0666}. dev is the
// kernel's 32-bit encoding (major << 8 | minor for small numbers).
template <class = void>
inline result<void> mknodat(fd dirfd, const char* path, mode m, unsigned dev = 0) noexcept {
  return detail::as_void(syscall(nr::mknodat, dirfd.get(), path, m, dev));
}

template <class = void>
inline result<void> mknodat(fd dirfd, const char* path, unsigned m, unsigned dev = 0) noexcept {
  return mknodat(dirfd, path, mode{m}, dev);
}

// unlinkat(2): int unlinkat(int dirfd, const char *pathname, int flags);
// at::removedir removes an empty directory.
template <class = void>
inline result<void> unlinkat(fd dirfd, const char* path, at::flags flags = at::flags()) noexcept {
  return detail::as_void(syscall(nr::unlinkat, dirfd.get(), path, flags));
}

// renameat2(2): int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
// renameat2 everywhere (arm64's only rename besides renameat). Linux 3.15; on
// ENOSYS with no flags, falls back to renameat; with flags ENOSYS is passed
// through.
template <class = void>
inline result<void> renameat2(fd olddirfd, const char* oldpath, fd newdirfd, const char* newpath, rename::flags flags = rename::flags()) noexcept {
  auto r = syscall(nr::renameat2, olddirfd.get(), oldpath, newdirfd.get(), newpath, flags);
  if constexpr (sys::has(sys::renameat))  // riscv and loongarch have renameat2 only
    if (!r && r.error() == errc::enosys && flags == rename::flags())
      r = syscall(sys::renameat, olddirfd.get(), oldpath, newdirfd.get(), newpath);
  return detail::as_void(r);
}

// linkat(2): int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags);
template <class = void>
inline result<void> linkat(fd olddirfd, const char* oldpath, fd newdirfd, const char* newpath, at::flags flags = at::flags()) noexcept {
  return detail::as_void(syscall(nr::linkat, olddirfd.get(), oldpath, newdirfd.get(), newpath, flags));
}

// symlinkat(2): int symlinkat(const char *target, int newdirfd, const char *linkpath);
template <class = void>
inline result<void> symlinkat(const char* target, fd newdirfd, const char* linkpath) noexcept {
  return detail::as_void(syscall(nr::symlinkat, target, newdirfd.get(), linkpath));
}

// readlinkat(2): ssize_t readlinkat(int dirfd, const char *pathname, char *buf, size_t bufsiz);
// Adds no NUL; a result equal to bufsiz may have been truncated.
template <class = void>
inline result<size_t> readlinkat(fd dirfd, const char* path, char* buf, size_t bufsiz) noexcept {
  return detail::as_count<size_t>(syscall(nr::readlinkat, dirfd.get(), path, buf, bufsiz));
}

template <class = void>
inline result<size_t> readlinkat(fd dirfd, const char* path, buffer b) noexcept {
  return readlinkat(dirfd, path, static_cast<char*>(b.data), b.size);
}

// chdir(2): int chdir(const char *path);
template <class = void>
inline result<void> chdir(const char* path) noexcept {
  return detail::as_void(syscall(nr::chdir, path));
}

// fchdir(2): int fchdir(int fd);
template <class = void>
inline result<void> fchdir(fd dir) noexcept {
  return detail::as_void(syscall(nr::fchdir, dir.get()));
}

// getcwd(2): long getcwd(char *buf, unsigned long size);
// The kernel's value: the length including the NUL (glibc returns buf).
// ERANGE when it does not fit; a path beginning "(unreachable)" when the
// current directory is outside this process's root.
template <class = void>
inline result<size_t> getcwd(char* buf, size_t size) noexcept {
  return detail::as_count<size_t>(syscall(nr::getcwd, buf, size));
}

template <class = void>
inline result<size_t> getcwd(buffer b) noexcept {
  return getcwd(static_cast<char*>(b.data), b.size);
}

// umask(2): mode_t umask(mode_t mask);
// Cannot fail: returns the previous mask.
template <class = void>
inline unsigned umask(unsigned mask) noexcept {
  return static_cast<unsigned>(*syscall(nr::umask, mask));
}

// statfs(2): int statfs(const char *path, struct statfs *buf);
// 32-bit ISAs: statfs64(path, sizeof(struct statfs64), buf).
template <class = void>
inline result<void> statfs(const char* path, statfs_t* buf) noexcept {
  if constexpr (sys::statfs_takes_size)
    return detail::as_void(syscall(sys::statfs, path, sizeof(statfs_t), buf));
  else
    return detail::as_void(syscall(sys::statfs, path, buf));
}

template <class = void>
inline result<statfs_t> statfs(const char* path) noexcept {
  statfs_t buf{};
  auto r = statfs(path, &buf);
  if (!r) return unexpected(r.error());
  return buf;
}

// fstatfs(2): int fstatfs(int fd, struct statfs *buf);
// 32-bit ISAs: fstatfs64(fd, sizeof(struct statfs64), buf).
template <class = void>
inline result<void> fstatfs(fd f, statfs_t* buf) noexcept {
  if constexpr (sys::statfs_takes_size)
    return detail::as_void(syscall(sys::fstatfs, f.get(), sizeof(statfs_t), buf));
  else
    return detail::as_void(syscall(sys::fstatfs, f.get(), buf));
}

template <class = void>
inline result<statfs_t> fstatfs(fd f) noexcept {
  statfs_t buf{};
  auto r = fstatfs(f, &buf);
  if (!r) return unexpected(r.error());
  return buf;
}

// MS_*: mount(2) flags, named after mount's mountflags argument (rawsys::ms
// holds msync's MS_* flags, which share the prefix).
namespace mountflags {
enum class flags : unsigned long {};
RAWSYS_BITMASK(flags)
inline constexpr flags rdonly{uapi::ms_rdonly};
inline constexpr flags nosuid{uapi::ms_nosuid};
inline constexpr flags nodev{uapi::ms_nodev};
inline constexpr flags noexec{uapi::ms_noexec};
inline constexpr flags synchronous{uapi::ms_synchronous};
inline constexpr flags remount{uapi::ms_remount};
inline constexpr flags mandlock{uapi::ms_mandlock};
inline constexpr flags dirsync{uapi::ms_dirsync};
inline constexpr flags nosymfollow{uapi::ms_nosymfollow};
inline constexpr flags noatime{uapi::ms_noatime};
inline constexpr flags nodiratime{uapi::ms_nodiratime};
inline constexpr flags bind{uapi::ms_bind};
inline constexpr flags move{uapi::ms_move};
inline constexpr flags rec{uapi::ms_rec};
inline constexpr flags silent{uapi::ms_silent};
inline constexpr flags posixacl{uapi::ms_posixacl};
inline constexpr flags unbindable{uapi::ms_unbindable};
inline constexpr flags private_{uapi::ms_private};
inline constexpr flags slave{uapi::ms_slave};
inline constexpr flags shared{uapi::ms_shared};
inline constexpr flags relatime{uapi::ms_relatime};
inline constexpr flags kernmount{uapi::ms_kernmount};
inline constexpr flags i_version{uapi::ms_i_version};
inline constexpr flags strictatime{uapi::ms_strictatime};
inline constexpr flags lazytime{uapi::ms_lazytime};
}  // namespace mountflags

// MNT_FORCE, MNT_DETACH, MNT_EXPIRE, UMOUNT_NOFOLLOW: umount2(2) flags.
// Hand-written: the kernel keeps them internal (include/linux/fs.h).
namespace mnt {
enum class flags : unsigned {
  force = 1,
  detach = 2,
  expire = 4,
  nofollow = 8,  // UMOUNT_NOFOLLOW
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace mnt

// mount(2): int mount(const char *source, const char *target, const char *filesystemtype, unsigned long mountflags, const void *data);
template <class = void>
inline result<void> mount(const char* source, const char* target, const char* fstype, mountflags::flags flags, const void* data = nullptr) noexcept {
  return detail::as_void(syscall(nr::mount, source, target, fstype, flags, data));
}

// umount2(2): int umount2(const char *target, int flags);
template <class = void>
inline result<void> umount2(const char* target, mnt::flags flags = mnt::flags()) noexcept {
  return detail::as_void(syscall(nr::umount2, target, flags));
}

// chroot(2): int chroot(const char *path);
template <class = void>
inline result<void> chroot(const char* path) noexcept {
  return detail::as_void(syscall(nr::chroot, path));
}

// pivot_root(2): int pivot_root(const char *new_root, const char *put_old);
template <class = void>
inline result<void> pivot_root(const char* new_root, const char* put_old) noexcept {
  return detail::as_void(syscall(nr::pivot_root, new_root, put_old));
}

// SWAP_FLAG_*: swapon(2) flags, named after swapon's swapflags argument.
// Hand-written: the kernel keeps them out of its UAPI (include/linux/swap.h);
// one value everywhere. A priority p is
// prefer | swapflags::flags((p << prio_shift) & bits(prio_mask)).
namespace swapflags {
enum class flags : int {
  prefer = 0x8000,
  prio_mask = 0x7fff,
};
RAWSYS_BITMASK(flags)
using enum flags;
inline constexpr int prio_shift = 0;
inline constexpr flags discard{0x10000};
inline constexpr flags discard_once{0x20000};
inline constexpr flags discard_pages{0x40000};
}  // namespace swapflags

// swapon(2): int swapon(const char *path, int swapflags);
template <class = void>
inline result<void> swapon(const char* path, swapflags::flags flags = swapflags::flags()) noexcept {
  return detail::as_void(syscall(nr::swapon, path, flags));
}

// swapoff(2): int swapoff(const char *path);
template <class = void>
inline result<void> swapoff(const char* path) noexcept {
  return detail::as_void(syscall(nr::swapoff, path));
}

// FSOPEN_*: fsopen(2) flags.
namespace fsopen_ {
enum class flags : unsigned {
  cloexec = uapi::fsopen_cloexec,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace fsopen_

// FSPICK_*: fspick(2) flags.
namespace fspick_ {
enum class flags : unsigned {
  cloexec = uapi::fspick_cloexec,
  symlink_nofollow = uapi::fspick_symlink_nofollow,
  no_automount = uapi::fspick_no_automount,
  empty_path = uapi::fspick_empty_path,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace fspick_

// FSMOUNT_*: fsmount(2) flags.
namespace fsmount_ {
enum class flags : unsigned {
  cloexec = uapi::fsmount_cloexec,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace fsmount_

// MOUNT_ATTR_*: a mount's attributes, for fsmount(2) and mount_setattr(2)
// (relatime is 0: the absence of noatime and strictatime in atime).
namespace mount_attr_ {
enum class flags : uint64_t {
  rdonly = uapi::mount_attr_rdonly,
  nosuid = uapi::mount_attr_nosuid,
  nodev = uapi::mount_attr_nodev,
  noexec = uapi::mount_attr_noexec,
  atime = uapi::mount_attr__atime,  // MOUNT_ATTR__ATIME: the atime bits
  relatime = uapi::mount_attr_relatime,
  noatime = uapi::mount_attr_noatime,
  strictatime = uapi::mount_attr_strictatime,
  nodiratime = uapi::mount_attr_nodiratime,
  idmap = uapi::mount_attr_idmap,
  nosymfollow = uapi::mount_attr_nosymfollow,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace mount_attr_

// MOVE_MOUNT_*: move_mount(2) flags.
namespace move_mount_ {
enum class flags : unsigned {
  f_symlinks = uapi::move_mount_f_symlinks,
  f_automounts = uapi::move_mount_f_automounts,
  f_empty_path = uapi::move_mount_f_empty_path,
  t_symlinks = uapi::move_mount_t_symlinks,
  t_automounts = uapi::move_mount_t_automounts,
  t_empty_path = uapi::move_mount_t_empty_path,
  set_group = uapi::move_mount_set_group,
  beneath = uapi::move_mount_beneath,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace move_mount_

// OPEN_TREE_* and the AT_* flags open_tree(2) takes.
namespace open_tree_ {
enum class flags : unsigned {
  clone = uapi::open_tree_clone,
  cloexec = uapi::open_tree_cloexec,
  symlink_nofollow = uapi::at_symlink_nofollow,
  no_automount = uapi::at_no_automount,
  empty_path = uapi::at_empty_path,
  recursive = uapi::at_recursive,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace open_tree_

// FSCONFIG_*: fsconfig(2) commands.
enum class fsconfig_cmd : unsigned {
  set_flag = uapi::fsconfig_set_flag,
  set_string = uapi::fsconfig_set_string,
  set_binary = uapi::fsconfig_set_binary,
  set_path = uapi::fsconfig_set_path,
  set_path_empty = uapi::fsconfig_set_path_empty,
  set_fd = uapi::fsconfig_set_fd,
  cmd_create = uapi::fsconfig_cmd_create,
  cmd_reconfigure = uapi::fsconfig_cmd_reconfigure,
  cmd_create_excl = uapi::fsconfig_cmd_create_excl,  // Linux 6.6
};

// fsopen(2): int fsopen(const char *fsname, unsigned int flags);
// Linux 5.2: a file system context, configured with fsconfig.
template <class = void>
inline result<unique_fd> fsopen(const char* fsname, fsopen_::flags flags = fsopen_::flags()) noexcept {
  return detail::as_fd(syscall(nr::fsopen, fsname, flags));
}

// fsconfig(2): int fsconfig(int fd, unsigned int cmd, const char *key, const void *value, int aux);
template <class = void>
inline result<void> fsconfig(fd fs, fsconfig_cmd cmd, const char* key = nullptr, const void* value = nullptr, int aux = 0) noexcept {
  return detail::as_void(syscall(nr::fsconfig, fs.get(), cmd, key, value, aux));
}

// fsmount(2): int fsmount(int fsfd, unsigned int flags, unsigned int attr_flags);
// A detached mount of the context's file system (attach it with move_mount).
template <class = void>
inline result<unique_fd> fsmount(fd fs, fsmount_::flags flags = fsmount_::flags(), mount_attr_::flags attr_flags = mount_attr_::flags()) noexcept {
  return detail::as_fd(syscall(nr::fsmount, fs.get(), flags, static_cast<unsigned>(bits(attr_flags))));
}

// fspick(2): int fspick(int dirfd, const char *pathname, unsigned int flags);
// A context for reconfiguring the file system mounted there.
template <class = void>
inline result<unique_fd> fspick(fd dirfd, const char* path, fspick_::flags flags = fspick_::flags()) noexcept {
  return detail::as_fd(syscall(nr::fspick, dirfd.get(), path, flags));
}

// move_mount(2): int move_mount(int from_dirfd, const char *from_path, int to_dirfd, const char *to_path, unsigned int flags);
template <class = void>
inline result<void> move_mount(fd from_dirfd, const char* from_path, fd to_dirfd, const char* to_path, move_mount_::flags flags = move_mount_::flags()) noexcept {
  return detail::as_void(syscall(nr::move_mount, from_dirfd.get(), from_path, to_dirfd.get(), to_path, flags));
}

// open_tree(2): int open_tree(int dirfd, const char *pathname, unsigned int flags);
// open_tree_::clone: a detached copy of the mount (of the tree with recursive).
template <class = void>
inline result<unique_fd> open_tree(fd dirfd, const char* path, open_tree_::flags flags = open_tree_::flags()) noexcept {
  return detail::as_fd(syscall(nr::open_tree, dirfd.get(), path, flags));
}

// The kernel's struct mount_attr (mount_setattr(2)): attr_set and attr_clr
// are mount_attr_::flags, propagation one of the MS_ propagation flags.
struct mount_attr : uapi::mount_attr {};

// mount_setattr(2): int mount_setattr(int dirfd, const char *pathname, unsigned int flags, struct mount_attr *attr, size_t size);
// Linux 5.12. flags: at::empty_path, at::recursive, at::symlink_nofollow, at::no_automount.
template <class = void>
inline result<void> mount_setattr(fd dirfd, const char* path, at::flags flags, mount_attr* attr, size_t size = sizeof(mount_attr)) noexcept {
  return detail::as_void(syscall(nr::mount_setattr, dirfd.get(), path, flags, attr, size));
}

// STATMOUNT_*: what statmount(2) is asked for (mnt_id_req::param) and what it
// filled (statmount_t::mask).
namespace stmt {
enum class flags : uint64_t {
  sb_basic = uapi::statmount_sb_basic,
  mnt_basic = uapi::statmount_mnt_basic,
  propagate_from = uapi::statmount_propagate_from,
  mnt_root = uapi::statmount_mnt_root,
  mnt_point = uapi::statmount_mnt_point,
  fs_type = uapi::statmount_fs_type,
  mnt_ns_id = uapi::statmount_mnt_ns_id,
  mnt_opts = uapi::statmount_mnt_opts,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace stmt

// LSMT_ROOT: listmount(2)'s mnt_id for the root of the mount namespace.
inline constexpr uint64_t lsmt_root = static_cast<uint64_t>(uapi::lsmt_root);

// LISTMOUNT_*: listmount(2) flags.
namespace listmount_ {
enum class flags : unsigned {
  reverse = uapi::listmount_reverse,  // Linux 6.11
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace listmount_

// The kernel's struct mnt_id_req: the request of statmount(2) and listmount(2)
// (size: uapi::mnt_id_req_size_ver0 before Linux 6.11's mnt_ns_id).
struct mnt_id_req : uapi::mnt_id_req {};

// The kernel's struct statmount (Linux 6.12): the fixed part; the strings
// (fs_type, mnt_root, mnt_point, mnt_opts: offsets into str) follow it in
// the caller's buffer. The same layout on every ISA (only 64- and 32-bit
// members, each at its own alignment).
struct statmount_t {
  uint32_t size;
  uint32_t mnt_opts;
  stmt::flags mask;
  uint32_t sb_dev_major;
  uint32_t sb_dev_minor;
  uint64_t sb_magic;
  uint32_t sb_flags;
  uint32_t fs_type;
  uint64_t mnt_id;
  uint64_t mnt_parent_id;
  uint32_t mnt_id_old;
  uint32_t mnt_parent_id_old;
  mount_attr_::flags mnt_attr;
  uint64_t mnt_propagation;
  uint64_t mnt_peer_group;
  uint64_t mnt_master;
  uint64_t propagate_from;
  uint32_t mnt_root;
  uint32_t mnt_point;
  uint64_t mnt_ns_id;
  uint64_t spare2[49];
  // The string at offset `off` of the variable part (str[] in the kernel's).
  const char* str(uint32_t off) const noexcept { return reinterpret_cast<const char*>(this + 1) + off; }
};
static_assert(sizeof(statmount_t) == 512);

// statmount(2): int statmount(const struct mnt_id_req *req, struct statmount *buf, size_t bufsize, unsigned int flags);
// Linux 6.8. buf holds bufsize bytes: sizeof(statmount_t) and room for the
// strings asked for (EOVERFLOW when they do not fit).
template <class = void>
inline result<void> statmount(const mnt_id_req* req, statmount_t* buf, size_t bufsize, unsigned flags = 0) noexcept {
  return detail::as_void(syscall(nr::statmount, req, buf, bufsize, flags));
}

// listmount(2): ssize_t listmount(const struct mnt_id_req *req, u64 *mnt_ids, size_t nr_mnt_ids, unsigned int flags);
// Linux 6.8: the unique ids of the mounts below req->mnt_id (lsmt_root: all),
// after req->param (0 to start); the number written.
template <class = void>
inline result<size_t> listmount(const mnt_id_req* req, uint64_t* mnt_ids, size_t nr_mnt_ids, listmount_::flags flags = listmount_::flags()) noexcept {
  return detail::as_count<size_t>(syscall(nr::listmount, req, mnt_ids, nr_mnt_ids, flags));
}

// XATTR_*: setxattr(2) flags (none: create or replace).
namespace xattr {
enum class flags : int {
  create = uapi::xattr_create,
  replace = uapi::xattr_replace,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace xattr

// setxattr(2): int setxattr(const char *path, const char *name, const void *value, size_t size, int flags);
template <class = void>
inline result<void> setxattr(const char* path, const char* name, const void* value, size_t size, xattr::flags flags = xattr::flags()) noexcept {
  return detail::as_void(syscall(nr::setxattr, path, name, value, size, flags));
}

// lsetxattr(2): int lsetxattr(const char *path, const char *name, const void *value, size_t size, int flags);
// As setxattr, on a symbolic link itself.
template <class = void>
inline result<void> lsetxattr(const char* path, const char* name, const void* value, size_t size, xattr::flags flags = xattr::flags()) noexcept {
  return detail::as_void(syscall(nr::lsetxattr, path, name, value, size, flags));
}

// fsetxattr(2): int fsetxattr(int fd, const char *name, const void *value, size_t size, int flags);
template <class = void>
inline result<void> fsetxattr(fd f, const char* name, const void* value, size_t size, xattr::flags flags = xattr::flags()) noexcept {
  return detail::as_void(syscall(nr::fsetxattr, f.get(), name, value, size, flags));
}

// getxattr(2): ssize_t getxattr(const char *path, const char *name, void *value, size_t size);
// The value's length (with size 0: the length it needs, nothing written);
// ERANGE when size is too small, ENODATA when there is no such attribute.
template <class = void>
inline result<size_t> getxattr(const char* path, const char* name, void* value, size_t size) noexcept {
  return detail::as_count<size_t>(syscall(nr::getxattr, path, name, value, size));
}

// lgetxattr(2): ssize_t lgetxattr(const char *path, const char *name, void *value, size_t size);
template <class = void>
inline result<size_t> lgetxattr(const char* path, const char* name, void* value, size_t size) noexcept {
  return detail::as_count<size_t>(syscall(nr::lgetxattr, path, name, value, size));
}

// fgetxattr(2): ssize_t fgetxattr(int fd, const char *name, void *value, size_t size);
template <class = void>
inline result<size_t> fgetxattr(fd f, const char* name, void* value, size_t size) noexcept {
  return detail::as_count<size_t>(syscall(nr::fgetxattr, f.get(), name, value, size));
}

// listxattr(2): ssize_t listxattr(const char *path, char *list, size_t size);
// The names, each NUL-terminated, one after another; their total length.
template <class = void>
inline result<size_t> listxattr(const char* path, char* list, size_t size) noexcept {
  return detail::as_count<size_t>(syscall(nr::listxattr, path, list, size));
}

// llistxattr(2): ssize_t llistxattr(const char *path, char *list, size_t size);
template <class = void>
inline result<size_t> llistxattr(const char* path, char* list, size_t size) noexcept {
  return detail::as_count<size_t>(syscall(nr::llistxattr, path, list, size));
}

// flistxattr(2): ssize_t flistxattr(int fd, char *list, size_t size);
template <class = void>
inline result<size_t> flistxattr(fd f, char* list, size_t size) noexcept {
  return detail::as_count<size_t>(syscall(nr::flistxattr, f.get(), list, size));
}

// removexattr(2): int removexattr(const char *path, const char *name);
template <class = void>
inline result<void> removexattr(const char* path, const char* name) noexcept {
  return detail::as_void(syscall(nr::removexattr, path, name));
}

// lremovexattr(2): int lremovexattr(const char *path, const char *name);
template <class = void>
inline result<void> lremovexattr(const char* path, const char* name) noexcept {
  return detail::as_void(syscall(nr::lremovexattr, path, name));
}

// fremovexattr(2): int fremovexattr(int fd, const char *name);
template <class = void>
inline result<void> fremovexattr(fd f, const char* name) noexcept {
  return detail::as_void(syscall(nr::fremovexattr, f.get(), name));
}

// AT_HANDLE_*: name_to_handle_at(2) flags beside at::symlink_follow and
// at::empty_path (as at::flags).
namespace at {
inline constexpr flags handle_fid{uapi::at_handle_fid};  // Linux 6.5
inline constexpr flags handle_mnt_id_unique{uapi::at_handle_mnt_id_unique};  // Linux 6.12: a 64-bit mount id
}  // namespace at

// MAX_HANDLE_SZ: the largest handle. Hand-written: the kernel keeps it out of
// its UAPI (include/linux/exportfs.h); one value everywhere.
inline constexpr uint32_t max_handle_sz = 128;

// The kernel's struct file_handle with room for the largest handle:
// handle_bytes says how much of it is (to be) used.
struct file_handle {
  uint32_t handle_bytes = max_handle_sz;
  int32_t handle_type = 0;
  unsigned char f_handle[max_handle_sz] = {};
};

// name_to_handle_at(2): int name_to_handle_at(int dirfd, const char *pathname, struct file_handle *handle, int *mount_id, int flags);
// handle->handle_bytes is the room on entry; EOVERFLOW (with the size needed
// there) when it is too small. mount_id: an int, or with
// at::handle_mnt_id_unique the 64-bit unique mount id (pass a uint64_t*).
template <class = void>
inline result<void> name_to_handle_at(fd dirfd, const char* path, file_handle* handle, void* mount_id, at::flags flags = at::flags()) noexcept {
  return detail::as_void(syscall(nr::name_to_handle_at, dirfd.get(), path, handle, mount_id, flags));
}

// open_by_handle_at(2): int open_by_handle_at(int mount_fd, struct file_handle *handle, int flags);
// Needs CAP_DAC_READ_SEARCH (EPERM without). mount_fd: any file on the
// handle's file system.
template <class = void>
inline result<unique_fd> open_by_handle_at(fd mount_fd, const file_handle* handle, o::flags flags) noexcept {
  return detail::as_fd(syscall(nr::open_by_handle_at, mount_fd.get(), handle, flags));
}

// quotactl(2) and quotactl_fd(2): the operation (Q_*) and the quota type
// (USRQUOTA, GRPQUOTA, PRJQUOTA), made into the cmd argument as QCMD does.
namespace quota {
enum class op : unsigned {
  sync = uapi::q_sync, quotaon = uapi::q_quotaon, quotaoff = uapi::q_quotaoff, getfmt = uapi::q_getfmt,
  getinfo = uapi::q_getinfo, setinfo = uapi::q_setinfo, getquota = uapi::q_getquota,
  setquota = uapi::q_setquota, getnextquota = uapi::q_getnextquota,
};
enum class type : unsigned { usr = uapi::usrquota, grp = uapi::grpquota, prj = uapi::prjquota };
// QCMD(cmd, type): the cmd argument.
enum class cmd : unsigned {};
constexpr cmd qcmd(op o, type t) noexcept {
  return cmd{(static_cast<unsigned>(o) << uapi::subcmdshift) | (static_cast<unsigned>(t) & uapi::subcmdmask)};
}
}  // namespace quota

// quotactl(2): int quotactl(int cmd, const char *special, int id, caddr_t addr);
// special: the block device of the file system (null for quota::op::sync of all).
template <class = void>
inline result<long> quotactl(quota::cmd cmd, const char* special, int id, void* addr) noexcept {
  return syscall(nr::quotactl, cmd, special, id, addr);
}

// quotactl_fd(2): int quotactl_fd(unsigned int fd, unsigned int cmd, qid_t id, void *addr);
// Linux 5.14: the file system of an open file instead of a device.
template <class = void>
inline result<long> quotactl_fd(fd f, quota::cmd cmd, int id, void* addr) noexcept {
  return syscall(nr::quotactl_fd, f.get(), cmd, id, addr);
}

// IN_*: inotify event masks (in::flags) and inotify_init1 flags
// (in::init_flags).
namespace in {
enum class flags : uint32_t {
  access = uapi::in_access,
  modify = uapi::in_modify,
  attrib = uapi::in_attrib,
  close_write = uapi::in_close_write,
  close_nowrite = uapi::in_close_nowrite,
  open = uapi::in_open,
  moved_from = uapi::in_moved_from,
  moved_to = uapi::in_moved_to,
  create = uapi::in_create,
  delete_ = uapi::in_delete,
  delete_self = uapi::in_delete_self,
  move_self = uapi::in_move_self,
  close = uapi::in_close,
  move = uapi::in_move,
  all_events = uapi::in_all_events,
  unmount = uapi::in_unmount,
  q_overflow = uapi::in_q_overflow,
  ignored = uapi::in_ignored,
  onlydir = uapi::in_onlydir,
  dont_follow = uapi::in_dont_follow,
  excl_unlink = uapi::in_excl_unlink,
  mask_create = uapi::in_mask_create,
  mask_add = uapi::in_mask_add,
  isdir = uapi::in_isdir,
  oneshot = uapi::in_oneshot,
};
RAWSYS_BITMASK(flags)
using enum flags;

enum class init_flags : unsigned {
  nonblock = uapi::in_nonblock,  // O_NONBLOCK
  cloexec = uapi::in_cloexec, // O_CLOEXEC
};
RAWSYS_BITMASK(init_flags)
using enum init_flags;
}  // namespace in

// The kernel's struct inotify_event without its name: len bytes of name
// (NUL-padded) follow each one.
struct inotify_event {
  int32_t wd;
  in::flags mask;
  uint32_t cookie;
  uint32_t len;
};

// One event, pointing into the buffer read(2) filled.
struct inotify_entry {
  int wd;
  in::flags mask;
  uint32_t cookie;  // pairs moved_from with moved_to
  const char* name; // "" when the event is about the watched object itself
};

// The events in the bytes one read(2) of an inotify descriptor returned:
//   for (rawsys::inotify_entry e : rawsys::inotify_events(buf, *n)) ...
class inotify_events {
 public:
  class iterator {
   public:
    using value_type = inotify_entry;
    using difference_type = ptrdiff_t;
    constexpr iterator() noexcept = default;
    iterator(const unsigned char* p, const unsigned char* end) noexcept : p_(p), end_(end) { parse(); }
    const inotify_entry& operator*() const noexcept { return e_; }
    const inotify_entry* operator->() const noexcept { return &e_; }
    iterator& operator++() noexcept {
      p_ += len_;
      parse();
      return *this;
    }
    iterator operator++(int) noexcept {
      iterator old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.p_ == b.p_; }

   private:
    void parse() noexcept {
      len_ = 0;
      const size_t left = static_cast<size_t>(end_ - p_);
      if (left < sizeof(inotify_event)) {
        p_ = end_;
        return;
      }
      inotify_event h;
      __builtin_memcpy(&h, p_, sizeof h);
      if (h.len > left - sizeof h) {  // a short read: stop
        p_ = end_;
        return;
      }
      len_ = sizeof h + h.len;
      e_ = {h.wd, h.mask, h.cookie, h.len ? reinterpret_cast<const char*>(p_ + sizeof h) : ""};
    }
    const unsigned char* p_ = nullptr;
    const unsigned char* end_ = nullptr;
    size_t len_ = 0;
    inotify_entry e_{};
  };

  inotify_events(const void* data, size_t size) noexcept
      : begin_(static_cast<const unsigned char*>(data)), end_(begin_ + size) {}
  iterator begin() const noexcept { return {begin_, end_}; }
  iterator end() const noexcept { return {end_, end_}; }

 private:
  const unsigned char* begin_;
  const unsigned char* end_;
};

// inotify_init1(2): int inotify_init1(int flags);
template <class = void>
inline result<unique_fd> inotify_init1(in::init_flags flags = in::init_flags()) noexcept {
  return detail::as_fd(syscall(nr::inotify_init1, flags));
}

// inotify_add_watch(2): int inotify_add_watch(int fd, const char *pathname, uint32_t mask);
// Returns the watch descriptor (the same one again for a path already watched).
template <class = void>
inline result<int> inotify_add_watch(fd f, const char* path, in::flags mask) noexcept {
  return detail::as_count<int>(syscall(nr::inotify_add_watch, f.get(), path, mask));
}

// inotify_rm_watch(2): int inotify_rm_watch(int fd, int wd);
template <class = void>
inline result<void> inotify_rm_watch(fd f, int wd) noexcept {
  return detail::as_void(syscall(nr::inotify_rm_watch, f.get(), wd));
}

// FAN_*: fanotify_init flags (fan::init_flags), fanotify_mark flags
// (fan::mark_flags) and the event mask (fan::events, 64-bit).
namespace fan {
enum class init_flags : unsigned {
  cloexec = uapi::fan_cloexec,
  nonblock = uapi::fan_nonblock,
  class_notif = uapi::fan_class_notif,
  class_content = uapi::fan_class_content,
  class_pre_content = uapi::fan_class_pre_content,
  unlimited_queue = uapi::fan_unlimited_queue,
  unlimited_marks = uapi::fan_unlimited_marks,
  enable_audit = uapi::fan_enable_audit,
  report_pidfd = uapi::fan_report_pidfd,
  report_tid = uapi::fan_report_tid,
  report_fid = uapi::fan_report_fid,
  report_dir_fid = uapi::fan_report_dir_fid,
  report_name = uapi::fan_report_name,
  report_target_fid = uapi::fan_report_target_fid,
  report_dfid_name = uapi::fan_report_dfid_name,
};
RAWSYS_BITMASK(init_flags)
using enum init_flags;

enum class mark_flags : unsigned {
  mark_add = uapi::fan_mark_add,
  mark_remove = uapi::fan_mark_remove,
  mark_flush = uapi::fan_mark_flush,
  mark_dont_follow = uapi::fan_mark_dont_follow,
  mark_onlydir = uapi::fan_mark_onlydir,
  mark_inode = uapi::fan_mark_inode,
  mark_mount = uapi::fan_mark_mount,
  mark_filesystem = uapi::fan_mark_filesystem,
  mark_ignored_mask = uapi::fan_mark_ignored_mask,
  mark_ignored_surv_modify = uapi::fan_mark_ignored_surv_modify,
  mark_evictable = uapi::fan_mark_evictable,
  mark_ignore = uapi::fan_mark_ignore,
};
RAWSYS_BITMASK(mark_flags)
using enum mark_flags;

enum class events : uint64_t {
  access = uapi::fan_access,
  modify = uapi::fan_modify,
  attrib = uapi::fan_attrib,
  close_write = uapi::fan_close_write,
  close_nowrite = uapi::fan_close_nowrite,
  open = uapi::fan_open,
  moved_from = uapi::fan_moved_from,
  moved_to = uapi::fan_moved_to,
  create = uapi::fan_create,
  delete_ = uapi::fan_delete,
  delete_self = uapi::fan_delete_self,
  move_self = uapi::fan_move_self,
  open_exec = uapi::fan_open_exec,
  q_overflow = uapi::fan_q_overflow,
  fs_error = uapi::fan_fs_error,
  open_perm = uapi::fan_open_perm,
  access_perm = uapi::fan_access_perm,
  open_exec_perm = uapi::fan_open_exec_perm,
  rename = uapi::fan_rename,
  ondir = uapi::fan_ondir,
  event_on_child = uapi::fan_event_on_child,
  close = uapi::fan_close,
  move = uapi::fan_move,
};
RAWSYS_BITMASK(events)
using enum events;

// FANOTIFY_METADATA_VERSION (fanotify_event_metadata::vers), FAN_NOFD.
inline constexpr unsigned metadata_version = uapi::fanotify_metadata_version;
inline constexpr int nofd = uapi::fan_nofd;
}  // namespace fan

// The kernel's struct fanotify_event_metadata: the head of each event that
// read(2) of a fanotify descriptor returns (event_len bytes in all). fd is
// an open descriptor of the object (the reader closes it), or fan::nofd.
struct fanotify_event_metadata : uapi::fanotify_event_metadata {};

// fanotify_init(2): int fanotify_init(unsigned int flags, unsigned int event_f_flags);
// event_f_flags: how the descriptors of the events are opened (o::rdonly, o::cloexec, ...).
template <class = void>
inline result<unique_fd> fanotify_init(fan::init_flags flags, o::flags event_f_flags) noexcept {
  return detail::as_fd(syscall(nr::fanotify_init, flags, event_f_flags));
}

// fanotify_mark(2): int fanotify_mark(int fanotify_fd, unsigned int flags, uint64_t mask, int dirfd, const char *pathname);
// 32-bit ISAs: the mask in a register pair.
template <class = void>
inline result<void> fanotify_mark(fd fan_fd, fan::mark_flags flags, fan::events mask, fd dirfd, const char* path) noexcept {
  return detail::as_void(syscall(nr::fanotify_mark, fan_fd.get(), flags, arg64{bits(mask)}, dirfd.get(), path));
}

}  // namespace rawsys
