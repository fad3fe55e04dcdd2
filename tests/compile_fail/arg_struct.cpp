#include <rawsys/syscall.hpp>
struct point { int x, y; };
long f() { return rawsys::raw::syscall(1, point{1, 2}); }
