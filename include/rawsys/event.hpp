// Readiness and events: ppoll, pselect6, epoll, eventfd, pidfd_getfd.
//
// Timeouts are rawsys::timespec (64-bit) everywhere. i386 uses the *_time64
// calls and falls back to the 32-bit ones on ENOSYS. ppoll and pselect6 take
// the timeout as const and wait on a copy (the kernel writes the time left
// back; glibc hides that too).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "syscall.hpp"
#include "types.hpp"
#include "detail/time64.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_EVENT
#include "arch/native_uapi.hpp"

namespace rawsys {

// ---------------------------------------------------------------------------
// ppoll

// POLL*: pollfd events (the same on x86-64, i386 and arm64).
namespace poll {
enum class events : short {
  none = 0,
  in = uapi::pollin,
  pri = uapi::pollpri,
  out = uapi::pollout,
  err = uapi::pollerr,
  hup = uapi::pollhup,
  nval = uapi::pollnval,
  rdnorm = uapi::pollrdnorm,
  rdband = uapi::pollrdband,
  wrnorm = uapi::pollwrnorm,
  wrband = uapi::pollwrband,
  msg = uapi::pollmsg,
  rdhup = uapi::pollrdhup,
};
RAWSYS_BITMASK(events)
using enum events;
}  // namespace poll

// struct pollfd. A negative fd is ignored (revents 0).
struct pollfd {
  int fd;
  poll::events events;
  poll::events revents;
};

// ppoll(2): int ppoll(struct pollfd *ufds, unsigned int nfds, struct __kernel_timespec *tsp, const sigset_t *sigmask, size_t sigsetsize);
// timeout nullptr waits forever; mask nullptr keeps the signal mask. Returns
// how many entries have revents set. 32-bit ISAs: ppoll_time64, and ppoll
// with a 32-bit timespec on a kernel without it (EOVERFLOW when it does not fit).
template <class = void>
inline result<unsigned> ppoll(pollfd* fds, unsigned nfds, const timespec* timeout, const sigset* mask = nullptr) noexcept {
  timespec t{};
  if (timeout) t = *timeout;
  const timespec* tp = timeout ? &t : nullptr;
  const result<long> r = syscall(sys::ppoll, fds, nfds, tp, mask, sizeof(sigset));
  return detail::as_count<unsigned>(detail::or_old_timeout(r, tp, [&](const detail::old_timespec* old) {
    return syscall(sys::time32::ppoll, fds, nfds, old, mask, sizeof(sigset));
  }));
}

// ---------------------------------------------------------------------------
// pselect6

// The kernel's fd_set: 1024 bits in longs. Numbers outside [0, 1024) are
// ignored by add and del and never present (pselect6 cannot watch them: use
// ppoll or epoll).
struct fd_set {
  static constexpr int setsize = 1024;
  static constexpr int word_bits = 8 * sizeof(unsigned long);
  unsigned long bits[setsize / word_bits] = {};

  constexpr void add(int n) noexcept {
    if (n >= 0 && n < setsize) bits[n / word_bits] |= 1UL << (n % word_bits);
  }
  constexpr void del(int n) noexcept {
    if (n >= 0 && n < setsize) bits[n / word_bits] &= ~(1UL << (n % word_bits));
  }
  constexpr bool has(int n) const noexcept {
    return n >= 0 && n < setsize && ((bits[n / word_bits] >> (n % word_bits)) & 1) != 0;
  }
  constexpr void clear() noexcept {
    for (auto& w : bits) w = 0;
  }
};

// pselect6(2): int pselect6(int n, fd_set *inp, fd_set *outp, fd_set *exp, struct __kernel_timespec *tsp, void *sig);
// sig is the kernel's {const sigset_t *, size_t} pair, built here from mask.
// Returns how many bits are set in the three sets together. 32-bit ISAs:
// pselect6_time64, and pselect6 with a 32-bit timespec on a kernel without it.
template <class = void>
inline result<unsigned> pselect6(int n, fd_set* in, fd_set* out, fd_set* except, const timespec* timeout, const sigset* mask = nullptr) noexcept {
  struct {
    const sigset* p;
    size_t size;
  } pack{mask, sizeof(sigset)};
  timespec t{};
  if (timeout) t = *timeout;
  const timespec* tp = timeout ? &t : nullptr;
  const result<long> r = syscall(sys::pselect6, n, in, out, except, tp, &pack);
  return detail::as_count<unsigned>(detail::or_old_timeout(r, tp, [&](const detail::old_timespec* old) {
    return syscall(sys::time32::pselect6, n, in, out, except, old, &pack);
  }));
}

// ---------------------------------------------------------------------------
// epoll

namespace epoll {
// EPOLL*: event bits.
enum class events : uint32_t {
  in = uapi::epollin,
  pri = uapi::epollpri,
  out = uapi::epollout,
  err = uapi::epollerr,
  hup = uapi::epollhup,
  nval = uapi::epollnval,
  rdnorm = uapi::epollrdnorm,
  rdband = uapi::epollrdband,
  wrnorm = uapi::epollwrnorm,
  wrband = uapi::epollwrband,
  msg = uapi::epollmsg,
  rdhup = uapi::epollrdhup,
  exclusive = uapi::epollexclusive,
  wakeup = uapi::epollwakeup,
  oneshot = uapi::epolloneshot,
  et = uapi::epollet,
};
RAWSYS_BITMASK(events)
using enum events;

// EPOLL_CLOEXEC: epoll_create1's flag (none: no flags).
enum class flags : unsigned {
  none = 0,
  cloexec = uapi::epoll_cloexec,
};
RAWSYS_BITMASK(flags)
using enum flags;

// EPOLL_CTL_*: epoll_ctl's operation.
enum class op : int {
  ctl_add = uapi::epoll_ctl_add,
  ctl_del = uapi::epoll_ctl_del,
  ctl_mod = uapi::epoll_ctl_mod,
};
using enum op;
}  // namespace epoll

namespace detail {
struct epoll_types {
  using events = epoll::events;
};
}  // namespace detail

// struct epoll_event: 12 bytes, packed, on x86-64 (the kernel's EPOLL_PACKED)
// and on i386 (where the natural layout has the same offsets; packed as
// glibc's is, so the two types interchange); 16 bytes, data at 8, elsewhere.
// Copy members out before binding them to a reference: packed ones cannot bind.
using epoll_event = uapi::epoll_event<detail::epoll_types>;
static_assert(uapi::epoll_event_layout_ok<epoll_event>());

// epoll_create1(2): int epoll_create1(int flags);
template <class = void>
inline result<unique_fd> epoll_create1(epoll::flags flags = epoll::none) noexcept {
  return detail::as_fd(syscall(nr::epoll_create1, flags));
}

// epoll_ctl(2): int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event);
template <class = void>
inline result<void> epoll_ctl(fd epfd, epoll::op op, fd target, const epoll_event* event) noexcept {
  return detail::as_void(syscall(nr::epoll_ctl, epfd.get(), op, target.get(), event));
}
template <class = void>
inline result<void> epoll_ctl(fd epfd, epoll::op op, fd target, epoll::events events, uint64_t data) noexcept {
  const epoll_event ev{events, data};
  return epoll_ctl(epfd, op, target, &ev);
}

// epoll_pwait(2): int epoll_pwait(int epfd, struct epoll_event *events, int maxevents, int timeout, const sigset_t *sigmask, size_t sigsetsize);
// timeout in milliseconds, -1 forever. (arm64 has no epoll_wait: this is
// the call on every arch.)
template <class = void>
inline result<unsigned> epoll_pwait(fd epfd, epoll_event* events, int maxevents, int timeout, const sigset* mask = nullptr) noexcept {
  return detail::as_count<unsigned>(
      syscall(nr::epoll_pwait, epfd.get(), events, maxevents, timeout, mask, sizeof(sigset)));
}

// epoll_pwait2(2): int epoll_pwait2(int epfd, struct epoll_event *events, int maxevents, const struct __kernel_timespec *timeout, const sigset_t *sigmask, size_t sigsetsize);
// A relative timeout with nanoseconds (64-bit on every arch, i386 too);
// nullptr waits forever. Linux 5.11+: older kernels give ENOSYS, passed
// through.
template <class = void>
inline result<unsigned> epoll_pwait2(fd epfd, epoll_event* events, int maxevents, const timespec* timeout, const sigset* mask = nullptr) noexcept {
  return detail::as_count<unsigned>(
      syscall(nr::epoll_pwait2, epfd.get(), events, maxevents, timeout, mask, sizeof(sigset)));
}

// ---------------------------------------------------------------------------
// eventfd

// EFD_*: eventfd2's flags.
namespace efd {
enum class flags : unsigned {
  none = 0,
  semaphore = uapi::efd_semaphore,
  nonblock = uapi::efd_nonblock,
  cloexec = uapi::efd_cloexec,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace efd

// eventfd2(2): int eventfd2(unsigned int count, int flags);
template <class = void>
inline result<unique_fd> eventfd2(unsigned count, efd::flags flags = efd::none) noexcept {
  return detail::as_fd(syscall(nr::eventfd2, count, flags));
}

// eventfd(2): int eventfd_read(int fd, eventfd_t *value);  (glibc's, a read of 8 bytes)
// The counter; reading resets it to 0, or takes 1 in semaphore mode.
// An eventfd always gives all 8 bytes: fewer (0 from /dev/null or at the end
// of a file) is EINVAL, the kernel's answer when a descriptor is not of the
// kind the call needs; never a value. glibc's eventfd_read fails too (-1,
// errno left as it was).
template <class = void>
inline result<uint64_t> eventfd_read(fd efd) noexcept {
  uint64_t v = 0;
  const auto r = syscall(nr::read, efd.get(), &v, sizeof v);
  if (!r) return unexpected(r.error());
  if (*r != sizeof v) return unexpected(errc::einval);
  return v;
}

// eventfd(2): int eventfd_write(int fd, eventfd_t value);  (glibc's, a write of 8 bytes)
// Adds value to the counter. A write of fewer than 8 bytes (never from an
// eventfd) is EINVAL, as in eventfd_read.
template <class = void>
inline result<void> eventfd_write(fd efd, uint64_t value) noexcept {
  const auto r = syscall(nr::write, efd.get(), &value, sizeof value);
  if (!r) return unexpected(r.error());
  if (*r != sizeof value) return unexpected(errc::einval);
  return {};
}

// ---------------------------------------------------------------------------
// pidfd_getfd

// pidfd_getfd(2): int pidfd_getfd(int pidfd, int fd, unsigned int flags);
// A copy of descriptor `targetfd` of the process pidfd refers to (which must
// allow ptrace access). flags must be 0. Linux 5.6+: ENOSYS before, passed
// through.
template <class = void>
inline result<unique_fd> pidfd_getfd(fd pidfd, int targetfd, unsigned flags = 0) noexcept {
  return detail::as_fd(syscall(nr::pidfd_getfd, pidfd.get(), targetfd, flags));
}

}  // namespace rawsys
