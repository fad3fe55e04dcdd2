// i386's ABI facts (meanings in ../facts.hpp).
#pragma once

#include "../facts.hpp"

namespace rawsys::abi {

inline constexpr arg64_kind arg64 = arg64_kind::pair;
// The old calls take a 32-bit time_t; Linux 5.1 added the *_time64 forms.
inline constexpr bool time64_calls = true;
inline constexpr clone_order clone = clone_order::flags_stack_ptid_tls_ctid;
inline constexpr mmap_kind mmap = mmap_kind::pages;

}  // namespace rawsys::abi
