// riscv64's part of the no-libc runtime, for <rawsys/start.hpp> alone:
// _start and the byte-loop mem*. GCC and Clang read the stack protector's
// canary from __stack_chk_guard by default: no thread block.
#pragma once

#include "../bytewise.hpp"

// The kernel starts the process with the stack pointer at argc. gp first,
// before any C++: GNU ld relaxes accesses within 2 KiB of __global_pointer$
// (which its scripts and cmake/rawsys-tool.ld define) to gp-relative ones,
// and the `la` that sets gp must itself not be relaxed into one (norelax).
// Weak, so a script without it links (gp is then unused). Then C++ with
// the stack aligned as the ABI wants (16 bytes), and no frame or return
// address to unwind into.
__asm__(".text\n.global _start\n.type _start, @function\n_start:\n"
        ".weak __global_pointer$\n"
        ".option push\n.option norelax\n"
        "  lla gp, __global_pointer$\n"
        ".option pop\n"
        "  mv s0, zero\n"
        "  mv ra, zero\n"
        "  mv a0, sp\n"
        "  andi sp, sp, -16\n"
        "  call rawsys_start_c\n"
        "  ebreak\n"
        ".size _start, . - _start\n");

namespace rawsys::arch {

namespace mem = bytewise;

// What _start's C++ half takes from AT_SYSINFO: nothing, ecall is the entry.
__attribute__((always_inline, no_stack_protector)) inline void set_entry(unsigned long) noexcept {}

}  // namespace rawsys::arch
