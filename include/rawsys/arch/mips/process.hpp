// mips' part of <rawsys/process.hpp> (n64 and o32): the clone trampoline,
// and the calls only mips has: cacheflush, cachectl, sysmips, set_thread_area
// (and on o32 the indirect syscall: mipsel/calls.hpp).
#pragma once

#include <stdint.h>

#include "../../nr.hpp"
#include "calls.hpp"
#if _MIPS_SIM == _ABIO32
#include "../mipsel/calls.hpp"
#endif

#if _MIPS_SIM == _ABI64  // child_tid in $8
#define RAWSYS_MIPS_CLONE_ENTER_ "syscall\n\t"
#define RAWSYS_MIPS_CLONE_LEAVE_ ""
#define RAWSYS_MIPS_CLONE_HOME_ ""
#else  // child_tid the fifth argument, at 16($sp) of a 32-byte area; the callee's 16-byte home
#define RAWSYS_MIPS_CLONE_ENTER_ "addiu $sp, $sp, -32\n\tsw $8, 16($sp)\n\tsyscall\n\t"
#define RAWSYS_MIPS_CLONE_LEAVE_ "addiu $sp, $sp, 32\n\t"
#define RAWSYS_MIPS_CLONE_HOME_ "addiu $sp, $sp, -16\n\t"
#endif

namespace rawsys::arch {

// clone(2) that runs fn(arg) in the child on the stack whose 16-byte aligned
// top is `top`, then exit(2)s with its value; the child never returns here.
// The raw result (-errno on failure) in the caller. fn in $16 and arg in $17
// (s0, s1), which the child inherits and the kernel keeps; $4 flags, $5
// stack, $6 parent_tid, $7 tls, then child_tid (CLONE_BACKWARDS): in $8 on
// n64, on the stack on o32, whose child also leaves a callee the 16 bytes
// it may store its argument registers in. fn is called through $25, where
// position-independent code finds its own address.
inline long clone_thread(int (*fn)(void*), void* arg, unsigned long flags, uintptr_t top,
                         int* parent_tid, int* child_tid, unsigned long tls) noexcept {
  register long r2 __asm__("$2") = static_cast<long>(nr::clone);
  register long r4 __asm__("$4") = static_cast<long>(flags);
  register long r5 __asm__("$5") = static_cast<long>(top);
  register long r6 __asm__("$6") = reinterpret_cast<long>(parent_tid);
  register long r7 __asm__("$7") = static_cast<long>(tls);
  register long r8 __asm__("$8") = reinterpret_cast<long>(child_tid);
  register long r16 __asm__("$16") = reinterpret_cast<long>(fn);
  register long r17 __asm__("$17") = reinterpret_cast<long>(arg);
  __asm__ volatile(
      ".set push\n\t.set noreorder\n\t"
      RAWSYS_MIPS_CLONE_ENTER_
      "bnez $7, 1f\n\t"  // an error: the parent
      "nop\n\t"
      "bnez $2, 1f\n\t"  // the child's id: the parent
      "nop\n\t"
      "move $fp, $0\n\t"  // the outermost frame
      RAWSYS_MIPS_CLONE_HOME_
      "move $4, $17\n\t"
      "move $25, $16\n\t"
      "jalr $25\n\t"
      "nop\n\t"
      "move $4, $2\n\t"
      "li $2, %[exit]\n\t"
      "syscall\n\t"
      "break\n"
      "1:\n\t"
      RAWSYS_MIPS_CLONE_LEAVE_
      ".set pop"
      : "+r"(r2), "+r"(r7), "+r"(r8)  // $8 a temporary the o32 kernel may change
      : "r"(r4), "r"(r5), "r"(r6), "r"(r16), "r"(r17), [exit] "i"(static_cast<long>(nr::exit))
      : "$1", "$3", "$9", "$10", "$11", "$12", "$13", "$14", "$15", "$24", "$25", "hi", "lo", "memory");
  return r7 ? -r2 : r2;
}

}  // namespace rawsys::arch

#undef RAWSYS_MIPS_CLONE_ENTER_
#undef RAWSYS_MIPS_CLONE_LEAVE_
#undef RAWSYS_MIPS_CLONE_HOME_
