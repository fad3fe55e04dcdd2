// A std::string is not a system call argument (its c_str() is).
#include <rawsys/syscall.hpp>
#include <string>
long f() {
  std::string path = "/tmp";
  return *rawsys::syscall(rawsys::nr::chdir, path);
}
