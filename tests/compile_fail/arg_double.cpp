#include <rawsys/syscall.hpp>
long f() { return rawsys::raw::syscall(1, 1.5); }
