// syscount [-f] COMMAND [ARG]...: runs COMMAND under ptrace(2) and, when it
// has ended, prints on stderr how many times it made each system call and
// how many of those failed, most frequent first (strace -c's counts,
// without the timing). -f follows its children too. Calls are counted at
// their entry, so exit_group is one. On x86 a program of the other ABI
// (i386 under a 64-bit syscount, or the reverse) has its calls named from
// its own table, marked "(i386)" or "(x86-64)". Exit status: COMMAND's (128 + N
// when signal N ended it), 126 or 127 when it cannot be run, 125 when it
// cannot be traced.
#include <rawsys/nr/i386.hpp>  // the other x86 ABI's table
#include <rawsys/nr/x86_64.hpp>
#include <rawsys/process.hpp>
#include <rawsys/ptrace.hpp>
#include <rawsys/signal.hpp>
#include <rawsys/start.hpp>

#include "exec.hpp"
#include "tool.hpp"

namespace {

using rawsys::errc;

// Counts per ABI: [0] the native one, [1] the other x86 one (i386 seen
// from x86-64, or x86-64 from i386).
constexpr unsigned max_nr = 1024;
uint64_t calls[2][max_nr], failures[2][max_nr];
#if defined(__x86_64__)
using other_nr = rawsys::ia32::nr;
constexpr uint32_t other_arch = 0x40000003;  // AUDIT_ARCH_I386
constexpr const char* other_abi = " (i386)";
#elif defined(__i386__)
using other_nr = rawsys::x86_64::nr;
constexpr uint32_t other_arch = 0xc000003e;  // AUDIT_ARCH_X86_64
constexpr const char* other_abi = " (x86-64)";
#else
using other_nr = rawsys::nr;
constexpr uint32_t other_arch = 0;
constexpr const char* other_abi = "";
#endif

// What each tracee is doing, for the exit of its current call.
struct tracee {
  int pid;
  unsigned abi;
  unsigned nr;
  bool in_call;  // for kernels without PTRACE_GET_SYSCALL_INFO
  bool started;  // its first stop (a new child's SIGSTOP) has been seen
};
constexpr int max_tracees = 1024;
tracee tracees[max_tracees];
int ntracees = 0;

tracee* find(int pid) {
  for (int i = 0; i < ntracees; ++i)
    if (tracees[i].pid == pid) return &tracees[i];
  if (ntracees == max_tracees) return nullptr;
  tracees[ntracees] = {pid, 0, ~0u, false, false};
  return &tracees[ntracees++];
}

void forget(int pid) {
  for (int i = 0; i < ntracees; ++i)
    if (tracees[i].pid == pid) tracees[i] = tracees[--ntracees];
}

const char* call_name(unsigned abi, unsigned n) {
  if (abi == 1) return rawsys::name(static_cast<other_nr>(n));
  return rawsys::name(static_cast<rawsys::nr>(n));
}

// A syscall stop: the entry counts the call, the exit a failure.
void on_syscall_stop(int pid) {
  tracee* t = find(pid);
  if (!t) return;
  rawsys::ptrace_syscall_info info{};
  if (rawsys::ptrace_get_syscall_info(pid, info)) {
    if (info.op == rawsys::ptrace_syscall_info_op::entry) {
      t->abi = other_arch != 0 && info.arch == other_arch ? 1 : 0;
      t->nr = info.entry.nr < max_nr ? static_cast<unsigned>(info.entry.nr) : ~0u;
      if (t->nr != ~0u) ++calls[t->abi][t->nr];
    } else if (info.op == rawsys::ptrace_syscall_info_op::exit) {
      if (info.exit.is_error && t->nr != ~0u) ++failures[t->abi][t->nr];
      t->nr = ~0u;
    }
    return;
  }
  // Before Linux 5.3: the registers, entry and exit alternating.
  rawsys::user_regs regs{};
  if (!rawsys::ptrace_getregset(pid, regs)) return;
  if (!t->in_call) {
    const uint64_t n = regs.syscall_nr();
    t->nr = n < max_nr ? static_cast<unsigned>(n) : ~0u;
    if (t->nr != ~0u) ++calls[0][t->nr];
  } else if (t->nr != ~0u && rawsys::detail::is_error(static_cast<long>(regs.syscall_ret()))) {
    ++failures[0][t->nr];
  }
  t->in_call = !t->in_call;
}

void report() {
  auto& w = rawsys::err;
  (void)rawsys::out.flush();
  w << "  calls  errors syscall\n------- ------- ----------------\n";
  uint64_t total = 0, total_failed = 0;
  // Most calls first, then by name: a selection, the table being small.
  bool done[2][max_nr] = {};
  for (;;) {
    unsigned best_abi = 0, best = max_nr;
    for (unsigned abi = 0; abi < 2; ++abi)
      for (unsigned n = 0; n < max_nr; ++n) {
        if (calls[abi][n] == 0 || done[abi][n]) continue;
        if (best == max_nr || calls[abi][n] > calls[best_abi][best] ||
            (calls[abi][n] == calls[best_abi][best] &&
             tool::compare(call_name(abi, n), call_name(best_abi, best)) < 0)) {
          best_abi = abi;
          best = n;
        }
      }
    if (best == max_nr) break;
    done[best_abi][best] = true;
    w.dec(calls[best_abi][best], 7).put(' ');
    if (failures[best_abi][best]) w.dec(failures[best_abi][best], 7);
    else w << "       ";
    w << ' ' << call_name(best_abi, best);
    if (best_abi == 1) w << other_abi;
    w.put('\n');
    total += calls[best_abi][best];
    total_failed += failures[best_abi][best];
  }
  w << "------- ------- ----------------\n";
  w.dec(total, 7).put(' ').dec(total_failed, 7) << " total\n";
  (void)w.flush();
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool follow = false;
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; ++i) {
    const char* a = argv[i];
    if (tool::eq(a, "--")) {
      ++i;
      break;
    }
    if (tool::eq(a, "-f")) {
      follow = true;
    } else if (tool::eq(a, "--help")) {
      rawsys::out << "Usage: " << tool::program << " [-f] COMMAND [ARG]...\n"
                  << "Run COMMAND and count its system calls (-f: its children's too).\n";
      return tool::finish(0, 125);
    } else if (a[1] == '-') {
      tool::unrecognized_option(a);
      return 125;
    } else {
      tool::invalid_option(a[1]);
      return 125;
    }
  }
  if (i == argc) {
    tool::begin_error() << "missing command";
    tool::end_error();
    tool::try_help();
    return 125;
  }
  (void)rawsys::out.flush();
  (void)rawsys::err.flush();

  auto child = rawsys::fork();
  if (!child) {
    tool::error("fork", child.error());
    return 125;
  }
  if (*child == 0) {
    if (auto r = rawsys::ptrace_traceme(); !r) {
      tool::error("cannot trace", r.error());
      rawsys::exit_group(125);
    }
    // Stop until the tracer is ready: what follows is the command's.
    (void)rawsys::kill(rawsys::getpid(), rawsys::sig::stop);
    const char* path = rawsys::getenv("PATH");
    const errc e = tool::execvp(argv + i, rawsys::environ(), path ? path : "/bin:/usr/bin");
    tool::begin_error() << '\'' << argv[i] << "': " << message(e);
    tool::end_error();
    rawsys::exit_group(e == errc::enoent ? 127 : 126);
  }

  int status = 0;
  if (!tool::wait_any(*child, &status) || !rawsys::wifstopped(status)) {
    return tool::shell_status(status);  // ended before it stopped: could not be traced
  }
  using rawsys::ptrace_o::flags;
  flags options = rawsys::ptrace_o::tracesysgood | rawsys::ptrace_o::exitkill | rawsys::ptrace_o::traceexec;
  if (follow) options |= rawsys::ptrace_o::tracefork | rawsys::ptrace_o::tracevfork | rawsys::ptrace_o::traceclone;
  if (auto r = rawsys::ptrace_setoptions(*child, options); !r) {
    tool::error("cannot trace", r.error());
    (void)rawsys::kill(*child, rawsys::sig::kill);
    return 125;
  }
  find(*child)->started = true;
  (void)rawsys::ptrace_syscall(*child);

  int result = 0;
  for (;;) {
    auto pid = tool::wait_any(-1, &status);
    if (!pid) break;  // ECHILD: every tracee is gone
    const int sig = (status >> 8) & 0xff;  // WSTOPSIG, with the 0x80 of a syscall stop
    if (!rawsys::wifstopped(status)) {  // exited or killed
      if (*pid == *child) result = tool::shell_status(status);
      forget(*pid);
      continue;
    }
    if (sig == (static_cast<int>(rawsys::sig::trap) | 0x80)) {
      on_syscall_stop(*pid);
      (void)rawsys::ptrace_syscall(*pid);
    } else if (status >> 16) {  // a ptrace event (fork, exec, ...): nothing to deliver
      (void)rawsys::ptrace_syscall(*pid);
    } else {
      // A new child's first stop is the SIGSTOP of its attachment: not
      // delivered. Any other signal goes on to the tracee.
      tracee* t = find(*pid);
      const bool attach_stop = t && !t->started && sig == static_cast<int>(rawsys::sig::stop) && *pid != *child;
      if (t) t->started = true;
      (void)rawsys::ptrace_syscall(*pid, attach_stop ? rawsys::sig() : static_cast<rawsys::sig>(sig));
    }
  }
  report();
  return result;
}
