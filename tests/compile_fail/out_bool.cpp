// rawsys::out << true would print a char: refused.
#include <rawsys/out.hpp>
void f() { rawsys::out << true; }
