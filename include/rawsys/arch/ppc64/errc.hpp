// 64-bit PowerPC: its errno numbers are powerpc's (asm-generic's, except
// EDEADLOCK, 58, which is not an alias of EDEADLK there).
#pragma once

#include "../../errno/powerpc.hpp"

namespace rawsys {
using errc = errc_powerpc;
}  // namespace rawsys
