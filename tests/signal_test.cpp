// Signals: handlers installed by rawsys return through its restorer, siginfo
// arrives as the kernel wrote it, masks, pending sets, waiting,
// restart_syscall, alternate
// stacks, signalfd, tkill, queued signals, alarm and pause; each call against
// glibc on the same arch, each constant and struct against glibc's headers
// (the kernel's headers in signal_layout_test.cpp). glibc headers come first
// here, rawsys's after.
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include <stddef.h>
#include <string.h>

#include "files_support.hpp"  // in_child
#include "skip.hpp"
#include "support.hpp"

using rawsys::errc;
using rawsys::sig;
using rawsys_test::glibc;
namespace sa = rawsys::sa;

// Whether rawsys installs a restorer of its own (abi::sa_restorer): riscv has
// no SA_RESTORER, and ppc64's kernel ignores it; both return handlers
// through the vDSO (__vdso_rt_sigreturn, __kernel_sigtramp_rt64).
#if defined(__riscv) || defined(__powerpc64__)
#define HAVE_RESTORER 0
#include <rawsys/vdso.hpp>
#elif defined(__mips__)  // no SA_RESTORER; the kernel's code (its vDSO's, qemu-user's in the frame)
#define HAVE_RESTORER 0
#else
#define HAVE_RESTORER 1
#endif
static_assert(rawsys::abi::sa_restorer == HAVE_RESTORER);

namespace rawsys_test {
extern const unsigned long kernel_siginfo_size;
extern const unsigned long kernel_signalfd_siginfo_size;
extern const unsigned long kernel_stack_t_size;
}  // namespace rawsys_test

namespace {

// Any rawsys result as glibc() gives one, for comparing: the value as a long
// (0 for void and for owned descriptors), or the error.
template <class T>
rawsys::result<long> outcome(const rawsys::result<T>& r) {
  if (!r) return rawsys::unexpected(r.error());
  if constexpr (std::is_void_v<T>)
    return 0L;
  else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>)
    return static_cast<long>(*r);
  else if constexpr (std::is_same_v<T, rawsys::fd>)
    return static_cast<long>(r->get());
  else
    return 0L;
}

// Constants and layouts against glibc's headers.
static_assert(rawsys::bits(sa::nocldstop) == SA_NOCLDSTOP);
static_assert(rawsys::bits(sa::nocldwait) == SA_NOCLDWAIT);
static_assert(rawsys::bits(sa::siginfo) == SA_SIGINFO);
static_assert(rawsys::bits(sa::onstack) == SA_ONSTACK);
static_assert(rawsys::bits(sa::restart) == SA_RESTART);
static_assert(rawsys::bits(sa::nodefer) == SA_NODEFER);
static_assert(rawsys::bits(sa::resethand) == SA_RESETHAND);
static_assert(rawsys::bits(rawsys::ss::onstack) == SS_ONSTACK);
static_assert(rawsys::bits(rawsys::ss::disable) == SS_DISABLE);
static_assert(rawsys::bits(rawsys::sfd::nonblock) == SFD_NONBLOCK);
static_assert(rawsys::bits(rawsys::sfd::cloexec) == SFD_CLOEXEC);
static_assert(static_cast<int>(rawsys::how::block) == SIG_BLOCK);
static_assert(static_cast<int>(rawsys::how::unblock) == SIG_UNBLOCK);
static_assert(static_cast<int>(rawsys::how::setmask) == SIG_SETMASK);
static_assert(rawsys::si::user == SI_USER && rawsys::si::kernel == SI_KERNEL);
static_assert(rawsys::si::queue == SI_QUEUE && rawsys::si::timer == SI_TIMER);
static_assert(rawsys::si::mesgq == SI_MESGQ && rawsys::si::asyncio == SI_ASYNCIO);
static_assert(rawsys::si::sigio == SI_SIGIO && rawsys::si::tkill == SI_TKILL);
static_assert(rawsys::si::dethread == SI_DETHREAD);
static_assert(rawsys::cld::exited == CLD_EXITED && rawsys::cld::killed == CLD_KILLED);
static_assert(rawsys::cld::dumped == CLD_DUMPED && rawsys::cld::trapped == CLD_TRAPPED);
static_assert(rawsys::cld::stopped == CLD_STOPPED && rawsys::cld::continued == CLD_CONTINUED);

using ri = rawsys::siginfo;
static_assert(sizeof(ri) == sizeof(siginfo_t));
static_assert(offsetof(ri, signo) == offsetof(siginfo_t, si_signo));
static_assert(offsetof(ri, errno_) == offsetof(siginfo_t, si_errno));
static_assert(offsetof(ri, code) == offsetof(siginfo_t, si_code));
static_assert(offsetof(ri, kill.pid) == offsetof(siginfo_t, si_pid));
static_assert(offsetof(ri, kill.uid) == offsetof(siginfo_t, si_uid));
static_assert(offsetof(ri, timer.tid) == offsetof(siginfo_t, si_timerid));
static_assert(offsetof(ri, timer.overrun) == offsetof(siginfo_t, si_overrun));
static_assert(offsetof(ri, rt.value) == offsetof(siginfo_t, si_value));
static_assert(offsetof(ri, rt.value.int_) == offsetof(siginfo_t, si_int));
static_assert(offsetof(ri, rt.value.ptr) == offsetof(siginfo_t, si_ptr));
static_assert(offsetof(ri, chld.status) == offsetof(siginfo_t, si_status));
static_assert(offsetof(ri, chld.utime) == offsetof(siginfo_t, si_utime));
static_assert(offsetof(ri, chld.stime) == offsetof(siginfo_t, si_stime));
static_assert(offsetof(ri, fault.addr) == offsetof(siginfo_t, si_addr));
static_assert(offsetof(ri, fault.addr_lsb) == offsetof(siginfo_t, si_addr_lsb));
static_assert(offsetof(ri, fault.bnd.lower) == offsetof(siginfo_t, si_lower));
static_assert(offsetof(ri, fault.bnd.upper) == offsetof(siginfo_t, si_upper));
static_assert(offsetof(ri, fault.pkey.key) == offsetof(siginfo_t, si_pkey));
static_assert(offsetof(ri, poll.band) == offsetof(siginfo_t, si_band));
static_assert(offsetof(ri, poll.fd) == offsetof(siginfo_t, si_fd));
static_assert(offsetof(ri, sys.call_addr) == offsetof(siginfo_t, si_call_addr));
static_assert(offsetof(ri, sys.syscall) == offsetof(siginfo_t, si_syscall));
static_assert(offsetof(ri, sys.arch) == offsetof(siginfo_t, si_arch));

using rst = rawsys::stack_t;
static_assert(sizeof(rst) == sizeof(::stack_t));
static_assert(offsetof(rst, sp) == offsetof(::stack_t, ss_sp));
static_assert(offsetof(rst, flags) == offsetof(::stack_t, ss_flags));
static_assert(offsetof(rst, size) == offsetof(::stack_t, ss_size));

using rsf = rawsys::signalfd_siginfo;
using gsf = struct ::signalfd_siginfo;
static_assert(sizeof(rsf) == sizeof(gsf));
static_assert(offsetof(rsf, signo) == offsetof(gsf, ssi_signo));
static_assert(offsetof(rsf, errno_) == offsetof(gsf, ssi_errno));
static_assert(offsetof(rsf, code) == offsetof(gsf, ssi_code));
static_assert(offsetof(rsf, pid) == offsetof(gsf, ssi_pid));
static_assert(offsetof(rsf, uid) == offsetof(gsf, ssi_uid));
static_assert(offsetof(rsf, fd) == offsetof(gsf, ssi_fd));
static_assert(offsetof(rsf, tid) == offsetof(gsf, ssi_tid));
static_assert(offsetof(rsf, band) == offsetof(gsf, ssi_band));
static_assert(offsetof(rsf, overrun) == offsetof(gsf, ssi_overrun));
static_assert(offsetof(rsf, trapno) == offsetof(gsf, ssi_trapno));
static_assert(offsetof(rsf, status) == offsetof(gsf, ssi_status));
static_assert(offsetof(rsf, int_) == offsetof(gsf, ssi_int));
static_assert(offsetof(rsf, ptr) == offsetof(gsf, ssi_ptr));
static_assert(offsetof(rsf, utime) == offsetof(gsf, ssi_utime));
static_assert(offsetof(rsf, stime) == offsetof(gsf, ssi_stime));
static_assert(offsetof(rsf, addr) == offsetof(gsf, ssi_addr));
static_assert(offsetof(rsf, addr_lsb) == offsetof(gsf, ssi_addr_lsb));
static_assert(offsetof(rsf, syscall) == offsetof(gsf, ssi_syscall));
static_assert(offsetof(rsf, call_addr) == offsetof(gsf, ssi_call_addr));
static_assert(offsetof(rsf, arch) == offsetof(gsf, ssi_arch));

// The caller's disposition of a signal, put back at scope exit.
struct saved_action {
  sig s;
  rawsys::sigaction old{};
  explicit saved_action(sig which) : s(which) { REQUIRE(rawsys::rt_sigaction(s, nullptr, &old)); }
  ~saved_action() { (void)rawsys::rt_sigaction(s, &old, nullptr); }
};

// The caller's signal mask, put back at scope exit.
struct saved_mask {
  rawsys::sigset old{};
  saved_mask() { REQUIRE(rawsys::rt_sigprocmask(rawsys::how::block, nullptr, &old)); }
  ~saved_mask() { (void)rawsys::rt_sigprocmask(rawsys::how::setmask, &old, nullptr); }
};

// glibc's sigset_t and the kernel's agree on the first 64 bits.
rawsys::sigset from_glibc(const sigset_t& g) {
  rawsys::sigset s;
  for (int n = 1; n <= rawsys::nsig; ++n)
    if (sigismember(&g, n) == 1) s.add(static_cast<sig>(n));
  return s;
}

// A function's address, printable in a failed CHECK.
template <class F>
const void* addr(F* f) {
  return reinterpret_cast<const void*>(f);
}

void raise_here(sig s) { REQUIRE(rawsys::tgkill(rawsys::getpid(), rawsys::gettid(), s)); }

void* unmapped_page() {
  void* p = ::mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(p != MAP_FAILED);
  ::munmap(p, 4096);
  return p;
}

volatile sig_atomic_t plain_count = 0;
volatile sig_atomic_t plain_last = 0;
volatile uintptr_t plain_return = 0;  // where the handler returns to
void plain_handler(sig s) {
  plain_count = plain_count + 1;
  plain_last = static_cast<int>(s);
  plain_return = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
}

struct info_seen {
  int signo, code, pid;
  unsigned uid;
  bool has_context;
  int handler_arg;
};
volatile info_seen seen{};
volatile sig_atomic_t info_count = 0;
void info_handler(sig s, rawsys::siginfo* info, void* context) {
  seen.handler_arg = static_cast<int>(s);
  seen.signo = info->signo;
  seen.code = info->code;
  seen.pid = info->pid();
  seen.uid = info->uid();
  seen.has_context = context != nullptr;
  info_count = info_count + 1;
}

}  // namespace

TEST_CASE("signal layouts: the kernel's UAPI headers agree (static_asserts in signal_layout_test.cpp)") {
  CHECK(rawsys_test::kernel_siginfo_size == sizeof(rawsys::siginfo));
  CHECK(rawsys_test::kernel_signalfd_siginfo_size == sizeof(rawsys::signalfd_siginfo));
  CHECK(rawsys_test::kernel_stack_t_size == sizeof(rawsys::stack_t));
#if defined(__i386__) || defined(__arm__)
  CHECK(sizeof(rawsys::sigaction) == 20);
#elif defined(__mips__)  // flags, handler, 128-bit mask
  CHECK(sizeof(rawsys::sigaction) == (sizeof(long) == 8 ? 32 : 24));
#elif defined(__riscv)  // no sa_restorer field
  CHECK(sizeof(rawsys::sigaction) == 24);
#else
  CHECK(sizeof(rawsys::sigaction) == 32);
#endif
}

TEST_CASE("rawsys::sigset: the kernel's bit order is glibc's") {
  sigset_t g;
  sigemptyset(&g);
  sigaddset(&g, SIGUSR1);
  sigaddset(&g, SIGRTMIN);
  sigaddset(&g, 64);
  rawsys::sigset s;
  s.add(sig::usr1).add(static_cast<sig>(SIGRTMIN)).add(static_cast<sig>(64));
  uint64_t first;
  memcpy(&first, &g, sizeof first);
  CHECK(first == uint64_t{s.mask});  // a copy: aligned as a long (4 on 32-bit)
  CHECK(from_glibc(g) == s);
}

#if HAVE_RESTORER
namespace {
// A function's first bytes, read through an empty asm so that the compiler
// does not reason about the bytes around a function. (A Thumb function's
// address has its low bit set.)
const unsigned char* code_of(void (*f)() noexcept) {
  uintptr_t at = reinterpret_cast<uintptr_t>(f);
#if defined(__thumb__)
  at &= ~uintptr_t{1};
#endif
  __asm__("" : "+r"(at));
  return reinterpret_cast<const unsigned char*>(at);
}
}  // namespace

TEST_CASE("rt_sigreturn restorer: the byte sequence unwinders recognise") {
  const unsigned char* p = code_of(rawsys::detail::rawsys_restore_rt);
#if defined(__x86_64__)
  const unsigned char want[] = {0x48, 0xc7, 0xc0, 0x0f, 0x00, 0x00, 0x00, 0x0f, 0x05};
  const unsigned char nop[] = {0x90};
#elif defined(__i386__)
  const unsigned char want[] = {0xb8, 0xad, 0x00, 0x00, 0x00, 0xcd, 0x80};
  const unsigned char nop[] = {0x90};
#elif defined(__aarch64__)
  const unsigned char want[] = {0x68, 0x11, 0x80, 0xd2, 0x01, 0x00, 0x00, 0xd4};
  const unsigned char nop[] = {0x1f, 0x20, 0x03, 0xd5};
#elif defined(__arm__) && defined(__thumb__)
  // movs r7, #173; svc 0: Thumb code, as the rest of the program.
  const unsigned char want[] = {0xad, 0x27, 0x00, 0xdf};
  const unsigned char nop[] = {0x00, 0xbf};
#elif defined(__arm__)
  // mov r7, #173; svc 0
  const unsigned char want[] = {0xad, 0x70, 0xa0, 0xe3, 0x00, 0x00, 0x00, 0xef};
  const unsigned char nop[] = {0x00, 0xf0, 0x20, 0xe3};
#elif defined(__s390x__)
  const unsigned char want[] = {0x0a, 0xad};  // svc 173
  const unsigned char nop[] = {0x47, 0x00, 0x00, 0x00};
#endif
  CHECK(memcmp(p, want, sizeof want) == 0);
  // The return address minus one lands on the nop in front, not in a neighbour.
  CHECK(memcmp(p - sizeof nop, nop, sizeof nop) == 0);
  // The number in it is this arch's rt_sigreturn.
#if defined(__x86_64__)
  CHECK(p[3] == static_cast<long>(rawsys::nr::rt_sigreturn));
#elif defined(__i386__)
  CHECK(p[1] == static_cast<long>(rawsys::nr::rt_sigreturn));
  // And the old frame's: popl %eax; mov $119 (sigreturn), %eax; int $0x80.
  const unsigned char* q = code_of(rawsys::detail::rawsys_restore);
  const unsigned char old[] = {0x58, 0xb8, 0x77, 0x00, 0x00, 0x00, 0xcd, 0x80};
  CHECK(memcmp(q, old, sizeof old) == 0);
  CHECK(q[-1] == 0x90);
  CHECK(q[2] == static_cast<long>(rawsys::nr::sigreturn));
  CHECK(addr(rawsys::detail::restorer_for({})) == addr(rawsys::detail::rawsys_restore));
  CHECK(addr(rawsys::detail::restorer_for(sa::siginfo)) == addr(rawsys::detail::rawsys_restore_rt));
#elif defined(__aarch64__)
  uint32_t mov;
  memcpy(&mov, p, 4);
  CHECK(((mov >> 5) & 0xffff) == static_cast<uint32_t>(rawsys::nr::rt_sigreturn));
#elif defined(__arm__)
  CHECK(p[0] == static_cast<long>(rawsys::nr::rt_sigreturn));
  // Entered in the program's own state: the address's low bit says Thumb.
  const bool thumb = (reinterpret_cast<uintptr_t>(rawsys::detail::rawsys_restore_rt) & 1) != 0;
#if defined(__thumb__)
  CHECK(thumb);
  const unsigned char old[] = {0x77, 0x27, 0x00, 0xdf};  // movs r7, #119 (sigreturn); svc 0
#else
  CHECK_FALSE(thumb);
  const unsigned char old[] = {0x77, 0x70, 0xa0, 0xe3, 0x00, 0x00, 0x00, 0xef};  // mov r7, #119; svc 0
#endif
  // And the old frame's.
  const unsigned char* q = code_of(rawsys::detail::rawsys_restore);
  CHECK(memcmp(q, old, sizeof old) == 0);
  CHECK(memcmp(q - sizeof nop, nop, sizeof nop) == 0);
  CHECK(q[0] == static_cast<long>(rawsys::nr::sigreturn));
#elif defined(__s390x__)
  CHECK(p[1] == static_cast<long>(rawsys::nr::rt_sigreturn));
  // And the old frame's: svc 119 (sigreturn), which libgcc's unwinder knows too.
  const unsigned char* q = code_of(rawsys::detail::rawsys_restore);
  CHECK(q[0] == 0x0a);
  CHECK(q[1] == static_cast<long>(rawsys::nr::sigreturn));
  CHECK(memcmp(q - sizeof nop, nop, sizeof nop) == 0);
  CHECK(addr(rawsys::detail::restorer_for({})) == addr(rawsys::detail::rawsys_restore));
  CHECK(addr(rawsys::detail::restorer_for(sa::siginfo)) == addr(rawsys::detail::rawsys_restore_rt));
#endif
}
#elif defined(__mips__)
namespace {
const void* handler_return = nullptr;
void note_return(sig) { handler_return = __builtin_return_address(0); }
void note_return_info(sig, rawsys::siginfo*, void*) { handler_return = __builtin_return_address(0); }

// addiu $2, $0, n; syscall: the return code of the kernel (its vDSO, or
// qemu-user's copy) that a handler installed with `flags` returns to.
void check_return_code(rawsys::sa::flags flags, long n) {
  saved_action keep(sig::usr1);
  saved_mask mask;
  rawsys::sigset unblock;
  unblock.add(sig::usr1);
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::unblock, &unblock, nullptr));
  rawsys::sigaction act;
  if (rawsys::has(flags, sa::siginfo))
    act.action = note_return_info;
  else
    act.handler = note_return;
  act.flags = flags;
  REQUIRE(rawsys::rt_sigaction(sig::usr1, act));
  handler_return = nullptr;
  raise_here(sig::usr1);
  REQUIRE(handler_return != nullptr);
  uint32_t code[2];
  memcpy(code, handler_return, sizeof code);
  CHECK(code[0] == 0x24020000u + static_cast<uint32_t>(n));
  CHECK(code[1] == 0x0000000cu);
}
}  // namespace

TEST_CASE("rt_sigreturn: a handler returns to the kernel's li v0, rt_sigreturn (o32 plain: sigreturn), then syscall") {
  check_return_code(sa::siginfo, static_cast<long>(rawsys::nr::rt_sigreturn));
#if _MIPS_SIM == _ABIO32  // a handler without SA_SIGINFO gets the old frame
  check_return_code({}, static_cast<long>(rawsys::nr::sigreturn));
#else
  check_return_code({}, static_cast<long>(rawsys::nr::rt_sigreturn));
#endif
}
#elif defined(__riscv)
TEST_CASE("rt_sigreturn: the vDSO's __vdso_rt_sigreturn is the return path the kernel sets") {
  // li a7, 139 (rt_sigreturn); ecall
  const auto* p = static_cast<const unsigned char*>(rawsys::vdso::find("__vdso_rt_sigreturn", "LINUX_4.15"));
  REQUIRE(p != nullptr);
  const unsigned char want[] = {0x93, 0x08, 0xb0, 0x08, 0x73, 0x00, 0x00, 0x00};
  CHECK(memcmp(p, want, sizeof want) == 0);
  CHECK(static_cast<long>(rawsys::nr::rt_sigreturn) == 139);
}
#endif

TEST_CASE("rt_sigaction: a handler returns through the library's restorer") {
  saved_action keep(sig::usr1);
  saved_mask mask;
  rawsys::sigset unblock;
  unblock.add(sig::usr1);
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::unblock, &unblock, nullptr));
  rawsys::sigaction act;
  act.handler = plain_handler;
  REQUIRE(rawsys::rt_sigaction(sig::usr1, act));
  plain_count = 0;
  raise_here(sig::usr1);
  raise_here(sig::usr1);
  // Reaching here at all means both handlers returned through rt_sigreturn.
  CHECK(plain_count == 2);
  CHECK(plain_last == SIGUSR1);
  // What the kernel stored: the handler, sa::restorer and our restorer (or,
  // without a restorer, the flags as given).
  rawsys::sigaction now;
  REQUIRE(rawsys::rt_sigaction(sig::usr1, nullptr, &now));
  CHECK(addr(now.handler) == addr(plain_handler));
#if defined(__powerpc64__)
  // The kernel ignores sa_restorer: the handler returned to the vDSO's
  // __kernel_sigtramp_rt64, and rawsys installed no restorer of its own.
  CHECK_FALSE(rawsys::has(now.flags, sa::restorer));
  CHECK(addr(now.restorer) == nullptr);
  const void* tramp = rawsys::vdso::find("__kernel_sigtramp_rt64", "LINUX_2.6.15");
  REQUIRE(tramp != nullptr);
  CHECK(plain_return == reinterpret_cast<uintptr_t>(tramp));
#elif !HAVE_RESTORER
  CHECK(now.flags == sa::flags());
#elif defined(__i386__) || defined(__arm__) || defined(__s390x__)
  CHECK(rawsys::has(now.flags, sa::restorer));
  CHECK(addr(now.restorer) == addr(rawsys::detail::rawsys_restore));  // the old frame's
#else
  CHECK(rawsys::has(now.flags, sa::restorer));
  CHECK(addr(now.restorer) == addr(rawsys::detail::rawsys_restore_rt));
#endif
  // glibc sees the same disposition.
  struct ::sigaction g;
  REQUIRE(::sigaction(SIGUSR1, nullptr, &g) == 0);
  CHECK(addr(g.sa_handler) == addr(plain_handler));
  CHECK((g.sa_flags & SA_SIGINFO) == 0);
}

TEST_CASE("rt_sigaction: the kernel's struct matches what glibc installs, both ways") {
  saved_action keep(sig::usr2);
  // glibc installs, rawsys reads: handler, flags (with glibc's restorer flag
  // where it sets one) and mask arrive in the right fields.
  struct ::sigaction g {};
  g.sa_handler = reinterpret_cast<void (*)(int)>(plain_handler);
  sigemptyset(&g.sa_mask);
  sigaddset(&g.sa_mask, SIGUSR1);
  sigaddset(&g.sa_mask, SIGRTMIN + 3);
  g.sa_flags = SA_RESTART | SA_NODEFER;
  REQUIRE(::sigaction(SIGUSR2, &g, nullptr) == 0);
  struct ::sigaction gback;
  REQUIRE(::sigaction(SIGUSR2, nullptr, &gback) == 0);
  rawsys::sigaction mine;
  REQUIRE(rawsys::rt_sigaction(sig::usr2, nullptr, &mine));
  CHECK(addr(mine.handler) == addr(plain_handler));
  CHECK(static_cast<unsigned long>(rawsys::bits(mine.flags)) == static_cast<unsigned long>(gback.sa_flags));
  CHECK(rawsys::has(mine.flags, sa::restart | sa::nodefer));
  CHECK(mine.mask == from_glibc(g.sa_mask));
  // rawsys installs, glibc reads.
  rawsys::sigaction act;
  act.action = info_handler;
  act.flags = sa::siginfo | sa::onstack;
  act.mask.add(sig::term).add(rawsys::sigrt(5));
  REQUIRE(rawsys::rt_sigaction(sig::usr2, &act, nullptr));
  REQUIRE(::sigaction(SIGUSR2, nullptr, &gback) == 0);
  CHECK(addr(gback.sa_sigaction) == addr(info_handler));
#if HAVE_RESTORER
  const int want = SA_SIGINFO | SA_ONSTACK | static_cast<int>(rawsys::bits(sa::restorer));
#else
  const int want = SA_SIGINFO | SA_ONSTACK;
#endif
  CHECK((gback.sa_flags & want) == want);  // glibc does not define SA_RESTORER
  CHECK(from_glibc(gback.sa_mask) == act.mask);
  // SIG_IGN and SIG_DFL.
  act = {};
  act.handler = rawsys::sigaction::sig_ign();
  REQUIRE(rawsys::rt_sigaction(sig::usr2, act));
  REQUIRE(::sigaction(SIGUSR2, nullptr, &gback) == 0);
  CHECK(addr(gback.sa_handler) == addr(SIG_IGN));
  act.handler = rawsys::sigaction::sig_dfl();
  REQUIRE(rawsys::rt_sigaction(sig::usr2, act));
  REQUIRE(::sigaction(SIGUSR2, nullptr, &gback) == 0);
  CHECK(addr(gback.sa_handler) == addr(SIG_DFL));
}

TEST_CASE("rt_sigaction: errors match glibc") {
  rawsys::sigaction act;
  act.handler = plain_handler;
  struct ::sigaction g {};
  g.sa_handler = SIG_IGN;
  // SIGKILL's disposition cannot change.
  CHECK(rawsys::rt_sigaction(sig::kill, act) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::rt_sigaction(sig::kill, act)) == glibc(::sigaction(SIGKILL, &g, nullptr)));
  // A signal number out of range.
  CHECK(outcome(rawsys::rt_sigaction(static_cast<sig>(65), act)) == glibc(::sigaction(65, &g, nullptr)));
  // The kernel checks sigsetsize: only _NSIG / 8 (8; 16 on mips).
  rawsys::sigaction old;
  constexpr size_t wrong = 2 * sizeof(rawsys::sigset);
  CHECK(rawsys::rt_sigaction(sig::usr1, nullptr, &old, wrong) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::rt_sigaction(sig::usr1, nullptr, &old, wrong)) == glibc(::syscall(SYS_rt_sigaction, SIGUSR1, nullptr, &old, wrong)));
  // A bad pointer.
  void* gone = unmapped_page();
  CHECK(rawsys::rt_sigaction(sig::usr1, nullptr, static_cast<rawsys::sigaction*>(gone)) ==
        rawsys::unexpected(errc::efault));
  // (glibc's sigaction() copies through its own buffer and would crash here.)
  CHECK(outcome(rawsys::rt_sigaction(sig::usr1, nullptr, static_cast<rawsys::sigaction*>(gone))) == glibc(::syscall(SYS_rt_sigaction, SIGUSR1, nullptr, gone, sizeof(rawsys::sigset))));
}

TEST_CASE("rt_sigaction: an sa::siginfo handler sees signo, code, sender and context") {
  saved_action keep(sig::usr2);
  saved_mask mask;
  rawsys::sigset unblock;
  unblock.add(sig::usr2);
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::unblock, &unblock, nullptr));
  rawsys::sigaction act;
  act.action = info_handler;
  act.flags = sa::siginfo;
  REQUIRE(rawsys::rt_sigaction(sig::usr2, act));

  info_count = 0;
  raise_here(sig::usr2);  // tgkill: SI_TKILL
  REQUIRE(info_count == 1);
  CHECK(seen.handler_arg == SIGUSR2);
  CHECK(seen.signo == SIGUSR2);
  CHECK(seen.code == SI_TKILL);
  CHECK(seen.pid == ::getpid());
  CHECK(seen.uid == ::getuid());
  CHECK(seen.has_context);

  // kill: SI_USER. The signal goes to the process; this thread is the one
  // with it unblocked.
  REQUIRE(rawsys::kill(rawsys::getpid(), sig::usr2));
  REQUIRE(info_count == 2);
  CHECK(seen.signo == SIGUSR2);
  CHECK(seen.code == SI_USER);
  CHECK(seen.pid == ::getpid());
}

TEST_CASE("rt_sigprocmask: blocks what glibc then sees blocked") {
  saved_mask keep;
  rawsys::sigset block;
  block.add(sig::usr1).add(rawsys::sigrt(7));
  rawsys::sigset before;
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::block, &block, &before));
  sigset_t g;
  REQUIRE(::pthread_sigmask(SIG_BLOCK, nullptr, &g) == 0);
  CHECK(sigismember(&g, SIGUSR1) == 1);
  CHECK(sigismember(&g, 32 + 7) == 1);
  rawsys::sigset now;
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::unblock, &block, &now));
  CHECK(now == (rawsys::sigset{before.mask | block.mask}));
  REQUIRE(::pthread_sigmask(SIG_BLOCK, nullptr, &g) == 0);
  CHECK(from_glibc(g) == before);
  // setmask; then glibc's view round-trips through rawsys.
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::setmask, &block, nullptr));
  REQUIRE(::pthread_sigmask(SIG_BLOCK, nullptr, &g) == 0);
  CHECK(from_glibc(g) == block);
  // SIGKILL and SIGSTOP cannot be blocked; the kernel drops them silently.
  rawsys::sigset all = rawsys::sigset::full();
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::setmask, &all, nullptr));
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::block, nullptr, &now));
  CHECK_FALSE(now.has(sig::kill));
  CHECK_FALSE(now.has(sig::stop));
  CHECK(now.has(sig::usr2));
}

TEST_CASE("rt_sigprocmask: errors match glibc") {
  rawsys::sigset block;
  block.add(sig::usr1);
  const auto bad_how = static_cast<rawsys::how>(99);
  CHECK(rawsys::rt_sigprocmask(bad_how, &block, nullptr) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::rt_sigprocmask(bad_how, &block, nullptr)) == glibc(::syscall(SYS_rt_sigprocmask, 99, &block, nullptr, sizeof(rawsys::sigset))));
  CHECK(rawsys::rt_sigprocmask(rawsys::how::block, &block, nullptr, 4) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::rt_sigprocmask(rawsys::how::block, &block, nullptr, 4)) == glibc(::syscall(SYS_rt_sigprocmask, SIG_BLOCK, &block, nullptr, 4)));
  void* gone = unmapped_page();
  CHECK(rawsys::rt_sigprocmask(rawsys::how::block, nullptr, static_cast<rawsys::sigset*>(gone)) ==
        rawsys::unexpected(errc::efault));
  CHECK(outcome(rawsys::rt_sigprocmask(rawsys::how::block, nullptr, static_cast<rawsys::sigset*>(gone))) == glibc(::sigprocmask(SIG_BLOCK, nullptr, static_cast<sigset_t*>(gone))));
}

TEST_CASE("rt_sigpending and rt_sigtimedwait: a blocked signal waits, then is taken with its siginfo") {
  saved_mask keep;
  rawsys::sigset block;
  block.add(sig::usr1);
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::block, &block, nullptr));
  raise_here(sig::usr1);
  auto pending = rawsys::rt_sigpending();
  REQUIRE(pending);
  CHECK(pending->has(sig::usr1));
  sigset_t g;
  REQUIRE(::sigpending(&g) == 0);
  CHECK(from_glibc(g) == *pending);

  rawsys::siginfo info{};
  const rawsys::timespec zero{0, 0};
  CHECK(rawsys::rt_sigtimedwait(&block, &info, &zero) == sig::usr1);
  CHECK(info.signo == SIGUSR1);
  CHECK(info.code == SI_TKILL);
  CHECK(info.pid() == ::getpid());
  CHECK(info.uid() == ::getuid());
  REQUIRE(rawsys::rt_sigpending(&*pending));
  CHECK_FALSE(pending->has(sig::usr1));

  // Nothing pending and no time to wait: EAGAIN, as glibc's sigtimedwait.
  sigset_t gblock;
  sigemptyset(&gblock);
  sigaddset(&gblock, SIGUSR1);
  const struct ::timespec gzero {};
  CHECK(rawsys::rt_sigtimedwait(&block, &info, &zero) == rawsys::unexpected(errc::eagain));
  CHECK(outcome(rawsys::rt_sigtimedwait(&block, &info, &zero)) ==
        glibc(::sigtimedwait(&gblock, nullptr, &gzero)));
  // A timeout with nsec out of range: EINVAL.
  const rawsys::timespec bad{0, 2'000'000'000};
  const struct ::timespec gbad {0, 2'000'000'000};
  CHECK(rawsys::rt_sigtimedwait(&block, nullptr, &bad) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::rt_sigtimedwait(&block, nullptr, &bad)) ==
        glibc(::sigtimedwait(&gblock, nullptr, &gbad)));
}

TEST_CASE("rt_sigpending: errors match glibc") {
  rawsys::sigset s;
  constexpr size_t wrong = 2 * sizeof(rawsys::sigset);  // more than _NSIG / 8
  CHECK(rawsys::rt_sigpending(&s, wrong) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::rt_sigpending(&s, wrong)) == glibc(::syscall(SYS_rt_sigpending, &s, wrong)));
  void* gone = unmapped_page();
  CHECK(rawsys::rt_sigpending(static_cast<rawsys::sigset*>(gone)) == rawsys::unexpected(errc::efault));
  CHECK(outcome(rawsys::rt_sigpending(static_cast<rawsys::sigset*>(gone))) == glibc(::sigpending(static_cast<sigset_t*>(gone))));
}

TEST_CASE("rt_sigsuspend: a pending signal runs its handler, and the call says EINTR like glibc") {
  saved_action keep(sig::usr1);
  saved_mask mask;
  rawsys::sigset block;
  block.add(sig::usr1);
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::block, &block, nullptr));
  rawsys::sigaction act;
  act.handler = plain_handler;
  REQUIRE(rawsys::rt_sigaction(sig::usr1, act));
  plain_count = 0;
  rawsys::sigset wait_mask;  // nothing blocked while suspended
  raise_here(sig::usr1);
  CHECK(rawsys::rt_sigsuspend(&wait_mask) == rawsys::unexpected(errc::eintr));
  CHECK(plain_count == 1);
  raise_here(sig::usr1);
  sigset_t gwait;
  sigemptyset(&gwait);
  CHECK(outcome(rawsys::result<long>(rawsys::unexpected(errc::eintr))) == glibc(::sigsuspend(&gwait)));
  CHECK(plain_count == 2);
  // The mask is back to blocking usr1 after each.
  rawsys::sigset now;
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::block, nullptr, &now));
  CHECK(now.has(sig::usr1));
  // A wrong size is refused before sleeping.
  CHECK(rawsys::rt_sigsuspend(&wait_mask, 4) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::rt_sigsuspend(&wait_mask, 4)) == glibc(::syscall(SYS_rt_sigsuspend, &wait_mask, 4)));
}

TEST_CASE("restart_syscall: with no restart pending, EINTR as glibc's syscall() answers") {
  // The kernel's restart block holds do_no_restart_syscall unless a handler
  // has just interrupted a restartable call: EINTR.
  const auto mine = rawsys::restart_syscall();
  CHECK(outcome(mine) == glibc(::syscall(SYS_restart_syscall)));
  REQUIRE(!mine);
  if (mine.error() == errc::enosys && rawsys_test::under_qemu_user()) {
    rawsys_test::skip(rawsys_test::why_unavailable("restart_syscall", errc::enosys));
    return;
  }
  CHECK(mine.error() == errc::eintr);
}

namespace {
volatile uintptr_t handler_local = 0;
volatile int handler_ss_flags = -1;
void altstack_handler(sig) {
  // The frame's address, not a local's: ASan may keep locals on a fake stack.
  handler_local = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  rawsys::stack_t now;
  if (rawsys::sigaltstack(nullptr, &now)) handler_ss_flags = static_cast<int>(rawsys::bits(now.flags));
}
}  // namespace

TEST_CASE("sigaltstack: a handler with sa::onstack runs on the alternate stack") {
  saved_action keep(sig::usr2);
  saved_mask mask;
  rawsys::sigset unblock;
  unblock.add(sig::usr2);
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::unblock, &unblock, nullptr));
  const size_t size = 4 * rawsys::sigstksz;
  void* mem = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(mem != MAP_FAILED);
  rawsys::stack_t ss;
  ss.sp = mem;
  ss.size = size;
  rawsys::stack_t old;
  REQUIRE(rawsys::sigaltstack(&ss, &old));
  // glibc sees it.
  ::stack_t g;
  REQUIRE(::sigaltstack(nullptr, &g) == 0);
  CHECK(g.ss_sp == mem);
  CHECK(g.ss_size == size);
  CHECK(g.ss_flags == 0);

  rawsys::sigaction act;
  act.handler = altstack_handler;
  act.flags = sa::onstack;
  REQUIRE(rawsys::rt_sigaction(sig::usr2, act));
  handler_local = 0;
  raise_here(sig::usr2);
  const uintptr_t lo = reinterpret_cast<uintptr_t>(mem);
  CHECK(handler_local >= lo);
  CHECK(handler_local < lo + size);
  CHECK(handler_ss_flags == SS_ONSTACK);  // the kernel says so while it runs

  // Errors: too small (ENOMEM), bad flags (EINVAL), as glibc says. (Far
  // below MINSIGSTKSZ: qemu-user checks its own, smaller, minimum for arm64.)
  rawsys::stack_t small = ss;
  small.size = 1024;
  ::stack_t gsmall = g;
  gsmall.ss_size = 1024;
  CHECK(rawsys::sigaltstack(&small, nullptr) == rawsys::unexpected(errc::enomem));
  CHECK(outcome(rawsys::sigaltstack(&small, nullptr)) == glibc(::sigaltstack(&gsmall, nullptr)));
  rawsys::stack_t badflags = ss;
  badflags.flags = static_cast<rawsys::ss::flags>(0x40);
  ::stack_t gbadflags = g;
  gbadflags.ss_flags = 0x40;
  CHECK(rawsys::sigaltstack(&badflags, nullptr) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::sigaltstack(&badflags, nullptr)) == glibc(::sigaltstack(&gbadflags, nullptr)));

  // Put the previous stack back (or disable ours).
  if (rawsys::has(old.flags, rawsys::ss::disable)) {
    rawsys::stack_t off;
    off.flags = rawsys::ss::disable;
    CHECK(rawsys::sigaltstack(&off, nullptr));
  } else {
    CHECK(rawsys::sigaltstack(&old, nullptr));
  }
  ::munmap(mem, size);
}

TEST_CASE("signalfd4: a blocked signal read as signalfd_siginfo") {
  saved_mask keep;
  rawsys::sigset mask;
  mask.add(sig::usr2);
  REQUIRE(rawsys::rt_sigprocmask(rawsys::how::block, &mask, nullptr));
  auto sfd = rawsys::signalfd4(mask, rawsys::sfd::cloexec | rawsys::sfd::nonblock);
  REQUIRE(sfd);
  CHECK(::fcntl(sfd->get(), F_GETFD) == FD_CLOEXEC);
  CHECK((::fcntl(sfd->get(), F_GETFL) & O_NONBLOCK) != 0);
  rawsys::signalfd_siginfo si{};
  const ssize_t nothing = ::read(sfd->get(), &si, sizeof si);  // nothing yet
  const int read_errno = errno;
  CHECK(nothing == -1);
  CHECK(read_errno == EAGAIN);
  raise_here(sig::usr2);
  REQUIRE(::read(sfd->get(), &si, sizeof si) == static_cast<ssize_t>(sizeof si));
  CHECK(si.signo == SIGUSR2);
  CHECK(si.code == SI_TKILL);
  CHECK(si.pid == static_cast<uint32_t>(::getpid()));
  CHECK(si.uid == ::getuid());

  // Replacing the mask of an existing signalfd returns the same descriptor.
  rawsys::sigset other;
  other.add(sig::usr1).add(sig::usr2);
  auto same = rawsys::signalfd4(*sfd, &other, sizeof other, {});
  CHECK(same == rawsys::fd(sfd->get()));
  // glibc's signalfd on the same mask makes an equivalent descriptor.
  sigset_t g;
  sigemptyset(&g);
  sigaddset(&g, SIGUSR2);
  const int theirs = ::signalfd(-1, &g, SFD_CLOEXEC);
  REQUIRE(theirs >= 0);
  CHECK(::fcntl(theirs, F_GETFD) == FD_CLOEXEC);
  ::close(theirs);
}

TEST_CASE("signalfd4: errors match glibc") {
  rawsys::sigset mask;
  mask.add(sig::usr2);
  sigset_t g;
  sigemptyset(&g);
  sigaddset(&g, SIGUSR2);
  // Unknown flags.
  const auto bad = static_cast<rawsys::sfd::flags>(1);
  CHECK(outcome(rawsys::signalfd4(mask, bad)) ==
        rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::signalfd4(rawsys::fd(-1), &mask, sizeof mask, bad)) ==
        glibc(::signalfd(-1, &g, 1)));
  // A descriptor that is not open: EBADF; one that is not a signalfd: EINVAL.
  CHECK(outcome(rawsys::signalfd4(rawsys::fd(1 << 20), &mask, sizeof mask, {})) ==
        glibc(::signalfd(1 << 20, &g, 0)));
  CHECK(rawsys::signalfd4(rawsys::fd(1 << 20), &mask, sizeof mask, {}) == rawsys::unexpected(errc::ebadf));
  int p[2];
  REQUIRE(::pipe(p) == 0);
  CHECK(rawsys::signalfd4(rawsys::fd(p[0]), &mask, sizeof mask, {}) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::signalfd4(rawsys::fd(p[0]), &mask, sizeof mask, {})) ==
        glibc(::signalfd(p[0], &g, 0)));
  ::close(p[0]);
  ::close(p[1]);
}

TEST_CASE("kill and tgkill: success and errors as glibc reports them") {
  // Signal 0 only checks.
  const auto zero = static_cast<sig>(0);
  CHECK(rawsys::kill(rawsys::getpid(), zero));
  CHECK(outcome(rawsys::kill(rawsys::getpid(), zero)) == glibc(::kill(::getpid(), 0)));
  CHECK(rawsys::tgkill(rawsys::getpid(), rawsys::gettid(), zero));
  CHECK(outcome(rawsys::tgkill(rawsys::getpid(), rawsys::gettid(), zero)) == glibc(::tgkill(::getpid(), ::gettid(), 0)));
  // No such process (above any pid_max).
  const int nobody = 0x7ffffff0;
  CHECK(rawsys::kill(nobody, zero) == rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::kill(nobody, zero)) == glibc(::kill(nobody, 0)));
  CHECK(rawsys::tgkill(rawsys::getpid(), nobody, zero) == rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::tgkill(rawsys::getpid(), nobody, zero)) == glibc(::tgkill(::getpid(), nobody, 0)));
  // A signal number out of range; a tid that cannot be.
  CHECK(rawsys::kill(rawsys::getpid(), static_cast<sig>(1000)) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::kill(rawsys::getpid(), static_cast<sig>(1000))) == glibc(::kill(::getpid(), 1000)));
  CHECK(rawsys::tgkill(rawsys::getpid(), -1, zero) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::tgkill(rawsys::getpid(), -1, zero)) == glibc(::tgkill(::getpid(), -1, 0)));
}

#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
namespace {
// Makes one syscall number, and clock_gettime64, fail with `err` in this
// process (a forked child), as on a kernel without the time64 calls (rawsys
// learns that from clock_gettime64): a seccomp filter on the numbers.
bool fail_syscall_with(long number, int err) {
  struct sock_filter code[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<uint32_t>(number), 1, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<uint32_t>(SYS_clock_gettime64), 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | static_cast<uint32_t>(err)),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = {static_cast<unsigned short>(sizeof code / sizeof code[0]), code};
  rawsys_test::forget_time64();
  return ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
         ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0;
}
}  // namespace

TEST_CASE("32-bit: rt_sigtimedwait falls back to the 32-bit call when the time64 one is ENOSYS") {
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // Each failed check exits with its own code.
    if (!fail_syscall_with(static_cast<long>(rawsys::nr::rt_sigtimedwait_time64), ENOSYS)) ::_exit(10);
    rawsys::sigset block;
    block.add(sig::usr1);
    if (!rawsys::rt_sigprocmask(rawsys::how::block, &block, nullptr)) ::_exit(11);
    // The filter works: the time64 call itself is ENOSYS now.
    if (rawsys::syscall(rawsys::nr::rt_sigtimedwait_time64, &block, nullptr, nullptr, sizeof(rawsys::sigset)) !=
        rawsys::unexpected(errc::enosys))
      ::_exit(12);
    rawsys::siginfo info{};
    const rawsys::timespec zero{0, 0};
    if (rawsys::rt_sigtimedwait(&block, &info, &zero) != rawsys::unexpected(errc::eagain)) ::_exit(13);
    if (!rawsys::tgkill(rawsys::getpid(), rawsys::gettid(), sig::usr1)) ::_exit(14);
    const rawsys::timespec second{1, 0};
    if (rawsys::rt_sigtimedwait(&block, &info, &second) != sig::usr1) ::_exit(15);
    if (info.signo != SIGUSR1 || info.code != SI_TKILL) ::_exit(16);
    const rawsys::timespec bad{0, 2'000'000'000};
    if (rawsys::rt_sigtimedwait(&block, &info, &bad) != rawsys::unexpected(errc::einval)) ::_exit(17);
    const rawsys::timespec far{int64_t{1} << 40, 0};
    if (rawsys::rt_sigtimedwait(&block, &info, &far) != rawsys::unexpected(errc::eoverflow)) ::_exit(18);
    const rawsys::timespec wide{0, (int64_t{1} << 32) + 5};  // would truncate to a valid 5
    if (rawsys::rt_sigtimedwait(&block, &info, &wide) != rawsys::unexpected(errc::einval)) ::_exit(19);
    ::_exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 10) {
    rawsys_test::skip(rawsys_test::why_no_seccomp_filter());
    return;
  }
  CHECK(WEXITSTATUS(status) == 0);
}
#endif

namespace {
void on_alarm(int) {}
}  // namespace

TEST_CASE("tkill: success and errors as glibc's syscall() reports them") {
  const auto zero = static_cast<sig>(0);
  CHECK(rawsys::tkill(rawsys::gettid(), zero));
  CHECK(outcome(rawsys::tkill(rawsys::gettid(), zero)) == glibc(::syscall(SYS_tkill, ::gettid(), 0)));
  const int nobody = 0x7ffffff0;
  CHECK(rawsys::tkill(nobody, zero) == rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::tkill(nobody, zero)) == glibc(::syscall(SYS_tkill, nobody, 0)));
  CHECK(rawsys::tkill(-1, zero) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::tkill(-1, zero)) == glibc(::syscall(SYS_tkill, -1, 0)));
  // A real signal, blocked, then taken: it came from tkill.
  CHECK(rawsys_test::in_child([] {
    rawsys::sigset block;
    block.add(sig::usr2);
    if (!rawsys::rt_sigprocmask(rawsys::how::block, &block, nullptr)) return 1;
    if (!rawsys::tkill(rawsys::gettid(), sig::usr2)) return 2;
    rawsys::siginfo info{};
    const rawsys::timespec zero_time{0, 0};
    if (rawsys::rt_sigtimedwait(&block, &info, &zero_time) != sig::usr2) return 3;
    return info.code == SI_TKILL && info.pid() == ::getpid() ? 0 : 4;
  }) == 0);
}

TEST_CASE("rt_sigqueueinfo and rt_tgsigqueueinfo: a queued value arrives, errors as glibc's") {
  CHECK(rawsys_test::in_child([] {
    rawsys::sigset block;
    block.add(sig::usr1);
    if (!rawsys::rt_sigprocmask(rawsys::how::block, &block, nullptr)) return 1;
    rawsys::siginfo info{};
    info.signo = SIGUSR1;
    info.code = rawsys::si::queue;
    info.rt.pid = rawsys::getpid();
    info.rt.uid = rawsys::getuid();
    info.rt.value.int_ = 42;
    if (!rawsys::rt_sigqueueinfo(rawsys::getpid(), sig::usr1, &info)) return 2;
    rawsys::siginfo got{};
    const rawsys::timespec zero{0, 0};
    if (rawsys::rt_sigtimedwait(&block, &got, &zero) != sig::usr1) return 3;
    if (got.code != SI_QUEUE || got.rt.value.int_ != 42) return 4;
    info.rt.value.int_ = 43;
    if (!rawsys::rt_tgsigqueueinfo(rawsys::getpid(), rawsys::gettid(), sig::usr1, &info)) return 5;
    if (rawsys::rt_sigtimedwait(&block, &got, &zero) != sig::usr1) return 6;
    if (got.code != SI_QUEUE || got.rt.value.int_ != 43) return 7;
    // glibc's sigqueue makes the same call: the same siginfo arrives.
    union ::sigval v;
    v.sival_int = 44;
    if (::sigqueue(::getpid(), SIGUSR1, v) != 0) return 8;
    if (rawsys::rt_sigtimedwait(&block, &got, &zero) != sig::usr1) return 9;
    return got.code == SI_QUEUE && got.rt.value.int_ == 44 ? 0 : 10;
  }) == 0);
  rawsys::siginfo info{};
  info.signo = SIGUSR1;
  info.code = rawsys::si::queue;
  const int nobody = 0x7ffffff0;
  CHECK(rawsys::rt_sigqueueinfo(nobody, sig::usr1, &info) == rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::rt_sigqueueinfo(nobody, sig::usr1, &info)) ==
        glibc(::syscall(SYS_rt_sigqueueinfo, nobody, SIGUSR1, &info)));
  CHECK(outcome(rawsys::rt_tgsigqueueinfo(::getpid(), nobody, sig::usr1, &info)) ==
        glibc(::syscall(SYS_rt_tgsigqueueinfo, ::getpid(), nobody, SIGUSR1, &info)));
  // A non-negative code (as if from kill) to another process: EPERM, and
  // nothing is sent.
  info.code = rawsys::si::user;
  CHECK(rawsys::rt_sigqueueinfo(::getppid(), sig::usr1, &info) == rawsys::unexpected(errc::eperm));
  CHECK(outcome(rawsys::rt_sigqueueinfo(::getppid(), sig::usr1, &info)) ==
        glibc(::syscall(SYS_rt_sigqueueinfo, ::getppid(), SIGUSR1, &info)));
  CHECK(outcome(rawsys::rt_tgsigqueueinfo(::getppid(), ::getppid(), sig::usr1, &info)) ==
        glibc(::syscall(SYS_rt_tgsigqueueinfo, ::getppid(), ::getppid(), SIGUSR1, &info)));
}

TEST_CASE("alarm: the time left is what glibc's alarm reports, both ways") {
  // alarm cannot fail; in a child, so that no SIGALRM reaches the runner.
  CHECK(rawsys_test::in_child([] {
    // The seconds left are rounded to the nearest: 99 once half a second has
    // gone by (a loaded machine, qemu).
    if (rawsys::alarm(100) != 0) return 1;
    if (const unsigned left = ::alarm(0); left != 100 && left != 99) return 2;  // what rawsys set, as glibc reads it
    if (::alarm(50) != 0) return 3;
    if (const unsigned left = rawsys::alarm(0); left != 50 && left != 49) return 4;  // what glibc set, as rawsys reads it
    if (rawsys::alarm(0) != 0) return 5;  // none left
    return 0;
  }) == 0);
}

TEST_CASE("pause: EINTR after a handler, as glibc's pause") {
  CHECK(rawsys_test::in_child([] {
    struct ::sigaction act {};
    act.sa_handler = on_alarm;
    if (::sigaction(SIGALRM, &act, nullptr) != 0) return 1;
    // A timer every 20 ms (glibc's setitimer): the handler interrupts each
    // pause. Periodic, because a single tick can come before pause starts
    // (a loaded machine, or qemu translating the code), and pause would then
    // wait for ever.
    const struct ::itimerval every {{0, 20000}, {0, 20000}};
    if (::setitimer(ITIMER_REAL, &every, nullptr) != 0) return 2;
    if (rawsys::pause() != rawsys::unexpected(errc::eintr)) return 3;
    errno = 0;
    if (::pause() != -1 || errno != EINTR) return 5;
    const struct ::itimerval off {};
    if (::setitimer(ITIMER_REAL, &off, nullptr) != 0) return 6;
    return 0;
  }) == 0);
}
