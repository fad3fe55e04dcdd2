# ppc64le (ELFv2): g++-12-powerpc64le-linux-gnu or Clang 14, run under qemu-user.
set(RAWSYS_CROSS_TRIPLE powerpc64le-linux-gnu)
set(RAWSYS_CROSS_PROCESSOR ppc64le)
set(RAWSYS_CROSS_QEMU qemu-ppc64le)
set(RAWSYS_CROSS_FLAGS "")
set(RAWSYS_CROSS_CLANG_LD "lld")
include(${CMAKE_CURRENT_LIST_DIR}/cross-linux.cmake)
