// LoongArch 64's signal return, for <rawsys/signal.hpp> alone: none of the
// library's. The kernel has no SA_RESTORER here (abi::sa_restorer): it sets
// a handler's return address to the vDSO's __vdso_rt_sigreturn
//   li.w $a7, 139; syscall 0        0b 2c 82 03 00 00 2b 00
// (linux/arch/loongarch/kernel/signal.c, setup_rt_frame), for handlers with
// and without SA_SIGINFO alike.
#pragma once

namespace rawsys::arch {
// No restorer: rt_sigaction passes the caller's struct unchanged.
[[gnu::always_inline]] inline void (*restorer(bool) noexcept)() { return nullptr; }
}  // namespace rawsys::arch
