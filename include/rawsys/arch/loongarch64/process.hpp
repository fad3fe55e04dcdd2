// LoongArch 64's part of <rawsys/process.hpp>: the clone trampoline.
#pragma once

#include <stdint.h>

#include "../../nr.hpp"

namespace rawsys::arch {

// clone(2) that runs fn(arg) in the child on the stack whose 16-byte aligned
// top is `top`, then exit(2)s with its value; the child never returns here.
// The raw result in the caller. `syscall 0` may change $t0..$t8, and the
// child starts with nothing but the registers the kernel saved: fn and arg
// travel on the child's stack, in its top 16 bytes (as glibc's and musl's
// clone do); $a0 flags, $a1 stack, $a2 parent_tid, $a3 child_tid, $a4 tls
// (x86-64's order).
inline long clone_thread(int (*fn)(void*), void* arg, unsigned long flags, uintptr_t top,
                         int* parent_tid, int* child_tid, unsigned long tls) noexcept {
  auto* slot = reinterpret_cast<void**>(top) - 2;
  slot[0] = reinterpret_cast<void*>(fn);
  slot[1] = arg;
  register long a7 __asm__("$a7") = static_cast<long>(nr::clone);
  register long a0 __asm__("$a0") = static_cast<long>(flags);
  register long a1 __asm__("$a1") = reinterpret_cast<long>(slot);
  register long a2 __asm__("$a2") = reinterpret_cast<long>(parent_tid);
  register long a3 __asm__("$a3") = reinterpret_cast<long>(child_tid);
  register long a4 __asm__("$a4") = static_cast<long>(tls);
  __asm__ volatile(
      "syscall 0\n\t"
      "bnez $a0, 1f\n\t"
      "move $fp, $zero\n\t"  // the outermost frame
      "move $ra, $zero\n\t"
      "ld.d $t8, $sp, 0\n\t"
      "ld.d $a0, $sp, 8\n\t"
      "jirl $ra, $t8, 0\n\t"
      "li.w $a7, %[exit]\n\t"
      "syscall 0\n\t"
      "break 0\n"
      "1:"
      : "+r"(a0)
      : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), [exit] "i"(static_cast<long>(nr::exit))
      : "memory", "$t0", "$t1", "$t2", "$t3", "$t4", "$t5", "$t6", "$t7", "$t8");
  return a0;
}

}  // namespace rawsys::arch
