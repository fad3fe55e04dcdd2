#!/usr/bin/env bash
# Installs rawsys from SOURCE_DIR, choosing the prefix at install time
# (cmake --install --prefix), then builds and runs a consumer each way a
# user consumes the package: find_package, pkg-config, FetchContent from the
# local source tree and add_subdirectory. Each builds a hosted program (C++23,
# its own warnings, which rawsys's headers must not trigger) and a tool without libc (rawsys_add_tool; pkg-config: its
# flags by hand). For a cross ISA, pass the toolchain file and the emulator.
# usage: check_install.sh SOURCE_DIR CXX [TOOLCHAIN_FILE EMULATOR...]
set -eu
src=$1 cxx=$2
toolchain=${3:-}
emulator=("${@:4}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
step() { echo "== $*"; }
run() { "${emulator[@]}" "$@"; }

cross=()
[[ -n "$toolchain" ]] && cross=(-DCMAKE_TOOLCHAIN_FILE="$toolchain")
cmake -S "$src" -B "$tmp/build" -G Ninja -DRAWSYS_BUILD_TESTS=OFF -DRAWSYS_BUILD_EXAMPLES=OFF >/dev/null
cmake --install "$tmp/build" --prefix "$tmp/prefix" >/dev/null
test -f "$tmp/prefix/include/rawsys/rawsys.hpp"

# pkg-config: relocatable, and the standard is the user's.
pc() { PKG_CONFIG_PATH="$tmp/prefix/share/pkgconfig" pkg-config "$@" rawsys; }
flags=$(pc --cflags)
case " $flags " in *" -std="*) echo "pkg-config forces a standard: $flags"; exit 1 ;; esac
inc=${flags#-isystem }
inc=${inc%% *}
test -f "$inc/rawsys/rawsys.hpp" || { echo "pkg-config's include directory is not the install prefix's: $flags"; exit 1; }
# shellcheck disable=SC2086
"$cxx" -std=c++2b -DRAWSYS_EXPECT_CXX23 -Wall -Wextra -Wshadow -Werror $flags \
  "$src/tests/install/consumer/main.cpp" -o "$tmp/pc-consumer"
run "$tmp/pc-consumer"
# shellcheck disable=SC2086
"$cxx" -std=c++20 $flags -Os -static -nostdlib -ffreestanding -fno-exceptions -fno-rtti -fno-pie -no-pie \
  "$src/tests/install/consumer/tool.cpp" -o "$tmp/pc-tool" -lgcc
[[ "$(run "$tmp/pc-tool")" == "consumer tool" ]]
step "pkg-config ($flags): hosted program and tool built and ran"

for how in find_package fetchcontent subdirectory; do
  b=$tmp/consumer-$how
  cmake -S "$src/tests/install/consumer" -B "$b" -G Ninja "${cross[@]}" -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_CXX_STANDARD=23 -DCMAKE_CXX_FLAGS=-DRAWSYS_EXPECT_CXX23 -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DRAWSYS_CONSUME=$how \
    -DCMAKE_PREFIX_PATH="$tmp/prefix" -DRAWSYS_SOURCE="$src" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
  cmake --build "$b" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
  run "$b/consumer"
  [[ "$(run "$b/consumer-tool")" == "consumer tool" ]]
  # rawsys's headers are system headers to the consumer: its warnings are its own.
  grep -q -- "-isystem [^ ]*/include" "$b/compile_commands.json" ||
    { echo "$how: rawsys's include directory is not a system one"; grep -m1 -- '"command"' "$b/compile_commands.json"; exit 1; }
  if [[ $how != find_package ]]; then
    # Embedded: no install rules of rawsys's own.
    cmake --install "$b" --prefix "$tmp/embedded-$how" >/dev/null
    if [[ -e "$tmp/embedded-$how" ]]; then echo "$how: installing the consumer installed rawsys"; exit 1; fi
  fi
  step "$how: hosted program and rawsys_add_tool tool built and ran"
done
