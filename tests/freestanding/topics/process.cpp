// <rawsys/process.hpp> without libc: each wrapper once, against what
// clone(2), wait4(2), prctl(2) and their neighbours document. clone's
// argument order is proved with both tid pointers set.
#include <rawsys/process.hpp>
#include <rawsys/signal.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;
namespace cf = r::clone_flags;
using r::sig;

namespace {
bool same(const char* a, const char* b) {
  while (*a && *a == *b) ++a, ++b;
  return *a == *b;
}
int status_of(int pid) {
  int status = -1;
  return r::wait4(pid, &status, r::w::flags{}, nullptr) == pid ? status : -1;
}
bool exited_with(int status, int code) { return r::wifexited(status) && r::wexitstatus(status) == code; }
}  // namespace

int main(int, char**, char** envp) {
  // Identities.
  const int pid = r::getpid();
  check(pid > 0 && r::getppid() > 0 && r::gettid() == pid, "getpid, getppid, gettid");
  unsigned ru = 1, eu = 1, su = 1, rg = 1, eg = 1, sg = 1;
  check(r::getresuid(&ru, &eu, &su).has_value() && ru == r::getuid() && eu == r::geteuid(), "getresuid");
  check(r::getresgid(&rg, &eg, &sg).has_value() && rg == r::getgid() && eg == r::getegid(), "getresgid");
  unsigned groups[64];
  auto ng = r::getgroups(64, groups);
  check(ng && *ng >= 0 && r::getgroups(0, nullptr) == *ng, "getgroups");
  check(r::getpgid(0).has_value() && r::getsid(0).has_value(), "getpgid, getsid");
  check(r::getpgid(-5) == r::unexpected(r::errc::esrch), "getpgid: ESRCH");
  check(r::set_tid_address(nullptr) == pid, "set_tid_address");
  r::sched_yield();

  // The raw clone, fork-like, with both tid pointers: the child's word gets
  // its tid, and the parent's word the child's tid (in the parent's memory
  // from the kernel; qemu-user, emulating the call with fork, writes it in
  // the child's copy instead). A swapped argument order leaves one unset.
  int ptid = 0, ctid = 0;
  auto c = r::clone(cf::parent_settid | cf::child_settid | cf::flags{static_cast<uint64_t>(sig::chld)}, nullptr,
                    &ptid, &ctid, 0);
  if (c && *c == 0) r::exit_group((ctid == r::gettid() ? 1 : 0) | (ptid == r::gettid() ? 2 : 0));
  const int cs = c ? status_of(*c) : -1;
  check(c && *c > 0 && r::wifexited(cs) && (r::wexitstatus(cs) & 1) != 0, "clone: CLONE_CHILD_SETTID");
  check(c && (ptid == *c || (r::wexitstatus(cs) & 2) != 0), "clone: CLONE_PARENT_SETTID");

  // A new session in a child; exit (the thread's own) gives the status.
  auto s = r::fork();
  if (s && *s == 0) {
    auto sid = r::setsid();
    r::exit(sid && *sid == r::getpid() && r::getsid(0) == *sid && r::getpgid(0) == *sid ? 3 : 4);
  }
  check(s && exited_with(status_of(*s), 3), "fork, setsid, getsid, exit");
  // setpgid: a child in its own process group.
  auto g = r::fork();
  if (g && *g == 0) r::exit_group(r::setpgid(0, 0) && r::getpgid(0) == r::getpid() ? 0 : 1);
  check(g && exited_with(status_of(*g), 0), "setpgid");

  // execveat and waitid.
  auto e = r::fork();
  if (e && *e == 0) {
    const char* argv[] = {"sh", "-c", "exit 5", nullptr};
    (void)r::execveat(r::at_fdcwd, "/bin/sh", argv, envp, r::at::flags{});
    r::exit_group(127);
  }
  r::siginfo info{};
  check(e && r::waitid(r::idtype::pid, *e, &info, r::w::exited).has_value() && info.signo == static_cast<int>(sig::chld) &&
            info.code == r::cld::exited && info.status() == 5 && info.pid() == *e,
        "execveat, waitid");
  const char* none[] = {"x", nullptr};
  check(r::execve("/no/such/program", none, envp) == r::unexpected(r::errc::enoent), "execve: ENOENT");

  // pidfd_open and pidfd_send_signal end a sleeping child.
  auto k = r::fork();
  if (k && *k == 0) {
    for (;;) (void)r::syscall(r::nr::ppoll, nullptr, 0, nullptr, nullptr, 8);
  }
  auto pfd = r::pidfd_open(*k);
  if (!topic::not_emulated(pfd, "pidfd_open")) {
    check(pfd.has_value(), "pidfd_open");
    auto sent = pfd ? r::pidfd_send_signal(*pfd, sig::kill) : r::result<void>(r::unexpected(r::errc::ebadf));
    if (topic::not_emulated(sent, "pidfd_send_signal"))
      (void)r::kill(*k, sig::kill);
    else
      check(sent.has_value(), "pidfd_send_signal");
  } else {
    (void)r::kill(*k, sig::kill);
  }
  const int ks = status_of(*k);
  check(r::wifsignaled(ks) && r::wtermsig(ks) == sig::kill, "the child ended by SIGKILL");

  // clone3: Linux 5.3+; qemu-user has none.
  r::clone_args ca{};
  ca.exit_signal = static_cast<uint64_t>(sig::chld);
  auto c3 = r::clone3(&ca);
  if (!topic::not_emulated(c3, "clone3")) {
    if (c3 && *c3 == 0) r::exit_group(9);
    check(c3 && exited_with(status_of(*c3), 9), "clone3");
  }

  // prctl, uname, sysinfo, limits, usage, affinity.
  check(r::prctl(r::pr::set_name, reinterpret_cast<unsigned long>("topic-proc")).has_value(), "prctl set_name");
  char name[16] = {};
  check(r::prctl(r::pr::get_name, name).has_value() && same(name, "topic-proc"), "prctl get_name");
  r::utsname u{};
  check(r::uname(&u).has_value() && same(u.sysname, "Linux"), "uname");
  r::sysinfo_t si{};
  check(r::sysinfo(&si).has_value() && si.uptime >= 0 && si.totalram > 0, "sysinfo");
  r::rlimit64 old{};
  check(r::prlimit64(0, r::rlimit::core, nullptr, &old).has_value() && r::getrlimit(r::rlimit::core) == old,
        "prlimit64, getrlimit");
  check(r::setrlimit(r::rlimit::core, r::rlimit64{0, old.max}).has_value() &&
            r::getrlimit(r::rlimit::core).value_or(old).cur == 0,
        "setrlimit");
  r::rusage usage{};
  check(r::getrusage(r::rusage_who::self, &usage).has_value() && usage.maxrss > 0, "getrusage");
  r::cpu_set cpus;
  auto n = r::sched_getaffinity(0, cpus);
  check(n && *n > 0 && cpus.count() >= 1, "sched_getaffinity");
  check(r::sched_setaffinity(0, cpus).has_value(), "sched_setaffinity");
  return topic::finish("process.hpp");
}
