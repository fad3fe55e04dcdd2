# mips64el, n64 ABI: g++-12-mips64el-linux-gnuabi64, run under qemu-user (GCC only here).
set(RAWSYS_CROSS_TRIPLE mips64el-linux-gnuabi64)
set(RAWSYS_CROSS_PROCESSOR mips64)
set(RAWSYS_CROSS_QEMU qemu-mips64el)
set(RAWSYS_CROSS_FLAGS "")
set(RAWSYS_CROSS_CLANG_LD "")
include(${CMAKE_CURRENT_LIST_DIR}/cross-linux.cmake)
