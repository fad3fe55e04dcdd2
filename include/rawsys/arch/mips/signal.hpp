// mips' signal return (n64 and o32), for <rawsys/signal.hpp> alone: none of
// the library's. mips has no SA_RESTORER (abi::sa_restorer) and its struct
// sigaction no restorer field: the kernel points a handler's return address
// ($31) at its own return code, the vDSO's sigreturn trampoline
//   li v0, __NR_rt_sigreturn; syscall
// (linux/arch/mips/kernel/signal.c, setup_rt_frame; qemu-user, which maps
// no vDSO for mips, writes the same two instructions into the frame), for
// handlers with and without SA_SIGINFO alike.
#pragma once

// siginfo_t has si_code before si_errno (asm/siginfo.h __ARCH_HAS_SWAPPED_SIGINFO).
#define RAWSYS_ARCH_SIGINFO_CODE_SECOND_ 1

namespace rawsys::arch {
// No restorer: rt_sigaction passes the caller's struct unchanged.
[[gnu::always_inline]] inline void (*restorer(bool) noexcept)() { return nullptr; }
}  // namespace rawsys::arch
