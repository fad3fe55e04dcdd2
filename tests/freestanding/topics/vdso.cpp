// <rawsys/vdso.hpp> without libc: getcpu through the vDSO where it exports
// the function, the syscall otherwise; the same CPU as the affinity mask
// allows. (The clock calls through the vDSO: time.cpp, ../vdso_nolibc.cpp.)
#include <rawsys/auxv.hpp>
#include <rawsys/process.hpp>
#include <rawsys/vdso.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

int main() {
  // qemu-user maps no vDSO for mips (no AT_SYSINFO_EHDR); a kernel maps one
  // on every supported ISA.
  if (r::auxv(33 /* AT_SYSINFO_EHDR */) == 0 && topic::under_qemu()) {
    ++topic::missing;
    r::out << "not emulated: the vDSO (qemu-user maps none for this ISA)\n";
  } else {
    check(r::vdso::live().valid(), "the vDSO parses");
  }
  auto c = r::vdso::getcpu();
  r::cpu_set allowed;
  check(c && r::sched_getaffinity(0, allowed).has_value() && allowed.test(c->cpu), "getcpu: an allowed CPU");
  unsigned cpu = ~0u, node = ~0u;
  check(r::syscall(r::nr::getcpu, &cpu, &node, nullptr).has_value() && c && node == c->node, "getcpu: the node");
  return topic::finish("vdso.hpp");
}
