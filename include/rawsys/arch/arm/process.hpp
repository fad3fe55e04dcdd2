// 32-bit ARM's part of <rawsys/process.hpp>: the clone trampoline.
#pragma once

#include <stdint.h>

#include "../../nr.hpp"

namespace rawsys::arch {

// clone(2) that runs fn(arg) in the child on the stack whose 16-byte aligned
// top is `top`, then exit(2)s with its value; the child never returns here.
// The raw result in the caller. fn in r5 and arg in r6, which the child
// inherits; r0 flags, r1 stack, r2 parent_tid, r3 tls, r4 child_tid
// (CLONE_BACKWARDS). r7, the number, may be Thumb code's frame pointer, so
// it is saved in ip around the call (see syscall.hpp); the child starts
// with no frame (fp, r7 and lr zero). The same text assembles as ARM and
// as Thumb-2 code.
inline long clone_thread(int (*fn)(void*), void* arg, unsigned long flags, uintptr_t top,
                         int* parent_tid, int* child_tid, unsigned long tls) noexcept {
  register long r0 __asm__("r0") = static_cast<long>(flags);
  register long r1 __asm__("r1") = static_cast<long>(top);
  register long r2 __asm__("r2") = reinterpret_cast<long>(parent_tid);
  register long r3 __asm__("r3") = static_cast<long>(tls);
  register long r4 __asm__("r4") = reinterpret_cast<long>(child_tid);
  register long r5 __asm__("r5") = reinterpret_cast<long>(fn);
  register long r6 __asm__("r6") = reinterpret_cast<long>(arg);
  __asm__ volatile(
      "mov ip, r7\n\t"
      "mov r7, #%c[clone]\n\t"
      "svc #0\n\t"
      "cmp r0, #0\n\t"
      "bne 1f\n\t"
      "mov r7, #0\n\t"
      "mov fp, #0\n\t"
      "mov lr, #0\n\t"
      "mov r0, r6\n\t"
      "blx r5\n\t"
      "mov r7, #%c[exit]\n\t"
      "svc #0\n\t"
      "udf #0\n"
      "1:\n\t"
      "mov r7, ip"
      : "+r"(r0)
      : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r6),
        [clone] "i"(static_cast<long>(nr::clone)), [exit] "i"(static_cast<long>(nr::exit))
      : "ip", "lr", "cc", "memory");
  return r0;
}

}  // namespace rawsys::arch
