// Shared by the benchmark suites: descriptors opened once, the failure path,
// and the registration hooks main() calls.
#pragma once

#include <benchmark/benchmark.h>

namespace bench {

// Opened once by main(): /dev/zero for reading, /dev/null for writing.
inline int zero_fd = -1;
inline int null_fd = -1;

// The cold path of every benchmark: the call failed, which would make its
// timing meaningless. The smoke test sees the error in the JSON.
[[gnu::cold, gnu::noinline]] inline void fail(benchmark::State& s, const char* what) {
  s.SkipWithError(what);
}

// The order of one round of a paired benchmark: a fresh random permutation of
// the four variants (xorshift32, then Fisher-Yates), so that no variant
// always follows the same other one.
inline void round_order(unsigned& seed, unsigned (&order)[4]) {
  for (unsigned i = 0; i < 4; ++i) order[i] = i;
  for (unsigned i = 3; i > 0; --i) {
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    const unsigned j = seed % (i + 1);
    const unsigned t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

// Registration of each suite (called from main with what this machine can run).
void register_calls();
void register_clocks();
void register_storm(bool smoke);
void register_spawn();
void register_fewer();
void register_musl();
bool have_musl();  // the musl runner was built (x86-64 with musl-gcc installed)

// Short-lived resources the suites create (the storm's files), removed at exit.
void cleanup_storm();

}  // namespace bench

// A check in a benchmark loop: on failure report and leave the loop.
#define BENCH_REQUIRE(state, cond)                        \
  if (!(cond)) [[unlikely]] {                             \
    ::bench::fail(state, "failed: " #cond);               \
    break;                                                \
  }
