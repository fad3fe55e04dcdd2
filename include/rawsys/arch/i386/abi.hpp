// i386's ABI facts (meanings in ../facts.hpp).
#pragma once

#include "../facts.hpp"

namespace rawsys::abi {

inline constexpr arg64_kind arg64 = arg64_kind::pair;
// The old calls take a 32-bit time_t; Linux 5.1 added the *_time64 forms.
inline constexpr bool time64_calls = true;
inline constexpr clone_order clone = clone_order::flags_stack_ptid_tls_ctid;
inline constexpr mmap_kind mmap = mmap_kind::pages;
inline constexpr ioc_kind ioc = ioc_generic;
inline constexpr bool statx_fallback = false;

// rt_sigaction takes a restorer (SA_RESTORER) and the kernel's struct
// sigaction has sa_restorer. A handler without SA_SIGINFO gets the old
// frame, which only the old sigreturn undoes: two restorers.
inline constexpr bool sa_restorer = true;

// The vDSO: e_machine EM_386; linux/arch/x86/entry/vdso/vdso32/vdso32.lds.S.
// Only the 64-bit time forms: the 32-bit ones truncate silently after 2038;
// gettimeofday and time read CLOCK_REALTIME through clock_gettime64.
inline constexpr unsigned elf_machine = 3;
inline constexpr vdso_symbols vdso = {
    .clock_gettime = {"__vdso_clock_gettime64", "LINUX_2.6"},
    .clock_getres = {"__vdso_clock_getres_time64", "LINUX_2.6"},
    .gettimeofday = {nullptr, nullptr},
    .time = {nullptr, nullptr},
    .getcpu = {"__vdso_getcpu", "LINUX_2.6"},
    .getrandom = {nullptr, nullptr},
};

}  // namespace rawsys::abi
