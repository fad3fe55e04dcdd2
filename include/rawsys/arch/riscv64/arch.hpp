// riscv64: its syscall table, ABI facts and system call instruction.
#pragma once

#include "../../nr/riscv64.hpp"
#include "../../uapi/riscv64.hpp"
#include "abi.hpp"
#include "syscall.hpp"

namespace rawsys {
// The syscall table of the ISA being compiled for.
namespace native_arch = riscv64;
}  // namespace rawsys
