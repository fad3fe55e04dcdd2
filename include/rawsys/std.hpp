// rawsys with the standard library's types, for hosted C++ (opt-in: not part
// of <rawsys/rawsys.hpp>, since it includes <system_error>, <chrono>,
// <ostream> and the formatting libraries, which the core keeps out of its
// include path):
//  - std::error_code for errc: `std::error_code ec = r.error();` (errno
//    values, so the generic category); value_or_throw(r, what) throws
//    std::system_error;
//  - operator<< for std::ostream, and std::formatter (where <format> is
//    complete) and fmt::formatter (where <fmt/format.h> is found; define
//    RAWSYS_NO_FMT to leave it out) for errc and result: "{}" is the name,
//    "{:m}" the name and the message; a result prints its value, or its error
//    as "{:m}";
//  - std::chrono: timespec to and from durations and time points, now<Clock>(),
//    sleep_for and sleep_until;
//  - paths from std::string_view (so std::string, and anything that converts):
//    with_path copies one, with its NUL, to a stack buffer for a call that
//    takes a C string (ENAMETOOLONG from PATH_MAX on, EINVAL for a NUL inside).
#pragma once

#include <chrono>
#include <cstring>
#include <ostream>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <version>

#include "errc.hpp"
#include "result.hpp"
#include "time.hpp"
#include "types.hpp"

#if defined(__cpp_lib_format)
#include <format>
#endif
#if !defined(RAWSYS_NO_FMT) && __has_include(<fmt/format.h>)
#include <fmt/format.h>
#define RAWSYS_HAVE_FMT 1
#endif

template <>
struct std::is_error_code_enum<rawsys::errc> : std::true_type {};

namespace rawsys {

// errno values: the generic category's numbering and messages.
inline std::error_code make_error_code(errc e) noexcept {
  return {static_cast<int>(e), std::generic_category()};
}

#if defined(__cpp_exceptions)
// The value, or std::system_error(error, what) thrown.
template <class T>
T value_or_throw(result<T> r, const char* what = "rawsys") {
  if (!r) throw std::system_error(make_error_code(r.error()), what);
  if constexpr (!std::is_void_v<T>) return std::move(*r);
}
#endif

// ---- std::ostream

inline std::ostream& operator<<(std::ostream& os, errc e) { return os << name(e); }

template <class T, class E>
std::ostream& operator<<(std::ostream& os, const result<T, E>& r) {
  if (r) {
    if constexpr (std::is_void_v<T>)
      return os << "ok";
    else
      return os << *r;
  }
  if constexpr (std::is_same_v<E, errc>)
    return os << name(r.error()) << " (" << message(r.error()) << ')';
  else
    return os << r.error();
}

// ---- std::chrono

template <class Rep, class Period>
constexpr timespec to_timespec(std::chrono::duration<Rep, Period> d) noexcept {
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(d);
  const auto s = std::chrono::floor<std::chrono::seconds>(ns);
  return {static_cast<int64_t>(s.count()), static_cast<int64_t>((ns - s).count())};
}
template <class Clock, class Duration>
constexpr timespec to_timespec(std::chrono::time_point<Clock, Duration> t) noexcept {
  return to_timespec(t.time_since_epoch());
}

constexpr std::chrono::nanoseconds to_duration(const timespec& t) noexcept {
  return std::chrono::seconds(t.sec) + std::chrono::nanoseconds(t.nsec);
}

// The kernel clock behind a standard clock (both standard libraries read
// these): system_clock is CLOCK_REALTIME, steady_clock CLOCK_MONOTONIC.
template <class Clock>
inline constexpr rawsys::clock clock_of = [] {
  static_assert(std::is_same_v<Clock, std::chrono::system_clock> || std::is_same_v<Clock, std::chrono::steady_clock>,
                "rawsys::clock_of: system_clock or steady_clock");
  return std::is_same_v<Clock, std::chrono::system_clock> ? rawsys::clock::realtime : rawsys::clock::monotonic;
}();

template <class Clock>
constexpr typename Clock::time_point to_time_point(const timespec& t) noexcept {
  return typename Clock::time_point(std::chrono::duration_cast<typename Clock::duration>(to_duration(t)));
}

// Clock::now() through clock_gettime (the vDSO where there is one).
template <class Clock>
result<typename Clock::time_point> now() noexcept {
  return clock_gettime(clock_of<Clock>).transform([](const timespec& t) { return to_time_point<Clock>(t); });
}

// Sleeps for d (nothing when d <= 0), carrying on after a signal handler
// with the time that remained, as std::this_thread::sleep_for does.
template <class Rep, class Period>
result<void> sleep_for(std::chrono::duration<Rep, Period> d) noexcept {
  if (d <= d.zero()) return {};
  timespec left = to_timespec(d);
  for (;;) {
    timespec remain{};
    const result<void> r = nanosleep(left, &remain);
    if (r || r.error() != errc::eintr) return r;
    left = remain;
  }
}

// Sleeps until t on Clock's kernel clock (clock_nanosleep, TIMER_ABSTIME).
template <class Clock, class Duration>
result<void> sleep_until(std::chrono::time_point<Clock, Duration> t) noexcept {
  const timespec at = to_timespec(t);
  for (;;) {
    const result<void> r = clock_nanosleep(clock_of<Clock>, timer::abstime, at);
    if (r || r.error() != errc::eintr) return r;
  }
}

// ---- paths

// PATH_MAX (linux/limits.h): the longest path the kernel takes, its NUL included.
inline constexpr std::size_t path_max = 4096;

// f(const char* path) with path copied, NUL-terminated, to the stack:
//   with_path(name, [](const char* p) { return rawsys::open(p, o::rdonly); })
// f must return a result; ENAMETOOLONG when path has path_max bytes or more
// (the kernel's answer), EINVAL when it holds a NUL (it would be cut there).
template <class F>
auto with_path(std::string_view path, F&& f) -> std::invoke_result_t<F, const char*> {
  using R = std::invoke_result_t<F, const char*>;
  static_assert(detail::is_result<R>, "rawsys::with_path: the function must return a rawsys::result");
  if (path.size() >= path_max) return R(unexpected(errc::enametoolong));
  if (path.find('\0') != std::string_view::npos) return R(unexpected(errc::einval));
  char buf[path_max];
  std::memcpy(buf, path.data(), path.size());
  buf[path.size()] = '\0';
  return std::forward<F>(f)(static_cast<const char*>(buf));
}

}  // namespace rawsys

namespace rawsys::detail {
// A format spec the formatter does not know: the library's format_error
// (a compile-time error when the format string is checked then).
template <class Error>
[[noreturn]] constexpr void bad_format_spec([[maybe_unused]] const char* what) {
#if defined(__cpp_exceptions)
  throw Error(what);
#else
  __builtin_trap();
#endif
}
}  // namespace rawsys::detail

// ---- formatters: std::format and {fmt} from one definition.
// errc: "{}" its name, "{:m}" name and message. result: its value as "{}"
// formats it (T must be formattable), "ok" for result<void>, or its error as
// "{:m}" does.
#define RAWSYS_FORMATTERS_(NS, ERROR)                                                          \
  template <>                                                                                 \
  struct NS::formatter<rawsys::errc> {                                                        \
    bool with_message = false;                                                                \
    template <class Context>                                                                  \
    constexpr auto parse(Context& ctx) {                                                      \
      auto it = ctx.begin();                                                                  \
      if (it != ctx.end() && *it == 'm') with_message = true, ++it;                           \
      if (it != ctx.end() && *it != '}') rawsys::detail::bad_format_spec<ERROR>("rawsys::errc: {} or {:m}"); \
      return it;                                                                              \
    }                                                                                         \
    template <class Context>                                                                  \
    auto format(rawsys::errc e, Context& ctx) const {                                         \
      if (with_message) return NS::format_to(ctx.out(), "{} ({})", rawsys::name(e), rawsys::message(e)); \
      return NS::format_to(ctx.out(), "{}", rawsys::name(e));                                 \
    }                                                                                         \
  };                                                                                          \
  template <class T>                                                                          \
  struct NS::formatter<rawsys::result<T>> {                                                   \
    template <class Context>                                                                  \
    constexpr auto parse(Context& ctx) {                                                      \
      auto it = ctx.begin();                                                                  \
      if (it != ctx.end() && *it != '}') rawsys::detail::bad_format_spec<ERROR>("rawsys::result: {} only"); \
      return it;                                                                              \
    }                                                                                         \
    template <class Context>                                                                  \
    auto format(const rawsys::result<T>& r, Context& ctx) const {                             \
      if (!r) return NS::format_to(ctx.out(), "{:m}", r.error());                             \
      if constexpr (std::is_void_v<T>)                                                        \
        return NS::format_to(ctx.out(), "ok");                                                \
      else                                                                                    \
        return NS::format_to(ctx.out(), "{}", *r);                                            \
    }                                                                                         \
  };

#if defined(__cpp_lib_format)
RAWSYS_FORMATTERS_(std, std::format_error)
#endif
#if defined(RAWSYS_HAVE_FMT)
RAWSYS_FORMATTERS_(fmt, fmt::format_error)
#endif
#undef RAWSYS_FORMATTERS_
