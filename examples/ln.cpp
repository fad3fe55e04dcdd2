// ln(1) as in coreutils: a hard link (linkat(2)) or with -s a symbolic one
// (symlinkat(2)) named LINK_NAME to TARGET, or to each TARGET in DIRECTORY
// (the last operand, or -t's), or in the working directory for a lone
// TARGET. -f replaces an existing name, -i asks first; -n (--no-dereference)
// takes a LINK_NAME that is a symbolic link to a directory as a file; -T
// never takes it as a directory; -L makes a hard link to what a symbolic
// TARGET names, -P (the default) to the link itself; -v names each link.
#include <rawsys/fs.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "fsops.hpp"

namespace {

using rawsys::errc;
namespace copy = tool::copy;

bool symbolic = false, force = false, interactive = false, verbose = false, follow_target = false;

bool make(const char* target, const char* name) {
  rawsys::statx_t ts{};
  if (!symbolic) {
    auto r = rawsys::statx(rawsys::at_fdcwd, target, follow_target ? rawsys::at::flags() : rawsys::at::symlink_nofollow,
                           rawsys::stx::basic_stats, &ts);
    if (!r) {
      copy::fail("failed to access ", target, r.error());
      return false;
    }
    if (rawsys::s::isdir(ts.mode)) {
      tool::put_quotef(tool::begin_error(), target);
      rawsys::err << ": hard link not allowed for directory";
      tool::end_error();
      return false;
    }
  }
  rawsys::statx_t ns{};
  const bool exists = static_cast<bool>(rawsys::statx(rawsys::at_fdcwd, name, rawsys::at::symlink_nofollow, rawsys::stx::basic_stats, &ns));
  if (exists && symbolic) {
    // What TARGET names from NAME's directory.
    char full[8192];
    size_t d = 0;
    for (size_t i = 0; name[i]; ++i)
      if (name[i] == '/') d = i + 1;
    if (*target != '/' && d + 1 < sizeof full) {
      for (size_t i = 0; i < d; ++i) full[i] = name[i];
      full[d] = '\0';
      if (copy::join(full, sizeof full, d ? full : "", target) &&
          !rawsys::statx(rawsys::at_fdcwd, full, rawsys::at::symlink_nofollow, rawsys::stx::basic_stats, &ts))
        ts = {};
    }
  }
  if (exists && (force || interactive)) {
    if ((!symbolic || ts.ino != 0) && copy::same_file(ts, ns)) {
      tool::put_quoteaf(tool::begin_error(), target);
      rawsys::err << " and ";
      tool::put_quoteaf(rawsys::err, name);
      rawsys::err << " are the same file";
      tool::end_error();
      return false;
    }
    if (interactive) {
      tool::put_quoteaf(tool::begin_error() << "replace ", name);
      rawsys::err << "? ";
      (void)rawsys::err.flush();
      if (!copy::yes()) return true;
    }
    if (rawsys::s::isdir(ns.mode)) {
      tool::put_quoteaf(tool::begin_error() << "cannot overwrite directory ", name);
      tool::end_error();
      return false;
    }
    (void)rawsys::unlinkat(rawsys::at_fdcwd, name);
  }
  auto r = symbolic ? rawsys::symlinkat(target, rawsys::at_fdcwd, name)
                    : rawsys::linkat(rawsys::at_fdcwd, target, rawsys::at_fdcwd, name,
                                     follow_target ? rawsys::at::symlink_follow : rawsys::at::flags());
  if (!r) {
    // coreutils names the target too where the link's name alone does not
    // explain the error: a hard link's EXDEV, EPERM, ... (not EEXIST, ENOSPC,
    // EDQUOT or EROFS, which are about the name), a symbolic link's empty
    // target or ENAMETOOLONG; for EMLINK, the target alone.
    const errc e = r.error();
    const bool emlink = !symbolic && e == errc::emlink;
    const bool both = symbolic ? (!*target || e == errc::enametoolong)
                               : !(emlink || e == errc::eexist || e == errc::enospc || e == errc::edquot || e == errc::erofs);
    tool::put_quoteaf(tool::begin_error() << (symbolic ? "failed to create symbolic link "
                                                    : emlink ? "failed to create hard link to " : "failed to create hard link "),
                      emlink ? target : name);
    if (both) tool::put_quoteaf(rawsys::err << (symbolic ? " -> " : " => "), target);
    rawsys::err << ": " << message(e);
    tool::end_error();
    return false;
  }
  if (verbose) {
    tool::put_quoteaf(rawsys::out, name);
    rawsys::out << (symbolic ? " -> " : " => ");
    tool::put_quoteaf(rawsys::out, target);
    rawsys::out << '\n';
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  const char* target_dir = nullptr;
  bool no_target = false, no_deref = false;
  static const char* const longs[] = {"force", "interactive", "logical", "no-dereference", "physical", "symbolic",
                                      "target-directory", "no-target-directory", "verbose", "help", "version"};
  int early = 1;
  const int n = tool::parse(argc, argv, "fiLnPst:Tv\x01\x02", longs, "fiLnPstTv\x01\x02", 11, [&](char key, const char* arg) {
    switch (key) {
      case 'f': force = true; interactive = false; return true;
      case 'i': interactive = true; force = false; return true;
      case 'L': follow_target = true; return true;
      case 'P': follow_target = false; return true;
      case 'n': no_deref = true; return true;
      case 's': symbolic = true; return true;
      case 't': target_dir = arg; return true;
      case 'T': no_target = true; return true;
      case 'v': verbose = true; return true;
      case tool::help: early = tool::usage("[OPTION]... [-T] TARGET LINK_NAME\n  or:  ln [OPTION]... TARGET\n  or:  ln [OPTION]... TARGET... DIRECTORY\n  or:  ln [OPTION]... -t DIRECTORY TARGET...", "Create links to each TARGET."); return false;
      default: early = tool::version_text("ln"); return false;
    }
  });
  if (n < 0) return early;
  if (n == 0) {
    tool::begin_error() << "missing file operand";
    tool::end_error();
    tool::try_help();
    return 1;
  }
  if (target_dir && no_target) {
    tool::begin_error() << "cannot combine --target-directory and --no-target-directory";
    tool::end_error();
    return 1;
  }
  if (no_target) {
    if (n < 2) {
      tool::put_quoteaf(tool::begin_error() << "missing destination file operand after ", argv[1]);
      tool::end_error();
      tool::try_help();
      return 1;
    }
    if (n > 2) return tool::extra_operand(argv[3]);
    return make(argv[1], argv[2]) ? tool::finish(0) : tool::finish(1);
  }
  const char* dir = target_dir;
  int targets = n;
  if (target_dir) {
    rawsys::statx_t st{};
    if (auto r = rawsys::statx(rawsys::at_fdcwd, target_dir, rawsys::at::flags(), rawsys::stx::type, &st); !r) {
      tool::copy::fail("failed to access ", target_dir, r.error());
      return 1;
    }
  }
  if (!dir) {
    if (n == 1) {
      dir = ".";
    } else {
      rawsys::statx_t st{};
      const bool is_dir = rawsys::statx(rawsys::at_fdcwd, argv[n], no_deref ? rawsys::at::symlink_nofollow : rawsys::at::flags(),
                                        rawsys::stx::type, &st) &&
                          rawsys::s::isdir(st.mode);
      if (n == 2 && !is_dir) return make(argv[1], argv[2]) ? tool::finish(0) : tool::finish(1);
      if (!is_dir) {
        rawsys::statx_t any{};
        auto r = rawsys::statx(rawsys::at_fdcwd, argv[n], rawsys::at::flags(), rawsys::stx::type, &any);
        tool::put_quoteaf(tool::begin_error() << "target ", argv[n]);
        rawsys::err << ": " << message(r ? errc::enotdir : r.error());
        tool::end_error();
        return 1;
      }
      dir = argv[n];
      targets = n - 1;
    }
  }
  int status = 0;
  static char path[8192];
  for (int i = 1; i <= targets; ++i) {
    if (!copy::into(path, sizeof path, dir, argv[i])) {
      status = 1;
      continue;
    }
    if (!make(argv[i], path)) status = 1;
  }
  return tool::finish(status);
}
