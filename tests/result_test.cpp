// rawsys::result: every member, for values, errors, void and move-only types.
#include "support.hpp"

#include <memory>
#include <string>
#include <type_traits>
#include <version>
#if defined(__cpp_lib_expected)
#include <expected>
#endif

using rawsys::errc;
using rawsys::result;
using rawsys::unexpected;

static_assert(std::is_trivially_copyable_v<result<long>>, "returned in registers");
static_assert(std::is_trivially_destructible_v<result<long>>);
static_assert(!std::is_copy_constructible_v<result<std::unique_ptr<int>>>);
static_assert(std::is_move_constructible_v<result<std::unique_ptr<int>>>);
static_assert(sizeof(result<long>) == 2 * sizeof(long));

// Usable in constant expressions.
static_assert(result<int>(3).value() == 3);
static_assert(result<int>(unexpected(errc::eio)).error() == errc::eio);
static_assert(result<int>(unexpected(errc::eio)).value_or(7) == 7);
static_assert(result<int>(2).transform([](int v) { return v * 2; }).value() == 4);

TEST_CASE("result: value side") {
  result<long> r = 42;
  CHECK(r.has_value());
  CHECK(static_cast<bool>(r));
  CHECK(*r == 42);
  CHECK(r.value() == 42);
  CHECK(r.value_or(-1) == 42);
  CHECK(r == 42L);
  CHECK_FALSE(r == unexpected(errc::eio));
  *r = 43;
  CHECK(r.value() == 43);
  result<std::string> s = std::string("text");
  CHECK(s->size() == 4);
  const auto& cs = s;
  CHECK(cs->front() == 't');
  CHECK(result<long>() == 0L);  // default: a value-initialised value
}

TEST_CASE("result: error side") {
  result<long> r = unexpected(errc::enoent);
  CHECK_FALSE(r.has_value());
  CHECK_FALSE(static_cast<bool>(r));
  CHECK(r.error() == errc::enoent);
  CHECK(r.value_or(-1) == -1);
  CHECK(r == unexpected(errc::enoent));
  CHECK_FALSE(r == 0L);
  CHECK(r != result<long>(unexpected(errc::eio)));
  CHECK(r == result<long>(unexpected(errc::enoent)));
}

TEST_CASE("result: value() on an error throws bad_result_access with the errno") {
  result<long> r = unexpected(errc::eacces);
  CHECK_THROWS_AS(r.value(), rawsys::bad_result_access);
  try {
    (void)r.value();
  } catch (const rawsys::bad_result_access& e) {
    CHECK(e.code() == EACCES);
    CHECK(std::string(e.what()) == "Permission denied");
  }
  result<void> v = unexpected(errc::eperm);
  CHECK_THROWS_AS(v.value(), rawsys::bad_result_access);
  result<int, int> other = unexpected(5);
  CHECK_THROWS_AS(other.value(), rawsys::bad_result_access);
}

TEST_CASE("result: and_then, transform, or_else, transform_error") {
  const result<long> ok = 10;
  const result<long> bad = unexpected(errc::ebadf);
  auto half = [](long v) -> result<long> {
    if (v % 2) return unexpected(errc::einval);
    return v / 2;
  };
  CHECK(ok.and_then(half) == 5L);
  CHECK(result<long>(3).and_then(half) == unexpected(errc::einval));
  CHECK(bad.and_then(half) == unexpected(errc::ebadf));

  CHECK(ok.transform([](long v) { return std::to_string(v); }) == std::string("10"));
  CHECK(bad.transform([](long v) { return v + 1; }) == unexpected(errc::ebadf));
  int called = 0;
  auto as_void = ok.transform([&](long) { ++called; });
  static_assert(std::is_same_v<decltype(as_void), result<void>>);
  CHECK(as_void.has_value());
  CHECK(called == 1);

  auto retry = [](errc e) -> result<long> {
    if (e == errc::ebadf) return 0L;
    return unexpected(e);
  };
  CHECK(bad.or_else(retry) == 0L);
  CHECK(ok.or_else(retry) == 10L);
  CHECK(result<long>(unexpected(errc::eio)).or_else(retry) == unexpected(errc::eio));

  auto code = bad.transform_error([](errc e) { return static_cast<int>(e); });
  static_assert(std::is_same_v<decltype(code), result<long, int>>);
  CHECK(code.error() == EBADF);
  CHECK(ok.transform_error([](errc e) { return static_cast<int>(e); }).value() == 10);
}

TEST_CASE("result: move-only values move through every member") {
  using P = std::unique_ptr<int>;
  result<P> r = std::make_unique<int>(7);
  result<P> moved = std::move(r);
  CHECK(**moved == 7);
  auto plus = std::move(moved).transform([](P p) { return *p + 1; });
  CHECK(plus == 8);
  result<P> again = std::make_unique<int>(1);
  auto chained = std::move(again).and_then([](P p) -> result<P> {
    *p += 1;
    return p;
  });
  CHECK(**chained == 2);
  result<P> fail = unexpected(errc::enomem);
  result<P> assigned = std::make_unique<int>(3);
  assigned = std::move(fail);
  CHECK(assigned.error() == errc::enomem);
  CHECK(std::move(assigned).value_or(std::make_unique<int>(9)) != nullptr);
}

TEST_CASE("result<void>") {
  result<void> ok;
  CHECK(ok.has_value());
  ok.value();
  result<void> bad = unexpected(errc::eintr);
  CHECK(bad.error() == errc::eintr);
  CHECK(bad == unexpected(errc::eintr));
  CHECK(ok.and_then([]() -> result<long> { return 1L; }) == 1L);
  CHECK(bad.and_then([]() -> result<long> { return 1L; }) == unexpected(errc::eintr));
  CHECK(ok.transform([] { return 2; }) == 2);
  CHECK(bad.or_else([](errc) -> result<void> { return {}; }).has_value());
  CHECK(bad.transform_error([](errc e) { return static_cast<int>(e); }).error() == EINTR);
}

TEST_CASE("result: the syscall result in practice") {
  auto pid = rawsys::syscall(rawsys::nr::getpid).transform([](long v) { return static_cast<int>(v); });
  CHECK(pid == static_cast<int>(::getpid()));
  auto err = rawsys::syscall(rawsys::nr::close, -1);
  CHECK(std::string_view(message(err.error())) == "Bad file descriptor");
}

#if defined(__cpp_lib_expected)
TEST_CASE("result converts to std::expected") {
  std::expected<long, errc> e = result<long>(5);
  CHECK(e.value() == 5);
  std::expected<long, errc> f = result<long>(unexpected(errc::eio));
  CHECK(f.error() == errc::eio);
  std::expected<void, errc> v = result<void>(unexpected(errc::eagain));
  CHECK(v.error() == errc::eagain);
  std::expected<std::unique_ptr<int>, errc> m = result<std::unique_ptr<int>>(std::make_unique<int>(4));
  CHECK(**m == 4);
}
#endif

TEST_CASE("result: comparisons inside test-framework expressions and across types") {
  const result<long> a = 1, b = 1, c = 2;
  const result<long> e = unexpected(errc::eio);
  CHECK(a == b);  // doctest wraps the left side: must not recurse
  CHECK(a != c);
  CHECK(a != e);
  CHECK(e == result<long>(unexpected(errc::eio)));
  const result<int> small = 1;
  CHECK(a == small);  // different value types, as std::expected allows
  CHECK(small == a);
  CHECK(a == 1);
  CHECK(a != 2L);
  CHECK(e == unexpected(errc::eio));
  CHECK(e != unexpected(errc::enoent));
  CHECK(result<void>() == result<void>());
  CHECK(result<void>(unexpected(errc::eio)) != result<void>());
}
