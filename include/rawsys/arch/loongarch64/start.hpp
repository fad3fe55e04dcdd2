// LoongArch 64's part of the no-libc runtime, for <rawsys/start.hpp> alone:
// _start and the byte-loop mem*. Clang reads the stack protector's canary
// from __stack_chk_guard (it has no other guard on this ISA): no thread
// block.
#pragma once

#include "../bytewise.hpp"

// The kernel starts the process with the stack pointer at argc; hand it to
// C++ with the stack aligned as the ABI wants (16 bytes: bstrins.d clears
// the low four bits), and no frame or return address to unwind into.
__asm__(".text\n.global _start\n.type _start, @function\n_start:\n"
        "  move $fp, $zero\n"
        "  move $ra, $zero\n"
        "  move $a0, $sp\n"
        "  bstrins.d $sp, $zero, 3, 0\n"
        "  bl rawsys_start_c\n"
        "  break 0\n"
        ".size _start, . - _start\n");

namespace rawsys::arch {

namespace mem = bytewise;

// What _start's C++ half takes from AT_SYSINFO: nothing, syscall is the entry.
__attribute__((always_inline, no_stack_protector)) inline void set_entry(unsigned long) noexcept {}

}  // namespace rawsys::arch
