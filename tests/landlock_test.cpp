// Landlock: flags and layouts against <linux/landlock.h>, errors compared with
// glibc's syscall(), and a child for which a directory is read-only.
#include "skip.hpp"

#include <fcntl.h>
#include <linux/landlock.h>
#include <linux/version.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

using rawsys::errc;
using rawsys::nr;
using rawsys_test::glibc;
using rawsys_test::error_of;
using rawsys_test::glibc_void;
namespace fs = rawsys::landlock::access_fs;
namespace net = rawsys::landlock::access_net;
namespace scope = rawsys::landlock::scope;

static_assert(rawsys::bits(fs::execute) == LANDLOCK_ACCESS_FS_EXECUTE);
static_assert(rawsys::bits(fs::write_file) == LANDLOCK_ACCESS_FS_WRITE_FILE);
static_assert(rawsys::bits(fs::read_file) == LANDLOCK_ACCESS_FS_READ_FILE);
static_assert(rawsys::bits(fs::read_dir) == LANDLOCK_ACCESS_FS_READ_DIR);
static_assert(rawsys::bits(fs::remove_dir) == LANDLOCK_ACCESS_FS_REMOVE_DIR);
static_assert(rawsys::bits(fs::remove_file) == LANDLOCK_ACCESS_FS_REMOVE_FILE);
static_assert(rawsys::bits(fs::make_char) == LANDLOCK_ACCESS_FS_MAKE_CHAR);
static_assert(rawsys::bits(fs::make_dir) == LANDLOCK_ACCESS_FS_MAKE_DIR);
static_assert(rawsys::bits(fs::make_reg) == LANDLOCK_ACCESS_FS_MAKE_REG);
static_assert(rawsys::bits(fs::make_sock) == LANDLOCK_ACCESS_FS_MAKE_SOCK);
static_assert(rawsys::bits(fs::make_fifo) == LANDLOCK_ACCESS_FS_MAKE_FIFO);
static_assert(rawsys::bits(fs::make_block) == LANDLOCK_ACCESS_FS_MAKE_BLOCK);
static_assert(rawsys::bits(fs::make_sym) == LANDLOCK_ACCESS_FS_MAKE_SYM);
static_assert(rawsys::bits(fs::refer) == LANDLOCK_ACCESS_FS_REFER);
static_assert(rawsys::bits(fs::all(0)) == 0);
static_assert(rawsys::bits(fs::all(1)) == LANDLOCK_ACCESS_FS_MAKE_SYM * 2 - 1);
static_assert(rawsys::bits(fs::all(2)) == LANDLOCK_ACCESS_FS_REFER * 2 - 1);
#ifdef LANDLOCK_ACCESS_FS_TRUNCATE  // 6.2 headers
static_assert(rawsys::bits(fs::truncate) == LANDLOCK_ACCESS_FS_TRUNCATE);
static_assert(rawsys::bits(fs::all(3)) == LANDLOCK_ACCESS_FS_TRUNCATE * 2 - 1);
#endif
static_assert(fs::all(4) == fs::all(3));
#ifdef LANDLOCK_ACCESS_FS_IOCTL_DEV
static_assert(rawsys::bits(fs::ioctl_dev) == LANDLOCK_ACCESS_FS_IOCTL_DEV);
static_assert(rawsys::bits(fs::all(5)) == LANDLOCK_ACCESS_FS_IOCTL_DEV * 2 - 1);
#endif
#ifdef LANDLOCK_ACCESS_NET_BIND_TCP
static_assert(rawsys::bits(net::bind_tcp) == LANDLOCK_ACCESS_NET_BIND_TCP);
static_assert(rawsys::bits(net::connect_tcp) == LANDLOCK_ACCESS_NET_CONNECT_TCP);
static_assert(net::all(3) == net::flags{} && net::all(4) == (net::bind_tcp | net::connect_tcp));
#endif
#ifdef LANDLOCK_SCOPE_SIGNAL
static_assert(rawsys::bits(scope::abstract_unix_socket) == LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET);
static_assert(rawsys::bits(scope::signal) == LANDLOCK_SCOPE_SIGNAL);
static_assert(scope::all(5) == scope::flags{} && scope::all(6) == (scope::abstract_unix_socket | scope::signal));
#endif
static_assert(rawsys::bits(rawsys::landlock::create_ruleset::version) == LANDLOCK_CREATE_RULESET_VERSION);
#ifdef LANDLOCK_CREATE_RULESET_ERRATA
static_assert(rawsys::bits(rawsys::landlock::create_ruleset::errata) == LANDLOCK_CREATE_RULESET_ERRATA);
#endif
#ifdef LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF
static_assert(rawsys::bits(rawsys::landlock::restrict_self::log_same_exec_off) == LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF);
static_assert(rawsys::bits(rawsys::landlock::restrict_self::log_new_exec_on) == LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON);
static_assert(rawsys::bits(rawsys::landlock::restrict_self::log_subdomains_off) == LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF);
#endif
static_assert(static_cast<int>(rawsys::landlock::rule_type::path_beneath) == LANDLOCK_RULE_PATH_BENEATH);

// Layouts: the ruleset attribute grows by version; path_beneath is packed.
static_assert(offsetof(rawsys::landlock_ruleset_attr, handled_access_fs) ==
              offsetof(struct landlock_ruleset_attr, handled_access_fs));
#ifdef LANDLOCK_ACCESS_NET_BIND_TCP
static_assert(static_cast<int>(rawsys::landlock::rule_type::net_port) == LANDLOCK_RULE_NET_PORT);
static_assert(offsetof(rawsys::landlock_ruleset_attr, handled_access_net) ==
              offsetof(struct landlock_ruleset_attr, handled_access_net));
static_assert(sizeof(rawsys::landlock_net_port_attr) == sizeof(struct landlock_net_port_attr));
static_assert(offsetof(rawsys::landlock_net_port_attr, port) == offsetof(struct landlock_net_port_attr, port));
#endif
#ifdef LANDLOCK_SCOPE_SIGNAL
static_assert(sizeof(rawsys::landlock_ruleset_attr) == sizeof(struct landlock_ruleset_attr));
static_assert(offsetof(rawsys::landlock_ruleset_attr, scoped) == offsetof(struct landlock_ruleset_attr, scoped));
#endif
static_assert(sizeof(rawsys::landlock_path_beneath_attr) == sizeof(struct landlock_path_beneath_attr));
static_assert(sizeof(rawsys::landlock_path_beneath_attr) == 12);
static_assert(offsetof(rawsys::landlock_path_beneath_attr, allowed_access) ==
              offsetof(struct landlock_path_beneath_attr, allowed_access));
static_assert(offsetof(rawsys::landlock_path_beneath_attr, parent_fd) ==
              offsetof(struct landlock_path_beneath_attr, parent_fd));
static_assert(alignof(rawsys::landlock_path_beneath_attr) == alignof(struct landlock_path_beneath_attr));

namespace {

// The ABI version, after checking it against glibc's syscall(); 0 and a
// skip message when there is no Landlock here.
int landlock_abi() {
  const auto mine = rawsys::landlock_abi_version();
  const auto theirs = glibc(::syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION));
  REQUIRE(mine.has_value() == theirs.has_value());
  if (mine) {
    REQUIRE(*mine == *theirs);
    return *mine;
  }
  REQUIRE(mine.error() == theirs.error());
  rawsys_test::skip(rawsys_test::why_unavailable("landlock_create_ruleset", mine.error()));
  return 0;
}

// The bytes of landlock_ruleset_attr that ABI version abi knows.
size_t attr_size(int abi) { return abi >= 6 ? 24 : abi >= 4 ? 16 : 8; }

struct temp_dir {
  std::string path;
  temp_dir() {
    char t[] = "/tmp/rawsys-landlock-XXXXXX";
    REQUIRE(::mkdtemp(t) != nullptr);
    path = t;
  }
  ~temp_dir() {
    ::unlink((path + "/file").c_str());
    ::unlink((path + "/new").c_str());
    ::rmdir(path.c_str());
  }
};

}  // namespace

TEST_CASE("landlock: ABI version and errata as glibc's syscall() sees them") {
  const int abi = landlock_abi();
  if (abi == 0) return;
  CHECK(abi >= 1);
  MESSAGE("Landlock ABI " << abi);
  CHECK(rawsys_test::widen(rawsys::landlock_errata()) ==
        glibc(::syscall(SYS_landlock_create_ruleset, nullptr, 0, 1u << 1)));
}

TEST_CASE("landlock: create_ruleset, add_rule, restrict_self errors match glibc's syscall()") {
  const int abi = landlock_abi();
  if (abi == 0) return;
  rawsys::landlock_ruleset_attr attr{fs::all(abi), {}, {}};
  // Too small a size: EINVAL; nothing handled: ENOMSG; a bad address: EFAULT.
  CHECK(rawsys::landlock_create_ruleset(&attr, 4) == rawsys::unexpected(errc::einval));
  CHECK(error_of(rawsys::landlock_create_ruleset(&attr, 4)) ==
        error_of(glibc(::syscall(SYS_landlock_create_ruleset, &attr, 4, 0))));
  const rawsys::landlock_ruleset_attr nothing{};
  CHECK(rawsys::landlock_create_ruleset(&nothing, attr_size(abi)) == rawsys::unexpected(errc::enomsg));
  CHECK(error_of(rawsys::landlock_create_ruleset(&nothing, attr_size(abi))) ==
        error_of(glibc(::syscall(SYS_landlock_create_ruleset, &nothing, attr_size(abi), 0))));
  CHECK(rawsys::landlock_create_ruleset(nullptr, attr_size(abi)) == rawsys::unexpected(errc::efault));
  CHECK(error_of(rawsys::landlock_create_ruleset(nullptr, attr_size(abi))) ==
        error_of(glibc(::syscall(SYS_landlock_create_ruleset, nullptr, attr_size(abi), 0))));
  // Not a ruleset: EBADF for -1, EBADFD for another descriptor.
  const rawsys::landlock_path_beneath_attr rule{fs::read_file, AT_FDCWD};
  CHECK(rawsys::landlock_add_rule(rawsys::fd{-1}, rule) == rawsys::unexpected(errc::ebadf));
  CHECK(rawsys::landlock_add_rule(rawsys::fd{-1}, rule) ==
        glibc_void(::syscall(SYS_landlock_add_rule, -1, LANDLOCK_RULE_PATH_BENEATH, &rule, 0)));
  CHECK(rawsys::landlock_add_rule(rawsys::stdin_fd, rule) ==
        glibc_void(::syscall(SYS_landlock_add_rule, 0, LANDLOCK_RULE_PATH_BENEATH, &rule, 0)));
  CHECK(rawsys::landlock_restrict_self(rawsys::fd{-1}) ==
        glibc_void(::syscall(SYS_landlock_restrict_self, -1, 0)));
  CHECK(rawsys::landlock_restrict_self(rawsys::stdin_fd) ==
        glibc_void(::syscall(SYS_landlock_restrict_self, 0, 0)));

  // A real ruleset; a rule with a right the ruleset does not handle: EINVAL.
  const rawsys::landlock_ruleset_attr reads{fs::read_file, {}, {}};
  auto rs = rawsys::landlock_create_ruleset(&reads, attr_size(abi));
  REQUIRE(rs.has_value());
  const int dir = ::open("/tmp", O_PATH | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(dir >= 0);
  const rawsys::landlock_path_beneath_attr ok{fs::read_file, dir};
  const rawsys::landlock_path_beneath_attr unhandled{fs::write_file, dir};
  CHECK(rawsys::landlock_add_rule(*rs, ok) == rawsys::result<void>{});
  CHECK(rawsys::landlock_add_rule(*rs, unhandled) == rawsys::unexpected(errc::einval));
  CHECK(rawsys::landlock_add_rule(*rs, unhandled) ==
        glibc_void(::syscall(SYS_landlock_add_rule, rs->get(), LANDLOCK_RULE_PATH_BENEATH, &unhandled, 0)));
  ::close(dir);
}

TEST_CASE("landlock: a child for which a directory is read-only: writes fail with EACCES, reads work") {
  const int abi = landlock_abi();
  if (abi == 0) return;
  temp_dir dir;
  const std::string file = dir.path + "/file", fresh = dir.path + "/new";
  {
    const int f = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    REQUIRE(f >= 0);
    REQUIRE(::write(f, "landlock", 8) == 8);
    ::close(f);
  }
  const char* const file_c = file.c_str();
  const char* const fresh_c = fresh.c_str();
  const char* const dir_c = dir.path.c_str();

  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // Raw calls only from here on.
    const auto code = [&]() -> int {
      const rawsys::landlock_ruleset_attr attr{fs::all(abi), {}, {}};
      auto rs = rawsys::landlock_create_ruleset(&attr, attr_size(abi));
      if (!rs) return 10;
      auto d = rawsys::syscall(nr::openat, AT_FDCWD, dir_c, O_PATH | O_DIRECTORY | O_CLOEXEC);
      if (!d) return 11;
      const rawsys::landlock_path_beneath_attr rule{fs::read_file | fs::read_dir,
                                                    static_cast<int32_t>(*d)};
      if (!rawsys::landlock_add_rule(*rs, rule)) return 12;
      if (rawsys::syscall(nr::prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return 13;
      if (!rawsys::landlock_restrict_self(*rs)) return 14;
      // Reading works.
      auto r = rawsys::syscall(nr::openat, AT_FDCWD, file_c, O_RDONLY | O_CLOEXEC);
      if (!r) return 20;
      char buf[16] = {};
      if (rawsys::syscall(nr::read, *r, buf, sizeof buf) != 8 || memcmp(buf, "landlock", 8) != 0)
        return 21;
      // Writing, creating: EACCES.
      if (rawsys::syscall(nr::openat, AT_FDCWD, file_c, O_WRONLY | O_CLOEXEC) !=
          rawsys::unexpected(errc::eacces))
        return 30;
      if (rawsys::syscall(nr::openat, AT_FDCWD, fresh_c, O_WRONLY | O_CREAT | O_CLOEXEC, 0644) !=
          rawsys::unexpected(errc::eacces))
        return 31;
      if (rawsys::syscall(nr::unlinkat, AT_FDCWD, file_c, 0) != rawsys::unexpected(errc::eacces))
        return 32;
      return 0;
    }();
    rawsys::raw::syscall(static_cast<long>(nr::exit_group), code);
    __builtin_trap();
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  // The parent is not restricted: the file is still there and writable.
  const int f = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  CHECK(f >= 0);
  ::close(f);
  CHECK(::access(fresh.c_str(), F_OK) == -1);
}
