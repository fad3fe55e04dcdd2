// Processes and signals in a program with no libc: handlers return through
// the library's restorers (both i386 frames), a handler runs on an alternate
// stack, a raw thread runs on a static stack and is joined through its tid
// futex, fork/execve/wait4 see /bin/sh's exit status, and limits round-trip.
// Exits with a distinct status on the first failure, 0 when all pass.
#include <rawsys/process.hpp>
#include <rawsys/signal.hpp>

#include "nolibc_abi.hpp"

using rawsys::nr;
using rawsys::sig;
namespace cf = rawsys::clone_flags;

namespace {

[[noreturn]] void fail(int code) { rawsys::exit_group(code); }

void say(const char* s) {
  unsigned long n = 0;
  while (s[n]) ++n;
  (void)rawsys::syscall(nr::write, 1, s, n);
}

volatile int plain_calls = 0;
void plain(sig) { plain_calls = plain_calls + 1; }

volatile int info_code = 0;
void with_info(sig, rawsys::siginfo* info, void*) { info_code = info->code; }

alignas(16) char alt_stack[32768];
volatile unsigned long frame_at = 0;
// A local's address, not __builtin_frame_address: in a leaf without a frame
// Clang gives the interrupted code's r31 on ppc64.
void on_alt(sig) {
  volatile char local = 0;
  frame_at = reinterpret_cast<unsigned long>(&local);
}

alignas(16) char thread_stack[65536];
int thread_word = 0;
volatile int thread_result = 0;
int thread_main(void* arg) {
  thread_result = *static_cast<int*>(arg) + (rawsys::gettid() != rawsys::getpid() ? 1 : 0);
  return 0;
}

void raise_here(sig s) {
  if (!rawsys::tgkill(rawsys::getpid(), rawsys::gettid(), s)) fail(10);
}

}  // namespace

extern "C" [[noreturn]] [[gnu::used]] void rawsys_test_start(long* sp) {
  char** envp = reinterpret_cast<char**>(sp + 1 + sp[0] + 1);
  (void)envp;

  // A plain handler (the old frame on i386) and an sa::siginfo one.
  rawsys::sigaction act;
  act.handler = plain;
  if (!rawsys::rt_sigaction(sig::usr1, act)) fail(11);
  raise_here(sig::usr1);
  raise_here(sig::usr1);
  if (plain_calls != 2) fail(12);
  rawsys::sigaction info_act;
  info_act.action = with_info;
  info_act.flags = rawsys::sa::siginfo;
  if (!rawsys::rt_sigaction(sig::usr2, info_act)) fail(13);
  raise_here(sig::usr2);
  if (info_code != rawsys::si::tkill) fail(14);

  // A handler on the alternate stack.
  rawsys::stack_t ss;
  ss.sp = alt_stack;
  ss.size = sizeof alt_stack;
  if (!rawsys::sigaltstack(&ss, nullptr)) fail(15);
  rawsys::sigaction alt;
  alt.handler = on_alt;
  alt.flags = rawsys::sa::onstack;
  if (!rawsys::rt_sigaction(sig::term, alt)) fail(16);
  raise_here(sig::term);
  const auto lo = reinterpret_cast<unsigned long>(alt_stack);
  if (frame_at < lo || frame_at >= lo + sizeof alt_stack) fail(17);

  // A raw thread on a static stack, joined through the futex on its tid.
  int in = 41;
  const auto flags = cf::vm | cf::fs | cf::files | cf::sighand | cf::thread | cf::sysvsem |
                     cf::child_cleartid | cf::parent_settid;
  auto t = rawsys::clone(thread_main, thread_stack + sizeof thread_stack, flags, &in, &thread_word, 0,
                         &thread_word);
  if (!t) fail(18);
  for (int v; (v = __atomic_load_n(&thread_word, __ATOMIC_ACQUIRE)) != 0;)
    (void)rawsys::syscall(nr::futex, &thread_word, 0 /* FUTEX_WAIT */, v, nullptr);
  if (thread_result != 42) fail(19);

  // fork, execve, wait4.
  auto c = rawsys::fork();
  if (!c) fail(20);
  if (*c == 0) {
    const char* argv[] = {"sh", "-c", "exit 7", nullptr};
    (void)rawsys::execve("/bin/sh", argv, envp);
    rawsys::exit_group(127);
  }
  int status = 0;
  if (rawsys::wait4(*c, &status, {}, nullptr) != *c) fail(21);
  if (!rawsys::wifexited(status) || rawsys::wexitstatus(status) != 7) fail(22);

  // Limits round-trip.
  auto lim = rawsys::getrlimit(rawsys::rlimit::nofile);
  if (!lim || lim->cur < 2) fail(23);
  const rawsys::rlimit64 lower{lim->cur - 1, lim->max};
  if (!rawsys::setrlimit(rawsys::rlimit::nofile, lower)) fail(24);
  if (rawsys::getrlimit(rawsys::rlimit::nofile) != lower) fail(25);

  rawsys::utsname u;
  if (!rawsys::uname(&u) || u.sysname[0] != 'L') fail(26);

  say("processes and signals without libc: ok\n");
  rawsys::exit_group(0);
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
