// A hosted program using rawsys, built with the user's own warnings and
// standard (RAWSYS_EXPECT_CXX23: the package must not turn C++23 into C++20).
#include <rawsys/rawsys.hpp>

#if defined(RAWSYS_EXPECT_CXX23)
static_assert(__cplusplus > 202002L, "the package changed the C++ standard");
#endif

int main() {
  auto pid = rawsys::syscall(rawsys::nr::getpid);
  return pid && *pid == rawsys::getpid() ? 0 : 1;
}
