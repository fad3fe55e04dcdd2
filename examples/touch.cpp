// touch(1) as in coreutils: sets each FILE's access and modification times
// (utimensat(2)) to now, creating it (empty) unless -c or -h. -a / -m /
// --time=WORD: one of the two times only; -d STRING, -t [[CC]YY]MMDDhhmm[.ss]
// or -r FILE: that time instead of now; -h: a symbolic link's own times;
// "-" is standard output. -f is accepted and ignored, as in coreutils.
//
// -d reads "@SECONDS[.FRACTION]", "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS[.FRACTION]]"
// (or with a 'T' between them), each optionally followed by "Z" or
// " UTC", and "now"; the dates and times are UTC (coreutils' parse_datetime
// also reads relative and worded dates and the TZ time zone; this touch
// carries no time zone database). -t's time is UTC for the same reason.
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>
#include <rawsys/start.hpp>
#include <rawsys/time.hpp>

#include "args.hpp"

namespace {

using rawsys::errc;
using rawsys::timespec;

// Days from 1970-01-01 to Y-M-D (proleptic Gregorian).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool valid_date(int64_t y, unsigned m, unsigned d) {
  static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] + (m == 2 && leap(y));
}

// N digits at s as a number; false when they are not all digits.
bool digits(const char*& s, int n, int64_t& v) {
  v = 0;
  for (int i = 0; i < n; ++i, ++s) {
    if (*s < '0' || *s > '9') return false;
    v = v * 10 + (*s - '0');
  }
  return true;
}

// "[[CC]YY]MMDDhhmm[.ss]", as POSIX touch -t.
bool parse_posix(const char* s, timespec& t) {
  size_t n = 0, dot = 0;
  while (s[n]) {
    if (s[n] == '.' && !dot) dot = n;
    ++n;
  }
  const size_t len = dot ? dot : n;
  if (dot && n - dot != 3) return false;
  if (len != 8 && len != 10 && len != 12) return false;
  const char* p = s;
  int64_t year, month, day, hour, minute, second = 0;
  if (len == 12) {
    if (!digits(p, 4, year)) return false;
  } else if (len == 10) {
    if (!digits(p, 2, year)) return false;
    year += year < 69 ? 2000 : 1900;
  } else {
    auto now = rawsys::clock_gettime(rawsys::clock::realtime);
    if (!now) return false;
    const int64_t days = now->sec / 86400 - (now->sec % 86400 < 0);
    year = 1970 + days / 366;  // then up to the year that holds DAYS
    while (days_from_civil(year + 1, 1, 1) <= days) ++year;
  }
  if (!digits(p, 2, month) || !digits(p, 2, day) || !digits(p, 2, hour) || !digits(p, 2, minute)) return false;
  if (dot) {
    ++p;
    if (!digits(p, 2, second) || second > 60) return false;
  }
  if (!valid_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) || hour > 23 || minute > 59) return false;
  t.sec = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + hour * 3600 + minute * 60 + second;
  t.nsec = 0;
  return true;
}

// ".FRACTION" (or ",") into nanoseconds.
bool fraction(const char*& p, int64_t& nsec) {
  nsec = 0;
  if (*p != '.' && *p != ',') return true;
  ++p;
  if (*p < '0' || *p > '9') return false;
  int64_t scale = 100000000;
  for (; *p >= '0' && *p <= '9'; ++p, scale /= 10) nsec += (*p - '0') * scale;
  return true;
}

// -d's forms (see the top of this file).
bool parse_date(const char* s, timespec& t) {
  while (*s == ' ') ++s;
  if (tool::eq(s, "now")) {
    auto now = rawsys::clock_gettime(rawsys::clock::realtime);
    if (!now) return false;
    t = *now;
    return true;
  }
  const char* p = s;
  if (*p == '@') {
    ++p;
    const bool negative = *p == '-';
    if (*p == '-' || *p == '+') ++p;
    if (*p < '0' || *p > '9') return false;
    int64_t sec = 0, nsec = 0;
    for (; *p >= '0' && *p <= '9'; ++p)
      if (__builtin_mul_overflow(sec, 10, &sec) || __builtin_add_overflow(sec, *p - '0', &sec)) return false;
    if (!fraction(p, nsec)) return false;
    while (*p == ' ') ++p;
    if (*p) return false;
    t.sec = negative ? -sec - (nsec != 0) : sec;
    t.nsec = negative && nsec ? 1000000000 - nsec : nsec;
    return true;
  }
  int64_t year = 0, month, day, hour = 0, minute = 0, second = 0, nsec = 0;
  const char* y = p;
  while (*p >= '0' && *p <= '9' && p - y < 9) year = year * 10 + (*p++ - '0');
  if (p - y < 1 || *p++ != '-' || !digits(p, 2, month) || *p++ != '-' || !digits(p, 2, day)) return false;
  if (*p == ' ' || *p == 'T') {
    const char* q = p + 1;
    while (*q == ' ') ++q;
    if (*q >= '0' && *q <= '9') {
      p = q;
      if (!digits(p, 2, hour) || *p++ != ':' || !digits(p, 2, minute)) return false;
      if (*p == ':') {
        ++p;
        if (!digits(p, 2, second) || !fraction(p, nsec)) return false;
      }
    }
  }
  while (*p == ' ') ++p;
  if (*p == 'Z' || *p == 'z') ++p;
  else if (tool::eq(p, "UTC") || tool::eq(p, "utc")) p += 3;
  while (*p == ' ') ++p;
  if (*p) return false;
  if (!valid_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) || hour > 23 || minute > 59 || second > 60) return false;
  t.sec = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + hour * 3600 + minute * 60 + second;
  t.nsec = nsec;
  return true;
}

int usage_error(const char* text) {
  tool::begin_error() << text;
  tool::end_error();
  tool::try_help();
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool atime = false, mtime = false, no_create = false, no_dereference = false;
  const char* date = nullptr;
  const char* stamp = nullptr;
  const char* reference = nullptr;
  static const char* const longs[] = {"no-create", "date", "no-dereference", "reference", "time", "help", "version"};
  int early = 1;
  const int files = tool::parse(argc, argv, "acd:fhmr:t:\x03:\x01\x02", longs, "cdhr\x03\x01\x02", 7, [&](char key, const char* arg) {
    switch (key) {
      case 'a': atime = true; return true;
      case 'c': no_create = true; return true;
      case 'd': date = arg; return true;
      case 'f': return true;
      case 'h': no_dereference = true; return true;
      case 'm': mtime = true; return true;
      case 'r': reference = arg; return true;
      case 't': {
        timespec t{};
        if (!parse_posix(arg, t)) {
          tool::quote(tool::begin_error() << "invalid date format ", arg);
          tool::end_error();
          return false;
        }
        stamp = arg;
        return true;
      }
      case '\x03': {
        // argmatch: a word or an unambiguous prefix of one.
        static const char* const words[] = {"atime", "access", "use", "mtime", "modify"};
        int found = -1;
        bool ambiguous = false;
        for (int i = 0; i < 5; ++i) {
          if (tool::eq(arg, words[i])) {
            found = i, ambiguous = false;
            break;
          }
          if (tool::starts_with(words[i], arg)) {
            if (found >= 0 && (found < 3) != (i < 3)) ambiguous = true;
            found = i;
          }
        }
        if (found < 0 || ambiguous) {
          tool::quote(tool::begin_error() << (ambiguous ? "ambiguous argument " : "invalid argument "), arg);
          rawsys::err << " for '--time'";
          tool::end_error();
          rawsys::err << "Valid arguments are:\n  - 'atime', 'access', 'use'\n  - 'mtime', 'modify'\n";
          tool::try_help();
          return false;
        }
        (found < 3 ? atime : mtime) = true;
        return true;
      }
      case tool::help: early = tool::usage("[OPTION]... FILE...", "Update the access and modification times of each FILE to the current time."); return false;
      default: early = tool::version_text("touch"); return false;
    }
  });
  if (files < 0) return early;
  if (stamp && (date || reference)) return usage_error("cannot specify times from more than one source");
  if (!atime && !mtime) atime = mtime = true;

  timespec times[2] = {{0, rawsys::utime_now}, {0, rawsys::utime_now}};
  bool given = false;
  if (reference) {
    rawsys::statx_t st{};
    auto r = rawsys::statx(rawsys::at_fdcwd, reference, no_dereference ? rawsys::at::symlink_nofollow : rawsys::at::flags(),
                           rawsys::stx::atime | rawsys::stx::mtime, &st);
    if (!r) {
      tool::put_quoteaf(tool::begin_error() << "failed to get attributes of ", reference);
      rawsys::err << ": " << message(r.error());
      tool::end_error();
      return 1;
    }
    times[0] = {st.atime.sec, st.atime.nsec};
    times[1] = {st.mtime.sec, st.mtime.nsec};
    given = true;
  }
  if (date) {
    timespec t{};
    if (!parse_date(date, t)) {
      tool::quote(tool::begin_error() << "invalid date format ", date);
      tool::end_error();
      return 1;
    }
    times[0] = times[1] = t;
    given = true;
  }
  if (stamp) {
    (void)parse_posix(stamp, times[0]);
    times[1] = times[0];
    given = true;
  }
  if (files == 0) {
    tool::begin_error() << "missing file operand";
    tool::end_error();
    tool::try_help();
    return 1;
  }
  if (!atime) times[0] = {0, rawsys::utime_omit};
  if (!mtime) times[1] = {0, rawsys::utime_omit};
  const bool both_now = !given && atime && mtime;

  int status = 0;
  for (int i = 1; i <= files; ++i) {
    const char* file = argv[i];
    rawsys::unique_fd opened;
    int fd = -1;
    errc open_error{};
    if (tool::eq(file, "-")) {
      fd = 1;
    } else if (!(no_create || no_dereference)) {
      auto f = rawsys::openat(rawsys::at_fdcwd, file, rawsys::o::wronly | rawsys::o::creat | rawsys::o::nonblock | rawsys::o::noctty | rawsys::o::cloexec,
                              rawsys::mode{0666});
      if (f) {
        opened = static_cast<rawsys::unique_fd&&>(*f);
        fd = opened.get();
      } else {
        open_error = f.error();
      }
    }
    auto r = fd >= 0 ? rawsys::utimensat(rawsys::fd(fd), nullptr, both_now ? nullptr : times)
                     : rawsys::utimensat(rawsys::at_fdcwd, file, both_now ? nullptr : times,
                                         no_dereference ? rawsys::at::symlink_nofollow : rawsys::at::flags());
    if (r) continue;
    if (fd == 1 && r.error() == errc::ebadf && no_create) continue;
    if (open_error != errc{}) {
      tool::put_quoteaf(tool::begin_error() << "cannot touch ", file);
      rawsys::err << ": " << message(open_error);
    } else {
      if (no_create && r.error() == errc::enoent) continue;
      tool::put_quoteaf(tool::begin_error() << "setting times of ", file);
      rawsys::err << ": " << message(r.error());
    }
    tool::end_error();
    status = 1;
  }
  return tool::finish(status);
}
