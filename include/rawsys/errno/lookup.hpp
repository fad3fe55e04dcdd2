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

// Entry i of the unsigned shorts that tools/gen_tables.py writes at the start
// of a table's string literal as byte pairs in the target's byte order: one
// token for the compiler, where an initialiser list costs it a constant per
// number, and at run time the one halfword load of an array (the literal is
// alignas(2)).
constexpr unsigned short u16_at(const char* table, unsigned long i) noexcept {
  if (__builtin_is_constant_evaluated()) {
    const unsigned a = static_cast<unsigned char>(table[2 * i]), b = static_cast<unsigned char>(table[2 * i + 1]);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return static_cast<unsigned short>(a << 8 | b);
#else
    return static_cast<unsigned short>(b << 8 | a);
#endif
  }
  unsigned short v;
  __builtin_memcpy(&v, static_cast<const char*>(__builtin_assume_aligned(table, 2)) + 2 * i, sizeof v);
  return v;
}

// The offset in a table's literal of errno e's text; the first text (after
// the pairs: "?", "Unknown error") for a number no errno has.
template <class E>
constexpr unsigned short errno_offset(const char* table, E e) noexcept {
  using t = errno_table<E>;
  const auto v = static_cast<unsigned>(e);
  if (v < static_cast<unsigned>(t::limit)) return u16_at(table, v);
  if constexpr (requires { t::far_number; }) {
    for (unsigned i = 0; i < sizeof t::far_number / sizeof t::far_number[0]; ++i)
      if (t::far_number[i] == v) return u16_at(table, t::limit + i);
  }
  return 2 * t::slots;
}

}  // namespace detail

// "ENOENT"; "?" for a number that is not an errno.
template <detail::errno_enum E>
constexpr const char* name(E e) noexcept {
  using t = detail::errno_table<E>;
  return t::names + detail::errno_offset(t::names, e);
}

// "No such file or directory", the same words as glibc's strerror;
// "Unknown error" for a number that is not an errno.
template <detail::errno_enum E>
constexpr const char* message(E e) noexcept {
  using t = detail::errno_table<E>;
  return t::messages + detail::errno_offset(t::messages, e);
}

}  // namespace rawsys
