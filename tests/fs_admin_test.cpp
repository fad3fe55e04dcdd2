// <rawsys/fs.hpp> against glibc on the same arch: extended attributes,
// fchmodat2, the new mount API and statmount/listmount (in a child in its own
// user and mount namespaces), file handles, fanotify, quotactl, chroot,
// pivot_root (in a mount namespace), and swapon/swapoff (error paths only:
// a test never changes the machine's swap). Each wrapper succeeds where
// glibc's call (or glibc's syscall()) does, with the same result, and fails
// where it does, with the same errno.
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <sched.h>
#include <stdio.h>
#include <sys/fanotify.h>
#include <sys/mount.h>
#include <sys/quota.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <vector>

#include "files_support.hpp"

using rawsys::at_fdcwd;
using rawsys::bits;
using rawsys::errc;
using rawsys::fd;
using rawsys::unexpected;
using rawsys_test::cfd;
using rawsys_test::child_checks;
using rawsys_test::error_of;
using rawsys_test::glibc;
using rawsys_test::outcome;
using rawsys_test::temp_dir;
using rawsys_test::write_file;
namespace at = rawsys::at;
namespace o = rawsys::o;
namespace fan = rawsys::fan;

// The constants glibc defines too.
static_assert(bits(rawsys::xattr::create) == XATTR_CREATE && bits(rawsys::xattr::replace) == XATTR_REPLACE);
static_assert(bits(rawsys::fsopen_::cloexec) == FSOPEN_CLOEXEC && bits(rawsys::fsmount_::cloexec) == FSMOUNT_CLOEXEC);
static_assert(bits(rawsys::fspick_::cloexec) == FSPICK_CLOEXEC && bits(rawsys::fspick_::empty_path) == FSPICK_EMPTY_PATH);
static_assert(bits(rawsys::fspick_::symlink_nofollow) == FSPICK_SYMLINK_NOFOLLOW);
static_assert(bits(rawsys::fspick_::no_automount) == FSPICK_NO_AUTOMOUNT);
static_assert(bits(rawsys::mount_attr_::rdonly) == MOUNT_ATTR_RDONLY && bits(rawsys::mount_attr_::nosuid) == MOUNT_ATTR_NOSUID);
static_assert(bits(rawsys::mount_attr_::nodev) == MOUNT_ATTR_NODEV && bits(rawsys::mount_attr_::noexec) == MOUNT_ATTR_NOEXEC);
static_assert(bits(rawsys::mount_attr_::atime) == MOUNT_ATTR__ATIME && bits(rawsys::mount_attr_::noatime) == MOUNT_ATTR_NOATIME);
static_assert(bits(rawsys::mount_attr_::strictatime) == MOUNT_ATTR_STRICTATIME && bits(rawsys::mount_attr_::idmap) == MOUNT_ATTR_IDMAP);
static_assert(bits(rawsys::mount_attr_::nodiratime) == MOUNT_ATTR_NODIRATIME && bits(rawsys::mount_attr_::nosymfollow) == MOUNT_ATTR_NOSYMFOLLOW);
static_assert(bits(rawsys::move_mount_::f_empty_path) == MOVE_MOUNT_F_EMPTY_PATH && bits(rawsys::move_mount_::t_empty_path) == MOVE_MOUNT_T_EMPTY_PATH);
static_assert(bits(rawsys::move_mount_::f_symlinks) == MOVE_MOUNT_F_SYMLINKS && bits(rawsys::move_mount_::t_symlinks) == MOVE_MOUNT_T_SYMLINKS);
static_assert(bits(rawsys::open_tree_::clone) == OPEN_TREE_CLONE && bits(rawsys::open_tree_::cloexec) == OPEN_TREE_CLOEXEC);
static_assert(bits(rawsys::open_tree_::recursive) == AT_RECURSIVE && bits(rawsys::open_tree_::empty_path) == AT_EMPTY_PATH);
static_assert(bits(rawsys::fsconfig_cmd::set_string) == FSCONFIG_SET_STRING && bits(rawsys::fsconfig_cmd::cmd_create) == FSCONFIG_CMD_CREATE);
static_assert(bits(rawsys::fsconfig_cmd::set_flag) == FSCONFIG_SET_FLAG && bits(rawsys::fsconfig_cmd::cmd_reconfigure) == FSCONFIG_CMD_RECONFIGURE);
static_assert(sizeof(rawsys::mount_attr) == sizeof(struct mount_attr));
static_assert(offsetof(rawsys::mount_attr, attr_set) == offsetof(struct mount_attr, attr_set));
static_assert(offsetof(rawsys::mount_attr, userns_fd) == offsetof(struct mount_attr, userns_fd));
static_assert(bits(fan::cloexec) == FAN_CLOEXEC && bits(fan::nonblock) == FAN_NONBLOCK && bits(fan::class_notif) == FAN_CLASS_NOTIF);
static_assert(bits(fan::class_content) == FAN_CLASS_CONTENT && bits(fan::report_fid) == FAN_REPORT_FID);
static_assert(bits(fan::mark_add) == FAN_MARK_ADD && bits(fan::mark_remove) == FAN_MARK_REMOVE && bits(fan::mark_mount) == FAN_MARK_MOUNT);
static_assert(bits(fan::mark_flush) == FAN_MARK_FLUSH && bits(fan::mark_filesystem) == FAN_MARK_FILESYSTEM);
static_assert(bits(fan::access) == FAN_ACCESS && bits(fan::modify) == FAN_MODIFY && bits(fan::open) == FAN_OPEN);
static_assert(bits(fan::close_write) == FAN_CLOSE_WRITE && bits(fan::close) == FAN_CLOSE && bits(fan::ondir) == FAN_ONDIR);
static_assert(bits(fan::event_on_child) == FAN_EVENT_ON_CHILD && bits(fan::open_perm) == FAN_OPEN_PERM);
static_assert(fan::metadata_version == FANOTIFY_METADATA_VERSION && fan::nofd == FAN_NOFD);
static_assert(sizeof(rawsys::fanotify_event_metadata) == sizeof(struct fanotify_event_metadata));
static_assert(offsetof(rawsys::fanotify_event_metadata, mask) == offsetof(struct fanotify_event_metadata, mask));
static_assert(offsetof(rawsys::fanotify_event_metadata, pid) == offsetof(struct fanotify_event_metadata, pid));
static_assert(bits(rawsys::quota::qcmd(rawsys::quota::op::getfmt, rawsys::quota::type::grp)) ==
              static_cast<unsigned>(QCMD(Q_GETFMT, GRPQUOTA)));
static_assert(bits(rawsys::quota::qcmd(rawsys::quota::op::sync, rawsys::quota::type::usr)) ==
              static_cast<unsigned>(QCMD(Q_SYNC, USRQUOTA)));
static_assert(bits(rawsys::swapflags::prefer) == SWAP_FLAG_PREFER && bits(rawsys::swapflags::prio_mask) == SWAP_FLAG_PRIO_MASK);
static_assert(rawsys::swapflags::prio_shift == SWAP_FLAG_PRIO_SHIFT && bits(rawsys::swapflags::discard) == SWAP_FLAG_DISCARD);
static_assert(rawsys::max_handle_sz == MAX_HANDLE_SZ);
static_assert(offsetof(rawsys::file_handle, handle_type) == offsetof(struct file_handle, handle_type));
static_assert(offsetof(rawsys::file_handle, f_handle) == offsetof(struct file_handle, f_handle));

namespace {

// glibc's syscall() for a call glibc 2.36 has no wrapper (or no SYS_ name) for.
template <class... A>
rawsys::result<long> glibc_syscall(rawsys::nr n, A... a) {
  return glibc(::syscall(static_cast<long>(n), a...));
}

struct stat64 glibc_stat(const std::string& path) {
  struct stat64 st {};
  REQUIRE(::lstat64(path.c_str(), &st) == 0);
  return st;
}


// In a new user namespace: this process's ids from before (read before
// unshare: after it they are the overflow ids) mapped to themselves, so that
// root stays root and files it creates have an owner.
bool map_self(uid_t euid, gid_t egid) {
  auto put = [](const char* file, const std::string& text) {
    cfd f(::open(file, O_WRONLY | O_CLOEXEC));
    return f.get() >= 0 && ::write(f.get(), text.data(), text.size()) == static_cast<ssize_t>(text.size());
  };
  const std::string uid = std::to_string(euid), gid = std::to_string(egid);
  return put("/proc/self/setgroups", "deny") && put("/proc/self/uid_map", uid + " " + uid + " 1") &&
         put("/proc/self/gid_map", gid + " " + gid + " 1");
}

// Exit status of a child that found a call missing (ENOSYS) or not
// permitted; the error follows in the low byte of 201 + ...
constexpr int child_skip = 200;

}  // namespace

TEST_CASE("extended attributes: the twelve xattr calls, as glibc's") {
  temp_dir d;
  const std::string path = d / "f", link = d / "l", missing = d / "missing";
  write_file(path, "x");
  REQUIRE(::symlink("f", link.c_str()) == 0);
  cfd f(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  auto first = rawsys::setxattr(path.c_str(), "user.rawsys", "v1", 2);
  CHECK(outcome(first) == glibc(::setxattr(path.c_str(), "user.rawsys", "v1", 2, 0)));
  if (!first) {
    rawsys_test::skip(rawsys_test::why_unavailable("setxattr", first.error()) + " on /tmp's file system");
    return;
  }
  // Create and replace, both ways round.
  CHECK(outcome(rawsys::setxattr(path.c_str(), "user.rawsys", "v2", 2, rawsys::xattr::create)) ==
        glibc(::setxattr(path.c_str(), "user.rawsys", "v2", 2, XATTR_CREATE)));
  CHECK(error_of(rawsys::setxattr(path.c_str(), "user.rawsys", "v2", 2, rawsys::xattr::create)) == errc::eexist);
  CHECK(outcome(rawsys::setxattr(path.c_str(), "user.other", "v", 1, rawsys::xattr::replace)) ==
        glibc(::setxattr(path.c_str(), "user.other", "v", 1, XATTR_REPLACE)));
  CHECK(error_of(rawsys::setxattr(path.c_str(), "user.other", "v", 1, rawsys::xattr::replace)) == errc::enodata);
  CHECK(rawsys::setxattr(path.c_str(), "user.rawsys", "v22", 3, rawsys::xattr::replace).has_value());
  CHECK(outcome(rawsys::setxattr(missing.c_str(), "user.a", "v", 1)) == glibc(::setxattr(missing.c_str(), "user.a", "v", 1, 0)));
  // The size alone, the value, a buffer too small, a missing name.
  char mine[64] = {}, theirs[64] = {};
  CHECK(rawsys::getxattr(path.c_str(), "user.rawsys", nullptr, 0) == 3u);
  CHECK(outcome(rawsys::getxattr(path.c_str(), "user.rawsys", mine, sizeof mine)) ==
        glibc(::getxattr(path.c_str(), "user.rawsys", theirs, sizeof theirs)));
  CHECK(std::string(mine, 3) == "v22");
  CHECK(outcome(rawsys::getxattr(path.c_str(), "user.rawsys", mine, 1)) == glibc(::getxattr(path.c_str(), "user.rawsys", theirs, 1)));
  CHECK(error_of(rawsys::getxattr(path.c_str(), "user.rawsys", mine, 1)) == errc::erange);
  CHECK(outcome(rawsys::getxattr(path.c_str(), "user.none", mine, sizeof mine)) ==
        glibc(::getxattr(path.c_str(), "user.none", theirs, sizeof theirs)));
  // Through the link and not, and through a descriptor.
  CHECK(outcome(rawsys::getxattr(link.c_str(), "user.rawsys", mine, sizeof mine)) == 3L);
  CHECK(outcome(rawsys::lgetxattr(link.c_str(), "user.rawsys", mine, sizeof mine)) ==
        glibc(::lgetxattr(link.c_str(), "user.rawsys", theirs, sizeof theirs)));
  CHECK(outcome(rawsys::lsetxattr(link.c_str(), "user.rawsys", "v", 1)) == glibc(::lsetxattr(link.c_str(), "user.rawsys", "v", 1, 0)));
  CHECK(error_of(rawsys::lsetxattr(link.c_str(), "user.rawsys", "v", 1)) == errc::eperm);  // no user.* on a link
  CHECK(rawsys::lsetxattr(path.c_str(), "user.second", "2", 1).has_value());
  CHECK(rawsys::fsetxattr(f, "user.third", "3", 1).has_value());
  CHECK(outcome(rawsys::fsetxattr(fd{-1}, "user.third", "3", 1)) == glibc(::fsetxattr(-1, "user.third", "3", 1, 0)));
  CHECK(outcome(rawsys::fgetxattr(f, "user.third", mine, sizeof mine)) == glibc(::fgetxattr(f.get(), "user.third", theirs, sizeof theirs)));
  CHECK(mine[0] == '3');
  CHECK(outcome(rawsys::fgetxattr(fd{-1}, "user.third", mine, sizeof mine)) == glibc(::fgetxattr(-1, "user.third", theirs, sizeof theirs)));
  // The lists: the same bytes as glibc's.
  char list_mine[256] = {}, list_theirs[256] = {};
  auto n = rawsys::listxattr(path.c_str(), list_mine, sizeof list_mine);
  CHECK(outcome(n) == glibc(::listxattr(path.c_str(), list_theirs, sizeof list_theirs)));
  REQUIRE(n.has_value());
  CHECK(std::memcmp(list_mine, list_theirs, *n) == 0);
  CHECK(std::string(list_mine, *n).find("user.second") != std::string::npos);
  CHECK(outcome(rawsys::llistxattr(link.c_str(), list_mine, sizeof list_mine)) ==
        glibc(::llistxattr(link.c_str(), list_theirs, sizeof list_theirs)));
  CHECK(outcome(rawsys::flistxattr(f, list_mine, sizeof list_mine)) == glibc(::flistxattr(f.get(), list_theirs, sizeof list_theirs)));
  CHECK(outcome(rawsys::flistxattr(f, list_mine, 1)) == glibc(::flistxattr(f.get(), list_theirs, 1)));
  CHECK(error_of(rawsys::flistxattr(f, list_mine, 1)) == errc::erange);
  CHECK(outcome(rawsys::listxattr(missing.c_str(), list_mine, sizeof list_mine)) ==
        glibc(::listxattr(missing.c_str(), list_theirs, sizeof list_theirs)));
  // Removal: each once, then ENODATA.
  CHECK(rawsys::removexattr(path.c_str(), "user.rawsys").has_value());
  CHECK(outcome(rawsys::removexattr(path.c_str(), "user.rawsys")) == glibc(::removexattr(path.c_str(), "user.rawsys")));
  CHECK(error_of(rawsys::removexattr(path.c_str(), "user.rawsys")) == errc::enodata);
  CHECK(rawsys::lremovexattr(path.c_str(), "user.second").has_value());
  CHECK(outcome(rawsys::lremovexattr(link.c_str(), "user.second")) == glibc(::lremovexattr(link.c_str(), "user.second")));
  CHECK(rawsys::fremovexattr(f, "user.third").has_value());
  CHECK(outcome(rawsys::fremovexattr(f, "user.third")) == glibc(::fremovexattr(f.get(), "user.third")));
  CHECK(outcome(rawsys::fremovexattr(fd{-1}, "user.third")) == glibc(::fremovexattr(-1, "user.third")));
  CHECK(rawsys::listxattr(path.c_str(), nullptr, 0) == static_cast<size_t>(::listxattr(path.c_str(), nullptr, 0)));
}

TEST_CASE("fchmodat2: a mode, at::symlink_nofollow on a link, and glibc's syscall() errors") {
  temp_dir d;
  const std::string path = d / "f", link = d / "l", missing = d / "missing";
  write_file(path, "x");
  REQUIRE(::symlink("f", link.c_str()) == 0);
  auto r = rawsys::fchmodat2(at_fdcwd, path.c_str(), rawsys::mode{0640});
  CHECK(r.has_value());
  CHECK((glibc_stat(path).st_mode & 07777) == 0640);
  // Where the kernel (or qemu-user) lacks fchmodat2, no flags: fchmodat's answer.
  const bool missing_call = glibc_syscall(rawsys::nr::fchmodat2, AT_FDCWD, path.c_str(), 0604, 0) == unexpected(errc::enosys);
  if (missing_call) MESSAGE("fchmodat2: ENOSYS here; the wrapper falls back to fchmodat without flags");
  CHECK(outcome(rawsys::fchmodat2(at_fdcwd, path.c_str(), rawsys::mode{0604})) ==
        (missing_call ? glibc(::fchmodat(AT_FDCWD, path.c_str(), 0604, 0))
                      : glibc_syscall(rawsys::nr::fchmodat2, AT_FDCWD, path.c_str(), 0604, 0)));
  CHECK((glibc_stat(path).st_mode & 07777) == 0604);
  CHECK(outcome(rawsys::fchmodat2(at_fdcwd, missing.c_str(), rawsys::mode{0600})) ==
        (missing_call ? glibc(::fchmodat(AT_FDCWD, missing.c_str(), 0600, 0))
                      : glibc_syscall(rawsys::nr::fchmodat2, AT_FDCWD, missing.c_str(), 0600, 0)));
  CHECK(error_of(rawsys::fchmodat2(at_fdcwd, missing.c_str(), rawsys::mode{0600})) == errc::enoent);
  // A link's own mode cannot change (EOPNOTSUPP from Linux 6.6; ENOSYS before).
  auto nofollow = rawsys::fchmodat2(at_fdcwd, link.c_str(), rawsys::mode{0600}, at::symlink_nofollow);
  CHECK(outcome(nofollow) == glibc_syscall(rawsys::nr::fchmodat2, AT_FDCWD, link.c_str(), 0600, AT_SYMLINK_NOFOLLOW));
  CHECK((error_of(nofollow) == errc::eopnotsupp || error_of(nofollow) == errc::enosys));
  // Bad flags: EINVAL.
  CHECK(outcome(rawsys::fchmodat2(at_fdcwd, path.c_str(), rawsys::mode{0600}, at::removedir)) ==
        glibc_syscall(rawsys::nr::fchmodat2, AT_FDCWD, path.c_str(), 0600, AT_REMOVEDIR));
  // The typed mode everywhere a mode is taken, the plain number still accepted.
  cfd dir(::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  CHECK(rawsys::mkdirat(dir, "sub", rawsys::mode{0700}).has_value());
  CHECK(rawsys::mknodat(dir, "fifo", rawsys::mode{rawsys::s::ififo | 0600}).has_value());
  CHECK(S_ISFIFO(glibc_stat(d / "fifo").st_mode));
  CHECK(outcome(rawsys::mkdirat(dir, "sub", rawsys::mode{0700})) == glibc(::mkdirat(dir.get(), "sub", 0700)));
  CHECK(outcome(rawsys::mknodat(dir, "fifo", rawsys::mode{rawsys::s::ififo | 0600})) ==
        glibc(::mknodat(dir.get(), "fifo", S_IFIFO | 0600, 0)));
  cfd f(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  CHECK(rawsys::fchmod(f, rawsys::mode{0444}).has_value());
  CHECK((glibc_stat(path).st_mode & 07777) == 0444);
  CHECK(rawsys::fchmodat(dir, "f", rawsys::mode{0644}).has_value());
  CHECK((glibc_stat(path).st_mode & 07777) == 0644);
  CHECK(outcome(rawsys::fchmod(fd{-1}, rawsys::mode{0600})) == glibc(::fchmod(-1, 0600)));
  CHECK(outcome(rawsys::fchmodat(dir, "missing", rawsys::mode{0600})) == glibc(::fchmodat(dir.get(), "missing", 0600, 0)));
}

TEST_CASE("the new mount API, statmount and listmount: a tmpfs in a new user and mount namespace") {
  temp_dir d;
  const std::string point = d / "mnt", point2 = d / "mnt2", missing = d / "missing";
  REQUIRE(::mkdir(point.c_str(), 0755) == 0);
  REQUIRE(::mkdir(point2.c_str(), 0755) == 0);
  const int status = rawsys_test::in_child([&] {
    child_checks checks;
    const uid_t euid = ::geteuid();
    const gid_t egid = ::getegid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0) {
      if (!map_self(euid, egid)) return child_skip + 1;
    } else if (::unshare(CLONE_NEWNS) != 0) {
      return child_skip + 1;
    }
    // Nothing done here reaches the parent's namespace.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return child_skip + 1;
    auto ctx = rawsys::fsopen("tmpfs", rawsys::fsopen_::cloexec);
    if (!ctx && ctx.error() == errc::enosys) return child_skip + 2;
    EXPECT(ctx.has_value());
    if (!ctx) return checks.status();
    // Errors first: an unknown file system, a bad option, a bad descriptor.
    EXPECT(outcome(rawsys::fsopen("no-such-fs")) == glibc(::fsopen("no-such-fs", 0)));
    {
      cfd theirs(::fsopen("tmpfs", FSOPEN_CLOEXEC));
      EXPECT(outcome(rawsys::fsconfig(*ctx, rawsys::fsconfig_cmd::set_string, "no-such-option", "1")) ==
             glibc(::fsconfig(theirs.get(), FSCONFIG_SET_STRING, "no-such-option", "1", 0)));
    }
    EXPECT(outcome(rawsys::fsconfig(fd{-1}, rawsys::fsconfig_cmd::cmd_create)) ==
           glibc(::fsconfig(-1, FSCONFIG_CMD_CREATE, nullptr, nullptr, 0)));
    EXPECT(outcome(rawsys::fsmount(fd{-1})) == glibc(::fsmount(-1, 0, 0)));
    EXPECT(outcome(rawsys::fspick(at_fdcwd, missing.c_str())) == glibc(::fspick(AT_FDCWD, missing.c_str(), 0)));
    EXPECT(outcome(rawsys::open_tree(at_fdcwd, missing.c_str())) == glibc(::open_tree(AT_FDCWD, missing.c_str(), 0)));
    EXPECT(outcome(rawsys::move_mount(fd{-1}, "", at_fdcwd, point.c_str(), rawsys::move_mount_::f_empty_path)) ==
           glibc(::move_mount(-1, "", AT_FDCWD, point.c_str(), MOVE_MOUNT_F_EMPTY_PATH)));
    // fsopen -> fsconfig -> fsmount -> move_mount.
    EXPECT(rawsys::fsconfig(*ctx, rawsys::fsconfig_cmd::set_string, "size", "1m").has_value());
    EXPECT(rawsys::fsconfig(*ctx, rawsys::fsconfig_cmd::set_string, "mode", "0755").has_value());
    EXPECT(rawsys::fsconfig(*ctx, rawsys::fsconfig_cmd::cmd_create).has_value());
    auto mnt = rawsys::fsmount(*ctx, rawsys::fsmount_::cloexec, rawsys::mount_attr_::nodev | rawsys::mount_attr_::nosuid);
    EXPECT(mnt.has_value());
    if (!mnt) return checks.status();
    EXPECT(rawsys::move_mount(*mnt, "", at_fdcwd, point.c_str(), rawsys::move_mount_::f_empty_path).has_value());
    struct statfs sf {};
    EXPECT(::statfs(point.c_str(), &sf) == 0 && static_cast<unsigned long>(sf.f_type) == TMPFS_MAGIC);
    EXPECT((sf.f_flags & ST_NODEV) != 0);
    write_file(point + "/inside", "tmpfs");
    // open_tree: a copy of the mount, attached elsewhere.
    auto tree = rawsys::open_tree(at_fdcwd, point.c_str(), rawsys::open_tree_::clone | rawsys::open_tree_::cloexec);
    EXPECT(tree.has_value());
    if (tree) {
      EXPECT(rawsys::move_mount(*tree, "", at_fdcwd, point2.c_str(), rawsys::move_mount_::f_empty_path).has_value());
      EXPECT(::access((point2 + "/inside").c_str(), F_OK) == 0);
    }
    // mount_setattr: read-only, then creating a file is EROFS.
    rawsys::mount_attr attr{};
    attr.attr_set = bits(rawsys::mount_attr_::rdonly);
    EXPECT(rawsys::mount_setattr(at_fdcwd, point2.c_str(), at::flags(), &attr).has_value());
    EXPECT(glibc(::open((point2 + "/new").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600)) == unexpected(errc::erofs));
    struct mount_attr theirs_attr {};
    theirs_attr.attr_set = MOUNT_ATTR_RDONLY;
    EXPECT(outcome(rawsys::mount_setattr(at_fdcwd, point2.c_str(), at::flags(), &attr, 0)) ==
           glibc(::mount_setattr(AT_FDCWD, point2.c_str(), 0, &theirs_attr, 0)));
    EXPECT(outcome(rawsys::mount_setattr(at_fdcwd, missing.c_str(), at::flags(), &attr)) ==
           glibc(::mount_setattr(AT_FDCWD, missing.c_str(), 0, &theirs_attr, sizeof theirs_attr)));
    // fspick: reconfigure the mounted tmpfs.
    auto pick = rawsys::fspick(at_fdcwd, point.c_str(), rawsys::fspick_::cloexec);
    EXPECT(pick.has_value());
    if (pick) {
      EXPECT(rawsys::fsconfig(*pick, rawsys::fsconfig_cmd::set_string, "size", "2m").has_value());
      EXPECT(rawsys::fsconfig(*pick, rawsys::fsconfig_cmd::cmd_reconfigure).has_value());
      EXPECT(::statfs(point.c_str(), &sf) == 0 && sf.f_blocks * sf.f_bsize == 2u << 20);
    }
    // statmount and listmount (Linux 6.8), compared with glibc's syscall().
    const auto sx = rawsys::statx(at_fdcwd, point.c_str(), at::flags(), rawsys::stx::mnt_id_unique);
    EXPECT(sx.has_value());
    if (!sx) return checks.status();
    const bool unique = rawsys::has(sx->mask, rawsys::stx::mnt_id_unique);
    rawsys::mnt_id_req req{};
    req.size = sizeof req;
    req.mnt_id = sx->mnt_id;
    req.param = bits(rawsys::stmt::sb_basic | rawsys::stmt::mnt_basic | rawsys::stmt::fs_type | rawsys::stmt::mnt_point);
    alignas(8) unsigned char buf[sizeof(rawsys::statmount_t) + 512] = {}, theirs_buf[sizeof buf] = {};
    auto* sm = reinterpret_cast<rawsys::statmount_t*>(buf);
    auto st = rawsys::statmount(&req, sm, sizeof buf);
    if (!st && st.error() == errc::enosys) return checks.status();  // before Linux 6.8
    EXPECT(outcome(st) == glibc_syscall(rawsys::nr::statmount, &req, theirs_buf, sizeof theirs_buf, 0));
    if (st && rawsys::has(sm->mask, rawsys::stmt::sb_basic) && unique) {
      EXPECT(sm->sb_magic == TMPFS_MAGIC);
      EXPECT(std::string(sm->str(sm->fs_type)) == "tmpfs");
      EXPECT(sm->mnt_id == sx->mnt_id);
      EXPECT(rawsys::has(sm->mnt_attr, rawsys::mount_attr_::nodev));
      EXPECT(std::memcmp(buf, theirs_buf, sizeof(rawsys::statmount_t)) == 0);
    }
    EXPECT(outcome(rawsys::statmount(&req, sm, 8)) == glibc_syscall(rawsys::nr::statmount, &req, theirs_buf, 8, 0));
    rawsys::mnt_id_req bad = req;
    bad.mnt_id = ~0ull - 1;
    EXPECT(outcome(rawsys::statmount(&bad, sm, sizeof buf)) == glibc_syscall(rawsys::nr::statmount, &bad, theirs_buf, sizeof buf, 0));
    rawsys::mnt_id_req all{};
    all.size = sizeof all;
    all.mnt_id = rawsys::lsmt_root;
    uint64_t ids[512] = {}, theirs_ids[512] = {};
    auto count = rawsys::listmount(&all, ids, 512);
    EXPECT(outcome(count) == glibc_syscall(rawsys::nr::listmount, &all, theirs_ids, 512, 0));
    EXPECT(count.has_value() && *count >= 2);
    bool found = false;
    for (size_t i = 0; count && i < *count; ++i) found = found || ids[i] == sx->mnt_id;
    EXPECT(found || !unique);
    all.size = 0;
    EXPECT(outcome(rawsys::listmount(&all, ids, 512)) == glibc_syscall(rawsys::nr::listmount, &all, theirs_ids, 512, 0));
    EXPECT(error_of(rawsys::listmount(&all, ids, 512)) == errc::einval);
    return checks.status();
  });
  if (status == child_skip + 1) {
    rawsys_test::skip("no new mount namespace here (unshare(2) refused)");
    return;
  }
  if (status == child_skip + 2) {
    rawsys_test::skip(rawsys_test::why_unavailable("fsopen", errc::enosys));
    return;
  }
  CHECK(status == 0);
}

TEST_CASE("pivot_root and chroot: errors as glibc's, success in a child (pivot_root in its own mount namespace)") {
  temp_dir d;
  const std::string missing = d / "missing", root = d / "root";
  REQUIRE(::mkdir(root.c_str(), 0755) == 0);
  write_file(root + "/marker", "m");
  // chroot: a missing directory, a file, then success in a child.
  CHECK(outcome(rawsys::chroot(missing.c_str())) == glibc(::chroot(missing.c_str())));
  CHECK(error_of(rawsys::chroot(missing.c_str())) == errc::enoent);
  CHECK(outcome(rawsys::chroot((root + "/marker").c_str())) == glibc(::chroot((root + "/marker").c_str())));
  CHECK(rawsys_test::in_child([&] {
          child_checks checks;
          EXPECT(rawsys::chroot(root.c_str()).has_value());
          EXPECT(::chdir("/") == 0);
          EXPECT(::access("/marker", F_OK) == 0);
          return checks.status();
        }) == 0);
  // Without CAP_SYS_CHROOT: EPERM, as glibc's.
  CHECK(rawsys_test::in_child([&] {
          child_checks checks;
          if (::setgid(65534) != 0 || ::setuid(65534) != 0) return 0;  // not root: nothing to drop
          EXPECT(outcome(rawsys::chroot(root.c_str())) == glibc(::chroot(root.c_str())));  // EACCES: d is 0700
          EXPECT(outcome(rawsys::chroot("/")) == glibc(::chroot("/")));
          EXPECT(error_of(rawsys::chroot("/")) == errc::eperm);
          return checks.status();
        }) == 0);
  // pivot_root: only ever in a new mount namespace.
  const int status = rawsys_test::in_child([&] {
    child_checks checks;
    if (::unshare(CLONE_NEWNS) != 0) return child_skip + 1;
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return child_skip + 1;
    // Errors: a missing new root; a new root that is not a mount point.
    EXPECT(outcome(rawsys::pivot_root(missing.c_str(), missing.c_str())) ==
           glibc(::syscall(SYS_pivot_root, missing.c_str(), missing.c_str())));
    EXPECT(outcome(rawsys::pivot_root(root.c_str(), root.c_str())) == glibc(::syscall(SYS_pivot_root, root.c_str(), root.c_str())));
    EXPECT(error_of(rawsys::pivot_root(root.c_str(), root.c_str())) != errc{});
    // Success: a tmpfs as the new root, the old one under /old.
    if (::mount("rawsys-test", root.c_str(), "tmpfs", 0, "size=1m") != 0) return child_skip + 1;
    EXPECT(::mkdir((root + "/old").c_str(), 0755) == 0);
    EXPECT(rawsys::pivot_root(root.c_str(), (root + "/old").c_str()).has_value());
    EXPECT(::chdir("/") == 0);
    EXPECT(::access(("/old" + d / "root").c_str(), F_OK) == 0);
    EXPECT(::umount2("/old", MNT_DETACH) == 0);
    EXPECT(::access(d.c_str(), F_OK) == -1);
    return checks.status();
  });
  if (status == child_skip + 1) {
    rawsys_test::skip("no new mount namespace here (unshare(2) or mount(2) refused)");
    return;
  }
  CHECK(status == 0);
}

TEST_CASE("swapon and swapoff: error paths only, as glibc's") {
  temp_dir d;
  const std::string missing = d / "missing", file = d / "not-swap";
  write_file(file, "");  // no swap signature: never a swap area
  CHECK(outcome(rawsys::swapon(missing.c_str())) == glibc(::swapon(missing.c_str(), 0)));
  CHECK(outcome(rawsys::swapon(file.c_str(), rawsys::swapflags::prefer)) == glibc(::swapon(file.c_str(), SWAP_FLAG_PREFER)));
  CHECK(!rawsys::swapon(file.c_str()).has_value());
  CHECK(outcome(rawsys::swapoff(missing.c_str())) == glibc(::swapoff(missing.c_str())));
  CHECK(outcome(rawsys::swapoff(file.c_str())) == glibc(::swapoff(file.c_str())));
  CHECK(error_of(rawsys::swapoff(file.c_str())) != errc{});
  // Without CAP_SYS_ADMIN: EPERM.
  CHECK(rawsys_test::in_child([&] {
          child_checks checks;
          if (::setgid(65534) != 0 || ::setuid(65534) != 0) return 0;
          EXPECT(outcome(rawsys::swapoff(file.c_str())) == glibc(::swapoff(file.c_str())));
          EXPECT(error_of(rawsys::swapon(file.c_str())) == errc::eperm);
          return checks.status();
        }) == 0);
}

TEST_CASE("name_to_handle_at and open_by_handle_at: as glibc's, and EPERM without CAP_DAC_READ_SEARCH") {
  temp_dir d;
  const std::string path = d / "f", missing = d / "missing";
  write_file(path, "handle");
  rawsys::file_handle mine{};
  int mine_mount = 0, theirs_mount = 0;
  auto r = rawsys::name_to_handle_at(at_fdcwd, path.c_str(), &mine, &mine_mount);
  alignas(8) unsigned char theirs_room[sizeof(struct file_handle) + MAX_HANDLE_SZ] = {};
  struct theirs_t {
    struct file_handle& h;
  } theirs{*reinterpret_cast<struct file_handle*>(theirs_room)};
  theirs.h.handle_bytes = MAX_HANDLE_SZ;
  CHECK(outcome(r) == glibc(::name_to_handle_at(AT_FDCWD, path.c_str(), &theirs.h, &theirs_mount, 0)));
  if (!r) {
    rawsys_test::skip(rawsys_test::why_unavailable("name_to_handle_at", r.error()));
    return;
  }
  CHECK(mine.handle_bytes == theirs.h.handle_bytes);
  CHECK(mine.handle_type == theirs.h.handle_type);
  CHECK(std::memcmp(mine.f_handle, theirs.h.f_handle, mine.handle_bytes) == 0);
  CHECK(mine_mount == theirs_mount);
  // Too small a buffer: EOVERFLOW, with the size needed.
  rawsys::file_handle small{};
  small.handle_bytes = 0;
  theirs.h.handle_bytes = 0;
  CHECK(outcome(rawsys::name_to_handle_at(at_fdcwd, path.c_str(), &small, &mine_mount)) ==
        glibc(::name_to_handle_at(AT_FDCWD, path.c_str(), &theirs.h, &theirs_mount, 0)));
  CHECK(small.handle_bytes == mine.handle_bytes);
  CHECK(outcome(rawsys::name_to_handle_at(at_fdcwd, missing.c_str(), &small, &mine_mount)) ==
        glibc(::name_to_handle_at(AT_FDCWD, missing.c_str(), &theirs.h, &theirs_mount, 0)));
  // Open it again, as root.
  cfd dir(::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  auto f = rawsys::open_by_handle_at(dir, &mine, o::rdonly | o::cloexec);
  if (!f && f.error() == errc::eperm) {
    MESSAGE("open_by_handle_at: EPERM (not root): only the error path");
  } else {
    REQUIRE(f.has_value());
    struct stat64 a {}, b {};
    REQUIRE(::fstat64(f->get(), &a) == 0);
    REQUIRE(::stat64(path.c_str(), &b) == 0);
    CHECK(a.st_ino == b.st_ino);
    char text[16] = {};
    CHECK(::read(f->get(), text, sizeof text) == 6);
  }
  CHECK(outcome(rawsys::open_by_handle_at(fd{-1}, &mine, o::rdonly)) == glibc(::open_by_handle_at(-1, &theirs.h, O_RDONLY)));
  // Without CAP_DAC_READ_SEARCH: EPERM, as glibc's.
  CHECK(rawsys_test::in_child([&] {
          child_checks checks;
          if (::setgid(65534) != 0 || ::setuid(65534) != 0) return 0;
          theirs.h.handle_bytes = mine.handle_bytes;
          EXPECT(outcome(rawsys::open_by_handle_at(dir, &mine, o::rdonly)) ==
                 glibc(::open_by_handle_at(dir.get(), &theirs.h, O_RDONLY)));
          EXPECT(error_of(rawsys::open_by_handle_at(dir, &mine, o::rdonly)) == errc::eperm);
          return checks.status();
        }) == 0);
}

TEST_CASE("fanotify_init and fanotify_mark: an open event, and glibc's errors") {
  temp_dir d;
  const std::string path = d / "f", missing = d / "missing";
  write_file(path, "x");
  auto fan_fd = rawsys::fanotify_init(fan::class_notif | fan::cloexec | fan::nonblock, o::rdonly | o::cloexec);
  if (!fan_fd) {
    CHECK(outcome(fan_fd) == glibc(::fanotify_init(FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK, O_RDONLY | O_CLOEXEC)));
    rawsys_test::skip(rawsys_test::why_unavailable("fanotify_init", fan_fd.error()));
    return;
  }
  {
    cfd theirs(::fanotify_init(FAN_CLASS_NOTIF | FAN_CLOEXEC, O_RDONLY));
    CHECK(theirs.get() >= 0);
  }
  CHECK(outcome(rawsys::fanotify_init(fan::init_flags{0x80000000u}, o::rdonly)) == glibc(::fanotify_init(0x80000000u, O_RDONLY)));
  CHECK(error_of(rawsys::fanotify_init(fan::init_flags{0x80000000u}, o::rdonly)) == errc::einval);
  // Errors of the mark: a missing path, a bad descriptor, no flags.
  CHECK(outcome(rawsys::fanotify_mark(*fan_fd, fan::mark_add, fan::open, at_fdcwd, missing.c_str())) ==
        glibc(::fanotify_mark(fan_fd->get(), FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, missing.c_str())));
  CHECK(outcome(rawsys::fanotify_mark(fd{-1}, fan::mark_add, fan::open, at_fdcwd, path.c_str())) ==
        glibc(::fanotify_mark(-1, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, path.c_str())));
  CHECK(outcome(rawsys::fanotify_mark(*fan_fd, fan::mark_flags(), fan::open, at_fdcwd, path.c_str())) ==
        glibc(::fanotify_mark(fan_fd->get(), 0, FAN_OPEN, AT_FDCWD, path.c_str())));
  // A mask bit above 32 (rejected: EINVAL) checks that the 64-bit mask arrives whole.
  CHECK(outcome(rawsys::fanotify_mark(*fan_fd, fan::mark_add, fan::events{1ull << 40}, at_fdcwd, path.c_str())) ==
        glibc(::fanotify_mark(fan_fd->get(), FAN_MARK_ADD, 1ull << 40, AT_FDCWD, path.c_str())));
  CHECK(error_of(rawsys::fanotify_mark(*fan_fd, fan::mark_add, fan::events{1ull << 40}, at_fdcwd, path.c_str())) == errc::einval);
  // The mark, then an open of the file: one event from this process.
  REQUIRE(rawsys::fanotify_mark(*fan_fd, fan::mark_add, fan::open | fan::close_nowrite, at_fdcwd, path.c_str()).has_value());
  {
    cfd reader(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  }
  alignas(8) unsigned char buf[4096];
  const ssize_t n = ::read(fan_fd->get(), buf, sizeof buf);
  REQUIRE(n >= static_cast<ssize_t>(sizeof(rawsys::fanotify_event_metadata)));
  rawsys::fanotify_event_metadata m;
  std::memcpy(&m, buf, sizeof m);
  CHECK(m.vers == fan::metadata_version);
  CHECK(m.metadata_len == sizeof m);
  CHECK((m.mask & bits(fan::open)) != 0);
  CHECK(m.pid == ::getpid());
  for (ssize_t off = 0; off + static_cast<ssize_t>(sizeof m) <= n;) {
    std::memcpy(&m, buf + off, sizeof m);
    if (m.fd >= 0) ::close(m.fd);
    if (m.event_len == 0) break;
    off += m.event_len;
  }
  CHECK(rawsys::fanotify_mark(*fan_fd, fan::mark_remove, fan::open | fan::close_nowrite, at_fdcwd, path.c_str()).has_value());
  CHECK(outcome(rawsys::fanotify_mark(*fan_fd, fan::mark_remove, fan::open, at_fdcwd, path.c_str())) ==
        glibc(::fanotify_mark(fan_fd->get(), FAN_MARK_REMOVE, FAN_OPEN, AT_FDCWD, path.c_str())));
}

TEST_CASE("quotactl and quotactl_fd: error paths, and Q_SYNC of every file system, as glibc's") {
  using rawsys::quota::op;
  using rawsys::quota::type;
  temp_dir d;
  const std::string file = d / "f", missing = d / "missing";
  write_file(file, "x");
  uint32_t fmt = 0;
  CHECK(outcome(rawsys::quotactl(rawsys::quota::qcmd(op::getfmt, type::usr), missing.c_str(), 0, &fmt)) ==
        glibc(::quotactl(QCMD(Q_GETFMT, USRQUOTA), missing.c_str(), 0, reinterpret_cast<caddr_t>(&fmt))));
  const auto missing_dev = rawsys::quotactl(rawsys::quota::qcmd(op::getfmt, type::usr), missing.c_str(), 0, &fmt);
  if (error_of(missing_dev) == errc::enosys) {
    rawsys_test::skip(rawsys_test::why_unavailable("quotactl", errc::enosys));
    return;
  }
  CHECK(error_of(missing_dev) == errc::enoent);
  // A regular file is no block device: ENOTBLK.
  CHECK(outcome(rawsys::quotactl(rawsys::quota::qcmd(op::getfmt, type::grp), file.c_str(), 0, &fmt)) ==
        glibc(::quotactl(QCMD(Q_GETFMT, GRPQUOTA), file.c_str(), 0, reinterpret_cast<caddr_t>(&fmt))));
  // Q_SYNC with no device: writes every file system's quota (0, or ENOSYS
  // without quota support in the kernel).
  CHECK(outcome(rawsys::quotactl(rawsys::quota::qcmd(op::sync, type::usr), nullptr, 0, nullptr)) ==
        glibc(::quotactl(QCMD(Q_SYNC, USRQUOTA), nullptr, 0, nullptr)));
  cfd f(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  CHECK(outcome(rawsys::quotactl_fd(f, rawsys::quota::qcmd(op::getfmt, type::usr), 0, &fmt)) ==
        glibc_syscall(rawsys::nr::quotactl_fd, f.get(), QCMD(Q_GETFMT, USRQUOTA), 0, &fmt));
  CHECK(outcome(rawsys::quotactl_fd(fd{-1}, rawsys::quota::qcmd(op::getfmt, type::usr), 0, &fmt)) ==
        glibc_syscall(rawsys::nr::quotactl_fd, -1, QCMD(Q_GETFMT, USRQUOTA), 0, &fmt));
  CHECK(error_of(rawsys::quotactl_fd(fd{-1}, rawsys::quota::qcmd(op::getfmt, type::usr), 0, &fmt)) != errc{});
}
