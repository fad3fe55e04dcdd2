// What only 64-bit PowerPC adds to <rawsys/ptrace.hpp>: its whole-set and
// vector-register requests (asm/ptrace.h PTRACE_*) and register sets (elf.h
// NT_PPC_*), as enumerators its enums take in (ptrace.hpp undefines both
// macros), and its general registers.
#pragma once

#include <stdint.h>

#define RAWSYS_ARCH_PTRACE_REQUESTS_                                                               \
  getregs = 12, setregs = 13, getfpregs = 14, setfpregs = 15, getvrregs = 18, setvrregs = 19,      \
  getevrregs = 20, setevrregs = 21, getregs64 = 22, setregs64 = 23, get_debugreg = 25,             \
  set_debugreg = 26, getvsrregs = 27, setvsrregs = 28, sysemu = 29, sysemu_singlestep = 30,       \
  singleblock = 0x100,
#define RAWSYS_ARCH_NT_                                                                            \
  ppc_vmx = 0x100, ppc_spe = 0x101, ppc_vsx = 0x102, ppc_tar = 0x103, ppc_ppr = 0x104,             \
  ppc_dscr = 0x105, ppc_ebb = 0x106, ppc_pmu = 0x107, ppc_pkey = 0x110,

namespace rawsys::ppc64 {
// struct pt_regs, as NT_PRSTATUS fills it (ELF_NGREG, 48 words: the rest is
// zero). At a syscall stop r0 holds the number and r3..r8 the arguments; at
// exit r3 is the result, a positive errno when ccr's CR0.SO is set.
struct user_regs {
  uint64_t gpr[32];
  uint64_t nip, msr, orig_gpr3, ctr, link, xer, ccr, softe, trap, dar, dsisr, result;
  uint64_t pad_[4];
  constexpr uint64_t syscall_nr() const noexcept { return gpr[0]; }
  constexpr uint64_t syscall_ret() const noexcept {
    return (ccr & 0x10000000) ? uint64_t{0} - gpr[3] : gpr[3];  // CR0.SO: -errno
  }
  constexpr uint64_t syscall_arg(int i) const noexcept { return i == 0 ? orig_gpr3 : gpr[3 + i]; }
  constexpr uint64_t pc() const noexcept { return nip; }
  constexpr uint64_t sp() const noexcept { return gpr[1]; }
};
static_assert(sizeof(user_regs) == 48 * 8);
}  // namespace rawsys::ppc64
