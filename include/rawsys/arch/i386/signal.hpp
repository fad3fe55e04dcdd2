// i386's signal return, for <rawsys/signal.hpp> alone: two restorers, as in
// glibc. A handler with SA_SIGINFO gets the rt frame, undone by rt_sigreturn
// (__restore_rt):
//   mov $173, %eax; int $0x80     b8 ad 00 00 00 cd 80
// a handler without it gets the old, non-rt frame, which only the old
// sigreturn undoes; rt_sigreturn would read the wrong frame (__restore):
//   popl %eax; mov $119, %eax; int $0x80     58 b8 77 00 00 00 cd 80
#pragma once

#include "../restorer.hpp"

namespace rawsys::detail {
extern "C" [[gnu::visibility("hidden")]] void rawsys_restore_rt() noexcept;
extern "C" [[gnu::visibility("hidden")]] void rawsys_restore() noexcept;
__asm__(RAWSYS_RESTORER_("rawsys_restore_rt", "@", "movl $173, %eax\nint $0x80\n"));
__asm__(RAWSYS_RESTORER_("rawsys_restore", "@", "popl %eax\nmovl $119, %eax\nint $0x80\n"));
}  // namespace rawsys::detail

namespace rawsys::arch {
// The restorer for a handler with (siginfo) or without SA_SIGINFO.
[[gnu::always_inline]] inline void (*restorer(bool siginfo) noexcept)() {
  return siginfo ? detail::rawsys_restore_rt : detail::rawsys_restore;
}
}  // namespace rawsys::arch
