// mips' part of the no-libc runtime (n64 and o32), for <rawsys/start.hpp>
// alone: _start (mips/entry.hpp) and the byte-loop mem*. GCC reads the stack
// protector's canary from __stack_chk_guard: no thread block.
#pragma once

#include "../bytewise.hpp"
#include "entry.hpp"

// The kernel starts the process with the stack pointer at argc.
__asm__(RAWSYS_MIPS_ENTRY_("rawsys_start_c"));

namespace rawsys::arch {

namespace mem = bytewise;

// What _start's C++ half takes from AT_SYSINFO: nothing, syscall is the entry.
__attribute__((always_inline, no_stack_protector)) inline void set_entry(unsigned long) noexcept {}

}  // namespace rawsys::arch
