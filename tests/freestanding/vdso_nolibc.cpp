// The vDSO in a program with no libc: the auxiliary vector comes from the
// initial stack, the image is parsed and the clocks read through it (and
// through the syscalls once disabled). Exits with a distinct status on the
// first failure, 0 when all pass.
#include <rawsys/rawsys.hpp>

#include "nolibc_abi.hpp"

using rawsys::clock;
using rawsys::nr;

// Compilers may emit calls to memset and memcpy for zeroing and copying
// structs (GCC for arm does); a no-libc program gets them from the runtime,
// this test from here. Volatile stores keep the loops from becoming such calls.
extern "C" void* memset(void* dst, int c, decltype(sizeof 0) n) {
  auto* p = static_cast<volatile unsigned char*>(dst);
  for (decltype(sizeof 0) i = 0; i < n; ++i) p[i] = static_cast<unsigned char>(c);
  return dst;
}
extern "C" void* memcpy(void* dst, const void* src, decltype(sizeof 0) n) {
  auto* p = static_cast<volatile unsigned char*>(dst);
  const auto* q = static_cast<const unsigned char*>(src);
  for (decltype(sizeof 0) i = 0; i < n; ++i) p[i] = q[i];
  return dst;
}

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
  if (rawsys::auxv(33 /* AT_SYSINFO_EHDR */) == 0) {
#if defined(__mips__)
    // qemu-user maps no vDSO for mips: the clocks take the syscall; the
    // test reports itself skipped (77) once they work.
    auto a = rawsys::clock_gettime(clock::monotonic);
    auto b = rawsys::clock_gettime(clock::monotonic);
    if (!a || !b || ns(*b) < ns(*a) || !rawsys::gettimeofday() || rawsys::time() < 1600000000) exit_with(13);
    say("[skipped] qemu-user maps no vDSO for mips (no AT_SYSINFO_EHDR): the clocks took the syscall\n");
    exit_with(77);
#endif
    exit_with(10);
  }
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
#elif defined(__powerpc64__)
__asm__(".text\n.global _start\n_start:\n"
        "  bcl 20, 31, 1f\n1:\n  mflr 11\n  addis 2, 11, (.TOC. - 1b)@ha\n  addi 2, 2, (.TOC. - 1b)@l\n"
        "  mr 3, 1\n  clrrdi 1, 1, 4\n  li 0, 0\n  stdu 0, -32(1)\n  bl rawsys_test_start\n  nop\n  trap\n");
#elif defined(__riscv)
// gp before any C++ code: GNU ld relaxes small-data accesses to gp-relative.
__asm__(".text\n.global _start\n_start:\n.weak __global_pointer$\n"
        ".option push\n.option norelax\n  lla gp, __global_pointer$\n.option pop\n"
        "  mv s0, zero\n  mv ra, zero\n  mv a0, sp\n  call rawsys_test_start\n  ebreak\n");
#elif defined(__mips__)
#include "mips_start.hpp"
#endif
