// <rawsys/std.hpp>: std::error_code, std::system_error, std::ostream,
// std::format and {fmt} where they exist, std::chrono and paths from
// string views.
#define FMT_HEADER_ONLY
#include <rawsys/std.hpp>

#include "support.hpp"

#include <errno.h>
#include <fcntl.h>

#include <chrono>
#include <sstream>
#include <string>
#include <thread>

using namespace std::chrono_literals;
using rawsys::errc;

TEST_CASE("std: errc is a std::error_code of the generic category") {
  std::error_code ec = errc::enoent;
  CHECK(ec.value() == ENOENT);
  CHECK(ec.category() == std::generic_category());
  CHECK(ec == std::errc::no_such_file_or_directory);
  CHECK(ec.message() == std::generic_category().message(ENOENT));
  const rawsys::result<rawsys::unique_fd> r = rawsys::open("/nonexistent/rawsys", rawsys::o::rdonly);
  REQUIRE(!r);
  std::error_code from_result = r.error();
  CHECK(from_result == std::errc::no_such_file_or_directory);
}

TEST_CASE("std: value_or_throw gives the value or throws std::system_error") {
  CHECK(rawsys::value_or_throw(rawsys::result<int>(7)) == 7);
  try {
    (void)rawsys::value_or_throw(rawsys::open("/nonexistent/rawsys", rawsys::o::rdonly), "open");
    FAIL("no exception");
  } catch (const std::system_error& e) {
    CHECK(e.code() == std::errc::no_such_file_or_directory);
    CHECK(std::string(e.what()).starts_with("open: "));
  }
  CHECK_THROWS_AS(rawsys::value_or_throw(rawsys::result<void>(rawsys::unexpected(errc::eperm))), std::system_error);
}

TEST_CASE("std: operator<< for std::ostream") {
  std::ostringstream os;
  os << errc::enoent << '|' << rawsys::result<int>(42) << '|' << rawsys::result<int>(rawsys::unexpected(errc::eintr))
     << '|' << rawsys::result<void>();
  CHECK(os.str() == "ENOENT|42|EINTR (Interrupted system call)|ok");
}

// The same formatters for std::format and {fmt}: format(spec, args...).
template <class Format>
[[maybe_unused]] void check_formatters(Format format) {
  CHECK(format("{}", errc::enoent) == "ENOENT");
  CHECK(format("{:m}", errc::enoent) == "ENOENT (No such file or directory)");
  CHECK(format("{} {}", rawsys::result<int>(5), rawsys::result<int>(rawsys::unexpected(errc::ebadf))) ==
        "5 EBADF (Bad file descriptor)");
  CHECK(format("{}", rawsys::result<void>()) == "ok");
}

#if defined(RAWSYS_HAVE_FMT)
TEST_CASE("std: fmt::formatter for errc and result") {
  check_formatters([](const char* spec, const auto&... a) { return fmt::format(fmt::runtime(spec), a...); });
}
#endif

#if defined(__cpp_lib_format)
TEST_CASE("std: std::formatter for errc and result") {
  check_formatters([](const char* spec, const auto&... a) { return std::vformat(spec, std::make_format_args(a...)); });
}
#endif

TEST_CASE("std: timespec to and from std::chrono durations and time points") {
  static_assert(rawsys::to_timespec(1500ms) == rawsys::timespec{1, 500000000});
  static_assert(rawsys::to_timespec(-1ns) == rawsys::timespec{-1, 999999999});
  static_assert(rawsys::to_duration({2, 5}) == 2000000005ns);
  static_assert(rawsys::clock_of<std::chrono::system_clock> == rawsys::clock::realtime);
  static_assert(rawsys::clock_of<std::chrono::steady_clock> == rawsys::clock::monotonic);
  const auto tp = std::chrono::system_clock::time_point(std::chrono::seconds(1700000000));
  CHECK(rawsys::to_timespec(tp) == rawsys::timespec{1700000000, 0});
  CHECK(rawsys::to_time_point<std::chrono::system_clock>({1700000000, 0}) == tp);
  // now<Clock>() between two readings of the standard clock.
  const auto a = std::chrono::steady_clock::now();
  const auto b = rawsys::now<std::chrono::steady_clock>();
  const auto c = std::chrono::steady_clock::now();
  REQUIRE(b);
  CHECK(a <= *b);
  CHECK(*b <= c);
  const auto s = rawsys::now<std::chrono::system_clock>();
  REQUIRE(s);
  CHECK(*s - std::chrono::system_clock::now() < 5s);
}

TEST_CASE("std: sleep_for and sleep_until take chrono values") {
  const auto t0 = std::chrono::steady_clock::now();
  CHECK(rawsys::sleep_for(20ms));
  CHECK(std::chrono::steady_clock::now() - t0 >= 20ms);
  CHECK(rawsys::sleep_for(-5s));  // nothing to wait for
  const auto until = std::chrono::steady_clock::now() + 15ms;
  CHECK(rawsys::sleep_until(until));
  CHECK(std::chrono::steady_clock::now() >= until);
}

TEST_CASE("std: paths from string views, copied with their NUL") {
  const std::string dir = "/proc/self";
  std::string seen;
  auto r = rawsys::with_path(dir + "/status", [&](const char* p) {
    seen = p;
    return rawsys::open(p, rawsys::o::rdonly);
  });
  CHECK(r);
  CHECK(seen == "/proc/self/status");
  // The kernel's ENAMETOOLONG from PATH_MAX bytes on; a NUL inside is EINVAL.
  std::string longest = "/nonexistent";
  while (longest.size() < rawsys::path_max - 1) longest += "/x";
  longest.resize(rawsys::path_max - 1);
  const std::string too_long = longest + "x";
  auto call = [](const char* p) { return rawsys::open(p, rawsys::o::rdonly); };
  CHECK(rawsys::with_path(longest, call).error() == errc::enoent);
  CHECK(rawsys::with_path(too_long, call).error() == errc::enametoolong);
  CHECK(rawsys_test::glibc(::open(too_long.c_str(), O_RDONLY)).error() == errc::enametoolong);
  CHECK(rawsys::with_path(std::string_view("a\0b", 3), call).error() == errc::einval);
}
