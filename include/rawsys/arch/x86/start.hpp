// What x86-64 and i386 share in the no-libc runtime (arch/<isa>/start.hpp
// includes it; only <rawsys/start.hpp> includes those):
//  - mem* through the string instructions, fast for large sizes on current
//    CPUs and a few bytes long;
//  - the stack protector's canary where GCC and Clang read it by default:
//    in the thread block (%fs:0x28 on x86-64, %gs:0x14 on i386), which a
//    program without libc does not have. Unless RAWSYS_STACK_GUARD_TLS is
//    defined (to 0 with -mstack-protector-guard=global, as the tools build),
//    startup installs a minimal one when this is compiled with a protector.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "../bytewise.hpp"
#include "../tls_guard.hpp"

namespace rawsys::arch {

namespace x86_string {

__attribute__((always_inline, no_stack_protector)) inline void copy(void* dst, const void* src, size_t n) noexcept {
  __asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

// From the last byte down (the direction flag set, then cleared again, as
// the ABI wants it at every call).
__attribute__((always_inline, no_stack_protector)) inline void copy_backward(void* dst, const void* src, size_t n) noexcept {
  void* d = static_cast<unsigned char*>(dst) + n - 1;
  const void* s = static_cast<const unsigned char*>(src) + n - 1;
  __asm__ volatile("std\n\trep movsb\n\tcld" : "+D"(d), "+S"(s), "+c"(n) : : "memory", "cc");
}

__attribute__((always_inline, no_stack_protector)) inline void fill(void* dst, int c, size_t n) noexcept {
  __asm__ volatile("rep stosb" : "+D"(dst), "+c"(n) : "a"(c) : "memory");
}

using bytewise::compare;

}  // namespace x86_string

namespace mem = x86_string;

#if RAWSYS_STACK_GUARD_TLS
// A minimal thread block: word 0 points at itself (the x86 TLS ABI), word 5
// is the canary.
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
#endif

}  // namespace rawsys::arch
