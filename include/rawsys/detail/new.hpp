// Placement new without <new> (which costs a header as much as a tenth of
// glibc's system-call headers): an allocation function of rawsys's own, told
// apart from the standard placement form by its tag, so that it never
// collides with <new> in a program that includes both, and works where no
// C++ library is installed at all (loongarch64 on Debian 12).
// Use: ::new (static_cast<void*>(p), rawsys::detail::placement{}) T(args...).
#pragma once

namespace rawsys::detail {
struct placement {};
}  // namespace rawsys::detail

[[nodiscard]] inline void* operator new(decltype(sizeof 0), void* p, rawsys::detail::placement) noexcept { return p; }
// The matching deallocation, called if the constructor throws: nothing to free.
inline void operator delete(void*, void*, rawsys::detail::placement) noexcept {}
