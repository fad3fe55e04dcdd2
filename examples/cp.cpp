// cp(1) as in coreutils: SOURCE to DEST, or each SOURCE into DIRECTORY
// (the last operand, or -t's). -r/-R copies directories; -P never follows
// symbolic links (the default with -r), -L always, -H on the command line;
// -p keeps mode, owner and times, --preserve=LIST (mode, ownership,
// timestamps, links, all) what it lists, -d is -P keeping hard links, -a is
// -dR --preserve=all. An existing DEST is overwritten, asked about first
// with -i, left with -n, removed when it cannot be opened with -f. -v names
// each copy. Copying a file onto itself or a directory into itself is
// refused. The bytes move by FICLONE, copy_file_range or read/write
// (examples/fsops.hpp).
#include <rawsys/fs.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "fsops.hpp"

namespace {

namespace copy = tool::copy;

bool preserve_list(const char* list, bool on) {
  auto& o = copy::opt;
  if (!list) {
    o.keep_mode = o.keep_owner = o.keep_times = on;
    return true;
  }
  for (const char* p = list; *p;) {
    const char* e = p;
    while (*e && *e != ',') ++e;
    auto is = [&](const char* w) {
      size_t n = 0;
      while (w[n]) ++n;
      if (static_cast<size_t>(e - p) != n) return false;
      for (size_t i = 0; i < n; ++i)
        if (p[i] != w[i]) return false;
      return true;
    };
    if (is("mode")) o.keep_mode = on;
    else if (is("ownership")) o.keep_owner = on;
    else if (is("timestamps")) o.keep_times = on;
    else if (is("links")) o.keep_links = on;
    else if (is("all")) o.keep_mode = o.keep_owner = o.keep_times = o.keep_links = on;
    else if (is("context") || is("xattr")) {
    } else {
      char word[64];
      size_t n = 0;
      for (; p + n < e && n + 1 < sizeof word; ++n) word[n] = p[n];
      word[n] = '\0';
      tool::quote(tool::begin_error() << "invalid argument ", word);
      rawsys::err << " for '--" << (on ? "preserve" : "no-preserve") << '\'';
      tool::end_error();
      rawsys::err << "Valid arguments are:\n  - 'mode'\n  - 'timestamps'\n  - 'ownership'\n  - 'links'\n  - 'context'\n"
                     "  - 'xattr'\n  - 'all'\n";
      tool::try_help();
      return false;
    }
    p = *e ? e + 1 : e;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  auto& o = copy::opt;
  const char* target = nullptr;
  bool no_target = false, follow_set = false;
  static const char* const longs[] = {"archive", "force", "interactive", "dereference", "no-clobber", "no-dereference",
                                      "preserve", "no-preserve", "recursive", "target-directory", "no-target-directory",
                                      "verbose", "help", "version"};
  int early = 1;
  const int n = tool::parse(argc, argv, "adfiHLnPpRrt:Tv\x03::\x04:\x01\x02", longs, "afiLnP\x03\x04rtTv\x01\x02", 14,
                            [&](char key, const char* arg) {
    switch (key) {
      case 'a': o.recursive = true; o.follow = copy::deref::never; follow_set = true; return preserve_list("all", true);
      case 'd': o.follow = copy::deref::never; follow_set = true; o.keep_links = true; return true;
      case 'f': o.force = true; return true;
      case 'i': o.interactive = true; o.no_clobber = false; return true;
      case 'n': o.no_clobber = true; o.interactive = false; return true;
      case 'H': o.follow = copy::deref::args; follow_set = true; return true;
      case 'L': o.follow = copy::deref::always; follow_set = true; return true;
      case 'P': o.follow = copy::deref::never; follow_set = true; return true;
      case 'p': return preserve_list(nullptr, true);
      case '\x03': return preserve_list(arg, true);
      case '\x04': return preserve_list(arg, false);
      case 'R': case 'r': o.recursive = true; return true;
      case 't': target = arg; return true;
      case 'T': no_target = true; return true;
      case 'v': o.verbose = true; return true;
      case tool::help: early = tool::usage("[OPTION]... SOURCE DEST\n  or:  cp [OPTION]... SOURCE... DIRECTORY\n  or:  cp [OPTION]... -t DIRECTORY SOURCE...", "Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY."); return false;
      default: early = tool::version_text("cp"); return false;
    }
  });
  if (n < 0) return early;
  if (!follow_set) o.follow = o.recursive ? copy::deref::never : copy::deref::always;
  copy::umask_value = rawsys::umask(0);
  (void)rawsys::umask(copy::umask_value);

  if (n == 0 || (n == 1 && !target)) {
    if (n == 0) {
      tool::begin_error() << "missing file operand";
    } else {
      tool::put_quoteaf(tool::begin_error() << "missing destination file operand after ", argv[1]);
    }
    tool::end_error();
    tool::try_help();
    return 1;
  }
  if (target && no_target) {
    tool::begin_error() << "cannot combine --target-directory (-t) and --no-target-directory (-T)";
    tool::end_error();
    return 1;
  }
  int sources = target ? n : n - 1;
  const char* dest = target ? target : argv[n];
  if (no_target && n > 2) return tool::extra_operand(argv[3]);
  const bool dest_dir = !no_target && copy::is_dir(dest);
  if (!dest_dir && (target || sources > 1)) {
    rawsys::statx_t st{};
    auto r = rawsys::statx(rawsys::at_fdcwd, dest, rawsys::at::flags(), rawsys::stx::type, &st);
    tool::put_quoteaf(tool::begin_error() << (target ? "target directory " : "target "), dest);
    if (!r) rawsys::err << ": " << message(r.error());
    else rawsys::err << " is not a directory";
    tool::end_error();
    return 1;
  }
  int status = 0;
  static char path[8192];
  for (int i = 1; i <= sources; ++i) {
    const char* to = dest;
    if (dest_dir) {
      if (!copy::into(path, sizeof path, dest, argv[i])) {
        copy::fail("cannot copy ", argv[i], rawsys::errc::enametoolong);
        status = 1;
        continue;
      }
      to = path;
    }
    if (!copy::copy(argv[i], to, true)) status = 1;
  }
  return tool::finish(status);
}
