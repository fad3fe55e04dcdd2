// What only s390x adds to <rawsys/ptrace.hpp>, as enumerators its enums take
// in: singleblock and the user-area block requests (asm/ptrace.h), and
// s390's register sets (elf.h NT_S390_*). ptrace.hpp undefines both macros.
#pragma once

#define RAWSYS_ARCH_PTRACE_REQUESTS_                                                                      \
  singleblock = 12, peekusr_area = 0x5000, pokeusr_area = 0x5001, get_last_break = 0x5006, enable_te = 0x5009, \
  disable_te = 0x5010, te_abort_rand = 0x5011,
#define RAWSYS_ARCH_NT_                                                                                  \
  s390_high_gprs = 0x300, s390_timer = 0x301, s390_todcmp = 0x302, s390_todpreg = 0x303, s390_ctrs = 0x304, \
  s390_prefix = 0x305, s390_last_break = 0x306, s390_system_call = 0x307, s390_tdb = 0x308,                \
  s390_vxrs_low = 0x309, s390_vxrs_high = 0x30a, s390_gs_cb = 0x30b, s390_gs_bc = 0x30c, s390_ri_cb = 0x30d,
