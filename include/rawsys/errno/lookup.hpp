// What every errno numbering (errno/<set>.hpp) shares: name() and message()
// over the generated detail::errno_table<E>. No other include: errc must
// exist before result<> does.
#pragma once

namespace rawsys {

namespace detail {

// Specialised by each generated numbering. names + name_off[e] and
// messages + message_off[e] for e below limit (offset 0: "?" and "Unknown
// error" where no errno has number e); the few numbers far above the others
// (mips's EDQUOT, 1133) are kept apart in far_number/far_index.
template <class E>
struct errno_table;

template <class E>
concept errno_enum = requires { errno_table<E>::limit; };

// The offset that off[] gives errno e: off[e] below limit, off[limit + i]
// for the i-th far number, else 0 (the "?" and "Unknown error" entries).
template <class E>
constexpr unsigned short errno_offset(const unsigned short* off, E e) noexcept {
  using t = errno_table<E>;
  const auto v = static_cast<unsigned>(e);
  if (v < static_cast<unsigned>(t::limit)) return off[v];
  if constexpr (requires { t::far_number; }) {
    for (unsigned i = 0; i < sizeof t::far_number / sizeof t::far_number[0]; ++i)
      if (t::far_number[i] == v) return off[t::limit + i];
  }
  return 0;
}

}  // namespace detail

// "ENOENT"; "?" for a number that is not an errno.
template <detail::errno_enum E>
constexpr const char* name(E e) noexcept {
  using t = detail::errno_table<E>;
  return t::names + detail::errno_offset(t::name_off, e);
}

// "No such file or directory", the same words as glibc's strerror;
// "Unknown error" for a number that is not an errno.
template <detail::errno_enum E>
constexpr const char* message(E e) noexcept {
  using t = detail::errno_table<E>;
  return t::messages + detail::errno_offset(t::message_off, e);
}

}  // namespace rawsys
