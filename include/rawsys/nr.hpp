// Syscall numbers: rawsys::nr for the architecture being compiled for, with
// name() and find_nr(). Every other architecture's table is one include away:
// <rawsys/nr/<table>.hpp> (rawsys::x86_64, rawsys::ia32, rawsys::aarch64,
// rawsys::arm, rawsys::mips_n64, ...) or <rawsys/nr/all.hpp> for all of them.
#pragma once

#include "nr/lookup.hpp"

// The target's folder (arch/<isa>/): its table becomes rawsys::nr.
#include "arch/native.hpp"

namespace rawsys {
using native_arch::nr;
using native_arch::find_nr;
}  // namespace rawsys
