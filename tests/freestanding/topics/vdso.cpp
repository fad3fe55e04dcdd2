// <rawsys/vdso.hpp> without libc: getcpu through the vDSO where it exports
// the function, the syscall otherwise; the same CPU as the affinity mask
// allows. (The clock calls through the vDSO: time.cpp, ../vdso_nolibc.cpp.)
#include <rawsys/process.hpp>
#include <rawsys/vdso.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

int main() {
  check(r::vdso::live().valid(), "the vDSO parses");
  auto c = r::vdso::getcpu();
  r::cpu_set allowed;
  check(c && r::sched_getaffinity(0, allowed).has_value() && allowed.test(c->cpu), "getcpu: an allowed CPU");
  unsigned cpu = ~0u, node = ~0u;
  check(r::syscall(r::nr::getcpu, &cpu, &node, nullptr).has_value() && c && node == c->node, "getcpu: the node");
  return topic::finish("vdso.hpp");
}
