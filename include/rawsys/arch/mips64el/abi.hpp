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

// No SA_RESTORER (mips dropped it in Linux 2.5.48): the kernel's struct
// sigaction is {flags, handler, mask} with no restorer, and every handler
// returns through the kernel's own return code (the vDSO's sigreturn
// trampoline on a real kernel; qemu-user writes its own into the frame).
inline constexpr bool sa_restorer = false;

// The vDSO: e_machine EM_MIPS; linux/arch/mips/vdso/vdso.lds.S (LINUX_2.6).
// time through clock_gettime. qemu-user maps none for mips: the clock calls
// take the syscall there.
inline constexpr unsigned elf_machine = 8;
inline constexpr vdso_symbols vdso = {
    .clock_gettime = {"__vdso_clock_gettime", "LINUX_2.6"},
    .clock_getres = {"__vdso_clock_getres", "LINUX_2.6"},
    .gettimeofday = {"__vdso_gettimeofday", "LINUX_2.6"},
    .time = {nullptr, nullptr},
    .getcpu = {nullptr, nullptr},
    .getrandom = {nullptr, nullptr},
};

}  // namespace rawsys::abi
