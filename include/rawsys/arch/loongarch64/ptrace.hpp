// What only LoongArch 64 adds to <rawsys/ptrace.hpp>, as enumerators its
// enums take in: sysemu (asm/ptrace.h), and its register sets (elf.h NT_*).
// ptrace.hpp undefines both macros.
#pragma once

#define RAWSYS_ARCH_PTRACE_REQUESTS_ sysemu = 0x1f, sysemu_singlestep = 0x20,
#define RAWSYS_ARCH_NT_                                                                           \
  loongarch_cpucfg = 0xa00, loongarch_csr = 0xa01, loongarch_lsx = 0xa02, loongarch_lasx = 0xa03, \
  loongarch_lbt = 0xa04, loongarch_hw_break = 0xa05, loongarch_hw_watch = 0xa06,
