#!/usr/bin/env bash
# Installs what rawsys's build, tests, demo and benchmarks need on Debian 12
# ("bookworm"), as root. Installs nothing that is already there; safe to rerun.
#
# usage: tools/deps.sh [--dry-run]
#   --dry-run (or RAWSYS_DEPS_DRY_RUN=1): say what would be installed and which
#   bookworm-backports entry would be written; change nothing, need no root.
#   RAWSYS_APT_DIR (default /etc/apt) names the apt configuration to read and
#   write: tests point it at a copy.
set -u

dry_run=${RAWSYS_DEPS_DRY_RUN:-0}
case ${1:-} in
  --dry-run) dry_run=1 ;;
  "") ;;
  *) echo "usage: tools/deps.sh [--dry-run]" >&2; exit 2 ;;
esac
apt_dir=${RAWSYS_APT_DIR:-/etc/apt}

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed'; }

# Cross compilers for the ISAs beyond x86-64, i386 and arm64 (each run under
# qemu-user). The versioned g++-12-<triple> packages, never the unversioned
# metapackages: those conflict with g++-12-multilib.
cross_triples=(arm-linux-gnueabihf riscv64-linux-gnu s390x-linux-gnu powerpc64le-linux-gnu
               mips64el-linux-gnuabi64 mipsel-linux-gnu)
cross_pkgs=()
for t in "${cross_triples[@]}"; do cross_pkgs+=("g++-12-$t" "binutils-$t"); done

# qemu-user and linux-libc-dev must come from bookworm-backports: bookworm's
# qemu 7.2 gives arm64 programs no vDSO, and its kernel headers are 6.1.
backports_min_qemu=10
want=(g++ clang cmake ninja-build g++-12-multilib g++-12-aarch64-linux-gnu
      doctest-dev libbenchmark-dev libbenchmark-dev:i386 strace valgrind
      libfmt-dev     # {fmt}, for the tests of <rawsys/std.hpp>
      python3 pkg-config file binutils-aarch64-linux-gnu coreutils busybox-static
      libclang-rt-14-dev
      "${cross_pkgs[@]}"
      lld            # clang 14's linker, for clang cross builds
      clang-19 lld-19  # loongarch64: no GCC in Debian 12, clang 14 lacks it
      musl-tools)      # musl-gcc: the small static libc, for comparisons

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

# The apt source files apt itself reads: sources.list, sources.list.d/*.list
# (one-line format) and sources.list.d/*.sources (deb822).
list_files() {
  local f
  for f in "$apt_dir/sources.list" "$apt_dir"/sources.list.d/*.list; do [ -f "$f" ] && echo "$f"; done
}
deb822_files() {
  local f
  for f in "$apt_dir"/sources.list.d/*.sources; do [ -f "$f" ] && echo "$f"; done
}

# Prints the URIs of every enabled "deb" entry whose suites include $1, one
# entry a line, as "<uris>\t<signed-by or empty>". deb822 Signed-By may be a
# key block over several lines: its continuation lines are kept, joined by
# "\n" (a literal backslash-n) for the caller to expand.
entries_for_suite() {
  local suite=$1 f
  while read -r f; do
    awk -v want="$suite" '
      /^[[:space:]]*#/ || /^[[:space:]]*$/ { next }
      $1 != "deb" { next }
      {
        opts = ""; i = 2
        if ($2 ~ /^\[/) {            # [ option=value ... ]
          while (i <= NF) { opts = opts " " $i; if ($i ~ /\]$/) { i++; break } i++ }
        }
        uri = $i; s = $(i + 1)
        if (s != want) next
        signed = ""
        n = split(opts, o, /[][[:space:]]+/)
        for (k = 1; k <= n; k++) if (tolower(o[k]) ~ /^signed-by=/) signed = substr(o[k], 11)
        print uri "\t" signed
      }' "$f"
  done < <(list_files)
  while read -r f; do
    awk -v want="$suite" '
      function flush(  n, s, k, t, ok) {
        if (types != "" || uris != "") {
          ok = 0; n = split(types, t, /[[:space:]]+/)
          for (k = 1; k <= n; k++) if (t[k] == "deb") ok = 1
          if (tolower(enabled) == "no") ok = 0
          if (ok) {
            n = split(suites, s, /[[:space:]]+/)
            for (k = 1; k <= n; k++) if (s[k] == want) { print uris "\t" signed; break }
          }
        }
        types = uris = suites = signed = enabled = ""; field = ""
      }
      /^#/ { next }
      /^[[:space:]]*$/ { flush(); next }
      /^[[:space:]]/ {                # continuation of the field before
        line = $0; sub(/^[[:space:]]+/, " ", line)
        if (field == "signed-by") signed = signed "\\n" line
        else if (field == "uris") uris = uris line
        else if (field == "suites") suites = suites line
        else if (field == "types") types = types line
        next
      }
      {
        field = tolower(substr($0, 1, index($0, ":") - 1))
        value = substr($0, index($0, ":") + 1); gsub(/^[[:space:]]+|[[:space:]]+$/, "", value)
        if (field == "types") types = value
        else if (field == "uris") uris = value
        else if (field == "suites") suites = value
        else if (field == "signed-by") signed = value
        else if (field == "enabled") enabled = value
      }
      END { flush() }' "$f"
  done < <(deb822_files)
}

backports_configured() { [ -n "$(entries_for_suite bookworm-backports)" ]; }

# The bookworm-backports entry, built from the machine's own bookworm entry:
# the same archive and key, suite bookworm-backports.
backports_stanza() {
  local entry uris signed
  entry=$(entries_for_suite bookworm | head -n 1)
  if [ -z "$entry" ]; then
    echo "deps.sh: no apt source for the suite 'bookworm' in $apt_dir/sources.list or" \
         "$apt_dir/sources.list.d/*.list|*.sources: configure Debian 12's archive first;" \
         "bookworm-backports is taken from the same archive" >&2
    return 1
  fi
  uris=${entry%%$'\t'*}
  signed=${entry#*$'\t'}
  printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\n' "$uris"
  case $signed in
    "") ;;
    '\n'*) printf 'Signed-By:%b\n' "$signed" ;;  # a key block on the lines below
    *) printf 'Signed-By: %b\n' "$signed" ;;
  esac
  return 0
}

if [ "$dry_run" = 1 ]; then
  echo "deps.sh (dry run): missing packages: ${missing[*]:-none}"
  qemu_ok || echo "deps.sh (dry run): would install qemu-user from bookworm-backports"
  hdr_ok || echo "deps.sh (dry run): would install linux-libc-dev from bookworm-backports"
  arm64_bench_ok || echo "deps.sh (dry run): would unpack the arm64 Google Benchmark into $arm64_bench"
  if backports_configured; then
    echo "deps.sh (dry run): bookworm-backports is configured already"
  else
    stanza=$(backports_stanza) || exit 1
    echo "deps.sh (dry run): would write $apt_dir/sources.list.d/rawsys-backports.sources:"
    printf '%s\n' "$stanza"
  fi
  exit 0
fi

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
if ! backports_configured; then
  stanza=$(backports_stanza) || exit 1
  printf '%s\n' "$stanza" > "$apt_dir/sources.list.d/rawsys-backports.sources" || {
    echo "deps.sh: could not write $apt_dir/sources.list.d/rawsys-backports.sources" >&2; exit 1; }
fi
# A mirror mid-sync can fail one index; the install below decides.
apt-get update -qq || echo "deps.sh: apt-get update reported errors; trying the install anyway" >&2
if [ ${#missing[@]} -gt 0 ]; then
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
    echo "deps.sh: apt-get install failed for: ${missing[*]}" >&2; exit 1; }
fi
qemu_ok || apt-get install -y -qq --no-install-recommends -t bookworm-backports qemu-user >/dev/null || {
  echo "deps.sh: could not install qemu-user from bookworm-backports" >&2; exit 1; }
hdr_ok || apt-get install -y -qq --no-install-recommends -t bookworm-backports linux-libc-dev >/dev/null || {
  echo "deps.sh: could not install linux-libc-dev from bookworm-backports" >&2; exit 1; }
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
