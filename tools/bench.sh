#!/usr/bin/env bash
# Builds the benchmarks (Release, -O2) for x86-64 and i386, runs them (musl's
# side and the io_uring and tracing comparisons included), and writes
# docs/benchmarks.md, docs/benchmarks.svg and the JSON results in
# docs/bench/<machine>/, one folder per CPU (vendor-family-model) so that
# every machine's last run is kept (about 15 minutes on 2 busy cores). arm64 is built and given a short smoke run under qemu-user; its
# timings are not reported (an emulator's times say nothing about hardware).
#
# usage: tools/bench.sh [--quick] [--note TEXT]
#   --quick   3 short repetitions; writes under build/bench-quick/ instead of docs/
#   --note    a sentence for the report's environment section (no commas: it is
#             stored in the JSON context, whose flag splits on them)
set -u
cd "$(dirname "$0")/.." || exit 1
root=$(pwd)

quick=0
note="The machine (2 cores) was shared with other builds while this ran: medians are reported and ratios were taken within one run."
while [[ $# -gt 0 ]]; do
  case $1 in
    --quick) quick=1 ;;
    --note) note=$2; shift ;;
    *) echo "usage: tools/bench.sh [--quick] [--note TEXT]"; exit 2 ;;
  esac
  shift
done

if ! tools/deps.sh; then
  echo "bench.sh: could not install the build dependencies (see above)"
  exit 1
fi

if [[ $quick -eq 1 ]]; then
  out=build/bench-quick
  reps=3
  min_time=0.05
  trace_rounds=3
else
  out=docs
  reps=11
  min_time=0.1
  trace_rounds=7
fi
# Each machine's runs are kept apart: docs/bench/<vendor>-<family>-<model>/.
cpu() { sed -n "s/^$1[[:space:]]*: //p" /proc/cpuinfo | head -n 1; }
machine="$(cpu vendor_id)-$(cpu 'cpu family')-$(cpu model)"
mdir="$out/bench/$machine"
mkdir -p "$mdir" build/logs
echo "== machine $machine: $(cpu 'model name'); results in $mdir"

build() {  # arch
  local arch=$1 dir=build/bench-$1
  local args=(-S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release
              -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG"
              -DRAWSYS_BUILD_BENCH=ON -DRAWSYS_BUILD_TESTS=OFF -DRAWSYS_BUILD_EXAMPLES=ON)
  [[ $arch != x86_64 ]] && args+=(-DCMAKE_TOOLCHAIN_FILE="$root/cmake/$arch.cmake")
  echo "== $arch: building"
  if ! { cmake "${args[@]}" && cmake --build "$dir" -j "$(nproc)"; } >"build/logs/bench-$arch.log" 2>&1; then
    tail -n 30 "build/logs/bench-$arch.log"
    echo "bench.sh: $arch build failed (log: build/logs/bench-$arch.log)"
    exit 1
  fi
}

status=0
for arch in x86_64 i386; do
  build "$arch"
  # The last run's results stay beside the new ones: the report compares the two.
  [[ -f "$mdir/$arch.json" ]] && mv "$mdir/$arch.json" "$mdir/previous-$arch.json"
  echo "== $arch: running ($reps repetitions of each benchmark, randomly interleaved)"
  settings="$reps repetitions of at least ${min_time} s each with random interleaving"
  # Which measured rawsys calls the compiler emitted out of line (not inlined).
  outlined=$(nm -C --defined-only "build/bench-$arch/bench/CMakeFiles/rawsys_bench.dir/"{calls,clocks,storm}.cpp.o |
    sed -nE 's/^[0-9a-f]+ [WT] (rawsys::(vdso::)?(clock_gettime|gettimeofday|getppid|read|write|openat|close|mmap|munmap|pipe2|pread64|getrandom|sendfile|splice|io_uring_enter))\(.*/\1/p' |
    sort -u | tr '\n' ' ')
  if ! "build/bench-$arch/bench/rawsys_bench" \
      --benchmark_repetitions="$reps" --benchmark_min_time="$min_time" \
      --benchmark_enable_random_interleaving=true --benchmark_display_aggregates_only=true \
      --benchmark_context=run_settings="$settings",rawsys_out_of_line="${outlined:-none}",note="$note" \
      --benchmark_out="$mdir/$arch.json" --benchmark_out_format=json \
      >"build/logs/bench-run-$arch.log" 2>&1; then
    tail -n 30 "build/logs/bench-run-$arch.log"
    echo "bench.sh: $arch run failed (log: build/logs/bench-run-$arch.log)"
    status=1
  fi
done

# arm64: builds, and every suite runs once under qemu-user; not reported.
build aarch64
echo "== aarch64: smoke run under qemu-user (timings not reported)"
if python3 tools/bench_report.py --check build/bench-aarch64/smoke.json --arch aarch64 -- \
    qemu-aarch64 -L /usr/aarch64-linux-gnu build/bench-aarch64/bench/rawsys_bench --smoke \
    --benchmark_min_time=0.001 --benchmark_out=build/bench-aarch64/smoke.json \
    --benchmark_out_format=json >build/logs/bench-run-aarch64.log 2>&1; then
  tail -n 1 build/logs/bench-run-aarch64.log
else
  tail -n 20 build/logs/bench-run-aarch64.log
  echo "bench.sh: aarch64 smoke run failed"
  status=1
fi

# The cost of being traced: 100,000 getppid calls untraced and under each
# tracer, rounds in a random order, wall-clock time.
echo "== tracing: 100,000 getppid calls, $trace_rounds rounds"
trace_tool=build/bench-x86_64/examples/trace
[[ -x $trace_tool ]] || trace_tool=""
python3 tools/bench_report.py --tracing "$mdir/tracing.json" --rounds "$trace_rounds" \
  --loop build/bench-x86_64/bench/bench_getppid_loop \
  --syscount build/bench-x86_64/examples/syscount --trace-tool "$trace_tool" || status=1

# The qemu-only ISAs: instructions of the typed wrappers against the minimum.
echo "== codegen: the typed wrappers on the qemu-only ISAs"
python3 bench/codegen.py "$out/bench/codegen.json" || status=1

python3 tools/bench_report.py --json-dir "$out/bench" --machine "$machine" --md "$out/benchmarks.md" \
  --svg "$out/benchmarks.svg" || status=1
echo
python3 tools/bench_report.py --summary "$mdir/x86_64.json" "$mdir/i386.json" || status=1
exit $status
