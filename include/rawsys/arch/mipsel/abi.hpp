// MIPS o32 (little-endian)'s ABI facts (meanings in ../facts.hpp).
#pragma once

#include "../facts.hpp"

namespace rawsys::abi {

// A 64-bit argument takes an even/odd register pair ($4/$5, $6/$7), or the
// stack slots that continue them.
inline constexpr arg64_kind arg64 = arg64_kind::aligned_pair;
// The old calls take a 32-bit time_t; Linux 5.1 added the *_time64 forms.
inline constexpr bool time64_calls = true;
inline constexpr clone_order clone = clone_order::flags_stack_ptid_tls_ctid;
inline constexpr mmap_kind mmap = mmap_kind::pages;
inline constexpr ioc_kind ioc = ioc_powerpc;  // 13 size bits, none/write/read 1/4/2
inline constexpr bool statx_fallback = false;

}  // namespace rawsys::abi
