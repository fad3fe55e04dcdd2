// ls(1) as coreutils prints in the C locale, with every option POSIX
// specifies (-A -C -F -H -L -R -S -a -c -d -f -g -i -k -l -m -n -o -p -q -r
// -s -t -u -x -1) and GNU's -U -h -w and the long options --all,
// --almost-all, --classify[=WHEN], --color[=WHEN], --dereference,
// --dereference-command-line, --directory, --file-type, --full-time,
// --group-directories-first, --hide-control-chars, --human-readable,
// --indicator-style=WORD, --inode, --kibibytes, --numeric-uid-gid,
// --recursive, --reverse, --show-control-chars, --size, --width=COLS.
//
// Columns (-C, the default on a terminal) are laid out as coreutils lays
// them out, as wide as the terminal (TIOCGWINSZ on stdout, else COLUMNS,
// else 80), padded with tabs unless in colour. On a terminal names are
// quoted as a shell would read them back. Colours are GNU's built-in
// defaults (used when TERM is one dircolors knows, or COLORTERM is set),
// or LS_COLORS's two-letter keys and *SUFFIX entries. Names are sorted as
// LC_ALL=C sorts them. Entries are stat'ed only when the format needs it,
// as coreutils does (so -L finds a dangling link only when it looks).
//
// Not done: other time zones than UTC, the ACL/SELinux mark after the
// mode, file capabilities' colour, escapes in LS_COLORS values,
// BLOCK_SIZE/LS_BLOCK_SIZE, QUOTING_STYLE and GNU's other options (--sort,
// --time, --time-style, -I, -T, -X, -v, -b, -N, -Q, -Z, --si, ...).
// Exit status: 2 when an operand cannot be listed, 1 for lesser trouble.
#include <rawsys/memory.hpp>
#include <rawsys/start.hpp>
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>
#include <rawsys/time.hpp>
#include <rawsys/uapi.hpp>  // uapi::tiocgwinsz

#include "tool.hpp"

namespace {

using rawsys::errc;
using rawsys::dt;

enum class ignore_mode { dot_files, dot_and_dotdot, minimal } ignore = ignore_mode::dot_files;
enum class format_kind { long_format, one_per_line, many_per_line, horizontal, with_commas } format;
enum class sort_by { name, time, size, none } sort = sort_by::name;
enum class time_kind { mtime, ctime, atime } time_type = time_kind::mtime;
enum class indicator_kind { none, slash, file_type, classify } indicator = indicator_kind::none;
enum class deref_kind { undefined, never, command_line_symlink_to_dir, command_line, always } dereference =
    deref_kind::undefined;

bool sort_specified = false, reverse = false, recursive = false, immediate_dirs = false, print_inode = false,
     print_block_size = false, numeric_ids = false, print_owner = true, print_group = true, human = false,
     qmark = false, dirs_first = false, full_time = false, color = false, stdout_tty = false;
uint64_t block_unit = 1024;  // -s and "total": 1024 bytes, 512 with POSIXLY_CORRECT, -k 1024
size_t line_length = 80;     // 0: no limit
unsigned tabsize = 8;
int status = 0;

// Memory: two regions reserved once and used from the bottom up (the kernel
// gives pages as they are touched): one for the entries being listed, one
// for names and other text.
struct region {
  char* base = nullptr;
  size_t used = 0, cap = 0;
  void reserve(size_t n) {
    using namespace rawsys;
    auto r = mmap(nullptr, n, prot::read | prot::write, map::private_ | map::anonymous | map::noreserve);
    if (!r) {
      ::tool::begin_error() << "memory exhausted";
      ::tool::end_error();
      rawsys::exit_program(2);
    }
    base = static_cast<char*>(*r);
    cap = n;
  }
  void* take(size_t n, size_t align = 1) {
    used = (used + align - 1) & ~(align - 1);
    if (cap - used < n) {
      tool::begin_error() << "memory exhausted";
      tool::end_error();
      rawsys::exit_program(2);
    }
    void* p = base + used;
    used += n;
    return p;
  }
  char* copy(const char* s, size_t n) {
    char* d = static_cast<char*>(take(n + 1));
    for (size_t i = 0; i < n; ++i) d[i] = s[i];
    d[n] = 0;
    return d;
  }
};
region text, entries;

size_t length(const char* s) {
  size_t n = 0;
  while (s[n]) ++n;
  return n;
}

struct entry {
  const char* name;     // as printed
  const char* target;   // symlink target (-l), or null
  rawsys::statx_t st;
  uint64_t ino;         // from the directory when not stat'ed
  dt type;              // from the directory, or from the stat
  bool stat_ok, arg_directory, link_ok;
  unsigned link_mode;   // the mode of a symlink's target, when looked at
};

dt mode_type(unsigned m) {
  namespace st = rawsys::s;
  switch (st::type(m)) {
    case st::ififo: return dt::fifo;
    case st::ifchr: return dt::chr;
    case st::ifdir: return dt::dir;
    case st::ifblk: return dt::blk;
    case st::ifreg: return dt::reg;
    case st::iflnk: return dt::lnk;
    case st::ifsock: return dt::sock;
    default: return dt::unknown;
  }
}

bool is_directory(const entry* e) { return e->type == dt::dir || e->arg_directory; }
bool is_linked_dir(const entry* e) { return is_directory(e) || rawsys::s::isdir(e->link_mode); }

const rawsys::statx_timestamp& file_time(const entry* e) {
  return time_type == time_kind::ctime ? e->st.ctime : time_type == time_kind::atime ? e->st.atime : e->st.mtime;
}

// The order of two entries under the chosen sort, before -r.
int order(const entry* a, const entry* b) {
  if (sort == sort_by::time) {
    const auto &ta = file_time(a), &tb = file_time(b);
    if (ta.sec != tb.sec) return ta.sec > tb.sec ? -1 : 1;
    if (ta.nsec != tb.nsec) return ta.nsec > tb.nsec ? -1 : 1;
  } else if (sort == sort_by::size) {
    if (a->st.size != b->st.size) return a->st.size > b->st.size ? -1 : 1;
  }
  return tool::compare(a->name, b->name);
}

bool before(const entry* a, const entry* b) {
  if (dirs_first) {
    const bool ad = is_linked_dir(a), bd = is_linked_dir(b);
    if (ad != bd) return ad;
  }
  const int c = order(a, b);
  return reverse ? c > 0 : c < 0;
}

// Heap sort on the pointer array: no allocation, O(n log n). Equal
// entries (the same name twice on the command line) need no stable order.
void sort_entries(entry** v, size_t n) {
  if (sort == sort_by::none) return;
  auto sift = [&](size_t root, size_t end) {
    for (;;) {
      size_t child = 2 * root + 1;
      if (child >= end) return;
      if (child + 1 < end && before(v[child], v[child + 1])) ++child;
      if (!before(v[root], v[child])) return;
      entry* t = v[root];
      v[root] = v[child];
      v[child] = t;
      root = child;
    }
  };
  for (size_t i = n / 2; i-- > 0;) sift(i, n);
  for (size_t end = n; end > 1; --end) {
    entry* t = v[0];
    v[0] = v[end - 1];
    v[end - 1] = t;
    sift(0, end - 1);
  }
}

// --- user and group names -------------------------------------------------

struct id_file {
  const char* path;
  char* data = nullptr;
  size_t size = 0;
  bool loaded = false;
  uint32_t last_id = ~0u;
  const char* last_name = nullptr;
  unsigned last_len = 0;

  // The name for id (its length in *len), or null.
  const char* lookup(uint32_t id, unsigned* len) {
    if (id == last_id) return *len = last_len, last_name;
    last_id = id;
    last_name = nullptr;
    // "name:password:id:..." lines; the first match wins, as in getpwuid.
    for (size_t i = 0; i < size;) {
      size_t end = i;
      while (end < size && data[end] != '\n') ++end;
      size_t f[3] = {i, 0, 0};
      int fields = 1;
      for (size_t k = i; k < end && fields < 3; ++k)
        if (data[k] == ':') f[fields++] = k + 1;
      if (fields == 3) {
        uint64_t v = 0;
        size_t k = f[2];
        bool digits = k < end && data[k] >= '0' && data[k] <= '9';
        for (; k < end && data[k] >= '0' && data[k] <= '9'; ++k) v = v * 10 + static_cast<unsigned>(data[k] - '0');
        if (digits && k < end && data[k] == ':' && v == id) {
          last_name = data + i;
          last_len = static_cast<unsigned>(f[1] - 1 - i);
          break;
        }
      }
      i = end + 1;
    }
    *len = last_len;
    return last_name;
  }

  void load() {
    loaded = true;
    auto f = rawsys::openat(rawsys::at_fdcwd, path, rawsys::o::rdonly | rawsys::o::cloexec);
    if (!f) return;
    constexpr size_t chunk = 64 * 1024;
    data = static_cast<char*>(text.take(0));
    for (;;) {
      char* p = static_cast<char*>(text.take(chunk));
      auto r = rawsys::retry_on_eintr([&] { return rawsys::read(*f, p, chunk); });
      const size_t got = r ? *r : 0;
      text.used -= chunk - got;
      size += got;
      if (got == 0) break;
    }
  }
};
id_file passwd{"/etc/passwd"}, group{"/etc/group"};

unsigned digits(uint64_t v) {
  unsigned n = 1;
  while (v >= 10) v /= 10, ++n;
  return n;
}

// --- numbers: block counts and sizes ----------------------------------------

// A number as coreutils' human_readable() writes it for ls: `bytes` in
// units of `unit` (1, 512 or 1024) rounded up, or with -h in powers of
// 1024 with a one-letter suffix and one decimal below 10 ("4.0K", "148K"),
// rounded up. Only shifts and divisions by constants: no libgcc on i386.
struct number_text {
  char s[32];
  unsigned n = 0;
};

number_text human_number(uint64_t bytes, uint64_t unit, bool autoscale) {
  number_text t;
  char tmp[32];
  unsigned k = 0;
  uint64_t amt;
  unsigned tenths = 0, rounding = 0;  // as human.c: tenths, and 0/1/2/3 for below/at/above half
  int exponent = 0;
  if (!autoscale) {
    const unsigned shift = unit == 1024 ? 10 : unit == 512 ? 9 : 0;
    amt = bytes >> shift;
    if (bytes & ((uint64_t{1} << shift) - 1)) ++amt;
  } else {
    amt = bytes;
    if (amt >= 1024) {
      do {
        const unsigned r10 = static_cast<unsigned>(amt & 1023) * 10 + tenths;
        const unsigned r2 = (r10 & 1023) * 2 + (rounding >> 1);
        amt >>= 10;
        tenths = r10 >> 10;
        rounding = r2 < 1024 ? (r2 + rounding) != 0 : 2 + (1024 < r2 + rounding);
        ++exponent;
      } while (amt >= 1024 && exponent < 8);
      if (amt < 10) {
        if (rounding > 0) {
          ++tenths;
          rounding = 0;
          if (tenths == 10) ++amt, tenths = 0;
        }
        if (amt < 10) {
          tmp[k++] = static_cast<char>('0' + tenths);
          tmp[k++] = '.';
          tenths = rounding = 0;
        }
      }
    }
    if (tenths + rounding > 0) {
      ++amt;
      if (amt == 1024 && exponent < 8) {
        ++exponent;
        tmp[k++] = '0';
        tmp[k++] = '.';
        amt = 1;
      }
    }
  }
  do {
    tmp[k++] = static_cast<char>('0' + amt % 10);
    amt /= 10;
  } while (amt != 0);
  while (k) t.s[t.n++] = tmp[--k];
  if (exponent) t.s[t.n++] = "KMGTPEZY"[exponent - 1];
  return t;
}

number_text blocks_text(const entry* e) {
  if (!e->stat_ok) {
    number_text t;
    t.s[t.n++] = '?';
    return t;
  }
  return human_number(e->st.blocks * 512, human ? 1 : block_unit, human);
}

number_text size_text(uint64_t size) { return human_number(size, 1, human); }

void put_right(rawsys::writer& w, const number_text& t, unsigned width) {
  for (unsigned i = t.n; i < width; ++i) w.put(' ');
  w.write(t.s, t.n);
}

// --- colours ---------------------------------------------------------------

// The indicators, as coreutils names them (LS_COLORS keys), and their
// built-in values (ls.c's color_indicator).
enum ind { lc, rc, ec, rs, no, fi, di, ln, pi, so, bd, cd, mi, or_, ex, do_, su, sg, st, ow, tw, ca, mh, cl, count };
const char* const ind_names[count] = {"lc", "rc", "ec", "rs", "no", "fi", "di", "ln", "pi", "so", "bd", "cd",
                                      "mi", "or", "ex", "do", "su", "sg", "st", "ow", "tw", "ca", "mh", "cl"};
struct seq {
  const char* s;
  unsigned n;
};
seq colors[count] = {{"\033[", 2}, {"m", 1},     {nullptr, 0}, {"0", 1},     {nullptr, 0}, {nullptr, 0},
                     {"01;34", 5}, {"01;36", 5}, {"33", 2},    {"01;35", 5}, {"01;33", 5}, {"01;33", 5},
                     {nullptr, 0}, {nullptr, 0}, {"01;32", 5}, {"01;35", 5}, {"37;41", 5}, {"30;43", 5},
                     {"37;44", 5}, {"34;42", 5}, {"30;42", 5}, {nullptr, 0}, {nullptr, 0}, {"\033[K", 3}};
// LS_COLORS "*SUFFIX=SEQ" entries, matched last to first as coreutils does
// (the later entry wins).
struct suffix_color {
  seq suffix, color;
};
suffix_color* suffixes = nullptr;
size_t nsuffixes = 0;
bool used_color = false, color_symlink_as_referent = false;

bool is_colored(ind i) {
  const seq& c = colors[i];
  return !(c.n == 0 || (c.n == 1 && c.s[0] == '0') || (c.n == 2 && c.s[0] == '0' && c.s[1] == '0'));
}

// TERM globs of coreutils' dircolors database: colours are used without
// LS_COLORS only on these (or when COLORTERM is set).
bool glob(const char* p, const char* s) {
  for (; *p; ++p, ++s) {
    if (*p == '*') {
      for (;; ++s) {
        if (glob(p + 1, s)) return true;
        if (!*s) return false;
      }
    }
    if (!*s) return false;
    if (*p == '[') {
      const char lo = p[1], hi = p[3];  // only "[0-9]" is used
      if (*s < lo || *s > hi) return false;
      p += 4;
    } else if (*p != *s) {
      return false;
    }
  }
  return *s == '\0';
}

bool known_term() {
  const char* term = rawsys::getenv("TERM");
  if (!term || !*term) return false;
  static const char* const terms[] = {"Eterm", "ansi", "*color*", "con[0-9]*x[0-9]*", "cons25", "console",
                                      "cygwin", "*direct*", "dtterm", "gnome", "hurd", "jfbterm", "konsole",
                                      "kterm", "linux", "linux-c", "mlterm", "putty", "rxvt*", "screen*", "st",
                                      "terminator", "tmux*", "vt100", "xterm*"};
  for (const char* t : terms)
    if (glob(t, term)) return true;
  return false;
}

// LS_COLORS: "key=value" items separated by ':'. The values are taken as
// written (coreutils also decodes ^X and \-escapes in them: not done here).
void parse_ls_colors() {
  const char* p = rawsys::getenv("LS_COLORS");
  if (!p || !*p) {
    const char* ct = rawsys::getenv("COLORTERM");
    if (!(ct && *ct) && !known_term()) color = false;
    return;
  }
  size_t items = 1;
  for (const char* q = p; *q; ++q) items += *q == ':';
  suffixes = static_cast<suffix_color*>(text.take(items * sizeof(suffix_color), alignof(suffix_color)));
  while (*p) {
    const char* key = p;
    while (*p && *p != '=' && *p != ':') ++p;
    const unsigned klen = static_cast<unsigned>(p - key);
    if (*p != '=') {
      if (*p) ++p;
      continue;
    }
    const char* val = ++p;
    while (*p && *p != ':') ++p;
    const seq v{val, static_cast<unsigned>(p - val)};
    if (*p) ++p;
    if (klen > 1 && key[0] == '*') {
      suffixes[nsuffixes++] = {{key + 1, klen - 1}, v};
    } else if (klen == 2) {
      for (int i = 0; i < count; ++i)
        if (ind_names[i][0] == key[0] && ind_names[i][1] == key[1]) {
          colors[i] = v;
          if (i == ln && v.n == 6 && tool::starts_with(val, "target")) color_symlink_as_referent = true;
        }
    }
  }
}

void put_seq(const seq& s) {
  auto& out = rawsys::out;
  if (!used_color) {
    used_color = true;
    if (colors[ec].s) {
      out.write(colors[ec].s, colors[ec].n);
    } else {
      out.write(colors[lc].s, colors[lc].n).write(colors[rs].s, colors[rs].n).write(colors[rc].s, colors[rc].n);
    }
  }
  out.write(s.s, s.n);
}

void end_color() {
  auto& out = rawsys::out;
  if (colors[ec].s) {
    out.write(colors[ec].s, colors[ec].n);
  } else {
    put_seq(colors[lc]);
    put_seq(colors[rs]);
    put_seq(colors[rc]);
  }
}

// The colour for an entry's name, or for its symlink's target.
const seq* color_of(const entry* e, bool target) {
  const char* name = target ? e->target : e->name;
  const unsigned mode = target ? e->link_mode
                               : (color_symlink_as_referent && e->link_ok ? e->link_mode : e->st.mode);
  const int link_ok = target ? (e->link_ok ? 0 : -1) : e->link_ok;
  namespace s = rawsys::s;
  ind type;
  if (link_ok == -1 && is_colored(mi)) {
    type = mi;
  } else if (!e->stat_ok) {
    switch (e->type) {
      case dt::fifo: type = pi; break;
      case dt::chr: type = cd; break;
      case dt::dir: type = di; break;
      case dt::blk: type = bd; break;
      case dt::reg: type = fi; break;
      case dt::lnk: type = ln; break;
      case dt::sock: type = so; break;
      default: type = e->arg_directory ? di : fi; break;
    }
  } else if (s::isreg(mode)) {
    type = fi;
    if ((mode & 04000) && is_colored(su)) type = su;
    else if ((mode & 02000) && is_colored(sg)) type = sg;
    else if ((mode & 0111) && is_colored(ex)) type = ex;
    else if (e->st.nlink > 1 && is_colored(mh)) type = mh;
  } else if (s::isdir(mode)) {
    type = di;
    if ((mode & 01000) && (mode & 02) && is_colored(tw)) type = tw;
    else if ((mode & 02) && is_colored(ow)) type = ow;
    else if ((mode & 01000) && is_colored(st)) type = st;
  } else if (s::islnk(mode)) {
    type = ln;
  } else if (s::isfifo(mode)) {
    type = pi;
  } else if (s::issock(mode)) {
    type = so;
  } else if (s::isblk(mode)) {
    type = bd;
  } else if (s::ischr(mode)) {
    type = cd;
  } else {
    type = or_;
  }
  if (type == fi && nsuffixes) {
    const size_t len = length(name);
    for (size_t i = nsuffixes; i-- > 0;) {
      const seq& x = suffixes[i].suffix;
      if (x.n > len) continue;
      unsigned k = 0;
      while (k < x.n && name[len - x.n + k] == x.s[k]) ++k;
      if (k == x.n) return suffixes[i].color.s ? &suffixes[i].color : nullptr;
    }
  }
  if (type == ln && !link_ok && (color_symlink_as_referent || is_colored(or_))) type = or_;
  return colors[type].s ? &colors[type] : nullptr;
}

// --- names -------------------------------------------------------------------

bool printable(unsigned char c) { return c >= 0x20 && c < 0x7f; }

// On a terminal, names are quoted as coreutils' shell-escape style does in
// the C locale: as they are when a shell reads them back unchanged, else in
// single quotes (double quotes around a ' when nothing else needs them),
// with unprintable bytes as $'\n' or $'\200'. In the long format and in
// columns, a listing where some name is quoted puts a blank before the
// others, so that the names line up.
bool shell_quote = false, align_quotes = false, some_quoted = false;

// The quoted form of s in buf (room for 4 bytes a byte, and 3), and its
// length. `extra`: more characters that ask for quotes.
size_t quote(const char* s, char* buf, const char* extra) {
  bool special = *s == '\0' || *s == '#' || *s == '~', control = false, single = false, dq_unsafe = false;
  for (const char* p = s; *p; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (!printable(c)) control = true;
    if (c == '\'') single = true;
    if (c == '$' || c == '`' || c == '\\' || c == '"' || c == '!') dq_unsafe = true;
    for (const char* q = " \t\n!\"$&'()*;<=>?[\\]^`{|}"; *q; ++q)
      if (c == static_cast<unsigned char>(*q)) special = true;
    for (const char* q = extra; *q; ++q)
      if (c == static_cast<unsigned char>(*q)) special = true;
  }
  size_t n = 0;
  if (!special && !control) {
    while (s[n]) buf[n] = s[n], ++n;
    return n;
  }
  if (single && !control && !dq_unsafe) {
    buf[n++] = '"';
    for (const char* p = s; *p; ++p) buf[n++] = *p;
    buf[n++] = '"';
    return n;
  }
  bool escaping = false;
  buf[n++] = '\'';
  for (const char* p = s; *p; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (!printable(c)) {
      if (!escaping) buf[n++] = '\'', buf[n++] = '$', buf[n++] = '\'', escaping = true;
      buf[n++] = '\\';
      static const char names[] = "abtnvfr";
      if (c >= 7 && c <= 13) {
        buf[n++] = names[c - 7];
      } else {
        buf[n++] = static_cast<char>('0' + (c >> 6));
        buf[n++] = static_cast<char>('0' + ((c >> 3) & 7));
        buf[n++] = static_cast<char>('0' + (c & 7));
      }
      continue;
    }
    if (escaping) buf[n++] = '\'', buf[n++] = '\'', escaping = false;
    if (c == '\'') {
      buf[n++] = '\'', buf[n++] = '\\', buf[n++] = '\'', buf[n++] = '\'';
    } else {
      buf[n++] = static_cast<char>(c);
    }
  }
  buf[n++] = '\'';
  return n;
}

// The characters that ask for quotes in file names besides the shell's:
// the indicators that -F or --file-type add.
const char* name_extra() {
  return indicator == indicator_kind::file_type ? "*=>@|" : indicator == indicator_kind::classify ? "=>@|" : "";
}

// The quoted form of s, in `text` above what is in use (the caller gives
// the room back by resetting text.used).
size_t quoted(const char* s, const char* extra, char** buf) {
  *buf = static_cast<char*>(text.take(length(s) * 4 + 3));
  return quote(s, *buf, extra);
}

bool needs_quotes(const char* s) {
  if (!shell_quote) return false;
  const size_t mark = text.used;
  char* buf;
  const size_t n = quoted(s, name_extra(), &buf);
  text.used = mark;
  return n && (buf[0] == '\'' || buf[0] == '"');
}

// The blank before an unquoted name among quoted ones.
bool quote_pad(const char* s) { return align_quotes && some_quoted && !needs_quotes(s); }

// Columns a name takes: its printable bytes (all of them with -q, which
// shows the others as '?'), as coreutils counts in the C locale; quoted on
// a terminal (and with its blank).
size_t name_width(const char* s, bool pad = false) {
  if (shell_quote) {
    const size_t mark = text.used;
    char* buf;
    const size_t n = quoted(s, name_extra(), &buf);
    text.used = mark;
    return n + (pad && quote_pad(s));
  }
  size_t w = 0;
  for (; *s; ++s) w += qmark || printable(static_cast<unsigned char>(*s));
  return w;
}

void put_name(const char* s, const char* extra = nullptr) {
  auto& out = rawsys::out;
  if (shell_quote) {
    const size_t mark = text.used;
    char* buf;
    const size_t n = quoted(s, extra ? extra : name_extra(), &buf);
    out.write(buf, n);
    text.used = mark;
    return;
  }
  for (; *s; ++s) out.put(qmark && !printable(static_cast<unsigned char>(*s)) ? '?' : *s);
}

// The name (or the symlink target) with its colour; `start` is the column
// where it begins, for the clear-to-end-of-line after a wrapped name.
void print_name(const entry* e, bool target, size_t start) {
  const seq* c = color ? color_of(e, target) : nullptr;
  if (!target && quote_pad(target ? e->target : e->name)) rawsys::out.put(' '), ++start;
  if (c) {
    put_seq(colors[lc]);
    put_seq(*c);
    put_seq(colors[rc]);
  }
  const char* name = target ? e->target : e->name;
  put_name(name);
  if (c) {
    end_color();
    const size_t w = name_width(name);
    if (line_length && w && start / line_length != (start + w - 1) / line_length) put_seq(colors[cl]);
  }
}

char type_indicator(bool stat_ok, unsigned mode, dt type, bool arg_dir) {
  namespace s = rawsys::s;
  if (stat_ok ? s::isreg(mode) : type == dt::reg) return stat_ok && indicator == indicator_kind::classify && (mode & 0111) ? '*' : 0;
  if (stat_ok ? s::isdir(mode) : (type == dt::dir || arg_dir)) return '/';
  if (indicator == indicator_kind::slash) return 0;
  if (stat_ok ? s::islnk(mode) : type == dt::lnk) return '@';
  if (stat_ok ? s::isfifo(mode) : type == dt::fifo) return '|';
  if (stat_ok ? s::issock(mode) : type == dt::sock) return '=';
  return 0;
}

// --- the long format ------------------------------------------------------

int64_t now_sec = 0, now_nsec = 0;
bool have_now = false;

void get_now() {
  const rawsys::timespec t = rawsys::clock_gettime(rawsys::clock::realtime).value_or(rawsys::timespec{0, 0});
  now_sec = t.sec;
  now_nsec = t.nsec;
  have_now = true;
}

// "%b %e %H:%M" within the last six months, "%b %e  %Y" otherwise, or
// with --full-time "%Y-%m-%d %H:%M:%S.%N %z"; in UTC.
void put_time(rawsys::writer& w, const rawsys::statx_timestamp& t) {
  if (!have_now || t.sec > now_sec || (t.sec == now_sec && static_cast<int64_t>(t.nsec) > now_nsec)) get_now();
  const int64_t six_months_ago = now_sec - 31556952 / 2;
  const bool recent = (six_months_ago < t.sec || (six_months_ago == t.sec && now_nsec < t.nsec)) &&
                      (t.sec < now_sec || (t.sec == now_sec && t.nsec < now_nsec));
  // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
  int64_t days = t.sec / 86400, secs = t.sec % 86400;
  if (secs < 0) secs += 86400, --days;
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2);
  if (full_time) {
    w.dec(year, 4, '0').put('-').dec(month, 2, '0').put('-').dec(day, 2, '0').put(' ');
    w.dec(secs / 3600, 2, '0').put(':').dec(secs / 60 % 60, 2, '0').put(':').dec(secs % 60, 2, '0');
    w.put('.').dec(t.nsec, 9, '0') << " +0000";
    return;
  }
  static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  w.write(months + 3 * (month - 1), 3).put(' ').dec(day, 2).put(' ');
  if (recent)
    w.dec(secs / 3600, 2, '0').put(':').dec(secs / 60 % 60, 2, '0');
  else
    w.put(' ').dec(year);
}

void put_mode(rawsys::writer& w, const entry* e) {
  char s[10];
  static const char letters[] = "?pc?d?b?-?l?s???";
  s[0] = letters[static_cast<unsigned>(e->stat_ok ? mode_type(e->st.mode) : e->type) & 15];
  if (!e->stat_ok) {
    for (int i = 1; i < 10; ++i) s[i] = '?';
    w.write(s, 10);
    return;
  }
  const unsigned m = e->st.mode;
  const char* rwx = "rwxrwxrwx";
  for (int i = 0; i < 9; ++i) s[1 + i] = (m & (0400u >> i)) ? rwx[i] : '-';
  if (m & 04000) s[3] = (m & 0100) ? 's' : 'S';
  if (m & 02000) s[6] = (m & 010) ? 's' : 'S';
  if (m & 01000) s[9] = (m & 01) ? 't' : 'T';
  w.write(s, 10);
}

bool is_device(const entry* e) {
  return e->stat_ok && (rawsys::s::ischr(e->st.mode) || rawsys::s::isblk(e->st.mode));
}

uint64_t inode_of(const entry* e) { return e->stat_ok ? e->st.ino : e->ino; }

// The columns' widths, from every entry of a listing (for the file
// operands, from all of them, directories included, as coreutils does).
struct widths {
  unsigned inode = 0, blocks = 0, nlink = 0, owner = 0, group = 0, size = 0, major = 0, minor = 0;
};

widths measure(entry* const* v, size_t n) {
  widths w;
  auto grow = [](unsigned& to, unsigned x) {
    if (x > to) to = x;
  };
  some_quoted = false;
  for (size_t i = 0; i < n; ++i) {
    const entry* e = v[i];
    if (align_quotes && !some_quoted) some_quoted = needs_quotes(e->name);
    if (print_inode) grow(w.inode, e->stat_ok || e->ino ? digits(inode_of(e)) : 1);
    if (!e->stat_ok) continue;
    if (print_block_size) grow(w.blocks, blocks_text(e).n);
    if (format != format_kind::long_format) continue;
    grow(w.nlink, digits(e->st.nlink));
    unsigned len;
    grow(w.owner, !numeric_ids && passwd.lookup(e->st.uid, &len) ? len : digits(e->st.uid));
    grow(w.group, !numeric_ids && group.lookup(e->st.gid, &len) ? len : digits(e->st.gid));
    if (is_device(e)) {
      grow(w.major, digits(e->st.rdev_major));
      grow(w.minor, digits(e->st.rdev_minor));
      grow(w.size, w.major + 2 + w.minor);
    } else {
      grow(w.size, size_text(e->st.size).n);
    }
  }
  return w;
}

void print_long(const entry* e, const widths& w) {
  auto& out = rawsys::out;
  auto pad_right = [&](unsigned have, unsigned want) {
    for (unsigned k = have; k < want; ++k) out.put(' ');
  };
  if (print_inode) {
    if (e->stat_ok || e->ino) out.dec(inode_of(e), w.inode);
    else pad_right(1, w.inode), out.put('?');
    out.put(' ');
  }
  if (print_block_size) put_right(out, blocks_text(e), w.blocks), out.put(' ');
  put_mode(out, e);
  out.put(' ');
  if (e->stat_ok) out.dec(e->st.nlink, w.nlink);
  else pad_right(1, w.nlink), out.put('?');
  out.put(' ');
  auto id = [&](id_file& file, uint32_t value, unsigned width) {
    unsigned len;
    const char* name = numeric_ids ? nullptr : file.lookup(value, &len);
    if (!e->stat_ok) {
      out.put('?');
      pad_right(1, width);
    } else if (name) {
      out.write(name, len);
      pad_right(len, width);
    } else {
      out.dec(value, width);
    }
    out.put(' ');
  };
  if (print_owner) id(passwd, e->st.uid, w.owner);
  if (print_group) id(group, e->st.gid, w.group);
  if (is_device(e)) {
    const unsigned blanks = w.size > w.major + 2 + w.minor ? w.size - (w.major + 2 + w.minor) : 0;
    out.dec(e->st.rdev_major, w.major + blanks) << ", ";
    out.dec(e->st.rdev_minor, w.minor);
  } else if (e->stat_ok) {
    put_right(out, size_text(e->st.size), w.size);
  } else {
    pad_right(1, w.size), out.put('?');
  }
  out.put(' ');
  if (e->stat_ok) {
    put_time(out, file_time(e));
  } else {
    pad_right(1, full_time ? 35 : 12);
    out.put('?');
  }
  out.put(' ');
  print_name(e, false, 0);
  if (e->target) {
    out << " -> ";
    print_name(e, true, 0);
    if (indicator != indicator_kind::none) {
      if (char c = type_indicator(true, e->link_mode, dt::unknown, false)) out.put(c);
    }
  } else if (indicator != indicator_kind::none) {
    if (char c = type_indicator(e->stat_ok, e->st.mode, e->type, e->arg_directory)) out.put(c);
  }
  out.put('\n');
}

// --- the short formats ------------------------------------------------------

size_t frills_width(const entry* e, const widths& w) {
  size_t len = 0;
  const bool commas = format == format_kind::with_commas;
  if (print_inode) len += 1 + (commas ? (e->stat_ok || e->ino ? digits(inode_of(e)) : 1) : w.inode);
  if (print_block_size) len += 1 + (commas ? blocks_text(e).n : w.blocks);
  len += name_width(e->name, true);
  if (indicator != indicator_kind::none) len += type_indicator(e->stat_ok, e->st.mode, e->type, e->arg_directory) != 0;
  return len;
}

void print_frills(const entry* e, const widths& w, size_t start) {
  auto& out = rawsys::out;
  const bool commas = format == format_kind::with_commas;
  if (print_inode) {
    if (e->stat_ok || e->ino) out.dec(inode_of(e), commas ? 0 : w.inode);
    else {
      for (unsigned k = 1; !commas && k < w.inode; ++k) out.put(' ');
      out.put('?');
    }
    out.put(' ');
  }
  if (print_block_size) put_right(out, blocks_text(e), commas ? 0 : w.blocks), out.put(' ');
  print_name(e, false, start);
  if (indicator != indicator_kind::none)
    if (char c = type_indicator(e->stat_ok, e->st.mode, e->type, e->arg_directory)) out.put(c);
}

void indent(size_t from, size_t to) {
  auto& out = rawsys::out;
  while (from < to) {
    if (tabsize != 0 && to / tabsize > (from + 1) / tabsize) {
      out.put('\t');
      from += tabsize - from % tabsize;
    } else {
      out.put(' ');
      ++from;
    }
  }
}

// ls.c's calculate_columns: the most columns whose lines stay shorter than
// the line length, each column as wide as its widest name plus 2 (the last
// without).
constexpr size_t min_column_width = 3;

size_t columns(entry* const* v, size_t n, const widths& w, bool by_columns, size_t* col_width) {
  size_t max_cols = line_length ? line_length / min_column_width + (line_length % min_column_width != 0) : n;
  if (max_cols == 0 || max_cols > n) max_cols = n;
  // One candidate layout per column count: its columns' widths, its length.
  const size_t mark = entries.used;
  size_t* line_len = static_cast<size_t*>(entries.take(max_cols * sizeof(size_t), alignof(size_t)));
  bool* valid = static_cast<bool*>(entries.take(max_cols));
  size_t** widths_of = static_cast<size_t**>(entries.take(max_cols * sizeof(size_t*), alignof(size_t*)));
  for (size_t i = 0; i < max_cols; ++i) {
    valid[i] = true;
    line_len[i] = (i + 1) * min_column_width;
    widths_of[i] = static_cast<size_t*>(entries.take((i + 1) * sizeof(size_t), alignof(size_t)));
    for (size_t k = 0; k <= i; ++k) widths_of[i][k] = min_column_width;
  }
  for (size_t f = 0; f < n; ++f) {
    const size_t len = frills_width(v[f], w);
    for (size_t i = 0; i < max_cols; ++i) {
      if (!valid[i]) continue;
      const size_t idx = by_columns ? f / ((n + i) / (i + 1)) : f % (i + 1);
      const size_t real = len + (idx == i ? 0 : 2);
      if (widths_of[i][idx] < real) {
        line_len[i] += real - widths_of[i][idx];
        widths_of[i][idx] = real;
        valid[i] = line_length == 0 || line_len[i] < line_length;
      }
    }
  }
  size_t cols = max_cols;
  while (cols > 1 && !valid[cols - 1]) --cols;
  for (size_t k = 0; k < cols; ++k) col_width[k] = widths_of[cols - 1][k];
  entries.used = mark;
  return cols;
}

// Prints the entries (already sorted) in the chosen format, with widths
// from `sized`.
void print_entries(entry** v, size_t n, entry* const* sized, size_t nsized) {
  auto& out = rawsys::out;
  const widths w = measure(sized, nsized);
  switch (format) {
    case format_kind::long_format:
      for (size_t i = 0; i < n; ++i) print_long(v[i], w);
      return;
    case format_kind::one_per_line:
      for (size_t i = 0; i < n; ++i) {
        print_frills(v[i], w, 0);
        out.put('\n');
      }
      return;
    case format_kind::with_commas: {
      size_t pos = 0;
      for (size_t i = 0; i < n; ++i) {
        const size_t len = line_length ? frills_width(v[i], w) : 0;
        if (i != 0) {
          out.put(',');
          if (!line_length || pos + len + 2 < line_length) {
            pos += 2;
            out.put(' ');
          } else {
            pos = 0;
            out.put('\n');
          }
        }
        print_frills(v[i], w, pos);
        pos += len;
      }
      if (n) out.put('\n');
      return;
    }
    case format_kind::many_per_line:
    case format_kind::horizontal: {
      if (n == 0) return;
      if (line_length == 0) {  // no limit: one line, names two blanks apart
        for (size_t i = 0; i < n; ++i) {
          if (i != 0) out << "  ";
          print_frills(v[i], w, 0);
        }
        out.put('\n');
        return;
      }
      const size_t mark = entries.used;
      size_t* col_width = static_cast<size_t*>(entries.take(n * sizeof(size_t), alignof(size_t)));
      const bool by_columns = format == format_kind::many_per_line;
      const size_t cols = columns(v, n, w, by_columns, col_width);
      if (by_columns) {
        const size_t rows = n / cols + (n % cols != 0);
        for (size_t row = 0; row < rows; ++row) {
          size_t col = 0, f = row, pos = 0;
          for (;;) {
            const size_t len = frills_width(v[f], w), max = col_width[col++];
            print_frills(v[f], w, pos);
            f += rows;
            if (f >= n) break;
            indent(pos + len, pos + max);
            pos += max;
          }
          out.put('\n');
        }
      } else {
        size_t pos = 0;
        print_frills(v[0], w, 0);
        size_t len = frills_width(v[0], w), max = col_width[0];
        for (size_t f = 1; f < n; ++f) {
          const size_t col = f % cols;
          if (col == 0) {
            out.put('\n');
            pos = 0;
          } else {
            indent(pos + len, pos + max);
            pos += max;
          }
          print_frills(v[f], w, pos);
          len = frills_width(v[f], w);
          max = col_width[col];
        }
        out.put('\n');
      }
      entries.used = mark;
      return;
    }
  }
}

// --- gathering -------------------------------------------------------------

bool format_needs_stat() {
  return sort == sort_by::time || sort == sort_by::size || format == format_kind::long_format || print_block_size;
}
bool format_needs_type() {
  return !format_needs_stat() && (recursive || color || dirs_first || indicator != indicator_kind::none);
}
bool check_symlink_mode() {
  return color && (is_colored(or_) || (is_colored(ex) && color_symlink_as_referent) ||
                   (is_colored(mi) && format == format_kind::long_format));
}

void file_failure(bool serious, const char* what, const char* name, errc e) {
  tool::begin_error() << what << " '" << name << "': " << message(e);
  tool::end_error();
  const int level = serious ? 2 : 1;
  if (status < level) status = level;
}

// Fills in what the listing needs for `path` (relative to dir, `full` for
// messages) as coreutils' gobble_file does: stat or lstat as the
// dereference mode says (and only when the format needs it, for entries of
// a directory), the link target and its mode in the long format or for -F
// and colours. False (after the message) when an operand cannot be stat'ed.
bool describe(entry* e, rawsys::fd dir, const char* path, const char* full, bool command_line) {
  namespace at = rawsys::at;
  e->target = nullptr;
  e->stat_ok = e->link_ok = e->arg_directory = false;
  e->link_mode = 0;
  const bool need = command_line || format_needs_stat() ||
                    ((print_inode || format_needs_type()) && e->type == dt::lnk &&
                     (dereference == deref_kind::always || color_symlink_as_referent || check_symlink_mode())) ||
                    (e->type == dt::dir && color && (is_colored(ow) || is_colored(st) || is_colored(tw))) ||
                    (dirs_first && e->type == dt::lnk) ||
                    (format_needs_type() &&
                     (e->type == dt::unknown ||
                      (e->type == dt::reg && (indicator == indicator_kind::classify ||
                                              (color && (is_colored(ex) || is_colored(su) || is_colored(sg)))))));
  if (!need) return true;
  const auto mask = rawsys::stx::basic_stats;
  rawsys::result<void> r;
  const bool follow = dereference == deref_kind::always ||
                      (command_line && (dereference == deref_kind::command_line ||
                                        dereference == deref_kind::command_line_symlink_to_dir));
  if (follow) {
    r = rawsys::statx(dir, path, at::flags(), mask, &e->st);
    if (command_line && dereference == deref_kind::command_line_symlink_to_dir &&
        (r ? !rawsys::s::isdir(e->st.mode) : (r.error() == errc::enoent || r.error() == errc::eloop)))
      r = rawsys::statx(dir, path, at::symlink_nofollow, mask, &e->st);
  } else {
    r = rawsys::statx(dir, path, at::symlink_nofollow, mask, &e->st);
  }
  if (!r) {
    file_failure(command_line, "cannot access", full, r.error());
    return !command_line;
  }
  e->stat_ok = true;
  e->type = mode_type(e->st.mode);
  if (command_line && e->type == dt::dir && !immediate_dirs) e->arg_directory = true;
  if (e->type == dt::lnk && (format == format_kind::long_format || check_symlink_mode() || dirs_first)) {
    char tmp[4096];
    if (auto n = rawsys::readlinkat(dir, path, tmp, sizeof tmp)) e->target = text.copy(tmp, *n);
    else file_failure(command_line, "cannot read symbolic link", full, n.error());
    rawsys::statx_t target;
    if (e->target && (indicator >= indicator_kind::file_type || check_symlink_mode() || dirs_first) &&
        rawsys::statx(dir, path, at::flags(), mask, &target)) {
      e->link_ok = true;
      e->link_mode = target.mode;
    }
  }
  return true;
}

// file_name_concat: DIR/NAME, without a second '/'.
char* concat(const char* dir, const char* name, bool skip_dot) {
  const size_t a = length(dir), b = length(name);
  char* p = static_cast<char*>(text.take(a + b + 2));
  size_t k = 0;
  if (!(skip_dot && dir[0] == '.' && dir[1] == 0)) {
    for (size_t i = 0; i < a; ++i) p[k++] = dir[i];
    if (a && dir[a - 1] != '/') p[k++] = '/';
  }
  for (size_t i = 0; i <= b; ++i) p[k++] = name[i];
  return p;
}

// The directories being listed by -R, outermost first: a directory met
// again inside itself (through -L, or a bind mount) is not listed again.
struct active_dir {
  uint32_t dev_major, dev_minor;
  uint64_t ino;
  const active_dir* parent;
};

// Lists one directory: a header when asked, "total", the entries, and with
// -R the directories among them.
void list_directory(const char* name, bool command_line, bool header, bool& first, const active_dir* parent) {
  auto& out = rawsys::out;
  auto d = rawsys::openat(rawsys::at_fdcwd, name, rawsys::o::rdonly | rawsys::o::cloexec | rawsys::o::directory);
  if (!d) {
    file_failure(command_line, "cannot open directory", name, d.error());
    return;
  }
  active_dir self{};
  if (recursive) {
    rawsys::statx_t st;
    if (rawsys::statx(*d, "", rawsys::at::empty_path, rawsys::stx::basic_stats, &st)) {
      self = {st.dev_major, st.dev_minor, st.ino, parent};
      for (const active_dir* a = parent; a; a = a->parent)
        if (a->ino == st.ino && a->dev_major == st.dev_major && a->dev_minor == st.dev_minor) {
          tool::begin_error();
          tool::put_quotef(rawsys::err, name);
          rawsys::err << ": not listing already-listed directory";
          tool::end_error();
          status = 2;
          return;
        }
    }
  }
  if (header) {
    if (!first) out.put('\n');
    put_name(name, ":");
    out << ":\n";
  }
  first = false;

  const size_t text_mark = text.used, entries_mark = entries.used;
  // Names first (copied into `text`, with their type and inode in `raw`),
  // then the entries.
  struct raw_entry {
    const char* name;
    uint64_t ino;
    dt type;
  };
  raw_entry* raw = static_cast<raw_entry*>(entries.take(0, alignof(raw_entry)));
  size_t n = 0;
  alignas(8) static char dbuf[32 * 1024];
  for (;;) {
    auto got = rawsys::getdents64(*d, dbuf, sizeof dbuf);
    if (!got) {
      file_failure(command_line, "reading directory", name, got.error());
      break;
    }
    if (*got == 0) break;
    for (const rawsys::dir_entry& de : rawsys::dirents(dbuf, *got)) {
      const char* nm = de.name;
      if (nm[0] == '.') {
        const bool dot_or_dotdot = nm[1] == 0 || (nm[1] == '.' && nm[2] == 0);
        if (ignore == ignore_mode::dot_files || (ignore == ignore_mode::dot_and_dotdot && dot_or_dotdot)) continue;
      }
      auto* slot = static_cast<raw_entry*>(entries.take(sizeof(raw_entry), alignof(raw_entry)));
      *slot = {nullptr, de.ino, de.type};
      slot->name = text.copy(nm, length(nm));
      ++n;
    }
  }
  entry** list = static_cast<entry**>(entries.take(n * sizeof(entry*), alignof(entry*)));
  uint64_t blocks = 0;
  for (size_t i = 0; i < n; ++i) {
    entry* e = static_cast<entry*>(entries.take(sizeof(entry), alignof(entry)));
    e->name = raw[i].name;
    e->ino = raw[i].ino;
    e->type = raw[i].type;
    const size_t mark = text.used;
    const char* full = concat(name, e->name, true);
    describe(e, *d, e->name, full, false);
    if (!e->target) text.used = mark;  // the path is not kept
    list[i] = e;
    if (e->stat_ok) blocks += e->st.blocks;
  }
  sort_entries(list, n);
  if (format == format_kind::long_format || print_block_size) {
    out << "total ";
    const number_text t = human_number(blocks * 512, human ? 1 : block_unit, human);
    out.write(t.s, t.n).put('\n');
  }
  print_entries(list, n, list, n);
  if (recursive) {
    for (size_t i = 0; i < n; ++i) {
      const entry* e = list[i];
      if (!is_directory(e)) continue;
      const char* nm = e->name;
      if (nm[0] == '.' && (nm[1] == 0 || (nm[1] == '.' && nm[2] == 0))) continue;
      list_directory(concat(name, nm, false), false, true, first, &self);
    }
  }
  text.used = text_mark;
  entries.used = entries_mark;
}

// --- options ---------------------------------------------------------------

// An invalid argument of a long option, as argmatch reports it.
void invalid_argument(const char* value, const char* option, const char* const* valid) {
  tool::begin_error() << "invalid argument '" << value << "' for '--" << option << "'";
  tool::end_error();
  rawsys::err << "Valid arguments are:\n";
  for (const char* const* v = valid; *v; ++v) rawsys::err << "  - " << *v << '\n';
  tool::try_help();
}

// --color and --classify's WHEN: 1 always, 0 never, -1 if a terminal, -2
// invalid (said).
int parse_when(const char* arg, const char* option) {
  if (!arg) return 1;
  static const char* const words[] = {"always", "yes", "force", "never", "no", "none", "auto", "tty", "if-tty"};
  int found = -1;
  const size_t len = length(arg);
  for (int i = 0; i < 9; ++i) {
    if (tool::eq(words[i], arg)) {
      found = i;
      break;
    }
    if (tool::starts_with(words[i], arg) && len) {
      if (found >= 0 && found / 3 != i / 3) found = -2;
      if (found == -1) found = i;
    }
  }
  if (found < 0) {
    static const char* const valid[] = {"'always', 'yes', 'force'", "'never', 'no', 'none'",
                                        "'auto', 'tty', 'if-tty'", nullptr};
    if (found == -2) {
      tool::begin_error() << "ambiguous argument '" << arg << "' for '--" << option << "'";
      tool::end_error();
      rawsys::err << "Valid arguments are:\n";
      for (const char* const* v = valid; *v; ++v) rawsys::err << "  - " << *v << '\n';
      tool::try_help();
    } else {
      invalid_argument(arg, option, valid);
    }
    return -2;
  }
  return found < 3 ? 1 : found < 6 ? 0 : -1;
}

// A line width: a decimal number (GNU also takes octal and hex).
bool parse_width(const char* s) {
  auto v = tool::parse_unsigned(s);
  if (!v || *s == '+' || *v > 0x7fffffff) {
    tool::begin_error() << "invalid line width: '" << s << '\'';
    tool::end_error();
    return false;
  }
  line_length = static_cast<size_t>(*v);
  return true;
}

long width_option = -1;

bool option(char c) {
  switch (c) {
    case 'a': ignore = ignore_mode::minimal; return true;
    case 'A': ignore = ignore_mode::dot_and_dotdot; return true;
    case 'c': time_type = time_kind::ctime; return true;
    case 'C': format = format_kind::many_per_line; return true;
    case 'd': immediate_dirs = true; return true;
    case 'f':
      ignore = ignore_mode::minimal;
      sort = sort_by::none;
      sort_specified = true;
      if (format == format_kind::long_format) format = stdout_tty ? format_kind::many_per_line : format_kind::one_per_line;
      print_block_size = false;
      color = false;
      return true;
    case 'F': indicator = indicator_kind::classify; return true;
    case 'g': format = format_kind::long_format, print_owner = false; return true;
    case 'h': human = true; return true;
    case 'H': dereference = deref_kind::command_line; return true;
    case 'i': print_inode = true; return true;
    case 'k': block_unit = 1024; return true;
    case 'l': format = format_kind::long_format; return true;
    case 'L': dereference = deref_kind::always; return true;
    case 'm': format = format_kind::with_commas; return true;
    case 'n': format = format_kind::long_format, numeric_ids = true; return true;
    case 'o': format = format_kind::long_format, print_group = false; return true;
    case 'p': indicator = indicator_kind::slash; return true;
    case 'q': qmark = true; return true;
    case 'r': reverse = true; return true;
    case 'R': recursive = true; return true;
    case 's': print_block_size = true; return true;
    case 'S': sort = sort_by::size, sort_specified = true; return true;
    case 't': sort = sort_by::time, sort_specified = true; return true;
    case 'u': time_type = time_kind::atime; return true;
    case 'U': sort = sort_by::none, sort_specified = true; return true;
    case 'x': format = format_kind::horizontal; return true;
    case '1':
      if (format != format_kind::long_format) format = format_kind::one_per_line;
      return true;
    default: return false;
  }
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  {
    struct {
      uint16_t row, col, xpixel, ypixel;  // struct winsize, the same on every ISA
    } ws{};
    // isatty(1): only a terminal answers TIOCGWINSZ.
    stdout_tty = rawsys::ioctl(rawsys::fd{1}, static_cast<unsigned long>(rawsys::uapi::tiocgwinsz), &ws).has_value();
    if (stdout_tty && ws.col > 0) width_option = -2 - static_cast<long>(ws.col);  // the terminal's, unless -w
  }
  format = stdout_tty ? format_kind::many_per_line : format_kind::one_per_line;
  qmark = shell_quote = stdout_tty;
  if (rawsys::getenv("POSIXLY_CORRECT")) block_unit = 512;

  enum long_opt {
    o_all, o_almost_all, o_classify, o_color, o_dereference, o_dereference_cl, o_directory, o_file_type,
    o_full_time, o_dirs_first, o_help, o_hide_control, o_human, o_indicator_style, o_inode, o_kibibytes,
    o_numeric, o_recursive, o_reverse, o_show_control, o_size, o_version, o_width
  };
  static const char* const names[] = {"all", "almost-all", "classify", "color", "dereference",
                                      "dereference-command-line", "directory", "file-type", "full-time",
                                      "group-directories-first", "help", "hide-control-chars",
                                      "human-readable", "indicator-style", "inode", "kibibytes",
                                      "numeric-uid-gid", "recursive", "reverse", "show-control-chars", "size",
                                      "version", "width"};
  int color_when = 0, classify_when = 0;
  int operands = 0;
  for (int i = 1; i < argc; ++i) {
    char* a = argv[i];
    if (a[0] != '-' || a[1] == '\0') {
      argv[operands++] = a;
      continue;
    }
    if (a[1] == '-') {
      if (a[2] == '\0') {
        while (++i < argc) argv[operands++] = argv[i];
        break;
      }
      const int which = tool::match_long(a, names, sizeof names / sizeof *names);
      if (which < 0) return 2;
      const char* value = nullptr;
      for (const char* p = a; *p; ++p)
        if (*p == '=') {
          value = p + 1;
          break;
        }
      const bool takes_optional = which == o_color || which == o_classify;
      const bool takes_required = which == o_indicator_style || which == o_width;
      if (value && !takes_optional && !takes_required) {
        tool::no_argument_allowed(names[which]);
        return 2;
      }
      if (takes_required && !value) {
        if (i + 1 >= argc) {
          tool::begin_error() << "option '--" << names[which] << "' requires an argument";
          tool::end_error();
          tool::try_help();
          return 2;
        }
        value = argv[++i];
      }
      switch (which) {
        case o_all: option('a'); break;
        case o_almost_all: option('A'); break;
        case o_classify:
          classify_when = parse_when(value, "classify");
          if (classify_when == -2) return 1;  // argmatch's usage(EXIT_FAILURE), as coreutils
          if (classify_when == 1 || (classify_when == -1 && stdout_tty)) indicator = indicator_kind::classify;
          break;
        case o_color:
          color_when = parse_when(value, "color");
          if (color_when == -2) return 1;
          color = color_when == 1 || (color_when == -1 && stdout_tty);  // -f after it turns it off
          break;
        case o_dereference: option('L'); break;
        case o_dereference_cl: option('H'); break;
        case o_directory: option('d'); break;
        case o_file_type: indicator = indicator_kind::file_type; break;
        case o_full_time: format = format_kind::long_format, full_time = true; break;
        case o_dirs_first: dirs_first = true; break;
        case o_help:
          rawsys::out << "Usage: " << tool::program << " [OPTION]... [FILE]...\n"
                      << "List information about the FILEs (the current directory by default).\n";
          return tool::finish(0, 2);
        case o_hide_control: qmark = true; break;
        case o_human: option('h'); break;
        case o_indicator_style: {
          static const char* const styles[] = {"none", "slash", "file-type", "classify"};
          int found = -1;
          for (int k = 0; k < 4; ++k)
            if (tool::eq(styles[k], value) || (found == -1 && *value && tool::starts_with(styles[k], value)))
              found = k;
          if (found < 0) {
            static const char* const valid[] = {"'none'", "'slash'", "'file-type'", "'classify'", nullptr};
            invalid_argument(value, "indicator-style", valid);
            return 1;
          }
          indicator = static_cast<indicator_kind>(found);
          break;
        }
        case o_inode: option('i'); break;
        case o_kibibytes: option('k'); break;
        case o_numeric: option('n'); break;
        case o_recursive: option('R'); break;
        case o_reverse: option('r'); break;
        case o_show_control: qmark = false; break;
        case o_size: option('s'); break;
        case o_version:
          rawsys::out << "ls (rawsys)\n";
          return tool::finish(0, 2);
        case o_width:
          if (!parse_width(value)) return 2;
          width_option = static_cast<long>(line_length);
          break;
      }
      continue;
    }
    for (const char* p = a + 1; *p; ++p) {
      if (*p == 'w') {  // -w COLS, -wCOLS
        const char* value = p[1] ? p + 1 : i + 1 < argc ? argv[++i] : nullptr;
        if (!value) {
          tool::begin_error() << "option requires an argument -- 'w'";
          tool::end_error();
          tool::try_help();
          return 2;
        }
        if (!parse_width(value)) return 2;
        width_option = static_cast<long>(line_length);
        break;
      }
      if (!option(*p)) {
        tool::invalid_option(*p);
        return 2;
      }
    }
  }

  if (!sort_specified && time_type != time_kind::mtime && format != format_kind::long_format) sort = sort_by::time;
  if (dereference == deref_kind::undefined)
    dereference = immediate_dirs || indicator == indicator_kind::classify || format == format_kind::long_format
                      ? deref_kind::never
                      : deref_kind::command_line_symlink_to_dir;
  if (immediate_dirs) recursive = false;

  constexpr size_t reserve = sizeof(void*) == 8 ? size_t{1} << 32 : size_t{256} << 20;
  text.reserve(reserve);
  entries.reserve(reserve);
  if (color) {
    parse_ls_colors();
    tabsize = 0;  // as coreutils: no tabs among colour sequences
  }
  // The line length, where columns or colours need one: -w, the terminal's
  // width, COLUMNS, 80.
  if (format == format_kind::many_per_line || format == format_kind::horizontal ||
      format == format_kind::with_commas || color) {
    if (width_option >= 0) {
      line_length = static_cast<size_t>(width_option);
    } else if (width_option < -1) {
      line_length = static_cast<size_t>(-2 - width_option);
    } else if (const char* p = rawsys::getenv("COLUMNS"); p && *p) {
      auto v = tool::parse_unsigned(p);
      if (v && *p != '+' && *v <= 0x7fffffff) {
        line_length = static_cast<size_t>(*v);
      } else {
        tool::begin_error() << "ignoring invalid width in environment variable COLUMNS: '" << p << '\'';
        tool::end_error();
      }
    }
  }
  align_quotes = shell_quote && (format == format_kind::long_format ||
                                 ((format == format_kind::many_per_line || format == format_kind::horizontal) &&
                                  line_length));
  if (format == format_kind::long_format && !numeric_ids) {  // before any listing: they stay for the whole run
    passwd.load();
    group.load();
  }

  // The operands: files (and directories with -d) into one sorted list;
  // the directories to list, in sorted order after it.
  const int given = operands;
  if (operands == 0) argv[operands++] = const_cast<char*>(".");
  entry** stated = static_cast<entry**>(entries.take(sizeof(entry*) * static_cast<size_t>(operands), alignof(entry*)));
  size_t nstated = 0;
  for (int i = 0; i < operands; ++i) {
    entry* e = static_cast<entry*>(entries.take(sizeof(entry), alignof(entry)));
    e->name = argv[i];
    e->type = dt::unknown;
    e->ino = 0;
    if (given == 0 && !immediate_dirs) {  // "." itself is listed without a stat
      e->type = dt::dir;
      e->stat_ok = e->link_ok = false;
      e->arg_directory = true;
      e->target = nullptr;
      e->link_mode = 0;
    } else if (!describe(e, rawsys::at_fdcwd, argv[i], argv[i], true)) {
      continue;
    }
    stated[nstated++] = e;
  }
  sort_entries(stated, nstated);
  entry** files = static_cast<entry**>(entries.take(sizeof(entry*) * nstated, alignof(entry*)));
  entry** dirs = static_cast<entry**>(entries.take(sizeof(entry*) * nstated, alignof(entry*)));
  size_t nfiles = 0, ndirs = 0;
  for (size_t i = 0; i < nstated; ++i) {
    if (!immediate_dirs && is_directory(stated[i]))
      dirs[ndirs++] = stated[i];
    else
      files[nfiles++] = stated[i];
  }
  print_entries(files, nfiles, stated, nstated);
  // A blank line between the files and the first directory, and between
  // directories; their names as headers unless one directory is all.
  bool first = true;
  if (nfiles != 0 && ndirs != 0) rawsys::out.put('\n');
  const bool headers = recursive || !(nfiles == 0 && given <= 1 && ndirs == 1);
  for (size_t i = 0; i < ndirs; ++i) list_directory(dirs[i]->name, true, headers, first, nullptr);
  // Colours ended as they began, unless the default sequences need nothing.
  if (color && used_color &&
      !(colors[lc].n == 2 && colors[lc].s[0] == '\033' && colors[lc].s[1] == '[' && colors[rc].n == 1 && colors[rc].s[0] == 'm')) {
    put_seq(colors[lc]);
    put_seq(colors[rc]);
  }
  return tool::finish(status, 2);
}
