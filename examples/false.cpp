// false(1): does nothing, unsuccessfully. Arguments are ignored.
#include <rawsys/start.hpp>

int main() { return 1; }
