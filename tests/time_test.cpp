// time.hpp: every wrapper against glibc on the same arch, constants and
// struct layouts against the system headers, 64-bit values past 2038 through
// the time64 calls, and (32-bit ISAs) the 32-bit fallback when those calls are gone.
#include <fcntl.h>
#include <linux/time_types.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <rawsys/time.hpp>  // after the system headers: no clash either way

#include "skip.hpp"
#include "support.hpp"

#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#endif

using rawsys::errc;
using rawsys::unexpected;
using rawsys_test::glibc;
using clk = rawsys::clock;

// Layouts: the kernel's 64-bit forms.
static_assert(sizeof(rawsys::timespec) == sizeof(__kernel_timespec));
static_assert(offsetof(rawsys::timespec, sec) == offsetof(__kernel_timespec, tv_sec));
static_assert(offsetof(rawsys::timespec, nsec) == offsetof(__kernel_timespec, tv_nsec));
static_assert(sizeof(rawsys::timeval) == sizeof(__kernel_sock_timeval));
static_assert(offsetof(rawsys::timeval, sec) == offsetof(__kernel_sock_timeval, tv_sec));
static_assert(offsetof(rawsys::timeval, usec) == offsetof(__kernel_sock_timeval, tv_usec));
static_assert(sizeof(rawsys::itimerspec) == sizeof(__kernel_itimerspec));
static_assert(offsetof(rawsys::itimerspec, interval) == offsetof(__kernel_itimerspec, it_interval));
static_assert(offsetof(rawsys::itimerspec, value) == offsetof(__kernel_itimerspec, it_value));
// What the calls without a time64 form, and the fallbacks, take: the
// kernel's old structs of `long`s, on every ISA.
using old_timespec = rawsys::detail::old_timespec;
using old_timeval = rawsys::detail::old_timeval;
using old_itimerspec = rawsys::detail::old_itimerspec;
using old_itimerval = rawsys::detail::old_itimerval;
static_assert(sizeof(old_timespec) == sizeof(__kernel_old_timespec));
static_assert(offsetof(old_timespec, nsec) == offsetof(__kernel_old_timespec, tv_nsec));
static_assert(sizeof(old_timeval) == sizeof(__kernel_old_timeval));
static_assert(offsetof(old_timeval, usec) == offsetof(__kernel_old_timeval, tv_usec));
static_assert(sizeof(old_itimerval) == sizeof(__kernel_old_itimerval));
static_assert(offsetof(old_itimerval, value) == offsetof(__kernel_old_itimerval, it_value));
#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
static_assert(sizeof(old_itimerspec) == sizeof(::itimerspec));  // glibc's with 32-bit time_t
static_assert(offsetof(old_itimerspec, value) == offsetof(::itimerspec, it_value));
#else
// getitimer/setitimer take the native-long form, which is 64-bit here.
static_assert(sizeof(rawsys::itimerval) == sizeof(__kernel_old_itimerval));
static_assert(offsetof(rawsys::itimerval, value) == offsetof(__kernel_old_itimerval, it_value));
static_assert(offsetof(rawsys::itimerval, value) + offsetof(rawsys::timeval, usec) ==
              offsetof(__kernel_old_itimerval, it_value) + offsetof(__kernel_old_timeval, tv_usec));
static_assert(sizeof(rawsys::itimerval) == sizeof(::itimerval));
#endif

// Constants.
static_assert(static_cast<int>(clk::realtime) == CLOCK_REALTIME);
static_assert(static_cast<int>(clk::monotonic) == CLOCK_MONOTONIC);
static_assert(static_cast<int>(clk::process_cputime_id) == CLOCK_PROCESS_CPUTIME_ID);
static_assert(static_cast<int>(clk::thread_cputime_id) == CLOCK_THREAD_CPUTIME_ID);
static_assert(static_cast<int>(clk::monotonic_raw) == CLOCK_MONOTONIC_RAW);
static_assert(static_cast<int>(clk::realtime_coarse) == CLOCK_REALTIME_COARSE);
static_assert(static_cast<int>(clk::monotonic_coarse) == CLOCK_MONOTONIC_COARSE);
static_assert(static_cast<int>(clk::boottime) == CLOCK_BOOTTIME);
static_assert(static_cast<int>(clk::realtime_alarm) == CLOCK_REALTIME_ALARM);
static_assert(static_cast<int>(clk::boottime_alarm) == CLOCK_BOOTTIME_ALARM);
static_assert(static_cast<int>(clk::tai) == CLOCK_TAI);
static_assert(rawsys::bits(rawsys::timer::abstime) == TIMER_ABSTIME);
static_assert(rawsys::bits(rawsys::tfd::timer_abstime) == TFD_TIMER_ABSTIME);
static_assert(rawsys::bits(rawsys::tfd::timer_cancel_on_set) == TFD_TIMER_CANCEL_ON_SET);
static_assert(rawsys::bits(rawsys::tfd::nonblock) == TFD_NONBLOCK);
static_assert(rawsys::bits(rawsys::tfd::cloexec) == TFD_CLOEXEC);
static_assert(static_cast<int>(rawsys::itimer::real) == ITIMER_REAL);
static_assert(static_cast<int>(rawsys::itimer::virtual_) == ITIMER_VIRTUAL);
static_assert(static_cast<int>(rawsys::itimer::prof) == ITIMER_PROF);

namespace {

constexpr clk all_clocks[] = {clk::realtime,        clk::monotonic,        clk::process_cputime_id,
                              clk::thread_cputime_id, clk::monotonic_raw,  clk::realtime_coarse,
                              clk::monotonic_coarse, clk::boottime,         clk::realtime_alarm,
                              clk::boottime_alarm,   clk::tai};

constexpr int64_t billion = 1000000000;
// 2040-01-01T00:00:00Z: past the 32-bit time_t's end in January 2038.
constexpr int64_t y2040 = 2208988800;
// A 5e9-second interval needs 33 bits whatever the date.
constexpr int64_t wide = 5000000000;

int64_t ns(const rawsys::timespec& t) { return t.sec * billion + t.nsec; }
int64_t ns(const ::timespec& t) { return static_cast<int64_t>(t.tv_sec) * billion + t.tv_nsec; }

// Clocks that a stepped system clock can move backwards.
bool settable(clk c) {
  return c == clk::realtime || c == clk::realtime_coarse || c == clk::realtime_alarm || c == clk::tai;
}

const clk bad_clock = static_cast<clk>(123);

// SIGALRM, delivered without SA_RESTART, from a repeating ITIMER_REAL: it
// interrupts the sleep under test; stopped and put back on scope exit.
volatile sig_atomic_t alarms = 0;
struct alarm_every_10ms {
  struct sigaction old {};
  alarm_every_10ms() {
    struct sigaction sa {};
    sa.sa_handler = [](int) { alarms = alarms + 1; };
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    REQUIRE(::sigaction(SIGALRM, &sa, &old) == 0);
    const rawsys::itimerval every{{0, 10000}, {0, 10000}};
    REQUIRE(rawsys::setitimer(rawsys::itimer::real, every).has_value());
  }
  ~alarm_every_10ms() {
    (void)rawsys::setitimer(rawsys::itimer::real, {});
    ::sigaction(SIGALRM, &old, nullptr);
  }
};

}  // namespace

TEST_CASE("clock_gettime: every clock between two glibc readings, or glibc's error") {
  for (clk c : all_clocks) {
    CAPTURE(static_cast<int>(c));
    ::timespec before{}, after{};
    const int gb = ::clock_gettime(static_cast<clockid_t>(c), &before);
    const int ge = errno;
    const auto mine = rawsys::clock_gettime(c);
    ::clock_gettime(static_cast<clockid_t>(c), &after);
    if (gb != 0) {
      CHECK(mine == unexpected(static_cast<errc>(ge)));
      continue;
    }
    REQUIRE(mine.has_value());
    CHECK(mine->nsec >= 0);
    CHECK(mine->nsec < billion);
    if (settable(c)) {  // within a second of glibc's
      CHECK(ns(*mine) >= ns(before) - billion);
      CHECK(ns(*mine) <= ns(after) + billion);
    } else {
      CHECK(ns(*mine) >= ns(before));
      CHECK(ns(*mine) <= ns(after));
    }
  }
  CHECK(rawsys::clock_gettime(bad_clock) == unexpected(errc::einval));
  ::timespec t{};
  CHECK(rawsys::clock_gettime(bad_clock).error() == glibc(::clock_gettime(123, &t)).error());
}

TEST_CASE("clock_getres: every clock as glibc says") {
  for (clk c : all_clocks) {
    CAPTURE(static_cast<int>(c));
    ::timespec theirs{};
    const int g = ::clock_getres(static_cast<clockid_t>(c), &theirs);
    const auto mine = rawsys::clock_getres(c);
    if (g != 0) {
      CHECK(mine == unexpected(static_cast<errc>(errno)));
      continue;
    }
    REQUIRE(mine.has_value());
    CHECK(mine->sec == theirs.tv_sec);
    CHECK(mine->nsec == theirs.tv_nsec);
  }
  ::timespec t{};
  CHECK(rawsys::clock_getres(bad_clock) == unexpected(errc::einval));
  CHECK(rawsys::clock_getres(bad_clock).error() == glibc(::clock_getres(123, &t)).error());
}

TEST_CASE("clock_settime: errors as glibc, success only when allowed to step the clock") {
  const rawsys::timespec bad_nsec{1, billion};
  ::timespec g_bad{1, static_cast<long>(billion)};
  CHECK(rawsys::clock_settime(clk::realtime, bad_nsec) == unexpected(errc::einval));
  CHECK(rawsys::clock_settime(clk::realtime, bad_nsec).error() ==
        glibc(::clock_settime(CLOCK_REALTIME, &g_bad)).error());
  // CLOCK_MONOTONIC cannot be set: EINVAL (or EPERM first without privilege).
  const rawsys::timespec one{1, 0};
  ::timespec g_one{1, 0};
  CHECK(rawsys::clock_settime(clk::monotonic, one).error() ==
        glibc(::clock_settime(CLOCK_MONOTONIC, &g_one)).error());
  CHECK(rawsys::clock_settime(bad_clock, one).error() == glibc(::clock_settime(123, &g_one)).error());
  // Success steps the machine's clock, so it runs only when asked for.
  const char* allow = ::getenv("RAWSYS_TEST_SET_CLOCK");
  if (allow == nullptr || std::string_view(allow) != "1") {
    MESSAGE("clock_settime success not run: it steps the system clock (set RAWSYS_TEST_SET_CLOCK=1)");
    return;
  }
  const auto now = rawsys::clock_gettime(clk::realtime);
  REQUIRE(now.has_value());
  CHECK(rawsys::clock_settime(clk::realtime, *now).has_value());
}

TEST_CASE("clock_nanosleep: relative, absolute in the past, and errors") {
  const auto t0 = rawsys::clock_gettime(clk::monotonic);
  CHECK(rawsys::clock_nanosleep(clk::monotonic, rawsys::timer::none, {0, 1000000}).has_value());
  const auto t1 = rawsys::clock_gettime(clk::monotonic);
  REQUIRE(t0.has_value());
  REQUIRE(t1.has_value());
  CHECK(ns(*t1) - ns(*t0) >= 1000000);  // the kernel sleeps at least that long
  // Absolute and already past: returns at once.
  CHECK(rawsys::clock_nanosleep(clk::monotonic, rawsys::timer::abstime, *t0).has_value());
  CHECK(rawsys::clock_nanosleep(clk::realtime, rawsys::timer::abstime, {1, 0}).has_value());
  // glibc's clock_nanosleep returns the error number itself.
  const rawsys::timespec bad{0, billion};
  const ::timespec g_bad{0, static_cast<long>(billion)};
  CHECK(rawsys::clock_nanosleep(clk::monotonic, rawsys::timer::none, bad) == unexpected(errc::einval));
  CHECK(rawsys::clock_nanosleep(clk::monotonic, rawsys::timer::none, bad).error() ==
        static_cast<errc>(::clock_nanosleep(CLOCK_MONOTONIC, 0, &g_bad, nullptr)));
  // A thread's CPU clock cannot be slept on (glibc answers EINVAL itself, so
  // ask the kernel through syscall()).
  const ::timespec g_short{0, 1000};
  const long call = SYS_clock_nanosleep;
#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
  const ::__kernel_timespec k_short{0, 1000};
  const auto theirs = glibc(::syscall(SYS_clock_nanosleep_time64, CLOCK_THREAD_CPUTIME_ID, 0, &k_short, nullptr));
  (void)call;
  (void)g_short;
#else
  const auto theirs = glibc(::syscall(call, CLOCK_THREAD_CPUTIME_ID, 0, &g_short, nullptr));
#endif
  CHECK(rawsys::clock_nanosleep(clk::thread_cputime_id, rawsys::timer::none, {0, 1000}).error() == theirs.error());
}

TEST_CASE("clock_nanosleep: an absolute 2040 deadline sleeps (64 bits arrived) until a signal") {
  // Truncated to 32 bits, 2040 would be 1904: in the past, an immediate 0.
  alarm_every_10ms alarm;
  const auto r = rawsys::clock_nanosleep(clk::realtime, rawsys::timer::abstime, {y2040, 0});
  CHECK(r == unexpected(errc::eintr));
  CHECK(alarms > 0);
}

TEST_CASE("nanosleep: sleeps, reports what remains on EINTR, and errors as glibc") {
  CHECK(rawsys::nanosleep({0, 1000}).has_value());
  rawsys::timespec rem{-1, -1};
  CHECK(rawsys::nanosleep({0, 1000}, &rem).has_value());
  {
    alarm_every_10ms alarm;
    rem = {-1, -1};
    CHECK(rawsys::nanosleep({100, 0}, &rem) == unexpected(errc::eintr));
    CHECK(rem.sec >= 0);
    CHECK(rem.sec <= 100);
    CHECK(ns(rem) > 0);
  }
  const rawsys::timespec bad{0, -1};
  const ::timespec g_bad{0, -1};
  CHECK(rawsys::nanosleep(bad) == unexpected(errc::einval));
  CHECK(rawsys::nanosleep(bad).error() == glibc(::nanosleep(&g_bad, nullptr)).error());
  const rawsys::timespec negative{-1, 0};
  const ::timespec g_negative{-1, 0};
  CHECK(rawsys::nanosleep(negative).error() == glibc(::nanosleep(&g_negative, nullptr)).error());
}

TEST_CASE("gettimeofday and time: between two glibc readings") {
  // Neither can fail through these signatures (no pointer is passed in).
  ::timeval before{}, after{};
  REQUIRE(::gettimeofday(&before, nullptr) == 0);
  const auto mine = rawsys::gettimeofday();
  REQUIRE(::gettimeofday(&after, nullptr) == 0);
  REQUIRE(mine.has_value());
  const auto us = [](int64_t s, int64_t u) { return s * 1000000 + u; };
  CHECK(us(mine->sec, mine->usec) >= us(before.tv_sec, before.tv_usec) - 1000000);
  CHECK(us(mine->sec, mine->usec) <= us(after.tv_sec, after.tv_usec) + 1000000);
  CHECK(mine->usec >= 0);
  CHECK(mine->usec < 1000000);

  const int64_t t0 = ::time(nullptr);
  const int64_t t = rawsys::time();
  const int64_t t1 = ::time(nullptr);
  CHECK(t >= t0 - 1);
  CHECK(t <= t1 + 1);
}

TEST_CASE("setitimer, getitimer: a virtual timer set, read back and cleared") {
  using rawsys::itimer;
  // ITIMER_VIRTUAL counts this process's user time: 100 s never expires here.
  const rawsys::itimerval set{{2, 500000}, {100, 0}};
  const auto old = rawsys::setitimer(itimer::virtual_, set);
  REQUIRE(old.has_value());
  CHECK(*old == rawsys::itimerval{});
  const auto now = rawsys::getitimer(itimer::virtual_);
  REQUIRE(now.has_value());
  CHECK(now->interval == rawsys::timeval{2, 500000});
  CHECK(now->value.sec <= 100);
  CHECK(now->value.sec >= 90);
  ::itimerval theirs{};
  REQUIRE(::getitimer(ITIMER_VIRTUAL, &theirs) == 0);
  CHECK(theirs.it_interval.tv_sec == 2);
  CHECK(theirs.it_interval.tv_usec == 500000);
  CHECK(theirs.it_value.tv_sec <= now->value.sec);
  const auto cleared = rawsys::setitimer(itimer::virtual_, {});
  REQUIRE(cleared.has_value());
  CHECK(cleared->interval == rawsys::timeval{2, 500000});
  CHECK(rawsys::getitimer(itimer::virtual_) == rawsys::result<rawsys::itimerval>(rawsys::itimerval{}));

  // An unknown timer, a microsecond field out of range: EINVAL from both.
  const auto bad_which = static_cast<itimer>(5);
  ::itimerval g{};
  CHECK(rawsys::getitimer(bad_which) == unexpected(errc::einval));
  CHECK(rawsys::getitimer(bad_which).error() == glibc(::getitimer(static_cast<__itimer_which>(5), &g)).error());
  const rawsys::itimerval bad_usec{{0, 0}, {1, 1000000}};
  ::itimerval g_bad{};
  g_bad.it_value.tv_sec = 1;
  g_bad.it_value.tv_usec = 1000000;
  CHECK(rawsys::setitimer(itimer::virtual_, bad_usec).error() ==
        glibc(::setitimer(ITIMER_VIRTUAL, &g_bad, nullptr)).error());
#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
  // No time64 form: seconds beyond 32 bits cannot be said.
  CHECK(rawsys::setitimer(itimer::virtual_, {{0, 0}, {wide, 0}}) == unexpected(errc::eoverflow));
#else
  // 64-bit longs: a 5e9-second timer is fine.
  REQUIRE(rawsys::setitimer(itimer::virtual_, {{0, 0}, {wide, 0}}).has_value());
  const auto big = rawsys::getitimer(itimer::virtual_);
  REQUIRE(big.has_value());
  CHECK(big->value.sec > wide - 10);
  CHECK(rawsys::setitimer(itimer::virtual_, {}).has_value());
#endif
}

TEST_CASE("timerfd_create: flags arrive, errors as glibc") {
  auto f = rawsys::timerfd_create(clk::monotonic, rawsys::tfd::cloexec | rawsys::tfd::nonblock);
  REQUIRE(f.has_value());
  CHECK((::fcntl(f->get(), F_GETFD) & FD_CLOEXEC) != 0);
  CHECK((::fcntl(f->get(), F_GETFL) & O_NONBLOCK) != 0);
  uint64_t n = 0;
  CHECK(::read(f->get(), &n, sizeof n) == -1);  // not armed: would block
  CHECK(errno == EAGAIN);
  CHECK(rawsys::timerfd_create(bad_clock, rawsys::tfd::none) == unexpected(errc::einval));
  CHECK(rawsys::timerfd_create(bad_clock, rawsys::tfd::none).error() == glibc(::timerfd_create(123, 0)).error());
  const auto bad_flags = rawsys::tfd::timer_abstime;  // a settime flag, not a create flag
  CHECK(rawsys::timerfd_create(clk::monotonic, bad_flags).error() ==
        glibc(::timerfd_create(CLOCK_MONOTONIC, TFD_TIMER_ABSTIME)).error());
}

TEST_CASE("timerfd_settime, timerfd_gettime: relative timer, old value, expiry") {
  auto f = rawsys::timerfd_create(clk::monotonic, rawsys::tfd::cloexec);
  REQUIRE(f.has_value());
  const rawsys::itimerspec in100{{5, 250}, {100, 0}};
  const auto old = rawsys::timerfd_settime(*f, rawsys::tfd::none, in100);
  REQUIRE(old.has_value());
  CHECK(*old == rawsys::itimerspec{});
  const auto cur = rawsys::timerfd_gettime(*f);
  REQUIRE(cur.has_value());
  CHECK(cur->interval == rawsys::timespec{5, 250});
  CHECK(cur->value.sec <= 100);
  CHECK(cur->value.sec >= 90);
  ::itimerspec theirs{};
  REQUIRE(::timerfd_gettime(f->get(), &theirs) == 0);
  CHECK(theirs.it_interval.tv_sec == 5);
  CHECK(theirs.it_interval.tv_nsec == 250);
  // Re-armed to 1 ns: expires once; the old setting comes back.
  const auto prev = rawsys::timerfd_settime(*f, rawsys::tfd::none, {{0, 0}, {0, 1}});
  REQUIRE(prev.has_value());
  CHECK(prev->interval == rawsys::timespec{5, 250});
  uint64_t n = 0;
  CHECK(::read(f->get(), &n, sizeof n) == static_cast<ssize_t>(sizeof n));
  CHECK(n == 1);
  CHECK(rawsys::timerfd_gettime(*f) == rawsys::result<rawsys::itimerspec>(rawsys::itimerspec{}));

  // Not a timerfd: EINVAL; a closed descriptor: EBADF; nsec out of range: EINVAL.
  int p[2];
  REQUIRE(::pipe(p) == 0);
  ::itimerspec g{};
  g.it_value.tv_sec = 1;
  CHECK(rawsys::timerfd_settime(rawsys::fd{p[0]}, rawsys::tfd::none, in100) == unexpected(errc::einval));
  CHECK(rawsys::timerfd_settime(rawsys::fd{p[0]}, rawsys::tfd::none, in100).error() ==
        glibc(::timerfd_settime(p[0], 0, &g, nullptr)).error());
  CHECK(rawsys::timerfd_gettime(rawsys::fd{p[0]}).error() == glibc(::timerfd_gettime(p[0], &g)).error());
  ::close(p[0]);
  ::close(p[1]);
  CHECK(rawsys::timerfd_gettime(rawsys::fd{p[0]}) == unexpected(errc::ebadf));
  CHECK(rawsys::timerfd_gettime(rawsys::fd{p[0]}).error() == glibc(::timerfd_gettime(p[0], &g)).error());
  g.it_value.tv_nsec = static_cast<long>(billion);
  CHECK(rawsys::timerfd_settime(*f, rawsys::tfd::none, {{0, 0}, {1, billion}}).error() ==
        glibc(::timerfd_settime(f->get(), 0, &g, nullptr)).error());
}

TEST_CASE("timerfd: a 2040 deadline and a 5e9 s interval read back whole (time64 on 32-bit ISAs)") {
  auto f = rawsys::timerfd_create(clk::realtime, rawsys::tfd::cloexec);
  REQUIRE(f.has_value());
  const auto now = rawsys::clock_gettime(clk::realtime);
  REQUIRE(now.has_value());
  REQUIRE(now->sec < y2040);
  const rawsys::itimerspec at2040{{wide, 7}, {y2040, 123}};
  REQUIRE(rawsys::timerfd_settime(*f, rawsys::tfd::timer_abstime, at2040).has_value());
  const auto cur = rawsys::timerfd_gettime(*f);
  REQUIRE(cur.has_value());
  CHECK(cur->interval == rawsys::timespec{wide, 7});  // 33 bits of seconds arrived and came back
  // What remains is 2040 minus now: the deadline was not truncated.
  CHECK(cur->value.sec <= y2040 - now->sec);
  CHECK(cur->value.sec >= y2040 - now->sec - 60);
#if __SIZEOF_LONG__ == 8  // the 64-bit ISAs
  ::itimerspec theirs{};
  REQUIRE(::timerfd_gettime(f->get(), &theirs) == 0);
  CHECK(theirs.it_interval.tv_sec == wide);
#endif
}

#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
namespace {

// In a child process, the *_time64 calls are made to fail with ENOSYS (as on
// a kernel before 5.1) by a seccomp filter; each check's outcome comes back
// through a shared page.
enum fallback_check {
  filter_works,
  gettime_32,
  getres_32,
  settime_overflow,
  timerfd_2030,
  timerfd_2040_overflow,
  timerfd_wide_overflow,
  sleeps_32,
  timer_2030,
  timer_2040_overflow,
  adjtime_32,
  adjtimex_32,
  check_count
};
const char* const fallback_names[] = {"the filter makes clock_gettime64 ENOSYS",
                                      "clock_gettime falls back and agrees with the 32-bit call",
                                      "clock_getres falls back",
                                      "clock_settime of a 2040 time is EOVERFLOW before any call",
                                      "timerfd_settime/gettime of 2030 fall back and read back",
                                      "timerfd_settime of 2040 is EOVERFLOW",
                                      "timerfd_settime of a 5e9 s interval is EOVERFLOW",
                                      "clock_nanosleep and nanosleep fall back",
                                      "timer_settime/gettime of 2030 fall back and read back",
                                      "timer_settime of 2040 is EOVERFLOW before any call",
                                      "clock_adjtime falls back to the long-field struct and agrees with it",
                                      "adjtimex falls back likewise"};

void run_fallback_checks(volatile bool* ok) {
  static const long blocked[] = {SYS_clock_gettime64,    SYS_clock_settime64,   SYS_clock_getres_time64,
                                 SYS_clock_nanosleep_time64, SYS_timerfd_gettime64, SYS_timerfd_settime64,
                                 SYS_timer_settime64,     SYS_timer_gettime64,   SYS_clock_adjtime64};
  sock_filter prog[2 + 2 * 9] = {};
  int k = 0;
  prog[k++] = BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr));
  for (long n : blocked) {
    prog[k++] = BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<unsigned>(n), 0, 1);
    prog[k++] = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS);
  }
  prog[k++] = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  sock_fprog fp{static_cast<unsigned short>(k), prog};
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return;
  if (::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) != 0) {
    ok[check_count] = true;  // no filter: nothing to check
    return;
  }
  rawsys::vdso::disable();  // the syscalls are under test here
  rawsys_test::forget_time64();

  rawsys::timespec t64{};
  ok[filter_works] = rawsys::raw::syscall(static_cast<long>(rawsys::nr::clock_gettime64), 1, &t64) == -ENOSYS;

  old_timespec before{}, after{};
  ::syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &before);
  const auto mine = rawsys::clock_gettime(clk::monotonic);
  ::syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &after);
  ok[gettime_32] = mine.has_value() && ns(*mine) >= int64_t{before.sec} * billion + before.nsec &&
                   ns(*mine) <= int64_t{after.sec} * billion + after.nsec;

  old_timespec res{};
  ::syscall(SYS_clock_getres, CLOCK_MONOTONIC, &res);
  const auto r = rawsys::clock_getres(clk::monotonic);
  ok[getres_32] = r.has_value() && r->sec == res.sec && r->nsec == res.nsec;

  ok[settime_overflow] = rawsys::clock_settime(clk::realtime, {y2040, 0}) == unexpected(errc::eoverflow);

  auto f = rawsys::timerfd_create(clk::realtime, rawsys::tfd::cloexec);
  constexpr int64_t y2030 = 1893456000;
  const bool set = f && rawsys::timerfd_settime(*f, rawsys::tfd::timer_abstime, {{3600, 5}, {y2030, 0}}).has_value();
  const auto cur = f ? rawsys::timerfd_gettime(*f) : unexpected(errc::ebadf);
  ok[timerfd_2030] = set && cur.has_value() && cur->interval == rawsys::timespec{3600, 5} && cur->value.sec > 0;
  ok[timerfd_2040_overflow] =
      f && rawsys::timerfd_settime(*f, rawsys::tfd::timer_abstime, {{0, 0}, {y2040, 0}}) ==
               unexpected(errc::eoverflow);
  ok[timerfd_wide_overflow] =
      f && rawsys::timerfd_settime(*f, rawsys::tfd::none, {{wide, 0}, {1, 0}}) == unexpected(errc::eoverflow);

  ok[sleeps_32] = rawsys::clock_nanosleep(clk::monotonic, rawsys::timer::none, {0, 1000}).has_value() &&
                  rawsys::nanosleep({0, 1000}).has_value() &&
                  rawsys::clock_nanosleep(clk::monotonic, rawsys::timer::none, {0, billion}) ==
                      unexpected(errc::einval);

  rawsys::sigevent ev{};
  ev.notify = rawsys::sigev::none;
  const auto t = rawsys::timer_create(clk::realtime, &ev);
  const bool armed = t && rawsys::timer_settime(*t, rawsys::timer::abstime, {{3600, 5}, {y2030, 0}}).has_value();
  const auto left = t ? rawsys::timer_gettime(*t) : unexpected(errc::einval);
  ok[timer_2030] = armed && left.has_value() && left->interval == rawsys::timespec{3600, 5} && left->value.sec > 0;
  ok[timer_2040_overflow] =
      t && rawsys::timer_settime(*t, rawsys::timer::abstime, {{0, 0}, {y2040, 0}}) == unexpected(errc::eoverflow);
  if (t) (void)rawsys::timer_delete(*t);

  rawsys::uapi::old_timex old{};
  const long s32 = ::syscall(SYS_clock_adjtime, CLOCK_REALTIME, &old);
  rawsys::timex tx{};
  const auto st = rawsys::clock_adjtime(clk::realtime, tx);
  ok[adjtime_32] = s32 >= 0 && st.has_value() && static_cast<long>(*st) == s32 && tx.tick == old.tick &&
                   tx.status == old.status && tx.time.sec >= old.time.sec;
  rawsys::timex viaadj{};
  const auto sa = rawsys::adjtimex(viaadj);
  ok[adjtimex_32] = sa.has_value() && viaadj.tick == old.tick;
}

}  // namespace

TEST_CASE("32-bit: without the *_time64 calls (ENOSYS), the 32-bit calls serve, converted") {
  void* page = ::mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  REQUIRE(page != MAP_FAILED);
  volatile bool* ok = static_cast<volatile bool*>(page);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    run_fallback_checks(ok);
    ::_exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  if (ok[check_count]) {
    rawsys_test::skip(rawsys_test::why_no_seccomp_filter());
  } else {
    for (int i = 0; i < check_count; ++i) CHECK_MESSAGE(ok[i], fallback_names[i]);
  }
  ::munmap(page, 4096);
}
#endif
