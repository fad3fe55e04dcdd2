// Clocks, sleeps, interval timers and timer descriptors (clock_gettime(2),
// clock_nanosleep(2), nanosleep(2), gettimeofday(2), getitimer(2),
// timerfd_create(2)). Time is 64-bit on every arch:
//  - i386 calls the *_time64 syscalls (Linux 5.1+) and, on ENOSYS only, the
//    old 32-bit ones, converting: a seconds value that does not fit 32 bits
//    is EOVERFLOW, a fraction that does not is EINVAL (out of range anyway);
//  - getitimer and setitimer have no time64 form: on i386 they carry 32-bit
//    seconds (EOVERFLOW when a value does not fit); gettimeofday's syscall
//    neither, so it fails from January 2038 unless the vDSO answered.
// clock_gettime, clock_getres, gettimeofday and time ask the vDSO first
// (vdso.hpp: rawsys::vdso::disable() forces the syscalls) and make the
// syscall when it has no such function or returns an error.
#pragma once

#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
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

constexpr bool fits32(int64_t v) noexcept { return v >= -2147483647 - 1 && v <= 2147483647; }

#if defined(__i386__)
// The i386 kernel's 32-bit forms (old_timespec32, old_timeval32, ...).
struct timespec32 {
  int32_t sec;
  int32_t nsec;
};
struct timeval32 {
  int32_t sec;
  int32_t usec;
};
struct itimerspec32 {
  timespec32 interval;
  timespec32 value;
};
struct itimerval32 {
  timeval32 interval;
  timeval32 value;
};

constexpr timespec widen(timespec32 t) noexcept { return {t.sec, t.nsec}; }
constexpr timeval widen(timeval32 t) noexcept { return {t.sec, t.usec}; }
constexpr itimerspec widen(itimerspec32 t) noexcept { return {widen(t.interval), widen(t.value)}; }
constexpr itimerval widen(itimerval32 t) noexcept { return {widen(t.interval), widen(t.value)}; }

// 64 -> 32 bits: EOVERFLOW for seconds, EINVAL for a fraction.
constexpr errc narrow(const timespec& t, timespec32& o) noexcept {
  if (!fits32(t.sec)) return errc::eoverflow;
  if (!fits32(t.nsec)) return errc::einval;
  o = {static_cast<int32_t>(t.sec), static_cast<int32_t>(t.nsec)};
  return errc{};
}
constexpr errc narrow(const timeval& t, timeval32& o) noexcept {
  if (!fits32(t.sec)) return errc::eoverflow;
  if (!fits32(t.usec)) return errc::einval;
  o = {static_cast<int32_t>(t.sec), static_cast<int32_t>(t.usec)};
  return errc{};
}
constexpr errc narrow(const itimerspec& t, itimerspec32& o) noexcept {
  const errc a = narrow(t.interval, o.interval);
  return a != errc{} ? a : narrow(t.value, o.value);
}
constexpr errc narrow(const itimerval& t, itimerval32& o) noexcept {
  const errc a = narrow(t.interval, o.interval);
  return a != errc{} ? a : narrow(t.value, o.value);
}
#endif

// The value once the call has been made (v is read after r is computed: pass
// r from its own statement when v is derived from what the call wrote).
template <class T>
inline result<T> value_if(result<long> r, const T& v) noexcept {
  if (!r) return unexpected(r.error());
  return v;
}

}  // namespace detail

// clock_gettime(2): int clock_gettime(clockid_t clockid, struct timespec *tp);
// The vDSO first (i386: __vdso_clock_gettime64); then the syscall, i386:
// clock_gettime64, then clock_gettime on ENOSYS.
inline result<timespec> clock_gettime(clock id) noexcept {
  timespec ts{};
  if (vdso::detail::clock_gettime(id, ts)) [[likely]]
    return ts;
#if defined(__i386__)
  const result<long> r = syscall(nr::clock_gettime64, id, &ts);
  if (r || r.error() != errc::enosys) return detail::value_if(r, ts);
  detail::timespec32 t32{};
  const result<long> r32 = syscall(nr::clock_gettime, id, &t32);
  return detail::value_if(r32, detail::widen(t32));
#else
  return detail::value_if(syscall(nr::clock_gettime, id, &ts), ts);
#endif
}

// clock_getres(2): int clock_getres(clockid_t clockid, struct timespec *res);
// The vDSO first (i386: __vdso_clock_getres_time64); then the syscall, i386:
// clock_getres_time64, then clock_getres on ENOSYS.
inline result<timespec> clock_getres(clock id) noexcept {
  timespec ts{};
  if (vdso::detail::clock_getres(id, ts)) return ts;
#if defined(__i386__)
  const result<long> r = syscall(nr::clock_getres_time64, id, &ts);
  if (r || r.error() != errc::enosys) return detail::value_if(r, ts);
  detail::timespec32 t32{};
  const result<long> r32 = syscall(nr::clock_getres, id, &t32);
  return detail::value_if(r32, detail::widen(t32));
#else
  return detail::value_if(syscall(nr::clock_getres, id, &ts), ts);
#endif
}

// clock_settime(2): int clock_settime(clockid_t clockid, const struct timespec *tp);
// i386: clock_settime64, then clock_settime on ENOSYS.
inline result<void> clock_settime(clock id, const timespec& tp) noexcept {
#if defined(__i386__)
  const result<long> r = syscall(nr::clock_settime64, id, &tp);
  if (r || r.error() != errc::enosys) return detail::as_void(r);
  detail::timespec32 t32{};
  if (const errc e = detail::narrow(tp, t32); e != errc{}) return unexpected(e);
  return detail::as_void(syscall(nr::clock_settime, id, &t32));
#else
  return detail::as_void(syscall(nr::clock_settime, id, &tp));
#endif
}

// clock_nanosleep(2): int clock_nanosleep(clockid_t clockid, int flags, const struct timespec *request, struct timespec *remain);
// EINTR fills *remain (when given) for a relative sleep. i386:
// clock_nanosleep_time64, then clock_nanosleep on ENOSYS.
inline result<void> clock_nanosleep(clock id, timer::flags flags, const timespec& request, timespec* remain = nullptr) noexcept {
#if defined(__i386__)
  const result<long> r = syscall(nr::clock_nanosleep_time64, id, flags, &request, remain);
  if (r || r.error() != errc::enosys) return detail::as_void(r);
  detail::timespec32 req32{}, rem32{};
  if (const errc e = detail::narrow(request, req32); e != errc{}) return unexpected(e);
  const result<long> r32 = syscall(nr::clock_nanosleep, id, flags, &req32, remain ? &rem32 : nullptr);
  if (!r32 && r32.error() == errc::eintr && remain) *remain = detail::widen(rem32);
  return detail::as_void(r32);
#else
  return detail::as_void(syscall(nr::clock_nanosleep, id, flags, &request, remain));
#endif
}

// nanosleep(2): int nanosleep(const struct timespec *req, struct timespec *rem);
// i386: clock_nanosleep_time64(CLOCK_REALTIME, 0, ...) as glibc does, then
// nanosleep on ENOSYS.
inline result<void> nanosleep(const timespec& request, timespec* remain = nullptr) noexcept {
#if defined(__i386__)
  const result<long> r = syscall(nr::clock_nanosleep_time64, clock::realtime, 0, &request, remain);
  if (r || r.error() != errc::enosys) return detail::as_void(r);
  detail::timespec32 req32{}, rem32{};
  if (const errc e = detail::narrow(request, req32); e != errc{}) return unexpected(e);
  const result<long> r32 = syscall(nr::nanosleep, &req32, remain ? &rem32 : nullptr);
  if (!r32 && r32.error() == errc::eintr && remain) *remain = detail::widen(rem32);
  return detail::as_void(r32);
#else
  return detail::as_void(syscall(nr::nanosleep, &request, remain));
#endif
}

// gettimeofday(2): int gettimeofday(struct timeval *tv, struct timezone *tz);
// The obsolete timezone is not asked for. The vDSO first (i386: CLOCK_REALTIME
// through __vdso_clock_gettime64, good past 2038); then the syscall, whose
// i386 form has 32-bit seconds and fails with EOVERFLOW from 2038 on.
inline result<timeval> gettimeofday() noexcept {
  if (timeval tv{}; vdso::detail::gettimeofday(tv)) return tv;
#if defined(__i386__)
  detail::timeval32 t32{};
  const result<long> r = syscall(nr::gettimeofday, &t32, nullptr);
  return detail::value_if(r, detail::widen(t32));
#else
  timeval tv{};
  return detail::value_if(syscall(nr::gettimeofday, &tv, nullptr), tv);
#endif
}

// time(2): time_t time(time_t *tloc);
// Cannot fail. The vDSO first (x86-64: __vdso_time; i386, arm64: CLOCK_REALTIME's
// seconds). arm64 has no time syscall and i386's is 32-bit: both read
// CLOCK_REALTIME's seconds (i386: clock_gettime64, then time on ENOSYS).
inline int64_t time() noexcept {
  if (int64_t t = 0; vdso::detail::time(t)) return t;
#if defined(__x86_64__)
  return raw::syscall(static_cast<long>(nr::time), nullptr);
#elif defined(__i386__)
  timespec ts{};
  if (raw::syscall(static_cast<long>(nr::clock_gettime64), 0, &ts) == 0) return ts.sec;
  return raw::syscall(static_cast<long>(nr::time), nullptr);
#else
  timespec ts{};
  (void)raw::syscall(static_cast<long>(nr::clock_gettime), 0, &ts);
  return ts.sec;
#endif
}

// getitimer(2): int getitimer(int which, struct itimerval *curr_value);
// i386: 32-bit seconds, no time64 form.
inline result<itimerval> getitimer(itimer which) noexcept {
#if defined(__i386__)
  detail::itimerval32 t32{};
  const result<long> r = syscall(nr::getitimer, which, &t32);
  return detail::value_if(r, detail::widen(t32));
#else
  itimerval v{};
  return detail::value_if(syscall(nr::getitimer, which, &v), v);
#endif
}

// setitimer(2): int setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value);
// Returns the old value. i386: 32-bit seconds, no time64 form: a value whose
// seconds do not fit is EOVERFLOW before any call.
inline result<itimerval> setitimer(itimer which, const itimerval& new_value) noexcept {
#if defined(__i386__)
  detail::itimerval32 n32{}, o32{};
  if (const errc e = detail::narrow(new_value, n32); e != errc{}) return unexpected(e);
  const result<long> r = syscall(nr::setitimer, which, &n32, &o32);
  return detail::value_if(r, detail::widen(o32));
#else
  itimerval old{};
  return detail::value_if(syscall(nr::setitimer, which, &new_value, &old), old);
#endif
}

// timerfd_create(2): int timerfd_create(int clockid, int flags);
inline result<unique_fd> timerfd_create(clock id, tfd::flags flags) noexcept {
  return detail::as_fd(syscall(nr::timerfd_create, id, flags));
}

// timerfd_settime(2): int timerfd_settime(int fd, int flags, const struct itimerspec *new_value, struct itimerspec *old_value);
// Returns the old setting. i386: timerfd_settime64, then timerfd_settime on ENOSYS.
inline result<itimerspec> timerfd_settime(fd f, tfd::flags flags, const itimerspec& new_value) noexcept {
  itimerspec old{};
#if defined(__i386__)
  const result<long> r = syscall(nr::timerfd_settime64, f.get(), flags, &new_value, &old);
  if (r || r.error() != errc::enosys) return detail::value_if(r, old);
  detail::itimerspec32 n32{}, o32{};
  if (const errc e = detail::narrow(new_value, n32); e != errc{}) return unexpected(e);
  const result<long> r32 = syscall(nr::timerfd_settime, f.get(), flags, &n32, &o32);
  return detail::value_if(r32, detail::widen(o32));
#else
  return detail::value_if(syscall(nr::timerfd_settime, f.get(), flags, &new_value, &old), old);
#endif
}

// timerfd_gettime(2): int timerfd_gettime(int fd, struct itimerspec *curr_value);
// i386: timerfd_gettime64, then timerfd_gettime on ENOSYS.
inline result<itimerspec> timerfd_gettime(fd f) noexcept {
  itimerspec cur{};
#if defined(__i386__)
  const result<long> r = syscall(nr::timerfd_gettime64, f.get(), &cur);
  if (r || r.error() != errc::enosys) return detail::value_if(r, cur);
  detail::itimerspec32 c32{};
  const result<long> r32 = syscall(nr::timerfd_gettime, f.get(), &c32);
  return detail::value_if(r32, detail::widen(c32));
#else
  return detail::value_if(syscall(nr::timerfd_gettime, f.get(), &cur), cur);
#endif
}

}  // namespace rawsys
