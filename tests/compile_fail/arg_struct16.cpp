// A 16-byte struct by value: one message, not one about 64-bit integers.
#include <rawsys/syscall.hpp>
struct pair { long a, b; };
long f() { return *rawsys::syscall(rawsys::nr::getpid, pair{1, 2}); }
