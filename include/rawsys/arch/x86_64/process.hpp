// x86-64's part of <rawsys/process.hpp>: the clone trampoline, and the
// calls only x86 has: arch_prctl, modify_ldt, set/get_thread_area, ioperm, iopl,
// and the one only x86-64 has: uretprobe.
#pragma once

#include <stdint.h>

#include "../../nr.hpp"
#include "../x86/arch_prctl.hpp"
#include "../x86/ldt_io.hpp"
#include "calls.hpp"

namespace rawsys::arch {

// clone(2) that runs fn(arg) in the child on the stack whose 16-byte aligned
// top is `top`, then exit(2)s with its value; the child never returns here.
// The raw result in the caller. arg on the child's stack, fn in r9 (clone's
// arguments use rdi, rsi, rdx, r10, r8; the child starts with the caller's
// other registers). After the pop the stack is 16-byte aligned for the call.
inline long clone_thread(int (*fn)(void*), void* arg, unsigned long flags, uintptr_t top,
                         int* parent_tid, int* child_tid, unsigned long tls) noexcept {
  top -= 8;
  *reinterpret_cast<void**>(top) = arg;
  long r;
  register long r10 __asm__("r10") = reinterpret_cast<long>(child_tid);
  register long r8 __asm__("r8") = static_cast<long>(tls);
  register long r9 __asm__("r9") = reinterpret_cast<long>(fn);
  __asm__ volatile(
      "syscall\n\t"
      "test %%rax, %%rax\n\t"
      "jnz 1f\n\t"
      "xor %%ebp, %%ebp\n\t"  // the outermost frame
      "pop %%rdi\n\t"
      "call *%%r9\n\t"
      "mov %%eax, %%edi\n\t"
      "mov %[exit], %%eax\n\t"
      "syscall\n\t"
      "hlt\n"
      "1:"
      : "=a"(r)
      : "a"(static_cast<long>(nr::clone)), "D"(flags), "S"(top), "d"(parent_tid), "r"(r10), "r"(r8),
        "r"(r9), [exit] "i"(static_cast<long>(nr::exit))
      : "rcx", "r11", "memory");
  return r;
}

}  // namespace rawsys::arch
