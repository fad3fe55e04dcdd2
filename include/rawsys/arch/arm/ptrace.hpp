// What only 32-bit ARM adds to <rawsys/ptrace.hpp>, as enumerators its enums
// take in: the old whole-set requests, the thread pointer, the syscall
// number, and ARM's register sets (asm/ptrace.h PTRACE_*, elf.h NT_ARM_*).
// ptrace.hpp undefines both macros.
#pragma once

#define RAWSYS_ARCH_PTRACE_REQUESTS_                                                     \
  getregs = 12, setregs = 13, getfpregs = 14, setfpregs = 15, get_thread_area = 22,      \
  set_syscall = 23, getvfpregs = 27, setvfpregs = 28, gethbpregs = 29, sethbpregs = 30,
#define RAWSYS_ARCH_NT_ arm_vfp = 0x400, arm_tls = 0x401, arm_system_call = 0x404,
