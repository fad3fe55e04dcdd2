// A program without libc (rawsys_add_tool, or the flags it uses).
#include <rawsys/file.hpp>
#include <rawsys/start.hpp>

int main() { return rawsys::write(rawsys::stdout_fd, "consumer tool\n") ? 0 : 1; }
