// Files as names: metadata (statx, the per-arch struct stat, statfs), access
// and ownership, times, directories and their entries, links, the current
// directory, mounts, and inotify.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "detail/at.hpp"
#include "detail/time64.hpp"
#include "syscall.hpp"
#include "types.hpp"

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
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags f{0};
inline constexpr flags x{1};
inline constexpr flags w{2};
inline constexpr flags r{4};
}  // namespace ok

// UTIME_NOW, UTIME_OMIT: special nsec values for utimensat(2).
inline constexpr int64_t utime_now = (1L << 30) - 1;
inline constexpr int64_t utime_omit = (1L << 30) - 2;

// RENAME_*: renameat2(2) flags.
namespace rename {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags noreplace{uapi::rename_noreplace};
inline constexpr flags exchange{uapi::rename_exchange};
inline constexpr flags whiteout{uapi::rename_whiteout};
}  // namespace rename

// STATX_*: what statx(2) is asked for and what it filled (statx::mask).
namespace stx {
enum class flags : uint32_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags type{uapi::statx_type};
inline constexpr flags mode{uapi::statx_mode};
inline constexpr flags nlink{uapi::statx_nlink};
inline constexpr flags uid{uapi::statx_uid};
inline constexpr flags gid{uapi::statx_gid};
inline constexpr flags atime{uapi::statx_atime};
inline constexpr flags mtime{uapi::statx_mtime};
inline constexpr flags ctime{uapi::statx_ctime};
inline constexpr flags ino{uapi::statx_ino};
inline constexpr flags size{uapi::statx_size};
inline constexpr flags blocks{uapi::statx_blocks};
inline constexpr flags basic_stats{uapi::statx_basic_stats};
inline constexpr flags btime{uapi::statx_btime};
inline constexpr flags mnt_id{uapi::statx_mnt_id};
inline constexpr flags dioalign{uapi::statx_dioalign};  // Linux 6.1
inline constexpr flags mnt_id_unique{uapi::statx_mnt_id_unique};  // Linux 6.8
inline constexpr flags subvol{uapi::statx_subvol};  // Linux 6.10
inline constexpr flags write_atomic{uapi::statx_write_atomic};  // Linux 6.11
inline constexpr flags dio_read_align{0x20000};  // Linux 6.14: newer than the generated headers
}  // namespace stx

// STATX_ATTR_*: statx::attributes and statx::attributes_mask.
namespace stx_attr {
enum class flags : uint64_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags compressed{uapi::statx_attr_compressed};
inline constexpr flags immutable{uapi::statx_attr_immutable};
inline constexpr flags append{uapi::statx_attr_append};
inline constexpr flags nodump{uapi::statx_attr_nodump};
inline constexpr flags encrypted{uapi::statx_attr_encrypted};
inline constexpr flags automount{uapi::statx_attr_automount};
inline constexpr flags mount_root{uapi::statx_attr_mount_root};
inline constexpr flags verity{uapi::statx_attr_verity};
inline constexpr flags dax{uapi::statx_attr_dax};
inline constexpr flags write_atomic{uapi::statx_attr_write_atomic};
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
inline result<void> statx(fd dirfd, const char* path, at::flags flags, stx::flags mask, statx_t* buf) noexcept {
  return detail::as_void(syscall(nr::statx, dirfd.get(), path, flags, mask, buf));
}

// statx by value: check ->mask for what was filled.
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
inline result<void> fstat(fd f, stat_t* buf) noexcept {
  return detail::stat_or_statx(detail::as_void(syscall(sys::fstat, f.get(), buf)), f, "", at::empty_path, buf);
}

inline result<stat_t> fstat(fd f) noexcept {
  stat_t buf{};
  auto r = fstat(f, &buf);
  if (!r) return unexpected(r.error());
  return buf;
}

// newfstatat(2): int newfstatat(int dirfd, const char *pathname, struct stat *statbuf, int flags);
// As glibc's fstatat(3). 32-bit ISAs: fstatat64 (struct stat64). statx
// where the kernel may lack it.
inline result<void> newfstatat(fd dirfd, const char* path, stat_t* buf, at::flags flags) noexcept {
  return detail::stat_or_statx(detail::as_void(syscall(sys::fstatat, dirfd.get(), path, buf, flags)), dirfd, path,
                               flags, buf);
}

inline result<stat_t> newfstatat(fd dirfd, const char* path, at::flags flags = at::flags()) noexcept {
  stat_t buf{};
  auto r = newfstatat(dirfd, path, &buf, flags);
  if (!r) return unexpected(r.error());
  return buf;
}

// faccessat2(2): int faccessat2(int dirfd, const char *pathname, int mode, int flags);
// Linux 5.8. On ENOSYS with no flags, falls back to faccessat, which takes
// none; with flags, ENOSYS is passed through (faccessat would ignore them).
inline result<void> faccessat2(fd dirfd, const char* path, ok::flags mode, at::flags flags = at::flags()) noexcept {
  auto r = syscall(nr::faccessat2, dirfd.get(), path, mode, flags);
  if (!r && r.error() == errc::enosys && flags == at::flags()) r = syscall(nr::faccessat, dirfd.get(), path, mode);
  return detail::as_void(r);
}

// fchmod(2): int fchmod(int fd, mode_t mode);
inline result<void> fchmod(fd f, unsigned mode) noexcept {
  return detail::as_void(syscall(nr::fchmod, f.get(), mode));
}

// fchmodat(2): int fchmodat(int dirfd, const char *pathname, mode_t mode);
// The kernel's call has no flags (glibc's AT_SYMLINK_NOFOLLOW needs fchmodat2).
inline result<void> fchmodat(fd dirfd, const char* path, unsigned mode) noexcept {
  return detail::as_void(syscall(nr::fchmodat, dirfd.get(), path, mode));
}

// fchown(2): int fchown(int fd, uid_t owner, gid_t group);
// fchown32 where fchown takes 16-bit ids (i386, arm). ~0u leaves an id unchanged.
inline result<void> fchown(fd f, uint32_t owner, uint32_t group) noexcept {
  return detail::as_void(syscall(sys::fchown, f.get(), owner, group));
}

// fchownat(2): int fchownat(int dirfd, const char *pathname, uid_t owner, gid_t group, int flags);
// 32-bit ids on every arch, i386 included.
inline result<void> fchownat(fd dirfd, const char* path, uint32_t owner, uint32_t group, at::flags flags = at::flags()) noexcept {
  return detail::as_void(syscall(nr::fchownat, dirfd.get(), path, owner, group, flags));
}

// utimensat(2): int utimensat(int dirfd, const char *pathname, const struct timespec times[2], int flags);
// times[0] is the access time, times[1] the modification time; null sets both
// to now; nsec utime_now/utime_omit as in the man page. path null: dirfd
// itself. 32-bit ISAs: utimensat_time64 (Linux 5.1), and on a kernel without
// it utimensat with the times converted to 32 bits.
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
inline result<size_t> getdents64(fd dir, void* dirp, size_t count) noexcept {
  constexpr size_t int_max = 0x7fffffff;
  if (count > int_max) count = int_max;
  return detail::as_count<size_t>(syscall(nr::getdents64, dir.get(), dirp, count));
}

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
inline result<void> mkdirat(fd dirfd, const char* path, unsigned mode) noexcept {
  return detail::as_void(syscall(nr::mkdirat, dirfd.get(), path, mode));
}

// mknodat(2): int mknodat(int dirfd, const char *pathname, mode_t mode, dev_t dev);
// dev is the kernel's 32-bit encoding (major << 8 | minor for small numbers).
inline result<void> mknodat(fd dirfd, const char* path, unsigned mode, unsigned dev = 0) noexcept {
  return detail::as_void(syscall(nr::mknodat, dirfd.get(), path, mode, dev));
}

// unlinkat(2): int unlinkat(int dirfd, const char *pathname, int flags);
// at::removedir removes an empty directory.
inline result<void> unlinkat(fd dirfd, const char* path, at::flags flags = at::flags()) noexcept {
  return detail::as_void(syscall(nr::unlinkat, dirfd.get(), path, flags));
}

// renameat2(2): int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
// renameat2 everywhere (arm64's only rename besides renameat). Linux 3.15; on
// ENOSYS with no flags, falls back to renameat; with flags ENOSYS is passed
// through.
inline result<void> renameat2(fd olddirfd, const char* oldpath, fd newdirfd, const char* newpath, rename::flags flags = rename::flags()) noexcept {
  auto r = syscall(nr::renameat2, olddirfd.get(), oldpath, newdirfd.get(), newpath, flags);
  if constexpr (sys::has(sys::renameat))  // riscv and loongarch have renameat2 only
    if (!r && r.error() == errc::enosys && flags == rename::flags())
      r = syscall(sys::renameat, olddirfd.get(), oldpath, newdirfd.get(), newpath);
  return detail::as_void(r);
}

// linkat(2): int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags);
inline result<void> linkat(fd olddirfd, const char* oldpath, fd newdirfd, const char* newpath, at::flags flags = at::flags()) noexcept {
  return detail::as_void(syscall(nr::linkat, olddirfd.get(), oldpath, newdirfd.get(), newpath, flags));
}

// symlinkat(2): int symlinkat(const char *target, int newdirfd, const char *linkpath);
inline result<void> symlinkat(const char* target, fd newdirfd, const char* linkpath) noexcept {
  return detail::as_void(syscall(nr::symlinkat, target, newdirfd.get(), linkpath));
}

// readlinkat(2): ssize_t readlinkat(int dirfd, const char *pathname, char *buf, size_t bufsiz);
// Adds no NUL; a result equal to bufsiz may have been truncated.
inline result<size_t> readlinkat(fd dirfd, const char* path, char* buf, size_t bufsiz) noexcept {
  return detail::as_count<size_t>(syscall(nr::readlinkat, dirfd.get(), path, buf, bufsiz));
}

inline result<size_t> readlinkat(fd dirfd, const char* path, buffer b) noexcept {
  return readlinkat(dirfd, path, static_cast<char*>(b.data), b.size);
}

// chdir(2): int chdir(const char *path);
inline result<void> chdir(const char* path) noexcept {
  return detail::as_void(syscall(nr::chdir, path));
}

// fchdir(2): int fchdir(int fd);
inline result<void> fchdir(fd dir) noexcept {
  return detail::as_void(syscall(nr::fchdir, dir.get()));
}

// getcwd(2): long getcwd(char *buf, unsigned long size);
// The kernel's value: the length including the NUL (glibc returns buf).
// ERANGE when it does not fit; a path beginning "(unreachable)" when the
// current directory is outside this process's root.
inline result<size_t> getcwd(char* buf, size_t size) noexcept {
  return detail::as_count<size_t>(syscall(nr::getcwd, buf, size));
}

inline result<size_t> getcwd(buffer b) noexcept {
  return getcwd(static_cast<char*>(b.data), b.size);
}

// umask(2): mode_t umask(mode_t mask);
// Cannot fail: returns the previous mask.
inline unsigned umask(unsigned mask) noexcept {
  return static_cast<unsigned>(*syscall(nr::umask, mask));
}

// statfs(2): int statfs(const char *path, struct statfs *buf);
// 32-bit ISAs: statfs64(path, sizeof(struct statfs64), buf).
inline result<void> statfs(const char* path, statfs_t* buf) noexcept {
  if constexpr (sys::statfs_takes_size)
    return detail::as_void(syscall(sys::statfs, path, sizeof(statfs_t), buf));
  else
    return detail::as_void(syscall(sys::statfs, path, buf));
}

inline result<statfs_t> statfs(const char* path) noexcept {
  statfs_t buf{};
  auto r = statfs(path, &buf);
  if (!r) return unexpected(r.error());
  return buf;
}

// fstatfs(2): int fstatfs(int fd, struct statfs *buf);
// 32-bit ISAs: fstatfs64(fd, sizeof(struct statfs64), buf).
inline result<void> fstatfs(fd f, statfs_t* buf) noexcept {
  if constexpr (sys::statfs_takes_size)
    return detail::as_void(syscall(sys::fstatfs, f.get(), sizeof(statfs_t), buf));
  else
    return detail::as_void(syscall(sys::fstatfs, f.get(), buf));
}

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
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags force{1};
inline constexpr flags detach{2};
inline constexpr flags expire{4};
inline constexpr flags nofollow{8};  // UMOUNT_NOFOLLOW
}  // namespace mnt

// mount(2): int mount(const char *source, const char *target, const char *filesystemtype, unsigned long mountflags, const void *data);
inline result<void> mount(const char* source, const char* target, const char* fstype, mountflags::flags flags, const void* data = nullptr) noexcept {
  return detail::as_void(syscall(nr::mount, source, target, fstype, flags, data));
}

// umount2(2): int umount2(const char *target, int flags);
inline result<void> umount2(const char* target, mnt::flags flags = mnt::flags()) noexcept {
  return detail::as_void(syscall(nr::umount2, target, flags));
}

// IN_*: inotify event masks (in::flags) and inotify_init1 flags
// (in::init_flags).
namespace in {
enum class flags : uint32_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags access{uapi::in_access};
inline constexpr flags modify{uapi::in_modify};
inline constexpr flags attrib{uapi::in_attrib};
inline constexpr flags close_write{uapi::in_close_write};
inline constexpr flags close_nowrite{uapi::in_close_nowrite};
inline constexpr flags open{uapi::in_open};
inline constexpr flags moved_from{uapi::in_moved_from};
inline constexpr flags moved_to{uapi::in_moved_to};
inline constexpr flags create{uapi::in_create};
inline constexpr flags delete_{uapi::in_delete};
inline constexpr flags delete_self{uapi::in_delete_self};
inline constexpr flags move_self{uapi::in_move_self};
inline constexpr flags close{uapi::in_close};
inline constexpr flags move{uapi::in_move};
inline constexpr flags all_events{uapi::in_all_events};
inline constexpr flags unmount{uapi::in_unmount};
inline constexpr flags q_overflow{uapi::in_q_overflow};
inline constexpr flags ignored{uapi::in_ignored};
inline constexpr flags onlydir{uapi::in_onlydir};
inline constexpr flags dont_follow{uapi::in_dont_follow};
inline constexpr flags excl_unlink{uapi::in_excl_unlink};
inline constexpr flags mask_create{uapi::in_mask_create};
inline constexpr flags mask_add{uapi::in_mask_add};
inline constexpr flags isdir{uapi::in_isdir};
inline constexpr flags oneshot{uapi::in_oneshot};

enum class init_flags : unsigned {};
RAWSYS_BITMASK(init_flags)
inline constexpr init_flags nonblock{uapi::in_nonblock};  // O_NONBLOCK
inline constexpr init_flags cloexec{uapi::in_cloexec}; // O_CLOEXEC
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
inline result<unique_fd> inotify_init1(in::init_flags flags = in::init_flags()) noexcept {
  return detail::as_fd(syscall(nr::inotify_init1, flags));
}

// inotify_add_watch(2): int inotify_add_watch(int fd, const char *pathname, uint32_t mask);
// Returns the watch descriptor (the same one again for a path already watched).
inline result<int> inotify_add_watch(fd f, const char* path, in::flags mask) noexcept {
  return detail::as_count<int>(syscall(nr::inotify_add_watch, f.get(), path, mask));
}

// inotify_rm_watch(2): int inotify_rm_watch(int fd, int wd);
inline result<void> inotify_rm_watch(fd f, int wd) noexcept {
  return detail::as_void(syscall(nr::inotify_rm_watch, f.get(), wd));
}

}  // namespace rawsys
