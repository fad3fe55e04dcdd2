// 32-bit ARM's signal return, for <rawsys/signal.hpp> alone: two restorers,
// as in glibc, in the instruction set of the rest of the program: Clang marks
// a function its Thumb code takes the address of as Thumb, whatever the
// assembler was told, so ARM code here would be entered in the wrong state.
// The kernel returns to them with `bx lr`, which picks the state from the
// address's low bit. A handler with SA_SIGINFO gets the rt frame, undone by
// rt_sigreturn:
//   ARM:   mov r7, #173; svc 0     ad 70 a0 e3 00 00 00 ef
//   Thumb: movs r7, #173; svc 0    ad 27 00 df
// a handler without it gets the old frame, which only the old sigreturn
// undoes; rt_sigreturn would read the wrong frame:
//   ARM:   mov r7, #119; svc 0     77 70 a0 e3 00 00 00 ef
//   Thumb: movs r7, #119; svc 0    77 27 00 df
// (glibc's sigrestorer.S, and the kernel's sigreturn_codes.S for each state).
#pragma once

#include "../restorer.hpp"
#include "syscall.hpp"

#if defined(__thumb__)
#define RAWSYS_ARM_SIGRETURN_(n) "movs r7, #" #n "\nsvc 0\n"
#else
#define RAWSYS_ARM_SIGRETURN_(n) "mov r7, #" #n "\nsvc 0\n"
#endif

namespace rawsys::detail {
extern "C" [[gnu::visibility("hidden")]] void rawsys_restore_rt() noexcept;
extern "C" [[gnu::visibility("hidden")]] void rawsys_restore() noexcept;
__asm__(RAWSYS_ARM_CODE_STATE_ RAWSYS_RESTORER_("rawsys_restore_rt", "%", RAWSYS_ARM_SIGRETURN_(173)));
__asm__(RAWSYS_ARM_CODE_STATE_ RAWSYS_RESTORER_("rawsys_restore", "%", RAWSYS_ARM_SIGRETURN_(119)));
}  // namespace rawsys::detail

#undef RAWSYS_ARM_SIGRETURN_

namespace rawsys::arch {
// The restorer for a handler with (siginfo) or without SA_SIGINFO.
[[gnu::always_inline]] inline void (*restorer(bool siginfo) noexcept)() {
  return siginfo ? detail::rawsys_restore_rt : detail::rawsys_restore;
}
}  // namespace rawsys::arch
