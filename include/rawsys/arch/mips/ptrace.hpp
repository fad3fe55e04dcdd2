// What only mips (n64 and o32) adds to <rawsys/ptrace.hpp>, as enumerators
// its enums take in: the whole-set requests, the thread pointer and the
// watch registers (asm/ptrace.h), and mips' register sets (elf.h NT_*).
// ptrace.hpp undefines both macros.
#pragma once

#define RAWSYS_ARCH_PTRACE_REQUESTS_                                                          \
  getregs = 12, setregs = 13, getfpregs = 14, setfpregs = 15, oldsetoptions = 21,             \
  get_thread_area = 25, set_thread_area = 26, get_watch_regs = 0xd0, set_watch_regs = 0xd1,
#define RAWSYS_ARCH_NT_ mips_dsp = 0x800, mips_fp_mode = 0x801, mips_msa = 0x802,
