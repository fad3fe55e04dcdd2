// chmod(1) as in coreutils: each FILE's mode set from MODE (octal, or
// symbolic: examples/modes.hpp), or from --reference's file. -R descends
// into directories (symbolic links met there are left alone; a link given
// as an operand is followed). -v reports every file, -c the changed ones,
// -f keeps quiet about most errors. A symbolic MODE without u, g, o or a
// that the umask kept from applying fully is reported ("new permissions
// are ..."), as coreutils does.
#include <rawsys/fs.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "fsops.hpp"
#include "modes.hpp"

namespace {

using rawsys::errc;

enum class report { quiet, changes, all };
report verbosity = report::quiet;
bool silent = false, recursive = false, umask_dependent = false;
tool::mode_changes changes;
bool have_reference = false;
unsigned reference_mode = 0;
unsigned umask_value = 022;

void perms(rawsys::writer& w, unsigned m) {
  const char s[] = {(m & 0400) ? 'r' : '-', (m & 0200) ? 'w' : '-',
                    (m & 04000) ? ((m & 0100) ? 's' : 'S') : ((m & 0100) ? 'x' : '-'),
                    (m & 040) ? 'r' : '-', (m & 020) ? 'w' : '-',
                    (m & 02000) ? ((m & 010) ? 's' : 'S') : ((m & 010) ? 'x' : '-'),
                    (m & 04) ? 'r' : '-', (m & 02) ? 'w' : '-',
                    (m & 01000) ? ((m & 01) ? 't' : 'T') : ((m & 01) ? 'x' : '-'), '\0'};
  w << s;
}

void octal(rawsys::writer& w, unsigned m) {
  const char s[] = {static_cast<char>('0' + ((m >> 9) & 7)), static_cast<char>('0' + ((m >> 6) & 7)),
                    static_cast<char>('0' + ((m >> 3) & 7)), static_cast<char>('0' + (m & 7)), '\0'};
  w << s;
}

char path[8192];

bool change(rawsys::fd dir, const char* name, bool operand);

bool descend(rawsys::fd parent, const char* name) {
  auto d = rawsys::openat(parent, name, rawsys::o::rdonly | rawsys::o::directory | rawsys::o::cloexec |
                                             (parent.get() == rawsys::at_fdcwd.get() ? rawsys::o::flags() : rawsys::o::nofollow));
  if (!d) {
    if (!silent) tool::copy::fail("cannot read directory ", path, d.error());
    return false;
  }
  bool ok = true;
  char dbuf[4096] __attribute__((aligned(8)));
  size_t len = 0;
  while (path[len]) ++len;
  for (;;) {
    auto got = rawsys::getdents64(*d, dbuf, sizeof dbuf);
    if (!got || *got == 0) break;
    for (const rawsys::dir_entry& e : rawsys::dirents(dbuf, *got)) {
      if (tool::eq(e.name, ".") || tool::eq(e.name, "..")) continue;
      if (!tool::copy::join(path + len, sizeof path - len, len && path[len - 1] != '/' ? "/" : "", e.name)) continue;
      if (!change(*d, e.name, false)) ok = false;
      path[len] = '\0';
    }
  }
  return ok;
}

bool change(rawsys::fd dir, const char* name, bool operand) {
  rawsys::statx_t st{};
  auto r = rawsys::statx(dir, name, operand ? rawsys::at::flags() : rawsys::at::symlink_nofollow, rawsys::stx::basic_stats, &st);
  if (!r) {
    rawsys::statx_t l{};
    if (operand && r.error() == errc::enoent &&
        rawsys::statx(dir, name, rawsys::at::symlink_nofollow, rawsys::stx::type, &l) && rawsys::s::islnk(l.mode)) {
      if (!silent) {
        tool::put_quoteaf(tool::begin_error() << "cannot operate on dangling symlink ", path);
        tool::end_error();
      }
      return false;
    }
    if (!silent) tool::copy::fail("cannot access ", path, r.error());
    return false;
  }
  if (rawsys::s::islnk(st.mode)) {  // met while descending: left alone
    if (verbosity == report::all) {
      tool::put_quoteaf(rawsys::out << "neither symbolic link ", path);
      rawsys::out << " nor referent has been changed\n";
    }
    return true;
  }
  const bool is_dir = rawsys::s::isdir(st.mode);
  const unsigned old_mode = st.mode & 07777;
  const unsigned new_mode = have_reference ? reference_mode : tool::mode_adjust(old_mode, is_dir, umask_value, changes);
  bool ok = true;
  bool changed = false;
  if (new_mode != old_mode) {
    if (auto c = rawsys::fchmodat(dir, name, new_mode); !c) {
      if (!silent) tool::copy::fail("changing permissions of ", path, c.error());
      ok = false;
    } else {
      changed = true;
    }
  }
  if (ok && (verbosity == report::all || (verbosity == report::changes && changed))) {
    auto& o = rawsys::out;
    tool::put_quoteaf(o << "mode of ", path);
    if (changed) {
      o << " changed from ";
      octal(o, old_mode);
      o << " (";
      perms(o, old_mode);
      o << ") to ";
      octal(o, new_mode);
      o << " (";
      perms(o, new_mode);
      o << ")\n";
    } else {
      o << " retained as ";
      octal(o, new_mode);
      o << " (";
      perms(o, new_mode);
      o << ")\n";
    }
  }
  if (ok && umask_dependent && !silent) {
    const unsigned naive = tool::mode_adjust(old_mode, is_dir, 0, changes);
    if (new_mode & ~naive) {
      tool::put_quotef(tool::begin_error(), path);
      rawsys::err << ": new permissions are ";
      perms(rawsys::err, new_mode);
      rawsys::err << ", not ";
      perms(rawsys::err, naive);
      tool::end_error();
      ok = false;
    }
  }
  if (recursive && is_dir && !descend(dir, name)) ok = false;
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  // "chmod -w FILE": a mode that looks like options, taken as the mode.
  const char* mode = nullptr;
  bool mode_from_option = false;
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (tool::eq(a, "--")) break;
    if (a[0] != '-' || a[1] == '\0' || a[1] == '-') continue;
    bool mode_like = true;
    for (const char* p = a + 1; *p && mode_like; ++p) {
      mode_like = false;
      for (const char* q = "rwxXstugoa,+-=01234567"; *q; ++q) mode_like |= *p == *q;
    }
    if (mode_like && !mode) {
      mode = a;
      mode_from_option = true;
      for (int j = i; j + 1 < argc; ++j) argv[j] = argv[j + 1];
      --argc;
      --i;
    }
  }
  const char* reference = nullptr;
  static const char* const longs[] = {"changes", "silent", "quiet", "verbose", "recursive", "reference",
                                      "no-preserve-root", "preserve-root", "help", "version"};
  int early = 1;
  const int n = tool::parse(argc, argv, "cfvR\x03:\x04\x05\x01\x02", longs, "cffvR\x03\x04\x05\x01\x02", 10, [&](char key, const char* arg) {
    switch (key) {
      case 'c': verbosity = report::changes; return true;
      case 'f': silent = true; return true;
      case 'v': verbosity = report::all; return true;
      case 'R': recursive = true; return true;
      case '\x03': reference = arg; return true;
      case '\x04': case '\x05': return true;
      case tool::help: early = tool::usage("[OPTION]... MODE[,MODE]... FILE...\n  or:  chmod [OPTION]... OCTAL-MODE FILE...\n  or:  chmod [OPTION]... --reference=RFILE FILE...", "Change the mode of each FILE to MODE."); return false;
      default: early = tool::version_text("chmod"); return false;
    }
  });
  if (n < 0) return early;
  char** files = argv + 1;
  int nfiles = n;
  if (!reference && !mode) {
    if (n == 0) return tool::missing_operand();
    mode = argv[1];
    ++files;
    --nfiles;
  }
  if (nfiles == 0) {
    if (mode && !reference && !mode_from_option) {
      tool::quote(tool::begin_error() << "missing operand after ", mode);
      tool::end_error();
      tool::try_help();
      return 1;
    }
    return tool::missing_operand();
  }
  umask_value = rawsys::umask(0);
  (void)rawsys::umask(umask_value);
  if (reference) {
    rawsys::statx_t st{};
    if (auto r = rawsys::statx(rawsys::at_fdcwd, reference, rawsys::at::flags(), rawsys::stx::mode, &st); !r) {
      tool::copy::fail("failed to get attributes of ", reference, r.error());
      return 1;
    }
    have_reference = true;
    reference_mode = st.mode & 07777;
  } else {
    if (!tool::mode_compile(mode, changes)) {
      tool::quote(tool::begin_error() << "invalid mode: ", mode);
      tool::end_error();
      tool::try_help();
      return 1;
    }
    for (int i = 0; i < changes.count; ++i) umask_dependent |= changes.list[i].affected == 0;
  }
  int status = 0;
  for (int i = 0; i < nfiles; ++i) {
    size_t k = 0;
    for (; files[i][k] && k + 1 < sizeof path; ++k) path[k] = files[i][k];
    path[k] = '\0';
    if (!change(rawsys::at_fdcwd, files[i], true)) status = 1;
  }
  return tool::finish(status);
}
