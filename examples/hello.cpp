// The smallest complete program: one include for the runtime, one call.
#include <rawsys/start.hpp>

int main() {
  static const char msg[] = "Hello, world!\n";
  return rawsys::syscall(rawsys::nr::write, 1, msg, sizeof msg - 1) ? 0 : 1;
}
