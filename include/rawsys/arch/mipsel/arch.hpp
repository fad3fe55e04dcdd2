// MIPS o32: its syscall table, ABI facts and system call instruction.
#pragma once

#include "../../nr/mips_o32.hpp"
#include "../../uapi/mipsel.hpp"
#include "abi.hpp"
#include "syscall.hpp"

namespace rawsys {
// The syscall table of the ISA being compiled for.
namespace native_arch = mips_o32;
}  // namespace rawsys
