// musl as a fourth variant: musl cannot share a process with glibc, so its
// side is a static musl program (bench/musl_runner.c, built with musl-gcc
// where installed) that times the hand-written floor against musl's
// function, paired. Each repetition of a musl/<call> benchmark runs it once
// (for about 200 ms) and records what it measured as counters; with random
// interleaving those runs fall among the glibc process's own repetitions.
// The benchmark's own time is the child's whole run and means nothing.
#include <stdio.h>
#include <unistd.h>

#include <string>

#include "common.hpp"

namespace bench {
namespace {

constexpr const char* musl_runner = RAWSYS_BENCH_MUSL;

void musl_call(benchmark::State& s, const char* op) {
  s.SetLabel("musl 1.2.3, static (musl-gcc -O2 -static)");
  double floor_ns = 0, musl_ns = 0, per_floor = 0, rounds = 0;
  for (auto _ : s) {
    const std::string cmd = std::string("'") + musl_runner + "' " + op + " 200";
    FILE* p = ::popen(cmd.c_str(), "r");
    BENCH_REQUIRE(s, p != nullptr);
    const int got = std::fscanf(p, "%lf %lf %lf %lf", &floor_ns, &musl_ns, &per_floor, &rounds);
    const int status = ::pclose(p);
    BENCH_REQUIRE(s, got == 4 && status == 0);
  }
  s.counters["ns_floor"] = floor_ns;
  s.counters["ns_musl"] = musl_ns;
  s.counters["musl_per_floor"] = per_floor;
  s.counters["rounds"] = rounds;
}

}  // namespace

bool have_musl() { return musl_runner[0] != '\0' && ::access(musl_runner, X_OK) == 0; }

void register_musl() {
  if (!have_musl()) return;
  for (const char* op : {"getppid", "read_1B_dev_zero", "write_1B_dev_null", "clock_gettime_monotonic",
                         "openat_close", "mmap_munmap_page", "pipe2_close", "getrandom_16B", "gettimeofday"})
    benchmark::RegisterBenchmark((std::string("musl/") + op).c_str(), musl_call, op)->Iterations(1);
}

}  // namespace bench
