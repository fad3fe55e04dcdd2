// Scheduling policies and parameters: sched_setscheduler, sched_getscheduler,
// sched_setparam, sched_getparam, sched_get_priority_max/min,
// sched_rr_get_interval, sched_setattr, sched_getattr. CPU affinity and
// sched_yield are in process.hpp; nice values (getpriority) too.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "detail/time64.hpp"
#include "fd.hpp"
#include "sys.hpp"
#include "syscall.hpp"
#include "types.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_SCHED
#include "arch/native_uapi.hpp"

namespace rawsys {

// SCHED_*: scheduling policies. sched_getscheduler's answer may carry
// sched_policy::reset_on_fork as well (with_reset_on_fork, without_flags).
enum class sched_policy : int {
  normal = uapi::sched_normal,  // SCHED_OTHER
  fifo = uapi::sched_fifo, rr = uapi::sched_rr, batch = uapi::sched_batch,
  idle = uapi::sched_idle, deadline = uapi::sched_deadline /* Linux 3.14+ */,
  ext = uapi::sched_ext /* Linux 6.12+ */,
  reset_on_fork = uapi::sched_reset_on_fork,  // a flag: or-ed into a policy
};

// A policy with SCHED_RESET_ON_FORK, for sched_setscheduler.
constexpr sched_policy with_reset_on_fork(sched_policy p) noexcept {
  return static_cast<sched_policy>(static_cast<int>(p) | uapi::sched_reset_on_fork);
}

// The policy without SCHED_RESET_ON_FORK, from sched_getscheduler.
constexpr sched_policy without_flags(sched_policy p) noexcept {
  return static_cast<sched_policy>(static_cast<int>(p) & ~uapi::sched_reset_on_fork);
}

// SCHED_FLAG_*: sched_attr::flags.
namespace sched_flag {
enum class flags : uint64_t {
  reset_on_fork = uapi::sched_flag_reset_on_fork,
  reclaim = uapi::sched_flag_reclaim,
  dl_overrun = uapi::sched_flag_dl_overrun,
  keep_policy = uapi::sched_flag_keep_policy,
  keep_params = uapi::sched_flag_keep_params,
  util_clamp_min = uapi::sched_flag_util_clamp_min,
  util_clamp_max = uapi::sched_flag_util_clamp_max,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace sched_flag

// struct sched_param: the static priority, 1..99 for fifo and rr, 0 otherwise.
struct sched_param {
  int priority = 0;
};

// struct sched_attr (linux/sched/types.h), SCHED_ATTR_SIZE_VER1: 56 bytes
// on every ISA. size is what the caller passes; the kernel accepts the
// sizes it knows and larger ones whose extra bytes are zero.
struct sched_attr {
  uint32_t size = sizeof(sched_attr);
  sched_policy policy = sched_policy::normal;
  sched_flag::flags flags{};
  int32_t nice = 0;              // normal, batch
  uint32_t priority = 0;         // fifo, rr
  uint64_t runtime = 0;          // deadline: nanoseconds
  uint64_t deadline = 0;
  uint64_t period = 0;
  uint32_t util_min = 0;         // with sched_flag::util_clamp_min (Linux 5.3+)
  uint32_t util_max = 0;
};

// sched_setscheduler(2): int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param);
// pid 0: the calling thread (the kernel's pids are thread ids).
template <class = void>
inline result<void> sched_setscheduler(int pid, sched_policy policy, const sched_param& param) noexcept {
  return detail::as_void(syscall(nr::sched_setscheduler, pid, policy, &param));
}

// sched_getscheduler(2): int sched_getscheduler(pid_t pid);
// The policy, with sched_policy::reset_on_fork or-ed in when set.
template <class = void>
inline result<sched_policy> sched_getscheduler(int pid) noexcept {
  auto r = syscall(nr::sched_getscheduler, pid);
  if (!r) return unexpected(r.error());
  return static_cast<sched_policy>(*r);
}

// sched_setparam(2): int sched_setparam(pid_t pid, const struct sched_param *param);
template <class = void>
inline result<void> sched_setparam(int pid, const sched_param& param) noexcept {
  return detail::as_void(syscall(nr::sched_setparam, pid, &param));
}

// sched_getparam(2): int sched_getparam(pid_t pid, struct sched_param *param);
template <class = void>
inline result<sched_param> sched_getparam(int pid) noexcept {
  sched_param p;
  if (auto r = syscall(nr::sched_getparam, pid, &p); !r) return unexpected(r.error());
  return p;
}

// sched_get_priority_max(2): int sched_get_priority_max(int policy);
template <class = void>
inline result<int> sched_get_priority_max(sched_policy policy) noexcept {
  auto r = syscall(nr::sched_get_priority_max, policy);
  if (!r) return unexpected(r.error());
  return static_cast<int>(*r);
}

// sched_get_priority_min(2): int sched_get_priority_min(int policy);
template <class = void>
inline result<int> sched_get_priority_min(sched_policy policy) noexcept {
  auto r = syscall(nr::sched_get_priority_min, policy);
  if (!r) return unexpected(r.error());
  return static_cast<int>(*r);
}

// sched_rr_get_interval(2): int sched_rr_get_interval(pid_t pid, struct timespec *tp);
// The round-robin quantum (0 for a policy without one). 32-bit ISAs:
// sched_rr_get_interval_time64, and the old call where the kernel has no
// time64 calls (detail/time64.hpp).
template <class = void>
inline result<timespec> sched_rr_get_interval(int pid) noexcept {
  timespec ts{};
  const result<long> r = syscall(sys::sched_rr_get_interval, pid, &ts);
  if (detail::time64_missing(r)) {
    detail::old_timespec t{};
    const result<long> r32 = syscall(sys::time32::sched_rr_get_interval, pid, &t);
    if (!r32) return unexpected(r32.error());
    return detail::widen(t);
  }
  if (!r) return unexpected(r.error());
  return ts;
}

// sched_setattr(2): int sched_setattr(pid_t pid, struct sched_attr *attr, unsigned int flags);
// Linux 3.14+. flags: 0 (none defined).
template <class = void>
inline result<void> sched_setattr(int pid, const sched_attr& attr, unsigned flags = 0) noexcept {
  return detail::as_void(syscall(nr::sched_setattr, pid, &attr, flags));
}

// sched_getattr(2): int sched_getattr(pid_t pid, struct sched_attr *attr, unsigned int size, unsigned int flags);
// Linux 3.14+. The kernel fills in at most size bytes and sets attr->size to
// what it wrote.
template <class = void>
inline result<void> sched_getattr(int pid, sched_attr* attr, unsigned size = sizeof(sched_attr), unsigned flags = 0) noexcept {
  return detail::as_void(syscall(nr::sched_getattr, pid, attr, size, flags));
}

}  // namespace rawsys
