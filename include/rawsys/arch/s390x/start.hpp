// s390x's part of the no-libc runtime, for <rawsys/start.hpp> alone: _start,
// the byte-loop mem*, and the thread pointer for the stack protector's
// thread block. GCC and Clang read the canary from the thread block only
// (40 bytes above the thread pointer in access registers a0:a1; neither
// takes -mstack-protector-guard=global), which a program without libc does
// not have: unless RAWSYS_STACK_GUARD_TLS is defined to 0, startup installs a
// minimal one when this is compiled with a protector. Setting a0 and a1 is an
// unprivileged instruction: no system call.
#pragma once

#include <stdint.h>

#include "../bytewise.hpp"
#include "../tls_guard.hpp"

// The kernel starts the process with r15 at argc; hand it to C++ below the
// 160-byte register save area every caller provides, with its back chain
// zero (the outermost frame), the stack 8-byte aligned as the ABI wants.
__asm__(".text\n.global _start\n.type _start, @function\n_start:\n"
        "  lgr %r2, %r15\n"
        "  aghi %r15, -160\n"
        "  nill %r15, 0xfff8\n"
        "  xc 0(8,%r15), 0(%r15)\n"
        "  brasl %r14, rawsys_start_c\n"
        "  .short 0\n"
        ".size _start, . - _start\n");

namespace rawsys::arch {

namespace mem = bytewise;

// What _start's C++ half takes from AT_SYSINFO: nothing, svc is the entry.
__attribute__((always_inline, no_stack_protector)) inline void set_entry(unsigned long) noexcept {}

#if RAWSYS_STACK_GUARD_TLS
// A minimal thread block: word 0 points at itself, word 5 (byte 40) is the
// canary, as in glibc's tcbhead_t.
alignas(64) inline uintptr_t thread_block[8];

// Puts the canary where the compiler reads it: the thread block, whose
// address goes to a0 (high half) and a1 (low half).
__attribute__((always_inline, no_stack_protector)) inline void install_canary(uintptr_t guard, unsigned long) noexcept {
  thread_block[0] = reinterpret_cast<uintptr_t>(thread_block);
  thread_block[5] = guard;
  const uintptr_t tp = reinterpret_cast<uintptr_t>(thread_block);
  __asm__ volatile("sar %%a0, %0\n\tsar %%a1, %1" : : "d"(tp >> 32), "d"(tp) : "memory");
}
#endif

}  // namespace rawsys::arch
