// <rawsys/time.hpp> without libc: each wrapper once, against what
// clock_gettime(2) and its neighbours document (the vDSO where there is one).
#include <rawsys/file.hpp>
#include <rawsys/time.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

namespace {
int64_t ns(const r::timespec& t) { return t.sec * 1000000000 + t.nsec; }
}  // namespace

int main() {
  auto a = r::clock_gettime(r::clock::monotonic);
  auto b = r::clock_gettime(r::clock::monotonic);
  check(a && b && ns(*b) >= ns(*a) && a->nsec >= 0 && a->nsec < 1000000000, "clock_gettime monotonic");
  check(r::clock_gettime(static_cast<r::clock>(-100)) == r::unexpected(r::errc::einval),
        "clock_gettime: a bad clock is EINVAL");
  auto res = r::clock_getres(r::clock::realtime);
  check(res && res->sec == 0 && res->nsec > 0, "clock_getres");
  // Setting the clock needs CAP_SYS_TIME; a negative time is EINVAL first.
  check(r::clock_settime(r::clock::realtime, r::timespec{-1, 0}) == r::unexpected(r::errc::einval),
        "clock_settime: a negative time is EINVAL");
  // Relative and absolute sleeps of 1 ms.
  check(r::nanosleep(r::timespec{0, 1000000}).has_value(), "nanosleep");
  auto before = r::clock_gettime(r::clock::monotonic);
  r::timespec until = *before;
  until.nsec += 1000000;
  if (until.nsec >= 1000000000) until.nsec -= 1000000000, ++until.sec;
  check(r::clock_nanosleep(r::clock::monotonic, r::timer::abstime, until).has_value(), "clock_nanosleep abstime");
  auto after = r::clock_gettime(r::clock::monotonic);
  check(ns(*after) >= ns(until), "clock_nanosleep: slept until then");
  check(r::nanosleep(r::timespec{0, 1000000000}) == r::unexpected(r::errc::einval),
        "nanosleep: nsec out of range is EINVAL");
  // The wall clock three ways.
  auto tv = r::gettimeofday();
  const int64_t t = r::time();
  check(tv && tv->sec > 1600000000 && tv->usec >= 0 && tv->usec < 1000000, "gettimeofday");
  // time() may read the coarse clock (x86-64's vDSO does), up to a tick
  // behind gettimeofday: one second apart across a second's boundary.
  check(t >= tv->sec - 1 && t - tv->sec < 5, "time");
  // An interval timer set, read back, and cleared (no signal comes: it is
  // an hour away).
  const r::itimerval hour{{0, 0}, {3600, 0}};
  auto old = r::setitimer(r::itimer::real, hour);
  check(old && old->value.sec == 0 && old->value.usec == 0, "setitimer: none before");
  auto now = r::getitimer(r::itimer::real);
  check(now && now->value.sec > 3500 && now->value.sec <= 3600, "getitimer");
  auto cleared = r::setitimer(r::itimer::real, r::itimerval{});
  check(cleared && cleared->value.sec > 3500, "setitimer: the previous value");
  // A timerfd that expires after 1 ms and counts one expiry.
  auto tfd = r::timerfd_create(r::clock::monotonic, r::tfd::cloexec);
  check(tfd.has_value(), "timerfd_create");
  if (tfd) {
    auto prev = r::timerfd_settime(*tfd, r::tfd::none, r::itimerspec{{0, 0}, {0, 1000000}});
    check(prev && prev->value.sec == 0 && prev->value.nsec == 0, "timerfd_settime");
    auto left = r::timerfd_gettime(*tfd);
    check(left && left->value.sec == 0 && left->value.nsec <= 1000000, "timerfd_gettime");
    uint64_t expiries = 0;
    check(r::read(*tfd, &expiries, sizeof expiries) == sizeof expiries && expiries >= 1, "timerfd: expired");
  }
  // A POSIX timer reporting nothing: armed, read back, deleted.
  r::sigevent ev{};
  ev.notify = r::sigev::none;
  auto pt = r::timer_create(r::clock::monotonic, &ev);
  check(pt.has_value(), "timer_create");
  if (pt) {
    auto was = r::timer_settime(*pt, r::timer::none, r::itimerspec{{0, 0}, {100, 0}});
    check(was && was->value.sec == 0 && was->value.nsec == 0, "timer_settime");
    auto left = r::timer_gettime(*pt);
    check(left && left->value.sec <= 100 && (left->value.sec > 0 || left->value.nsec > 0), "timer_gettime");
    check(r::timer_getoverrun(*pt) == 0, "timer_getoverrun");
    check(r::timer_delete(*pt).has_value(), "timer_delete");
    check(r::timer_delete(*pt) == r::unexpected(r::errc::einval), "timer_delete: a deleted timer is EINVAL");
  }
  // Reading the clock's state (no modes); setting only with invalid values.
  r::timex tx{};
  auto st = r::clock_adjtime(r::clock::realtime, tx);
  if (!topic::not_emulated(st, "clock_adjtime")) check(st.has_value() && tx.tick > 0, "clock_adjtime: read");
  r::timex tx2{};
  auto st2 = r::adjtimex(tx2);
  if (!topic::not_emulated(st2, "adjtimex")) check(st2.has_value() && tx2.tick == tx.tick, "adjtimex: read");
  check(r::settimeofday(r::timeval{1, 1000000}) == r::unexpected(r::errc::einval),
        "settimeofday: a microsecond field out of range is EINVAL");
  return topic::finish("time.hpp");
}
