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
inline constexpr bool statx_fallback = false;

// rt_sigaction takes a restorer (SA_RESTORER) and the kernel's struct
// sigaction has sa_restorer. A handler without SA_SIGINFO gets the old
// frame, which only the old sigreturn undoes: two restorers, as on i386.
inline constexpr bool sa_restorer = true;

// The vDSO: e_machine EM_ARM; linux/arch/arm/vdso/vdso.lds.S. Only
// clock_gettime has a 64-bit time form there (its clock_getres and
// gettimeofday take 32-bit times): the others use the syscall, or
// clock_gettime64 for CLOCK_REALTIME.
inline constexpr unsigned elf_machine = 40;
inline constexpr vdso_symbols vdso = {
    .clock_gettime = {"__vdso_clock_gettime64", "LINUX_2.6"},
    .clock_getres = {nullptr, nullptr},
    .gettimeofday = {nullptr, nullptr},
    .time = {nullptr, nullptr},
    .getcpu = {nullptr, nullptr},
    .getrandom = {nullptr, nullptr},
};

}  // namespace rawsys::abi
