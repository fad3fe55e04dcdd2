// <rawsys/perf_event.hpp> without libc: a task-clock counter of this
// process, user time only, read with read(2) (perf_event_open(2)). Not
// permitted under perf_event_paranoid 3 or a container's policy (noted);
// qemu-user emulates no perf call.
#include <rawsys/file.hpp>
#include <rawsys/perf_event.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

int main() {
  r::perf_event_attr attr{};
  attr.type = r::perf_type::software;
  attr.config = static_cast<uint64_t>(r::perf_sw_id::task_clock);
  attr.flags = r::perf_attr_flag::exclude_kernel | r::perf_attr_flag::exclude_hv;
  auto f = r::perf_event_open(attr);
  if (!topic::not_emulated(f, "perf_event_open") && !topic::not_permitted(f, "perf_event_open")) {
    check(f.has_value(), "perf_event_open");
    volatile unsigned spin = 0;
    for (unsigned i = 0; i < 100000; ++i) spin = spin + i;
    uint64_t ns = 0;
    check(f && r::read(*f, &ns, sizeof ns) == sizeof ns && ns > 0, "perf_event_open: the counter counts");
    attr.size = 1;  // smaller than any version
    auto bad = r::perf_event_open(attr);
    check(bad == r::unexpected(r::errc::e2big) || bad == r::unexpected(r::errc::einval),
          "perf_event_open: a bad size is refused");
  }
  return topic::finish("perf_event.hpp");
}
