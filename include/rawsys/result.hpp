// rawsys::result<T, E>: a value or an error, shaped like std::expected<T, E>
// (C++23) but available from C++20 and in freestanding code. Only
// std::exception is included: no <new> (detail/new.hpp has a placement new
// of its own), <type_traits>, <expected>, <string> or <utility>.
#pragma once

#include "detail/new.hpp"
#include "detail/traits.hpp"

#if defined(__cpp_exceptions)
#if __has_include(<bits/exception.h>)
#include <bits/exception.h>  // std::exception alone (libstdc++); <exception> is 10x larger
#else
#include <exception>
#endif
#endif

#include "errc.hpp"

namespace rawsys {

// The error half of a result under construction: `return unexpected{errc::einval};`
template <class E>
class unexpected {
 public:
  constexpr explicit unexpected(E e) noexcept(detail::is_nothrow_move_constructible_v<E>)
      : e_(static_cast<E&&>(e)) {}
  constexpr const E& error() const& noexcept { return e_; }
  constexpr E& error() & noexcept { return e_; }
  constexpr E&& error() && noexcept { return static_cast<E&&>(e_); }
  friend constexpr bool operator==(const unexpected& a, const unexpected& b) { return a.e_ == b.e_; }

 private:
  E e_;
};
template <class E>
unexpected(E) -> unexpected<E>;

#if defined(__cpp_exceptions)
// Thrown by result::value() on an error when exceptions are enabled.
class bad_result_access : public std::exception {
 public:
  explicit bad_result_access(int code) noexcept : code_(code) {}
  // The errno value when the result's error type is errc, otherwise 0.
  int code() const noexcept { return code_; }
  const char* what() const noexcept override {
    return code_ ? message(static_cast<errc>(code_)) : "rawsys::result::value() on an error";
  }

 private:
  int code_;
};
#endif

template <class T, class E = errc>
class result;

namespace detail {

template <class>
inline constexpr bool is_result = false;
template <class T, class E>
inline constexpr bool is_result<result<T, E>> = true;

// Without exceptions, value() on an error writes one line to fd 2, e.g.
// "rawsys: value() on ENOENT (No such file or directory)", then traps.
// Defined in syscall.hpp (the write needs this ISA's table, which itself
// includes this file); every wrapper header includes syscall.hpp.
template <class = void>
[[noreturn]] void report_and_trap(int code) noexcept;

template <class E>
[[noreturn]] inline void bad_access([[maybe_unused]] const E& e) {
#if defined(__cpp_exceptions)
  if constexpr (detail::is_same_v<E, errc>)
    throw bad_result_access(static_cast<int>(e));
  else
    throw bad_result_access(0);
#else
  if constexpr (detail::is_same_v<E, errc>)
    report_and_trap(static_cast<int>(e));
  else
    report_and_trap(0);
#endif
}

// Checks that std::expected leaves undefined (operator*, operator->, error()
// on the wrong side): a trap in debug builds, nothing with NDEBUG, where, as
// with std::expected, the behaviour is undefined (operator* on an error reads
// the error's bytes as a value). value() is the checked access.
constexpr void expects([[maybe_unused]] bool ok) noexcept {
#if !defined(NDEBUG)
  if (!ok) __builtin_trap();
#endif
}

template <class>
inline constexpr bool is_unexpected = false;
template <class E>
inline constexpr bool is_unexpected<unexpected<E>> = true;

// a == b is valid and gives bool itself (not something convertible to it).
template <class A, class B>
concept equality_gives_bool = requires(const A& a, const B& b) {
  requires is_same_v<decltype(a == b), bool>;
};

template <class F, class... A>
using call_t = remove_cvref_t<invoke_result_t<F, A...>>;

// Matches std::expected<T, E> (and look-alikes) without including <expected>.
template <class X, class T, class E>
concept expected_of = requires {
  typename X::value_type;
  typename X::error_type;
  typename X::unexpected_type;
} && detail::is_same_v<typename X::value_type, T> && detail::is_same_v<typename X::error_type, E> &&
                      !is_result<X>;

struct value_tag {};
struct error_tag {};

// Union storage, the one base of result: trivial (copy, move, destruction)
// when both halves are trivially copyable, otherwise each written out. One
// class, not a chain of one for destruction and one for copying: each class
// result<T> derives from is instantiated with it, and the wrappers name
// about fifty result types.
template <class T, class E, bool = detail::is_trivially_copyable_v<T> && detail::is_trivially_copyable_v<E>>
struct storage {
  union {
    T val_;
    E err_;
  };
  bool ok_;
  template <class... A>
  constexpr explicit storage(value_tag, A&&... a) : val_(static_cast<A&&>(a)...), ok_(true) {}
  template <class... A>
  constexpr explicit storage(error_tag, A&&... a) : err_(static_cast<A&&>(a)...), ok_(false) {}
};
template <class T, class E>
struct storage<T, E, false> {
  union {
    T val_;
    E err_;
  };
  bool ok_;
  template <class... A>
  constexpr explicit storage(value_tag, A&&... a) : val_(static_cast<A&&>(a)...), ok_(true) {}
  template <class... A>
  constexpr explicit storage(error_tag, A&&... a) : err_(static_cast<A&&>(a)...), ok_(false) {}
  storage(const storage& o) requires(detail::is_copy_constructible_v<T>&& detail::is_copy_constructible_v<E>) {
    assign(o);
  }
  storage(storage&& o) noexcept(detail::is_nothrow_move_constructible_v<T>&&
                                    detail::is_nothrow_move_constructible_v<E>) {
    assign(static_cast<storage&&>(o));
  }
  storage& operator=(const storage& o) requires(detail::is_copy_constructible_v<T>&&
                                                    detail::is_copy_constructible_v<E>) {
    if (this != &o) {
      destroy();
      assign(o);
    }
    return *this;
  }
  storage& operator=(storage&& o) noexcept(detail::is_nothrow_move_constructible_v<T>&&
                                               detail::is_nothrow_move_constructible_v<E>) {
    if (this != &o) {
      destroy();
      assign(static_cast<storage&&>(o));
    }
    return *this;
  }
  constexpr ~storage() { destroy(); }

 private:
  constexpr void destroy() noexcept {
    if (ok_)
      val_.~T();
    else
      err_.~E();
  }
  template <class O>
  void assign(O&& o) {
    ok_ = o.ok_;
    if (o.ok_)
      ::new (static_cast<void*>(&val_), detail::placement{}) T(static_cast<O&&>(o).val_);
    else
      ::new (static_cast<void*>(&err_), detail::placement{}) E(static_cast<O&&>(o).err_);
  }
};

}  // namespace detail

// [[nodiscard]]: every call that can fail returns a result, so ignoring one
// is a warning; `(void)call();` says it is deliberate.
template <class T, class E>
class [[nodiscard]] result : private detail::storage<T, E> {
  static_assert(!detail::is_reference_v<T> && !detail::is_reference_v<E>,
                "rawsys::result holds values, not references");
  using base = detail::storage<T, E>;
  template <class, class>
  friend class result;

 public:
  using value_type = T;
  using error_type = E;

  constexpr result() requires detail::is_default_constructible_v<T> : base(detail::value_tag{}) {}
  template <class U = T>
    requires detail::is_constructible_v<T, U&&> && (!detail::is_result<detail::remove_cvref_t<U>>) &&
             (!detail::is_same_v<detail::remove_cvref_t<U>, unexpected<E>>)
  constexpr explicit(!detail::is_convertible_v<U&&, T>) result(U&& v)
      : base(detail::value_tag{}, static_cast<U&&>(v)) {}
  template <class G>
    requires detail::is_constructible_v<E, const G&>
  constexpr result(const unexpected<G>& u) : base(detail::error_tag{}, u.error()) {}

  constexpr bool has_value() const noexcept { return this->ok_; }
  constexpr explicit operator bool() const noexcept { return this->ok_; }

  constexpr T& operator*() & noexcept { return detail::expects(this->ok_), this->val_; }
  constexpr const T& operator*() const& noexcept { return detail::expects(this->ok_), this->val_; }
  constexpr T&& operator*() && noexcept {
    return detail::expects(this->ok_), static_cast<T&&>(this->val_);
  }
  constexpr T* operator->() noexcept { return detail::expects(this->ok_), &this->val_; }
  constexpr const T* operator->() const noexcept { return detail::expects(this->ok_), &this->val_; }

  constexpr T& value() & {
    if (!this->ok_) detail::bad_access(this->err_);
    return this->val_;
  }
  constexpr const T& value() const& {
    if (!this->ok_) detail::bad_access(this->err_);
    return this->val_;
  }
  constexpr T&& value() && {
    if (!this->ok_) detail::bad_access(this->err_);
    return static_cast<T&&>(this->val_);
  }

  constexpr const E& error() const& noexcept { return detail::expects(!this->ok_), this->err_; }
  constexpr E& error() & noexcept { return detail::expects(!this->ok_), this->err_; }
  constexpr E&& error() && noexcept { return detail::expects(!this->ok_), static_cast<E&&>(this->err_); }

  template <class U>
  constexpr T value_or(U&& alt) const& {
    return this->ok_ ? this->val_ : static_cast<T>(static_cast<U&&>(alt));
  }
  template <class U>
  constexpr T value_or(U&& alt) && {
    return this->ok_ ? static_cast<T&&>(this->val_) : static_cast<T>(static_cast<U&&>(alt));
  }

  // f(value) -> result<U, E>
  template <class F>
  constexpr auto and_then(F&& f) const& {
    using R = detail::call_t<F, const T&>;
    static_assert(detail::is_result<R>, "and_then: the function must return a rawsys::result");
    if (this->ok_) return static_cast<F&&>(f)(this->val_);
    return R(unexpected<E>(this->err_));
  }
  template <class F>
  constexpr auto and_then(F&& f) && {
    using R = detail::call_t<F, T&&>;
    static_assert(detail::is_result<R>, "and_then: the function must return a rawsys::result");
    if (this->ok_) return static_cast<F&&>(f)(static_cast<T&&>(this->val_));
    return R(unexpected<E>(static_cast<E&&>(this->err_)));
  }

  // f(value) -> U, giving result<U, E>
  template <class F>
  constexpr auto transform(F&& f) const& {
    using U = detail::call_t<F, const T&>;
    if (!this->ok_) return result<U, E>(unexpected<E>(this->err_));
    if constexpr (detail::is_void_v<U>) {
      static_cast<F&&>(f)(this->val_);
      return result<U, E>();
    } else {
      return result<U, E>(static_cast<F&&>(f)(this->val_));
    }
  }
  template <class F>
  constexpr auto transform(F&& f) && {
    using U = detail::call_t<F, T&&>;
    if (!this->ok_) return result<U, E>(unexpected<E>(static_cast<E&&>(this->err_)));
    if constexpr (detail::is_void_v<U>) {
      static_cast<F&&>(f)(static_cast<T&&>(this->val_));
      return result<U, E>();
    } else {
      return result<U, E>(static_cast<F&&>(f)(static_cast<T&&>(this->val_)));
    }
  }

  // f(error) -> result<T, G>
  template <class F>
  constexpr auto or_else(F&& f) const& {
    using R = detail::call_t<F, const E&>;
    static_assert(detail::is_result<R>, "or_else: the function must return a rawsys::result");
    if (this->ok_) return R(this->val_);
    return static_cast<F&&>(f)(this->err_);
  }
  template <class F>
  constexpr auto or_else(F&& f) && {
    using R = detail::call_t<F, E&&>;
    static_assert(detail::is_result<R>, "or_else: the function must return a rawsys::result");
    if (this->ok_) return R(static_cast<T&&>(this->val_));
    return static_cast<F&&>(f)(static_cast<E&&>(this->err_));
  }

  // f(error) -> G, giving result<T, G>
  template <class F>
  constexpr auto transform_error(F&& f) const& {
    using G = detail::call_t<F, const E&>;
    if (this->ok_) return result<T, G>(this->val_);
    return result<T, G>(unexpected<G>(static_cast<F&&>(f)(this->err_)));
  }
  template <class F>
  constexpr auto transform_error(F&& f) && {
    using G = detail::call_t<F, E&&>;
    if (this->ok_) return result<T, G>(static_cast<T&&>(this->val_));
    return result<T, G>(unexpected<G>(static_cast<F&&>(f)(static_cast<E&&>(this->err_))));
  }

  // Converts to std::expected<T, E> (or anything shaped like it).
  template <class X>
    requires detail::expected_of<X, T, E>
  constexpr operator X() const& {
    if (this->ok_) return X(this->val_);
    return X(typename X::unexpected_type(this->err_));
  }
  template <class X>
    requires detail::expected_of<X, T, E>
  constexpr operator X() && {
    if (this->ok_) return X(static_cast<T&&>(this->val_));
    return X(typename X::unexpected_type(static_cast<E&&>(this->err_)));
  }
};

// result<void, E>: success carries nothing.
template <class E>
class [[nodiscard]] result<void, E> {
  template <class, class>
  friend class result;

 public:
  using value_type = void;
  using error_type = E;

  constexpr result() noexcept : ok_(true), err_() {}
  template <class G>
    requires detail::is_constructible_v<E, const G&>
  constexpr result(const unexpected<G>& u) : ok_(false), err_(u.error()) {}

  constexpr bool has_value() const noexcept { return ok_; }
  constexpr explicit operator bool() const noexcept { return ok_; }
  constexpr void operator*() const noexcept { detail::expects(ok_); }
  constexpr void value() const {
    if (!ok_) detail::bad_access(err_);
  }
  constexpr const E& error() const& noexcept { return detail::expects(!ok_), err_; }
  constexpr E& error() & noexcept { return detail::expects(!ok_), err_; }

  template <class F>
  constexpr auto and_then(F&& f) const {
    using R = detail::call_t<F>;
    static_assert(detail::is_result<R>, "and_then: the function must return a rawsys::result");
    if (ok_) return static_cast<F&&>(f)();
    return R(unexpected<E>(err_));
  }
  template <class F>
  constexpr auto transform(F&& f) const {
    using U = detail::call_t<F>;
    if (!ok_) return result<U, E>(unexpected<E>(err_));
    if constexpr (detail::is_void_v<U>) {
      static_cast<F&&>(f)();
      return result<U, E>();
    } else {
      return result<U, E>(static_cast<F&&>(f)());
    }
  }
  template <class F>
  constexpr auto or_else(F&& f) const {
    using R = detail::call_t<F, const E&>;
    static_assert(detail::is_result<R>, "or_else: the function must return a rawsys::result");
    if (ok_) return R();
    return static_cast<F&&>(f)(err_);
  }
  template <class F>
  constexpr auto transform_error(F&& f) const {
    using G = detail::call_t<F, const E&>;
    if (ok_) return result<void, G>();
    return result<void, G>(unexpected<G>(static_cast<F&&>(f)(err_)));
  }

  template <class X>
    requires detail::expected_of<X, void, E>
  constexpr operator X() const {
    if (ok_) return X();
    return X(typename X::unexpected_type(err_));
  }


 private:
  bool ok_;
  E err_;
};

// Comparisons as std::expected's. Free templates, so that nothing converts to
// a result to take part; only types whose == gives exactly bool qualify, so
// expression templates (test frameworks) cannot recurse into them.
template <class T, class E, class U>
  requires(!detail::is_result<U> && !detail::is_unexpected<U> && !detail::is_void_v<T> &&
           detail::equality_gives_bool<T, U>)
constexpr bool operator==(const result<T, E>& r, const U& v) {
  return r.has_value() && *r == v;
}
template <class T, class E, class G>
  requires detail::equality_gives_bool<E, G>
constexpr bool operator==(const result<T, E>& r, const unexpected<G>& u) {
  return !r.has_value() && r.error() == u.error();
}
template <class T1, class E1, class T2, class E2>
  requires(detail::is_void_v<T1> == detail::is_void_v<T2> && detail::equality_gives_bool<E1, E2>)
constexpr bool operator==(const result<T1, E1>& a, const result<T2, E2>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a.has_value()) return a.error() == b.error();
  if constexpr (detail::is_void_v<T1>)
    return true;
  else
    return *a == *b;
}

}  // namespace rawsys
