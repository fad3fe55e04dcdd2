# mipsel, o32 ABI: g++-12-mipsel-linux-gnu, run under qemu-user (GCC only here).
set(RAWSYS_CROSS_TRIPLE mipsel-linux-gnu)
set(RAWSYS_CROSS_PROCESSOR mips)
set(RAWSYS_CROSS_QEMU qemu-mipsel)
set(RAWSYS_CROSS_FLAGS "")
set(RAWSYS_CROSS_CLANG_LD "")
include(${CMAKE_CURRENT_LIST_DIR}/cross-linux.cmake)
