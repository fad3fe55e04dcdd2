// 64-bit PowerPC (ELFv2): its syscall table, ABI facts and system call
// instruction.
#pragma once

#include "../../nr/ppc64.hpp"
#include "../../uapi/ppc64le.hpp"
#include "abi.hpp"
#include "syscall.hpp"

namespace rawsys {
// The syscall table of the ISA being compiled for.
namespace native_arch = ppc64;
}  // namespace rawsys
