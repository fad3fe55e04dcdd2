// mv(1) as in coreutils: SOURCE to DEST, or each SOURCE into DIRECTORY (the
// last operand, or -t's), by renameat2(2); -n never replaces (RENAME_NOREPLACE,
// so that no other process can slip a file in between), -i asks first, -f
// does not; -v names each move. Across file systems (EXDEV) the source is
// copied as cp -a does (examples/fsops.hpp) and then removed; when the copy
// fails, the source stays. A directory is not moved into itself.
#include <rawsys/fs.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "fsops.hpp"

namespace {

namespace copy = tool::copy;
using rawsys::errc;


void cannot_move(const char* src, const char* dst, errc e) {
  tool::put_quoteaf(tool::begin_error() << "cannot move ", src);
  rawsys::err << " to ";
  tool::put_quoteaf(rawsys::err, dst);
  rawsys::err << ": " << message(e);
  tool::end_error();
}

bool move(const char* src, const char* dst) {
  auto& o = copy::opt;
  rawsys::statx_t st{}, dt{};
  if (auto r = rawsys::statx(rawsys::at_fdcwd, src, rawsys::at::symlink_nofollow, rawsys::stx::basic_stats, &st); !r) {
    copy::fail("cannot stat ", src, r.error());
    return false;
  }
  const bool exists = static_cast<bool>(rawsys::statx(rawsys::at_fdcwd, dst, rawsys::at::symlink_nofollow, rawsys::stx::basic_stats, &dt));
  if (exists) {
    if (copy::same_file(st, dt)) {
      tool::put_quoteaf(tool::begin_error(), src);
      rawsys::err << " and ";
      tool::put_quoteaf(rawsys::err, dst);
      rawsys::err << " are the same file";
      tool::end_error();
      return false;
    }
    if (rawsys::s::isdir(dt.mode) && !rawsys::s::isdir(st.mode)) {
      tool::put_quoteaf(tool::begin_error() << "cannot overwrite directory ", dst);
      rawsys::err << " with non-directory";
      tool::end_error();
      return false;
    }
    if (!rawsys::s::isdir(dt.mode) && rawsys::s::isdir(st.mode)) {
      tool::put_quoteaf(tool::begin_error() << "cannot overwrite non-directory ", dst);
      rawsys::err << " with directory ";
      tool::put_quoteaf(rawsys::err, src);
      tool::end_error();
      return false;
    }
    if (o.no_clobber) return true;
    if (o.interactive && !copy::overwrite_ok(dst)) return true;
  }
  auto r = rawsys::renameat2(rawsys::at_fdcwd, src, rawsys::at_fdcwd, dst,
                             o.no_clobber ? rawsys::rename::noreplace : rawsys::rename::flags());
  if (!r && r.error() == errc::eexist && o.no_clobber) return true;
  if (!r && r.error() == errc::einval && rawsys::s::isdir(st.mode)) {
    tool::put_quoteaf(tool::begin_error() << "cannot move ", src);
    rawsys::err << " to a subdirectory of itself, ";
    tool::put_quoteaf(rawsys::err, dst);
    tool::end_error();
    return false;
  }
  if (!r && r.error() == errc::exdev) {
    // Another file system: a copy of everything, then the source goes.
    if (exists) {
      if (rawsys::s::isdir(dt.mode)) (void)rawsys::unlinkat(rawsys::at_fdcwd, dst, rawsys::at::removedir);
      else (void)rawsys::unlinkat(rawsys::at_fdcwd, dst);
    }
    if (!copy::copy(src, dst, true)) return false;
    return copy::remove_tree(rawsys::at_fdcwd, src, src);  // -v said "copied" and "removed"
  } else if (!r) {
    cannot_move(src, dst, r.error());
    return false;
  }
  if (o.verbose) {
    tool::put_quoteaf(rawsys::out << "renamed ", src);
    rawsys::out << " -> ";
    tool::put_quoteaf(rawsys::out, dst);
    rawsys::out << '\n';
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  auto& o = copy::opt;
  o.moving = o.recursive = true;
  o.follow = copy::deref::never;
  o.keep_mode = o.keep_owner = o.keep_times = o.keep_links = true;
  const char* target = nullptr;
  bool no_target = false;
  static const char* const longs[] = {"force", "interactive", "no-clobber", "target-directory", "no-target-directory",
                                      "verbose", "help", "version"};
  int early = 1;
  const int n = tool::parse(argc, argv, "fint:Tv\x01\x02", longs, "fintTv\x01\x02", 8, [&](char key, const char* arg) {
    switch (key) {
      case 'f': o.force = true; o.interactive = o.no_clobber = false; return true;
      case 'i': o.interactive = true; o.force = o.no_clobber = false; return true;
      case 'n': o.no_clobber = true; o.force = o.interactive = false; return true;
      case 't': target = arg; return true;
      case 'T': no_target = true; return true;
      case 'v': o.verbose = true; return true;
      case tool::help: early = tool::usage("[OPTION]... SOURCE DEST\n  or:  mv [OPTION]... SOURCE... DIRECTORY\n  or:  mv [OPTION]... -t DIRECTORY SOURCE...", "Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY."); return false;
      default: early = tool::version_text("mv"); return false;
    }
  });
  if (n < 0) return early;
  copy::umask_value = rawsys::umask(0);
  (void)rawsys::umask(copy::umask_value);
  if (n == 0 || (n == 1 && !target)) {
    if (n == 0) tool::begin_error() << "missing file operand";
    else tool::put_quoteaf(tool::begin_error() << "missing destination file operand after ", argv[1]);
    tool::end_error();
    tool::try_help();
    return 1;
  }
  if (target && no_target) {
    tool::begin_error() << "cannot combine --target-directory (-t) and --no-target-directory (-T)";
    tool::end_error();
    return 1;
  }
  const int sources = target ? n : n - 1;
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
        copy::fail("cannot move ", argv[i], errc::enametoolong);
        status = 1;
        continue;
      }
      to = path;
    }
    if (!move(argv[i], to)) status = 1;
  }
  return tool::finish(status);
}
