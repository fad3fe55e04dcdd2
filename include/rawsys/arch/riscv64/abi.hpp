// riscv64's ABI facts (meanings in ../facts.hpp).
#pragma once

#include "../facts.hpp"

namespace rawsys::abi {

inline constexpr arg64_kind arg64 = arg64_kind::one_register;
inline constexpr bool time64_calls = false;  // time_t is 64-bit in every call
inline constexpr clone_order clone = clone_order::flags_stack_ptid_tls_ctid;
inline constexpr mmap_kind mmap = mmap_kind::bytes;
inline constexpr ioc_kind ioc = ioc_generic;
inline constexpr bool statx_fallback = false;

// No SA_RESTORER: the kernel's struct sigaction has no sa_restorer (asm-generic
// drops it where SA_RESTORER is undefined), and every handler returns through
// the vDSO's __vdso_rt_sigreturn, which the kernel puts in ra.
inline constexpr bool sa_restorer = false;

// The vDSO: e_machine EM_RISCV; linux/arch/riscv/kernel/vdso/vdso.lds.S.
// No time: it reads CLOCK_REALTIME through clock_gettime.
inline constexpr unsigned elf_machine = 243;
inline constexpr vdso_symbols vdso = {
    .clock_gettime = {"__vdso_clock_gettime", "LINUX_4.15"},
    .clock_getres = {"__vdso_clock_getres", "LINUX_4.15"},
    .gettimeofday = {"__vdso_gettimeofday", "LINUX_4.15"},
    .time = {nullptr, nullptr},
    .getcpu = {"__vdso_getcpu", "LINUX_4.15"},
    .getrandom = {nullptr, nullptr},
};

}  // namespace rawsys::abi
