// ls(1) as coreutils prints to a pipe or file in the C locale: one name a
// line, or with -l the long format (mode, links, owner and group from
// /etc/passwd and /etc/group, size or device numbers, modification time in
// UTC, name, link target). Options: -a -A -d -l -n -r -t -S -U -1. Names are
// sorted as LC_ALL=C sorts them. Not done: colours, columns, quoting for a
// terminal, the ACL/SELinux mark after the mode, time zones other than UTC.
// Exit status: 2 when an operand cannot be listed, 1 for lesser trouble.
#include <rawsys/memory.hpp>
#include <rawsys/start.hpp>
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>
#include <rawsys/time.hpp>

#include "tool.hpp"

namespace {

using rawsys::errc;

bool all = false, almost_all = false, dirs_only = false, long_format = false, numeric_ids = false,
     reverse = false;
enum class sort_by { name, time, size, none } sort = sort_by::name;
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

int compare(const char* a, const char* b) {
  while (*a && *a == *b) ++a, ++b;
  return static_cast<unsigned char>(*a) - static_cast<unsigned char>(*b);
}

struct entry {
  const char* name;     // as printed
  const char* target;   // symlink target (-l), or null
  rawsys::statx_t st;
  bool have_stat;
};

// The order of two entries under the chosen sort, before -r.
int order(const entry* a, const entry* b) {
  if (sort == sort_by::time) {
    if (a->st.mtime.sec != b->st.mtime.sec) return a->st.mtime.sec > b->st.mtime.sec ? -1 : 1;
    if (a->st.mtime.nsec != b->st.mtime.nsec) return a->st.mtime.nsec > b->st.mtime.nsec ? -1 : 1;
  } else if (sort == sort_by::size) {
    if (a->st.size != b->st.size) return a->st.size > b->st.size ? -1 : 1;
  }
  return compare(a->name, b->name);
}

bool before(const entry* a, const entry* b) {
  const int c = order(a, b);
  return reverse ? c > 0 : c < 0;
}

// Heap sort on the pointer array: no allocation, O(n log n).
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

// --- the long format ------------------------------------------------------

int64_t now_sec = 0, now_nsec = 0;
bool have_now = false;

void get_now() {
  const rawsys::timespec t = rawsys::clock_gettime(rawsys::clock::realtime).value_or(rawsys::timespec{0, 0});
  now_sec = t.sec;
  now_nsec = t.nsec;
  have_now = true;
}

// "%b %e %H:%M" within the last six months, "%b %e  %Y" otherwise, in UTC.
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
  static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  w.write(months + 3 * (month - 1), 3).put(' ').dec(day, 2).put(' ');
  if (recent)
    w.dec(secs / 3600, 2, '0').put(':').dec(secs / 60 % 60, 2, '0');
  else
    w.put(' ').dec(year);
}

void put_mode(rawsys::writer& w, unsigned m) {
  char s[10];
  namespace st = rawsys::s;
  switch (st::type(m)) {
    case st::ifreg: s[0] = '-'; break;
    case st::ifdir: s[0] = 'd'; break;
    case st::iflnk: s[0] = 'l'; break;
    case st::ifchr: s[0] = 'c'; break;
    case st::ifblk: s[0] = 'b'; break;
    case st::ififo: s[0] = 'p'; break;
    case st::ifsock: s[0] = 's'; break;
    default: s[0] = '?'; break;
  }
  const char* rwx = "rwxrwxrwx";
  for (int i = 0; i < 9; ++i) s[1 + i] = (m & (0400u >> i)) ? rwx[i] : '-';
  if (m & 04000) s[3] = (m & 0100) ? 's' : 'S';
  if (m & 02000) s[6] = (m & 010) ? 's' : 'S';
  if (m & 01000) s[9] = (m & 01) ? 't' : 'T';
  w.write(s, 10);
}

bool is_device(const entry* e) {
  return rawsys::s::ischr(e->st.mode) || rawsys::s::isblk(e->st.mode);
}

// Prints the entries (already sorted), in the long format when asked, with
// columns as wide as the widest of `sized` (coreutils sizes the columns of
// the file operands by all the operands, directories included).
void print_entries(entry** v, size_t n, entry* const* sized, size_t nsized) {
  auto& out = rawsys::out;
  if (!long_format) {
    for (size_t i = 0; i < n; ++i) out << v[i]->name << '\n';
    return;
  }
  unsigned nlink_w = 0, owner_w = 0, group_w = 0, size_w = 0, major_w = 0, minor_w = 0;
  for (size_t i = 0; i < nsized; ++i) {
    const entry* e = sized[i];
    unsigned w = digits(e->st.nlink);
    if (w > nlink_w) nlink_w = w;
    unsigned len;
    w = !numeric_ids && passwd.lookup(e->st.uid, &len) ? len : digits(e->st.uid);
    if (w > owner_w) owner_w = w;
    w = !numeric_ids && group.lookup(e->st.gid, &len) ? len : digits(e->st.gid);
    if (w > group_w) group_w = w;
    if (is_device(e)) {
      if (digits(e->st.rdev_major) > major_w) major_w = digits(e->st.rdev_major);
      if (digits(e->st.rdev_minor) > minor_w) minor_w = digits(e->st.rdev_minor);
      if (major_w + 2 + minor_w > size_w) size_w = major_w + 2 + minor_w;
    } else if (digits(e->st.size) > size_w) {
      size_w = digits(e->st.size);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const entry* e = v[i];
    put_mode(out, e->st.mode);
    out.put(' ').dec(e->st.nlink, nlink_w).put(' ');
    unsigned len;
    auto id = [&](id_file& file, uint32_t value, unsigned w) {
      const char* name = numeric_ids ? nullptr : file.lookup(value, &len);
      if (name) {
        out.write(name, len);
        for (unsigned k = len; k < w; ++k) out.put(' ');
      } else {
        out.dec(value, w);
      }
      out.put(' ');
    };
    id(passwd, e->st.uid, owner_w);
    id(group, e->st.gid, group_w);
    if (is_device(e)) {
      const unsigned blanks = size_w > major_w + 2 + minor_w ? size_w - (major_w + 2 + minor_w) : 0;
      out.dec(e->st.rdev_major, major_w + blanks) << ", ";
      out.dec(e->st.rdev_minor, minor_w);
    } else {
      out.dec(e->st.size, size_w);
    }
    out.put(' ');
    put_time(out, e->st.mtime);
    out << ' ' << e->name;
    if (e->target) out << " -> " << e->target;
    out.put('\n');
  }
}

// --- gathering -------------------------------------------------------------

// Fills in what the listing needs for `path` (relative to dir): the stat
// (following a symlink only when asked, and then falling back to the link
// itself when it dangles), and the link target in the long format.
rawsys::result<void> describe(entry* e, rawsys::fd dir, const char* path, bool follow) {
  e->target = nullptr;
  e->have_stat = false;
  auto r = rawsys::statx(dir, path, follow ? rawsys::at::flags() : rawsys::at::symlink_nofollow, rawsys::stx::basic_stats, &e->st);
  if (!r && follow) r = rawsys::statx(dir, path, rawsys::at::symlink_nofollow, rawsys::stx::basic_stats, &e->st);
  if (!r) return r;
  e->have_stat = true;
  if (long_format && rawsys::s::islnk(e->st.mode)) {
    char tmp[4096];
    if (auto n = rawsys::readlinkat(dir, path, tmp, sizeof tmp)) e->target = text.copy(tmp, *n);
  }
  return {};
}

void cannot_access(const char* name, errc e, int level) {
  tool::begin_error() << "cannot access '" << name << "': " << message(e);
  tool::end_error();
  if (status < level) status = level;
}

// Lists one directory: a header when asked, "total", the entries.
void list_directory(const char* name, bool header, bool& first) {
  auto& out = rawsys::out;
  auto d = rawsys::openat(rawsys::at_fdcwd, name, rawsys::o::rdonly | rawsys::o::cloexec | rawsys::o::directory);
  if (!d) {
    tool::begin_error() << "cannot open directory '" << name << "': " << message(d.error());
    tool::end_error();
    status = 2;
    return;
  }
  if (header) {
    if (!first) out.put('\n');
    out << name << ":\n";
  }
  first = false;

  const size_t text_mark = text.used, entries_mark = entries.used;
  entry** list = static_cast<entry**>(entries.take(0, alignof(entry*)));
  size_t n = 0;
  // Names first (pointers at the bottom of `entries`), then the entries.
  alignas(8) static char dbuf[32 * 1024];
  for (;;) {
    auto got = rawsys::getdents64(*d, dbuf, sizeof dbuf);
    if (!got) {
      tool::begin_error() << "reading directory '" << name << "': " << message(got.error());
      tool::end_error();
      status = 2;
      break;
    }
    if (*got == 0) break;
    for (const rawsys::dir_entry& de : rawsys::dirents(dbuf, *got)) {
      const char* nm = de.name;
      if (nm[0] == '.') {
        const bool dot_or_dotdot = nm[1] == 0 || (nm[1] == '.' && nm[2] == 0);
        if (!all && (!almost_all || dot_or_dotdot)) continue;
      }
      auto** slot = static_cast<entry**>(entries.take(sizeof(entry*), alignof(entry*)));
      *slot = reinterpret_cast<entry*>(text.copy(nm, length(nm)));  // the name, for now
      ++n;
    }
  }
  const bool need_stat = long_format || sort == sort_by::time || sort == sort_by::size;
  uint64_t blocks = 0;
  for (size_t i = 0; i < n; ++i) {
    const char* nm = reinterpret_cast<const char*>(list[i]);
    entry* e = static_cast<entry*>(entries.take(sizeof(entry), alignof(entry)));
    e->name = nm;
    e->have_stat = false;
    e->target = nullptr;
    if (need_stat) {
      if (auto r = describe(e, *d, nm, false); !r) {
        // Gone since it was listed, or not readable: said, and left out.
        char path[4096];
        size_t k = 0;
        for (const char* p = name; *p && k < sizeof path - 2; ++p) path[k++] = *p;
        if (k && path[k - 1] != '/') path[k++] = '/';
        for (const char* p = nm; *p && k < sizeof path - 1; ++p) path[k++] = *p;
        path[k] = 0;
        cannot_access(path, r.error(), 1);
      }
    }
    list[i] = e;
    if (e->have_stat) blocks += e->st.blocks;
  }
  // Entries whose stat failed drop out of the long listing.
  size_t kept = 0;
  for (size_t i = 0; i < n; ++i)
    if (!need_stat || list[i]->have_stat) list[kept++] = list[i];
  sort_entries(list, kept);
  if (long_format) out << "total " << (blocks + 1) / 2 << '\n';
  print_entries(list, kept, list, kept);
  text.used = text_mark;
  entries.used = entries_mark;
}

bool option(char c) {
  switch (c) {
    case 'a': all = true, almost_all = false; return true;
    case 'A': almost_all = true, all = false; return true;
    case 'd': dirs_only = true; return true;
    case 'l': long_format = true; return true;
    case 'n': long_format = numeric_ids = true; return true;
    case 'r': reverse = true; return true;
    case 't': sort = sort_by::time; return true;
    case 'S': sort = sort_by::size; return true;
    case 'U': sort = sort_by::none; return true;
    case '1': return true;
    default: return false;
  }
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  static const char* const names[] = {"all", "almost-all", "directory", "numeric-uid-gid", "reverse", "help",
                                      "version"};
  static const char letters[] = "aAdnr";
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (a[0] != '-' || a[1] == '\0') continue;
    if (a[1] == '-') {
      if (a[2] == '\0') break;
      const int which = tool::match_long(a, names, sizeof names / sizeof *names);
      if (which < 0) return 2;
      for (const char* p = a; *p; ++p)
        if (*p == '=') {
          tool::no_argument_allowed(names[which]);
          return 2;
        }
      if (which == 5) {
        rawsys::out << "Usage: " << tool::program << " [OPTION]... [FILE]...\n"
                    << "List information about the FILEs (the current directory by default).\n";
        return tool::finish(0, 2);
      }
      if (which == 6) {
        rawsys::out << "ls (rawsys)\n";
        return tool::finish(0, 2);
      }
      option(letters[which]);
      continue;
    }
    for (const char* p = a + 1; *p; ++p)
      if (!option(*p)) {
        tool::invalid_option(*p);
        return 2;
      }
  }

  constexpr size_t reserve = sizeof(void*) == 8 ? size_t{1} << 32 : size_t{256} << 20;
  text.reserve(reserve);
  entries.reserve(reserve);
  if (long_format && !numeric_ids) {  // before any listing: they stay for the whole run
    passwd.load();
    group.load();
  }

  // The operands: files (and directories with -d) into one sorted list;
  // the directories to list, in sorted order after it.
  int operands = 0;
  bool after_dashes = false;
  for (int i = 1; i < argc; ++i) {
    char* a = argv[i];
    if (!after_dashes && a[0] == '-' && a[1] != '\0') {
      if (a[1] == '-' && a[2] == '\0') after_dashes = true;
      continue;
    }
    argv[operands++] = a;
  }
  if (operands == 0) argv[operands++] = const_cast<char*>(".");
  const int given = operands;

  entry** stated = static_cast<entry**>(entries.take(sizeof(entry*) * static_cast<size_t>(operands), alignof(entry*)));
  size_t nstated = 0;
  entry** files = static_cast<entry**>(entries.take(sizeof(entry*) * static_cast<size_t>(operands), alignof(entry*)));
  entry** dirs = static_cast<entry**>(entries.take(sizeof(entry*) * static_cast<size_t>(operands), alignof(entry*)));
  size_t nfiles = 0, ndirs = 0;
  for (int i = 0; i < operands; ++i) {
    entry* e = static_cast<entry*>(entries.take(sizeof(entry), alignof(entry)));
    e->name = argv[i];
    // Symlinks on the command line are followed unless -l or -d.
    if (auto r = describe(e, rawsys::at_fdcwd, argv[i], !long_format && !dirs_only); !r) {
      cannot_access(argv[i], r.error(), 2);
      continue;
    }
    stated[nstated++] = e;
    if (!dirs_only && rawsys::s::isdir(e->st.mode))
      dirs[ndirs++] = e;
    else
      files[nfiles++] = e;
  }
  sort_entries(files, nfiles);
  sort_entries(dirs, ndirs);
  print_entries(files, nfiles, stated, nstated);
  // A blank line between the files and the first directory, and between
  // directories; their names as headers unless one directory is all.
  bool first = true;
  if (nfiles != 0 && ndirs != 0) rawsys::out.put('\n');
  const bool headers = !(nfiles == 0 && given <= 1 && ndirs == 1);
  for (size_t i = 0; i < ndirs; ++i) list_directory(dirs[i]->name, headers, first);
  return tool::finish(status, 2);
}
