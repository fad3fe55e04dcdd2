// The vDSO in a program with no libc: the auxiliary vector comes from the
// initial stack, the image is parsed and the clocks read through it (and
// through the syscalls once disabled). Exits with a distinct status on the
// first failure, 0 when all pass.
#include <rawsys/rawsys.hpp>

#include "nolibc_abi.hpp"
#include "nolibc_mem.hpp"

using rawsys::clock;
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

int64_t ns(const rawsys::timespec& t) { return t.sec * 1000000000 + t.nsec; }

}  // namespace

extern "C" [[noreturn]] [[gnu::used]] void rawsys_test_start(long* sp) {
  // argc, argv..., 0, envp..., 0, then the auxiliary vector.
  long* p = sp + 1 + sp[0] + 1;
  while (*p) ++p;
  rawsys::detail::startup_auxv = reinterpret_cast<const unsigned long*>(p + 1);
  if (rawsys::auxv(33 /* AT_SYSINFO_EHDR */) == 0) exit_with(10);
  const rawsys::vdso::image im = rawsys::vdso::live();
  if (!im.valid()) exit_with(11);
  // This ISA's name and version (arch/<isa>/abi.hpp).
  const char* name = rawsys::abi::vdso.clock_gettime.name;
  const char* version = rawsys::abi::vdso.clock_gettime.version;
  const void* f = rawsys::vdso::find(name, version);
  if (f == nullptr) exit_with(12);
  auto a = rawsys::clock_gettime(clock::monotonic);
  auto b = rawsys::clock_gettime(clock::monotonic);
  if (!a || !b || ns(*b) < ns(*a)) exit_with(13);
  // The slot now holds the function found above.
  if (rawsys::vdso::detail::slots[rawsys::vdso::detail::fn_clock_gettime] != reinterpret_cast<unsigned long>(f))
    exit_with(14);
  if (!rawsys::gettimeofday() || rawsys::time() < 1600000000) exit_with(15);
  rawsys::vdso::disable();
  auto c = rawsys::clock_gettime(clock::monotonic);
  if (!c || ns(*c) < ns(*b)) exit_with(16);
  if (rawsys::clock_gettime(static_cast<clock>(123))) exit_with(17);
  say("vdso without libc: ok\n");
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
