// Running other programs, for env, syscount and sandbox: execvp(3) without
// libc, and a wait that retries on EINTR.
#pragma once

#include <rawsys/errc.hpp>
#include <rawsys/process.hpp>

namespace tool {

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
    auto r = rawsys::execve(file, argv, envp);
    if (r.error() == rawsys::errc::enoexec) {
      argv[-1] = const_cast<char*>("/bin/sh");
      argv[0] = const_cast<char*>(file);
      r = rawsys::execve("/bin/sh", argv - 1, envp);
      argv[0] = const_cast<char*>(cmd);
    }
    return r.error();
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

// wait4(2) for any kind of child (traced ones included), again after EINTR.
inline rawsys::result<int> wait_any(int pid, int* status) noexcept {
  return rawsys::retry_on_eintr([&] { return rawsys::wait4(pid, status, rawsys::w::all, nullptr); });
}

// The wait status as a shell reports it: the exit status, or 128 + signal.
constexpr int shell_status(int status) noexcept {
  return rawsys::wifexited(status) ? rawsys::wexitstatus(status) : 128 + static_cast<int>(rawsys::wtermsig(status));
}

}  // namespace tool
