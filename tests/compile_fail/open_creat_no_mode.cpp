// o::creat without a mode: refused, rather than a file with mode 0000.
#include <rawsys/file.hpp>
auto f() { return rawsys::open("x", rawsys::o::wronly | rawsys::o::creat); }
