// Event structs and constants against the kernel's own UAPI headers
// (<linux/eventpoll.h>, <linux/posix_types.h>, ...), which cannot share a
// file with glibc's <sys/epoll.h>.
#include <asm/poll.h>
#include <linux/eventpoll.h>
#include <linux/posix_types.h>
#include <linux/random.h>
#include <stddef.h>

#include "support.hpp"

namespace r = rawsys;

// struct epoll_event as the kernel declares it (EPOLL_PACKED on x86-64; on
// i386 the kernel's is aligned to 4 and rawsys's packed, with the same offsets).
static_assert(sizeof(r::epoll_event) == sizeof(struct ::epoll_event));
#if !defined(__i386__)
static_assert(alignof(r::epoll_event) == alignof(struct ::epoll_event));
#endif
static_assert(offsetof(r::epoll_event, events) == offsetof(struct ::epoll_event, events));
static_assert(offsetof(r::epoll_event, data) == offsetof(struct ::epoll_event, data));
static_assert(r::bits(r::epoll::nval) == EPOLLNVAL);  // not in glibc's <sys/epoll.h>
static_assert(r::bits(r::epoll::in) == EPOLLIN && r::bits(r::epoll::et) == EPOLLET);
static_assert(r::bits(r::epoll::exclusive) == EPOLLEXCLUSIVE && r::bits(r::epoll::oneshot) == EPOLLONESHOT);
static_assert(r::bits(r::epoll::cloexec) == EPOLL_CLOEXEC);
static_assert(r::bits(r::epoll::ctl_add) == EPOLL_CTL_ADD && r::bits(r::epoll::ctl_mod) == EPOLL_CTL_MOD);

// struct pollfd and POLL* from <asm/poll.h>.
static_assert(sizeof(r::pollfd) == sizeof(struct ::pollfd));
static_assert(offsetof(r::pollfd, events) == offsetof(struct ::pollfd, events));
static_assert(offsetof(r::pollfd, revents) == offsetof(struct ::pollfd, revents));
static_assert(r::bits(r::poll::in) == POLLIN && r::bits(r::poll::nval) == POLLNVAL);
static_assert(r::bits(r::poll::wrnorm) == POLLWRNORM && r::bits(r::poll::rdhup) == POLLRDHUP);

// The kernel's fd_set: __FD_SETSIZE bits in longs.
static_assert(sizeof(r::fd_set) == sizeof(__kernel_fd_set) && alignof(r::fd_set) == alignof(__kernel_fd_set));
static_assert(r::fd_set::setsize == __FD_SETSIZE);

// GRND_* from <linux/random.h>.
static_assert(r::bits(r::grnd::nonblock) == GRND_NONBLOCK && r::bits(r::grnd::random) == GRND_RANDOM);
#if defined(GRND_INSECURE)
static_assert(r::bits(r::grnd::insecure) == GRND_INSECURE);
#endif

TEST_CASE("event layouts: the kernel's own headers agree (checked at compile time)") {
  // The static_asserts above are the test; one runtime look at the packing:
  r::epoll_event e[2]{};
  CHECK(reinterpret_cast<char*>(&e[1]) - reinterpret_cast<char*>(&e[0]) == sizeof(struct ::epoll_event));
}
