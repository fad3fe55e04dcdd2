// s390x's part of <rawsys/process.hpp>: the clone trampoline, and the calls
// only s390x has: s390_sthyi, s390_runtime_instr, s390_guarded_storage,
// s390_pci_mmio_read, s390_pci_mmio_write.
#pragma once

#include <stdint.h>

#include "../../nr.hpp"
#include "calls.hpp"

namespace rawsys::arch {

// clone(2) that runs fn(arg) in the child on the stack whose 16-byte aligned
// top is `top`, then exit(2)s with its value; the child never returns here.
// The raw result in the caller. The child's stack starts with the ABI's
// 160-byte register save area, its back chain zero (the outermost frame).
// fn in r8 and arg in r9, which the child inherits; r2 stack, r3 flags, r4
// parent_tid, r5 child_tid, r6 tls (CLONE_BACKWARDS2).
inline long clone_thread(int (*fn)(void*), void* arg, unsigned long flags, uintptr_t top,
                         int* parent_tid, int* child_tid, unsigned long tls) noexcept {
  top -= 160;
  *reinterpret_cast<unsigned long*>(top) = 0;
  register long r1 __asm__("r1") = static_cast<long>(nr::clone);
  register long r2 __asm__("r2") = static_cast<long>(top);
  register long r3 __asm__("r3") = static_cast<long>(flags);
  register long r4 __asm__("r4") = reinterpret_cast<long>(parent_tid);
  register long r5 __asm__("r5") = reinterpret_cast<long>(child_tid);
  register long r6 __asm__("r6") = static_cast<long>(tls);
  register long r8 __asm__("r8") = reinterpret_cast<long>(fn);
  register long r9 __asm__("r9") = reinterpret_cast<long>(arg);
  __asm__ volatile(
      "svc 0\n\t"
      "ltgr %%r2, %%r2\n\t"
      "jnz 1f\n\t"
      "lgr %%r2, %%r9\n\t"
      "basr %%r14, %%r8\n\t"
      "lghi %%r1, %[exit]\n\t"
      "svc 0\n\t"
      ".short 0\n"  // an illegal instruction: exit does not return
      "1:"
      : "+d"(r2)
      : "d"(r1), "d"(r3), "d"(r4), "d"(r5), "d"(r6), "d"(r8), "d"(r9),
        [exit] "i"(static_cast<long>(nr::exit))
      : "cc", "memory");
  return r2;
}

}  // namespace rawsys::arch
