// Running other programs, for env, syscount and sandbox: execvp(3) without
// libc, and the few process calls they need. The process calls are raw
// until the typed process wrappers are available.
#pragma once

#include <rawsys/errc.hpp>
#include <rawsys/syscall.hpp>

namespace tool {

inline long execve(const char* path, char* const* argv, char* const* envp) noexcept {
  return rawsys::raw::syscall(static_cast<long>(rawsys::nr::execve), path, argv, envp);
}

// execvp(3): COMMAND (argv[0]) with a slash as it is, otherwise each
// directory of `path` (a colon-separated list; an empty entry is the
// current directory), as glibc does: EACCES remembered and the search goes
// on, ENOENT-like errors skipped, any other error final. A file the kernel
// cannot execute (ENOEXEC) goes to /bin/sh. Returns only on failure, with
// the error. argv[-1] must exist: it is borrowed for the shell's argv.
inline rawsys::errc execvp(char** argv, char* const* envp, const char* path) noexcept {
  const char* cmd = argv[0];
  bool slash = false;
  unsigned cmd_len = 0;
  for (; cmd[cmd_len]; ++cmd_len) slash |= cmd[cmd_len] == '/';
  auto run = [&](const char* file) {
    long r = execve(file, argv, envp);
    if (r == -static_cast<long>(rawsys::errc::enoexec)) {
      argv[-1] = const_cast<char*>("/bin/sh");
      argv[0] = const_cast<char*>(file);
      r = execve("/bin/sh", argv - 1, envp);
      argv[0] = const_cast<char*>(cmd);
    }
    return static_cast<rawsys::errc>(-r);
  };
  if (slash) return run(cmd);
  if (cmd_len == 0) return rawsys::errc::enoent;

  bool eacces = false;
  char full[4096];
  for (const char* p = path;;) {
    const char* end = p;
    while (*end && *end != ':') ++end;
    unsigned n = 0;
    const unsigned dir_len = static_cast<unsigned>(end - p);
    if (dir_len + 1 + cmd_len < sizeof full) {
      for (const char* d = p; d != end; ++d) full[n++] = *d;
      if (n != 0) full[n++] = '/';
      for (unsigned i = 0; i <= cmd_len; ++i) full[n++] = cmd[i];
      switch (const rawsys::errc e = run(full)) {
        case rawsys::errc::eacces: eacces = true; break;
        case rawsys::errc::enoent: case rawsys::errc::estale: case rawsys::errc::enotdir:
        case rawsys::errc::enodev: case rawsys::errc::etimedout: break;
        default: return e;
      }
    }
    if (*end == '\0') break;
    p = end + 1;
  }
  return eacces ? rawsys::errc::eacces : rawsys::errc::enoent;
}

// fork(2): clone with SIGCHLD where there is no fork (arm64).
inline rawsys::result<int> fork() noexcept {
#if defined(__aarch64__)
  auto r = rawsys::syscall(rawsys::nr::clone, 17 /* SIGCHLD */, 0, 0, 0, 0);
#else
  auto r = rawsys::syscall(rawsys::nr::fork);
#endif
  if (!r) return rawsys::unexpected(r.error());
  return static_cast<int>(*r);
}

// wait4(2), with __WALL: children of any kind, traced ones included.
inline rawsys::result<int> wait_any(int pid, int* status) noexcept {
  auto r = rawsys::retry_on_eintr([&] { return rawsys::syscall(rawsys::nr::wait4, pid, status, 0x40000000, 0); });
  if (!r) return rawsys::unexpected(r.error());
  return static_cast<int>(*r);
}

[[noreturn]] inline void exit_now(int status) noexcept {
  for (;;) (void)rawsys::raw::syscall(static_cast<long>(rawsys::nr::exit_group), status);
}

// The wait status as a shell reports it: the exit status, or 128 + signal.
constexpr int shell_status(int status) noexcept {
  return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
}

}  // namespace tool
