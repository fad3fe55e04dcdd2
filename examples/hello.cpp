// The smallest complete program: one include for the runtime, one call.
#include <rawsys/file.hpp>
#include <rawsys/start.hpp>

int main() { return rawsys::write(rawsys::stdout_fd, "Hello, world!\n") ? 0 : 1; }
