// The mode is a rawsys::mode, not any integer (0644 and O_CREAT look alike).
#include <rawsys/file.hpp>
auto f() { return rawsys::open("x", rawsys::o::wronly | rawsys::o::creat, 0644); }
