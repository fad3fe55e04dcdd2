// env(1) as in coreutils: print the environment, or run a command in a
// modified one. Options: -i/--ignore-environment (and a lone "-"),
// -u/--unset=NAME, -0/--null, -C/--chdir=DIR; then NAME=VALUE...; then
// COMMAND [ARG]... found through PATH as execvp(3) does. Exit status 125
// for env's own errors, 126 when COMMAND cannot run, 127 when not found.
#include <rawsys/start.hpp>

#include "exec.hpp"
#include "tool.hpp"

namespace {

constexpr int max_vars = 8192;
char* vars[max_vars + 1];
int nvars = 0;

// The length of NAME in "NAME=value" (or of the whole string).
unsigned name_len(const char* s) {
  unsigned n = 0;
  while (s[n] && s[n] != '=') ++n;
  return n;
}

bool same_name(const char* entry, const char* name, unsigned len) {
  for (unsigned i = 0; i < len; ++i)
    if (entry[i] != name[i]) return false;
  return entry[len] == '=';
}

void unset(const char* name) {
  const unsigned len = name_len(name);
  int j = 0;
  for (int i = 0; i < nvars; ++i)
    if (!same_name(vars[i], name, len)) vars[j++] = vars[i];
  nvars = j;
  vars[nvars] = nullptr;
}

// putenv(3): replaces the first entry of that name, or appends.
bool put(char* assignment) {
  const unsigned len = name_len(assignment);
  for (int i = 0; i < nvars; ++i)
    if (same_name(vars[i], assignment, len)) return vars[i] = assignment, true;
  if (nvars == max_vars) return false;
  vars[nvars++] = assignment;
  vars[nvars] = nullptr;
  return true;
}

// unsetenv(3) refuses an empty name or one with '='.
bool unset_checked(const char* name) {
  if (name_len(name) == 0 || name[name_len(name)] == '=') {
    tool::begin_error() << "cannot unset '" << name << "': Invalid argument";
    tool::end_error();
    return false;
  }
  unset(name);
  return true;
}

int usage_error() {
  tool::try_help();
  return 125;
}

}  // namespace

int main(int argc, char** argv, char** envp) {
  tool::program = argv[0];
  for (char** e = envp; *e && nvars < max_vars; ++e) vars[nvars++] = *e;
  bool null_terminated = false;
  const char* chdir_to = nullptr;

  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; ++i) {
    char* a = argv[i];
    if (a[1] == '-') {
      if (a[2] == '\0') {  // "--"
        ++i;
        break;
      }
      char* value = a;
      while (*value && *value != '=') ++value;
      auto need_value = [&]() -> char* {
        if (*value == '=') return value + 1;
        if (i + 1 < argc) return argv[++i];
        tool::begin_error() << "option '";
        rawsys::err.write(a, static_cast<size_t>(value - a));
        rawsys::err << "' requires an argument";
        tool::end_error();
        return nullptr;
      };
      // coreutils' names, for its ambiguity messages; the signal options,
      // --split-string and --debug are not implemented here.
      static const char* const names[] = {"ignore-environment", "null", "unset", "chdir", "help", "version",
                                          "split-string", "debug", "block-signal", "default-signal",
                                          "ignore-signal", "list-signal-handling"};
      const int which = tool::match_long(a, names, sizeof names / sizeof *names);
      if (which < 0) return 125;
      if (*value == '=' && (which <= 1 || which == 4 || which == 5)) {
        tool::no_argument_allowed(names[which]);
        return 125;
      }
      if (which == 0) {
        nvars = 0;
        vars[0] = nullptr;
      } else if (which == 1) {
        null_terminated = true;
      } else if (which == 2) {
        const char* name = need_value();
        if (!name) return usage_error();
        if (!unset_checked(name)) return 125;
      } else if (which == 3) {
        chdir_to = need_value();
        if (!chdir_to) return usage_error();
      } else if (which == 4) {
        rawsys::out << "Usage: " << tool::program << " [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n"
                    << "Set each NAME to VALUE in the environment and run COMMAND.\n";
        return tool::finish(0, 125);
      } else if (which == 5) {
        rawsys::out << "env (rawsys)\n";
        return tool::finish(0, 125);
      } else {
        tool::begin_error() << "option '" << a << "' is not supported";
        tool::end_error();
        return usage_error();
      }
      continue;
    }
    for (char* o = a + 1; *o; ++o) {
      if (*o == 'i') {
        nvars = 0;
        vars[0] = nullptr;
      } else if (*o == '0') {
        null_terminated = true;
      } else if (*o == 'u' || *o == 'C') {
        const char opt = *o;
        char* v = o[1] ? o + 1 : (i + 1 < argc ? argv[++i] : nullptr);
        if (!v) {
          tool::begin_error() << "option requires an argument -- '" << opt << '\'';
          tool::end_error();
          return usage_error();
        }
        if (opt == 'C')
          chdir_to = v;
        else if (!unset_checked(v))
          return 125;
        break;
      } else {
        tool::invalid_option(*o);
        return 125;
      }
    }
  }
  if (i < argc && tool::eq(argv[i], "-")) {  // "env -": an empty environment
    nvars = 0;
    vars[0] = nullptr;
    ++i;
  }
  vars[nvars] = nullptr;

  for (; i < argc; ++i) {
    char* a = argv[i];
    if (a[name_len(a)] != '=') break;
    if (!put(a)) {
      tool::begin_error() << "cannot set '" << a << "': Cannot allocate memory";
      tool::end_error();
      return 125;
    }
  }

  if (i == argc) {
    if (chdir_to) {
      tool::begin_error() << "must specify command with --chdir (-C)";
      tool::end_error();
      return usage_error();
    }
    const char end = null_terminated ? '\0' : '\n';
    for (int k = 0; k < nvars; ++k) rawsys::out << vars[k] << end;
    return tool::finish(0, 125);
  }
  if (null_terminated) {
    tool::begin_error() << "cannot specify --null (-0) with command";
    tool::end_error();
    return usage_error();
  }
  if (chdir_to) {
    if (auto r = rawsys::syscall(rawsys::nr::chdir, chdir_to); !r) {
      tool::begin_error() << "cannot change directory to '" << chdir_to << "': " << message(r.error());
      tool::end_error();
      return 125;
    }
  }
  (void)rawsys::out.flush();
  const char* path = "/bin:/usr/bin";  // execvp's default, when the new environment has no PATH
  for (int k = 0; k < nvars; ++k)
    if (same_name(vars[k], "PATH", 4)) {
      path = vars[k] + 5;
      break;
    }
  const rawsys::errc e = tool::execvp(argv + i, vars, path);
  tool::begin_error() << '\'' << argv[i] << "': " << message(e);
  tool::end_error();
  return e == rawsys::errc::enoent ? 127 : 126;
}
