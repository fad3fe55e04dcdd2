// The generated constants of one integer type are enumerators of more than
// one unnamed enum: one in uapi/<isa>/common.hpp and one in each topic's
// section (uapi/<isa>/<topic>.hpp). C++20 deprecates the usual arithmetic
// conversions between two enumeration types, so uapi::map_private |
// uapi::map_anonymous would warn once the two sit in different sections.
// These operators, found by argument-dependent lookup (each common.hpp brings
// them into its namespace), compute on the two values as integers, as the
// built-in operator does for two enumerators of one enum: the result is an
// int (or the type the promotion gives).
#pragma once

namespace rawsys::detail::uapi_ops {

// An unscoped enum: promotes to an integer (a scoped one does not).
template <class A>
concept unscoped_enum = __is_enum(A) && requires(A a) { +a; };
template <class A, class B>
concept two_enums = unscoped_enum<A> && unscoped_enum<B> && !__is_same(A, B);

#define RAWSYS_UAPI_OP_(op)                                             \
  template <class A, class B>                                           \
    requires two_enums<A, B>                                            \
  constexpr auto operator op(A a, B b) noexcept { return +a op + b; }
RAWSYS_UAPI_OP_(|)
RAWSYS_UAPI_OP_(&)
RAWSYS_UAPI_OP_(^)
RAWSYS_UAPI_OP_(+)
RAWSYS_UAPI_OP_(-)
RAWSYS_UAPI_OP_(*)
RAWSYS_UAPI_OP_(/)
RAWSYS_UAPI_OP_(%)
RAWSYS_UAPI_OP_(==)
RAWSYS_UAPI_OP_(!=)
RAWSYS_UAPI_OP_(<)
RAWSYS_UAPI_OP_(>)
RAWSYS_UAPI_OP_(<=)
RAWSYS_UAPI_OP_(>=)
#undef RAWSYS_UAPI_OP_

}  // namespace rawsys::detail::uapi_ops

// Brings the operators into a generated uapi namespace.
#define RAWSYS_UAPI_OPERATORS                          \
  using ::rawsys::detail::uapi_ops::operator|;         \
  using ::rawsys::detail::uapi_ops::operator&;         \
  using ::rawsys::detail::uapi_ops::operator^;         \
  using ::rawsys::detail::uapi_ops::operator+;         \
  using ::rawsys::detail::uapi_ops::operator-;         \
  using ::rawsys::detail::uapi_ops::operator*;         \
  using ::rawsys::detail::uapi_ops::operator/;         \
  using ::rawsys::detail::uapi_ops::operator%;         \
  using ::rawsys::detail::uapi_ops::operator==;        \
  using ::rawsys::detail::uapi_ops::operator!=;        \
  using ::rawsys::detail::uapi_ops::operator<;         \
  using ::rawsys::detail::uapi_ops::operator>;         \
  using ::rawsys::detail::uapi_ops::operator<=;        \
  using ::rawsys::detail::uapi_ops::operator>=;
