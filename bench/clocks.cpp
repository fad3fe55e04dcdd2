// The vDSO against the real system call for the clock calls. clock_gettime's
// syscall floor and glibc's (vDSO) wrapper are in calls.cpp; here:
// gettimeofday both ways, and rawsys's own vDSO path where the library has it.
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "common.hpp"
#include "floor.hpp"
#include "variant.hpp"

namespace bench {
namespace {

using benchmark::State;

// The kernel's gettimeofday layout: two longs on every architecture here.
struct ktimeval {
  long sec, usec;
};

void gtod_floor(State& s) {
  ktimeval tv;
  for (auto _ : s) {
#if defined(__i386__)
    long r = floor_asm::vs2(SYS_gettimeofday, reinterpret_cast<long>(&tv), 0);
#else
    long r = floor_asm::sc2(SYS_gettimeofday, reinterpret_cast<long>(&tv), 0);
#endif
    BENCH_REQUIRE(s, r == 0);
  }
}
void gtod_rawsys(State& s) {
  s.SetLabel(rs::gettimeofday_label);
  for (auto _ : s) BENCH_REQUIRE(s, rs::gettimeofday_now());
}
void gtod_glibc(State& s) {
  struct timeval tv;
  for (auto _ : s) BENCH_REQUIRE(s, ::gettimeofday(&tv, nullptr) == 0);
}
void gtod_glibc_syscall(State& s) {
  ktimeval tv;
  for (auto _ : s) BENCH_REQUIRE(s, ::syscall(SYS_gettimeofday, &tv, nullptr) == 0);
}

void clock_rawsys_vdso(State& s) {
  s.SetLabel(rs::vdso_clock_label);
  rawsys::timespec ts;
  for (auto _ : s) BENCH_REQUIRE(s, rs::vdso_clock_monotonic(&ts));
}

}  // namespace

void register_clocks() {
  benchmark::RegisterBenchmark("clock/gettimeofday/floor", gtod_floor);
  benchmark::RegisterBenchmark("clock/gettimeofday/rawsys", gtod_rawsys);
  benchmark::RegisterBenchmark("clock/gettimeofday/glibc", gtod_glibc);
  benchmark::RegisterBenchmark("clock/gettimeofday/glibc_syscall", gtod_glibc_syscall);
  if (rs::have_vdso_clock)
    benchmark::RegisterBenchmark("clock/clock_gettime_monotonic/rawsys_vdso", clock_rawsys_vdso);
}

}  // namespace bench
