// sandbox [-d NAME]... [-k NAME]... COMMAND [ARG]...: runs COMMAND (found
// through PATH) under a seccomp(2) filter: each system call named with -d
// fails with EPERM, each named with -k ends the process with SIGSYS; the
// others are allowed. The filter is for this architecture's ABI: a call
// made through another one (int $0x80 in a 64-bit process) ends the
// process. no_new_privs is set first, as seccomp requires without
// CAP_SYS_ADMIN, so set-user-ID programs do not gain privileges inside.
// Exit status: COMMAND's (it replaces sandbox), 125 for sandbox's own
// errors, 126 or 127 when COMMAND cannot be run.
#include <rawsys/seccomp.hpp>
#include <rawsys/start.hpp>

#include "exec.hpp"
#include "tool.hpp"

namespace {

using rawsys::errc;

int usage_error() {
  tool::try_help();
  return 125;
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  rawsys::sock_filter program[2 * 512 + 16];
  rawsys::seccomp_filter<> filter(program);
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; ++i) {
    const char* a = argv[i];
    if (tool::eq(a, "--")) {
      ++i;
      break;
    }
    if (tool::eq(a, "--help")) {
      rawsys::out << "Usage: " << tool::program << " [-d NAME]... [-k NAME]... COMMAND [ARG]...\n"
                  << "Run COMMAND with the system calls named by -d failing (EPERM) and\n"
                  << "those named by -k ending it (SIGSYS).\n";
      return tool::finish(0, 125);
    }
    if ((a[1] == 'd' || a[1] == 'k') && a[2] == '\0') {
      if (i + 1 == argc) {
        tool::begin_error() << "option requires an argument -- '" << a[1] << '\'';
        tool::end_error();
        return usage_error();
      }
      const char* name = argv[++i];
      auto n = rawsys::find_nr(name);
      if (!n) {
        tool::begin_error() << "unknown system call '" << name << '\'';
        tool::end_error();
        return 125;
      }
      filter.on(*n, a[1] == 'd' ? rawsys::seccomp_ret::error(errc::eperm) : rawsys::seccomp_ret::kill_process);
    } else if (a[1] == '-') {
      tool::unrecognized_option(a);
      return 125;
    } else {
      tool::invalid_option(a[1]);
      return 125;
    }
  }
  if (i == argc) {
    tool::begin_error() << "missing command";
    tool::end_error();
    return usage_error();
  }
  auto prog = filter.finish(rawsys::seccomp_ret::allow);
  if (!prog) {
    tool::error("too many rules", prog.error());
    return 125;
  }
  if (auto r = rawsys::syscall(rawsys::nr::prctl, 38 /* PR_SET_NO_NEW_PRIVS */, 1, 0, 0, 0); !r) {
    tool::error("cannot set no_new_privs", r.error());
    return 125;
  }
  if (auto r = rawsys::seccomp_set_mode_filter(*prog); !r) {
    tool::error("cannot install the filter", r.error());
    return 125;
  }
  const char* path = rawsys::getenv("PATH");
  const errc e = tool::execvp(argv + i, rawsys::environ(), path ? path : "/bin:/usr/bin");
  tool::begin_error() << '\'' << argv[i] << "': " << message(e);
  tool::end_error();
  return e == errc::enoent ? 127 : 126;
}
