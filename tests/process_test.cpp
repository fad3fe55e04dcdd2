// Processes: ids and credentials, sessions, vhangup, fork/clone/exec/wait, raw threads
// on a caller-provided stack, limits, usage, nice and I/O priorities,
// namespaces, personality, times, membarrier, rseq, robust lists, affinity,
// prctl, uname, sysinfo, x86's LDT, TLS and port calls, and the calls only
// x86-64, riscv64, s390x, ppc64le, mips or mips o32 has;
// each call against glibc on the same arch, each constant and struct against
// glibc's headers (the kernel's headers in process_layout_test.cpp).
// rawsys comes first here (support.hpp), glibc's headers after.
#include "support.hpp"
#include "skip.hpp"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <grp.h>
#include <sys/fsuid.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/filter.h>
#include <linux/futex.h>
#include <linux/membarrier.h>
#include <linux/rseq.h>
#include <linux/seccomp.h>
#if defined(__x86_64__) || defined(__i386__)
#include <asm/ldt.h>
#include <asm/prctl.h>
#endif
#if defined(__mips__)
#include <asm/cachectl.h>
#include <asm/sysmips.h>
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
#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
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

TEST_CASE("vhangup: in a child with no controlling terminal, then EPERM without root, as glibc's") {
  // Only after setsid(): the child has no terminal to hang up.
  CHECK(in_child([] {
    if (!rawsys::setsid()) return 1;
    if (!rawsys::vhangup()) return 2;
    if (outcome(rawsys::vhangup()) != glibc(::vhangup())) return 3;
    return 0;
  }) == 0);
  // Without CAP_SYS_TTY_CONFIG: EPERM before anything is looked at.
  CHECK(in_child([] {
    if (!rawsys::setsid()) return 1;
    if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0) return 2;
    if (::geteuid() == 0) return 0;  // still root: nothing to drop here
    if (rawsys::vhangup() != rawsys::unexpected(errc::eperm)) return 3;
    if (outcome(rawsys::vhangup()) != glibc(::vhangup())) return 4;
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

TEST_CASE("set*id: credentials change in a child as glibc's calls change them, errors alike") {
  REQUIRE(rawsys::geteuid() == 0);  // the suite runs as root
  CHECK(in_child([] {
    // Groups first, while still privileged. Ids above 65535: the 32-bit-id
    // calls on i386 and arm.
    const unsigned groups[] = {70001, 70002};
    if (!rawsys::setgroups(2, groups)) return 1;
    gid_t seen[4] = {};
    if (::getgroups(4, seen) != 2 || seen[0] != 70001 || seen[1] != 70002) return 2;
    static unsigned many[65537];  // above NGROUPS_MAX
    if (rawsys::setgroups(65537, many) != rawsys::unexpected(errc::einval)) return 3;
    if (outcome(rawsys::setgroups(65537, many)) != glibc(::setgroups(65537, many))) return 4;
    if (!rawsys::setresgid(70010, 70011, 70012)) return 5;
    gid_t r, e, s;
    if (::getresgid(&r, &e, &s) != 0 || r != 70010 || e != 70011 || s != 70012) return 6;
    if (!rawsys::setregid(70020, 70021)) return 7;
    if (::getresgid(&r, &e, &s) != 0 || r != 70020 || e != 70021) return 8;
    if (!rawsys::setgid(70030)) return 9;
    if (::getresgid(&r, &e, &s) != 0 || r != 70030 || e != 70030 || s != 70030) return 10;
    // -1 as an id to take: EINVAL.
    if (rawsys::setgid(~0u) != rawsys::unexpected(errc::einval)) return 11;
    if (outcome(rawsys::setgid(~0u)) != glibc(::setgid(~0u))) return 12;
    // File-system ids: the previous one comes back; -1 only asks.
    if (rawsys::setfsgid(~0u) != static_cast<unsigned>(::setfsgid(~0u))) return 13;
    if (rawsys::setfsgid(70040) != 70030) return 14;
    if (static_cast<unsigned>(::setfsgid(~0u)) != 70040) return 15;
    if (rawsys::setfsuid(~0u) != 0) return 16;
    if (rawsys::setfsuid(70041) != 0) return 17;
    if (static_cast<unsigned>(::setfsuid(~0u)) != 70041) return 18;
    if (rawsys::setfsuid(0) != 70041) return 19;
    // Users last: after this the child is unprivileged.
    if (!rawsys::setresuid(70050, 70051, 0)) return 20;
    uid_t ur, ue, us;
    if (::getresuid(&ur, &ue, &us) != 0 || ur != 70050 || ue != 70051 || us != 0) return 21;
    if (!rawsys::setreuid(~0u, 0)) return 22;  // back through the saved uid
    if (rawsys::geteuid() != 0) return 23;
    if (rawsys::setuid(~0u) != rawsys::unexpected(errc::einval)) return 24;
    if (outcome(rawsys::setuid(~0u)) != glibc(::setuid(~0u))) return 25;
    if (!rawsys::setuid(70060)) return 26;  // as root: all three
    if (::getresuid(&ur, &ue, &us) != 0 || ur != 70060 || ue != 70060 || us != 70060) return 27;
    if (rawsys::getuid() != 70060) return 28;
    // Unprivileged now: EPERM, as glibc says.
    if (rawsys::setuid(0) != rawsys::unexpected(errc::eperm)) return 29;
    if (outcome(rawsys::setuid(0)) != glibc(::setuid(0))) return 30;
    if (outcome(rawsys::setreuid(0, 0)) != glibc(::setreuid(0, 0))) return 31;
    if (outcome(rawsys::setresuid(0, 0, 0)) != glibc(::setresuid(0, 0, 0))) return 32;
    if (outcome(rawsys::setregid(0, 0)) != glibc(::setregid(0, 0))) return 33;
    if (outcome(rawsys::setresgid(0, 0, 0)) != glibc(::setresgid(0, 0, 0))) return 34;
    if (rawsys::setgroups(0, nullptr) != rawsys::unexpected(errc::eperm)) return 35;
    if (outcome(rawsys::setgroups(0, nullptr)) != glibc(::setgroups(0, nullptr))) return 36;
    return 0;
  }) == 0);
}

TEST_CASE("getpriority and setpriority: the nice value as glibc gives it, errors alike") {
  errno = 0;
  const int theirs = ::getpriority(PRIO_PROCESS, 0);
  REQUIRE(errno == 0);
  CHECK(rawsys::getpriority(rawsys::prio_which::process, 0) == theirs);
  CHECK(in_child([] {
    if (!rawsys::setpriority(rawsys::prio_which::process, 0, 7)) return 1;
    if (::getpriority(PRIO_PROCESS, 0) != 7) return 2;
    if (rawsys::getpriority(rawsys::prio_which::process, 0) != 7) return 3;
    if (::setpriority(PRIO_PROCESS, 0, -3) != 0) return 4;  // root may lower it
    if (rawsys::getpriority(rawsys::prio_which::process, 0) != -3) return 5;
    return 0;
  }) == 0);
  const auto bad = static_cast<rawsys::prio_which>(99);
  CHECK(rawsys::getpriority(bad, 0) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::getpriority(bad, 0)) == glibc(::getpriority(static_cast<__priority_which_t>(99), 0)));
  CHECK(rawsys::setpriority(rawsys::prio_which::process, nobody, 0) == rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::setpriority(rawsys::prio_which::process, nobody, 0)) ==
        glibc(::setpriority(PRIO_PROCESS, nobody, 0)));
}

TEST_CASE("ioprio_get and ioprio_set: as glibc's syscall() answers, in a child for the change") {
  static_assert(rawsys::ioprio_value(rawsys::ioprio_class::be, 3) == (2 << 13 | 3));
  static_assert(rawsys::ioprio_class_of(rawsys::ioprio_value(rawsys::ioprio_class::idle, 0)) ==
                rawsys::ioprio_class::idle);
  static_assert(rawsys::ioprio_level_of(rawsys::ioprio_value(rawsys::ioprio_class::rt, 5)) == 5);
  CHECK(outcome(rawsys::ioprio_get(rawsys::ioprio_who::process, 0)) == glibc(::syscall(SYS_ioprio_get, 1, 0)));
  CHECK(in_child([] {
    const int v = rawsys::ioprio_value(rawsys::ioprio_class::be, 3);
    if (!rawsys::ioprio_set(rawsys::ioprio_who::process, 0, v)) return 1;
    if (::syscall(SYS_ioprio_get, 1, 0) != v) return 2;
    if (rawsys::ioprio_get(rawsys::ioprio_who::process, 0) != v) return 3;
    return 0;
  }) == 0);
  const auto bad = static_cast<rawsys::ioprio_who>(99);
  CHECK(rawsys::ioprio_get(bad, 0) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::ioprio_get(bad, 0)) == glibc(::syscall(SYS_ioprio_get, 99, 0)));
  const int bad_class = 6 << 13;  // no such class
  CHECK(outcome(rawsys::ioprio_set(rawsys::ioprio_who::process, 0, bad_class)) ==
        glibc(::syscall(SYS_ioprio_set, 1, 0, bad_class)));
  CHECK(outcome(rawsys::ioprio_get(rawsys::ioprio_who::process, nobody)) ==
        glibc(::syscall(SYS_ioprio_get, 1, nobody)));
}

TEST_CASE("unshare and setns: a new UTS namespace in a child, and back, errors as glibc's") {
  CHECK(in_child([] {
    const int mine = ::open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
    if (mine < 0) return 1;
    if (!rawsys::unshare(cf::newuts)) return 2;
    struct ::stat a {}, b {};
    const int now = ::open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
    if (now < 0 || ::fstat(mine, &a) != 0 || ::fstat(now, &b) != 0) return 3;
    if (a.st_ino == b.st_ino) return 4;  // a new namespace
    if (!rawsys::setns(rawsys::fd(mine), cf::newuts)) return 5;  // back into the first
    const int again = ::open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
    if (again < 0 || ::fstat(again, &b) != 0 || a.st_ino != b.st_ino) return 6;
    // The wrong type for the file: EINVAL; no descriptor: EBADF.
    if (rawsys::setns(rawsys::fd(mine), cf::newnet) != rawsys::unexpected(errc::einval)) return 7;
    if (outcome(rawsys::setns(rawsys::fd(mine), cf::newnet)) != glibc(::setns(mine, CLONE_NEWNET))) return 8;
    if (outcome(rawsys::setns(rawsys::fd(-1))) != glibc(::setns(-1, 0))) return 9;
    return 0;
  }) == 0);
  // Bits unshare does not know (the exit-signal byte): EINVAL.
  const auto bad = cf::exit_signal(sig::chld);
  CHECK(rawsys::unshare(bad) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::unshare(bad)) == glibc(::unshare(SIGCHLD)));
}

TEST_CASE("personality: the value glibc reads, and a change seen by glibc (in a child)") {
  // personality cannot fail: any value is taken, 0xffffffff only asks.
  const auto now = rawsys::personality(rawsys::persona::query);
  REQUIRE(now);
  CHECK(static_cast<int>(rawsys::bits(*now)) == ::personality(0xffffffff));
  CHECK(in_child([] {
    const auto want = rawsys::persona::per_linux | rawsys::persona::addr_no_randomize;
    if (!rawsys::personality(want)) return 1;
    if (::personality(0xffffffff) != static_cast<int>(PER_LINUX) + static_cast<int>(ADDR_NO_RANDOMIZE)) return 2;
    const auto back = rawsys::personality(rawsys::persona::query);
    return back && *back == want ? 0 : 3;
  }) == 0);
}

TEST_CASE("times: the children's ticks as glibc's, EFAULT as glibc's syscall()") {
  // Burn CPU in a child so that the waited-for children's times are non-zero.
  CHECK(in_child([] {
    volatile unsigned long x = 0;
    for (unsigned long i = 0; i < 20000000ul && x != 1; ++i) x = x + i;
    return 0;
  }) == 0);
  rawsys::tms mine{};
  struct ::tms theirs {};
  const auto r = rawsys::times(&mine);
  REQUIRE(r);
  REQUIRE(::times(&theirs) != static_cast<clock_t>(-1));
  // Only finished children count: those do not change between the calls.
  CHECK(mine.cutime == theirs.tms_cutime);
  CHECK(mine.cstime == theirs.tms_cstime);
  CHECK(mine.utime <= theirs.tms_utime);
  CHECK(rawsys::times(nullptr));
  void* gone = unmapped_page();
  CHECK(rawsys::times(static_cast<rawsys::tms*>(gone)) == rawsys::unexpected(errc::efault));
  CHECK(outcome(rawsys::times(static_cast<rawsys::tms*>(gone))) == glibc(::syscall(SYS_times, gone)));
}

TEST_CASE("membarrier: the commands glibc's syscall() reports, a barrier, and EINVAL alike") {
  const auto q = rawsys::membarrier(rawsys::membarrier_cmd::query);
  if (!q) {
    CHECK(outcome(q) == glibc(::syscall(SYS_membarrier, 0, 0, 0)));
    rawsys_test::skip(rawsys_test::why_unavailable("membarrier", q.error()));
    return;
  }
  CHECK(*q == ::syscall(SYS_membarrier, 0, 0, 0));
  CHECK(in_child([] {
    // Not registered yet: EPERM; then registered: a barrier.
    const auto cmd = rawsys::membarrier_cmd::private_expedited;
    if (outcome(rawsys::membarrier(cmd)) != glibc(::syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0))) return 1;
    if (!rawsys::membarrier(rawsys::membarrier_cmd::register_private_expedited)) return 2;
    if (rawsys::membarrier(cmd) != 0) return 3;
    return 0;
  }) == 0);
  const auto bad = static_cast<rawsys::membarrier_cmd>(1 << 20);
  CHECK(rawsys::membarrier(bad) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::membarrier(bad)) == glibc(::syscall(SYS_membarrier, 1 << 20, 0, 0)));
}

namespace {
constexpr uint32_t rseq_signature = 0x53053053;
alignas(32) rawsys::rseq_area rseq_mine;

struct rseq_outcome {
  long rawsys_first = -1;   // rawsys register (0 or -errno)
  long glibc_again = -1;    // glibc's syscall() registering again: EBUSY
  long rawsys_again = -1;
  uint32_t cpu_id = 0;      // what the kernel wrote after registering
  long glibc_unregister = -1;
};

// The registration of a thread made by clone(CLONE_VM), which starts with
// none (glibc's own does not carry over): rawsys, then glibc's syscall().
#if defined(__clang__)
[[clang::no_sanitize("address", "undefined")]]
#else
[[gnu::no_sanitize("address", "undefined")]]
#endif
int rseq_main(void* p) {
  auto* o = static_cast<rseq_outcome*>(p);
  const auto as_long = [](const rawsys::result<void>& r) { return r ? 0L : -static_cast<long>(r.error()); };
  o->rawsys_first = as_long(rawsys::rseq(&rseq_mine, sizeof rseq_mine, {}, rseq_signature));
  if (o->rawsys_first != 0) return 1;
  (void)rawsys::getpid();  // a return to user space: cpu_id is written
  o->cpu_id = __atomic_load_n(&rseq_mine.cpu_id, __ATOMIC_RELAXED);
  o->rawsys_again = as_long(rawsys::rseq(&rseq_mine, sizeof rseq_mine, {}, rseq_signature));
  // glibc's syscall() only stores errno (the caller's, which waits meanwhile).
  const auto glibc_raw = [](long r) { return r == -1 ? -static_cast<long>(errno) : r; };
  o->glibc_again = glibc_raw(::syscall(SYS_rseq, &rseq_mine, sizeof rseq_mine, 0, rseq_signature));
  o->glibc_unregister = glibc_raw(::syscall(SYS_rseq, &rseq_mine, sizeof rseq_mine, RSEQ_FLAG_UNREGISTER, rseq_signature));
  return 0;
}
}  // namespace

TEST_CASE("rseq: registers in a fresh thread of its own, EINVAL and EBUSY as the kernel's raw answer") {
  // A length below 32: EINVAL whether or not glibc registered this thread.
  alignas(32) rawsys::rseq_area area;
  CHECK(rawsys::rseq(&area, 16, {}, rseq_signature) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::rseq(&area, 16, {}, rseq_signature)) == glibc(::syscall(SYS_rseq, &area, 16, 0, rseq_signature)));
  mapped_stack stack;
  rseq_outcome o;
  auto c = rawsys::clone(rseq_main, stack.top(), cf::vm | cf::exit_signal(sig::chld), &o);
  if (!c && rawsys_test::under_qemu_user()) {
    rawsys_test::skip("qemu-user makes clone(CLONE_VM) only as a thread (CLONE_THREAD and friends)");
    return;
  }
  REQUIRE(c);
  int status = 0;
  REQUIRE(rawsys::wait4(*c, &status, {}, nullptr) == *c);
  REQUIRE(WIFEXITED(status));
  if (o.rawsys_first == -static_cast<long>(errc::enosys)) {
    rawsys_test::skip(rawsys_test::why_unavailable("rseq", errc::enosys));
    return;
  }
  CHECK(o.rawsys_first == 0);
  CHECK(o.cpu_id < 4096u);  // a CPU number, not RSEQ_CPU_ID_UNINITIALIZED
  CHECK(o.rawsys_again == -static_cast<long>(errc::ebusy));
  CHECK(o.glibc_again == o.rawsys_again);
  CHECK(o.glibc_unregister == 0);
}

TEST_CASE("get_robust_list and set_robust_list: glibc's list, one of our own in a child, errors alike") {
  rawsys::robust_list_head* head = nullptr;
  size_t len = 0;
  void* theirs = nullptr;
  size_t their_len = 0;
  const auto got = rawsys::get_robust_list(0, &head, &len);
  CHECK(outcome(got) == glibc(::syscall(SYS_get_robust_list, 0, &theirs, &their_len)));
  if (!got) {  // qemu-user has no get_robust_list
    rawsys_test::skip(rawsys_test::why_unavailable("get_robust_list", got.error()));
    return;
  }
  CHECK(static_cast<void*>(head) == theirs);
  CHECK(len == their_len);
  CHECK(in_child([] {
    static rawsys::robust_list_head mine{{&mine.list}, 0, nullptr};
    if (!rawsys::set_robust_list(&mine)) return 1;
    void* got = nullptr;
    size_t n = 0;
    if (::syscall(SYS_get_robust_list, 0, &got, &n) != 0 || got != &mine || n != sizeof mine) return 2;
    // A wrong length: EINVAL.
    if (rawsys::set_robust_list(&mine, 1) != rawsys::unexpected(errc::einval)) return 3;
    if (outcome(rawsys::set_robust_list(&mine, 1)) != glibc(::syscall(SYS_set_robust_list, &mine, 1))) return 4;
    return 0;
  }) == 0);
  CHECK(rawsys::get_robust_list(nobody, &head, &len) == rawsys::unexpected(errc::esrch));
  CHECK(outcome(rawsys::get_robust_list(nobody, &head, &len)) ==
        glibc(::syscall(SYS_get_robust_list, nobody, &theirs, &their_len)));
}

#if defined(__x86_64__) || defined(__i386__)
TEST_CASE("x86: user_desc's flags are the bits of the kernel's bit-fields") {
  namespace f = rawsys::user_desc_flag;
  const auto flags_of = [](const struct user_desc& k) {
    rawsys::user_desc r;
    static_assert(sizeof r == sizeof k);
    memcpy(&r, &k, sizeof r);
    return r.flags;
  };
  struct user_desc k;
  memset(&k, 0, sizeof k);
  k.seg_32bit = 1;
  CHECK(flags_of(k) == f::seg_32bit);
  memset(&k, 0, sizeof k);
  k.contents = 2;
  CHECK(flags_of(k) == 2u << f::contents_shift);
  memset(&k, 0, sizeof k);
  k.read_exec_only = 1;
  CHECK(flags_of(k) == f::read_exec_only);
  memset(&k, 0, sizeof k);
  k.limit_in_pages = 1;
  CHECK(flags_of(k) == f::limit_in_pages);
  memset(&k, 0, sizeof k);
  k.seg_not_present = 1;
  CHECK(flags_of(k) == f::seg_not_present);
  memset(&k, 0, sizeof k);
  k.useable = 1;
  CHECK(flags_of(k) == f::useable);
#if defined(__x86_64__)
  memset(&k, 0, sizeof k);
  k.lm = 1;
  CHECK(flags_of(k) == f::lm);
#endif
}

TEST_CASE("x86: modify_ldt reads the LDT as glibc's syscall() does, ENOSYS for an unknown function") {
  char mine[64] = {}, theirs[64] = {};
  CHECK(outcome(rawsys::modify_ldt(0, mine, sizeof mine)) == glibc(::syscall(SYS_modify_ldt, 0, theirs, sizeof theirs)));
  CHECK(memcmp(mine, theirs, sizeof mine) == 0);
  // The kernel returns modify_ldt's result as an int (zero-extended in rax
  // on x86-64, where glibc's syscall() then sees no error): its low 32 bits.
  CHECK(rawsys::modify_ldt(99, mine, sizeof mine) == rawsys::unexpected(errc::enosys));
#if defined(__x86_64__)
  CHECK(static_cast<int>(::syscall(SYS_modify_ldt, 99, theirs, sizeof theirs)) == -ENOSYS);
#else
  CHECK(outcome(rawsys::modify_ldt(99, mine, sizeof mine)) == glibc(::syscall(SYS_modify_ldt, 99, theirs, sizeof theirs)));
#endif
}

TEST_CASE("x86: set_thread_area and get_thread_area, in a child, as glibc's syscall() answers") {
  const int r = in_child([] {
    // A free TLS slot, a 32-bit data segment; read back by both.
    namespace f = rawsys::user_desc_flag;
    const uint32_t flags = f::seg_32bit | f::limit_in_pages | f::useable;
    rawsys::user_desc d{~0u, 0x1000, 0xfffff, flags};
    rawsys::user_desc g = d;
    const auto set = rawsys::set_thread_area(&d);
    if (outcome(set) != glibc(::syscall(SYS_set_thread_area, &g))) return 1;
    if (!set) return set.error() == errc::enosys ? 100 : 2;  // x86-64 without 32-bit TLS slots
    if (d.entry_number == ~0u || g.entry_number == ~0u) return 3;  // the kernel wrote the slot
    rawsys::user_desc back{d.entry_number, 0, 0, 0}, glibc_back{d.entry_number, 0, 0, 0};
    if (!rawsys::get_thread_area(&back)) return 4;
    if (::syscall(SYS_get_thread_area, &glibc_back) != 0) return 5;
    if (memcmp(&back, &glibc_back, sizeof back) != 0) return 6;
    if (back.base_addr != 0x1000 || back.limit != 0xfffff || (back.flags & flags) != flags) return 7;
    // Not a TLS slot: EINVAL.
    rawsys::user_desc none{1, 0, 0, 0};
    if (rawsys::get_thread_area(&none) != rawsys::unexpected(errc::einval)) return 8;
    if (outcome(rawsys::get_thread_area(&none)) != glibc(::syscall(SYS_get_thread_area, &none))) return 9;
    return 0;
  });
  if (r == 100) {
    rawsys_test::skip(rawsys_test::why_unavailable("set_thread_area", errc::enosys));
    return;
  }
  CHECK(r == 0);
}

TEST_CASE("x86: ioperm and iopl as glibc's syscall() answers (ENOSYS without CONFIG_X86_IOPL_IOPERM)") {
  // Beyond the 65536 ports; a level above 3: EINVAL where the calls exist.
  CHECK(outcome(rawsys::ioperm(0xffff, 2, 0)) == glibc(::syscall(SYS_ioperm, 0xffff, 2, 0)));
  CHECK(outcome(rawsys::iopl(4)) == glibc(::syscall(SYS_iopl, 4)));
  const auto off = rawsys::ioperm(0x80, 1, 0);  // dropping access needs no privilege
  if (!off && off.error() == errc::enosys) {
    CHECK(outcome(off) == glibc(::syscall(SYS_ioperm, 0x80, 1, 0)));
    rawsys_test::skip(rawsys_test::why_unavailable("ioperm", errc::enosys));
    return;
  }
  CHECK(rawsys::ioperm(0xffff, 2, 0) == rawsys::unexpected(errc::einval));
  CHECK(rawsys::iopl(4) == rawsys::unexpected(errc::einval));
  CHECK(in_child([] {
    if (outcome(rawsys::ioperm(0x80, 1, 0)) != glibc(::syscall(SYS_ioperm, 0x80, 1, 0))) return 1;
    if (outcome(rawsys::iopl(0)) != glibc(::syscall(SYS_iopl, 0))) return 2;
    return rawsys::iopl(0) ? 0 : 3;
  }) == 0);
}
#endif

#if defined(__x86_64__)
// The wait status of a child, in a process group of its own, that runs f
// and exits with its value.
template <class F>
int status_of_child(F f) {
  const pid_t c = ::fork();
  REQUIRE(c >= 0);
  if (c == 0) {
    (void)::setpgid(0, 0);
    ::_exit(f());
  }
  int status = 0;
  REQUIRE(::waitpid(c, &status, 0) == c);
  return status;
}

TEST_CASE("x86-64: uretprobe outside the kernel's trampoline: the child's fate as with glibc's syscall()") {
  // Linux 6.11+: SIGILL, whose default action kills the child; before: the
  // call returns ENOSYS (exit 100 + errno). Either way glibc's child the same.
  const int mine = status_of_child([] {
    const auto r = rawsys::uretprobe();
    return r ? 1 : 100 + static_cast<int>(r.error());
  });
  const int theirs = status_of_child([] {
    errno = 0;
    return ::syscall(static_cast<long>(nr::uretprobe)) == -1 ? 100 + errno : 1;
  });
  CHECK(mine == theirs);
  if (WIFSIGNALED(mine)) {
    CHECK(WTERMSIG(mine) == SIGILL);
  } else {
    REQUIRE(WIFEXITED(mine));
    CHECK(WEXITSTATUS(mine) == 100 + ENOSYS);
  }
}
#endif

#if defined(__riscv) && __riscv_xlen == 64
TEST_CASE("riscv64: riscv_flush_icache and riscv_hwprobe as glibc's syscall() answers") {
  static char code[64];
  const long flush = static_cast<long>(nr::riscv_flush_icache);
  const auto mine = rawsys::riscv_flush_icache(code, code + sizeof code, 0);
  CHECK(outcome(mine) == glibc(::syscall(flush, code, code + sizeof code, 0)));
  CHECK(outcome(rawsys::riscv_flush_icache(code, code + sizeof code, rawsys::riscv_flush_icache_local)) ==
        glibc(::syscall(flush, code, code + sizeof code, 1)));
  // A flag the kernel does not know: EINVAL.
  CHECK(outcome(rawsys::riscv_flush_icache(code, code + sizeof code, 0x80)) ==
        glibc(::syscall(flush, code, code + sizeof code, 0x80)));
  const long probe = static_cast<long>(nr::riscv_hwprobe);
  rawsys::hwprobe_pair pairs[3] = {{rawsys::hwprobe::key_base_behavior, 0}, {rawsys::hwprobe::key_ima_ext_0, 0},
                                   {0x7fff, 0}};
  rawsys::hwprobe_pair theirs[3] = {{rawsys::hwprobe::key_base_behavior, 0}, {rawsys::hwprobe::key_ima_ext_0, 0},
                                    {0x7fff, 0}};
  const auto got = rawsys::riscv_hwprobe(pairs, 3, 0, nullptr, 0);
  CHECK(outcome(got) == glibc(::syscall(probe, theirs, 3, 0, nullptr, 0)));
  if (got) {
    CHECK(memcmp(pairs, theirs, sizeof pairs) == 0);
    CHECK(pairs[2].key == -1);  // a key this kernel does not know
    CHECK((pairs[0].value & rawsys::hwprobe::base_behavior_ima) != 0);
  }
  // Unknown flags: EINVAL; the pairs outside the process: EFAULT.
  CHECK(outcome(rawsys::riscv_hwprobe(pairs, 3, 0, nullptr, 0x80)) ==
        glibc(::syscall(probe, theirs, 3, 0, nullptr, 0x80)));
  CHECK(outcome(rawsys::riscv_hwprobe(nullptr, 1, 0, nullptr, 0)) == glibc(::syscall(probe, nullptr, 1, 0, nullptr, 0)));
}
#endif

#if defined(__s390x__)
TEST_CASE("s390x: s390_sthyi, s390_runtime_instr, s390_guarded_storage, s390_pci_mmio_*: errors as glibc's syscall()") {
  alignas(4096) static unsigned char page[4096];
  uint64_t rc = 0, their_rc = 0;
  // Flags other than 0: EINVAL (ENOSYS where the call is not implemented).
  CHECK(outcome(rawsys::s390_sthyi(rawsys::sthyi_fc_cp_ifl_cap, page, &rc, 1)) ==
        glibc(::syscall(static_cast<long>(nr::s390_sthyi), 0, page, &their_rc, 1)));
  // An unknown command: EINVAL, or EOPNOTSUPP without the facility.
  CHECK(outcome(rawsys::s390_runtime_instr(99, 0)) ==
        glibc(::syscall(static_cast<long>(nr::s390_runtime_instr), 99, 0)));
  CHECK(outcome(rawsys::s390_guarded_storage(99, nullptr)) ==
        glibc(::syscall(static_cast<long>(nr::s390_guarded_storage), 99, nullptr)));
  // No length: EINVAL, or ENODEV without zPCI.
  CHECK(outcome(rawsys::s390_pci_mmio_write(0, page, 0)) ==
        glibc(::syscall(static_cast<long>(nr::s390_pci_mmio_write), 0, page, 0)));
  CHECK(outcome(rawsys::s390_pci_mmio_read(0, page, 0)) ==
        glibc(::syscall(static_cast<long>(nr::s390_pci_mmio_read), 0, page, 0)));
  CHECK(!rawsys::s390_pci_mmio_read(0, page, 0));
}
#endif

#if defined(__powerpc64__)
TEST_CASE("ppc64le: subpage_prot's errors as glibc's syscall() answers") {
  // An unaligned address: EINVAL on the hash MMU, ENOENT on radix, ENOSYS
  // without CONFIG_PPC_SUBPAGE_PROT.
  static uint32_t map[1];
  const long n = static_cast<long>(nr::subpage_prot);
  CHECK(outcome(rawsys::subpage_prot(reinterpret_cast<void*>(1), 65536, map)) == glibc(::syscall(n, 1, 65536, map)));
  CHECK(!rawsys::subpage_prot(reinterpret_cast<void*>(1), 65536, map));
}

TEST_CASE("ppc64le: swapcontext as getcontext saves the signal mask, errors as glibc's syscall() answers") {
  const long n = static_cast<long>(nr::swapcontext);
  static rawsys::ppc_ucontext mine, theirs;
  CHECK(outcome(rawsys::swapcontext(&mine, nullptr)) == glibc(::syscall(n, &theirs, nullptr, sizeof theirs)));
  // In a child: a blocked signal is in the saved mask (uc_sigmask), in both.
  CHECK(in_child([] {
    rawsys::sigset block;
    block.add(sig::usr2);
    if (!rawsys::rt_sigprocmask(rawsys::how::block, &block, nullptr)) return 1;
    if (!rawsys::swapcontext(&mine, nullptr)) return 2;
    if (::syscall(static_cast<long>(nr::swapcontext), &theirs, nullptr, sizeof theirs) != 0) return 3;
    rawsys::sigset saved, glibc_saved;
    memcpy(&saved, mine.bytes + rawsys::ppc_ucontext::sigmask_offset, sizeof saved);
    memcpy(&glibc_saved, theirs.bytes + rawsys::ppc_ucontext::sigmask_offset, sizeof glibc_saved);
    if (!saved.has(sig::usr2) || !glibc_saved.has(sig::usr2)) return 4;
    return 0;
  }) == 0);
  // A size below the context without its VSX part: EINVAL; the old context
  // outside the process: EFAULT.
  CHECK(rawsys::swapcontext(&mine, nullptr, 16) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::swapcontext(&mine, nullptr, 16)) == glibc(::syscall(n, &theirs, nullptr, 16)));
  auto* const bad = static_cast<rawsys::ppc_ucontext*>(unmapped_page());
  CHECK(rawsys::swapcontext(bad, nullptr) == rawsys::unexpected(errc::efault));
  CHECK(outcome(rawsys::swapcontext(bad, nullptr)) == glibc(::syscall(n, bad, nullptr, sizeof theirs)));
}

TEST_CASE("ppc64le: switch_endian runs big-endian code, or fails as glibc's syscall() does") {
  // li r0, exit_group; li r3, 42; sc: as big-endian words.
  void* const page = ::mmap(nullptr, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(page != MAP_FAILED);
  const uint32_t code[] = {__builtin_bswap32(0x38000000u | static_cast<uint32_t>(nr::exit_group)),
                           __builtin_bswap32(0x3860002au), __builtin_bswap32(0x44000002u)};
  memcpy(page, code, sizeof code);
  __builtin___clear_cache(static_cast<char*>(page), static_cast<char*>(page) + sizeof code);
  const int r = in_child([page] {
    const auto e = rawsys::switch_endian(page, nullptr);
    if (e) return 1;  // never: on success the big-endian code exits
    // Ours failed, so glibc's call fails too and returns here.
    if (outcome(e) != glibc(::syscall(static_cast<long>(nr::switch_endian)))) return 2;
    return 100 + static_cast<int>(e.error());
  });
  ::munmap(page, 4096);
  if (r == 100 + ENOSYS) {
    // qemu-user does not emulate the switch (ENOSYS); a kernel has had it
    // since 4.1.
    rawsys_test::skip(rawsys_test::why_unavailable("switch_endian", errc::enosys));
    return;
  }
  CHECK(r == 42);
}

TEST_CASE("ppc64le: rtas's errors as glibc's syscall() answers") {
  // 20 input words (big-endian, as the firmware reads them), more than
  // args holds: EINVAL (also where no RTAS is); ENOSYS under qemu-user.
  const long n = static_cast<long>(nr::rtas);
  rawsys::rtas_args mine{}, theirs{};
  mine.nargs = theirs.nargs = __builtin_bswap32(20);
  const auto r = rawsys::rtas(&mine);
  CHECK(outcome(r) == glibc(::syscall(n, &theirs)));
  CHECK(!r);
}

TEST_CASE("ppc64le: spu_create and spu_run: ENOSYS as glibc's syscall() answers (Cell SPUs are big-endian only)") {
  const auto created = rawsys::spu_create("/spu/rawsys-test", 0, 0700);
  CHECK(rawsys_test::error_of(created) == errc::enosys);
  errno = 0;
  CHECK(::syscall(static_cast<long>(nr::spu_create), "/spu/rawsys-test", 0, 0700, -1) == -1);
  CHECK(errno == ENOSYS);
  uint32_t npc = 0, event = 0;
  const auto ran = rawsys::spu_run(rawsys::fd{-1}, &npc, &event);
  CHECK(ran == rawsys::unexpected(errc::enosys));
  CHECK(outcome(ran) == glibc(::syscall(static_cast<long>(nr::spu_run), -1, &npc, &event)));
}
#endif

#if defined(__mips__)
TEST_CASE("mips: cacheflush, cachectl, sysmips and set_thread_area as glibc's syscall() answers") {
  static char code[64];
  const long flush = static_cast<long>(nr::cacheflush);
  CHECK(outcome(rawsys::cacheflush(code, sizeof code, rawsys::mips_cache::bcache)) ==
        glibc(::syscall(flush, code, sizeof code, BCACHE)));
  // A range beyond the process: EFAULT.
  const auto far = reinterpret_cast<void*>(~0ul << 12);
  CHECK(outcome(rawsys::cacheflush(far, 4096, rawsys::mips_cache::icache)) == glibc(::syscall(flush, far, 4096, ICACHE)));
  // Linux implements no cachectl operation: EINVAL.
  const long ctl = static_cast<long>(nr::cachectl);
  CHECK(outcome(rawsys::cachectl(code, sizeof code, rawsys::mips_cache::cacheable)) ==
        glibc(::syscall(ctl, code, sizeof code, CACHEABLE)));
  // FLUSH_CACHE does nothing; an unknown command: EINVAL.
  const long sm = static_cast<long>(nr::sysmips);
  CHECK(outcome(rawsys::sysmips(rawsys::sysmips_cmd::flush_cache, 0, 0)) == glibc(::syscall(sm, FLUSH_CACHE, 0, 0)));
  CHECK(outcome(rawsys::sysmips(9999, 0, 0)) == glibc(::syscall(sm, 9999, 0, 0)));
  // The thread pointer set to what it is, in a child.
  CHECK(in_child([] {
    void* const tp = __builtin_thread_pointer();
    const auto set = rawsys::set_thread_area(tp);
    if (outcome(set) != glibc(::syscall(static_cast<long>(nr::set_thread_area), tp))) return 1;
    if (set && __builtin_thread_pointer() != tp) return 2;
    return 0;
  }) == 0);
}
#endif

#if defined(__mips__) && _MIPS_SIM == _ABIO32
TEST_CASE("mips o32: the indirect syscall makes the call its number names, as glibc's syscall(4000, ...)") {
  const long ind = static_cast<long>(nr::syscall);
  const auto pid = rawsys::indirect_syscall(nr::getpid);
  if (!pid && pid.error() == errc::enosys) {
    CHECK(outcome(pid) == glibc(::syscall(ind, SYS_getpid)));
    rawsys_test::skip(rawsys_test::why_unavailable("syscall", errc::enosys));
    return;
  }
  CHECK(pid == rawsys::result<long>(::getpid()));
  CHECK(outcome(pid) == glibc(::syscall(ind, SYS_getpid)));
  // An error of the call made: close(-1), EBADF.
  CHECK(rawsys::indirect_syscall(nr::close, -1) == rawsys::unexpected(errc::ebadf));
  CHECK(outcome(rawsys::indirect_syscall(nr::close, -1)) == glibc(::syscall(ind, SYS_close, -1)));
  // Six arguments, the last three through the stack: pwrite64(fd, buf, 3,
  // pad, offset low, offset high) writes at offset 5.
  const int f = ::memfd_create("rawsys-indirect", 0);
  REQUIRE(f >= 0);
  CHECK(rawsys::indirect_syscall(nr::pwrite64, f, reinterpret_cast<long>("abc"), 3, 0, 5, 0) ==
        rawsys::result<long>(3));
  char back[8] = {};
  CHECK(::pread(f, back, sizeof back, 0) == 8);
  CHECK(memcmp(back + 5, "abc", 3) == 0);
  ::close(f);
  // Its own number, or one outside the table: ENOSYS (no recursion).
  CHECK(rawsys::indirect_syscall(nr::syscall) == rawsys::unexpected(errc::enosys));
  CHECK(outcome(rawsys::indirect_syscall(nr::syscall)) == glibc(::syscall(ind, ind)));
  CHECK(outcome(rawsys::indirect_syscall(static_cast<nr>(9999))) == glibc(::syscall(ind, 9999)));
}
#endif
