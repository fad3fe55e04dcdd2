// 32-bit ARM's part of the no-libc runtime, for <rawsys/start.hpp> alone:
// _start, the byte-loop mem*, __aeabi_atexit, and the division-by-zero hooks
// of libgcc's division helpers. GCC and Clang read the stack protector's
// canary from __stack_chk_guard: no thread block.
#pragma once

#include "../../nr.hpp"
#include "../bytewise.hpp"
#include "../../syscall.hpp"

// The kernel starts the process with the stack pointer at argc; hand it to
// C++ with the stack aligned as the ABI wants (8 bytes; 16 here), and no
// frame or link register to unwind into. ARM code whatever the compiler
// emits (the entry address is then even, which the kernel starts in ARM
// state); the linker turns the bl into blx when rawsys_start_c is Thumb.
__asm__(".text\n.arm\n.global _start\n.type _start, %function\n_start:\n"
        "  mov fp, #0\n"
        "  mov lr, #0\n"
        "  mov r0, sp\n"
        "  bic sp, r0, #15\n"
        "  bl rawsys_start_c\n"
        "  udf #0\n"
        ".size _start, . - _start\n" RAWSYS_ARM_CODE_STATE_);

namespace rawsys::arch {

namespace mem = bytewise;

// What _start's C++ half takes from AT_SYSINFO: nothing, svc is the entry.
__attribute__((always_inline, no_stack_protector)) inline void set_entry(unsigned long) noexcept {}

}  // namespace rawsys::arch

// The ARM C++ ABI registers static destructors through __aeabi_atexit,
// with __cxa_atexit's first two arguments swapped.
extern "C" int __cxa_atexit(void (*fn)(void*), void* arg, void* dso) noexcept;
extern "C" __attribute__((weak)) int __aeabi_atexit(void* arg, void (*fn)(void*), void* dso) noexcept {
  return __cxa_atexit(fn, arg, dso);
}

// libgcc's division helpers (__aeabi_idiv, __aeabi_uldivmod, ...: ARMv7-A
// has no divide instruction in ARM state) call these on a zero divisor; its
// own versions call raise(3), which only libc has. Like them: SIGFPE to the
// thread, and the quotient 0 if that returns.
extern "C" {
__attribute__((weak)) int __aeabi_idiv0(int) noexcept {
  (void)rawsys::raw::syscall(static_cast<long>(rawsys::nr::tgkill), rawsys::raw::syscall(static_cast<long>(rawsys::nr::getpid)),
                             rawsys::raw::syscall(static_cast<long>(rawsys::nr::gettid)), 8 /* SIGFPE */);
  return 0;
}
__attribute__((weak)) long long __aeabi_ldiv0(long long) noexcept { return __aeabi_idiv0(0); }
}
