// time.hpp, POSIX timers and clock adjustment: timer_create, timer_settime,
// timer_gettime, timer_getoverrun, timer_delete, clock_adjtime, adjtimex and
// settimeofday, each against glibc's function (or glibc's syscall()) on the
// same ISA: the same value, the same error. Nothing here sets the clock:
// the calls that could are made with invalid values (checked before any
// change), or with modes in a child that has dropped every capability.
// The 32-bit ISAs' fallback to the old calls is checked in time_test.cpp.
#include <linux/capability.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <rawsys/time.hpp>  // after the system headers: no clash either way

#include "skip.hpp"
#include "support.hpp"

using rawsys::errc;
using rawsys::unexpected;
using rawsys_test::error_of;
using rawsys_test::glibc;
using rawsys_test::glibc_void;
using clk = rawsys::clock;

// Constants and layouts against glibc's.
static_assert(static_cast<int>(rawsys::sigev::signal) == SIGEV_SIGNAL);
static_assert(static_cast<int>(rawsys::sigev::none) == SIGEV_NONE);
static_assert(static_cast<int>(rawsys::sigev::thread) == SIGEV_THREAD);
static_assert(static_cast<int>(rawsys::sigev::thread_id) == SIGEV_THREAD_ID);
static_assert(sizeof(rawsys::sigevent) == sizeof(::sigevent));
static_assert(offsetof(rawsys::sigevent, value) == offsetof(::sigevent, sigev_value));
static_assert(offsetof(rawsys::sigevent, signo) == offsetof(::sigevent, sigev_signo));
static_assert(offsetof(rawsys::sigevent, notify) == offsetof(::sigevent, sigev_notify));
static_assert(offsetof(rawsys::sigevent, tid) == offsetof(::sigevent, _sigev_un._tid));
static_assert(rawsys::bits(rawsys::adj::offset) == ADJ_OFFSET);
static_assert(rawsys::bits(rawsys::adj::frequency) == ADJ_FREQUENCY);
static_assert(rawsys::bits(rawsys::adj::maxerror) == ADJ_MAXERROR);
static_assert(rawsys::bits(rawsys::adj::esterror) == ADJ_ESTERROR);
static_assert(rawsys::bits(rawsys::adj::status) == ADJ_STATUS);
static_assert(rawsys::bits(rawsys::adj::timeconst) == ADJ_TIMECONST);
static_assert(rawsys::bits(rawsys::adj::tai) == ADJ_TAI);
static_assert(rawsys::bits(rawsys::adj::setoffset) == ADJ_SETOFFSET);
static_assert(rawsys::bits(rawsys::adj::micro) == ADJ_MICRO);
static_assert(rawsys::bits(rawsys::adj::nano) == ADJ_NANO);
static_assert(rawsys::bits(rawsys::adj::tick) == ADJ_TICK);
static_assert(rawsys::bits(rawsys::adj::offset_singleshot) == ADJ_OFFSET_SINGLESHOT);
static_assert(rawsys::bits(rawsys::adj::offset_ss_read) == ADJ_OFFSET_SS_READ);
static_assert(rawsys::sta::pll == STA_PLL && rawsys::sta::unsync == STA_UNSYNC && rawsys::sta::nano == STA_NANO &&
              rawsys::sta::clk == STA_CLK);
static_assert(static_cast<int>(rawsys::clock_state::ok) == TIME_OK);
static_assert(static_cast<int>(rawsys::clock_state::error) == TIME_ERROR);
// ISAs without the *_time64 calls: glibc's struct timex is the kernel's,
// which is timex. (32-bit ISAs: glibc's has long fields, the old_timex.)
static_assert(rawsys::abi::time64_calls || sizeof(rawsys::timex) == sizeof(::timex));
static_assert(rawsys::abi::time64_calls || offsetof(rawsys::timex, time) == offsetof(::timex, time));
static_assert(rawsys::abi::time64_calls || offsetof(rawsys::timex, tai) == offsetof(::timex, tai));

namespace {

constexpr int64_t billion = 1000000000;
// 2040-01-01T00:00:00Z: past the 32-bit time_t's end in January 2038.
constexpr int64_t y2040 = 2208988800;
// A 5e9-second interval needs 33 bits whatever the date.
constexpr int64_t wide = 5000000000;

int64_t ns(const rawsys::timespec& t) { return t.sec * billion + t.nsec; }
int64_t ns(const ::timespec& t) { return static_cast<int64_t>(t.tv_sec) * billion + t.tv_nsec; }

// glibc's timer_t for a kernel timer id: the id itself for every timer but
// SIGEV_THREAD ones (glibc's kernel_timer_to_timerid).
::timer_t glibc_timer(rawsys::timer_id t) {
  return reinterpret_cast<::timer_t>(static_cast<intptr_t>(static_cast<int>(t)));
}

// A timer that reports nothing (sigev::none), deleted on scope exit.
struct quiet_timer {
  rawsys::timer_id id{};
  explicit quiet_timer(clk c) {
    rawsys::sigevent ev{};
    ev.notify = rawsys::sigev::none;
    auto t = rawsys::timer_create(c, &ev);
    REQUIRE(t.has_value());
    id = *t;
  }
  ~quiet_timer() { (void)rawsys::timer_delete(id); }
};

// Drops every capability in a forked child (capset(2) through glibc) and
// runs f there if that worked; 77 when it could not drop them.
template <class F>
int without_capabilities(F f) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    __user_cap_header_struct h{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct d[2] = {};
    if (::syscall(SYS_capset, &h, d) != 0) ::_exit(77);
    if (::syscall(SYS_capget, &h, d) != 0 || d[0].effective != 0 || d[1].effective != 0) ::_exit(77);
    ::_exit(f());
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("timer_create, timer_settime, timer_gettime, timer_delete: a relative timer, as glibc's functions") {
  quiet_timer t(clk::monotonic);
  // Unarmed: all zero, as glibc reads it.
  auto cur = rawsys::timer_gettime(t.id);
  REQUIRE(cur.has_value());
  CHECK(ns(cur->value) == 0);
  ::itimerspec g{};
  REQUIRE(::timer_gettime(glibc_timer(t.id), &g) == 0);
  CHECK(ns(g.it_value) == 0);
  // Armed for 100 s, repeating every 2.5 s: the old setting comes back zero.
  const rawsys::itimerspec set{{2, 500000000}, {100, 0}};
  auto old = rawsys::timer_settime(t.id, rawsys::timer::none, set);
  REQUIRE(old.has_value());
  CHECK(ns(old->value) == 0);
  cur = rawsys::timer_gettime(t.id);
  REQUIRE(cur.has_value());
  REQUIRE(::timer_gettime(glibc_timer(t.id), &g) == 0);
  CHECK(ns(cur->interval) == 2500000000);
  CHECK(ns(g.it_interval) == 2500000000);
  CHECK(ns(cur->value) > 0);
  CHECK(ns(cur->value) <= 100 * billion);
  CHECK(ns(g.it_value) <= ns(cur->value));  // read later, so no more left
  // Re-armed: the old setting is the one above.
  old = rawsys::timer_settime(t.id, rawsys::timer::none, {});
  REQUIRE(old.has_value());
  CHECK(ns(old->interval) == 2500000000);
  CHECK(ns(old->value) > 0);
  // No expiry yet: no overrun.
  CHECK(rawsys::timer_getoverrun(t.id) == rawsys::result<int>{0});
  CHECK(::timer_getoverrun(glibc_timer(t.id)) == 0);
}

TEST_CASE("timer_create: a signal with its value on expiry (sigevent's layout), as glibc's sigwaitinfo sees it") {
  sigset_t usr2, old;
  sigemptyset(&usr2);
  sigaddset(&usr2, SIGUSR2);
  REQUIRE(::pthread_sigmask(SIG_BLOCK, &usr2, &old) == 0);
  rawsys::sigevent ev{};
  ev.notify = rawsys::sigev::signal;
  ev.signo = rawsys::sig::usr2;
  ev.value.int_ = 4242;
  auto t = rawsys::timer_create(clk::monotonic, &ev);
  REQUIRE(t.has_value());
  REQUIRE(rawsys::timer_settime(*t, rawsys::timer::none, {{0, 0}, {0, 1000000}}).has_value());
  siginfo_t si{};
  CHECK(::sigwaitinfo(&usr2, &si) == SIGUSR2);
  // qemu-user 10 passes the host's si_code through: x86-64's SI_TIMER is
  // -2, mips' is -3.
  constexpr int host_si_timer = -2;
  CHECK((si.si_code == SI_TIMER || (rawsys_test::under_qemu_user() && si.si_code == host_si_timer)));
  CHECK(si.si_value.sival_int == 4242);
  // qemu-user keeps timers of its own and reports their host ids here.
  if (!rawsys_test::under_qemu_user()) CHECK(si.si_timerid == static_cast<int>(*t));
  CHECK(rawsys::timer_delete(*t).has_value());
  ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
}

TEST_CASE("timer_settime: an absolute 2040 deadline and a 5e9 s interval read back whole (time64 on 32-bit ISAs)") {
  quiet_timer t(clk::realtime);
  const rawsys::itimerspec far{{wide, 0}, {y2040, 0}};
  REQUIRE(rawsys::timer_settime(t.id, rawsys::timer::abstime, far).has_value());
  auto cur = rawsys::timer_gettime(t.id);
  REQUIRE(cur.has_value());
  ::timespec now{};
  REQUIRE(::clock_gettime(CLOCK_REALTIME, &now) == 0);
  CHECK(cur->interval.sec == wide);
  // Read back relative: 2040 less now, to within the time between the reads.
  CHECK(cur->value.sec <= y2040 - now.tv_sec);
  CHECK(cur->value.sec >= y2040 - now.tv_sec - 5);
}

TEST_CASE("timer_*: errors as glibc's") {
  // An unknown clock: EINVAL.
  int kid = 0;
  CHECK(rawsys::timer_create(static_cast<clk>(123), nullptr) == unexpected(errc::einval));
  CHECK(error_of(rawsys::timer_create(static_cast<clk>(123), nullptr)) ==
        error_of(glibc(::syscall(SYS_timer_create, 123, nullptr, &kid))));
  // A notification it does not know: EINVAL.
  rawsys::sigevent bad{};
  bad.notify = static_cast<rawsys::sigev>(77);
  ::sigevent gbad{};
  gbad.sigev_notify = 77;
  CHECK(error_of(rawsys::timer_create(clk::monotonic, &bad)) ==
        error_of(glibc(::syscall(SYS_timer_create, CLOCK_MONOTONIC, &gbad, &kid))));
  quiet_timer t(clk::monotonic);
  // A fraction of a second or more: EINVAL.
  const rawsys::itimerspec bad_nsec{{0, 0}, {1, billion}};
  const ::itimerspec g_bad{{0, 0}, {1, static_cast<long>(billion)}};
  CHECK(rawsys::timer_settime(t.id, rawsys::timer::none, bad_nsec) == unexpected(errc::einval));
  CHECK(error_of(rawsys::timer_settime(t.id, rawsys::timer::none, bad_nsec)) ==
        error_of(glibc(::timer_settime(glibc_timer(t.id), 0, &g_bad, nullptr))));
  // A timer that does not exist (deleted): EINVAL from every call.
  rawsys::sigevent ev{};
  ev.notify = rawsys::sigev::none;
  auto gone = rawsys::timer_create(clk::monotonic, &ev);
  REQUIRE(gone.has_value());
  CHECK(rawsys::timer_delete(*gone).has_value());
  CHECK(rawsys::timer_delete(*gone) == unexpected(errc::einval));
  CHECK(rawsys::timer_delete(*gone) == glibc_void(::timer_delete(glibc_timer(*gone))));
  ::itimerspec g{};
  CHECK(error_of(rawsys::timer_gettime(*gone)) == error_of(glibc(::timer_gettime(glibc_timer(*gone), &g))));
  CHECK(error_of(rawsys::timer_settime(*gone, rawsys::timer::none, {})) ==
        error_of(glibc(::timer_settime(glibc_timer(*gone), 0, &g, nullptr))));
  CHECK(rawsys::timer_getoverrun(*gone) == unexpected(errc::einval));
  CHECK(error_of(rawsys::timer_getoverrun(*gone)) == error_of(glibc(::timer_getoverrun(glibc_timer(*gone)))));
}

TEST_CASE("clock_adjtime, adjtimex: reading the clock's state (no modes), as glibc's") {
  // The state is the machine's, and a time daemon may update it between the
  // two readings: READ takes a pair again (up to ten times) until AGREE
  // holds, then the checks below look at the last pair.
  const auto until_agreed = [](auto read, auto agree) {
    for (int tries = 0; tries < 10 && !agree(); ++tries) read();
  };
  rawsys::timex mine{};
  ::timex theirs{};
  rawsys::result<rawsys::clock_state> state = unexpected(errc::einval);
  int g = -1;
  until_agreed(
      [&] {
        mine = {};
        theirs = {};
        state = rawsys::clock_adjtime(clk::realtime, mine);
        g = ::clock_adjtime(CLOCK_REALTIME, &theirs);
      },
      [&] {
        return state && g >= 0 && static_cast<int>(*state) == g && mine.status == theirs.status &&
               mine.maxerror <= theirs.maxerror && mine.tai == theirs.tai;
      });
  REQUIRE(state.has_value());
  REQUIRE(g >= 0);
  CHECK(static_cast<int>(*state) == g);
  CHECK(mine.status == theirs.status);
  CHECK(mine.tick == theirs.tick);
  CHECK(mine.constant == theirs.constant);
  CHECK(mine.maxerror <= theirs.maxerror);  // grows with time
  CHECK(mine.tai == theirs.tai);
  CHECK(mine.time.sec <= theirs.time.tv_sec);
  CHECK(mine.time.sec >= theirs.time.tv_sec - 60);
  rawsys::timex viaadj{};
  ::timex theirs2{};
  rawsys::result<rawsys::clock_state> s2 = unexpected(errc::einval);
  int g2 = -1;
  until_agreed(
      [&] {
        viaadj = {};
        theirs2 = {};
        s2 = rawsys::adjtimex(viaadj);
        g2 = ::adjtimex(&theirs2);
      },
      [&] { return s2 && g2 >= 0 && static_cast<int>(*s2) == g2 && viaadj.status == theirs2.status; });
  REQUIRE(s2.has_value());
  CHECK(static_cast<int>(*s2) == g2);
  CHECK(viaadj.status == theirs2.status);
  CHECK(viaadj.tick == theirs2.tick);
  // Other clocks: CLOCK_MONOTONIC cannot be adjusted (EOPNOTSUPP), an
  // unknown one is EINVAL.
  rawsys::timex t{};
  ::timex gt{};
  CHECK(error_of(rawsys::clock_adjtime(clk::monotonic, t)) == error_of(glibc(::clock_adjtime(CLOCK_MONOTONIC, &gt))));
  CHECK(rawsys::clock_adjtime(static_cast<clk>(123), t) == unexpected(errc::einval));
  CHECK(error_of(rawsys::clock_adjtime(static_cast<clk>(123), t)) == error_of(glibc(::clock_adjtime(123, &gt))));
}

TEST_CASE("clock_adjtime, adjtimex: changes refused without CAP_SYS_TIME (a child that dropped it), as glibc's") {
  const int code = without_capabilities([] {
    int bad = 0;
    rawsys::timex mine{};
    mine.modes = rawsys::bits(rawsys::adj::offset);
    ::timex theirs{};
    theirs.modes = ADJ_OFFSET;
    const auto r = rawsys::clock_adjtime(clk::realtime, mine);
    if (r != unexpected(errc::eperm)) bad |= 1;
    if (error_of(r) != error_of(glibc(::clock_adjtime(CLOCK_REALTIME, &theirs)))) bad |= 2;
    const auto a = rawsys::adjtimex(mine);
    if (a != unexpected(errc::eperm)) bad |= 4;
    if (error_of(a) != error_of(glibc(::adjtimex(&theirs)))) bad |= 8;
    return bad;
  });
  if (code == 77) {
    rawsys_test::skip("could not drop the capabilities in a child");
    return;
  }
  CHECK(code == 0);
}

TEST_CASE("settimeofday: invalid values are EINVAL and refused without CAP_SYS_TIME, as glibc's") {
  // A microsecond field out of range is rejected before anything is set.
  const rawsys::timeval bad{1, 1000000};
  const ::timeval g_bad{1, 1000000};
  CHECK(rawsys::settimeofday(bad) == unexpected(errc::einval));
  CHECK(rawsys::settimeofday(bad) == glibc_void(::settimeofday(&g_bad, nullptr)));
  const rawsys::timeval negative{1, -1};
  const ::timeval g_negative{1, -1};
  CHECK(rawsys::settimeofday(negative) == glibc_void(::settimeofday(&g_negative, nullptr)));
  if constexpr (sizeof(long) == 4) {
    // 32-bit ISAs: seconds past 2038 do not fit the call's struct.
    CHECK(rawsys::settimeofday({y2040, 0}) == unexpected(errc::eoverflow));
  }
  // A valid time only where it cannot be set: a child without capabilities.
  const int code = without_capabilities([] {
    const auto now = rawsys::gettimeofday();
    if (!now) return 1;
    ::timeval g{static_cast<time_t>(now->sec), static_cast<suseconds_t>(now->usec)};
    const auto r = rawsys::settimeofday(*now);
    if (r != unexpected(errc::eperm)) return 2;
    return r == glibc_void(::settimeofday(&g, nullptr)) ? 0 : 4;
  });
  if (code == 77) {
    rawsys_test::skip("could not drop the capabilities in a child");
    return;
  }
  CHECK(code == 0);
}

