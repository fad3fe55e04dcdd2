// mkdir(1) as in coreutils: creates each DIRECTORY. -m MODE sets its mode
// (octal or symbolic, as chmod's, from a=rwx; the umask takes bits away
// only where a clause names no u, g, o or a, as in chmod; a directory
// given a special bit is made without group and other write, and the bits
// MODE names are set afterwards, as coreutils does);
// -p creates the missing parents too (u+wx added to the umask's default, so
// that their children can be made) and is content with a directory that
// already exists; -v says "created directory" for each one made.
#include <rawsys/fs.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "modes.hpp"

namespace {

using rawsys::errc;

bool verbose = false;

// "mkdir: cannot WHAT 'NAME': reason".
void cannot(const char* what, const char* name, errc e) {
  tool::put_quoteaf(tool::begin_error() << "cannot " << what << ' ', name);
  rawsys::err << ": " << message(e);
  tool::end_error();
}

void created(const char* name) {
  if (!verbose) return;
  tool::put_quoteaf(rawsys::out << tool::program << ": created directory ", name);
  rawsys::out << '\n';
}

bool is_dir(const char* path) {
  rawsys::statx_t st{};
  return rawsys::statx(rawsys::at_fdcwd, path, rawsys::at::flags(), rawsys::stx::type, &st) && rawsys::s::isdir(st.mode);
}

// -p: each parent of PATH, as written ("a//b" for a//b/c), made if missing.
bool make_parents(char* path, unsigned mode) {
  size_t len = 0;
  while (path[len]) ++len;
  size_t last = len;  // the final component's end: trailing slashes aside
  while (last > 1 && path[last - 1] == '/') --last;
  for (size_t i = 1; i < last; ++i) {
    if (path[i] != '/' || path[i - 1] == '/') continue;
    path[i] = '\0';
    auto r = rawsys::mkdirat(rawsys::at_fdcwd, path, mode);
    bool ok = true;
    if (r) created(path);
    else if (r.error() != errc::eexist) cannot("create directory", path, r.error()), ok = false;
    else if (!is_dir(path)) cannot("create directory", path, errc::enotdir), ok = false;
    path[i] = '/';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool parents = false;
  const char* mode_arg = nullptr;
  static const char* const longs[] = {"mode", "parents", "verbose", "help", "version"};
  int early = 1;
  const int dirs = tool::parse(argc, argv, "m:pv\x01\x02", longs, "mpv\x01\x02", 5, [&](char key, const char* arg) {
    switch (key) {
      case 'm': mode_arg = arg; return true;
      case 'p': parents = true; return true;
      case 'v': verbose = true; return true;
      case tool::help: early = tool::usage("[OPTION]... DIRECTORY...", "Create the DIRECTORY(ies), if they do not already exist."); return false;
      default: early = tool::version_text("mkdir"); return false;
    }
  });
  if (dirs < 0) return early;
  if (dirs == 0) return tool::missing_operand();

  const unsigned umask_value = rawsys::umask(0);
  (void)rawsys::umask(umask_value);
  unsigned mode = 0777;
  unsigned mode_bits = 0;  // the bits -m names
  if (mode_arg) {
    tool::mode_changes changes;
    if (!tool::mode_compile(mode_arg, changes)) {
      tool::quote(tool::begin_error() << "invalid mode ", mode_arg);
      tool::end_error();
      return 1;
    }
    mode = tool::mode_adjust(0777, true, umask_value, changes, &mode_bits);
  }
  // As coreutils (gnulib's make_dir_parents): with -m, made under the
  // umask's bits that MODE lacks; with a special bit, first without group
  // and other write (no one else can enter before the mode is final), then
  // the bits MODE names set where they differ. Without -m, the umask as is.
  const unsigned umask_self = mode_arg ? umask_value & ~mode : umask_value;
  const bool special = (mode_bits & 06000) || (mode & 01000);
  const unsigned mkdir_mode = special ? mode & ~0022u : mode;
  const unsigned parent_mode = (0777 & ~umask_value) | 0300;

  int status = 0;
  for (int i = 1; i <= dirs; ++i) {
    char* path = argv[i];
    if (parents && !make_parents(path, parent_mode)) {
      status = 1;
      continue;
    }
    if (umask_self != umask_value) (void)rawsys::umask(umask_self);
    auto r = rawsys::mkdirat(rawsys::at_fdcwd, path, mkdir_mode);
    if (umask_self != umask_value) (void)rawsys::umask(umask_value);
    if (!r) {
      if (!(parents && r.error() == errc::eexist && is_dir(path))) {
        cannot("create directory", path, r.error());
        status = 1;
      }
      continue;
    }
    created(path);
    if (mode_bits == 0) continue;
    rawsys::statx_t st{};
    if (auto s = rawsys::statx(rawsys::at_fdcwd, path, rawsys::at::symlink_nofollow, rawsys::stx::mode, &st); !s) {
      cannot("set permissions of", path, s.error());
      status = 1;
      continue;
    }
    const unsigned made = st.mode & 07777u;
    if ((mode ^ made) & mode_bits)
      if (auto c = rawsys::fchmodat(rawsys::at_fdcwd, path, mode | (made & ~mode_bits)); !c) {
        cannot("set permissions of", path, c.error());
        status = 1;
      }
  }
  return tool::finish(status);
}
