// timeout(1) as in coreutils: runs COMMAND and, when DURATION (seconds, or
// with a suffix s m h d; 0: no limit) has passed, sends it -s's signal
// (TERM), then KILL after -k's duration if it is still running. Exit status
// 124 when the time ran out (the command's own, 128 + its signal, with
// --preserve-status), 125 when timeout itself fails, 126 when COMMAND cannot
// run, 127 when it is not found, otherwise COMMAND's; a command ended by a
// signal ends timeout by the same signal, as does a KILL timeout sends.
//
// No signal handler and no race: the child is watched through a pidfd
// (pidfd_open(2)), the time through a timerfd, and TERM, INT, HUP, QUIT
// and ALRM sent to timeout through a signalfd, all in one ppoll(2); those
// signals are passed on to COMMAND. -v says when a signal is sent;
// --foreground is accepted (this timeout always signals the command alone,
// by its pidfd, not its process group).
#include <rawsys/event.hpp>
#include <rawsys/process.hpp>
#include <rawsys/runtime.hpp>
#include <rawsys/signal.hpp>
#include <rawsys/start.hpp>
#include <rawsys/time.hpp>

#include "args.hpp"
#include "exec.hpp"
#include "signals.hpp"

namespace {

using rawsys::errc;
using rawsys::sig;

constexpr int canceled = 125;

// DURATION as coreutils reads it: a non-negative decimal, a suffix.
bool parse_duration(const char* s, rawsys::timespec& t) {
  int64_t sec = 0, nsec = 0, scale = 100000000;
  bool any = false, big = false;
  for (; *s >= '0' && *s <= '9'; ++s, any = true)
    if (sec < 100000000000) sec = sec * 10 + (*s - '0');
    else big = true;
  if (*s == '.')
    for (++s; *s >= '0' && *s <= '9'; ++s, any = true, scale /= 10) nsec += (*s - '0') * scale;
  if (!any) return false;
  int64_t unit = 1;
  if (*s) {
    if (s[1]) return false;
    switch (*s) {
      case 's': break;
      case 'm': unit = 60; break;
      case 'h': unit = 3600; break;
      case 'd': unit = 86400; break;
      default: return false;
    }
  }
  if (big || sec > INT64_MAX / 2 / unit) {
    t = {INT64_MAX / 4, 0};
    return true;
  }
  const int64_t ns = nsec * unit;
  t = {sec * unit + ns / 1000000000, ns % 1000000000};
  return true;
}

bool verbose = false;

void send(const rawsys::fd& pidfd, sig s, const char* command) {
  if (verbose) {
    char n[16];
    auto& e = tool::begin_error() << "sending signal ";
    if (tool::signal_to_name(static_cast<int>(s), n)) e << n;
    else e << static_cast<int>(s);
    tool::quote(e << " to command ", command);
    tool::end_error();
  }
  (void)rawsys::pidfd_send_signal(pidfd, s);
}

// Ends timeout as SIGNAL ended the command, as coreutils does.
[[noreturn]] void die_by(sig s) {
  rawsys::sigaction act{};
  act.handler = rawsys::sigaction::sig_dfl();
  (void)rawsys::rt_sigaction(s, act);
  rawsys::sigset none{};
  (void)rawsys::rt_sigprocmask(rawsys::how::setmask, &none, nullptr);
  (void)rawsys::kill(rawsys::getpid(), s);
  rawsys::exit_program(128 + static_cast<int>(s));
}

}  // namespace

int main(int argc, char** argv, char** envp) {
  tool::program = argv[0];
  sig term_signal = sig::term;
  rawsys::timespec kill_after{0, 0};
  bool preserve = false;
  static const char* const longs[] = {"kill-after", "signal", "verbose", "preserve-status", "foreground", "help", "version"};
  int early = canceled;
  const int n = tool::parse(argc, argv, "+k:s:v\x03\x04\x01\x02", longs, "ksv\x03\x04\x01\x02", 7, [&](char key, const char* arg) {
    switch (key) {
      case 'k':
        if (!parse_duration(arg, kill_after)) {
          tool::quote(tool::begin_error() << "invalid time interval ", arg);
          tool::end_error();
          tool::try_help();
          return false;
        }
        return true;
      case 's':
        if (const int signum = tool::parse_signal(arg); signum >= 0) {
          term_signal = static_cast<sig>(signum);
        } else {
          tool::quote(tool::begin_error(), arg);
          rawsys::err << ": invalid signal";
          tool::end_error();
          tool::try_help();
          return false;
        }
        return true;
      case 'v': verbose = true; return true;
      case '\x03': preserve = true; return true;
      case '\x04': return true;
      case tool::help: early = tool::usage("[OPTION] DURATION COMMAND [ARG]...", "Start COMMAND, and kill it if still running after DURATION."); return false;
      default: early = tool::version_text("timeout"); return false;
    }
  });
  if (n < 0) return early;
  if (n < 2) {
    tool::try_help();
    return canceled;
  }
  rawsys::timespec duration{};
  if (!parse_duration(argv[1], duration)) {
    tool::quote(tool::begin_error() << "invalid time interval ", argv[1]);
    tool::end_error();
    tool::try_help();
    return canceled;
  }
  char** command = argv + 2;  // argv[1] stays, for execvp's argv[-1]

  // The signals timeout passes on, blocked before the child exists and
  // read from a signalfd; the child gets the old mask back.
  rawsys::sigset relay{};
  relay.add(sig::term).add(sig::int_).add(sig::hup).add(sig::quit).add(sig::alrm);
  rawsys::sigset old{};
  (void)rawsys::rt_sigprocmask(rawsys::how::block, &relay, &old);
  auto signals = rawsys::signalfd4(relay, rawsys::sfd::cloexec | rawsys::sfd::nonblock);

  const char* path = rawsys::getenv("PATH");
  auto child = rawsys::fork();
  if (!child) {
    tool::error("fork system call failed", child.error());
    return canceled;
  }
  if (*child == 0) {
    (void)rawsys::rt_sigprocmask(rawsys::how::setmask, &old, nullptr);
    const errc e = tool::execvp(command, envp, path ? path : "/bin:/usr/bin");
    tool::quote(tool::begin_error() << "failed to run command ", command[0]);
    rawsys::err << ": " << message(e);
    tool::end_error();
    rawsys::exit_program(e == errc::enoent ? 127 : 126);
  }
  auto pidfd = rawsys::pidfd_open(*child);
  auto timer = rawsys::timerfd_create(rawsys::clock::monotonic, rawsys::tfd::cloexec | rawsys::tfd::nonblock);
  if (!pidfd || !timer || !signals) {
    tool::error("cannot watch the command", !pidfd ? pidfd.error() : !timer ? timer.error() : signals.error());
    (void)rawsys::kill(*child, sig::kill);
    return canceled;
  }
  if (duration.sec != 0 || duration.nsec != 0) (void)rawsys::timerfd_settime(*timer, rawsys::tfd::none, {{0, 0}, duration});

  bool timed_out = false, killed = false;
  for (;;) {
    rawsys::pollfd fds[3] = {{pidfd->get(), rawsys::poll::in, rawsys::poll::none},
                             {timer->get(), rawsys::poll::in, rawsys::poll::none},
                             {signals->get(), rawsys::poll::in, rawsys::poll::none}};
    if (auto r = rawsys::ppoll(fds, 3, nullptr); !r && r.error() != errc::eintr) break;
    if (fds[0].revents != rawsys::poll::none) break;
    if (fds[1].revents != rawsys::poll::none) {
      uint64_t expirations;
      (void)rawsys::read(*timer, &expirations, sizeof expirations);
      if (!timed_out) {
        timed_out = true;
        send(*pidfd, term_signal, command[0]);
        killed = term_signal == sig::kill;
        if (kill_after.sec != 0 || kill_after.nsec != 0)
          (void)rawsys::timerfd_settime(*timer, rawsys::tfd::none, {{0, 0}, kill_after});
      } else {
        send(*pidfd, sig::kill, command[0]);
        killed = true;
      }
    }
    if (fds[2].revents != rawsys::poll::none) {
      rawsys::signalfd_siginfo info;
      while (rawsys::read(*signals, &info, sizeof info).value_or(0) == sizeof info) {
        const sig s = static_cast<sig>(info.signo);
        if (s == sig::alrm) {
          if (!timed_out) {
            timed_out = true;
            send(*pidfd, term_signal, command[0]);
          }
        } else {
          send(*pidfd, s, command[0]);
        }
      }
    }
  }
  int status = 0;
  (void)tool::wait_any(*child, &status);
  // A KILL that timeout sent is one that, in coreutils, reached timeout too.
  if (killed) die_by(sig::kill);
  if (timed_out && !preserve) return 124;
  if (rawsys::wifexited(status)) return rawsys::wexitstatus(status);
  if (!timed_out) die_by(static_cast<sig>(rawsys::wtermsig(status)));
  return 128 + static_cast<int>(rawsys::wtermsig(status));
}
