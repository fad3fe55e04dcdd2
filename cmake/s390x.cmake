# s390x (64-bit, big-endian): g++-12-s390x-linux-gnu, or Clang 14 linking with GNU ld (lld 14 has no s390x emulation), run under qemu-user.
set(RAWSYS_CROSS_TRIPLE s390x-linux-gnu)
set(RAWSYS_CROSS_PROCESSOR s390x)
set(RAWSYS_CROSS_QEMU qemu-s390x)
set(RAWSYS_CROSS_FLAGS "")
set(RAWSYS_CROSS_CLANG_LD "bfd")
include(${CMAKE_CURRENT_LIST_DIR}/cross-linux.cmake)
