// Typed flags: each kernel prefix is a namespace holding an enum type and its
// values (rawsys::o::rdonly | rawsys::o::cloexec has type rawsys::o::flags).
// Enums pass straight to rawsys::syscall; a wrapper takes only its own type.
#pragma once

#include "detail/traits.hpp"

namespace rawsys::detail::bitmask_ops {

// |, &, ^, ~ and the compound forms, once for every flag type: templates, so
// that nothing is resolved until a program uses one. Clang resolves each
// operator on an enum (an assignment too) against every built-in candidate,
// about as costly as parsing a hundred lines; seven definitions for each of
// the sixty flag types cost more than the rest of the topic headers.
template <class E>
concept bitmask = requires(E e) { rawsys_bitmask_(e); };

template <bitmask E>
constexpr E operator|(E a, E b) noexcept {
  return static_cast<E>(static_cast<underlying_type_t<E>>(a) | static_cast<underlying_type_t<E>>(b));
}
template <bitmask E>
constexpr E operator&(E a, E b) noexcept {
  return static_cast<E>(static_cast<underlying_type_t<E>>(a) & static_cast<underlying_type_t<E>>(b));
}
template <bitmask E>
constexpr E operator^(E a, E b) noexcept {
  return static_cast<E>(static_cast<underlying_type_t<E>>(a) ^ static_cast<underlying_type_t<E>>(b));
}
template <bitmask E>
constexpr E operator~(E a) noexcept {
  return static_cast<E>(~static_cast<underlying_type_t<E>>(a));
}
template <bitmask E>
constexpr E& operator|=(E& a, E b) noexcept { return a = a | b; }
template <bitmask E>
constexpr E& operator&=(E& a, E b) noexcept { return a = a & b; }
template <bitmask E>
constexpr E& operator^=(E& a, E b) noexcept { return a = a ^ b; }

}  // namespace rawsys::detail::bitmask_ops

// Gives the enum E |, &, ^, ~ and the compound forms, declared next to E so
// that argument-dependent lookup finds them. Use at namespace scope.
#define RAWSYS_BITMASK(E)                               \
  void rawsys_bitmask_(E);                              \
  using ::rawsys::detail::bitmask_ops::operator|;       \
  using ::rawsys::detail::bitmask_ops::operator&;       \
  using ::rawsys::detail::bitmask_ops::operator^;       \
  using ::rawsys::detail::bitmask_ops::operator~;       \
  using ::rawsys::detail::bitmask_ops::operator|=;      \
  using ::rawsys::detail::bitmask_ops::operator&=;      \
  using ::rawsys::detail::bitmask_ops::operator^=;

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
