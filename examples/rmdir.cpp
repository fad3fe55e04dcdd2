// rmdir(1) as in coreutils: removes each empty DIRECTORY. -p then removes
// its parents as written ("a/b/c": a/b, then a), stopping at the first that
// fails; --ignore-fail-on-non-empty keeps quiet about a directory that is
// not empty; -v says "removing directory" before each.
#include <rawsys/fs.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"

namespace {

using rawsys::errc;

bool verbose = false, ignore_non_empty = false;

bool non_empty(errc e) { return e == errc::enotempty || e == errc::eexist; }

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool parents = false;
  static const char* const longs[] = {"ignore-fail-on-non-empty", "parents", "verbose", "help", "version"};
  int early = 1;
  const int dirs = tool::parse(argc, argv, "pv\x03\x01\x02", longs, "\x03pv\x01\x02", 5, [&](char key, const char*) {
    switch (key) {
      case '\x03': ignore_non_empty = true; return true;
      case 'p': parents = true; return true;
      case 'v': verbose = true; return true;
      case tool::help: early = tool::usage("[OPTION]... DIRECTORY...", "Remove the DIRECTORY(ies), if they are empty."); return false;
      default: early = tool::version_text("rmdir"); return false;
    }
  });
  if (dirs < 0) return early;
  if (dirs == 0) return tool::missing_operand();

  int status = 0;
  for (int i = 1; i <= dirs; ++i) {
    char* path = argv[i];
    if (verbose) {
      tool::put_quoteaf(rawsys::out << tool::program << ": removing directory, ", path);
      rawsys::out << '\n';
    }
    auto r = rawsys::unlinkat(rawsys::at_fdcwd, path, rawsys::at::removedir);
    if (!r) {
      if (!(ignore_non_empty && non_empty(r.error()))) {
        tool::put_quoteaf(tool::begin_error() << "failed to remove ", path);
        rawsys::err << ": " << message(r.error());
        tool::end_error();
        status = 1;
      }
      continue;
    }
    if (!parents) continue;
    // The parents as written: the last component and the slashes before
    // it dropped, again and again.
    size_t n = 0;
    while (path[n]) ++n;
    while (n > 1 && path[n - 1] == '/') --n;
    for (;;) {
      while (n > 0 && path[n - 1] != '/') --n;  // the component
      while (n > 0 && path[n - 1] == '/') --n;  // the slashes before it
      if (n == 0) break;
      path[n] = '\0';
      if (verbose) {
        tool::put_quoteaf(rawsys::out << tool::program << ": removing directory, ", path);
        rawsys::out << '\n';
      }
      auto p = rawsys::unlinkat(rawsys::at_fdcwd, path, rawsys::at::removedir);
      if (!p) {
        if (!(ignore_non_empty && non_empty(p.error()))) {
          tool::put_quoteaf(tool::begin_error() << "failed to remove directory ", path);
          rawsys::err << ": " << message(p.error());
          tool::end_error();
          status = 1;
        }
        break;
      }
    }
  }
  return tool::finish(status);
}
