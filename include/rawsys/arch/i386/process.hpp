// i386's part of <rawsys/process.hpp>: the clone trampoline, and the
// calls only x86 has: arch_prctl, modify_ldt, set/get_thread_area, ioperm, iopl.
#pragma once

#include <stdint.h>

#include "../../nr.hpp"
#include "../x86/arch_prctl.hpp"
#include "../x86/ldt_io.hpp"

namespace rawsys::arch {

// clone(2) that runs fn(arg) in the child on the stack whose 16-byte aligned
// top is `top`, then exit(2)s with its value; the child never returns here.
// The raw result in the caller. It enters with int $0x80:
// __kernel_vsyscall would return through the caller's stack. fn and arg on
// the child's stack: [esp] = arg, [esp+4] = fn, esp 16-byte aligned at the
// call. Arguments: ebx flags, ecx stack, edx parent_tid, esi tls, edi
// child_tid (CLONE_BACKWARDS).
inline long clone_thread(int (*fn)(void*), void* arg, unsigned long flags, uintptr_t top,
                         int* parent_tid, int* child_tid, unsigned long tls) noexcept {
  top -= 16;
  reinterpret_cast<void**>(top)[0] = arg;
  reinterpret_cast<int (**)(void*)>(top)[1] = fn;
  long r;
  __asm__ volatile(
      "int $0x80\n\t"
      "test %%eax, %%eax\n\t"
      "jnz 1f\n\t"
      "xor %%ebp, %%ebp\n\t"
      "call *4(%%esp)\n\t"
      "mov %%eax, %%ebx\n\t"
      "mov %[exit], %%eax\n\t"
      "int $0x80\n\t"
      "hlt\n"
      "1:"
      : "=a"(r)
      : "a"(static_cast<long>(nr::clone)), "b"(flags), "c"(top), "d"(parent_tid), "S"(tls),
        "D"(child_tid), [exit] "i"(static_cast<long>(nr::exit))
      : "memory");
  return r;
}

}  // namespace rawsys::arch
