// Futexes: each operation against glibc's syscall() on the same arch, the
// constants and struct futex_waitv against <linux/futex.h>, and what they are
// for: a three-state mutex (Drepper, "Futexes Are Tricky") holding an exact
// count under contention, and a one-shot event that releases every waiter.
#include "sockets_support.hpp"

#include <linux/futex.h>
#include <sched.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <thread>
#include <vector>

#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
#include <linux/time_types.h>
#endif

namespace r = rawsys;
using rawsys::errc;
using rawsys_test::glibc;
using rawsys_test::outcome;
namespace fop = rawsys::futex_op;

static_assert(r::bits(fop::wait) == FUTEX_WAIT);
static_assert(r::bits(fop::wake) == FUTEX_WAKE);
static_assert(r::bits(fop::requeue) == FUTEX_REQUEUE);
static_assert(r::bits(fop::cmp_requeue) == FUTEX_CMP_REQUEUE);
static_assert(r::bits(fop::wake_op) == FUTEX_WAKE_OP);
static_assert(r::bits(fop::lock_pi) == FUTEX_LOCK_PI);
static_assert(r::bits(fop::unlock_pi) == FUTEX_UNLOCK_PI);
static_assert(r::bits(fop::trylock_pi) == FUTEX_TRYLOCK_PI);
static_assert(r::bits(fop::wait_bitset) == FUTEX_WAIT_BITSET);
static_assert(r::bits(fop::wake_bitset) == FUTEX_WAKE_BITSET);
static_assert(r::bits(fop::wait_requeue_pi) == FUTEX_WAIT_REQUEUE_PI);
static_assert(r::bits(fop::cmp_requeue_pi) == FUTEX_CMP_REQUEUE_PI);
static_assert(r::bits(fop::lock_pi2) == FUTEX_LOCK_PI2);
static_assert(r::bits(fop::private_) == FUTEX_PRIVATE_FLAG);
static_assert(r::bits(fop::clock_realtime) == FUTEX_CLOCK_REALTIME);
static_assert(r::bits(fop::wait | fop::private_) == FUTEX_WAIT_PRIVATE);
static_assert(r::bits(fop::wake_bitset | fop::private_) == FUTEX_WAKE_BITSET_PRIVATE);
static_assert(r::futex_bitset_match_any == FUTEX_BITSET_MATCH_ANY);
static_assert(r::futex_waiters == FUTEX_WAITERS);
static_assert(r::futex_owner_died == FUTEX_OWNER_DIED);
static_assert(r::futex_tid_mask == FUTEX_TID_MASK);
static_assert(r::futex_waitv_max == FUTEX_WAITV_MAX);
static_assert(r::bits(r::futex2::size_u32) == FUTEX_32);
#if defined(FUTEX2_SIZE_U32)  // Linux 6.7 headers; the arm64 sysroot's are older
static_assert(r::bits(r::futex2::size_u8) == FUTEX2_SIZE_U8);
static_assert(r::bits(r::futex2::size_u16) == FUTEX2_SIZE_U16);
static_assert(r::bits(r::futex2::size_u32) == FUTEX2_SIZE_U32);
static_assert(r::bits(r::futex2::size_u64) == FUTEX2_SIZE_U64);
static_assert(r::bits(r::futex2::numa) == FUTEX2_NUMA);
static_assert(r::bits(r::futex2::private_) == FUTEX2_PRIVATE);
#else
static_assert(r::bits(r::futex2::private_) == FUTEX_PRIVATE_FLAG);
#endif

static_assert(sizeof(r::futex_waiter) == sizeof(struct ::futex_waitv) && sizeof(r::futex_waiter) == 24);
static_assert(alignof(r::futex_waiter) == alignof(struct ::futex_waitv));
static_assert(offsetof(r::futex_waiter, val) == offsetof(struct ::futex_waitv, val));
static_assert(offsetof(r::futex_waiter, uaddr) == offsetof(struct ::futex_waitv, uaddr));
static_assert(offsetof(r::futex_waiter, flags) == offsetof(struct ::futex_waitv, flags));
static_assert(offsetof(r::futex_waiter, reserved) == offsetof(struct ::futex_waitv, __reserved));

namespace {

constexpr uint32_t all = INT32_MAX;

// glibc's view: syscall(SYS_futex) with this arch's kernel timespec (on
// i386, the time64 call, whose timespec is rawsys's).
long glibc_futex(uint32_t* uaddr, int op, uint32_t val, const r::timespec* t, uint32_t* uaddr2, uint32_t val3) {
#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
  __kernel_timespec kt{};
  if (t) kt = {t->sec, t->nsec};
  return ::syscall(SYS_futex_time64, uaddr, op, val, t ? &kt : nullptr, uaddr2, val3);
#else
  ::timespec ts{};
  if (t) ts = {t->sec, t->nsec};
  return ::syscall(SYS_futex, uaddr, op, val, t ? &ts : nullptr, uaddr2, val3);
#endif
}
long glibc_futex_val2(uint32_t* uaddr, int op, uint32_t val, uint32_t val2, uint32_t* uaddr2, uint32_t val3) {
#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
  return ::syscall(SYS_futex_time64, uaddr, op, val, static_cast<unsigned long>(val2), uaddr2, val3);
#else
  return ::syscall(SYS_futex, uaddr, op, val, static_cast<unsigned long>(val2), uaddr2, val3);
#endif
}

r::timespec now(clockid_t clock) {
  ::timespec ts;
  REQUIRE(::clock_gettime(clock, &ts) == 0);
  return {ts.tv_sec, ts.tv_nsec};
}
r::timespec plus_ms(r::timespec t, long ms) {
  t.nsec += ms * 1000000L;
  t.sec += t.nsec / 1000000000L;
  t.nsec %= 1000000000L;
  return t;
}
bool not_before(r::timespec a, r::timespec b) { return a.sec > b.sec || (a.sec == b.sec && a.nsec >= b.nsec); }

uint32_t load(const uint32_t* w) { return __atomic_load_n(w, __ATOMIC_ACQUIRE); }
void store(uint32_t* w, uint32_t v) { __atomic_store_n(w, v, __ATOMIC_RELEASE); }

// Drepper's mutex: 0 unlocked, 1 locked, 2 locked and maybe waited for.
class mutex {
 public:
  void lock() {
    uint32_t c = 0;
    if (__atomic_compare_exchange_n(&word_, &c, 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return;
    if (c != 2) c = __atomic_exchange_n(&word_, 2, __ATOMIC_ACQUIRE);
    while (c != 0) {
      waits_.fetch_add(1, std::memory_order_relaxed);
      (void)r::futex_wait(&word_, 2);  // EAGAIN when it changed meanwhile: retry
      c = __atomic_exchange_n(&word_, 2, __ATOMIC_ACQUIRE);
    }
  }
  void unlock() {
    if (__atomic_fetch_sub(&word_, 1, __ATOMIC_RELEASE) != 1) {
      store(&word_, 0);
      (void)r::futex_wake(&word_, 1);
    }
  }
  uint32_t word() const { return load(&word_); }
  long waits() const { return waits_.load(); }

 private:
  uint32_t word_ = 0;
  std::atomic<long> waits_{0};
};

// A one-shot event: waiters sleep until set() releases all of them.
class event {
 public:
  void wait() {
    while (load(&state_) == 0) (void)r::futex_wait(&state_, 0);
  }
  unsigned set() {
    store(&state_, 1);
    auto n = r::futex_wake(&state_, all);
    return n ? *n : 0;
  }

 private:
  uint32_t state_ = 0;
};

// Spins (bounded) until pred holds.
template <class P>
bool eventually(P pred) {
  for (long i = 0; i < 2000000; ++i) {
    if (pred()) return true;
    ::sched_yield();
  }
  return false;
}

}  // namespace

TEST_CASE("futex: wait and wake, values and errors match glibc") {
  uint32_t word = 1;
  const int wait_p = FUTEX_WAIT_PRIVATE, wake_p = FUTEX_WAKE_PRIVATE;
  // The word is not the expected value: EAGAIN at once.
  CHECK(r::futex_wait(&word, 0) == r::unexpected(errc::eagain));
  CHECK(outcome(r::futex_wait(&word, 0)) == glibc(glibc_futex(&word, wait_p, 0, nullptr, nullptr, 0)));
  // The value matches and nobody wakes it: ETIMEDOUT after the relative timeout.
  const r::timespec ms{0, 1000000};
  CHECK(r::futex_wait(&word, 1, &ms) == r::unexpected(errc::etimedout));
  CHECK(outcome(r::futex_wait(&word, 1, &ms)) == glibc(glibc_futex(&word, wait_p, 1, &ms, nullptr, 0)));
  // A shared (not private) futex on the same word.
  CHECK(r::futex_wait(&word, 1, &ms, fop::op{}) == r::unexpected(errc::etimedout));
  CHECK(outcome(r::futex_wait(&word, 1, &ms, fop::op{})) == glibc(glibc_futex(&word, FUTEX_WAIT, 1, &ms, nullptr, 0)));
  const r::timespec bad_ns{0, 1000000000};
  CHECK(r::futex_wait(&word, 1, &bad_ns) == r::unexpected(errc::einval));
  CHECK(outcome(r::futex_wait(&word, 1, &bad_ns)) == glibc(glibc_futex(&word, wait_p, 1, &bad_ns, nullptr, 0)));
  // Nobody waits: nobody woken.
  CHECK(r::futex_wake(&word, all) == 0u);
  CHECK(outcome(r::futex_wake(&word, all)) == glibc(glibc_futex(&word, wake_p, all, nullptr, nullptr, 0)));
  CHECK(r::futex_wake(&word, 1, fop::op{}) == 0u);
  // A misaligned word: EINVAL.
  alignas(8) unsigned char bytes[8] = {};
  auto* odd = reinterpret_cast<uint32_t*>(bytes + 1);
  CHECK(r::futex_wake(odd, 1) == r::unexpected(errc::einval));
  CHECK(outcome(r::futex_wake(odd, 1)) == glibc(glibc_futex(odd, wake_p, 1, nullptr, nullptr, 0)));
  // An operation the kernel does not have: ENOSYS.
  CHECK(r::futex(&word, fop::op{99}, 0, nullptr, nullptr, 0) == r::unexpected(errc::enosys));
  CHECK(outcome(r::futex(&word, fop::op{99}, 0, nullptr, nullptr, 0)) == glibc(glibc_futex(&word, 99, 0, nullptr, nullptr, 0)));
  // ... also with a timeout past 2038: the kernel's ENOSYS refuses the
  // operation, it does not say the time64 call is missing (no fallback, no
  // EOVERFLOW from narrowing the timeout for the old call).
  const r::timespec y2040{2208988800, 0};
  CHECK(r::futex(&word, fop::op{99}, 0, &y2040, nullptr, 0) == r::unexpected(errc::enosys));
  CHECK(outcome(r::futex(&word, fop::op{99}, 0, &y2040, nullptr, 0)) == glibc(glibc_futex(&word, 99, 0, &y2040, nullptr, 0)));
  // The raw call with a wait op, as the helper makes it.
  CHECK(r::futex(&word, fop::wait | fop::private_, 0, nullptr, nullptr, 0) == r::unexpected(errc::eagain));
}

TEST_CASE("futex: requeue, cmp_requeue and the bitset calls, errors match glibc") {
  uint32_t a = 0, b = 0;
  const int cmp_p = FUTEX_CMP_REQUEUE_PRIVATE, req_p = FUTEX_REQUEUE_PRIVATE;
  CHECK(r::futex_requeue(&a, 1, all, &b) == 0u);
  CHECK(outcome(r::futex_requeue(&a, 1, all, &b)) == glibc(glibc_futex_val2(&a, req_p, 1, all, &b, 0)));
  CHECK(r::futex_cmp_requeue(&a, 1, all, &b, 0) == 0u);
  CHECK(outcome(r::futex_cmp_requeue(&a, 1, all, &b, 0)) == glibc(glibc_futex_val2(&a, cmp_p, 1, all, &b, 0)));
  CHECK(r::futex_cmp_requeue(&a, 1, all, &b, 5) == r::unexpected(errc::eagain));  // a != 5
  CHECK(outcome(r::futex_cmp_requeue(&a, 1, all, &b, 5)) == glibc(glibc_futex_val2(&a, cmp_p, 1, all, &b, 5)));
  CHECK(outcome(r::futex(&a, fop::cmp_requeue | fop::private_, 1, uint32_t{0x80000000u}, &b, 0)) ==
        glibc(glibc_futex_val2(&a, cmp_p, 1, 0x80000000u, &b, 0)));  // a negative count: EINVAL

  // wait_bitset: an absolute deadline, on either clock.
  const r::timespec past = now(CLOCK_MONOTONIC);
  CHECK(r::futex_wait_bitset(&a, 0, &past) == r::unexpected(errc::etimedout));
  CHECK(outcome(r::futex_wait_bitset(&a, 0, &past)) ==
        glibc(glibc_futex(&a, FUTEX_WAIT_BITSET_PRIVATE, 0, &past, nullptr, FUTEX_BITSET_MATCH_ANY)));
  const r::timespec deadline = plus_ms(now(CLOCK_MONOTONIC), 20);
  CHECK(r::futex_wait_bitset(&a, 0, &deadline) == r::unexpected(errc::etimedout));
  CHECK(not_before(now(CLOCK_MONOTONIC), deadline));  // it waited until the deadline, not 20 ms from each retry
  const r::timespec rt_deadline = plus_ms(now(CLOCK_REALTIME), 20);
  CHECK(r::futex_wait_bitset(&a, 0, &rt_deadline, r::futex_bitset_match_any, fop::private_ | fop::clock_realtime) ==
        r::unexpected(errc::etimedout));
  CHECK(not_before(now(CLOCK_REALTIME), rt_deadline));
  CHECK(r::futex_wait_bitset(&a, 1, &deadline) == r::unexpected(errc::eagain));
  // A zero bitset matches nobody: EINVAL for both calls.
  CHECK(r::futex_wait_bitset(&a, 0, &past, 0) == r::unexpected(errc::einval));
  CHECK(outcome(r::futex_wait_bitset(&a, 0, &past, 0)) ==
        glibc(glibc_futex(&a, FUTEX_WAIT_BITSET_PRIVATE, 0, &past, nullptr, 0)));
  CHECK(r::futex_wake_bitset(&a, 1, 0) == r::unexpected(errc::einval));
  CHECK(outcome(r::futex_wake_bitset(&a, 1, 0)) ==
        glibc(glibc_futex(&a, FUTEX_WAKE_BITSET_PRIVATE, 1, nullptr, nullptr, 0)));
  CHECK(r::futex_wake_bitset(&a, 1) == 0u);
  // clock_realtime is only for the absolute waits.
  CHECK(outcome(r::futex(&a, fop::wait | fop::clock_realtime, 1, nullptr, nullptr, 0)) ==
        glibc(glibc_futex(&a, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 1, nullptr, nullptr, 0)));
}

TEST_CASE("futex: a three-state mutex keeps an exact count: 4 threads, 100000 increments") {
  constexpr int threads = 4, per_thread = 25000;
  mutex m;
  long counter = 0;  // deliberately not atomic: the mutex is all that guards it
  // Hold the lock while the threads start, until one of them has marked it
  // contended (2): then at least one thread has gone to sleep in futex_wait.
  m.lock();
  std::vector<std::thread> ts;
  for (int t = 0; t < threads; ++t)
    ts.emplace_back([&] {
      for (int i = 0; i < per_thread; ++i) {
        m.lock();
        counter = counter + 1;
        if (i % 1000 == 0) ::sched_yield();  // invite contention while holding it
        m.unlock();
      }
    });
  CHECK(eventually([&] { return m.word() == 2; }));
  m.unlock();
  for (auto& t : ts) t.join();
  CHECK(counter == threads * per_thread);
  CHECK(m.word() == 0);
  CHECK(m.waits() >= 1);
  MESSAGE("futex waits under contention: ", m.waits());
}

TEST_CASE("futex: a one-shot event released by one thread wakes every waiter") {
  constexpr int waiters = 6;
  event ev;
  std::atomic<int> arrived{0}, released{0};
  std::vector<std::thread> ts;
  for (int t = 0; t < waiters; ++t)
    ts.emplace_back([&] {
      arrived.fetch_add(1);
      ev.wait();
      released.fetch_add(1);
    });
  REQUIRE(eventually([&] { return arrived.load() == waiters; }));
  CHECK(released.load() == 0);  // nobody passes before the event is set
  unsigned woken = 0;
  std::thread setter([&] { woken = ev.set(); });
  setter.join();
  for (auto& t : ts) t.join();
  CHECK(released.load() == waiters);
  CHECK(woken <= static_cast<unsigned>(waiters));
  // Set stays set: a late waiter passes at once.
  ev.wait();
}

TEST_CASE("futex: cmp_requeue moves sleepers, one wake on the target releases them all") {
  constexpr unsigned sleepers = 4;
  uint32_t a = 0, b = 0, go = 0;
  std::atomic<unsigned> done{0};
  // Returns from futex_wait before go is set. One per round is the wake
  // below; any other is a spurious wake-up, which futex(2) allows (a stale
  // wake on the word's address, seen once on a loaded machine): that sleeper
  // is back on a while the counts assume b, so such a round is repeated.
  std::atomic<unsigned> returns{0};
  std::vector<std::thread> ts;
  for (unsigned t = 0; t < sleepers; ++t)
    ts.emplace_back([&] {
      while (load(&go) == 0) {
        (void)r::futex_wait(&a, 0);
        if (load(&go) == 0) returns.fetch_add(1);
      }
      done.fetch_add(1);
    });
  bool moved_all = false, a_empty = false, requeued_all = false;
  for (int round = 0; round < 10; ++round) {
    const unsigned before = returns.load();
    // Every sleeper on a ends up on b: the counts add up to exactly `sleepers`.
    unsigned moved = 0;
    moved_all = eventually([&] {
      auto n = r::futex_cmp_requeue(&a, 0, all, &b, 0);
      if (n) moved += *n;
      return moved >= sleepers;
    }) && moved == sleepers;
    // All asleep on b now (a wake on a finds nobody); FUTEX_REQUEUE from b
    // back to a wakes 1 and moves the rest, and reports both.
    a_empty = r::futex_wake(&a, all) == 0u;
    requeued_all = r::futex_requeue(&b, 1, all, &a) == sleepers;
    // The one it woke waits on a again; then every sleeper is on a.
    const bool woke_one = eventually([&] { return returns.load() >= before + 1; });
    if (woke_one && returns.load() == before + 1) break;
  }
  CHECK(moved_all);
  CHECK(a_empty);
  CHECK(requeued_all);
  store(&go, 1);
  REQUIRE(eventually([&] {
    (void)r::futex_wake(&a, all);
    return done.load() == sleepers;
  }));
  for (auto& t : ts) t.join();
}

TEST_CASE("futex: wake_bitset reaches only waiters whose bitset matches") {
  uint32_t word = 0, go = 0;
  std::atomic<int> returns{0};
  std::thread waiter([&] {
    while (load(&go) == 0) {
      (void)r::futex_wait_bitset(&word, 0, nullptr, 0x1);
      returns.fetch_add(1);
    }
  });
  bool other_bits_woke_nobody = true;
  unsigned woken = 0;
  eventually([&] {
    auto miss = r::futex_wake_bitset(&word, all, 0x2);
    if (!miss || *miss != 0) other_bits_woke_nobody = false;
    auto hit = r::futex_wake_bitset(&word, all, 0x1);
    if (hit) woken = *hit;
    return woken == 1;
  });
  CHECK(other_bits_woke_nobody);
  CHECK(woken == 1);
  store(&go, 1);
  REQUIRE(eventually([&] {
    (void)r::futex_wake_bitset(&word, all, 0x1);
    return returns.load() >= 1;
  }));
  waiter.join();
}

TEST_CASE("futex_waitv: wait on several words, errors match glibc") {
  uint32_t a = 0, b = 0;
  r::futex_waiter w[2] = {r::make_futex_waiter(&a, 0), r::make_futex_waiter(&b, 0)};
  CHECK(w[1].uaddr == reinterpret_cast<uintptr_t>(&b));
  CHECK(w[1].flags == (r::futex2::size_u32 | r::futex2::private_));
  const r::timespec past{0, 0};
  auto probe = r::futex_waitv(w, 2, 0, &past, r::clock::monotonic);
  if (!probe && probe.error() == errc::enosys) {
    rawsys_test::skip(rawsys_test::why_unavailable("futex_waitv", probe.error()) + "; Linux 5.16+");
    return;
  }
  auto g = [&](r::futex_waiter* ws, unsigned n, unsigned flags, const r::timespec* t, int clock_id) {
#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
    __kernel_timespec kt{};
#else
    ::timespec kt{};
#endif
    if (t) kt = {t->sec, t->nsec};
    return glibc(::syscall(SYS_futex_waitv, ws, n, flags, t ? &kt : nullptr, clock_id));
  };
  // A deadline already past: ETIMEDOUT.
  CHECK(probe == r::unexpected(errc::etimedout));
  CHECK(outcome(probe) == g(w, 2, 0, &past, CLOCK_MONOTONIC));
  // One word differs: EAGAIN.
  b = 1;
  CHECK(r::futex_waitv(w, 2, 0, nullptr, r::clock::monotonic) == r::unexpected(errc::eagain));
  CHECK(outcome(r::futex_waitv(w, 2, 0, nullptr, r::clock::monotonic)) == g(w, 2, 0, nullptr, CLOCK_MONOTONIC));
  b = 0;
  // Flags must be 0; only 32-bit words; at least one waiter; a clock it knows.
  CHECK(r::futex_waitv(w, 2, 1, &past, r::clock::monotonic) == r::unexpected(errc::einval));
  CHECK(outcome(r::futex_waitv(w, 2, 1, &past, r::clock::monotonic)) == g(w, 2, 1, &past, CLOCK_MONOTONIC));
  r::futex_waiter small = w[0];
  small.flags = r::futex2::size_u8;
  CHECK(r::futex_waitv(&small, 1, 0, &past, r::clock::monotonic) == r::unexpected(errc::einval));
  CHECK(outcome(r::futex_waitv(&small, 1, 0, &past, r::clock::monotonic)) == g(&small, 1, 0, &past, CLOCK_MONOTONIC));
  CHECK(outcome(r::futex_waitv(w, 0, 0, &past, r::clock::monotonic)) == g(w, 0, 0, &past, CLOCK_MONOTONIC));
  CHECK(outcome(r::futex_waitv(w, 2, 0, &past, r::clock::process_cputime_id)) == g(w, 2, 0, &past, CLOCK_PROCESS_CPUTIME_ID));

  // A waiter on both words; a wake on b returns index 1 to it.
  uint32_t go = 0;
  std::atomic<int> first_index{-1};
  std::atomic<bool> exited{false};
  std::thread waiter([&] {
    r::futex_waiter ws[2] = {r::make_futex_waiter(&a, 0), r::make_futex_waiter(&b, 0)};
    while (load(&go) == 0) {
      auto i = r::futex_waitv(ws, 2, 0, nullptr, r::clock::monotonic);
      if (i) {
        int expected = -1;
        first_index.compare_exchange_strong(expected, static_cast<int>(*i));
      }
    }
    exited = true;
  });
  // A wake that finds a sleeper on b woke this waiter through index 1.
  unsigned woken = 0;
  eventually([&] {
    auto n = r::futex_wake(&b, 1);
    if (n) woken = *n;
    return woken == 1;
  });
  CHECK(woken == 1);
  REQUIRE(eventually([&] { return first_index.load() != -1; }));
  CHECK(first_index.load() == 1);
  store(&go, 1);
  REQUIRE(eventually([&] {
    (void)r::futex_wake(&a, all);
    return exited.load();
  }));
  waiter.join();
}

#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
namespace {
int futex_fallback_checks() {
  RAWSYS_EXPECT(r::raw::syscall(static_cast<long>(r::nr::futex_time64), 0, 0, 0, 0, 0, 0) == -ENOSYS);
  uint32_t word = 1, other = 0;
  const r::timespec ms{0, 1000000}, bad_ns{0, 1000000000}, far{int64_t{1} << 40, 0};
  RAWSYS_EXPECT(r::futex_wait(&word, 0) == r::unexpected(errc::eagain));
  RAWSYS_EXPECT(r::futex_wait(&word, 1, &ms) == r::unexpected(errc::etimedout));
  RAWSYS_EXPECT(r::futex_wait(&word, 1, &bad_ns) == r::unexpected(errc::einval));  // converted exactly
  RAWSYS_EXPECT(r::futex_wait(&word, 1, &far) == r::unexpected(errc::eoverflow));
  RAWSYS_EXPECT(r::futex_wake(&word, all) == 0u);
  RAWSYS_EXPECT(r::futex_cmp_requeue(&word, 1, all, &other, 0) == r::unexpected(errc::eagain));
  RAWSYS_EXPECT(r::futex_requeue(&word, 1, all, &other) == 0u);
  ::timespec ts;
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  const r::timespec deadline{ts.tv_sec, ts.tv_nsec};
  RAWSYS_EXPECT(r::futex_wait_bitset(&word, 1, &deadline) == r::unexpected(errc::etimedout));
  // Real waits through the fallback: the mutex still counts exactly.
  mutex m;
  long counter = 0;
  std::thread t1([&] {
    for (int i = 0; i < 5000; ++i) {
      m.lock();
      counter = counter + 1;
      m.unlock();
    }
  });
  for (int i = 0; i < 5000; ++i) {
    m.lock();
    counter = counter + 1;
    m.unlock();
  }
  t1.join();
  RAWSYS_EXPECT(counter == 10000);
  return 0;
}
}  // namespace

TEST_CASE("32-bit: futex falls back to the 32-bit call when futex_time64 is ENOSYS") {
  const int line = rawsys_test::run_without({static_cast<long>(r::nr::futex_time64)}, futex_fallback_checks);
  if (line == -1) {
    rawsys_test::skip(rawsys_test::why_no_seccomp_filter());
    return;
  }
  INFO("first failed check at futex_test.cpp line ", line);
  CHECK(line == 0);
}
#endif
