// MIPS o32's part of <rawsys/process.hpp>: the clone trampoline.
#pragma once

#include <stdint.h>

#include "../../nr.hpp"

namespace rawsys::arch {

// clone(2) that runs fn(arg) in the child on the stack whose 16-byte aligned
// top is `top`, then exit(2)s with its value; the child never returns here.
// The raw result (-errno on failure) in the caller. fn in $16 and arg in $17
// (s0, s1), which the child inherits and the kernel keeps; $4 flags, $5
// stack, $6 parent_tid, $7 tls, child_tid the fifth argument, at 16($sp) of
// a 32-byte area the asm makes (CLONE_BACKWARDS). The child starts on its
// own stack, where it leaves the 16 bytes a callee may store its argument
// registers in; fn is called through $25, where position-independent code
// finds its own address.
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
      "addiu $sp, $sp, -32\n\t"
      "sw $8, 16($sp)\n\t"
      "syscall\n\t"
      "bnez $7, 1f\n\t"  // an error: the parent
      "nop\n\t"
      "bnez $2, 1f\n\t"  // the child's id: the parent
      "nop\n\t"
      "move $fp, $0\n\t"  // the outermost frame
      "addiu $sp, $sp, -16\n\t"
      "move $4, $17\n\t"
      "move $25, $16\n\t"
      "jalr $25\n\t"
      "nop\n\t"
      "move $4, $2\n\t"
      "li $2, %[exit]\n\t"
      "syscall\n\t"
      "break\n"
      "1:\n\t"
      "addiu $sp, $sp, 32\n\t"
      ".set pop"
      : "+r"(r2), "+r"(r7), "+r"(r8)
      : "r"(r4), "r"(r5), "r"(r6), "r"(r16), "r"(r17), [exit] "i"(static_cast<long>(nr::exit))
      : "$1", "$3", "$9", "$10", "$11", "$12", "$13", "$14", "$15", "$24", "$25", "hi", "lo", "memory");
  return r7 ? -r2 : r2;
}

}  // namespace rawsys::arch
