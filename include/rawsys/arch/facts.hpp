// The vocabulary of ABI facts: what each arch/<isa>/abi.hpp says of its ISA,
// and the facts every ISA's compiler states itself. Topic headers read these
// with `if constexpr`; none of them names an ISA.
#pragma once

namespace rawsys::abi {

// How a 64-bit argument (a file offset, a length) reaches the kernel.
enum class arg64_kind {
  one_register,  // 64-bit ISAs
  pair,          // two registers in a row, in memory order (i386)
  aligned_pair,  // an even/odd register pair: a register is skipped to align it (arm, mips o32)
};

// clone(2)'s argument order after the flags or stack, per the kernel's
// CLONE_BACKWARDS* Kconfig options.
enum class clone_order {
  flags_stack_ptid_ctid_tls,  // x86-64, loongarch64
  flags_stack_ptid_tls_ctid,  // CLONE_BACKWARDS: i386, arm, arm64, riscv, ppc, mips
  stack_flags_ptid_ctid_tls,  // CLONE_BACKWARDS2: s390
};

// How mmap's file offset travels.
enum class mmap_kind {
  bytes,     // mmap: the offset in bytes
  pages,     // mmap2: the offset in 4096-byte units (32-bit ISAs)
  argblock,  // old_mmap: one pointer to the six arguments (s390x)
};

// abi::statx_fallback: whether a kernel of the ISA may lack fstat and
// newfstatat (loongarch64 before Linux 6.11 has statx only); where it may,
// the wrappers answer ENOSYS from them with statx, as glibc does.

// How _IOC packs an ioctl(2) request number:
//   dir << (16 + size_bits) | size << 16 | type << 8 | nr
// with dir one of none, write, read (or write | read).
struct ioc_kind {
  unsigned size_bits;
  unsigned none, write, read;
};
inline constexpr ioc_kind ioc_generic{14, 0, 1, 2};  // asm-generic/ioctl.h
inline constexpr ioc_kind ioc_powerpc{13, 1, 4, 2};  // powerpc and mips: asm/ioctl.h

// A function the kernel's vDSO exports: its symbol name and version; a null
// name where the ISA's vDSO has none or the library does not use it.
struct vdso_symbol {
  const char* name;
  const char* version;
};

// The vDSO functions the library calls (vdso.hpp); where one is missing its
// wrapper uses another (clock_gettime for gettimeofday and time) or the
// syscall.
struct vdso_symbols {
  vdso_symbol clock_gettime;  // with a 64-bit timespec
  vdso_symbol clock_getres;   // with a 64-bit timespec
  vdso_symbol gettimeofday;
  vdso_symbol time;
  vdso_symbol getcpu;
  vdso_symbol getrandom;
};

// Facts the compiler states for every ISA.
inline constexpr unsigned word_bits = sizeof(long) * 8;
inline constexpr bool big_endian = __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;

}  // namespace rawsys::abi
