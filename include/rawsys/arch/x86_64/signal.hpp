// x86-64's signal return, for <rawsys/signal.hpp> alone: every handler
// returns through rt_sigreturn (x86-64 cannot deliver a signal without a
// restorer), in glibc's __restore_rt sequence:
//   mov $15, %rax; syscall        48 c7 c0 0f 00 00 00 0f 05
#pragma once

#include "../restorer.hpp"

namespace rawsys::detail {
extern "C" [[gnu::visibility("hidden")]] void rawsys_restore_rt() noexcept;
__asm__(RAWSYS_RESTORER_("rawsys_restore_rt", "@", "movq $15, %rax\nsyscall\n"));
}  // namespace rawsys::detail

namespace rawsys::arch {
// The restorer for a handler with (siginfo) or without SA_SIGINFO.
[[gnu::always_inline]] inline void (*restorer(bool) noexcept)() { return detail::rawsys_restore_rt; }
}  // namespace rawsys::arch
