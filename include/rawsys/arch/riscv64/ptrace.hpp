// What only riscv64 adds to <rawsys/ptrace.hpp>, as enumerators its enums
// take in: no requests (riscv64 has only the regset forms), and riscv64's
// register sets (elf.h NT_*). ptrace.hpp undefines both macros.
#pragma once

#define RAWSYS_ARCH_PTRACE_REQUESTS_
#define RAWSYS_ARCH_NT_ riscv_csr = 0x900, riscv_vector = 0x901,
