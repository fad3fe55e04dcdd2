// i386's part of the no-libc runtime, for <rawsys/start.hpp> alone: _start,
// the fast entry from AT_SYSINFO, and the thread pointer for the stack
// protector's thread block.
#pragma once

#include <stdint.h>

#include "../../nr.hpp"
#include "../x86/start.hpp"

// The kernel starts the process with the stack pointer at argc; hand it to
// C++ with the stack aligned as GCC assumes at a call (16 bytes), and no
// return address or frame to unwind into.
__asm__(".text\n.global _start\n.type _start, %function\n_start:\n"
        "  xor %ebp, %ebp\n"
        "  mov %esp, %eax\n"
        "  and $-16, %esp\n"
        "  sub $12, %esp\n"
        "  push %eax\n"
        "  call rawsys_start_c\n"
        "  hlt\n"
        ".size _start, . - _start\n");

namespace rawsys::arch {

// __kernel_vsyscall (AT_SYSINFO) for every rawsys call from here on; 1 for
// int $0x80 when there is none.
__attribute__((always_inline, no_stack_protector)) inline void set_entry(unsigned long at_sysinfo) noexcept {
  entry_address = at_sysinfo ? at_sysinfo : 1;
}

#if RAWSYS_STACK_GUARD_TLS
// set_thread_area(2) with a new GDT entry, then %gs; written out, because a
// called function would check the canary.
__attribute__((always_inline, no_stack_protector)) inline void set_thread_pointer(uintptr_t* tb, unsigned long) noexcept {
  // struct user_desc: a new entry, base tb, 4 GiB limit, 32-bit, usable.
  unsigned desc[4] = {~0u, static_cast<unsigned>(reinterpret_cast<uintptr_t>(tb)), 0xfffff, 0x51};
  long r;
  __asm__ volatile("int $0x80"
                   : "=a"(r)
                   : "a"(static_cast<long>(nr::set_thread_area)), "b"(desc)
                   : "memory");
  if (r == 0) __asm__ volatile("movw %w0, %%gs" : : "r"(desc[0] * 8 + 3));
}
#endif

}  // namespace rawsys::arch
