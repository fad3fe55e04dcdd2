// Scheduling policies and parameters (sched.hpp): each call against glibc's
// function or syscall() on the same arch, changes made in a forked child;
// the constants against glibc's headers. struct sched_attr is checked
// against <linux/sched/types.h> in process_layout_test.cpp (older UAPI
// headers define a struct sched_param there too, which glibc's clashes with):
// here glibc's syscall() fills a rawsys::sched_attr.
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <stddef.h>

#include "files_support.hpp"  // in_child, outcome
#include "skip.hpp"
#include "support.hpp"

using rawsys::errc;
using rawsys::sched_policy;
using rawsys_test::glibc;
using rawsys_test::in_child;
using rawsys_test::outcome;

namespace {

static_assert(static_cast<int>(sched_policy::normal) == SCHED_OTHER);
static_assert(static_cast<int>(sched_policy::fifo) == SCHED_FIFO);
static_assert(static_cast<int>(sched_policy::rr) == SCHED_RR);
static_assert(static_cast<int>(sched_policy::batch) == SCHED_BATCH);
static_assert(static_cast<int>(sched_policy::idle) == SCHED_IDLE);
static_assert(static_cast<int>(sched_policy::deadline) == SCHED_DEADLINE);
static_assert(static_cast<int>(sched_policy::reset_on_fork) == SCHED_RESET_ON_FORK);
static_assert(rawsys::without_flags(rawsys::with_reset_on_fork(sched_policy::rr)) == sched_policy::rr);
static_assert(sizeof(rawsys::sched_param) == sizeof(struct ::sched_param));
static_assert(sizeof(rawsys::sched_attr) == 56);  // SCHED_ATTR_SIZE_VER1

constexpr int nobody = 0x7ffffff0;  // above any pid_max

}  // namespace

TEST_CASE("sched_get_priority_max and _min: glibc's bounds for every policy, EINVAL alike") {
  for (auto p : {sched_policy::normal, sched_policy::fifo, sched_policy::rr, sched_policy::batch,
                 sched_policy::idle, sched_policy::deadline}) {
    CHECK(outcome(rawsys::sched_get_priority_max(p)) == glibc(::sched_get_priority_max(static_cast<int>(p))));
    CHECK(outcome(rawsys::sched_get_priority_min(p)) == glibc(::sched_get_priority_min(static_cast<int>(p))));
  }
  CHECK(rawsys::sched_get_priority_max(sched_policy::fifo) == 99);
  const auto bad = static_cast<sched_policy>(1234);
  CHECK(rawsys::sched_get_priority_max(bad) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::sched_get_priority_max(bad)) == glibc(::sched_get_priority_max(1234)));
  CHECK(outcome(rawsys::sched_get_priority_min(bad)) == glibc(::sched_get_priority_min(1234)));
}

TEST_CASE("sched_getscheduler and sched_getparam: glibc's answers, ESRCH and EINVAL alike") {
  CHECK(outcome(rawsys::sched_getscheduler(0)) == glibc(::sched_getscheduler(0)));
  const auto p = rawsys::sched_getparam(0);
  REQUIRE(p);
  struct ::sched_param theirs {};
  REQUIRE(::sched_getparam(0, &theirs) == 0);
  CHECK(p->priority == theirs.sched_priority);
  CHECK(rawsys::sched_getscheduler(nobody) == rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::sched_getscheduler(nobody)) == glibc(::sched_getscheduler(nobody)));
  CHECK(outcome(rawsys::sched_getparam(nobody)) == glibc(::sched_getparam(nobody, &theirs)));
  CHECK(outcome(rawsys::sched_getparam(-1)) == glibc(::sched_getparam(-1, &theirs)));
}

TEST_CASE("sched_setscheduler and sched_setparam: in a child, seen by glibc, errors alike") {
  const int r = in_child([] {
    const rawsys::sched_param rt{10};
    const auto set = rawsys::sched_setscheduler(0, sched_policy::fifo, rt);
    struct ::sched_param g {10};
    if (!set) {
      // Not allowed here (a container without real-time budget): glibc agrees.
      return outcome(set) == glibc(::sched_setscheduler(0, SCHED_FIFO, &g)) ? 100 : 1;
    }
    if (::sched_getscheduler(0) != SCHED_FIFO) return 2;
    if (rawsys::sched_getscheduler(0) != sched_policy::fifo) return 3;
    if (!rawsys::sched_setparam(0, rawsys::sched_param{20})) return 4;
    if (::sched_getparam(0, &g) != 0 || g.sched_priority != 20) return 5;
    // A priority out of range for the policy: EINVAL.
    g.sched_priority = 100;
    if (rawsys::sched_setparam(0, rawsys::sched_param{100}) != rawsys::unexpected(errc::einval)) return 6;
    if (outcome(rawsys::sched_setparam(0, rawsys::sched_param{100})) != glibc(::sched_setparam(0, &g))) return 7;
    // With reset-on-fork: reported back with the flag.
    if (!rawsys::sched_setscheduler(0, rawsys::with_reset_on_fork(sched_policy::rr), rawsys::sched_param{5})) return 8;
    if (rawsys::sched_getscheduler(0) != rawsys::with_reset_on_fork(sched_policy::rr)) return 9;
    if (::sched_getscheduler(0) != (SCHED_RR | SCHED_RESET_ON_FORK)) return 10;
    // Back to normal with a non-zero priority: EINVAL.
    g.sched_priority = 1;
    if (outcome(rawsys::sched_setscheduler(0, sched_policy::normal, rawsys::sched_param{1})) !=
        glibc(::sched_setscheduler(0, SCHED_OTHER, &g)))
      return 11;
    if (!rawsys::sched_setscheduler(0, sched_policy::normal, rawsys::sched_param{0})) return 12;
    return ::sched_getscheduler(0) == SCHED_OTHER ? 0 : 13;
  });
  if (r == 100) {
    rawsys_test::skip("sched_setscheduler(2) to SCHED_FIFO is not permitted here");
    return;
  }
  CHECK(r == 0);
  const struct ::sched_param g {0};
  CHECK(rawsys::sched_setscheduler(nobody, sched_policy::normal, rawsys::sched_param{}) == rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::sched_setscheduler(nobody, sched_policy::normal, rawsys::sched_param{})) ==
        glibc(::sched_setscheduler(nobody, SCHED_OTHER, &g)));
  CHECK(outcome(rawsys::sched_setparam(nobody, rawsys::sched_param{})) == glibc(::sched_setparam(nobody, &g)));
}

TEST_CASE("sched_rr_get_interval: glibc's quantum, ESRCH alike") {
  const auto q = rawsys::sched_rr_get_interval(0);
  REQUIRE(q);
  struct ::timespec theirs {};
  REQUIRE(::sched_rr_get_interval(0, &theirs) == 0);
  CHECK(q->sec == theirs.tv_sec);
  CHECK(q->nsec == theirs.tv_nsec);
  CHECK(rawsys::sched_rr_get_interval(nobody) == rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::sched_rr_get_interval(nobody)) == glibc(::sched_rr_get_interval(nobody, &theirs)));
  CHECK(outcome(rawsys::sched_rr_get_interval(-1)) == glibc(::sched_rr_get_interval(-1, &theirs)));
}

TEST_CASE("sched_getattr and sched_setattr: as glibc's syscall() answers, the change in a child") {
  rawsys::sched_attr mine{};
  rawsys::sched_attr theirs{};
  const auto got = rawsys::sched_getattr(0, &mine);
  CHECK(outcome(got) == glibc(::syscall(SYS_sched_getattr, 0, &theirs, sizeof theirs, 0)));
  if (!got) {
    rawsys_test::skip(rawsys_test::why_unavailable("sched_getattr", got.error()));
    return;
  }
  CHECK(mine.size == theirs.size);
  CHECK(mine.policy == theirs.policy);
  CHECK(mine.nice == theirs.nice);
  CHECK(mine.priority == theirs.priority);
  CHECK(in_child([] {
    rawsys::sched_attr a{};
    a.policy = sched_policy::batch;
    a.nice = 5;
    if (!rawsys::sched_setattr(0, a)) return 1;
    rawsys::sched_attr g{};
    if (::syscall(SYS_sched_getattr, 0, &g, sizeof g, 0) != 0) return 2;
    if (static_cast<int>(g.policy) != SCHED_BATCH || g.nice != 5) return 3;
    rawsys::sched_attr back{};
    if (!rawsys::sched_getattr(0, &back) || back.policy != sched_policy::batch || back.nice != 5) return 4;
    return 0;
  }) == 0);
  // A size the kernel does not take (below VER0), unknown flags: EINVAL.
  CHECK(rawsys::sched_getattr(0, &mine, 8) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::sched_getattr(0, &mine, 8)) == glibc(::syscall(SYS_sched_getattr, 0, &theirs, 8, 0)));
  CHECK(outcome(rawsys::sched_getattr(0, &mine, sizeof mine, 1)) ==
        glibc(::syscall(SYS_sched_getattr, 0, &theirs, sizeof theirs, 1)));
  rawsys::sched_attr bad{};
  bad.size = 8;
  rawsys::sched_attr gbad{};
  gbad.size = 8;
  CHECK(outcome(rawsys::sched_setattr(0, bad)) == glibc(::syscall(SYS_sched_setattr, 0, &gbad, 0)));
  CHECK(outcome(rawsys::sched_setattr(nobody, rawsys::sched_attr{})) ==
        glibc(::syscall(SYS_sched_setattr, nobody, &theirs, 0)));
}
