// 64-bit PowerPC (ELFv2) system call instruction: number in r0, arguments
// in r3..r8; the result in r3. The kernel flags an error in CR0's summary
// overflow bit and returns the errno positive: `bns+ 1f; neg` turns that
// into -errno, the convention everything above this file expects. `sc`
// follows the ELF ABI's call rules but keeps cr1, cr5..cr7 and lr: it may
// change r0, r3..r12, cr0, ctr and xer (the kernel's
// Documentation/arch/powerpc/syscall64-abi.rst). `scv 0` (Linux 5.9, POWER9)
// is not used: it needs AT_HWCAP2's PPC_FEATURE2_SCV, which qemu-user does
// not offer. See syscall(2).
#pragma once

#define RAWSYS_PPC64_SC_ "sc\n\tbns+ 1f\n\tneg %1, %1\n1:"
#define RAWSYS_PPC64_CLOBBERS_ "memory", "cr0", "r9", "r10", "r11", "r12", "ctr", "xer"

namespace rawsys::arch {

inline long syscall0(long n) noexcept {
  register long r0 __asm__("r0") = n;
  register long r3 __asm__("r3");
  register long r4 __asm__("r4");
  register long r5 __asm__("r5");
  register long r6 __asm__("r6");
  register long r7 __asm__("r7");
  register long r8 __asm__("r8");
  __asm__ volatile(RAWSYS_PPC64_SC_
                   : "+r"(r0), "=r"(r3), "=r"(r4), "=r"(r5), "=r"(r6), "=r"(r7), "=r"(r8)
                   :
                   : RAWSYS_PPC64_CLOBBERS_);
  return r3;
}

inline long syscall1(long n, long a) noexcept {
  register long r0 __asm__("r0") = n;
  register long r3 __asm__("r3") = a;
  register long r4 __asm__("r4");
  register long r5 __asm__("r5");
  register long r6 __asm__("r6");
  register long r7 __asm__("r7");
  register long r8 __asm__("r8");
  __asm__ volatile(RAWSYS_PPC64_SC_
                   : "+r"(r0), "+r"(r3), "=r"(r4), "=r"(r5), "=r"(r6), "=r"(r7), "=r"(r8)
                   :
                   : RAWSYS_PPC64_CLOBBERS_);
  return r3;
}

inline long syscall2(long n, long a, long b) noexcept {
  register long r0 __asm__("r0") = n;
  register long r3 __asm__("r3") = a;
  register long r4 __asm__("r4") = b;
  register long r5 __asm__("r5");
  register long r6 __asm__("r6");
  register long r7 __asm__("r7");
  register long r8 __asm__("r8");
  __asm__ volatile(RAWSYS_PPC64_SC_
                   : "+r"(r0), "+r"(r3), "+r"(r4), "=r"(r5), "=r"(r6), "=r"(r7), "=r"(r8)
                   :
                   : RAWSYS_PPC64_CLOBBERS_);
  return r3;
}

inline long syscall3(long n, long a, long b, long c) noexcept {
  register long r0 __asm__("r0") = n;
  register long r3 __asm__("r3") = a;
  register long r4 __asm__("r4") = b;
  register long r5 __asm__("r5") = c;
  register long r6 __asm__("r6");
  register long r7 __asm__("r7");
  register long r8 __asm__("r8");
  __asm__ volatile(RAWSYS_PPC64_SC_
                   : "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5), "=r"(r6), "=r"(r7), "=r"(r8)
                   :
                   : RAWSYS_PPC64_CLOBBERS_);
  return r3;
}

inline long syscall4(long n, long a, long b, long c, long d) noexcept {
  register long r0 __asm__("r0") = n;
  register long r3 __asm__("r3") = a;
  register long r4 __asm__("r4") = b;
  register long r5 __asm__("r5") = c;
  register long r6 __asm__("r6") = d;
  register long r7 __asm__("r7");
  register long r8 __asm__("r8");
  __asm__ volatile(RAWSYS_PPC64_SC_
                   : "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "=r"(r7), "=r"(r8)
                   :
                   : RAWSYS_PPC64_CLOBBERS_);
  return r3;
}

inline long syscall5(long n, long a, long b, long c, long d, long e) noexcept {
  register long r0 __asm__("r0") = n;
  register long r3 __asm__("r3") = a;
  register long r4 __asm__("r4") = b;
  register long r5 __asm__("r5") = c;
  register long r6 __asm__("r6") = d;
  register long r7 __asm__("r7") = e;
  register long r8 __asm__("r8");
  __asm__ volatile(RAWSYS_PPC64_SC_
                   : "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7), "=r"(r8)
                   :
                   : RAWSYS_PPC64_CLOBBERS_);
  return r3;
}

inline long syscall6(long n, long a, long b, long c, long d, long e, long f) noexcept {
  register long r0 __asm__("r0") = n;
  register long r3 __asm__("r3") = a;
  register long r4 __asm__("r4") = b;
  register long r5 __asm__("r5") = c;
  register long r6 __asm__("r6") = d;
  register long r7 __asm__("r7") = e;
  register long r8 __asm__("r8") = f;
  __asm__ volatile(RAWSYS_PPC64_SC_
                   : "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7), "+r"(r8)
                   :
                   : RAWSYS_PPC64_CLOBBERS_);
  return r3;
}

// The instruction itself, for code that runs before anything is set up.
namespace direct = ::rawsys::arch;

}  // namespace rawsys::arch

#undef RAWSYS_PPC64_SC_
#undef RAWSYS_PPC64_CLOBBERS_
