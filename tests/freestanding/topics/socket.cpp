// <rawsys/socket.hpp> without libc: each wrapper once, over TCP on the
// loopback and a unix datagram pair, against what socket(7), tcp(7) and
// their calls' pages document.
#include <rawsys/file.hpp>
#include <rawsys/socket.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

namespace {
bool same(const char* a, const char* b, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}
// Message i of m carries piece i of v.
void one_each(r::mmsghdr (&m)[2], r::iovec (&v)[2]) {
  for (int i = 0; i < 2; ++i) {
    m[i].hdr.iov = &v[i];
    m[i].hdr.iovlen = 1;
  }
}
}  // namespace

int main() {
  // A listening TCP socket on 127.0.0.1, an ephemeral port.
  auto srv = r::socket(r::af::inet, r::sock::stream | r::sock::cloexec);
  check(srv.has_value(), "socket");
  if (!srv) return topic::finish("socket.hpp");
  check(r::setsockopt(*srv, r::so::reuseaddr, 1).has_value() && r::getsockopt(*srv, r::so::reuseaddr) == 1,
        "setsockopt, getsockopt SO_REUSEADDR");
  check(r::getsockopt(*srv, r::so::type) == static_cast<int>(r::bits(r::sock::stream)), "getsockopt SO_TYPE");
  check(r::bind(*srv, r::make_sockaddr_in(r::inaddr::loopback, 0)).has_value(), "bind");
  check(r::listen(*srv, 4).has_value(), "listen");
  auto name = r::getsockname(*srv);
  check(name && name->port() != 0, "getsockname");
  if (!name) return topic::finish("socket.hpp");

  auto cli = r::socket(r::af::inet, r::sock::stream | r::sock::cloexec);
  check(cli && r::connect(*cli, *name).has_value(), "connect");
  r::sockaddr_any peer{};
  auto conn = r::accept4(*srv, peer, r::sock::cloexec);
  check(conn && peer.port() != 0, "accept4");
  auto theirs = r::getpeername(*cli);
  check(theirs && theirs->port() == name->port(), "getpeername");
  check(r::setsockopt(*cli, r::tcp::nodelay, 1).has_value() && r::getsockopt(*cli, r::tcp::nodelay) == 1,
        "TCP_NODELAY");
  if (cli && conn) {
    check(r::sendto(*cli, r::const_buffer("hello", 5)) == 5u, "sendto");
    char buf[8] = {};
    check(r::recvfrom(*conn, r::buffer(buf, 5), r::msg::waitall) == 5u && same(buf, "hello", 5), "recvfrom");
    check(r::shutdown(*cli, r::shut::wr).has_value() && r::recvfrom(*conn, r::buffer(buf, 8)) == 0u,
          "shutdown: the peer reads end of file");
  }
  check(r::connect(*srv, r::make_sockaddr_in(r::inaddr::loopback, 1)) == r::unexpected(r::errc::eisconn) ||
            r::connect(*srv, r::make_sockaddr_in(r::inaddr::loopback, 1)) == r::unexpected(r::errc::einval),
        "connect on a listening socket fails");

  // Several datagrams in one call each way.
  auto pair = r::socketpair(r::af::unix_, r::sock::dgram | r::sock::cloexec);
  check(pair.has_value(), "socketpair");
  if (pair) {
    char a[] = "one", b[] = "two!";
    r::iovec out_iov[2] = {{a, 3}, {b, 4}};
    r::mmsghdr out[2] = {};
    one_each(out, out_iov);
    check(r::sendmmsg(pair->first, out, 2) == 2u && out[0].len == 3 && out[1].len == 4, "sendmmsg");
    char x[8] = {}, y[8] = {};
    r::iovec in_iov[2] = {{x, 8}, {y, 8}};
    r::mmsghdr in[2] = {};
    one_each(in, in_iov);
    r::timespec wait{1, 0};
    check(r::recvmmsg(pair->second, in, 2, r::msg::flags{}, &wait) == 2u && in[0].len == 3 && in[1].len == 4 &&
              same(x, "one", 3) && same(y, "two!", 4),
          "recvmmsg");
    check(r::recvmmsg(pair->second, in, 2, r::msg::dontwait) == r::unexpected(r::errc::eagain),
          "recvmmsg: EAGAIN when empty");
    r::iovec v{a, 3};
    r::msghdr m{};
    m.iov = &v;
    m.iovlen = 1;
    check(r::sendmsg(pair->first, &m) == 3u, "sendmsg");
    char z[4] = {};
    r::iovec w{z, 4};
    r::msghdr got{};
    got.iov = &w;
    got.iovlen = 1;
    check(r::recvmsg(pair->second, &got) == 3u && same(z, "one", 3), "recvmsg");
  }
  return topic::finish("socket.hpp");
}
