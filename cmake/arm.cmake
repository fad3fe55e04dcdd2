# 32-bit ARM EABI (armhf), ARM state: g++-12-arm-linux-gnueabihf (whose default is Thumb-2) or Clang 14, run under qemu-user.
set(RAWSYS_CROSS_TRIPLE arm-linux-gnueabihf)
set(RAWSYS_CROSS_PROCESSOR armv7l)
set(RAWSYS_CROSS_QEMU qemu-arm)
set(RAWSYS_CROSS_FLAGS "-marm")
set(RAWSYS_CROSS_CLANG_LD "lld")
include(${CMAKE_CURRENT_LIST_DIR}/cross-linux.cmake)
