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
inline constexpr bool statx_fallback = true;  // fstat and newfstatat: Linux 6.11

// No SA_RESTORER: the kernel's struct sigaction has no sa_restorer (asm-generic
// drops it where SA_RESTORER is undefined), and every handler returns through
// the vDSO's __vdso_rt_sigreturn, which the kernel puts in ra.
inline constexpr bool sa_restorer = false;

// The vDSO: e_machine EM_LOONGARCH; linux/arch/loongarch/vdso/vdso.lds.S.
// No time: it reads CLOCK_REALTIME through clock_gettime. getrandom only in
// newer kernels (qemu-user's image has none: the syscall then).
inline constexpr unsigned elf_machine = 258;
inline constexpr vdso_symbols vdso = {
    .clock_gettime = {"__vdso_clock_gettime", "LINUX_5.10"},
    .clock_getres = {"__vdso_clock_getres", "LINUX_5.10"},
    .gettimeofday = {"__vdso_gettimeofday", "LINUX_5.10"},
    .time = {nullptr, nullptr},
    .getcpu = {"__vdso_getcpu", "LINUX_5.10"},
    .getrandom = {"__vdso_getrandom", "LINUX_5.10"},
};

}  // namespace rawsys::abi
