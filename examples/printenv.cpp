// printenv(1) as in coreutils: the whole environment (NAME=VALUE a line),
// or the value of each VARIABLE, status 1 when one is not set (or holds
// '='); -0 ends each with NUL. Usage errors are status 2.
#include <rawsys/start.hpp>

#include "args.hpp"

int main(int argc, char** argv, char** envp) {
  tool::program = argv[0];
  char end_char = '\n';
  static const char* const longs[] = {"null", "help", "version"};
  int early = 2;
  const int names = tool::parse(argc, argv, "0\x01\x02", longs, "0\x01\x02", 3, [&](char key, const char*) {
    switch (key) {
      case '0': end_char = '\0'; return true;
      case tool::help: early = tool::usage("[OPTION]... [VARIABLE]...", "Print the values of the specified environment VARIABLE(s)."); return false;
      default: early = tool::version_text("printenv"); return false;
    }
  });
  if (names < 0) return early;
  if (names == 0) {
    for (char** e = envp; *e; ++e) rawsys::out << *e << end_char;
    return tool::finish(0, 2);
  }
  int matched = 0;
  for (int i = 1; i <= names; ++i) {
    const char* name = argv[i];
    bool has_eq = false;
    for (const char* p = name; *p; ++p) has_eq |= *p == '=';
    if (has_eq) continue;
    bool found = false;
    for (char** e = envp; *e; ++e) {
      const char* v = *e;
      const char* n = name;
      while (*n && *v == *n) ++v, ++n;
      if (*n == '\0' && *v == '=') {
        rawsys::out << v + 1 << end_char;
        found = true;
      }
    }
    matched += found;
  }
  return tool::finish(matched == names ? 0 : 1, 2);
}
