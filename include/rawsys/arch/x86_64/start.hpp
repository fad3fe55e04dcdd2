// x86-64's part of the no-libc runtime, for <rawsys/start.hpp> alone: _start,
// and the thread pointer for the stack protector's thread block.
#pragma once

#include <stdint.h>

#include "../../nr.hpp"
#include "../x86/start.hpp"

// The kernel starts the process with the stack pointer at argc; hand it to
// C++ with the stack aligned as the ABI wants at a call (16 bytes), and no
// return address or frame to unwind into.
__asm__(".text\n.global _start\n.type _start, %function\n_start:\n"
        "  xor %ebp, %ebp\n"
        "  mov %rsp, %rdi\n"
        "  and $-16, %rsp\n"
        "  call rawsys_start_c\n"
        "  hlt\n"
        ".size _start, . - _start\n");

namespace rawsys::arch {

// What _start's C++ half takes from AT_SYSINFO: nothing, the syscall
// instruction is the fast entry.
__attribute__((always_inline, no_stack_protector)) inline void set_entry(unsigned long) noexcept {}

#if RAWSYS_STACK_GUARD_TLS
// wrfsbase where the kernel allows it (AT_HWCAP2), arch_prctl(2) otherwise;
// written out, because a called function would check the canary.
__attribute__((always_inline, no_stack_protector)) inline void set_thread_pointer(uintptr_t* tb, unsigned long hwcap2) noexcept {
  if (hwcap2 & 2 /* HWCAP2_FSGSBASE */) {
    __asm__ volatile("wrfsbase %0" : : "r"(tb) : "memory");
  } else {
    long r;
    __asm__ volatile("syscall"
                     : "=a"(r)
                     : "a"(static_cast<long>(nr::arch_prctl)), "D"(0x1002 /* ARCH_SET_FS */), "S"(tb)
                     : "rcx", "r11", "memory");
  }
}
#endif

}  // namespace rawsys::arch
