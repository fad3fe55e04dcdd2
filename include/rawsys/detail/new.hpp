// Placement new: from <new> wherever a C++ library is installed; for a target
// with a compiler and no C++ library at all (loongarch64 on Debian 12), the
// one declaration placement new needs, with <new>'s signature.
#pragma once

#if __has_include(<new>)
#include <new>
#else
#include <stddef.h>
[[nodiscard]] inline void* operator new(size_t, void* p) noexcept { return p; }
#endif
