# Shared part of the cross toolchain files (cmake/<isa>.cmake): a Debian 12
# GCC 12 cross compiler by default, or Clang 14 on the same sysroot, run under
# qemu-user. Not a toolchain file itself: the per-ISA file sets
#   RAWSYS_CROSS_TRIPLE      GNU triple, e.g. riscv64-linux-gnu (the sysroot is /usr/<triple>)
#   RAWSYS_CROSS_PROCESSOR   CMAKE_SYSTEM_PROCESSOR (what `uname -m` says there)
#   RAWSYS_CROSS_QEMU        the qemu-user program
#   RAWSYS_CROSS_FLAGS       extra compile and link flags (e.g. -marm), may be empty
#   RAWSYS_CROSS_CLANG_LD    the linker Clang uses (-fuse-ld=...), empty if Clang
#                            is not supported for this ISA
# and then includes this file.
#
# Choosing the compiler: -DRAWSYS_CROSS_COMPILER=clang (or the environment
# variable of that name); the default is gcc. -DRAWSYS_CROSS_LINKER=<name>
# overrides the -fuse-ld choice for Clang.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR ${RAWSYS_CROSS_PROCESSOR})

if(NOT DEFINED RAWSYS_CROSS_COMPILER)
  if(DEFINED ENV{RAWSYS_CROSS_COMPILER} AND NOT "$ENV{RAWSYS_CROSS_COMPILER}" STREQUAL "")
    set(RAWSYS_CROSS_COMPILER "$ENV{RAWSYS_CROSS_COMPILER}")
  else()
    set(RAWSYS_CROSS_COMPILER gcc)
  endif()
endif()
set(RAWSYS_CROSS_COMPILER "${RAWSYS_CROSS_COMPILER}" CACHE STRING "gcc or clang (cross toolchain files)")
# try_compile projects (compiler checks, check_cxx_compiler_flag) see the same choice.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES RAWSYS_CROSS_COMPILER RAWSYS_CROSS_LINKER)

if(RAWSYS_CROSS_COMPILER STREQUAL "gcc")
  set(CMAKE_C_COMPILER ${RAWSYS_CROSS_TRIPLE}-gcc-12)
  set(CMAKE_CXX_COMPILER ${RAWSYS_CROSS_TRIPLE}-g++-12)
  set(RAWSYS_CROSS_LINK_FLAGS "")
elseif(RAWSYS_CROSS_COMPILER STREQUAL "clang")
  if(RAWSYS_CROSS_CLANG_LD STREQUAL "")
    message(FATAL_ERROR "RAWSYS_CROSS_COMPILER=clang: not offered for ${RAWSYS_CROSS_TRIPLE} (see docs/isas.md)")
  endif()
  if(NOT RAWSYS_CROSS_LINKER)
    set(RAWSYS_CROSS_LINKER ${RAWSYS_CROSS_CLANG_LD})
  endif()
  # Clang 14 finds the cross GCC's headers, libstdc++, crt files and libgcc
  # under /usr/lib/gcc-cross/<triple>/12 and /usr/<triple> by itself.
  set(CMAKE_C_COMPILER clang)
  set(CMAKE_CXX_COMPILER clang++)
  set(CMAKE_C_COMPILER_TARGET ${RAWSYS_CROSS_TRIPLE})
  set(CMAKE_CXX_COMPILER_TARGET ${RAWSYS_CROSS_TRIPLE})
  set(RAWSYS_CROSS_LINK_FLAGS "-fuse-ld=${RAWSYS_CROSS_LINKER}")
else()
  message(FATAL_ERROR "RAWSYS_CROSS_COMPILER must be gcc or clang, not '${RAWSYS_CROSS_COMPILER}'")
endif()

set(CMAKE_C_FLAGS_INIT "${RAWSYS_CROSS_FLAGS}")
set(CMAKE_CXX_FLAGS_INIT "${RAWSYS_CROSS_FLAGS}")
foreach(kind EXE SHARED MODULE)
  set(CMAKE_${kind}_LINKER_FLAGS_INIT "${RAWSYS_CROSS_LINK_FLAGS}")
endforeach()

set(CMAKE_LIBRARY_ARCHITECTURE ${RAWSYS_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH /usr/${RAWSYS_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
# Dynamically linked programs find their loader and libraries in the sysroot;
# static ones ignore -L.
set(CMAKE_CROSSCOMPILING_EMULATOR ${RAWSYS_CROSS_QEMU} -L /usr/${RAWSYS_CROSS_TRIPLE})
