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

}  // namespace rawsys_test
