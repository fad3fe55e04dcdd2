#!/usr/bin/env bash
# Installs what is missing, builds the examples for x86-64, i386 and arm64,
# runs them (arm64 under qemu-user, each tool itself: pipes stay on the host
# shell): the hosted core example, then the tiny tools built without libc;
# then a table of the tools' sizes next to coreutils, busybox and
# glibc-static, and the benchmark figures recorded in docs/benchmarks.md
# (replayed, with the machine they were measured on).
set -u
cd "$(dirname "$0")/.." || exit 1
root=$(pwd)
tools/deps.sh || { echo "demo.sh: could not install the build dependencies"; exit 1; }

run() {  # arch, program...
  local arch=$1; shift
  if [[ $arch == aarch64 ]]; then qemu-aarch64 -L /usr/aarch64-linux-gnu "$@"; else "$@"; fi
}

show() {  # arch, description, program...
  local arch=$1 what=$2; shift 2
  echo "--- $what"
  run "$arch" "$@"
  local rc=$?
  [[ $rc -ne 0 ]] && echo "(exit status $rc)"
  return 0
}

status=0
mkdir -p build
for arch in x86_64 i386 aarch64; do
  dir=build/demo-$arch
  args=(-S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel -DRAWSYS_BUILD_TESTS=OFF -DCMAKE_CXX_STANDARD=20)
  [[ $arch != x86_64 ]] && args+=(-DCMAKE_TOOLCHAIN_FILE="$root/cmake/$arch.cmake")
  [[ $arch != aarch64 ]] && args+=(-DCMAKE_CXX_COMPILER=g++)
  if ! { cmake "${args[@]}" && cmake --build "$dir" -j "$(nproc)"; } >"build/demo-$arch.log" 2>&1; then
    tail -n 30 "build/demo-$arch.log"; echo "demo.sh: $arch build failed"; status=1; continue
  fi
  echo "=== $arch: examples/hello_core (hosted, with glibc)"
  run "$arch" "$dir/examples/hello_core" || status=1
  echo
  echo "=== $arch: tools without libc (examples/)"
  ex=$dir/examples
  show "$arch" "hello ($(stat -c %s "$ex/hello") bytes)" "$ex/hello"
  show "$arch" "echo -e 'tab:\\tnewline:\\n...'" "$ex/echo" -e 'tab:\tnewline:\n...'
  show "$arch" "env -i A=1 B=2" "$ex/env" -i A=1 B=2
  [[ -x $ex/wc ]] && show "$arch" "wc README.md LICENSE" "$ex/wc" README.md LICENSE
  [[ -x $ex/ls ]] && show "$arch" "ls -l cmake" "$ex/ls" -l cmake
  if [[ -x $ex/cat ]]; then  # the pipe is the host shell's; only cat runs under qemu
    echo "--- cat LICENSE | wc -l"
    run "$arch" "$ex/cat" LICENSE | wc -l
  fi
  [[ -x $ex/sleep ]] && show "$arch" "sleep 0.1" "$ex/sleep" 0.1
  if [[ $arch != aarch64 ]]; then  # qemu-user emulates neither ptrace nor seccomp
    show "$arch" "syscount hello" "$ex/syscount" "$ex/hello"
    # The failure is the point: openat is denied, so cat cannot open LICENSE.
    show "$arch" "sandbox -d openat cat LICENSE (openat denied: cat must fail with EPERM)" \
      "$ex/sandbox" -d openat "$ex/cat" LICENSE
  fi
  show "$arch" "false" "$ex/false"
  echo
done

echo "=== sizes in bytes (tools/sizes.py; docs/sizes.md has the same table with notes)"
python3 tools/sizes.py --print --builds build/demo- || status=1

echo
# Not measured now: the figures recorded in docs/bench/<machine>/ by
# tools/bench.sh, this machine's when it has been measured, else the newest.
cpu() { sed -n "s/^$1[[:space:]]*: //p" /proc/cpuinfo | head -n 1; }
machine="$(cpu vendor_id)-$(cpu 'cpu family')-$(cpu model)"
echo "=== benchmarks: recorded figures (docs/bench/), not measured now; this machine: $(cpu 'model name') ($machine)"
if [[ -f docs/bench/$machine/x86_64.json ]]; then
  echo "    recorded on this machine's CPU model; tools/bench.sh measures it again"
  python3 tools/bench_report.py --summary --machine "$machine" || status=1
else
  echo "    not recorded for this CPU model: the newest run of another machine; tools/bench.sh measures this one"
  python3 tools/bench_report.py --summary || status=1
fi
exit $status
