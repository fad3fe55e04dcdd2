// 64-bit PowerPC's part of the no-libc runtime, for <rawsys/start.hpp> alone:
// _start with the TOC pointer, the byte-loop mem*, and the thread pointer
// for the stack protector's canary.
//
// GCC and Clang read the canary from the thread block by default, at
// r13 - 0x7010 (glibc's tcbhead_t, 0x7000 below the thread pointer and the
// TLS block after it), which a program without libc does not have. GCC takes
// -mstack-protector-guard=global (then __stack_chk_guard; rawsys_add_tool
// builds so and defines RAWSYS_STACK_GUARD_TLS=0); Clang 14 does not. Unless
// RAWSYS_STACK_GUARD_TLS is defined, startup points r13 at a minimal block
// holding the canary when this is compiled with a stack protector: r13 is
// the thread pointer in user space, no system call sets it.
#pragma once

#include <stdint.h>

#include "../bytewise.hpp"
#include "../tls_guard.hpp"

// The kernel starts the process as ELFv2 enters a function at its global
// entry point: r12 holds _start's address, from which r2 (the TOC pointer)
// is .TOC. at a fixed distance; r1 points at argc, 16-byte aligned (every
// Linux ELF loader rounds the initial stack down to 16). C++ gets a minimal
// frame (32 bytes: back chain, CR, LR and TOC save words) whose null back
// chain ends the chain for unwinders; rawsys_start_c never returns. A
// program is one TOC: the call needs no TOC restore after it (the linker
// says so if it ever does). Six instructions: hello's 1 KiB budget has
// no room for more.
__asm__(".text\n.global _start\n.type _start, @function\n_start:\n"
        "  addis 2, 12, (.TOC. - _start)@ha\n"
        "  addi 2, 2, (.TOC. - _start)@l\n"
        "  mr 3, 1\n"
        "  li 0, 0\n"
        "  stdu 0, -32(1)\n"
        "  bl rawsys_start_c\n"
        ".size _start, . - _start\n");

namespace rawsys::arch {

namespace mem = bytewise;

// What _start's C++ half takes from AT_SYSINFO: nothing, sc is the entry.
__attribute__((always_inline, no_stack_protector)) inline void set_entry(unsigned long) noexcept {}

#if RAWSYS_STACK_GUARD_TLS
// The part of a thread block the compiler reads: the canary, at the
// thread pointer minus 0x7010.
alignas(16) inline uintptr_t thread_block[2];

// Puts the canary where the compiler reads it and makes r13 point 0x7010
// past it. Nothing else of the thread block exists: thread_local variables
// need libc.
__attribute__((always_inline, no_stack_protector)) inline void install_canary(uintptr_t guard, unsigned long) noexcept {
  thread_block[0] = guard;
  __asm__ volatile("addi 13, %0, 0x7010" : : "b"(thread_block) : "memory");
}
#endif

}  // namespace rawsys::arch
