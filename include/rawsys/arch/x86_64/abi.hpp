// x86-64's ABI facts (meanings in ../facts.hpp).
#pragma once

#include "../facts.hpp"

namespace rawsys::abi {

inline constexpr arg64_kind arg64 = arg64_kind::one_register;
inline constexpr bool time64_calls = false;  // time_t is 64-bit in every call
inline constexpr clone_order clone = clone_order::flags_stack_ptid_ctid_tls;
inline constexpr mmap_kind mmap = mmap_kind::bytes;
inline constexpr ioc_kind ioc = ioc_generic;
inline constexpr bool statx_fallback = false;

// rt_sigaction takes a restorer (SA_RESTORER) and the kernel's struct
// sigaction has sa_restorer; every handler returns through rt_sigreturn.
inline constexpr bool sa_restorer = true;

// The vDSO: e_machine EM_X86_64; linux/arch/x86/entry/vdso/vdso.lds.S.
inline constexpr unsigned elf_machine = 62;
inline constexpr vdso_symbols vdso = {
    .clock_gettime = {"__vdso_clock_gettime", "LINUX_2.6"},
    .clock_getres = {"__vdso_clock_getres", "LINUX_2.6"},
    .gettimeofday = {"__vdso_gettimeofday", "LINUX_2.6"},
    .time = {"__vdso_time", "LINUX_2.6"},
    .getcpu = {"__vdso_getcpu", "LINUX_2.6"},
    .getrandom = {"__vdso_getrandom", "LINUX_2.6"},
};

}  // namespace rawsys::abi
