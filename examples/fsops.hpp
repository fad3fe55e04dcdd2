// Copying files and trees, for cp and for mv across file systems: a file's
// bytes by FICLONE where the file system shares extents, copy_file_range(2)
// otherwise, read/write where neither applies; directories, symbolic
// links, FIFOs and device nodes recreated; modes, owners, times and hard
// links kept when asked. Messages as coreutils' cp writes them, with the
// program's name.
#pragma once

#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>
#include <rawsys/ioctl.hpp>

#include "args.hpp"
#include "membuf.hpp"

namespace tool::copy {

using rawsys::errc;

enum class deref { never, args, always };

struct options {
  bool recursive = false;
  deref follow = deref::always;
  bool keep_mode = false, keep_owner = false, keep_times = false, keep_links = false;
  bool force = false, interactive = false, no_clobber = false, verbose = false;
  bool moving = false;  // mv: a whole tree, as -a copies it
};

inline options opt;
inline unsigned umask_value = 022;
inline bool answered_no = false;

inline void fail(const char* what, const char* name, errc e) {
  tool::put_quoteaf(tool::begin_error() << what, name);
  rawsys::err << ": " << message(e);
  tool::end_error();
}

inline bool yes() {
  char c = 0, first = 0;
  bool any = false;
  for (;;) {
    auto r = rawsys::read(rawsys::stdin_fd, &c, 1);
    if (!r || *r == 0 || c == '\n') break;
    if (!any) first = c, any = true;
  }
  return first == 'y' || first == 'Y';
}

inline bool overwrite_ok(const char* dst) {
  tool::put_quoteaf(tool::begin_error() << "overwrite ", dst);
  rawsys::err << "? ";
  (void)rawsys::err.flush();
  return yes();
}

inline uint64_t dev_of(const rawsys::statx_t& st) { return (uint64_t{st.dev_major} << 32) | st.dev_minor; }

inline bool same_file(const rawsys::statx_t& a, const rawsys::statx_t& b) {
  return a.ino == b.ino && a.dev_major == b.dev_major && a.dev_minor == b.dev_minor;
}

// The bytes of IN to OUT. False after a message.
inline bool copy_data(rawsys::fd in, rawsys::fd out, const char* src, const char* dst) {
  if (rawsys::ficlone(out, in)) return true;
  bool moved = false;
  for (;;) {
    auto r = rawsys::copy_file_range(in, nullptr, out, nullptr, size_t{1} << 30);
    if (!r) {
      if (moved) {
        fail("error writing ", dst, r.error());
        return false;
      }
      break;  // not between these two: read and write
    }
    if (*r == 0) {
      if (moved) return true;
      break;  // nothing: an empty file, or one whose size lies (/proc)
    }
    moved = true;
  }
  static char buf[64 * 1024];
  for (;;) {
    auto r = rawsys::retry_on_eintr([&] { return rawsys::read(in, buf, sizeof buf); });
    if (!r) {
      fail("error reading ", src, r.error());
      return false;
    }
    if (*r == 0) return true;
    if (auto w = tool::write_all(out, buf, *r); !w) {
      fail("error writing ", dst, w.error());
      return false;
    }
  }
}

// Hard links already copied: (device, inode) of the source, the copy's name.
struct link_entry {
  uint64_t dev, ino;
  char name[256];
};
inline link_entry links[64];
inline int nlinks = 0;

inline const char* linked_before(const rawsys::statx_t& st) {
  for (int i = 0; i < nlinks; ++i)
    if (links[i].dev == dev_of(st) && links[i].ino == st.ino) return links[i].name;
  return nullptr;
}

inline void remember_link(const rawsys::statx_t& st, const char* dst) {
  if (nlinks == 64) return;
  size_t n = 0;
  while (dst[n]) ++n;
  if (n >= sizeof links[0].name) return;
  links[nlinks] = {dev_of(st), st.ino, {}};
  for (size_t i = 0; i <= n; ++i) links[nlinks].name[i] = dst[i];
  ++nlinks;
}

// Owner, mode and times of DST as SRC's (what the options keep).
inline bool keep_attributes(const char* dst, const rawsys::statx_t& st, bool link) {
  bool ok = true;
  if (opt.keep_owner)
    (void)rawsys::fchownat(rawsys::at_fdcwd, dst, st.uid, st.gid, link ? rawsys::at::symlink_nofollow : rawsys::at::flags());
  if (link) {
    if (opt.keep_times) {
      const rawsys::timespec t[2] = {st.atime, st.mtime};
      (void)rawsys::utimensat(rawsys::at_fdcwd, dst, t, rawsys::at::symlink_nofollow);
    }
    return true;
  }
  if (opt.keep_times) {
    const rawsys::timespec t[2] = {st.atime, st.mtime};
    if (auto r = rawsys::utimensat(rawsys::at_fdcwd, dst, t); !r) {
      fail("preserving times for ", dst, r.error());
      ok = false;
    }
  }
  if (opt.keep_mode)
    if (auto r = rawsys::fchmodat(rawsys::at_fdcwd, dst, st.mode & 07777); !r) {
      fail("preserving permissions for ", dst, r.error());
      ok = false;
    }
  return ok;
}

inline void said(const char* src, const char* dst, bool dir = false) {
  if (!opt.verbose) return;
  if (opt.moving) {
    // mv across file systems: what was made, as coreutils' mv says it.
    if (dir) {
      tool::put_quoteaf(rawsys::out << "created directory ", dst);
      rawsys::out << '\n';
      return;
    }
    rawsys::out << "copied ";
  }
  tool::put_quoteaf(rawsys::out, src);
  rawsys::out << " -> ";
  tool::put_quoteaf(rawsys::out, dst);
  rawsys::out << '\n';
}

// "a/b" + "/" + "c" into out (false when too long).
inline bool join(char* out, size_t size, const char* a, const char* b) {
  size_t n = 0;
  for (; a[n]; ++n)
    if (n + 1 >= size) return false;
  for (size_t i = 0; i < n; ++i) out[i] = a[i];
  if (n != 0 && out[n - 1] != '/') {
    if (n + 1 >= size) return false;
    out[n++] = '/';
  }
  for (size_t i = 0;; ++i) {
    if (n + i >= size) return false;
    out[n + i] = b[i];
    if (!b[i]) return true;
  }
}

// The last component of SRC (trailing slashes aside) appended to DIR.
inline bool into(char* out, size_t size, const char* dir, const char* src) {
  size_t n = 0;
  while (src[n]) ++n;
  while (n > 1 && src[n - 1] == '/') --n;
  size_t start = n;
  while (start > 0 && src[start - 1] != '/') --start;
  char last[4096];
  if (n - start >= sizeof last) return false;
  for (size_t i = start; i < n; ++i) last[i - start] = src[i];
  last[n - start] = '\0';
  return join(out, size, dir, last);
}

inline bool is_dir(const char* path) {
  rawsys::statx_t st{};
  return rawsys::statx(rawsys::at_fdcwd, path, rawsys::at::flags(), rawsys::stx::type, &st) && rawsys::s::isdir(st.mode);
}

// Is the directory SRC (st) DST's parent, or one of that parent's
// ancestors? Walks up from DST's parent by "..".
inline bool inside(const rawsys::statx_t& src, const char* dst) {
  char up[4096];
  size_t n = 0;
  for (; dst[n] && n + 1 < sizeof up; ++n) up[n] = dst[n];
  while (n > 1 && up[n - 1] == '/') --n;
  while (n > 0 && up[n - 1] != '/') --n;
  if (n == 0) up[n++] = '.';
  up[n] = '\0';
  auto d = rawsys::openat(rawsys::at_fdcwd, up, rawsys::o::path | rawsys::o::directory | rawsys::o::cloexec);
  if (!d) return false;
  rawsys::unique_fd cur = static_cast<rawsys::unique_fd&&>(*d);
  for (int depth = 0; depth < 256; ++depth) {
    rawsys::statx_t st{};
    if (!rawsys::statx(cur, "", rawsys::at::empty_path, rawsys::stx::ino, &st)) return false;
    if (same_file(st, src)) return true;
    rawsys::statx_t parent{};
    if (!rawsys::statx(cur, "..", rawsys::at::flags(), rawsys::stx::ino, &parent) || same_file(parent, st)) return false;
    auto p = rawsys::openat(cur, "..", rawsys::o::path | rawsys::o::directory | rawsys::o::cloexec);
    if (!p) return false;
    cur = static_cast<rawsys::unique_fd&&>(*p);
  }
  return false;
}

bool copy(const char* src, const char* dst, bool command_line);

// A directory's entries, each copied into DST.
inline bool copy_dir(const char* src, const char* dst, const rawsys::statx_t& st, bool dst_exists) {
  if (!dst_exists) {
    if (auto r = rawsys::mkdirat(rawsys::at_fdcwd, dst, (st.mode & 07777) | 0700); !r) {
      fail("cannot create directory ", dst, r.error());
      return false;
    }
    said(src, dst, true);
  }
  auto d = rawsys::openat(rawsys::at_fdcwd, src, rawsys::o::rdonly | rawsys::o::directory | rawsys::o::cloexec);
  if (!d) {
    fail("cannot access ", src, d.error());
    return false;
  }
  // All the names first (the copy may be made inside the source), then in
  // inode order, as coreutils reads a directory (savedir's fast order).
  tool::held names;
  size_t used = 0;
  static char dbuf[16 * 1024] __attribute__((aligned(8)));
  for (;;) {
    auto got = rawsys::getdents64(*d, dbuf, sizeof dbuf);
    if (!got) {
      fail("cannot access ", src, got.error());
      return false;
    }
    if (*got == 0) break;
    for (const rawsys::dir_entry& e : rawsys::dirents(dbuf, *got)) {
      if (tool::eq(e.name, ".") || tool::eq(e.name, "..")) continue;
      size_t n = 0;
      while (e.name[n]) ++n;
      const size_t rec = 8 + ((n + 1 + 7) & ~size_t{7});
      if (!names.reserve(used + rec)) return false;
      __builtin_memcpy(names.data + used, &e.ino, 8);
      for (size_t i = 0; i <= n; ++i) names.data[used + 8 + i] = e.name[i];
      used += rec;
    }
  }
  // Records: an 8-byte inode, the name, padding to 8. Sorted by an index.
  const size_t count = [&] {
    size_t k = 0;
    for (size_t at = 0; at < used; ++k) {
      size_t n = 0;
      while (names.data[at + 8 + n]) ++n;
      at += 8 + ((n + 1 + 7) & ~size_t{7});
    }
    return k;
  }();
  tool::held index;
  if (!index.reserve(count * sizeof(size_t) + 1)) return false;
  size_t* order = reinterpret_cast<size_t*>(index.data);
  for (size_t at = 0, k = 0; at < used; ++k) {
    order[k] = at;
    size_t n = 0;
    while (names.data[at + 8 + n]) ++n;
    at += 8 + ((n + 1 + 7) & ~size_t{7});
  }
  auto ino = [&](size_t at) {
    uint64_t v;
    __builtin_memcpy(&v, names.data + at, 8);
    return v;
  };
  for (size_t i = 1; i < count; ++i)  // insertion sort: directories are small
    for (size_t j = i; j > 0 && ino(order[j - 1]) > ino(order[j]); --j) {
      const size_t t = order[j];
      order[j] = order[j - 1];
      order[j - 1] = t;
    }
  bool ok = true;
  for (size_t k = 0; k < count; ++k) {
    const char* name = names.data + order[k] + 8;
    char s[4096], t[4096];
    if (!join(s, sizeof s, src, name) || !join(t, sizeof t, dst, name)) {
      fail("cannot copy ", name, errc::enametoolong);
      ok = false;
      continue;
    }
    if (!copy(s, t, false)) ok = false;
  }
  unsigned mode = st.mode & 07777;
  if (!opt.keep_mode) mode &= ~umask_value;
  if (!dst_exists || opt.keep_mode) (void)rawsys::fchmodat(rawsys::at_fdcwd, dst, mode);
  if (!keep_attributes(dst, st, false)) ok = false;
  return ok;
}

// SRC to DST. COMMAND_LINE: SRC was an operand (-H follows it).
inline bool copy(const char* src, const char* dst, bool command_line) {
  const bool follow = opt.follow == deref::always || (opt.follow == deref::args && command_line);
  rawsys::statx_t st{};
  if (auto r = rawsys::statx(rawsys::at_fdcwd, src, follow ? rawsys::at::flags() : rawsys::at::symlink_nofollow,
                             rawsys::stx::basic_stats, &st);
      !r) {
    fail("cannot stat ", src, r.error());
    return false;
  }
  rawsys::statx_t dt{};
  bool exists = static_cast<bool>(rawsys::statx(rawsys::at_fdcwd, dst, rawsys::at::symlink_nofollow, rawsys::stx::basic_stats, &dt));
  if (exists && rawsys::s::islnk(dt.mode) && !rawsys::s::islnk(st.mode)) {
    // Through the link, as coreutils writes to what it names.
    rawsys::statx_t target{};
    if (rawsys::statx(rawsys::at_fdcwd, dst, rawsys::at::flags(), rawsys::stx::basic_stats, &target)) dt = target;
  }
  if (exists && same_file(st, dt) && !(rawsys::s::islnk(st.mode) && !follow && !rawsys::s::islnk(dt.mode))) {
    tool::put_quoteaf(tool::begin_error(), src);
    rawsys::err << " and ";
    tool::put_quoteaf(rawsys::err, dst);
    rawsys::err << " are the same file";
    tool::end_error();
    return false;
  }
  if (rawsys::s::isdir(st.mode)) {
    if (!opt.recursive) {
      tool::put_quoteaf(tool::begin_error() << "-r not specified; omitting directory ", src);
      tool::end_error();
      return false;
    }
    if (exists && !rawsys::s::isdir(dt.mode)) {
      tool::put_quoteaf(tool::begin_error() << "cannot overwrite non-directory ", dst);
      rawsys::err << " with directory ";
      tool::put_quoteaf(rawsys::err, src);
      tool::end_error();
      return false;
    }
    if (inside(st, dst)) {
      tool::put_quoteaf(tool::begin_error() << "cannot copy a directory, ", src);
      rawsys::err << ", into itself, ";
      tool::put_quoteaf(rawsys::err, dst);
      tool::end_error();
      return false;
    }
    return copy_dir(src, dst, st, exists);
  }
  if (exists) {
    if (rawsys::s::isdir(dt.mode)) {
      tool::put_quoteaf(tool::begin_error() << "cannot overwrite directory ", dst);
      rawsys::err << " with non-directory";
      tool::end_error();
      return false;
    }
    if (opt.no_clobber) return true;
    if (opt.interactive && !overwrite_ok(dst)) {
      answered_no = true;
      return true;
    }
  }
  if (opt.keep_links && st.nlink > 1 && !rawsys::s::isdir(st.mode))
    if (const char* first = linked_before(st)) {
      if (exists) (void)rawsys::unlinkat(rawsys::at_fdcwd, dst);
      if (auto r = rawsys::linkat(rawsys::at_fdcwd, first, rawsys::at_fdcwd, dst); !r) {
        fail("cannot create hard link ", dst, r.error());
        return false;
      }
      said(src, dst);
      return true;
    }
  if (rawsys::s::islnk(st.mode)) {
    char target[4096];
    auto n = rawsys::readlinkat(rawsys::at_fdcwd, src, target, sizeof target - 1);
    if (!n) {
      fail("cannot read symbolic link ", src, n.error());
      return false;
    }
    target[*n] = '\0';
    if (exists) (void)rawsys::unlinkat(rawsys::at_fdcwd, dst);
    if (auto r = rawsys::symlinkat(target, rawsys::at_fdcwd, dst); !r) {
      fail("cannot create symbolic link ", dst, r.error());
      return false;
    }
    said(src, dst);
    if (opt.keep_links && st.nlink > 1) remember_link(st, dst);
    return keep_attributes(dst, st, true);
  }
  if (!rawsys::s::isreg(st.mode) && opt.recursive) {
    if (exists) (void)rawsys::unlinkat(rawsys::at_fdcwd, dst);
    const unsigned dev = rawsys::s::ischr(st.mode) || rawsys::s::isblk(st.mode)
                             ? ((st.rdev_major & 0xfff) << 8) | (st.rdev_minor & 0xff) | ((st.rdev_minor & ~0xffu) << 12)
                             : 0;
    if (auto r = rawsys::mknodat(rawsys::at_fdcwd, dst, st.mode, dev); !r) {
      fail(rawsys::s::isfifo(st.mode) ? "cannot create fifo " : "cannot create special file ", dst, r.error());
      return false;
    }
    said(src, dst);
    return keep_attributes(dst, st, false);
  }
  auto in = rawsys::openat(rawsys::at_fdcwd, src, rawsys::o::rdonly | rawsys::o::cloexec);
  if (!in) {
    fail("cannot open ", src, in.error());
    return false;
  }
  const unsigned mode = st.mode & 0777;
  auto out = exists ? rawsys::openat(rawsys::at_fdcwd, dst, rawsys::o::wronly | rawsys::o::trunc | rawsys::o::cloexec)
                    : rawsys::openat(rawsys::at_fdcwd, dst, rawsys::o::wronly | rawsys::o::creat | rawsys::o::excl | rawsys::o::cloexec,
                                     rawsys::mode{mode});
  if (!out && exists && opt.force) {
    (void)rawsys::unlinkat(rawsys::at_fdcwd, dst);
    out = rawsys::openat(rawsys::at_fdcwd, dst, rawsys::o::wronly | rawsys::o::creat | rawsys::o::excl | rawsys::o::cloexec,
                         rawsys::mode{mode});
  }
  if (!out) {
    fail(exists ? "cannot open " : "cannot create regular file ", dst, out.error());
    return false;
  }
  said(src, dst);
  if (!copy_data(*in, *out, src, dst)) return false;
  if (auto c = rawsys::close(static_cast<rawsys::unique_fd&&>(*out)); !c) {
    fail("failed to close ", dst, c.error());
    return false;
  }
  if (opt.keep_links && st.nlink > 1) remember_link(st, dst);
  return keep_attributes(dst, st, false);
}

// Removes NAME in DIR and, for a directory, all it holds (mv's second
// half), through directory descriptors; SHOWN is its name in messages.
// False after a message.
inline bool remove_tree(rawsys::fd dir, const char* name, const char* shown) {
  auto removed = [&](bool is_dir) {
    if (!opt.verbose) return;
    tool::put_quoteaf(rawsys::out << (is_dir ? "removed directory " : "removed "), shown);
    rawsys::out << '\n';
  };
  auto r = rawsys::unlinkat(dir, name);
  if (r) {
    removed(false);
    return true;
  }
  if (r.error() != errc::eisdir) {
    fail("cannot remove ", shown, r.error());
    return false;
  }
  auto d = rawsys::openat(dir, name, rawsys::o::rdonly | rawsys::o::directory | rawsys::o::nofollow | rawsys::o::cloexec);
  if (!d) {
    fail("cannot remove ", shown, d.error());
    return false;
  }
  bool ok = true;
  char dbuf[2048] __attribute__((aligned(8)));
  for (;;) {
    auto got = rawsys::getdents64(*d, dbuf, sizeof dbuf);
    if (!got || *got == 0) break;
    for (const rawsys::dir_entry& e : rawsys::dirents(dbuf, *got)) {
      if (tool::eq(e.name, ".") || tool::eq(e.name, "..")) continue;
      char path[4096];
      if (!join(path, sizeof path, shown, e.name)) {
        fail("cannot remove ", e.name, errc::enametoolong);
        ok = false;
        continue;
      }
      if (!remove_tree(*d, e.name, path)) ok = false;
    }
    if (!ok) break;
  }
  if (!ok) return false;
  if (auto q = rawsys::unlinkat(dir, name, rawsys::at::removedir); !q) {
    fail("cannot remove ", shown, q.error());
    return false;
  }
  removed(true);
  return true;
}

}  // namespace tool::copy
