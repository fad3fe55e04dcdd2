// rawsys::sys: which system call implements each portable wrapper on the
// target, as musl's `#define SYS_fcntl SYS_fcntl64` lines say per ISA. The
// rule (tools/gen_tables.py, SYS_CHOICES): the first of a wrapper's
// candidates that the target's table has, else sys::none. Each table's
// header (nr/<isa>.hpp) carries its answers, so nothing is searched at
// compile time:
//   - 32-bit ISAs: the 64-bit-offset forms (fcntl64, fstatat64, mmap2, ...),
//     the 32-bit-id forms (getuid32, ...) and the *_time64 forms;
//   - sys::time32::X: the old call with 32-bit times that X falls back to
//     where the kernel predates the *_time64 calls (abi::time64_calls);
//   - sys::none: no such call on this ISA (fork on arm64, _llseek on 64-bit
//     ISAs); the wrapper then uses another, which `sys::has(n)` tells.
#pragma once

#include "nr.hpp"

namespace rawsys {

namespace sys = native_arch::sys;

static_assert(abi::time64_calls == (sys::clock_gettime != sys::time32::clock_gettime),
              "abi::time64_calls disagrees with the syscall table");
static_assert(sys::has(sys::mmap) && sys::has(sys::fcntl) && sys::has(sys::fstatat) &&
              (sys::has(sys::lseek) || sys::has(sys::llseek)));

}  // namespace rawsys
