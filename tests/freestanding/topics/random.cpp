// <rawsys/random.hpp> without libc: getrandom(2) fills the buffer, with and
// without GRND_NONBLOCK, and refuses unknown flags.
#include <rawsys/random.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

int main() {
  unsigned char a[64] = {}, b[64] = {};
  check(r::getrandom(r::buffer(a)) == 64u, "getrandom");
  check(r::getrandom(b, sizeof b, r::grnd::nonblock) == 64u, "getrandom GRND_NONBLOCK");
  bool differ = false;
  for (int i = 0; i < 64; ++i) differ |= a[i] != b[i];
  check(differ, "getrandom: two draws differ");
  check(r::getrandom(a, 1, r::grnd::flags{0x80}) == r::unexpected(r::errc::einval), "getrandom: EINVAL");
  return topic::finish("random.hpp");
}
