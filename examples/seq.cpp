// seq(1) as in coreutils: the numbers from FIRST (1) by INCREMENT (1) up to
// LAST, or down when INCREMENT is negative, separated by -s's string
// (a newline), with -w all padded with zeros to the width of the widest of
// FIRST and LAST, or each written by -f's printf format (one %e, %f or %g
// directive, as %E %F %G, with flags, width and precision).
//
// The numbers are decimal fractions (digits, a point, more digits, an
// exponent) and the arithmetic is exact, on integers scaled by a power of
// ten: by default each is printed with as many decimals as FIRST and
// INCREMENT have, which is what coreutils' long double arithmetic prints
// for them. Not taken here: hexadecimal and "inf"/"nan" operands, %a, and
// values beyond 18 significant digits (reported as out of range).
#include <rawsys/start.hpp>

#include "args.hpp"

namespace {

// A number: value = m / 10^scale.
struct decimal {
  int64_t m = 0;
  int scale = 0;
  int decimals = 0;  // digits written after the point (coreutils' precision)
};

int64_t pow10(int n) {
  int64_t v = 1;
  while (n-- > 0) v *= 10;
  return v;
}

int digits_of(uint64_t v) {
  int n = 1;
  while (v >= 10) v /= 10, ++n;
  return n;
}

// False when S is not a number this seq takes.
bool parse(const char* s, decimal& d) {
  while (*s == ' ' || (*s >= '\t' && *s <= '\r')) ++s;
  bool negative = false;
  if (*s == '+' || *s == '-') negative = *s++ == '-';
  uint64_t m = 0;
  int scale = 0, frac = 0, digits = 0;
  bool any = false, point = false;
  for (;; ++s) {
    if (*s >= '0' && *s <= '9') {
      any = true;
      if (m == 0 && *s == '0') {
        if (point) ++scale, ++frac;
        continue;
      }
      if (++digits > 18) return false;
      m = m * 10 + static_cast<uint64_t>(*s - '0');
      if (point) ++scale, ++frac;
    } else if (*s == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any) return false;
  int exponent = 0;
  if (*s == 'e' || *s == 'E') {
    ++s;
    bool neg = false;
    if (*s == '+' || *s == '-') neg = *s++ == '-';
    if (*s < '0' || *s > '9') return false;
    for (; *s >= '0' && *s <= '9'; ++s)
      if (exponent < 1000) exponent = exponent * 10 + (*s - '0');
    if (neg) exponent = -exponent;
  }
  if (*s) return false;
  scale -= exponent;
  d.decimals = frac - exponent < 0 ? 0 : frac - exponent;
  while (scale < 0) {
    if (m > static_cast<uint64_t>(INT64_MAX) / 10 / 10) return false;
    m *= 10;
    ++scale;
  }
  if (scale > 18) return false;
  d.m = negative ? -static_cast<int64_t>(m) : static_cast<int64_t>(m);
  d.scale = scale;
  return true;
}

// The same number at a larger scale; false when it does not fit.
bool rescale(decimal& d, int scale) {
  while (d.scale < scale) {
    if (__builtin_mul_overflow(d.m, 10, &d.m)) return false;
    ++d.scale;
  }
  return true;
}

// -f's directive.
struct directive {
  const char* prefix = "";
  size_t prefix_len = 0;
  const char* suffix = "";
  bool minus = false, plus = false, space = false, alt = false, zero = false;
  int width = 0, precision = -1;
  char conv = 'g';
};

// Text of a number, built right to left in a small buffer.
struct text {
  char buf[128];
  int n = 0;
  void put(char c) {
    if (n < static_cast<int>(sizeof buf)) buf[n++] = c;
  }
  void digits(uint64_t v, int min = 1) {
    char tmp[24];
    int k = 0;
    do tmp[k++] = static_cast<char>('0' + v % 10), v /= 10;
    while (v);
    while (k < min) tmp[k++] = '0';
    while (k) put(tmp[--k]);
  }
};

// |value| rounded to `decimals` places (ties away from zero): the integer
// of value * 10^decimals.
uint64_t rounded(uint64_t m, int scale, int decimals) {
  if (decimals >= scale) {
    for (int i = scale; i < decimals; ++i) m *= 10;
    return m;
  }
  const uint64_t div = static_cast<uint64_t>(pow10(scale - decimals));
  return m / div + (m % div >= (div + 1) / 2 ? 1 : 0);
}

void fixed(text& t, uint64_t m, int scale, int decimals, bool alt) {
  const uint64_t r = rounded(m, scale, decimals);
  const uint64_t p = static_cast<uint64_t>(pow10(decimals));
  t.digits(r / p);
  if (decimals > 0 || alt) t.put('.');
  if (decimals > 0) t.digits(r % p, decimals);
}

// d.ddd (precision digits after the point) and the exponent.
void scientific(text& t, uint64_t m, int scale, int precision, bool alt, bool upper, bool strip) {
  int exponent = 0;
  uint64_t sig = 0;
  if (m != 0) {
    const int n = digits_of(m);
    exponent = n - 1 - scale;
    // m rounded to precision + 1 significant digits.
    const int keep = precision + 1;
    if (n > keep) {
      sig = rounded(m, n - keep, 0);
      if (digits_of(sig) > keep) sig /= 10, ++exponent;
    } else {
      sig = m * static_cast<uint64_t>(pow10(keep - n));
    }
  }
  const uint64_t p = static_cast<uint64_t>(pow10(precision));
  int decimals = precision;
  uint64_t frac = sig % p;
  if (strip)
    while (decimals > 0 && frac % 10 == 0) frac /= 10, --decimals;
  t.digits(sig / p);
  if (decimals > 0 || alt) t.put('.');
  if (decimals > 0) t.digits(frac, decimals);
  t.put(upper ? 'E' : 'e');
  t.put(exponent < 0 ? '-' : '+');
  t.digits(static_cast<uint64_t>(exponent < 0 ? -exponent : exponent), 2);
}

void general(text& t, uint64_t m, int scale, int precision, bool alt, bool upper) {
  if (precision == 0) precision = 1;
  int exponent = 0;
  if (m != 0) {
    const int n = digits_of(m);
    exponent = n - 1 - scale;
    if (n > precision) {
      const uint64_t sig = rounded(m, n - precision, 0);
      if (digits_of(sig) > precision) ++exponent;
    }
  }
  if (exponent < -4 || exponent >= precision) {
    scientific(t, m, scale, precision - 1, alt, upper, !alt);
    return;
  }
  int decimals = precision - 1 - exponent;
  text f;
  fixed(f, m, scale, decimals, alt);
  int end = f.n;
  if (!alt && decimals > 0) {
    while (f.buf[end - 1] == '0') --end;
    if (f.buf[end - 1] == '.') --end;
  }
  for (int i = 0; i < end; ++i) t.put(f.buf[i]);
}

void print(const decimal& d, const directive& f) {
  const bool negative = d.m < 0;
  const uint64_t m = negative ? 0 - static_cast<uint64_t>(d.m) : static_cast<uint64_t>(d.m);
  text body;
  const char c = static_cast<char>(f.conv | 0x20);
  const bool upper = f.conv != c;
  const int precision = f.precision < 0 ? 6 : f.precision;
  if (c == 'f') fixed(body, m, d.scale, precision, f.alt);
  else if (c == 'e') scientific(body, m, d.scale, precision, f.alt, upper, false);
  else general(body, m, d.scale, precision, f.alt, upper);
  const char sign = negative ? '-' : f.plus ? '+' : f.space ? ' ' : '\0';
  const int len = body.n + (sign ? 1 : 0);
  auto& out = rawsys::out;
  out.write(f.prefix, f.prefix_len);
  if (!f.minus && !f.zero)
    for (int i = len; i < f.width; ++i) out.put(' ');
  if (sign) out.put(sign);
  if (!f.minus && f.zero)
    for (int i = len; i < f.width; ++i) out.put('0');
  out.write(body.buf, static_cast<size_t>(body.n));
  if (f.minus)
    for (int i = len; i < f.width; ++i) out.put(' ');
  out << f.suffix;
}

// -f FORMAT checked and split as coreutils does; false after the message.
bool compile(const char* format, directive& f) {
  const char* p = format;
  const char* start = nullptr;
  for (; *p; ++p) {
    if (*p != '%') continue;
    if (p[1] == '%') {
      ++p;
      continue;
    }
    start = p;
    break;
  }
  auto complain = [&](const char* what) {
    tool::quote(tool::begin_error() << "format ", format);
    rawsys::err << what;
    tool::end_error();
    return false;
  };
  if (!start) return complain(" has no % directive");
  ++p;
  for (;; ++p) {
    if (*p == '-') f.minus = true;
    else if (*p == '+') f.plus = true;
    else if (*p == ' ') f.space = true;
    else if (*p == '#') f.alt = true;
    else if (*p == '0') f.zero = true;
    else if (*p == '\'') continue;
    else break;
  }
  for (; *p >= '0' && *p <= '9'; ++p) f.width = f.width * 10 + (*p - '0');
  if (*p == '.') {
    f.precision = 0;
    for (++p; *p >= '0' && *p <= '9'; ++p) f.precision = f.precision * 10 + (*p - '0');
  }
  if (*p == 'L') ++p;
  if (*p == '\0') return complain(" ends in %");
  switch (*p) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': break;
    default: {
      tool::quote(tool::begin_error() << "format ", format);
      rawsys::err << " has unknown %";
      if (*p) rawsys::err.put(*p);
      rawsys::err << " directive";
      tool::end_error();
      return false;
    }
  }
  f.conv = *p == 'F' ? 'f' : *p;
  for (const char* q = p + 1; *q; ++q) {
    if (*q != '%') continue;
    if (q[1] == '%') {
      ++q;
      continue;
    }
    return complain(" has too many % directives");
  }
  f.prefix = format;
  f.prefix_len = static_cast<size_t>(start - format);
  f.suffix = p + 1;
  return true;
}

// The literal text of a format outside its directive, with %% as %.
void put_literal(const char* s, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    rawsys::out.put(s[i]);
    if (s[i] == '%' && i + 1 < n && s[i + 1] == '%') ++i;
  }
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  const char* separator = "\n";
  const char* format = nullptr;
  bool equal_width = false;
  // Options stop at the first operand or negative number ("seq -1 1"),
  // the argument of -s or -f aside ("seq -s -1 3").
  int limit = 1;
  while (limit < argc) {
    const char* a = argv[limit];
    if (a[0] != '-' || a[1] == '\0' || a[1] == '.' || (a[1] >= '0' && a[1] <= '9')) break;
    if (a[1] == '-' && a[2] == '\0') {
      ++limit;  // parse takes it, and stops there
      break;
    }
    const bool takes_next = tool::eq(a, "-s") || tool::eq(a, "-f") || tool::eq(a, "-ws") || tool::eq(a, "-wf") ||
                            (a[1] == '-' && (tool::starts_with("--separator", a) || tool::starts_with("--format", a)) &&
                             a[2] != '\0');
    limit += takes_next ? 2 : 1;
  }
  if (limit > argc) limit = argc;
  static const char* const longs[] = {"format", "separator", "equal-width", "help", "version"};
  int early = 1;
  char* const first_operand = argv[limit];  // parse ends its list with a null, which may land here
  const int parsed = tool::parse(limit, argv, "+f:s:w\x01\x02", longs, "fsw\x01\x02", 5, [&](char key, const char* arg) {
    switch (key) {
      case 'f': format = arg; return true;
      case 's': separator = arg; return true;
      case 'w': equal_width = true; return true;
      case tool::help: early = tool::usage("[OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST", "Print numbers from FIRST to LAST, in steps of INCREMENT."); return false;
      default: early = tool::version_text("seq"); return false;
    }
  });
  if (parsed < 0) return early;
  argv[limit] = first_operand;
  // The operands: what parse left (moved to argv[1..]), then the rest.
  char** ops = argv + 1;
  int n = parsed;
  for (int i = limit; i < argc; ++i) ops[n++] = argv[i];
  if (n == 0) return tool::missing_operand();
  if (n > 3) return tool::extra_operand(ops[3]);
  if (format && equal_width) {
    tool::begin_error() << "format string may not be specified when printing equal width strings";
    tool::end_error();
    tool::try_help();
    return 1;
  }

  decimal v[3];
  for (int i = 0; i < n; ++i)
    if (!parse(ops[i], v[i])) {
      tool::quote(tool::begin_error() << "invalid floating point argument: ", ops[i]);
      tool::end_error();
      tool::try_help();
      return 1;
    }
  decimal first{1, 0, 0}, step{1, 0, 0}, last;
  if (n == 1) last = v[0];
  else if (n == 2) first = v[0], last = v[1];
  else first = v[0], step = v[1], last = v[2];
  if (step.m == 0) {
    tool::quote(tool::begin_error() << "invalid Zero increment value: ", ops[1]);
    tool::end_error();
    tool::try_help();
    return 1;
  }
  const int decimals = first.decimals > step.decimals ? first.decimals : step.decimals;
  int scale = first.scale;
  if (step.scale > scale) scale = step.scale;
  if (last.scale > scale) scale = last.scale;
  if (!rescale(first, scale) || !rescale(step, scale) || !rescale(last, scale)) {
    tool::begin_error() << "numbers out of range";
    tool::end_error();
    return 1;
  }

  directive f;
  if (format) {
    if (!compile(format, f)) return 1;
  } else {
    f.conv = 'f';
    f.precision = decimals;
    if (equal_width) {
      // The wider of FIRST and LAST as printed.
      auto width = [&](const decimal& d) {
        text t;
        const uint64_t m = d.m < 0 ? 0 - static_cast<uint64_t>(d.m) : static_cast<uint64_t>(d.m);
        fixed(t, m, d.scale, decimals, false);
        return t.n + (d.m < 0 ? 1 : 0);
      };
      f.width = width(first) > width(last) ? width(first) : width(last);
      f.zero = true;
    }
  }

  bool any = false;
  decimal x = first;
  x.decimals = decimals;
  for (;;) {
    if (step.m > 0 ? x.m > last.m : x.m < last.m) break;
    if (any) rawsys::out << separator;
    any = true;
    if (format) {
      directive g = f;
      g.prefix_len = 0;
      put_literal(f.prefix, f.prefix_len);
      g.suffix = "";
      print(x, g);
      size_t len = 0;
      while (f.suffix[len]) ++len;
      put_literal(f.suffix, len);
    } else {
      print(x, f);
    }
    if (auto s = rawsys::out.status(); !s) break;
    if (__builtin_add_overflow(x.m, step.m, &x.m)) break;
  }
  if (any) rawsys::out.put('\n');
  return tool::finish(0);
}
