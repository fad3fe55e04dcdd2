// Picks arch/<isa>/ for the ISA being compiled for (select.hpp names it).
// Everything true of one ISA lives in its folder:
//   arch.hpp    its syscall table, ABI facts and syscall instruction
//   syscall.hpp the instruction for 0..6 arguments and its error convention
//   abi.hpp     the ABI facts (see facts.hpp for their meaning)
//   errc.hpp    its errno numbering, picked by native_errc.hpp
// and its generated kernel constants and layouts (uapi/<isa>.hpp) through arch.hpp.
#pragma once

#include "select.hpp"
#include RAWSYS_ARCH_HEADER_

namespace rawsys {
// The target's kernel constants and struct layouts (uapi/<isa>.hpp).
namespace uapi = native_arch::uapi;
}  // namespace rawsys
