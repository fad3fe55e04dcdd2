// Clocks, sleeps, interval timers, timer descriptors, POSIX timers and clock
// adjustment (clock_gettime(2), clock_nanosleep(2), nanosleep(2),
// gettimeofday(2), getitimer(2), timerfd_create(2), timer_create(2),
// clock_adjtime(2), settimeofday(2)). Time is 64-bit on every ISA:
//  - 32-bit ISAs (abi::time64_calls) call the *_time64 syscalls (Linux 5.1+)
//    and, where the kernel has none of them, the old ones with 32-bit times,
//    converting: a seconds value that does not fit is EOVERFLOW, a fraction
//    that does not is EINVAL (out of range anyway);
//  - getitimer, setitimer, gettimeofday and settimeofday have no time64 form: their
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

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_TIME
#include "arch/native_uapi.hpp"

namespace rawsys {

// TIMER_*: clock_nanosleep's flags.
namespace timer {
enum class flags : unsigned {
  none = 0,
  abstime = uapi::timer_abstime,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace timer

// TFD_*: timerfd_create's flags (cloexec, nonblock) and timerfd_settime's
// (timer_abstime, timer_cancel_on_set).
namespace tfd {
enum class flags : unsigned {
  none = 0,
  timer_abstime = uapi::tfd_timer_abstime,
  timer_cancel_on_set = uapi::tfd_timer_cancel_on_set,
  nonblock = uapi::tfd_nonblock,
  cloexec = uapi::tfd_cloexec,
};
RAWSYS_BITMASK(flags)
using enum flags;
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
template <class = void>
inline result<timespec> clock_gettime(clock id) noexcept {
  if (timespec ts{}; vdso::detail::clock_gettime(id, ts)) [[likely]]
    return ts;
  return detail::clock_syscall<sys::clock_gettime, sys::time32::clock_gettime>(id);
}

// clock_getres(2): int clock_getres(clockid_t clockid, struct timespec *res);
// The vDSO first; then the syscall, as clock_gettime.
template <class = void>
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
template <class = void>
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
template <class = void>
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
template <class = void>
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
template <class = void>
inline result<timeval> gettimeofday() noexcept {
  if (timeval tv{}; vdso::detail::gettimeofday(tv)) [[likely]]
    return tv;
  return detail::timeval_syscall<nr::gettimeofday>();
}

// time(2): time_t time(time_t *tloc);
// Cannot fail. The vDSO first; then the time syscall where it is 64-bit,
// else CLOCK_REALTIME's seconds (32-bit ISAs: the old time call on a kernel
// without clock_gettime64).
template <class = void>
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
template <class = void>
inline result<itimerval> getitimer(itimer which) noexcept {
  detail::old_itimerval t{};
  const result<long> r = syscall(nr::getitimer, which, &t);
  return detail::value_if(r, detail::widen(t));
}

// setitimer(2): int setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value);
// Returns the old value. No time64 form: on 32-bit ISAs a value whose
// seconds do not fit 32 bits is EOVERFLOW before any call.
template <class = void>
inline result<itimerval> setitimer(itimer which, const itimerval& new_value) noexcept {
  detail::old_itimerval n{}, o{};
  if (const errc e = detail::narrow(new_value, n); e != errc{}) return unexpected(e);
  const result<long> r = syscall(nr::setitimer, which, &n, &o);
  return detail::value_if(r, detail::widen(o));
}

// timerfd_create(2): int timerfd_create(int clockid, int flags);
template <class = void>
inline result<unique_fd> timerfd_create(clock id, tfd::flags flags) noexcept {
  return detail::as_fd(syscall(nr::timerfd_create, id, flags));
}

// timerfd_settime(2): int timerfd_settime(int fd, int flags, const struct itimerspec *new_value, struct itimerspec *old_value);
// Returns the old setting.
template <class = void>
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
template <class = void>
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

// A POSIX timer's id (the kernel's timer_t, an int).
enum class timer_id : int {};

// timer_create(2): int timer_create(clockid_t clockid, struct sigevent *sevp, timer_t *timerid);
// sevp null: SIGALRM to the process, the timer id as its value.
template <class = void>
inline result<timer_id> timer_create(clock id, const sigevent* sevp) noexcept {
  int t = 0;
  const result<long> r = syscall(nr::timer_create, id, sevp, &t);
  return detail::value_if(r, static_cast<timer_id>(t));
}

// timer_settime(2): int timer_settime(timer_t timerid, int flags, const struct itimerspec *new_value, struct itimerspec *old_value);
// Returns the old setting. flags: timer::abstime for an absolute value.
// 32-bit ISAs: timer_settime64, the old call on a kernel without it.
template <class = void>
inline result<itimerspec> timer_settime(timer_id t, timer::flags flags, const itimerspec& new_value) noexcept {
  itimerspec old{};
  const result<long> r = syscall(sys::timer_settime, t, flags, &new_value, &old);
  if (detail::time64_missing(r)) {
    detail::old_itimerspec n{}, o{};
    if (const errc e = detail::narrow(new_value, n); e != errc{}) return unexpected(e);
    const result<long> r32 = syscall(sys::time32::timer_settime, t, flags, &n, &o);
    return detail::value_if(r32, detail::widen(o));
  }
  return detail::value_if(r, old);
}

// timer_gettime(2): int timer_gettime(timer_t timerid, struct itimerspec *curr_value);
// The time left (relative) and the interval.
template <class = void>
inline result<itimerspec> timer_gettime(timer_id t) noexcept {
  itimerspec cur{};
  const result<long> r = syscall(sys::timer_gettime, t, &cur);
  if (detail::time64_missing(r)) {
    detail::old_itimerspec c{};
    const result<long> r32 = syscall(sys::time32::timer_gettime, t, &c);
    return detail::value_if(r32, detail::widen(c));
  }
  return detail::value_if(r, cur);
}

// timer_getoverrun(2): int timer_getoverrun(timer_t timerid);
// The expirations lost before the last signal was delivered.
template <class = void>
inline result<int> timer_getoverrun(timer_id t) noexcept {
  return detail::as_count<int>(syscall(nr::timer_getoverrun, t));
}

// timer_delete(2): int timer_delete(timer_t timerid);
template <class = void>
inline result<void> timer_delete(timer_id t) noexcept {
  return detail::as_void(syscall(nr::timer_delete, t));
}

// ADJ_*: which fields of a timex clock_adjtime sets (none: read only).
namespace adj {
enum class modes : unsigned {
  none = 0,
  offset = uapi::adj_offset,
  frequency = uapi::adj_frequency,
  maxerror = uapi::adj_maxerror,
  esterror = uapi::adj_esterror,
  status = uapi::adj_status,
  timeconst = uapi::adj_timeconst,
  tai = uapi::adj_tai,
  setoffset = uapi::adj_setoffset,
  micro = uapi::adj_micro,
  nano = uapi::adj_nano,
  tick = uapi::adj_tick,
  offset_singleshot = uapi::adj_offset_singleshot,
  offset_ss_read = uapi::adj_offset_ss_read,
};
RAWSYS_BITMASK(modes)
using enum modes;
}  // namespace adj

// STA_*: timex's status bits.
namespace sta {
inline constexpr int pll = uapi::sta_pll;
inline constexpr int ppsfreq = uapi::sta_ppsfreq;
inline constexpr int ppstime = uapi::sta_ppstime;
inline constexpr int fll = uapi::sta_fll;
inline constexpr int ins = uapi::sta_ins;
inline constexpr int del = uapi::sta_del;
inline constexpr int unsync = uapi::sta_unsync;
inline constexpr int freqhold = uapi::sta_freqhold;
inline constexpr int ppssignal = uapi::sta_ppssignal;
inline constexpr int ppsjitter = uapi::sta_ppsjitter;
inline constexpr int ppswander = uapi::sta_ppswander;
inline constexpr int ppserror = uapi::sta_ppserror;
inline constexpr int clockerr = uapi::sta_clockerr;
inline constexpr int nano = uapi::sta_nano;
inline constexpr int mode = uapi::sta_mode;
inline constexpr int clk = uapi::sta_clk;
}  // namespace sta

// TIME_*: the clock state clock_adjtime and adjtimex return.
enum class clock_state : int {
  ok = uapi::time_ok, ins = uapi::time_ins, del = uapi::time_del,
  oop = uapi::time_oop, wait = uapi::time_wait, error = uapi::time_error,
};

// The kernel's struct __kernel_timex: clock_adjtime's argument, 64-bit
// fields on every ISA; modes takes adj:: bits (bits(adj::...)).
using timex = uapi::timex;

namespace detail {

// timex to the old struct timex of long fields (32-bit ISAs' fallback):
// EOVERFLOW when the time's seconds do not fit (ADJ_SETOFFSET); the others
// are in range for the kernel anyway.
template <class = void>
inline errc narrow(const timex& t, uapi::old_timex& o) noexcept {
  if (!fits_long(t.time.sec)) return errc::eoverflow;
  o = uapi::old_timex{};
  o.modes = t.modes;
  o.offset = static_cast<long>(t.offset);
  o.freq = static_cast<long>(t.freq);
  o.maxerror = static_cast<long>(t.maxerror);
  o.esterror = static_cast<long>(t.esterror);
  o.status = t.status;
  o.constant = static_cast<long>(t.constant);
  o.precision = static_cast<long>(t.precision);
  o.tolerance = static_cast<long>(t.tolerance);
  o.time.sec = static_cast<long>(t.time.sec);
  o.time.usec = static_cast<long>(t.time.usec);
  o.tick = static_cast<long>(t.tick);
  o.ppsfreq = static_cast<long>(t.ppsfreq);
  o.jitter = static_cast<long>(t.jitter);
  o.shift = t.shift;
  o.stabil = static_cast<long>(t.stabil);
  o.jitcnt = static_cast<long>(t.jitcnt);
  o.calcnt = static_cast<long>(t.calcnt);
  o.errcnt = static_cast<long>(t.errcnt);
  o.stbcnt = static_cast<long>(t.stbcnt);
  o.tai = t.tai;
  return errc{};
}

template <class = void>
inline void widen(const uapi::old_timex& o, timex& t) noexcept {
  t = timex{};
  t.modes = o.modes;
  t.offset = o.offset;
  t.freq = o.freq;
  t.maxerror = o.maxerror;
  t.esterror = o.esterror;
  t.status = o.status;
  t.constant = o.constant;
  t.precision = o.precision;
  t.tolerance = o.tolerance;
  t.time.sec = o.time.sec;
  t.time.usec = o.time.usec;
  t.tick = o.tick;
  t.ppsfreq = o.ppsfreq;
  t.jitter = o.jitter;
  t.shift = o.shift;
  t.stabil = o.stabil;
  t.jitcnt = o.jitcnt;
  t.calcnt = o.calcnt;
  t.errcnt = o.errcnt;
  t.stbcnt = o.stbcnt;
  t.tai = o.tai;
}

template <class = void>
inline result<clock_state> as_clock_state(const result<long>& r) noexcept {
  if (!r) return unexpected(r.error());
  return static_cast<clock_state>(*r);
}

}  // namespace detail

// clock_adjtime(2): int clock_adjtime(clockid_t clk_id, struct timex *buf);
// Reads (adj::none) or, with CAP_SYS_TIME, adjusts the clock, then fills
// *buf with its state; returns the clock state. 32-bit ISAs:
// clock_adjtime64, and clock_adjtime with the long-field struct on a kernel
// without it.
template <class = void>
inline result<clock_state> clock_adjtime(clock id, timex& buf) noexcept {
  const result<long> r = syscall(sys::clock_adjtime, id, &buf);
  if (detail::time64_missing(r)) {
    uapi::old_timex o{};
    if (const errc e = detail::narrow(buf, o); e != errc{}) return unexpected(e);
    const result<long> r32 = syscall(sys::time32::clock_adjtime, id, &o);
    if (r32) detail::widen(o, buf);
    return detail::as_clock_state(r32);
  }
  return detail::as_clock_state(r);
}

// adjtimex(2): int adjtimex(struct timex *buf);
// clock_adjtime on CLOCK_REALTIME. 64-bit ISAs make the adjtimex call (its
// struct timex is timex there); 32-bit ISAs, whose adjtimex has long
// fields, call clock_adjtime(clock::realtime) as glibc does.
template <class = void>
inline result<clock_state> adjtimex(timex& buf) noexcept {
  static_assert(abi::time64_calls || sizeof(timex) == sizeof(uapi::old_timex));
  if constexpr (!abi::time64_calls) {
    return detail::as_clock_state(syscall(nr::adjtimex, &buf));
  } else {
    return clock_adjtime(clock::realtime, buf);
  }
}

// settimeofday(2): int settimeofday(const struct timeval *tv, const struct timezone *tz);
// Sets CLOCK_REALTIME (CAP_SYS_TIME); the obsolete timezone is not passed.
// No time64 form: on 32-bit ISAs seconds that do not fit 32 bits are
// EOVERFLOW before any call (clock_settime takes 64-bit times).
template <class = void>
inline result<void> settimeofday(const timeval& tv) noexcept {
  detail::old_timeval t{};
  if (const errc e = detail::narrow(tv, t); e != errc{}) return unexpected(e);
  return detail::as_void(syscall(nr::settimeofday, &t, nullptr));
}

}  // namespace rawsys
