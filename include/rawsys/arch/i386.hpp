// i386 system call entries: number in eax, arguments in ebx, ecx, edx, esi,
// edi, ebp; the result in eax; every other register is preserved. See
// syscall(2), "Architecture calling conventions".
//
// Two ways in, same registers:
//  - int80::syscallN: `int $0x80`, which always works;
//  - entry::syscallN: `call *entry`, where entry is __kernel_vsyscall
//    (AT_SYSINFO), the kernel's fast path (sysenter/syscall).
//
// ebp cannot be named in a constraint and may be the frame pointer, so the
// six-argument forms take n, the sixth argument (and the entry) through a
// block addressed by eax, saving ebp around the call. No operand is read
// relative to esp after a push, so -O0, -fPIC and frame pointers are safe.
#pragma once

namespace rawsys::arch {

namespace int80 {

inline long syscall0(long n) noexcept {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n) : "memory");
  return r;
}

inline long syscall1(long n, long a) noexcept {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a) : "memory");
  return r;
}

inline long syscall2(long n, long a, long b) noexcept {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b) : "memory");
  return r;
}

inline long syscall3(long n, long a, long b, long c) noexcept {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
  return r;
}

inline long syscall4(long n, long a, long b, long c, long d) noexcept {
  long r;
  __asm__ volatile("int $0x80"
                   : "=a"(r)
                   : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d)
                   : "memory");
  return r;
}

inline long syscall5(long n, long a, long b, long c, long d, long e) noexcept {
  long r;
  __asm__ volatile("int $0x80"
                   : "=a"(r)
                   : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                   : "memory");
  return r;
}

inline long syscall6(long n, long a, long b, long c, long d, long e, long f) noexcept {
  long r;
  const long blk[2] = {n, f};
  __asm__ volatile(
      "push %%ebp\n\t"
      "mov 4(%%eax), %%ebp\n\t"
      "mov (%%eax), %%eax\n\t"
      "int $0x80\n\t"
      "pop %%ebp"
      : "=a"(r)
      : "0"(blk), "m"(blk), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
      : "memory");
  return r;
}

}  // namespace int80

namespace entry {

inline long syscall0(long entry, long n) noexcept {
  long r;
  __asm__ volatile("call *%1" : "=a"(r) : "rm"(entry), "a"(n) : "memory");
  return r;
}

inline long syscall1(long entry, long n, long a) noexcept {
  long r;
  __asm__ volatile("call *%1" : "=a"(r) : "rm"(entry), "a"(n), "b"(a) : "memory");
  return r;
}

inline long syscall2(long entry, long n, long a, long b) noexcept {
  long r;
  __asm__ volatile("call *%1" : "=a"(r) : "rm"(entry), "a"(n), "b"(a), "c"(b) : "memory");
  return r;
}

inline long syscall3(long entry, long n, long a, long b, long c) noexcept {
  long r;
  __asm__ volatile("call *%1"
                   : "=a"(r)
                   : "rm"(entry), "a"(n), "b"(a), "c"(b), "d"(c)
                   : "memory");
  return r;
}

inline long syscall4(long entry, long n, long a, long b, long c, long d) noexcept {
  long r;
  __asm__ volatile("call *%1"
                   : "=a"(r)
                   : "rm"(entry), "a"(n), "b"(a), "c"(b), "d"(c), "S"(d)
                   : "memory");
  return r;
}

inline long syscall5(long entry, long n, long a, long b, long c, long d, long e) noexcept {
  long r;
  __asm__ volatile("call *%1"
                   : "=a"(r)
                   : "m"(entry), "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                   : "memory");
  return r;
}

inline long syscall6(long entry, long n, long a, long b, long c, long d, long e, long f) noexcept {
  long r;
  const long blk[3] = {n, f, entry};
  __asm__ volatile(
      "push %%ebp\n\t"
      "mov 4(%%eax), %%ebp\n\t"
      "push 8(%%eax)\n\t"
      "mov (%%eax), %%eax\n\t"
      "call *(%%esp)\n\t"
      "add $4, %%esp\n\t"
      "pop %%ebp"
      : "=a"(r)
      : "0"(blk), "m"(blk), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
      : "memory");
  return r;
}

}  // namespace entry

}  // namespace rawsys::arch
