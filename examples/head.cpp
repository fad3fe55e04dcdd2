// head(1) as in coreutils: the first 10 lines (-n N) or N bytes (-c N) of
// each FILE ("-" or none: standard input); with a leading '-' (-n -N,
// -c -N) all but the last N. -q never and -v always print "==> FILE <=="
// headers (by default only for several files), -z ends lines with NUL.
// The obsolete "-N[bcklmqvz]" form as the first argument. Counts take
// coreutils' suffixes (b, K, kB, KiB, M, ...). A regular file or a seekable
// standard input is left positioned just after what was printed, so that
// the next reader of a shared descriptor starts there.
#include <rawsys/file.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "membuf.hpp"

namespace {

using rawsys::errc;

bool count_lines = true, elide = false;
uint64_t count = 10;
char line_end = '\n';
char buf[64 * 1024];

[[noreturn]] void write_failed(errc e) {
  tool::begin_error() << "error writing 'standard output': " << message(e);
  tool::end_error();
  rawsys::exit_program(1);
}

void emit(const char* p, size_t n) {
  rawsys::out.write(p, n);
  if (auto s = rawsys::out.status(); !s) write_failed(s.error());
}

void read_error(const char* name, errc e) {
  tool::put_quoteaf(tool::begin_error() << "error reading ", name);
  rawsys::err << ": " << message(e);
  tool::end_error();
}

rawsys::result<size_t> fill(rawsys::fd in, char* p, size_t n) {
  return rawsys::retry_on_eintr([&] { return rawsys::read(in, p, n); });
}

bool out_of_memory() {
  tool::begin_error() << "memory exhausted";
  tool::end_error();
  return false;
}

// The first `count` bytes or lines; the input is then put back after them
// where it can be (a seekable descriptor), as coreutils does.
bool head_first(rawsys::fd in, const char* name) {
  uint64_t left = count;
  while (left != 0) {
    auto r = fill(in, buf, sizeof buf);
    if (!r) {
      read_error(name, r.error());
      return false;
    }
    if (*r == 0) return true;
    size_t n = *r;
    if (!count_lines) {
      if (n > left) n = static_cast<size_t>(left);
      left -= n;
    } else {
      size_t i = 0;
      while (i < n && left != 0)
        if (buf[i++] == line_end) --left;
      n = i;
    }
    emit(buf, n);
    if (n < *r) (void)rawsys::lseek(in, -static_cast<int64_t>(*r - n), rawsys::seek::cur);
  }
  return true;
}

// All but the last `count` bytes: what is read is held until more than
// `count` bytes follow it.
bool head_elide_bytes(rawsys::fd in, const char* name) {
  tool::held h;
  for (;;) {
    if (!h.reserve(h.size + sizeof buf)) return out_of_memory();
    auto r = fill(in, h.data + h.size, sizeof buf);
    if (!r) {
      read_error(name, r.error());
      return false;
    }
    if (*r == 0) return true;
    h.size += *r;
    if (h.size > count) {
      const auto n = static_cast<size_t>(h.size - count);
      emit(h.data, n);
      h.drop_front(n);
    }
  }
}

// All but the last `count` lines (an unterminated last line counts as one).
bool head_elide_lines(rawsys::fd in, const char* name) {
  tool::held h;
  uint64_t ends = 0;  // line ends held
  for (;;) {
    if (!h.reserve(h.size + sizeof buf)) return out_of_memory();
    auto r = fill(in, h.data + h.size, sizeof buf);
    if (!r) {
      read_error(name, r.error());
      return false;
    }
    if (*r == 0) break;
    for (size_t i = h.size; i < h.size + *r; ++i) ends += h.data[i] == line_end;
    h.size += *r;
    if (ends > count) {
      uint64_t release = ends - count;
      size_t i = 0;
      while (release != 0)
        if (h.data[i++] == line_end) --release;
      emit(h.data, i);
      h.drop_front(i);
      ends = count;
    }
  }
  // An unterminated last line is one of the lines to leave out.
  const bool partial = h.size != 0 && h.data[h.size - 1] != line_end;
  uint64_t keep = ends + partial;
  if (keep <= count) return true;
  uint64_t release = keep - count;
  if (release > ends) {  // every line goes, the unterminated one too
    emit(h.data, h.size);
    return true;
  }
  size_t i = 0;
  while (release != 0)
    if (h.data[i++] == line_end) --release;
  emit(h.data, i);
  return true;
}

bool set_count(const char* arg, bool lines) {
  count_lines = lines;
  elide = *arg == '-';
  auto v = tool::parse_count(elide ? arg + 1 : arg, "bkKmMGTPEZY0");
  if (!v) {
    tool::bad_number(lines ? "invalid number of lines" : "invalid number of bytes", elide ? arg + 1 : arg, v.error());
    return false;
  }
  count = *v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  enum { auto_headers, never, always } headers = auto_headers;

  // The obsolete form: "-N" then letters, as the first argument only.
  if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
    char* a = argv[1] + 1;
    char digits[32];
    unsigned n = 0;
    for (; *a >= '0' && *a <= '9'; ++a)
      if (n + 2 < sizeof digits) digits[n++] = *a;
    char multiplier = 0;
    for (; *a; ++a) {
      switch (*a) {
        case 'c': count_lines = false; multiplier = 0; break;
        case 'b': case 'k': case 'm': count_lines = false; multiplier = *a; break;
        case 'l': count_lines = true; break;
        case 'q': headers = never; break;
        case 'v': headers = always; break;
        case 'z': line_end = '\0'; break;
        default:
          tool::begin_error() << "invalid trailing option -- " << *a;
          tool::end_error();
          tool::try_help();
          return 1;
      }
    }
    if (multiplier) digits[n++] = multiplier;
    digits[n] = '\0';
    if (!set_count(digits, count_lines)) return 1;
    argv[1] = argv[0];
    ++argv;
    --argc;
  }

  static const char* const longs[] = {"bytes", "lines", "quiet", "silent", "verbose", "zero-terminated", "help", "version"};
  int status = 0, early = 1;
  const int files = tool::parse(argc, argv, "c:n:qvz0123456789\x01\x02", longs, "cnqqvz\x01\x02", 8,
                                [&](char key, const char* arg) {
    switch (key) {
      case 'c': return set_count(arg, false);
      case 'n': return set_count(arg, true);
      case 'q': headers = never; return true;
      case 'v': headers = always; return true;
      case 'z': line_end = '\0'; return true;
      case tool::help: early = tool::usage("[OPTION]... [FILE]...", "Print the first 10 lines of each FILE to standard output."); return false;
      case tool::version: early = tool::version_text("head"); return false;
      default:
        tool::begin_error() << "invalid trailing option -- " << key;
        tool::end_error();
        tool::try_help();
        return false;
    }
  });
  if (files < 0) return early;

  const int total = files == 0 ? 1 : files;
  const bool show = headers == always || (headers == auto_headers && total > 1);
  bool first = true;
  for (int i = 0; i < total; ++i) {
    const char* name = files == 0 ? "-" : argv[1 + i];
    const bool is_stdin = tool::eq(name, "-");
    const char* shown = is_stdin ? "standard input" : name;
    rawsys::unique_fd owned;
    rawsys::fd in = rawsys::stdin_fd;
    if (!is_stdin) {
      auto f = rawsys::openat(rawsys::at_fdcwd, name, rawsys::o::rdonly | rawsys::o::cloexec);
      if (!f) {
        tool::put_quoteaf(tool::begin_error() << "cannot open ", name);
        rawsys::err << " for reading: " << message(f.error());
        tool::end_error();
        status = 1;
        continue;
      }
      owned = static_cast<rawsys::unique_fd&&>(*f);
      in = owned;
    }
    if (show) {
      rawsys::out << (first ? "" : "\n") << "==> " << shown << " <==\n";
      first = false;
    }
    const bool ok = !elide ? head_first(in, shown)
                    : count_lines ? head_elide_lines(in, shown)
                                  : head_elide_bytes(in, shown);
    if (!ok) status = 1;
  }
  return tool::finish(status);
}
