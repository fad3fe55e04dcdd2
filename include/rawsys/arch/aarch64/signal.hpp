// arm64's signal return, for <rawsys/signal.hpp> alone: every handler
// returns through rt_sigreturn, in the vDSO's __kernel_rt_sigreturn sequence:
//   mov x8, #139; svc #0          68 11 80 d2 01 00 00 d4
// Without SA_RESTORER the kernel would use the vDSO's; the library sets its
// own anyway, so a program does not depend on the vDSO being mapped.
#pragma once

#include "../restorer.hpp"

namespace rawsys::detail {
extern "C" [[gnu::visibility("hidden")]] void rawsys_restore_rt() noexcept;
__asm__(RAWSYS_RESTORER_("rawsys_restore_rt", "%", "mov x8, #139\nsvc #0\n"));
}  // namespace rawsys::detail

namespace rawsys::arch {
// The restorer for a handler with (siginfo) or without SA_SIGINFO.
[[gnu::always_inline]] inline void (*restorer(bool) noexcept)() { return detail::rawsys_restore_rt; }
}  // namespace rawsys::arch
