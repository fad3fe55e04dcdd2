// What every syscall table (nr/<isa>.hpp) shares: name() and find_nr_in()
// over the generated detail::nr_table<Nr>. Each table includes this; a
// table's own find_nr() is three lines in its generated header.
#pragma once

#include <stddef.h>

#include "../errno/lookup.hpp"  // detail::u16_at
#include "../result.hpp"

namespace rawsys {

namespace detail {

// Specialised by each generated table. Its literal `data` holds by_number
// (from 0), by_name (from offset by_name) and the names (from offset pool),
// the first two read with u16_at: by_number[n - first] is the offset in data
// of the name of call n (0xffff where no call has that number);
// by_name holds n - first in name order. A few calls far from the others
// (ARM's private calls at 0x0f0000 and up) are kept apart in
// far_number/far_name.
template <class Nr>
struct nr_table;

template <class Nr>
concept syscall_nr = requires { nr_table<Nr>::limit; };

template <class Nr>
concept has_far_calls = requires { nr_table<Nr>::far_number; };

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
  long lo = 0, hi = (t::pool - t::by_name) / 2;
  while (lo < hi) {
    const long mid = lo + (hi - lo) / 2;
    const unsigned number = u16_at(t::data + t::by_name, static_cast<unsigned long>(mid));
    const int c = compare_name(t::data + u16_at(t::data, number), s, n);
    if (c == 0) return static_cast<Nr>(t::first + static_cast<long>(number));
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  if constexpr (has_far_calls<Nr>) {
    for (size_t i = 0; i < sizeof t::far_number / sizeof t::far_number[0]; ++i)
      if (compare_name(t::data + t::far_name[i], s, n) == 0) return static_cast<Nr>(t::far_number[i]);
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
  const auto v = static_cast<unsigned long>(n) - static_cast<unsigned long>(t::first);
  if (v < static_cast<unsigned long>(t::limit - t::first)) {
    const unsigned off = detail::u16_at(t::data, v);
    if (off != 0xffff) return t::data + off;
  }
  if constexpr (detail::has_far_calls<Nr>) {
    for (size_t i = 0; i < sizeof t::far_number / sizeof t::far_number[0]; ++i)
      if (t::far_number[i] == static_cast<long>(n)) return t::data + t::far_name[i];
  }
  return "?";
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

}  // namespace rawsys
