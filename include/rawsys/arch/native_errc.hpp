// The target's errno numbering: picks arch/<isa>/errc.hpp as native.hpp picks
// arch/<isa>/arch.hpp. Apart from native.hpp because result<> needs errc
// before any syscall table can be read (the tables' find_nr returns a result).
#pragma once

#if defined(__x86_64__) && !defined(__ILP32__)
#include "x86_64/errc.hpp"
#elif defined(__i386__)
#include "i386/errc.hpp"
#elif defined(__aarch64__) && !defined(__ILP32__)
#include "aarch64/errc.hpp"
#else
#error "rawsys: unsupported target; supported: x86-64, i386, arm64"
#endif
