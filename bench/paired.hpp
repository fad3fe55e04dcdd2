// Paired benchmarks: the variants of one comparison alternating in one loop.
#pragma once

#include <time.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

#include "common.hpp"

namespace bench {

// A paired benchmark: rounds of one block of each variant (floor, rawsys,
// glibc, glibc syscall()) in a random order each round, each block timed
// on its own. A busy neighbour slows a block, not a variant, so the median
// over rounds of the per-round ratios is far steadier than a ratio of two
// benchmarks run at different moments. Counters: the median ratios, and the
// median time per call of each variant.
template <bool (*F0)(), bool (*F1)(), bool (*F2)(), bool (*F3)()>
inline void paired(benchmark::State& s, int block, const char* label) {
  s.SetLabel(label);
  constexpr int n = 4;
  std::vector<std::array<double, n>> rounds;
  rounds.reserve(1 << 16);
  auto now = [] {
    struct timespec t;
    ::clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<double>(t.tv_sec) * 1e9 + static_cast<double>(t.tv_nsec);
  };
  unsigned seed = 0x9e3779b9u;
  unsigned order[n];
  for (auto _ : s) {
    std::array<double, n> t{};
    bool ok = true;
    round_order(seed, order);
    for (int j = 0; j < n; ++j) {
      const int v = static_cast<int>(order[j]);
      const double t0 = now();
      switch (v) {
        case 0: for (int k = 0; k < block; ++k) ok &= F0(); break;
        case 1: for (int k = 0; k < block; ++k) ok &= F1(); break;
        case 2: for (int k = 0; k < block; ++k) ok &= F2(); break;
        default: for (int k = 0; k < block; ++k) ok &= F3(); break;
      }
      t[static_cast<size_t>(v)] = (now() - t0) / block;
    }
    BENCH_REQUIRE(s, ok);
    if (rounds.size() < rounds.capacity()) rounds.push_back(t);
  }
  if (rounds.empty()) return;
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
  };
  auto ratios = [&](int a, int b) {
    std::vector<double> r;
    r.reserve(rounds.size());
    for (const auto& t : rounds) r.push_back(t[static_cast<size_t>(a)] / t[static_cast<size_t>(b)]);
    return median(std::move(r));
  };
  auto times = [&](int a) {
    std::vector<double> r;
    r.reserve(rounds.size());
    for (const auto& t : rounds) r.push_back(t[static_cast<size_t>(a)]);
    return median(std::move(r));
  };
  s.counters["rawsys_per_floor"] = ratios(1, 0);
  s.counters["rawsys_per_glibc"] = ratios(1, 2);
  s.counters["glibc_per_floor"] = ratios(2, 0);
  s.counters["syscall_per_floor"] = ratios(3, 0);
  s.counters["ns_floor"] = times(0);
  s.counters["ns_rawsys"] = times(1);
  s.counters["ns_glibc"] = times(2);
  s.counters["ns_syscall"] = times(3);
  s.counters["rounds"] = static_cast<double>(rounds.size());
}

}  // namespace bench
