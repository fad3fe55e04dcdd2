#!/usr/bin/env bash
# Installs rawsys from SOURCE_DIR into a temporary prefix, then builds and runs
# a consumer through find_package(rawsys), and one through pkg-config.
# usage: check_install.sh SOURCE_DIR CXX
set -eu
src=$1 cxx=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake -S "$src" -B "$tmp/build" -G Ninja -DCMAKE_INSTALL_PREFIX="$tmp/prefix" \
  -DRAWSYS_BUILD_TESTS=OFF -DRAWSYS_BUILD_EXAMPLES=OFF >/dev/null
cmake --install "$tmp/build" >/dev/null
cmake -S "$src/tests/install/consumer" -B "$tmp/consumer" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/consumer" >/dev/null
"$tmp/consumer/consumer"
echo "find_package(rawsys): built and ran"
flags=$(PKG_CONFIG_PATH="$tmp/prefix/share/pkgconfig" pkg-config --cflags rawsys)
# shellcheck disable=SC2086
"$cxx" $flags "$src/tests/install/consumer/main.cpp" -o "$tmp/pc-consumer"
"$tmp/pc-consumer"
echo "pkg-config rawsys ($flags): built and ran"
