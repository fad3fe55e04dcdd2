// 64-bit PowerPC's signal return, for <rawsys/signal.hpp> alone: none of the
// library's. The kernel ignores sa_restorer and returns every handler
// through the vDSO's __kernel_sigtramp_rt64 (rt_sigreturn), which debuggers
// and unwinders know; without a vDSO it writes that code on the signal
// frame itself (abi::sa_restorer is false).
#pragma once

namespace rawsys::arch {
// The restorer for a handler with (siginfo) or without SA_SIGINFO: none.
[[gnu::always_inline]] inline void (*restorer(bool) noexcept)() { return nullptr; }
}  // namespace rawsys::arch
