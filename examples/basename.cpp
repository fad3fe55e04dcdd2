// basename(1) as in coreutils: NAME without its directory part and
// trailing slashes ("/" for a name of slashes only), without SUFFIX when it
// ends with it and is not all of it. -a (--multiple) takes several names,
// -s SUFFIX (implies -a) the suffix; -z ends each with NUL.
#include <rawsys/start.hpp>

#include "args.hpp"

namespace {

char end_char = '\n';

void put_base(const char* name, const char* suffix) {
  size_t n = 0;
  while (name[n]) ++n;
  size_t end = n;
  while (end > 0 && name[end - 1] == '/') --end;
  if (end == 0 && n != 0) {  // slashes only
    rawsys::out << '/' << end_char;
    return;
  }
  size_t start = end;
  while (start > 0 && name[start - 1] != '/') --start;
  if (suffix) {
    size_t s = 0;
    while (suffix[s]) ++s;
    if (s < end - start) {
      bool match = true;
      for (size_t i = 0; i < s && match; ++i) match = name[end - s + i] == suffix[i];
      if (match) end -= s;
    }
  }
  rawsys::out.write(name + start, end - start);
  rawsys::out.put(end_char);
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool multiple = false;
  const char* suffix = nullptr;
  static const char* const longs[] = {"multiple", "suffix", "zero", "help", "version"};
  int early = 1;
  const int names = tool::parse(argc, argv, "as:z\x01\x02", longs, "asz\x01\x02", 5, [&](char key, const char* arg) {
    switch (key) {
      case 'a': multiple = true; return true;
      case 's': suffix = arg; multiple = true; return true;
      case 'z': end_char = '\0'; return true;
      case tool::help: early = tool::usage("NAME [SUFFIX]\n  or:  basename OPTION... NAME...", "Print NAME with any leading directory components removed."); return false;
      default: early = tool::version_text("basename"); return false;
    }
  });
  if (names < 0) return early;
  if (names == 0) return tool::missing_operand();
  if (multiple) {
    for (int i = 1; i <= names; ++i) put_base(argv[i], suffix);
  } else {
    if (names > 2) return tool::extra_operand(argv[3]);
    put_base(argv[1], names == 2 ? argv[2] : nullptr);
  }
  return tool::finish(0);
}
