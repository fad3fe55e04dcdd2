// sleep(1) as in coreutils: pauses for the sum of its operands, each a
// non-negative decimal number (a fraction and an exponent allowed, as strtod
// reads them in the C locale; "inf" for ever) with an optional suffix: s
// seconds (the default), m minutes, h hours, d days. Computed exactly in
// seconds and nanoseconds, without floating point. Not accepted here:
// strtod's hexadecimal numbers.
#include <rawsys/start.hpp>
#include <rawsys/time.hpp>

#include "tool.hpp"

namespace {

constexpr int64_t forever = INT64_MAX / 2;  // far beyond any sleep the kernel distinguishes

struct duration {
  int64_t sec = 0;
  int64_t nsec = 0;
  void add(duration d) {
    sec = sec > forever - d.sec ? forever : sec + d.sec;
    nsec += d.nsec;
    if (nsec >= 1000000000) {
      nsec -= 1000000000;
      if (sec < forever) ++sec;
    }
  }
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool lower_eq(const char* s, const char* word, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if ((s[i] | 0x20) != word[i]) return false;
  return true;
}

// NUMBER[SUFFIX] as coreutils' sleep reads it; false when invalid.
bool parse(const char* s, duration& out) {
  while (*s == ' ' || (*s >= '\t' && *s <= '\r')) ++s;  // strtod skips leading space
  bool negative = false;
  if (*s == '+' || *s == '-') negative = *s++ == '-';
  duration d;
  if (lower_eq(s, "inf", 3)) {
    s += lower_eq(s + 3, "inity", 5) ? 8 : 3;
    d.sec = forever;
  } else {
    // The digits (leading zeros of the integer part dropped) and how many
    // of them stand before the decimal point.
    char digits[64];
    int n = 0, int_digits = 0;
    bool any = false, seen_point = false, nonzero = false, lost_nonzero = false;
    for (;; ++s) {
      if (is_digit(*s)) {
        any = true;
        if (!seen_point && n == 0 && *s == '0') continue;
        nonzero |= *s != '0';
        if (n < static_cast<int>(sizeof digits))
          digits[n++] = *s;
        else
          lost_nonzero |= *s != '0';
        if (!seen_point) ++int_digits;
      } else if (*s == '.' && !seen_point) {
        seen_point = true;
      } else {
        break;
      }
    }
    if (!any) return false;
    int64_t exponent = 0;
    if ((*s == 'e' || *s == 'E') && (is_digit(s[1]) || ((s[1] == '+' || s[1] == '-') && is_digit(s[2])))) {
      ++s;
      const bool neg_exp = *s == '-';
      if (*s == '+' || *s == '-') ++s;
      for (; is_digit(*s); ++s)
        if (exponent < 100000) exponent = exponent * 10 + (*s - '0');
      if (neg_exp) exponent = -exponent;
    }
    // Whole seconds are digits[0, point); nanoseconds the next nine; any
    // non-zero digit after those rounds up to one more nanosecond.
    const int64_t point = int_digits + exponent;
    if (nonzero) {
      if (point > 18) {
        d.sec = forever;
      } else {
        auto digit = [&](int64_t i) -> int64_t { return i >= 0 && i < n ? digits[i] - '0' : 0; };
        for (int64_t i = 0; i < point; ++i) d.sec = d.sec * 10 + digit(i);
        for (int64_t i = point; i < point + 9; ++i) d.nsec = d.nsec * 10 + digit(i);
        bool rest = lost_nonzero;
        for (int64_t i = point + 9 < 0 ? 0 : point + 9; i < n; ++i) rest |= digits[i] != '0';
        if (rest) d.add({0, 1});
      }
    }
  }
  if (negative && (d.sec != 0 || d.nsec != 0)) return false;
  int64_t unit = 1;
  if (*s) {
    if (s[1]) return false;
    switch (*s) {
      case 's': break;
      case 'm': unit = 60; break;
      case 'h': unit = 3600; break;
      case 'd': unit = 86400; break;
      default: return false;
    }
  }
  if (d.sec >= forever / unit) {
    out.add({forever, 0});
    return true;
  }
  const int64_t ns = d.nsec * unit;
  out.add({d.sec * unit + ns / 1000000000, ns % 1000000000});
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  // Only --help and --version are options; "-1" is an unknown one.
  int first = 1;
  if (first < argc && argv[first][0] == '-' && argv[first][1] != '\0') {
    const char* a = argv[first];
    if (a[1] == '-' && a[2] == '\0') {
      ++first;
    } else if (a[1] == '-') {
      static const char* const names[] = {"help", "version"};
      const int which = tool::match_long(a, names, 2);
      if (which < 0) return 1;
      for (const char* p = a; *p; ++p)
        if (*p == '=') {
          tool::no_argument_allowed(names[which]);
          return 1;
        }
      if (which == 0) {
        rawsys::out << "Usage: " << tool::program << " NUMBER[SUFFIX]...\n"
                    << "Pause for NUMBER seconds (SUFFIX: s, m, h or d).\n";
      } else {
        rawsys::out << "sleep (rawsys)\n";
      }
      return tool::finish(0);
    } else {
      tool::invalid_option(a[1]);
      return 1;
    }
  }
  if (first == argc) {
    tool::begin_error() << "missing operand";
    tool::end_error();
    tool::try_help();
    return 1;
  }
  duration total;
  bool ok = true;
  for (int i = first; i < argc; ++i) {
    if (!parse(argv[i], total)) {
      tool::begin_error() << "invalid time interval '" << argv[i] << '\'';
      tool::end_error();
      ok = false;
    }
  }
  if (!ok) {
    tool::try_help();
    return 1;
  }
  rawsys::timespec left{total.sec, total.nsec};
  for (;;) {
    auto r = rawsys::clock_nanosleep(rawsys::clock::realtime, rawsys::timer::none, left, &left);
    if (r) break;
    if (r.error() != rawsys::errc::eintr) {
      tool::begin_error() << "cannot read realtime clock: " << message(r.error());
      tool::end_error();
      return 1;
    }
  }
  return 0;
}
