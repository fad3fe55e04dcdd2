// 32-bit ARM (EABI)'s ABI facts (meanings in ../facts.hpp).
#pragma once

#include "../facts.hpp"

namespace rawsys::abi {

// A 64-bit argument takes an even/odd register pair (r0/r1, r2/r3, r4/r5).
inline constexpr arg64_kind arg64 = arg64_kind::aligned_pair;
// The old calls take a 32-bit time_t; Linux 5.1 added the *_time64 forms.
inline constexpr bool time64_calls = true;
inline constexpr clone_order clone = clone_order::flags_stack_ptid_tls_ctid;
inline constexpr mmap_kind mmap = mmap_kind::pages;
inline constexpr ioc_kind ioc = ioc_generic;

}  // namespace rawsys::abi
