// <rawsys/ptrace.hpp> without libc: each wrapper once, on two children of
// this process, against what ptrace(2), process_vm_readv(2) and kcmp(2)
// document. qemu-user emulates none of these calls.
#include <rawsys/process.hpp>
#include <rawsys/ptrace.hpp>
#include <rawsys/signal.hpp>
#include <rawsys/time.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;
using r::sig;

namespace {
volatile unsigned long marker = 0x5eed;

int wait_for(int pid) {
  int status = -1;
  return r::wait4(pid, &status, r::w::untraced, nullptr) == pid ? status : -1;
}
bool stopped_by(int status, int signo) { return (status & 0xff) == 0x7f && ((status >> 8) & 0xff) == signo; }
template <class R>
bool ok_or_eio(const R& v) {  // a request this ISA does not have
  return v.has_value() || v.error() == r::errc::eio;
}
// The children die with this process (PR_SET_PDEATHSIG), so that a failed
// or timed-out run leaves none behind holding ctest's output pipe.
void die_with(int parent) {
  (void)r::prctl(r::pr::set_pdeathsig, static_cast<unsigned long>(r::bits(sig::kill)));
  if (r::getppid() != parent) r::exit_group(3);
}
// Until killed: blocked in a system call, or (to be single-stepped) in user
// space only, since a step over a blocking call ends when the call does.
[[noreturn]] void idle(int parent) {
  die_with(parent);
  for (;;) (void)r::syscall(r::nr::ppoll, nullptr, 0, nullptr, nullptr, 8);
}
[[noreturn]] void spin(int parent) {
  die_with(parent);
  for (;;) __asm__ volatile("" ::: "memory");
}
}  // namespace

int main() {
  const auto* here = const_cast<const unsigned long*>(&marker);
  // A wait that never returns ends the program (SIGALRM) instead of the run.
  (void)r::setitimer(r::itimer::real, r::itimerval{{0, 0}, {30, 0}});
  auto bad = r::ptrace_peekdata(r::getpid(), here);
  if (topic::not_emulated(bad, "ptrace")) return topic::finish("ptrace.hpp");

  // A child that asks to be traced and stops itself.
  const int self = r::getpid();
  auto a = r::fork();
  if (a && *a == 0) {
    die_with(self);
    if (!r::ptrace_traceme()) r::exit_group(2);
    (void)r::kill(r::getpid(), sig::stop);
    (void)r::syscall(r::nr::getppid);
    r::exit_group(marker == 0xbeef ? 0 : 1);
  }
  check(a && stopped_by(wait_for(*a), static_cast<int>(sig::stop)), "ptrace_traceme: the child stops");
  check(r::ptrace_peekdata(*a, here) == 0x5eedul && r::ptrace_peektext(*a, here) == 0x5eedul,
        "ptrace_peekdata, ptrace_peektext");
  check(r::ptrace_pokedata(*a, const_cast<unsigned long*>(here), 0xbeef).has_value() &&
            r::ptrace_poketext(*a, const_cast<unsigned long*>(here), 0xbeef).has_value(),
        "ptrace_pokedata, ptrace_poketext");
  check(ok_or_eio(r::ptrace_peekuser(*a, 0)), "ptrace_peekuser");
  r::user_regs regs{};
  auto n = r::ptrace_getregset(*a, regs);
  check(n && *n == sizeof regs && regs.pc() != 0 && regs.sp() != 0, "ptrace_getregset");
  check(r::ptrace_setregset(*a, r::nt::prstatus, r::const_buffer(&regs, sizeof regs)).has_value(),
        "ptrace_setregset");
  check(r::ptrace_setoptions(*a, r::ptrace_o::tracesysgood).has_value(), "ptrace_setoptions");
  // To the next system call's entry: getppid.
  check(r::ptrace_syscall(*a).has_value() && stopped_by(wait_for(*a), 0x80 | static_cast<int>(sig::trap)),
        "ptrace_syscall: a syscall stop");
  r::ptrace_syscall_info info{};
  check(r::ptrace_get_syscall_info(*a, info).has_value() && info.op == r::ptrace_syscall_info_op::entry &&
            info.entry.nr == static_cast<uint64_t>(r::nr::getppid),
        "ptrace_get_syscall_info: getppid's entry");
  check(r::ptrace_geteventmsg(*a).has_value(), "ptrace_geteventmsg");
  check(r::ptrace_cont(*a).has_value(), "ptrace_cont");
  const int as = wait_for(*a);
  check(r::wifexited(as) && r::wexitstatus(as) == 0, "the child saw the poked word");
  check(r::ptrace(static_cast<r::ptrace_request>(0x7777), *a, nullptr, nullptr).has_value() == false,
        "ptrace: an unknown request on a gone child fails");

  // A second child: seized and interrupted (PTRACE_EVENT_STOP), detached;
  // seized again, stopped by SIGSTOP (a group-stop, reported as the same
  // event once delivered) and listened to.
  auto b = r::fork();
  if (b && *b == 0) idle(self);
  check(b && r::ptrace_seize(*b).has_value(), "ptrace_seize");
  check(r::ptrace_interrupt(*b).has_value() && (wait_for(*b) >> 16) == 0x80 /* PTRACE_EVENT_STOP */,
        "ptrace_interrupt");
  check(r::ptrace_detach(*b).has_value(), "ptrace_detach");
  check(r::ptrace_seize(*b).has_value() && r::kill(*b, sig::stop).has_value() &&
            stopped_by(wait_for(*b), static_cast<int>(sig::stop)),
        "ptrace_seize: SIGSTOP's signal-delivery-stop");
  check(r::ptrace_cont(*b, sig::stop).has_value() && (wait_for(*b) >> 16) == 0x80,
        "ptrace_cont with SIGSTOP: the group-stop, as PTRACE_EVENT_STOP");
  check(r::ptrace_listen(*b).has_value(), "ptrace_listen");
  (void)r::kill(*b, sig::kill);
  (void)wait_for(*b);

  // A third: attached, single-stepped, read and written through
  // process_vm_*, compared with kcmp. It spins: had it been in ppoll when
  // attached (on a loaded machine it may run before the attach), the step
  // would restart the blocking call and never end.
  b = r::fork();
  if (b && *b == 0) spin(self);
  check(b && r::ptrace_attach(*b).has_value() && stopped_by(wait_for(*b), static_cast<int>(sig::stop)),
        "ptrace_attach");
  auto step = r::ptrace_singlestep(*b);
  check(ok_or_eio(step), "ptrace_singlestep");
  if (step) check(stopped_by(wait_for(*b), static_cast<int>(sig::trap)), "ptrace_singlestep: SIGTRAP");
  unsigned long got = 0;
  auto rd = r::process_vm_readv(*b, r::buffer(&got, sizeof got), here);
  if (!topic::not_emulated(rd, "process_vm_readv")) check(rd == sizeof got && got == 0x5eed, "process_vm_readv");
  const unsigned long put = 7;
  auto wr = r::process_vm_writev(*b, r::const_buffer(&put, sizeof put), const_cast<unsigned long*>(here));
  if (!topic::not_emulated(wr, "process_vm_writev"))
    check(wr == sizeof put && r::ptrace_peekdata(*b, here) == 7ul, "process_vm_writev");
  auto same = r::kcmp(r::getpid(), *b, r::kcmp_type::vm, 0, 0);
  if (!topic::not_emulated(same, "kcmp")) check(same && *same != r::kcmp_order::equal, "kcmp: two address spaces");
  (void)r::kill(*b, sig::kill);
  (void)wait_for(*b);
  return topic::finish("ptrace.hpp");
}
