#include <rawsys/syscall.hpp>
long f(long long offset) { return rawsys::raw::syscall(1, offset); }
