// The call only mips o32 has, for <rawsys/process.hpp>: syscall, the
// indirect call. It exists only when compiling for mips o32.
#pragma once

#include "../../syscall.hpp"

namespace rawsys {

// syscall(2) on mips o32 (number 4000): long syscall(long number, ...);
// The indirect call: the kernel makes the call `number` with the arguments
// after it, up to six (arch/mips/kernel/scall32-o32.S: sys_syscall shifts
// them down by one, the fourth to sixth through the o32 stack area), and
// returns its result. ENOSYS for a number outside the table and for 4000
// itself (the kernel does not recurse). rawsys makes every call by its own
// number; this is for code that has only a number at run time.
template <class = void>
inline result<long> indirect_syscall(nr number, long a = 0, long b = 0, long c = 0, long d = 0, long e = 0,
                                     long f = 0) noexcept {
  return syscall(nr::syscall, static_cast<long>(number), a, b, c, d, e, f);
}

}  // namespace rawsys
