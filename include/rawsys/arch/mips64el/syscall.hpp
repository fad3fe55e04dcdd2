// MIPS n64 system call instruction: number in $2 (v0), arguments in
// $4..$9 (a0..a5); the result in $2.
// The kernel flags an error in $7 (a3) and returns the errno positive in $2;
// each function turns that into -errno, the convention everything above
// this file expects. `syscall` may change $1, $3, $10..$15, $24, $25, hi
// and lo, and keeps $8 and $9 (arch/mips/kernel/scall64-n64.S; musl's
// mips64 syscall_arch.h lists the same). A restarted call finds its number
// again: the kernel keeps it apart and puts it back in $2 before it rewinds
// to the instruction. See syscall(2).
#pragma once

#if __mips_isa_rev >= 6  // no hi and lo
#define RAWSYS_MIPS_CLOBBERS_ "$1", "$3", "$10", "$11", "$12", "$13", "$14", "$15", "$24", "$25", "memory"
#else
#define RAWSYS_MIPS_CLOBBERS_ \
  "$1", "$3", "$10", "$11", "$12", "$13", "$14", "$15", "$24", "$25", "hi", "lo", "memory"
#endif

namespace rawsys::arch {

[[gnu::always_inline]] inline long syscall0(long n) noexcept {
  register long r7 __asm__("$7");
  register long r2 __asm__("$2") = n;
  __asm__ volatile("syscall" : "+&r"(r2), "=r"(r7) : : RAWSYS_MIPS_CLOBBERS_);
  return r7 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall1(long n, long a) noexcept {
  register long r4 __asm__("$4") = a;
  register long r7 __asm__("$7");
  register long r2 __asm__("$2") = n;
  __asm__ volatile("syscall" : "+&r"(r2), "=r"(r7) : "r"(r4) : RAWSYS_MIPS_CLOBBERS_);
  return r7 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall2(long n, long a, long b) noexcept {
  register long r4 __asm__("$4") = a;
  register long r5 __asm__("$5") = b;
  register long r7 __asm__("$7");
  register long r2 __asm__("$2") = n;
  __asm__ volatile("syscall" : "+&r"(r2), "=r"(r7) : "r"(r4), "r"(r5) : RAWSYS_MIPS_CLOBBERS_);
  return r7 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall3(long n, long a, long b, long c) noexcept {
  register long r4 __asm__("$4") = a;
  register long r5 __asm__("$5") = b;
  register long r6 __asm__("$6") = c;
  register long r7 __asm__("$7");
  register long r2 __asm__("$2") = n;
  __asm__ volatile("syscall"
                   : "+&r"(r2), "=r"(r7)
                   : "r"(r4), "r"(r5), "r"(r6)
                   : RAWSYS_MIPS_CLOBBERS_);
  return r7 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall4(long n, long a, long b, long c, long d) noexcept {
  register long r4 __asm__("$4") = a;
  register long r5 __asm__("$5") = b;
  register long r6 __asm__("$6") = c;
  register long r7 __asm__("$7") = d;
  register long r2 __asm__("$2") = n;
  __asm__ volatile("syscall"
                   : "+&r"(r2), "+r"(r7)
                   : "r"(r4), "r"(r5), "r"(r6)
                   : RAWSYS_MIPS_CLOBBERS_);
  return r7 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall5(long n, long a, long b, long c, long d, long e) noexcept {
  register long r4 __asm__("$4") = a;
  register long r5 __asm__("$5") = b;
  register long r6 __asm__("$6") = c;
  register long r7 __asm__("$7") = d;
  register long r8 __asm__("$8") = e;
  register long r2 __asm__("$2") = n;
  __asm__ volatile("syscall"
                   : "+&r"(r2), "+r"(r7)
                   : "r"(r4), "r"(r5), "r"(r6), "r"(r8)
                   : RAWSYS_MIPS_CLOBBERS_);
  return r7 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall6(long n, long a, long b, long c, long d, long e, long f) noexcept {
  register long r4 __asm__("$4") = a;
  register long r5 __asm__("$5") = b;
  register long r6 __asm__("$6") = c;
  register long r7 __asm__("$7") = d;
  register long r8 __asm__("$8") = e;
  register long r9 __asm__("$9") = f;
  register long r2 __asm__("$2") = n;
  __asm__ volatile("syscall"
                   : "+&r"(r2), "+r"(r7)
                   : "r"(r4), "r"(r5), "r"(r6), "r"(r8), "r"(r9)
                   : RAWSYS_MIPS_CLOBBERS_);
  return r7 ? -r2 : r2;
}

// The instruction itself, for code that runs before anything is set up.
namespace direct = ::rawsys::arch;

}  // namespace rawsys::arch

#undef RAWSYS_MIPS_CLOBBERS_
