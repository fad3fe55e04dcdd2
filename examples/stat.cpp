// stat(1) as in coreutils: each FILE's status (statx(2)) in coreutils'
// default layout, or in -c/--format's (a newline after each) or --printf's
// (backslash escapes, no newline); -L follows links; -f: the file system's
// status instead (statfs(2)); -t: the terse layout.
//
// The sequences: %a %A %b %B %d %D %f %F %g %G %h %i %n %N %o %r %R %s %t
// %T %u %U %w %W %x %X %y %Y %z %Z %Hd %Ld %Hr %Lr %%, and for -f %a %b %c
// %d %f %i %l %n %s %S %t %T; printf's flags "-0+ ", a width and, for
// strings and the %X-style seconds, a precision.
//
// Differs from coreutils: times are written in UTC (this stat carries no
// time zone database); %m (mount point) and %C (SELinux context) are not
// offered and print '?' as an unknown sequence does; --cached is accepted
// and ignored. -f's %T names a type as coreutils 9.1 does (fs_types.hpp).
#include <rawsys/fs.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "fs_types.hpp"
#include "users.hpp"

namespace {

using rawsys::errc;

bool dereference = false;

struct spec {
  bool left = false, zero = false, plus = false, space = false;
  int width = -1, precision = -1;
};

void pad(const spec& f, size_t len) {
  for (size_t i = len; static_cast<int>(i) < f.width; ++i) rawsys::out << ' ';
}

void put_string(const spec& f, const char* s) {
  size_t n = 0;
  while (s[n] && (f.precision < 0 || static_cast<int>(n) < f.precision)) ++n;
  if (!f.left) pad(f, n);
  rawsys::out.write(s, n);
  if (f.left) pad(f, n);
}

// A number in BASE (10, 16, 8), signed when NEGATIVE.
void put_number(const spec& f, uint64_t v, bool negative = false, unsigned base = 10) {
  char digits[32];
  int n = 0;
  do {
    digits[n++] = "0123456789abcdef"[v % base];
    v /= base;
  } while (v);
  char sign = negative ? '-' : f.plus && base == 10 ? '+' : f.space && base == 10 ? ' ' : '\0';
  int precision = f.precision > n ? f.precision : n;
  int len = precision + (sign != '\0');
  if (f.zero && !f.left && f.precision < 0 && f.width > len) precision += f.width - len, len = f.width;
  if (!f.left) pad(f, static_cast<size_t>(len));
  if (sign) rawsys::out << sign;
  for (int i = n; i < precision; ++i) rawsys::out << '0';
  while (n) rawsys::out << digits[--n];
  if (f.left) pad(f, static_cast<size_t>(len));
}

void put_signed(const spec& f, int64_t v) { put_number(f, v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v), v < 0); }

// "2020-09-13 12:26:40.000000000 +0000"
void put_time(const spec& f, const rawsys::statx_timestamp& t) {
  const int64_t days = t.sec / 86400 - (t.sec % 86400 < 0);
  const int64_t secs = t.sec - days * 86400;
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2);
  char text[64];
  rawsys::writer w(rawsys::fd(-1), text, sizeof text);  // a buffer only: never flushed
  w.dec(year, 4, '0').put('-').dec(month, 2, '0').put('-').dec(day, 2, '0').put(' ');
  w.dec(secs / 3600, 2, '0').put(':').dec(secs / 60 % 60, 2, '0').put(':').dec(secs % 60, 2, '0');
  w.put('.').dec(t.nsec, 9, '0') << " +0000";
  text[w.buffered()] = '\0';
  put_string(f, text);
}

// Seconds, with PRECISION digits of the fraction (9 without a width: %.Y).
void put_seconds(const spec& f, const rawsys::statx_timestamp& t) {
  if (f.precision < 0) {
    put_signed(f, t.sec);
    return;
  }
  char text[64];
  rawsys::writer w(rawsys::fd(-1), text, sizeof text);  // a buffer only: never flushed
  int64_t sec = t.sec;
  uint32_t nsec = t.nsec;
  if (sec < 0 && nsec) ++sec, nsec = 1000000000 - nsec;
  if (t.sec < 0) w.put('-');
  w << (sec < 0 ? 0 - static_cast<uint64_t>(sec) : static_cast<uint64_t>(sec));
  if (f.precision > 0) {
    w.put('.');
    char frac[9];
    for (int i = 8; i >= 0; --i, nsec /= 10) frac[i] = static_cast<char>('0' + nsec % 10);
    for (int i = 0; i < f.precision; ++i) w.put(i < 9 ? frac[i] : '0');
  }
  text[w.buffered()] = '\0';
  spec g = f;
  g.precision = -1;
  put_string(g, text);
}

const char* type_name(unsigned mode) {
  namespace s = rawsys::s;
  if (s::isreg(mode)) return nullptr;  // "regular file" or "regular empty file"
  if (s::isdir(mode)) return "directory";
  if (s::islnk(mode)) return "symbolic link";
  if (s::ischr(mode)) return "character special file";
  if (s::isblk(mode)) return "block special file";
  if (s::isfifo(mode)) return "fifo";
  if (s::issock(mode)) return "socket";
  return "weird file";
}

void put_mode_string(const spec& f, unsigned m) {
  char s[11];
  static const char letters[] = "?pc?d?b?-?l?s???";
  s[0] = letters[(m >> 12) & 15];
  const char* rwx = "rwxrwxrwx";
  for (int i = 0; i < 9; ++i) s[1 + i] = (m & (0400u >> i)) ? rwx[i] : '-';
  if (m & 04000) s[3] = (m & 0100) ? 's' : 'S';
  if (m & 02000) s[6] = (m & 010) ? 's' : 'S';
  if (m & 01000) s[9] = (m & 01) ? 't' : 'T';
  s[10] = '\0';
  put_string(f, s);
}

// %N: the name quoted, and " -> " and the target for a link.
void put_quoted_name(const spec& f, const char* name, const rawsys::statx_t& st, bool quote) {
  char text[8300];
  rawsys::writer w(rawsys::fd(-1), text, sizeof text - 1);  // a buffer only: never flushed
  if (quote) tool::put_quoteaf(w, name);
  else w << name;
  if (rawsys::s::islnk(st.mode)) {
    char target[4096];
    if (auto r = rawsys::readlinkat(rawsys::at_fdcwd, name, target, sizeof target - 1)) {
      target[*r] = '\0';
      w << " -> ";
      if (quote) tool::put_quoteaf(w, target);
      else w << target;
    }
  }
  text[w.buffered()] = '\0';
  put_string(f, text);
}

uint64_t makedev(uint32_t major, uint32_t minor) {
  return (uint64_t{major & 0xfffff000u} << 32) | (uint64_t{major & 0xfffu} << 8) | (uint64_t{minor & 0xffffff00u} << 12) | (minor & 0xffu);
}

// One conversion of a file's status; false for an unknown one.
bool file_conversion(const spec& f, char c, char prefix, const char* name, const rawsys::statx_t& st, bool default_format) {
  switch (c) {
    case 'a': {
      spec g = f;
      put_number(g, st.mode & 07777, false, 8);
      return true;
    }
    case 'A': put_mode_string(f, st.mode); return true;
    case 'b': put_number(f, st.blocks); return true;
    case 'B': put_number(f, 512); return true;
    case 'd':
      if (prefix == 'H') put_number(f, st.dev_major);
      else if (prefix == 'L') put_number(f, st.dev_minor);
      else put_number(f, makedev(st.dev_major, st.dev_minor));
      return true;
    case 'D': put_number(f, makedev(st.dev_major, st.dev_minor), false, 16); return true;
    case 'r':
      if (prefix == 'H') put_number(f, st.rdev_major);
      else if (prefix == 'L') put_number(f, st.rdev_minor);
      else put_number(f, makedev(st.rdev_major, st.rdev_minor));
      return true;
    case 'R': put_number(f, makedev(st.rdev_major, st.rdev_minor), false, 16); return true;
    case 'f': put_number(f, st.mode, false, 16); return true;
    case 'F': {
      const char* t = type_name(st.mode);
      put_string(f, t ? t : st.size == 0 ? "regular empty file" : "regular file");
      return true;
    }
    case 'g': put_number(f, st.gid); return true;
    case 'G': {
      const char* n = tool::group_name(st.gid);
      put_string(f, n ? n : "UNKNOWN");
      return true;
    }
    case 'h': put_number(f, st.nlink); return true;
    case 'i': put_number(f, st.ino); return true;
    case 'n': put_string(f, name); return true;
    case 'N': put_quoted_name(f, name, st, !default_format); return true;
    case 'o': put_number(f, st.blksize); return true;
    case 's': put_number(f, st.size); return true;
    case 't': put_number(f, st.rdev_major, false, 16); return true;
    case 'T': put_number(f, st.rdev_minor, false, 16); return true;
    case 'u': put_number(f, st.uid); return true;
    case 'U': {
      const char* n = tool::user_name(st.uid);
      put_string(f, n ? n : "UNKNOWN");
      return true;
    }
    case 'w':
      if (!rawsys::has(st.mask, rawsys::stx::btime)) put_string(f, "-");
      else put_time(f, st.btime);
      return true;
    case 'W': put_seconds(f, rawsys::has(st.mask, rawsys::stx::btime) ? st.btime : rawsys::statx_timestamp{}); return true;
    case 'x': put_time(f, st.atime); return true;
    case 'X': put_seconds(f, st.atime); return true;
    case 'y': put_time(f, st.mtime); return true;
    case 'Y': put_seconds(f, st.mtime); return true;
    case 'z': put_time(f, st.ctime); return true;
    case 'Z': put_seconds(f, st.ctime); return true;
    default: return false;
  }
}

bool fs_conversion(const spec& f, char c, const char* name, const rawsys::statfs_t& st) {
  switch (c) {
    case 'a': put_signed(f, st.bavail); return true;
    case 'b': put_signed(f, st.blocks); return true;
    case 'c': put_signed(f, st.files); return true;
    case 'd': put_signed(f, st.ffree); return true;
    case 'f': put_signed(f, st.bfree); return true;
    case 'i': {
      const uint64_t id = (uint64_t{static_cast<uint32_t>(st.fsid[0])} << 32) | static_cast<uint32_t>(st.fsid[1]);
      put_number(f, id, false, 16);
      return true;
    }
    case 'l': put_signed(f, st.namelen); return true;
    case 'n': put_string(f, name); return true;
    case 's': put_signed(f, st.bsize); return true;
    case 'S': put_signed(f, st.frsize ? st.frsize : st.bsize); return true;
    case 't': put_number(f, static_cast<uint64_t>(st.type) & 0xffffffffu, false, 16); return true;
    case 'T': {
      if (const char* n = tool::fs_type_name(static_cast<uint32_t>(st.type))) {
        put_string(f, n);
      } else {
        char text[40];
        rawsys::writer w(rawsys::fd(-1), text, sizeof text);  // a buffer only: never flushed
        w << "UNKNOWN (0x";
        const uint64_t v = static_cast<uint64_t>(st.type) & 0xffffffffu;
        char hex[16];
        int k = 0;
        uint64_t x = v;
        do hex[k++] = "0123456789abcdef"[x % 16], x /= 16;
        while (x);
        while (k) w.put(hex[--k]);
        w << ')';
        text[w.buffered()] = '\0';
        put_string(f, text);
      }
      return true;
    }
    default: return false;
  }
}

// FORMAT for one file, through CONVERT(spec, char, prefix); ESCAPES: --printf's.
template <class F>
void render(const char* format, bool escapes, F&& convert) {
  for (const char* p = format; *p; ++p) {
    if (*p == '\\' && escapes) {
      ++p;
      switch (*p) {
        case '\0': --p; rawsys::out << '\\'; break;
        case 'a': rawsys::out << '\a'; break;
        case 'b': rawsys::out << '\b'; break;
        case 'e': rawsys::out << '\x1b'; break;
        case 'f': rawsys::out << '\f'; break;
        case 'n': rawsys::out << '\n'; break;
        case 'r': rawsys::out << '\r'; break;
        case 't': rawsys::out << '\t'; break;
        case 'v': rawsys::out << '\v'; break;
        case '"': rawsys::out << '"'; break;
        case '\\': rawsys::out << '\\'; break;
        case 'x': {
          int v = 0, n = 0;
          for (; n < 2; ++n) {
            const char c = p[1];
            const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) break;
            v = v * 16 + d;
            ++p;
          }
          if (n == 0) rawsys::out << "\\x";
          else rawsys::out << static_cast<char>(v);
          break;
        }
        default:
          if (*p >= '0' && *p <= '7') {
            int v = 0;
            for (int n = 0; n < 3 && *p >= '0' && *p <= '7'; ++n, ++p) v = v * 8 + (*p - '0');
            --p;
            rawsys::out << static_cast<char>(v);
          } else {
            tool::begin_error() << "warning: unrecognized escape '\\" << *p << '\'';
            tool::end_error();
            rawsys::out << *p;
          }
      }
      continue;
    }
    if (*p != '%') {
      rawsys::out << *p;
      continue;
    }
    const char* start = p++;
    spec f;
    for (;; ++p) {
      if (*p == '-') f.left = true;
      else if (*p == '0') f.zero = true;
      else if (*p == '+') f.plus = true;
      else if (*p == ' ') f.space = true;
      else if (*p == '#' || *p == '\'' || *p == 'I') continue;
      else break;
    }
    if (*p >= '0' && *p <= '9') {
      f.width = 0;
      for (; *p >= '0' && *p <= '9'; ++p) f.width = f.width * 10 + (*p - '0');
    }
    if (*p == '.') {
      f.precision = 0;
      for (++p; *p >= '0' && *p <= '9'; ++p) f.precision = f.precision * 10 + (*p - '0');
    }
    char prefix = '\0';
    if ((*p == 'H' || *p == 'L') && (p[1] == 'd' || p[1] == 'r')) prefix = *p++;
    if (*p == '%' && p == start + 1) {
      rawsys::out << '%';
      continue;
    }
    if (*p == '\0') {
      rawsys::out.write(start, static_cast<size_t>(p - start));
      --p;
      continue;
    }
    if (!convert(f, *p, prefix)) rawsys::out << '?';  // as coreutils marks an unknown one
  }
}

const char* const default_file_format =
    "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n";
const char* const default_device_line = "Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n";
const char* const default_plain_line = "Device: %Hd,%Ld\tInode: %-10i  Links: %h\n";
const char* const default_rest =
    "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n";
const char* const default_fs_format =
    "  File: \"%n\"\n    ID: %-8i Namelen: %-7l Type: %T\nBlock size: %-10s Fundamental block size: %S\n"
    "Blocks: Total: %-10b Free: %-10f Available: %a\nInodes: Total: %-10c Free: %d\n";
const char* const terse_file_format = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n";
const char* const terse_fs_format = "%n %i %l %t %s %S %b %f %a %c %d\n";

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool file_system = false, terse = false, escapes = false;
  const char* format = nullptr;
  static const char* const longs[] = {"dereference", "file-system", "format", "printf", "terse", "cached", "help", "version"};
  int early = 1;
  const int files = tool::parse(argc, argv, "c:fLt\x03:\x04:\x01\x02", longs, "Lfc\x03t\x04\x01\x02", 8, [&](char key, const char* arg) {
    switch (key) {
      case 'c': format = arg; escapes = false; return true;
      case '\x03': format = arg; escapes = true; return true;
      case 'f': file_system = true; return true;
      case 'L': dereference = true; return true;
      case 't': terse = true; return true;
      case '\x04': return true;
      case tool::help: early = tool::usage("[OPTION]... FILE...", "Display file or file system status."); return false;
      default: early = tool::version_text("stat"); return false;
    }
  });
  if (files < 0) return early;
  if (files == 0) return tool::missing_operand();

  int status = 0;
  for (int i = 1; i <= files; ++i) {
    const char* name = argv[i];
    if (file_system) {
      rawsys::statfs_t st{};
      if (tool::eq(name, "-")) {
        tool::begin_error() << "using '-' to denote standard input does not work in file system mode";
        tool::end_error();
        status = 1;
        continue;
      }
      if (auto r = rawsys::statfs(name, &st); !r) {
        tool::put_quoteaf(tool::begin_error() << "cannot read file system information for ", name);
        rawsys::err << ": " << message(r.error());
        tool::end_error();
        status = 1;
        continue;
      }
      const char* fmt = format ? format : terse ? terse_fs_format : default_fs_format;
      render(fmt, escapes, [&](const spec& f, char c, char) { return fs_conversion(f, c, name, st); });
      if (format && !escapes) rawsys::out << '\n';
      continue;
    }
    rawsys::statx_t st{};
    const bool stdin_ = tool::eq(name, "-");
    auto r = stdin_ ? rawsys::statx(rawsys::fd(0), "", rawsys::at::empty_path, rawsys::stx::basic_stats | rawsys::stx::btime, &st)
                    : rawsys::statx(rawsys::at_fdcwd, name, dereference ? rawsys::at::flags() : rawsys::at::symlink_nofollow,
                                    rawsys::stx::basic_stats | rawsys::stx::btime, &st);
    if (!r) {
      tool::put_quoteaf(tool::begin_error() << (stdin_ ? "cannot stat " : "cannot statx "), name);
      rawsys::err << ": " << message(r.error());
      tool::end_error();
      status = 1;
      continue;
    }
    auto convert = [&](const spec& f, char c, char prefix) { return file_conversion(f, c, prefix, name, st, !format && !terse); };
    if (format) {
      render(format, escapes, convert);
      if (!escapes) rawsys::out << '\n';
    } else if (terse) {
      render(terse_file_format, false, convert);
    } else {
      render(default_file_format, false, convert);
      render(rawsys::s::ischr(st.mode) || rawsys::s::isblk(st.mode) ? default_device_line : default_plain_line, false, convert);
      render(default_rest, false, convert);
    }
  }
  return tool::finish(status);
}
