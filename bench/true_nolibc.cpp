// `true` with no libc: _start exits with status 0 through rawsys. Stands in
// for the examples' `true` until the library's runtime provides one.
#include <rawsys/syscall.hpp>

extern "C" [[noreturn]] void _start() {
#if defined(__i386__)
  // One call: int $0x80 directly, instead of finding __kernel_vsyscall first.
  rawsys::arch::int80::syscall1(static_cast<long>(rawsys::nr::exit_group), 0);
#else
  rawsys::raw::syscall(static_cast<long>(rawsys::nr::exit_group), 0);
#endif
  __builtin_unreachable();
}
