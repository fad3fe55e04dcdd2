// The freestanding tests' own minimal _start on mips (n64 and o32), included
// by each of them: the runtime's entry code (arch/mips/entry.hpp), handing
// the initial stack pointer to rawsys_test_start.
#pragma once

#include <rawsys/arch/mips/entry.hpp>

__asm__(RAWSYS_MIPS_ENTRY_("rawsys_test_start"));
