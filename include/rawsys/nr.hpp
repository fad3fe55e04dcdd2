// Syscall numbers: rawsys::nr for the architecture being compiled for, and
// every architecture's table by name (rawsys::x86_64::nr, rawsys::ia32::nr,
// rawsys::aarch64::nr) on any host, with name() and find_nr() for each.
#pragma once

#include <stddef.h>

#include "nr/aarch64.hpp"
#include "nr/i386.hpp"
#include "nr/x86_64.hpp"
#include "result.hpp"

namespace rawsys {

namespace detail {

template <class Nr>
concept syscall_nr = requires { nr_table<Nr>::limit; };

// strcmp of a NUL-terminated table name against (s, n).
constexpr int compare_name(const char* a, const char* s, size_t n) noexcept {
  for (size_t i = 0; i < n; ++i) {
    const auto ca = static_cast<unsigned char>(a[i]), cs = static_cast<unsigned char>(s[i]);
    if (ca != cs || ca == 0) return ca < cs ? -1 : (ca > cs ? 1 : -1);
  }
  return a[n] == 0 ? 0 : 1;
}

constexpr size_t length(const char* s) noexcept {
  size_t n = 0;
  while (s[n]) ++n;
  return n;
}

template <class Nr>
constexpr result<Nr> find_nr(const char* s, size_t n) noexcept {
  using t = nr_table<Nr>;
  long lo = 0, hi = t::count;
  while (lo < hi) {
    const long mid = lo + (hi - lo) / 2;
    const int c = compare_name(t::pool + t::by_number[t::by_name[mid]], s, n);
    if (c == 0) return static_cast<Nr>(t::by_name[mid]);
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return unexpected(errc::enosys);
}

template <class S>
concept string_like = requires(const S& s) {
  requires detail::is_convertible_v<decltype(s.data()), const char*>;
  requires detail::is_convertible_v<decltype(s.size()), size_t>;
};

}  // namespace detail

// The kernel's name of a syscall number ("read"); "?" for a number with none.
template <detail::syscall_nr Nr>
constexpr const char* name(Nr n) noexcept {
  using t = detail::nr_table<Nr>;
  const auto v = static_cast<unsigned long>(n);
  if (v >= static_cast<unsigned long>(t::limit) || t::by_number[v] == 0xffff) return "?";
  return t::pool + t::by_number[v];
}

// The number of a syscall by its kernel name; errc::enosys when there is none.
template <detail::syscall_nr Nr>
constexpr result<Nr> find_nr_in(const char* s) noexcept {
  return detail::find_nr<Nr>(s, detail::length(s));
}
template <detail::syscall_nr Nr, detail::string_like S>
constexpr result<Nr> find_nr_in(const S& s) noexcept {
  return detail::find_nr<Nr>(s.data(), s.size());
}

#define RAWSYS_NR_LOOKUPS_                                                  \
  using rawsys::name;                                                       \
  constexpr result<nr> find_nr(const char* s) noexcept { return find_nr_in<nr>(s); } \
  template <detail::string_like S>                                          \
  constexpr result<nr> find_nr(const S& s) noexcept {                       \
    return find_nr_in<nr>(s);                                               \
  }
namespace x86_64 { RAWSYS_NR_LOOKUPS_ }
namespace ia32 { RAWSYS_NR_LOOKUPS_ }
namespace aarch64 { RAWSYS_NR_LOOKUPS_ }
#undef RAWSYS_NR_LOOKUPS_

}  // namespace rawsys

// The target's folder (arch/<isa>/): its table becomes rawsys::nr.
#include "arch/native.hpp"

namespace rawsys {
using native_arch::nr;
using native_arch::find_nr;
}  // namespace rawsys
