// The core in a program with no libc: its own minimal _start (the runtime
// proper is <rawsys/start.hpp>), checks that exit with a distinct status on
// the first failure, and exit_group(0) when all pass.
#include <rawsys/rawsys.hpp>

#include "nolibc_abi.hpp"

using rawsys::errc;
using rawsys::nr;

namespace {

[[noreturn]] void exit_with(long code) {
  rawsys::raw::syscall(static_cast<long>(nr::exit_group), code);
  __builtin_unreachable();
}

void say(const char* s) {
  unsigned long n = 0;
  while (s[n]) ++n;
  (void)rawsys::syscall(nr::write, 1, s, n);
}

}  // namespace

extern "C" [[noreturn]] [[gnu::used]] void rawsys_test_start(long* sp) {
  const long argc = sp[0];
  if (argc < 1) exit_with(10);
  // getpid succeeds and is positive.
  auto pid = rawsys::syscall(nr::getpid);
  if (!pid || *pid <= 0) exit_with(11);
  // An error decodes to its errc, name and message.
  auto bad = rawsys::syscall(nr::close, -1);
  if (bad || bad.error() != errc::ebadf) exit_with(12);
  const char* text = message(bad.error());
  if (text[0] != 'B' || name(bad.error())[1] != 'B') exit_with(13);
  // Six arguments: an anonymous mapping, written and unmapped.
#if defined(__s390x__)
  // old_mmap: one pointer to the six values.
  const unsigned long args[6] = {0, 4096, 3, 0x22, ~0ul, 0};
  auto page = rawsys::syscall(nr::mmap, args);
#else
#if defined(__i386__) || defined(__arm__)
  const auto map = nr::mmap2;
#else
  const auto map = nr::mmap;
#endif
  auto page = rawsys::syscall(map, nullptr, 4096u, 3 /* PROT_READ|WRITE */, 0x22 /* PRIVATE|ANON */, -1, 0);
#endif
  if (!page) exit_with(14);
  *reinterpret_cast<volatile char*>(*page) = 'x';
  if (!rawsys::syscall(nr::munmap, *page, 4096u)) exit_with(15);
  // Tables and the monadic members.
  if (rawsys::find_nr("getppid").value_or(nr::read) != nr::getppid) exit_with(16);
  auto doubled = rawsys::syscall(nr::getppid).transform([](long v) { return v * 2; });
  if (!doubled || *doubled <= 0) exit_with(17);
#if defined(__i386__)
  // No libc and no runtime: the fast entry is found through the kernel.
  if (rawsys::arch::entry_address <= 1) exit_with(18);
  if (rawsys::arch::entry_address != rawsys::auxv(32)) exit_with(19);
#endif
  say("core without libc: ok\n");
  exit_with(0);
}

// The initial stack pointer points at argc; hand it to the C++ side.
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
#endif
