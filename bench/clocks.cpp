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

// The paired form of gettimeofday's four variants (as in calls.cpp).
void gtod_paired(State& s) {
  s.SetLabel(rs::gettimeofday_label);
  constexpr int block = 128;
  std::vector<std::array<double, 4>> rounds;
  rounds.reserve(1 << 16);
  auto now = [] {
    struct timespec t;
    ::clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<double>(t.tv_sec) * 1e9 + static_cast<double>(t.tv_nsec);
  };
  unsigned seed = 0x9e3779b9u;
  unsigned order[4];
  for (auto _ : s) {
    std::array<double, 4> t{};
    bool ok = true;
    round_order(seed, order);
    for (unsigned j = 0; j < 4; ++j) {
      const unsigned v = order[j];
      const double t0 = now();
      switch (v) {
        case 0: for (int k = 0; k < block; ++k) ok &= gtod_floor(); break;
        case 1: for (int k = 0; k < block; ++k) ok &= gtod_rawsys(); break;
        case 2: for (int k = 0; k < block; ++k) ok &= gtod_glibc(); break;
        default: for (int k = 0; k < block; ++k) ok &= gtod_glibc_syscall(); break;
      }
      t[v] = (now() - t0) / block;
    }
    BENCH_REQUIRE(s, ok);
    if (rounds.size() < rounds.capacity()) rounds.push_back(t);
  }
  if (rounds.empty()) return;
  auto median_of = [&](auto f) {
    std::vector<double> v;
    for (const auto& t : rounds) v.push_back(f(t));
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
  };
  using A = std::array<double, 4>;
  s.counters["rawsys_per_floor"] = median_of([](const A& t) { return t[1] / t[0]; });
  s.counters["rawsys_per_glibc"] = median_of([](const A& t) { return t[1] / t[2]; });
  s.counters["glibc_per_floor"] = median_of([](const A& t) { return t[2] / t[0]; });
  s.counters["syscall_per_floor"] = median_of([](const A& t) { return t[3] / t[0]; });
  s.counters["ns_floor"] = median_of([](const A& t) { return t[0]; });
  s.counters["ns_rawsys"] = median_of([](const A& t) { return t[1]; });
  s.counters["ns_glibc"] = median_of([](const A& t) { return t[2]; });
  s.counters["ns_syscall"] = median_of([](const A& t) { return t[3]; });
  s.counters["rounds"] = static_cast<double>(rounds.size());
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
  benchmark::RegisterBenchmark("paired/gettimeofday", gtod_paired);
  // Only where the vDSO has getrandom (and qemu-user passes it on).
  rawsys::vdso::random_state st;
  unsigned char b[16];
  if (rs::getrandom16_vdso(b, st) && st.active())
    benchmark::RegisterBenchmark("vdso/getrandom_16B/rawsys_vdso", getrandom_vdso);
}

}  // namespace bench
