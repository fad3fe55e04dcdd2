// Processes: ids, sessions, fork/clone/exec/wait, raw threads on a
// caller-provided stack, limits, usage, affinity, prctl, uname, sysinfo;
// each call against glibc on the same arch, each constant and struct against
// glibc's headers (the kernel's headers in process_layout_test.cpp).
// rawsys comes first here (support.hpp), glibc's headers after.
#include "support.hpp"
#include "skip.hpp"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/filter.h>
#include <linux/futex.h>
#include <linux/seccomp.h>
#if defined(__x86_64__) || defined(__i386__)
#include <asm/prctl.h>
#endif

#include <stddef.h>
#include <string.h>

#include <string_view>

using rawsys::errc;
using rawsys::nr;
using rawsys::sig;
using rawsys_test::glibc;
namespace cf = rawsys::clone_flags;

namespace rawsys_test {
extern const unsigned long kernel_clone_args_size;
extern const unsigned long kernel_rusage_size;
extern const unsigned long kernel_sysinfo_size;
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
static_assert(rawsys::bits(cf::vm) == CLONE_VM && rawsys::bits(cf::fs) == CLONE_FS);
static_assert(rawsys::bits(cf::files) == CLONE_FILES && rawsys::bits(cf::sighand) == CLONE_SIGHAND);
static_assert(rawsys::bits(cf::thread) == CLONE_THREAD && rawsys::bits(cf::sysvsem) == CLONE_SYSVSEM);
static_assert(rawsys::bits(cf::settls) == CLONE_SETTLS);
static_assert(rawsys::bits(cf::parent_settid) == CLONE_PARENT_SETTID);
static_assert(rawsys::bits(cf::child_cleartid) == CLONE_CHILD_CLEARTID);
static_assert(rawsys::bits(cf::child_settid) == CLONE_CHILD_SETTID);
static_assert(rawsys::bits(cf::vfork) == CLONE_VFORK && rawsys::bits(cf::parent) == CLONE_PARENT);
static_assert(rawsys::bits(cf::newns) == CLONE_NEWNS && rawsys::bits(cf::newpid) == CLONE_NEWPID);
static_assert(rawsys::bits(cf::newuser) == CLONE_NEWUSER && rawsys::bits(cf::newnet) == CLONE_NEWNET);
static_assert(rawsys::bits(cf::exit_signal(sig::chld)) == SIGCHLD);
static_assert(rawsys::bits(rawsys::at::empty_path) == AT_EMPTY_PATH);  // execveat's two
static_assert(rawsys::bits(rawsys::at::symlink_nofollow) == AT_SYMLINK_NOFOLLOW);
static_assert(rawsys::bits(rawsys::w::nohang) == WNOHANG && rawsys::bits(rawsys::w::untraced) == WUNTRACED);
static_assert(rawsys::bits(rawsys::w::exited) == WEXITED && rawsys::bits(rawsys::w::stopped) == WSTOPPED);
static_assert(rawsys::bits(rawsys::w::continued) == WCONTINUED && rawsys::bits(rawsys::w::nowait) == WNOWAIT);
static_assert(rawsys::bits(rawsys::w::all) == __WALL && rawsys::bits(rawsys::w::clone) == __WCLONE);
static_assert(rawsys::bits(rawsys::w::nothread) == __WNOTHREAD);
static_assert(static_cast<int>(rawsys::idtype::all) == P_ALL);
static_assert(static_cast<int>(rawsys::idtype::pid) == P_PID);
static_assert(static_cast<int>(rawsys::idtype::pgid) == P_PGID);
static_assert(static_cast<int>(rawsys::idtype::pidfd) == P_PIDFD);
static_assert(static_cast<int>(rawsys::rlimit::cpu) == RLIMIT_CPU);
static_assert(static_cast<int>(rawsys::rlimit::nofile) == RLIMIT_NOFILE);
static_assert(static_cast<int>(rawsys::rlimit::as) == RLIMIT_AS);
static_assert(static_cast<int>(rawsys::rlimit::stack) == RLIMIT_STACK);
static_assert(static_cast<int>(rawsys::rlimit::rttime) == RLIMIT_RTTIME);
static_assert(rawsys::rlim_infinity == RLIM64_INFINITY);
static_assert(static_cast<int>(rawsys::rusage_who::self) == RUSAGE_SELF);
static_assert(static_cast<int>(rawsys::rusage_who::children) == RUSAGE_CHILDREN);
static_assert(static_cast<int>(rawsys::rusage_who::thread) == RUSAGE_THREAD);
static_assert(static_cast<int>(rawsys::pr::set_name) == PR_SET_NAME);
static_assert(static_cast<int>(rawsys::pr::get_name) == PR_GET_NAME);
static_assert(static_cast<int>(rawsys::pr::get_dumpable) == PR_GET_DUMPABLE);
static_assert(static_cast<int>(rawsys::pr::set_no_new_privs) == PR_SET_NO_NEW_PRIVS);

// glibc's struct rlimit64 and struct utsname and struct sysinfo are the kernel's.
static_assert(sizeof(rawsys::rlimit64) == sizeof(struct ::rlimit64));
static_assert(offsetof(rawsys::rlimit64, cur) == offsetof(struct ::rlimit64, rlim_cur));
static_assert(offsetof(rawsys::rlimit64, max) == offsetof(struct ::rlimit64, rlim_max));
static_assert(sizeof(rawsys::utsname) == sizeof(struct ::utsname));
static_assert(offsetof(rawsys::utsname, nodename) == offsetof(struct ::utsname, nodename));
static_assert(offsetof(rawsys::utsname, machine) == offsetof(struct ::utsname, machine));
static_assert(offsetof(rawsys::utsname, domainname) == offsetof(struct ::utsname, domainname));
static_assert(sizeof(rawsys::sysinfo_t) == sizeof(struct ::sysinfo));
static_assert(offsetof(rawsys::sysinfo_t, totalram) == offsetof(struct ::sysinfo, totalram));
static_assert(offsetof(rawsys::sysinfo_t, procs) == offsetof(struct ::sysinfo, procs));
static_assert(offsetof(rawsys::sysinfo_t, mem_unit) == offsetof(struct ::sysinfo, mem_unit));
// glibc's rusage is the kernel's except where 64-bit time changes it (i386
// with _TIME_BITS=64); in the default build they agree.
static_assert(sizeof(rawsys::rusage) == sizeof(struct ::rusage));
static_assert(offsetof(rawsys::rusage, stime) == offsetof(struct ::rusage, ru_stime));
static_assert(offsetof(rawsys::rusage, maxrss) == offsetof(struct ::rusage, ru_maxrss));
static_assert(offsetof(rawsys::rusage, nivcsw) == offsetof(struct ::rusage, ru_nivcsw));
static_assert(sizeof(rawsys::cpu_set) == sizeof(cpu_set_t));

constexpr int nobody = 0x7ffffff0;  // above any pid_max

void* unmapped_page() {
  void* p = ::mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(p != MAP_FAILED);
  ::munmap(p, 4096);
  return p;
}

// Runs f in a child made by glibc's fork and returns its exit status; f
// returns 0 when every check it makes passes (doctest cannot report from
// the child).
template <class F>
int in_child(F f) {
  const pid_t c = ::fork();
  REQUIRE(c >= 0);
  if (c == 0) ::_exit(f());
  int status = 0;
  REQUIRE(::waitpid(c, &status, 0) == c);
  REQUIRE(WIFEXITED(status));
  return WEXITSTATUS(status);
}

// A child that resets sig to its default action, says so on a pipe, and
// waits for signals forever.
pid_t waiting_child(sig s) {
  int p[2];
  REQUIRE(::pipe(p) == 0);
  auto c = rawsys::fork();
  REQUIRE(c);
  if (*c == 0) {
    rawsys::sigaction dfl;
    (void)rawsys::rt_sigaction(s, dfl);
    rawsys::sigset unblock;
    unblock.add(s);
    (void)rawsys::rt_sigprocmask(rawsys::how::unblock, &unblock, nullptr);
    (void)rawsys::syscall(nr::write, p[1], "r", 1u);
    rawsys::sigset empty;
    for (;;) (void)rawsys::rt_sigsuspend(&empty);
  }
  ::close(p[1]);
  char ready;
  REQUIRE(::read(p[0], &ready, 1) == 1);
  ::close(p[0]);
  return *c;
}

// Makes the given syscall numbers fail with err in this process (use in a
// child): a seccomp filter. False when seccomp is unavailable (qemu-user
// does not implement it).
bool fail_syscalls_with(std::initializer_list<long> numbers, int err) {
  struct sock_filter code[16];
  unsigned n = 0;
  code[n++] = BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  const unsigned count = static_cast<unsigned>(numbers.size());
  unsigned i = 0;
  for (long number : numbers) {
    // jump to the errno return, which follows the allow return
    code[n++] = BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<uint32_t>(number),
                         static_cast<unsigned char>(count - i), 0);
    ++i;
  }
  code[n++] = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  code[n++] = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | static_cast<uint32_t>(err));
  struct sock_fprog prog = {static_cast<unsigned short>(n), code};
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return false;
  if (::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) return false;
  return true;
}

}  // namespace

TEST_CASE("process layouts: the kernel's UAPI headers agree (static_asserts in process_layout_test.cpp)") {
  CHECK(rawsys_test::kernel_clone_args_size == sizeof(rawsys::clone_args));
  CHECK(rawsys_test::kernel_rusage_size == sizeof(rawsys::rusage));
  CHECK(rawsys_test::kernel_sysinfo_size == sizeof(rawsys::sysinfo_t));
  CHECK(sizeof(rawsys::clone_args) == 88);
#if defined(__i386__) || defined(__arm__)
  CHECK(sizeof(rawsys::sysinfo_t) == 64);
  CHECK(sizeof(rawsys::rusage) == 72);
#else
  CHECK(sizeof(rawsys::sysinfo_t) == 112);
  CHECK(sizeof(rawsys::rusage) == 144);
#endif
}

TEST_CASE("ids: the calls that cannot fail give glibc's answers") {
  CHECK(rawsys::getpid() == ::getpid());
  CHECK(rawsys::getppid() == ::getppid());
  CHECK(rawsys::gettid() == ::gettid());
  CHECK(rawsys::getuid() == ::getuid());
  CHECK(rawsys::geteuid() == ::geteuid());
  CHECK(rawsys::getgid() == ::getgid());
  CHECK(rawsys::getegid() == ::getegid());
#if defined(__i386__) || defined(__arm__)
  // The 32-bit-id calls: the legacy ones would give 16-bit ids.
  CHECK(rawsys::getuid() == static_cast<unsigned>(::syscall(SYS_getuid32)));
#endif
}

TEST_CASE("getresuid and getresgid: glibc's ids, then EFAULT alike") {
  unsigned r, e, s;
  uid_t gr, ge, gs;
  REQUIRE(rawsys::getresuid(&r, &e, &s));
  REQUIRE(::getresuid(&gr, &ge, &gs) == 0);
  CHECK(r == gr);
  CHECK(e == ge);
  CHECK(s == gs);
  REQUIRE(rawsys::getresgid(&r, &e, &s));
  REQUIRE(::getresgid(&gr, &ge, &gs) == 0);
  CHECK(r == gr);
  CHECK(e == ge);
  CHECK(s == gs);
  auto* gone = static_cast<unsigned*>(unmapped_page());
#if defined(__i386__) || defined(__arm__)
  const long resuid = SYS_getresuid32, resgid = SYS_getresgid32;
#else
  const long resuid = SYS_getresuid, resgid = SYS_getresgid;
#endif
  CHECK(rawsys::getresuid(gone, &e, &s) == rawsys::unexpected(errc::efault));
  CHECK(outcome(rawsys::getresuid(gone, &e, &s)) == glibc(::syscall(resuid, gone, &e, &s)));
  CHECK(outcome(rawsys::getresgid(&r, &e, gone)) == glibc(::syscall(resgid, &r, &e, gone)));
}

TEST_CASE("getgroups: count and list as glibc's, and EINVAL alike") {
  const auto n = rawsys::getgroups(0, nullptr);
  REQUIRE(n);
  CHECK(*n == ::getgroups(0, nullptr));
  unsigned mine[256] = {};
  gid_t theirs[256] = {};
  REQUIRE(*n <= 256);
  CHECK(rawsys::getgroups(256, mine) == *n);
  REQUIRE(::getgroups(256, theirs) == *n);
  for (int i = 0; i < *n; ++i) CHECK(mine[i] == theirs[i]);
  volatile int negative = -1;  // hidden from the compiler's size checks
  CHECK(rawsys::getgroups(negative, mine) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::getgroups(negative, mine)) == glibc(::getgroups(negative, theirs)));
}

TEST_CASE("getsid, getpgid: glibc's answers, then ESRCH alike") {
  CHECK(rawsys::getsid(0) == ::getsid(0));
  CHECK(rawsys::getpgid(0) == ::getpgid(0));
  CHECK(rawsys::getsid(rawsys::getppid()) == ::getsid(::getppid()));
  CHECK(rawsys::getsid(nobody) == rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::getsid(nobody)) == glibc(::getsid(nobody)));
  CHECK(rawsys::getpgid(nobody) == rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::getpgid(nobody)) == glibc(::getpgid(nobody)));
}

TEST_CASE("setsid and setpgid: in a child, then EPERM and EINVAL as glibc's") {
  CHECK(in_child([] {
    // A fresh child is no group leader: setsid makes a session named after it.
    const int me = rawsys::getpid();
    if (rawsys::setsid() != me) return 1;
    if (rawsys::getsid(0) != me || rawsys::getpgid(0) != me) return 2;
    // Now it leads one: EPERM, as glibc says.
    if (rawsys::setsid() != rawsys::unexpected(errc::eperm)) return 3;
    if (outcome(rawsys::setsid()) != glibc(::setsid())) return 4;
    return 0;
  }) == 0);
  CHECK(in_child([] {
    const int me = rawsys::getpid();
    if (!rawsys::setpgid(0, 0)) return 1;
    if (rawsys::getpgid(0) != me) return 2;
    if (rawsys::setpgid(0, -1) != rawsys::unexpected(errc::einval)) return 3;
    if (outcome(rawsys::setpgid(0, -1)) != glibc(::setpgid(0, -1))) return 4;
    if (outcome(rawsys::setpgid(nobody, 0)) != glibc(::setpgid(nobody, 0))) return 5;
    return 0;
  }) == 0);
}

TEST_CASE("exit and exit_group: the status reaches wait") {
  CHECK(in_child([]() -> int { rawsys::exit_group(3); }) == 3);
  CHECK(in_child([]() -> int { rawsys::exit(4); }) == 4);  // the only thread: the process ends
}

TEST_CASE("wait status decoding agrees with glibc's macros for every 16-bit status") {
  for (int s = 0; s <= 0xffff; ++s) {
    if (rawsys::wifexited(s) != static_cast<bool>(WIFEXITED(s))) FAIL("WIFEXITED " << s);
    if (rawsys::wifsignaled(s) != static_cast<bool>(WIFSIGNALED(s))) FAIL("WIFSIGNALED " << s);
    if (rawsys::wifstopped(s) != static_cast<bool>(WIFSTOPPED(s))) FAIL("WIFSTOPPED " << s);
    if (rawsys::wifcontinued(s) != static_cast<bool>(WIFCONTINUED(s))) FAIL("WIFCONTINUED " << s);
    if (rawsys::wcoredump(s) != static_cast<bool>(WCOREDUMP(s))) FAIL("WCOREDUMP " << s);
    if (rawsys::wexitstatus(s) != WEXITSTATUS(s)) FAIL("WEXITSTATUS " << s);
    if (static_cast<int>(rawsys::wtermsig(s)) != WTERMSIG(s)) FAIL("WTERMSIG " << s);
    if (static_cast<int>(rawsys::wstopsig(s)) != WSTOPSIG(s)) FAIL("WSTOPSIG " << s);
  }
  CHECK(rawsys::wexitstatus(7 << 8) == 7);
}

TEST_CASE("fork and wait4: the child's status and usage") {
  const int parent = rawsys::getpid();
  auto c = rawsys::fork();
  REQUIRE(c);
  if (*c == 0) rawsys::exit_group(rawsys::getppid() == parent && rawsys::getpid() != parent ? 9 : 1);
  int status = 0;
  rawsys::rusage ru{};
  CHECK(rawsys::wait4(*c, &status, {}, &ru) == *c);
  CHECK(rawsys::wifexited(status));
  CHECK(rawsys::wexitstatus(status) == 9);
  CHECK(WEXITSTATUS(status) == 9);
  CHECK(ru.utime.usec >= 0);
  CHECK(ru.utime.usec < 1000000);
  CHECK(ru.maxrss > 0);  // the child had pages
  // Nothing left to wait for: ECHILD, as glibc's wait4.
  CHECK(rawsys::wait4(-1, &status, {}, nullptr) == rawsys::unexpected(errc::echild));
  CHECK(outcome(rawsys::wait4(-1, &status, {}, nullptr)) == glibc(::wait4(-1, &status, 0, nullptr)));
  CHECK(outcome(rawsys::wait4(-1, &status, rawsys::w::nohang, nullptr)) == glibc(::wait4(-1, &status, WNOHANG, nullptr)));
}

TEST_CASE("fork: an error is glibc's error (forced with seccomp in a child)") {
  const int r = in_child([] {
    // fork too where the ISA has it (not arm64, riscv).
    constexpr auto fork_or_clone = rawsys::sys::has(rawsys::sys::fork) ? rawsys::sys::fork : nr::clone;
    if (!fail_syscalls_with({static_cast<long>(nr::clone), static_cast<long>(nr::clone3),
                             static_cast<long>(fork_or_clone)},
                            EAGAIN))
      return 77;
    auto mine = rawsys::fork();
    if (mine && *mine == 0) rawsys::exit_group(0);  // the filter did not apply
    if (mine != rawsys::unexpected(errc::eagain)) return 3;
    const pid_t theirs = ::fork();
    if (theirs == 0) ::_exit(0);
    if (outcome(mine) != glibc(theirs)) return 4;
    return 0;
  });
  if (r == 77) {
    rawsys_test::skip(rawsys_test::under_qemu_user()
                          ? "qemu-user does not implement seccomp(2), which forces fork's error here (ENOSYS)"
                          : "seccomp(2) is not available here to force fork's error");
    return;
  }
  CHECK(r == 0);
}

TEST_CASE("fork + execve: /bin/sh -c 'exit 7' gives wait4 status 7") {
  auto c = rawsys::fork();
  REQUIRE(c);
  if (*c == 0) {
    const char* argv[] = {"sh", "-c", "exit 7", nullptr};
    const char* envp[] = {"PATH=/bin:/usr/bin", nullptr};
    (void)rawsys::execve("/bin/sh", argv, envp);
    rawsys::exit_group(127);
  }
  int status = 0;
  REQUIRE(rawsys::wait4(*c, &status, {}, nullptr) == *c);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 7);
  // Errors, in this process (they return): ENOENT, EFAULT.
  const char* argv[] = {"x", nullptr};
  char* const* gargv = const_cast<char* const*>(argv);
  CHECK(rawsys::execve("/nonexistent/rawsys", argv, argv) == rawsys::unexpected(errc::enoent));
  CHECK(outcome(rawsys::execve("/nonexistent/rawsys", argv, argv)) == glibc(::execve("/nonexistent/rawsys", gargv, gargv)));
  const char* gone = static_cast<const char*>(unmapped_page());
  CHECK(outcome(rawsys::execve(gone, argv, argv)) == glibc(::execve(gone, gargv, gargv)));
}

TEST_CASE("execveat: by path and by descriptor with at::empty_path") {
  const int sh = ::open("/bin/sh", O_RDONLY | O_CLOEXEC);
  REQUIRE(sh >= 0);
  auto c = rawsys::fork();
  REQUIRE(c);
  if (*c == 0) {
    const char* argv[] = {"sh", "-c", "exit 8", nullptr};
    const char* envp[] = {nullptr};
    (void)rawsys::execveat(rawsys::at_fdcwd, "/bin/sh", argv, envp, {});
    rawsys::exit_group(127);
  }
  int status = 0;
  REQUIRE(rawsys::wait4(*c, &status, {}, nullptr) == *c);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 8);

  c = rawsys::fork();
  REQUIRE(c);
  if (*c == 0) {
    const char* argv[] = {"sh", "-c", "exit 9", nullptr};
    const char* envp[] = {nullptr};
    (void)rawsys::execveat(rawsys::fd(sh), "", argv, envp, rawsys::at::empty_path);
    rawsys::exit_group(127);
  }
  REQUIRE(rawsys::wait4(*c, &status, {}, nullptr) == *c);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && rawsys_test::under_qemu_user()) {
    rawsys_test::skip("qemu-user cannot execveat a descriptor with AT_EMPTY_PATH");
  } else {
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 9);
  }
  // Errors: an empty path without at::empty_path is ENOENT; a bad descriptor EBADF.
  const char* argv[] = {"x", nullptr};
  CHECK(rawsys::execveat(rawsys::fd(sh), "", argv, argv, {}) == rawsys::unexpected(errc::enoent));
  CHECK(outcome(rawsys::execveat(rawsys::fd(sh), "", argv, argv, {})) == glibc(::syscall(SYS_execveat, sh, "", argv, argv, 0)));
  CHECK(outcome(rawsys::execveat(rawsys::fd(1 << 20), "sh", argv, argv, {})) == glibc(::syscall(SYS_execveat, 1 << 20, "sh", argv, argv, 0)));
  ::close(sh);
}

TEST_CASE("kill: a child killed by a signal, seen by wait4 as glibc's macros see it") {
  const pid_t c = waiting_child(sig::term);
  REQUIRE(rawsys::kill(c, sig::term));
  int status = 0;
  REQUIRE(rawsys::wait4(c, &status, {}, nullptr) == c);
  CHECK(rawsys::wifsignaled(status));
  CHECK(rawsys::wtermsig(status) == sig::term);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  CHECK_FALSE(rawsys::wifexited(status));
}

TEST_CASE("waitid: the child's siginfo as glibc's waitid gives it") {
  auto c = rawsys::fork();
  REQUIRE(c);
  if (*c == 0) rawsys::exit_group(3);
  rawsys::siginfo info{};
  rawsys::rusage ru{};
  CHECK(rawsys::waitid(rawsys::idtype::pid, *c, &info, rawsys::w::exited, &ru));
  CHECK(info.signo == SIGCHLD);
  CHECK(info.code == CLD_EXITED);
  CHECK(info.pid() == *c);
  CHECK(info.uid() == ::getuid());
  CHECK(info.status() == 3);
  CHECK(ru.maxrss > 0);

  const pid_t g = ::fork();
  REQUIRE(g >= 0);
  if (g == 0) ::_exit(3);
  siginfo_t gi{};
  REQUIRE(::waitid(P_PID, static_cast<id_t>(g), &gi, WEXITED) == 0);
  CHECK(gi.si_signo == info.signo);
  CHECK(gi.si_code == info.code);
  CHECK(gi.si_status == info.status());
  CHECK(gi.si_pid == g);

  // No options: EINVAL; no such child: ECHILD.
  CHECK(rawsys::waitid(rawsys::idtype::all, 0, &info, {}) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::waitid(rawsys::idtype::all, 0, &info, {})) == glibc(::waitid(P_ALL, 0, &gi, 0)));
  CHECK(rawsys::waitid(rawsys::idtype::pid, nobody, &info, rawsys::w::exited) == rawsys::unexpected(errc::echild));
  CHECK(outcome(rawsys::waitid(rawsys::idtype::pid, nobody, &info, rawsys::w::exited)) == glibc(::waitid(P_PID, nobody, &gi, WEXITED)));
}

TEST_CASE("pidfd_open, pidfd_send_signal, waitid on a pidfd") {
  const pid_t c = waiting_child(sig::usr1);
  auto pfd = rawsys::pidfd_open(c);
  if (!pfd && pfd.error() == errc::enosys) {
    ::kill(c, SIGKILL);
    ::waitpid(c, nullptr, 0);
    rawsys_test::skip(rawsys_test::why_unavailable("pidfd_open", pfd.error()));
    return;
  }
  REQUIRE(pfd);
  CHECK(::fcntl(pfd->get(), F_GETFD) == FD_CLOEXEC);  // pidfds are always close-on-exec
  const long theirs = ::syscall(SYS_pidfd_open, c, 0);
  CHECK(theirs >= 0);
  ::close(static_cast<int>(theirs));
  REQUIRE(rawsys::pidfd_send_signal(*pfd, sig::usr1));
  rawsys::siginfo info{};
  CHECK(rawsys::waitid(rawsys::idtype::pidfd, pfd->get(), &info, rawsys::w::exited));
  CHECK(info.pid() == c);
  CHECK(info.code == CLD_KILLED);
  CHECK(info.status() == SIGUSR1);
  // Errors: flags it does not know (EINVAL), no such process (ESRCH), a
  // descriptor that is not a pidfd (EBADF).
  const auto badflags = static_cast<rawsys::pidfd::flags>(1);
  CHECK(outcome(rawsys::pidfd_open(c, badflags)) ==
        glibc(::syscall(SYS_pidfd_open, c, 1)));
  CHECK(outcome(rawsys::pidfd_open(nobody)) ==
        rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::pidfd_open(nobody)) ==
        glibc(::syscall(SYS_pidfd_open, nobody, 0)));
  CHECK(rawsys::pidfd_send_signal(rawsys::fd(1 << 20), sig::usr1) == rawsys::unexpected(errc::ebadf));
  CHECK(outcome(rawsys::pidfd_send_signal(rawsys::fd(1 << 20), sig::usr1)) == glibc(::syscall(SYS_pidfd_send_signal, 1 << 20, SIGUSR1, nullptr, 0)));
}

TEST_CASE("clone (raw): fork-like, with the parent's tid word set") {
  int ptid = 0;
  auto c = rawsys::clone(cf::exit_signal(sig::chld) | cf::parent_settid, nullptr, &ptid, nullptr, 0);
  REQUIRE(c);
  if (*c == 0) rawsys::exit_group(rawsys::getppid() > 0 ? 5 : 1);
  if (rawsys_test::under_qemu_user())
    rawsys_test::skip("the parent_settid check: qemu-user runs a fork-like clone as a host fork() "
                      "and stores the tid only in the child's copy of memory");
  else
    CHECK(ptid == *c);
  int status = 0;
  REQUIRE(rawsys::wait4(*c, &status, {}, nullptr) == *c);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 5);
  // child_settid writes the child's own tid in its copy of the memory.
  int ctid = 0;
  c = rawsys::clone(cf::exit_signal(sig::chld) | cf::child_settid, nullptr, nullptr, &ctid, 0);
  REQUIRE(c);
  if (*c == 0) rawsys::exit_group(ctid == rawsys::gettid() ? 6 : 1);
  REQUIRE(rawsys::wait4(*c, &status, {}, nullptr) == *c);
  CHECK(WEXITSTATUS(status) == 6);
  // CLONE_THREAD needs CLONE_SIGHAND: EINVAL, as glibc's syscall() gives.
  const auto bad = cf::thread | cf::exit_signal(sig::chld);
  CHECK(rawsys::clone(bad, nullptr, nullptr, nullptr, 0) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::clone(bad, nullptr, nullptr, nullptr, 0)) == glibc(::syscall(SYS_clone, rawsys::bits(bad), nullptr, nullptr, nullptr, 0)));
}

namespace {

struct thread_shared {
  int in;
  int out;
  int tid;
  int pid;
  int ppid;
};

// Runs on the raw thread's stack with the caller's TLS: raw calls only. Not
// instrumented: the sanitizers' per-thread state (ASan's fake stacks, for
// one) belongs to the caller's thread. (The suite passes under
// -fsanitize=address,undefined with this, with and without
// detect_stack_use_after_return.)
#if defined(__clang__)
[[clang::no_sanitize("address", "undefined")]]
#else
[[gnu::no_sanitize("address", "undefined")]]
#endif
int thread_main(void* p) {
  auto* s = static_cast<thread_shared*>(p);
  s->tid = rawsys::gettid();
  s->pid = rawsys::getpid();
  s->ppid = rawsys::getppid();
  s->out = s->in * 2;
  return 0;
}

#if defined(__clang__)
[[clang::no_sanitize("address", "undefined")]]
#else
[[gnu::no_sanitize("address", "undefined")]]
#endif
int child_main(void* p) {
  const auto* top = static_cast<const char*>(p);
  // A local's address: Clang's frame address in a leaf without a frame (ppc64
  // at -O0) is the caller's r31, not a stack address of this function.
  volatile char local = 0;
  const auto* here = const_cast<const char*>(&local);
  // Running on the given stack, and returning 42 becomes the exit status.
  // The frame address is the stack pointer at entry on riscv: top itself.
  return here <= top && here > top - 65536 ? 42 : 1;
}

struct mapped_stack {
  size_t size = 256 * 1024;
  char* base = nullptr;
  mapped_stack() {
    void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    REQUIRE(p != MAP_FAILED);
    base = static_cast<char*>(p);
  }
  ~mapped_stack() { ::munmap(base, size); }
  char* top() const { return base + size; }
};

}  // namespace

TEST_CASE("clone with a stack: fn runs on it and its return value is the exit status") {
  mapped_stack stack;
  auto c = rawsys::clone(child_main, stack.top(), cf::exit_signal(sig::chld), stack.top());
  REQUIRE(c);
  int status = 0;
  REQUIRE(rawsys::wait4(*c, &status, {}, nullptr) == *c);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 42);
}

TEST_CASE("clone with a stack: a raw thread sharing memory, joined through the tid futex") {
  mapped_stack stack;
  thread_shared shared{21, 0, 0, 0, 0};
  const auto flags = cf::vm | cf::fs | cf::files | cf::sighand | cf::thread | cf::sysvsem |
                     cf::child_cleartid | cf::parent_settid;
  int tid_word = 0;
  auto t = rawsys::clone(thread_main, stack.top(), flags, &shared, &tid_word, 0, &tid_word);
  REQUIRE(t);
  CHECK(*t > 0);
  // The kernel clears tid_word and wakes it when the thread has exited.
  for (int v; (v = __atomic_load_n(&tid_word, __ATOMIC_ACQUIRE)) != 0;)
    (void)rawsys::syscall(nr::futex, &tid_word, FUTEX_WAIT, v, nullptr);
  CHECK(shared.out == 42);
  CHECK(shared.tid == *t);
  CHECK(shared.tid != rawsys::gettid());
  CHECK(shared.pid == rawsys::getpid());  // the same thread group
  CHECK(shared.ppid == rawsys::getppid());
  // Errors as glibc's clone() reports them: no function; CLONE_THREAD
  // without CLONE_SIGHAND.
  CHECK(rawsys::clone(nullptr, stack.top(), flags, &shared) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::clone(nullptr, stack.top(), flags, &shared)) == glibc(::clone(nullptr, stack.top(), static_cast<int>(rawsys::bits(flags)), &shared)));
  const auto bad = cf::thread;
  CHECK(rawsys::clone(thread_main, stack.top(), bad, &shared) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::clone(thread_main, stack.top(), bad, &shared)) == glibc(::clone(thread_main, stack.top(), CLONE_THREAD, &shared)));
}

TEST_CASE("clone3: fork-like, and EINVAL for a short struct, as glibc's syscall()") {
  rawsys::clone_args args;
  args.exit_signal = SIGCHLD;
  auto c = rawsys::clone3(&args);
  // Either both fail the same way (qemu-user has no clone3) or ours works.
  rawsys::clone_args gargs;
  gargs.exit_signal = SIGCHLD;
  if (!c) {
    CHECK(c.error() == errc::enosys);
    CHECK(outcome(c) == glibc(::syscall(SYS_clone3, &gargs, sizeof gargs)));
    CHECK(outcome(rawsys::clone3(&args, 8)) == glibc(::syscall(SYS_clone3, &gargs, 8)));
    rawsys_test::skip("the clone3 child: " + rawsys_test::why_unavailable("clone3", c.error()));
    return;
  }
  if (*c == 0) rawsys::exit_group(6);
  int status = 0;
  REQUIRE(rawsys::wait4(*c, &status, {}, nullptr) == *c);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 6);
  CHECK(rawsys::clone3(&args, 8) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::clone3(&args, 8)) == glibc(::syscall(SYS_clone3, &gargs, 8)));
}

TEST_CASE("prctl: the name round trip as glibc's prctl sees it, then EINVAL alike") {
  char before[16] = {}, now[16] = {};
  REQUIRE(rawsys::prctl(rawsys::pr::get_name, before) == 0);
  REQUIRE(::prctl(PR_GET_NAME, now) == 0);
  CHECK(std::string_view(before) == std::string_view(now));
  REQUIRE(rawsys::prctl(rawsys::pr::set_name, "rawsys-name") == 0);
  REQUIRE(::prctl(PR_GET_NAME, now) == 0);
  CHECK(std::string_view(now) == "rawsys-name");
  REQUIRE(rawsys::prctl(rawsys::pr::set_name, before) == 0);
  CHECK(rawsys::prctl(rawsys::pr::get_dumpable) == ::prctl(PR_GET_DUMPABLE));
  const auto bad = static_cast<rawsys::pr>(9999);
  CHECK(rawsys::prctl(bad) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::prctl(bad)) == glibc(::prctl(9999, 0, 0, 0, 0)));
}

TEST_CASE("uname: every field as glibc's, and EFAULT alike") {
  rawsys::utsname mine;
  struct ::utsname theirs;
  REQUIRE(rawsys::uname(&mine));
  REQUIRE(::uname(&theirs) == 0);
  CHECK(std::string_view(mine.sysname) == theirs.sysname);
  CHECK(std::string_view(mine.nodename) == theirs.nodename);
  CHECK(std::string_view(mine.release) == theirs.release);
  CHECK(std::string_view(mine.version) == theirs.version);
  CHECK(std::string_view(mine.machine) == theirs.machine);
  CHECK(std::string_view(mine.domainname) == theirs.domainname);
  CHECK(std::string_view(mine.sysname) == "Linux");
  void* gone = unmapped_page();
  CHECK(rawsys::uname(static_cast<rawsys::utsname*>(gone)) == rawsys::unexpected(errc::efault));
  CHECK(outcome(rawsys::uname(static_cast<rawsys::utsname*>(gone))) == glibc(::syscall(SYS_uname, gone)));
}

TEST_CASE("sysinfo: the fixed fields as glibc's, and EFAULT alike") {
  rawsys::sysinfo_t mine;
  struct ::sysinfo theirs;
  REQUIRE(rawsys::sysinfo(&mine));
  REQUIRE(::sysinfo(&theirs) == 0);
  CHECK(mine.totalram == theirs.totalram);
  CHECK(mine.totalswap == theirs.totalswap);
  CHECK(mine.totalhigh == theirs.totalhigh);
  CHECK(mine.mem_unit == theirs.mem_unit);
  CHECK(mine.uptime <= theirs.uptime);
  CHECK(mine.procs > 0);
  void* gone = unmapped_page();
  CHECK(rawsys::sysinfo(static_cast<rawsys::sysinfo_t*>(gone)) == rawsys::unexpected(errc::efault));
  CHECK(outcome(rawsys::sysinfo(static_cast<rawsys::sysinfo_t*>(gone))) == glibc(::syscall(SYS_sysinfo, gone)));
}

TEST_CASE("prlimit64, getrlimit, setrlimit: a round trip glibc sees, then errors alike") {
  auto before = rawsys::getrlimit(rawsys::rlimit::nofile);
  REQUIRE(before);
  struct ::rlimit64 g;
  REQUIRE(::getrlimit64(RLIMIT_NOFILE, &g) == 0);
  CHECK(before->cur == g.rlim_cur);
  CHECK(before->max == g.rlim_max);
  REQUIRE(before->cur > 8);
  rawsys::rlimit64 lower{before->cur - 1, before->max};
  REQUIRE(rawsys::setrlimit(rawsys::rlimit::nofile, lower));
  REQUIRE(::getrlimit64(RLIMIT_NOFILE, &g) == 0);
  CHECK(g.rlim_cur == before->cur - 1);
  CHECK(rawsys::getrlimit(rawsys::rlimit::nofile) == lower);
  rawsys::rlimit64 old{};
  REQUIRE(rawsys::prlimit64(0, rawsys::rlimit::nofile, &*before, &old));
  CHECK(old == lower);
  CHECK(rawsys::getrlimit(rawsys::rlimit::nofile) == *before);
  // Of another process (the parent): the same as glibc's prlimit64.
  rawsys::rlimit64 parents{};
  REQUIRE(rawsys::prlimit64(rawsys::getppid(), rawsys::rlimit::stack, nullptr, &parents));
  REQUIRE(::prlimit64(::getppid(), RLIMIT_STACK, nullptr, &g) == 0);
  CHECK(parents.cur == g.rlim_cur);
  // Errors: soft above hard (EINVAL), no such process (ESRCH), a bad resource.
  const rawsys::rlimit64 inverted{10, 5};
  const struct ::rlimit64 ginverted {10, 5};
  CHECK(rawsys::setrlimit(rawsys::rlimit::core, inverted) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::setrlimit(rawsys::rlimit::core, inverted)) == glibc(::setrlimit64(RLIMIT_CORE, &ginverted)));
  CHECK(rawsys::prlimit64(nobody, rawsys::rlimit::core, nullptr, &old) == rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::prlimit64(nobody, rawsys::rlimit::core, nullptr, &old)) == glibc(::prlimit64(nobody, RLIMIT_CORE, nullptr, &g)));
  CHECK(outcome(rawsys::getrlimit(static_cast<rawsys::rlimit>(99))) ==
        glibc(::getrlimit64(static_cast<__rlimit_resource_t>(99), &g)));
}

TEST_CASE("getrusage: plausible and no later than glibc's, and EINVAL alike") {
  rawsys::rusage mine{};
  REQUIRE(rawsys::getrusage(rawsys::rusage_who::self, &mine));
  struct ::rusage theirs;
  REQUIRE(::getrusage(RUSAGE_SELF, &theirs) == 0);
  // glibc's came later: counters only grow.
  CHECK(mine.maxrss > 0);
  CHECK(mine.maxrss <= theirs.ru_maxrss);
  CHECK(mine.minflt <= theirs.ru_minflt);
  CHECK(mine.nvcsw <= theirs.ru_nvcsw);
  CHECK(mine.utime.sec <= theirs.ru_utime.tv_sec);
  CHECK(mine.utime.usec < 1000000);
  REQUIRE(rawsys::getrusage(rawsys::rusage_who::thread, &mine));
  CHECK(mine.maxrss > 0);
  const auto bad = static_cast<rawsys::rusage_who>(5);
  CHECK(rawsys::getrusage(bad, &mine) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::getrusage(bad, &mine)) == glibc(::syscall(SYS_getrusage, 5, &theirs)));
}

TEST_CASE("sched_yield: returns (it cannot fail), as glibc's does") {
  rawsys::sched_yield();
  CHECK(::sched_yield() == 0);
  CHECK(rawsys::gettid() == ::gettid());  // still this thread, still running
}

TEST_CASE("sched_getaffinity and sched_setaffinity: glibc's set, then errors alike") {
  rawsys::cpu_set mine;
  auto bytes = rawsys::sched_getaffinity(0, mine);
  REQUIRE(bytes);
  CHECK(*bytes > 0);
  CHECK(*bytes % sizeof(long) == 0);
  cpu_set_t theirs;
  CPU_ZERO(&theirs);
  REQUIRE(::sched_getaffinity(0, sizeof theirs, &theirs) == 0);
  CHECK(memcmp(mine.mask, &theirs, sizeof theirs) == 0);
  CHECK(mine.count() == static_cast<size_t>(CPU_COUNT(&theirs)));
  for (size_t i = 0; i < 64; ++i) CHECK(mine.test(i) == static_cast<bool>(CPU_ISSET(i, &theirs)));
  // Setting the same set back succeeds.
  CHECK(rawsys::sched_setaffinity(0, mine));
  // Errors: a length smaller than the kernel's mask, an empty set, no such process.
  unsigned long one;
  CHECK(outcome(rawsys::sched_getaffinity(0, 1, &one)) ==
        rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::sched_getaffinity(0, 1, &one)) ==
        glibc(::syscall(SYS_sched_getaffinity, 0, 1, &one)));
  rawsys::cpu_set empty;
  cpu_set_t gempty;
  CPU_ZERO(&gempty);
  CHECK(rawsys::sched_setaffinity(0, empty) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::sched_setaffinity(0, empty)) == glibc(::sched_setaffinity(0, sizeof gempty, &gempty)));
  CHECK(outcome(rawsys::sched_setaffinity(nobody, mine)) == glibc(::sched_setaffinity(nobody, sizeof theirs, &theirs)));
}

TEST_CASE("cpu_set: set, clear, test, count") {
  rawsys::cpu_set s;
  CHECK(s.count() == 0);
  s.set(0).set(63).set(64).set(1023).set(1024);  // 1024 is out of range: ignored
  CHECK(s.count() == 4);
  CHECK(s.test(63));
  CHECK(s.test(64));
  CHECK_FALSE(s.test(1024));
  s.clear(63);
  CHECK_FALSE(s.test(63));
  CHECK(s.count() == 3);
}

TEST_CASE("set_tid_address: returns the tid, as glibc's syscall() does (in a child)") {
  CHECK(in_child([] {
    static int word = 0;
    if (rawsys::set_tid_address(&word) != rawsys::gettid()) return 1;
    if (::syscall(SYS_set_tid_address, &word) != rawsys::gettid()) return 2;
    return 0;
  }) == 0);
}

#if defined(__x86_64__) || defined(__i386__)
TEST_CASE("arch_prctl: x86 codes as glibc's syscall() answers them") {
  unsigned long mine = 0, theirs = 0;
#if defined(__x86_64__)
  REQUIRE(rawsys::arch_prctl(rawsys::arch_prctl_code::get_fs, &mine) == 0);
  REQUIRE(::syscall(SYS_arch_prctl, ARCH_GET_FS, &theirs) == 0);
  CHECK(mine == theirs);
  CHECK(mine != 0);  // glibc's thread pointer
#else
  // i386 takes only the CPUID, XCOMP and vDSO codes.
  CHECK(rawsys::arch_prctl(rawsys::arch_prctl_code::get_fs, &mine) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::arch_prctl(rawsys::arch_prctl_code::get_fs, &mine)) == glibc(::syscall(SYS_arch_prctl, ARCH_GET_FS, &theirs)));
#endif
  CHECK(outcome(rawsys::arch_prctl(rawsys::arch_prctl_code::get_cpuid, 0ul)) == glibc(::syscall(SYS_arch_prctl, ARCH_GET_CPUID, 0)));
  const auto bad = static_cast<rawsys::arch_prctl_code>(0x9999);
  CHECK(rawsys::arch_prctl(bad, 0ul) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::arch_prctl(bad, 0ul)) == glibc(::syscall(SYS_arch_prctl, 0x9999, 0)));
}
#endif
