#!/usr/bin/env bash
# Builds and runs the whole test suite for x86-64 and i386 (natively) and
# arm64, arm (ARM and Thumb-2), riscv64, ppc64le, s390x, mips64el, mipsel and
# loongarch64 (under qemu-user), with GCC and Clang, C++20 and C++23, -O0 and -O2, installing
# what is missing first. Ends with one line:
# "N passed, N failed, N skipped" (skipped: what qemu-user cannot run).
#
# usage: tools/test.sh [--list] [config-name-filter]     e.g. tools/test.sh i386
#   --list: print the configurations that would run, and stop.
#   RAWSYS_ISAS="riscv64 arm ..." (or "all") adds the configurations of ISAs
#   that are not in the default run yet (see the list below, docs/isas.md).
set -u
cd "$(dirname "$0")/.." || exit 1
root=$(pwd)
list_only=0
if [[ "${1:-}" == --list ]]; then list_only=1; shift; fi
filter=${1:-}

# The configurations, in one place. Each line:
#   ISA | name | toolchain file | compiler | standard | flags | sanitizers (hosted suite only)
# compiler: a C++ compiler for native builds (g++, clang++; i386 too), or for
# the cross toolchain files gcc/clang (RAWSYS_CROSS_COMPILER); empty: the
# toolchain file's own.
all_configs=(
  "x86_64|x86_64-gcc-c++20-O2||g++|20|-O2"
  "x86_64|x86_64-gcc-c++23-O0||g++|23|-O0"
  "x86_64|x86_64-clang-c++20-O0||clang++|20|-O0"
  "x86_64|x86_64-clang-c++23-O2||clang++|23|-O2"
  "i386|i386-gcc-c++20-O0|cmake/i386.cmake|g++|20|-O0"
  "i386|i386-gcc-c++23-O2-fPIC-fp|cmake/i386.cmake|g++|23|-O2 -fPIC -fno-omit-frame-pointer"
  "i386|i386-clang-c++20-O2-fPIC|cmake/i386.cmake|clang++|20|-O2 -fPIC"
  "i386|i386-clang-c++23-O0-fp|cmake/i386.cmake|clang++|23|-O0 -fno-omit-frame-pointer"
  "aarch64|aarch64-gcc-c++20-O2|cmake/aarch64.cmake||20|-O2"
  "aarch64|aarch64-gcc-c++23-O0|cmake/aarch64.cmake||23|-O0"
  "x86_64|x86_64-gcc-c++20-asan-ubsan||g++|20|-O1 -fno-omit-frame-pointer|address,undefined"
  "riscv64|riscv64-gcc-c++20-O2|cmake/riscv64.cmake|gcc|20|-O2"
  "riscv64|riscv64-clang-c++23-O0|cmake/riscv64.cmake|clang|23|-O0"
  "s390x|s390x-gcc-c++20-O2|cmake/s390x.cmake|gcc|20|-O2"
  "s390x|s390x-clang-c++23-O0|cmake/s390x.cmake|clang|23|-O0"
  # Each cross configuration costs about 1.5 to 2.5 minutes on 2 cores (build + ctest under qemu).
  "arm|arm-gcc-c++20-O2|cmake/arm.cmake|gcc|20|-O2"
  "arm|arm-thumb-gcc-c++23-O0-fp|cmake/arm-thumb.cmake|gcc|23|-O0 -fno-omit-frame-pointer"
  "arm|arm-thumb-clang-c++20-O2|cmake/arm-thumb.cmake|clang|20|-O2"
  "arm|arm-clang-c++23-O0|cmake/arm.cmake|clang|23|-O0"
  "ppc64le|ppc64le-gcc-c++20-O2|cmake/ppc64le.cmake|gcc|20|-O2"
  "ppc64le|ppc64le-clang-c++23-O0|cmake/ppc64le.cmake|clang|23|-O0"
  "mips64el|mips64el-gcc-c++20-O2|cmake/mips64el.cmake|gcc|20|-O2"
  "mips64el|mips64el-gcc-c++23-O0|cmake/mips64el.cmake|gcc|23|-O0"
  "mipsel|mipsel-gcc-c++20-O2|cmake/mipsel.cmake|gcc|20|-O2"
  "mipsel|mipsel-gcc-c++23-O0|cmake/mipsel.cmake|gcc|23|-O0"
  # loongarch64: Clang 19 and no C library here, so the no-libc part alone
  # (the hosted suite's files count as skipped); about 80 s each.
  "loongarch64|loongarch64-clang-c++20-O2|cmake/loongarch64.cmake||20|-O2"
  "loongarch64|loongarch64-clang-c++23-O0|cmake/loongarch64.cmake||23|-O0"
)
default_isas="x86_64 i386 aarch64 riscv64 ppc64le arm s390x loongarch64 mips64el mipsel"
known_isas=$(printf '%s\n' "${all_configs[@]}" | cut -d'|' -f1 | sort -u | tr '\n' ' ')
extra_isas=${RAWSYS_ISAS:-}
[[ "$extra_isas" == all ]] && extra_isas=$known_isas
for isa in $extra_isas; do
  if [[ " $known_isas " != *" $isa "* ]]; then
    echo "test.sh: RAWSYS_ISAS names '$isa', which has no configuration (known: $known_isas)"
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
  fi
done
configs=()
for entry in "${all_configs[@]}"; do
  isa=${entry%%|*}
  [[ " $default_isas $extra_isas " == *" $isa "* ]] && configs+=("${entry#*|}")
done
if [[ $list_only == 1 ]]; then
  for entry in "${configs[@]}"; do
    name=${entry%%|*}
    [[ -n "$filter" && "$name" != *"$filter"* ]] && continue
    echo "$entry"
  done
  exit 0
fi

if ! tools/deps.sh; then
  echo "test.sh: could not install the build dependencies (see above)"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

jobs=$(nproc)
total_pass=0
total_fail=0
total_skip=0
summary=()
mkdir -p build/logs
# The tools are compared with coreutils in the first configuration of each
# toolchain file (native: each ISA) that runs; the others build them only.
declare -A compared=()
for entry in "${configs[@]}"; do
  IFS='|' read -r name toolchain cxx std flags sanitize <<<"$entry"
  [[ -n "$filter" && "$name" != *"$filter"* ]] && continue
  tool_key="${toolchain:-native-${name%%-*}}"
  dir=build/test-$name
  log=build/logs/$name.log
  args=(-S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Test -DCMAKE_CXX_STANDARD="$std"
        -DCMAKE_CXX_STANDARD_REQUIRED=ON -DCMAKE_CXX_EXTENSIONS=OFF
        -DCMAKE_CXX_FLAGS_TEST="$flags" -DRAWSYS_SANITIZE="$sanitize" -DRAWSYS_TEST_PREFIX="$name: ")
  [[ -n "$toolchain" ]] && args+=(-DCMAKE_TOOLCHAIN_FILE="$root/$toolchain")
  if [[ -n "${compared[$tool_key]:-}" ]]; then
    args+=(-DRAWSYS_TEST_TOOL_COMPARISONS=OFF)
  else
    args+=(-DRAWSYS_TEST_TOOL_COMPARISONS=ON)
    compared[$tool_key]=1
  fi
  case $cxx in
    "") ;;
    gcc | clang) args+=(-DRAWSYS_CROSS_COMPILER="$cxx") ;;
    *) args+=(-DCMAKE_CXX_COMPILER="$cxx") ;;
  esac
  # The benchmarks' smoke test (bench/): one configuration per architecture.
  case $name in
    x86_64-gcc-c++20-O2 | i386-gcc-c++23-O2-fPIC-fp) args+=(-DRAWSYS_BUILD_BENCH=ON) ;;
    aarch64-gcc-c++20-O2)  # needs the arm64 library tools/deps.sh unpacks
      [[ -f /opt/rawsys-arm64-benchmark/usr/lib/aarch64-linux-gnu/cmake/benchmark/benchmarkConfig.cmake ]] &&
        args+=(-DRAWSYS_BUILD_BENCH=ON) ;;
  esac
  echo "== $name: building"
  if ! { cmake "${args[@]}" && cmake --build "$dir" -j "$jobs"; } >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "== $name: BUILD FAILED (log: $log)"
    total_fail=$((total_fail + 1))
    summary+=("$name: build failed")
    continue
  fi
  out=$(cd "$dir" && ctest -j "$jobs" --timeout 300 --output-on-failure 2>&1)
  echo "$out" >>"$log"
  line=$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' <<<"$out" | tail -n 1)
  if [[ -z "$line" ]]; then
    echo "$out" | tail -n 40
    total_fail=$((total_fail + 1))
    summary+=("$name: ctest gave no result")
    continue
  fi
  failed=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$line")
  count=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\2/' <<<"$line")
  # Tests skipped at run time (qemu-user lacking a syscall, say) are neither.
  skipped=$(grep -cE '^[[:space:]]*[0-9]+ - .*\(Skipped\)$' <<<"$out")
  passed=$((count - failed - skipped))
  failures=""
  if [[ "$failed" -gt 0 ]]; then
    # Each failed test's own output (ctest --output-on-failure prints it after
    # the test's result line, up to the next test's line), then their names,
    # which also go into the summary so that its last lines say what failed.
    awk '/^ *[0-9]+\/[0-9]+ Test +#[0-9]+:/ { show = $0 ~ /\*\*\*(Failed|Timeout|Exception|Not Run)/ }
         /^ *Start +[0-9]+:/ || / tests passed, / { show = 0 }
         show' <<<"$out" | head -n 150
    failures=$(sed -n '/The following tests FAILED/,$p' <<<"$out" | grep -E '^[[:space:]]+[0-9]+ - ' |
               grep -v '(Skipped)$' | sed -E 's/^[[:space:]]+[0-9]+ - [^:]*: ?//' | paste -sd ';' -)
    echo "== $name failed: $failures"
    failures=" (failed: $failures)"
  fi
  total_pass=$((total_pass + passed))
  total_fail=$((total_fail + failed))
  total_skip=$((total_skip + skipped))
  summary+=("$name: $passed passed, $failed failed, $skipped skipped$failures")
  echo "== $name: $passed passed, $failed failed, $skipped skipped$failures"
done

echo
echo "Per configuration:"
printf '  %s\n' "${summary[@]}"
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[[ $total_fail -eq 0 && $total_pass -gt 0 ]]
