// What the no-libc runtime gives every source file of a program: the
// environment and a normal exit. <rawsys/start.hpp>, included in one file of
// a program without libc, provides them; in a hosted program they come from
// libc (environ, exit(3)). Safe to include anywhere.
#pragma once

#include "syscall.hpp"

// Defined by <rawsys/start.hpp>: runs the atexit handlers and destructors,
// then exit_group. A weak reference: null in a program without the runtime.
extern "C" [[noreturn, gnu::weak]] void rawsys_exit(int status) noexcept;

namespace rawsys {

namespace detail {

// Set by the runtime's _start: envp, as the kernel laid it out.
inline char** startup_envp = nullptr;

// libc's environment and exit(3) when the program links libc, else null.
static char** libc_environ __attribute__((weakref("environ")));
static void libc_exit(int) __attribute__((weakref("exit")));

inline constinit char* const no_environment[1] = {nullptr};

}  // namespace detail

// The environment as a null-terminated array of "NAME=value" strings (never
// null; empty when there is none). The execve(2) envp of a child that
// inherits it.
inline char* const* environ() noexcept {
  if (char** e = detail::startup_envp) return e;
  if (&detail::libc_environ != nullptr && detail::libc_environ != nullptr) return detail::libc_environ;
  return detail::no_environment;
}

// getenv(3): the value of NAME, or nullptr when it is not set. The first
// match wins, as in glibc.
inline const char* getenv(const char* name) noexcept {
  for (char* const* e = environ(); *e; ++e) {
    const char* s = *e;
    const char* n = name;
    while (*n && *s == *n) ++s, ++n;
    if (*n == '\0' && *s == '=') return s + 1;
  }
  return nullptr;
}

// exit(3): atexit handlers and static destructors, then the whole process
// ends with `status`. Without libc and without the runtime: exit_group alone.
[[noreturn]] inline void exit_program(int status) noexcept {
  if (rawsys_exit) rawsys_exit(status);
  if (detail::libc_exit) detail::libc_exit(status);
  for (;;) (void)raw::syscall(static_cast<long>(nr::exit_group), status);
}

}  // namespace rawsys
