// The floor: each architecture's kernel entry written by hand, inline, with no
// library code around it. Deliberately independent of rawsys's own asm so
// that the two can be compared. Same register conventions as syscall(2).
#pragma once

namespace floor_asm {

#if defined(__x86_64__)

inline long sc0(long n) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n) : "rcx", "r11", "memory");
  return r;
}
inline long sc1(long n, long a) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory");
  return r;
}
inline long sc2(long n, long a, long b) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b) : "rcx", "r11", "memory");
  return r;
}
inline long sc3(long n, long a, long b, long c) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
  return r;
}
inline long sc4(long n, long a, long b, long c, long d) {
  long r;
  register long r10 __asm__("r10") = d;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10) : "rcx", "r11", "memory");
  return r;
}
inline long sc6(long n, long a, long b, long c, long d, long e, long f) {
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
// The i386 entry from a 64-bit process: `int $0x80` takes i386 numbers and
// i386 registers (eax, ebx, ...) even here; r8-r11 are cleared by it.
inline long int80_0(long n) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n) : "r8", "r9", "r10", "r11", "memory");
  return r;
}

#elif defined(__i386__)

// __kernel_vsyscall's address (AT_SYSINFO), set by main before any benchmark.
inline long vsyscall_entry = 0;

// int $0x80: the legacy gate, always there.
inline long i80_0(long n) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n) : "memory");
  return r;
}
inline long i80_1(long n, long a) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a) : "memory");
  return r;
}
inline long i80_2(long n, long a, long b) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b) : "memory");
  return r;
}
inline long i80_3(long n, long a, long b, long c) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
  return r;
}
inline long i80_4(long n, long a, long b, long c, long d) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
  return r;
}
// Six arguments: ebp is the sixth; it may be the frame pointer, so it is
// saved around the call and loaded, with eax, from a block addressed by eax.
inline long i80_6(long n, long a, long b, long c, long d, long e, long f) {
  long r;
  const long blk[2] = {n, f};
  __asm__ volatile("push %%ebp\n\tmov 4(%%eax), %%ebp\n\tmov (%%eax), %%eax\n\tint $0x80\n\tpop %%ebp"
                   : "=a"(r)
                   : "0"(blk), "m"(blk), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                   : "memory");
  return r;
}

// call *__kernel_vsyscall: the kernel's fast entry (sysenter on Intel,
// syscall on AMD), the same registers as int $0x80.
inline long vs0(long n) {
  long r;
  __asm__ volatile("call *%1" : "=a"(r) : "m"(vsyscall_entry), "a"(n) : "memory");
  return r;
}
inline long vs1(long n, long a) {
  long r;
  __asm__ volatile("call *%1" : "=a"(r) : "m"(vsyscall_entry), "a"(n), "b"(a) : "memory");
  return r;
}
inline long vs2(long n, long a, long b) {
  long r;
  __asm__ volatile("call *%1" : "=a"(r) : "m"(vsyscall_entry), "a"(n), "b"(a), "c"(b) : "memory");
  return r;
}
inline long vs3(long n, long a, long b, long c) {
  long r;
  __asm__ volatile("call *%1" : "=a"(r) : "m"(vsyscall_entry), "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
  return r;
}
inline long vs4(long n, long a, long b, long c, long d) {
  long r;
  __asm__ volatile("call *%1"
                   : "=a"(r)
                   : "m"(vsyscall_entry), "a"(n), "b"(a), "c"(b), "d"(c), "S"(d)
                   : "memory");
  return r;
}
inline long vs6(long n, long a, long b, long c, long d, long e, long f) {
  long r;
  const long blk[3] = {n, f, vsyscall_entry};
  __asm__ volatile(
      "push %%ebp\n\tmov 4(%%eax), %%ebp\n\tpush 8(%%eax)\n\tmov (%%eax), %%eax\n\t"
      "call *(%%esp)\n\tadd $4, %%esp\n\tpop %%ebp"
      : "=a"(r)
      : "0"(blk), "m"(blk), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
      : "memory");
  return r;
}

#elif defined(__aarch64__)

inline long sc0(long n) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0");
  __asm__ volatile("svc #0" : "=r"(x0) : "r"(x8) : "memory");
  return x0;
}
inline long sc1(long n, long a) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8) : "memory");
  return x0;
}
inline long sc2(long n, long a, long b) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1) : "memory");
  return x0;
}
inline long sc3(long n, long a, long b, long c) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
  return x0;
}
inline long sc4(long n, long a, long b, long c, long d) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  register long x3 __asm__("x3") = d;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3) : "memory");
  return x0;
}
inline long sc6(long n, long a, long b, long c, long d, long e, long f) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  register long x3 __asm__("x3") = d;
  register long x4 __asm__("x4") = e;
  register long x5 __asm__("x5") = f;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5) : "memory");
  return x0;
}

#endif

}  // namespace floor_asm
