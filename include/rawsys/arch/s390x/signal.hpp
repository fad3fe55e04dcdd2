// s390x's signal return, for <rawsys/signal.hpp> alone: two restorers, as the
// vDSO's __kernel_sigreturn and __kernel_rt_sigreturn. A handler returns to
// the restorer through r14. With SA_SIGINFO it gets the rt frame, undone by
// rt_sigreturn:
//   svc 173        0a ad
// without it the old, non-rt frame, which only the old sigreturn undoes:
//   svc 119        0a 77
// (libgcc's s390 unwinder recognises exactly these two instructions.)
#pragma once

#include "../restorer.hpp"

namespace rawsys::detail {
extern "C" [[gnu::visibility("hidden")]] void rawsys_restore_rt() noexcept;
extern "C" [[gnu::visibility("hidden")]] void rawsys_restore() noexcept;
__asm__(RAWSYS_RESTORER_("rawsys_restore_rt", "@", "svc 173\n"));
__asm__(RAWSYS_RESTORER_("rawsys_restore", "@", "svc 119\n"));
}  // namespace rawsys::detail

namespace rawsys::arch {
// The restorer for a handler with (siginfo) or without SA_SIGINFO.
[[gnu::always_inline]] inline void (*restorer(bool siginfo) noexcept)() {
  return siginfo ? detail::rawsys_restore_rt : detail::rawsys_restore;
}
}  // namespace rawsys::arch
