// 64-bit PowerPC's part of <rawsys/process.hpp>: the clone trampoline, and
// the calls only it has: subpage_prot, switch_endian, swapcontext, rtas,
// spu_create and spu_run.
#pragma once

#include <stdint.h>

#include "../../nr.hpp"
#include "calls.hpp"

namespace rawsys::arch {

// clone(2) that runs fn(arg) in the child on the stack whose 16-byte aligned
// top is `top`, then exit(2)s with its value; the child never returns here.
// The raw result in the caller (-errno on error, as syscall.hpp makes it).
// r3 flags, r4 stack, r5 parent_tid, r6 tls, r7 child_tid (CLONE_BACKWARDS).
// fn and arg in r28 and r29, which sc preserves and the child inherits; the
// child calls fn as ELFv2 wants an indirect call (the address in r12 and
// ctr) from a minimal frame with a null back chain, the outermost one. The
// TOC pointer r2 is the parent's: fn is in the same program.
inline long clone_thread(int (*fn)(void*), void* arg, unsigned long flags, uintptr_t top,
                         int* parent_tid, int* child_tid, unsigned long tls) noexcept {
  register long r0 __asm__("r0") = static_cast<long>(nr::clone);
  register long r3 __asm__("r3") = static_cast<long>(flags);
  register long r4 __asm__("r4") = static_cast<long>(top);
  register long r5 __asm__("r5") = reinterpret_cast<long>(parent_tid);
  register long r6 __asm__("r6") = static_cast<long>(tls);
  register long r7 __asm__("r7") = reinterpret_cast<long>(child_tid);
  register long r28 __asm__("r28") = reinterpret_cast<long>(fn);
  register long r29 __asm__("r29") = reinterpret_cast<long>(arg);
  __asm__ volatile(
      "sc\n\t"
      "bns+ 1f\n\t"
      "neg 3, 3\n\t"
      "b 2f\n"
      "1:\n\t"
      "cmpdi 3, 0\n\t"
      "bne 2f\n\t"
      "li 0, 0\n\t"
      "stdu 0, -32(1)\n\t"  // the outermost frame
      "mtlr 0\n\t"
      "mr 3, 29\n\t"
      "mr 12, 28\n\t"
      "mtctr 12\n\t"
      "bctrl\n\t"
      "li 0, %[exit]\n\t"
      "sc\n\t"
      "trap\n"
      "2:"
      : "+r"(r3), "+r"(r0), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7)
      : "r"(r28), "r"(r29), [exit] "i"(static_cast<long>(nr::exit))
      : "memory", "cr0", "r8", "r9", "r10", "r11", "r12", "ctr", "xer");
  return r3;
}

}  // namespace rawsys::arch
