// 32-bit ARM (EABI) system call instruction: number in r7, arguments in
// r0..r5; the result in r0. `svc #0` preserves every other register. See
// syscall(2), "Architecture calling conventions".
//
// In Thumb code r7 is the frame pointer, which may not be named in a
// constraint: the number then travels in another register and is swapped
// into r7 around the instruction (as musl does). ARM code names r7 directly.
#pragma once

// The instruction set the compiler's code is in: asm that switches to ARM
// code (_start, the signal restorers) switches back with this, since the
// assembler keeps one state for the whole file.
#if defined(__thumb__)
#define RAWSYS_ARM_CODE_STATE_ ".thumb\n"
#else
#define RAWSYS_ARM_CODE_STATE_ ".arm\n"
#endif

#if defined(__thumb__)
#define RAWSYS_ARM_NR_(n) const long r7 = n
#define RAWSYS_ARM_SVC_(out, ...)                                                      \
  long saved;                                                                       \
  __asm__ volatile("mov %1, r7\n\tmov r7, %2\n\tsvc #0\n\tmov r7, %1"                \
                   : out, "=&r"(saved)                                               \
                   : "r"(r7) __VA_OPT__(, ) __VA_ARGS__                             \
                   : "memory");                                                     \
  return r0
#else
#define RAWSYS_ARM_NR_(n) register long r7 __asm__("r7") = n
#define RAWSYS_ARM_SVC_(out, ...)                                                    \
  __asm__ volatile("svc #0" : out : "r"(r7) __VA_OPT__(, ) __VA_ARGS__ : "memory"); \
  return r0
#endif

namespace rawsys::arch {

inline long syscall0(long n) noexcept {
  RAWSYS_ARM_NR_(n);
  register long r0 __asm__("r0");
  RAWSYS_ARM_SVC_("=r"(r0));
}

inline long syscall1(long n, long a) noexcept {
  RAWSYS_ARM_NR_(n);
  register long r0 __asm__("r0") = a;
  RAWSYS_ARM_SVC_("+r"(r0));
}

inline long syscall2(long n, long a, long b) noexcept {
  RAWSYS_ARM_NR_(n);
  register long r0 __asm__("r0") = a;
  register long r1 __asm__("r1") = b;
  RAWSYS_ARM_SVC_("+r"(r0), "r"(r1));
}

inline long syscall3(long n, long a, long b, long c) noexcept {
  RAWSYS_ARM_NR_(n);
  register long r0 __asm__("r0") = a;
  register long r1 __asm__("r1") = b;
  register long r2 __asm__("r2") = c;
  RAWSYS_ARM_SVC_("+r"(r0), "r"(r1), "r"(r2));
}

inline long syscall4(long n, long a, long b, long c, long d) noexcept {
  RAWSYS_ARM_NR_(n);
  register long r0 __asm__("r0") = a;
  register long r1 __asm__("r1") = b;
  register long r2 __asm__("r2") = c;
  register long r3 __asm__("r3") = d;
  RAWSYS_ARM_SVC_("+r"(r0), "r"(r1), "r"(r2), "r"(r3));
}

inline long syscall5(long n, long a, long b, long c, long d, long e) noexcept {
  RAWSYS_ARM_NR_(n);
  register long r0 __asm__("r0") = a;
  register long r1 __asm__("r1") = b;
  register long r2 __asm__("r2") = c;
  register long r3 __asm__("r3") = d;
  register long r4 __asm__("r4") = e;
  RAWSYS_ARM_SVC_("+r"(r0), "r"(r1), "r"(r2), "r"(r3), "r"(r4));
}

inline long syscall6(long n, long a, long b, long c, long d, long e, long f) noexcept {
  RAWSYS_ARM_NR_(n);
  register long r0 __asm__("r0") = a;
  register long r1 __asm__("r1") = b;
  register long r2 __asm__("r2") = c;
  register long r3 __asm__("r3") = d;
  register long r4 __asm__("r4") = e;
  register long r5 __asm__("r5") = f;
  RAWSYS_ARM_SVC_("+r"(r0), "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5));
}

// The instruction itself, for code that runs before anything is set up.
namespace direct = ::rawsys::arch;

}  // namespace rawsys::arch

#undef RAWSYS_ARM_NR_
#undef RAWSYS_ARM_SVC_
