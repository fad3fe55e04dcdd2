// Processes and threads: identity and credentials, sessions and groups,
// vhangup, fork/clone/exec/wait, exit, limits and usage, nice and I/O priorities,
// scheduling affinity, namespaces (unshare, setns), personality, times,
// membarrier, rseq, robust futex lists, prctl, uname, sysinfo.
// Sending signals (kill, tgkill, tkill, rt_sigqueueinfo) lives in signal.hpp;
// pidfd_send_signal here. Scheduling policies and parameters (sched_setattr
// and the like) are in sched.hpp.
//
// vfork is not offered: the child of a raw vfork runs on its parent's stack
// in the wrapper's frame, which the compiler may reuse when the parent
// resumes, and no attribute tells it so for inline asm. For what vfork is
// used for (a cheap child that execs), use the clone overload that runs a
// function on its own stack: clone(fn, stack, clone_flags::vm |
// clone_flags::vfork | clone_flags::exit_signal(sig::chld), arg), which
// suspends the caller until the child execs or exits, as vfork does.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "detail/at.hpp"  // at:: flags, for execveat
#include "signal.hpp"
#include "sys.hpp"
#include "syscall.hpp"
#include "types.hpp"

// The clone trampoline, and calls only this ISA has (x86: arch_prctl).
#include "arch/native_process.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_PROCESS
#include "arch/native_uapi.hpp"

namespace rawsys {

// CLONE_*: flags for clone and clone3. Named clone_flags, not clone, because
// the function rawsys::clone takes that name. The low byte (csignal) is the
// signal the parent gets when the child ends: clone_flags::exit_signal(sig).
// Flags above bit 31 exist only for clone3.
namespace clone_flags {
enum class flags : uint64_t {
  csignal = uapi::csignal,
  newtime = uapi::clone_newtime,  // clone3 and unshare only (Linux 5.6+)
  vm = uapi::clone_vm,
  fs = uapi::clone_fs,
  files = uapi::clone_files,
  sighand = uapi::clone_sighand,
  pidfd = uapi::clone_pidfd,  // Linux 5.2+
  ptrace = uapi::clone_ptrace,
  vfork = uapi::clone_vfork,
  parent = uapi::clone_parent,
  thread = uapi::clone_thread,
  newns = uapi::clone_newns,
  sysvsem = uapi::clone_sysvsem,
  settls = uapi::clone_settls,
  parent_settid = uapi::clone_parent_settid,
  child_cleartid = uapi::clone_child_cleartid,
  detached = uapi::clone_detached,
  untraced = uapi::clone_untraced,
  child_settid = uapi::clone_child_settid,
  newcgroup = uapi::clone_newcgroup,
  newuts = uapi::clone_newuts,
  newipc = uapi::clone_newipc,
  newuser = uapi::clone_newuser,
  newpid = uapi::clone_newpid,
  newnet = uapi::clone_newnet,
  io = uapi::clone_io,
  clear_sighand = uapi::clone_clear_sighand,  // clone3 only (Linux 5.5+)
  into_cgroup = uapi::clone_into_cgroup,  // clone3 only (Linux 5.7+)
};
RAWSYS_BITMASK(flags)
using enum flags;
constexpr flags exit_signal(sig s) noexcept { return static_cast<flags>(static_cast<unsigned>(s) & 0xff); }
}  // namespace clone_flags

// W*: wait4 and waitid options.
namespace w {
enum class flags : unsigned {
  nohang = uapi::wnohang,
  untraced = uapi::wuntraced,
  stopped = uapi::wstopped,
  exited = uapi::wexited,
  continued = uapi::wcontinued,
  nowait = uapi::wnowait,
  nothread = uapi::wnothread,
  all = uapi::wall,
  clone = uapi::wclone,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace w

// A wait status (wait4's *wstatus) taken apart: WIFEXITED and friends.
constexpr bool wifexited(int status) noexcept { return (status & 0x7f) == 0; }
constexpr int wexitstatus(int status) noexcept { return (status >> 8) & 0xff; }
constexpr bool wifsignaled(int status) noexcept { return (status & 0x7f) != 0 && (status & 0x7f) != 0x7f; }
constexpr sig wtermsig(int status) noexcept { return static_cast<sig>(status & 0x7f); }
constexpr bool wcoredump(int status) noexcept { return (status & 0x80) != 0; }
constexpr bool wifstopped(int status) noexcept { return (status & 0xff) == 0x7f; }
constexpr sig wstopsig(int status) noexcept { return static_cast<sig>((status >> 8) & 0xff); }
constexpr bool wifcontinued(int status) noexcept { return status == 0xffff; }

// P_*: which children waitid waits for.
enum class idtype : int {
  all = uapi::p_all, pid = uapi::p_pid, pgid = uapi::p_pgid,
  pidfd = uapi::p_pidfd /* Linux 5.4+ */,
};

// PIDFD_*: pidfd_open flags.
namespace pidfd {
enum class flags : unsigned {
  nonblock = uapi::pidfd_nonblock,  // Linux 5.10+
  thread = uapi::pidfd_thread,  // Linux 6.9+
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace pidfd

// PIDFD_SIGNAL_*: pidfd_send_signal flags (Linux 6.9+; 0 before).
namespace pidfd_signal {
enum class flags : unsigned {
  thread = uapi::pidfd_signal_thread,
  thread_group = uapi::pidfd_signal_thread_group,
  process_group = uapi::pidfd_signal_process_group,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace pidfd_signal

// RLIMIT_*: resources for prlimit64 (x86 and arm64 share the generic numbers).
enum class rlimit : int {
  cpu = uapi::rlimit_cpu, fsize = uapi::rlimit_fsize, data = uapi::rlimit_data,
  stack = uapi::rlimit_stack, core = uapi::rlimit_core, rss = uapi::rlimit_rss,
  nproc = uapi::rlimit_nproc, nofile = uapi::rlimit_nofile,
  memlock = uapi::rlimit_memlock, as = uapi::rlimit_as, locks = uapi::rlimit_locks,
  sigpending = uapi::rlimit_sigpending, msgqueue = uapi::rlimit_msgqueue, nice = uapi::rlimit_nice,
  rtprio = uapi::rlimit_rtprio,
  rttime = uapi::rlimit_rttime,
};

// PRIO_*: whose nice value getpriority and setpriority read or set.
enum class prio_which : int {
  process = uapi::prio_process, pgrp = uapi::prio_pgrp, user = uapi::prio_user,
};

// IOPRIO_WHO_*: whose I/O priority ioprio_get and ioprio_set read or set.
enum class ioprio_who : int {
  process = uapi::ioprio_who_process, pgrp = uapi::ioprio_who_pgrp, user = uapi::ioprio_who_user,
};

// IOPRIO_CLASS_*: the class part of an I/O priority.
enum class ioprio_class : int {
  none = uapi::ioprio_class_none, rt = uapi::ioprio_class_rt, be = uapi::ioprio_class_be,
  idle = uapi::ioprio_class_idle,
};

// IOPRIO_PRIO_VALUE(class, level), and the class and level of a value (the
// level is 0..7 for rt and be).
constexpr int ioprio_value(ioprio_class c, int level) noexcept {
  return static_cast<int>(c) << uapi::ioprio_class_shift | level;
}
constexpr ioprio_class ioprio_class_of(int ioprio) noexcept {
  return static_cast<ioprio_class>(ioprio >> uapi::ioprio_class_shift & uapi::ioprio_class_mask);
}
constexpr int ioprio_level_of(int ioprio) noexcept { return ioprio & uapi::ioprio_level_mask; }

// Personality values and flags (linux/personality.h): the execution domain
// (per_*, in the low byte: per_mask) and flags above it. persona::query asks
// without changing.
namespace persona {
enum class flags : unsigned {
  per_linux = uapi::per_linux,
  per_linux32 = uapi::per_linux32,
  per_linux32_3gb = uapi::per_linux32_3gb,
  per_linux_32bit = uapi::per_linux_32bit,
  per_linux_fdpic = uapi::per_linux_fdpic,
  per_bsd = uapi::per_bsd,
  per_mask = uapi::per_mask,
  uname26 = uapi::uname26,
  addr_no_randomize = uapi::addr_no_randomize,
  fdpic_funcptrs = uapi::fdpic_funcptrs,
  mmap_page_zero = uapi::mmap_page_zero,
  addr_compat_layout = uapi::addr_compat_layout,
  read_implies_exec = uapi::read_implies_exec,
  addr_limit_32bit = uapi::addr_limit_32bit,
  short_inode = uapi::short_inode,
  whole_seconds = uapi::whole_seconds,
  sticky_timeouts = uapi::sticky_timeouts,
  addr_limit_3gb = uapi::addr_limit_3gb,
  // 0xffffffff: the kernel returns the current personality and changes
  // nothing (kernel/exec_domain.c; the UAPI names no macro for it).
  query = 0xffffffffu,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace persona

// MEMBARRIER_CMD_*: membarrier's commands.
enum class membarrier_cmd : int {
  query = uapi::membarrier_cmd_query, global = uapi::membarrier_cmd_global,
  global_expedited = uapi::membarrier_cmd_global_expedited,
  register_global_expedited = uapi::membarrier_cmd_register_global_expedited,
  private_expedited = uapi::membarrier_cmd_private_expedited,
  register_private_expedited = uapi::membarrier_cmd_register_private_expedited,
  private_expedited_sync_core = uapi::membarrier_cmd_private_expedited_sync_core,
  register_private_expedited_sync_core = uapi::membarrier_cmd_register_private_expedited_sync_core,
  private_expedited_rseq = uapi::membarrier_cmd_private_expedited_rseq,
  register_private_expedited_rseq = uapi::membarrier_cmd_register_private_expedited_rseq,
  get_registrations = uapi::membarrier_cmd_get_registrations,
};

// MEMBARRIER_CMD_FLAG_*: membarrier's flags.
namespace membarrier_flag {
enum class flags : unsigned {
  cpu = uapi::membarrier_cmd_flag_cpu,  // only the CPU cpu_id (private_expedited_rseq)
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace membarrier_flag

// RSEQ_FLAG_*: rseq's flags.
namespace rseq_flag {
enum class flags : int {
  unregister = uapi::rseq_flag_unregister,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace rseq_flag

// RLIM_INFINITY in prlimit64's 64-bit limits.
inline constexpr uint64_t rlim_infinity = ~uint64_t{0};

// RUSAGE_*: whose usage getrusage reports.
enum class rusage_who : int {
  self = uapi::rusage_self, children = uapi::rusage_children, thread = uapi::rusage_thread,
};

// PR_*: prctl options (a selection; any number may be cast to pr).
enum class pr : int {
  set_pdeathsig = uapi::pr_set_pdeathsig, get_pdeathsig = uapi::pr_get_pdeathsig,
  get_dumpable = uapi::pr_get_dumpable, set_dumpable = uapi::pr_set_dumpable,
  get_keepcaps = uapi::pr_get_keepcaps, set_keepcaps = uapi::pr_set_keepcaps,
  get_timing = uapi::pr_get_timing, set_timing = uapi::pr_set_timing,
  get_tsc = uapi::pr_get_tsc, set_tsc = uapi::pr_set_tsc,
  set_name = uapi::pr_set_name, get_name = uapi::pr_get_name, get_seccomp = uapi::pr_get_seccomp,
  set_seccomp = uapi::pr_set_seccomp,
  capbset_read = uapi::pr_capbset_read, capbset_drop = uapi::pr_capbset_drop,
  get_securebits = uapi::pr_get_securebits, set_securebits = uapi::pr_set_securebits,
  set_timerslack = uapi::pr_set_timerslack, get_timerslack = uapi::pr_get_timerslack,
  task_perf_events_disable = uapi::pr_task_perf_events_disable,
  task_perf_events_enable = uapi::pr_task_perf_events_enable, mce_kill = uapi::pr_mce_kill,
  mce_kill_get = uapi::pr_mce_kill_get, set_mm = uapi::pr_set_mm,
  set_child_subreaper = uapi::pr_set_child_subreaper,
  get_child_subreaper = uapi::pr_get_child_subreaper, set_no_new_privs = uapi::pr_set_no_new_privs,
  get_no_new_privs = uapi::pr_get_no_new_privs, get_tid_address = uapi::pr_get_tid_address,
  set_thp_disable = uapi::pr_set_thp_disable,
  get_thp_disable = uapi::pr_get_thp_disable, cap_ambient = uapi::pr_cap_ambient,
  get_speculation_ctrl = uapi::pr_get_speculation_ctrl,
  set_speculation_ctrl = uapi::pr_set_speculation_ctrl, sve_set_vl = uapi::pr_sve_set_vl,
  sve_get_vl = uapi::pr_sve_get_vl, pac_reset_keys = uapi::pr_pac_reset_keys,
  set_tagged_addr_ctrl = uapi::pr_set_tagged_addr_ctrl,
  get_tagged_addr_ctrl = uapi::pr_get_tagged_addr_ctrl,
  set_io_flusher = uapi::pr_set_io_flusher, get_io_flusher = uapi::pr_get_io_flusher,
  set_syscall_user_dispatch = uapi::pr_set_syscall_user_dispatch,
  sched_core = uapi::pr_sched_core, set_mdwe = uapi::pr_set_mdwe, get_mdwe = uapi::pr_get_mdwe,
  set_memory_merge = uapi::pr_set_memory_merge,
  get_memory_merge = uapi::pr_get_memory_merge, get_auxv = uapi::pr_get_auxv,
  set_vma = uapi::pr_set_vma,
  set_ptracer = uapi::pr_set_ptracer,
};

// The kernel's struct rusage for wait4 and getrusage. The two times are the
// kernel's old timeval (long seconds, long microseconds: 32-bit on i386,
// where no 64-bit variant of these calls exists; they are durations of CPU
// time, so 32 bits last 68 years). Every other field is a long.
struct rusage {
  struct old_timeval {  // __kernel_old_timeval, not rawsys::timeval
    long sec;
    long usec;
  };
  old_timeval utime;
  old_timeval stime;
  long maxrss;  // KiB
  long ixrss;
  long idrss;
  long isrss;
  long minflt;
  long majflt;
  long nswap;
  long inblock;
  long oublock;
  long msgsnd;
  long msgrcv;
  long nsignals;
  long nvcsw;
  long nivcsw;
};

// struct tms, what times fills in: clock ticks (sysconf(_SC_CLK_TCK) per
// second) as the kernel's clock_t, a long.
struct tms {
  long utime;
  long stime;
  long cutime;  // of the waited-for children
  long cstime;
};

// struct rseq, the area a thread registers with rseq: 32 bytes, 32-aligned.
// The kernel writes cpu_id_start, cpu_id, node_id and mm_cid; the thread
// writes rseq_cs (the address of its current struct rseq_cs, or 0).
struct alignas(32) rseq_area {
  uint32_t cpu_id_start = 0;
  uint32_t cpu_id = static_cast<uint32_t>(-1);  // RSEQ_CPU_ID_UNINITIALIZED
  uint64_t rseq_cs = 0;
  uint32_t flags = 0;
  uint32_t node_id = 0;
  uint32_t mm_cid = 0;
};

// struct robust_list and struct robust_list_head (linux/futex.h): the list
// of robust futexes the kernel walks when the thread exits.
struct robust_list {
  robust_list* next;
};
struct robust_list_head {
  robust_list list;            // points back to itself when empty
  long futex_offset;           // from a list entry to its futex word
  robust_list* list_op_pending;
};

// struct rlimit64 of prlimit64: 64-bit on every architecture.
struct rlimit64 {
  uint64_t cur;
  uint64_t max;
  friend constexpr bool operator==(const rlimit64&, const rlimit64&) = default;
};

// struct new_utsname, what uname returns: six NUL-terminated strings.
struct utsname {
  char sysname[65];
  char nodename[65];
  char release[65];
  char version[65];
  char machine[65];
  char domainname[65];
};

// The kernel's struct sysinfo: longs, so 112 bytes on x86-64 and arm64 and
// 64 on i386. Memory sizes count units of mem_unit bytes.
struct sysinfo_t {
  long uptime;              // seconds since boot
  unsigned long loads[3];   // 1, 5, 15 minute load averages, scaled by 65536
  unsigned long totalram;
  unsigned long freeram;
  unsigned long sharedram;
  unsigned long bufferram;
  unsigned long totalswap;
  unsigned long freeswap;
  uint16_t procs;
  uint16_t pad_;
  unsigned long totalhigh;
  unsigned long freehigh;
  uint32_t mem_unit;
  char reserved_[sizeof(long) == 4 ? 8 : 4];  // the kernel's _f, then padding
};

// struct clone_args for clone3 (Linux 5.3+; set_tid 5.5+, cgroup 5.7+).
// Every field is a 64-bit integer, pointers included.
struct alignas(8) clone_args {
  uint64_t flags = 0;        // clone_flags other than csignal
  uint64_t pidfd = 0;        // int*: where clone_flags::pidfd stores the pidfd
  uint64_t child_tid = 0;    // int*
  uint64_t parent_tid = 0;   // int*
  uint64_t exit_signal = 0;  // the signal to the parent at exit (sig::chld for fork-like)
  uint64_t stack = 0;        // lowest address of the child's stack (not the top)
  uint64_t stack_size = 0;
  uint64_t tls = 0;
  uint64_t set_tid = 0;       // int*: tids to ask for, innermost pid namespace last
  uint64_t set_tid_size = 0;
  uint64_t cgroup = 0;        // a cgroup2 directory fd, with clone_flags::into_cgroup
};

// A CPU set for sched_getaffinity/sched_setaffinity: 1024 CPUs, the size of
// glibc's cpu_set_t.
struct cpu_set {
  static constexpr size_t max_cpus = 1024;
  static constexpr size_t word_bits = 8 * sizeof(unsigned long);
  unsigned long mask[max_cpus / word_bits] = {};

  constexpr cpu_set& set(size_t cpu) noexcept {
    if (cpu < max_cpus) mask[cpu / word_bits] |= 1ul << (cpu % word_bits);
    return *this;
  }
  constexpr cpu_set& clear(size_t cpu) noexcept {
    if (cpu < max_cpus) mask[cpu / word_bits] &= ~(1ul << (cpu % word_bits));
    return *this;
  }
  constexpr bool test(size_t cpu) const noexcept {
    return cpu < max_cpus && (mask[cpu / word_bits] >> (cpu % word_bits) & 1) != 0;
  }
  constexpr size_t count() const noexcept {
    size_t n = 0;
    for (unsigned long v : mask)
      for (; v; v &= v - 1) ++n;
    return n;
  }
  friend constexpr bool operator==(const cpu_set&, const cpu_set&) = default;
};

namespace detail {

template <class = void>
inline result<int> as_id(const result<long>& r) noexcept {
  if (!r) return unexpected(r.error());
  return static_cast<int>(*r);
}

}  // namespace detail

// getpid(2): pid_t getpid(void);
template <class = void>
inline int getpid() noexcept {
  return static_cast<int>(raw::syscall(static_cast<long>(nr::getpid)));
}

// getppid(2): pid_t getppid(void);
template <class = void>
inline int getppid() noexcept {
  return static_cast<int>(raw::syscall(static_cast<long>(nr::getppid)));
}

// gettid(2): pid_t gettid(void);
template <class = void>
inline int gettid() noexcept {
  return static_cast<int>(raw::syscall(static_cast<long>(nr::gettid)));
}

// getuid(2): uid_t getuid(void);
// getuid32 and the like where the plain calls return 16-bit ids (sys.hpp).
template <class = void>
inline unsigned getuid() noexcept {
  return static_cast<unsigned>(raw::syscall(static_cast<long>(sys::getuid)));
}

// geteuid(2): uid_t geteuid(void);
template <class = void>
inline unsigned geteuid() noexcept {
  return static_cast<unsigned>(raw::syscall(static_cast<long>(sys::geteuid)));
}

// getgid(2): gid_t getgid(void);
template <class = void>
inline unsigned getgid() noexcept {
  return static_cast<unsigned>(raw::syscall(static_cast<long>(sys::getgid)));
}

// getegid(2): gid_t getegid(void);
template <class = void>
inline unsigned getegid() noexcept {
  return static_cast<unsigned>(raw::syscall(static_cast<long>(sys::getegid)));
}

// getresuid(2): int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
template <class = void>
inline result<void> getresuid(unsigned* ruid, unsigned* euid, unsigned* suid) noexcept {
  return detail::as_void(syscall(sys::getresuid, ruid, euid, suid));
}

// getresgid(2): int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
template <class = void>
inline result<void> getresgid(unsigned* rgid, unsigned* egid, unsigned* sgid) noexcept {
  return detail::as_void(syscall(sys::getresgid, rgid, egid, sgid));
}

// getgroups(2): int getgroups(int size, gid_t list[]);
// size 0: only the count. Returns the number of groups.
template <class = void>
inline result<int> getgroups(int size, unsigned* list) noexcept {
  return detail::as_id(syscall(sys::getgroups, size, list));
}

// The set*id calls change the calling thread's credentials only: the kernel
// knows no process-wide form (glibc and musl signal every thread to repeat
// the call). Each uses the 32-bit-id syscall where the plain one takes 16-bit
// ids (sys.hpp: setuid32 on i386 and arm). -1 (0xffffffff) leaves an id as it is.

// setuid(2): int setuid(uid_t uid);
template <class = void>
inline result<void> setuid(unsigned uid) noexcept {
  return detail::as_void(syscall(sys::setuid, uid));
}

// setgid(2): int setgid(gid_t gid);
template <class = void>
inline result<void> setgid(unsigned gid) noexcept {
  return detail::as_void(syscall(sys::setgid, gid));
}

// setreuid(2): int setreuid(uid_t ruid, uid_t euid);
template <class = void>
inline result<void> setreuid(unsigned ruid, unsigned euid) noexcept {
  return detail::as_void(syscall(sys::setreuid, ruid, euid));
}

// setregid(2): int setregid(gid_t rgid, gid_t egid);
template <class = void>
inline result<void> setregid(unsigned rgid, unsigned egid) noexcept {
  return detail::as_void(syscall(sys::setregid, rgid, egid));
}

// setresuid(2): int setresuid(uid_t ruid, uid_t euid, uid_t suid);
template <class = void>
inline result<void> setresuid(unsigned ruid, unsigned euid, unsigned suid) noexcept {
  return detail::as_void(syscall(sys::setresuid, ruid, euid, suid));
}

// setresgid(2): int setresgid(gid_t rgid, gid_t egid, gid_t sgid);
template <class = void>
inline result<void> setresgid(unsigned rgid, unsigned egid, unsigned sgid) noexcept {
  return detail::as_void(syscall(sys::setresgid, rgid, egid, sgid));
}

// setfsuid(2): int setfsuid(uid_t fsuid);
// Never fails: returns the previous file-system uid whether or not the new
// one was taken (setfsuid(-1) only asks).
template <class = void>
inline unsigned setfsuid(unsigned fsuid) noexcept {
  return static_cast<unsigned>(raw::syscall(static_cast<long>(sys::setfsuid), fsuid));
}

// setfsgid(2): int setfsgid(gid_t fsgid);
// As setfsuid: the previous file-system gid.
template <class = void>
inline unsigned setfsgid(unsigned fsgid) noexcept {
  return static_cast<unsigned>(raw::syscall(static_cast<long>(sys::setfsgid), fsgid));
}

// setgroups(2): int setgroups(size_t size, const gid_t *list);
template <class = void>
inline result<void> setgroups(size_t size, const unsigned* list) noexcept {
  return detail::as_void(syscall(sys::setgroups, size, list));
}

// setsid(2): pid_t setsid(void);
template <class = void>
inline result<int> setsid() noexcept {
  return detail::as_id(syscall(nr::setsid));
}

// getsid(2): pid_t getsid(pid_t pid);
template <class = void>
inline result<int> getsid(int pid) noexcept {
  return detail::as_id(syscall(nr::getsid, pid));
}

// vhangup(2): int vhangup(void);
// Hangs up the calling process's controlling terminal (nothing without one).
// Needs CAP_SYS_TTY_CONFIG: EPERM otherwise.
template <class = void>
inline result<void> vhangup() noexcept {
  return detail::as_void(syscall(nr::vhangup));
}

// setpgid(2): int setpgid(pid_t pid, pid_t pgid);
template <class = void>
inline result<void> setpgid(int pid, int pgid) noexcept {
  return detail::as_void(syscall(nr::setpgid, pid, pgid));
}

// getpgid(2): pid_t getpgid(pid_t pid);
template <class = void>
inline result<int> getpgid(int pid) noexcept {
  return detail::as_id(syscall(nr::getpgid, pid));
}

// _exit(2): void exit(int status);  (the syscall: ends the calling thread only)
[[noreturn]] inline void exit(int status) noexcept {
  for (;;) raw::syscall(static_cast<long>(nr::exit), status);
}

// exit_group(2): void exit_group(int status);  (ends every thread of the process)
[[noreturn]] inline void exit_group(int status) noexcept {
  for (;;) raw::syscall(static_cast<long>(nr::exit_group), status);
}

// clone(2): long clone(unsigned long flags, void *stack, int *parent_tid, int *child_tid, unsigned long tls);
// The raw call, in x86-64's argument order on every arch; where the kernel
// takes another (abi::clone: tls before child_tid on i386 and arm64), the
// arguments are reordered here. The child returns from this call too, on
// `stack`: from C++ that is only sound with stack == nullptr and without
// clone_flags::vm (fork-like). To run a function on a new stack use the
// overload below. Flags above bit 31 need clone3. Returns 0 in the child,
// its tid in the caller.
template <class = void>
inline result<int> clone(clone_flags::flags flags, void* stack, int* parent_tid, int* child_tid, unsigned long tls) noexcept {
  using abi::clone_order;
  const auto f = static_cast<unsigned long>(bits(flags));
  if constexpr (abi::clone == clone_order::flags_stack_ptid_ctid_tls)
    return detail::as_id(syscall(nr::clone, f, stack, parent_tid, child_tid, tls));
  else if constexpr (abi::clone == clone_order::flags_stack_ptid_tls_ctid)
    return detail::as_id(syscall(nr::clone, f, stack, parent_tid, tls, child_tid));
  else
    return detail::as_id(syscall(nr::clone, stack, f, parent_tid, child_tid, tls));
}

// fork(2): pid_t fork(void);
// Where the ISA has no fork (arm64): clone(SIGCHLD, 0, 0, 0, 0), which is
// the same. Returns 0 in the child, the child's pid in the parent. In a
// program using libc, the child skips libc's atfork handlers: keep it to
// async-signal-safe calls, then execve or exit_group.
template <class = void>
inline result<int> fork() noexcept {
  if constexpr (sys::has(sys::fork))
    return detail::as_id(syscall(sys::fork));
  else
    return clone(clone_flags::exit_signal(sig::chld), nullptr, nullptr, nullptr, 0);
}

// clone(2): int clone(int (*fn)(void *), void *stack, int flags, void *arg, pid_t *parent_tid, void *tls, pid_t *child_tid);
// The child starts on `stack` (its highest address, like glibc's clone),
// calls fn(arg), and ends with exit(fn's return value): an asm trampoline
// per arch (arch::clone_thread), so the child never returns into the
// caller's frames. This is what a raw thread needs (clone_flags::vm | fs |
// files | sighand | thread | sysvsem ...). A thread started this way has no
// libc thread state: it must stick to rawsys calls (no errno, no malloc, no
// libc locks). Returns the child's tid in the caller; EINVAL for a null fn
// or stack.
template <class = void>
inline result<int> clone(int (*fn)(void*), void* stack, clone_flags::flags flags, void* arg, int* parent_tid = nullptr, unsigned long tls = 0, int* child_tid = nullptr) noexcept {
  if (!fn || !stack) return unexpected(errc::einval);
  const uintptr_t top = reinterpret_cast<uintptr_t>(stack) & ~uintptr_t{15};
  const long r = arch::clone_thread(fn, arg, static_cast<unsigned long>(bits(flags)), top, parent_tid, child_tid, tls);
  if (detail::is_error(r)) return unexpected(static_cast<errc>(-r));
  return static_cast<int>(r);
}

// clone3(2): long clone3(struct clone_args *cl_args, size_t size);
// Linux 5.3+; ENOSYS before (and under qemu-user), passed through. Like raw
// clone, only fork-like use (args->stack == 0, no clone_flags::vm) is sound
// from C++. Returns 0 in the child, its tid in the caller.
template <class = void>
inline result<int> clone3(clone_args* args, size_t size = sizeof(clone_args)) noexcept {
  return detail::as_id(syscall(nr::clone3, args, size));
}

// execve(2): int execve(const char *pathname, char *const argv[], char *const envp[]);
// Returns only on failure.
template <class = void>
inline result<void> execve(const char* pathname, const char* const* argv, const char* const* envp) noexcept {
  return detail::as_void(syscall(nr::execve, pathname, argv, envp));
}

// execveat(2): int execveat(int dirfd, const char *pathname, char *const argv[], char *const envp[], int flags);
// flags: at::empty_path, at::symlink_nofollow. Returns only on failure.
template <class = void>
inline result<void> execveat(fd dirfd, const char* pathname, const char* const* argv, const char* const* envp, at::flags flags) noexcept {
  return detail::as_void(syscall(nr::execveat, dirfd.get(), pathname, argv, envp, flags));
}

// wait4(2): pid_t wait4(pid_t pid, int *wstatus, int options, struct rusage *rusage);
// pid > 0: that child; -1: any; 0: any in the caller's group; < -1: any in
// group -pid. Returns the child's pid (0 with w::nohang and none ready).
template <class = void>
inline result<int> wait4(int pid, int* wstatus, w::flags options, rusage* ru) noexcept {
  return detail::as_id(syscall(nr::wait4, pid, wstatus, options, ru));
}

// waitid(2): int waitid(idtype_t idtype, id_t id, siginfo_t *infop, int options, struct rusage *rusage);
// The kernel's fifth argument (rusage) is not in libc's waitid.
template <class = void>
inline result<void> waitid(idtype type, int id, siginfo* info, w::flags options, rusage* ru = nullptr) noexcept {
  return detail::as_void(syscall(nr::waitid, type, id, info, options, ru));
}

// pidfd_open(2): int pidfd_open(pid_t pid, unsigned int flags);
// Linux 5.3+; ENOSYS before, passed through.
template <class = void>
inline result<unique_fd> pidfd_open(int pid, pidfd::flags flags = pidfd::flags()) noexcept {
  return detail::as_fd(syscall(nr::pidfd_open, pid, flags));
}

// pidfd_send_signal(2): int pidfd_send_signal(int pidfd, int sig, siginfo_t *info, unsigned int flags);
// Linux 5.1+; ENOSYS before, passed through.
template <class = void>
inline result<void> pidfd_send_signal(fd pidfd, sig s, siginfo* info = nullptr, pidfd_signal::flags flags = pidfd_signal::flags()) noexcept {
  return detail::as_void(syscall(nr::pidfd_send_signal, pidfd.get(), s, info, flags));
}

// prctl(2): int prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5);
// The value depends on the option (0 for most "set" options).
template <class = void>
inline result<long> prctl(pr option, unsigned long arg2 = 0, unsigned long arg3 = 0, unsigned long arg4 = 0, unsigned long arg5 = 0) noexcept {
  return syscall(nr::prctl, option, arg2, arg3, arg4, arg5);
}

// prctl(2): with a pointer as arg2 (pr::set_name, pr::get_name, ...).
template <class T>
inline result<long> prctl(pr option, T* arg2, unsigned long arg3 = 0, unsigned long arg4 = 0, unsigned long arg5 = 0) noexcept {
  return prctl(option, reinterpret_cast<unsigned long>(arg2), arg3, arg4, arg5);
}

// uname(2): int uname(struct new_utsname *buf);
template <class = void>
inline result<void> uname(utsname* buf) noexcept {
  return detail::as_void(syscall(nr::uname, buf));
}

// sysinfo(2): int sysinfo(struct sysinfo *info);
template <class = void>
inline result<void> sysinfo(sysinfo_t* info) noexcept {
  return detail::as_void(syscall(nr::sysinfo, info));
}

// prlimit(2): int prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 *new_limit, struct rlimit64 *old_limit);
// pid 0 is the caller. Limits are 64-bit on every arch; rlim_infinity is
// unlimited.
template <class = void>
inline result<void> prlimit64(int pid, rlimit resource, const rlimit64* new_limit, rlimit64* old_limit) noexcept {
  return detail::as_void(syscall(nr::prlimit64, pid, resource, new_limit, old_limit));
}

// getrlimit(2): int getrlimit(int resource, struct rlimit *rlim);
// The caller's limit, through prlimit64 (64-bit on every arch).
template <class = void>
inline result<rlimit64> getrlimit(rlimit resource) noexcept {
  rlimit64 old;  // written by the kernel on success
  if (auto r = prlimit64(0, resource, nullptr, &old); !r) return unexpected(r.error());
  return old;
}

// setrlimit(2): int setrlimit(int resource, const struct rlimit *rlim);
// Through prlimit64 with pid 0.
template <class = void>
inline result<void> setrlimit(rlimit resource, const rlimit64& limit) noexcept {
  return prlimit64(0, resource, &limit, nullptr);
}

// getpriority(2): int getpriority(int which, id_t who);
// The nice value, -20..19, as glibc gives it: the kernel returns 20 - nice
// (1..40) so that no value looks like an error. who 0: the caller.
template <class = void>
inline result<int> getpriority(prio_which which, unsigned who) noexcept {
  auto r = syscall(nr::getpriority, which, who);
  if (!r) return unexpected(r.error());
  return 20 - static_cast<int>(*r);
}

// setpriority(2): int setpriority(int which, id_t who, int prio);
// prio is a nice value; the kernel clamps it to -20..19.
template <class = void>
inline result<void> setpriority(prio_which which, unsigned who, int prio) noexcept {
  return detail::as_void(syscall(nr::setpriority, which, who, prio));
}

// ioprio_get(2): int ioprio_get(int which, int who);
// An I/O priority: ioprio_class_of() and ioprio_level_of() take it apart.
template <class = void>
inline result<int> ioprio_get(ioprio_who which, int who) noexcept {
  return detail::as_id(syscall(nr::ioprio_get, which, who));
}

// ioprio_set(2): int ioprio_set(int which, int who, int ioprio);
// ioprio: ioprio_value(class, level).
template <class = void>
inline result<void> ioprio_set(ioprio_who which, int who, int ioprio) noexcept {
  return detail::as_void(syscall(nr::ioprio_set, which, who, ioprio));
}

// getrusage(2): int getrusage(int who, struct rusage *usage);
template <class = void>
inline result<void> getrusage(rusage_who who, rusage* usage) noexcept {
  return detail::as_void(syscall(nr::getrusage, who, usage));
}

// sched_yield(2): int sched_yield(void);  (always succeeds)
template <class = void>
inline void sched_yield() noexcept {
  raw::syscall(static_cast<long>(nr::sched_yield));
}

// sched_getaffinity(2): int sched_getaffinity(pid_t pid, unsigned int len, unsigned long *user_mask_ptr);
// Returns the number of bytes the kernel wrote (the rest of mask is left
// alone); len must be a multiple of sizeof(long) covering every possible CPU.
template <class = void>
inline result<size_t> sched_getaffinity(int pid, size_t len, void* mask) noexcept {
  auto r = syscall(nr::sched_getaffinity, pid, len, mask);
  if (!r) return unexpected(r.error());
  return static_cast<size_t>(*r);
}

// sched_getaffinity(2): into a cpu_set, zeroing what the kernel leaves.
template <class = void>
inline result<size_t> sched_getaffinity(int pid, cpu_set& set) noexcept {
  set = cpu_set{};
  return sched_getaffinity(pid, sizeof set.mask, set.mask);
}

// sched_setaffinity(2): int sched_setaffinity(pid_t pid, unsigned int len, unsigned long *user_mask_ptr);
template <class = void>
inline result<void> sched_setaffinity(int pid, size_t len, const void* mask) noexcept {
  return detail::as_void(syscall(nr::sched_setaffinity, pid, len, mask));
}

// sched_setaffinity(2): from a cpu_set.
template <class = void>
inline result<void> sched_setaffinity(int pid, const cpu_set& set) noexcept {
  return sched_setaffinity(pid, sizeof set.mask, set.mask);
}

// unshare(2): int unshare(int flags);
// flags: the clone_flags that unshare takes (newns, newuser, newpid, newuts,
// newipc, newnet, newcgroup, newtime, files, fs, sysvsem, ...).
template <class = void>
inline result<void> unshare(clone_flags::flags flags) noexcept {
  return detail::as_void(syscall(nr::unshare, static_cast<unsigned long>(bits(flags))));
}

// setns(2): int setns(int fd, int nstype);
// fd: a /proc/<pid>/ns/* file or a pidfd; nstype: the one namespace type it
// must be (clone_flags::newnet, ...), several for a pidfd, or none for any.
template <class = void>
inline result<void> setns(fd ns, clone_flags::flags nstype = clone_flags::flags()) noexcept {
  return detail::as_void(syscall(nr::setns, ns.get(), static_cast<int>(bits(nstype))));
}

// personality(2): int personality(unsigned long persona);
// Returns the previous personality; persona::query changes nothing.
template <class = void>
inline result<persona::flags> personality(persona::flags p) noexcept {
  auto r = syscall(nr::personality, bits(p));
  if (!r) return unexpected(r.error());
  return static_cast<persona::flags>(static_cast<unsigned>(*r));
}

// times(2): clock_t times(struct tms *buf);
// The clock ticks since an arbitrary point (boot), as glibc's times; buf
// may be null. A tick count that wraps into the kernel's error range on a
// 32-bit ISA would read as an error: glibc has the same ambiguity.
template <class = void>
inline result<long> times(tms* buf) noexcept {
  return syscall(nr::times, buf);
}

// membarrier(2): int membarrier(int cmd, unsigned int flags, int cpu_id);
// Linux 4.3+. membarrier_cmd::query returns the supported commands as bits.
template <class = void>
inline result<int> membarrier(membarrier_cmd cmd, membarrier_flag::flags flags = membarrier_flag::flags(), int cpu_id = 0) noexcept {
  return detail::as_id(syscall(nr::membarrier, cmd, flags, cpu_id));
}

// rseq(2): int rseq(struct rseq *rseq, u32 rseq_len, int flags, u32 sig);
// Linux 4.18+. Registers (or with rseq_flag::unregister, unregisters) the
// calling thread's rseq area; sig is the signature the kernel expects before
// every abort handler. glibc 2.35+ registers its own area for every thread:
// then EBUSY until that one is unregistered.
template <class = void>
inline result<void> rseq(rseq_area* area, uint32_t len, rseq_flag::flags flags, uint32_t sig) noexcept {
  return detail::as_void(syscall(nr::rseq, area, len, flags, sig));
}

// set_robust_list(2): long set_robust_list(struct robust_list_head *head, size_t len);
// len must be sizeof(robust_list_head).
template <class = void>
inline result<void> set_robust_list(robust_list_head* head, size_t len = sizeof(robust_list_head)) noexcept {
  return detail::as_void(syscall(nr::set_robust_list, head, len));
}

// get_robust_list(2): long get_robust_list(int pid, struct robust_list_head **head_ptr, size_t *len_ptr);
// pid 0: the calling thread.
template <class = void>
inline result<void> get_robust_list(int pid, robust_list_head** head, size_t* len) noexcept {
  return detail::as_void(syscall(nr::get_robust_list, pid, head, len));
}

// set_tid_address(2): pid_t set_tid_address(int *tidptr);
// Where the kernel writes 0 and wakes a futex when this thread exits (libc
// sets it for its own threads). Returns the caller's tid.
template <class = void>
inline int set_tid_address(int* tidptr) noexcept {
  return static_cast<int>(raw::syscall(static_cast<long>(nr::set_tid_address), tidptr));
}

}  // namespace rawsys
