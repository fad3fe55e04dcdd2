// Signal names as coreutils (gnulib's sig2str and str2sig, operand2sig)
// writes and reads them: "HUP" ... "SYS" with the ISA's own numbers,
// "RTMIN", "RTMIN+N", "RTMAX-N", "RTMAX" for the real-time ones, "EXIT"
// for 0; read with or without "SIG", in either case, or as a number (a
// wait status' signal when it is one, as 143 is 15's).
#pragma once

#include <rawsys/signal.hpp>

#include "tool.hpp"

namespace tool {

struct signal_name {
  const char* name;
  int number;
};

// In sig2str's order: a number's first name is the one it is written as
// (ABRT, not IOT; POLL, not IO).
inline constexpr signal_name signal_names[] = {
    {"EXIT", 0},
    {"HUP", int(rawsys::sig::hup)},     {"INT", int(rawsys::sig::int_)},    {"QUIT", int(rawsys::sig::quit)},
    {"ILL", int(rawsys::sig::ill)},     {"TRAP", int(rawsys::sig::trap)},   {"ABRT", int(rawsys::sig::abrt)},
    {"IOT", int(rawsys::sig::abrt)},    {"EMT", int(rawsys::sig::emt)},     {"BUS", int(rawsys::sig::bus)},     {"FPE", int(rawsys::sig::fpe)},
    {"KILL", int(rawsys::sig::kill)},   {"USR1", int(rawsys::sig::usr1)},   {"SEGV", int(rawsys::sig::segv)},
    {"USR2", int(rawsys::sig::usr2)},   {"PIPE", int(rawsys::sig::pipe)},   {"ALRM", int(rawsys::sig::alrm)},
    {"TERM", int(rawsys::sig::term)},   {"STKFLT", int(rawsys::sig::stkflt)}, {"CHLD", int(rawsys::sig::chld)},
    {"CLD", int(rawsys::sig::chld)},    {"CONT", int(rawsys::sig::cont)},   {"STOP", int(rawsys::sig::stop)},
    {"TSTP", int(rawsys::sig::tstp)},   {"TTIN", int(rawsys::sig::ttin)},   {"TTOU", int(rawsys::sig::ttou)},
    {"URG", int(rawsys::sig::urg)},     {"XCPU", int(rawsys::sig::xcpu)},   {"XFSZ", int(rawsys::sig::xfsz)},
    {"VTALRM", int(rawsys::sig::vtalrm)}, {"PROF", int(rawsys::sig::prof)}, {"WINCH", int(rawsys::sig::winch)},
    {"POLL", int(rawsys::sig::io)},     {"IO", int(rawsys::sig::io)},       {"PWR", int(rawsys::sig::pwr)},
    {"SYS", int(rawsys::sig::sys)},
};

// glibc's SIGRTMIN and SIGRTMAX, which coreutils names: glibc keeps the
// kernel's first two real-time signals (32, 33) for its threads, and its
// SIGRTMAX is _NSIG but at most 127 (a wait status holds 7 bits of signal).
// No UAPI header defines either.
inline constexpr int rt_min = 34;
inline constexpr int rt_max = rawsys::nsig < 127 ? rawsys::nsig : 127;

// SIGNUM's name into NAME (16 bytes); false when it has none.
inline bool signal_to_name(int signum, char* name) noexcept {
  auto copy = [&](const char* s) {
    int i = 0;
    for (; s[i]; ++i) name[i] = s[i];
    name[i] = '\0';
  };
  for (const auto& n : signal_names)
    if (n.number == signum) {  // EXIT first: an absent STKFLT or EMT is 0 too
      copy(n.name);
      return true;
    }
  if (signum < rt_min || signum > rt_max) return false;
  int delta;
  if (signum - rt_min <= (rt_max - rt_min) / 2) {
    copy("RTMIN+");
    delta = signum - rt_min;
  } else {
    copy("RTMAX-");
    delta = rt_max - signum;
  }
  if (delta == 0) {
    name[5] = '\0';
  } else {
    int i = 6;
    if (delta >= 10) name[i++] = static_cast<char>('0' + delta / 10);
    name[i++] = static_cast<char>('0' + delta % 10);
    name[i] = '\0';
  }
  return true;
}

// A signal's name (NAME, SIGNAME, any case) to its number; -1 when it is
// none.
inline int name_to_signal(const char* a) noexcept {
  char up[32];
  size_t n = 0;
  for (; a[n] && n + 1 < sizeof up; ++n) up[n] = a[n] >= 'a' && a[n] <= 'z' ? static_cast<char>(a[n] - 32) : a[n];
  if (a[n]) return -1;
  up[n] = '\0';
  const char* s = up;
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& e : signal_names)
      if (eq(s, e.name) && (e.number != 0 || e.name[0] == 'E')) return e.number;
    for (int which = 0; which < 2; ++which) {
      if (!starts_with(s, which ? "RTMAX" : "RTMIN")) continue;
      const char* p = s + 5;
      bool negative = false;
      if (*p == '+' || *p == '-') negative = *p++ == '-';
      else if (*p) continue;
      int v = 0;
      if (p != s + 5 && !*p) continue;
      for (; *p >= '0' && *p <= '9' && v < 1000; ++p) v = v * 10 + (*p - '0');
      if (*p) continue;
      if (negative) v = -v;
      if (!which && v >= 0 && v <= rt_max - rt_min) return rt_min + v;
      if (which && v <= 0 && v >= rt_min - rt_max) return rt_max + v;
    }
    if (!starts_with(s, "SIG")) break;
    s += 3;
  }
  return -1;
}

// A signal as coreutils' operand2sig reads it: a number (a wait status'
// signal when it is one) or a name; -1 when it is neither, or unnamed.
inline int parse_signal(const char* a) noexcept {
  int signum;
  if (*a >= '0' && *a <= '9') {
    auto v = parse_unsigned(a);
    if (!v || *v > 0x7fffffff) return -1;
    const int i = static_cast<int>(*v);
    signum = (i & 0x7f) != 0 && (i & 0x7f) != 0x7f ? i & 0x7f : i;  // WIFSIGNALED, WTERMSIG
  } else {
    signum = name_to_signal(a);
  }
  char name[16];
  return signum >= 0 && signal_to_name(signum, name) ? signum : -1;
}

}  // namespace tool
