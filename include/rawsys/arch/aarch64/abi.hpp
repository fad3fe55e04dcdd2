// arm64's ABI facts (meanings in ../facts.hpp).
#pragma once

#include "../facts.hpp"

namespace rawsys::abi {

inline constexpr arg64_kind arg64 = arg64_kind::one_register;
inline constexpr bool time64_calls = false;  // time_t is 64-bit in every call
inline constexpr clone_order clone = clone_order::flags_stack_ptid_tls_ctid;
inline constexpr mmap_kind mmap = mmap_kind::bytes;
inline constexpr ioc_kind ioc = ioc_generic;
inline constexpr bool statx_fallback = false;

// rt_sigaction takes a restorer (SA_RESTORER) and the kernel's struct
// sigaction has sa_restorer (asm-generic keeps it where SA_RESTORER exists);
// every handler returns through rt_sigreturn.
inline constexpr bool sa_restorer = true;

// The vDSO: e_machine EM_AARCH64; linux/arch/arm64/kernel/vdso/vdso.lds.S.
// time through clock_gettime.
inline constexpr unsigned elf_machine = 183;
inline constexpr vdso_symbols vdso = {
    .clock_gettime = {"__kernel_clock_gettime", "LINUX_2.6.39"},
    .clock_getres = {"__kernel_clock_getres", "LINUX_2.6.39"},
    .gettimeofday = {"__kernel_gettimeofday", "LINUX_2.6.39"},
    .time = {nullptr, nullptr},
    .getcpu = {nullptr, nullptr},
    .getrandom = {"__kernel_getrandom", "LINUX_2.6.39"},
};

}  // namespace rawsys::abi
