// 32-bit ARM: its errno numbers are asm-generic's.
#pragma once

#include "../../errno/generic.hpp"

namespace rawsys {
using errc = errc_generic;
}  // namespace rawsys
