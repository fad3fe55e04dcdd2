// <rawsys/signal.hpp> without libc: each wrapper once, against what
// rt_sigaction(2), rt_sigprocmask(2), signalfd(2) and their neighbours
// document. Handlers return through the ISA's path (the library's restorer,
// or the vDSO's where the kernel supplies it).
#include <rawsys/file.hpp>
#include <rawsys/process.hpp>
#include <rawsys/signal.hpp>
#include <rawsys/vdso.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;
using r::sig;

namespace {
volatile int hits = 0;
volatile int last_code = -1;
void on_usr(sig, r::siginfo* info, void*) {
  hits = hits + 1;
  last_code = info->code;
}
}  // namespace

int main() {
  const int pid = r::getpid();
  // A handler with siginfo, installed, read back, and run by kill and tgkill.
  r::sigaction act;
  act.action = on_usr;
  act.flags = r::sa::siginfo | r::sa::restart;
  check(r::rt_sigaction(sig::usr1, act).has_value(), "rt_sigaction");
  r::sigaction now;
  check(r::rt_sigaction(sig::usr1, nullptr, &now).has_value() && now.action == on_usr &&
            r::has(now.flags, r::sa::siginfo),
        "rt_sigaction: read back");
  check(r::kill(pid, sig::usr1).has_value() && hits == 1 && last_code == r::si::user, "kill: SI_USER");
  check(r::tgkill(pid, r::gettid(), sig::usr1).has_value() && hits == 2 && last_code == r::si::tkill,
        "tgkill: SI_TKILL");
  check(r::kill(pid, static_cast<sig>(65)) == r::unexpected(r::errc::einval), "kill: EINVAL");

  // Where the kernel takes no restorer, the struct is passed as given and
  // the handlers above returned through the vDSO's sequence.
  if constexpr (!r::abi::sa_restorer) check(now.flags == (r::sa::siginfo | r::sa::restart), "no restorer added");
#if defined(__loongarch__)
  // li.w $a7, 139 (rt_sigreturn); syscall 0
  const auto* ret = static_cast<const unsigned char*>(r::vdso::find("__vdso_rt_sigreturn", "LINUX_5.10"));
  const unsigned char want[] = {0x0b, 0x2c, 0x82, 0x03, 0x00, 0x00, 0x2b, 0x00};
  check(ret != nullptr && __builtin_memcmp(ret, want, sizeof want) == 0 &&
            static_cast<long>(r::nr::rt_sigreturn) == 139,
        "the vDSO's __vdso_rt_sigreturn");
#endif

  // Blocked, it stays pending; rt_sigtimedwait takes it without the handler.
  r::sigset usr1;
  usr1.add(sig::usr1);
  r::sigset old;
  check(r::rt_sigprocmask(r::how::block, &usr1, &old).has_value() && !old.has(sig::usr1), "rt_sigprocmask block");
  (void)r::kill(pid, sig::usr1);
  auto pending = r::rt_sigpending();
  check(pending && pending->has(sig::usr1) && hits == 2, "rt_sigpending");
  r::siginfo info{};
  const r::timespec zero{0, 0};
  check(r::rt_sigtimedwait(&usr1, &info, &zero) == sig::usr1 && info.signo == static_cast<int>(sig::usr1),
        "rt_sigtimedwait");
  check(r::rt_sigtimedwait(&usr1, &info, &zero) == r::unexpected(r::errc::eagain), "rt_sigtimedwait: EAGAIN");

  // signalfd reads a blocked signal as a signalfd_siginfo.
  auto sfd = r::signalfd4(usr1, r::sfd::cloexec | r::sfd::nonblock);
  check(sfd.has_value(), "signalfd4");
  if (sfd) {
    (void)r::kill(pid, sig::usr1);
    r::signalfd_siginfo ssi{};
    check(r::read(*sfd, &ssi, sizeof ssi) == sizeof ssi && ssi.signo == static_cast<uint32_t>(sig::usr1) &&
              ssi.pid == static_cast<uint32_t>(pid),
          "signalfd: the signal");
  }

  // rt_sigsuspend: with SIGUSR1 unblocked for the wait, a pending one runs
  // the handler and the call returns EINTR.
  (void)r::kill(pid, sig::usr1);
  r::sigset open_mask = old;
  check(r::rt_sigsuspend(&open_mask) == r::unexpected(r::errc::eintr) && hits == 3, "rt_sigsuspend");
  check(r::rt_sigprocmask(r::how::setmask, &old, nullptr).has_value(), "rt_sigprocmask setmask");

  // restart_syscall with no interrupted call to resume: EINTR.
  const auto restart = r::restart_syscall();
  if (!topic::not_emulated(restart, "restart_syscall"))
    check(restart == r::unexpected(r::errc::eintr), "restart_syscall: EINTR with nothing to restart");

  // An alternate stack, read back.
  alignas(16) static char alt[r::sigstksz];
  r::stack_t ss{};
  ss.sp = alt;
  ss.size = sizeof alt;
  r::stack_t back{};
  check(r::sigaltstack(&ss, nullptr).has_value() && r::sigaltstack(nullptr, &back).has_value() && back.sp == alt &&
            back.size == sizeof alt,
        "sigaltstack");
  r::stack_t tiny{};
  tiny.sp = alt;
  tiny.size = 16;
  check(r::sigaltstack(&tiny, nullptr) == r::unexpected(r::errc::enomem), "sigaltstack: ENOMEM below MINSIGSTKSZ");
  return topic::finish("signal.hpp");
}
