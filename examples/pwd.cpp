// pwd(1) as in coreutils: the working directory's absolute name. -P (the
// default) as getcwd(2) gives it, symbolic links resolved; -L the value of
// $PWD when that is an absolute name without "." or ".." components that
// names the working directory, getcwd's otherwise. POSIXLY_CORRECT in the
// environment makes -L the default. Operands are ignored, with a warning.
#include <rawsys/fs.hpp>
#include <rawsys/runtime.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"

namespace {

// $PWD, when -L may print it.
bool logical_ok(const char* pwd) {
  if (!pwd || *pwd != '/') return false;
  for (const char* p = pwd; *p; ++p) {
    if (*p != '/' || p[1] != '.') continue;
    if (p[2] == '\0' || p[2] == '/') return false;
    if (p[2] == '.' && (p[3] == '\0' || p[3] == '/')) return false;
  }
  rawsys::statx_t a{}, b{};
  if (!rawsys::statx(rawsys::at_fdcwd, pwd, rawsys::at::flags(), rawsys::stx::ino, &a)) return false;
  if (!rawsys::statx(rawsys::at_fdcwd, ".", rawsys::at::flags(), rawsys::stx::ino, &b)) return false;
  return a.ino == b.ino && a.dev_major == b.dev_major && a.dev_minor == b.dev_minor;
}

char cwd[4096];

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool logical = rawsys::getenv("POSIXLY_CORRECT") != nullptr;
  static const char* const longs[] = {"logical", "physical", "help", "version"};
  int early = 1;
  const int operands = tool::parse(argc, argv, "LP\x01\x02", longs, "LP\x01\x02", 4, [&](char key, const char*) {
    switch (key) {
      case 'L': logical = true; return true;
      case 'P': logical = false; return true;
      case tool::help: early = tool::usage("[OPTION]...", "Print the full filename of the current working directory."); return false;
      default: early = tool::version_text("pwd"); return false;
    }
  });
  if (operands < 0) return early;
  if (operands > 0) {
    tool::begin_error() << "ignoring non-option arguments";
    tool::end_error();
  }
  if (logical) {
    const char* pwd = rawsys::getenv("PWD");
    if (logical_ok(pwd)) {
      rawsys::out << pwd << '\n';
      return tool::finish(0);
    }
  }
  auto r = rawsys::getcwd(cwd, sizeof cwd);
  if (!r) {
    tool::error("cannot determine current directory", r.error());
    return 1;
  }
  rawsys::out << cwd << '\n';
  return tool::finish(0);
}
