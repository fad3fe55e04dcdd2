// The 32-bit ISAs' two generations of time calls (abi::time64_calls): the
// *_time64 syscalls of Linux 5.1 and the old ones with 32-bit times, which a
// wrapper falls back to only where the kernel has no time64 calls at all.
#pragma once

#include <stdint.h>

#include "../errc.hpp"
#include "../result.hpp"
#include "../sys.hpp"
#include "../syscall.hpp"
#include "../types.hpp"

namespace rawsys::detail {

// The kernel's structs of the calls without a time64 form, and of the
// fallbacks: their fields are `long` (__kernel_old_time_t), so 32 bits wide
// on 32-bit ISAs and the same as rawsys's on 64-bit ones.
struct old_timespec {
  long sec;
  long nsec;
};
struct old_timeval {
  long sec;
  long usec;
};
struct old_itimerspec {
  old_timespec interval;
  old_timespec value;
};
struct old_itimerval {
  old_timeval interval;
  old_timeval value;
};

constexpr bool fits_long(int64_t v) noexcept {
  return sizeof(long) == sizeof(int64_t) || (v >= -2147483647 - 1 && v <= 2147483647);
}

constexpr timespec widen(old_timespec t) noexcept { return {t.sec, t.nsec}; }
constexpr timeval widen(old_timeval t) noexcept { return {t.sec, t.usec}; }
constexpr itimerspec widen(old_itimerspec t) noexcept { return {widen(t.interval), widen(t.value)}; }
constexpr itimerval widen(old_itimerval t) noexcept { return {widen(t.interval), widen(t.value)}; }

// 64-bit to the old form: EOVERFLOW for seconds, EINVAL for a fraction.
constexpr errc narrow(const timespec& t, old_timespec& o) noexcept {
  if (!fits_long(t.sec)) return errc::eoverflow;
  if (!fits_long(t.nsec)) return errc::einval;
  o = {static_cast<long>(t.sec), static_cast<long>(t.nsec)};
  return errc{};
}
constexpr errc narrow(const timeval& t, old_timeval& o) noexcept {
  if (!fits_long(t.sec)) return errc::eoverflow;
  if (!fits_long(t.usec)) return errc::einval;
  o = {static_cast<long>(t.sec), static_cast<long>(t.usec)};
  return errc{};
}
constexpr errc narrow(const itimerspec& t, old_itimerspec& o) noexcept {
  const errc a = narrow(t.interval, o.interval);
  return a != errc{} ? a : narrow(t.value, o.value);
}
constexpr errc narrow(const itimerval& t, old_itimerval& o) noexcept {
  const errc a = narrow(t.interval, o.interval);
  return a != errc{} ? a : narrow(t.value, o.value);
}

// Whether the kernel has the *_time64 calls: 0 not yet known, 1 yes, 2 no.
// Learnt once per process from clock_gettime64, because one call's ENOSYS
// cannot tell a missing syscall from a refused argument (futex answers
// ENOSYS for an operation it does not know).
inline int time64_state = 0;

template <class = void>
[[gnu::cold, gnu::noinline]] inline bool probe_time64_missing() noexcept {
  timespec ts{};
  const long r = raw::syscall(static_cast<long>(sys::clock_gettime), 1 /* CLOCK_MONOTONIC */, &ts);
  const bool missing = r == -static_cast<long>(errc::enosys);
  __atomic_store_n(&time64_state, missing ? 2 : 1, __ATOMIC_RELAXED);
  return missing;
}

// True when r is a *_time64 call's ENOSYS on a kernel that has none of
// them: then the caller makes the old call. Never on 64-bit ISAs.
template <class = void>
inline bool time64_missing(const result<long>& r) noexcept {
  if constexpr (!abi::time64_calls) {
    (void)r;
    return false;
  } else {
    if (r || r.error() != errc::enosys) [[likely]]
      return false;
    const int s = __atomic_load_n(&time64_state, __ATOMIC_RELAXED);
    return s == 0 ? probe_time64_missing() : s == 2;
  }
}

// A call whose timeout is a `const timespec*`: r is the time64 form's
// result; on a kernel without time64 calls, old(const old_timespec*) makes
// the old call with the timeout narrowed (EOVERFLOW when it does not fit).
template <class Old>
inline result<long> or_old_timeout(const result<long>& r, const timespec* timeout, Old old) noexcept {
  if (!time64_missing(r)) [[likely]]
    return r;
  old_timespec t{};
  if (timeout)
    if (const errc e = narrow(*timeout, t); e != errc{}) return unexpected(e);
  return old(timeout ? &t : nullptr);
}

}  // namespace rawsys::detail
