// <rawsys/futex.hpp> without libc: each wrapper once, against what futex(2)
// and futex_waitv(2) document for a word no one else waits on (the waits
// time out or find the value changed).
#include <rawsys/futex.hpp>
#include <rawsys/time.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;
namespace op = r::futex_op;

int main() {
  uint32_t word = 1, other = 0;
  check(r::futex_wake(&word, 1) == 0u, "futex_wake: no waiter");
  check(r::futex_wait(&word, 0) == r::unexpected(r::errc::eagain), "futex_wait: the value changed");
  const r::timespec ms{0, 1000000};
  check(r::futex_wait(&word, 1, &ms) == r::unexpected(r::errc::etimedout), "futex_wait: times out");
  check(r::futex(&word, op::wake | op::private_, 1, nullptr, nullptr, 0) == 0, "futex");
  check(r::futex(&word, op::wait | op::private_, 0, uint32_t{0}, nullptr, 0) == r::unexpected(r::errc::eagain),
        "futex: val2 form");
  check(r::futex_requeue(&word, 1, 1, &other) == 0u, "futex_requeue");
  check(r::futex_cmp_requeue(&word, 1, 1, &other, 1) == 0u, "futex_cmp_requeue");
  check(r::futex_cmp_requeue(&word, 1, 1, &other, 2) == r::unexpected(r::errc::eagain),
        "futex_cmp_requeue: the value differs (the sixth argument arrives)");
  auto now = r::clock_gettime(r::clock::monotonic);
  r::timespec deadline = *now;
  deadline.nsec += 1000000;
  if (deadline.nsec >= 1000000000) deadline.nsec -= 1000000000, ++deadline.sec;
  check(r::futex_wait_bitset(&word, 1, &deadline) == r::unexpected(r::errc::etimedout), "futex_wait_bitset");
  check(r::futex_wait_bitset(&word, 1, &deadline, 0) == r::unexpected(r::errc::einval),
        "futex_wait_bitset: bitset 0 is EINVAL");
  check(r::futex_wake_bitset(&word, 1, 2) == 0u, "futex_wake_bitset");
  // futex_waitv (Linux 5.16): the value changed.
  r::futex_waiter w[1] = {r::make_futex_waiter(&word, 0)};
  auto v = r::futex_waitv(w, 1, 0, nullptr, r::clock::monotonic);
  if (!topic::not_emulated(v, "futex_waitv")) check(v == r::unexpected(r::errc::eagain), "futex_waitv");
  // The futex2 calls (Linux 6.7): nobody to wake or requeue, a word that differs.
  const auto u32 = r::futex2::size_u32 | r::futex2::private_;
  auto fw = r::futex_wake(&word, r::futex_bitset_match_any, 1, u32);
  if (!topic::not_emulated(fw, "futex_wake")) check(fw == 0u, "futex_wake");
  auto fwt = r::futex_wait(&word, word + 1, r::futex_bitset_match_any, u32, nullptr, r::clock::monotonic);
  if (!topic::not_emulated(fwt, "futex_wait")) check(fwt == r::unexpected(r::errc::eagain), "futex_wait");
  uint32_t target = 0;
  r::futex_waiter pair[2] = {r::make_futex_waiter(&word, word), r::make_futex_waiter(&target, 0)};
  auto rq = r::futex_requeue(pair, 0, 1, 1);
  if (!topic::not_emulated(rq, "futex_requeue")) check(rq == 0u, "futex_requeue");
  return topic::finish("futex.hpp");
}
