// The signal structs and constants against this arch's kernel UAPI headers
// (<asm/signal.h>, <asm/siginfo.h>, <linux/signalfd.h>, and ppc64's
// <asm/ucontext.h>). They clash with glibc's <signal.h> (which doctest
// includes), so this file is checks at compile time only; signal_test.cpp
// reports them as a test case.
#include <linux/signal.h>
#include <linux/signalfd.h>
#if defined(__powerpc64__)
#include <asm/ucontext.h>
#endif

#include <stddef.h>

#include <rawsys/signal.hpp>
#if defined(__powerpc64__)
#include <rawsys/process.hpp>
#endif

namespace {

using rawsys::bits;

// Constants.
static_assert(bits(rawsys::sa::nocldstop) == SA_NOCLDSTOP);
static_assert(bits(rawsys::sa::nocldwait) == SA_NOCLDWAIT);
static_assert(bits(rawsys::sa::siginfo) == SA_SIGINFO);
static_assert(bits(rawsys::sa::unsupported) == SA_UNSUPPORTED);
static_assert(bits(rawsys::sa::expose_tagbits) == SA_EXPOSE_TAGBITS);
#if defined(SA_RESTORER)
static_assert(bits(rawsys::sa::restorer) == SA_RESTORER);
#endif
static_assert(bits(rawsys::sa::onstack) == SA_ONSTACK);
static_assert(bits(rawsys::sa::restart) == SA_RESTART);
static_assert(bits(rawsys::sa::nodefer) == SA_NODEFER);
static_assert(bits(rawsys::sa::resethand) == SA_RESETHAND);
static_assert(bits(rawsys::sa::nomask) == SA_NOMASK);
static_assert(bits(rawsys::sa::oneshot) == SA_ONESHOT);
static_assert(bits(rawsys::ss::onstack) == SS_ONSTACK);
static_assert(bits(rawsys::ss::disable) == SS_DISABLE);
static_assert(bits(rawsys::ss::autodisarm) == SS_AUTODISARM);
static_assert(bits(rawsys::sfd::nonblock) == SFD_NONBLOCK);
static_assert(bits(rawsys::sfd::cloexec) == SFD_CLOEXEC);
static_assert(static_cast<int>(rawsys::how::block) == SIG_BLOCK);
static_assert(static_cast<int>(rawsys::how::unblock) == SIG_UNBLOCK);
static_assert(static_cast<int>(rawsys::how::setmask) == SIG_SETMASK);
static_assert(rawsys::minsigstksz == MINSIGSTKSZ);
static_assert(rawsys::sigstksz == SIGSTKSZ);
static_assert(rawsys::si::user == SI_USER);
static_assert(rawsys::si::kernel == SI_KERNEL);
static_assert(rawsys::si::queue == SI_QUEUE);
static_assert(rawsys::si::timer == SI_TIMER);
static_assert(rawsys::si::mesgq == SI_MESGQ);
static_assert(rawsys::si::asyncio == SI_ASYNCIO);
static_assert(rawsys::si::sigio == SI_SIGIO);
static_assert(rawsys::si::tkill == SI_TKILL);
static_assert(rawsys::si::dethread == SI_DETHREAD);
static_assert(rawsys::cld::exited == CLD_EXITED);
static_assert(rawsys::cld::killed == CLD_KILLED);
static_assert(rawsys::cld::dumped == CLD_DUMPED);
static_assert(rawsys::cld::trapped == CLD_TRAPPED);
static_assert(rawsys::cld::stopped == CLD_STOPPED);
static_assert(rawsys::cld::continued == CLD_CONTINUED);
static_assert(static_cast<int>(rawsys::sig::sys) == SIGSYS);
#if defined(SIGSTKFLT)
static_assert(static_cast<int>(rawsys::sig::stkflt) == SIGSTKFLT);
#else  // mips
static_assert(static_cast<int>(rawsys::sig::stkflt) == 0);
#endif
#if defined(SIGEMT)  // mips
static_assert(static_cast<int>(rawsys::sig::emt) == SIGEMT);
#else
static_assert(static_cast<int>(rawsys::sig::emt) == 0);
#endif

// struct sigaction of rt_sigaction. x86-64 and arm64 (asm-generic, with
// sa_restorer because arm64 defines SA_RESTORER) spell it in the UAPI
// headers; i386's UAPI struct sigaction is the old sigaction(2) layout, so
// the rt layout is checked by hand: the kernel's compat_sigaction, four
// 32-bit words then the 64-bit mask (signal_test.cpp checks it at run time
// against what glibc installs).
using rs = rawsys::sigaction;
#if defined(__i386__) || defined(__arm__)
static_assert(sizeof(rs) == 20);
static_assert(offsetof(rs, handler) == 0 && offsetof(rs, flags) == 4);
static_assert(offsetof(rs, restorer) == 8 && offsetof(rs, mask) == 12);
#else
static_assert(sizeof(rs) == sizeof(struct sigaction));
static_assert(offsetof(rs, handler) == offsetof(struct sigaction, sa_handler));
static_assert(offsetof(rs, action) == offsetof(struct sigaction, sa_handler));
static_assert(offsetof(rs, flags) == offsetof(struct sigaction, sa_flags));
#if defined(SA_RESTORER)
static_assert(offsetof(rs, restorer) == offsetof(struct sigaction, sa_restorer));
#else  // asm-generic drops sa_restorer where SA_RESTORER is undefined (riscv)
static_assert(!rawsys::abi::sa_restorer);
#endif
static_assert(offsetof(rs, mask) == offsetof(struct sigaction, sa_mask));
static_assert(sizeof(rs::flags) == sizeof(((struct sigaction*)nullptr)->sa_flags));
static_assert(sizeof(rs::mask) == sizeof(((struct sigaction*)nullptr)->sa_mask));
#endif

// stack_t.
using rst = rawsys::stack_t;
static_assert(sizeof(rst) == sizeof(::stack_t));
static_assert(offsetof(rst, sp) == offsetof(::stack_t, ss_sp));
static_assert(offsetof(rst, flags) == offsetof(::stack_t, ss_flags));
static_assert(offsetof(rst, size) == offsetof(::stack_t, ss_size));

// siginfo_t, every field.
using ri = rawsys::siginfo;
static_assert(sizeof(ri) == sizeof(siginfo_t));
static_assert(alignof(ri) == alignof(siginfo_t));
static_assert(offsetof(ri, signo) == offsetof(siginfo_t, si_signo));
static_assert(offsetof(ri, errno_) == offsetof(siginfo_t, si_errno));
static_assert(offsetof(ri, code) == offsetof(siginfo_t, si_code));
static_assert(offsetof(ri, kill.pid) == offsetof(siginfo_t, si_pid));
static_assert(offsetof(ri, kill.uid) == offsetof(siginfo_t, si_uid));
static_assert(offsetof(ri, timer.tid) == offsetof(siginfo_t, si_tid));
static_assert(offsetof(ri, timer.overrun) == offsetof(siginfo_t, si_overrun));
static_assert(offsetof(ri, timer.value) == offsetof(siginfo_t, _sifields._timer._sigval));
static_assert(offsetof(ri, timer.private_) == offsetof(siginfo_t, si_sys_private));
static_assert(offsetof(ri, rt.pid) == offsetof(siginfo_t, _sifields._rt._pid));
static_assert(offsetof(ri, rt.uid) == offsetof(siginfo_t, _sifields._rt._uid));
static_assert(offsetof(ri, rt.value) == offsetof(siginfo_t, si_value));
static_assert(offsetof(ri, rt.value.int_) == offsetof(siginfo_t, si_int));
static_assert(offsetof(ri, rt.value.ptr) == offsetof(siginfo_t, si_ptr));
static_assert(offsetof(ri, chld.pid) == offsetof(siginfo_t, _sifields._sigchld._pid));
static_assert(offsetof(ri, chld.uid) == offsetof(siginfo_t, _sifields._sigchld._uid));
static_assert(offsetof(ri, chld.status) == offsetof(siginfo_t, si_status));
static_assert(offsetof(ri, chld.utime) == offsetof(siginfo_t, si_utime));
static_assert(offsetof(ri, chld.stime) == offsetof(siginfo_t, si_stime));
static_assert(sizeof(ri::chld_fields::utime) == sizeof(((siginfo_t*)nullptr)->si_utime));
static_assert(offsetof(ri, fault.addr) == offsetof(siginfo_t, si_addr));
static_assert(offsetof(ri, fault.addr_lsb) == offsetof(siginfo_t, si_addr_lsb));
static_assert(offsetof(ri, fault.bnd.lower) == offsetof(siginfo_t, si_lower));
static_assert(offsetof(ri, fault.bnd.upper) == offsetof(siginfo_t, si_upper));
static_assert(offsetof(ri, fault.pkey.key) == offsetof(siginfo_t, si_pkey));
static_assert(offsetof(ri, fault.perf.data) == offsetof(siginfo_t, si_perf_data));
static_assert(offsetof(ri, fault.perf.type) == offsetof(siginfo_t, si_perf_type));
static_assert(offsetof(ri, fault.perf.flags) == offsetof(siginfo_t, si_perf_flags));
static_assert(offsetof(ri, poll.band) == offsetof(siginfo_t, si_band));
static_assert(offsetof(ri, poll.fd) == offsetof(siginfo_t, si_fd));
static_assert(offsetof(ri, sys.call_addr) == offsetof(siginfo_t, si_call_addr));
static_assert(offsetof(ri, sys.syscall) == offsetof(siginfo_t, si_syscall));
static_assert(offsetof(ri, sys.arch) == offsetof(siginfo_t, si_arch));
static_assert(sizeof(rawsys::sigval) == sizeof(sigval_t));

// struct signalfd_siginfo, every field.
using rsf = rawsys::signalfd_siginfo;
using ksf = struct signalfd_siginfo;
static_assert(sizeof(rsf) == sizeof(ksf));
static_assert(offsetof(rsf, signo) == offsetof(ksf, ssi_signo));
static_assert(offsetof(rsf, errno_) == offsetof(ksf, ssi_errno));
static_assert(offsetof(rsf, code) == offsetof(ksf, ssi_code));
static_assert(offsetof(rsf, pid) == offsetof(ksf, ssi_pid));
static_assert(offsetof(rsf, uid) == offsetof(ksf, ssi_uid));
static_assert(offsetof(rsf, fd) == offsetof(ksf, ssi_fd));
static_assert(offsetof(rsf, tid) == offsetof(ksf, ssi_tid));
static_assert(offsetof(rsf, band) == offsetof(ksf, ssi_band));
static_assert(offsetof(rsf, overrun) == offsetof(ksf, ssi_overrun));
static_assert(offsetof(rsf, trapno) == offsetof(ksf, ssi_trapno));
static_assert(offsetof(rsf, status) == offsetof(ksf, ssi_status));
static_assert(offsetof(rsf, int_) == offsetof(ksf, ssi_int));
static_assert(offsetof(rsf, ptr) == offsetof(ksf, ssi_ptr));
static_assert(offsetof(rsf, utime) == offsetof(ksf, ssi_utime));
static_assert(offsetof(rsf, stime) == offsetof(ksf, ssi_stime));
static_assert(offsetof(rsf, addr) == offsetof(ksf, ssi_addr));
static_assert(offsetof(rsf, addr_lsb) == offsetof(ksf, ssi_addr_lsb));
static_assert(offsetof(rsf, syscall) == offsetof(ksf, ssi_syscall));
static_assert(offsetof(rsf, call_addr) == offsetof(ksf, ssi_call_addr));
static_assert(offsetof(rsf, arch) == offsetof(ksf, ssi_arch));

// The kernel's sigset for rt_sig*: _NSIG / 8 bytes. asm-generic spells it
// (arm64); x86's UAPI sigset_t is the old one-word set, its _NSIG is 64 too.
#if defined(__aarch64__)
static_assert(sizeof(rawsys::sigset) == sizeof(sigset_t) && _NSIG == 64);
#elif defined(__mips__)  // _NSIG 128
static_assert(sizeof(rawsys::sigset) == sizeof(sigset_t) && _NSIG == 128 && rawsys::nsig == 128);
#else
static_assert(sizeof(rawsys::sigset) == 64 / 8);
#endif

// 64-bit PowerPC's struct ucontext, swapcontext's (rawsys's: bytes, its
// size and offsets written by hand).
#if defined(__powerpc64__)
static_assert(sizeof(rawsys::ppc_ucontext) == sizeof(struct ucontext));
static_assert(rawsys::ppc_ucontext::sigmask_offset == offsetof(struct ucontext, uc_sigmask));
static_assert(rawsys::ppc_ucontext::mcontext_offset == offsetof(struct ucontext, uc_mcontext));
static_assert(alignof(rawsys::ppc_ucontext) >= alignof(struct ucontext));
#endif

}  // namespace

namespace rawsys_test {
// Sizes the kernel headers give, for the report in signal_test.cpp.
extern const unsigned long kernel_siginfo_size = sizeof(siginfo_t);
extern const unsigned long kernel_signalfd_siginfo_size = sizeof(struct signalfd_siginfo);
extern const unsigned long kernel_stack_t_size = sizeof(::stack_t);
}  // namespace rawsys_test
