// The tracing loop that trace and syscount share: runs a command under
// ptrace(2), follows its children when asked, and hands each system call's
// entry and exit (PTRACE_GET_SYSCALL_INFO) to the tool with the personality
// that made it: the ABI named by the call's AUDIT_ARCH, so that an i386
// program traced from x86-64 is named from the i386 table and its errors from
// that ABI's errno numbering. With a list of calls, the command runs under a
// seccomp filter that stops it (SECCOMP_RET_TRACE) only for those, and the
// others run at full speed (PTRACE_O_TRACESECCOMP and PTRACE_CONT).
#pragma once

#include <rawsys/errno/generic.hpp>
#include <rawsys/errno/powerpc.hpp>
#include <rawsys/nr/aarch64.hpp>
#include <rawsys/nr/arm.hpp>
#include <rawsys/nr/i386.hpp>
#include <rawsys/nr/loongarch64.hpp>
#include <rawsys/nr/ppc64.hpp>
#include <rawsys/nr/riscv64.hpp>
#include <rawsys/nr/s390x.hpp>
#include <rawsys/nr/x86_64.hpp>
#include <rawsys/fs.hpp>
#include <rawsys/process.hpp>
#include <rawsys/ptrace.hpp>
#include <rawsys/seccomp.hpp>
#include <rawsys/signal.hpp>

#include "exec.hpp"
#include "tool.hpp"

namespace tracer {

using rawsys::errc;

// One ABI a tracee may call the kernel with: its table of numbers and its
// errno numbering. Index 0 is this program's own.
struct personality {
  rawsys::audit_arch arch;
  const char* label;      // as syscount marks another ABI's calls
  unsigned word_bits;     // 32 or 64: the width of its longs and pointers
  const char* (*call_name)(uint64_t);  // "?" for a number without a name
  rawsys::result<uint64_t> (*find)(const char*);
  const char* (*error_name)(int);
  const char* (*error_message)(int);
  rawsys::audit_arch partner;  // the ABI the same kernel runs beside it, if any
  // A seccomp program for this ABI: SECCOMP_RET_TRACE for the named calls
  // it has, ALLOW for its other calls and for every other ABI's.
  rawsys::result<rawsys::sock_fprog> (*filter)(rawsys::sock_filter*, size_t, const char* const*, unsigned);
};

namespace detail {
// The errno numbering of each table's ABI.
template <class Nr>
struct errno_set {
  using type = rawsys::errc_generic;
};
template <>
struct errno_set<rawsys::ppc64::nr> {
  using type = rawsys::errc_powerpc;
};

template <class Nr>
rawsys::result<uint64_t> find(const char* s) noexcept {
  auto n = rawsys::detail::find_nr<Nr>(s, rawsys::detail::length(s));
  if (!n) return rawsys::unexpected(n.error());
  return static_cast<uint64_t>(*n);
}

template <class Nr>
rawsys::result<rawsys::sock_fprog> filter(rawsys::sock_filter* out, size_t capacity, const char* const* names,
                                          unsigned count) noexcept {
  rawsys::seccomp_filter<Nr> f(out, capacity, rawsys::seccomp_ret::allow);
  for (unsigned i = 0; i < count; ++i)
    if (auto n = rawsys::detail::find_nr<Nr>(names[i], rawsys::detail::length(names[i])))
      f.on(*n, rawsys::seccomp_ret::trace);
  return f.finish(rawsys::seccomp_ret::allow);
}

template <class Nr, class E = typename errno_set<Nr>::type>
constexpr personality make(const char* label, unsigned bits, rawsys::audit_arch partner) noexcept {
  return {rawsys::audit_arch_of<Nr>,
          label,
          bits,
          [](uint64_t n) { return rawsys::name(static_cast<Nr>(n)); },
          find<Nr>,
          [](int e) { return rawsys::name(static_cast<E>(e)); },
          [](int e) { return rawsys::message(static_cast<E>(e)); },
          partner,
          filter<Nr>};
}

// Another ABI: complete when this kernel may run it beside ours (a 64-bit
// kernel runs the 32-bit programs of its family, and a 32-bit tracer may
// meet a 64-bit program there); otherwise only its AUDIT_ARCH, and its
// tables stay out of the program.
template <class Nr>
constexpr personality other(const char* label, unsigned bits, rawsys::audit_arch partner) noexcept {
  if constexpr (rawsys::audit_arch_of<Nr> != rawsys::native_audit_arch) {
    if (partner == rawsys::native_audit_arch) return make<Nr>(label, bits, partner);
  }
  return {rawsys::audit_arch_of<Nr>, label, bits, nullptr, nullptr, nullptr, nullptr, partner, nullptr};
}
}  // namespace detail

using rawsys::audit_arch;
// This program's ABI first; then every other one rawsys has a table and an
// AUDIT_ARCH for, with the ABI its kernel runs beside it.
inline constexpr personality personalities[] = {
    detail::make<rawsys::nr, rawsys::errc>("", sizeof(long) * 8, audit_arch{}),
    detail::other<rawsys::x86_64::nr>(" (x86-64)", 64, audit_arch::ia32),
    detail::other<rawsys::ia32::nr>(" (i386)", 32, audit_arch::x86_64),
    detail::other<rawsys::aarch64::nr>(" (arm64)", 64, audit_arch::arm),
    detail::other<rawsys::arm::nr>(" (arm)", 32, audit_arch::aarch64),
    detail::other<rawsys::ppc64::nr>(" (ppc64)", 64, audit_arch{}),
    detail::other<rawsys::riscv64::nr>(" (riscv64)", 64, audit_arch{}),
    detail::other<rawsys::loongarch64::nr>(" (loongarch64)", 64, audit_arch{}),
    detail::other<rawsys::s390x::nr>(" (s390x)", 64, audit_arch{}),
};
inline constexpr unsigned npersonalities = sizeof personalities / sizeof personalities[0];

// The personality of an AUDIT_ARCH: 0 (this program's) when it is ours or unknown.
inline unsigned personality_of(uint32_t arch) noexcept {
  for (unsigned i = 0; i < npersonalities; ++i)
    if (static_cast<uint32_t>(personalities[i].arch) == arch && personalities[i].call_name) return i;
  return 0;
}

// Whether this kernel may run a program of personality p beside ours.
constexpr bool runs_here(unsigned p) noexcept { return personalities[p].call_name != nullptr; }

// A system call as a stop shows it.
struct call {
  uint64_t nr;
  uint64_t args[6];
  int64_t rval;    // at the exit
  bool is_error;   // at the exit: rval is -errno
};

// What each tracee is doing, for the exit of its current call.
struct tracee {
  int pid;          // 0: a free slot
  unsigned abi;     // personalities[abi] made the current call
  bool in_call;     // between an entry and its exit
  bool started;     // its first stop (a new child's SIGSTOP) has been seen
  bool abi_changed; // its current call's personality is not its previous call's
  bool first;       // the command itself, not one of its children
  call current;
};
inline constexpr int max_tracees = 256;
inline tracee tracees[max_tracees];

inline tracee* find(int pid) noexcept {
  tracee* free = nullptr;
  for (auto& t : tracees) {
    if (t.pid == pid) return &t;
    if (t.pid == 0 && !free) free = &t;
  }
  if (free) *free = {pid, 0, false, false, false, false, {}};
  return free;
}

inline int count() noexcept {
  int n = 0;
  for (auto& t : tracees) n += t.pid != 0;
  return n;
}

// The seccomp filters for -e trace=NAME,...: one per personality this
// kernel runs, each stopping its ABI's calls of these names and leaving
// every other call (and every other ABI's) alone.
struct filters {
  static constexpr unsigned max_names = 512;
  rawsys::sock_filter programs[2][2 * max_names + 8];
  rawsys::sock_fprog progs[2];
  unsigned n = 0;
};

// Builds the filters for `names`; false after a message when a name is
// unknown to every personality here or there are too many.
inline bool build_filters(filters& f, const char* const* names, unsigned count) noexcept {
  for (unsigned i = 0; i < count; ++i) {
    bool known = false;
    for (unsigned p = 0; p < npersonalities; ++p) known |= runs_here(p) && personalities[p].find(names[i]).has_value();
    if (!known) {
      tool::begin_error() << "invalid system call '" << names[i] << '\'';
      tool::end_error();
      return false;
    }
  }
  for (unsigned p = 0; p < npersonalities && f.n < 2; ++p) {
    if (!runs_here(p)) continue;
    auto prog = personalities[p].filter(f.programs[f.n], sizeof f.programs[0] / sizeof f.programs[0][0], names, count);
    if (!prog) {
      tool::error("too many system calls", prog.error());
      return false;
    }
    f.progs[f.n++] = *prog;
  }
  return true;
}

// What the tool does at each stop: a handler H has
//   void entry(tracee&), exit(tracee&);
//   void lost(tracee&);          // the call in progress never returned
//   void ended(tracee&, int status);
//   void signal(tracee&, int sig);
// With a seccomp filter the children are always traced: a call that the
// filter sends to a tracer fails with ENOSYS when there is none. Their calls
// are the tool's to show or not (tracee::first).
struct options {
  bool follow = false;
  const filters* seccomp = nullptr;  // stop only for these calls
};

namespace detail {
// A syscall or seccomp stop: the call's entry or exit.
template <class H>
void on_stop(tracee& t, H& h) noexcept {
  rawsys::ptrace_syscall_info info{};
  if (rawsys::ptrace_get_syscall_info(t.pid, info)) {
    using op = rawsys::ptrace_syscall_info_op;
    if (info.op == op::entry || info.op == op::seccomp) {
      if (t.in_call) h.lost(t);
      const unsigned abi = personality_of(info.arch);
      t.abi_changed = abi != t.abi;
      t.abi = abi;
      t.current = {};
      t.current.nr = info.op == op::entry ? info.entry.nr : info.seccomp.nr;
      for (int i = 0; i < 6; ++i) t.current.args[i] = info.op == op::entry ? info.entry.args[i] : info.seccomp.args[i];
      t.in_call = true;
      h.entry(t);
    } else if (info.op == op::exit && t.in_call) {
      t.current.rval = info.exit.rval;
      t.current.is_error = info.exit.is_error != 0;
      t.in_call = false;
      h.exit(t);
    }
    return;
  }
  // Before Linux 5.3: the registers, entry and exit alternating (this ABI only).
  rawsys::user_regs regs{};
  if (!rawsys::ptrace_getregset(t.pid, regs)) return;
  if (!t.in_call) {
    t.abi = 0;
    t.current = {};
    t.current.nr = regs.syscall_nr();
    for (int i = 0; i < 6; ++i) t.current.args[i] = regs.syscall_arg(i);
    t.in_call = true;
    h.entry(t);
  } else {
    const long r = static_cast<long>(regs.syscall_ret());
    t.current.rval = r;
    t.current.is_error = rawsys::detail::is_error(r);
    t.in_call = false;
    h.exit(t);
  }
}
}  // namespace detail

// The command's file as strace finds it, before the child starts (so that
// the child makes one execve): a name with a slash as it is, otherwise the
// first regular file with an execute bit in a directory of PATH. Returns
// that directory (for execvp's PATH: "" for a name with a slash), or
// nullptr when there is none.
inline const char* find_command(const char* cmd, char* full, size_t size) noexcept {
  bool slash = false;
  size_t len = 0;
  for (; cmd[len]; ++len) slash |= cmd[len] == '/';
  if (slash) return "";
  if (len == 0) return nullptr;
  const char* path = rawsys::getenv("PATH");
  for (const char* p = path ? path : "/bin:/usr/bin";;) {
    const char* end = p;
    while (*end && *end != ':') ++end;
    const size_t dir_len = static_cast<size_t>(end - p);
    if (dir_len + 1 + len < size) {
      size_t n = 0;
      for (const char* d = p; d != end; ++d) full[n++] = *d;
      if (n != 0) full[n++] = '/';
      for (size_t i = 0; i <= len; ++i) full[n++] = cmd[i];
      namespace stx = rawsys::stx;
      auto st = rawsys::statx(rawsys::at_fdcwd, full, rawsys::at::flags(), stx::type | stx::mode);
      if (st && rawsys::s::isreg(st->mode) && (st->mode & 0111)) {
        full[dir_len] = '\0';
        return full;
      }
    }
    if (*end == '\0') return nullptr;
    p = end + 1;
  }
}

// Runs argv (found through PATH) traced; COMMAND's status as a shell sees it,
// 126 or 127 when it cannot be run, 125 when it cannot be traced.
template <class H>
int run(char** argv, const options& opt, H& h) noexcept {
  static char full[4096];
  const char* dir = find_command(argv[0], full, sizeof full);
  if (!dir) {
    tool::begin_error() << '\'' << argv[0] << "': " << message(errc::enoent);
    tool::end_error();
    return 127;
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
    if (opt.seccomp) {
      for (unsigned i = 0; i < opt.seccomp->n; ++i) {
        auto r = rawsys::seccomp_set_mode_filter(opt.seccomp->progs[i]);
        // Without CAP_SYS_ADMIN a filter needs no_new_privs.
        if (!r && r.error() == errc::eacces && rawsys::prctl(rawsys::pr::set_no_new_privs, 1))
          r = rawsys::seccomp_set_mode_filter(opt.seccomp->progs[i]);
        if (!r) {
          tool::error("cannot install the seccomp filter", r.error());
          rawsys::exit_group(125);
        }
      }
    }
    const errc e = tool::execvp(argv, rawsys::environ(), dir);
    tool::begin_error() << '\'' << argv[0] << "': " << message(e);
    tool::end_error();
    rawsys::exit_group(e == errc::enoent ? 127 : 126);
  }

  int status = 0;
  if (!tool::wait_any(*child, &status) || !rawsys::wifstopped(status)) {
    return tool::shell_status(status);  // ended before it stopped: could not be traced
  }
  using rawsys::ptrace_o::flags;
  namespace po = rawsys::ptrace_o;
  flags o = po::tracesysgood | po::exitkill | po::traceexec;
  if (opt.follow || opt.seccomp) o |= po::tracefork | po::tracevfork | po::traceclone;
  if (opt.seccomp) o |= po::traceseccomp;
  if (auto r = rawsys::ptrace_setoptions(*child, o); !r) {
    tool::error("cannot trace", r.error());
    (void)rawsys::kill(*child, rawsys::sig::kill);
    return 125;
  }
  find(*child)->started = true;
  find(*child)->first = true;
  // Under seccomp a tracee runs freely (PTRACE_CONT) but from a traced
  // call's entry to its exit.
  auto resume = [&](const tracee* t, rawsys::sig s = rawsys::sig()) {
    const int pid = t->pid;
    if (opt.seccomp && !t->in_call) (void)rawsys::ptrace_cont(pid, s);
    else (void)rawsys::ptrace_syscall(pid, s);
  };
  resume(find(*child));

  int result = 0;
  for (;;) {
    auto pid = tool::wait_any(-1, &status);
    if (!pid) break;  // ECHILD: every tracee is gone
    tracee* t = find(*pid);
    if (!rawsys::wifstopped(status)) {  // exited or killed
      if (*pid == *child) result = tool::shell_status(status);
      if (t) {
        if (t->in_call) h.lost(*t);
        h.ended(*t, status);
        t->pid = 0;
      }
      continue;
    }
    const int sig = (status >> 8) & 0xff;  // WSTOPSIG, with the 0x80 of a syscall stop
    const int event = status >> 16;
    if (!t) {  // past max_tracees: untraced but running
      (void)rawsys::ptrace_cont(*pid);
      continue;
    }
    if (sig == (static_cast<int>(rawsys::sig::trap) | 0x80)) {
      detail::on_stop(*t, h);
      resume(t);
    } else if (event == static_cast<int>(rawsys::ptrace_event::seccomp)) {
      detail::on_stop(*t, h);
      resume(t);
    } else if (event != 0) {  // fork, exec, ...: nothing to deliver
      resume(t);
    } else {
      // A new child's first stop is the SIGSTOP of its attachment: not
      // delivered. Any other signal goes on to the tracee.
      const bool attach_stop = !t->started && sig == static_cast<int>(rawsys::sig::stop) && *pid != *child;
      t->started = true;
      if (attach_stop) {
        resume(t);
      } else {
        h.signal(*t, sig);
        resume(t, static_cast<rawsys::sig>(sig));
      }
    }
  }
  return result;
}

// Calls and failures per personality and number, for the -c summary.
struct counts {
  static constexpr unsigned max_nr = 1024;
  uint64_t calls[npersonalities][max_nr];
  uint64_t failures[npersonalities][max_nr];

  void entry(const tracee& t) noexcept {
    if (t.current.nr < max_nr) ++calls[t.abi][t.current.nr];
  }
  void exit(const tracee& t) noexcept {
    if (t.current.is_error && t.current.nr < max_nr) ++failures[t.abi][t.current.nr];
  }

  // The table: most calls first, then by name; another ABI's calls marked.
  void report(rawsys::writer& w) noexcept {
    w << "  calls  errors syscall\n------- ------- ----------------\n";
    uint64_t total = 0, total_failed = 0;
    static bool done[npersonalities][max_nr];
    for (;;) {
      unsigned best_abi = 0, best = max_nr;
      for (unsigned abi = 0; abi < npersonalities; ++abi)
        for (unsigned n = 0; n < max_nr; ++n) {
          if (calls[abi][n] == 0 || done[abi][n]) continue;
          if (best == max_nr || calls[abi][n] > calls[best_abi][best] ||
              (calls[abi][n] == calls[best_abi][best] &&
               tool::compare(personalities[abi].call_name(n), personalities[best_abi].call_name(best)) < 0)) {
            best_abi = abi;
            best = n;
          }
        }
      if (best == max_nr) break;
      done[best_abi][best] = true;
      w.dec(calls[best_abi][best], 7).put(' ');
      if (failures[best_abi][best]) w.dec(failures[best_abi][best], 7);
      else w << "       ";
      w << ' ' << personalities[best_abi].call_name(best) << personalities[best_abi].label;
      w.put('\n');
      total += calls[best_abi][best];
      total_failed += failures[best_abi][best];
    }
    w << "------- ------- ----------------\n";
    w.dec(total, 7).put(' ').dec(total_failed, 7) << " total\n";
    (void)w.flush();
  }
};

}  // namespace tracer
