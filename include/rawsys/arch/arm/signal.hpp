// 32-bit ARM's signal return, for <rawsys/signal.hpp> alone: two restorers,
// as in glibc (sysdeps/unix/sysv/linux/arm/sigrestorer.S), in ARM code
// whatever the rest of the program is (the kernel returns to them with
// `bx lr`, which switches state by the address's low bit). A handler with
// SA_SIGINFO gets the rt frame, undone by rt_sigreturn:
//   mov r7, #173; svc 0     ad 70 a0 e3 00 00 00 ef
// a handler without it gets the old frame, which only the old sigreturn
// undoes; rt_sigreturn would read the wrong frame:
//   mov r7, #119; svc 0     77 70 a0 e3 00 00 00 ef
#pragma once

#include "../restorer.hpp"
#include "syscall.hpp"

namespace rawsys::detail {
extern "C" [[gnu::visibility("hidden")]] void rawsys_restore_rt() noexcept;
extern "C" [[gnu::visibility("hidden")]] void rawsys_restore() noexcept;
__asm__(".arm\n" RAWSYS_RESTORER_("rawsys_restore_rt", "%", "mov r7, #173\nsvc 0\n") RAWSYS_ARM_CODE_STATE_);
__asm__(".arm\n" RAWSYS_RESTORER_("rawsys_restore", "%", "mov r7, #119\nsvc 0\n") RAWSYS_ARM_CODE_STATE_);
}  // namespace rawsys::detail

namespace rawsys::arch {
// The restorer for a handler with (siginfo) or without SA_SIGINFO.
[[gnu::always_inline]] inline void (*restorer(bool siginfo) noexcept)() {
  return siginfo ? detail::rawsys_restore_rt : detail::rawsys_restore;
}
}  // namespace rawsys::arch
