// dirname(1) as in coreutils: each NAME without its last component and the
// slashes around it ("." when nothing is left, "/" for the root); -z ends
// each with NUL.
#include <rawsys/start.hpp>

#include "args.hpp"

int main(int argc, char** argv) {
  tool::program = argv[0];
  char end_char = '\n';
  static const char* const longs[] = {"zero", "help", "version"};
  int early = 1;
  const int names = tool::parse(argc, argv, "z\x01\x02", longs, "z\x01\x02", 3, [&](char key, const char*) {
    switch (key) {
      case 'z': end_char = '\0'; return true;
      case tool::help: early = tool::usage("[OPTION] NAME...", "Output each NAME with its last non-slash component and trailing slashes removed."); return false;
      default: early = tool::version_text("dirname"); return false;
    }
  });
  if (names < 0) return early;
  if (names == 0) return tool::missing_operand();
  for (int i = 1; i <= names; ++i) {
    const char* name = argv[i];
    size_t n = 0;
    while (name[n]) ++n;
    while (n > 1 && name[n - 1] == '/') --n;      // trailing slashes
    while (n > 0 && name[n - 1] != '/') --n;      // the last component
    while (n > 1 && name[n - 1] == '/') --n;      // the slashes before it
    if (n == 0) rawsys::out.put('.');
    else rawsys::out.write(name, n);
    rawsys::out.put(end_char);
  }
  return tool::finish(0);
}
