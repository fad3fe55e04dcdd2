// i386: its syscall table, ABI facts and system call instruction.
#pragma once

#include "../../nr/i386.hpp"
#include "../../uapi/i386.hpp"
#include "abi.hpp"
#include "syscall.hpp"

namespace rawsys {
// The syscall table of the ISA being compiled for.
namespace native_arch = ia32;
}  // namespace rawsys

// find_entry() reads AT_SYSINFO through auxv.hpp, which reads only this layer.
#include "../../auxv.hpp"
