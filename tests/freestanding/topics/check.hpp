// What every topic program (tests/freestanding/topics/<header>.cpp) shares:
// it is a no-libc program on the library's own runtime (<rawsys/start.hpp>),
// it checks each wrapper of one topic header against what the kernel is
// documented to do, and main returns the number of failed checks. A check
// prints "FAIL: what" when it fails; a call qemu-user does not emulate
// (ENOSYS where the kernel has it) is named on one "not emulated:" line, one
// the process may not make here on a "not permitted here:" line, and
// neither counts; a program of which nothing could run exits with 77,
// which CTest counts as skipped.
#pragma once

#include <rawsys/out.hpp>
#include <rawsys/start.hpp>
#include <rawsys/syscall.hpp>

namespace topic {

inline int failures = 0;
inline int passes = 0;
inline int missing = 0;

inline void check(bool ok, const char* what) {
  if (ok) {
    ++passes;
    return;
  }
  ++failures;
  rawsys::err << "FAIL: " << what << "\n";
}

// Whether r is ENOSYS from a call that qemu-user lacks: noted, not a failure.
template <class R>
inline bool not_emulated(const R& r, const char* what) {
  if (r || r.error() != rawsys::errc::enosys) return false;
  ++missing;
  rawsys::out << "not emulated: " << what << "\n";
  return true;
}

// qemu-user has no clone3 (ENOSYS), where the kernel says EINVAL for a
// null, empty argument.
inline bool under_qemu() {
  return rawsys::raw::syscall(static_cast<long>(rawsys::nr::clone3), nullptr, 0) == -38 /* ENOSYS */;
}

// "/tmp/rawsys-<stem>-<pid>" in buf: a name no other run uses.
template <size_t N>
inline const char* temp_path(char (&buf)[N], const char* stem) {
  size_t n = 0;
  auto put = [&](const char* t) {
    while (*t && n + 1 < N) buf[n++] = *t++;
  };
  put("/tmp/rawsys-");
  put(stem);
  put("-");
  char digits[12];
  int d = 0;
  for (auto v = static_cast<unsigned>(rawsys::syscall(rawsys::nr::getpid).value_or(0)); d == 0 || v; v /= 10)
    digits[d++] = static_cast<char>('0' + v % 10);
  while (d > 0 && n + 1 < N) buf[n++] = digits[--d];
  buf[n] = 0;
  return buf;
}

// Whether r is EPERM or EACCES from a call this process may not make here
// (no privilege, or a container's policy): noted, not a failure.
template <class R>
inline bool not_permitted(const R& r, const char* what) {
  if (r || (r.error() != rawsys::errc::eperm && r.error() != rawsys::errc::eacces)) return false;
  ++missing;
  rawsys::out << "not permitted here: " << what << "\n";
  return true;
}

// main's value: 0 when every check passed, 77 when none could run.
inline int finish(const char* topic) {
  if (failures == 0 && passes == 0 && missing > 0) {
    rawsys::out << "[skipped] " << topic << ": none of these calls could be made here\n";
    return 77;
  }
  rawsys::out << topic << ": " << passes << " checks passed, " << failures << " failed, " << missing
              << " calls not emulated\n";
  return failures;
}

}  // namespace topic
