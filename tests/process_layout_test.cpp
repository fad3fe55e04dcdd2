// The process structs and constants against this arch's kernel UAPI headers
// (<linux/sched.h>, <linux/wait.h>, <linux/resource.h>, <linux/utsname.h>,
// <linux/sysinfo.h>, <linux/prctl.h>, <linux/pidfd.h>, <asm/prctl.h>). Some
// clash with glibc's headers (which doctest includes), so this file is
// compile-time checks only; process_test.cpp reports them as a test case.
#include <linux/futex.h>
#include <linux/ioprio.h>
#include <linux/membarrier.h>
#include <linux/personality.h>
#include <linux/pidfd.h>
#include <linux/prctl.h>
#include <linux/resource.h>
#include <linux/rseq.h>
#include <linux/sched.h>
#include <linux/sched/types.h>
#include <linux/sysinfo.h>
#include <linux/times.h>
#include <linux/utsname.h>
#include <linux/version.h>
#include <linux/wait.h>
#if defined(__x86_64__) || defined(__i386__)
#include <asm/ldt.h>
#include <asm/prctl.h>
#endif

#include <stddef.h>

#include <rawsys/process.hpp>
#include <rawsys/sched.hpp>

namespace {

using rawsys::bits;
namespace cf = rawsys::clone_flags;

// CLONE_*.
static_assert(bits(cf::csignal) == CSIGNAL);
static_assert(bits(cf::vm) == CLONE_VM);
static_assert(bits(cf::fs) == CLONE_FS);
static_assert(bits(cf::files) == CLONE_FILES);
static_assert(bits(cf::sighand) == CLONE_SIGHAND);
static_assert(bits(cf::pidfd) == CLONE_PIDFD);
static_assert(bits(cf::ptrace) == CLONE_PTRACE);
static_assert(bits(cf::vfork) == CLONE_VFORK);
static_assert(bits(cf::parent) == CLONE_PARENT);
static_assert(bits(cf::thread) == CLONE_THREAD);
static_assert(bits(cf::newns) == CLONE_NEWNS);
static_assert(bits(cf::sysvsem) == CLONE_SYSVSEM);
static_assert(bits(cf::settls) == CLONE_SETTLS);
static_assert(bits(cf::parent_settid) == CLONE_PARENT_SETTID);
static_assert(bits(cf::child_cleartid) == CLONE_CHILD_CLEARTID);
static_assert(bits(cf::detached) == CLONE_DETACHED);
static_assert(bits(cf::untraced) == CLONE_UNTRACED);
static_assert(bits(cf::child_settid) == CLONE_CHILD_SETTID);
static_assert(bits(cf::newcgroup) == CLONE_NEWCGROUP);
static_assert(bits(cf::newuts) == CLONE_NEWUTS);
static_assert(bits(cf::newipc) == CLONE_NEWIPC);
static_assert(bits(cf::newuser) == CLONE_NEWUSER);
static_assert(bits(cf::newpid) == CLONE_NEWPID);
static_assert(bits(cf::newnet) == CLONE_NEWNET);
static_assert(bits(cf::io) == CLONE_IO);
static_assert(bits(cf::clear_sighand) == CLONE_CLEAR_SIGHAND);
static_assert(bits(cf::into_cgroup) == CLONE_INTO_CGROUP);
static_assert(bits(cf::newtime) == CLONE_NEWTIME);

// struct clone_args.
using rca = rawsys::clone_args;
using kca = struct clone_args;
static_assert(sizeof(rca) == sizeof(kca) && alignof(rca) == alignof(kca));
static_assert(sizeof(rca) == CLONE_ARGS_SIZE_VER2);
static_assert(offsetof(rca, flags) == offsetof(kca, flags));
static_assert(offsetof(rca, pidfd) == offsetof(kca, pidfd));
static_assert(offsetof(rca, child_tid) == offsetof(kca, child_tid));
static_assert(offsetof(rca, parent_tid) == offsetof(kca, parent_tid));
static_assert(offsetof(rca, exit_signal) == offsetof(kca, exit_signal));
static_assert(offsetof(rca, stack) == offsetof(kca, stack));
static_assert(offsetof(rca, stack_size) == offsetof(kca, stack_size));
static_assert(offsetof(rca, tls) == offsetof(kca, tls));
static_assert(offsetof(rca, set_tid) == offsetof(kca, set_tid));
static_assert(offsetof(rca, set_tid_size) == offsetof(kca, set_tid_size));
static_assert(offsetof(rca, cgroup) == offsetof(kca, cgroup));

// W*, P_*.
static_assert(bits(rawsys::w::nohang) == WNOHANG);
static_assert(bits(rawsys::w::untraced) == WUNTRACED);
static_assert(bits(rawsys::w::stopped) == WSTOPPED);
static_assert(bits(rawsys::w::exited) == WEXITED);
static_assert(bits(rawsys::w::continued) == WCONTINUED);
static_assert(bits(rawsys::w::nowait) == WNOWAIT);
static_assert(bits(rawsys::w::nothread) == __WNOTHREAD);
static_assert(bits(rawsys::w::all) == __WALL);
static_assert(bits(rawsys::w::clone) == __WCLONE);
static_assert(static_cast<int>(rawsys::idtype::all) == P_ALL);
static_assert(static_cast<int>(rawsys::idtype::pid) == P_PID);
static_assert(static_cast<int>(rawsys::idtype::pgid) == P_PGID);
static_assert(static_cast<int>(rawsys::idtype::pidfd) == P_PIDFD);

// PIDFD_* (the arm64 cross headers here are Linux 6.1: older than some).
static_assert(bits(rawsys::pidfd::nonblock) == PIDFD_NONBLOCK);
#if defined(PIDFD_THREAD)
static_assert(bits(rawsys::pidfd::thread) == PIDFD_THREAD);
static_assert(bits(rawsys::pidfd_signal::thread) == PIDFD_SIGNAL_THREAD);
static_assert(bits(rawsys::pidfd_signal::thread_group) == PIDFD_SIGNAL_THREAD_GROUP);
static_assert(bits(rawsys::pidfd_signal::process_group) == PIDFD_SIGNAL_PROCESS_GROUP);
#endif

// RLIMIT_*, RUSAGE_*, rlimit64, rusage.
using rawsys::rlimit;
static_assert(static_cast<int>(rlimit::cpu) == RLIMIT_CPU);
static_assert(static_cast<int>(rlimit::fsize) == RLIMIT_FSIZE);
static_assert(static_cast<int>(rlimit::data) == RLIMIT_DATA);
static_assert(static_cast<int>(rlimit::stack) == RLIMIT_STACK);
static_assert(static_cast<int>(rlimit::core) == RLIMIT_CORE);
static_assert(static_cast<int>(rlimit::rss) == RLIMIT_RSS);
static_assert(static_cast<int>(rlimit::nproc) == RLIMIT_NPROC);
static_assert(static_cast<int>(rlimit::nofile) == RLIMIT_NOFILE);
static_assert(static_cast<int>(rlimit::memlock) == RLIMIT_MEMLOCK);
static_assert(static_cast<int>(rlimit::as) == RLIMIT_AS);
static_assert(static_cast<int>(rlimit::locks) == RLIMIT_LOCKS);
static_assert(static_cast<int>(rlimit::sigpending) == RLIMIT_SIGPENDING);
static_assert(static_cast<int>(rlimit::msgqueue) == RLIMIT_MSGQUEUE);
static_assert(static_cast<int>(rlimit::nice) == RLIMIT_NICE);
static_assert(static_cast<int>(rlimit::rtprio) == RLIMIT_RTPRIO);
static_assert(static_cast<int>(rlimit::rttime) == RLIMIT_RTTIME);
static_assert(RLIM_NLIMITS == 16);
static_assert(rawsys::rlim_infinity == RLIM64_INFINITY);
static_assert(static_cast<int>(rawsys::rusage_who::self) == RUSAGE_SELF);
static_assert(static_cast<int>(rawsys::rusage_who::children) == RUSAGE_CHILDREN);
static_assert(static_cast<int>(rawsys::rusage_who::thread) == RUSAGE_THREAD);

using rl = rawsys::rlimit64;
static_assert(sizeof(rl) == sizeof(struct rlimit64));
static_assert(offsetof(rl, cur) == offsetof(struct rlimit64, rlim_cur));
static_assert(offsetof(rl, max) == offsetof(struct rlimit64, rlim_max));

using ru = rawsys::rusage;
using kru = struct rusage;
static_assert(sizeof(ru) == sizeof(kru));
static_assert(offsetof(ru, utime) == offsetof(kru, ru_utime));
static_assert(offsetof(ru, utime.sec) == offsetof(kru, ru_utime.tv_sec));
static_assert(offsetof(ru, utime.usec) == offsetof(kru, ru_utime.tv_usec));
static_assert(sizeof(ru::old_timeval) == sizeof(kru::ru_utime));
static_assert(offsetof(ru, stime) == offsetof(kru, ru_stime));
static_assert(offsetof(ru, maxrss) == offsetof(kru, ru_maxrss));
static_assert(offsetof(ru, ixrss) == offsetof(kru, ru_ixrss));
static_assert(offsetof(ru, idrss) == offsetof(kru, ru_idrss));
static_assert(offsetof(ru, isrss) == offsetof(kru, ru_isrss));
static_assert(offsetof(ru, minflt) == offsetof(kru, ru_minflt));
static_assert(offsetof(ru, majflt) == offsetof(kru, ru_majflt));
static_assert(offsetof(ru, nswap) == offsetof(kru, ru_nswap));
static_assert(offsetof(ru, inblock) == offsetof(kru, ru_inblock));
static_assert(offsetof(ru, oublock) == offsetof(kru, ru_oublock));
static_assert(offsetof(ru, msgsnd) == offsetof(kru, ru_msgsnd));
static_assert(offsetof(ru, msgrcv) == offsetof(kru, ru_msgrcv));
static_assert(offsetof(ru, nsignals) == offsetof(kru, ru_nsignals));
static_assert(offsetof(ru, nvcsw) == offsetof(kru, ru_nvcsw));
static_assert(offsetof(ru, nivcsw) == offsetof(kru, ru_nivcsw));

// struct new_utsname, struct sysinfo.
using ru_ts = rawsys::utsname;
static_assert(sizeof(ru_ts) == sizeof(struct new_utsname));
static_assert(offsetof(ru_ts, sysname) == offsetof(struct new_utsname, sysname));
static_assert(offsetof(ru_ts, nodename) == offsetof(struct new_utsname, nodename));
static_assert(offsetof(ru_ts, release) == offsetof(struct new_utsname, release));
static_assert(offsetof(ru_ts, version) == offsetof(struct new_utsname, version));
static_assert(offsetof(ru_ts, machine) == offsetof(struct new_utsname, machine));
static_assert(offsetof(ru_ts, domainname) == offsetof(struct new_utsname, domainname));

using rsi = rawsys::sysinfo_t;
using ksi = struct sysinfo;
static_assert(sizeof(rsi) == sizeof(ksi));
static_assert(offsetof(rsi, uptime) == offsetof(ksi, uptime));
static_assert(offsetof(rsi, loads) == offsetof(ksi, loads));
static_assert(offsetof(rsi, totalram) == offsetof(ksi, totalram));
static_assert(offsetof(rsi, freeram) == offsetof(ksi, freeram));
static_assert(offsetof(rsi, sharedram) == offsetof(ksi, sharedram));
static_assert(offsetof(rsi, bufferram) == offsetof(ksi, bufferram));
static_assert(offsetof(rsi, totalswap) == offsetof(ksi, totalswap));
static_assert(offsetof(rsi, freeswap) == offsetof(ksi, freeswap));
static_assert(offsetof(rsi, procs) == offsetof(ksi, procs));
static_assert(offsetof(rsi, totalhigh) == offsetof(ksi, totalhigh));
static_assert(offsetof(rsi, freehigh) == offsetof(ksi, freehigh));
static_assert(offsetof(rsi, mem_unit) == offsetof(ksi, mem_unit));

// PRIO_*, IOPRIO_* (the classes are an enum in linux/ioprio.h).
static_assert(static_cast<int>(rawsys::prio_which::process) == PRIO_PROCESS);
static_assert(static_cast<int>(rawsys::prio_which::pgrp) == PRIO_PGRP);
static_assert(static_cast<int>(rawsys::prio_which::user) == PRIO_USER);
static_assert(static_cast<int>(rawsys::ioprio_who::process) == IOPRIO_WHO_PROCESS);
static_assert(static_cast<int>(rawsys::ioprio_who::pgrp) == IOPRIO_WHO_PGRP);
static_assert(static_cast<int>(rawsys::ioprio_who::user) == IOPRIO_WHO_USER);
static_assert(static_cast<int>(rawsys::ioprio_class::rt) == IOPRIO_CLASS_RT);
static_assert(static_cast<int>(rawsys::ioprio_class::be) == IOPRIO_CLASS_BE);
static_assert(static_cast<int>(rawsys::ioprio_class::idle) == IOPRIO_CLASS_IDLE);
// IOPRIO_PRIO_VALUE is an inline function in recent headers: its formula.
static_assert(rawsys::ioprio_value(rawsys::ioprio_class::be, 4) == (IOPRIO_CLASS_BE << IOPRIO_CLASS_SHIFT | 4));
static_assert(rawsys::ioprio_class_of(IOPRIO_CLASS_RT << IOPRIO_CLASS_SHIFT | 2) == rawsys::ioprio_class::rt);
static_assert(rawsys::ioprio_level_of(IOPRIO_CLASS_RT << IOPRIO_CLASS_SHIFT | 2) == 2);

// Personalities, MEMBARRIER_CMD_*, RSEQ_*.
static_assert(bits(rawsys::persona::per_linux32) == PER_LINUX32);
static_assert(bits(rawsys::persona::per_mask) == PER_MASK);
static_assert(bits(rawsys::persona::addr_no_randomize) == ADDR_NO_RANDOMIZE);
static_assert(bits(rawsys::persona::read_implies_exec) == READ_IMPLIES_EXEC);
static_assert(bits(rawsys::persona::uname26) == UNAME26);
static_assert(static_cast<int>(rawsys::membarrier_cmd::query) == MEMBARRIER_CMD_QUERY);
static_assert(static_cast<int>(rawsys::membarrier_cmd::global) == MEMBARRIER_CMD_GLOBAL);
static_assert(static_cast<int>(rawsys::membarrier_cmd::private_expedited) == MEMBARRIER_CMD_PRIVATE_EXPEDITED);
static_assert(static_cast<int>(rawsys::membarrier_cmd::register_private_expedited_rseq) ==
              MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ);
static_assert(bits(rawsys::membarrier_flag::cpu) == MEMBARRIER_CMD_FLAG_CPU);
static_assert(bits(rawsys::rseq_flag::unregister) == RSEQ_FLAG_UNREGISTER);

// struct tms (clock_t is the kernel's long), struct rseq, the robust list.
static_assert(sizeof(rawsys::tms) == sizeof(struct tms));
static_assert(offsetof(rawsys::tms, utime) == offsetof(struct tms, tms_utime));
static_assert(offsetof(rawsys::tms, cstime) == offsetof(struct tms, tms_cstime));
static_assert(sizeof(rawsys::tms::utime) == sizeof(__kernel_clock_t));
static_assert(sizeof(rawsys::rseq_area) == sizeof(struct rseq));
static_assert(alignof(rawsys::rseq_area) == alignof(struct rseq));
static_assert(offsetof(rawsys::rseq_area, cpu_id) == offsetof(struct rseq, cpu_id));
static_assert(offsetof(rawsys::rseq_area, rseq_cs) == offsetof(struct rseq, rseq_cs));
static_assert(offsetof(rawsys::rseq_area, flags) == offsetof(struct rseq, flags));
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)  // the cross toolchains' headers are older
static_assert(offsetof(rawsys::rseq_area, node_id) == offsetof(struct rseq, node_id));
static_assert(offsetof(rawsys::rseq_area, mm_cid) == offsetof(struct rseq, mm_cid));
#endif
static_assert(sizeof(rawsys::robust_list_head) == sizeof(struct robust_list_head));
static_assert(offsetof(rawsys::robust_list_head, futex_offset) == offsetof(struct robust_list_head, futex_offset));
static_assert(offsetof(rawsys::robust_list_head, list_op_pending) ==
              offsetof(struct robust_list_head, list_op_pending));

// SCHED_*, struct sched_attr.
static_assert(static_cast<int>(rawsys::sched_policy::normal) == SCHED_NORMAL);
static_assert(static_cast<int>(rawsys::sched_policy::deadline) == SCHED_DEADLINE);
static_assert(static_cast<int>(rawsys::sched_policy::reset_on_fork) == SCHED_RESET_ON_FORK);
static_assert(bits(rawsys::sched_flag::reset_on_fork) == SCHED_FLAG_RESET_ON_FORK);
static_assert(bits(rawsys::sched_flag::reclaim) == SCHED_FLAG_RECLAIM);
static_assert(bits(rawsys::sched_flag::dl_overrun) == SCHED_FLAG_DL_OVERRUN);
static_assert(bits(rawsys::sched_flag::keep_policy) == SCHED_FLAG_KEEP_POLICY);
static_assert(bits(rawsys::sched_flag::keep_params) == SCHED_FLAG_KEEP_PARAMS);
static_assert(bits(rawsys::sched_flag::util_clamp_min) == SCHED_FLAG_UTIL_CLAMP_MIN);
static_assert(bits(rawsys::sched_flag::util_clamp_max) == SCHED_FLAG_UTIL_CLAMP_MAX);
using rsa = rawsys::sched_attr;
using ksa = struct sched_attr;
static_assert(sizeof(rsa) == sizeof(ksa) && alignof(rsa) == alignof(ksa));
static_assert(offsetof(rsa, policy) == offsetof(ksa, sched_policy));
static_assert(offsetof(rsa, flags) == offsetof(ksa, sched_flags));
static_assert(offsetof(rsa, nice) == offsetof(ksa, sched_nice));
static_assert(offsetof(rsa, priority) == offsetof(ksa, sched_priority));
static_assert(offsetof(rsa, runtime) == offsetof(ksa, sched_runtime));
static_assert(offsetof(rsa, deadline) == offsetof(ksa, sched_deadline));
static_assert(offsetof(rsa, period) == offsetof(ksa, sched_period));
static_assert(offsetof(rsa, util_min) == offsetof(ksa, sched_util_min));
static_assert(offsetof(rsa, util_max) == offsetof(ksa, sched_util_max));

#if defined(__x86_64__) || defined(__i386__)
// struct user_desc (its bit-fields are checked in process_test.cpp).
static_assert(sizeof(rawsys::user_desc) == sizeof(struct user_desc));
static_assert(offsetof(rawsys::user_desc, base_addr) == offsetof(struct user_desc, base_addr));
static_assert(offsetof(rawsys::user_desc, limit) == offsetof(struct user_desc, limit));
#endif

// PR_*.
using rawsys::pr;
#define RAWSYS_PR(name, NAME) static_assert(static_cast<int>(pr::name) == PR_##NAME)
RAWSYS_PR(set_pdeathsig, SET_PDEATHSIG);
RAWSYS_PR(get_pdeathsig, GET_PDEATHSIG);
RAWSYS_PR(get_dumpable, GET_DUMPABLE);
RAWSYS_PR(set_dumpable, SET_DUMPABLE);
RAWSYS_PR(get_keepcaps, GET_KEEPCAPS);
RAWSYS_PR(set_keepcaps, SET_KEEPCAPS);
RAWSYS_PR(get_timing, GET_TIMING);
RAWSYS_PR(set_timing, SET_TIMING);
RAWSYS_PR(get_tsc, GET_TSC);
RAWSYS_PR(set_tsc, SET_TSC);
RAWSYS_PR(set_name, SET_NAME);
RAWSYS_PR(get_name, GET_NAME);
RAWSYS_PR(get_seccomp, GET_SECCOMP);
RAWSYS_PR(set_seccomp, SET_SECCOMP);
RAWSYS_PR(capbset_read, CAPBSET_READ);
RAWSYS_PR(capbset_drop, CAPBSET_DROP);
RAWSYS_PR(get_securebits, GET_SECUREBITS);
RAWSYS_PR(set_securebits, SET_SECUREBITS);
RAWSYS_PR(set_timerslack, SET_TIMERSLACK);
RAWSYS_PR(get_timerslack, GET_TIMERSLACK);
RAWSYS_PR(task_perf_events_disable, TASK_PERF_EVENTS_DISABLE);
RAWSYS_PR(task_perf_events_enable, TASK_PERF_EVENTS_ENABLE);
RAWSYS_PR(mce_kill, MCE_KILL);
RAWSYS_PR(mce_kill_get, MCE_KILL_GET);
RAWSYS_PR(set_mm, SET_MM);
RAWSYS_PR(set_child_subreaper, SET_CHILD_SUBREAPER);
RAWSYS_PR(get_child_subreaper, GET_CHILD_SUBREAPER);
RAWSYS_PR(set_no_new_privs, SET_NO_NEW_PRIVS);
RAWSYS_PR(get_no_new_privs, GET_NO_NEW_PRIVS);
RAWSYS_PR(get_tid_address, GET_TID_ADDRESS);
RAWSYS_PR(set_thp_disable, SET_THP_DISABLE);
RAWSYS_PR(get_thp_disable, GET_THP_DISABLE);
RAWSYS_PR(cap_ambient, CAP_AMBIENT);
RAWSYS_PR(sve_set_vl, SVE_SET_VL);
RAWSYS_PR(sve_get_vl, SVE_GET_VL);
RAWSYS_PR(get_speculation_ctrl, GET_SPECULATION_CTRL);
RAWSYS_PR(set_speculation_ctrl, SET_SPECULATION_CTRL);
RAWSYS_PR(pac_reset_keys, PAC_RESET_KEYS);
RAWSYS_PR(set_tagged_addr_ctrl, SET_TAGGED_ADDR_CTRL);
RAWSYS_PR(get_tagged_addr_ctrl, GET_TAGGED_ADDR_CTRL);
RAWSYS_PR(set_io_flusher, SET_IO_FLUSHER);
RAWSYS_PR(get_io_flusher, GET_IO_FLUSHER);
RAWSYS_PR(set_syscall_user_dispatch, SET_SYSCALL_USER_DISPATCH);
RAWSYS_PR(sched_core, SCHED_CORE);
RAWSYS_PR(set_ptracer, SET_PTRACER);
#if defined(PR_GET_MDWE)
RAWSYS_PR(set_mdwe, SET_MDWE);
RAWSYS_PR(get_mdwe, GET_MDWE);
#endif
#if defined(PR_SET_MEMORY_MERGE)
RAWSYS_PR(set_memory_merge, SET_MEMORY_MERGE);
RAWSYS_PR(get_memory_merge, GET_MEMORY_MERGE);
#endif
#if defined(PR_GET_AUXV)
RAWSYS_PR(get_auxv, GET_AUXV);
#endif
#if defined(PR_SET_VMA)
RAWSYS_PR(set_vma, SET_VMA);
#endif
#undef RAWSYS_PR

// ARCH_* (x86).
#if defined(__x86_64__) || defined(__i386__)
using ac = rawsys::arch_prctl_code;
static_assert(static_cast<int>(ac::set_gs) == ARCH_SET_GS);
static_assert(static_cast<int>(ac::set_fs) == ARCH_SET_FS);
static_assert(static_cast<int>(ac::get_fs) == ARCH_GET_FS);
static_assert(static_cast<int>(ac::get_gs) == ARCH_GET_GS);
static_assert(static_cast<int>(ac::get_cpuid) == ARCH_GET_CPUID);
static_assert(static_cast<int>(ac::set_cpuid) == ARCH_SET_CPUID);
static_assert(static_cast<int>(ac::get_xcomp_supp) == ARCH_GET_XCOMP_SUPP);
static_assert(static_cast<int>(ac::get_xcomp_perm) == ARCH_GET_XCOMP_PERM);
static_assert(static_cast<int>(ac::req_xcomp_perm) == ARCH_REQ_XCOMP_PERM);
static_assert(static_cast<int>(ac::get_xcomp_guest_perm) == ARCH_GET_XCOMP_GUEST_PERM);
static_assert(static_cast<int>(ac::req_xcomp_guest_perm) == ARCH_REQ_XCOMP_GUEST_PERM);
static_assert(static_cast<int>(ac::map_vdso_x32) == ARCH_MAP_VDSO_X32);
static_assert(static_cast<int>(ac::map_vdso_32) == ARCH_MAP_VDSO_32);
static_assert(static_cast<int>(ac::map_vdso_64) == ARCH_MAP_VDSO_64);
static_assert(static_cast<int>(ac::get_untag_mask) == ARCH_GET_UNTAG_MASK);
static_assert(static_cast<int>(ac::enable_tagged_addr) == ARCH_ENABLE_TAGGED_ADDR);
static_assert(static_cast<int>(ac::get_max_tag_bits) == ARCH_GET_MAX_TAG_BITS);
static_assert(static_cast<int>(ac::force_tagged_sva) == ARCH_FORCE_TAGGED_SVA);
static_assert(static_cast<int>(ac::shstk_enable) == ARCH_SHSTK_ENABLE);
static_assert(static_cast<int>(ac::shstk_disable) == ARCH_SHSTK_DISABLE);
static_assert(static_cast<int>(ac::shstk_lock) == ARCH_SHSTK_LOCK);
static_assert(static_cast<int>(ac::shstk_unlock) == ARCH_SHSTK_UNLOCK);
static_assert(static_cast<int>(ac::shstk_status) == ARCH_SHSTK_STATUS);
#endif

}  // namespace

namespace rawsys_test {
// Sizes the kernel headers give, for the report in process_test.cpp.
extern const unsigned long kernel_clone_args_size = sizeof(struct clone_args);
extern const unsigned long kernel_rusage_size = sizeof(struct rusage);
extern const unsigned long kernel_sysinfo_size = sizeof(struct sysinfo);
}  // namespace rawsys_test
