// x86-64 system call instruction: number in rax, arguments in rdi, rsi, rdx,
// r10, r8, r9; the result in rax. `syscall` itself overwrites rcx (return
// address) and r11 (saved rflags). See syscall(2), "Architecture calling
// conventions".
#pragma once

namespace rawsys::arch {

inline long syscall0(long n) noexcept {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n) : "rcx", "r11", "memory");
  return r;
}

inline long syscall1(long n, long a) noexcept {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory");
  return r;
}

inline long syscall2(long n, long a, long b) noexcept {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b) : "rcx", "r11", "memory");
  return r;
}

inline long syscall3(long n, long a, long b, long c) noexcept {
  long r;
  __asm__ volatile("syscall"
                   : "=a"(r)
                   : "a"(n), "D"(a), "S"(b), "d"(c)
                   : "rcx", "r11", "memory");
  return r;
}

inline long syscall4(long n, long a, long b, long c, long d) noexcept {
  long r;
  register long r10 __asm__("r10") = d;
  __asm__ volatile("syscall"
                   : "=a"(r)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
                   : "rcx", "r11", "memory");
  return r;
}

inline long syscall5(long n, long a, long b, long c, long d, long e) noexcept {
  long r;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  __asm__ volatile("syscall"
                   : "=a"(r)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
                   : "rcx", "r11", "memory");
  return r;
}

inline long syscall6(long n, long a, long b, long c, long d, long e, long f) noexcept {
  long r;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  __asm__ volatile("syscall"
                   : "=a"(r)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return r;
}

// The instruction itself, for code that runs before anything is set up.
namespace direct = ::rawsys::arch;

}  // namespace rawsys::arch
