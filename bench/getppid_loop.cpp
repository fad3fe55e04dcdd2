// The syscall-heavy command of the tracing benchmark: 100,000 getppid calls,
// then exit_group, with no libc (so the count is exactly what the loop makes
// and start-up adds nothing). tools/bench.sh times it untraced and under
// each tracer.
#include <rawsys/syscall.hpp>

extern "C" [[noreturn]] void _start() {
  for (int i = 0; i < 100000; ++i) {
    const long r = rawsys::raw::syscall(static_cast<long>(rawsys::nr::getppid));
    __asm__ volatile("" : : "r"(r) : "memory");
  }
  rawsys::raw::syscall(static_cast<long>(rawsys::nr::exit_group), 0);
  __builtin_unreachable();
}
