// What only x86 (x86-64 and i386) adds to <rawsys/ptrace.hpp>, as
// enumerators its enums take in: the old whole-set requests and sysemu, and
// x86's register sets (elf.h NT_*). ptrace.hpp undefines both macros.
#pragma once

#define RAWSYS_ARCH_PTRACE_REQUESTS_ \
  getregs = 12, setregs = 13, getfpregs = 14, setfpregs = 15, sysemu = 31, sysemu_singlestep = 32,
#define RAWSYS_ARCH_NT_ i386_tls = 0x200, x86_xstate = 0x202,
