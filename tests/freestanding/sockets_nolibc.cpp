// Sockets, events, futexes and getrandom in a program with no libc: a
// descriptor passed with SCM_RIGHTS over a socketpair, an eventfd seen by
// epoll and ppoll, a futex wake, random bytes, a loopback name. Exits with a
// distinct status on the first failure, 0 when all pass.
#include <rawsys/rawsys.hpp>

#include "nolibc_abi.hpp"

namespace r = rawsys;

namespace {

[[noreturn]] void exit_with(long code) {
  r::raw::syscall(static_cast<long>(r::nr::exit_group), code);
  __builtin_unreachable();
}

void say(const char* s) {
  unsigned long n = 0;
  while (s[n]) ++n;
  (void)r::syscall(r::nr::write, 1, s, n);
}

}  // namespace

// What compilers emit calls to for struct copies and zeroing (Clang does
// for sockaddr_any and timespec); the no-libc runtime provides these, this
// program stands alone. Volatile stores keep the loops from becoming calls to
// themselves.
extern "C" {
[[gnu::used]] void* memset(void* d, int c, decltype(sizeof 0) n) {
  auto* p = static_cast<volatile unsigned char*>(d);
  for (decltype(n) i = 0; i < n; ++i) p[i] = static_cast<unsigned char>(c);
  return d;
}
[[gnu::used]] void* memcpy(void* d, const void* s, decltype(sizeof 0) n) {
  auto* p = static_cast<volatile unsigned char*>(d);
  const auto* q = static_cast<const unsigned char*>(s);
  for (decltype(n) i = 0; i < n; ++i) p[i] = q[i];
  return d;
}
[[gnu::used]] void* memmove(void* d, const void* s, decltype(sizeof 0) n) {
  auto* p = static_cast<volatile unsigned char*>(d);
  const auto* q = static_cast<const unsigned char*>(s);
  if (p < q)
    for (decltype(n) i = 0; i < n; ++i) p[i] = q[i];
  else
    for (decltype(n) i = n; i > 0; --i) p[i - 1] = q[i - 1];
  return d;
}
}

extern "C" [[noreturn]] [[gnu::used]] void rawsys_test_start(long*) {
  // An eventfd passed over a unix socketpair arrives as a new descriptor to
  // the same counter.
  auto pair = r::socketpair(r::af::unix_, r::sock::stream | r::sock::cloexec);
  if (!pair) exit_with(10);
  auto efd = r::eventfd2(0, r::efd::cloexec | r::efd::nonblock);
  if (!efd) exit_with(11);
  alignas(r::cmsghdr) unsigned char ctl[r::cmsg_space(sizeof(int))];
  r::cmsg_builder b(ctl);
  if (!b.add_rights(*efd)) exit_with(12);
  char byte = 'x';
  r::iovec iov{&byte, 1};
  r::msghdr m{};
  m.iov = &iov;
  m.iovlen = 1;
  m.control = b.data();
  m.controllen = b.size();
  if (r::sendmsg(pair->first, &m) != 1u) exit_with(13);
  alignas(r::cmsghdr) unsigned char in_ctl[r::cmsg_space(sizeof(int))];
  r::msghdr in{};
  in.iov = &iov;
  in.iovlen = 1;
  in.control = in_ctl;
  in.controllen = sizeof in_ctl;
  if (r::recvmsg(pair->second, &in, r::msg::cmsg_cloexec) != 1u) exit_with(14);
  int got = -1;
  for (const r::cmsghdr& c : r::cmsg_reader(in))
    if (r::cmsg_rights(c, &got, 1) != 1) exit_with(15);
  r::unique_fd copy(got);
  if (!copy.valid() || copy.get() == efd->get()) exit_with(16);
  if (!r::eventfd_write(copy, 3)) exit_with(17);

  // The counter is readable through the original: epoll and ppoll agree.
  auto ep = r::epoll_create1(r::epoll::cloexec);
  if (!ep) exit_with(18);
  if (!r::epoll_ctl(*ep, r::epoll::ctl_add, *efd, r::epoll::in, 42)) exit_with(19);
  r::epoll_event ev[2];
  if (r::epoll_pwait(*ep, ev, 2, 0) != 1u) exit_with(20);
  const uint64_t data = ev[0].data;
  if (data != 42) exit_with(21);
  r::pollfd pf{efd->get(), r::poll::in, {}};
  const r::timespec zero{0, 0};
  if (r::ppoll(&pf, 1, &zero) != 1u || pf.revents != r::poll::in) exit_with(22);
  // Read back through the copy that wrote it: qemu-user byte-swaps an
  // eventfd's counter for a big-endian guest per descriptor, and a
  // descriptor received with SCM_RIGHTS is not one it knows as an eventfd.
  if (r::eventfd_read(copy) != 3u) exit_with(23);

  // A futex nobody waits on; a wait on a word that changed.
  uint32_t word = 1;
  if (r::futex_wake(&word, 1) != 0u) exit_with(24);
  if (r::futex_wait(&word, 0) != r::unexpected(r::errc::eagain)) exit_with(25);

  // Random bytes, and the name of a socket bound to 127.0.0.1.
  unsigned char rnd[32] = {};
  if (r::getrandom(r::buffer(rnd)) != 32u) exit_with(26);
  auto s = r::socket(r::af::inet, r::sock::dgram | r::sock::cloexec);
  if (!s) exit_with(27);
  if (!r::bind(*s, r::make_sockaddr_in(r::inaddr::loopback, 0))) exit_with(28);
  auto name = r::getsockname(*s);
  if (!name || name->port() == 0 || name->in4.addr != r::to_be32(r::inaddr::loopback)) exit_with(29);

  say("sockets, events, futex and getrandom without libc: ok\n");
  exit_with(0);
}

// The initial stack pointer points at argc; hand it to the C++ side.
#if defined(__x86_64__)
__asm__(".text\n.global _start\n_start:\n"
        "  xor %ebp, %ebp\n  mov %rsp, %rdi\n  and $-16, %rsp\n  call rawsys_test_start\n  hlt\n");
#elif defined(__i386__)
__asm__(".text\n.global _start\n_start:\n"
        "  xor %ebp, %ebp\n  mov %esp, %eax\n  and $-16, %esp\n  sub $12, %esp\n  push %eax\n"
        "  call rawsys_test_start\n  hlt\n");
#elif defined(__aarch64__)
__asm__(".text\n.global _start\n_start:\n"
        "  mov x29, #0\n  mov x30, #0\n  mov x0, sp\n  bl rawsys_test_start\n  brk #0\n");
#elif defined(__arm__)
// ARM code (an even entry address) in Thumb builds too; back to the
// compiler's state after it.
__asm__(".text\n.arm\n.global _start\n.type _start, %function\n_start:\n"
        "  mov fp, #0\n  mov lr, #0\n  mov r0, sp\n  bic sp, r0, #15\n  bl rawsys_test_start\n  udf #0\n"
        RAWSYS_ARM_CODE_STATE_);
#elif defined(__powerpc64__)
__asm__(".text\n.global _start\n_start:\n"
        "  bcl 20, 31, 1f\n1:\n  mflr 11\n  addis 2, 11, (.TOC. - 1b)@ha\n  addi 2, 2, (.TOC. - 1b)@l\n"
        "  mr 3, 1\n  clrrdi 1, 1, 4\n  li 0, 0\n  stdu 0, -32(1)\n  bl rawsys_test_start\n  nop\n  trap\n");
#elif defined(__riscv)
// gp before any C++ code: GNU ld relaxes small-data accesses to gp-relative.
__asm__(".text\n.global _start\n_start:\n.weak __global_pointer$\n"
        ".option push\n.option norelax\n  lla gp, __global_pointer$\n.option pop\n"
        "  mv s0, zero\n  mv ra, zero\n  mv a0, sp\n  call rawsys_test_start\n  ebreak\n");
#elif defined(__loongarch__)
__asm__(".text\n.global _start\n_start:\n"
        "  move $fp, $zero\n  move $ra, $zero\n  move $a0, $sp\n  bstrins.d $sp, $zero, 3, 0\n"
        "  bl rawsys_test_start\n  break 0\n");
#elif defined(__s390x__)
__asm__(".text\n.global _start\n_start:\n"
        "  lgr %r2, %r15\n  aghi %r15, -160\n  xc 0(8,%r15), 0(%r15)\n  brasl %r14, rawsys_test_start\n  .short 0\n");
#endif
