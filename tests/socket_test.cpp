// Sockets: each call against glibc's on the same arch (same value, same
// errno), constants and struct layouts against glibc's headers, echo servers
// over TCP (127.0.0.1, ::1) and unix sockets, descriptors passed with
// SCM_RIGHTS. rawsys is included before the glibc headers here.
#include "sockets_support.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>

namespace r = rawsys;
using rawsys::errc;
using rawsys_test::glibc;
using rawsys_test::glibc_fd;
using rawsys_test::outcome;

// ---------------------------------------------------------------------------
// Constants

static_assert(r::bits(r::af::unspec) == AF_UNSPEC);
static_assert(r::bits(r::af::local) == AF_LOCAL);
static_assert(r::bits(r::af::unix_) == AF_UNIX);
static_assert(r::bits(r::af::inet) == AF_INET);
static_assert(r::bits(r::af::inet6) == AF_INET6);
static_assert(r::bits(r::af::netlink) == AF_NETLINK);
static_assert(r::bits(r::af::packet) == AF_PACKET);
static_assert(r::bits(r::af::can) == AF_CAN);
static_assert(r::bits(r::af::tipc) == AF_TIPC);
static_assert(r::bits(r::af::bluetooth) == AF_BLUETOOTH);
static_assert(r::bits(r::af::alg) == AF_ALG);
static_assert(r::bits(r::af::vsock) == AF_VSOCK);
static_assert(r::bits(r::af::xdp) == AF_XDP);

static_assert(r::bits(r::sock::stream) == SOCK_STREAM);
static_assert(r::bits(r::sock::dgram) == SOCK_DGRAM);
static_assert(r::bits(r::sock::raw) == SOCK_RAW);
static_assert(r::bits(r::sock::rdm) == SOCK_RDM);
static_assert(r::bits(r::sock::seqpacket) == SOCK_SEQPACKET);
static_assert(r::bits(r::sock::dccp) == SOCK_DCCP);
static_assert(r::bits(r::sock::packet) == SOCK_PACKET);
static_assert(r::bits(r::sock::nonblock) == SOCK_NONBLOCK);
static_assert(r::bits(r::sock::cloexec) == SOCK_CLOEXEC);

static_assert(r::ipproto::ip == IPPROTO_IP);
static_assert(r::ipproto::icmp == IPPROTO_ICMP);
static_assert(r::ipproto::tcp == IPPROTO_TCP);
static_assert(r::ipproto::udp == IPPROTO_UDP);
static_assert(r::ipproto::ipv6 == IPPROTO_IPV6);
static_assert(r::ipproto::icmpv6 == IPPROTO_ICMPV6);
static_assert(r::ipproto::raw == IPPROTO_RAW);

static_assert(r::bits(r::msg::oob) == MSG_OOB);
static_assert(r::bits(r::msg::peek) == MSG_PEEK);
static_assert(r::bits(r::msg::dontroute) == MSG_DONTROUTE);
static_assert(r::bits(r::msg::ctrunc) == MSG_CTRUNC);
static_assert(r::bits(r::msg::proxy) == MSG_PROXY);
static_assert(r::bits(r::msg::trunc) == MSG_TRUNC);
static_assert(r::bits(r::msg::dontwait) == MSG_DONTWAIT);
static_assert(r::bits(r::msg::eor) == MSG_EOR);
static_assert(r::bits(r::msg::waitall) == MSG_WAITALL);
static_assert(r::bits(r::msg::fin) == MSG_FIN);
static_assert(r::bits(r::msg::syn) == MSG_SYN);
static_assert(r::bits(r::msg::confirm) == MSG_CONFIRM);
static_assert(r::bits(r::msg::rst) == MSG_RST);
static_assert(r::bits(r::msg::errqueue) == MSG_ERRQUEUE);
static_assert(r::bits(r::msg::nosignal) == MSG_NOSIGNAL);
static_assert(r::bits(r::msg::more) == MSG_MORE);
static_assert(r::bits(r::msg::waitforone) == MSG_WAITFORONE);
static_assert(r::bits(r::msg::batch) == MSG_BATCH);
static_assert(r::bits(r::msg::zerocopy) == MSG_ZEROCOPY);
static_assert(r::bits(r::msg::fastopen) == MSG_FASTOPEN);
static_assert(r::bits(r::msg::cmsg_cloexec) == MSG_CMSG_CLOEXEC);

static_assert(r::bits(r::shut::rd) == SHUT_RD);
static_assert(r::bits(r::shut::wr) == SHUT_WR);
static_assert(r::bits(r::shut::rdwr) == SHUT_RDWR);

static_assert(r::bits(r::sol::ip) == SOL_IP);
static_assert(r::bits(r::sol::socket) == SOL_SOCKET);
static_assert(r::bits(r::sol::tcp) == SOL_TCP);
static_assert(r::bits(r::sol::udp) == IPPROTO_UDP);
static_assert(r::bits(r::sol::ipv6) == SOL_IPV6);
static_assert(r::bits(r::sol::raw) == SOL_RAW);

static_assert(r::bits(r::so::debug) == SO_DEBUG);
static_assert(r::bits(r::so::reuseaddr) == SO_REUSEADDR);
static_assert(r::bits(r::so::type) == SO_TYPE);
static_assert(r::bits(r::so::error) == SO_ERROR);
static_assert(r::bits(r::so::dontroute) == SO_DONTROUTE);
static_assert(r::bits(r::so::broadcast) == SO_BROADCAST);
static_assert(r::bits(r::so::sndbuf) == SO_SNDBUF);
static_assert(r::bits(r::so::rcvbuf) == SO_RCVBUF);
static_assert(r::bits(r::so::keepalive) == SO_KEEPALIVE);
static_assert(r::bits(r::so::oobinline) == SO_OOBINLINE);
static_assert(r::bits(r::so::no_check) == SO_NO_CHECK);
static_assert(r::bits(r::so::priority) == SO_PRIORITY);
static_assert(r::bits(r::so::linger) == SO_LINGER);
static_assert(r::bits(r::so::reuseport) == SO_REUSEPORT);
static_assert(r::bits(r::so::passcred) == SO_PASSCRED);
static_assert(r::bits(r::so::peercred) == SO_PEERCRED);
static_assert(r::bits(r::so::rcvlowat) == SO_RCVLOWAT);
static_assert(r::bits(r::so::sndlowat) == SO_SNDLOWAT);
static_assert(r::bits(r::so::rcvtimeo_old) == SO_RCVTIMEO_OLD);
static_assert(r::bits(r::so::sndtimeo_old) == SO_SNDTIMEO_OLD);
static_assert(r::bits(r::so::bindtodevice) == SO_BINDTODEVICE);
static_assert(r::bits(r::so::timestamp_old) == SO_TIMESTAMP_OLD);
static_assert(r::bits(r::so::acceptconn) == SO_ACCEPTCONN);
static_assert(r::bits(r::so::peersec) == SO_PEERSEC);
static_assert(r::bits(r::so::sndbufforce) == SO_SNDBUFFORCE);
static_assert(r::bits(r::so::rcvbufforce) == SO_RCVBUFFORCE);
static_assert(r::bits(r::so::passsec) == SO_PASSSEC);
static_assert(r::bits(r::so::mark) == SO_MARK);
static_assert(r::bits(r::so::protocol) == SO_PROTOCOL);
static_assert(r::bits(r::so::domain) == SO_DOMAIN);
static_assert(r::bits(r::so::peek_off) == SO_PEEK_OFF);
static_assert(r::bits(r::so::busy_poll) == SO_BUSY_POLL);
static_assert(r::bits(r::so::incoming_cpu) == SO_INCOMING_CPU);
static_assert(r::bits(r::so::cookie) == SO_COOKIE);
static_assert(r::bits(r::so::peergroups) == SO_PEERGROUPS);
static_assert(r::bits(r::so::zerocopy) == SO_ZEROCOPY);
static_assert(r::bits(r::so::rcvtimeo_new) == SO_RCVTIMEO_NEW);
static_assert(r::bits(r::so::sndtimeo_new) == SO_SNDTIMEO_NEW);
#if defined(SO_PASSPIDFD)  // the arm64 sysroot's kernel headers predate them
static_assert(r::bits(r::so::passpidfd) == SO_PASSPIDFD);
static_assert(r::bits(r::so::peerpidfd) == SO_PEERPIDFD);
#endif

static_assert(r::bits(r::tcp::nodelay) == TCP_NODELAY);
static_assert(r::bits(r::tcp::maxseg) == TCP_MAXSEG);
static_assert(r::bits(r::tcp::cork) == TCP_CORK);
static_assert(r::bits(r::tcp::keepidle) == TCP_KEEPIDLE);
static_assert(r::bits(r::tcp::keepintvl) == TCP_KEEPINTVL);
static_assert(r::bits(r::tcp::keepcnt) == TCP_KEEPCNT);
static_assert(r::bits(r::tcp::syncnt) == TCP_SYNCNT);
static_assert(r::bits(r::tcp::linger2) == TCP_LINGER2);
static_assert(r::bits(r::tcp::defer_accept) == TCP_DEFER_ACCEPT);
static_assert(r::bits(r::tcp::window_clamp) == TCP_WINDOW_CLAMP);
static_assert(r::bits(r::tcp::quickack) == TCP_QUICKACK);
static_assert(r::bits(r::tcp::user_timeout) == TCP_USER_TIMEOUT);
static_assert(r::bits(r::tcp::fastopen) == TCP_FASTOPEN);

static_assert(r::bits(r::ip::tos) == IP_TOS);
static_assert(r::bits(r::ip::ttl) == IP_TTL);
static_assert(r::bits(r::ip::hdrincl) == IP_HDRINCL);
static_assert(r::bits(r::ip::pktinfo) == IP_PKTINFO);
static_assert(r::bits(r::ip::recverr) == IP_RECVERR);
static_assert(r::bits(r::ip::recvtos) == IP_RECVTOS);
static_assert(r::bits(r::ip::freebind) == IP_FREEBIND);
static_assert(r::bits(r::ipv6::unicast_hops) == IPV6_UNICAST_HOPS);
static_assert(r::bits(r::ipv6::recverr) == IPV6_RECVERR);
static_assert(r::bits(r::ipv6::v6only) == IPV6_V6ONLY);
static_assert(r::bits(r::ipv6::recvpktinfo) == IPV6_RECVPKTINFO);
static_assert(r::bits(r::ipv6::tclass) == IPV6_TCLASS);

static_assert(r::scm::rights == SCM_RIGHTS);
static_assert(r::scm::credentials == SCM_CREDENTIALS);

static_assert(r::inaddr::any == INADDR_ANY);
static_assert(r::inaddr::loopback == INADDR_LOOPBACK);
static_assert(r::inaddr::broadcast == INADDR_BROADCAST);
static_assert(r::unix_path_max == sizeof(::sockaddr_un::sun_path));

// ---------------------------------------------------------------------------
// Layouts: size, alignment, and each member's offset and size.

#define SAME_SIZE(R, G) static_assert(sizeof(R) == sizeof(G) && alignof(R) == alignof(G), #R)
#define SAME_FIELD(R, rf, G, gf)                                                            \
  static_assert(offsetof(R, rf) == offsetof(G, gf) && sizeof(R::rf) == sizeof(G::gf), \
                #R "::" #rf)

SAME_SIZE(r::sockaddr, ::sockaddr);
SAME_FIELD(r::sockaddr, family, ::sockaddr, sa_family);
SAME_FIELD(r::sockaddr, data, ::sockaddr, sa_data);
SAME_SIZE(r::sockaddr_in, ::sockaddr_in);
SAME_FIELD(r::sockaddr_in, family, ::sockaddr_in, sin_family);
SAME_FIELD(r::sockaddr_in, port, ::sockaddr_in, sin_port);
SAME_FIELD(r::sockaddr_in, addr, ::sockaddr_in, sin_addr);
SAME_FIELD(r::sockaddr_in, zero, ::sockaddr_in, sin_zero);
SAME_SIZE(r::sockaddr_in6, ::sockaddr_in6);
SAME_FIELD(r::sockaddr_in6, family, ::sockaddr_in6, sin6_family);
SAME_FIELD(r::sockaddr_in6, port, ::sockaddr_in6, sin6_port);
SAME_FIELD(r::sockaddr_in6, flowinfo, ::sockaddr_in6, sin6_flowinfo);
SAME_FIELD(r::sockaddr_in6, addr, ::sockaddr_in6, sin6_addr);
SAME_FIELD(r::sockaddr_in6, scope_id, ::sockaddr_in6, sin6_scope_id);
static_assert(sizeof(r::sockaddr_un) == sizeof(::sockaddr_un) && alignof(r::sockaddr_un) == 2);
SAME_FIELD(r::sockaddr_un, family, ::sockaddr_un, sun_family);
SAME_FIELD(r::sockaddr_un, path, ::sockaddr_un, sun_path);
SAME_SIZE(r::sockaddr_storage, ::sockaddr_storage);
SAME_FIELD(r::sockaddr_storage, family, ::sockaddr_storage, ss_family);
SAME_SIZE(r::iovec, ::iovec);
SAME_FIELD(r::iovec, base, ::iovec, iov_base);
SAME_FIELD(r::iovec, len, ::iovec, iov_len);
SAME_SIZE(r::msghdr, ::msghdr);
SAME_FIELD(r::msghdr, name, ::msghdr, msg_name);
SAME_FIELD(r::msghdr, namelen, ::msghdr, msg_namelen);
SAME_FIELD(r::msghdr, iov, ::msghdr, msg_iov);
SAME_FIELD(r::msghdr, iovlen, ::msghdr, msg_iovlen);
SAME_FIELD(r::msghdr, control, ::msghdr, msg_control);
SAME_FIELD(r::msghdr, controllen, ::msghdr, msg_controllen);
SAME_FIELD(r::msghdr, flags, ::msghdr, msg_flags);
SAME_SIZE(r::mmsghdr, ::mmsghdr);
SAME_FIELD(r::mmsghdr, hdr, ::mmsghdr, msg_hdr);
SAME_FIELD(r::mmsghdr, len, ::mmsghdr, msg_len);
SAME_SIZE(r::cmsghdr, ::cmsghdr);
SAME_FIELD(r::cmsghdr, len, ::cmsghdr, cmsg_len);
SAME_FIELD(r::cmsghdr, level, ::cmsghdr, cmsg_level);
SAME_FIELD(r::cmsghdr, type, ::cmsghdr, cmsg_type);
SAME_SIZE(r::ucred, ::ucred);
SAME_FIELD(r::ucred, pid, ::ucred, pid);
SAME_FIELD(r::ucred, uid, ::ucred, uid);
SAME_FIELD(r::ucred, gid, ::ucred, gid);
#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
static_assert(sizeof(r::msghdr) == 28 && sizeof(r::mmsghdr) == 32 && sizeof(r::cmsghdr) == 12);
#else
static_assert(sizeof(r::msghdr) == 56 && sizeof(r::mmsghdr) == 64 && sizeof(r::cmsghdr) == 16);
#endif

// CMSG_ALIGN, CMSG_LEN, CMSG_SPACE: the same numbers as glibc's macros.
static_assert([] {
  for (size_t n = 0; n < 300; ++n)
    if (r::cmsg_align(n) != CMSG_ALIGN(n) || r::cmsg_len(n) != CMSG_LEN(n) || r::cmsg_space(n) != CMSG_SPACE(n))
      return false;
  return true;
}());

// Byte order and the address builders are constexpr.
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static_assert(r::to_be16(0x1234) == 0x3412 && r::to_be32(0x12345678) == 0x78563412);
static_assert(r::to_be64(0x0102030405060708ull) == 0x0807060504030201ull);
#else
static_assert(r::to_be16(0x1234) == 0x1234 && r::to_be32(0x12345678) == 0x12345678);
static_assert(r::to_be64(0x0102030405060708ull) == 0x0102030405060708ull);
#endif
static_assert(r::from_be16(r::to_be16(0xbeef)) == 0xbeef);
static_assert(r::make_sockaddr_in(r::inaddr::loopback, 80).port == r::to_be16(80));
static_assert(r::sockaddr_any::unix_path("/tmp/x")->len == 2 + 7);
static_assert(r::sockaddr_any::unix_abstract("name")->len == 2 + 1 + 4);

namespace {

namespace af = r::af;
namespace sock = r::sock;
namespace msg = r::msg;

// A listening socket on 127.0.0.1 and a port the kernel chose.
struct tcp_listener {
  r::unique_fd fd;
  uint16_t port = 0;
  explicit tcp_listener(sock::flags extra = {}) {
    auto s = r::socket(af::inet, sock::stream | sock::cloexec | extra);
    REQUIRE(s);
    fd = std::move(*s);
    REQUIRE(r::bind(fd, r::make_sockaddr_in(r::inaddr::loopback, 0)));
    REQUIRE(r::listen(fd, 16));
    auto name = r::getsockname(fd);
    REQUIRE(name);
    port = name->port();
    REQUIRE(port != 0);
  }
};

// Bounds every blocking receive so a broken peer fails the test instead of
// hanging it (SO_RCVTIMEO_OLD takes the arch's own struct timeval).
bool bound_receives(r::fd s) {
  struct {
    long sec, usec;
  } tv{20, 0};
  return r::setsockopt(s, r::sol::socket, r::bits(r::so::rcvtimeo_old), &tv, sizeof tv).has_value();
}

struct echo_result {
  bool accepted = false;
  r::errc error{};
  size_t bytes = 0;
  r::sockaddr_any peer;
};

// Accepts one connection and sends back everything it reads until EOF.
echo_result echo_once(r::fd listener) {
  echo_result out;
  auto c = r::accept4(listener, out.peer, sock::cloexec);
  if (!c) {
    out.error = c.error();
    return out;
  }
  out.accepted = bound_receives(*c);
  char buf[1000];
  for (int i = 0; i < 10000; ++i) {
    auto n = r::recvfrom(*c, buf);
    if (!n) {
      out.error = n.error();
      break;
    }
    if (*n == 0) break;
    size_t sent = 0;
    while (sent < *n) {
      auto w = r::sendto(*c, r::const_buffer(buf + sent, *n - sent), msg::nosignal);
      if (!w) {
        out.error = w.error();
        return out;
      }
      sent += *w;
    }
    out.bytes += *n;
  }
  return out;
}

// Sends text in small pieces while reading the echo as it comes (ppoll for
// either; sending everything first could fill both directions' buffers and
// deadlock with the echoing server), then half-closes and reads to EOF.
std::string talk(r::fd s, std::string_view text) {
  REQUIRE(bound_receives(s));
  std::string back;
  char buf[256];
  const r::timespec limit{20, 0};
  size_t at = 0;
  for (int i = 0; i < 1000000 && at < text.size(); ++i) {
    r::pollfd pf{s.get(), r::poll::in | r::poll::out, {}};
    REQUIRE(r::ppoll(&pf, 1, &limit) == 1u);
    if (r::has(pf.revents, r::poll::in)) {
      auto n = r::recvfrom(s, buf, msg::dontwait);
      REQUIRE(n);
      back.append(buf, *n);
    }
    if (r::has(pf.revents, r::poll::out)) {
      const size_t piece = std::min<size_t>(7, text.size() - at);
      auto w = r::sendto(s, r::const_buffer(text.data() + at, piece), msg::nosignal | msg::dontwait);
      if (!w && w.error() == errc::eagain) continue;
      REQUIRE(w);
      at += *w;
    }
  }
  REQUIRE(at == text.size());
  REQUIRE(r::shutdown(s, r::shut::wr));
  for (int i = 0; i < 1000000; ++i) {
    auto n = r::recvfrom(s, buf);
    REQUIRE(n);
    if (*n == 0) break;
    back.append(buf, *n);
  }
  return back;
}

std::string long_text() {
  std::string t;
  for (int i = 0; i < 500; ++i) t += "line " + std::to_string(i) + " of the echo\n";
  return t;
}

bool same_bytes(const void* a, const void* b, size_t n) { return std::memcmp(a, b, n) == 0; }

}  // namespace

TEST_CASE("socket: byte order and address builders agree with glibc") {
  for (uint16_t v : {uint16_t{0}, uint16_t{1}, uint16_t{0x1234}, uint16_t{0xff00}, uint16_t{65535}}) {
    CHECK(r::to_be16(v) == htons(v));
    CHECK(r::from_be16(v) == ntohs(v));
  }
  for (uint32_t v : {0u, 1u, 0x12345678u, 0xff000000u, 0xffffffffu}) {
    CHECK(r::to_be32(v) == htonl(v));
    CHECK(r::from_be32(v) == ntohl(v));
  }
  ::sockaddr_in g{};
  g.sin_family = AF_INET;
  g.sin_port = htons(4242);
  REQUIRE(::inet_pton(AF_INET, "127.0.0.1", &g.sin_addr) == 1);
  const r::sockaddr_in mine = r::make_sockaddr_in(r::inaddr::loopback, 4242);
  CHECK(same_bytes(&mine, &g, sizeof g));

  ::sockaddr_in6 g6{};
  g6.sin6_family = AF_INET6;
  g6.sin6_port = htons(4243);
  g6.sin6_addr = in6addr_loopback;
  g6.sin6_scope_id = 3;
  const r::sockaddr_in6 mine6 = r::make_sockaddr_in6(r::in6addr_loopback_bytes, 4243, 3);
  CHECK(same_bytes(&mine6, &g6, sizeof g6));

  // unix: a path with its NUL; an abstract name with its leading NUL; too long.
  auto p = r::sockaddr_any::unix_path("/tmp/sock");
  REQUIRE(p);
  CHECK(p->family() == af::unix_);
  CHECK(p->len == offsetof(::sockaddr_un, sun_path) + 10);
  CHECK(std::string_view(p->un.path) == "/tmp/sock");
  CHECK_FALSE(p->is_unix_abstract());
  auto a = r::sockaddr_any::unix_abstract("abc");
  REQUIRE(a);
  CHECK(a->is_unix_abstract());
  CHECK(a->unix_name_size() == 4);
  CHECK(std::string_view(a->un.path + 1, 3) == "abc");
  const std::string max_path(107, 'x'), too_long(108, 'x');
  CHECK(r::sockaddr_any::unix_path(max_path.c_str()));
  CHECK(r::sockaddr_any::unix_path(too_long.c_str()) == r::unexpected(errc::enametoolong));
  CHECK(r::sockaddr_any::unix_abstract(too_long.data(), 107));
  CHECK(r::sockaddr_any::unix_abstract(too_long.data(), 108) == r::unexpected(errc::enametoolong));
}

TEST_CASE("socket: types and flags, errors match glibc") {
  auto s = r::socket(af::inet, sock::stream | sock::cloexec | sock::nonblock);
  REQUIRE(s);
  CHECK((::fcntl(s->get(), F_GETFD) & FD_CLOEXEC) != 0);
  CHECK((::fcntl(s->get(), F_GETFL) & O_NONBLOCK) != 0);
  int v = 0;
  socklen_t len = sizeof v;
  REQUIRE(::getsockopt(s->get(), SOL_SOCKET, SO_TYPE, &v, &len) == 0);
  CHECK(v == SOCK_STREAM);
  REQUIRE(::getsockopt(s->get(), SOL_SOCKET, SO_DOMAIN, &v, &len) == 0);
  CHECK(v == AF_INET);

  auto u = r::socket(af::unix_, sock::dgram);
  REQUIRE(u);
  CHECK((::fcntl(u->get(), F_GETFD) & FD_CLOEXEC) == 0);
  REQUIRE(::getsockopt(u->get(), SOL_SOCKET, SO_TYPE, &v, &len) == 0);
  CHECK(v == SOCK_DGRAM);

  CHECK(r::socket(af::family{1234}, sock::stream) == r::unexpected(errc::eafnosupport));
  CHECK(outcome(r::socket(af::family{1234}, sock::stream)) == glibc_fd(::socket(1234, SOCK_STREAM, 0)));
  CHECK(outcome(r::socket(af::inet, sock::flags{99})) == glibc_fd(::socket(AF_INET, 99, 0)));
  if (rawsys_test::under_qemu_user())
    rawsys_test::skip("socket type 99 gives EINVAL only on a real kernel: qemu-user answers EPROTONOSUPPORT (glibc agrees with rawsys)");
  else
    CHECK(r::socket(af::inet, sock::flags{99}) == r::unexpected(errc::einval));
  CHECK(outcome(r::socket(af::inet, sock::stream, IPPROTO_UDP)) ==
        glibc_fd(::socket(AF_INET, SOCK_STREAM, IPPROTO_UDP)));
  CHECK(r::socket(af::inet, sock::stream, IPPROTO_UDP) == r::unexpected(errc::eprotonosupport));
}

TEST_CASE("socketpair: two connected descriptors, errors match glibc") {
  auto p = r::socketpair(af::unix_, sock::stream | sock::cloexec);
  REQUIRE(p);
  CHECK(p->first.valid());
  CHECK(p->second.valid());
  CHECK((::fcntl(p->second.get(), F_GETFD) & FD_CLOEXEC) != 0);
  CHECK(::write(p->first.get(), "ping", 4) == 4);
  char buf[8] = {};
  CHECK(::read(p->second.get(), buf, sizeof buf) == 4);
  CHECK(std::string_view(buf, 4) == "ping");
  CHECK(::write(p->second.get(), "pong", 4) == 4);
  CHECK(::read(p->first.get(), buf, sizeof buf) == 4);
  CHECK(std::string_view(buf, 4) == "pong");

  int sv[2];
  CHECK(outcome(r::socketpair(af::inet, sock::stream)) == glibc(::socketpair(AF_INET, SOCK_STREAM, 0, sv)));
  CHECK(r::socketpair(af::inet, sock::stream) == r::unexpected(errc::eopnotsupp));
  CHECK(outcome(r::socketpair(af::unix_, sock::flags{77})) == glibc(::socketpair(AF_UNIX, 77, 0, sv)));
}

TEST_CASE("bind, listen, connect, accept4, getsockname, getpeername: errors match glibc") {
  const int bad = rawsys_test::closed_fd();
  rawsys_test::test_pipe pipe;
  const r::sockaddr_in lo0 = r::make_sockaddr_in(r::inaddr::loopback, 0);
  const auto* glo0 = reinterpret_cast<const ::sockaddr*>(&lo0);

  SUBCASE("bind") {
    CHECK(r::bind(r::fd(bad), lo0) == r::unexpected(errc::ebadf));
    CHECK(outcome(r::bind(r::fd(bad), lo0)) == glibc(::bind(bad, glo0, sizeof lo0)));
    CHECK(r::bind(r::fd(pipe.r), lo0) == r::unexpected(errc::enotsock));
    CHECK(outcome(r::bind(r::fd(pipe.r), lo0)) == glibc(::bind(pipe.r, glo0, sizeof lo0)));
    tcp_listener taken;
    const r::sockaddr_in busy = r::make_sockaddr_in(r::inaddr::loopback, taken.port);
    auto s1 = r::socket(af::inet, sock::stream | sock::cloexec);
    const int s2 = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(s1);
    REQUIRE(s2 >= 0);
    CHECK(r::bind(*s1, busy) == r::unexpected(errc::eaddrinuse));
    CHECK(outcome(r::bind(*s1, busy)) ==
          glibc(::bind(s2, reinterpret_cast<const ::sockaddr*>(&busy), sizeof busy)));
    // A length shorter than sockaddr_in.
    CHECK(r::bind(*s1, r::sockaddr_any(lo0).get(), 4) == r::unexpected(errc::einval));
    CHECK(outcome(r::bind(*s1, r::sockaddr_any(lo0).get(), 4)) == glibc(::bind(s2, glo0, 4)));
    ::close(s2);
  }
  SUBCASE("listen") {
    CHECK(r::listen(r::fd(bad), 1) == r::unexpected(errc::ebadf));
    CHECK(outcome(r::listen(r::fd(bad), 1)) == glibc(::listen(bad, 1)));
    auto udp = r::socket(af::inet, sock::dgram | sock::cloexec);
    REQUIRE(udp);
    CHECK(r::listen(*udp, 1) == r::unexpected(errc::eopnotsupp));
    CHECK(outcome(r::listen(*udp, 1)) == glibc(::listen(udp->get(), 1)));
  }
  SUBCASE("connect: refused by a bound port that does not listen") {
    auto quiet = r::socket(af::inet, sock::stream | sock::cloexec);
    REQUIRE(quiet);
    REQUIRE(r::bind(*quiet, lo0));
    auto where = r::getsockname(*quiet);
    REQUIRE(where);
    auto c1 = r::socket(af::inet, sock::stream | sock::cloexec);
    REQUIRE(c1);
    const int c2 = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(c2 >= 0);
    CHECK(r::connect(*c1, *where) == r::unexpected(errc::econnrefused));
    CHECK(errc::econnrefused == glibc(::connect(c2, reinterpret_cast<const ::sockaddr*>(&where->storage), where->len)).error());
    ::close(c2);
    CHECK(outcome(r::connect(r::fd(bad), *where)) ==
          glibc(::connect(bad, reinterpret_cast<const ::sockaddr*>(&where->storage), where->len)));
  }
  SUBCASE("accept4") {
    auto idle = r::socket(af::inet, sock::stream | sock::cloexec);
    REQUIRE(idle);
    CHECK(r::accept4(*idle) == r::unexpected(errc::einval));  // not listening
    CHECK(outcome(r::accept4(*idle)) == glibc_fd(::accept4(idle->get(), nullptr, nullptr, 0)));
    tcp_listener l(sock::nonblock);
    CHECK(r::accept4(l.fd) == r::unexpected(errc::eagain));  // nobody waiting
    CHECK(outcome(r::accept4(l.fd)) == glibc_fd(::accept4(l.fd.get(), nullptr, nullptr, 0)));
    CHECK(r::accept4(l.fd, sock::flags{1}) == r::unexpected(errc::einval));  // not a flag accept4 takes
    CHECK(outcome(r::accept4(l.fd, sock::flags{1})) == glibc_fd(::accept4(l.fd.get(), nullptr, nullptr, 1)));
    CHECK(outcome(r::accept4(r::fd(pipe.r))) == glibc_fd(::accept4(pipe.r, nullptr, nullptr, 0)));
  }
  SUBCASE("getsockname and getpeername") {
    ::sockaddr_storage ss;
    socklen_t len = sizeof ss;
    CHECK(r::getsockname(r::fd(bad)) == r::unexpected(errc::ebadf));
    CHECK(outcome(r::getsockname(r::fd(bad))) == glibc(::getsockname(bad, reinterpret_cast<::sockaddr*>(&ss), &len)));
    auto s = r::socket(af::inet, sock::stream | sock::cloexec);
    REQUIRE(s);
    CHECK(r::getpeername(*s) == r::unexpected(errc::enotconn));
    CHECK(outcome(r::getpeername(*s)) ==
          glibc(::getpeername(s->get(), reinterpret_cast<::sockaddr*>(&ss), &len)));
    // An unbound inet socket's name: 0.0.0.0 port 0, as glibc sees it.
    auto name = r::getsockname(*s);
    REQUIRE(name);
    len = sizeof ss;
    REQUIRE(::getsockname(s->get(), reinterpret_cast<::sockaddr*>(&ss), &len) == 0);
    CHECK(name->len == len);
    CHECK(same_bytes(&name->storage, &ss, len));
  }
}

TEST_CASE("TCP echo over 127.0.0.1 with a server thread") {
  tcp_listener l;
  // The port getsockname gave is the one glibc sees.
  ::sockaddr_in g{};
  socklen_t glen = sizeof g;
  REQUIRE(::getsockname(l.fd.get(), reinterpret_cast<::sockaddr*>(&g), &glen) == 0);
  CHECK(ntohs(g.sin_port) == l.port);
  CHECK(r::getsockopt(l.fd, r::so::acceptconn) == 1);

  echo_result served;
  std::thread server([&] { served = echo_once(l.fd); });
  auto c = r::socket(af::inet, sock::stream | sock::cloexec);
  REQUIRE(c);
  auto connected = r::connect(*c, r::make_sockaddr_in(r::inaddr::loopback, l.port));
  if (!connected) (void)r::shutdown(l.fd, r::shut::rdwr);  // wakes the accept
  REQUIRE(connected);
  CHECK(r::setsockopt(*c, r::tcp::nodelay, 1));
  CHECK(r::getsockopt(*c, r::tcp::nodelay) == 1);
  // The names while connected, as glibc reads them.
  auto me = r::getsockname(*c);
  auto peer = r::getpeername(*c);
  REQUIRE(me);
  REQUIRE(peer);
  CHECK(peer->port() == l.port);
  CHECK(peer->in4.addr == r::to_be32(r::inaddr::loopback));
  ::sockaddr_in gp{};
  glen = sizeof gp;
  REQUIRE(::getpeername(c->get(), reinterpret_cast<::sockaddr*>(&gp), &glen) == 0);
  CHECK(glen == peer->len);
  CHECK(same_bytes(&gp, &peer->storage, glen));

  const std::string text = long_text();
  const std::string back = talk(*c, text);
  server.join();
  CHECK(served.accepted);
  CHECK(served.error == errc{});
  CHECK(served.bytes == text.size());
  CHECK(back == text);
  // accept4 gave the server the client's own name.
  CHECK(served.peer.len == me->len);
  CHECK(same_bytes(&served.peer.storage, &me->storage, me->len));
}

TEST_CASE("TCP echo over ::1") {
  auto l = r::socket(af::inet6, sock::stream | sock::cloexec);
  if (!l && (l.error() == errc::eafnosupport)) {
    rawsys_test::skip("this kernel has no IPv6: socket(AF_INET6) gives EAFNOSUPPORT");
    return;
  }
  REQUIRE(l);
  CHECK(r::setsockopt(*l, r::ipv6::v6only, 1));
  CHECK(r::getsockopt(*l, r::ipv6::v6only) == 1);
  auto b = r::bind(*l, r::make_sockaddr_in6(r::in6addr_loopback_bytes, 0));
  if (!b && b.error() == errc::eaddrnotavail) {
    rawsys_test::skip("no ::1 on this machine: bind gives EADDRNOTAVAIL");
    return;
  }
  REQUIRE(b);
  REQUIRE(r::listen(*l, 4));
  auto name = r::getsockname(*l);
  REQUIRE(name);
  CHECK(name->family() == af::inet6);
  CHECK(name->len == sizeof(::sockaddr_in6));
  CHECK(same_bytes(name->in6.addr, &in6addr_loopback, 16));
  echo_result served;
  std::thread server([&] { served = echo_once(*l); });
  auto c = r::socket(af::inet6, sock::stream | sock::cloexec);
  REQUIRE(c);
  auto connected = r::connect(*c, r::make_sockaddr_in6(r::in6addr_loopback_bytes, name->port()));
  if (!connected) (void)r::shutdown(*l, r::shut::rdwr);
  REQUIRE(connected);
  const std::string back = talk(*c, "over IPv6");
  server.join();
  CHECK(back == "over IPv6");
  CHECK(served.peer.family() == af::inet6);
  CHECK(served.peer.port() == r::getsockname(*c)->port());
}

TEST_CASE("unix socket echo: a path name and an abstract name") {
  char dir[] = "/tmp/rawsys-sock-XXXXXX";
  REQUIRE(::mkdtemp(dir) != nullptr);
  const std::string path = std::string(dir) + "/echo.sock";

  auto addr = r::sockaddr_any::unix_path(path.c_str());
  REQUIRE(addr);
  auto l = r::socket(af::unix_, sock::stream | sock::cloexec);
  REQUIRE(l);
  REQUIRE(r::bind(*l, *addr));
  REQUIRE(r::listen(*l, 4));
  struct ::stat st;
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK(S_ISSOCK(st.st_mode));
  // getsockname gives back the same bytes (path with its NUL), as glibc's does.
  auto name = r::getsockname(*l);
  REQUIRE(name);
  CHECK(name->len == addr->len);
  CHECK(std::string_view(name->un.path) == path);
  ::sockaddr_un gu{};
  socklen_t glen = sizeof gu;
  REQUIRE(::getsockname(l->get(), reinterpret_cast<::sockaddr*>(&gu), &glen) == 0);
  CHECK(glen == name->len);
  CHECK(same_bytes(&gu, &name->storage, glen));

  echo_result served;
  std::thread server([&] { served = echo_once(*l); });
  auto c = r::socket(af::unix_, sock::stream | sock::cloexec);
  REQUIRE(c);
  auto connected = r::connect(*c, *addr);
  if (!connected) (void)r::shutdown(*l, r::shut::rdwr);
  REQUIRE(connected);
  // The peer is this process.
  r::ucred cred{};
  uint32_t clen = sizeof cred;
  REQUIRE(r::getsockopt(*c, r::sol::socket, r::bits(r::so::peercred), &cred, &clen));
  CHECK(clen == sizeof cred);
  CHECK(cred.pid == ::getpid());
  CHECK(cred.uid == ::getuid());
  auto peer = r::getpeername(*c);
  REQUIRE(peer);
  CHECK(std::string_view(peer->un.path) == path);
  const std::string text = long_text();
  const std::string back = talk(*c, text);
  server.join();
  CHECK(served.error == errc{});
  CHECK(back == text);
  CHECK(served.peer.family() == af::unix_);
  CHECK(served.peer.unix_name_size() == 0);  // the client is unnamed

  // An abstract name: nothing in the filesystem, the same bytes back.
  const std::string aname = "rawsys-test-" + std::to_string(::getpid());
  auto abs = r::sockaddr_any::unix_abstract(aname.data(), aname.size());
  REQUIRE(abs);
  auto la = r::socket(af::unix_, sock::seqpacket | sock::cloexec);
  REQUIRE(la);
  REQUIRE(r::bind(*la, *abs));
  REQUIRE(r::listen(*la, 4));
  auto aback = r::getsockname(*la);
  REQUIRE(aback);
  CHECK(aback->len == abs->len);
  CHECK(aback->is_unix_abstract());
  CHECK(std::string_view(aback->un.path + 1, aback->unix_name_size() - 1) == aname);
  // Binding the same abstract name again: EADDRINUSE, as glibc gets.
  auto again = r::socket(af::unix_, sock::seqpacket | sock::cloexec);
  REQUIRE(again);
  CHECK(r::bind(*again, *abs) == r::unexpected(errc::eaddrinuse));
  CHECK(outcome(r::bind(*again, *abs)) ==
        glibc(::bind(again->get(), reinterpret_cast<const ::sockaddr*>(&abs->storage), abs->len)));
  auto ca = r::socket(af::unix_, sock::seqpacket | sock::cloexec);
  REQUIRE(ca);
  REQUIRE(r::connect(*ca, *abs));
  auto sa = r::accept4(*la, sock::cloexec);
  REQUIRE(sa);
  // seqpacket keeps message boundaries.
  CHECK(r::sendto(*ca, "one") == 3u);
  CHECK(r::sendto(*ca, "three") == 5u);
  char buf[16];
  CHECK(r::recvfrom(*sa, buf) == 3u);
  CHECK(r::recvfrom(*sa, buf) == 5u);
  CHECK(std::string_view(buf, 5) == "three");

  ::unlink(path.c_str());
  ::rmdir(dir);
}

TEST_CASE("UDP: sendto and recvfrom with addresses, errors match glibc") {
  auto srv = r::socket(af::inet, sock::dgram | sock::cloexec);
  auto cli = r::socket(af::inet, sock::dgram | sock::cloexec);
  REQUIRE(srv);
  REQUIRE(cli);
  REQUIRE(r::bind(*srv, r::make_sockaddr_in(r::inaddr::loopback, 0)));
  REQUIRE(r::bind(*cli, r::make_sockaddr_in(r::inaddr::loopback, 0)));
  REQUIRE(bound_receives(*srv));
  REQUIRE(bound_receives(*cli));
  auto to = r::getsockname(*srv);
  auto cli_name = r::getsockname(*cli);
  REQUIRE(to);
  REQUIRE(cli_name);

  CHECK(r::sendto(*cli, "datagram", msg::flags{}, *to) == 8u);
  char buf[64];
  r::sockaddr_any from;
  CHECK(r::recvfrom(*srv, buf, msg::flags{}, from) == 8u);
  CHECK(std::string_view(buf, 8) == "datagram");
  CHECK(from.len == cli_name->len);
  CHECK(same_bytes(&from.storage, &cli_name->storage, from.len));
  // Reply to whoever sent it; peek first, then take it; a short buffer truncates.
  CHECK(r::sendto(*srv, "reply!", msg::flags{}, from) == 6u);
  CHECK(r::recvfrom(*cli, buf, msg::peek) == 6u);
  CHECK(r::recvfrom(*cli, r::buffer(buf, 3), msg::trunc) == 6u);  // the real length
  CHECK(std::string_view(buf, 3) == "rep");

  // Errors, against glibc's send/recv on the same sockets.
  auto lone = r::socket(af::inet, sock::dgram | sock::cloexec);
  REQUIRE(lone);
  CHECK(r::sendto(*lone, "x") == r::unexpected(errc::edestaddrreq));
  CHECK(outcome(r::sendto(*lone, "x")) == glibc(::send(lone->get(), "x", 1, 0)));
  CHECK(r::recvfrom(*srv, buf, msg::dontwait) == r::unexpected(errc::eagain));
  CHECK(outcome(r::recvfrom(*srv, buf, msg::dontwait)) == glibc(::recv(srv->get(), buf, sizeof buf, MSG_DONTWAIT)));
  const int bad = rawsys_test::closed_fd();
  CHECK(outcome(r::sendto(r::fd(bad), "x", msg::flags{}, *to)) ==
        glibc(::sendto(bad, "x", 1, 0, reinterpret_cast<const ::sockaddr*>(&to->storage), to->len)));
  CHECK(outcome(r::recvfrom(r::fd(bad), buf)) == glibc(::recvfrom(bad, buf, sizeof buf, 0, nullptr, nullptr)));
  // A datagram larger than the socket allows: EMSGSIZE from both.
  static char huge[70000];
  CHECK(r::sendto(*cli, huge, msg::flags{}, *to) == r::unexpected(errc::emsgsize));
  CHECK(outcome(r::sendto(*cli, huge, msg::flags{}, *to)) ==
        glibc(::sendto(cli->get(), huge, sizeof huge, 0, reinterpret_cast<const ::sockaddr*>(&to->storage), to->len)));
}

TEST_CASE("sendmsg and recvmsg: gather, scatter and SCM_RIGHTS over a socketpair") {
  auto p = r::socketpair(af::unix_, sock::stream | sock::cloexec);
  REQUIRE(p);
  rawsys_test::test_pipe pipe;

  // Send "hello, world" from two pieces, with the pipe's write end attached.
  char a[] = "hello, ", b[] = "world";
  r::iovec out_iov[2] = {{a, 7}, {b, 5}};
  alignas(r::cmsghdr) unsigned char out_ctl[r::cmsg_space(sizeof(int))];
  r::cmsg_builder cb(out_ctl);
  REQUIRE(cb.add_rights(r::fd(pipe.w)));
  CHECK(cb.size() == r::cmsg_space(sizeof(int)));
  r::msghdr m{};
  m.iov = out_iov;
  m.iovlen = 2;
  m.control = cb.data();
  m.controllen = cb.size();
  CHECK(r::sendmsg(p->first, &m) == 12u);

  // Receive into three pieces, asking for close-on-exec descriptors.
  char x[4] = {}, y[4] = {}, z[8] = {};
  r::iovec in_iov[3] = {{x, 4}, {y, 4}, {z, 8}};
  alignas(r::cmsghdr) unsigned char in_ctl[r::cmsg_space(4 * sizeof(int))];
  r::msghdr in{};
  in.iov = in_iov;
  in.iovlen = 3;
  in.control = in_ctl;
  in.controllen = sizeof in_ctl;
  CHECK(r::recvmsg(p->second, &in, msg::cmsg_cloexec) == 12u);
  CHECK(std::string(x, 4) + std::string(y, 4) + std::string(z, 4) == "hello, world");
  CHECK_FALSE(r::has(in.flags, msg::trunc));
  CHECK_FALSE(r::has(in.flags, msg::ctrunc));
  CHECK(in.controllen == r::cmsg_space(sizeof(int)));

  int got[4] = {-1, -1, -1, -1};
  size_t messages = 0, fds = 0;
  for (const r::cmsghdr& c : r::cmsg_reader(in)) {
    ++messages;
    CHECK(c.level == SOL_SOCKET);
    CHECK(c.type == SCM_RIGHTS);
    CHECK(c.len == CMSG_LEN(sizeof(int)));
    fds += r::cmsg_rights(c, got, 4);
  }
  CHECK(messages == 1);
  REQUIRE(fds == 1);
  // A new descriptor for the same pipe: what is written to it comes out of pipe.r.
  CHECK(got[0] != pipe.w);
  CHECK((::fcntl(got[0], F_GETFD) & FD_CLOEXEC) != 0);
  CHECK(::write(got[0], "passed", 6) == 6);
  char back[8] = {};
  CHECK(::read(pipe.r, back, sizeof back) == 6);
  CHECK(std::string_view(back, 6) == "passed");
  ::close(got[0]);

  // glibc's recvmsg reads what rawsys sent, and the other way round.
  CHECK(r::sendmsg(p->first, &m) == 12u);
  ::msghdr gm{};
  ::iovec giov{z, 8};
  alignas(::cmsghdr) char gctl[CMSG_SPACE(sizeof(int))];
  gm.msg_iov = &giov;
  gm.msg_iovlen = 1;
  gm.msg_control = gctl;
  gm.msg_controllen = sizeof gctl;
  CHECK(::recvmsg(p->second.get(), &gm, MSG_CMSG_CLOEXEC) == 8);
  ::cmsghdr* gc = CMSG_FIRSTHDR(&gm);
  REQUIRE(gc != nullptr);
  CHECK(gc->cmsg_type == SCM_RIGHTS);
  int gfd;
  std::memcpy(&gfd, CMSG_DATA(gc), sizeof gfd);
  CHECK(::write(gfd, "g", 1) == 1);
  CHECK(::read(pipe.r, back, sizeof back) == 1);
  ::close(gfd);
  char rest[8];
  CHECK(::read(p->second.get(), rest, sizeof rest) == 4);  // "orld"

  // Errors against glibc: nothing to read without waiting; a bad descriptor.
  r::msghdr empty{};
  r::iovec one{x, 1};
  empty.iov = &one;
  empty.iovlen = 1;
  ::msghdr gempty{};
  ::iovec gone{x, 1};
  gempty.msg_iov = &gone;
  gempty.msg_iovlen = 1;
  CHECK(r::recvmsg(p->second, &empty, msg::dontwait) == r::unexpected(errc::eagain));
  CHECK(outcome(r::recvmsg(p->second, &empty, msg::dontwait)) == glibc(::recvmsg(p->second.get(), &gempty, MSG_DONTWAIT)));
  const int bad = rawsys_test::closed_fd();
  CHECK(outcome(r::sendmsg(r::fd(bad), &empty)) == glibc(::sendmsg(bad, &gempty, 0)));
  // A descriptor that is not open cannot be passed: EBADF from both.
  alignas(r::cmsghdr) unsigned char bad_ctl[r::cmsg_space(sizeof(int))];
  r::cmsg_builder bb(bad_ctl);
  REQUIRE(bb.add_rights(r::fd(bad)));
  empty.control = bb.data();
  empty.controllen = bb.size();
  gempty.msg_control = bb.data();
  gempty.msg_controllen = bb.size();
  CHECK(r::sendmsg(p->first, &empty) == r::unexpected(errc::ebadf));
  CHECK(outcome(r::sendmsg(p->first, &empty)) == glibc(::sendmsg(p->first.get(), &gempty, 0)));
}

TEST_CASE("control messages: the builder and reader agree with glibc's CMSG macros") {
  const int fds[3] = {0, 1, 2};
  const unsigned char cookie[5] = {1, 2, 3, 4, 5};

  // Two messages built by rawsys...
  alignas(r::cmsghdr) unsigned char mine[128] = {};
  r::cmsg_builder b(mine);
  REQUIRE(b.add_rights(fds, 3));
  REQUIRE(b.add(r::sol::ip, 77, r::const_buffer(cookie, 5)));
  CHECK(b.size() == CMSG_SPACE(3 * sizeof(int)) + CMSG_SPACE(5));
  CHECK(b.data() == mine);

  // ...and the same two by glibc's macros.
  alignas(::cmsghdr) unsigned char theirs[128] = {};
  ::msghdr gm{};
  gm.msg_control = theirs;
  gm.msg_controllen = CMSG_SPACE(3 * sizeof(int)) + CMSG_SPACE(5);
  ::cmsghdr* c = CMSG_FIRSTHDR(&gm);
  c->cmsg_len = CMSG_LEN(3 * sizeof(int));
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  std::memcpy(CMSG_DATA(c), fds, sizeof fds);
  c = CMSG_NXTHDR(&gm, c);
  REQUIRE(c != nullptr);
  c->cmsg_len = CMSG_LEN(5);
  c->cmsg_level = IPPROTO_IP;
  c->cmsg_type = 77;
  std::memcpy(CMSG_DATA(c), cookie, 5);
  CHECK(same_bytes(mine, theirs, gm.msg_controllen));

  // The reader walks glibc's buffer as CMSG_NXTHDR does.
  r::cmsg_reader rd(theirs, gm.msg_controllen);
  const r::cmsghdr* m = rd.first();
  for (::cmsghdr* g = CMSG_FIRSTHDR(&gm); g != nullptr; g = CMSG_NXTHDR(&gm, g)) {
    REQUIRE(m != nullptr);
    CHECK(static_cast<const void*>(m) == static_cast<const void*>(g));
    CHECK(r::cmsg_data(m) == CMSG_DATA(g));
    m = rd.next(m);
  }
  CHECK(m == nullptr);
  int out[3] = {};
  CHECK(r::cmsg_rights(*rd.first(), out, 3) == 3);
  CHECK((out[0] == 0 && out[1] == 1 && out[2] == 2));
  CHECK(r::cmsg_data_size(rd.next(rd.first())) == 5);
  CHECK(r::cmsg_rights(*rd.next(rd.first()), out, 3) == 0);  // not SCM_RIGHTS

  // Out of room: the builder refuses and keeps what it had.
  alignas(r::cmsghdr) unsigned char small[r::cmsg_space(2 * sizeof(int))];
  r::cmsg_builder tight(small);
  CHECK_FALSE(tight.add_rights(fds, 3));
  CHECK(tight.size() == 0);
  CHECK(tight.add_rights(fds, 2));
  CHECK(tight.size() == sizeof small);
  CHECK_FALSE(tight.add_rights(fds, 1));
  // An unaligned start is aligned up, and the room shrinks by as much.
  alignas(r::cmsghdr) unsigned char spare[r::cmsg_space(sizeof(int)) + 1];
  r::cmsg_builder shifted(r::buffer(spare + 1, sizeof spare - 1));
  CHECK(shifted.data() == spare + alignof(r::cmsghdr));
  CHECK_FALSE(shifted.add_rights(fds, 1));
  // A header claiming more than the buffer holds ends the walk.
  r::cmsghdr lie{};
  lie.len = 1000;
  CHECK(r::cmsg_reader(&lie, sizeof lie).first() == nullptr);
  lie.len = 2;  // shorter than a header
  CHECK(r::cmsg_reader(&lie, sizeof lie).first() == nullptr);
  CHECK(r::cmsg_reader(nullptr, 100).first() == nullptr);
}

TEST_CASE("SCM_RIGHTS with too little room: MSG_CTRUNC and the descriptors that fit") {
  auto p = r::socketpair(af::unix_, sock::dgram | sock::cloexec);
  REQUIRE(p);
  rawsys_test::test_pipe a, b, c;
  const int fds[3] = {a.w, b.w, c.w};
  alignas(r::cmsghdr) unsigned char ctl[r::cmsg_space(3 * sizeof(int))];
  r::cmsg_builder cb(ctl);
  REQUIRE(cb.add_rights(fds, 3));
  char one = '1';
  r::iovec iov{&one, 1};
  r::msghdr m{};
  m.iov = &iov;
  m.iovlen = 1;
  m.control = cb.data();
  m.controllen = cb.size();
  REQUIRE(r::sendmsg(p->first, &m) == 1u);

  alignas(r::cmsghdr) unsigned char small[r::cmsg_space(sizeof(int))];
  r::msghdr in{};
  in.iov = &iov;
  in.iovlen = 1;
  in.control = small;
  in.controllen = sizeof small;
  REQUIRE(r::recvmsg(p->second, &in, msg::cmsg_cloexec) == 1u);
  if (rawsys_test::under_qemu_user())
    rawsys_test::skip("MSG_CTRUNC: qemu-user receives into a larger buffer of its own and does not set it");
  else
    CHECK(r::has(in.flags, msg::ctrunc));
  // The kernel passes as many as fit in the room after the header (the
  // padding of CMSG_SPACE included: 2 on 64-bit, 1 on i386) and closes the rest.
  const size_t fit = (sizeof small - sizeof(r::cmsghdr)) / sizeof(int);
  int got[3] = {-1, -1, -1};
  size_t n = 0;
  for (const auto& cm : r::cmsg_reader(in)) n += r::cmsg_rights(cm, got, 3);
  CHECK(n == fit);
  CHECK(::write(got[0], "t", 1) == 1);
  char t;
  CHECK(::read(a.r, &t, 1) == 1);
  for (size_t i = 0; i < n && i < 3; ++i) ::close(got[i]);
}

TEST_CASE("sendmmsg and recvmmsg over UDP, errors match glibc") {
  auto srv = r::socket(af::inet, sock::dgram | sock::cloexec);
  auto cli = r::socket(af::inet, sock::dgram | sock::cloexec);
  REQUIRE(srv);
  REQUIRE(cli);
  REQUIRE(r::bind(*srv, r::make_sockaddr_in(r::inaddr::loopback, 0)));
  REQUIRE(bound_receives(*srv));
  auto to = r::getsockname(*srv);
  REQUIRE(to);
  REQUIRE(r::connect(*cli, *to));

  char m0[] = "first", m1[] = "second!", m2[] = "3";
  r::iovec iov[3] = {{m0, 5}, {m1, 7}, {m2, 1}};
  r::mmsghdr out[3] = {};
  for (int i = 0; i < 3; ++i) {
    out[i].hdr.iov = &iov[i];
    out[i].hdr.iovlen = 1;
  }
  CHECK(r::sendmmsg(*cli, out, 3) == 3u);
  CHECK(out[0].len == 5);
  CHECK(out[1].len == 7);
  CHECK(out[2].len == 1);

  char bufs[4][16] = {};
  r::iovec in_iov[4];
  r::mmsghdr in[4] = {};
  r::sockaddr_any from[4];
  for (int i = 0; i < 4; ++i) {
    in_iov[i] = {bufs[i], sizeof bufs[i]};
    in[i].hdr.iov = &in_iov[i];
    in[i].hdr.iovlen = 1;
    in[i].hdr.name = from[i].get();
    in[i].hdr.namelen = sizeof(r::sockaddr_storage);
  }
  // All three, then the timeout (the kernel checks it after each datagram).
  r::timespec timeout{5, 0};
  auto got = r::recvmmsg(*srv, in, 3, msg::flags{}, &timeout);
  if (got == r::unexpected(errc::enosys) && rawsys_test::under_qemu_user()) {
    // A 32-bit build calls recvmmsg_time64 (Linux 5.1), the 32-bit recvmmsg
    // only on a kernel without any time64 call; qemu-user has the others.
    rawsys_test::skip("qemu-user does not implement recvmmsg_time64(2) (ENOSYS)");
    return;
  }
  REQUIRE(got == 3u);
  CHECK(std::string_view(bufs[0], in[0].len) == "first");
  CHECK(std::string_view(bufs[1], in[1].len) == "second!");
  CHECK(std::string_view(bufs[2], in[2].len) == "3");
  CHECK(in[0].hdr.namelen == sizeof(::sockaddr_in));
  from[0].len = in[0].hdr.namelen;
  CHECK(from[0].port() == r::getsockname(*cli)->port());
  CHECK(timeout.sec <= 5);  // the time left was written back

  // glibc's recvmmsg takes what rawsys's sendmmsg sent.
  CHECK(r::sendmmsg(*cli, out, 2) == 2u);
  ::mmsghdr gin[2] = {};
  ::iovec giov[2] = {{bufs[0], 16}, {bufs[1], 16}};
  for (int i = 0; i < 2; ++i) {
    gin[i].msg_hdr.msg_iov = &giov[i];
    gin[i].msg_hdr.msg_iovlen = 1;
  }
  const int taken = ::recvmmsg(srv->get(), gin, 2, MSG_WAITFORONE, nullptr);
  CHECK(taken >= 1);
  CHECK(gin[0].msg_len == 5);
  // The second, waited for if it had not arrived yet (on a loaded machine
  // loopback may deliver it later), so that the queue is empty below.
  if (taken == 1) CHECK(r::recvmmsg(*srv, in, 1) == 1u);

  // Errors (each message with room for a byte: qemu-user counts an empty
  // iovec list as a received message).
  char gbyte;
  ::iovec gbyte_iov{&gbyte, 1};
  ::mmsghdr gdummy[1] = {};
  gdummy[0].msg_hdr.msg_iov = &gbyte_iov;
  gdummy[0].msg_hdr.msg_iovlen = 1;
  CHECK(r::recvmmsg(*srv, in, 4, msg::dontwait) == r::unexpected(errc::eagain));
  CHECK(outcome(r::recvmmsg(*srv, in, 4, msg::dontwait)) == glibc(::recvmmsg(srv->get(), gdummy, 1, MSG_DONTWAIT, nullptr)));
  rawsys_test::test_pipe pipe;
  CHECK(r::recvmmsg(r::fd(pipe.r), in, 4) == r::unexpected(errc::enotsock));
  CHECK(outcome(r::recvmmsg(r::fd(pipe.r), in, 4)) == glibc(::recvmmsg(pipe.r, gdummy, 1, 0, nullptr)));
  const int bad = rawsys_test::closed_fd();
  CHECK(outcome(r::sendmmsg(r::fd(bad), out, 1)) == glibc(::sendmmsg(bad, gdummy, 1, 0)));
  if (rawsys_test::under_qemu_user()) {
    rawsys_test::skip("recvmmsg with an invalid timeout: qemu-user ignores the timeout argument");
    return;
  }
  r::timespec invalid{0, 2000000000};
  ::timespec ginvalid{0, 2000000000};
  CHECK(r::recvmmsg(*srv, in, 4, msg::flags{}, &invalid) == r::unexpected(errc::einval));
  CHECK(outcome(r::recvmmsg(*srv, in, 4, msg::flags{}, &invalid)) ==
        glibc(::recvmmsg(srv->get(), gdummy, 1, 0, &ginvalid)));
}

TEST_CASE("shutdown: EOF for the peer, errors match glibc") {
  auto p = r::socketpair(af::unix_, sock::stream | sock::cloexec);
  REQUIRE(p);
  REQUIRE(r::shutdown(p->first, r::shut::wr));
  char c;
  CHECK(r::recvfrom(p->second, r::buffer(&c, 1)) == 0u);  // EOF
  CHECK(r::sendto(p->second, "back") == 4u);             // the other direction still works
  CHECK(r::recvfrom(p->first, r::buffer(&c, 1)) == 1u);
  CHECK(r::sendto(p->first, "x", msg::nosignal) == r::unexpected(errc::epipe));
  CHECK(outcome(r::sendto(p->first, "x", msg::nosignal)) == glibc(::send(p->first.get(), "x", 1, MSG_NOSIGNAL)));

  auto lone = r::socket(af::inet, sock::stream | sock::cloexec);
  REQUIRE(lone);
  CHECK(r::shutdown(*lone, r::shut::rdwr) == r::unexpected(errc::enotconn));
  CHECK(outcome(r::shutdown(*lone, r::shut::rdwr)) == glibc(::shutdown(lone->get(), SHUT_RDWR)));
  CHECK(outcome(r::shutdown(p->first, r::shut::how{7})) == glibc(::shutdown(p->first.get(), 7)));
  const int bad = rawsys_test::closed_fd();
  CHECK(outcome(r::shutdown(r::fd(bad), r::shut::rd)) == glibc(::shutdown(bad, SHUT_RD)));
}

TEST_CASE("setsockopt and getsockopt: values and errors match glibc") {
  auto s = r::socket(af::inet, sock::stream | sock::cloexec);
  REQUIRE(s);
  const int fd = s->get();
  int g = -1;
  socklen_t glen = sizeof g;

  CHECK(r::getsockopt(*s, r::so::type) == SOCK_STREAM);
  CHECK(r::getsockopt(*s, r::so::domain) == AF_INET);
  CHECK(r::getsockopt(*s, r::so::protocol) == IPPROTO_TCP);
  CHECK(r::getsockopt(*s, r::so::acceptconn) == 0);
  CHECK(r::getsockopt(*s, r::so::error) == 0);

  REQUIRE(r::setsockopt(*s, r::so::reuseaddr, 1));
  REQUIRE(::getsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &g, &glen) == 0);
  CHECK(g == 1);
  CHECK(r::getsockopt(*s, r::so::reuseaddr) == g);
  REQUIRE(r::setsockopt(*s, r::so::keepalive, 1));
  CHECK(r::getsockopt(*s, r::so::keepalive) == 1);
  REQUIRE(r::setsockopt(*s, r::so::rcvbuf, 65536));
  REQUIRE(::getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &g, &glen) == 0);
  CHECK(r::getsockopt(*s, r::so::rcvbuf) == g);  // the kernel doubles it; both see the same
  REQUIRE(r::setsockopt(*s, r::ip::ttl, 33));
  CHECK(r::getsockopt(*s, r::ip::ttl) == 33);
  REQUIRE(r::setsockopt(*s, r::tcp::keepcnt, 4));
  REQUIRE(::getsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &g, &glen) == 0);
  CHECK(g == 4);

  // The raw form, with its length.
  ::linger lg{1, 3};
  REQUIRE(r::setsockopt(*s, r::sol::socket, SO_LINGER, &lg, sizeof lg));
  ::linger back{};
  uint32_t blen = sizeof back;
  REQUIRE(r::getsockopt(*s, r::sol::socket, SO_LINGER, &back, &blen));
  CHECK(blen == sizeof back);
  CHECK(back.l_onoff == 1);
  CHECK(back.l_linger == 3);

  // Errors.
  CHECK(r::getsockopt(*s, r::so::option{9999}) == r::unexpected(errc::enoprotoopt));
  CHECK(outcome(r::getsockopt(*s, r::so::option{9999})) == glibc(::getsockopt(fd, SOL_SOCKET, 9999, &g, &glen)));
  const int one = 1;
  CHECK(r::setsockopt(*s, r::sol::socket, SO_REUSEADDR, &one, 1) == r::unexpected(errc::einval));
  CHECK(outcome(r::setsockopt(*s, r::sol::socket, SO_REUSEADDR, &one, 1)) ==
        glibc(::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, 1)));
  rawsys_test::test_pipe pipe;
  CHECK(outcome(r::getsockopt(r::fd(pipe.r), r::so::type)) == glibc(::getsockopt(pipe.r, SOL_SOCKET, SO_TYPE, &g, &glen)));
  CHECK(r::getsockopt(r::fd(pipe.r), r::so::type) == r::unexpected(errc::enotsock));
  const int bad = rawsys_test::closed_fd();
  CHECK(outcome(r::setsockopt(r::fd(bad), r::so::reuseaddr, 1)) == glibc(::setsockopt(bad, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one)));
}

#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
namespace {
int recvmmsg_fallback_checks() {
  // The filter is in place: the time64 call is gone.
  RAWSYS_EXPECT(r::raw::syscall(static_cast<long>(r::nr::recvmmsg_time64), -1, 0, 0, 0, 0) == -ENOSYS);
  auto srv = r::socket(af::inet, sock::dgram | sock::cloexec);
  auto cli = r::socket(af::inet, sock::dgram | sock::cloexec);
  RAWSYS_EXPECT(srv && cli);
  RAWSYS_EXPECT(r::bind(*srv, r::make_sockaddr_in(r::inaddr::loopback, 0)));
  RAWSYS_EXPECT(r::connect(*cli, *r::getsockname(*srv)));
  RAWSYS_EXPECT(r::sendto(*cli, "abc") == 3u);
  RAWSYS_EXPECT(r::sendto(*cli, "de") == 2u);
  char b0[8], b1[8];
  r::iovec iov[2] = {{b0, 8}, {b1, 8}};
  r::mmsghdr in[2] = {};
  in[0].hdr.iov = &iov[0];
  in[0].hdr.iovlen = 1;
  in[1].hdr.iov = &iov[1];
  in[1].hdr.iovlen = 1;
  r::timespec t{7, 0};
  RAWSYS_EXPECT(r::recvmmsg(*srv, in, 2, msg::flags{}, &t) == 2u);
  RAWSYS_EXPECT(in[0].len == 3 && in[1].len == 2);
  RAWSYS_EXPECT(t.sec <= 7 && t.sec >= 0);  // converted back from the 32-bit time left
  // The conversion is exact: an invalid nsec stays invalid (EINVAL), a
  // second count beyond 32 bits cannot be expressed (EOVERFLOW).
  r::timespec invalid{0, 1000000000};
  RAWSYS_EXPECT(r::recvmmsg(*srv, in, 2, msg::flags{}, &invalid) == r::unexpected(errc::einval));
  r::timespec far{int64_t{1} << 40, 0};
  RAWSYS_EXPECT(r::recvmmsg(*srv, in, 2, msg::flags{}, &far) == r::unexpected(errc::eoverflow));
  RAWSYS_EXPECT(r::recvmmsg(*srv, in, 2, msg::dontwait) == r::unexpected(errc::eagain));
  return 0;
}
}  // namespace

TEST_CASE("32-bit: recvmmsg falls back to the 32-bit call when recvmmsg_time64 is ENOSYS") {
  const int line = rawsys_test::run_without({static_cast<long>(r::nr::recvmmsg_time64)}, recvmmsg_fallback_checks);
  if (line == -1) {
    rawsys_test::skip(rawsys_test::why_no_seccomp_filter());
    return;
  }
  INFO("first failed check at socket_test.cpp line ", line);
  CHECK(line == 0);
}
#endif
