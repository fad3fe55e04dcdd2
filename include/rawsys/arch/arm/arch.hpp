// 32-bit ARM (EABI): its syscall table, ABI facts and system call instruction.
#pragma once

#include "../../nr/arm.hpp"
#include "../../uapi/arm.hpp"
#include "abi.hpp"
#include "syscall.hpp"

namespace rawsys {
// The syscall table of the ISA being compiled for.
namespace native_arch = arm;
}  // namespace rawsys
