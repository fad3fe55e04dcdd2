// What only arm64 adds to <rawsys/ptrace.hpp>, as enumerators its enums take
// in: no requests (arm64 has only the regset forms), and arm64's register
// sets (elf.h NT_*). ptrace.hpp undefines both macros.
#pragma once

#define RAWSYS_ARCH_PTRACE_REQUESTS_
#define RAWSYS_ARCH_NT_ \
  arm_tls = 0x401, arm_hw_break = 0x402, arm_hw_watch = 0x403, arm_system_call = 0x404,
