// getrandom: sizes from 0 to 1 MiB (partial reads allowed, so loop) and each
// flag, against glibc's getrandom on the same arch.
#include <sys/mman.h>
#include <sys/random.h>

#include <cstring>
#include <vector>

#include "sockets_support.hpp"

namespace r = rawsys;
using rawsys::errc;
using rawsys_test::glibc;
using rawsys_test::outcome;

static_assert(r::bits(r::grnd::nonblock) == GRND_NONBLOCK);
static_assert(r::bits(r::grnd::random) == GRND_RANDOM);
#if defined(GRND_INSECURE)
static_assert(r::bits(r::grnd::insecure) == GRND_INSECURE);
#else
static_assert(r::bits(r::grnd::insecure) == 0x4);
#endif

namespace {

// Fills the whole buffer, as many calls as it takes (bounded).
bool fill(unsigned char* p, size_t n, r::grnd::flags flags, int& calls) {
  size_t at = 0;
  calls = 0;
  while (at < n && calls < 100000) {
    ++calls;
    auto got = r::getrandom(p + at, n - at, flags);
    if (!got) {
      if (got.error() == errc::eintr) continue;
      return false;
    }
    at += *got;
  }
  return at == n;
}

// Count of distinct byte values: random data of this size shows nearly all.
int distinct(const unsigned char* p, size_t n) {
  bool seen[256] = {};
  int d = 0;
  for (size_t i = 0; i < n; ++i)
    if (!seen[p[i]]) seen[p[i]] = true, ++d;
  return d;
}

}  // namespace

TEST_CASE("getrandom: 0, 1 and 256 bytes come in one call, as from glibc") {
  unsigned char a[256] = {}, b[256] = {};
  CHECK(r::getrandom(a, 0) == 0u);
  CHECK(outcome(r::getrandom(a, 0)) == glibc(::getrandom(b, 0, 0)));
  CHECK(outcome(r::getrandom(nullptr, 0)) == glibc(::getrandom(nullptr, 0, 0)));
  if (rawsys_test::under_qemu_aarch64())
    MESSAGE("getrandom(NULL, 0): not checked to be 0, qemu-user answers EFAULT (glibc agrees with rawsys)");
  else
    CHECK(r::getrandom(nullptr, 0) == 0u);
  CHECK(r::getrandom(a, 1) == 1u);
  CHECK(outcome(r::getrandom(a, 1)) == glibc(::getrandom(b, 1, 0)));
  // Up to 256 bytes a read from the initialised pool is never short.
  CHECK(r::getrandom(r::buffer(a)) == 256u);
  CHECK(::getrandom(b, sizeof b, 0) == 256);
  CHECK(distinct(a, sizeof a) > 64);  // not a constant pattern
  unsigned char c[256];
  CHECK(r::getrandom(c, sizeof c) == 256u);
  CHECK(std::memcmp(a, c, sizeof a) != 0);  // two reads differ
}

TEST_CASE("getrandom: 1 MiB, looping over partial reads") {
  const size_t n = size_t{1} << 20;
  std::vector<unsigned char> big(n, 0);
  int calls = 0;
  REQUIRE(fill(big.data(), n, {}, calls));
  CHECK(calls >= 1);
  MESSAGE("1 MiB took ", calls, " getrandom call(s)");
  CHECK(distinct(big.data(), n) == 256);
  // Each 4 KiB block got bytes (no block left as the zeros it started with).
  int zero_blocks = 0;
  for (size_t off = 0; off < n; off += 4096) {
    bool all_zero = true;
    for (size_t i = 0; i < 4096 && all_zero; ++i) all_zero = big[off + i] == 0;
    zero_blocks += all_zero;
  }
  CHECK(zero_blocks == 0);
  // glibc's single call gives the same kind of answer: a count of at most n.
  std::vector<unsigned char> g(n);
  const ssize_t gn = ::getrandom(g.data(), n, 0);
  auto mine = r::getrandom(big.data(), n);
  REQUIRE(mine);
  CHECK(gn > 0);
  CHECK(*mine > 0u);
  CHECK(*mine <= n);
}

TEST_CASE("getrandom: flags, and EINVAL for the ones it does not know, as glibc") {
  unsigned char a[64], b[64];
  CHECK(r::getrandom(a, sizeof a, r::grnd::nonblock) == 64u);
  CHECK(outcome(r::getrandom(a, sizeof a, r::grnd::nonblock)) == glibc(::getrandom(b, sizeof b, GRND_NONBLOCK)));
  CHECK(outcome(r::getrandom(a, sizeof a, r::grnd::random | r::grnd::nonblock)) ==
        glibc(::getrandom(b, sizeof b, GRND_RANDOM | GRND_NONBLOCK)));
  CHECK(r::getrandom(a, sizeof a, r::grnd::insecure) == 64u);
  CHECK(outcome(r::getrandom(a, sizeof a, r::grnd::insecure)) == glibc(::getrandom(b, sizeof b, 0x4)));
  // Unknown bits, and random together with insecure: EINVAL from both.
  CHECK(r::getrandom(a, sizeof a, r::grnd::flags{0x100}) == r::unexpected(errc::einval));
  CHECK(outcome(r::getrandom(a, sizeof a, r::grnd::flags{0x100})) == glibc(::getrandom(b, sizeof b, 0x100)));
  CHECK(r::getrandom(a, sizeof a, r::grnd::random | r::grnd::insecure) == r::unexpected(errc::einval));
  CHECK(outcome(r::getrandom(a, sizeof a, r::grnd::random | r::grnd::insecure)) ==
        glibc(::getrandom(b, sizeof b, GRND_RANDOM | 0x4)));
  // A buffer the kernel cannot write: EFAULT from both.
  void* page = ::mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(page != MAP_FAILED);
  CHECK(r::getrandom(page, 16) == r::unexpected(errc::efault));
  CHECK(outcome(r::getrandom(page, 16)) == glibc(::getrandom(page, 16, 0)));
  ::munmap(page, 4096);
}
