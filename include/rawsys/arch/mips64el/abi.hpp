// MIPS n64 (little-endian)'s ABI facts (meanings in ../facts.hpp).
#pragma once

#include "../facts.hpp"

namespace rawsys::abi {

inline constexpr arg64_kind arg64 = arg64_kind::one_register;
inline constexpr bool time64_calls = false;  // time_t is 64-bit in every call
inline constexpr clone_order clone = clone_order::flags_stack_ptid_tls_ctid;
inline constexpr mmap_kind mmap = mmap_kind::bytes;
inline constexpr ioc_kind ioc = ioc_powerpc;  // 13 size bits, none/write/read 1/4/2
inline constexpr bool statx_fallback = false;

}  // namespace rawsys::abi
