// Typed flags: each kernel prefix is a namespace holding an enum type and its
// values (rawsys::o::rdonly | rawsys::o::cloexec has type rawsys::o::flags).
// Enums pass straight to rawsys::syscall; a wrapper takes only its own type.
#pragma once

#include "detail/traits.hpp"

// Declares |, &, ^, ~ and the compound forms for the enum E, next to E so
// that they are found by argument-dependent lookup.
#define RAWSYS_BITMASK(E)                                                                  \
  constexpr E operator|(E a, E b) noexcept {                                               \
    return static_cast<E>(static_cast<::rawsys::detail::underlying_type_t<E>>(a) |                      \
                          static_cast<::rawsys::detail::underlying_type_t<E>>(b));                      \
  }                                                                                        \
  constexpr E operator&(E a, E b) noexcept {                                               \
    return static_cast<E>(static_cast<::rawsys::detail::underlying_type_t<E>>(a) &                      \
                          static_cast<::rawsys::detail::underlying_type_t<E>>(b));                      \
  }                                                                                        \
  constexpr E operator^(E a, E b) noexcept {                                               \
    return static_cast<E>(static_cast<::rawsys::detail::underlying_type_t<E>>(a) ^                      \
                          static_cast<::rawsys::detail::underlying_type_t<E>>(b));                      \
  }                                                                                        \
  constexpr E operator~(E a) noexcept {                                                    \
    return static_cast<E>(~static_cast<::rawsys::detail::underlying_type_t<E>>(a));                     \
  }                                                                                        \
  constexpr E& operator|=(E& a, E b) noexcept { return a = a | b; }                        \
  constexpr E& operator&=(E& a, E b) noexcept { return a = a & b; }                        \
  constexpr E& operator^=(E& a, E b) noexcept { return a = a ^ b; }

namespace rawsys {

// The number behind a flag set or any enum (std::to_underlying before C++23).
// The return type is deduced: GCC 12 cannot mangle __underlying_type in a
// signature ("sorry, unimplemented") once bits() is instantiated.
template <class E>
  requires ::rawsys::detail::is_enum_v<E>
constexpr auto bits(E e) noexcept {
  return static_cast<::rawsys::detail::underlying_type_t<E>>(e);
}

// A flag or value that only some ISAs define (map::_32bit, prot::bti): of
// type E where the target's UAPI has it; elsewhere the UAPI's `absent`,
// which no operator or wrapper accepts, so a use fails to compile there.
template <class E, class V>
constexpr auto flag_if(V v) noexcept {
  if constexpr (requires { static_cast<E>(v); }) {
    return static_cast<E>(v);
  } else {
    return v;
  }
}

// True when every flag of `want` is set in `set`.
template <class E>
  requires ::rawsys::detail::is_enum_v<E>
constexpr bool has(E set, E want) noexcept {
  return (bits(set) & bits(want)) == bits(want);
}

}  // namespace rawsys
