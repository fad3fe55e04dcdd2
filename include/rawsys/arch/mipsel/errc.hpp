// MIPS o32: its errno numbers are mips' own (asm/errno.h), from 35 up.
#pragma once

#include "../../errno/mips.hpp"

namespace rawsys {
using errc = errc_mips;
}  // namespace rawsys
