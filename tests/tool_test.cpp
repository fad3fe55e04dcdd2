// <rawsys/tool.hpp>: the helpers of command-line tools. Messages are checked
// as coreutils writes them (the tools' own comparisons, tests/tools/, run the
// built tools against coreutils).
#include <rawsys/tool.hpp>

#include "support.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <stdint.h>
#include <unistd.h>

#include <string>

namespace {

using rawsys::errc;
namespace tool = rawsys::tool;

// What f writes to fd 2 (rawsys::err) and to a writer of its own.
template <class F>
std::string captured_stderr(F&& f) {
  int p[2];
  REQUIRE(::pipe(p) == 0);
  (void)rawsys::err.flush();
  const int saved = ::dup(2);
  ::dup2(p[1], 2);
  f();
  (void)rawsys::err.flush();
  ::dup2(saved, 2);
  ::close(saved);
  ::close(p[1]);
  std::string s;
  char buf[512];
  for (ssize_t n; (n = ::read(p[0], buf, sizeof buf)) > 0;) s.append(buf, static_cast<size_t>(n));
  ::close(p[0]);
  return s;
}

}  // namespace

TEST_CASE("tool: write_all writes everything, or says why not") {
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  CHECK(tool::write_all(rawsys::fd(p[1]), "abc", 3));
  char buf[8];
  CHECK(::read(p[0], buf, sizeof buf) == 3);
  // More than a pipe holds, with nobody reading: EPIPE (SIGPIPE ignored here).
  ::close(p[0]);
  const std::string big(200000, 'x');
  void (*old)(int) = ::signal(SIGPIPE, SIG_IGN);
  CHECK(tool::write_all(rawsys::fd(p[1]), big.data(), big.size()).error() == errc::epipe);
  ::signal(SIGPIPE, old);
  ::close(p[1]);
  CHECK(tool::write_all(rawsys::fd(-1), "x", 1).error() == errc::ebadf);
  CHECK(tool::write_all(rawsys::fd(-1), "", 0));  // nothing to write: no call
}

TEST_CASE("tool: write_all of more than a pipe holds, while it is read") {
  // A pipe of one page, written by write_all while a child process drains it.
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  ::fcntl(p[1], F_SETPIPE_SZ, 4096);
  const std::string big(100000, 'y');
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(p[1]);
    size_t total = 0;
    char buf[1000];
    for (ssize_t n; (n = ::read(p[0], buf, sizeof buf)) > 0;) total += static_cast<size_t>(n);
    ::_exit(total == 100000 ? 0 : 1);
  }
  ::close(p[0]);
  CHECK(tool::write_all(rawsys::fd(p[1]), big.data(), big.size()));
  ::close(p[1]);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(status == 0);
}

TEST_CASE("tool: parse_unsigned and parse_int take whole decimal arguments") {
  CHECK(tool::parse_unsigned("0") == 0u);
  CHECK(tool::parse_unsigned("+42") == 42u);
  CHECK(tool::parse_unsigned("18446744073709551615") == UINT64_MAX);
  CHECK(tool::parse_unsigned("18446744073709551616").error() == errc::erange);
  CHECK(tool::parse_unsigned("99999999999999999999999").error() == errc::erange);
  for (const char* bad : {"", "-1", "1x", " 1", "x", "+", "++1"})
    CHECK(tool::parse_unsigned(bad).error() == errc::einval);
  CHECK(tool::parse_int("-9223372036854775808") == INT64_MIN);
  CHECK(tool::parse_int("9223372036854775807") == INT64_MAX);
  CHECK(tool::parse_int("+7") == 7);
  CHECK(tool::parse_int("-0") == 0);
  CHECK(tool::parse_int("9223372036854775808").error() == errc::erange);
  CHECK(tool::parse_int("-9223372036854775809").error() == errc::erange);
  for (const char* bad : {"", "-", "--1", "-+1", "1 ", "0x10"}) CHECK(tool::parse_int(bad).error() == errc::einval);
}

TEST_CASE("tool: messages in the coreutils format") {
  tool::program = "prog";
  CHECK(captured_stderr([] { tool::error("write error", errc::enospc); }) ==
        "prog: write error: No space left on device\n");
  CHECK(captured_stderr([] { tool::file_error("a b", errc::enoent); }) == "prog: 'a b': No such file or directory\n");
  CHECK(captured_stderr([] { tool::file_error("plain", errc::eacces); }) == "prog: plain: Permission denied\n");
  CHECK(captured_stderr([] { tool::file_error("it's", errc::eisdir); }) == "prog: \"it's\": Is a directory\n");
  CHECK(captured_stderr([] { tool::file_error("a\nb", errc::enoent); }) ==
        "prog: 'a'$'\\n''b': No such file or directory\n");
  CHECK(captured_stderr([] { tool::invalid_option('z'); }) ==
        "prog: invalid option -- 'z'\nTry 'prog --help' for more information.\n");
}

TEST_CASE("tool: long options matched as getopt_long matches them") {
  tool::program = "prog";
  const char* const names[] = {"help", "version", "verbose"};
  CHECK(tool::match_long("--help", names, 3) == 0);
  CHECK(tool::match_long("--he", names, 3) == 0);
  CHECK(tool::match_long("--version=x", names, 3) == 1);
  CHECK(tool::match_long("--verb", names, 3) == 2);
  std::string said;
  said = captured_stderr([&] { CHECK(tool::match_long("--ver", names, 3) == -1); });
  CHECK(said == "prog: option '--ver' is ambiguous; possibilities: '--version' '--verbose'\n"
                "Try 'prog --help' for more information.\n");
  said = captured_stderr([&] { CHECK(tool::match_long("--nope", names, 3) == -1); });
  CHECK(said == "prog: unrecognized option '--nope'\nTry 'prog --help' for more information.\n");
}
