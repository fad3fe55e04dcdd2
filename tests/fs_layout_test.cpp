// <rawsys/fs.hpp> against the kernel's UAPI headers of this arch (rawsys
// first, kernel headers second): every constant the kernel headers define,
// and the layouts of struct stat (stat64 on i386), statx, statfs (statfs64 on
// i386) and inotify_event. No glibc header here: glibc's struct stat is not
// the kernel's on i386, and <sys/stat.h> makes st_atime a macro.
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>

#include <asm/posix_types.h>  // s390's <asm/statfs.h> uses __kernel_fsid_t without it
#include <asm/stat.h>
#include <asm/statfs.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/inotify.h>
#include <linux/magic.h>
#include <linux/mount.h>
#include <linux/stat.h>

#include <doctest/doctest.h>

#include "layout.hpp"

using rawsys::bits;

// AT_*.
static_assert(bits(rawsys::at::symlink_nofollow) == AT_SYMLINK_NOFOLLOW);
static_assert(bits(rawsys::at::eaccess) == AT_EACCESS);
static_assert(bits(rawsys::at::removedir) == AT_REMOVEDIR);
static_assert(bits(rawsys::at::symlink_follow) == AT_SYMLINK_FOLLOW);
static_assert(bits(rawsys::at::no_automount) == AT_NO_AUTOMOUNT);
static_assert(bits(rawsys::at::empty_path) == AT_EMPTY_PATH);
static_assert(bits(rawsys::at::statx_sync_as_stat) == AT_STATX_SYNC_AS_STAT);
static_assert(bits(rawsys::at::statx_force_sync) == AT_STATX_FORCE_SYNC);
static_assert(bits(rawsys::at::statx_dont_sync) == AT_STATX_DONT_SYNC);
static_assert(bits(rawsys::at::statx_sync_type) == AT_STATX_SYNC_TYPE);
static_assert(bits(rawsys::at::recursive) == AT_RECURSIVE);
static_assert(rawsys::at_fdcwd.get() == AT_FDCWD);

// RENAME_*.
static_assert(bits(rawsys::rename::noreplace) == RENAME_NOREPLACE);
static_assert(bits(rawsys::rename::exchange) == RENAME_EXCHANGE);
static_assert(bits(rawsys::rename::whiteout) == RENAME_WHITEOUT);

// STATX_* and STATX_ATTR_* (the newer ones where these headers have them:
// arm64's cross headers are older than x86's).
static_assert(bits(rawsys::stx::type) == STATX_TYPE);
static_assert(bits(rawsys::stx::mode) == STATX_MODE);
static_assert(bits(rawsys::stx::nlink) == STATX_NLINK);
static_assert(bits(rawsys::stx::uid) == STATX_UID);
static_assert(bits(rawsys::stx::gid) == STATX_GID);
static_assert(bits(rawsys::stx::atime) == STATX_ATIME);
static_assert(bits(rawsys::stx::mtime) == STATX_MTIME);
static_assert(bits(rawsys::stx::ctime) == STATX_CTIME);
static_assert(bits(rawsys::stx::ino) == STATX_INO);
static_assert(bits(rawsys::stx::size) == STATX_SIZE);
static_assert(bits(rawsys::stx::blocks) == STATX_BLOCKS);
static_assert(bits(rawsys::stx::basic_stats) == STATX_BASIC_STATS);
static_assert(bits(rawsys::stx::btime) == STATX_BTIME);
static_assert(bits(rawsys::stx::mnt_id) == STATX_MNT_ID);
#if defined(STATX_DIOALIGN)
static_assert(bits(rawsys::stx::dioalign) == STATX_DIOALIGN);
#endif
#if defined(STATX_MNT_ID_UNIQUE)
static_assert(bits(rawsys::stx::mnt_id_unique) == STATX_MNT_ID_UNIQUE);
#endif
#if defined(STATX_SUBVOL)
static_assert(bits(rawsys::stx::subvol) == STATX_SUBVOL);
#endif
#if defined(STATX_WRITE_ATOMIC)
static_assert(bits(rawsys::stx::write_atomic) == STATX_WRITE_ATOMIC);
#endif
#if defined(STATX_DIO_READ_ALIGN)
static_assert(bits(rawsys::stx::dio_read_align) == STATX_DIO_READ_ALIGN);
#endif
static_assert(bits(rawsys::stx_attr::compressed) == STATX_ATTR_COMPRESSED);
static_assert(bits(rawsys::stx_attr::immutable) == STATX_ATTR_IMMUTABLE);
static_assert(bits(rawsys::stx_attr::append) == STATX_ATTR_APPEND);
static_assert(bits(rawsys::stx_attr::nodump) == STATX_ATTR_NODUMP);
static_assert(bits(rawsys::stx_attr::encrypted) == STATX_ATTR_ENCRYPTED);
static_assert(bits(rawsys::stx_attr::automount) == STATX_ATTR_AUTOMOUNT);
static_assert(bits(rawsys::stx_attr::mount_root) == STATX_ATTR_MOUNT_ROOT);
static_assert(bits(rawsys::stx_attr::verity) == STATX_ATTR_VERITY);
static_assert(bits(rawsys::stx_attr::dax) == STATX_ATTR_DAX);
#if defined(STATX_ATTR_WRITE_ATOMIC)
static_assert(bits(rawsys::stx_attr::write_atomic) == STATX_ATTR_WRITE_ATOMIC);
#endif

// struct statx: 256 bytes, every field the kernel headers have in its place.
RAWSYS_SAME_SIZE(rawsys::statx_t, struct statx);
RAWSYS_SAME_SIZE(rawsys::statx_timestamp, struct statx_timestamp);
RAWSYS_SAME_FIELD(rawsys::statx_timestamp, sec, struct statx_timestamp, tv_sec);
RAWSYS_SAME_FIELD(rawsys::statx_timestamp, nsec, struct statx_timestamp, tv_nsec);
#define RAWSYS_STX(m) RAWSYS_SAME_FIELD(rawsys::statx_t, m, struct statx, stx_##m)
RAWSYS_STX(mask);
RAWSYS_STX(blksize);
RAWSYS_STX(attributes);
RAWSYS_STX(nlink);
RAWSYS_STX(uid);
RAWSYS_STX(gid);
RAWSYS_STX(mode);
RAWSYS_STX(ino);
RAWSYS_STX(size);
RAWSYS_STX(blocks);
RAWSYS_STX(attributes_mask);
RAWSYS_STX(atime);
RAWSYS_STX(btime);
RAWSYS_STX(ctime);
RAWSYS_STX(mtime);
RAWSYS_STX(rdev_major);
RAWSYS_STX(rdev_minor);
RAWSYS_STX(dev_major);
RAWSYS_STX(dev_minor);
RAWSYS_STX(mnt_id);
#if defined(STATX_DIOALIGN)
RAWSYS_STX(dio_mem_align);
RAWSYS_STX(dio_offset_align);
#endif
#if defined(STATX_SUBVOL)
RAWSYS_STX(subvol);
#endif
#if defined(STATX_WRITE_ATOMIC)
RAWSYS_STX(atomic_write_unit_min);
RAWSYS_STX(atomic_write_unit_max);
RAWSYS_STX(atomic_write_segments_max);
#endif
#if defined(STATX_DIO_READ_ALIGN)
RAWSYS_STX(dio_read_offset_align);
#endif
#undef RAWSYS_STX
// The fields newer than these headers, at the offsets of Linux 6.16's.
static_assert(offsetof(rawsys::statx_t, atomic_write_segments_max) == 0xb0);
static_assert(offsetof(rawsys::statx_t, dio_read_offset_align) == 0xb4);
static_assert(offsetof(rawsys::statx_t, atomic_write_unit_max_opt) == 0xb8);
static_assert(offsetof(rawsys::statx_t, spare3) == 0xc0);

// struct stat as each arch's fstat/newfstatat (fstat64/fstatat64) fill it.
#if defined(__i386__)
using kstat = struct stat64;
static_assert(sizeof(rawsys::stat_t) == 96);
RAWSYS_SAME_FIELD(rawsys::stat_t, ino32, kstat, __st_ino);
#elif defined(__arm__)
using kstat = struct stat64;
static_assert(sizeof(rawsys::stat_t) == 104);  // i386's members, 64-bit ones aligned to 8
RAWSYS_SAME_FIELD(rawsys::stat_t, ino32, kstat, __st_ino);
#elif defined(__x86_64__) || defined(__powerpc64__) || defined(__s390x__)
using kstat = struct stat;
static_assert(sizeof(rawsys::stat_t) == 144);
#else
using kstat = struct stat;
static_assert(sizeof(rawsys::stat_t) == 128);
#endif
RAWSYS_SAME_SIZE(rawsys::stat_t, kstat);
RAWSYS_SAME_FIELD(rawsys::stat_t, dev, kstat, st_dev);
RAWSYS_SAME_FIELD(rawsys::stat_t, ino, kstat, st_ino);
RAWSYS_SAME_FIELD(rawsys::stat_t, nlink, kstat, st_nlink);
RAWSYS_SAME_FIELD(rawsys::stat_t, mode, kstat, st_mode);
RAWSYS_SAME_FIELD(rawsys::stat_t, uid, kstat, st_uid);
RAWSYS_SAME_FIELD(rawsys::stat_t, gid, kstat, st_gid);
RAWSYS_SAME_FIELD(rawsys::stat_t, rdev, kstat, st_rdev);
RAWSYS_SAME_FIELD(rawsys::stat_t, size, kstat, st_size);
RAWSYS_SAME_FIELD(rawsys::stat_t, blksize, kstat, st_blksize);
RAWSYS_SAME_FIELD(rawsys::stat_t, blocks, kstat, st_blocks);
RAWSYS_SAME_FIELD(rawsys::stat_t, atime.sec, kstat, st_atime);
RAWSYS_SAME_FIELD(rawsys::stat_t, atime.nsec, kstat, st_atime_nsec);
RAWSYS_SAME_FIELD(rawsys::stat_t, mtime.sec, kstat, st_mtime);
RAWSYS_SAME_FIELD(rawsys::stat_t, mtime.nsec, kstat, st_mtime_nsec);
RAWSYS_SAME_FIELD(rawsys::stat_t, ctime.sec, kstat, st_ctime);
RAWSYS_SAME_FIELD(rawsys::stat_t, ctime.nsec, kstat, st_ctime_nsec);

// struct statfs (statfs64 on 32-bit ISAs).
#if defined(__i386__) || defined(__arm__)
using kstatfs = struct statfs64;
static_assert(sizeof(rawsys::statfs_t) == 84);
#elif defined(__s390x__)
using kstatfs = struct statfs;  // 32-bit f_type, f_bsize
static_assert(sizeof(rawsys::statfs_t) == 88);
#else
using kstatfs = struct statfs;
static_assert(sizeof(rawsys::statfs_t) == 120);
#endif
RAWSYS_SAME_SIZE(rawsys::statfs_t, kstatfs);
#define RAWSYS_SFS(m) RAWSYS_SAME_FIELD(rawsys::statfs_t, m, kstatfs, f_##m)
RAWSYS_SFS(type);
RAWSYS_SFS(bsize);
RAWSYS_SFS(blocks);
RAWSYS_SFS(bfree);
RAWSYS_SFS(bavail);
RAWSYS_SFS(files);
RAWSYS_SFS(ffree);
RAWSYS_SFS(fsid);
RAWSYS_SFS(namelen);
RAWSYS_SFS(frsize);
RAWSYS_SFS(flags);
#if defined(__s390x__)
// Linux 6.4 named s390's trailing padding word: f_spare[5] in the UAPI the
// library is generated from, f_spare[4] in the sysroot's older headers.
static_assert(offsetof(rawsys::statfs_t, spare) == offsetof(kstatfs, f_spare));
#else
RAWSYS_SFS(spare);
#endif
#undef RAWSYS_SFS

// MS_* (UAPI <linux/mount.h>; MNT_FORCE and friends are not UAPI: checked
// against glibc's <sys/mount.h> in fs_test.cpp).
static_assert(bits(rawsys::mountflags::rdonly) == MS_RDONLY);
static_assert(bits(rawsys::mountflags::nosuid) == MS_NOSUID);
static_assert(bits(rawsys::mountflags::nodev) == MS_NODEV);
static_assert(bits(rawsys::mountflags::noexec) == MS_NOEXEC);
static_assert(bits(rawsys::mountflags::synchronous) == MS_SYNCHRONOUS);
static_assert(bits(rawsys::mountflags::remount) == MS_REMOUNT);
static_assert(bits(rawsys::mountflags::mandlock) == MS_MANDLOCK);
static_assert(bits(rawsys::mountflags::dirsync) == MS_DIRSYNC);
static_assert(bits(rawsys::mountflags::nosymfollow) == MS_NOSYMFOLLOW);
static_assert(bits(rawsys::mountflags::noatime) == MS_NOATIME);
static_assert(bits(rawsys::mountflags::nodiratime) == MS_NODIRATIME);
static_assert(bits(rawsys::mountflags::bind) == MS_BIND);
static_assert(bits(rawsys::mountflags::move) == MS_MOVE);
static_assert(bits(rawsys::mountflags::rec) == MS_REC);
static_assert(bits(rawsys::mountflags::silent) == MS_SILENT);
static_assert(bits(rawsys::mountflags::posixacl) == MS_POSIXACL);
static_assert(bits(rawsys::mountflags::unbindable) == MS_UNBINDABLE);
static_assert(bits(rawsys::mountflags::private_) == MS_PRIVATE);
static_assert(bits(rawsys::mountflags::slave) == MS_SLAVE);
static_assert(bits(rawsys::mountflags::shared) == MS_SHARED);
static_assert(bits(rawsys::mountflags::relatime) == MS_RELATIME);
static_assert(bits(rawsys::mountflags::kernmount) == MS_KERNMOUNT);
static_assert(bits(rawsys::mountflags::i_version) == MS_I_VERSION);
static_assert(bits(rawsys::mountflags::strictatime) == MS_STRICTATIME);
static_assert(bits(rawsys::mountflags::lazytime) == MS_LAZYTIME);

// IN_* and struct inotify_event.
static_assert(bits(rawsys::in::access) == IN_ACCESS);
static_assert(bits(rawsys::in::modify) == IN_MODIFY);
static_assert(bits(rawsys::in::attrib) == IN_ATTRIB);
static_assert(bits(rawsys::in::close_write) == IN_CLOSE_WRITE);
static_assert(bits(rawsys::in::close_nowrite) == IN_CLOSE_NOWRITE);
static_assert(bits(rawsys::in::open) == IN_OPEN);
static_assert(bits(rawsys::in::moved_from) == IN_MOVED_FROM);
static_assert(bits(rawsys::in::moved_to) == IN_MOVED_TO);
static_assert(bits(rawsys::in::create) == IN_CREATE);
static_assert(bits(rawsys::in::delete_) == IN_DELETE);
static_assert(bits(rawsys::in::delete_self) == IN_DELETE_SELF);
static_assert(bits(rawsys::in::move_self) == IN_MOVE_SELF);
static_assert(bits(rawsys::in::close) == IN_CLOSE);
static_assert(bits(rawsys::in::move) == IN_MOVE);
static_assert(bits(rawsys::in::all_events) == IN_ALL_EVENTS);
static_assert(bits(rawsys::in::unmount) == IN_UNMOUNT);
static_assert(bits(rawsys::in::q_overflow) == IN_Q_OVERFLOW);
static_assert(bits(rawsys::in::ignored) == IN_IGNORED);
static_assert(bits(rawsys::in::onlydir) == IN_ONLYDIR);
static_assert(bits(rawsys::in::dont_follow) == IN_DONT_FOLLOW);
static_assert(bits(rawsys::in::excl_unlink) == IN_EXCL_UNLINK);
static_assert(bits(rawsys::in::mask_create) == IN_MASK_CREATE);
static_assert(bits(rawsys::in::mask_add) == IN_MASK_ADD);
static_assert(bits(rawsys::in::isdir) == IN_ISDIR);
static_assert(bits(rawsys::in::oneshot) == IN_ONESHOT);
static_assert(bits(rawsys::in::nonblock) == IN_NONBLOCK);
static_assert(bits(rawsys::in::cloexec) == IN_CLOEXEC);
RAWSYS_SAME_SIZE(rawsys::inotify_event, struct inotify_event);
RAWSYS_SAME_FIELD(rawsys::inotify_event, wd, struct inotify_event, wd);
RAWSYS_SAME_FIELD(rawsys::inotify_event, mask, struct inotify_event, mask);
RAWSYS_SAME_FIELD(rawsys::inotify_event, cookie, struct inotify_event, cookie);
RAWSYS_SAME_FIELD(rawsys::inotify_event, len, struct inotify_event, len);
static_assert(offsetof(struct inotify_event, name) == sizeof(rawsys::inotify_event));

TEST_CASE("fs layout: fstat fills rawsys::stat_t byte for byte as the kernel's struct") {
  // The same call into the kernel's own struct (fstat64 on i386) and into
  // rawsys's: identical bytes.
  auto f = rawsys::openat(rawsys::at_fdcwd, "/proc/self/exe", rawsys::o::rdonly | rawsys::o::cloexec);
  REQUIRE(f.has_value());
  kstat k{};
#if defined(__i386__) || defined(__arm__)
  REQUIRE(rawsys::syscall(rawsys::nr::fstat64, f->get(), &k).has_value());
#else
  REQUIRE(rawsys::syscall(rawsys::nr::fstat, f->get(), &k).has_value());
#endif
  auto r = rawsys::fstat(*f);
  REQUIRE(r.has_value());
  CHECK(__builtin_memcmp(&k, &*r, sizeof k) == 0);
  CHECK(r->ino == k.st_ino);
  CHECK(r->size == static_cast<int64_t>(k.st_size));
  CHECK(r->size > 0);
}

TEST_CASE("fs layout: statx and statfs fill rawsys's structs as the kernel's") {
  struct statx k{};
  REQUIRE(rawsys::syscall(rawsys::nr::statx, AT_FDCWD, "/proc/self/exe", 0, STATX_BASIC_STATS, &k).has_value());
  auto r = rawsys::statx(rawsys::at_fdcwd, "/proc/self/exe", rawsys::at::flags(), rawsys::stx::basic_stats);
  REQUIRE(r.has_value());
  CHECK(bits(r->mask) == k.stx_mask);
  CHECK(r->ino == k.stx_ino);
  CHECK(r->size == k.stx_size);
  CHECK(r->mode == k.stx_mode);
  CHECK(r->mtime.sec == k.stx_mtime.tv_sec);
  CHECK(r->mtime.nsec == k.stx_mtime.tv_nsec);
  CHECK(r->dev_major == k.stx_dev_major);
  CHECK(r->dev_minor == k.stx_dev_minor);

  kstatfs ks{};
#if defined(__i386__) || defined(__arm__)
  REQUIRE(rawsys::syscall(rawsys::nr::statfs64, "/proc", sizeof ks, &ks).has_value());
#else
  REQUIRE(rawsys::syscall(rawsys::nr::statfs, "/proc", &ks).has_value());
#endif
  auto rs = rawsys::statfs("/proc");
  REQUIRE(rs.has_value());
  CHECK(static_cast<unsigned long>(rs->type) == PROC_SUPER_MAGIC);  // a copy: packed on arm
  CHECK(__builtin_memcmp(&ks, &*rs, sizeof ks) == 0);
}
