// The stack protector's canary where the ISA's compilers read it from the
// thread block (x86-64 %fs:0x28, i386 %gs:0x14, s390x a0:a1 + 40), which a
// program without libc does not have. Unless RAWSYS_STACK_GUARD_TLS is
// defined (to 0 with -mstack-protector-guard=global, as the tools build where
// the compiler has it), startup installs a minimal one when the runtime is
// compiled with a protector. arch/<isa>/start.hpp includes this and defines
// set_thread_pointer.
#pragma once

#include <stdint.h>

#if !defined(RAWSYS_STACK_GUARD_TLS)
#if defined(__SSP__) || defined(__SSP_STRONG__) || defined(__SSP_ALL__)
#define RAWSYS_STACK_GUARD_TLS 1
#else
#define RAWSYS_STACK_GUARD_TLS 0
#endif
#endif

#if RAWSYS_STACK_GUARD_TLS
namespace rawsys::arch {

// A minimal thread block: word 0 points at itself (the TLS ABIs' tcb
// pointer), word 5 is the canary (byte 40 on 64-bit ISAs, 20 on i386).
alignas(64) inline uintptr_t thread_block[8];

// Makes tb the thread pointer (arch/<isa>/start.hpp).
__attribute__((always_inline, no_stack_protector)) inline void set_thread_pointer(uintptr_t* tb, unsigned long hwcap2) noexcept;

// Puts the canary where the compiler reads it: a thread block.
__attribute__((always_inline, no_stack_protector)) inline void install_canary(uintptr_t guard, unsigned long hwcap2) noexcept {
  uintptr_t* const tb = thread_block;
  tb[0] = reinterpret_cast<uintptr_t>(tb);
  tb[5] = guard;
  set_thread_pointer(tb, hwcap2);
}

}  // namespace rawsys::arch
#endif
