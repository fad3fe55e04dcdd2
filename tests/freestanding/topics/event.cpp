// <rawsys/event.hpp> without libc: each wrapper once, against what
// eventfd(2), epoll(7), ppoll(2), pselect6(2) and pidfd_getfd(2) document.
#include <rawsys/event.hpp>
#include <rawsys/file.hpp>
#include <rawsys/process.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

int main() {
  auto e = r::eventfd2(0, r::efd::cloexec | r::efd::nonblock);
  check(e.has_value(), "eventfd2");
  if (!e) return topic::finish("event.hpp");
  check(r::eventfd_read(*e) == r::unexpected(r::errc::eagain), "eventfd_read: EAGAIN at 0");
  check(r::eventfd_write(*e, 2).has_value() && r::eventfd_write(*e, 3).has_value(), "eventfd_write");

  auto ep = r::epoll_create1(r::epoll::cloexec);
  check(ep.has_value(), "epoll_create1");
  if (ep) {
    check(r::epoll_ctl(*ep, r::epoll::ctl_add, *e, r::epoll::in, 7).has_value(), "epoll_ctl add");
    check(r::epoll_ctl(*ep, r::epoll::ctl_add, *e, r::epoll::in, 7) == r::unexpected(r::errc::eexist),
          "epoll_ctl: EEXIST");
    r::epoll_event ev[2];
    check(r::epoll_pwait(*ep, ev, 2, 0) == 1u && ev[0].data == 7u && r::has(ev[0].events, r::epoll::in),
          "epoll_pwait");
    const r::timespec zero{0, 0};
    auto two = r::epoll_pwait2(*ep, ev, 2, &zero);
    if (!topic::not_emulated(two, "epoll_pwait2")) check(two == 1u && ev[0].data == 7u, "epoll_pwait2");
  }
  r::pollfd pf{e->get(), r::poll::in, {}};
  const r::timespec zero{0, 0};
  check(r::ppoll(&pf, 1, &zero) == 1u && pf.revents == r::poll::in, "ppoll");
  r::fd_set in;
  in.add(e->get());
  check(r::pselect6(e->get() + 1, &in, nullptr, nullptr, &zero) == 1u && in.has(e->get()), "pselect6");
  check(r::eventfd_read(*e) == 5u, "eventfd_read: the sum");
  in.add(e->get());
  check(r::pselect6(e->get() + 1, &in, nullptr, nullptr, &zero) == 0u, "pselect6: nothing ready");

  // pidfd_getfd: a duplicate of this process's own eventfd.
  auto self = r::pidfd_open(r::getpid());
  if (!topic::not_emulated(self, "pidfd_open")) {
    auto dup = self ? r::pidfd_getfd(*self, e->get()) : r::result<r::unique_fd>(r::unexpected(r::errc::ebadf));
    if (!topic::not_emulated(dup, "pidfd_getfd")) {
      check(dup && dup->get() != e->get() && r::eventfd_write(*dup, 1).has_value() && r::eventfd_read(*e) == 1u,
            "pidfd_getfd: the same counter");
    }
  }
  return topic::finish("event.hpp");
}
