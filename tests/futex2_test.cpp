// The futex2 calls of Linux 6.7 (futex_wake, futex_wait, futex_requeue):
// each against glibc's syscall() on the same ISA (same value, same error),
// and what they are for: a sleeper woken by a mask it shares, a sleeper
// requeued onto a second word and woken there.
#include <rawsys/futex.hpp>

#include "skip.hpp"
#include "support.hpp"

#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <thread>

namespace r = rawsys;
using rawsys::errc;
using rawsys_test::error_of;
using rawsys_test::glibc;
using rawsys_test::widen;

namespace {

// Every bit of a 32-bit word's mask (FUTEX_BITSET_MATCH_ANY): a wider one is EINVAL.
constexpr unsigned long any = 0xffffffffu;
const r::futex2::flags u32 = r::futex2::size_u32 | r::futex2::private_;

// glibc's syscall() with rawsys's number (this glibc may predate the calls).
template <class... A>
long sc(r::nr n, A... a) {
  return ::syscall(static_cast<long>(n), a...);
}

r::timespec now_monotonic() {
  ::timespec ts;
  REQUIRE(::clock_gettime(CLOCK_MONOTONIC, &ts) == 0);
  return {ts.tv_sec, ts.tv_nsec};
}

// The kernel's __kernel_timespec, for glibc's syscall(): 64-bit on every ISA.
struct kts {
  int64_t sec;
  int64_t nsec;
};

// Whether this kernel has the futex2 calls (Linux 6.7); skips the test when not.
bool have_futex2() {
  uint32_t w = 0;
  const auto probe = r::futex_wake(&w, any, 1, u32);
  if (!probe && probe.error() == errc::enosys) {
    CHECK(error_of(probe) == error_of(glibc(sc(r::nr::futex_wake, &w, any, 1, r::bits(u32)))));
    rawsys_test::skip(rawsys_test::why_unavailable("futex_wake", probe.error()) + "; Linux 6.7+");
    return false;
  }
  return true;
}

}  // namespace

TEST_CASE("futex_wake: no sleeper, 0, errors as glibc's syscall()") {
  if (!have_futex2()) return;
  uint32_t w = 0;
  CHECK(r::futex_wake(&w, any, 1, u32) == r::result<unsigned>{0u});
  CHECK(widen(r::futex_wake(&w, any, 1, u32)) == glibc(sc(r::nr::futex_wake, &w, any, 1, r::bits(u32))));
  // A mask of 0; an 8-bit word (only 32-bit ones are supported); a
  // misaligned word: EINVAL.
  CHECK(r::futex_wake(&w, 0, 1, u32) == r::unexpected(errc::einval));
  CHECK(widen(r::futex_wake(&w, 0, 1, u32)) == glibc(sc(r::nr::futex_wake, &w, 0ul, 1, r::bits(u32))));
  const auto u8 = r::futex2::size_u8 | r::futex2::private_;
  CHECK(widen(r::futex_wake(&w, any, 1, u8)) == glibc(sc(r::nr::futex_wake, &w, any, 1, r::bits(u8))));
  char* odd = reinterpret_cast<char*>(&w) + 1;
  CHECK(widen(r::futex_wake(odd, any, 1, u32)) == glibc(sc(r::nr::futex_wake, odd, any, 1, r::bits(u32))));
  CHECK(r::futex_wake(odd, any, 1, u32) == r::unexpected(errc::einval));
}

TEST_CASE("futex_wait: EAGAIN on a changed word, ETIMEDOUT at a past deadline, errors as glibc's syscall()") {
  if (!have_futex2()) return;
  uint32_t w = 1;
  CHECK(r::futex_wait(&w, 0, any, u32, nullptr, r::clock::monotonic) == r::unexpected(errc::eagain));
  CHECK(r::futex_wait(&w, 0, any, u32, nullptr, r::clock::monotonic) ==
        rawsys_test::glibc_void(sc(r::nr::futex_wait, &w, 0ul, any, r::bits(u32), nullptr, CLOCK_MONOTONIC)));
  const r::timespec past{1, 0};
  const kts kpast{1, 0};
  CHECK(r::futex_wait(&w, 1, any, u32, &past, r::clock::monotonic) == r::unexpected(errc::etimedout));
  CHECK(r::futex_wait(&w, 1, any, u32, &past, r::clock::monotonic) ==
        rawsys_test::glibc_void(sc(r::nr::futex_wait, &w, 1ul, any, r::bits(u32), &kpast, CLOCK_MONOTONIC)));
  // A clock it does not take; a fraction of a second or more: EINVAL.
  CHECK(r::futex_wait(&w, 1, any, u32, &past, r::clock::process_cputime_id) ==
        rawsys_test::glibc_void(sc(r::nr::futex_wait, &w, 1ul, any, r::bits(u32), &kpast, CLOCK_PROCESS_CPUTIME_ID)));
  const r::timespec bad{1, 1000000000};
  const kts kbad{1, 1000000000};
  CHECK(r::futex_wait(&w, 1, any, u32, &bad, r::clock::monotonic) == r::unexpected(errc::einval));
  CHECK(r::futex_wait(&w, 1, any, u32, &bad, r::clock::monotonic) ==
        rawsys_test::glibc_void(sc(r::nr::futex_wait, &w, 1ul, any, r::bits(u32), &kbad, CLOCK_MONOTONIC)));
}

TEST_CASE("futex_wait, futex_wake: a sleeper is woken by a wake whose mask it shares, not by another") {
  if (!have_futex2()) return;
  uint32_t w = 0;
  std::atomic<int> result{-1};
  std::thread sleeper([&] {
    // Woken, or (should nothing wake it) out after 10 s.
    r::timespec deadline = now_monotonic();
    deadline.sec += 10;
    while (__atomic_load_n(&w, __ATOMIC_ACQUIRE) == 0) {
      const auto s = r::futex_wait(&w, 0, 0x2, u32, &deadline, r::clock::monotonic);
      if (!s && s.error() == errc::etimedout) break;
    }
    result = static_cast<int>(__atomic_load_n(&w, __ATOMIC_ACQUIRE));
  });
  // A mask it does not share wakes nobody.
  for (int i = 0; i < 20; ++i) {
    CHECK(r::futex_wake(&w, 0x1, 1, u32) == r::result<unsigned>{0u});
    ::usleep(1000);
  }
  __atomic_store_n(&w, 1, __ATOMIC_RELEASE);
  unsigned woken = 0;
  for (int i = 0; i < 2000 && result.load() < 0; ++i) {
    auto n = r::futex_wake(&w, 0x2, 1, u32);
    REQUIRE(n.has_value());
    woken += *n;
    ::usleep(1000);
  }
  sleeper.join();
  CHECK(result.load() == 1);
  CHECK(woken <= 1);
}

TEST_CASE("futex_requeue: a sleeper moved to a second word and woken there, errors as glibc's syscall()") {
  if (!have_futex2()) return;
  uint32_t a = 0, b = 0;
  r::futex_waiter w[2] = {r::make_futex_waiter(&a, 0), r::make_futex_waiter(&b, 0)};
  // Nobody waits: 0 from both.
  CHECK(r::futex_requeue(w, 0, 1, 1) == r::result<unsigned>{0u});
  CHECK(widen(r::futex_requeue(w, 0, 1, 1)) == glibc(sc(r::nr::futex_requeue, w, 0, 1, 1)));
  // The source word differs from its val: EAGAIN; flags: EINVAL.
  a = 5;
  CHECK(r::futex_requeue(w, 0, 1, 1) == r::unexpected(errc::eagain));
  CHECK(widen(r::futex_requeue(w, 0, 1, 1)) == glibc(sc(r::nr::futex_requeue, w, 0, 1, 1)));
  a = 0;
  CHECK(widen(r::futex_requeue(w, 1, 1, 1)) == glibc(sc(r::nr::futex_requeue, w, 1, 1, 1)));
  // A sleeper on a, requeued onto b, then woken by a wake on b.
  std::atomic<bool> done{false};
  std::thread sleeper([&] {
    while (__atomic_load_n(&b, __ATOMIC_ACQUIRE) == 0) (void)r::futex_wait(&a, 0, any, u32, nullptr, r::clock::monotonic);
    done = true;
  });
  unsigned moved = 0;
  for (int i = 0; i < 5000 && moved == 0; ++i) {
    auto n = r::futex_requeue(w, 0, 0, 1);
    REQUIRE(n.has_value());
    moved = *n;
    if (moved == 0) ::usleep(1000);
  }
  CHECK(moved == 1);
  // Asleep on b now: a wake on a reaches nobody.
  CHECK(r::futex_wake(&a, any, 1, u32) == r::result<unsigned>{0u});
  __atomic_store_n(&b, 1, __ATOMIC_RELEASE);
  unsigned woken = 0;
  for (int i = 0; i < 5000 && !done.load(); ++i) {
    auto n = r::futex_wake(&b, any, 1, u32);
    REQUIRE(n.has_value());
    woken += *n;
    if (!done.load()) ::usleep(1000);
  }
  if (!done.load()) {  // should not happen; let the thread go
    __atomic_store_n(&b, 1, __ATOMIC_RELEASE);
    (void)r::futex_wake(&a, any, 1, u32);
  }
  sleeper.join();
  CHECK(done.load());
  CHECK(woken == 1);
}
