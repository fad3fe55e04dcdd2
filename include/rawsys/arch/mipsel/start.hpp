// MIPS o32's part of the no-libc runtime, for <rawsys/start.hpp> alone:
// _start and the byte-loop mem*. GCC reads the stack protector's canary
// from __stack_chk_guard: no thread block.
#pragma once

#include "../bytewise.hpp"

// The kernel starts the process with the stack pointer at argc. Code is
// position-independent (-mabicalls, Debian's default): $gp first, from this
// code's own address (bal) and its distance to _gp (_gp_disp, which the
// link resolves for the lui it stands at); then C++ through $25, as a PIC
// callee expects, with the stack aligned (8 bytes by the ABI; 16 here) and
// no frame to unwind into. GNU ld's mips scripts enter at __start, other
// linkers at _start: both name it.
#if defined(__mips_abicalls)
__asm__(".text\n.global _start\n.global __start\n.type _start, @function\n.type __start, @function\n"
        "_start:\n__start:\n"
        ".set push\n.set noreorder\n"
        "  bal 1f\n"
        "  move $fp, $0\n"  // the delay slot
        "1:\n"
        "  lui $gp, %hi(_gp_disp)\n"
        "  addiu $gp, $gp, %lo(_gp_disp)\n"
        "  addu $gp, $gp, $ra\n"
        "  lw $25, %call16(rawsys_start_c)($gp)\n"
        "  move $4, $sp\n"
        "  and $sp, $sp, -16\n"
        "  addiu $sp, $sp, -16\n"  // the callee's home for its four argument registers
        "  jalr $25\n"
        "  nop\n"
        "  break\n"
        ".set pop\n"
        ".size _start, . - _start\n.size __start, . - __start\n");
#else  // absolute code (-mno-abicalls, as rawsys_add_tool builds): $gp for small data only
__asm__(".text\n.global _start\n.global __start\n.type _start, @function\n.type __start, @function\n"
        "_start:\n__start:\n"
        ".set push\n.set noreorder\n"
        "  la $gp, _gp\n"
        "  move $fp, $0\n"
        "  move $4, $sp\n"
        "  and $sp, $sp, -16\n"
        "  addiu $sp, $sp, -16\n"
        "  jal rawsys_start_c\n"
        "  nop\n"
        "  break\n"
        ".set pop\n"
        ".size _start, . - _start\n.size __start, . - __start\n");
#endif

namespace rawsys::arch {

namespace mem = bytewise;

// What _start's C++ half takes from AT_SYSINFO: nothing, syscall is the entry.
__attribute__((always_inline, no_stack_protector)) inline void set_entry(unsigned long) noexcept {}

}  // namespace rawsys::arch
