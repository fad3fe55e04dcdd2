// <rawsys/capability.hpp> without libc: capget(2) and capset(2) of the
// caller's own sets (setting what is already set needs no privilege).
#include <rawsys/capability.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

int main() {
  auto sets = r::capget();
  check(sets.has_value() && (sets->effective & ~sets->permitted) == 0, "capget: effective within permitted");
  if (sets) check(r::capset(*sets).has_value(), "capset: the same sets");
  r::cap_user_header h{r::cap_version::v3, 0};
  r::cap_user_data d[2] = {};
  check(r::capget(&h, d).has_value() && d[0].effective == static_cast<uint32_t>(sets.value_or(r::cap_sets{}).effective),
        "capget: the raw form");
  r::cap_user_header bad{static_cast<r::cap_version>(1), 0};
  check(r::capget(&bad, d) == r::unexpected(r::errc::einval) && bad.version == r::cap_version::v3,
        "capget: an unknown version is EINVAL, and the kernel names its own");
  return topic::finish("capability.hpp");
}
