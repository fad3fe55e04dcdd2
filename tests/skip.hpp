// Run-time skips for calls that this kernel, or qemu-user running the arm64
// build, does not provide. A skip is decided from the call's own error
// (after checking that glibc sees the same error), never assumed, and says
// exactly why on stdout ("[skipped] ...") and in doctest's log.
#pragma once

#include <stdio.h>

#include <string>

#include "support.hpp"

namespace rawsys_test {

// qemu-user implements no ptrace(2) at all, while every real kernel has it
// (ESRCH for a pid this process does not trace): ENOSYS from a harmless
// request tells qemu-user apart from a kernel that lacks some other call.
inline bool under_qemu_user() {
  const long r = rawsys::raw::syscall(static_cast<long>(rawsys::nr::ptrace),
                                      0x4201L /* PTRACE_GETEVENTMSG */, 0, nullptr, nullptr);
  return r == -static_cast<long>(rawsys::errc::enosys);
}

// Why `call` cannot be exercised here, given the error it returned.
inline std::string why_unavailable(const char* call, rawsys::errc e) {
  const std::string c = std::string(call) + "(2)";
  const std::string err = std::string(" (") + rawsys::name(e) + ")";
  if (e == rawsys::errc::enosys)
    return (under_qemu_user() ? "qemu-user does not implement " : "this kernel lacks ") + c + err;
  return c + " is not permitted or not available here" + err;
}

// Why a test that simulates a missing call (a seccomp filter answering
// ENOSYS in a child) cannot run here.
inline std::string why_no_seccomp_filter() {
  return std::string(under_qemu_user() ? "qemu-user implements no seccomp(2) filters"
                                       : "seccomp filters are not available here") +
         ", so ENOSYS cannot be simulated";
}

// glibc's outcome of a call that returns 0 on success, as a result<void>.
inline rawsys::result<void> glibc_void(long ret) {
  if (ret == -1) return rawsys::unexpected(static_cast<rawsys::errc>(errno));
  CHECK(ret == 0);
  return {};
}

// The error of a result, or errc{} when it holds a value: compares the
// failures of calls whose values differ in type (a descriptor, a count).
template <class T>
rawsys::errc error_of(const rawsys::result<T>& r) {
  return r ? rawsys::errc{} : r.error();
}

// A result of some integer or enum type as result<long>, to compare with
// glibc's view of the same call.
template <class T>
rawsys::result<long> widen(const rawsys::result<T>& r) {
  if (!r) return rawsys::unexpected(r.error());
  return static_cast<long>(*r);
}

// Reports a skip; the caller returns from the test case after it.
inline void skip(const std::string& why) {
  printf("[skipped] %s\n", why.c_str());
  fflush(stdout);
  const doctest::String text = doctest::String("skipped: ") + doctest::String(why.c_str());
  MESSAGE(text);
}

}  // namespace rawsys_test
