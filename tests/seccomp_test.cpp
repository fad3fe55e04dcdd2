// seccomp(2) and rawsys::seccomp_filter: constants and layouts against
// <linux/seccomp.h> and <linux/audit.h>; the built programs evaluated for each
// ABI; and children under real filters (allowed calls work, others get the
// chosen errno or SIGSYS), checked by the parent through waitpid.
// glibc and kernel headers first, rawsys after them (the other order is
// covered by the other suites).
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rawsys/nr/aarch64.hpp>  // the foreign tables the filters below are built for
#include <rawsys/nr/i386.hpp>
#include <rawsys/nr/x86_64.hpp>

#include "skip.hpp"

using rawsys::errc;
using rawsys::nr;
using rawsys::seccomp_action;
using rawsys_test::glibc;
using rawsys_test::glibc_void;
namespace ret = rawsys::seccomp_ret;
namespace sff = rawsys::seccomp_filter_flag;

// Operations, flags and actions.
static_assert(static_cast<unsigned>(rawsys::seccomp_op::set_mode_strict) == SECCOMP_SET_MODE_STRICT);
static_assert(static_cast<unsigned>(rawsys::seccomp_op::set_mode_filter) == SECCOMP_SET_MODE_FILTER);
static_assert(static_cast<unsigned>(rawsys::seccomp_op::get_action_avail) == SECCOMP_GET_ACTION_AVAIL);
static_assert(static_cast<unsigned>(rawsys::seccomp_op::get_notif_sizes) == SECCOMP_GET_NOTIF_SIZES);
static_assert(rawsys::bits(sff::tsync) == SECCOMP_FILTER_FLAG_TSYNC);
static_assert(rawsys::bits(sff::log) == SECCOMP_FILTER_FLAG_LOG);
static_assert(rawsys::bits(sff::spec_allow) == SECCOMP_FILTER_FLAG_SPEC_ALLOW);
static_assert(rawsys::bits(sff::new_listener) == SECCOMP_FILTER_FLAG_NEW_LISTENER);
static_assert(rawsys::bits(sff::tsync_esrch) == SECCOMP_FILTER_FLAG_TSYNC_ESRCH);
#ifdef SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV
static_assert(rawsys::bits(sff::wait_killable_recv) == SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV);
#endif
static_assert(static_cast<uint32_t>(ret::kill_process) == SECCOMP_RET_KILL_PROCESS);
static_assert(static_cast<uint32_t>(ret::kill_thread) == SECCOMP_RET_KILL_THREAD);
static_assert(static_cast<uint32_t>(ret::trap) == SECCOMP_RET_TRAP);
static_assert(static_cast<uint32_t>(ret::user_notif) == SECCOMP_RET_USER_NOTIF);
static_assert(static_cast<uint32_t>(ret::trace) == SECCOMP_RET_TRACE);
static_assert(static_cast<uint32_t>(ret::log) == SECCOMP_RET_LOG);
static_assert(static_cast<uint32_t>(ret::allow) == SECCOMP_RET_ALLOW);
static_assert(static_cast<uint32_t>(ret::error(errc::eperm)) == (SECCOMP_RET_ERRNO | EPERM));
static_assert(static_cast<uint32_t>(ret::error(errc::enosys)) == (SECCOMP_RET_ERRNO | ENOSYS));
static_assert(static_cast<uint32_t>(ret::with_data(ret::trace, 7)) == (SECCOMP_RET_TRACE | 7));
static_assert(ret::action_full == SECCOMP_RET_ACTION_FULL);
static_assert(ret::data == SECCOMP_RET_DATA);

// struct seccomp_data, seccomp_notif_sizes.
static_assert(sizeof(rawsys::seccomp_data) == sizeof(struct seccomp_data));
static_assert(offsetof(rawsys::seccomp_data, nr) == offsetof(struct seccomp_data, nr));
static_assert(offsetof(rawsys::seccomp_data, arch) == offsetof(struct seccomp_data, arch));
static_assert(offsetof(rawsys::seccomp_data, instruction_pointer) ==
              offsetof(struct seccomp_data, instruction_pointer));
static_assert(offsetof(rawsys::seccomp_data, args) == offsetof(struct seccomp_data, args));
static_assert(sizeof(rawsys::seccomp_notif_sizes) == sizeof(struct seccomp_notif_sizes));

// Architectures.
static_assert(static_cast<uint32_t>(rawsys::audit_arch::x86_64) == AUDIT_ARCH_X86_64);
static_assert(static_cast<uint32_t>(rawsys::audit_arch::ia32) == AUDIT_ARCH_I386);
static_assert(static_cast<uint32_t>(rawsys::audit_arch::aarch64) == AUDIT_ARCH_AARCH64);
static_assert(static_cast<uint32_t>(rawsys::audit_arch::arm) == AUDIT_ARCH_ARM);
static_assert(static_cast<uint32_t>(rawsys::audit_arch::riscv64) == AUDIT_ARCH_RISCV64);
#if defined(__x86_64__)
static_assert(rawsys::native_audit_arch == rawsys::audit_arch::x86_64);
static_assert(rawsys::x32_syscall_bit == __X32_SYSCALL_BIT);
#elif defined(__i386__)
static_assert(rawsys::native_audit_arch == rawsys::audit_arch::ia32);
#elif defined(__aarch64__)
static_assert(rawsys::native_audit_arch == rawsys::audit_arch::aarch64);
#elif defined(__arm__)
static_assert(rawsys::native_audit_arch == rawsys::audit_arch::arm);
#elif defined(__mips__) && _MIPS_SIM == _ABIO32
static_assert(rawsys::native_audit_arch == rawsys::audit_arch::mipsel);
static_assert(static_cast<uint32_t>(rawsys::audit_arch::mipsel) == AUDIT_ARCH_MIPSEL);
#elif defined(__mips__)
static_assert(rawsys::native_audit_arch == rawsys::audit_arch::mipsel64);
static_assert(static_cast<uint32_t>(rawsys::audit_arch::mipsel64) == AUDIT_ARCH_MIPSEL64);
#elif defined(__riscv) && __riscv_xlen == 64
static_assert(rawsys::native_audit_arch == rawsys::audit_arch::riscv64);
#endif

// A filter can be built at compile time.
constexpr size_t constexpr_filter_size() {
  rawsys::sock_filter prog[16]{};
  rawsys::seccomp_filter<rawsys::aarch64::nr> f(prog);
  f.allow(rawsys::aarch64::nr::read, rawsys::aarch64::nr::write);
  auto p = f.finish(ret::kill_process);
  return p ? p->len : 0;
}
static_assert(constexpr_filter_size() == 4 + 2 * 2 + 1);

namespace {

// A classic BPF interpreter for what seccomp_filter emits: the verdict of
// `prog` for one seccomp_data, as the kernel would compute it.
uint32_t run_filter(const rawsys::sock_fprog& prog, const rawsys::seccomp_data& d) {
  uint32_t a = 0;
  for (size_t pc = 0; pc < prog.len;) {
    const rawsys::sock_filter& i = prog.filter[pc];
    switch (i.code) {
      case BPF_LD | BPF_W | BPF_ABS:
        REQUIRE(i.k + 4 <= sizeof d);
        memcpy(&a, reinterpret_cast<const char*>(&d) + i.k, 4);
        ++pc;
        break;
      case BPF_JMP | BPF_JEQ | BPF_K:
        pc += 1 + (a == i.k ? i.jt : i.jf);
        break;
      case BPF_JMP | BPF_JGE | BPF_K:
        pc += 1 + (a >= i.k ? i.jt : i.jf);
        break;
      case BPF_RET | BPF_K:
        return i.k;
      default:
        FAIL("unexpected opcode " << i.code);
        return 0;
    }
  }
  FAIL("fell off the end of the program");
  return 0;
}

template <class Nr>
rawsys::seccomp_data call(rawsys::audit_arch arch, Nr n) {
  rawsys::seccomp_data d{};
  d.nr = static_cast<int>(n);
  d.arch = static_cast<uint32_t>(arch);
  return d;
}
rawsys::seccomp_data call_raw(uint32_t arch, uint32_t n) {
  rawsys::seccomp_data d{};
  d.nr = static_cast<int>(n);
  d.arch = arch;
  return d;
}

uint32_t v(seccomp_action a) { return static_cast<uint32_t>(a); }

// Runs f in a forked child that leaves with exit_group(f()); the wait status.
// f may use only raw calls: the child must not re-enter the test framework.
template <class F>
int in_child(F f) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int code = f();
    rawsys::raw::syscall(static_cast<long>(nr::exit_group), code);
    __builtin_trap();
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return status;
}

// seccomp(2) works here: checked by asking for an action every kernel since
// 4.14 knows, and comparing the answer with glibc's syscall().
bool seccomp_available() {
  uint32_t a = SECCOMP_RET_ALLOW;
  const auto mine = rawsys::seccomp_get_action_avail(ret::allow);
  const auto theirs = glibc_void(::syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &a));
  REQUIRE(mine.has_value() == theirs.has_value());
  if (mine) return true;
  REQUIRE(mine.error() == theirs.error());
  rawsys_test::skip(rawsys_test::why_unavailable("seccomp", mine.error()));
  return false;
}

long prctl_no_new_privs() {
  return rawsys::raw::syscall(static_cast<long>(nr::prctl), PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

}  // namespace

TEST_CASE("seccomp_filter: the program for each ABI gives each call its action") {
  SUBCASE("native ABI") {
    rawsys::sock_filter prog[32];
    rawsys::seccomp_filter f(prog);
    f.allow(nr::read, nr::write).on(nr::getppid, ret::error(errc::eperm)).on(nr::getpid, ret::log);
    f.on(nr::read, ret::kill_process);  // a later rule for the same number never matches
    auto p = f.finish(ret::error(errc::enosys));
    REQUIRE(p.has_value());
    CHECK(p->filter == prog);
    CHECK(p->len == f.size());
    const auto arch = rawsys::native_audit_arch;
    CHECK(run_filter(*p, call(arch, nr::read)) == SECCOMP_RET_ALLOW);
    CHECK(run_filter(*p, call(arch, nr::write)) == SECCOMP_RET_ALLOW);
    CHECK(run_filter(*p, call(arch, nr::getppid)) == (SECCOMP_RET_ERRNO | EPERM));
    CHECK(run_filter(*p, call(arch, nr::getpid)) == SECCOMP_RET_LOG);
    CHECK(run_filter(*p, call(arch, nr::close)) == (SECCOMP_RET_ERRNO | ENOSYS));
    // Another ABI's call, with a number that is allowed here: killed.
    const uint32_t other = arch == rawsys::audit_arch::aarch64 ? AUDIT_ARCH_X86_64 : AUDIT_ARCH_AARCH64;
    CHECK(run_filter(*p, call_raw(other, static_cast<uint32_t>(nr::read))) == SECCOMP_RET_KILL_PROCESS);
  }
  SUBCASE("x86-64: x32 numbers are another ABI") {
    using xnr = rawsys::x86_64::nr;
    rawsys::sock_filter prog[16];
    rawsys::seccomp_filter<xnr> f(prog, ret::trap);
    auto p = f.allow(xnr::getpid).finish(ret::allow);
    REQUIRE(p.has_value());
    CHECK(p->len == 6 + 2 + 1);
    CHECK(run_filter(*p, call(rawsys::audit_arch::x86_64, xnr::getpid)) == SECCOMP_RET_ALLOW);
    CHECK(run_filter(*p, call_raw(AUDIT_ARCH_X86_64, 0x40000000u | 39)) == SECCOMP_RET_TRAP);
    CHECK(run_filter(*p, call_raw(AUDIT_ARCH_I386, 20)) == SECCOMP_RET_TRAP);
  }
  SUBCASE("i386 and arm64 tables from any host") {
    rawsys::sock_filter prog[16];
    rawsys::seccomp_filter<rawsys::ia32::nr> f(prog, ret::allow);
    auto p = f.on(ret::error(errc::eacces), rawsys::ia32::nr::getppid, rawsys::ia32::nr::getuid32)
                 .finish(ret::kill_thread);
    REQUIRE(p.has_value());
    CHECK(p->len == 4 + 2 * 2 + 1);
    CHECK(run_filter(*p, call_raw(AUDIT_ARCH_I386, 64)) == (SECCOMP_RET_ERRNO | EACCES));  // getppid
    CHECK(run_filter(*p, call_raw(AUDIT_ARCH_I386, 199)) == (SECCOMP_RET_ERRNO | EACCES));  // getuid32
    CHECK(run_filter(*p, call_raw(AUDIT_ARCH_I386, 20)) == SECCOMP_RET_KILL_THREAD);
    CHECK(run_filter(*p, call_raw(AUDIT_ARCH_X86_64, 64)) == SECCOMP_RET_ALLOW);  // other ABI

    rawsys::sock_filter prog2[16];
    rawsys::seccomp_filter<rawsys::aarch64::nr> g(prog2);
    auto q = g.allow(rawsys::aarch64::nr::getppid).finish(ret::error(errc::eperm));
    REQUIRE(q.has_value());
    CHECK(run_filter(*q, call_raw(AUDIT_ARCH_AARCH64, 173)) == SECCOMP_RET_ALLOW);
    CHECK(run_filter(*q, call_raw(AUDIT_ARCH_AARCH64, 172)) == (SECCOMP_RET_ERRNO | EPERM));
  }
}

TEST_CASE("seccomp_filter: overflow of the caller's array is an error, not a write past it") {
  rawsys::sock_filter prog[8];
  const rawsys::sock_filter guard{0xdead, 1, 2, 3};
  prog[7] = guard;
  rawsys::seccomp_filter f(prog, 7);
  f.allow(nr::read, nr::write, nr::close);  // needs 4 or 6 + 6 + 1 instructions
  CHECK(f.finish(ret::allow) == rawsys::unexpected(errc::enobufs));
  CHECK(f.size() > 7);
  CHECK(prog[7] == guard);

  // The kernel's limit of 4096 instructions, even with room for more.
  static rawsys::sock_filter big[5000];
  rawsys::seccomp_filter g(big);
  for (int i = 0; i < 2046; ++i) g.allow(nr::read);
  CHECK(g.finish(ret::allow) == rawsys::unexpected(errc::e2big));
}

TEST_CASE("seccomp: GET_ACTION_AVAIL and GET_NOTIF_SIZES as glibc's syscall() sees them") {
  if (!seccomp_available()) return;
  const seccomp_action actions[] = {ret::kill_process, ret::kill_thread, ret::trap, ret::user_notif,
                                    ret::trace, ret::log, ret::allow, ret::error(errc::eperm)};
  for (seccomp_action a : actions) {
    uint32_t raw = v(a) & SECCOMP_RET_ACTION_FULL;
    CHECK(rawsys::seccomp_get_action_avail(a) ==
          glibc_void(::syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &raw)));
  }
  // An action no kernel has.
  uint32_t bogus = 0x12340000u;
  const auto e = rawsys::seccomp_get_action_avail(seccomp_action{bogus});
  CHECK(e == rawsys::unexpected(errc::eopnotsupp));
  CHECK(e == glibc_void(::syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &bogus)));

  struct seccomp_notif_sizes theirs {};
  REQUIRE(::syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &theirs) == 0);
  auto mine = rawsys::seccomp_get_notif_sizes();
  REQUIRE(mine.has_value());
  CHECK(mine->seccomp_notif == theirs.seccomp_notif);
  CHECK(mine->seccomp_notif_resp == theirs.seccomp_notif_resp);
  CHECK(mine->seccomp_data == theirs.seccomp_data);
  CHECK(mine->seccomp_data == sizeof(rawsys::seccomp_data));
}

TEST_CASE("seccomp: errors match glibc's syscall() (nothing is installed)") {
  if (!seccomp_available()) return;
  // Unknown operation, unknown flag, no program: EINVAL, EINVAL, EFAULT.
  CHECK(rawsys::seccomp(static_cast<rawsys::seccomp_op>(99), {}, nullptr) ==
        rawsys::unexpected(errc::einval));
  CHECK(rawsys::seccomp(static_cast<rawsys::seccomp_op>(99), {}, nullptr) ==
        glibc(::syscall(SYS_seccomp, 99, 0, nullptr)));
  rawsys::sock_filter prog[8];
  auto p = rawsys::seccomp_filter(prog).finish(ret::allow);
  REQUIRE(p.has_value());
  const auto bad_flag = sff::flags{1u << 30};
  CHECK(rawsys::seccomp_set_mode_filter(*p, bad_flag) == rawsys::unexpected(errc::einval));
  struct sock_fprog theirs {
    p->len, reinterpret_cast<struct sock_filter*>(prog)
  };
  CHECK(rawsys::seccomp_set_mode_filter(*p, bad_flag) ==
        glibc(::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 1u << 30, &theirs)));
  CHECK(rawsys::seccomp(rawsys::seccomp_op::set_mode_filter, {}, nullptr) ==
        glibc(::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, nullptr)));
  CHECK(rawsys::seccomp(rawsys::seccomp_op::set_mode_filter, {}, nullptr) ==
        rawsys::unexpected(errc::efault));
}

TEST_CASE("seccomp: a child under an allow-list gets the chosen errno for the rest") {
  if (!seccomp_available()) return;
  const int status = in_child([] {
    const long self = rawsys::raw::syscall(static_cast<long>(nr::getpid));
    rawsys::sock_filter prog[16];
    rawsys::seccomp_filter f(prog);
    f.allow(nr::exit_group, nr::getpid).on(nr::gettid, ret::log);
    auto p = f.finish(ret::error(errc::eperm));
    if (!p) return 10;
    if (prctl_no_new_privs() != 0) return 11;
    if (rawsys::seccomp_set_mode_filter(*p) != 0) return 12;
    if (rawsys::syscall(nr::getpid) != self) return 13;      // listed
    if (rawsys::syscall(nr::gettid) != self) return 14;      // listed, logged
    if (rawsys::syscall(nr::getppid) != rawsys::unexpected(errc::eperm)) return 15;
    if (rawsys::syscall(nr::umask, 022) != rawsys::unexpected(errc::eperm)) return 16;
    return 0;
  });
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("seccomp: an unlisted call kills the child with SIGSYS (kill_process, kill_thread, trap)") {
  if (!seccomp_available()) return;
  for (seccomp_action action : {ret::kill_process, ret::kill_thread, ret::trap}) {
    CAPTURE(v(action));
    const int status = in_child([action] {
      rawsys::sock_filter prog[16];
      auto p = rawsys::seccomp_filter(prog).allow(nr::exit_group, nr::getpid).finish(action);
      if (!p) return 10;
      if (prctl_no_new_privs() != 0) return 11;
      if (rawsys::seccomp_set_mode_filter(*p) != 0) return 12;
      if (!rawsys::syscall(nr::getpid)) return 13;
      (void)rawsys::syscall(nr::getppid);  // not listed: never returns
      return 14;
    });
    CHECK(WIFSIGNALED(status));
    if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == SIGSYS);
    if (WIFEXITED(status)) CHECK(WEXITSTATUS(status) == 0);  // shows where the child got to
  }
}

TEST_CASE("seccomp: strict mode allows write and kills at getpid") {
  if (!seccomp_available()) return;
  // Flags with strict mode: EINVAL from both.
  CHECK(rawsys::seccomp(rawsys::seccomp_op::set_mode_strict, sff::tsync, nullptr) ==
        glibc(::syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, SECCOMP_FILTER_FLAG_TSYNC, nullptr)));
  int p[2];
  REQUIRE(::pipe(p) == 0);
  const int wfd = p[1];
  const int status = in_child([wfd] {
    if (!rawsys::seccomp_set_mode_strict()) return 10;
    if (rawsys::syscall(nr::write, wfd, "s", 1) != 1) return 11;
    (void)rawsys::syscall(nr::getpid);  // not read, write, exit or sigreturn: SIGKILL
    return 12;
  });
  CHECK(WIFSIGNALED(status));
  if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == SIGKILL);
  if (WIFEXITED(status)) CHECK(WEXITSTATUS(status) == 0);
  char c = 0;
  CHECK(::read(p[0], &c, 1) == 1);
  CHECK(c == 's');
  ::close(p[0]);
  ::close(p[1]);
}

#if defined(__x86_64__)
TEST_CASE("seccomp: on x86-64 the filter stops x32 numbers and int $0x80 (i386) calls") {
  if (!seccomp_available()) return;
  SUBCASE("x32 getpid") {
    const int status = in_child([] {
      rawsys::sock_filter prog[16];
      auto p = rawsys::seccomp_filter(prog).finish(ret::allow);  // everything of x86-64 allowed
      if (!p || prctl_no_new_privs() != 0 || rawsys::seccomp_set_mode_filter(*p) != 0) return 10;
      (void)rawsys::raw::syscall(0x40000000L | static_cast<long>(nr::getpid));
      return 11;
    });
    CHECK(WIFSIGNALED(status));
    if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == SIGSYS);
  }
  SUBCASE("i386 getpid through int $0x80") {
    const int status = in_child([] {
      rawsys::sock_filter prog[16];
      auto p = rawsys::seccomp_filter(prog).finish(ret::allow);
      if (!p || prctl_no_new_privs() != 0 || rawsys::seccomp_set_mode_filter(*p) != 0) return 10;
      long r = 20;  // getpid in the i386 table
      asm volatile("int $0x80" : "+a"(r) : : "r8", "r9", "r10", "r11", "memory");
      return 11;
    });
    CHECK(WIFSIGNALED(status));
    if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == SIGSYS);
  }
}
#endif
