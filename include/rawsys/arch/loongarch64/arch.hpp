// LoongArch 64: its syscall table, ABI facts and system call instruction.
#pragma once

#include "../../nr/loongarch64.hpp"
#include "../../uapi/loongarch64.hpp"
#include "abi.hpp"
#include "syscall.hpp"

namespace rawsys {
// The syscall table of the ISA being compiled for.
namespace native_arch = loongarch64;
}  // namespace rawsys
