// 64-bit PowerPC (ELFv2, little-endian)'s ABI facts (meanings in ../facts.hpp).
#pragma once

#include "../facts.hpp"

namespace rawsys::abi {

inline constexpr arg64_kind arg64 = arg64_kind::one_register;
inline constexpr bool time64_calls = false;  // time_t is 64-bit in every call
inline constexpr clone_order clone = clone_order::flags_stack_ptid_tls_ctid;
inline constexpr mmap_kind mmap = mmap_kind::bytes;
inline constexpr ioc_kind ioc = ioc_powerpc;  // 13 size bits, none/write/read 1/4/2
inline constexpr bool statx_fallback = false;

// The kernel's struct sigaction keeps sa_restorer and defines SA_RESTORER,
// but never uses it: every handler returns through the vDSO's
// __kernel_sigtramp_rt64 (or a trampoline the kernel writes on the signal
// stack when no vDSO is mapped), linux/arch/powerpc/kernel/signal_64.c. The
// library installs no restorer.
inline constexpr bool sa_restorer = false;

// The vDSO: e_machine EM_PPC64; linux/arch/powerpc/kernel/vdso/vdso64.lds.S.
// Its functions report an error as the syscalls do, CR0.SO with a positive
// errno in r3, which a C call cannot see: only those whose success is 0 (the
// clocks, getcpu) or that cannot fail (time) are used. getrandom returns a
// count, so a positive errno would read as one: the syscall instead.
inline constexpr unsigned elf_machine = 21;
inline constexpr vdso_symbols vdso = {
    .clock_gettime = {"__kernel_clock_gettime", "LINUX_2.6.15"},
    .clock_getres = {"__kernel_clock_getres", "LINUX_2.6.15"},
    .gettimeofday = {"__kernel_gettimeofday", "LINUX_2.6.15"},
    .time = {"__kernel_time", "LINUX_2.6.15"},
    .getcpu = {"__kernel_getcpu", "LINUX_2.6.15"},
    .getrandom = {nullptr, nullptr},
};

}  // namespace rawsys::abi
