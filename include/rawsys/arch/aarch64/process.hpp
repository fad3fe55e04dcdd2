// arm64's part of <rawsys/process.hpp>: the clone trampoline.
#pragma once

#include <stdint.h>

#include "../../nr.hpp"

namespace rawsys::arch {

// clone(2) that runs fn(arg) in the child on the stack whose 16-byte aligned
// top is `top`, then exit(2)s with its value; the child never returns here.
// The raw result in the caller. fn in x9 and arg in x10, which the child
// inherits; x0 flags, x1 stack, x2 parent_tid, x3 tls, x4 child_tid
// (CLONE_BACKWARDS).
inline long clone_thread(int (*fn)(void*), void* arg, unsigned long flags, uintptr_t top,
                         int* parent_tid, int* child_tid, unsigned long tls) noexcept {
  register long x8 __asm__("x8") = static_cast<long>(nr::clone);
  register long x0 __asm__("x0") = static_cast<long>(flags);
  register long x1 __asm__("x1") = static_cast<long>(top);
  register long x2 __asm__("x2") = reinterpret_cast<long>(parent_tid);
  register long x3 __asm__("x3") = static_cast<long>(tls);
  register long x4 __asm__("x4") = reinterpret_cast<long>(child_tid);
  register long x9 __asm__("x9") = reinterpret_cast<long>(fn);
  register long x10 __asm__("x10") = reinterpret_cast<long>(arg);
  __asm__ volatile(
      "svc #0\n\t"
      "cbnz x0, 1f\n\t"
      "mov x29, xzr\n\t"  // the outermost frame
      "mov x30, xzr\n\t"
      "mov x0, x10\n\t"
      "blr x9\n\t"
      "mov x8, #%[exit]\n\t"
      "svc #0\n\t"
      "brk #0\n"
      "1:"
      : "+r"(x0)
      : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x9), "r"(x10),
        [exit] "i"(static_cast<long>(nr::exit))
      : "memory");
  return x0;
}

}  // namespace rawsys::arch
