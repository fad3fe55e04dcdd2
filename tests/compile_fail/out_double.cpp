// rawsys::out << 65.7 would print a char: refused.
#include <rawsys/out.hpp>
void f() { rawsys::out << 65.7; }
