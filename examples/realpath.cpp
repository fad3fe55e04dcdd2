// realpath(1) as in coreutils: the canonical absolute name of each FILE
// (examples/paths.hpp): all but the last component existing, or all (-e),
// or none (-m); -s (--strip, --no-symlinks) leaves symbolic links as they
// are; -L resolves ".." before the links, -P (the default) after; -q keeps
// quiet about failures; -z ends each name with NUL.
#include <rawsys/start.hpp>

#include "args.hpp"
#include "paths.hpp"

int main(int argc, char** argv) {
  tool::program = argv[0];
  tool::must_exist mode = tool::must_exist::all_but_last;
  bool resolve = true, logical = false, quiet = false;
  char end_char = '\n';
  static const char* const longs[] = {"canonicalize-existing", "canonicalize-missing", "logical", "physical", "quiet",
                                      "strip", "no-symlinks", "zero", "help", "version"};
  int early = 1;
  const int n = tool::parse(argc, argv, "emLPqsz\x01\x02", longs, "emLPqssz\x01\x02", 10, [&](char key, const char*) {
    switch (key) {
      case 'e': mode = tool::must_exist::all; return true;
      case 'm': mode = tool::must_exist::none; return true;
      case 'L': logical = true; return true;
      case 'P': logical = false; return true;
      case 'q': quiet = true; return true;
      case 's': resolve = false; return true;
      case 'z': end_char = '\0'; return true;
      case tool::help: early = tool::usage("[OPTION]... FILE...", "Print the resolved absolute file name;"); return false;
      default: early = tool::version_text("realpath"); return false;
    }
  });
  if (n < 0) return early;
  if (n == 0) return tool::missing_operand();
  int status = 0;
  static char buf[8192];
  for (int i = 1; i <= n; ++i) {
    auto r = tool::canonicalize(argv[i], mode, resolve, logical || !resolve, buf, sizeof buf);
    if (!r) {
      if (!quiet) tool::file_error(argv[i], r.error());
      status = 1;
      continue;
    }
    rawsys::out << buf << end_char;
  }
  return tool::finish(status);
}
