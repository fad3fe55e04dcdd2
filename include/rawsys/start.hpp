// The runtime for a program without libc. Include it in exactly one source
// file of a program built with
//   -static -nostdlib -ffreestanding -fno-exceptions -fno-rtti -fno-pie
// (a static, not a static-pie, executable: nothing relocates it; both
// -fno-exceptions and -fno-pie are checked below) and
// `int main()`, `int main(int, char**)` or `int main(int, char**, char**)`,
// in any of its files, becomes a complete program on x86-64, i386, arm64
// and arm (EABI). It defines:
//  - _start: argc, argv, envp and the auxiliary vector from the initial
//    stack; .preinit_array and .init_array (global constructors) before main,
//    atexit handlers, static destructors and .fini_array (in reverse) after;
//    main's value to exit_group. It makes no system call of its own.
//  - rawsys::auxv(), rawsys::environ(), rawsys::getenv(),
//    rawsys::exit_program() from the startup values; on i386 the fast entry
//    (AT_SYSINFO) for every rawsys call.
//  - memcpy, memmove, memset, memcmp (weak: a program may bring faster ones).
//  - the stack protector: __stack_chk_guard from AT_RANDOM; __stack_chk_fail
//    reports on stderr and ends the process with SIGABRT.
//  - __cxa_atexit, atexit, __dso_handle, __cxa_guard_*, __cxa_pure_virtual:
//    what C++ code calls without asking (no threads: the guards do not lock).
//
// The stack protector: GCC and Clang on x86 read the canary from the thread
// block (%fs:0x28, %gs:0x14), which a program without libc does not have;
// the tools build with -mstack-protector-guard=global (GCC and Clang), which
// reads __stack_chk_guard, and define RAWSYS_STACK_GUARD_TLS=0, so startup
// needs no system call. When this file is compiled with a stack protector on
// x86 and RAWSYS_STACK_GUARD_TLS is not 0, startup also installs a minimal
// thread block holding the canary: with wrfsbase on x86-64 where the kernel
// allows it (AT_HWCAP2), arch_prctl(2) otherwise, set_thread_area(2) on i386.
// arm64 GCC and arm (GCC and Clang) read __stack_chk_guard by default. s390x's
// compilers read the canary only from the thread block (a0:a1 + 40), set with
// sar, no syscall.
//
// i386: defining RAWSYS_IA32_ENTRY_FROM_START in every file of the program
// (rawsys_add_tool does) drops the code that would look the fast entry up
// lazily, which this runtime makes unnecessary. 64-bit division on i386
// (__udivdi3, ...) and arm (__aeabi_uldivmod, ...) comes from libgcc: link
// -lgcc (the runtime defines the __aeabi_*div0 hooks libgcc's arm helpers call).
#pragma once

// Without libc there is no unwinder: code built with exceptions refers to
// __gxx_personality_v0 and fails to link.
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
#error "rawsys/start.hpp: build a program without libc with -fno-exceptions (rawsys_add_tool does)"
#endif
// A static-pie executable must relocate itself before it runs, which needs
// libc's start-up code; this runtime does not, so the program would crash on
// its first relocated pointer. Position-independent code (__PIE__, the
// default of many compilers) is what -static-pie needs: ask for neither.
#if defined(__PIE__) || defined(__pie__)
#error "rawsys/start.hpp: build a program without libc with -fno-pie and link it -static, not -static-pie (rawsys_add_tool does)"
#endif

#include <stddef.h>
#include <stdint.h>

#include "auxv.hpp"
#include "runtime.hpp"
#include "syscall.hpp"

// The ISA's part (arch/<isa>/start.hpp): _start, which hands the initial
// stack pointer to rawsys_start_c below; the mem* loops (arch::mem); the
// fast entry from AT_SYSINFO (arch::set_entry); where the compiler reads the
// canary from a thread block, RAWSYS_STACK_GUARD_TLS's default and
// arch::install_canary.
#include "arch/native_start.hpp"

#if !defined(RAWSYS_STACK_GUARD_TLS)
#define RAWSYS_STACK_GUARD_TLS 0  // the canary is __stack_chk_guard
#endif

// main. GCC never mangles it, nor does Clang in a hosted build; Clang with
// -ffreestanding does (main is then an ordinary function), so each of the
// three forms is a weak reference and the one that is defined is called.
#if defined(__clang__) && !__STDC_HOSTED__
extern "C" [[gnu::weak]] int rawsys_main0() __asm__("_Z4mainv");
extern "C" [[gnu::weak]] int rawsys_main2(int, char**) __asm__("_Z4mainiPPc");
extern "C" [[gnu::weak]] int rawsys_main3(int, char**, char**) __asm__("_Z4mainiPPcS0_");
extern "C" [[gnu::weak]] int rawsys_main_c(int, char**, char**) __asm__("main");
#else
// Calling a main that takes fewer arguments is safe in the C calling
// convention of all three architectures.
extern "C" int rawsys_main_c(int, char**, char**) __asm__("main");
#endif

// Bounds of the init and fini arrays, defined by the linker script (ld's
// default one, and cmake/rawsys-tool.ld).
extern "C" {
using rawsys_init_fn = void (*)(int, char**, char**);
using rawsys_fini_fn = void (*)();
// Declared as bytes, alignment 1: the bounds of an empty array may be odd
// addresses, which an instruction that assumes an aligned symbol (s390x's
// larl) cannot reach; the loops below read them as function pointers.
extern const unsigned char __preinit_array_start[] __attribute__((visibility("hidden"), aligned(1)));
extern const unsigned char __preinit_array_end[] __attribute__((visibility("hidden"), aligned(1)));
extern const unsigned char __init_array_start[] __attribute__((visibility("hidden"), aligned(1)));
extern const unsigned char __init_array_end[] __attribute__((visibility("hidden"), aligned(1)));
extern const unsigned char __fini_array_start[] __attribute__((visibility("hidden"), aligned(1)));
extern const unsigned char __fini_array_end[] __attribute__((visibility("hidden"), aligned(1)));

// The canary -fstack-protector compares against (with the global guard).
uintptr_t __stack_chk_guard;
// The C++ ABI's handle for "this module" in __cxa_atexit.
__attribute__((weak, visibility("hidden"))) void* __dso_handle = nullptr;
}

namespace rawsys::detail {

// The functions registered with __cxa_atexit/atexit, run in reverse at exit.
// A fixed table: the runtime never allocates. The exit path reaches the
// table through atexit_runner, set by the first registration, so a program
// that registers nothing carries no table code.
inline constexpr unsigned atexit_max = 32;
struct atexit_entry {
  void (*fn)(void*);
  void* arg;
};
inline atexit_entry atexit_table[atexit_max];
inline unsigned atexit_count = 0;
inline void (*atexit_runner)() = nullptr;

inline void run_atexit() noexcept {
  while (atexit_count != 0) {
    const atexit_entry e = atexit_table[--atexit_count];
    e.fn(e.arg);
  }
}

// abort(3) without libc: SIGABRT's default action, unblocked, sent to this
// thread. The handler is reset first: nothing may run on a smashed stack.
[[noreturn, gnu::cold]] inline void abort_process() noexcept {
  const uint64_t dfl[4] = {};  // handler SIG_DFL, no flags, empty mask
  (void)raw::syscall(static_cast<long>(nr::rt_sigaction), 6, dfl, nullptr, 8);
  const uint64_t abrt = uint64_t{1} << (6 - 1);
  (void)raw::syscall(static_cast<long>(nr::rt_sigprocmask), 1 /* SIG_UNBLOCK */, &abrt, nullptr, 8);
  (void)raw::syscall(static_cast<long>(nr::tgkill), raw::syscall(static_cast<long>(nr::getpid)),
                     raw::syscall(static_cast<long>(nr::gettid)), 6);
  __builtin_trap();
}

[[noreturn, gnu::cold]] inline void fatal(const char* msg, unsigned long len) noexcept {
  (void)raw::syscall(static_cast<long>(nr::write), 2, msg, len);
  abort_process();
}

}  // namespace rawsys::detail

extern "C" {

// __cxa_atexit(3): registers a destructor; 0 on success, -1 when the table is full.
int __cxa_atexit(void (*fn)(void*), void* arg, void*) noexcept {
  using namespace rawsys::detail;
  if (atexit_count == atexit_max) return -1;
  atexit_table[atexit_count++] = {fn, arg};
  atexit_runner = run_atexit;
  return 0;
}

// atexit(3)
__attribute__((weak)) int atexit(void (*fn)()) noexcept {
  return __cxa_atexit([](void* f) { reinterpret_cast<void (*)()>(f)(); }, reinterpret_cast<void*>(fn), nullptr);
}

// exit(3) for this runtime: handlers and destructors in reverse order of
// registration, then .fini_array in reverse, then exit_group.
[[noreturn]] void rawsys_exit(int status) noexcept {
  if (rawsys::detail::atexit_runner) rawsys::detail::atexit_runner();
  const auto* const first = reinterpret_cast<const rawsys_fini_fn*>(__fini_array_start);
  for (const auto* f = reinterpret_cast<const rawsys_fini_fn*>(__fini_array_end); f != first;) (*--f)();
  for (;;) (void)rawsys::raw::syscall(static_cast<long>(rawsys::nr::exit_group), status);
}

__attribute__((noreturn, no_stack_protector)) void __stack_chk_fail() noexcept {
  static const char msg[] = "*** stack smashing detected ***: terminated\n";
  rawsys::detail::fatal(msg, sizeof msg - 1);
}
// What i386 position-independent code calls instead.
__attribute__((noreturn, weak, visibility("hidden"))) void __stack_chk_fail_local() noexcept {
  __stack_chk_fail();
}

__attribute__((noreturn, weak)) void __cxa_pure_virtual() noexcept {
  static const char msg[] = "pure virtual method called\n";
  rawsys::detail::fatal(msg, sizeof msg - 1);
}

// Function-local statics: the first byte of the guard says "done". There are
// no threads to wait for, so nothing locks.
__attribute__((weak)) int __cxa_guard_acquire(int64_t* g) noexcept {
  return __atomic_load_n(reinterpret_cast<unsigned char*>(g), __ATOMIC_ACQUIRE) == 0;
}
__attribute__((weak)) void __cxa_guard_release(int64_t* g) noexcept {
  __atomic_store_n(reinterpret_cast<unsigned char*>(g), 1, __ATOMIC_RELEASE);
}
__attribute__((weak)) void __cxa_guard_abort(int64_t*) noexcept {}

// The mem* functions compilers call even in freestanding code, through the
// ISA's loops (arch::mem).
__attribute__((weak, no_stack_protector)) void* memcpy(void* dst, const void* src, size_t n) noexcept {
  rawsys::arch::mem::copy(dst, src, n);
  return dst;
}

__attribute__((weak, no_stack_protector)) void* memmove(void* dst, const void* src, size_t n) noexcept {
  // Forwards unless dst starts inside [src, src + n).
  if (reinterpret_cast<uintptr_t>(dst) - reinterpret_cast<uintptr_t>(src) >= n) return memcpy(dst, src, n);
  rawsys::arch::mem::copy_backward(dst, src, n);
  return dst;
}

__attribute__((weak, no_stack_protector)) void* memset(void* dst, int c, size_t n) noexcept {
  rawsys::arch::mem::fill(dst, c, n);
  return dst;
}

__attribute__((weak, no_stack_protector)) int memcmp(const void* a, const void* b, size_t n) noexcept {
  return rawsys::arch::mem::compare(a, b, n);
}

// From _start: everything before the first call is written out here, with
// no stack protector, because the canary and the thread block do not exist
// yet (with -fstack-protector-all and -O0 every called function checks one).
[[noreturn]] __attribute__((used, no_stack_protector)) void rawsys_start_c(long* sp) noexcept {
  const int argc = static_cast<int>(sp[0]);
  char** const argv = reinterpret_cast<char**>(sp + 1);
  char** const envp = argv + argc + 1;
  char** e = envp;
  while (*e) ++e;
  const unsigned long* const auxv = reinterpret_cast<const unsigned long*>(e + 1);

  const unsigned char* random = nullptr;
  [[maybe_unused]] unsigned long sysinfo = 0, hwcap2 = 0;
  for (const unsigned long* a = auxv; a[0] != 0; a += 2) {
    if (a[0] == 25 /* AT_RANDOM */) random = reinterpret_cast<const unsigned char*>(a[1]);
    if (a[0] == 32 /* AT_SYSINFO */) sysinfo = a[1];
    if (a[0] == 26 /* AT_HWCAP2 */) hwcap2 = a[1];
  }
  rawsys::detail::startup_auxv = auxv;
  rawsys::detail::startup_envp = envp;
  rawsys::arch::set_entry(sysinfo);

  // The canary: AT_RANDOM's first word with its first byte in memory zero
  // (the lowest on a little-endian ISA, the highest on a big-endian one), as
  // glibc does, so that a string overflow cannot reproduce it.
  constexpr uintptr_t first_byte = rawsys::abi::big_endian ? uintptr_t{0xff} << (sizeof(uintptr_t) * 8 - 8) : 0xff;
  uintptr_t guard = 0xff0a0000u;
  if (random) {
    __builtin_memcpy(&guard, random, sizeof guard);  // a load; memcpy has no protector either
    guard &= ~first_byte;
  }
  __stack_chk_guard = guard;

#if RAWSYS_STACK_GUARD_TLS
  rawsys::arch::install_canary(guard, hwcap2);
#endif

  for (auto* f = reinterpret_cast<const rawsys_init_fn*>(__preinit_array_start);
       f != reinterpret_cast<const rawsys_init_fn*>(__preinit_array_end); ++f)
    (*f)(argc, argv, envp);
  for (auto* f = reinterpret_cast<const rawsys_init_fn*>(__init_array_start);
       f != reinterpret_cast<const rawsys_init_fn*>(__init_array_end); ++f)
    (*f)(argc, argv, envp);
  int status;
#if defined(__clang__) && !__STDC_HOSTED__
  if (rawsys_main3)
    status = rawsys_main3(argc, argv, envp);
  else if (rawsys_main2)
    status = rawsys_main2(argc, argv);
  else if (rawsys_main0)
    status = rawsys_main0();
  else if (rawsys_main_c)
    status = rawsys_main_c(argc, argv, envp);
  else
    rawsys::detail::fatal("no main\n", 8);
#else
  status = rawsys_main_c(argc, argv, envp);
#endif
  rawsys_exit(status);
}

}  // extern "C"
