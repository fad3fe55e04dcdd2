// The no-libc runtime refuses position-independent code (a static-pie
// build), naming the flag.
#include <rawsys/start.hpp>
int main() { return 0; }
