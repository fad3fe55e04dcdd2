// runtime.hpp in a hosted program: the environment and exit come from glibc.
// (The no-libc side is tests/freestanding/runtime_test.cpp.)
#include "support.hpp"

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string_view>

extern char** environ;

TEST_CASE("runtime: environ() is libc's environment") {
  REQUIRE(::setenv("RAWSYS_RUNTIME_TEST", "value=with=equals", 1) == 0);
  CHECK(rawsys::environ() == static_cast<char* const*>(::environ));
  bool seen = false;
  for (char* const* e = rawsys::environ(); *e; ++e)
    seen |= std::string_view(*e) == "RAWSYS_RUNTIME_TEST=value=with=equals";
  CHECK(seen);
  ::unsetenv("RAWSYS_RUNTIME_TEST");
}

TEST_CASE("runtime: getenv finds what glibc's getenv finds") {
  REQUIRE(::setenv("RAWSYS_RT_SET", "1", 1) == 0);
  REQUIRE(::setenv("RAWSYS_RT_EMPTY", "", 1) == 0);
  ::unsetenv("RAWSYS_RT_UNSET");
  for (const char* name : {"RAWSYS_RT_SET", "RAWSYS_RT_EMPTY", "RAWSYS_RT_UNSET", "RAWSYS_RT", "PATH", ""}) {
    CAPTURE(name);
    const char* mine = rawsys::getenv(name);
    const char* theirs = ::getenv(name);
    CHECK(mine == theirs);  // the same string in the same environment
  }
  ::unsetenv("RAWSYS_RT_SET");
  ::unsetenv("RAWSYS_RT_EMPTY");
}

namespace {
int exit_pipe = -1;
void report_exit() { (void)!::write(exit_pipe, "atexit ran", 10); }
}  // namespace

TEST_CASE("runtime: exit_program is exit(3): handlers run, the status arrives") {
  int p[2];
  REQUIRE(::pipe(p) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(p[0]);
    exit_pipe = p[1];
    ::atexit(report_exit);
    rawsys::exit_program(37);
  }
  ::close(p[1]);
  char buf[32] = {};
  const ssize_t n = ::read(p[0], buf, sizeof buf);
  ::close(p[0]);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 37);
  CHECK(std::string_view(buf, n > 0 ? static_cast<size_t>(n) : 0) == "atexit ran");
}
