// Shared by the socket, event, futex and random suites: comparing any
// rawsys result with glibc's, small descriptor helpers, and (32-bit ISAs) a child
// process in which chosen syscalls fail with ENOSYS, to run the fallbacks of
// the *_time64 calls on a kernel that has them.
#pragma once

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <initializer_list>

#include "skip.hpp"
#include "support.hpp"

#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#endif

namespace rawsys_test {

// Any result as result<long>: the value (0 for void), or the error; so a
// wrapper's outcome compares with glibc(...) directly.
template <class T>
rawsys::result<long> outcome(const rawsys::result<T>& r) {
  if (!r) return rawsys::unexpected(r.error());
  if constexpr (std::is_convertible_v<T, long>)
    return static_cast<long>(*r);
  else
    return 0L;  // void, or a value glibc has no number for (a new descriptor, a pair, an address)
}
inline rawsys::result<long> glibc_fd(int ret) {
  if (ret < 0) return rawsys::unexpected(static_cast<rawsys::errc>(errno));
  ::close(ret);
  return 0L;
}

struct test_pipe {
  int r = -1, w = -1;
  test_pipe() {
    int p[2];
    REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
    r = p[0];
    w = p[1];
  }
  ~test_pipe() {
    if (r >= 0) ::close(r);
    if (w >= 0) ::close(w);
  }
  test_pipe(const test_pipe&) = delete;
  test_pipe& operator=(const test_pipe&) = delete;
};

// A descriptor number that is not open, and high enough that descriptors
// opened after it do not take it.
inline int closed_fd() {
  int fd = 900;
  while (fd > 3 && ::fcntl(fd, F_GETFD) != -1) --fd;
  REQUIRE(fd > 3);
  return fd;
}

// A low descriptor number that was open a moment ago (for select, which
// only looks at numbers within the descriptor table); open nothing before
// using it.
inline int just_closed_fd() {
  const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  ::close(fd);
  return fd;
}

#if __SIZEOF_LONG__ == 4  // the 32-bit ISAs: i386, arm, mips o32
// Runs fn in a child process where the syscalls in nrs, and clock_gettime64,
// fail with ENOSYS (seccomp, SECCOMP_RET_ERRNO), as on a kernel without the
// time64 calls. fn returns 0 when all its checks held, else the line of the
// first that failed. Returns that, -1 when the filter could
// not be installed, -2 when the child died without a word.
inline int run_without(std::initializer_list<long> nrs, int (*fn)()) {
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(p[0]);
    sock_filter f[64];
    unsigned n = 0;
    f[n++] = BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch));
    f[n++] = BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<unsigned>(rawsys::native_audit_arch), 1, 0);
    f[n++] = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    f[n++] = BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr));
    const auto refuse = [&](long nr) {
      f[n++] = BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<unsigned>(nr), 0, 1);
      f[n++] = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS);
    };
    // A kernel before 5.1 has none of the time64 calls: rawsys learns that
    // from clock_gettime64, so it is always among them.
    refuse(SYS_clock_gettime64);
    for (long nr : nrs) refuse(nr);
    f[n++] = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    sock_fprog prog{static_cast<unsigned short>(n), f};
    int line = -1;
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
        ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0) {
      rawsys_test::forget_time64();
      line = fn();
    }
    (void)!::write(p[1], &line, sizeof line);
    ::_exit(0);
  }
  ::close(p[1]);
  int line = -2;
  if (::read(p[0], &line, sizeof line) != sizeof line) line = -2;
  ::close(p[0]);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return line;
}

// In fn: return the line of the first check that fails.
#define RAWSYS_EXPECT(cond) \
  do {                      \
    if (!(cond)) return __LINE__; \
  } while (0)
#endif

}  // namespace rawsys_test
