// The no-libc runtime refuses a build with exceptions, naming the flag.
#include <rawsys/start.hpp>
int main() { return 0; }
