// arm64's part of the no-libc runtime, for <rawsys/start.hpp> alone: _start,
// the byte-loop mem*, and the AT_HWCAP lookup libgcc asks for. GCC reads the
// stack protector's canary from __stack_chk_guard by default: no thread
// block.
#pragma once

#include "../../auxv.hpp"
#include "../bytewise.hpp"

// The kernel starts the process with the stack pointer at argc; hand it to
// C++ with the stack aligned as the ABI wants (16 bytes), and no frame or
// link register to unwind into.
__asm__(".text\n.global _start\n.type _start, %function\n_start:\n"
        "  mov x29, #0\n"
        "  mov x30, #0\n"
        "  mov x0, sp\n"
        "  and sp, x0, #-16\n"
        "  bl rawsys_start_c\n"
        "  brk #0\n"
        ".size _start, . - _start\n");

namespace rawsys::arch {

namespace mem = bytewise;

// What _start's C++ half takes from AT_SYSINFO: nothing, svc is the entry.
__attribute__((always_inline, no_stack_protector)) inline void set_entry(unsigned long) noexcept {}

}  // namespace rawsys::arch

// libgcc's outline atomics ask for AT_HWCAP from a constructor.
extern "C" __attribute__((weak)) unsigned long __getauxval(unsigned long type) noexcept { return rawsys::auxv(type); }
