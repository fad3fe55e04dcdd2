// LoongArch 64's ABI facts (meanings in ../facts.hpp).
#pragma once

#include "../facts.hpp"

namespace rawsys::abi {

inline constexpr arg64_kind arg64 = arg64_kind::one_register;
inline constexpr bool time64_calls = false;  // time_t is 64-bit in every call
// x86-64's order: loongarch64 selects neither CLONE_BACKWARDS option.
inline constexpr clone_order clone = clone_order::flags_stack_ptid_ctid_tls;
inline constexpr mmap_kind mmap = mmap_kind::bytes;
inline constexpr ioc_kind ioc = ioc_generic;

}  // namespace rawsys::abi
