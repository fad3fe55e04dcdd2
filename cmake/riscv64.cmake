# riscv64 (RV64GC, lp64d) from an x86-64 Debian host: g++-12-riscv64-linux-gnu or Clang 14, run under qemu-user.
set(RAWSYS_CROSS_TRIPLE riscv64-linux-gnu)
set(RAWSYS_CROSS_PROCESSOR riscv64)
set(RAWSYS_CROSS_QEMU qemu-riscv64)
set(RAWSYS_CROSS_FLAGS "")
# lld 14 cannot link glibc's crt files (R_RISCV_ALIGN needs linker relaxation,
# which lld has from 15 on): Clang links with lld 19 (or -DRAWSYS_CROSS_LINKER=bfd).
set(RAWSYS_CROSS_CLANG_LD "lld-19")
include(${CMAKE_CURRENT_LIST_DIR}/cross-linux.cmake)
