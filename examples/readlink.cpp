// readlink(1) as in coreutils: what each symbolic link FILE holds, or with
// -f (-e, -m) the canonical name of FILE, all of it but the last component
// (all of it, none of it) existing (examples/paths.hpp). Failures are
// silent (status 1) unless -v; -n drops the newline (for one FILE only),
// -z writes NUL instead.
#include <rawsys/fs.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "paths.hpp"

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool canonical = false, no_newline = false, verbose = false;
  tool::must_exist mode = tool::must_exist::all_but_last;
  char end_char = '\n';
  static const char* const longs[] = {"canonicalize", "canonicalize-existing", "canonicalize-missing", "no-newline",
                                      "quiet", "silent", "verbose", "zero", "help", "version"};
  int early = 1;
  const int n = tool::parse(argc, argv, "efmnqsvz\x01\x02", longs, "femnqsvz\x01\x02", 10, [&](char key, const char*) {
    switch (key) {
      case 'f': canonical = true; mode = tool::must_exist::all_but_last; return true;
      case 'e': canonical = true; mode = tool::must_exist::all; return true;
      case 'm': canonical = true; mode = tool::must_exist::none; return true;
      case 'n': no_newline = true; return true;
      case 'q': case 's': verbose = false; return true;
      case 'v': verbose = true; return true;
      case 'z': end_char = '\0'; return true;
      case tool::help: early = tool::usage("[OPTION]... FILE...", "Print value of a symbolic link or canonical file name"); return false;
      default: early = tool::version_text("readlink"); return false;
    }
  });
  if (n < 0) return early;
  if (n == 0) return tool::missing_operand();
  if (no_newline && n > 1) {
    tool::begin_error() << "ignoring --no-newline with multiple arguments";
    tool::end_error();
    no_newline = false;
  }
  int status = 0;
  static char buf[8192];
  for (int i = 1; i <= n; ++i) {
    rawsys::result<void> r;
    if (canonical) {
      r = tool::canonicalize(argv[i], mode, true, false, buf, sizeof buf);
    } else {
      auto l = rawsys::readlinkat(rawsys::at_fdcwd, argv[i], buf, sizeof buf - 1);
      if (l) buf[*l] = '\0';
      else r = rawsys::unexpected(l.error());
    }
    if (!r) {
      if (verbose) tool::file_error(argv[i], r.error());
      status = 1;
      continue;
    }
    rawsys::out << buf;
    if (!no_newline) rawsys::out.put(end_char);
  }
  return tool::finish(status);
}
