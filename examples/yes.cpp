// yes(1) as in coreutils: its operands joined by spaces ("y" without any),
// one a line, for ever; a buffer of whole copies written over and over. It
// ends on a write error (status 1; SIGPIPE ends it first where it is not
// ignored).
#include <rawsys/file.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"

namespace {
char buf[16 * 1024];
}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  static const char* const longs[] = {"help", "version"};
  int early = 1;
  const int words = tool::parse(argc, argv, "\x01\x02", longs, "\x01\x02", 2, [&](char key, const char*) {
    early = key == tool::help ? tool::usage("[STRING]...", "Repeatedly output a line with all specified STRING(s), or 'y'.")
                              : tool::version_text("yes");
    return false;
  });
  if (words < 0) return early;

  // One line; then as many copies as fit, so each write carries many.
  size_t n = 0;
  bool fits = true;
  if (words == 0) {
    buf[n++] = 'y';
  } else {
    for (int i = 1; i <= words && fits; ++i) {
      for (const char* p = argv[i]; *p && fits; ++p) {
        if (n + 1 >= sizeof buf) fits = false;
        else buf[n++] = *p;
      }
      if (fits) buf[n++] = i == words ? '\n' : ' ';
    }
    --n;
  }
  buf[n++] = '\n';
  if (fits) {
    const size_t line = n;
    while (n + line <= sizeof buf)
      for (size_t i = 0; i < line; ++i) buf[n++] = buf[i];
    for (;;)
      if (auto w = tool::write_all(rawsys::stdout_fd, buf, n); !w) {
        tool::error("standard output", w.error());
        return 1;
      }
  }
  // A line longer than the buffer: written piece by piece.
  for (;;)
    for (int i = 1; i <= words; ++i) {
      rawsys::out << argv[i];
      rawsys::out.put(i == words ? '\n' : ' ');
      if (auto s = rawsys::out.status(); !s) {
        tool::error("standard output", s.error());
        return 1;
      }
    }
}
