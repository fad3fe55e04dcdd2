// wc(1) as coreutils does it: -l lines, -w words (runs of printable
// non-space characters; other characters neither start nor end a word), -m
// characters, -c bytes, -L the longest line (tabs to 8 columns); by default
// -l -w -c. In the C locale a character is a byte; in a UTF-8 locale (the
// first of LC_ALL, LC_CTYPE and LANG that is set names one) it is a UTF-8
// sequence as the C library decodes it (a byte that starts none is skipped,
// not counted), with the width and printability glibc gives it
// (wcwidth.hpp) and the spaces glibc's iswspace() knows, plus the no-break
// spaces coreutils adds unless POSIXLY_CORRECT is set. Several files get a total line. Columns are
// as wide as coreutils makes them: enough for the total size of the
// regular files, at least 7 when one input is not a regular file, 1 for a
// single count of a single input.
#include <rawsys/start.hpp>
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>

#include "tool.hpp"
#include "wcwidth.hpp"

namespace {

bool print_lines, print_words, print_chars, print_bytes, print_longest, utf8, posixly_correct;
unsigned width = 1;
char buf[64 * 1024];

struct counts {
  uint64_t lines = 0, words = 0, chars = 0, bytes = 0, longest = 0;
  void add(const counts& o) {
    lines += o.lines;
    words += o.words;
    chars += o.chars;
    bytes += o.bytes;
    if (o.longest > longest) longest = o.longest;
  }
};
counts total;

void write_counts(const counts& c, const char* name) {
  auto& out = rawsys::out;
  bool first = true;
  auto field = [&](bool on, uint64_t v) {
    if (!on) return;
    if (!first) out.put(' ');
    out.dec(v, width);
    first = false;
  };
  field(print_lines, c.lines);
  field(print_words, c.words);
  field(print_chars, c.chars);
  field(print_bytes, c.bytes);
  field(print_longest, c.longest);
  if (name) out << ' ' << name;
  out.put('\n');
}

bool is_regular(const rawsys::statx_t& st) { return rawsys::s::isreg(st.mode); }

// The locale's character set, as setlocale(LC_CTYPE, "") would choose it.
bool utf8_locale() {
  static const char* const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
  const char* name = nullptr;
  for (const char* var : vars) {
    name = rawsys::getenv(var);
    if (name && *name) break;
  }
  if (!name) return false;
  for (const char* p = name; *p; ++p) {
    auto lower = [](char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch; };
    if (lower(p[0]) == 'u' && lower(p[1]) == 't' && lower(p[2]) == 'f' &&
        (p[3] == '8' || (p[3] == '-' && p[4] == '8')))
      return true;
  }
  return false;
}

// glibc's iswspace() in a UTF-8 locale, and coreutils' iswnbspace().
bool wide_space(uint32_t ch) {
  if (ch == 0x1680 || (ch >= 0x2000 && ch <= 0x2006) || (ch >= 0x2008 && ch <= 0x200a) || ch == 0x2028 ||
      ch == 0x2029 || ch == 0x205f || ch == 0x3000)
    return true;
  return !posixly_correct && (ch == 0xa0 || ch == 0x2007 || ch == 0x202f || ch == 0x2060);
}

// The counts in a UTF-8 locale: coreutils' multibyte loop, with the
// decoding of glibc's mbrtowc (up to six bytes, values to 0x7fffffff, those
// past 0x10ffff not printable; no overlong forms or surrogates; a sequence
// cut short at the end of the input is dropped).
bool count_utf8(rawsys::fd in, const char* name, counts& c) {
  bool in_word = false;
  uint64_t pos = 0;
  uint32_t cp = 0, min = 0;
  unsigned need = 0;  // continuation bytes still to come
  auto character = [&](uint32_t ch) {
    ++c.chars;
    switch (ch) {
      case '\n':
        ++c.lines;
        [[fallthrough]];
      case '\r':
      case '\f':
        if (pos > c.longest) c.longest = pos;
        pos = 0;
        c.words += in_word;
        in_word = false;
        return;
      case '\t':
        pos += 8 - pos % 8;
        c.words += in_word;
        in_word = false;
        return;
      case ' ':
        ++pos;
        [[fallthrough]];
      case '\v':
        c.words += in_word;
        in_word = false;
        return;
      default:
        if (ch < 0x80) {
          if (ch > ' ' && ch < 0x7f) ++pos, in_word = true;
          return;
        }
        const int w = ch <= 0x10ffff ? wcwidth_table::width(ch) : -1;
        if (w < 0) return;
        pos += static_cast<unsigned>(w);
        if (wide_space(ch)) {
          c.words += in_word;
          in_word = false;
        } else {
          in_word = true;
        }
    }
  };
  for (;;) {
    auto r = rawsys::retry_on_eintr([&] { return rawsys::read(in, buf, sizeof buf); });
    if (!r) {
      tool::file_error(name ? name : "-", r.error());
      c.words += in_word;
      return false;
    }
    if (*r == 0) break;
    c.bytes += *r;
    for (size_t i = 0; i < *r; ++i) {
      const unsigned char b = static_cast<unsigned char>(buf[i]);
      if (need) {
        if ((b & 0xc0) == 0x80) {
          cp = cp << 6 | (b & 0x3f);
          if (--need == 0 && cp >= min && !(cp >= 0xd800 && cp <= 0xdfff)) character(cp);
          continue;
        }
        need = 0;  // the sequence so far is skipped; this byte starts afresh
      }
      if (b < 0x80) character(b);
      else if (b >= 0xc2 && b <= 0xdf) cp = b & 0x1f, need = 1, min = 0x80;
      else if (b >= 0xe0 && b <= 0xef) cp = b & 0x0f, need = 2, min = 0x800;
      else if (b >= 0xf0 && b <= 0xf7) cp = b & 0x07, need = 3, min = 0x10000;
      else if (b >= 0xf8 && b <= 0xfb) cp = b & 0x03, need = 4, min = 0x200000;
      else if (b >= 0xfc && b <= 0xfd) cp = b & 0x01, need = 5, min = 0x4000000;
    }
  }
  if (pos > c.longest) c.longest = pos;
  c.words += in_word;
  return true;
}

// Counts one input; false after a read error (reported; the counts so far
// are still printed, as coreutils does).
bool count(rawsys::fd in, const char* name, counts& c) {
  // Only bytes: a regular file's size says it, unless the size is a whole
  // number of pages (then it may be a guess, as in /proc; read instead).
  if (print_bytes && !print_chars && !print_lines && !print_words && !print_longest) {
    rawsys::statx_t s{};
    if (rawsys::statx(in, "", rawsys::at::empty_path, rawsys::stx::basic_stats, &s) && is_regular(s) && s.size % 4096 != 0) {
      const long long pos = rawsys::lseek(in, 0, rawsys::seek::cur).value_or(-1);
      if (pos >= 0) {
        c.bytes = s.size > static_cast<uint64_t>(pos) ? s.size - static_cast<uint64_t>(pos) : 0;
        return true;
      }
    }
  }
  bool in_word = false;
  uint64_t pos = 0;
  if (utf8 && (print_chars || print_words || print_longest)) return count_utf8(in, name, c);
  for (;;) {
    auto r = rawsys::retry_on_eintr([&] { return rawsys::read(in, buf, sizeof buf); });
    if (!r) {
      tool::file_error(name ? name : "-", r.error());
      c.words += in_word;
      return false;
    }
    if (*r == 0) break;
    c.bytes += *r;
    c.chars += *r;  // one byte, one character in the C locale
    for (size_t i = 0; i < *r; ++i) {
      const unsigned char ch = static_cast<unsigned char>(buf[i]);
      switch (ch) {
        case '\n':
          ++c.lines;
          [[fallthrough]];
        case '\r':
        case '\f':
          if (pos > c.longest) c.longest = pos;
          pos = 0;
          c.words += in_word;
          in_word = false;
          break;
        case '\t':
          pos += 8 - pos % 8;
          c.words += in_word;
          in_word = false;
          break;
        case ' ':
          ++pos;
          [[fallthrough]];
        case '\v':
          c.words += in_word;
          in_word = false;
          break;
        default:
          if (ch > ' ' && ch < 0x7f) {  // printable (isprint, C locale)
            ++pos;
            in_word = true;
          }
          break;
      }
    }
  }
  if (pos > c.longest) c.longest = pos;
  c.words += in_word;
  return true;
}

bool option(char c) {
  switch (c) {
    case 'c': print_bytes = true; return true;
    case 'm': print_chars = true; return true;
    case 'l': print_lines = true; return true;
    case 'w': print_words = true; return true;
    case 'L': print_longest = true; return true;
    default: return false;
  }
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  static const char* const names[] = {"bytes", "chars", "lines", "words", "max-line-length", "help",
                                      "version", "files0-from"};
  static const char letters[] = "cmlwL";
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (a[0] != '-' || a[1] == '\0') continue;
    if (a[1] == '-') {
      if (a[2] == '\0') break;
      const int which = tool::match_long(a, names, sizeof names / sizeof *names);
      if (which < 0) return 1;
      bool has_value = false;
      for (const char* p = a; *p; ++p) has_value |= *p == '=';
      if (has_value && which != 7) {
        tool::no_argument_allowed(names[which]);
        return 1;
      }
      if (which == 5) {
        rawsys::out << "Usage: " << tool::program << " [OPTION]... [FILE]...\n"
                    << "Print newline, word, and byte counts for each FILE.\n";
        return tool::finish(0);
      }
      if (which == 6) {
        rawsys::out << "wc (rawsys)\n";
        return tool::finish(0);
      }
      if (which == 7) {
        tool::begin_error() << "option '--files0-from' is not supported";
        tool::end_error();
        tool::try_help();
        return 1;
      }
      option(letters[which]);
      continue;
    }
    for (const char* p = a + 1; *p; ++p)
      if (!option(*p)) {
        tool::invalid_option(*p);
        return 1;
      }
  }
  utf8 = utf8_locale();
  posixly_correct = rawsys::getenv("POSIXLY_CORRECT") != nullptr;
  if (!print_lines && !print_words && !print_chars && !print_bytes && !print_longest)
    print_lines = print_words = print_bytes = true;

  // The operands, in place at the front of argv.
  int nfiles = 0;
  bool after_dashes = false;
  for (int i = 1; i < argc; ++i) {
    char* a = argv[i];
    if (!after_dashes && a[0] == '-' && a[1] != '\0') {
      if (a[1] == '-' && a[2] == '\0') after_dashes = true;
      continue;
    }
    argv[nfiles++] = a;
  }
  const bool from_stdin = nfiles == 0;
  const int inputs = from_stdin ? 1 : nfiles;

  // The column width, from what stat says before anything is read.
  const int counts_asked = print_lines + print_words + print_chars + print_bytes + print_longest;
  if (!(inputs == 1 && counts_asked == 1)) {
    uint64_t regular_total = 0;
    unsigned minimum = 1;
    for (int i = 0; i < inputs; ++i) {
      rawsys::statx_t s{};
      const bool is_stdin = from_stdin || tool::eq(argv[i], "-");
      const bool ok = is_stdin ? rawsys::statx(rawsys::stdin_fd, "", rawsys::at::empty_path, rawsys::stx::basic_stats, &s).has_value()
                               : rawsys::statx(rawsys::at_fdcwd, argv[i], rawsys::at::flags(), rawsys::stx::basic_stats, &s).has_value();
      if (!ok) continue;
      if (is_regular(s))
        regular_total += s.size;
      else
        minimum = 7;
    }
    width = 1;
    for (; regular_total >= 10; regular_total /= 10) ++width;
    if (width < minimum) width = minimum;
  }

  int status = 0;
  for (int i = 0; i < inputs; ++i) {
    const char* name = from_stdin ? nullptr : argv[i];
    counts c;
    if (!name || tool::eq(name, "-")) {
      if (!count(rawsys::stdin_fd, name, c)) status = 1;
    } else {
      auto f = rawsys::openat(rawsys::at_fdcwd, name, rawsys::o::rdonly | rawsys::o::cloexec);
      if (!f) {
        tool::file_error(name, f.error());
        status = 1;
        continue;
      }
      if (!count(*f, name, c)) status = 1;
    }
    write_counts(c, name);
    total.add(c);
  }
  if (nfiles > 1) write_counts(total, "total");
  return tool::finish(status, 1, true);
}
