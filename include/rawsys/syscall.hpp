// rawsys::syscall(nr, args...) -> result<long> and rawsys::raw::syscall(long,
// args...) -> long: the generic call on top of the per-ISA asm.
#pragma once

#include "detail/traits.hpp"

#include "auxv.hpp"  // the i386 fast entry is found in the auxiliary vector
#include "nr.hpp"
#include "result.hpp"

namespace rawsys {

// A 64-bit argument (an offset, a length) that the ABI passes as it must:
// one register on 64-bit ISAs, two on 32-bit ones (an aligned even/odd pair
// where the ABI wants one, which may skip a register): syscall(nr::pread64,
// fd, buf, count, arg64{offset}) is right on every ISA.
struct arg64 {
  unsigned long long value;
};

namespace detail {

template <class A>
inline constexpr bool is_arg64 = is_same_v<remove_cv_t<A>, arg64>;

template <class A>
inline constexpr bool is_syscall_arg =
    is_integral_v<A> || is_enum_v<A> || is_pointer_v<A> || is_null_pointer_v<A> || is_arg64<A>;

// One argument as the register value the kernel reads: integers widened by
// their own signedness, enums through their underlying type, pointers as
// addresses.
template <class A>
constexpr long to_arg([[maybe_unused]] A a) noexcept {
  if constexpr (!is_syscall_arg<A>) {
    // Alone in its branch, so that no other diagnostic comes with it.
    static_assert(is_syscall_arg<A>,
                  "rawsys::syscall: each argument must be an integer, an enum, a pointer or nullptr");
    return 0;
  } else if constexpr (is_arg64<A>) {
    return static_cast<long>(a.value);  // one_register ABIs only; see expand()
  } else if constexpr (is_null_pointer_v<A>) {
    return 0;
  } else if constexpr (is_pointer_v<A>) {
    return reinterpret_cast<long>(a);
  } else if constexpr (is_enum_v<A>) {
    return to_arg(static_cast<underlying_type_t<A>>(a));
  } else {
    static_assert(sizeof(A) <= sizeof(long),
                  "rawsys::syscall: a 64-bit integer does not fit one register on this 32-bit "
                  "ABI; pass it as the two halves the kernel expects");
    if constexpr (is_signed_v<A>)
      return static_cast<long>(a);
    else
      return static_cast<long>(static_cast<unsigned long>(a));
  }
}

template <class... L>
inline long invoke(long n, L... a) noexcept {
  if constexpr (sizeof...(L) == 0) return arch::syscall0(n);
  if constexpr (sizeof...(L) == 1) return arch::syscall1(n, a...);
  if constexpr (sizeof...(L) == 2) return arch::syscall2(n, a...);
  if constexpr (sizeof...(L) == 3) return arch::syscall3(n, a...);
  if constexpr (sizeof...(L) == 4) return arch::syscall4(n, a...);
  if constexpr (sizeof...(L) == 5) return arch::syscall5(n, a...);
  if constexpr (sizeof...(L) == 6) return arch::syscall6(n, a...);
}

// Registers an argument takes when it starts at register `at`.
template <class A>
constexpr unsigned width(unsigned at) noexcept {
  if constexpr (!is_arg64<A> || abi::arg64 == abi::arg64_kind::one_register) return 1;
  else if constexpr (abi::arg64 == abi::arg64_kind::pair) return 2;
  else return 2 + at % 2;
}

template <class... A>
constexpr unsigned register_count() noexcept {
  unsigned n = 0;
  ((n += width<A>(n)), ...);
  return n;
}

// Stores one argument at r[i], advancing i past the registers it takes.
template <class A>
constexpr void place(long* r, unsigned& i, A a) noexcept {
  if constexpr (width<A>(0) == 1) {
    r[i++] = to_arg(a);
  } else {
    if (width<A>(i) == 3) r[i++] = 0;  // the skipped register of an aligned pair
    const auto lo = static_cast<long>(static_cast<unsigned long>(a.value & 0xffffffffu));
    const auto hi = static_cast<long>(static_cast<unsigned long>(a.value >> 32));
    r[i++] = abi::big_endian ? hi : lo;
    r[i++] = abi::big_endian ? lo : hi;
  }
}

// The call with each arg64 expanded into the registers the ABI gives it.
template <class... A>
inline long expand(long n, A... a) noexcept {
  constexpr unsigned count = register_count<A...>();
  static_assert(count <= 6,
                "rawsys::syscall: the arguments need more than the six registers the kernel reads");
  long r[count] = {};
  unsigned i = 0;
  (place(r, i, a), ...);
  if constexpr (count == 1) return invoke(n, r[0]);
  if constexpr (count == 2) return invoke(n, r[0], r[1]);
  if constexpr (count == 3) return invoke(n, r[0], r[1], r[2]);
  if constexpr (count == 4) return invoke(n, r[0], r[1], r[2], r[3]);
  if constexpr (count == 5) return invoke(n, r[0], r[1], r[2], r[3], r[4]);
  if constexpr (count == 6) return invoke(n, r[0], r[1], r[2], r[3], r[4], r[5]);
}

// The kernel returns -errno in [-4095, -1]; everything else is a value
// (including i386 addresses above 2 GiB, which are negative as a long).
constexpr bool is_error(long r) noexcept {
  return static_cast<unsigned long>(r) > static_cast<unsigned long>(-4096L);
}

}  // namespace detail

namespace raw {

// The kernel's own return value: -errno on failure.
template <class... A>
inline long syscall(long n, A... args) noexcept {
  static_assert(sizeof...(A) <= 6, "rawsys::syscall: the kernel takes at most six arguments");
  if constexpr ((detail::is_arg64<A> || ...) && abi::arg64 != abi::arg64_kind::one_register)
    return detail::expand(n, args...);
  else
    return detail::invoke(n, detail::to_arg(args)...);
}

}  // namespace raw

// Repeats a call while it fails with EINTR: retry_on_eintr([&] { return read(f, buf); }).
template <class F>
inline auto retry_on_eintr(F&& f) noexcept(noexcept(f())) {
  for (;;) {
    auto r = f();
    if (r || r.error() != errc::eintr) return r;
  }
}

namespace detail {
// value() on an error without exceptions (declared in result.hpp): one line
// in one write to fd 2, whatever is buffered elsewhere, then a trap.
template <class>
[[noreturn, gnu::cold, gnu::noinline]] void report_and_trap(int code) noexcept {
  char line[160];
  unsigned n = 0;
  const auto add = [&](const char* s) {
    while (*s && n < sizeof line - 1) line[n++] = *s++;
  };
  add("rawsys: value() on ");
  if (code != 0) {
    add(name(static_cast<errc>(code)));
    add(" (");
    add(message(static_cast<errc>(code)));
    add(")");
  } else {
    add("an error");
  }
  line[n++] = '\n';
  (void)raw::syscall(static_cast<long>(nr::write), 2, line, n);
  __builtin_trap();
}
}  // namespace detail

// The value, or the errno as errc.
template <class... A>
inline result<long> syscall(nr n, A... args) noexcept {
  const long r = raw::syscall(static_cast<long>(n), args...);
  if (detail::is_error(r)) [[unlikely]]
    return unexpected(static_cast<errc>(-r));
  return r;
}

}  // namespace rawsys
