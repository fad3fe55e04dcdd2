// Clocks, sleeps, interval timers and timer descriptors (clock_gettime(2),
// clock_nanosleep(2), nanosleep(2), gettimeofday(2), getitimer(2),
// timerfd_create(2)). Time is 64-bit on every ISA:
//  - 32-bit ISAs (abi::time64_calls) call the *_time64 syscalls (Linux 5.1+)
//    and, where the kernel has none of them, the old ones with 32-bit times,
//    converting: a seconds value that does not fit is EOVERFLOW, a fraction
//    that does not is EINVAL (out of range anyway);
//  - getitimer, setitimer and gettimeofday have no time64 form: their
//    structs hold `long`s (32-bit seconds on 32-bit ISAs: EOVERFLOW when a
//    value does not fit; gettimeofday fails from 2038 unless the vDSO answered).
// clock_gettime, clock_getres, gettimeofday and time ask the vDSO first
// (vdso.hpp: rawsys::vdso::disable() forces the syscalls) and make the
// syscall when it has no such function or returns an error.
#pragma once

#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "detail/time64.hpp"
#include "syscall.hpp"
#include "types.hpp"
#include "vdso.hpp"

namespace rawsys {

// TIMER_*: clock_nanosleep's flags.
namespace timer {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags none{0};
inline constexpr flags abstime{uapi::timer_abstime};
}  // namespace timer

// TFD_*: timerfd_create's flags (cloexec, nonblock) and timerfd_settime's
// (timer_abstime, timer_cancel_on_set).
namespace tfd {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags none{0};
inline constexpr flags timer_abstime{uapi::tfd_timer_abstime};
inline constexpr flags timer_cancel_on_set{uapi::tfd_timer_cancel_on_set};
inline constexpr flags nonblock{uapi::tfd_nonblock};
inline constexpr flags cloexec{uapi::tfd_cloexec};
}  // namespace tfd

// ITIMER_*: which interval timer.
enum class itimer : int {
  real = uapi::itimer_real, virtual_ = uapi::itimer_virtual, prof = uapi::itimer_prof,
};

namespace detail {

// The value once the call has been made (v is read after r is computed: pass
// r from its own statement when v is derived from what the call wrote).
template <class T>
inline result<T> value_if(const result<long>& r, const T& v) noexcept {
  if (!r) return unexpected(r.error());
  return v;
}

// The syscall paths of clock_gettime and gettimeofday, out of line and cold,
// so that only the vDSO path is inlined (GCC would otherwise emit the whole
// wrapper out of line on i386). The calls are the caller's template arguments.
template <nr call, nr call32>
[[gnu::cold, gnu::noinline]] inline result<timespec> clock_syscall(clock id) noexcept {
  timespec ts{};
  const result<long> r = syscall(call, id, &ts);
  if (time64_missing(r)) {
    old_timespec t{};
    const result<long> r32 = syscall(call32, id, &t);
    return value_if(r32, widen(t));
  }
  return value_if(r, ts);
}
template <nr call>
[[gnu::cold, gnu::noinline]] inline result<timeval> timeval_syscall() noexcept {
  old_timeval t{};
  const result<long> r = syscall(call, &t, nullptr);
  return value_if(r, widen(t));
}

}  // namespace detail

// clock_gettime(2): int clock_gettime(clockid_t clockid, struct timespec *tp);
// The vDSO first; then the syscall (32-bit ISAs: clock_gettime64, the old
// call on a kernel without it).
inline result<timespec> clock_gettime(clock id) noexcept {
  if (timespec ts{}; vdso::detail::clock_gettime(id, ts)) [[likely]]
    return ts;
  return detail::clock_syscall<sys::clock_gettime, sys::time32::clock_gettime>(id);
}

// clock_getres(2): int clock_getres(clockid_t clockid, struct timespec *res);
// The vDSO first; then the syscall, as clock_gettime.
inline result<timespec> clock_getres(clock id) noexcept {
  timespec ts{};
  if (vdso::detail::clock_getres(id, ts)) return ts;
  const result<long> r = syscall(sys::clock_getres, id, &ts);
  if (detail::time64_missing(r)) {
    detail::old_timespec t{};
    const result<long> r32 = syscall(sys::time32::clock_getres, id, &t);
    return detail::value_if(r32, detail::widen(t));
  }
  return detail::value_if(r, ts);
}

// clock_settime(2): int clock_settime(clockid_t clockid, const struct timespec *tp);
inline result<void> clock_settime(clock id, const timespec& tp) noexcept {
  const result<long> r = syscall(sys::clock_settime, id, &tp);
  if (detail::time64_missing(r)) {
    detail::old_timespec t{};
    if (const errc e = detail::narrow(tp, t); e != errc{}) return unexpected(e);
    return detail::as_void(syscall(sys::time32::clock_settime, id, &t));
  }
  return detail::as_void(r);
}

// clock_nanosleep(2): int clock_nanosleep(clockid_t clockid, int flags, const struct timespec *request, struct timespec *remain);
// EINTR fills *remain (when given) for a relative sleep.
inline result<void> clock_nanosleep(clock id, timer::flags flags, const timespec& request, timespec* remain = nullptr) noexcept {
  const result<long> r = syscall(sys::clock_nanosleep, id, flags, &request, remain);
  if (detail::time64_missing(r)) {
    detail::old_timespec req{}, rem{};
    if (const errc e = detail::narrow(request, req); e != errc{}) return unexpected(e);
    const result<long> r32 = syscall(sys::time32::clock_nanosleep, id, flags, &req, remain ? &rem : nullptr);
    if (!r32 && r32.error() == errc::eintr && remain) *remain = detail::widen(rem);
    return detail::as_void(r32);
  }
  return detail::as_void(r);
}

// nanosleep(2): int nanosleep(const struct timespec *req, struct timespec *rem);
// 32-bit ISAs: clock_nanosleep_time64(CLOCK_REALTIME, 0, ...) as glibc does,
// and nanosleep on a kernel without it.
inline result<void> nanosleep(const timespec& request, timespec* remain = nullptr) noexcept {
  if constexpr (!abi::time64_calls) {
    return detail::as_void(syscall(sys::time32::nanosleep, &request, remain));
  } else {
    const result<long> r = syscall(sys::clock_nanosleep, clock::realtime, 0, &request, remain);
    if (detail::time64_missing(r)) {
      detail::old_timespec req{}, rem{};
      if (const errc e = detail::narrow(request, req); e != errc{}) return unexpected(e);
      const result<long> r32 = syscall(sys::time32::nanosleep, &req, remain ? &rem : nullptr);
      if (!r32 && r32.error() == errc::eintr && remain) *remain = detail::widen(rem);
      return detail::as_void(r32);
    }
    return detail::as_void(r);
  }
}

// gettimeofday(2): int gettimeofday(struct timeval *tv, struct timezone *tz);
// The obsolete timezone is not asked for. The vDSO first (32-bit ISAs:
// CLOCK_REALTIME through the 64-bit clock_gettime, good past 2038); then the
// syscall, whose struct has 32-bit seconds on 32-bit ISAs, so it fails with
// EOVERFLOW from 2038 on.
inline result<timeval> gettimeofday() noexcept {
  if (timeval tv{}; vdso::detail::gettimeofday(tv)) [[likely]]
    return tv;
  return detail::timeval_syscall<nr::gettimeofday>();
}

// time(2): time_t time(time_t *tloc);
// Cannot fail. The vDSO first; then the time syscall where it is 64-bit,
// else CLOCK_REALTIME's seconds (32-bit ISAs: the old time call on a kernel
// without clock_gettime64).
inline int64_t time() noexcept {
  if (int64_t t = 0; vdso::detail::time(t)) return t;
  if constexpr (sys::has(sys::time) && !abi::time64_calls) {
    return raw::syscall(static_cast<long>(sys::time), nullptr);
  } else {
    timespec ts{};
    const long r = raw::syscall(static_cast<long>(sys::clock_gettime), 0 /* CLOCK_REALTIME */, &ts);
    if constexpr (abi::time64_calls && sys::has(sys::time))
      if (r != 0) return raw::syscall(static_cast<long>(sys::time), nullptr);
    (void)r;
    return ts.sec;
  }
}

// getitimer(2): int getitimer(int which, struct itimerval *curr_value);
// No time64 form: 32-bit seconds on 32-bit ISAs.
inline result<itimerval> getitimer(itimer which) noexcept {
  detail::old_itimerval t{};
  const result<long> r = syscall(nr::getitimer, which, &t);
  return detail::value_if(r, detail::widen(t));
}

// setitimer(2): int setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value);
// Returns the old value. No time64 form: on 32-bit ISAs a value whose
// seconds do not fit 32 bits is EOVERFLOW before any call.
inline result<itimerval> setitimer(itimer which, const itimerval& new_value) noexcept {
  detail::old_itimerval n{}, o{};
  if (const errc e = detail::narrow(new_value, n); e != errc{}) return unexpected(e);
  const result<long> r = syscall(nr::setitimer, which, &n, &o);
  return detail::value_if(r, detail::widen(o));
}

// timerfd_create(2): int timerfd_create(int clockid, int flags);
inline result<unique_fd> timerfd_create(clock id, tfd::flags flags) noexcept {
  return detail::as_fd(syscall(nr::timerfd_create, id, flags));
}

// timerfd_settime(2): int timerfd_settime(int fd, int flags, const struct itimerspec *new_value, struct itimerspec *old_value);
// Returns the old setting.
inline result<itimerspec> timerfd_settime(fd f, tfd::flags flags, const itimerspec& new_value) noexcept {
  itimerspec old{};
  const result<long> r = syscall(sys::timerfd_settime, f.get(), flags, &new_value, &old);
  if (detail::time64_missing(r)) {
    detail::old_itimerspec n{}, o{};
    if (const errc e = detail::narrow(new_value, n); e != errc{}) return unexpected(e);
    const result<long> r32 = syscall(sys::time32::timerfd_settime, f.get(), flags, &n, &o);
    return detail::value_if(r32, detail::widen(o));
  }
  return detail::value_if(r, old);
}

// timerfd_gettime(2): int timerfd_gettime(int fd, struct itimerspec *curr_value);
inline result<itimerspec> timerfd_gettime(fd f) noexcept {
  itimerspec cur{};
  const result<long> r = syscall(sys::timerfd_gettime, f.get(), &cur);
  if (detail::time64_missing(r)) {
    detail::old_itimerspec c{};
    const result<long> r32 = syscall(sys::time32::timerfd_gettime, f.get(), &c);
    return detail::value_if(r32, detail::widen(c));
  }
  return detail::value_if(r, cur);
}

}  // namespace rawsys
