// true(1): does nothing, successfully. Arguments are ignored, as in coreutils
// (which prints help for a lone --help; this one has none to print).
#include <rawsys/start.hpp>

int main() { return 0; }
