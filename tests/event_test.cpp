// Readiness and events: ppoll, pselect6, epoll (over 300 pipes), eventfd and
// pidfd_getfd against glibc on the same arch; constants and layouts against
// glibc's headers. The glibc headers come before rawsys's here.
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <thread>
#include <vector>

#include "sockets_support.hpp"

namespace r = rawsys;
using rawsys::errc;
using rawsys_test::glibc;
using rawsys_test::glibc_fd;
using rawsys_test::outcome;

static_assert(r::bits(r::poll::in) == POLLIN);
static_assert(r::bits(r::poll::pri) == POLLPRI);
static_assert(r::bits(r::poll::out) == POLLOUT);
static_assert(r::bits(r::poll::err) == POLLERR);
static_assert(r::bits(r::poll::hup) == POLLHUP);
static_assert(r::bits(r::poll::nval) == POLLNVAL);
static_assert(r::bits(r::poll::rdnorm) == POLLRDNORM);
static_assert(r::bits(r::poll::rdband) == POLLRDBAND);
static_assert(r::bits(r::poll::wrnorm) == POLLWRNORM);
static_assert(r::bits(r::poll::wrband) == POLLWRBAND);
static_assert(r::bits(r::poll::msg) == POLLMSG);
static_assert(r::bits(r::poll::rdhup) == POLLRDHUP);

static_assert(r::bits(r::epoll::in) == EPOLLIN);
static_assert(r::bits(r::epoll::pri) == EPOLLPRI);
static_assert(r::bits(r::epoll::out) == EPOLLOUT);
static_assert(r::bits(r::epoll::err) == EPOLLERR);
static_assert(r::bits(r::epoll::hup) == EPOLLHUP);
static_assert(r::bits(r::epoll::rdnorm) == EPOLLRDNORM);
static_assert(r::bits(r::epoll::rdband) == EPOLLRDBAND);
static_assert(r::bits(r::epoll::wrnorm) == EPOLLWRNORM);
static_assert(r::bits(r::epoll::wrband) == EPOLLWRBAND);
static_assert(r::bits(r::epoll::msg) == EPOLLMSG);
static_assert(r::bits(r::epoll::rdhup) == EPOLLRDHUP);
static_assert(r::bits(r::epoll::exclusive) == EPOLLEXCLUSIVE);
static_assert(r::bits(r::epoll::wakeup) == EPOLLWAKEUP);
static_assert(r::bits(r::epoll::oneshot) == EPOLLONESHOT);
static_assert(r::bits(r::epoll::et) == static_cast<uint32_t>(EPOLLET));
static_assert(r::bits(r::epoll::cloexec) == EPOLL_CLOEXEC);
static_assert(r::bits(r::epoll::ctl_add) == EPOLL_CTL_ADD);
static_assert(r::bits(r::epoll::ctl_del) == EPOLL_CTL_DEL);
static_assert(r::bits(r::epoll::ctl_mod) == EPOLL_CTL_MOD);

static_assert(r::bits(r::efd::semaphore) == EFD_SEMAPHORE);
static_assert(r::bits(r::efd::nonblock) == EFD_NONBLOCK);
static_assert(r::bits(r::efd::cloexec) == EFD_CLOEXEC);

static_assert(sizeof(r::pollfd) == sizeof(::pollfd) && alignof(r::pollfd) == alignof(::pollfd));
static_assert(offsetof(r::pollfd, fd) == offsetof(::pollfd, fd));
static_assert(offsetof(r::pollfd, events) == offsetof(::pollfd, events));
static_assert(offsetof(r::pollfd, revents) == offsetof(::pollfd, revents));

// epoll_event: packed on x86-64 and i386 (as glibc's), natural elsewhere.
static_assert(sizeof(r::epoll_event) == sizeof(::epoll_event));
static_assert(alignof(r::epoll_event) == alignof(::epoll_event));
static_assert(offsetof(r::epoll_event, events) == offsetof(::epoll_event, events));
static_assert(offsetof(r::epoll_event, data) == offsetof(::epoll_event, data));
#if defined(__x86_64__) || defined(__i386__)
static_assert(sizeof(r::epoll_event) == 12 && offsetof(r::epoll_event, data) == 4);
#else
static_assert(sizeof(r::epoll_event) == 16 && offsetof(r::epoll_event, data) == 8);
#endif

static_assert(sizeof(r::fd_set) == sizeof(::fd_set) && alignof(r::fd_set) == alignof(::fd_set));
static_assert(r::fd_set::setsize == FD_SETSIZE);

namespace {

namespace poll = r::poll;
namespace epoll = r::epoll;
namespace efd = r::efd;

volatile sig_atomic_t usr1_seen = 0;
void on_usr1(int) { usr1_seen = usr1_seen + 1; }

// SIGUSR1 blocked in this thread, with a handler; raise() makes it pending,
// and a call given a mask without it must then fail with EINTR.
struct pending_usr1 {
  struct sigaction old_action{};
  sigset_t old_mask{};
  pending_usr1() {
    struct sigaction sa{};
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    REQUIRE(::sigaction(SIGUSR1, &sa, &old_action) == 0);
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    REQUIRE(::pthread_sigmask(SIG_BLOCK, &block, &old_mask) == 0);
  }
  ~pending_usr1() {
    ::pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
    ::sigaction(SIGUSR1, &old_action, nullptr);
  }
  void make_pending() const { REQUIRE(::raise(SIGUSR1) == 0); }
};

void* unmapped_page() {
  void* p = ::mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(p != MAP_FAILED);
  ::munmap(p, 4096);
  return p;
}

struct pipes {
  std::vector<int> r, w;
  explicit pipes(int n) {
    for (int i = 0; i < n; ++i) {
      int p[2];
      REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
      r.push_back(p[0]);
      w.push_back(p[1]);
    }
  }
  ~pipes() {
    for (int f : r) ::close(f);
    for (int f : w) ::close(f);
  }
};

}  // namespace

TEST_CASE("ppoll: readiness and revents as glibc reports them") {
  rawsys_test::test_pipe p;
  const r::timespec zero{0, 0};
  const ::timespec gzero{0, 0};
  r::pollfd fds[3] = {{p.r, poll::in, {}}, {p.w, poll::out, {}}, {-1, poll::in, {}}};
  ::pollfd gfds[3] = {{p.r, POLLIN, 0}, {p.w, POLLOUT, 0}, {-1, POLLIN, 0}};

  CHECK(r::ppoll(fds, 3, &zero) == 1u);
  CHECK(::ppoll(gfds, 3, &gzero, nullptr) == 1);
  CHECK(fds[0].revents == poll::events{});
  CHECK(fds[1].revents == poll::out);
  CHECK(fds[2].revents == poll::events{});  // a negative fd is skipped
  for (int i = 0; i < 3; ++i) CHECK(r::bits(fds[i].revents) == gfds[i].revents);

  REQUIRE(::write(p.w, "x", 1) == 1);
  CHECK(r::ppoll(fds, 3, &zero) == 2u);
  CHECK(::ppoll(gfds, 3, &gzero, nullptr) == 2);
  CHECK(fds[0].revents == poll::in);
  for (int i = 0; i < 3; ++i) CHECK(r::bits(fds[i].revents) == gfds[i].revents);
  // No timeout: returns at once when something is ready.
  CHECK(r::ppoll(fds, 2, nullptr) == 2u);

  // A closed descriptor: POLLNVAL, counted.
  r::pollfd nv{rawsys_test::closed_fd(), poll::in, {}};
  ::pollfd gnv{nv.fd, POLLIN, 0};
  CHECK(r::ppoll(&nv, 1, &zero) == 1u);
  CHECK(::ppoll(&gnv, 1, &gzero, nullptr) == 1);
  CHECK(nv.revents == poll::nval);
  CHECK(r::bits(nv.revents) == gnv.revents);

  // The caller's timeout is not changed (the kernel writes to a copy).
  r::pollfd quiet{p.w, poll::in, {}};
  const r::timespec short_wait{0, 1000000};
  CHECK(r::ppoll(&quiet, 1, &short_wait) == 0u);
  CHECK(short_wait == r::timespec{0, 1000000});
}

TEST_CASE("ppoll: errors and the signal mask match glibc") {
  const r::timespec zero{0, 0};
  const ::timespec gzero{0, 0};
  r::pollfd one{0, poll::in, {}};
  ::pollfd gone{0, POLLIN, 0};
  // More entries than RLIMIT_NOFILE allows (volatile: the compiler must not
  // see that the count overruns the array).
  volatile unsigned too_many = 1u << 30;
  CHECK(r::ppoll(&one, too_many, &zero) == r::unexpected(errc::einval));
  // (glibc's syscall(): AddressSanitizer's ppoll would read all those entries.)
  CHECK(outcome(r::ppoll(&one, too_many, &zero)) ==
        glibc(::syscall(SYS_ppoll, &gone, static_cast<unsigned long>(too_many), &gzero, nullptr, 8)));
  const r::timespec bad_ns{0, 1000000000};
  const ::timespec gbad_ns{0, 1000000000};
  CHECK(r::ppoll(&one, 1, &bad_ns) == r::unexpected(errc::einval));
  CHECK(outcome(r::ppoll(&one, 1, &bad_ns)) == glibc(::ppoll(&gone, 1, &gbad_ns, nullptr)));
  auto* gone_page = static_cast<r::pollfd*>(unmapped_page());
  CHECK(r::ppoll(gone_page, 1, &zero) == r::unexpected(errc::efault));
  CHECK(outcome(r::ppoll(gone_page, 1, &zero)) ==
        glibc(::ppoll(reinterpret_cast<::pollfd*>(gone_page), 1, &gzero, nullptr)));

  // The mask replaces the thread's for the call: a pending, blocked SIGUSR1
  // interrupts a ppoll whose mask lets it through, and not one whose mask
  // keeps it blocked.
  rawsys_test::test_pipe p;
  r::pollfd idle{p.r, poll::in, {}};
  ::pollfd gidle{p.r, POLLIN, 0};
  pending_usr1 usr1;
  const r::sigset let_through{};
  const r::sigset keep_blocked = r::sigset{}.add(r::sig::usr1);
  sigset_t gempty;
  sigemptyset(&gempty);
  usr1.make_pending();
  const int before = usr1_seen;
  CHECK(r::ppoll(&idle, 1, &zero, &keep_blocked) == 0u);
  CHECK(usr1_seen == before);
  CHECK(r::ppoll(&idle, 1, nullptr, &let_through) == r::unexpected(errc::eintr));
  CHECK(usr1_seen == before + 1);
  // The same with glibc's ppoll (one pending signal per call).
  usr1.make_pending();
  const auto mine = outcome(r::ppoll(&idle, 1, nullptr, &let_through));
  usr1.make_pending();
  CHECK(mine == glibc(::ppoll(&gidle, 1, nullptr, &gempty)));
}

TEST_CASE("pselect6: fd_set bits and results match glibc's pselect") {
  rawsys_test::test_pipe p;
  const int n = std::max(p.r, p.w) + 1;
  const r::timespec zero{0, 0};
  const ::timespec gzero{0, 0};

  r::fd_set rs, ws;
  rs.add(p.r);
  ws.add(p.w);
  ::fd_set grs, gws;
  FD_ZERO(&grs);
  FD_ZERO(&gws);
  FD_SET(p.r, &grs);
  FD_SET(p.w, &gws);
  CHECK(std::memcmp(&rs, &grs, sizeof rs) == 0);  // the same bits as FD_SET
  CHECK(r::pselect6(n, &rs, &ws, nullptr, &zero) == 1u);
  CHECK(::pselect(n, &grs, &gws, nullptr, &gzero, nullptr) == 1);
  CHECK_FALSE(rs.has(p.r));
  CHECK(ws.has(p.w));
  CHECK(std::memcmp(&rs, &grs, sizeof rs) == 0);
  CHECK(std::memcmp(&ws, &gws, sizeof ws) == 0);

  REQUIRE(::write(p.w, "x", 1) == 1);
  rs.add(p.r);
  FD_SET(p.r, &grs);
  CHECK(r::pselect6(n, &rs, &ws, nullptr, &zero) == 2u);
  CHECK(::pselect(n, &grs, &gws, nullptr, &gzero, nullptr) == 2);
  CHECK(rs.has(p.r));
  CHECK(std::memcmp(&rs, &grs, sizeof rs) == 0);
  rs.del(p.r);
  CHECK_FALSE(rs.has(p.r));
  rs.add(-1);
  rs.add(r::fd_set::setsize);  // out of range: ignored
  CHECK_FALSE(rs.has(r::fd_set::setsize));
  rs.clear();
  ::fd_set gnone;
  FD_ZERO(&gnone);
  CHECK(std::memcmp(&rs, &gnone, sizeof rs) == 0);

  // Nothing asked, a short wait: 0, and the caller's timeout unchanged.
  const r::timespec short_wait{0, 1000000};
  CHECK(r::pselect6(0, nullptr, nullptr, nullptr, &short_wait) == 0u);
  CHECK(short_wait == r::timespec{0, 1000000});

  // Errors.
  CHECK(r::pselect6(-1, nullptr, nullptr, nullptr, &zero) == r::unexpected(errc::einval));
  CHECK(outcome(r::pselect6(-1, nullptr, nullptr, nullptr, &zero)) ==
        glibc(::pselect(-1, nullptr, nullptr, nullptr, &gzero, nullptr)));
  const int bad = rawsys_test::just_closed_fd();
  r::fd_set bs;
  bs.add(bad);
  ::fd_set gbs;
  FD_ZERO(&gbs);
  FD_SET(bad, &gbs);
  CHECK(r::pselect6(bad + 1, &bs, nullptr, nullptr, &zero) == r::unexpected(errc::ebadf));
  CHECK(outcome(r::pselect6(bad + 1, &bs, nullptr, nullptr, &zero)) ==
        glibc(::pselect(bad + 1, &gbs, nullptr, nullptr, &gzero, nullptr)));
  const r::timespec bad_ns{0, -1};
  const ::timespec gbad_ns{0, -1};
  CHECK(r::pselect6(0, nullptr, nullptr, nullptr, &bad_ns) == r::unexpected(errc::einval));
  CHECK(outcome(r::pselect6(0, nullptr, nullptr, nullptr, &bad_ns)) ==
        glibc(::pselect(0, nullptr, nullptr, nullptr, &gbad_ns, nullptr)));

  // The {sigset, size} pair reaches the kernel.
  pending_usr1 usr1;
  const r::sigset let_through{};
  const r::sigset keep_blocked = r::sigset{}.add(r::sig::usr1);
  sigset_t gempty;
  sigemptyset(&gempty);
  usr1.make_pending();
  CHECK(r::pselect6(0, nullptr, nullptr, nullptr, &zero, &keep_blocked) == 0u);
  CHECK(r::pselect6(0, nullptr, nullptr, nullptr, nullptr, &let_through) == r::unexpected(errc::eintr));
  usr1.make_pending();
  const auto mine = outcome(r::pselect6(0, nullptr, nullptr, nullptr, nullptr, &let_through));
  usr1.make_pending();
  CHECK(mine == glibc(::pselect(0, nullptr, nullptr, nullptr, nullptr, &gempty)));
}

TEST_CASE("epoll over 300 pipes: exactly the ready ones are reported") {
  constexpr int count = 300;
  pipes ps(count);
  auto ep = r::epoll_create1(epoll::cloexec);
  REQUIRE(ep);
  CHECK((::fcntl(ep->get(), F_GETFD) & FD_CLOEXEC) != 0);
  for (int i = 0; i < count; ++i)
    REQUIRE(r::epoll_ctl(*ep, epoll::ctl_add, r::fd(ps.r[i]), epoll::in, static_cast<uint64_t>(i) + 1000));

  std::vector<int> want;
  for (int i = 0; i < count; ++i)
    if (i % 7 == 3 || i == 0 || i == count - 1) want.push_back(i);
  for (int i : want) REQUIRE(::write(ps.w[i], "r", 1) == 1);

  auto ready_set = [&](auto wait) {
    std::vector<r::epoll_event> evs(count + 10);
    auto n = wait(evs.data(), static_cast<int>(evs.size()));
    std::vector<int> got;
    REQUIRE(n);
    for (unsigned k = 0; k < *n; ++k) {
      const uint64_t data = evs[k].data;  // copied out: the members may be packed
      const epoll::events events = evs[k].events;
      CHECK(events == epoll::in);
      got.push_back(static_cast<int>(data - 1000));
    }
    std::sort(got.begin(), got.end());
    return got;
  };
  CHECK(ready_set([&](r::epoll_event* e, int max) { return r::epoll_pwait(*ep, e, max, 0); }) == want);
  // glibc sees the same on the same epoll (level-triggered: nothing consumed).
  std::vector<::epoll_event> gevs(count);
  const int gn = ::epoll_wait(ep->get(), gevs.data(), count, 0);
  REQUIRE(gn == static_cast<int>(want.size()));
  std::vector<int> ggot;
  for (int k = 0; k < gn; ++k) ggot.push_back(static_cast<int>(gevs[k].data.u64 - 1000));
  std::sort(ggot.begin(), ggot.end());
  CHECK(ggot == want);
  // At most maxevents.
  std::vector<r::epoll_event> five(5);
  CHECK(r::epoll_pwait(*ep, five.data(), 5, 0) == 5u);
  // epoll_pwait2 (5.11+) with a zero timeout.
  const r::timespec zero{0, 0};
  auto p2 = r::epoll_pwait2(*ep, five.data(), 5, &zero);
  if (!p2 && p2.error() == errc::enosys) {
    rawsys_test::skip(rawsys_test::why_unavailable("epoll_pwait2", p2.error()) + "; Linux 5.11+");
  } else {
    CHECK(p2 == 5u);
    CHECK(ready_set([&](r::epoll_event* e, int max) { return r::epoll_pwait2(*ep, e, max, &zero); }) == want);
  }

  // Drain the first half, disable one, remove another.
  std::vector<int> left;
  char c;
  for (int i : want) {
    if (i < count / 2)
      REQUIRE(::read(ps.r[i], &c, 1) == 1);
    else
      left.push_back(i);
  }
  const int disabled = left[0], removed = left[1];
  REQUIRE(r::epoll_ctl(*ep, epoll::ctl_mod, r::fd(ps.r[disabled]), epoll::events{}, 0));
  REQUIRE(r::epoll_ctl(*ep, epoll::ctl_del, r::fd(ps.r[removed]), nullptr));
  left.erase(left.begin(), left.begin() + 2);
  CHECK(ready_set([&](r::epoll_event* e, int max) { return r::epoll_pwait(*ep, e, max, 0); }) == left);
  // Edge-triggered and one-shot on a fresh epoll: reported once.
  auto ep2 = r::epoll_create1();
  REQUIRE(ep2);
  REQUIRE(r::epoll_ctl(*ep2, epoll::ctl_add, r::fd(ps.r[left[0]]), epoll::in | epoll::et, 1));
  REQUIRE(r::epoll_ctl(*ep2, epoll::ctl_add, r::fd(ps.r[left[1]]), epoll::in | epoll::oneshot, 2));
  CHECK(r::epoll_pwait(*ep2, five.data(), 5, 0) == 2u);
  CHECK(r::epoll_pwait(*ep2, five.data(), 5, 0) == 0u);
  // Nothing ready and a short timeout: 0.
  CHECK(r::epoll_pwait(*ep2, five.data(), 5, 1) == 0u);
}

TEST_CASE("epoll: errors and the signal mask match glibc") {
  rawsys_test::test_pipe p;
  auto ep = r::epoll_create1(epoll::cloexec);
  REQUIRE(ep);
  const int e = ep->get();
  ::epoll_event gev{};
  gev.events = EPOLLIN;
  r::epoll_event ev{epoll::in, 0};

  CHECK(r::epoll_create1(epoll::flags{1}) == r::unexpected(errc::einval));
  CHECK(outcome(r::epoll_create1(epoll::flags{1})) == glibc_fd(::epoll_create1(1)));

  REQUIRE(r::epoll_ctl(*ep, epoll::ctl_add, r::fd(p.r), &ev));
  CHECK(r::epoll_ctl(*ep, epoll::ctl_add, r::fd(p.r), &ev) == r::unexpected(errc::eexist));
  CHECK(outcome(r::epoll_ctl(*ep, epoll::ctl_add, r::fd(p.r), &ev)) == glibc(::epoll_ctl(e, EPOLL_CTL_ADD, p.r, &gev)));
  CHECK(r::epoll_ctl(*ep, epoll::ctl_del, r::fd(p.w), nullptr) == r::unexpected(errc::enoent));
  CHECK(outcome(r::epoll_ctl(*ep, epoll::ctl_del, r::fd(p.w), nullptr)) == glibc(::epoll_ctl(e, EPOLL_CTL_DEL, p.w, nullptr)));
  CHECK(r::epoll_ctl(*ep, epoll::ctl_add, *ep, &ev) == r::unexpected(errc::einval));  // itself
  CHECK(outcome(r::epoll_ctl(*ep, epoll::ctl_add, *ep, &ev)) == glibc(::epoll_ctl(e, EPOLL_CTL_ADD, e, &gev)));
  const int file = ::open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  REQUIRE(file >= 0);
  CHECK(r::epoll_ctl(*ep, epoll::ctl_add, r::fd(file), &ev) == r::unexpected(errc::eperm));  // a regular file
  CHECK(outcome(r::epoll_ctl(*ep, epoll::ctl_add, r::fd(file), &ev)) == glibc(::epoll_ctl(e, EPOLL_CTL_ADD, file, &gev)));
  CHECK(outcome(r::epoll_ctl(*ep, epoll::op{99}, r::fd(p.w), &ev)) == glibc(::epoll_ctl(e, 99, p.w, &gev)));

  r::epoll_event out[4];
  ::epoll_event gout[4];
  CHECK(r::epoll_pwait(*ep, out, 0, 0) == r::unexpected(errc::einval));
  CHECK(outcome(r::epoll_pwait(*ep, out, 0, 0)) == glibc(::epoll_pwait(e, gout, 0, 0, nullptr)));
  CHECK(r::epoll_pwait(r::fd(file), out, 4, 0) == r::unexpected(errc::einval));  // not an epoll
  CHECK(outcome(r::epoll_pwait(r::fd(file), out, 4, 0)) == glibc(::epoll_pwait(file, gout, 4, 0, nullptr)));
  const int bad = rawsys_test::closed_fd();
  CHECK(outcome(r::epoll_pwait(r::fd(bad), out, 4, 0)) == glibc(::epoll_pwait(bad, gout, 4, 0, nullptr)));
  ::close(file);

  const r::timespec bad_ns{0, 1000000000};
  auto p2 = r::epoll_pwait2(*ep, out, 4, &bad_ns);
  if (!p2 && p2.error() == errc::enosys) {
    rawsys_test::skip(rawsys_test::why_unavailable("epoll_pwait2", p2.error()) + "; Linux 5.11+");
  } else {
    CHECK(p2 == r::unexpected(errc::einval));
    const ::timespec gbad_ns{0, 1000000000};
    CHECK(outcome(p2) == glibc(::epoll_pwait2(e, gout, 4, &gbad_ns, nullptr)));
    const r::timespec short_wait{0, 1000000};
    CHECK(r::epoll_pwait2(*ep, out, 4, &short_wait) == 0u);
  }

  pending_usr1 usr1;
  const r::sigset let_through{};
  const r::sigset keep_blocked = r::sigset{}.add(r::sig::usr1);
  sigset_t gempty;
  sigemptyset(&gempty);
  usr1.make_pending();
  CHECK(r::epoll_pwait(*ep, out, 4, 0, &keep_blocked) == 0u);
  CHECK(r::epoll_pwait(*ep, out, 4, -1, &let_through) == r::unexpected(errc::eintr));
  usr1.make_pending();
  const auto mine = outcome(r::epoll_pwait(*ep, out, 4, -1, &let_through));
  usr1.make_pending();
  CHECK(mine == glibc(::epoll_pwait(e, gout, 4, -1, &gempty)));
  usr1.make_pending();
  if (p2 || p2.error() != errc::enosys) {
    CHECK(r::epoll_pwait2(*ep, out, 4, nullptr, &let_through) == r::unexpected(errc::eintr));
  } else {
    (void)r::epoll_pwait(*ep, out, 4, -1, &let_through);  // take the pending signal
  }
}

TEST_CASE("eventfd: counting in normal and semaphore mode, as glibc's eventfd") {
  SUBCASE("normal mode: a read takes the whole count") {
    auto e = r::eventfd2(3, efd::cloexec | efd::nonblock);
    REQUIRE(e);
    const int g = ::eventfd(3, EFD_CLOEXEC | EFD_NONBLOCK);
    REQUIRE(g >= 0);
    CHECK((::fcntl(e->get(), F_GETFD) & FD_CLOEXEC) != 0);
    CHECK(r::eventfd_write(*e, 4));
    CHECK(::eventfd_write(g, 4) == 0);
    ::eventfd_t gv = 0;
    CHECK(r::eventfd_read(*e) == 7u);
    CHECK(::eventfd_read(g, &gv) == 0);
    CHECK(gv == 7);
    // Empty now: EAGAIN from both.
    CHECK(r::eventfd_read(*e) == r::unexpected(errc::eagain));
    CHECK(outcome(r::eventfd_read(*e)) == glibc(::eventfd_read(g, &gv)));
    // The largest count the kernel allows is 2^64 - 2.
    CHECK(r::eventfd_write(*e, ~uint64_t{0}) == r::unexpected(errc::einval));
    CHECK(outcome(r::eventfd_write(*e, ~uint64_t{0})) == glibc(::eventfd_write(g, ~uint64_t{0})));
    CHECK(r::eventfd_write(*e, ~uint64_t{0} - 1));
    CHECK(r::eventfd_write(*e, 1) == r::unexpected(errc::eagain));  // would overflow; nonblocking
    CHECK(r::eventfd_read(*e) == ~uint64_t{0} - 1);
    ::close(g);
  }
  SUBCASE("semaphore mode: a read takes 1") {
    auto e = r::eventfd2(3, efd::semaphore | efd::nonblock);
    REQUIRE(e);
    const int g = ::eventfd(3, EFD_SEMAPHORE | EFD_NONBLOCK);
    REQUIRE(g >= 0);
    ::eventfd_t gv = 0;
    for (int i = 0; i < 3; ++i) {
      CHECK(r::eventfd_read(*e) == 1u);
      CHECK(::eventfd_read(g, &gv) == 0);
      CHECK(gv == 1);
    }
    CHECK(r::eventfd_read(*e) == r::unexpected(errc::eagain));
    CHECK(outcome(r::eventfd_read(*e)) == glibc(::eventfd_read(g, &gv)));
    CHECK(r::eventfd_write(*e, 2));
    r::pollfd pf{e->get(), r::poll::in, {}};
    const r::timespec zero{0, 0};
    CHECK(r::ppoll(&pf, 1, &zero) == 1u);
    CHECK(r::eventfd_read(*e) == 1u);
    CHECK(r::eventfd_read(*e) == 1u);
    CHECK(r::ppoll(&pf, 1, &zero) == 0u);
    ::close(g);
  }
  SUBCASE("a blocking read waits for another thread's write") {
    auto e = r::eventfd2(0);
    REQUIRE(e);
    r::result<uint64_t> got = r::unexpected(errc::eperm);
    std::thread reader([&] { got = r::eventfd_read(*e); });
    CHECK(r::eventfd_write(*e, 5));
    reader.join();
    CHECK(got == 5u);
  }
  SUBCASE("errors") {
    CHECK(r::eventfd2(0, efd::flags{0x10}) == r::unexpected(errc::einval));
    CHECK(outcome(r::eventfd2(0, efd::flags{0x10})) == glibc_fd(::eventfd(0, 0x10)));
    uint64_t v = 0;
    const int bad = rawsys_test::closed_fd();
    CHECK(outcome(r::eventfd_read(r::fd(bad))) == glibc(::read(bad, &v, sizeof v)));
    CHECK(outcome(r::eventfd_write(r::fd(bad), 1)) == glibc(::eventfd_write(bad, 1)));
    auto e = r::eventfd2(0);
    REQUIRE(e);
    char small[4];
    CHECK(outcome(r::syscall(r::nr::read, e->get(), small, 4u)) == glibc(::read(e->get(), small, 4)));  // EINVAL: < 8 bytes
  }
}

// A descriptor that gives or takes fewer than 8 bytes is not an eventfd:
// glibc's eventfd_read and eventfd_write fail (-1), and rawsys's must give an
// error, never a counter of 0 or a write that looks whole.
TEST_CASE("eventfd_read and eventfd_write: fewer than 8 bytes is an error, as in glibc") {
  SUBCASE("a read of 0 bytes (/dev/null) and of 3 bytes (a pipe)") {
    const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    REQUIRE(null >= 0);
    ::eventfd_t gv = 0;
    CHECK(::eventfd_read(null, &gv) == -1);
    CHECK(r::eventfd_read(r::fd{null}) == r::unexpected(errc::einval));
    ::close(null);
    int p[2];
    REQUIRE(::pipe2(p, O_CLOEXEC | O_NONBLOCK) == 0);
    REQUIRE(::write(p[1], "abc", 3) == 3);
    CHECK(::eventfd_read(p[0], &gv) == -1);
    REQUIRE(::write(p[1], "abc", 3) == 3);
    CHECK(r::eventfd_read(r::fd{p[0]}) == r::unexpected(errc::einval));
    // Errors of the read itself pass through: EAGAIN from the empty pipe.
    CHECK(outcome(r::eventfd_read(r::fd{p[0]})) == glibc(::eventfd_read(p[0], &gv)));
    CHECK(r::eventfd_read(r::fd{p[0]}) == r::unexpected(errc::eagain));
    ::close(p[0]);
    ::close(p[1]);
  }
  SUBCASE("a write of 4 bytes: a file whose size limit leaves room for 4") {
    // In a child: the limit (RLIMIT_FSIZE) is the process's. Exit status:
    // bit 0 glibc's eventfd_write did not fail, bit 1 rawsys's did not give
    // EINVAL, bit 2 the setup failed.
    const pid_t c = ::fork();
    REQUIRE(c >= 0);
    if (c == 0) {
      ::signal(SIGXFSZ, SIG_IGN);
      const int f = static_cast<int>(::syscall(SYS_memfd_create, "short-write", 1u /* MFD_CLOEXEC */));
      rlimit lim{};
      if (f < 0 || ::getrlimit(RLIMIT_FSIZE, &lim) != 0) ::_exit(4);
      lim.rlim_cur = 4;
      if (::setrlimit(RLIMIT_FSIZE, &lim) != 0) ::_exit(4);
      int bad = 0;
      if (::eventfd_write(f, 1) != -1) bad |= 1;
      if (::ftruncate(f, 0) != 0 || ::lseek(f, 0, SEEK_SET) != 0) ::_exit(4);
      if (r::eventfd_write(r::fd{f}, 1) != r::unexpected(errc::einval)) bad |= 2;
      ::_exit(bad);
    }
    int status = 0;
    REQUIRE(::waitpid(c, &status, 0) == c);
    REQUIRE(WIFEXITED(status));
    CHECK((WEXITSTATUS(status) & 4) == 0);
    CHECK((WEXITSTATUS(status) & 1) == 0);  // glibc: -1
    CHECK((WEXITSTATUS(status) & 2) == 0);  // rawsys: EINVAL
  }
}

TEST_CASE("pidfd_getfd: a copy of this process's own descriptor") {
  const long pidfd = ::syscall(SYS_pidfd_open, ::getpid(), 0);
  if (pidfd < 0) {
    rawsys_test::skip(rawsys_test::why_unavailable("pidfd_open", static_cast<errc>(errno)) + ", so there is no pidfd to use");
    return;
  }
  r::unique_fd pfd(static_cast<int>(pidfd));
  rawsys_test::test_pipe p;
  auto copy = r::pidfd_getfd(pfd, p.w);
  if (!copy && copy.error() == errc::enosys) {
    rawsys_test::skip(rawsys_test::why_unavailable("pidfd_getfd", copy.error()) + "; Linux 5.6+");
    return;
  }
  REQUIRE(copy);
  CHECK(copy->get() != p.w);
  CHECK((::fcntl(copy->get(), F_GETFD) & FD_CLOEXEC) != 0);  // always close-on-exec
  CHECK(::write(copy->get(), "dup", 3) == 3);
  char buf[4] = {};
  CHECK(::read(p.r, buf, sizeof buf) == 3);
  CHECK(std::string_view(buf, 3) == "dup");

  const int bad = rawsys_test::closed_fd();
  CHECK(r::pidfd_getfd(pfd, bad) == r::unexpected(errc::ebadf));
  CHECK(outcome(r::pidfd_getfd(pfd, bad)) == glibc_fd(static_cast<int>(::syscall(SYS_pidfd_getfd, pfd.get(), bad, 0))));
  CHECK(r::pidfd_getfd(pfd, p.w, 1) == r::unexpected(errc::einval));
  CHECK(outcome(r::pidfd_getfd(pfd, p.w, 1)) == glibc_fd(static_cast<int>(::syscall(SYS_pidfd_getfd, pfd.get(), p.w, 1))));
  CHECK(outcome(r::pidfd_getfd(r::fd(p.r), p.w)) == glibc_fd(static_cast<int>(::syscall(SYS_pidfd_getfd, p.r, p.w, 0))));
}

#if defined(__i386__) || defined(__arm__)
namespace {
int poll_select_fallback_checks() {
  RAWSYS_EXPECT(r::raw::syscall(static_cast<long>(r::nr::ppoll_time64), 0, 0, 0, 0, 0) == -ENOSYS);
  RAWSYS_EXPECT(r::raw::syscall(static_cast<long>(r::nr::pselect6_time64), 0, 0, 0, 0, 0, 0) == -ENOSYS);
  int pfd[2];
  RAWSYS_EXPECT(::pipe2(pfd, O_CLOEXEC) == 0);
  const r::timespec zero{0, 0}, short_wait{0, 1000000};
  r::pollfd fds[2] = {{pfd[0], poll::in, {}}, {pfd[1], poll::out, {}}};
  RAWSYS_EXPECT(r::ppoll(fds, 2, &zero) == 1u);
  RAWSYS_EXPECT(fds[1].revents == poll::out);
  RAWSYS_EXPECT(r::ppoll(fds, 1, &short_wait) == 0u);
  RAWSYS_EXPECT((short_wait == r::timespec{0, 1000000}));
  // Converted exactly: an invalid nsec stays invalid; seconds beyond 32 bits
  // cannot be expressed.
  const r::timespec bad_ns{0, 1000000000}, far{int64_t{1} << 40, 0};
  RAWSYS_EXPECT(r::ppoll(fds, 2, &bad_ns) == r::unexpected(errc::einval));
  RAWSYS_EXPECT(r::ppoll(fds, 2, &far) == r::unexpected(errc::eoverflow));
  RAWSYS_EXPECT(::write(pfd[1], "x", 1) == 1);
  RAWSYS_EXPECT(r::ppoll(fds, 2, nullptr) == 2u);

  r::fd_set rs, ws;
  rs.add(pfd[0]);
  ws.add(pfd[1]);
  const int n = pfd[1] + 1;
  RAWSYS_EXPECT(r::pselect6(n, &rs, &ws, nullptr, &zero) == 2u);
  RAWSYS_EXPECT(r::pselect6(0, nullptr, nullptr, nullptr, &short_wait) == 0u);
  RAWSYS_EXPECT(r::pselect6(0, nullptr, nullptr, nullptr, &bad_ns) == r::unexpected(errc::einval));
  RAWSYS_EXPECT(r::pselect6(0, nullptr, nullptr, nullptr, &far) == r::unexpected(errc::eoverflow));
  const r::sigset keep = r::sigset{}.add(r::sig::usr1);
  RAWSYS_EXPECT(r::pselect6(n, &rs, &ws, nullptr, nullptr, &keep) == 2u);
  return 0;
}
}  // namespace

TEST_CASE("32-bit: ppoll and pselect6 fall back to the 32-bit calls when the time64 ones are ENOSYS") {
  const int line = rawsys_test::run_without(
      {static_cast<long>(r::nr::ppoll_time64), static_cast<long>(r::nr::pselect6_time64)},
      poll_select_fallback_checks);
  if (line == -1) {
    rawsys_test::skip(rawsys_test::why_no_seccomp_filter());
    return;
  }
  INFO("first failed check at event_test.cpp line ", line);
  CHECK(line == 0);
}
#endif
