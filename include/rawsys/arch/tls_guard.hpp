// RAWSYS_STACK_GUARD_TLS's default where the compiler reads the stack
// protector's canary from the thread block (x86, ppc64; their start.hpp
// includes this): 1 when the file is compiled with a stack protector, so
// that startup installs a minimal thread block holding the canary. The tools
// define it to 0 where they build with -mstack-protector-guard=global.
#pragma once

#if !defined(RAWSYS_STACK_GUARD_TLS)
#if defined(__SSP__) || defined(__SSP_STRONG__) || defined(__SSP_ALL__)
#define RAWSYS_STACK_GUARD_TLS 1
#else
#define RAWSYS_STACK_GUARD_TLS 0
#endif
#endif
