// syscount [-f] COMMAND [ARG]...: runs COMMAND under ptrace(2) and, when it
// has ended, prints on stderr how many times it made each system call and
// how many of those failed, most frequent first (strace -c's counts,
// without the timing). -f follows its children too. Calls are counted at
// their entry, so exit_group is one. On x86 a program of the other ABI
// (i386 under a 64-bit syscount, or the reverse) has its calls named from
// its own table, marked "(i386)" or "(x86-64)". Exit status: COMMAND's (128 + N
// when signal N ended it), 126 or 127 when it cannot be run, 125 when it
// cannot be traced.
#include <rawsys/start.hpp>

#include "tracer.hpp"

namespace {

tracer::counts counts;

// Calls counted at their entry, failures at their exit.
struct counter {
  void entry(tracer::tracee& t) noexcept { counts.entry(t); }
  void exit(tracer::tracee& t) noexcept { counts.exit(t); }
  void lost(tracer::tracee&) noexcept {}
  void ended(tracer::tracee&, int) noexcept {}
  void signal(tracer::tracee&, int) noexcept {}
};

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool follow = false;
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; ++i) {
    const char* a = argv[i];
    if (tool::eq(a, "--")) {
      ++i;
      break;
    }
    if (tool::eq(a, "-f")) {
      follow = true;
    } else if (tool::eq(a, "--help")) {
      rawsys::out << "Usage: " << tool::program << " [-f] COMMAND [ARG]...\n"
                  << "Run COMMAND and count its system calls (-f: its children's too).\n";
      return tool::finish(0, 125);
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
    tool::try_help();
    return 125;
  }
  tracer::options opt;
  opt.follow = follow;
  counter h;
  const int result = tracer::run(argv + i, opt, h);
  (void)rawsys::out.flush();
  counts.report(rawsys::err);
  return result;
}
