// s390x's ABI facts (meanings in ../facts.hpp).
#pragma once

#include "../facts.hpp"

namespace rawsys::abi {

inline constexpr arg64_kind arg64 = arg64_kind::one_register;
inline constexpr bool time64_calls = false;  // time_t is 64-bit in every call
inline constexpr clone_order clone = clone_order::stack_flags_ptid_ctid_tls;
// mmap (90) is old_mmap: one pointer to the six arguments.
inline constexpr mmap_kind mmap = mmap_kind::argblock;
inline constexpr ioc_kind ioc = ioc_generic;

}  // namespace rawsys::abi
