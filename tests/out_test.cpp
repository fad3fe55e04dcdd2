// rawsys::writer (out.hpp): numbers and text as printf writes them, buffering
// in order, and write errors kept as glibc's write(2) reports them.
#include "support.hpp"

#include <rawsys/out.hpp>

#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include <string>
#include <string_view>

namespace {

struct pipe_fds {
  int r = -1, w = -1;
  pipe_fds() {
    int p[2];
    REQUIRE(::pipe(p) == 0);
    r = p[0];
    w = p[1];
  }
  ~pipe_fds() {
    if (r >= 0) ::close(r);
    if (w >= 0) ::close(w);
  }
  std::string drain() {
    ::close(w);
    w = -1;
    std::string s;
    char buf[4096];
    for (ssize_t n; (n = ::read(r, buf, sizeof buf)) > 0;) s.append(buf, static_cast<size_t>(n));
    return s;
  }
};

template <class F>
std::string written(F&& f) {
  pipe_fds p;
  {
    rawsys::buffered_writer<64> w(rawsys::fd(p.w));
    f(w);
  }  // the destructor flushes
  return p.drain();
}

std::string printf_string(const char* fmt, auto... v) {
  char buf[128];
  const int n = ::snprintf(buf, sizeof buf, fmt, v...);
  return std::string(buf, static_cast<size_t>(n));
}

}  // namespace

TEST_CASE("out: decimal numbers of every width, as printf prints them") {
  const int64_t s64[] = {0, 1, -1, 9, 10, -10, 1234567890, INT64_MAX, INT64_MIN, INT32_MIN, 4294967296};
  for (int64_t v : s64) CHECK(written([&](auto& w) { w << v; }) == printf_string("%lld", static_cast<long long>(v)));
  const uint64_t u64[] = {0, 9, 10, 99, 100, 4294967295u, 4294967296u, 10000000000000000000u, UINT64_MAX};
  for (uint64_t v : u64)
    CHECK(written([&](auto& w) { w << v; }) == printf_string("%llu", static_cast<unsigned long long>(v)));
  CHECK(written([](auto& w) { w << short{-7} << ' ' << static_cast<unsigned short>(65535) << ' ' << 42L; }) ==
        "-7 65535 42");
  CHECK(written([](auto& w) { w.dec(5, 4, '0').put('|').dec(-5, 4).put('|').dec(123456u, 3); }) ==
        printf_string("%04d|%4d|%3u", 5, -5, 123456u));
  CHECK(written([](auto& w) { w.dec(-5, 5, '0').put('|').dec(-123, 2, '0').put('|').dec(0, 0); }) ==
        printf_string("%05d|%02d|%d", -5, -123, 0));
}

TEST_CASE("out: 64-bit division by ten without libgcc matches the compiler's") {
  uint64_t x = 0x9e3779b97f4a7c15u;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const uint64_t v = i % 3 == 0 ? (x >> (i % 64)) : x;
    uint64_t q = v;
    const unsigned r = rawsys::detail::divmod10(q);
    REQUIRE(q == v / 10);
    REQUIRE(r == v % 10);
  }
}

TEST_CASE("out: hex, characters and strings") {
  CHECK(written([](auto& w) { w.hex(0); }) == "0");
  CHECK(written([](auto& w) { w.hex(0xdeadbeefcafeu); }) == "deadbeefcafe");
  CHECK(written([](auto& w) { w.hex(0xab, 6); }) == printf_string("%06x", 0xab));
  CHECK(written([](auto& w) { w.hex(UINT64_MAX); }) == "ffffffffffffffff");
  CHECK(written([](auto& w) { w.hex(0x1234, 20); }) == printf_string("%020x", 0x1234));
  CHECK(written([](auto& w) { w << "abc" << 'd' << static_cast<const char*>(nullptr); }) == "abcd(null)");
  const std::string long_text(1000, 'x');
  CHECK(written([&](auto& w) { w << long_text.c_str(); }) == long_text);
  CHECK(written([](auto& w) { w.write(rawsys::const_buffer("a\0b", 3)); }) == std::string("a\0b", 3));
}

TEST_CASE("out: string views, strings and errc names") {
  using namespace std::string_literals;
  CHECK(written([](auto& w) { w << std::string_view("view|") << "str\0ing"s << '|' << rawsys::errc::enoent; }) ==
        "view|str\0ing|ENOENT"s);
  CHECK(written([](auto& w) { w << std::string_view("abc", 2) << rawsys::errc::eintr; }) == "abEINTR");
}

TEST_CASE("out: a line-buffered writer (rawsys::err) writes each line as it ends") {
  pipe_fds p;
  char buf[64];
  rawsys::writer w(rawsys::fd(p.w), buf, sizeof buf, rawsys::writer::buffering::line);
  w << "one " << 1;
  CHECK(w.buffered() == 5);
  w << '\n';
  CHECK(w.buffered() == 0);
  w << "two\nthr";
  CHECK(w.buffered() == 0);  // the write that held a newline went out whole
  w.put('e').put('e').put('\n');
  CHECK(w.buffered() == 0);
  CHECK(p.drain() == "one 1\ntwo\nthree\n");
}

TEST_CASE("out: output stays in the buffer until it is full or flushed, in order") {
  pipe_fds p;
  ::fcntl(p.r, F_SETFL, O_NONBLOCK);
  char buf[8];
  rawsys::writer w(rawsys::fd(p.w), buf, sizeof buf);
  w << "abc";
  CHECK(w.buffered() == 3);
  char got[64];
  CHECK(::read(p.r, got, sizeof got) == -1);  // nothing written yet
  w << "defghijklmnop";  // 16 bytes in all: one buffer written, the next one full
  CHECK(w.buffered() == 8);
  CHECK(::read(p.r, got, sizeof got) == 8);
  CHECK(std::string(got, 8) == "abcdefgh");
  w << 'q';  // no room: the full buffer goes first
  CHECK(w.buffered() == 1);
  CHECK(w.flush().has_value());
  CHECK(w.buffered() == 0);
  CHECK(::read(p.r, got, sizeof got) == 9);
  CHECK(std::string(got, 9) == "ijklmnopq");
  CHECK(w.descriptor() == rawsys::fd(p.w));
}

TEST_CASE("out: a write error is kept and reported, as glibc's write reports it") {
  const int full = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  REQUIRE(full >= 0);
  char buf[16];
  rawsys::writer w(rawsys::fd(full), buf, sizeof buf);
  w << "hello";
  CHECK(w.status().has_value());  // nothing attempted yet
  const auto first = w.flush();
  CHECK(first == rawsys_test::glibc(::write(full, "hello", 5)).transform([](long) {}));
  REQUIRE(!first);
  CHECK(first.error() == rawsys::errc::enospc);
  w << "more";  // dropped; the first error stays
  CHECK(w.flush().error() == rawsys::errc::enospc);
  CHECK(w.status().error() == rawsys::errc::enospc);
  ::close(full);

  // A pipe with no reader: EPIPE (with SIGPIPE ignored, as a tool may).
  pipe_fds p;
  ::close(p.r);
  p.r = -1;
  struct sigaction ign {}, old {};
  ign.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ign, &old);
  rawsys::writer pw(rawsys::fd(p.w), buf, sizeof buf);
  pw << "x";
  const auto r = pw.flush();
  const auto want = rawsys_test::glibc(::write(p.w, "x", 1));
  ::sigaction(SIGPIPE, &old, nullptr);
  REQUIRE(!r);
  CHECK(r.error() == want.error());
  CHECK(r.error() == rawsys::errc::epipe);
}
