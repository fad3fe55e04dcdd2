// The freestanding tests' own minimal _start, included once by each of them
// after it defines `extern "C" void rawsys_test_start(long* sp)`: per ISA,
// clear the frame registers, align the stack and hand the initial stack
// pointer (pointing at argc) to rawsys_test_start. The runtime's own _start
// (rawsys/start.hpp) is what the other tests use; these programs test the
// library without it.
#pragma once

#include <rawsys/syscall.hpp>  // the ISA's arch headers (arm's code-state macro)
#if defined(__mips__)
#include <rawsys/arch/mips/entry.hpp>
#endif

#if defined(__x86_64__)
__asm__(".text\n.global _start\n_start:\n"
        "  xor %ebp, %ebp\n  mov %rsp, %rdi\n  and $-16, %rsp\n  call rawsys_test_start\n  hlt\n");
#elif defined(__i386__)
__asm__(".text\n.global _start\n_start:\n"
        "  xor %ebp, %ebp\n  mov %esp, %eax\n  and $-16, %esp\n  sub $12, %esp\n  push %eax\n"
        "  call rawsys_test_start\n  hlt\n");
#elif defined(__aarch64__)
__asm__(".text\n.global _start\n_start:\n"
        "  mov x29, #0\n  mov x30, #0\n  mov x0, sp\n  bl rawsys_test_start\n  brk #0\n");
#elif defined(__arm__)
// ARM code (an even entry address) in Thumb builds too; back to the
// compiler's state after it.
__asm__(".text\n.arm\n.global _start\n.type _start, %function\n_start:\n"
        "  mov fp, #0\n  mov lr, #0\n  mov r0, sp\n  bic sp, r0, #15\n  bl rawsys_test_start\n  udf #0\n"
        RAWSYS_ARM_CODE_STATE_);
#elif defined(__powerpc64__)
__asm__(".text\n.global _start\n_start:\n"
        "  bcl 20, 31, 1f\n1:\n  mflr 11\n  addis 2, 11, (.TOC. - 1b)@ha\n  addi 2, 2, (.TOC. - 1b)@l\n"
        "  mr 3, 1\n  clrrdi 1, 1, 4\n  li 0, 0\n  stdu 0, -32(1)\n  bl rawsys_test_start\n  nop\n  trap\n");
#elif defined(__riscv)
// gp before any C++ code: GNU ld relaxes small-data accesses to gp-relative.
__asm__(".text\n.global _start\n_start:\n.weak __global_pointer$\n"
        ".option push\n.option norelax\n  lla gp, __global_pointer$\n.option pop\n"
        "  mv s0, zero\n  mv ra, zero\n  mv a0, sp\n  call rawsys_test_start\n  ebreak\n");
#elif defined(__loongarch__)
__asm__(".text\n.global _start\n_start:\n"
        "  move $fp, $zero\n  move $ra, $zero\n  move $a0, $sp\n  bstrins.d $sp, $zero, 3, 0\n"
        "  bl rawsys_test_start\n  break 0\n");
#elif defined(__s390x__)
__asm__(".text\n.global _start\n_start:\n"
        "  lgr %r2, %r15\n  aghi %r15, -160\n  xc 0(8,%r15), 0(%r15)\n  brasl %r14, rawsys_test_start\n  .short 0\n");
#elif defined(__mips__)
__asm__(RAWSYS_MIPS_ENTRY_("rawsys_test_start"));
#endif
