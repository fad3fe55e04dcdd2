// The few type traits rawsys needs, from compiler builtins and small
// templates: <type_traits> alone costs more compile time than all of
// rawsys's core (docs/compile-time.md). Same names as the standard's, in
// rawsys::detail; semantics as the standard's for the types rawsys meets.
#pragma once

namespace rawsys::detail {

template <class T>
T&& declval() noexcept;

template <class T, class U>
inline constexpr bool is_same_v = false;
template <class T>
inline constexpr bool is_same_v<T, T> = true;

template <class T> struct remove_cv_s { using type = T; };
template <class T> struct remove_cv_s<const T> { using type = T; };
template <class T> struct remove_cv_s<volatile T> { using type = T; };
template <class T> struct remove_cv_s<const volatile T> { using type = T; };
template <class T>
using remove_cv_t = typename remove_cv_s<T>::type;

template <class T> struct remove_ref_s { using type = T; };
template <class T> struct remove_ref_s<T&> { using type = T; };
template <class T> struct remove_ref_s<T&&> { using type = T; };
template <class T>
using remove_reference_t = typename remove_ref_s<T>::type;
template <class T>
using remove_cvref_t = remove_cv_t<remove_reference_t<T>>;

template <class T> struct remove_ptr_s { using type = T; };
template <class T> struct remove_ptr_s<T*> { using type = T; };
template <class T> struct remove_ptr_s<T* const> { using type = T; };
template <class T>
using remove_pointer_t = typename remove_ptr_s<T>::type;

template <class T> inline constexpr bool is_reference_v = false;
template <class T> inline constexpr bool is_reference_v<T&> = true;
template <class T> inline constexpr bool is_reference_v<T&&> = true;
template <class T> inline constexpr bool is_const_v = false;
template <class T> inline constexpr bool is_const_v<const T> = true;
template <class T> inline constexpr bool is_void_v = is_same_v<remove_cv_t<T>, void>;
template <class T> inline constexpr bool is_null_pointer_v = is_same_v<remove_cv_t<T>, decltype(nullptr)>;
template <class T> inline constexpr bool is_pointer_s = false;
template <class T> inline constexpr bool is_pointer_s<T*> = true;
template <class T> inline constexpr bool is_pointer_v = is_pointer_s<remove_cv_t<T>>;

template <class T>
inline constexpr bool is_integral_s = false;
#define RAWSYS_INTEGRAL_(T) template <> inline constexpr bool is_integral_s<T> = true;
RAWSYS_INTEGRAL_(bool) RAWSYS_INTEGRAL_(char) RAWSYS_INTEGRAL_(signed char)
RAWSYS_INTEGRAL_(unsigned char) RAWSYS_INTEGRAL_(wchar_t) RAWSYS_INTEGRAL_(char8_t)
RAWSYS_INTEGRAL_(char16_t) RAWSYS_INTEGRAL_(char32_t) RAWSYS_INTEGRAL_(short)
RAWSYS_INTEGRAL_(unsigned short) RAWSYS_INTEGRAL_(int) RAWSYS_INTEGRAL_(unsigned)
RAWSYS_INTEGRAL_(long) RAWSYS_INTEGRAL_(unsigned long) RAWSYS_INTEGRAL_(long long)
RAWSYS_INTEGRAL_(unsigned long long)
#undef RAWSYS_INTEGRAL_
template <class T> inline constexpr bool is_integral_v = is_integral_s<remove_cv_t<T>>;
template <class T> inline constexpr bool is_enum_v = __is_enum(T);
template <class T> inline constexpr bool is_signed_v = [] {
  if constexpr (is_integral_v<T>) return static_cast<T>(-1) < static_cast<T>(0);
  else return false;
}();
template <class T>
using underlying_type_t = __underlying_type(T);

template <class T, class... A>
inline constexpr bool is_constructible_v = __is_constructible(T, A...);
template <class T>
inline constexpr bool is_default_constructible_v = __is_constructible(T);
template <class T>
inline constexpr bool is_copy_constructible_v = __is_constructible(T, const T&);
template <class T>
inline constexpr bool is_nothrow_move_constructible_v = __is_nothrow_constructible(T, T&&);
template <class T>
inline constexpr bool is_trivially_copyable_v = __is_trivially_copyable(T);
#if defined(__clang__)
template <class T>
inline constexpr bool is_trivially_destructible_v = __is_trivially_destructible(T);
#else
template <class T>
inline constexpr bool is_trivially_destructible_v = __has_trivial_destructor(T);
#endif

template <class To>
void accept_implicitly(To) noexcept;
template <class From, class To>
inline constexpr bool is_convertible_v = is_void_v<From> && is_void_v<To>;
template <class From, class To>
  requires(!is_void_v<From> || !is_void_v<To>)
inline constexpr bool is_convertible_v<From, To> =
    requires { accept_implicitly<To>(declval<From>()); };

template <class F, class... A>
using invoke_result_t = decltype(declval<F>()(declval<A>()...));

}  // namespace rawsys::detail
