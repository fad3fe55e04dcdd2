// The same for result<long>: rawsys::syscall itself.
#pragma GCC diagnostic error "-Wunused-result"
#include <rawsys/syscall.hpp>
void f() { rawsys::syscall(rawsys::nr::sync); }
