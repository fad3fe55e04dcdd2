#include <rawsys/syscall.hpp>
long f() { return rawsys::raw::syscall(1, 1, 2, 3, 4, 5, 6, 7); }
