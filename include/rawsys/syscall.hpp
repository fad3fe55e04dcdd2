// rawsys::syscall(nr, args...) -> result<long> and rawsys::raw::syscall(long,
// args...) -> long: the generic call on top of the per-ISA asm.
#pragma once

#include "detail/traits.hpp"

#include "nr.hpp"
#include "result.hpp"

#if defined(__x86_64__)
#include "arch/x86_64.hpp"
#elif defined(__i386__)
#include "arch/i386.hpp"
#include "auxv.hpp"
#elif defined(__aarch64__)
#include "arch/aarch64.hpp"
#endif

namespace rawsys {

namespace detail {

template <class A>
inline constexpr bool is_syscall_arg =
    is_integral_v<A> || is_enum_v<A> || is_pointer_v<A> || is_null_pointer_v<A>;

// One argument as the register value the kernel reads: integers widened by
// their own signedness, enums through their underlying type, pointers as
// addresses.
template <class A>
constexpr long to_arg(A a) noexcept {
  static_assert(is_syscall_arg<A>,
                "rawsys::syscall: each argument must be an integer, an enum, a pointer or nullptr");
  if constexpr (is_null_pointer_v<A>) {
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

#if defined(__i386__)
// __kernel_vsyscall's address, 1 when there is none (use int $0x80), 0 when not
// yet looked up. Set before main by the no-libc runtime; otherwise looked up
// once from the auxiliary vector. Racing threads store the same value.
inline unsigned long ia32_entry = 0;

[[gnu::cold, gnu::noinline]] inline unsigned long ia32_find_entry() noexcept {
  const unsigned long e = auxv_lookup(32 /* AT_SYSINFO */);
  const unsigned long v = e ? e : 1;
  __atomic_store_n(&ia32_entry, v, __ATOMIC_RELAXED);
  return v;
}

template <class... L>
inline long invoke(long n, L... a) noexcept {
  unsigned long entry = __atomic_load_n(&ia32_entry, __ATOMIC_RELAXED);
#if !defined(RAWSYS_IA32_ENTRY_FROM_START)
  if (entry == 0) [[unlikely]]
    entry = ia32_find_entry();
#else
  // Every file of the program promises that <rawsys/start.hpp> sets the
  // entry before main (rawsys_add_tool does): no lookup code; int $0x80
  // until then.
  if (entry == 0) entry = 1;
#endif
  const long e = static_cast<long>(entry);
  if constexpr (sizeof...(L) == 0) return e != 1 ? arch::entry::syscall0(e, n) : arch::int80::syscall0(n);
  if constexpr (sizeof...(L) == 1) return e != 1 ? arch::entry::syscall1(e, n, a...) : arch::int80::syscall1(n, a...);
  if constexpr (sizeof...(L) == 2) return e != 1 ? arch::entry::syscall2(e, n, a...) : arch::int80::syscall2(n, a...);
  if constexpr (sizeof...(L) == 3) return e != 1 ? arch::entry::syscall3(e, n, a...) : arch::int80::syscall3(n, a...);
  if constexpr (sizeof...(L) == 4) return e != 1 ? arch::entry::syscall4(e, n, a...) : arch::int80::syscall4(n, a...);
  if constexpr (sizeof...(L) == 5) return e != 1 ? arch::entry::syscall5(e, n, a...) : arch::int80::syscall5(n, a...);
  if constexpr (sizeof...(L) == 6) return e != 1 ? arch::entry::syscall6(e, n, a...) : arch::int80::syscall6(n, a...);
}
#else
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
#endif

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

// The value, or the errno as errc.
template <class... A>
inline result<long> syscall(nr n, A... args) noexcept {
  const long r = raw::syscall(static_cast<long>(n), args...);
  if (detail::is_error(r)) [[unlikely]]
    return unexpected(static_cast<errc>(-r));
  return r;
}

}  // namespace rawsys
