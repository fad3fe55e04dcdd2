// cat(1) as in coreutils: each FILE ("-" or none: standard input) to
// standard output. Without options the bytes move in the kernel: sendfile(2)
// from a file, splice(2) from a pipe, read/write otherwise. -A -b -e -E -n -s
// -t -T -v format as coreutils does; -u is ignored. A file that cannot be
// read is reported and skipped (status 1); a write error (EPIPE, ENOSPC)
// ends cat with status 1, as nothing more can be written.
#include <rawsys/start.hpp>
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>

#include "tool.hpp"

namespace {

using rawsys::errc;

bool number = false, number_nonblank = false, squeeze = false, show_ends = false, show_tabs = false,
     show_nonprinting = false;
bool formatting() { return number || number_nonblank || squeeze || show_ends || show_tabs || show_nonprinting; }

char buf[128 * 1024];

// A write error ends cat: later output could only fail the same way.
[[noreturn]] void write_failed(errc e) {
  tool::begin_error() << "write error: " << message(e);
  tool::end_error();
  rawsys::exit_program(1);
}

void write_all(const char* p, size_t n) {
  if (auto w = tool::write_all(rawsys::stdout_fd, p, n); !w) write_failed(w.error());
}

// Plain read/write. False on a read error (reported).
bool copy_read_write(rawsys::fd in, const char* name) {
  for (;;) {
    auto r = rawsys::retry_on_eintr([&] { return rawsys::read(in, buf, sizeof buf); });
    if (!r) {
      tool::file_error(name, r.error());
      return false;
    }
    if (*r == 0) return true;
    write_all(buf, *r);
  }
}

// In the kernel when it can: sendfile where the input can be mapped (a
// file), splice where a pipe is involved. Whatever these refuse, or fail on,
// is done again by read/write from where they stopped, which then reports
// the error against the right side.
bool copy(rawsys::fd in, const char* name, bool in_pipe, bool out_pipe) {
  constexpr size_t chunk = size_t{1} << 30;
  bool moved = false;
  for (;;) {
    auto r = rawsys::sendfile(rawsys::stdout_fd, in, nullptr, chunk);
    if (!r) break;
    if (*r == 0) {
      if (moved) return true;
      break;  // nothing at all: an empty file, or one whose size lies (/proc)
    }
    moved = true;
  }
  if (!moved && (in_pipe || out_pipe)) {
    for (;;) {
      auto r = rawsys::splice(in, nullptr, rawsys::stdout_fd, nullptr, chunk);
      if (!r) break;
      if (*r == 0) return true;
    }
  }
  return copy_read_write(in, name);
}

// The formatting options, with coreutils' state carried from file to file:
// `newlines` is -1 inside a line, 0 at the start of one, then counts the
// empty lines in a row.
int newlines = 0;
uint64_t line_number = 0;

void put_line_number() {
  ++line_number;
  rawsys::out.dec(line_number, 6);
  rawsys::out.put('\t');
}

bool copy_formatted(rawsys::fd in, const char* name) {
  auto& out = rawsys::out;
  for (;;) {
    auto r = rawsys::retry_on_eintr([&] { return rawsys::read(in, buf, sizeof buf); });
    if (!r) {
      tool::file_error(name, r.error());
      return false;
    }
    if (*r == 0) return true;
    for (size_t i = 0; i < *r; ++i) {
      const unsigned char c = static_cast<unsigned char>(buf[i]);
      if (c == '\n') {
        if (++newlines > 0) {
          if (newlines >= 2) {
            newlines = 2;
            if (squeeze) continue;
          }
          if (number && !number_nonblank) put_line_number();
        }
        if (show_ends) out.put('$');
        out.put('\n');
        continue;
      }
      if (newlines >= 0 && (number || number_nonblank)) put_line_number();
      newlines = -1;
      if (show_nonprinting) {
        if (c >= 32) {
          if (c < 127) {
            out.put(static_cast<char>(c));
          } else if (c == 127) {
            out << "^?";
          } else {
            out << "M-";
            if (c >= 128 + 32) {
              if (c < 128 + 127) out.put(static_cast<char>(c - 128));
              else out << "^?";
            } else {
              out.put('^').put(static_cast<char>(c - 128 + 64));
            }
          }
        } else if (c == '\t' && !show_tabs) {
          out.put('\t');
        } else {
          out.put('^').put(static_cast<char>(c + 64));
        }
      } else if (c == '\t' && show_tabs) {
        out << "^I";
      } else {
        out.put(static_cast<char>(c));
      }
    }
    if (auto s = out.status(); !s) write_failed(s.error());
  }
}

bool option(char c) {
  switch (c) {
    case 'A': show_nonprinting = show_ends = show_tabs = true; return true;
    case 'b': number = number_nonblank = true; return true;
    case 'e': show_nonprinting = show_ends = true; return true;
    case 'E': show_ends = true; return true;
    case 'n': number = true; return true;
    case 's': squeeze = true; return true;
    case 't': show_nonprinting = show_tabs = true; return true;
    case 'T': show_tabs = true; return true;
    case 'u': return true;
    case 'v': show_nonprinting = true; return true;
    default: return false;
  }
}

bool is_pipe(const rawsys::statx_t& st) { return rawsys::s::isfifo(st.mode); }

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  // Options anywhere before "--", as GNU getopt permutes them.
  static const char* const names[] = {"show-all",  "number-nonblank", "show-ends",        "number",
                                      "squeeze-blank", "show-tabs",   "show-nonprinting", "help", "version"};
  static const char letters[] = "AbEnsTv";
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (a[0] != '-' || a[1] == '\0') continue;
    if (a[1] == '-') {
      if (a[2] == '\0') break;
      const int which = tool::match_long(a, names, sizeof names / sizeof *names);
      if (which < 0) return 1;
      for (const char* p = a; *p; ++p)
        if (*p == '=') {
          tool::no_argument_allowed(names[which]);
          return 1;
        }
      if (which == 7) {
        rawsys::out << "Usage: " << tool::program << " [OPTION]... [FILE]...\n"
                    << "Concatenate FILE(s) to standard output.\n";
        return tool::finish(0);
      }
      if (which == 8) {
        rawsys::out << "cat (rawsys)\n";
        return tool::finish(0);
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

  rawsys::statx_t out_stat{};
  if (auto s = rawsys::statx(rawsys::stdout_fd, "", rawsys::at::empty_path, rawsys::stx::basic_stats, &out_stat); !s) {
    tool::error("standard output", s.error());
    return 1;
  }
  const bool out_reg = rawsys::s::isreg(out_stat.mode);

  int status = 0;
  bool any = false, after_dashes = false;
  for (int i = 1; i <= argc; ++i) {
    const char* name;
    if (i == argc) {
      if (any) break;
      name = "-";  // no operand: standard input
    } else {
      const char* a = argv[i];
      if (!after_dashes && a[0] == '-' && a[1] != '\0') {
        if (a[1] == '-' && a[2] == '\0') after_dashes = true;
        continue;
      }
      name = a;
    }
    any = true;

    rawsys::unique_fd owned;
    rawsys::fd in = rawsys::stdin_fd;
    if (!tool::eq(name, "-")) {
      auto f = rawsys::openat(rawsys::at_fdcwd, name, rawsys::o::rdonly | rawsys::o::cloexec);
      if (!f) {
        tool::file_error(name, f.error());
        status = 1;
        continue;
      }
      owned = static_cast<rawsys::unique_fd&&>(*f);
      in = owned;
    }
    rawsys::statx_t in_stat{};
    if (auto s = rawsys::statx(in, "", rawsys::at::empty_path, rawsys::stx::basic_stats, &in_stat); !s) {
      tool::file_error(name, s.error());
      status = 1;
      continue;
    }
    // Copying a file onto its own end would never finish.
    if (out_reg && rawsys::s::isreg(in_stat.mode) && in_stat.ino == out_stat.ino &&
        in_stat.dev_major == out_stat.dev_major && in_stat.dev_minor == out_stat.dev_minor &&
        rawsys::lseek(in, 0, rawsys::seek::cur).value_or(-1) < static_cast<long long>(in_stat.size)) {
      tool::put_quotef(tool::begin_error(), name);
      rawsys::err << ": input file is output file";
      tool::end_error();
      status = 1;
      continue;
    }
    bool ok;
    if (formatting()) {
      ok = copy_formatted(in, name);
    } else {
      (void)rawsys::out.flush();
      ok = copy(in, name, is_pipe(in_stat), is_pipe(out_stat));
    }
    if (!ok) status = 1;
  }
  return tool::finish(status);
}
