// rawsys::out << 3.9f would print a char: refused.
#include <rawsys/out.hpp>
void f() { rawsys::out << 3.9f; }
