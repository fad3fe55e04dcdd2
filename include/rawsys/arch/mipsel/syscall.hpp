// MIPS o32 system call instruction: number in $2 (v0), arguments in
// $4..$7 (a0..a3) and, from the fifth on, on the stack at 16($sp), 20($sp)
// and 24($sp) above the 16 bytes the ABI reserves for the first four: the
// asm makes its own 32-byte frame for them. The result in $2. Seven
// arguments exist here (fadvise64 and sync_file_range take a padding
// register to align their 64-bit pairs).
// The kernel flags an error in $7 (a3) and returns the errno positive in $2;
// each function turns that into -errno, the convention everything above
// this file expects. The number is moved into $2 inside the asm, since $2
// is also the result. `syscall` may change $1, $3, $8..$15, $24, $25, hi
// and lo (musl's and nolibc's mips syscall_arch lists agree). See syscall(2).
#pragma once

#if __mips_isa_rev >= 6  // no hi and lo
#define RAWSYS_MIPS_CLOBBERS_ "$1", "$3", "$11", "$12", "$13", "$14", "$15", "$24", "$25", "memory"
#else
#define RAWSYS_MIPS_CLOBBERS_ \
  "$1", "$3", "$11", "$12", "$13", "$14", "$15", "$24", "$25", "hi", "lo", "memory"
#endif

namespace rawsys::arch {

[[gnu::always_inline]] inline long syscall0(long n) noexcept {
  register long r7 __asm__("$7");
  register long r2 __asm__("$2");
  __asm__ volatile("addu $2, $0, %2\n\tsyscall"
                   : "=&r"(r2), "=r"(r7)
                   : "ir"(n), "0"(r2)
                   : RAWSYS_MIPS_CLOBBERS_, "$8", "$9", "$10");
  return r7 && r2 > 0 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall1(long n, long a) noexcept {
  register long r4 __asm__("$4") = a;
  register long r7 __asm__("$7");
  register long r2 __asm__("$2");
  __asm__ volatile("addu $2, $0, %2\n\tsyscall"
                   : "=&r"(r2), "=r"(r7)
                   : "ir"(n), "r"(r4)
                   : RAWSYS_MIPS_CLOBBERS_, "$8", "$9", "$10");
  return r7 && r2 > 0 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall2(long n, long a, long b) noexcept {
  register long r4 __asm__("$4") = a;
  register long r5 __asm__("$5") = b;
  register long r7 __asm__("$7");
  register long r2 __asm__("$2");
  __asm__ volatile("addu $2, $0, %2\n\tsyscall"
                   : "=&r"(r2), "=r"(r7)
                   : "ir"(n), "r"(r4), "r"(r5)
                   : RAWSYS_MIPS_CLOBBERS_, "$8", "$9", "$10");
  return r7 && r2 > 0 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall3(long n, long a, long b, long c) noexcept {
  register long r4 __asm__("$4") = a;
  register long r5 __asm__("$5") = b;
  register long r6 __asm__("$6") = c;
  register long r7 __asm__("$7");
  register long r2 __asm__("$2");
  __asm__ volatile("addu $2, $0, %2\n\tsyscall"
                   : "=&r"(r2), "=r"(r7)
                   : "ir"(n), "r"(r4), "r"(r5), "r"(r6)
                   : RAWSYS_MIPS_CLOBBERS_, "$8", "$9", "$10");
  return r7 && r2 > 0 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall4(long n, long a, long b, long c, long d) noexcept {
  register long r4 __asm__("$4") = a;
  register long r5 __asm__("$5") = b;
  register long r6 __asm__("$6") = c;
  register long r7 __asm__("$7") = d;
  register long r2 __asm__("$2");
  __asm__ volatile("addu $2, $0, %2\n\tsyscall"
                   : "=&r"(r2), "+r"(r7)
                   : "ir"(n), "r"(r4), "r"(r5), "r"(r6)
                   : RAWSYS_MIPS_CLOBBERS_, "$8", "$9", "$10");
  return r7 && r2 > 0 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall5(long n, long a, long b, long c, long d, long e) noexcept {
  register long r4 __asm__("$4") = a;
  register long r5 __asm__("$5") = b;
  register long r6 __asm__("$6") = c;
  register long r7 __asm__("$7") = d;
  register long r8 __asm__("$8") = e;
  register long r2 __asm__("$2");
  __asm__ volatile("subu $sp, $sp, 32\n\tsw $8, 16($sp)\n\taddu $2, $0, %3\n\tsyscall\n\taddu $sp, $sp, 32"
                   : "=&r"(r2), "+r"(r7), "+r"(r8)
                   : "ir"(n), "r"(r4), "r"(r5), "r"(r6)
                   : RAWSYS_MIPS_CLOBBERS_, "$9", "$10");
  return r7 && r2 > 0 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall6(long n, long a, long b, long c, long d, long e, long f) noexcept {
  register long r4 __asm__("$4") = a;
  register long r5 __asm__("$5") = b;
  register long r6 __asm__("$6") = c;
  register long r7 __asm__("$7") = d;
  register long r8 __asm__("$8") = e;
  register long r9 __asm__("$9") = f;
  register long r2 __asm__("$2");
  __asm__ volatile("subu $sp, $sp, 32\n\tsw $8, 16($sp)\n\tsw $9, 20($sp)\n\taddu $2, $0, %4\n\tsyscall\n\taddu $sp, $sp, 32"
                   : "=&r"(r2), "+r"(r7), "+r"(r8), "+r"(r9)
                   : "ir"(n), "r"(r4), "r"(r5), "r"(r6)
                   : RAWSYS_MIPS_CLOBBERS_, "$10");
  return r7 && r2 > 0 ? -r2 : r2;
}

[[gnu::always_inline]] inline long syscall7(long n, long a, long b, long c, long d, long e, long f, long g) noexcept {
  register long r4 __asm__("$4") = a;
  register long r5 __asm__("$5") = b;
  register long r6 __asm__("$6") = c;
  register long r7 __asm__("$7") = d;
  register long r8 __asm__("$8") = e;
  register long r9 __asm__("$9") = f;
  register long r10 __asm__("$10") = g;
  register long r2 __asm__("$2");
  __asm__ volatile("subu $sp, $sp, 32\n\tsw $8, 16($sp)\n\tsw $9, 20($sp)\n\tsw $10, 24($sp)\n\taddu $2, $0, %5\n\tsyscall\n\taddu $sp, $sp, 32"
                   : "=&r"(r2), "+r"(r7), "+r"(r8), "+r"(r9), "+r"(r10)
                   : "ir"(n), "r"(r4), "r"(r5), "r"(r6)
                   : RAWSYS_MIPS_CLOBBERS_);
  return r7 && r2 > 0 ? -r2 : r2;
}

// The instruction itself, for code that runs before anything is set up.
namespace direct = ::rawsys::arch;

}  // namespace rawsys::arch

#undef RAWSYS_MIPS_CLOBBERS_
