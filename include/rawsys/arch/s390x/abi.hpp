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
inline constexpr bool statx_fallback = false;

// rt_sigaction takes a restorer (SA_RESTORER) and the kernel's struct
// sigaction has sa_restorer. A handler without SA_SIGINFO gets the old
// frame, which only the old sigreturn undoes: two restorers.
inline constexpr bool sa_restorer = true;

// The vDSO: e_machine EM_S390, a big-endian image;
// linux/arch/s390/kernel/vdso64/vdso64.lds.S. time through clock_gettime.
inline constexpr unsigned elf_machine = 22;
inline constexpr vdso_symbols vdso = {
    .clock_gettime = {"__kernel_clock_gettime", "LINUX_2.6.29"},
    .clock_getres = {"__kernel_clock_getres", "LINUX_2.6.29"},
    .gettimeofday = {"__kernel_gettimeofday", "LINUX_2.6.29"},
    .time = {nullptr, nullptr},
    .getcpu = {"__kernel_getcpu", "LINUX_2.6.29"},
    .getrandom = {"__kernel_getrandom", "LINUX_2.6.29"},
};

}  // namespace rawsys::abi
