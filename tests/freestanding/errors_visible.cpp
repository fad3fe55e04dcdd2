// Errors that end a program are seen: built without exceptions, hosted and
// without libc (RAWSYS_TEST_NOLIBC). rawsys::err is line-buffered, so its
// line reaches fd 2 before the trap; value() on an error writes its own line,
// then traps. check_errors_visible.py reads stderr and the signal.
#include <rawsys/file.hpp>
#include <rawsys/out.hpp>
#if defined(RAWSYS_TEST_NOLIBC)
#include <rawsys/start.hpp>
#endif

int main(int argc, char** argv) {
  (void)argv;
  rawsys::out << "buffered, never flushed\n";  // lost with the trap: out is fully buffered
  rawsys::err << "line from err " << argc << '\n';
  rawsys::err << "partial";  // no newline yet: still buffered
  auto f = rawsys::open("/nonexistent/rawsys-test", rawsys::o::rdonly);
  return f.value().get() >= 0 ? 0 : 1;
}
