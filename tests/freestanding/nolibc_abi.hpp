// What the compiler's support library asks of a program with neither libc
// nor rawsys's runtime (start.hpp defines the same for real programs).
#pragma once

#if defined(__arm__)
// libgcc's division helpers (ARMv7-A has no divide instruction in ARM state;
// Clang calls them even for 32-bit division at -O0) report a zero divisor
// here; libgcc's own versions call raise(3), which needs libc.
extern "C" int __aeabi_idiv0(int) { return 0; }
extern "C" long long __aeabi_ldiv0(long long) { return 0; }
#endif
