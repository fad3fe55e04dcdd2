// The one place that names the target: the paths, relative to arch/, of the
// target's folder's headers. native.hpp includes RAWSYS_ARCH_HEADER_ (the
// folder's arch.hpp) and native_errc.hpp RAWSYS_ARCH_ERRC_ (its errc.hpp).
#pragma once

#if defined(__x86_64__) && !defined(__ILP32__)
#define RAWSYS_ARCH_HEADER_ "x86_64/arch.hpp"
#define RAWSYS_ARCH_ERRC_ "x86_64/errc.hpp"
#elif defined(__i386__)
#define RAWSYS_ARCH_HEADER_ "i386/arch.hpp"
#define RAWSYS_ARCH_ERRC_ "i386/errc.hpp"
#elif defined(__aarch64__) && !defined(__ILP32__)
#define RAWSYS_ARCH_HEADER_ "aarch64/arch.hpp"
#define RAWSYS_ARCH_ERRC_ "aarch64/errc.hpp"
#else
#error "rawsys: unsupported target; supported: x86-64, i386, arm64"
#endif
