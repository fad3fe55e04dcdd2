#include <rawsys/syscall.hpp>
extern "C" long rawsys_codegen_getppid() { return rawsys::syscall(rawsys::nr::getppid).value_or(-1); }
