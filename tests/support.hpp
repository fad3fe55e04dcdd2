// Shared by the doctest suites: printing rawsys values in failure messages,
// and glibc's view of a call for comparison.
#pragma once

#include <doctest/doctest.h>
#include <errno.h>
#include <string.h>

#include <rawsys/rawsys.hpp>
#include <string>

namespace doctest {
template <>
struct StringMaker<rawsys::errc> {
  static String convert(rawsys::errc e) { return rawsys::name(e); }
};
template <class T>
struct StringMaker<rawsys::result<T>> {
  static String convert(const rawsys::result<T>& r) {
    if (!r) return String("error ") + rawsys::name(r.error());
    if constexpr (std::is_void_v<T>)
      return "ok";
    else
      return String("value ") + toString(*r);
  }
};
}  // namespace doctest

namespace rawsys_test {

// A glibc call's outcome as a rawsys result: the value, or errno.
inline rawsys::result<long> glibc(long ret) {
  if (ret == -1) return rawsys::unexpected(static_cast<rawsys::errc>(errno));
  return ret;
}

// In a child whose seccomp filter now refuses the *_time64 calls: what the
// library learnt in the parent about them (detail/time64.hpp) no longer
// holds, so it learns again.
inline void forget_time64() { rawsys::detail::time64_state = 0; }

}  // namespace rawsys_test
