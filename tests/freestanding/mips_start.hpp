// The freestanding tests' own minimal _start on mips (n64 and o32), included
// by each of them: $gp from this code's own address and _gp (the code is
// position-independent), then rawsys_test_start(sp) through $25 on a
// 16-byte aligned stack (o32: below the callee's 16-byte argument area).
// GNU ld's mips scripts enter at __start: both names.
#pragma once

__asm__(".text\n.global _start\n.global __start\n_start:\n__start:\n.set push\n.set noreorder\n"
        "  bal 1f\n  move $fp, $0\n1:\n"
#if _MIPS_SIM == _ABI64
        "  lui $gp, %hi(%neg(%gp_rel(1b)))\n  daddiu $gp, $gp, %lo(%neg(%gp_rel(1b)))\n  daddu $gp, $gp, $ra\n"
        "  ld $25, %call16(rawsys_test_start)($gp)\n  move $4, $sp\n  and $sp, $sp, -16\n"
#else
        "  lui $gp, %hi(_gp_disp)\n  addiu $gp, $gp, %lo(_gp_disp)\n  addu $gp, $gp, $ra\n"
        "  lw $25, %call16(rawsys_test_start)($gp)\n  move $4, $sp\n  and $sp, $sp, -16\n  addiu $sp, $sp, -16\n"
#endif
        "  jalr $25\n  nop\n  break\n.set pop\n");
