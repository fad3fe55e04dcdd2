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
#include "random_name.hpp"

namespace {

using rawsys::errc;
namespace copy = tool::copy;

bool symbolic = false, force = false, interactive = false, verbose = false, follow_target = false;

// linkat(2) or, with -s, symlinkat(2): TARGET as NAME.
rawsys::result<void> link_as(const char* target, const char* name) {
  return symbolic ? rawsys::symlinkat(target, rawsys::at_fdcwd, name)
                  : rawsys::linkat(rawsys::at_fdcwd, target, rawsys::at_fdcwd, name,
                                   follow_target ? rawsys::at::symlink_follow : rawsys::at::flags());
}

// The length of NAME's directory part, its last '/' included.
size_t dir_length(const char* name) {
  size_t d = 0;
  for (size_t i = 0; name[i]; ++i)
    if (name[i] == '/') d = i + 1;
  return d;
}

// The identity of the directory NAME is in (".", for a bare name).
bool dir_stat(const char* name, rawsys::statx_t& st) {
  char dir[4096];
  size_t d = dir_length(name);
  if (d + 2 > sizeof dir) return false;
  for (size_t i = 0; i < d; ++i) dir[i] = name[i];
  if (d == 0) dir[d++] = '.';
  dir[d] = '\0';
  return static_cast<bool>(rawsys::statx(rawsys::at_fdcwd, dir, rawsys::at::flags(), rawsys::stx::ino, &st));
}

// Whether A and B are one directory entry: the same last component in the
// same directory (coreutils' same_nameat).
bool same_entry(const char* a, const char* b) {
  const char* base_a = a + dir_length(a);
  const char* base_b = b + dir_length(b);
  size_t i = 0;
  while (base_a[i] && base_a[i] == base_b[i]) ++i;
  if (base_a[i] != base_b[i]) return false;
  rawsys::statx_t sa{}, sb{};
  return dir_stat(a, sa) && dir_stat(b, sb) && copy::same_file(sa, sb);
}

// coreutils' force_linkat: TARGET linked as a free name beside NAME
// ("CuXXXXXX" in NAME's directory), then renamed over NAME. The temporary
// name is removed even after the rename, which does nothing where both
// were already links to one file.
errc replace(const char* target, const char* name) {
  char tmp[4096];
  const size_t d = dir_length(name);
  if (d + 9 > sizeof tmp) return errc::enametoolong;
  for (size_t i = 0; i < d; ++i) tmp[i] = name[i];
  tmp[d] = 'C';
  tmp[d + 1] = 'u';
  tmp[d + 8] = '\0';
  for (int attempt = 0; attempt < 100; ++attempt) {
    if (!tool::randomize(tmp, d + 2, 6)) return errc::eio;
    auto r = link_as(target, tmp);
    if (r) {
      auto m = rawsys::renameat2(rawsys::at_fdcwd, tmp, rawsys::at_fdcwd, name);
      (void)rawsys::unlinkat(rawsys::at_fdcwd, tmp);
      return m ? errc{} : m.error();
    }
    if (r.error() != errc::eexist) return r.error();
  }
  return errc::eexist;
}

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
    const size_t d = dir_length(name);
    if (*target != '/' && d + 1 < sizeof full) {
      for (size_t i = 0; i < d; ++i) full[i] = name[i];
      full[d] = '\0';
      if (copy::join(full, sizeof full, d ? full : "", target) &&
          !rawsys::statx(rawsys::at_fdcwd, full, rawsys::at::symlink_nofollow, rawsys::stx::basic_stats, &ts))
        ts = {};
    }
  }
  // As coreutils' ln: the link is tried first. Where it fails and -f or -i
  // allow replacing NAME, NAME is checked (a directory, or the very entry
  // TARGET is, is never replaced), -i asks, and on EEXIST the link is made
  // under a free name beside NAME and renamed over it: NAME stays as it was
  // when the link cannot be made at all (EXDEV, EACCES, ...).
  auto r = link_as(target, name);
  errc e = r ? errc{} : r.error();
  if (e != errc{} && exists && (force || interactive)) {
    if (rawsys::s::isdir(ns.mode)) {
      tool::put_quoteaf(tool::begin_error() << "cannot overwrite directory ", name);
      tool::end_error();
      return false;
    }
    // A hard link: the same file, and removing NAME would remove TARGET's
    // only name or TARGET's own entry. A symbolic link: NAME is the file
    // TARGET names.
    if (symbolic ? ts.ino != 0 && copy::same_file(ts, ns)
                 : copy::same_file(ts, ns) && (ts.nlink == 1 || same_entry(target, name))) {
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
    if (e == errc::eexist) e = replace(target, name);
  }
  if (e != errc{}) {
    // coreutils names the target too where the link's name alone does not
    // explain the error: a hard link's EXDEV, EPERM, ... (not EEXIST, ENOSPC,
    // EDQUOT or EROFS, which are about the name), a symbolic link's empty
    // target or ENAMETOOLONG; for EMLINK, the target alone.
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
