#include <rawsys/rawsys.hpp>
int main() { return rawsys::syscall(rawsys::nr::getpid).value() > 0 ? 0 : 1; }
