# 32-bit ARM EABI (armhf), Thumb-2: g++-12-arm-linux-gnueabihf or Clang 14 (whose default is ARM state), run under qemu-user.
set(RAWSYS_CROSS_TRIPLE arm-linux-gnueabihf)
set(RAWSYS_CROSS_PROCESSOR armv7l)
set(RAWSYS_CROSS_QEMU qemu-arm)
set(RAWSYS_CROSS_FLAGS "-mthumb")
set(RAWSYS_CROSS_CLANG_LD "lld")
include(${CMAKE_CURRENT_LIST_DIR}/cross-linux.cmake)
