// x86-64: its syscall table, ABI facts and system call instruction.
#pragma once

#include "../../nr/x86_64.hpp"
#include "../../uapi/x86_64.hpp"
#include "abi.hpp"
#include "syscall.hpp"

namespace rawsys {
// The syscall table of the ISA being compiled for.
namespace native_arch = x86_64;
}  // namespace rawsys
