# loongarch64 (lp64d) from an x86-64 Debian host: Clang 19 and lld 19 (Debian
# 12 has no GCC for it, and Clang 14 does not know it), run under qemu-user.
# Freestanding only: Debian 12 has no loongarch64 glibc or libstdc++, so
# programs are -static -nostdlib -ffreestanding and no hosted program links.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR loongarch64)
set(CMAKE_C_COMPILER clang-19)
set(CMAKE_CXX_COMPILER clang++-19)
set(CMAKE_C_COMPILER_TARGET loongarch64-linux-gnu)
set(CMAKE_CXX_COMPILER_TARGET loongarch64-linux-gnu)
foreach(kind EXE SHARED MODULE)
  set(CMAKE_${kind}_LINKER_FLAGS_INIT "-fuse-ld=lld")
endforeach()
# With no libc to link, CMake's compiler checks build a static library instead
# of a program.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
# No loongarch64 sysroot exists here: host libraries and headers must not be found.
set(CMAKE_FIND_ROOT_PATH /usr/loongarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
# Static programs only: qemu needs no sysroot.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-loongarch64)
