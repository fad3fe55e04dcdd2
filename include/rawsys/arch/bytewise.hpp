// The no-libc runtime's mem* as byte loops, for ISAs without string
// instructions worth using (arch/<isa>/start.hpp picks: `namespace mem =
// bytewise;`). Each loop hides its pointer from the optimiser with an empty
// asm, which would otherwise turn it back into a call to the function it
// implements. No stack protector: they run before the canary exists.
#pragma once

#include <stddef.h>

namespace rawsys::arch::bytewise {

__attribute__((always_inline, no_stack_protector)) inline void copy(void* dst, const void* src, size_t n) noexcept {
  auto* d = static_cast<unsigned char*>(dst);
  auto* s = static_cast<const unsigned char*>(src);
  for (; n != 0; --n) {
    __asm__("" : "+r"(d));
    *d++ = *s++;
  }
}

// From the last byte down, for an overlapping move to a higher address.
__attribute__((always_inline, no_stack_protector)) inline void copy_backward(void* dst, const void* src, size_t n) noexcept {
  auto* d = static_cast<unsigned char*>(dst) + n;
  auto* s = static_cast<const unsigned char*>(src) + n;
  for (; n != 0; --n) {
    __asm__("" : "+r"(d));
    *--d = *--s;
  }
}

__attribute__((always_inline, no_stack_protector)) inline void fill(void* dst, int c, size_t n) noexcept {
  auto* d = static_cast<unsigned char*>(dst);
  for (; n != 0; --n) {
    __asm__("" : "+r"(d));
    *d++ = static_cast<unsigned char>(c);
  }
}

__attribute__((always_inline, no_stack_protector)) inline int compare(const void* a, const void* b, size_t n) noexcept {
  auto* p = static_cast<const unsigned char*>(a);
  auto* q = static_cast<const unsigned char*>(b);
  for (; n != 0; --n, ++p, ++q) {
    __asm__("" : "+r"(p));
    if (*p != *q) return *p - *q;
  }
  return 0;
}

}  // namespace rawsys::arch::bytewise
