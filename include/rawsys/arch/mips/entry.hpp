// mips' process entry (n64 and o32), as the text of a top-level asm that
// hands the initial stack pointer to `fn` (extern "C", never returns): the
// no-libc runtime's _start (mips/start.hpp) and the freestanding tests' own.
//
// Position-independent code (-mabicalls, Debian's default): $gp first, from
// this code's own address (bal) and its distance to _gp (n64:
// %neg(%gp_rel); o32: _gp_disp), which the link resolves for the lui it
// stands at; then fn through $25, as a PIC callee expects. Absolute code
// (-mno-abicalls, as rawsys_add_tool builds): $gp from _gp, for small data,
// and a plain jal. The stack aligned to 16 bytes, below o32's 16-byte home
// for a callee's argument registers; no frame to unwind into. GNU ld's mips
// scripts enter at __start, other linkers at _start: both name it.
#pragma once

#if _MIPS_SIM == _ABI64
#define RAWSYS_MIPS_PIC_GP_(fn)                                                            \
  "  lui $gp, %hi(%neg(%gp_rel(1b)))\n  daddiu $gp, $gp, %lo(%neg(%gp_rel(1b)))\n" \
  "  daddu $gp, $gp, $ra\n  ld $25, %call16(" fn ")($gp)\n"
#define RAWSYS_MIPS_LA_ "dla"
#define RAWSYS_MIPS_HOME_ ""
#else
#define RAWSYS_MIPS_PIC_GP_(fn)                                                          \
  "  lui $gp, %hi(_gp_disp)\n  addiu $gp, $gp, %lo(_gp_disp)\n  addu $gp, $gp, $ra\n" \
  "  lw $25, %call16(" fn ")($gp)\n"
#define RAWSYS_MIPS_LA_ "la"
#define RAWSYS_MIPS_HOME_ "  addiu $sp, $sp, -16\n"
#endif

#if defined(__mips_abicalls)
#define RAWSYS_MIPS_ENTRY_(fn)                                                                            \
  ".text\n.global _start\n.global __start\n.type _start, @function\n.type __start, @function\n"          \
  "_start:\n__start:\n.set push\n.set noreorder\n"                                                      \
  "  bal 1f\n  move $fp, $0\n" /* the delay slot */                                                     \
  "1:\n" RAWSYS_MIPS_PIC_GP_(fn) "  move $4, $sp\n  and $sp, $sp, -16\n" RAWSYS_MIPS_HOME_               \
  "  jalr $25\n  nop\n  break\n.set pop\n.size _start, . - _start\n.size __start, . - __start\n"
#else
#define RAWSYS_MIPS_ENTRY_(fn)                                                                            \
  ".text\n.global _start\n.global __start\n.type _start, @function\n.type __start, @function\n"          \
  "_start:\n__start:\n.set push\n.set noreorder\n"                                                      \
  "  " RAWSYS_MIPS_LA_ " $gp, _gp\n  move $fp, $0\n  move $4, $sp\n  and $sp, $sp, -16\n" RAWSYS_MIPS_HOME_ \
  "  jal " fn "\n  nop\n  break\n.set pop\n.size _start, . - _start\n.size __start, . - __start\n"
#endif
