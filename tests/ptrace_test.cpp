// ptrace(2) and friends: requests, options, register layouts and
// ptrace_syscall_info against glibc's and the kernel's headers; a tracer that
// records a child's syscalls; PEEK/POKE (with the word -1 that glibc's
// wrapper cannot tell from an error); SEIZE/INTERRUPT/ATTACH/DETACH;
// process_vm_readv/writev and kcmp; GETSIGINFO/SETSIGINFO; a seccomp
// filter's SECCOMP_RET_TRACE stop as PTRACE_GET_SYSCALL_INFO reports it;
// every error compared with glibc.
#include "skip.hpp"

#include <rawsys/seccomp.hpp>

// glibc's <sys/ptrace.h> must come before <linux/ptrace.h>.
#include <elf.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/kcmp.h>
#include <linux/seccomp.h>
#include <sys/ptrace.h>
#include <linux/ptrace.h>
#include <sys/prctl.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

using rawsys::errc;
using rawsys::nr;
using rawsys::ptrace_request;
using rawsys_test::error_of;
using rawsys_test::glibc;
using rawsys_test::glibc_void;
namespace po = rawsys::ptrace_o;

// Requests.
#define REQ(name, macro) static_assert(static_cast<long>(ptrace_request::name) == (macro))
REQ(traceme, PTRACE_TRACEME);
REQ(peektext, PTRACE_PEEKTEXT);
REQ(peekdata, PTRACE_PEEKDATA);
REQ(peekuser, PTRACE_PEEKUSER);
REQ(poketext, PTRACE_POKETEXT);
REQ(pokedata, PTRACE_POKEDATA);
REQ(pokeuser, PTRACE_POKEUSER);
REQ(cont, PTRACE_CONT);
REQ(kill, PTRACE_KILL);
REQ(singlestep, PTRACE_SINGLESTEP);
REQ(attach, PTRACE_ATTACH);
REQ(detach, PTRACE_DETACH);
REQ(syscall, PTRACE_SYSCALL);
REQ(setoptions, PTRACE_SETOPTIONS);
REQ(geteventmsg, PTRACE_GETEVENTMSG);
REQ(getsiginfo, PTRACE_GETSIGINFO);
REQ(setsiginfo, PTRACE_SETSIGINFO);
REQ(getregset, PTRACE_GETREGSET);
REQ(setregset, PTRACE_SETREGSET);
REQ(seize, PTRACE_SEIZE);
REQ(interrupt, PTRACE_INTERRUPT);
REQ(listen, PTRACE_LISTEN);
REQ(peeksiginfo, PTRACE_PEEKSIGINFO);
REQ(getsigmask, PTRACE_GETSIGMASK);
REQ(setsigmask, PTRACE_SETSIGMASK);
REQ(seccomp_get_filter, PTRACE_SECCOMP_GET_FILTER);
REQ(seccomp_get_metadata, PTRACE_SECCOMP_GET_METADATA);
REQ(get_syscall_info, PTRACE_GET_SYSCALL_INFO);
REQ(get_rseq_configuration, PTRACE_GET_RSEQ_CONFIGURATION);
#ifdef PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG
REQ(set_syscall_user_dispatch_config, PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG);
REQ(get_syscall_user_dispatch_config, PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG);
#endif
#if defined(__x86_64__) || defined(__i386__)
REQ(getregs, PTRACE_GETREGS);
REQ(setregs, PTRACE_SETREGS);
REQ(getfpregs, PTRACE_GETFPREGS);
REQ(setfpregs, PTRACE_SETFPREGS);
REQ(sysemu, PTRACE_SYSEMU);
REQ(sysemu_singlestep, PTRACE_SYSEMU_SINGLESTEP);
#elif defined(__arm__)
REQ(getregs, PTRACE_GETREGS);
REQ(setregs, PTRACE_SETREGS);
REQ(getfpregs, PTRACE_GETFPREGS);
REQ(setfpregs, PTRACE_SETFPREGS);
REQ(get_thread_area, PTRACE_GET_THREAD_AREA);
REQ(set_syscall, PTRACE_SET_SYSCALL);
REQ(getvfpregs, PTRACE_GETVFPREGS);
REQ(setvfpregs, PTRACE_SETVFPREGS);
#ifdef PTRACE_GETHBPREGS
REQ(gethbpregs, PTRACE_GETHBPREGS);
REQ(sethbpregs, PTRACE_SETHBPREGS);
#endif
#endif
#undef REQ

// Options and events.
static_assert(rawsys::bits(po::tracesysgood) == PTRACE_O_TRACESYSGOOD);
static_assert(rawsys::bits(po::tracefork) == PTRACE_O_TRACEFORK);
static_assert(rawsys::bits(po::tracevfork) == PTRACE_O_TRACEVFORK);
static_assert(rawsys::bits(po::traceclone) == PTRACE_O_TRACECLONE);
static_assert(rawsys::bits(po::traceexec) == PTRACE_O_TRACEEXEC);
static_assert(rawsys::bits(po::tracevforkdone) == PTRACE_O_TRACEVFORKDONE);
static_assert(rawsys::bits(po::traceexit) == PTRACE_O_TRACEEXIT);
static_assert(rawsys::bits(po::traceseccomp) == PTRACE_O_TRACESECCOMP);
static_assert(rawsys::bits(po::exitkill) == PTRACE_O_EXITKILL);
static_assert(rawsys::bits(po::suspend_seccomp) == PTRACE_O_SUSPEND_SECCOMP);
static_assert(static_cast<int>(rawsys::ptrace_event::fork) == PTRACE_EVENT_FORK);
static_assert(static_cast<int>(rawsys::ptrace_event::vfork) == PTRACE_EVENT_VFORK);
static_assert(static_cast<int>(rawsys::ptrace_event::clone) == PTRACE_EVENT_CLONE);
static_assert(static_cast<int>(rawsys::ptrace_event::exec) == PTRACE_EVENT_EXEC);
static_assert(static_cast<int>(rawsys::ptrace_event::vfork_done) == PTRACE_EVENT_VFORK_DONE);
static_assert(static_cast<int>(rawsys::ptrace_event::exit) == PTRACE_EVENT_EXIT);
static_assert(static_cast<int>(rawsys::ptrace_event::seccomp) == PTRACE_EVENT_SECCOMP);
static_assert(static_cast<int>(rawsys::ptrace_event::stop) == PTRACE_EVENT_STOP);

// Register sets.
static_assert(static_cast<unsigned long>(rawsys::nt::prstatus) == NT_PRSTATUS);
static_assert(static_cast<unsigned long>(rawsys::nt::prfpreg) == NT_PRFPREG);
static_assert(static_cast<unsigned long>(rawsys::nt::siginfo) == NT_SIGINFO);
#if defined(__x86_64__) || defined(__i386__)
static_assert(static_cast<unsigned long>(rawsys::nt::i386_tls) == NT_386_TLS);
static_assert(static_cast<unsigned long>(rawsys::nt::x86_xstate) == NT_X86_XSTATE);
#elif defined(__aarch64__)
static_assert(static_cast<unsigned long>(rawsys::nt::arm_tls) == NT_ARM_TLS);
static_assert(static_cast<unsigned long>(rawsys::nt::arm_hw_break) == NT_ARM_HW_BREAK);
static_assert(static_cast<unsigned long>(rawsys::nt::arm_hw_watch) == NT_ARM_HW_WATCH);
static_assert(static_cast<unsigned long>(rawsys::nt::arm_system_call) == NT_ARM_SYSTEM_CALL);
#elif defined(__arm__)
static_assert(static_cast<unsigned long>(rawsys::nt::arm_vfp) == NT_ARM_VFP);
static_assert(static_cast<unsigned long>(rawsys::nt::arm_tls) == NT_ARM_TLS);
static_assert(static_cast<unsigned long>(rawsys::nt::arm_system_call) == NT_ARM_SYSTEM_CALL);
#endif

// This ABI's general registers, field by field.
#define SAME(a, b) static_assert(offsetof(rawsys::user_regs, a) == offsetof(SYS_REGS, b))
#if defined(__x86_64__)
#define SYS_REGS struct user_regs_struct
static_assert(sizeof(rawsys::x86_64::user_regs) == sizeof(SYS_REGS));
SAME(r15, r15); SAME(r14, r14); SAME(r13, r13); SAME(r12, r12); SAME(rbp, rbp);
SAME(rbx, rbx); SAME(r11, r11); SAME(r10, r10); SAME(r9, r9); SAME(r8, r8); SAME(rax, rax);
SAME(rcx, rcx); SAME(rdx, rdx); SAME(rsi, rsi); SAME(rdi, rdi); SAME(orig_rax, orig_rax);
SAME(rip, rip); SAME(cs, cs); SAME(eflags, eflags); SAME(rsp, rsp); SAME(ss, ss);
SAME(fs_base, fs_base); SAME(gs_base, gs_base); SAME(ds, ds); SAME(es, es); SAME(fs, fs);
SAME(gs, gs);
#elif defined(__i386__)
#define SYS_REGS struct user_regs_struct
static_assert(sizeof(rawsys::ia32::user_regs) == sizeof(SYS_REGS));
static_assert(sizeof(SYS_REGS) == 17 * sizeof(long));
SAME(ebx, ebx); SAME(ecx, ecx); SAME(edx, edx); SAME(esi, esi); SAME(edi, edi); SAME(ebp, ebp);
SAME(eax, eax); SAME(xds, xds); SAME(xes, xes); SAME(xfs, xfs); SAME(xgs, xgs);
SAME(orig_eax, orig_eax); SAME(eip, eip); SAME(xcs, xcs); SAME(eflags, eflags); SAME(esp, esp);
SAME(xss, xss);
#elif defined(__aarch64__)
#define SYS_REGS struct user_pt_regs
static_assert(sizeof(rawsys::aarch64::user_regs) == sizeof(SYS_REGS));
SAME(regs, regs); SAME(sp_, sp); SAME(pc_, pc); SAME(pstate, pstate);
#elif defined(__arm__)
#define SYS_REGS struct ::user_regs
static_assert(sizeof(rawsys::arm::user_regs) == sizeof(SYS_REGS));
SAME(uregs, uregs);
#elif defined(__riscv) && __riscv_xlen == 64
#include <asm/ptrace.h>  // glibc's <sys/user.h> is empty on riscv
#define SYS_REGS struct user_regs_struct
static_assert(sizeof(rawsys::riscv64::user_regs) == sizeof(SYS_REGS));
SAME(pc_, pc); SAME(ra, ra); SAME(sp_, sp); SAME(gp, gp); SAME(tp, tp); SAME(t0, t0); SAME(s0, s0);
SAME(a0, a0); SAME(a5, a5); SAME(a7, a7); SAME(s11, s11); SAME(t6, t6);
#endif
#undef SAME
#undef SYS_REGS

// struct ptrace_syscall_info: the kernel writes its 64-bit layout; i386's
// header makes the struct 4 bytes shorter (no trailing padding word).
#define SAME(a) static_assert(offsetof(rawsys::ptrace_syscall_info, a) == offsetof(struct ptrace_syscall_info, a))
SAME(op); SAME(arch); SAME(instruction_pointer); SAME(stack_pointer); SAME(entry.nr);
SAME(entry.args); SAME(exit.rval); SAME(exit.is_error); SAME(seccomp.nr); SAME(seccomp.args);
SAME(seccomp.ret_data);
#undef SAME
static_assert(sizeof(rawsys::ptrace_syscall_info) >= sizeof(struct ptrace_syscall_info));
static_assert(sizeof(rawsys::ptrace_syscall_info) - sizeof(struct ptrace_syscall_info) <= 4);
static_assert(static_cast<int>(rawsys::ptrace_syscall_info_op::none) == PTRACE_SYSCALL_INFO_NONE);
static_assert(static_cast<int>(rawsys::ptrace_syscall_info_op::entry) == PTRACE_SYSCALL_INFO_ENTRY);
static_assert(static_cast<int>(rawsys::ptrace_syscall_info_op::exit) == PTRACE_SYSCALL_INFO_EXIT);
static_assert(static_cast<int>(rawsys::ptrace_syscall_info_op::seccomp) == PTRACE_SYSCALL_INFO_SECCOMP);

// kcmp; and buffer / const_buffer as struct iovec.
static_assert(static_cast<int>(rawsys::kcmp_type::file) == KCMP_FILE);
static_assert(static_cast<int>(rawsys::kcmp_type::vm) == KCMP_VM);
static_assert(static_cast<int>(rawsys::kcmp_type::files) == KCMP_FILES);
static_assert(static_cast<int>(rawsys::kcmp_type::fs) == KCMP_FS);
static_assert(static_cast<int>(rawsys::kcmp_type::sighand) == KCMP_SIGHAND);
static_assert(static_cast<int>(rawsys::kcmp_type::io) == KCMP_IO);
static_assert(static_cast<int>(rawsys::kcmp_type::sysvsem) == KCMP_SYSVSEM);
static_assert(static_cast<int>(rawsys::kcmp_type::epoll_tfd) == KCMP_EPOLL_TFD);
static_assert(sizeof(rawsys::kcmp_epoll_slot) == sizeof(struct kcmp_epoll_slot));
static_assert(offsetof(rawsys::kcmp_epoll_slot, toff) == offsetof(struct kcmp_epoll_slot, toff));
static_assert(sizeof(rawsys::buffer) == sizeof(struct iovec));
static_assert(offsetof(rawsys::buffer, data) == offsetof(struct iovec, iov_base));
static_assert(offsetof(rawsys::buffer, size) == offsetof(struct iovec, iov_len));
static_assert(sizeof(rawsys::const_buffer) == sizeof(struct iovec));
static_assert(offsetof(rawsys::const_buffer, size) == offsetof(struct iovec, iov_len));

namespace {

// glibc's ptrace(); its request type is an enum whose names <linux/ptrace.h>
// has redefined as plain numbers.
template <class A, class D>
long gptrace(long request, pid_t pid, A addr, D data) {
  return ::ptrace(static_cast<enum __ptrace_request>(request), pid, addr, data);
}

// ptrace(2) works here: a request for a pid this process does not trace is
// ESRCH on a real kernel. Compared with glibc's ptrace().
bool ptrace_available() {
  const auto mine = rawsys::ptrace_cont(::getpid());
  const auto theirs = glibc_void(gptrace(PTRACE_CONT, ::getpid(), nullptr, nullptr));
  REQUIRE(error_of(mine) == error_of(theirs));
  if (mine.error() != errc::enosys) return true;
  rawsys_test::skip(rawsys_test::why_unavailable("ptrace", mine.error()));
  return false;
}

long raw(nr n) { return rawsys::raw::syscall(static_cast<long>(n)); }

// A child that asks to be traced, stops itself and then runs `body` with raw
// calls only; its pid, stopped.
template <class F>
pid_t traced_child(F body) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (!rawsys::ptrace_traceme()) rawsys::raw::syscall(static_cast<long>(nr::exit_group), 100);
    rawsys::raw::syscall(static_cast<long>(nr::kill), raw(nr::getpid), SIGSTOP);
    rawsys::raw::syscall(static_cast<long>(nr::exit_group), body());
    __builtin_trap();
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFSTOPPED(status));
  REQUIRE(WSTOPSIG(status) == SIGSTOP);
  return pid;
}

// A child blocked in ppoll until killed.
pid_t sleeping_child() {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    for (;;) rawsys::raw::syscall(static_cast<long>(nr::ppoll), nullptr, 0, nullptr, nullptr, 8);
  }
  return pid;
}

void kill_and_reap(pid_t pid) {
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
}

volatile unsigned long poke_target = 0x12345678ul;

}  // namespace

TEST_CASE("ptrace: a tracer records the child's syscalls in order: getppid, write, exit_group") {
  if (!ptrace_available()) return;
  int p[2];
  REQUIRE(::pipe(p) == 0);
  const int wfd = p[1];
  const pid_t pid = traced_child([wfd] {
    rawsys::raw::syscall(static_cast<long>(nr::getppid));
    rawsys::raw::syscall(static_cast<long>(nr::write), wfd, "!", 1);
    return 5;
  });
  REQUIRE(rawsys::ptrace_setoptions(pid, po::tracesysgood | po::exitkill | po::traceexit));

  std::vector<long> entries;
  std::vector<long> exits;
  unsigned long exit_msg = 0;
  int status = 0;
  for (;;) {
    REQUIRE(rawsys::ptrace_syscall(pid));
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    if (WIFEXITED(status) || WIFSIGNALED(status)) break;
    REQUIRE(WIFSTOPPED(status));
    if (status >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
      auto msg = rawsys::ptrace_geteventmsg(pid);
      REQUIRE(msg.has_value());
      unsigned long theirs = 0;
      REQUIRE(gptrace(PTRACE_GETEVENTMSG, pid, nullptr, &theirs) == 0);
      CHECK(*msg == theirs);
      exit_msg = *msg;
      continue;
    }
    REQUIRE(WSTOPSIG(status) == (SIGTRAP | 0x80));  // a syscall stop, thanks to tracesysgood

    rawsys::ptrace_syscall_info info{};
    auto n = rawsys::ptrace_get_syscall_info(pid, info);
    REQUIRE(n.has_value());
    struct ptrace_syscall_info theirs {};
    CHECK(rawsys_test::widen(n) ==
          glibc(gptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof theirs, &theirs)));
    CHECK(memcmp(&info, &theirs, sizeof theirs) == 0);
    CHECK(info.arch == static_cast<uint32_t>(rawsys::native_audit_arch));

    rawsys::user_regs regs{};
    auto got = rawsys::ptrace_getregset(pid, regs);
    REQUIRE(got.has_value());
    CHECK(*got == sizeof regs);
    CHECK(regs.pc() == info.instruction_pointer);
    CHECK(regs.sp() == info.stack_pointer);

    if (info.op == rawsys::ptrace_syscall_info_op::entry) {
      entries.push_back(static_cast<long>(info.entry.nr));
      CHECK(regs.syscall_nr() == info.entry.nr);
      for (int i = 0; i < 3; ++i) CHECK(regs.syscall_arg(i) == static_cast<decltype(regs.syscall_arg(i))>(info.entry.args[i]));
    } else {
      REQUIRE(info.op == rawsys::ptrace_syscall_info_op::exit);
      CHECK(info.exit.is_error == 0);
      exits.push_back(static_cast<long>(info.exit.rval));
      CHECK(static_cast<long>(regs.syscall_ret()) == static_cast<long>(info.exit.rval));
    }
  }
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 5);
  CHECK(exit_msg == 5u << 8);  // the wait status, as the exit event reports it
  const std::vector<long> expected = {static_cast<long>(nr::getppid), static_cast<long>(nr::write),
                                      static_cast<long>(nr::exit_group)};
  CHECK(entries == expected);
  // getppid returned our pid, write one byte; exit_group has no exit stop.
  CHECK(exits == std::vector<long>{::getpid(), 1});
  char c = 0;
  CHECK(::read(p[0], &c, 1) == 1);
  CHECK(c == '!');
  ::close(p[0]);
  ::close(p[1]);
}

TEST_CASE("ptrace: PEEKDATA, POKEDATA, PEEKUSER, GETREGSET, SETREGSET, SINGLESTEP against glibc's ptrace()") {
  if (!ptrace_available()) return;
  const pid_t pid = traced_child([] { return poke_target == 0xbeeful ? 0 : 1; });
  const void* addr = const_cast<const unsigned long*>(&poke_target);
  void* waddr = const_cast<unsigned long*>(&poke_target);

  errno = 0;
  const long theirs = gptrace(PTRACE_PEEKDATA, pid, addr, nullptr);
  REQUIRE(errno == 0);
  CHECK(rawsys::ptrace_peekdata(pid, addr) == 0x12345678ul);
  CHECK(rawsys::ptrace_peekdata(pid, addr) == static_cast<unsigned long>(theirs));
  CHECK(rawsys::ptrace_peektext(pid, addr) == 0x12345678ul);

  // The word -1: glibc returns -1 and leaves errno alone, rawsys a value.
  CHECK(rawsys::ptrace_pokedata(pid, waddr, ~0ul) == rawsys::result<void>{});
  errno = 0;
  CHECK(gptrace(PTRACE_PEEKDATA, pid, addr, nullptr) == -1);
  CHECK(errno == 0);
  CHECK(rawsys::ptrace_peekdata(pid, addr) == ~0ul);

  // Unmapped addresses: EIO from both.
  CHECK(rawsys::ptrace_peekdata(pid, nullptr) == rawsys::unexpected(errc::eio));
  errno = 0;
  CHECK(gptrace(PTRACE_PEEKDATA, pid, nullptr, nullptr) == -1);
  CHECK(static_cast<errc>(errno) == errc::eio);
  CHECK(rawsys::ptrace_pokedata(pid, nullptr, 1) ==
        glibc_void(gptrace(PTRACE_POKEDATA, pid, nullptr, 1)));

  // PEEKUSER at offset 0: a register on x86, EIO on arm64.
  errno = 0;
  const long u = gptrace(PTRACE_PEEKUSER, pid, 0, nullptr);
  const auto mine_u = rawsys::ptrace_peekuser(pid, 0);
  if (errno == 0) {
    CHECK(mine_u == static_cast<unsigned long>(u));
  } else {
    CHECK(mine_u == rawsys::unexpected(static_cast<errc>(errno)));
  }

  // GETREGSET: the same bytes as glibc's; an unknown set: EINVAL from both.
  rawsys::user_regs mine{}, sys{};
  struct iovec iov = {&sys, sizeof sys};
  REQUIRE(gptrace(PTRACE_GETREGSET, pid, NT_PRSTATUS, &iov) == 0);
  CHECK(rawsys::ptrace_getregset(pid, mine) == iov.iov_len);
  CHECK(memcmp(&mine, &sys, sizeof mine) == 0);
  CHECK(rawsys::ptrace_setregset(pid, rawsys::nt::prstatus, rawsys::const_buffer(&mine, sizeof mine)) ==
        rawsys::result<void>{});
  struct iovec bad_set = {&sys, sizeof sys};
  CHECK(rawsys::ptrace_setregset(pid, static_cast<rawsys::nt>(0x9999), rawsys::const_buffer(&mine, sizeof mine)) ==
        glibc_void(gptrace(PTRACE_SETREGSET, pid, 0x9999, &bad_set)));
  // POKETEXT writes data pages too (it ignores the protection, like a debugger's breakpoint).
  CHECK(rawsys::ptrace_poketext(pid, waddr, 0x77ul) == rawsys::result<void>{});
  CHECK(rawsys::ptrace_peektext(pid, addr) == 0x77ul);
  char junk[64];
  struct iovec bad = {junk, sizeof junk};
  CHECK(error_of(rawsys::ptrace_getregset(pid, static_cast<rawsys::nt>(0x9999), rawsys::buffer(junk))) ==
        error_of(glibc(gptrace(PTRACE_GETREGSET, pid, 0x9999, &bad))));

  REQUIRE(rawsys::ptrace_pokedata(pid, waddr, 0xbeeful));
  // One instruction, then a SIGTRAP stop.
  REQUIRE(rawsys::ptrace_singlestep(pid) == rawsys::result<void>{});
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFSTOPPED(status));
  CHECK(WSTOPSIG(status) == SIGTRAP);
  REQUIRE(rawsys::ptrace_cont(pid));
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);  // the child saw what was poked
}

TEST_CASE("ptrace: SEIZE, INTERRUPT, LISTEN, DETACH, ATTACH, TRACEME and their errors as glibc's ptrace()") {
  if (!ptrace_available()) return;
  const pid_t pid = sleeping_child();
  int status = 0;

  REQUIRE(rawsys::ptrace_seize(pid, po::exitkill) == rawsys::result<void>{});
  // Seizing twice: EPERM from both.
  CHECK(rawsys::ptrace_seize(pid) == rawsys::unexpected(errc::eperm));
  CHECK(rawsys::ptrace_seize(pid) == glibc_void(gptrace(PTRACE_SEIZE, pid, nullptr, nullptr)));
  REQUIRE(rawsys::ptrace_interrupt(pid) == rawsys::result<void>{});
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFSTOPPED(status));
  CHECK((status >> 16) == PTRACE_EVENT_STOP);
  CHECK(rawsys::ptrace_detach(pid) == rawsys::result<void>{});
  // Not traced any more: ESRCH from both.
  CHECK(rawsys::ptrace_interrupt(pid) == rawsys::unexpected(errc::esrch));
  CHECK(rawsys::ptrace_interrupt(pid) == glibc_void(gptrace(PTRACE_INTERRUPT, pid, nullptr, nullptr)));
  CHECK(rawsys::ptrace_listen(pid) == glibc_void(gptrace(PTRACE_LISTEN, pid, nullptr, nullptr)));

  REQUIRE(rawsys::ptrace_attach(pid) == rawsys::result<void>{});
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFSTOPPED(status));
  CHECK(WSTOPSIG(status) == SIGSTOP);
  CHECK(rawsys::ptrace_setoptions(pid, po::flags{1ul << 30}) == rawsys::unexpected(errc::einval));
  CHECK(rawsys::ptrace_setoptions(pid, po::flags{1ul << 30}) ==
        glibc_void(gptrace(PTRACE_SETOPTIONS, pid, nullptr, 1ul << 30)));
  CHECK(rawsys::ptrace_detach(pid) == rawsys::result<void>{});

  // Requests on a process this one does not trace: ESRCH from both.
  CHECK(rawsys::ptrace_syscall(pid) == rawsys::unexpected(errc::esrch));
  CHECK(rawsys::ptrace_syscall(pid) == glibc_void(gptrace(PTRACE_SYSCALL, pid, nullptr, nullptr)));
  CHECK(rawsys::ptrace_detach(pid) == glibc_void(gptrace(PTRACE_DETACH, pid, nullptr, nullptr)));
  CHECK(rawsys::ptrace_singlestep(pid) == glibc_void(gptrace(PTRACE_SINGLESTEP, pid, nullptr, nullptr)));
  rawsys::ptrace_syscall_info info{};
  CHECK(rawsys_test::widen(rawsys::ptrace_get_syscall_info(pid, info)) ==
        glibc(gptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof info, &info)));
  CHECK(error_of(rawsys::ptrace_peektext(pid, &info)) == errc::esrch);
  CHECK(rawsys::ptrace_poketext(pid, &info, 0) == glibc_void(gptrace(PTRACE_POKETEXT, pid, &info, 0)));

  // Attaching to oneself, tracing oneself twice: EPERM.
  CHECK(rawsys::ptrace_attach(::getpid()) == rawsys::unexpected(errc::eperm));
  CHECK(rawsys::ptrace_attach(::getpid()) ==
        glibc_void(gptrace(PTRACE_ATTACH, ::getpid(), nullptr, nullptr)));
  CHECK(error_of(rawsys::ptrace_geteventmsg(pid)) ==
        error_of(glibc(gptrace(PTRACE_GETEVENTMSG, pid, nullptr, &status))));
  kill_and_reap(pid);

  const pid_t twice = traced_child([] { return rawsys::ptrace_traceme() == rawsys::unexpected(errc::eperm) ? 0 : 1; });
  REQUIRE(rawsys::ptrace_cont(twice));
  REQUIRE(::waitpid(twice, &status, 0) == twice);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("process_vm_readv and process_vm_writev against glibc's") {
  char src[] = "process_vm copies";
  char mine[sizeof src] = {}, theirs[sizeof src] = {};
  auto r = rawsys::process_vm_readv(::getpid(), rawsys::buffer(mine), src);
  struct iovec l = {theirs, sizeof theirs}, rm = {src, sizeof src};
  const auto g = glibc(::process_vm_readv(::getpid(), &l, 1, &rm, 1, 0));
  REQUIRE(error_of(r) == error_of(g));
  if (!r) {
    rawsys_test::skip(rawsys_test::why_unavailable("process_vm_readv", r.error()));
    return;
  }
  CHECK(rawsys_test::widen(r) == rawsys::result<long>(g));  // (a prvalue: doctest and result<T>::operator== loop on an lvalue under clang)
  CHECK(*r == sizeof src);
  CHECK(memcmp(mine, src, sizeof src) == 0);

  // Two local pieces from one remote one.
  char a[8] = {}, b[sizeof src - 8] = {};
  const rawsys::buffer pieces[] = {rawsys::buffer(a), rawsys::buffer(b)};
  const rawsys::const_buffer whole(src, sizeof src);
  CHECK(rawsys::process_vm_readv(::getpid(), pieces, 2, &whole, 1) == sizeof src);
  CHECK(memcmp(a, src, 8) == 0);
  CHECK(memcmp(b, src + 8, sizeof b) == 0);

  char dst[sizeof src] = {};
  CHECK(rawsys::process_vm_writev(::getpid(), rawsys::const_buffer(src, sizeof src), dst) == sizeof src);
  CHECK(memcmp(dst, src, sizeof src) == 0);

  // Errors: no such process; an unmapped remote address; flags.
  const int no_pid = 0x3ffffff0;
  CHECK(rawsys::process_vm_readv(no_pid, rawsys::buffer(mine), src) == rawsys::unexpected(errc::esrch));
  CHECK(rawsys_test::widen(rawsys::process_vm_readv(no_pid, rawsys::buffer(mine), src)) ==
        glibc(::process_vm_readv(no_pid, &l, 1, &rm, 1, 0)));
  struct iovec null_remote = {nullptr, 8};
  CHECK(rawsys_test::widen(rawsys::process_vm_readv(::getpid(), rawsys::buffer(mine), nullptr)) ==
        glibc(::process_vm_readv(::getpid(), &l, 1, &null_remote, 1, 0)));
  CHECK(rawsys::process_vm_writev(::getpid(), rawsys::const_buffer(src, 8), nullptr) ==
        rawsys::unexpected(errc::efault));
  CHECK(rawsys_test::widen(rawsys::process_vm_writev(::getpid(), nullptr, 0, nullptr, 0, 1)) ==
        glibc(::process_vm_writev(::getpid(), nullptr, 0, nullptr, 0, 1)));
}

TEST_CASE("kcmp compares descriptors and address spaces as glibc's syscall() does") {
  const int a = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  const int b = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  const int a2 = ::dup(a);
  REQUIRE((a >= 0 && b >= 0 && a2 >= 0));
  const int self = ::getpid();
  const auto same = rawsys::kcmp(self, self, rawsys::kcmp_type::file, a, a2);
  const auto theirs = glibc(::syscall(SYS_kcmp, self, self, KCMP_FILE, a, a2));
  REQUIRE(error_of(same) == error_of(theirs));
  if (!same) {
    rawsys_test::skip(rawsys_test::why_unavailable("kcmp", same.error()));
  } else {
    CHECK(same == rawsys::kcmp_order::equal);
    CHECK(rawsys_test::widen(same) == rawsys::result<long>(theirs));
    const auto other = rawsys::kcmp(self, self, rawsys::kcmp_type::file, a, b);
    REQUIRE(other.has_value());
    CHECK(*other != rawsys::kcmp_order::equal);
    CHECK(rawsys_test::widen(other) == glibc(::syscall(SYS_kcmp, self, self, KCMP_FILE, a, b)));
    CHECK(rawsys::kcmp(self, self, rawsys::kcmp_type::vm, 0, 0) == rawsys::kcmp_order::equal);
    // A descriptor that is not open: EBADF; an unknown type: EINVAL.
    CHECK(rawsys::kcmp(self, self, rawsys::kcmp_type::file, a, 999999) == rawsys::unexpected(errc::ebadf));
    CHECK(rawsys_test::widen(rawsys::kcmp(self, self, rawsys::kcmp_type::file, a, 999999)) ==
          glibc(::syscall(SYS_kcmp, self, self, KCMP_FILE, a, 999999)));
    CHECK(rawsys_test::widen(rawsys::kcmp(self, self, static_cast<rawsys::kcmp_type>(99), 0, 0)) ==
          glibc(::syscall(SYS_kcmp, self, self, 99, 0, 0)));
  }
  ::close(a);
  ::close(b);
  ::close(a2);
}

TEST_CASE("ptrace: GETSIGINFO and SETSIGINFO at a signal-delivery-stop, and their errors, as glibc's ptrace()") {
  if (!ptrace_available()) return;
  const pid_t pid = traced_child([] {
    rawsys::raw::syscall(static_cast<long>(nr::kill), raw(nr::getpid), SIGUSR1);
    return 0;
  });
  // The SIGSTOP of traced_child: its siginfo says who sent it.
  rawsys::siginfo mine{};
  REQUIRE(rawsys::ptrace_getsiginfo(pid, mine));
  siginfo_t theirs{};
  REQUIRE(gptrace(PTRACE_GETSIGINFO, pid, nullptr, &theirs) == 0);
  CHECK(memcmp(&mine, &theirs, sizeof theirs) == 0);
  CHECK(mine.signo == SIGSTOP);
  CHECK(mine.pid() == pid);

  // The SIGUSR1 it sends itself next: rewritten by SETSIGINFO (the signal
  // delivered is PTRACE_CONT's), then read back by both.
  REQUIRE(rawsys::ptrace_cont(pid));
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFSTOPPED(status));
  REQUIRE(WSTOPSIG(status) == SIGUSR1);
  REQUIRE(rawsys::ptrace_getsiginfo(pid, mine));
  CHECK(mine.signo == SIGUSR1);
  CHECK(mine.code == SI_USER);
  mine.code = SI_QUEUE;
  mine.rt.value.int_ = 42;
  REQUIRE(rawsys::ptrace_setsiginfo(pid, mine));
  REQUIRE(gptrace(PTRACE_GETSIGINFO, pid, nullptr, &theirs) == 0);
  CHECK(theirs.si_code == SI_QUEUE);
  CHECK(theirs.si_value.sival_int == 42);
  // Suppressed: the child exits normally.
  REQUIRE(rawsys::ptrace_cont(pid));
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));

  // Errors: a pid this process does not trace (ESRCH), as glibc's.
  const pid_t other = sleeping_child();
  CHECK(error_of(rawsys::ptrace_getsiginfo(other, mine)) ==
        error_of(glibc_void(gptrace(PTRACE_GETSIGINFO, other, nullptr, &theirs))));
  CHECK(rawsys::ptrace_getsiginfo(other, mine).error() == errc::esrch);
  CHECK(error_of(rawsys::ptrace_setsiginfo(other, mine)) ==
        error_of(glibc_void(gptrace(PTRACE_SETSIGINFO, other, nullptr, &theirs))));
  kill_and_reap(other);
}

TEST_CASE("ptrace: a seccomp filter's SECCOMP_RET_TRACE stop (PTRACE_O_TRACESECCOMP) as glibc's ptrace() sees it") {
  if (!ptrace_available()) return;
  // getppid stops for the tracer with 0x1234 as the event's data; every
  // other call runs freely (PTRACE_CONT).
  const pid_t pid = traced_child([] {
    rawsys::sock_filter prog[16];
    rawsys::seccomp_filter<> f(prog);
    f.on(nr::getppid, rawsys::seccomp_ret::with_data(rawsys::seccomp_ret::trace, 0x1234));
    auto p = f.finish(rawsys::seccomp_ret::allow);
    if (!p || !rawsys::seccomp_set_mode_filter(*p)) return 20;
    rawsys::raw::syscall(static_cast<long>(nr::getpid));
    return rawsys::raw::syscall(static_cast<long>(nr::getppid)) > 0 ? 5 : 21;
  });
  REQUIRE(rawsys::ptrace_setoptions(pid, po::tracesysgood | po::exitkill | po::traceseccomp));
  int status = 0;
  int seccomp_stops = 0, exit_stops = 0;
  for (;;) {
    REQUIRE(rawsys::ptrace_cont(pid));
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    if (!WIFSTOPPED(status)) break;
    REQUIRE((status >> 8) == (SIGTRAP | (PTRACE_EVENT_SECCOMP << 8)));
    ++seccomp_stops;
    auto msg = rawsys::ptrace_geteventmsg(pid);
    REQUIRE(msg.has_value());
    CHECK(*msg == 0x1234u);

    rawsys::ptrace_syscall_info info{};
    auto n = rawsys::ptrace_get_syscall_info(pid, info);
    REQUIRE(n.has_value());
    struct ptrace_syscall_info theirs {};
    CHECK(rawsys_test::widen(n) == glibc(gptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof theirs, &theirs)));
    CHECK(memcmp(&info, &theirs, sizeof theirs) == 0);
    CHECK(info.op == rawsys::ptrace_syscall_info_op::seccomp);
    CHECK(info.arch == static_cast<uint32_t>(rawsys::native_audit_arch));
    CHECK(info.seccomp.nr == static_cast<uint64_t>(nr::getppid));
    CHECK(info.seccomp.ret_data == 0x1234u);

    // From here PTRACE_SYSCALL stops at the call's exit, with its result.
    REQUIRE(rawsys::ptrace_syscall(pid));
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFSTOPPED(status));
    REQUIRE(WSTOPSIG(status) == (SIGTRAP | 0x80));
    REQUIRE(rawsys::ptrace_get_syscall_info(pid, info));
    CHECK(info.op == rawsys::ptrace_syscall_info_op::exit);
    CHECK(info.exit.is_error == 0);
    CHECK(info.exit.rval == ::getpid());
    ++exit_stops;
  }
  REQUIRE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 20) {
    rawsys_test::skip(rawsys_test::why_no_seccomp_filter());
    return;
  }
  CHECK(WEXITSTATUS(status) == 5);
  CHECK(seccomp_stops == 1);
  CHECK(exit_stops == 1);

  // GET_SYSCALL_INFO's error for a pid this process does not trace, as glibc's.
  const pid_t other = sleeping_child();
  rawsys::ptrace_syscall_info info{};
  struct ptrace_syscall_info theirs {};
  CHECK(error_of(rawsys::ptrace_get_syscall_info(other, info)) ==
        error_of(glibc(gptrace(PTRACE_GET_SYSCALL_INFO, other, sizeof theirs, &theirs))));
  CHECK(rawsys::ptrace_get_syscall_info(other, info).error() == errc::esrch);
  kill_and_reap(other);
}
