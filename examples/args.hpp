// Option parsing for the tools, as GNU getopt_long does it: short options
// bundled ("-qv"), an option's argument attached or in the next word
// ("-n5", "-n 5", "--lines=5", "--lines 5"), long options by any
// unambiguous prefix, options and operands in any order (GNU's
// permutation) until "--", and getopt's messages for what is wrong.
//
//   static const char* const longs[] = {"lines", "quiet", "help", "version"};
//   int n = tool::parse(argc, argv, "n:q" "\x01\x02", longs, "nq\x01\x02", 4,
//                       [&](char key, const char* arg) { ...; return true; });
//   if (n < 0) return 1;   // the message is written
//   // the n operands are now argv[1] .. argv[n]
#pragma once

#include <rawsys/runtime.hpp>

#include "tool.hpp"

namespace tool {

// Keys for the long options that have no letter: below ' ', so that no
// short option written on a command line can reach them.
inline constexpr char help = '\x01', version = '\x02';

namespace detail {
// ':' after KEY in SPEC: 1 (an argument), "::" 2 (an optional one), 0
// (none); -1 when SPEC does not hold KEY.
inline int takes(const char* spec, char key) noexcept {
  if (*spec == '+') ++spec;
  for (const char* p = spec; *p; ++p) {
    if (*p == ':') continue;
    if (*p == key) return p[1] != ':' ? 0 : p[2] == ':' ? 2 : 1;
  }
  return -1;
}

inline void requires_argument(char c) noexcept {
  begin_error() << "option requires an argument -- '" << c << '\'';
  end_error();
  try_help();
}
}  // namespace detail

// Calls on(key, argument) for each option in order; argument is nullptr for
// an option without one. SPEC lists the short options (getopt's syntax, a
// leading '+' to stop at the first operand, as POSIXLY_CORRECT would);
// LONGS[i] is the long option whose key is KEYS[i] (its argument as SPEC
// says for that key; a key below ' ' is a long option alone). on returns
// false to stop (having said why). Returns the number of operands, moved
// to argv[1..] (argv[n + 1] then null), or -1 after an error.
template <class F>
int parse(int argc, char** argv, const char* spec, const char* const* longs, const char* keys, int nlongs, F&& on) noexcept {
  const bool in_order = *spec == '+';
  int operands = 0;
  int i = 1;
  for (; i < argc; ++i) {
    char* a = argv[i];
    if (a[0] != '-' || a[1] == '\0') {
      if (in_order) break;
      argv[1 + operands++] = a;
      continue;
    }
    if (a[1] == '-') {
      if (a[2] == '\0') {
        ++i;
        break;
      }
      const int which = match_long(a, longs, nlongs);
      if (which < 0) return -1;
      const char key = keys[which];
      const int kind = detail::takes(spec, key);
      const char* value = nullptr;
      for (const char* p = a; *p; ++p)
        if (*p == '=') {
          value = p + 1;
          break;
        }
      if (kind == 0 && value) {
        no_argument_allowed(longs[which]);
        return -1;
      }
      if (kind == 1 && !value) {
        if (i + 1 == argc) {
          begin_error() << "option '--" << longs[which] << "' requires an argument";
          end_error();
          try_help();
          return -1;
        }
        value = argv[++i];
      }
      if (!on(key, value)) return -1;
      continue;
    }
    for (char* p = a + 1; *p; ++p) {
      const int kind = static_cast<unsigned char>(*p) < ' ' ? -1 : detail::takes(spec, *p);
      if (kind < 0) {
        invalid_option(*p);
        return -1;
      }
      if (kind == 0) {
        if (!on(*p, nullptr)) return -1;
        continue;
      }
      const char* value = p[1] ? p + 1 : nullptr;
      if (!value && kind == 1) {
        if (i + 1 == argc) {
          detail::requires_argument(*p);
          return -1;
        }
        value = argv[++i];
      }
      if (!on(*p, value)) return -1;
      break;
    }
  }
  for (; i < argc; ++i) argv[1 + operands++] = argv[i];
  argv[1 + operands] = nullptr;  // a list that ends, as argv does (for exec)
  return operands;
}

// An argument in a message as coreutils' quote() writes it in the C
// locale: always in single quotes, with C's backslash escapes for a quote,
// a backslash and control characters.
inline void quote(rawsys::writer& w, const char* s) noexcept {
  w.put('\'');
  for (; *s; ++s) {
    const unsigned char c = static_cast<unsigned char>(*s);
    if (c == '\'' || c == '\\') {
      w.put('\\').put(static_cast<char>(c));
    } else if (c < 0x20 || c == 0x7f) {
      static const char names[] = "abtnvfr";
      w.put('\\');
      if (c >= 7 && c <= 13) w.put(names[c - 7]);
      else w.put(static_cast<char>('0' + (c >> 6))).put(static_cast<char>('0' + ((c >> 3) & 7))).put(static_cast<char>('0' + (c & 7)));
    } else {
      w.put(static_cast<char>(c));
    }
  }
  w.put('\'');
}

// A file name as coreutils' quoteaf() writes it: as quotef() does, and in
// single quotes even when the shell would not need them.
inline void put_quoteaf(rawsys::writer& w, const char* s) noexcept {
  bool bare = *s != '\0' && *s != '#' && *s != '~';
  for (const char* p = s; *p && bare; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    bare = c >= 0x20 && c != 0x7f;
    for (const char* q = " \t\n!\"$&'()*:;<=>?[\\]^`{|}"; *q && bare; ++q) bare = c != static_cast<unsigned char>(*q);
  }
  if (bare) w << '\'' << s << '\'';
  else put_quotef(w, s);
}

// "PROGRAM: missing operand" and the hint, as coreutils says it.
inline int missing_operand() noexcept {
  begin_error() << "missing operand";
  end_error();
  try_help();
  return 1;
}

inline int extra_operand(const char* a) noexcept {
  begin_error() << "extra operand ";
  quote(rawsys::err, a);
  end_error();
  try_help();
  return 1;
}

// --help's and --version's output.
inline int usage(const char* synopsis, const char* what) noexcept {
  rawsys::out << "Usage: " << program << ' ' << synopsis << '\n' << what << '\n';
  return finish(0);
}
inline int version_text(const char* name) noexcept {
  rawsys::out << name << " (rawsys)\n";
  return finish(0);
}

}  // namespace tool

namespace tool {

// A count as coreutils' xstrtoumax reads it: blanks, an optional '+', decimal
// digits, then at most one multiplier from SUFFIXES (of b 512, k K 1024,
// m M 1024^2, G T P E Z Y; "kB" for powers of 1000 and "KiB" for 1024 when
// SUFFIXES holds '0'). EINVAL when it is not one, ERANGE when it does not
// fit in 64 bits.
inline rawsys::result<uint64_t> parse_count(const char* s, const char* suffixes) noexcept {
  using rawsys::errc;
  while (*s == ' ' || (*s >= '\t' && *s <= '\r')) ++s;
  if (*s == '-') return rawsys::unexpected(errc::einval);
  if (*s == '+') ++s;
  auto has = [&](char c) {
    for (const char* p = suffixes; *p; ++p)
      if (*p == c) return c != '\0';
    return false;
  };
  uint64_t v = 0;
  bool overflow = false;
  const char* digits = s;
  for (; *s >= '0' && *s <= '9'; ++s) {
    const auto d = static_cast<uint64_t>(*s - '0');
    if (v > (UINT64_MAX - d) / 10) overflow = true;
    else v = v * 10 + d;
  }
  if (s == digits) {
    if (!*s || !has(*s)) return rawsys::unexpected(errc::einval);
    v = 1;
  }
  if (*s) {
    if (!has(*s)) return rawsys::unexpected(errc::einval);
    unsigned base = 1024, skip = 1;
    if (has('0')) {
      if (s[1] == 'i' && s[2] == 'B') skip = 3;
      else if (s[1] == 'B' || s[1] == 'D') base = 1000, skip = 2;
    }
    unsigned power = 0;
    uint64_t factor = 1;
    switch (*s) {
      case 'b': factor = 512; break;
      case 'B': factor = 1024; break;
      case 'c': break;
      case 'w': factor = 2; break;
      case 'k': case 'K': power = 1; break;
      case 'm': case 'M': power = 2; break;
      case 'g': case 'G': power = 3; break;
      case 't': case 'T': power = 4; break;
      case 'P': power = 5; break;
      case 'E': power = 6; break;
      case 'Z': power = 7; break;
      case 'Y': power = 8; break;
      default: return rawsys::unexpected(errc::einval);
    }
    for (unsigned i = 0; i < power; ++i)
      if (__builtin_mul_overflow(factor, base, &factor)) overflow = true;
    if (__builtin_mul_overflow(v, factor, &v)) overflow = true;
    if (s[skip]) return rawsys::unexpected(errc::einval);
  }
  if (overflow) return rawsys::unexpected(errc::eoverflow);
  return v;
}

// "PROGRAM: WHAT: 'ARG'" (and ": Value too large..." for ERANGE), as
// xdectoumax reports a bad number. Returns 1.
inline int bad_number(const char* what, const char* arg, rawsys::errc e) noexcept {
  quote(begin_error() << what << ": ", arg);
  if (e != rawsys::errc::einval) rawsys::err << ": " << message(e);
  end_error();
  return 1;
}

}  // namespace tool
