// rm(1) as in coreutils: removes each FILE; -r (-R) directories with their
// contents, -d empty directories. -f ignores missing files and never asks;
// -i asks before each removal, -I once before removing more than three
// files or recursively (--interactive=never|once|always); -v says what was
// removed. Refuses "." and ".." as the last component, and "/" (or a name
// for it) with -r unless --no-preserve-root; --one-file-system skips
// directories on another file system.
//
// A tree is removed through directory descriptors: each directory is
// opened (O_NOFOLLOW) relative to its parent's descriptor, its entries
// unlinked relative to it, and the directory itself removed from its
// parent; no path is walked again, so a tree that changes meanwhile (a
// directory swapped for a symbolic link) cannot lead rm outside it.
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "membuf.hpp"

namespace {

using rawsys::errc;

enum class ask { never, once, always };
bool force = false, recursive = false, dirs = false, verbose = false, one_file_system = false, preserve_root = true;
ask interactive = ask::never;

// The name of what is being looked at, as messages show it ("dir/sub/x").
char path[8192];
size_t path_len = 0;

bool failed = false;  // something could not be removed: status 1

void cannot_remove(errc e) {
  failed = true;
  tool::put_quoteaf(tool::begin_error() << "cannot remove ", path);
  rawsys::err << ": " << message(e);
  tool::end_error();
}

// Reads a line from standard input: yes when it starts with y or Y.
bool yes() {
  char c = 0, first = 0;
  bool any = false;
  for (;;) {
    auto r = rawsys::read(rawsys::stdin_fd, &c, 1);
    if (!r || *r == 0 || c == '\n') break;
    if (!any) first = c, any = true;
  }
  return first == 'y' || first == 'Y';
}

const char* type_name(unsigned mode, uint64_t size) {
  if (rawsys::s::isreg(mode)) return size == 0 ? "regular empty file" : "regular file";
  if (rawsys::s::isdir(mode)) return "directory";
  if (rawsys::s::islnk(mode)) return "symbolic link";
  if (rawsys::s::isfifo(mode)) return "fifo";
  if (rawsys::s::issock(mode)) return "socket";
  if (rawsys::s::ischr(mode)) return "character special file";
  if (rawsys::s::isblk(mode)) return "block special file";
  return "file";
}

// "rm: VERB TYPE 'path'? " and the answer.
bool confirm(const char* verb, const char* what) {
  tool::begin_error() << verb << ' ' << what << ' ';
  tool::put_quoteaf(rawsys::err, path);
  rawsys::err << "? ";
  (void)rawsys::err.flush();
  return yes();
}

void removed(bool dir) {
  if (!verbose) return;
  rawsys::out << (dir ? "removed directory " : "removed ");
  tool::put_quoteaf(rawsys::out, path);
  rawsys::out << '\n';
}

bool push(const char* name) {
  size_t n = 0;
  while (name[n]) ++n;
  const bool slash = path_len != 0 && path[path_len - 1] != '/';
  if (path_len + slash + n + 1 > sizeof path) return false;
  if (slash) path[path_len++] = '/';
  for (size_t i = 0; i <= n; ++i) path[path_len + i] = name[i];
  path_len += n;
  return true;
}

bool remove_entry(rawsys::fd dir, const char* name, uint64_t parent_dev);

// Set when an answer kept something: its directories then stay, silently.
bool declined = false;
bool decline() {
  declined = true;
  return false;
}

// The contents of the open directory D, entry by entry. False when one of
// them stays.
bool remove_contents(rawsys::fd d, uint64_t dev) {
  tool::held h;
  if (!h.reserve(32 * 1024)) return false;
  bool ok = true;
  for (int pass = 0; pass < 3; ++pass) {
    bool any = false;
    (void)rawsys::lseek(d, 0, rawsys::seek::set);
    for (;;) {
      auto got = rawsys::getdents64(d, h.data, h.capacity);
      if (!got) {
        cannot_remove(got.error());
        return false;
      }
      if (*got == 0) break;
      for (const rawsys::dir_entry& e : rawsys::dirents(h.data, *got)) {
        if (tool::eq(e.name, ".") || tool::eq(e.name, "..")) continue;
        const size_t saved = path_len;
        if (!push(e.name)) {
          cannot_remove(errc::enametoolong);
          ok = false;
          continue;
        }
        any = true;
        if (!remove_entry(d, e.name, dev)) ok = false;
        path_len = saved;
        path[path_len] = '\0';
      }
    }
    // Entries a getdents pass may have missed while others went: again,
    // as long as the last pass removed something and nothing failed.
    if (!ok || !any) break;
  }
  return ok;
}

// NAME in the directory DIR (path[] names it for messages).
bool remove_entry(rawsys::fd dir, const char* name, uint64_t parent_dev) {
  rawsys::statx_t st{};
  auto s = rawsys::statx(dir, name, rawsys::at::symlink_nofollow, rawsys::stx::type | rawsys::stx::size, &st);
  if (!s) {
    if (force && s.error() == errc::enoent) return true;
    cannot_remove(s.error());
    return false;
  }
  if (!rawsys::s::isdir(st.mode)) {
    if (interactive == ask::always && !confirm("remove", type_name(st.mode, st.size))) return decline();
    auto r = rawsys::unlinkat(dir, name);
    if (!r) {
      if (force && r.error() == errc::enoent) return true;
      cannot_remove(r.error());
      return false;
    }
    removed(false);
    return true;
  }
  if (!recursive) {
    if (dirs) {
      if (interactive == ask::always && !confirm("remove", "directory")) return decline();
      auto r = rawsys::unlinkat(dir, name, rawsys::at::removedir);
      if (!r) {
        cannot_remove(r.error());
        return false;
      }
      removed(true);
      return true;
    }
    cannot_remove(errc::eisdir);
    return false;
  }
  const uint64_t dev = (uint64_t{st.dev_major} << 32) | st.dev_minor;
  if (one_file_system && parent_dev != 0 && dev != parent_dev) {
    tool::put_quoteaf(tool::begin_error() << "skipping ", path);
    rawsys::err << ", since it's on a different device";
    tool::end_error();
    return false;
  }
  auto d = rawsys::openat(dir, name, rawsys::o::rdonly | rawsys::o::directory | rawsys::o::nofollow | rawsys::o::cloexec);
  if (!d) {
    // Not a directory any more (swapped meanwhile), or unreadable: try it
    // as it is, which removes an empty directory or whatever replaced it.
    auto r = rawsys::unlinkat(dir, name, rawsys::at::removedir);
    if (r) {
      removed(true);
      return true;
    }
    cannot_remove(d.error());
    return false;
  }
  if (interactive == ask::always) {
    // An empty directory is asked about once.
    char probe[256] __attribute__((aligned(8)));
    bool empty = true;
    if (auto got = rawsys::getdents64(*d, probe, sizeof probe); got)
      for (const rawsys::dir_entry& e : rawsys::dirents(probe, *got))
        if (!tool::eq(e.name, ".") && !tool::eq(e.name, "..")) empty = false;
    if (!empty) {
      if (!confirm("descend into", "directory")) return decline();
      if (!remove_contents(*d, dev)) return false;
    }
    if (!confirm("remove", "directory")) return decline();
  } else if (!remove_contents(*d, dev)) {
    return false;
  }
  auto r = rawsys::unlinkat(dir, name, rawsys::at::removedir);
  if (!r) {
    cannot_remove(r.error());
    return false;
  }
  removed(true);
  return true;
}

// The last component of ARG, trailing slashes aside, is "." or "..".
bool dot_or_dotdot(const char* arg) {
  size_t n = 0;
  while (arg[n]) ++n;
  while (n > 1 && arg[n - 1] == '/') --n;
  size_t start = n;
  while (start > 0 && arg[start - 1] != '/') --start;
  const size_t len = n - start;
  return (len == 1 && arg[start] == '.') || (len == 2 && arg[start] == '.' && arg[start + 1] == '.');
}

bool is_root(const char* arg) {
  rawsys::statx_t a{}, b{};
  if (!rawsys::statx(rawsys::at_fdcwd, arg, rawsys::at::flags(), rawsys::stx::ino, &a)) return false;
  if (!rawsys::statx(rawsys::at_fdcwd, "/", rawsys::at::flags(), rawsys::stx::ino, &b)) return false;
  return a.ino == b.ino && a.dev_major == b.dev_major && a.dev_minor == b.dev_minor;
}

// ARG as given: its parent directory opened, then removed relative to it.
bool remove_arg(const char* arg) {
  path_len = 0;
  path[0] = '\0';
  if (!push(arg)) {
    path_len = 0;
    for (; arg[path_len] && path_len + 1 < sizeof path; ++path_len) path[path_len] = arg[path_len];
    path[path_len] = '\0';
    cannot_remove(errc::enametoolong);
    return false;
  }
  if (dot_or_dotdot(arg)) {
    tool::put_quoteaf(tool::begin_error() << "refusing to remove '.' or '..' directory: skipping ", arg);
    tool::end_error();
    return false;
  }
  if (recursive && preserve_root && is_root(arg)) {
    if (tool::eq(arg, "/")) {
      tool::begin_error() << "it is dangerous to operate recursively on '/'";
    } else {
      tool::put_quoteaf(tool::begin_error() << "it is dangerous to operate recursively on ", arg);
      rawsys::err << " (same as '/')";
    }
    tool::end_error();
    tool::begin_error() << "use --no-preserve-root to override this failsafe";
    tool::end_error();
    return false;
  }
  // The parent ("a/b" of "a/b/c/", "." of "c") and the last component.
  char parent[8192];
  size_t n = 0;
  while (arg[n]) ++n;
  while (n > 1 && arg[n - 1] == '/') --n;
  size_t start = n;
  while (start > 0 && arg[start - 1] != '/') --start;
  char last[4096];
  const size_t last_len = n - start;
  if (last_len == 0 || last_len >= sizeof last) {
    cannot_remove(*arg == '\0' ? errc::enoent : last_len == 0 ? errc::eisdir : errc::enametoolong);
    return false;
  }
  for (size_t i = 0; i < last_len; ++i) last[i] = arg[start + i];
  last[last_len] = '\0';
  for (size_t i = 0; i < start; ++i) parent[i] = arg[i];
  parent[start] = '\0';
  rawsys::unique_fd pd;
  rawsys::fd dir = rawsys::at_fdcwd;
  if (start != 0) {
    auto p = rawsys::openat(rawsys::at_fdcwd, parent, rawsys::o::path | rawsys::o::directory | rawsys::o::cloexec);
    if (!p) {
      if (force && p.error() == errc::enoent) return true;
      cannot_remove(p.error());
      return false;
    }
    pd = static_cast<rawsys::unique_fd&&>(*p);
    dir = pd;
  }
  rawsys::statx_t pst{};
  uint64_t dev = 0;
  if (rawsys::statx(dir, "", rawsys::at::empty_path, rawsys::stx::type, &pst)) dev = (uint64_t{pst.dev_major} << 32) | pst.dev_minor;
  return remove_entry(dir, last, one_file_system ? dev : 0);
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool once = false;
  static const char* const longs[] = {"force", "interactive", "recursive", "dir", "verbose", "one-file-system",
                                      "no-preserve-root", "preserve-root", "help", "version"};
  int early = 1;
  const int files = tool::parse(argc, argv, "fiIrRdv\x03::\x04\x05\x06::\x01\x02", longs, "f\x03rdv\x04\x05\x06\x01\x02", 10,
                                [&](char key, const char* arg) {
    switch (key) {
      case 'f': force = true; interactive = ask::never; once = false; return true;
      case 'i': interactive = ask::always; force = false; once = false; return true;
      case 'I': once = true; interactive = ask::never; force = false; return true;
      case '\x03':
        if (!arg || tool::eq(arg, "always") || tool::eq(arg, "yes")) interactive = ask::always, force = false, once = false;
        else if (tool::eq(arg, "never") || tool::eq(arg, "no") || tool::eq(arg, "none")) interactive = ask::never, once = false;
        else if (tool::eq(arg, "once")) once = true, interactive = ask::never, force = false;
        else {
          tool::quote(tool::begin_error() << "invalid argument ", arg);
          rawsys::err << " for '--interactive'";
          tool::end_error();
          rawsys::err << "Valid arguments are:\n  - 'never', 'no', 'none'\n  - 'once'\n  - 'always', 'yes'\n";
          tool::try_help();
          return false;
        }
        return true;
      case 'r': case 'R': recursive = true; return true;
      case 'd': dirs = true; return true;
      case 'v': verbose = true; return true;
      case '\x04': one_file_system = true; return true;
      case '\x05': preserve_root = false; return true;
      case '\x06':
        if (arg && !tool::eq(arg, "all")) {
          tool::begin_error() << "unrecognized --preserve-root argument: ";
          tool::quote(rawsys::err, arg);
          tool::end_error();
          return false;
        }
        preserve_root = true;
        return true;
      case tool::help: early = tool::usage("[OPTION]... [FILE]...", "Remove (unlink) the FILE(s)."); return false;
      default: early = tool::version_text("rm"); return false;
    }
  });
  if (files < 0) return early;
  if (files == 0) {
    if (force) return 0;
    return tool::missing_operand();
  }
  if (once && (recursive || files > 3)) {
    tool::begin_error() << "remove " << files << (files == 1 ? " argument" : " arguments") << (recursive ? " recursively" : "") << "? ";
    (void)rawsys::err.flush();
    if (!yes()) return 0;
  }
  int status = 0;
  for (int i = 1; i <= files; ++i) {
    declined = false;
    if (!remove_arg(argv[i]) && (!declined || failed)) status = 1;
    failed = false;
  }
  return tool::finish(status);
}
