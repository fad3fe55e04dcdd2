// uname(1) as in coreutils: the system's names from uname(2), in this
// order: -s kernel name (the default), -n node name, -r kernel release,
// -v kernel version, -m machine, -p processor and -i hardware platform
// ("unknown", as on Debian; -a leaves them out), -o operating system
// ("GNU/Linux", as coreutils built for glibc says).
#include <rawsys/process.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"

int main(int argc, char** argv) {
  tool::program = argv[0];
  enum : unsigned { s = 1, n = 2, r = 4, v = 8, m = 16, p = 32, i = 64, o = 128 };
  unsigned which = 0;
  static const char* const longs[] = {"all", "kernel-name", "nodename", "kernel-release", "kernel-version", "machine",
                                      "processor", "hardware-platform", "operating-system", "sysname", "release",
                                      "help", "version"};
  int early = 1;
  const int operands = tool::parse(argc, argv, "asnrvmpio\x01\x02", longs, "asnrvmpiosr\x01\x02", 13, [&](char key, const char*) {
    switch (key) {
      case 'a': which |= s | n | r | v | m | o | 0x100; return true;
      case 's': which |= s; return true;
      case 'n': which |= n; return true;
      case 'r': which |= r; return true;
      case 'v': which |= v; return true;
      case 'm': which |= m; return true;
      case 'p': which |= p; return true;
      case 'i': which |= i; return true;
      case 'o': which |= o; return true;
      case tool::help: early = tool::usage("[OPTION]...", "Print certain system information.  With no OPTION, same as -s."); return false;
      default: early = tool::version_text("uname"); return false;
    }
  });
  if (operands < 0) return early;
  if (operands > 0) return tool::extra_operand(argv[1]);
  if ((which & 0xff) == 0) which |= s;
  rawsys::utsname u{};
  if (auto e = rawsys::uname(&u); !e) {
    tool::error("cannot get system name", e.error());
    return 1;
  }
  const char* fields[] = {u.sysname, u.nodename, u.release, u.version, u.machine, "unknown", "unknown", "GNU/Linux"};
  bool first = true;
  for (unsigned k = 0; k < 8; ++k) {
    if (!(which & (1u << k))) continue;
    first ? (void)(first = false) : (void)rawsys::out.put(' ');
    rawsys::out << fields[k];
  }
  rawsys::out << '\n';
  return tool::finish(0);
}
