// Socket structs and constants against the kernel's own UAPI headers
// (<linux/in.h>, <linux/in6.h>, <linux/un.h>, ...), which cannot share a file
// with glibc's <netinet/in.h> and <sys/socket.h>.
#include <asm/socket.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/socket.h>
#include <linux/uio.h>
#include <linux/un.h>
#include <stddef.h>

#include "support.hpp"

namespace r = rawsys;

#define SAME_SIZE(R, K) static_assert(sizeof(R) == sizeof(K) && alignof(R) == alignof(K), #R)
#define SAME_FIELD(R, rf, K, kf) \
  static_assert(offsetof(R, rf) == offsetof(K, kf) && sizeof(R::rf) == sizeof(K::kf), #R "::" #rf)

SAME_SIZE(r::sockaddr_in, ::sockaddr_in);
SAME_FIELD(r::sockaddr_in, family, ::sockaddr_in, sin_family);
SAME_FIELD(r::sockaddr_in, port, ::sockaddr_in, sin_port);
SAME_FIELD(r::sockaddr_in, addr, ::sockaddr_in, sin_addr);
SAME_FIELD(r::sockaddr_in, zero, ::sockaddr_in, __pad);
SAME_SIZE(r::sockaddr_in6, ::sockaddr_in6);
SAME_FIELD(r::sockaddr_in6, family, ::sockaddr_in6, sin6_family);
SAME_FIELD(r::sockaddr_in6, port, ::sockaddr_in6, sin6_port);
SAME_FIELD(r::sockaddr_in6, flowinfo, ::sockaddr_in6, sin6_flowinfo);
SAME_FIELD(r::sockaddr_in6, addr, ::sockaddr_in6, sin6_addr);
SAME_FIELD(r::sockaddr_in6, scope_id, ::sockaddr_in6, sin6_scope_id);
SAME_SIZE(r::sockaddr_un, ::sockaddr_un);
SAME_FIELD(r::sockaddr_un, family, ::sockaddr_un, sun_family);
SAME_FIELD(r::sockaddr_un, path, ::sockaddr_un, sun_path);
static_assert(r::unix_path_max == UNIX_PATH_MAX);
SAME_SIZE(r::sockaddr_storage, struct __kernel_sockaddr_storage);
SAME_SIZE(r::iovec, ::iovec);
SAME_FIELD(r::iovec, base, ::iovec, iov_base);
SAME_FIELD(r::iovec, len, ::iovec, iov_len);

static_assert(r::ipproto::ip == IPPROTO_IP && r::ipproto::tcp == IPPROTO_TCP && r::ipproto::udp == IPPROTO_UDP);
static_assert(r::ipproto::ipv6 == IPPROTO_IPV6 && r::ipproto::raw == IPPROTO_RAW && r::ipproto::icmp == IPPROTO_ICMP);
static_assert(r::bits(r::ip::tos) == IP_TOS && r::bits(r::ip::ttl) == IP_TTL && r::bits(r::ip::pktinfo) == IP_PKTINFO);
static_assert(r::bits(r::ip::recverr) == IP_RECVERR && r::bits(r::ip::freebind) == IP_FREEBIND);
static_assert(r::bits(r::ipv6::v6only) == IPV6_V6ONLY && r::bits(r::ipv6::tclass) == IPV6_TCLASS);
static_assert(r::inaddr::loopback == INADDR_LOOPBACK && r::inaddr::any == INADDR_ANY);
static_assert(r::bits(r::sol::socket) == SOL_SOCKET);
static_assert(r::bits(r::so::reuseaddr) == SO_REUSEADDR && r::bits(r::so::peercred) == SO_PEERCRED);
static_assert(r::bits(r::so::rcvtimeo_new) == SO_RCVTIMEO_NEW && r::bits(r::so::cookie) == SO_COOKIE);

TEST_CASE("socket layouts: the kernel's own headers agree (checked at compile time)") {
  // The static_asserts above are the test; at run time, the lengths the
  // kernel expects for each family.
  CHECK(r::sockaddr_any(r::make_sockaddr_in(r::inaddr::loopback, 1)).len == sizeof(::sockaddr_in));
  CHECK(r::sockaddr_any(r::make_sockaddr_in6(r::in6addr_loopback_bytes, 1)).len == sizeof(::sockaddr_in6));
  CHECK(r::sockaddr_any::unix_path("/x")->len == offsetof(::sockaddr_un, sun_path) + 3);
  CHECK(sizeof(r::sockaddr_storage) == _K_SS_MAXSIZE);
}
