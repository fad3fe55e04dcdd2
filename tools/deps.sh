#!/usr/bin/env bash
# Installs what rawsys's build, tests, demo and benchmarks need on Debian 12
# ("bookworm"), as root. Installs nothing that is already there; safe to rerun.
set -u

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed'; }

# qemu-user and linux-libc-dev must come from bookworm-backports: bookworm's
# qemu 7.2 gives arm64 programs no vDSO, and its kernel headers are 6.1.
backports_min_qemu=10
want=(g++ clang cmake ninja-build g++-12-multilib g++-12-aarch64-linux-gnu
      doctest-dev libbenchmark-dev libbenchmark-dev:i386 strace valgrind
      python3 pkg-config file binutils-aarch64-linux-gnu coreutils busybox-static
      libclang-rt-14-dev)

missing=()
for p in "${want[@]}"; do have_pkg "$p" || missing+=("$p"); done
qemu_ok() {
  command -v qemu-aarch64 >/dev/null 2>&1 || return 1
  local v; v=$(qemu-aarch64 --version | sed -n 's/.*version \([0-9]*\).*/\1/p')
  [ "${v:-0}" -ge "$backports_min_qemu" ]
}
hdr_ok() { grep -q '__NR_setxattrat\|__NR_uretprobe' /usr/include/x86_64-linux-gnu/asm/unistd_64.h 2>/dev/null; }
# arm64 Google Benchmark, for the benchmarks' smoke run under qemu-user: unpacked
# into its own prefix, never installed (an installed libc6:arm64 is found
# through qemu-user's -L lookups and breaks dynamically linked arm64 programs).
arm64_bench=/opt/rawsys-arm64-benchmark
arm64_bench_ok() { [ -f $arm64_bench/usr/lib/aarch64-linux-gnu/cmake/benchmark/benchmarkConfig.cmake ]; }

if [ ${#missing[@]} -eq 0 ] && qemu_ok && hdr_ok && arm64_bench_ok; then exit 0; fi

if [ "$(id -u)" -ne 0 ]; then
  echo "deps.sh: missing packages (${missing[*]}); run as root to install them" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! dpkg --print-foreign-architectures | grep -qx i386; then
  dpkg --add-architecture i386
fi
# Package lists only (for the download below); nothing arm64 gets installed.
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  dpkg --add-architecture arm64
fi
src=/etc/apt/sources.list.d/rawsys-backports.sources
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  cat > "$src" <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi
# A mirror mid-sync can fail one index; the install below decides.
apt-get update -qq || echo "deps.sh: apt-get update reported errors; trying the install anyway" >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || exit 1
qemu_ok || apt-get install -y -qq --no-install-recommends -t bookworm-backports qemu-user >/dev/null || exit 1
hdr_ok || apt-get install -y -qq --no-install-recommends -t bookworm-backports linux-libc-dev >/dev/null || exit 1
# Only the arm64 benchmark smoke run needs it: a failed download is a warning,
# and tools/test.sh then leaves the arm64 benchmarks out.
if ! arm64_bench_ok; then
  tmp=$(mktemp -d) && chown _apt "$tmp" 2>/dev/null
  if (cd "$tmp" && apt-get download -qq libbenchmark-dev:arm64 libbenchmark1debian:arm64); then
    for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" "$arm64_bench" || break; done
  fi
  rm -rf "$tmp"
  arm64_bench_ok || echo "deps.sh: arm64 Google Benchmark unavailable; the arm64 benchmark smoke run is skipped" >&2
fi
qemu_ok && hdr_ok
