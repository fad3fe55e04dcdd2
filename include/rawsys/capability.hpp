// Process capabilities: capget(2) and capset(2) with the kernel's version 3
// header and data (two 32-bit words per set), and a 64-bit view of the sets.
#pragma once

#include <stdint.h>

#include "fd.hpp"

namespace rawsys {

// CAP_*: capability numbers (capabilities(7)).
enum class cap : int {
  chown = 0, dac_override = 1, dac_read_search = 2, fowner = 3, fsetid = 4, kill = 5,
  setgid = 6, setuid = 7, setpcap = 8, linux_immutable = 9, net_bind_service = 10,
  net_broadcast = 11, net_admin = 12, net_raw = 13, ipc_lock = 14, ipc_owner = 15,
  sys_module = 16, sys_rawio = 17, sys_chroot = 18, sys_ptrace = 19, sys_pacct = 20,
  sys_admin = 21, sys_boot = 22, sys_nice = 23, sys_resource = 24, sys_time = 25,
  sys_tty_config = 26, mknod = 27, lease = 28, audit_write = 29, audit_control = 30,
  setfcap = 31, mac_override = 32, mac_admin = 33, syslog = 34, wake_alarm = 35,
  block_suspend = 36, audit_read = 37, perfmon = 38, bpf = 39, checkpoint_restore = 40,
  last_cap = 40,  // CAP_LAST_CAP of these headers; the kernel's is in /proc/sys/kernel/cap_last_cap
};

// _LINUX_CAPABILITY_VERSION_*: v1 has one data word per set, v2 and v3 two.
enum class cap_version : uint32_t {
  v1 = 0x19980330u,
  v2 = 0x20071026u,  // deprecated: v3
  v3 = 0x20080522u,
};

// struct __user_cap_header_struct
struct cap_user_header {
  cap_version version;
  int pid;  // 0: the caller
};

// struct __user_cap_data_struct: one 32-bit word of each set; version 3 takes
// an array of two (capabilities 0-31, then 32-63).
struct cap_user_data {
  uint32_t effective;
  uint32_t permitted;
  uint32_t inheritable;
};

// The three sets as 64-bit masks (bit n is capability n).
struct cap_sets {
  uint64_t effective = 0;
  uint64_t permitted = 0;
  uint64_t inheritable = 0;
  static constexpr uint64_t bit(cap c) noexcept { return uint64_t{1} << static_cast<int>(c); }
  friend constexpr bool operator==(const cap_sets&, const cap_sets&) = default;
};

// capget(2): int capget(cap_user_header_t hdrp, cap_user_data_t datap);
// With an unknown hdrp->version the kernel writes the one it prefers there
// and fails with EINVAL (or succeeds when datap is null): a version query.
template <class = void>
inline result<void> capget(cap_user_header* hdrp, cap_user_data* datap) noexcept {
  return detail::as_void(syscall(nr::capget, hdrp, datap));
}
// Version 3 sets of pid (0: the caller).
template <class = void>
inline result<cap_sets> capget(int pid = 0) noexcept {
  cap_user_header h{cap_version::v3, pid};
  cap_user_data d[2] = {};
  auto r = capget(&h, d);
  if (!r) return unexpected(r.error());
  const auto join = [](uint32_t lo, uint32_t hi) { return uint64_t{hi} << 32 | lo; };
  return cap_sets{join(d[0].effective, d[1].effective), join(d[0].permitted, d[1].permitted),
                  join(d[0].inheritable, d[1].inheritable)};
}

// capset(2): int capset(cap_user_header_t hdrp, const cap_user_data_t datap);
// Only the caller's own sets can change (pid 0 or its own pid; EPERM else).
template <class = void>
inline result<void> capset(cap_user_header* hdrp, const cap_user_data* datap) noexcept {
  return detail::as_void(syscall(nr::capset, hdrp, datap));
}
// Sets the caller's sets, version 3.
template <class = void>
inline result<void> capset(const cap_sets& s) noexcept {
  cap_user_header h{cap_version::v3, 0};
  const auto lo = [](uint64_t v) { return static_cast<uint32_t>(v); };
  const auto hi = [](uint64_t v) { return static_cast<uint32_t>(v >> 32); };
  const cap_user_data d[2] = {{lo(s.effective), lo(s.permitted), lo(s.inheritable)},
                              {hi(s.effective), hi(s.permitted), hi(s.inheritable)}};
  return capset(&h, d);
}

}  // namespace rawsys
