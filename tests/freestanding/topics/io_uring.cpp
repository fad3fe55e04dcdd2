// <rawsys/io_uring.hpp> without libc: a ring set up, probed and entered with
// nothing to submit (io_uring_setup(2), io_uring_register(2),
// io_uring_enter(2)). Disabled by some kernels and containers (noted);
// qemu-user emulates none.
#include <rawsys/io_uring.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

int main() {
  r::io_uring_params p{};
  auto ring = r::io_uring_setup(4, &p);
  if (!topic::not_emulated(ring, "io_uring_setup") && !topic::not_permitted(ring, "io_uring_setup")) {
    check(ring && p.sq_entries == 4 && p.cq_entries == 8, "io_uring_setup: 4 entries, twice as many completions");
    if (ring) {
      check(r::io_uring_enter(*ring, 0, 0, r::ioring_enter::flags{}) == 0u, "io_uring_enter: nothing to do");
      // IORING_REGISTER_PROBE: struct io_uring_probe (16 bytes) and 8-byte ops.
      alignas(8) unsigned char probe[16 + 8 * 64] = {};
      auto n = r::io_uring_register(*ring, r::io_uring_register_op::register_probe, probe, 64);
      check(n.has_value() && probe[0] > 0 /* last_op */, "io_uring_register: probe");
    }
    check(r::io_uring_setup(0, &p) == r::unexpected(r::errc::einval), "io_uring_setup: 0 entries is EINVAL");
  }
  return topic::finish("io_uring.hpp");
}
