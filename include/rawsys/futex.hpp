// Futexes: futex(2) with typed helpers for the common operations, and the
// futex2 calls: futex_waitv(2), futex_wake(2), futex_wait(2) and
// futex_requeue(2) (overloads of the futex(2) helpers of the same names,
// told apart by their futex2:: flags or futex_waiter arguments).
//
// The operations live in futex_op:: (not futex::, which would collide with
// the function rawsys::futex). The helpers default to process-private
// futexes (futex_op::private_); pass futex_op::op{} for shared ones.
#pragma once

#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "syscall.hpp"
#include "types.hpp"
#include "detail/time64.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_FUTEX
#include "arch/native_uapi.hpp"

namespace rawsys {

// FUTEX_*: an operation or-ed with futex_op::private_ and, for the waits
// with an absolute timeout, futex_op::clock_realtime.
namespace futex_op {
enum class op : int {
  wait = uapi::futex_wait,
  wake = uapi::futex_wake,
  requeue = uapi::futex_requeue,
  cmp_requeue = uapi::futex_cmp_requeue,
  wake_op = uapi::futex_wake_op,
  lock_pi = uapi::futex_lock_pi,
  unlock_pi = uapi::futex_unlock_pi,
  trylock_pi = uapi::futex_trylock_pi,
  wait_bitset = uapi::futex_wait_bitset,
  wake_bitset = uapi::futex_wake_bitset,
  wait_requeue_pi = uapi::futex_wait_requeue_pi,
  cmp_requeue_pi = uapi::futex_cmp_requeue_pi,
  lock_pi2 = uapi::futex_lock_pi2,
  private_ = uapi::futex_private_flag,
  clock_realtime = uapi::futex_clock_realtime,
};
RAWSYS_BITMASK(op)
using enum op;
}  // namespace futex_op

// FUTEX_BITSET_MATCH_ANY: a wait_bitset/wake_bitset mask matching every waiter.
inline constexpr uint32_t futex_bitset_match_any = 0xffffffffu;
// The PI futex word: FUTEX_WAITERS, FUTEX_OWNER_DIED, FUTEX_TID_MASK.
inline constexpr uint32_t futex_waiters = 0x80000000u;
inline constexpr uint32_t futex_owner_died = 0x40000000u;
inline constexpr uint32_t futex_tid_mask = 0x3fffffffu;

// futex(2): long futex(uint32_t *uaddr, int futex_op, uint32_t val, const struct __kernel_timespec *timeout, uint32_t *uaddr2, uint32_t val3);
// The form whose fourth argument is a timeout (wait, wait_bitset, lock_pi,
// ...): relative for wait, absolute for the others. 32-bit ISAs:
// futex_time64, and futex with a 32-bit timespec on a kernel without it
// (EOVERFLOW when the timeout does not fit). An operation the kernel does not
// know is ENOSYS, never a reason to fall back.
template <class = void>
inline result<long> futex(uint32_t* uaddr, futex_op::op op, uint32_t val, const timespec* timeout, uint32_t* uaddr2, uint32_t val3) noexcept {
  const result<long> r = syscall(sys::futex, uaddr, op, val, timeout, uaddr2, val3);
  return detail::or_old_timeout(r, timeout, [&](const detail::old_timespec* old) {
    return syscall(sys::time32::futex, uaddr, op, val, old, uaddr2, val3);
  });
}

// futex(2): long futex(uint32_t *uaddr, int futex_op, uint32_t val, uint32_t val2, uint32_t *uaddr2, uint32_t val3);
// The form whose fourth argument is a number (requeue, cmp_requeue,
// wake_op, cmp_requeue_pi). 32-bit ISAs: futex_time64, and futex on a
// kernel without it (the number needs no conversion).
template <class = void>
inline result<long> futex(uint32_t* uaddr, futex_op::op op, uint32_t val, uint32_t val2, uint32_t* uaddr2, uint32_t val3) noexcept {
  const result<long> r = syscall(sys::futex, uaddr, op, val, val2, uaddr2, val3);
  if (detail::time64_missing(r)) return syscall(sys::time32::futex, uaddr, op, val, val2, uaddr2, val3);
  return r;
}

// futex(2), FUTEX_WAIT: sleeps while *uaddr == val, for at most the relative timeout
// (CLOCK_MONOTONIC; nullptr: forever). EAGAIN when *uaddr != val on entry,
// ETIMEDOUT, EINTR; a success may be spurious: recheck the word.
template <class = void>
inline result<void> futex_wait(uint32_t* uaddr, uint32_t val, const timespec* timeout = nullptr, futex_op::op flags = futex_op::private_) noexcept {
  return detail::as_void(futex(uaddr, futex_op::wait | flags, val, timeout, nullptr, 0));
}

// futex(2), FUTEX_WAKE: wakes at most n waiters (INT32_MAX: all); returns how many.
template <class = void>
inline result<unsigned> futex_wake(uint32_t* uaddr, uint32_t n, futex_op::op flags = futex_op::private_) noexcept {
  return detail::as_count<unsigned>(
      futex(uaddr, futex_op::wake | flags, n, static_cast<const timespec*>(nullptr), nullptr, 0));
}

// futex(2), FUTEX_REQUEUE: wakes at most n_wake waiters and moves at most n_requeue of
// the others to uaddr2; returns how many were woken.
template <class = void>
inline result<unsigned> futex_requeue(uint32_t* uaddr, uint32_t n_wake, uint32_t n_requeue, uint32_t* uaddr2, futex_op::op flags = futex_op::private_) noexcept {
  return detail::as_count<unsigned>(futex(uaddr, futex_op::requeue | flags, n_wake, n_requeue, uaddr2, 0));
}

// futex(2), FUTEX_CMP_REQUEUE: as futex_requeue, if *uaddr == val (else EAGAIN);
// returns how many were woken and requeued.
template <class = void>
inline result<unsigned> futex_cmp_requeue(uint32_t* uaddr, uint32_t n_wake, uint32_t n_requeue, uint32_t* uaddr2, uint32_t val, futex_op::op flags = futex_op::private_) noexcept {
  return detail::as_count<unsigned>(
      futex(uaddr, futex_op::cmp_requeue | flags, n_wake, n_requeue, uaddr2, val));
}

// futex(2), FUTEX_WAIT_BITSET: as futex_wait, but the timeout is absolute
// (CLOCK_MONOTONIC, or CLOCK_REALTIME with futex_op::clock_realtime in flags)
// and only wakes whose bitset shares a bit with this one reach it.
template <class = void>
inline result<void> futex_wait_bitset(uint32_t* uaddr, uint32_t val, const timespec* deadline, uint32_t bitset = futex_bitset_match_any, futex_op::op flags = futex_op::private_) noexcept {
  return detail::as_void(futex(uaddr, futex_op::wait_bitset | flags, val, deadline, nullptr, bitset));
}

// futex(2), FUTEX_WAKE_BITSET: wakes at most n waiters whose bitset shares a bit with
// this one; returns how many.
template <class = void>
inline result<unsigned> futex_wake_bitset(uint32_t* uaddr, uint32_t n, uint32_t bitset = futex_bitset_match_any, futex_op::op flags = futex_op::private_) noexcept {
  return detail::as_count<unsigned>(
      futex(uaddr, futex_op::wake_bitset | flags, n, static_cast<const timespec*>(nullptr), nullptr, bitset));
}

// FUTEX2_*: a futex_waitv waiter's flags. futex_waitv supports size_u32 only.
namespace futex2 {
enum class flags : uint32_t {
  size_u8 = uapi::futex2_size_u8,
  size_u16 = uapi::futex2_size_u16,
  size_u32 = uapi::futex2_size_u32,
  size_u64 = uapi::futex2_size_u64,
  numa = uapi::futex2_numa,
  private_ = uapi::futex2_private,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace futex2

// FUTEX_WAITV_MAX: the most waiters futex_waitv takes.
inline constexpr unsigned futex_waitv_max = 128;

// The kernel's struct futex_waitv (named futex_waiter here so it does not
// hide behind the function futex_waitv): 24 bytes on every arch.
struct futex_waiter {
  uint64_t val;            // the expected value
  uint64_t uaddr;          // the futex word's address
  futex2::flags flags;     // futex2::size_u32, optionally | futex2::private_
  uint32_t reserved;       // must be 0
};

// A waiter on a 32-bit word.
template <class = void>
inline auto make_futex_waiter(const uint32_t* uaddr, uint32_t val, futex2::flags flags = futex2::private_) noexcept -> futex_waiter {
  return {val, static_cast<uint64_t>(reinterpret_cast<uintptr_t>(uaddr)), futex2::size_u32 | flags, 0};
}

// futex_waitv(2): long futex_waitv(struct futex_waitv *waiters, unsigned int nr_futexes, unsigned int flags, struct __kernel_timespec *timeout, clockid_t clockid);
// Sleeps until any of the futexes is woken; returns its index. EAGAIN when
// a word differs from its val on entry. timeout is absolute on clockid
// (clock::monotonic or clock::realtime), nullptr forever; flags must be 0.
// 64-bit timespec on every arch. Linux 5.16+: ENOSYS before, passed through.
template <class = void>
inline result<unsigned> futex_waitv(futex_waiter* waiters, unsigned nr_futexes, unsigned flags, const timespec* timeout, clock clockid) noexcept {
  return detail::as_count<unsigned>(syscall(nr::futex_waitv, waiters, nr_futexes, flags, timeout, clockid));
}

// futex_wake(2): long futex_wake(void *uaddr, unsigned long mask, int nr, unsigned int flags);
// Wakes at most nr waiters of the futex at uaddr whose wait mask shares a
// bit with mask; returns how many. flags: the word's size (futex2::size_u32,
// the only one supported so far) or-ed with futex2::private_ (and
// futex2::numa). A mask (or futex_wait's val) wider than the word is EINVAL:
// futex_bitset_match_any for every waiter of a 32-bit word. Linux 6.7.
template <class = void>
inline result<unsigned> futex_wake(void* uaddr, unsigned long mask, int nr, futex2::flags flags) noexcept {
  return detail::as_count<unsigned>(syscall(nr::futex_wake, uaddr, mask, nr, flags));
}

// futex_wait(2): long futex_wait(void *uaddr, unsigned long val, unsigned long mask, unsigned int flags, struct __kernel_timespec *timeout, clockid_t clockid);
// Sleeps while the word at uaddr equals val (EAGAIN at once when it does
// not), until a wake with a mask sharing a bit with this one, or the
// absolute timeout on clockid (clock::monotonic or clock::realtime;
// nullptr: forever). 64-bit timespec on every ISA. Linux 6.7.
template <class = void>
inline result<void> futex_wait(void* uaddr, unsigned long val, unsigned long mask, futex2::flags flags, const timespec* timeout, clock clockid) noexcept {
  return detail::as_void(syscall(nr::futex_wait, uaddr, val, mask, flags, timeout, clockid));
}

// futex_requeue(2): long futex_requeue(struct futex_waitv *waiters, unsigned int flags, int nr_wake, int nr_requeue);
// waiters[0] is the source futex and waiters[1] the target (val of [0] is
// compared as FUTEX_CMP_REQUEUE does: EAGAIN when it differs); wakes at most
// nr_wake waiters and moves at most nr_requeue others; returns the number
// woken plus requeued. flags must be 0. Linux 6.7.
template <class = void>
inline result<unsigned> futex_requeue(futex_waiter* waiters, unsigned flags, int nr_wake, int nr_requeue) noexcept {
  return detail::as_count<unsigned>(syscall(nr::futex_requeue, waiters, flags, nr_wake, nr_requeue));
}

}  // namespace rawsys
