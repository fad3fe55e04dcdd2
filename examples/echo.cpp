// echo(1) as coreutils does it: leading arguments made only of -n, -e, -E
// are options (-n: no newline, -e: backslash escapes, -E: none, the
// default); "--help" and "--version" alone are answered; POSIXLY_CORRECT
// allows only -n first and always interprets escapes.
#include <rawsys/start.hpp>

#include "tool.hpp"

namespace {

bool is_octal(char c) { return c >= '0' && c <= '7'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One argument with escapes; false after \c (stop all output).
bool echo_escaped(const char* s) {
  auto& out = rawsys::out;
  while (char c = *s++) {
    if (c == '\\' && *s) {
      switch (c = *s++) {
        case 'a': c = '\a'; break;
        case 'b': c = '\b'; break;
        case 'c': return false;
        case 'e': c = '\x1b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'v': c = '\v'; break;
        case 'x': {
          int h = hex_value(*s);
          if (h < 0) {  // not an escape: the backslash and the x as they are
            out.put('\\');
            break;
          }
          ++s;
          if (int l = hex_value(*s); l >= 0) {
            h = h * 16 + l;
            ++s;
          }
          c = static_cast<char>(h);
          break;
        }
        case '0':
          c = 0;
          if (!is_octal(*s)) break;
          c = *s++;
          [[fallthrough]];
        case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          unsigned v = static_cast<unsigned char>(c) - '0';
          if (is_octal(*s)) v = v * 8 + static_cast<unsigned>(*s++ - '0');
          if (is_octal(*s)) v = v * 8 + static_cast<unsigned>(*s++ - '0');
          c = static_cast<char>(v);
          break;
        }
        case '\\': break;
        default: out.put('\\'); break;
      }
    }
    out.put(c);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  const bool posixly_correct = rawsys::getenv("POSIXLY_CORRECT") != nullptr;
  const bool allow_options = !posixly_correct || (argc > 1 && tool::eq(argv[1], "-n"));
  bool escapes = false, newline = true;
  --argc, ++argv;

  if (allow_options && argc == 1) {
    if (tool::eq(argv[0], "--help")) {
      rawsys::out << "Usage: " << tool::program << " [SHORT-OPTION]... [STRING]...\n"
                  << "Echo the STRING(s) to standard output.\n\n"
                  << "  -n             do not output the trailing newline\n"
                  << "  -e             enable interpretation of backslash escapes\n"
                  << "  -E             disable interpretation of backslash escapes (default)\n";
      return tool::finish(0);
    }
    if (tool::eq(argv[0], "--version")) {
      rawsys::out << "echo (rawsys)\n";
      return tool::finish(0);
    }
  }

  if (allow_options) {
    for (; argc > 0 && argv[0][0] == '-'; --argc, ++argv) {
      const char* o = argv[0] + 1;
      if (*o == '\0') break;  // "-" is an operand
      bool all_options = true;
      for (const char* p = o; *p; ++p)
        if (*p != 'e' && *p != 'E' && *p != 'n') all_options = false;
      if (!all_options) break;
      for (; *o; ++o) {
        if (*o == 'e') escapes = true;
        else if (*o == 'E') escapes = false;
        else newline = false;
      }
    }
  }

  for (int i = 0; i < argc; ++i) {
    if (escapes || posixly_correct) {
      if (!echo_escaped(argv[i])) return tool::finish(0);
    } else {
      rawsys::out << argv[i];
    }
    if (i + 1 < argc) rawsys::out.put(' ');
  }
  if (newline) rawsys::out.put('\n');
  return tool::finish(0);
}
