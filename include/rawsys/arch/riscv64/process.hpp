// riscv64's part of <rawsys/process.hpp>: the clone trampoline, and the
// calls only riscv64 has: riscv_flush_icache, riscv_hwprobe.
#pragma once

#include <stdint.h>

#include "../../nr.hpp"
#include "calls.hpp"

namespace rawsys::arch {

// clone(2) that runs fn(arg) in the child on the stack whose 16-byte aligned
// top is `top`, then exit(2)s with its value; the child never returns here.
// The raw result in the caller. fn in t0 and arg in t1, which the child
// inherits (ecall changes only a0); a0 flags, a1 stack, a2 parent_tid, a3
// tls, a4 child_tid (CLONE_BACKWARDS).
inline long clone_thread(int (*fn)(void*), void* arg, unsigned long flags, uintptr_t top,
                         int* parent_tid, int* child_tid, unsigned long tls) noexcept {
  register long a7 __asm__("a7") = static_cast<long>(nr::clone);
  register long a0 __asm__("a0") = static_cast<long>(flags);
  register long a1 __asm__("a1") = static_cast<long>(top);
  register long a2 __asm__("a2") = reinterpret_cast<long>(parent_tid);
  register long a3 __asm__("a3") = static_cast<long>(tls);
  register long a4 __asm__("a4") = reinterpret_cast<long>(child_tid);
  register long t0 __asm__("t0") = reinterpret_cast<long>(fn);
  register long t1 __asm__("t1") = reinterpret_cast<long>(arg);
  __asm__ volatile(
      "ecall\n\t"
      "bnez a0, 1f\n\t"
      "mv s0, zero\n\t"  // the outermost frame
      "mv ra, zero\n\t"
      "mv a0, t1\n\t"
      "jalr t0\n\t"
      "li a7, %[exit]\n\t"
      "ecall\n\t"
      "ebreak\n"
      "1:"
      : "+r"(a0)
      : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(t0), "r"(t1),
        [exit] "i"(static_cast<long>(nr::exit))
      : "memory");
  return a0;
}

}  // namespace rawsys::arch
