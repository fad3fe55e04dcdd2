#include <rawsys/syscall.hpp>
// Eight: more than any ISA takes (six; seven on mips o32).
long f() { return rawsys::raw::syscall(1, 1, 2, 3, 4, 5, 6, 7, 8); }
