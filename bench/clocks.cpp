// The vDSO against the real system call. clock_gettime's syscall floor and
// the rawsys and glibc (both vDSO) calls are in calls.cpp; here: rawsys's own
// real system call for that clock, gettimeofday every way, and getrandom
// through the vDSO (x86-64, Linux 6.11+; glibc 2.36 has no such path).
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "common.hpp"
#include "floor.hpp"
#include "paired.hpp"
#include "variant.hpp"

namespace bench {
namespace {

using benchmark::State;

// The kernel's gettimeofday layout: two longs on every architecture here.
struct ktimeval {
  long sec, usec;
};

[[gnu::always_inline]] inline bool gtod_floor() {
  ktimeval tv;
#if defined(__i386__)
  return floor_asm::vs2(SYS_gettimeofday, reinterpret_cast<long>(&tv), 0) == 0;
#else
  return floor_asm::sc2(SYS_gettimeofday, reinterpret_cast<long>(&tv), 0) == 0;
#endif
}
[[gnu::always_inline]] inline bool gtod_rawsys() { return rs::gettimeofday_now(); }
[[gnu::always_inline]] inline bool gtod_glibc() {
  struct timeval tv;
  return ::gettimeofday(&tv, nullptr) == 0;
}
[[gnu::always_inline]] inline bool gtod_glibc_syscall() {
  ktimeval tv;
  return ::syscall(SYS_gettimeofday, &tv, nullptr) == 0;
}

template <bool (*F)()>
void loop(State& s, const char* label) {
  if (label) s.SetLabel(label);
  for (auto _ : s) BENCH_REQUIRE(s, F());
}

[[gnu::always_inline]] inline bool gtod_rawsys_syscall() { return rs::gettimeofday_syscall(); }

void clock_syscall_loop(State& s) {
  s.SetLabel(rs::clock_syscall_label);
  rawsys::timespec ts;
  for (auto _ : s) BENCH_REQUIRE(s, rs::clock_monotonic_syscall(&ts));
}

// getrandom of 16 bytes through the vDSO, the state made once per benchmark run.
void getrandom_vdso(State& s) {
  s.SetLabel(rs::getrandom_vdso_label);
  rawsys::vdso::random_state st;
  unsigned char b[16];
  for (auto _ : s) BENCH_REQUIRE(s, rs::getrandom16_vdso(b, st));
}

}  // namespace

void register_clocks() {
  benchmark::RegisterBenchmark("clock/clock_gettime_monotonic/rawsys_syscall", clock_syscall_loop);
  benchmark::RegisterBenchmark("clock/gettimeofday/floor", loop<gtod_floor>, nullptr);
  benchmark::RegisterBenchmark("clock/gettimeofday/rawsys", loop<gtod_rawsys>, rs::gettimeofday_label);
  benchmark::RegisterBenchmark("clock/gettimeofday/rawsys_syscall", loop<gtod_rawsys_syscall>,
                               rs::gettimeofday_syscall_label);
  benchmark::RegisterBenchmark("clock/gettimeofday/glibc", loop<gtod_glibc>, nullptr);
  benchmark::RegisterBenchmark("clock/gettimeofday/glibc_syscall", loop<gtod_glibc_syscall>, nullptr);
  benchmark::RegisterBenchmark("paired/gettimeofday", paired<gtod_floor, gtod_rawsys, gtod_glibc, gtod_glibc_syscall>,
                               128, rs::gettimeofday_label);
  // Only where the vDSO has getrandom (and qemu-user passes it on).
  rawsys::vdso::random_state st;
  unsigned char b[16];
  if (rs::getrandom16_vdso(b, st) && st.active())
    benchmark::RegisterBenchmark("vdso/getrandom_16B/rawsys_vdso", getrandom_vdso);
}

}  // namespace bench
