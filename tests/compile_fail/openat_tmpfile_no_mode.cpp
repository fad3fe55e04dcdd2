// o::tmpfile without a mode: refused, rather than a file with mode 0000.
#include <rawsys/file.hpp>
auto f() { return rawsys::openat(rawsys::at_fdcwd, "/tmp", rawsys::o::tmpfile | rawsys::o::rdwr); }
