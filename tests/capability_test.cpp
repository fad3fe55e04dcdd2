// capget(2) and capset(2): capability numbers, versions and structs against
// <linux/capability.h>; values and errors compared with glibc's syscall().
#include <errno.h>
#include <linux/capability.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "skip.hpp"

using rawsys::cap;
using rawsys::errc;
using rawsys_test::glibc_void;

#define CAP(name, macro) static_assert(static_cast<int>(cap::name) == (macro))
CAP(chown, CAP_CHOWN);
CAP(dac_override, CAP_DAC_OVERRIDE);
CAP(dac_read_search, CAP_DAC_READ_SEARCH);
CAP(fowner, CAP_FOWNER);
CAP(fsetid, CAP_FSETID);
CAP(kill, CAP_KILL);
CAP(setgid, CAP_SETGID);
CAP(setuid, CAP_SETUID);
CAP(setpcap, CAP_SETPCAP);
CAP(linux_immutable, CAP_LINUX_IMMUTABLE);
CAP(net_bind_service, CAP_NET_BIND_SERVICE);
CAP(net_broadcast, CAP_NET_BROADCAST);
CAP(net_admin, CAP_NET_ADMIN);
CAP(net_raw, CAP_NET_RAW);
CAP(ipc_lock, CAP_IPC_LOCK);
CAP(ipc_owner, CAP_IPC_OWNER);
CAP(sys_module, CAP_SYS_MODULE);
CAP(sys_rawio, CAP_SYS_RAWIO);
CAP(sys_chroot, CAP_SYS_CHROOT);
CAP(sys_ptrace, CAP_SYS_PTRACE);
CAP(sys_pacct, CAP_SYS_PACCT);
CAP(sys_admin, CAP_SYS_ADMIN);
CAP(sys_boot, CAP_SYS_BOOT);
CAP(sys_nice, CAP_SYS_NICE);
CAP(sys_resource, CAP_SYS_RESOURCE);
CAP(sys_time, CAP_SYS_TIME);
CAP(sys_tty_config, CAP_SYS_TTY_CONFIG);
CAP(mknod, CAP_MKNOD);
CAP(lease, CAP_LEASE);
CAP(audit_write, CAP_AUDIT_WRITE);
CAP(audit_control, CAP_AUDIT_CONTROL);
CAP(setfcap, CAP_SETFCAP);
CAP(mac_override, CAP_MAC_OVERRIDE);
CAP(mac_admin, CAP_MAC_ADMIN);
CAP(syslog, CAP_SYSLOG);
CAP(wake_alarm, CAP_WAKE_ALARM);
CAP(block_suspend, CAP_BLOCK_SUSPEND);
CAP(audit_read, CAP_AUDIT_READ);
CAP(perfmon, CAP_PERFMON);
CAP(bpf, CAP_BPF);
CAP(checkpoint_restore, CAP_CHECKPOINT_RESTORE);
CAP(last_cap, CAP_LAST_CAP);
#undef CAP

static_assert(static_cast<uint32_t>(rawsys::cap_version::v1) == _LINUX_CAPABILITY_VERSION_1);
static_assert(static_cast<uint32_t>(rawsys::cap_version::v2) == _LINUX_CAPABILITY_VERSION_2);
static_assert(static_cast<uint32_t>(rawsys::cap_version::v3) == _LINUX_CAPABILITY_VERSION_3);
static_assert(_LINUX_CAPABILITY_U32S_3 == 2);
static_assert(sizeof(rawsys::cap_user_header) == sizeof(struct __user_cap_header_struct));
static_assert(offsetof(rawsys::cap_user_header, version) == offsetof(struct __user_cap_header_struct, version));
static_assert(offsetof(rawsys::cap_user_header, pid) == offsetof(struct __user_cap_header_struct, pid));
static_assert(sizeof(rawsys::cap_user_data) == sizeof(struct __user_cap_data_struct));
static_assert(offsetof(rawsys::cap_user_data, effective) == offsetof(struct __user_cap_data_struct, effective));
static_assert(offsetof(rawsys::cap_user_data, permitted) == offsetof(struct __user_cap_data_struct, permitted));
static_assert(offsetof(rawsys::cap_user_data, inheritable) == offsetof(struct __user_cap_data_struct, inheritable));
static_assert(rawsys::cap_sets::bit(cap::sys_admin) == (uint64_t{1} << CAP_SYS_ADMIN));

namespace {

rawsys::cap_sets theirs_of(const struct __user_cap_data_struct (&d)[2]) {
  const auto join = [](uint32_t lo, uint32_t hi) { return uint64_t{hi} << 32 | lo; };
  return {join(d[0].effective, d[1].effective), join(d[0].permitted, d[1].permitted),
          join(d[0].inheritable, d[1].inheritable)};
}

}  // namespace

TEST_CASE("capget: this process's sets, as glibc's syscall() reads them") {
  struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct d[2] = {};
  REQUIRE(::syscall(SYS_capget, &h, d) == 0);
  auto mine = rawsys::capget();
  REQUIRE(mine.has_value());
  CHECK(*mine == theirs_of(d));
  CHECK(rawsys::capget(::getpid()) == mine);

  // The raw call with the kernel's structs.
  rawsys::cap_user_header rh{rawsys::cap_version::v3, 0};
  rawsys::cap_user_data rd[2] = {};
  CHECK(rawsys::capget(&rh, rd) == rawsys::result<void>{});
  CHECK(rd[0].effective == d[0].effective);
  CHECK(rd[1].permitted == d[1].permitted);
}

TEST_CASE("capget: an unknown version is answered with the preferred one") {
  // With no data: a query that succeeds and writes version 3.
  rawsys::cap_user_header rh{static_cast<rawsys::cap_version>(0), 0};
  struct __user_cap_header_struct h = {0, 0};
  CHECK(rawsys::capget(&rh, nullptr) == glibc_void(::syscall(SYS_capget, &h, nullptr)));
  CHECK(static_cast<uint32_t>(rh.version) == h.version);
  CHECK(rh.version == rawsys::cap_version::v3);
  // With data: EINVAL, the version written all the same.
  rawsys::cap_user_data rd[2] = {};
  struct __user_cap_data_struct d[2] = {};
  rh.version = static_cast<rawsys::cap_version>(1);
  h.version = 1;
  const auto mine = rawsys::capget(&rh, rd);
  CHECK(mine == rawsys::unexpected(errc::einval));
  CHECK(mine == glibc_void(::syscall(SYS_capget, &h, d)));
  CHECK(rh.version == rawsys::cap_version::v3);
  CHECK(h.version == _LINUX_CAPABILITY_VERSION_3);
  // No such process: ESRCH.
  CHECK(rawsys_test::error_of(rawsys::capget(0x3ffffff0)) == errc::esrch);
  h = {_LINUX_CAPABILITY_VERSION_3, 0x3ffffff0};
  rh = {rawsys::cap_version::v3, 0x3ffffff0};
  CHECK(rawsys::capget(&rh, rd) == glibc_void(::syscall(SYS_capget, &h, d)));
}

TEST_CASE("capset: the same sets again succeed, another process's or more than permitted fail") {
  auto now = rawsys::capget();
  REQUIRE(now.has_value());
  CHECK(rawsys::capset(*now) == rawsys::result<void>{});
  CHECK(rawsys::capget() == now);

  // Another pid: EPERM, as glibc's syscall() says.
  rawsys::cap_user_header rh{rawsys::cap_version::v3, ::getppid()};
  rawsys::cap_user_data rd[2] = {};
  struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, ::getppid()};
  struct __user_cap_data_struct d[2] = {};
  CHECK(rawsys::capset(&rh, rd) == rawsys::unexpected(errc::eperm));
  CHECK(rawsys::capset(&rh, rd) == glibc_void(::syscall(SYS_capset, &h, d)));

  // Effective beyond permitted: EPERM (tried in a child so that nothing is lost here).
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    rawsys::cap_sets s{};
    s.permitted = s.effective = 0;
    int code = rawsys::capset(s) ? 0 : 10;  // drop everything
    s.effective = rawsys::cap_sets::bit(cap::chown);
    if (rawsys::capset(s) != rawsys::unexpected(errc::eperm)) code |= 1;
    rawsys::raw::syscall(static_cast<long>(rawsys::nr::exit_group), code);
    __builtin_trap();
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
