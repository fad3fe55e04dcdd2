// kill(1) as in coreutils: sends a signal (TERM unless -s SIGNAL, -n
// SIGNAL or -SIGNAL says otherwise) to each PID (kill(2): a negative PID is
// a process group, after "--"). -l lists the signals' names, or with
// arguments converts each between name and number (a number may be an
// exit status: 143 is TERM).
//
// Differs from coreutils: -t / --table (the table with strsignal's
// descriptions) is not offered, this kill carrying no description strings;
// a negative PID must follow "--" (coreutils also takes one after the first
// PID).
#include <rawsys/signal.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "signals.hpp"

namespace {

using rawsys::errc;

int usage_error(const char* text) {
  tool::begin_error() << text;
  tool::end_error();
  tool::try_help();
  return 1;
}

int invalid_signal(const char* a) {
  tool::quote(tool::begin_error(), a);
  rawsys::err << ": invalid signal";
  tool::end_error();
  return 1;
}

// -l with arguments: each number's name, each name's number.
int list(char** args, int count) {
  char name[16];
  if (count == 0) {
    for (int s = 1; s <= tool::rt_max; ++s)
      if (tool::signal_to_name(s, name)) rawsys::out << name << '\n';
    return tool::finish(0);
  }
  int status = 0;
  for (int i = 0; i < count; ++i) {
    const char* a = args[i];
    if (*a >= '0' && *a <= '9') {
      auto v = tool::parse_unsigned(a);
      int signum = v && *v <= 0x7fffffff ? static_cast<int>(*v) : -1;
      if (signum > 128) signum -= 128;  // an exit status: 128 + the signal
      if (signum < 0 || !tool::signal_to_name(signum, name)) {
        status = invalid_signal(a);
        continue;
      }
      rawsys::out << name << '\n';
    } else {
      const int signum = tool::name_to_signal(a);
      if (signum < 0) {
        status = invalid_signal(a);
        continue;
      }
      rawsys::out << signum << '\n';
    }
  }
  return tool::finish(status);
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  int signum = static_cast<int>(rawsys::sig::term);
  bool given = false, listing = false;
  // "-SIGNAL" first: a name (upper case) or a number.
  if (argc > 1 && argv[1][0] == '-' && ((argv[1][1] >= 'A' && argv[1][1] <= 'Z') || (argv[1][1] >= '0' && argv[1][1] <= '9'))) {
    signum = tool::parse_signal(argv[1] + 1);
    if (signum < 0) {
      invalid_signal(argv[1] + 1);
      tool::try_help();
      return 1;
    }
    given = true;
    argv[1] = argv[0];
    --argc;
    ++argv;
  }
  static const char* const longs[] = {"list", "signal", "table", "help", "version"};
  int early = 1;
  const int operands = tool::parse(argc, argv, "Lln:s:t\x01\x02", longs, "lst\x01\x02", 5, [&](char key, const char* arg) {
    switch (key) {
      case 'n':
      case 's':
        if (given) {
          tool::quote(tool::begin_error(), arg);
          rawsys::err << ": multiple signals specified";
          tool::end_error();
          tool::try_help();
          return false;
        }
        signum = tool::parse_signal(arg);
        if (signum < 0) {
          invalid_signal(arg);
          tool::try_help();
          return false;
        }
        given = true;
        return true;
      case 'l':
        if (listing) {
          usage_error("multiple -l or -t options specified");
          return false;
        }
        listing = true;
        return true;
      case 'L':
      case 't':
        usage_error("--table (-t) is not supported");
        return false;
      case tool::help: early = tool::usage("[-s SIGNAL | -SIGNAL] PID...\n  or:  kill -l [SIGNAL]...", "Send signals to processes, or list signals."); return false;
      default: early = tool::version_text("kill"); return false;
    }
  });
  if (operands < 0) return early;
  if (given && listing) return usage_error("cannot combine signal with -l or -t");
  if (listing) return list(argv + 1, operands);
  if (operands == 0) return usage_error("no process ID specified");

  int status = 0;
  for (int i = 1; i <= operands; ++i) {
    const char* a = argv[i];
    auto pid = tool::parse_int(a);
    if (!pid || *pid > 0x7fffffff || *pid < -0x7fffffffLL - 1) {
      tool::quote(tool::begin_error(), a);
      rawsys::err << ": invalid process id";
      tool::end_error();
      status = 1;
      continue;
    }
    if (auto r = rawsys::kill(static_cast<int>(*pid), static_cast<rawsys::sig>(signum)); !r) {
      tool::quote(tool::begin_error(), a);
      rawsys::err << ": " << message(r.error());
      tool::end_error();
      status = 1;
    }
  }
  return tool::finish(status);
}
