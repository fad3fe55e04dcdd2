// LoongArch 64 system call instruction: number in $a7, arguments in
// $a0..$a5; the result in $a0. `syscall 0` may change $t0..$t8 as well
// (the kernel's arch/loongarch/include/asm/unistd.h users, and nolibc's
// arch-loongarch.h, list them). See syscall(2).
#pragma once

#define RAWSYS_LOONGARCH_CLOBBERS_ \
  "memory", "$t0", "$t1", "$t2", "$t3", "$t4", "$t5", "$t6", "$t7", "$t8"

namespace rawsys::arch {

inline long syscall0(long n) noexcept {
  register long a7 __asm__("$a7") = n;
  register long a0 __asm__("$a0");
  __asm__ volatile("syscall 0" : "=r"(a0) : "r"(a7) : RAWSYS_LOONGARCH_CLOBBERS_);
  return a0;
}

inline long syscall1(long n, long a) noexcept {
  register long a7 __asm__("$a7") = n;
  register long a0 __asm__("$a0") = a;
  __asm__ volatile("syscall 0" : "+r"(a0) : "r"(a7) : RAWSYS_LOONGARCH_CLOBBERS_);
  return a0;
}

inline long syscall2(long n, long a, long b) noexcept {
  register long a7 __asm__("$a7") = n;
  register long a0 __asm__("$a0") = a;
  register long a1 __asm__("$a1") = b;
  __asm__ volatile("syscall 0" : "+r"(a0) : "r"(a7), "r"(a1) : RAWSYS_LOONGARCH_CLOBBERS_);
  return a0;
}

inline long syscall3(long n, long a, long b, long c) noexcept {
  register long a7 __asm__("$a7") = n;
  register long a0 __asm__("$a0") = a;
  register long a1 __asm__("$a1") = b;
  register long a2 __asm__("$a2") = c;
  __asm__ volatile("syscall 0" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2) : RAWSYS_LOONGARCH_CLOBBERS_);
  return a0;
}

inline long syscall4(long n, long a, long b, long c, long d) noexcept {
  register long a7 __asm__("$a7") = n;
  register long a0 __asm__("$a0") = a;
  register long a1 __asm__("$a1") = b;
  register long a2 __asm__("$a2") = c;
  register long a3 __asm__("$a3") = d;
  __asm__ volatile("syscall 0" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3) : RAWSYS_LOONGARCH_CLOBBERS_);
  return a0;
}

inline long syscall5(long n, long a, long b, long c, long d, long e) noexcept {
  register long a7 __asm__("$a7") = n;
  register long a0 __asm__("$a0") = a;
  register long a1 __asm__("$a1") = b;
  register long a2 __asm__("$a2") = c;
  register long a3 __asm__("$a3") = d;
  register long a4 __asm__("$a4") = e;
  __asm__ volatile("syscall 0" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4) : RAWSYS_LOONGARCH_CLOBBERS_);
  return a0;
}

inline long syscall6(long n, long a, long b, long c, long d, long e, long f) noexcept {
  register long a7 __asm__("$a7") = n;
  register long a0 __asm__("$a0") = a;
  register long a1 __asm__("$a1") = b;
  register long a2 __asm__("$a2") = c;
  register long a3 __asm__("$a3") = d;
  register long a4 __asm__("$a4") = e;
  register long a5 __asm__("$a5") = f;
  __asm__ volatile("syscall 0" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5) : RAWSYS_LOONGARCH_CLOBBERS_);
  return a0;
}

// The instruction itself, for code that runs before anything is set up.
namespace direct = ::rawsys::arch;

}  // namespace rawsys::arch

#undef RAWSYS_LOONGARCH_CLOBBERS_
