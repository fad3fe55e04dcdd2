// The core: every arity reaches the kernel with each register intact, errors
// decode to the same errno glibc reports, the tables match this arch's system
// headers, and errno names and texts match glibc.
#include "support.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include <rawsys/nr/all.hpp>

#include <string>
#include <string_view>

#include "generated/errno_vs_system.hpp"
#include "generated/nr_vs_system.hpp"

using rawsys::errc;
using rawsys::nr;
using rawsys_test::glibc;

namespace {

struct pipe_fds {
  int r = -1, w = -1;
  pipe_fds() {
    int p[2];
    REQUIRE(::pipe(p) == 0);
    r = p[0];
    w = p[1];
  }
  ~pipe_fds() {
    ::close(r);
    ::close(w);
  }
};

// A page that was mapped and is not any more.
void* unmapped_page() {
  void* p = ::mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(p != MAP_FAILED);
  ::munmap(p, 4096);
  return p;
}

}  // namespace

TEST_CASE("arity 0: getpid") {
  CHECK(rawsys::syscall(nr::getpid) == static_cast<long>(::getpid()));
  CHECK(rawsys::raw::syscall(static_cast<long>(nr::getpid)) == ::syscall(SYS_getpid));
}

TEST_CASE("arity 1: umask returns the mask it was given last") {
  const mode_t before = ::umask(0);
  CHECK(rawsys::syscall(nr::umask, 0027) == 0);
  CHECK(::umask(before) == 0027);  // the argument arrived
}

TEST_CASE("arity 2: getcwd fills the buffer and honours the size") {
  char mine[4096], theirs[4096];
  auto r = rawsys::syscall(nr::getcwd, mine, sizeof mine);
  REQUIRE(r.has_value());
  REQUIRE(::getcwd(theirs, sizeof theirs) != nullptr);
  CHECK(std::string_view(mine) == std::string_view(theirs));
  CHECK(*r == static_cast<long>(std::string_view(theirs).size() + 1));
  // A one-byte buffer: ERANGE, as glibc's syscall() says.
  CHECK(rawsys::syscall(nr::getcwd, mine, 1u) == rawsys::unexpected(errc::erange));
  CHECK(rawsys::syscall(nr::getcwd, mine, 1u) == glibc(::syscall(SYS_getcwd, mine, 1)));
}

TEST_CASE("arity 3: write and read through a pipe") {
  pipe_fds p;
  CHECK(rawsys::syscall(nr::write, p.w, "abcdef", 4u) == 4);
  char buf[8] = {};
  CHECK(rawsys::syscall(nr::read, p.r, buf, 3u) == 3);
  CHECK(std::string_view(buf, 3) == "abc");
  CHECK(::read(p.r, buf, sizeof buf) == 1);
  CHECK(buf[0] == 'd');
}

TEST_CASE("arity 4: rt_sigprocmask checks the fourth register (sigsetsize)") {
  sigset_t block, old, now;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR2);
  constexpr unsigned kernel_sigset = 8;  // _NSIG / 8 on all three
  CHECK(rawsys::syscall(nr::rt_sigprocmask, SIG_BLOCK, &block, &old, kernel_sigset) == 0);
  REQUIRE(::sigprocmask(SIG_SETMASK, nullptr, &now) == 0);
  CHECK(sigismember(&now, SIGUSR2) == 1);
  CHECK(rawsys::syscall(nr::rt_sigprocmask, SIG_SETMASK, &old, nullptr, kernel_sigset) == 0);
  REQUIRE(::sigprocmask(SIG_SETMASK, nullptr, &now) == 0);
  CHECK(sigismember(&now, SIGUSR2) == sigismember(&old, SIGUSR2));
  // A wrong size is EINVAL: the fourth register arrived.
  CHECK(rawsys::syscall(nr::rt_sigprocmask, SIG_BLOCK, &block, nullptr, 4u) ==
        rawsys::unexpected(errc::einval));
  CHECK(rawsys::syscall(nr::rt_sigprocmask, SIG_BLOCK, &block, nullptr, 4u) ==
        glibc(::syscall(SYS_rt_sigprocmask, SIG_BLOCK, &block, nullptr, 4)));
}

TEST_CASE("arity 5: mremap moves to the fifth argument's address") {
  char* src = static_cast<char*>(::mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  char* dst = static_cast<char*>(::mmap(nullptr, 8192, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  REQUIRE(src != MAP_FAILED);
  REQUIRE(dst != MAP_FAILED);
  src[0] = 'x';
  char* target = dst + 4096;
  auto r = rawsys::syscall(nr::mremap, src, 4096u, 4096u, MREMAP_MAYMOVE | MREMAP_FIXED, target);
  REQUIRE(r.has_value());
  CHECK(reinterpret_cast<char*>(*r) == target);
  CHECK(target[0] == 'x');
  ::munmap(dst, 8192);
}

TEST_CASE("arity 6: mmap of a memfd's second page at a chosen address") {
  if constexpr (rawsys::abi::mmap == rawsys::abi::mmap_kind::argblock) {
    MESSAGE("mmap here is old_mmap, one pointer to six values (memory_test.cpp): sendto proves the sixth register");
    return;
  }
  const int fd = static_cast<int>(::syscall(SYS_memfd_create, "rawsys-test", 0));
  REQUIRE(fd >= 0);
  REQUIRE(::ftruncate(fd, 8192) == 0);
  REQUIRE(::pwrite(fd, "second", 6, 4096) == 6);
  char* hint = static_cast<char*>(::mmap(nullptr, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  REQUIRE(hint != MAP_FAILED);
  ::munmap(hint, 4096);
#if defined(__i386__) || defined(__arm__)
  const auto call = nr::mmap2;
  const unsigned long offset = 1;  // mmap2 counts in 4096-byte units
#else
  const auto call = nr::mmap;
  const unsigned long offset = 4096;
#endif
  auto r = rawsys::syscall(call, hint, 4096u, PROT_READ, MAP_SHARED | MAP_FIXED_NOREPLACE, fd, offset);
  REQUIRE(r.has_value());
  const char* p = reinterpret_cast<const char*>(*r);
  CHECK(p == hint);                                    // first and fourth arrived
  CHECK(std::string_view(p, 6) == "second");          // fifth and sixth arrived
  CHECK(rawsys::syscall(nr::munmap, p, 4096u) == 0);
  // The same call with a bad descriptor: EBADF from both.
  auto bad = rawsys::syscall(call, nullptr, 4096u, PROT_READ, MAP_SHARED, -1, offset);
  CHECK(bad == rawsys::unexpected(errc::ebadf));
  CHECK(bad == glibc(::syscall(static_cast<long>(call), nullptr, 4096, PROT_READ, MAP_SHARED, -1, offset)));
  ::close(fd);
}

TEST_CASE("arity 6: sendto's sixth argument, the address length, picks the receiver") {
  // Two datagram sockets bound to abstract names, one a prefix of the other:
  // only the length tells the two destinations apart.
  const std::string name = std::string(1, '\0') + "rawsys-arity6-" + std::to_string(::getpid());
  const auto address = [](const std::string& n) {
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    n.copy(a.sun_path, n.size());
    return a;
  };
  const socklen_t len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size());
  const sockaddr_un shorter = address(name), longer = address(name + "x");
  const int rs = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0), rl = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  const int s = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  REQUIRE(rs >= 0);
  REQUIRE(rl >= 0);
  REQUIRE(s >= 0);
  REQUIRE(::bind(rs, reinterpret_cast<const sockaddr*>(&shorter), len) == 0);
  REQUIRE(::bind(rl, reinterpret_cast<const sockaddr*>(&longer), len + 1) == 0);
  CHECK(rawsys::syscall(nr::sendto, s, "S", 1u, MSG_DONTWAIT, &longer, len) == 1);
  CHECK(rawsys::syscall(nr::sendto, s, "L", 1u, MSG_DONTWAIT, &longer, len + 1) == 1);
  char c = 0;
  CHECK(::recv(rs, &c, 1, MSG_DONTWAIT) == 1);
  CHECK(c == 'S');
  CHECK(::recv(rl, &c, 1, MSG_DONTWAIT) == 1);
  CHECK(c == 'L');
  // A length beyond sockaddr_un: EINVAL from both.
  const socklen_t too_long = sizeof(sockaddr_un) + 1;
  CHECK(rawsys::syscall(nr::sendto, s, "X", 1u, 0, &longer, too_long) == rawsys::unexpected(errc::einval));
  CHECK(rawsys::syscall(nr::sendto, s, "X", 1u, 0, &longer, too_long) ==
        glibc(::syscall(SYS_sendto, s, "X", 1, 0, &longer, too_long)));
  ::close(s);
  ::close(rl);
  ::close(rs);
}

TEST_CASE("errors match glibc's syscall()") {
  pipe_fds p;
  SUBCASE("EBADF") {
    CHECK(rawsys::syscall(nr::close, -1) == rawsys::unexpected(errc::ebadf));
    CHECK(rawsys::syscall(nr::close, -1) == glibc(::syscall(SYS_close, -1)));
  }
  SUBCASE("EFAULT: a pointer to an unmapped page") {
    void* gone = unmapped_page();
    CHECK(rawsys::syscall(nr::write, p.w, gone, 1u) == rawsys::unexpected(errc::efault));
    CHECK(rawsys::syscall(nr::write, p.w, gone, 1u) == glibc(::syscall(SYS_write, p.w, gone, 1)));
  }
  SUBCASE("EINVAL") {
    const int fd = ::open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    CHECK(rawsys::syscall(nr::lseek, fd, 0, 99) == rawsys::unexpected(errc::einval));
    CHECK(rawsys::syscall(nr::lseek, fd, 0, 99) == glibc(::syscall(SYS_lseek, fd, 0, 99)));
    ::close(fd);
  }
  SUBCASE("ENOENT") {
    const char* path = "/nonexistent/rawsys";
    CHECK(rawsys::syscall(nr::openat, AT_FDCWD, path, O_RDONLY) == rawsys::unexpected(errc::enoent));
    CHECK(rawsys::syscall(nr::openat, AT_FDCWD, path, O_RDONLY) ==
          glibc(::syscall(SYS_openat, AT_FDCWD, path, O_RDONLY)));
  }
  SUBCASE("ENOSYS for a number the kernel does not have") {
    CHECK(rawsys::raw::syscall(100000) == -ENOSYS);
  }
}

TEST_CASE("arguments: widened by their own signedness") {
  using rawsys::detail::to_arg;
  CHECK(to_arg(-1) == -1L);
  CHECK(to_arg(static_cast<signed char>(-2)) == -2L);
  CHECK(to_arg(0xffffffffu) == static_cast<long>(0xffffffffUL));
  CHECK(to_arg(static_cast<unsigned short>(0xffff)) == 0xffffL);
  enum class small : unsigned char { big = 200 };
  enum negative : int { minus = -3 };
  CHECK(to_arg(small::big) == 200L);
  CHECK(to_arg(minus) == -3L);
  CHECK(to_arg(nullptr) == 0L);
  int x = 0;
  CHECK(to_arg(&x) == reinterpret_cast<long>(&x));
  CHECK(to_arg(true) == 1L);
}

TEST_CASE("errors: [-4095, -1] as unsigned, and nothing else") {
  using rawsys::detail::is_error;
  CHECK(is_error(-1));
  CHECK(is_error(-4095));
  CHECK_FALSE(is_error(-4096));
  CHECK_FALSE(is_error(0));
  CHECK_FALSE(is_error(1));
  CHECK_FALSE(is_error(static_cast<long>(0x80000000UL)));  // an i386 address above 2 GiB
}

#if defined(__i386__)
TEST_CASE("i386: the fast entry and int $0x80 give the same answers") {
  const long sysinfo = static_cast<long>(rawsys::auxv(32 /* AT_SYSINFO */));
  REQUIRE(sysinfo != 0);
  (void)rawsys::syscall(nr::getpid);  // looks the entry up
  CHECK(rawsys::arch::entry_address == static_cast<unsigned long>(sysinfo));
  namespace a = rawsys::arch;
  const long pid = ::getpid(), ppid = ::getppid();
  CHECK(a::int80::syscall0(static_cast<long>(nr::getpid)) == pid);
  CHECK(a::entry::syscall0(sysinfo, static_cast<long>(nr::getppid)) == ppid);
  // Six arguments through both: ebp carries the page offset.
  const int fd = static_cast<int>(::syscall(SYS_memfd_create, "rawsys-ia32", 0));
  REQUIRE(fd >= 0);
  REQUIRE(::ftruncate(fd, 8192) == 0);
  REQUIRE(::pwrite(fd, "B", 1, 4096) == 1);
  const long m = static_cast<long>(nr::mmap2);
  long p1 = a::int80::syscall6(m, 0, 4096, PROT_READ, MAP_SHARED, fd, 1);
  long p2 = a::entry::syscall6(sysinfo, m, 0, 4096, PROT_READ, MAP_SHARED, fd, 1);
  REQUIRE_FALSE(rawsys::detail::is_error(p1));
  REQUIRE_FALSE(rawsys::detail::is_error(p2));
  CHECK(*reinterpret_cast<const char*>(p1) == 'B');
  CHECK(*reinterpret_cast<const char*>(p2) == 'B');
  ::munmap(reinterpret_cast<void*>(p1), 4096);
  ::munmap(reinterpret_cast<void*>(p2), 4096);
  // Forcing int $0x80 through the generic call, then restoring.
  rawsys::arch::entry_address = 1;
  CHECK(rawsys::syscall(nr::getppid) == ppid);
  rawsys::arch::entry_address = 0;
  CHECK(rawsys::syscall(nr::getppid) == ppid);
  CHECK(rawsys::arch::entry_address == static_cast<unsigned long>(sysinfo));
  ::close(fd);
}
#endif

#if defined(__i386__) || defined(__arm__)
TEST_CASE("32-bit: an mmap2 address above 2 GiB is a value") {
  void* hint = reinterpret_cast<void*>(0xb0000000UL);
  auto r = rawsys::syscall(nr::mmap2, hint, 4096u, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  REQUIRE(r.has_value());
  CHECK(*r < 0);  // negative as a long, and still not an error
  CHECK(static_cast<unsigned long>(*r) == 0xb0000000UL);
  *reinterpret_cast<volatile char*>(*r) = 1;
  CHECK(rawsys::syscall(nr::munmap, *r, 4096u) == 0);
}
#endif

TEST_CASE("tables: this arch's system headers agree (static_asserts in generated checks)") {
  CHECK(rawsys_test::nr_names_in_system_headers > 300);
  CHECK(rawsys_test::errno_names_in_system_headers >= 131);
  CHECK(static_cast<long>(nr::getppid) == SYS_getppid);
}

template <class Nr>
int round_trip(long n) {
  const char* s = rawsys::name(static_cast<Nr>(n));
  if (std::string_view(s) == "?") return 0;
  auto back = rawsys::find_nr_in<Nr>(s);
  REQUIRE(back.has_value());
  CHECK(static_cast<long>(*back) == n);
  return 1;
}

template <class Nr>
void round_trip_every_name() {
  using t = rawsys::detail::nr_table<Nr>;
  CAPTURE(t::arch);
  long seen = 0;
  for (long n = t::first - 2; n < t::limit + 2; ++n) seen += round_trip<Nr>(n);
  if constexpr (rawsys::detail::has_far_calls<Nr>)
    for (const long n : t::far_number) seen += round_trip<Nr>(n);
  CHECK(seen == t::count);
  CHECK(std::string_view(rawsys::name(static_cast<Nr>(t::first - 1))) == "?");
}

TEST_CASE("tables: name() and find_nr() are inverse on every arch") {
  round_trip_every_name<rawsys::x86_64::nr>();
  round_trip_every_name<rawsys::ia32::nr>();
  round_trip_every_name<rawsys::x32::nr>();
  round_trip_every_name<rawsys::aarch64::nr>();
  round_trip_every_name<rawsys::arm::nr>();
  round_trip_every_name<rawsys::arm_oabi::nr>();
  round_trip_every_name<rawsys::riscv64::nr>();
  round_trip_every_name<rawsys::riscv32::nr>();
  round_trip_every_name<rawsys::ppc64::nr>();
  round_trip_every_name<rawsys::ppc32::nr>();
  round_trip_every_name<rawsys::s390x::nr>();
  round_trip_every_name<rawsys::s390::nr>();
  round_trip_every_name<rawsys::mips_o32::nr>();
  round_trip_every_name<rawsys::mips_n32::nr>();
  round_trip_every_name<rawsys::mips_n64::nr>();
  round_trip_every_name<rawsys::loongarch64::nr>();
  round_trip_every_name<rawsys::alpha::nr>();
  round_trip_every_name<rawsys::parisc32::nr>();
  round_trip_every_name<rawsys::parisc64::nr>();
  round_trip_every_name<rawsys::sparc32::nr>();
  round_trip_every_name<rawsys::sparc64::nr>();
  round_trip_every_name<rawsys::m68k::nr>();
  round_trip_every_name<rawsys::sh::nr>();
  CHECK(std::string_view(name(nr::read)) == "read");
  CHECK(rawsys::find_nr("openat") == nr::openat);
  CHECK(rawsys::find_nr(std::string_view("getppidx", 7)) == nr::getppid);
  CHECK(rawsys::find_nr("") == rawsys::unexpected(errc::enosys));
  CHECK(rawsys::find_nr("no_such_call") == rawsys::unexpected(errc::enosys));
  CHECK(rawsys::find_nr("rea") == rawsys::unexpected(errc::enosys));
  CHECK(std::string_view(name(static_cast<nr>(100000))) == "?");
  CHECK(std::string_view(name(static_cast<nr>(-1))) == "?");
  // Every table from any host, with the kernel's numbers.
  CHECK(static_cast<long>(rawsys::x86_64::nr::getppid) == 110);
  CHECK(static_cast<long>(rawsys::ia32::nr::getppid) == 64);
  CHECK(static_cast<long>(rawsys::aarch64::nr::getppid) == 173);
  CHECK(std::string_view(name(rawsys::ia32::nr::break_)) == "break");
  CHECK(rawsys::ia32::find_nr("break") == rawsys::ia32::nr::break_);
  CHECK(rawsys::aarch64::find_nr("open") == rawsys::unexpected(errc::enosys));
  static_assert(rawsys::x86_64::find_nr("mseal").value() == rawsys::x86_64::nr::mseal);
  // Bases kept: mips (__NR_Linux), x32 (__X32_SYSCALL_BIT), ARM OABI and ARM's private calls.
  CHECK(static_cast<long>(rawsys::mips_o32::nr::syscall) == 4000);
  CHECK(static_cast<long>(rawsys::mips_n64::nr::read) == 5000);
  CHECK(static_cast<long>(rawsys::mips_n32::nr::read) == 6000);
  CHECK(static_cast<long>(rawsys::x32::nr::read) == 0x40000000);
  CHECK(static_cast<long>(rawsys::arm_oabi::nr::exit) == 0x900001);
  CHECK(static_cast<long>(rawsys::arm::nr::set_tls) == 0xf0005);
  CHECK(rawsys::arm::find_nr("cacheflush") == rawsys::arm::nr::cacheflush);
  CHECK(std::string_view(name(rawsys::arm_oabi::nr::get_tls)) == "get_tls");
  CHECK(std::string_view(name(static_cast<rawsys::mips_n64::nr>(0))) == "?");
  CHECK(rawsys::riscv32::find_nr("clock_gettime") == rawsys::unexpected(errc::enosys));
}

TEST_CASE("errno: every arch's numbering, names and messages") {
  using e = rawsys::mips_n64::errc;
  CHECK(static_cast<int>(e::edeadlk) == 45);
  CHECK(static_cast<int>(e::enosys) == 89);
  CHECK(static_cast<int>(e::edquot) == 1133);
  CHECK(std::string_view(name(e::edquot)) == "EDQUOT");
  CHECK(std::string_view(message(e::edquot)) == "Disk quota exceeded");
  CHECK(std::string_view(name(static_cast<e>(89))) == "ENOSYS");
  CHECK(std::string_view(name(static_cast<e>(1132))) == "?");
  CHECK(std::string_view(rawsys::mips_o32::name(rawsys::mips_o32::errc::enosys)) == "ENOSYS");
  CHECK(std::string_view(message(rawsys::mips_n32::errc::eremdev)) == "Error 142");
  CHECK(static_cast<int>(rawsys::ppc64::errc::edeadlock) == 58);
  CHECK(static_cast<int>(rawsys::ppc64::errc::edeadlk) == 35);
  CHECK(std::string_view(message(rawsys::ppc32::errc::edeadlock)) == "Resource deadlock avoided");
  CHECK(static_cast<int>(rawsys::alpha::errc::eagain) == 35);
  CHECK(static_cast<int>(rawsys::sparc64::errc::enosys) == 90);
  CHECK(static_cast<int>(rawsys::parisc64::errc::enosys) == 251);
  CHECK(static_cast<int>(rawsys::aarch64::errc::enosys) == 38);
  // Every numbering names every errno glibc knows, with glibc's text.
  CHECK(std::string_view(message(rawsys::alpha::errc::enoent)) == "No such file or directory");
  // The target's numbering is rawsys::errc.
  static_assert(static_cast<int>(errc::enosys) == ENOSYS);
}

TEST_CASE("errno: names and messages are glibc's, for every number") {
  int known = 0;
  // 0 is no errno: glibc says "Success"; rawsys gives its text for unknown numbers.
  CHECK(std::string_view(name(static_cast<errc>(0))) == "?");
  CHECK(std::string_view(message(static_cast<errc>(0))) == "Unknown error");
  for (int n = 1; n < 4096; ++n) {
    const auto e = static_cast<errc>(n);
    const char* theirs = ::strerrorname_np(n);
#if defined(__powerpc64__)
    // EDEADLOCK has a number of its own here (58), which glibc leaves unnamed.
    if (n == 58) {
      CHECK(std::string_view(name(e)) == "EDEADLOCK");
      continue;
    }
#endif
    if (theirs) {
      ++known;
      CHECK(std::string_view(name(e)) == theirs);
      CHECK(std::string_view(message(e)) == ::strerror(n));
    } else {
      CHECK(std::string_view(name(e)) == "?");
      CHECK(std::string_view(message(e)) == "Unknown error");
    }
  }
  CHECK(known == 131);
  CHECK(std::string_view(name(static_cast<errc>(-5))) == "?");
  CHECK(errc::ewouldblock == errc::eagain);
  CHECK(std::string_view(name(errc::ewouldblock)) == "EAGAIN");
  CHECK(std::string_view(message(errc::enoent)) == "No such file or directory");
}

TEST_CASE("auxv: hosted lookups agree with glibc's getauxval") {
  CHECK(rawsys::auxv(6 /* AT_PAGESZ */) == 4096);
  CHECK(rawsys::auxv(11 /* AT_UID */) == static_cast<unsigned long>(::getuid()));
  CHECK(rawsys::detail::auxv_from_kernel(6) == 4096);
  CHECK(rawsys::detail::auxv_from_kernel(11) == static_cast<unsigned long>(::getuid()));
  CHECK(rawsys::detail::auxv_from_kernel(0x7fff) == 0);  // absent: 0
}

TEST_CASE("buffers: a string literal drops its NUL, a char array keeps every byte") {
  const rawsys::const_buffer lit("abc");
  CHECK(lit.size == 3);
  char bytes[4] = {'a', 'b', 'c', '\0'};
  const rawsys::const_buffer arr(bytes);
  CHECK(arr.size == 4);
  const rawsys::buffer out(bytes);
  CHECK(out.size == 4);
  unsigned char raw[5] = {};
  CHECK(rawsys::const_buffer(raw).size == 5);
}
