// Signals: rt_sigaction with the library's own rt_sigreturn restorer, masks,
// waiting (and pause), restart_syscall, alternate stacks, signalfd, alarm, and sending (kill,
// tgkill, tkill, rt_sigqueueinfo, rt_tgsigqueueinfo). The kernel's
// structs per architecture: sigaction, siginfo, stack_t, signalfd_siginfo.
// Signal numbers (sig) and the 64-bit kernel sigset live in types.hpp.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "detail/time64.hpp"
#include "sys.hpp"
#include "syscall.hpp"
#include "types.hpp"

// The ISA's restorers, emitted by every translation unit that includes this.
#include "arch/native_signal.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_SIGNAL
#include "arch/native_uapi.hpp"
#undef RAWSYS_RESTORER_

namespace rawsys {

// SA_*: sigaction flags. The type is the kernel's sa_flags (unsigned long;
// unsigned int on mips).
namespace sa {
enum class flags : uapi::sigaction_flags_type {
  nocldstop = uapi::sa_nocldstop,
  nocldwait = uapi::sa_nocldwait,
  siginfo = uapi::sa_siginfo,
  unsupported = uapi::sa_unsupported,  // Linux 5.11+: probe for flag support
  // Linux 5.11+: arm64 tagged fault addresses.
  expose_tagbits = uapi::sa_expose_tagbits,
};
RAWSYS_BITMASK(flags)
using enum flags;
// Not on riscv, loongarch or mips (the kernel's sigaction has no restorer).
inline constexpr auto restorer = flag_if<flags>(uapi::sa_restorer);
inline constexpr flags onstack{uapi::sa_onstack};
inline constexpr flags restart{uapi::sa_restart};
inline constexpr flags nodefer{uapi::sa_nodefer};
inline constexpr flags resethand{uapi::sa_resethand};
inline constexpr flags nomask = nodefer;
inline constexpr flags oneshot = resethand;
}  // namespace sa

// SS_*: sigaltstack flags.
namespace ss {
enum class flags : unsigned {
  onstack = uapi::ss_onstack,
  disable = uapi::ss_disable,
  autodisarm = uapi::ss_autodisarm,  // Linux 4.7+
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace ss

// SFD_*: signalfd4 flags (O_NONBLOCK and O_CLOEXEC).
namespace sfd {
enum class flags : unsigned {
  nonblock = uapi::sfd_nonblock,
  cloexec = uapi::sfd_cloexec,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace sfd

// SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK: what rt_sigprocmask does with the set.
enum class how : int {
  block = uapi::sig_block, unblock = uapi::sig_unblock, setmask = uapi::sig_setmask,
};

// MINSIGSTKSZ and SIGSTKSZ: the kernel's minimum and suggested alternate
// stack sizes (larger where the signal frame is: arm64, ppc64, loongarch).
inline constexpr size_t minsigstksz = uapi::minsigstksz;
inline constexpr size_t sigstksz = uapi::sigstksz;

// si_code values (siginfo::code) for signals sent by a process (mips
// numbers timer, mesgq and asyncio its own way).
namespace si {
inline constexpr int user = uapi::si_user;        // kill
inline constexpr int kernel = uapi::si_kernel;    // sent by the kernel
inline constexpr int queue = uapi::si_queue;      // sigqueue
inline constexpr int timer = uapi::si_timer;      // POSIX timer expired
inline constexpr int mesgq = uapi::si_mesgq;      // message queue state changed
inline constexpr int asyncio = uapi::si_asyncio;  // AIO completed
inline constexpr int sigio = uapi::si_sigio;      // queued SIGIO
inline constexpr int tkill = uapi::si_tkill;      // tkill, tgkill
inline constexpr int dethread = uapi::si_dethread;  // execve killing the other threads
}  // namespace si

// si_code values for SIGCHLD (and waitid's siginfo).
namespace cld {
inline constexpr int exited = 1;
inline constexpr int killed = 2;
inline constexpr int dumped = 3;
inline constexpr int trapped = 4;
inline constexpr int stopped = 5;
inline constexpr int continued = 6;
}  // namespace cld

// The kernel's sigval_t: the value sent with sigqueue or a timer.
union sigval {
  int int_;
  void* ptr;
};

// The kernel's siginfo_t for this architecture: 128 bytes; the union after
// the three ints starts at 16 on 64-bit ISAs, at 12 on 32-bit ones; mips
// has si_code before si_errno. Which
// member of the union is valid depends on the signal and `code`.
struct siginfo {
  struct kill_fields {  // SI_USER, SI_TKILL
    int pid;
    unsigned uid;
  };
  struct timer_fields {  // SI_TIMER
    int tid;
    int overrun;
    sigval value;
    int private_;
  };
  struct rt_fields {  // SI_QUEUE, SI_MESGQ
    int pid;
    unsigned uid;
    sigval value;
  };
  struct chld_fields {  // SIGCHLD; clock ticks as the kernel's long
    int pid;
    unsigned uid;
    int status;
    long utime;
    long stime;
  };
  struct bnd_fields {  // SEGV_BNDERR; pad_ steps over addr_lsb
    void* pad_;
    void* lower;
    void* upper;
  };
  struct pkey_fields {  // SEGV_PKUERR
    void* pad_;
    uint32_t key;
  };
  struct perf_fields {  // TRAP_PERF
    unsigned long data;
    uint32_t type;
    uint32_t flags;
  };
  struct fault_fields {  // SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP
    void* addr;
    union {
      short addr_lsb;  // BUS_MCEERR_*
      bnd_fields bnd;
      pkey_fields pkey;
      perf_fields perf;
    };
  };
  struct poll_fields {  // SIGPOLL
    long band;
    int fd;
  };
  struct sys_fields {  // SIGSYS (seccomp)
    void* call_addr;
    int syscall;
    unsigned arch;
  };

  int signo;
#if RAWSYS_ARCH_SIGINFO_CODE_SECOND_  // the ISA swaps si_code and si_errno (mips)
  int code;
  int errno_;
#else
  int errno_;
  int code;
#endif
  union {
    kill_fields kill;
    timer_fields timer;
    rt_fields rt;
    chld_fields chld;
    fault_fields fault;
    poll_fields poll;
    sys_fields sys;
    unsigned char pad_[128 - (sizeof(long) == 8 ? 16 : 12)];
  };

  // The sender (kill, tkill, sigqueue) or the child (SIGCHLD, waitid).
  int pid() const noexcept { return kill.pid; }
  unsigned uid() const noexcept { return kill.uid; }
  // SIGCHLD: the exit status (cld::exited) or the signal (otherwise).
  int status() const noexcept { return chld.status; }
  // Faults: the address that faulted.
  void* addr() const noexcept { return fault.addr; }
};
static_assert(sizeof(siginfo) == 128);
static_assert(offsetof(siginfo, signo) == uapi::siginfo_signo_offset &&
              offsetof(siginfo, errno_) == uapi::siginfo_errno_offset &&
              offsetof(siginfo, code) == uapi::siginfo_code_offset);
#undef RAWSYS_ARCH_SIGINFO_CODE_SECOND_

// A handler called with the signal number, or (with sa::siginfo) with the
// signal, its siginfo and the interrupted context (ucontext_t*).
using sighandler = void (*)(sig);
using siginfo_handler = void (*)(sig, siginfo*, void*);

namespace detail {
// The member types rawsys gives the kernel's structs (uapi/<isa>.hpp lays
// them out in the target's order).
struct sigaction_types {
  using handler = sighandler;       // sa::siginfo clear; also sig_dfl(), sig_ign()
  using action = siginfo_handler;   // sa::siginfo set
  using flags = sa::flags;
  using restorer = void (*)();
  using mask = sigset;
};
struct stack_types {
  using flags = ss::flags;
};
}  // namespace detail

// The kernel's struct sigaction for rt_sigaction: handler (a union with
// action), flags, restorer, mask on most ISAs; no restorer where the ISA has
// no SA_RESTORER (riscv, loongarch); flags first on mips. 32 bytes on x86-64
// and arm64, 20 on i386. glibc's struct sigaction is a different layout (a
// 128-byte mask).
struct sigaction : uapi::sigaction<detail::sigaction_types> {
  // SIG_DFL and SIG_IGN as handler values.
  static constexpr sighandler sig_dfl() noexcept { return nullptr; }
  static sighandler sig_ign() noexcept { return reinterpret_cast<sighandler>(1); }
};
static_assert(uapi::sigaction_layout_ok<sigaction>());

// stack_t for sigaltstack: {sp, flags, size}; {sp, size, flags} on mips.
using stack_t = uapi::stack_t<detail::stack_types>;
static_assert(uapi::stack_t_layout_ok<stack_t>());

// What read(2) returns from a signalfd: 128 bytes on every architecture.
struct signalfd_siginfo {
  uint32_t signo;
  int32_t errno_;
  int32_t code;
  uint32_t pid;
  uint32_t uid;
  int32_t fd;
  uint32_t tid;
  uint32_t band;
  uint32_t overrun;
  uint32_t trapno;
  int32_t status;
  int32_t int_;
  uint64_t ptr;
  uint64_t utime;
  uint64_t stime;
  uint64_t addr;
  uint16_t addr_lsb;
  uint16_t pad2_;
  int32_t syscall;
  uint64_t call_addr;
  uint32_t arch;
  uint8_t pad_[28];
};
static_assert(sizeof(signalfd_siginfo) == 128);

namespace detail {

// The restorer for a handler installed with these flags: the ISA's
// (arch/<isa>/signal.hpp) rawsys_restore_rt, or rawsys_restore where a handler
// without sa::siginfo gets the old frame.
template <class = void>
inline void (*restorer_for(sa::flags flags) noexcept)() { return arch::restorer(has(flags, sa::siginfo)); }

// act with the library's restorer in with, or act itself where it names its
// own. A template, so that it is only compiled where the kernel's struct
// sigaction has a restorer (abi::sa_restorer).
template <class S>
inline const S* with_restorer(const S* act, S& with) noexcept {
  if (!act || has(act->flags, sa::restorer)) return act;
  // Field by field: a struct copy may become a memcpy call at -O0.
  with.handler = act->handler;
  with.flags = act->flags | sa::restorer;
  with.restorer = restorer_for(act->flags);
  with.mask = act->mask;
  return &with;
}

template <class = void>
inline result<sig> as_sig(const result<long>& r) noexcept {
  if (!r) return unexpected(r.error());
  return static_cast<sig>(*r);
}

}  // namespace detail

// rt_sigaction(2): int rt_sigaction(int sig, const struct sigaction *act, struct sigaction *oact, size_t sigsetsize);
// Where the ISA takes a restorer (abi::sa_restorer) and act does not carry
// sa::restorer, the library's is installed with it (x86-64 cannot deliver a
// signal without one): rt_sigreturn, or the old sigreturn for a handler
// without sa::siginfo where the kernel gives such a handler the old frame
// (i386).
template <class = void>
inline result<void> rt_sigaction(sig signum, const sigaction* act, sigaction* oldact, size_t sigsetsize = sizeof(sigset)) noexcept {
  sigaction with;
  if constexpr (abi::sa_restorer) act = detail::with_restorer(act, with);
  return detail::as_void(syscall(nr::rt_sigaction, signum, act, oldact, sigsetsize));
}

// rt_sigaction(2): the same, from a reference.
template <class = void>
inline result<void> rt_sigaction(sig signum, const sigaction& act, sigaction* oldact = nullptr) noexcept {
  return rt_sigaction(signum, &act, oldact);
}

// rt_sigprocmask(2): int rt_sigprocmask(int how, const sigset_t *set, sigset_t *oldset, size_t sigsetsize);
template <class = void>
inline result<void> rt_sigprocmask(how h, const sigset* set, sigset* oldset, size_t sigsetsize = sizeof(sigset)) noexcept {
  return detail::as_void(syscall(nr::rt_sigprocmask, h, set, oldset, sigsetsize));
}

// rt_sigpending(2): int rt_sigpending(sigset_t *set, size_t sigsetsize);
template <class = void>
inline result<void> rt_sigpending(sigset* set, size_t sigsetsize = sizeof(sigset)) noexcept {
  return detail::as_void(syscall(nr::rt_sigpending, set, sigsetsize));
}

// rt_sigpending(2): the pending set as a value.
template <class = void>
inline result<sigset> rt_sigpending() noexcept {
  sigset s;
  if (auto r = rt_sigpending(&s); !r) return unexpected(r.error());
  return s;
}

// rt_sigsuspend(2): int rt_sigsuspend(const sigset_t *mask, size_t sigsetsize);
// Returns only when a handler has run: always errc::eintr.
template <class = void>
inline result<void> rt_sigsuspend(const sigset* mask, size_t sigsetsize = sizeof(sigset)) noexcept {
  return detail::as_void(syscall(nr::rt_sigsuspend, mask, sigsetsize));
}

// restart_syscall(2): long restart_syscall(void);
// Resumes the call a signal interrupted with ERESTART_RESTARTBLOCK
// (nanosleep, clock_nanosleep, poll, futex waits): the kernel makes it
// itself on the way back from a handler. Made by a program, with no restart
// pending, the kernel answers EINTR (kernel/signal.c: do_no_restart_syscall).
template <class = void>
inline result<long> restart_syscall() noexcept {
  return syscall(nr::restart_syscall);
}

// rt_sigtimedwait(2): int rt_sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout, size_t sigsetsize);
// 32-bit ISAs: rt_sigtimedwait_time64 (Linux 5.1+), and on a kernel without
// it the 32-bit call, with the timeout converted (EOVERFLOW when its seconds
// do not fit 32 bits, EINVAL when its nanoseconds do not).
template <class = void>
inline result<sig> rt_sigtimedwait(const sigset* set, siginfo* info, const timespec* timeout, size_t sigsetsize = sizeof(sigset)) noexcept {
  const result<long> r = syscall(sys::rt_sigtimedwait, set, info, timeout, sigsetsize);
  return detail::as_sig(detail::or_old_timeout(r, timeout, [&](const detail::old_timespec* old) {
    return syscall(sys::time32::rt_sigtimedwait, set, info, old, sigsetsize);
  }));
}

// sigaltstack(2): int sigaltstack(const stack_t *ss, stack_t *old_ss);
template <class = void>
inline result<void> sigaltstack(const stack_t* ss, stack_t* old_ss) noexcept {
  return detail::as_void(syscall(nr::sigaltstack, ss, old_ss));
}

// signalfd4(2): int signalfd4(int ufd, const sigset_t *user_mask, size_t sizemask, int flags);
// With ufd -1 the result is a new descriptor the caller owns (see the
// overload below); otherwise it is ufd, whose mask was replaced.
template <class = void>
inline result<fd> signalfd4(fd ufd, const sigset* mask, size_t sizemask, sfd::flags flags) noexcept {
  auto r = syscall(nr::signalfd4, ufd.get(), mask, sizemask, flags);
  if (!r) return unexpected(r.error());
  return fd(static_cast<int>(*r));
}

// signalfd4(2): a new signalfd for mask.
template <class = void>
inline result<unique_fd> signalfd4(const sigset& mask, sfd::flags flags = sfd::flags()) noexcept {
  auto r = signalfd4(fd(-1), &mask, sizeof(sigset), flags);
  if (!r) return unexpected(r.error());
  return unique_fd(*r);
}

// kill(2): int kill(pid_t pid, int sig);
// pid > 0: that process; 0: the caller's process group; -1: every process
// the caller may signal; < -1: the group -pid. Signal 0 checks only.
template <class = void>
inline result<void> kill(int pid, sig s) noexcept {
  return detail::as_void(syscall(nr::kill, pid, s));
}

// tgkill(2): int tgkill(pid_t tgid, pid_t tid, int sig);
template <class = void>
inline result<void> tgkill(int tgid, int tid, sig s) noexcept {
  return detail::as_void(syscall(nr::tgkill, tgid, tid, s));
}

// tkill(2): int tkill(pid_t tid, int sig);
// The thread tid, whichever process it is in: tgkill is the safe form
// (a recycled tid cannot hit another process's thread).
template <class = void>
inline result<void> tkill(int tid, sig s) noexcept {
  return detail::as_void(syscall(nr::tkill, tid, s));
}

// rt_sigqueueinfo(2): int rt_sigqueueinfo(pid_t tgid, int sig, siginfo_t *info);
// Sends s with the caller's siginfo (what sigqueue(3) does with
// info->code = si_code::queue). To another process the code must be
// negative and not si_code::tkill (EPERM otherwise).
template <class = void>
inline result<void> rt_sigqueueinfo(int tgid, sig s, const siginfo* info) noexcept {
  return detail::as_void(syscall(nr::rt_sigqueueinfo, tgid, s, info));
}

// rt_tgsigqueueinfo(2): int rt_tgsigqueueinfo(pid_t tgid, pid_t tid, int sig, siginfo_t *info);
// As rt_sigqueueinfo, to one thread of tgid.
template <class = void>
inline result<void> rt_tgsigqueueinfo(int tgid, int tid, sig s, const siginfo* info) noexcept {
  return detail::as_void(syscall(nr::rt_tgsigqueueinfo, tgid, tid, s, info));
}

// pause(2): int pause(void);
// Waits for a signal that runs a handler (or ends the process); fails with
// EINTR when a handler has run. Where the ISA has no pause (arm64, riscv64,
// loongarch64), ppoll with no descriptors, no timeout and no mask,
// as glibc does.
template <class = void>
inline result<void> pause() noexcept {
  if constexpr (sys::has(sys::pause))
    return detail::as_void(syscall(sys::pause));
  else
    return detail::as_void(syscall(sys::ppoll, nullptr, 0, nullptr, nullptr, sizeof(sigset)));
}

// alarm(2): unsigned int alarm(unsigned int seconds);
// Sends sig::alrm to the process after seconds (0 cancels); returns the
// seconds the previous alarm had left, rounded to the nearest and at
// least 1 if any was left. Cannot fail. Where the ISA has no alarm
// (arm64, riscv64, loongarch64, arm), setitimer(ITIMER_REAL), rounding
// the old value as glibc and the kernel do.
template <class = void>
inline unsigned alarm(unsigned seconds) noexcept {
  if constexpr (sys::has(sys::alarm)) {
    return static_cast<unsigned>(raw::syscall(static_cast<long>(sys::alarm), seconds));
  } else {
    // setitimer's struct holds longs on every ISA (no time64 form).
    detail::old_itimerval now{}, old{};
    now.value.sec = static_cast<long>(seconds);
    if (detail::is_error(raw::syscall(static_cast<long>(nr::setitimer), uapi::itimer_real, &now, &old)))
      return 0;
    auto left = static_cast<unsigned>(old.value.sec);
    if (old.value.usec >= 500000 || (left == 0 && old.value.usec > 0)) ++left;
    return left;
  }
}

}  // namespace rawsys
