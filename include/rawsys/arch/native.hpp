// The one place that names the target: picks arch/<isa>/ for the ISA being
// compiled for. Everything true of one ISA lives in its folder:
//   arch.hpp    its syscall table, ABI facts and syscall instruction
//   syscall.hpp the instruction for 0..6 arguments and its error convention
//   abi.hpp     the ABI facts (see facts.hpp for their meaning)
#pragma once

#if defined(__x86_64__) && !defined(__ILP32__)
#include "x86_64/arch.hpp"
#elif defined(__i386__)
#include "i386/arch.hpp"
#elif defined(__aarch64__) && !defined(__ILP32__)
#include "aarch64/arch.hpp"
#else
#error "rawsys: unsupported target; supported: x86-64, i386, arm64"
#endif

namespace rawsys {
// The target's kernel constants and struct layouts (uapi/<isa>.hpp).
namespace uapi = native_arch::uapi;
}  // namespace rawsys
