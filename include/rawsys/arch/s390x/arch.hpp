// s390x: its syscall table, ABI facts and system call instruction.
#pragma once

#include "../../nr/s390x.hpp"
#include "../../uapi/s390x.hpp"
#include "abi.hpp"
#include "syscall.hpp"

namespace rawsys {
// The syscall table of the ISA being compiled for.
namespace native_arch = s390x;
}  // namespace rawsys
