// Helpers every small command-line tool needs, with or without libc:
// writing all of a buffer, reading numbers from arguments, and messages and
// option parsing in the GNU coreutils style ("PROGRAM: NAME: strerror",
// quoting as quotef() does, getopt_long's complaints), on rawsys::out and
// rawsys::err. The tools in examples/ are built from these.
//
//   int main(int argc, char** argv) {
//     rawsys::tool::program = argv[0];
//     ...
//     return rawsys::tool::finish(status);  // flushes stdout, reports a write error
//   }
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "errc.hpp"
#include "file.hpp"
#include "out.hpp"

namespace rawsys::tool {

// The name the program was run as (argv[0]), as coreutils prints it.
inline const char* program = "?";

inline bool eq(const char* a, const char* b) noexcept {
  while (*a && *a == *b) ++a, ++b;
  return *a == *b;
}

// strcmp(3)
inline int compare(const char* a, const char* b) noexcept {
  while (*a && *a == *b) ++a, ++b;
  return static_cast<unsigned char>(*a) - static_cast<unsigned char>(*b);
}

inline bool starts_with(const char* s, const char* prefix) noexcept {
  while (*prefix)
    if (*s++ != *prefix++) return false;
  return true;
}

// A file name in a message as coreutils' quotef() writes it: as it is when
// the shell would read it back unchanged, otherwise in single quotes
// (double quotes when it holds a ' and nothing a shell expands inside
// them), with control characters as $'\n'.
inline void put_quotef(writer& w, const char* s) noexcept {
  bool special = *s == '\0' || *s == '#' || *s == '~', control = false, quote = false, dq_unsafe = false;
  for (const char* p = s; *p; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x20 || c == 0x7f) control = true;
    if (c == '\'') quote = true;
    if (c == '$' || c == '`' || c == '\\' || c == '"' || c == '!') dq_unsafe = true;
    for (const char* q = " \t\n!\"$&'()*:;<=>?[\\]^`{|}"; *q; ++q)
      if (c == static_cast<unsigned char>(*q)) special = true;
  }
  if (!special && !control) {
    w << s;
    return;
  }
  if (quote && !control && !dq_unsafe) {
    w << '"' << s << '"';
    return;
  }
  w.put('\'');
  for (const char* p = s; *p; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c == '\'') {
      w << "'\\''";
    } else if (c < 0x20 || c == 0x7f) {
      static const char names[] = "abtnvfr";
      w << "'$'\\";
      if (c >= 7 && c <= 13) w.put(names[c - 7]);
      else w.put(static_cast<char>('0' + (c >> 6))).put(static_cast<char>('0' + ((c >> 3) & 7))).put(static_cast<char>('0' + (c & 7)));
      w << "''";
    } else {
      w.put(static_cast<char>(c));
    }
  }
  w.put('\'');
}

// "PROGRAM: NAME: strerror", NAME as quotef() writes it.
inline void file_error(const char* name, errc e) noexcept;

// stdout first, so that the two streams keep their order, then
// "PROGRAM: " on stderr; the caller writes the rest and calls end_error().
inline writer& begin_error() noexcept {
  (void)out.flush();
  return err << program << ": ";
}
inline void end_error() noexcept {
  err.put('\n');
  (void)err.flush();
}

// "PROGRAM: WHAT: strerror"
inline void error(const char* what, errc e) noexcept {
  begin_error() << what << ": " << message(e);
  end_error();
}

inline void file_error(const char* name, errc e) noexcept {
  put_quotef(begin_error(), name);
  err << ": " << message(e);
  end_error();
}

// "Try 'PROGRAM --help' for more information." after a usage error.
inline void try_help() noexcept {
  err << "Try '" << program << " --help' for more information.\n";
  (void)err.flush();
}

inline void invalid_option(char c) noexcept {
  begin_error() << "invalid option -- '" << c << '\'';
  end_error();
  try_help();
}

inline void unrecognized_option(const char* arg) noexcept {
  begin_error() << "unrecognized option '" << arg << '\'';
  end_error();
  try_help();
}

// The end of main: stdout is flushed, and a write error there is reported
// as coreutils' close_stdout does ("write error: No space left on device"),
// with the tool's failure status. Where the coreutils tool's own stdio
// flushes before the end (flushed_early), close_stdout has an errno only if
// the final close fails too (EBADF), and otherwise says just "write error".
inline int finish(int status, int failure = 1, bool flushed_early = false) noexcept {
  if (auto r = out.flush(); !r) {
    begin_error() << "write error";
    if (!flushed_early || r.error() == errc::ebadf) err << ": " << message(r.error());
    end_error();
    return status == 0 ? failure : status;
  }
  return status;
}

// getopt_long's complaint about "--flag=value".
inline void no_argument_allowed(const char* name) noexcept {
  begin_error() << "option '--" << name << "' doesn't allow an argument";
  end_error();
  try_help();
}

// Long options as getopt_long matches them: the whole name or an
// unambiguous prefix, with "=value" allowed after it. Returns the index in
// names, or -1 after printing coreutils' message (unrecognized, ambiguous).
inline int match_long(const char* arg, const char* const* names, int count) noexcept {
  const char* a = arg + 2;
  unsigned len = 0;
  while (a[len] && a[len] != '=') ++len;
  int found = -1, matches = 0;
  for (int i = 0; i < count; ++i) {
    unsigned k = 0;
    while (k < len && names[i][k] == a[k]) ++k;
    if (k != len) continue;
    if (names[i][len] == '\0') return i;  // exact
    found = i;
    ++matches;
  }
  if (matches == 1) return found;
  if (matches == 0) {
    unrecognized_option(arg);
    return -1;
  }
  begin_error() << "option '";
  err.write(arg, 2 + len);
  err << "' is ambiguous; possibilities:";
  for (int i = 0; i < count; ++i) {
    unsigned k = 0;
    while (k < len && names[i][k] == a[k]) ++k;
    if (k == len) err << " '--" << names[i] << '\'';
  }
  end_error();
  try_help();
  return -1;
}

// Writes all n bytes to f, resuming after short writes and EINTR. The
// first error ends it; the bytes written before it are not taken back.
inline result<void> write_all(fd f, const void* data, size_t n) noexcept {
  const char* p = static_cast<const char*>(data);
  while (n != 0) {
    auto w = retry_on_eintr([&] { return write(f, p, n); });
    if (!w) return unexpected(w.error());
    p += *w;
    n -= *w;
  }
  return {};
}

namespace detail {
inline result<uint64_t> parse_digits(const char* s) noexcept {
  if (*s < '0' || *s > '9') return unexpected(errc::einval);
  uint64_t v = 0;
  for (; *s >= '0' && *s <= '9'; ++s) {
    const auto digit = static_cast<uint64_t>(*s - '0');
    if (v > (UINT64_MAX - digit) / 10) return unexpected(errc::erange);
    v = v * 10 + digit;
  }
  if (*s != '\0') return unexpected(errc::einval);
  return v;
}
}  // namespace detail

// A decimal number that is the whole argument: an optional sign ('-' only
// for parse_int), digits, nothing else. EINVAL when it is not one, ERANGE
// when it does not fit. No 64-bit division: no libgcc call on i386.
inline result<uint64_t> parse_unsigned(const char* s) noexcept {
  return detail::parse_digits(*s == '+' ? s + 1 : s);
}

inline result<int64_t> parse_int(const char* s) noexcept {
  const bool negative = *s == '-';
  auto u = detail::parse_digits(*s == '-' || *s == '+' ? s + 1 : s);
  if (!u) return unexpected(u.error());
  const uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  if (*u > limit) return unexpected(errc::erange);
  return negative ? static_cast<int64_t>(0 - *u) : static_cast<int64_t>(*u);
}

}  // namespace rawsys::tool
