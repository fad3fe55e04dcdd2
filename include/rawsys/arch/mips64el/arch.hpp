// MIPS n64: its syscall table, ABI facts and system call instruction.
#pragma once

#include "../../nr/mips_n64.hpp"
#include "../../uapi/mips64el.hpp"
#include "abi.hpp"
#include "syscall.hpp"

namespace rawsys {
// The syscall table of the ISA being compiled for.
namespace native_arch = mips_n64;
}  // namespace rawsys
