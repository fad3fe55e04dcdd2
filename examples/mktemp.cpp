// mktemp(1) as in coreutils: creates a file (mode 0600, O_EXCL) or with -d
// a directory (0700) named after TEMPLATE, its last run of at least three
// X's replaced by letters and digits from getrandom(2), and prints its
// name. Without TEMPLATE: tmp.XXXXXXXXXX in $TMPDIR or /tmp. -p DIR /
// --tmpdir[=DIR]: TEMPLATE in DIR (else $TMPDIR, else /tmp); -t: in $TMPDIR
// (else -p's DIR, else /tmp); --suffix: text after the X's; -u: the name
// only, nothing created; -q: no message when creating fails.
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>
#include <rawsys/runtime.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "random_name.hpp"

namespace {

using rawsys::errc;

// NAME has more than one component, as gnulib's last_component sees it: a
// leading slash, or a slash followed by more.
bool has_separator(const char* name) {
  if (*name == '/') return true;
  for (; *name; ++name)
    if (name[0] == '/' && name[1] && name[1] != '/') return true;
  return false;
}

int die(const char* what, const char* quoted, const char* after = "") {
  tool::quote(tool::begin_error() << what, quoted);
  rawsys::err << after;
  tool::end_error();
  return 1;
}

size_t length(const char* s) {
  size_t n = 0;
  while (s[n]) ++n;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool directory = false, quiet = false, dry_run = false, in_tmpdir = false, t_option = false;
  const char* dir_arg = nullptr;
  const char* suffix = nullptr;
  static const char* const longs[] = {"directory", "quiet", "dry-run", "suffix", "tmpdir", "help", "version"};
  int early = 1;
  const int operands = tool::parse(argc, argv, "dqtup:\x03:\x04::\x01\x02", longs, "dqu\x03\x04\x01\x02", 7, [&](char key, const char* arg) {
    switch (key) {
      case 'd': directory = true; return true;
      case 'q': quiet = true; return true;
      case 'u': dry_run = true; return true;
      case 't': t_option = true; in_tmpdir = true; return true;
      case 'p':
      case '\x04': in_tmpdir = true; dir_arg = arg; return true;
      case '\x03': suffix = arg; return true;
      case tool::help: early = tool::usage("[OPTION]... [TEMPLATE]", "Create a temporary file or directory, safely, and print its name."); return false;
      default: early = tool::version_text("mktemp"); return false;
    }
  });
  if (operands < 0) return early;
  if (operands > 1) {
    tool::begin_error() << "too many templates";
    tool::end_error();
    tool::try_help();
    return 1;
  }
  const char* given = "tmp.XXXXXXXXXX";
  if (operands == 1) given = argv[1];
  else in_tmpdir = true;

  // The name: [DIR/]TEMPLATE[SUFFIX], built in place.
  static char name[8192];
  const size_t given_len = length(given);
  if (suffix && (given_len == 0 || given[given_len - 1] != 'X')) return die("with --suffix, template ", given, " must end in X");
  const size_t suffix_len = suffix ? length(suffix) : 0;
  if (given_len + suffix_len + 1 > sizeof name / 2) return die("invalid template ", given);
  for (size_t i = 0; i < given_len; ++i) name[i] = given[i];
  for (size_t i = 0; i < suffix_len; ++i) name[given_len + i] = suffix[i];
  size_t len = given_len + suffix_len;
  name[len] = '\0';
  // Without --suffix, the suffix is what follows the last X.
  size_t end = suffix ? given_len : len;
  if (!suffix)
    while (end > 0 && name[end - 1] != 'X') --end;
  if (!suffix && end == 0) end = len;
  if (has_separator(name + end)) return die("invalid suffix ", name + end, ", contains directory separator");
  size_t first = end;
  while (first > 0 && name[first - 1] == 'X') --first;
  if (end - first < 3) return die("too few X's in template ", name);

  if (in_tmpdir) {
    const char* env = rawsys::getenv("TMPDIR");
    const char* dir;
    if (t_option) {
      dir = env && *env ? env : dir_arg && *dir_arg ? dir_arg : "/tmp";
      if (has_separator(name)) return die("invalid template, ", name, ", contains directory separator");
    } else {
      dir = dir_arg && *dir_arg ? dir_arg : env && *env ? env : "/tmp";
      if (name[0] == '/') return die("invalid template, ", name, "; with --tmpdir, it may not be absolute");
    }
    const size_t dl = length(dir);
    const size_t slash = dl == 0 || dir[dl - 1] != '/';
    if (dl + slash + len + 1 > sizeof name) return die("invalid template ", name);
    for (size_t i = len + 1; i-- > 0;) name[dl + slash + i] = name[i];
    for (size_t i = 0; i < dl; ++i) name[i] = dir[i];
    if (slash) name[dl] = '/';
    first += dl + slash;
    end += dl + slash;
    len += dl + slash;
  }

  // The name as written, for a message.
  static char written[8192];
  for (size_t i = 0; i <= len; ++i) written[i] = name[i];
  errc e = errc::eexist;
  for (int attempt = 0; attempt < 1000 && e == errc::eexist; ++attempt) {
    if (!tool::randomize(name, first, end - first)) {
      e = errc::eio;
      break;
    }
    if (dry_run) {
      rawsys::statx_t st{};
      auto r = rawsys::statx(rawsys::at_fdcwd, name, rawsys::at::symlink_nofollow, rawsys::stx::type, &st);
      e = r ? errc::eexist : r.error() == errc::enoent ? errc{} : r.error();
    } else if (directory) {
      auto r = rawsys::mkdirat(rawsys::at_fdcwd, name, rawsys::mode{0700});
      e = r ? errc{} : r.error();
    } else {
      auto r = rawsys::openat(rawsys::at_fdcwd, name, rawsys::o::rdwr | rawsys::o::creat | rawsys::o::excl | rawsys::o::cloexec, rawsys::mode{0600});
      e = r ? errc{} : r.error();
    }
  }
  if (e != errc{}) {
    if (!quiet) {
      tool::quote(tool::begin_error() << (directory ? "failed to create directory via template " : "failed to create file via template "), written);
      rawsys::err << ": " << message(e);
      tool::end_error();
    }
    return 1;
  }
  rawsys::out << name << '\n';
  if (auto r = rawsys::out.flush(); !r) {
    if (!dry_run) (void)rawsys::unlinkat(rawsys::at_fdcwd, name, directory ? rawsys::at::removedir : rawsys::at::flags());
    if (!quiet) {
      tool::begin_error() << "write error: " << message(r.error());
      tool::end_error();
    }
    return 1;
  }
  return 0;
}
