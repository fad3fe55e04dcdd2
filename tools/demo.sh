#!/usr/bin/env bash
# Installs what is missing, builds the examples for x86-64, i386 and arm64, and
# runs them (arm64 under qemu-user).
set -u
cd "$(dirname "$0")/.." || exit 1
root=$(pwd)
tools/deps.sh || { echo "demo.sh: could not install the build dependencies"; exit 1; }

run() {  # arch, program...
  local arch=$1; shift
  if [[ $arch == aarch64 ]]; then qemu-aarch64 -L /usr/aarch64-linux-gnu "$@"; else "$@"; fi
}

status=0
for arch in x86_64 i386 aarch64; do
  dir=build/demo-$arch
  args=(-S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel -DRAWSYS_BUILD_TESTS=OFF)
  [[ $arch != x86_64 ]] && args+=(-DCMAKE_TOOLCHAIN_FILE="$root/cmake/$arch.cmake")
  if ! { cmake "${args[@]}" && cmake --build "$dir" -j "$(nproc)"; } >"build/demo-$arch.log" 2>&1; then
    tail -n 30 "build/demo-$arch.log"; echo "demo.sh: $arch build failed"; status=1; continue
  fi
  echo "=== $arch: examples/hello_core"
  run "$arch" "$dir/examples/hello_core" || status=1
  echo
done
exit $status
