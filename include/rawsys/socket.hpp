// Sockets: socket(2) and its calls, the kernel's address structs, message
// headers, and control messages (SCM_RIGHTS) over a caller's buffer.
//
// i386 uses the direct socket syscalls (socket, bind, ..., added in Linux 4.3)
// rather than the older socketcall(2) multiplexer: kernels before 4.3 are not
// supported there.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "detail/new.hpp"

#include "bitmask.hpp"
#include "fd.hpp"
#include "syscall.hpp"
#include "types.hpp"
#include "detail/time64.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_SOCKET
#include "arch/native_uapi.hpp"

namespace rawsys {

// ---------------------------------------------------------------------------
// Byte order (network order is big-endian); constexpr, unlike htons, which is
// a macro in optimised glibc builds.

constexpr uint16_t to_be16(uint16_t v) noexcept {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return __builtin_bswap16(v);
#else
  return v;
#endif
}
constexpr uint32_t to_be32(uint32_t v) noexcept {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return __builtin_bswap32(v);
#else
  return v;
#endif
}
constexpr uint64_t to_be64(uint64_t v) noexcept {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return __builtin_bswap64(v);
#else
  return v;
#endif
}
constexpr uint16_t from_be16(uint16_t v) noexcept { return to_be16(v); }
constexpr uint32_t from_be32(uint32_t v) noexcept { return to_be32(v); }
constexpr uint64_t from_be64(uint64_t v) noexcept { return to_be64(v); }

// ---------------------------------------------------------------------------
// Constants. The values are the same on x86-64, i386 and arm64 (all three use
// the generic socket numbering; only alpha, mips, parisc and sparc differ).

// AF_*: address families (sa_family_t). Hand-written: the kernel keeps them
// internal (include/linux/socket.h); one value everywhere.
namespace af {
enum class family : unsigned short {};
inline constexpr family unspec{0};
inline constexpr family local{1};
// AF_UNIX; `unix` is a predefined macro in GNU modes.
inline constexpr family unix_{1};
inline constexpr family inet{2};
inline constexpr family inet6{10};
inline constexpr family netlink{16};
inline constexpr family packet{17};
inline constexpr family can{29};
inline constexpr family tipc{30};
inline constexpr family bluetooth{31};
inline constexpr family alg{38};
inline constexpr family vsock{40};
inline constexpr family xdp{44};
}  // namespace af

// SOCK_*: a socket type, optionally or-ed with nonblock and cloexec (socket,
// socketpair); accept4 takes only the two flags. The kernel keeps the types
// internal (include/linux/net.h): stream and dgram, which mips swaps, come
// from the generator's table of such values; the others are one value everywhere.
namespace sock {
enum class flags : unsigned {
  none = 0,
  stream = uapi::sock_stream,
  dgram = uapi::sock_dgram,
  raw = 3,
  rdm = 4,
  seqpacket = 5,
  dccp = 6,
  packet = 10,
  nonblock = uapi::sock_nonblock,
  cloexec = uapi::sock_cloexec,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace sock

// IPPROTO_*: protocol numbers for socket()'s third argument.
namespace ipproto {
inline constexpr int ip = 0;
inline constexpr int icmp = 1;
inline constexpr int tcp = 6;
inline constexpr int udp = 17;
inline constexpr int ipv6 = 41;
inline constexpr int icmpv6 = 58;
inline constexpr int raw = 255;
}  // namespace ipproto

// MSG_*: flags for send*/recv* (and msghdr::flags on return from recvmsg).
// Hand-written: the kernel keeps them internal (include/linux/socket.h); one
// value everywhere.
namespace msg {
enum class flags : unsigned {
  none = 0,
  oob = 0x1,
  peek = 0x2,
  dontroute = 0x4,
  ctrunc = 0x8,
  proxy = 0x10,
  trunc = 0x20,
  dontwait = 0x40,
  eor = 0x80,
  waitall = 0x100,
  fin = 0x200,
  syn = 0x400,
  confirm = 0x800,
  rst = 0x1000,
  errqueue = 0x2000,
  nosignal = 0x4000,
  more = 0x8000,
  waitforone = 0x10000,
  batch = 0x40000,
  zerocopy = 0x4000000,
  fastopen = 0x20000000,
  cmsg_cloexec = 0x40000000,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace msg

// SHUT_*: shutdown()'s second argument. Hand-written: only the C library
// names them.
namespace shut {
enum class how : int {
  rd = 0,
  wr = 1,
  rdwr = 2,
};
using enum how;
}  // namespace shut

// SOL_*: option and control message levels. SOL_SOCKET is per ISA (mips:
// 0xffff); the others are hand-written: the kernel keeps them internal
// (include/linux/socket.h) and they equal the protocol numbers.
namespace sol {
enum class level : int {
  ip = 0,
  socket = uapi::sol_socket,
  tcp = 6,
  udp = 17,
  ipv6 = 41,
  raw = 255,
};
using enum level;
}  // namespace sol

// SO_*: options at sol::socket.
namespace so {
enum class option : int {
  debug = uapi::so_debug,
  reuseaddr = uapi::so_reuseaddr,
  type = uapi::so_type,
  error = uapi::so_error,
  dontroute = uapi::so_dontroute,
  broadcast = uapi::so_broadcast,
  sndbuf = uapi::so_sndbuf,
  rcvbuf = uapi::so_rcvbuf,
  keepalive = uapi::so_keepalive,
  oobinline = uapi::so_oobinline,
  no_check = uapi::so_no_check,
  priority = uapi::so_priority,
  linger = uapi::so_linger,
  reuseport = uapi::so_reuseport,
  passcred = uapi::so_passcred,
  peercred = uapi::so_peercred,
  rcvlowat = uapi::so_rcvlowat,
  sndlowat = uapi::so_sndlowat,
  rcvtimeo_old = uapi::so_rcvtimeo_old,
  sndtimeo_old = uapi::so_sndtimeo_old,
  bindtodevice = uapi::so_bindtodevice,
  timestamp_old = uapi::so_timestamp_old,
  acceptconn = uapi::so_acceptconn,
  peersec = uapi::so_peersec,
  sndbufforce = uapi::so_sndbufforce,
  rcvbufforce = uapi::so_rcvbufforce,
  passsec = uapi::so_passsec,
  mark = uapi::so_mark,
  protocol = uapi::so_protocol,
  domain = uapi::so_domain,
  peek_off = uapi::so_peek_off,
  busy_poll = uapi::so_busy_poll,
  incoming_cpu = uapi::so_incoming_cpu,
  cookie = uapi::so_cookie,
  peergroups = uapi::so_peergroups,
  zerocopy = uapi::so_zerocopy,
  rcvtimeo_new = uapi::so_rcvtimeo_new,
  sndtimeo_new = uapi::so_sndtimeo_new,
  passpidfd = uapi::so_passpidfd,
  peerpidfd = uapi::so_peerpidfd,
};
using enum option;
}  // namespace so

// TCP_*: options at sol::tcp.
namespace tcp {
enum class option : int {
  nodelay = uapi::tcp_nodelay,
  maxseg = uapi::tcp_maxseg,
  cork = uapi::tcp_cork,
  keepidle = uapi::tcp_keepidle,
  keepintvl = uapi::tcp_keepintvl,
  keepcnt = uapi::tcp_keepcnt,
  syncnt = uapi::tcp_syncnt,
  linger2 = uapi::tcp_linger2,
  defer_accept = uapi::tcp_defer_accept,
  window_clamp = uapi::tcp_window_clamp,
  quickack = uapi::tcp_quickack,
  user_timeout = uapi::tcp_user_timeout,
  fastopen = uapi::tcp_fastopen,
};
using enum option;
}  // namespace tcp

// IP_*: options at sol::ip.
namespace ip {
enum class option : int {
  tos = uapi::ip_tos,
  ttl = uapi::ip_ttl,
  hdrincl = uapi::ip_hdrincl,
  pktinfo = uapi::ip_pktinfo,
  recverr = uapi::ip_recverr,
  recvtos = uapi::ip_recvtos,
  freebind = uapi::ip_freebind,
};
using enum option;
}  // namespace ip

// IPV6_*: options at sol::ipv6.
namespace ipv6 {
enum class option : int {
  unicast_hops = uapi::ipv6_unicast_hops,
  recverr = uapi::ipv6_recverr,
  v6only = uapi::ipv6_v6only,
  recvpktinfo = uapi::ipv6_recvpktinfo,
  tclass = uapi::ipv6_tclass,
};
using enum option;
}  // namespace ipv6

// SCM_*: control message types at sol::socket.
namespace scm {
inline constexpr int rights = 1;
inline constexpr int credentials = 2;
inline constexpr int security = 3;
inline constexpr int pidfd = 4;
}  // namespace scm

// INADDR_*: IPv4 addresses in host byte order.
namespace inaddr {
inline constexpr uint32_t any = 0x00000000u;
inline constexpr uint32_t loopback = 0x7f000001u;
inline constexpr uint32_t broadcast = 0xffffffffu;
}  // namespace inaddr

// ---------------------------------------------------------------------------
// Addresses: the kernel's layouts (uapi linux/socket.h, linux/in.h,
// linux/in6.h, linux/un.h), the same on all three architectures. Ports and
// IPv4 addresses are stored in network byte order, as the kernel reads them.

struct sockaddr {
  uint16_t family;
  char data[14];
};

struct sockaddr_in {
  uint16_t family;
  uint16_t port;           // network order
  uint32_t addr;           // network order
  unsigned char zero[8];
};

struct sockaddr_in6 {
  uint16_t family;
  uint16_t port;           // network order
  uint32_t flowinfo;       // network order
  unsigned char addr[16];  // network order
  uint32_t scope_id;
};

inline constexpr size_t unix_path_max = 108;

struct sockaddr_un {
  uint16_t family;
  char path[unix_path_max];
};

// __kernel_sockaddr_storage: big enough and aligned for every family.
struct alignas(alignof(void*)) sockaddr_storage {
  uint16_t family;
  char data[126];
};

// An IPv4 address; addr and port in host order.
constexpr sockaddr_in make_sockaddr_in(uint32_t addr, uint16_t port) noexcept {
  return {static_cast<uint16_t>(af::inet), to_be16(port), to_be32(addr), {}};
}

// An IPv6 address; addr in network order (as written), port in host order.
constexpr sockaddr_in6 make_sockaddr_in6(const unsigned char (&addr)[16], uint16_t port,
                                         uint32_t scope_id = 0) noexcept {
  sockaddr_in6 a{static_cast<uint16_t>(af::inet6), to_be16(port), 0, {}, scope_id};
  for (int i = 0; i < 16; ++i) a.addr[i] = addr[i];
  return a;
}

// ::1
inline constexpr unsigned char in6addr_loopback_bytes[16] = {0, 0, 0, 0, 0, 0, 0, 0,
                                                             0, 0, 0, 0, 0, 0, 0, 1};

// Any socket address and its length: what bind, connect and sendto take and
// what accept4, getsockname, getpeername and recvfrom fill in. Every member
// of the union begins with the family, so reading `sa.family` is always valid.
struct sockaddr_any {
  union {
    sockaddr_storage storage{};
    sockaddr sa;
    sockaddr_in in4;
    sockaddr_in6 in6;
    sockaddr_un un;
  };
  uint32_t len = sizeof(sockaddr_storage);

  constexpr sockaddr_any() noexcept {}
  constexpr sockaddr_any(const sockaddr_in& a) noexcept : in4(a), len(sizeof a) {}
  constexpr sockaddr_any(const sockaddr_in6& a) noexcept : in6(a), len(sizeof a) {}
  // A unix address and its length (offsetof(sockaddr_un, path) + name bytes).
  constexpr sockaddr_any(const sockaddr_un& a, uint32_t n) noexcept : un(a), len(n) {}

  constexpr af::family family() const noexcept { return af::family{sa.family}; }
  const sockaddr* get() const noexcept { return &sa; }
  sockaddr* get() noexcept { return &sa; }
  // The port in host order for inet and inet6, otherwise 0.
  constexpr uint16_t port() const noexcept {
    if (family() == af::inet) return from_be16(in4.port);
    if (family() == af::inet6) return from_be16(in6.port);
    return 0;
  }
  // For af::unix_: the bytes of the name after the family (with its NUL for a
  // path, with the leading NUL for an abstract name; 0 when unnamed).
  constexpr size_t unix_name_size() const noexcept {
    return len > offsetof(sockaddr_un, path) ? len - offsetof(sockaddr_un, path) : 0;
  }
  constexpr bool is_unix_abstract() const noexcept { return unix_name_size() > 0 && un.path[0] == 0; }

  // A filesystem path; ENAMETOOLONG unless it fits with its NUL.
  static constexpr result<sockaddr_any> unix_path(const char* path) noexcept {
    sockaddr_un a{static_cast<uint16_t>(af::unix_), {}};
    size_t n = 0;
    for (; path[n]; ++n) {
      if (n + 1 >= unix_path_max) return unexpected(errc::enametoolong);
      a.path[n] = path[n];
    }
    return sockaddr_any(a, static_cast<uint32_t>(offsetof(sockaddr_un, path) + n + 1));
  }
  // An abstract name: a NUL, then n bytes (no terminator); ENAMETOOLONG when
  // n > 107.
  static constexpr result<sockaddr_any> unix_abstract(const char* name, size_t n) noexcept {
    if (n + 1 > unix_path_max) return unexpected(errc::enametoolong);
    sockaddr_un a{static_cast<uint16_t>(af::unix_), {}};
    for (size_t i = 0; i < n; ++i) a.path[i + 1] = name[i];
    return sockaddr_any(a, static_cast<uint32_t>(offsetof(sockaddr_un, path) + 1 + n));
  }
  template <size_t N>
  static constexpr result<sockaddr_any> unix_abstract(const char (&name)[N]) noexcept {
    return unix_abstract(name, N - 1);
  }
};

// ---------------------------------------------------------------------------
// Messages: the kernel's user_msghdr, mmsghdr and cmsghdr, whose sizes follow
// the architecture's long (56/64/16 bytes on x86-64 and arm64, 28/32/12 on
// i386).

struct msghdr {
  void* name;          // address, or nullptr
  uint32_t namelen;    // recvmsg: set to the address's length
  iovec* iov;
  size_t iovlen;
  void* control;       // control messages (see cmsg_builder, cmsg_reader)
  size_t controllen;   // recvmsg: set to the bytes used
  msg::flags flags;    // recvmsg: msg::trunc, msg::ctrunc, ...
};

struct mmsghdr {
  msghdr hdr;
  unsigned len;        // bytes sent or received for this message
};

struct cmsghdr {
  size_t len;          // header and data, without trailing padding
  int level;
  int type;
};

// CMSG_ALIGN, CMSG_LEN and CMSG_SPACE exactly as the kernel computes them:
// aligned to sizeof(long).
constexpr size_t cmsg_align(size_t n) noexcept {
  return (n + sizeof(long) - 1) & ~(sizeof(long) - 1);
}
constexpr size_t cmsg_len(size_t data) noexcept { return cmsg_align(sizeof(cmsghdr)) + data; }
constexpr size_t cmsg_space(size_t data) noexcept {
  return cmsg_align(sizeof(cmsghdr)) + cmsg_align(data);
}
template <class = void>
inline auto cmsg_data(cmsghdr* c) noexcept -> unsigned char* {
  return reinterpret_cast<unsigned char*>(c) + cmsg_align(sizeof(cmsghdr));
}
template <class = void>
inline auto cmsg_data(const cmsghdr* c) noexcept -> const unsigned char* {
  return reinterpret_cast<const unsigned char*>(c) + cmsg_align(sizeof(cmsghdr));
}
// The data bytes of a control message (0 when its length is too short).
template <class = void>
inline auto cmsg_data_size(const cmsghdr* c) noexcept -> size_t {
  return c->len > cmsg_len(0) ? c->len - cmsg_len(0) : 0;
}

// Appends control messages to a caller's buffer; msghdr::control and
// controllen take data() and size(). Each message takes cmsg_space(n) bytes,
// padding zeroed. The start is aligned up to cmsghdr's alignment.
class cmsg_builder {
 public:
  explicit cmsg_builder(buffer control) noexcept {
    auto p = reinterpret_cast<uintptr_t>(control.data);
    const uintptr_t aligned = (p + alignof(cmsghdr) - 1) & ~uintptr_t{alignof(cmsghdr) - 1};
    const size_t skip = aligned - p;
    begin_ = reinterpret_cast<unsigned char*>(aligned);
    cap_ = control.size > skip ? control.size - skip : 0;
  }

  // Room for a message with n data bytes: a pointer to fill them, or
  // nullptr when it does not fit.
  unsigned char* add(sol::level level, int type, size_t n) noexcept {
    const size_t space = cmsg_space(n);
    if (n > cap_ || space > cap_ - used_) return nullptr;
    unsigned char* at = begin_ + used_;
    for (size_t i = 0; i < space; ++i) at[i] = 0;
    auto* c = ::new (static_cast<void*>(at), detail::placement{}) cmsghdr{cmsg_len(n), static_cast<int>(level), type};
    used_ += space;
    return cmsg_data(c);
  }
  bool add(sol::level level, int type, const_buffer data) noexcept {
    unsigned char* d = add(level, type, data.size);
    if (!d) return false;
    const auto* s = static_cast<const unsigned char*>(data.data);
    for (size_t i = 0; i < data.size; ++i) d[i] = s[i];
    return true;
  }
  // SCM_RIGHTS: pass descriptors (the receiver gets new descriptors to them).
  bool add_rights(const int* fds, size_t n) noexcept {
    return add(sol::socket, scm::rights, const_buffer(fds, n * sizeof(int)));
  }
  bool add_rights(fd f) noexcept {
    const int n = f.get();
    return add_rights(&n, 1);
  }

  void* data() const noexcept { return begin_; }
  size_t size() const noexcept { return used_; }

 private:
  unsigned char* begin_;
  size_t cap_;
  size_t used_ = 0;
};

// Walks the control messages in a buffer as CMSG_FIRSTHDR/CMSG_NXTHDR do,
// and stops at a header whose length is too short or runs past the end.
class cmsg_reader {
 public:
  cmsg_reader(const void* control, size_t controllen) noexcept
      : begin_(static_cast<const unsigned char*>(control)), size_(control ? controllen : 0) {}
  explicit cmsg_reader(const msghdr& m) noexcept : cmsg_reader(m.control, m.controllen) {}

  const cmsghdr* first() const noexcept { return check(0); }
  const cmsghdr* next(const cmsghdr* c) const noexcept {
    const size_t at = static_cast<size_t>(reinterpret_cast<const unsigned char*>(c) - begin_);
    return check(at + cmsg_align(c->len));
  }

  class iterator {
   public:
    iterator(const cmsg_reader* r, const cmsghdr* c) noexcept : r_(r), c_(c) {}
    const cmsghdr& operator*() const noexcept { return *c_; }
    const cmsghdr* operator->() const noexcept { return c_; }
    iterator& operator++() noexcept { return c_ = r_->next(c_), *this; }
    friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.c_ == b.c_; }

   private:
    const cmsg_reader* r_;
    const cmsghdr* c_;
  };
  iterator begin() const noexcept { return {this, first()}; }
  iterator end() const noexcept { return {this, nullptr}; }

 private:
  const cmsghdr* check(size_t at) const noexcept {
    if (at > size_ || size_ - at < sizeof(cmsghdr)) return nullptr;
    const auto* c = reinterpret_cast<const cmsghdr*>(begin_ + at);
    if (c->len < sizeof(cmsghdr) || c->len > size_ - at) return nullptr;
    return c;
  }
  const unsigned char* begin_;
  size_t size_;
};

// The descriptors of an SCM_RIGHTS message: copies up to max of them to out
// and returns how many it holds (0 for any other message).
template <class = void>
inline auto cmsg_rights(const cmsghdr& c, int* out, size_t max) noexcept -> size_t {
  if (c.level != static_cast<int>(sol::socket) || c.type != scm::rights) return 0;
  const size_t n = cmsg_data_size(&c) / sizeof(int);
  const unsigned char* in = cmsg_data(&c);
  for (size_t i = 0; i < n && i < max; ++i) __builtin_memcpy(&out[i], in + i * sizeof(int), sizeof(int));
  return n;
}

// SO_PEERCRED's value (struct ucred).
struct ucred {
  int32_t pid;
  uint32_t uid;
  uint32_t gid;
};

// ---------------------------------------------------------------------------
// The calls.

// socket(2): int socket(int domain, int type, int protocol);
template <class = void>
inline result<unique_fd> socket(af::family domain, sock::flags type, int protocol = 0) noexcept {
  return detail::as_fd(syscall(nr::socket, domain, type, protocol));
}

// Two connected sockets.
struct socket_pair {
  unique_fd first;
  unique_fd second;
};

// socketpair(2): int socketpair(int domain, int type, int protocol, int sv[2]);
template <class = void>
inline result<socket_pair> socketpair(af::family domain, sock::flags type, int protocol = 0) noexcept {
  int sv[2] = {-1, -1};
  const auto r = syscall(nr::socketpair, domain, type, protocol, sv);
  if (!r) return unexpected(r.error());
  return socket_pair{unique_fd(sv[0]), unique_fd(sv[1])};
}

// bind(2): int bind(int fd, struct sockaddr *umyaddr, int addrlen);
template <class = void>
inline result<void> bind(fd sockfd, const sockaddr* addr, uint32_t addrlen) noexcept {
  return detail::as_void(syscall(nr::bind, sockfd.get(), addr, addrlen));
}
template <class = void>
inline result<void> bind(fd sockfd, const sockaddr_any& addr) noexcept {
  return bind(sockfd, addr.get(), addr.len);
}

// listen(2): int listen(int fd, int backlog);
template <class = void>
inline result<void> listen(fd sockfd, int backlog) noexcept {
  return detail::as_void(syscall(nr::listen, sockfd.get(), backlog));
}

// accept4(2): int accept4(int fd, struct sockaddr *upeer_sockaddr, int *upeer_addrlen, int flags);
// (accept is accept4 with no flags; i386 has only accept4 as a direct call.)
template <class = void>
inline result<unique_fd> accept4(fd sockfd, sockaddr* addr, uint32_t* addrlen, sock::flags flags) noexcept {
  return detail::as_fd(syscall(nr::accept4, sockfd.get(), addr, addrlen, flags));
}
template <class = void>
inline result<unique_fd> accept4(fd sockfd, sock::flags flags = sock::none) noexcept {
  return accept4(sockfd, nullptr, nullptr, flags);
}
template <class = void>
inline result<unique_fd> accept4(fd sockfd, sockaddr_any& peer, sock::flags flags = sock::none) noexcept {
  peer.len = sizeof(sockaddr_storage);
  return accept4(sockfd, peer.get(), &peer.len, flags);
}

// connect(2): int connect(int fd, struct sockaddr *uservaddr, int addrlen);
template <class = void>
inline result<void> connect(fd sockfd, const sockaddr* addr, uint32_t addrlen) noexcept {
  return detail::as_void(syscall(nr::connect, sockfd.get(), addr, addrlen));
}
template <class = void>
inline result<void> connect(fd sockfd, const sockaddr_any& addr) noexcept {
  return connect(sockfd, addr.get(), addr.len);
}

// getsockname(2): int getsockname(int fd, struct sockaddr *usockaddr, int *usockaddr_len);
template <class = void>
inline result<void> getsockname(fd sockfd, sockaddr* addr, uint32_t* addrlen) noexcept {
  return detail::as_void(syscall(nr::getsockname, sockfd.get(), addr, addrlen));
}
template <class = void>
inline result<sockaddr_any> getsockname(fd sockfd) noexcept {
  sockaddr_any a;
  const auto r = getsockname(sockfd, a.get(), &a.len);
  if (!r) return unexpected(r.error());
  return a;
}

// getpeername(2): int getpeername(int fd, struct sockaddr *usockaddr, int *usockaddr_len);
template <class = void>
inline result<void> getpeername(fd sockfd, sockaddr* addr, uint32_t* addrlen) noexcept {
  return detail::as_void(syscall(nr::getpeername, sockfd.get(), addr, addrlen));
}
template <class = void>
inline result<sockaddr_any> getpeername(fd sockfd) noexcept {
  sockaddr_any a;
  const auto r = getpeername(sockfd, a.get(), &a.len);
  if (!r) return unexpected(r.error());
  return a;
}

// sendto(2): ssize_t sendto(int fd, void *buff, size_t len, unsigned int flags, struct sockaddr *addr, int addr_len);
// (send is sendto with no address.)
template <class = void>
inline result<size_t> sendto(fd sockfd, const void* buf, size_t len, msg::flags flags, const sockaddr* addr, uint32_t addrlen) noexcept {
  return detail::as_count<size_t>(syscall(nr::sendto, sockfd.get(), buf, len, flags, addr, addrlen));
}
template <class = void>
inline result<size_t> sendto(fd sockfd, const_buffer b, msg::flags flags = msg::none) noexcept {
  return sendto(sockfd, b.data, b.size, flags, nullptr, 0);
}
template <class = void>
inline result<size_t> sendto(fd sockfd, const_buffer b, msg::flags flags, const sockaddr_any& to) noexcept {
  return sendto(sockfd, b.data, b.size, flags, to.get(), to.len);
}

// recvfrom(2): ssize_t recvfrom(int fd, void *ubuf, size_t size, unsigned int flags, struct sockaddr *addr, int *addr_len);
// (recv is recvfrom with no address.)
template <class = void>
inline result<size_t> recvfrom(fd sockfd, void* buf, size_t len, msg::flags flags, sockaddr* addr, uint32_t* addrlen) noexcept {
  return detail::as_count<size_t>(syscall(nr::recvfrom, sockfd.get(), buf, len, flags, addr, addrlen));
}
template <class = void>
inline result<size_t> recvfrom(fd sockfd, buffer b, msg::flags flags = msg::none) noexcept {
  return recvfrom(sockfd, b.data, b.size, flags, nullptr, nullptr);
}
template <class = void>
inline result<size_t> recvfrom(fd sockfd, buffer b, msg::flags flags, sockaddr_any& from) noexcept {
  from.len = sizeof(sockaddr_storage);
  return recvfrom(sockfd, b.data, b.size, flags, from.get(), &from.len);
}

// sendmsg(2): ssize_t sendmsg(int fd, struct user_msghdr *msg, unsigned int flags);
template <class = void>
inline result<size_t> sendmsg(fd sockfd, const msghdr* m, msg::flags flags = msg::none) noexcept {
  return detail::as_count<size_t>(syscall(nr::sendmsg, sockfd.get(), m, flags));
}

// recvmsg(2): ssize_t recvmsg(int fd, struct user_msghdr *msg, unsigned int flags);
template <class = void>
inline result<size_t> recvmsg(fd sockfd, msghdr* m, msg::flags flags = msg::none) noexcept {
  return detail::as_count<size_t>(syscall(nr::recvmsg, sockfd.get(), m, flags));
}

// sendmmsg(2): int sendmmsg(int fd, struct mmsghdr *mmsg, unsigned int vlen, unsigned int flags);
// Returns how many messages were sent; each mmsghdr::len says how many bytes.
template <class = void>
inline result<unsigned> sendmmsg(fd sockfd, mmsghdr* vec, unsigned vlen, msg::flags flags = msg::none) noexcept {
  return detail::as_count<unsigned>(syscall(nr::sendmmsg, sockfd.get(), vec, vlen, flags));
}

// recvmmsg(2): int recvmmsg(int fd, struct mmsghdr *mmsg, unsigned int vlen, unsigned int flags, struct __kernel_timespec *timeout);
// The kernel writes the time left back to *timeout. 32-bit ISAs:
// recvmmsg_time64, and recvmmsg with a 32-bit timespec on a kernel without
// it (EOVERFLOW when the timeout does not fit).
template <class = void>
inline result<unsigned> recvmmsg(fd sockfd, mmsghdr* vec, unsigned vlen, msg::flags flags, timespec* timeout) noexcept {
  const result<long> r = syscall(sys::recvmmsg, sockfd.get(), vec, vlen, flags, timeout);
  return detail::as_count<unsigned>(detail::or_old_timeout(r, timeout, [&](const detail::old_timespec* old) {
    const result<long> r32 = syscall(sys::time32::recvmmsg, sockfd.get(), vec, vlen, flags, old);
    if (old) *timeout = detail::widen(*old);
    return r32;
  }));
}
template <class = void>
inline result<unsigned> recvmmsg(fd sockfd, mmsghdr* vec, unsigned vlen, msg::flags flags = msg::none) noexcept {
  return recvmmsg(sockfd, vec, vlen, flags, nullptr);
}

// shutdown(2): int shutdown(int fd, int how);
template <class = void>
inline result<void> shutdown(fd sockfd, shut::how how) noexcept {
  return detail::as_void(syscall(nr::shutdown, sockfd.get(), how));
}

// setsockopt(2): int setsockopt(int fd, int level, int optname, char *optval, int optlen);
template <class = void>
inline result<void> setsockopt(fd sockfd, sol::level level, int optname, const void* optval, uint32_t optlen) noexcept {
  return detail::as_void(syscall(nr::setsockopt, sockfd.get(), level, optname, optval, optlen));
}
// An int option at its level.
template <class = void>
inline result<void> setsockopt(fd sockfd, so::option name, int value) noexcept {
  return setsockopt(sockfd, sol::socket, static_cast<int>(name), &value, sizeof value);
}
template <class = void>
inline result<void> setsockopt(fd sockfd, tcp::option name, int value) noexcept {
  return setsockopt(sockfd, sol::tcp, static_cast<int>(name), &value, sizeof value);
}
template <class = void>
inline result<void> setsockopt(fd sockfd, ip::option name, int value) noexcept {
  return setsockopt(sockfd, sol::ip, static_cast<int>(name), &value, sizeof value);
}
template <class = void>
inline result<void> setsockopt(fd sockfd, ipv6::option name, int value) noexcept {
  return setsockopt(sockfd, sol::ipv6, static_cast<int>(name), &value, sizeof value);
}

// getsockopt(2): int getsockopt(int fd, int level, int optname, char *optval, int *optlen);
template <class = void>
inline result<void> getsockopt(fd sockfd, sol::level level, int optname, void* optval, uint32_t* optlen) noexcept {
  return detail::as_void(syscall(nr::getsockopt, sockfd.get(), level, optname, optval, optlen));
}

namespace detail {
template <class = void>
inline result<int> getsockopt_int(fd sockfd, sol::level level, int optname) noexcept {
  int v = 0;
  uint32_t len = sizeof v;
  const auto r = getsockopt(sockfd, level, optname, &v, &len);
  if (!r) return unexpected(r.error());
  return v;
}
}  // namespace detail

// An int option at its level.
template <class = void>
inline result<int> getsockopt(fd sockfd, so::option name) noexcept {
  return detail::getsockopt_int(sockfd, sol::socket, static_cast<int>(name));
}
template <class = void>
inline result<int> getsockopt(fd sockfd, tcp::option name) noexcept {
  return detail::getsockopt_int(sockfd, sol::tcp, static_cast<int>(name));
}
template <class = void>
inline result<int> getsockopt(fd sockfd, ip::option name) noexcept {
  return detail::getsockopt_int(sockfd, sol::ip, static_cast<int>(name));
}
template <class = void>
inline result<int> getsockopt(fd sockfd, ipv6::option name) noexcept {
  return detail::getsockopt_int(sockfd, sol::ipv6, static_cast<int>(name));
}

}  // namespace rawsys
