// Process start: fork + execve + waitpid of a program that does nothing,
// launched the same way (glibc's calls) for every program, so the difference
// is the program's own start-up: rawsys's no-libc `true`, a glibc-static
// `true`, and coreutils' dynamically linked /usr/bin/true. Wall-clock time:
// the child's work is not the parent's CPU time.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "common.hpp"

namespace bench {
namespace {

using benchmark::State;

char* const no_env[] = {nullptr};

// 0 on success, else what went wrong.
const char* run_once(const char* path) {
  char* const argv[] = {const_cast<char*>(path), nullptr};
  const pid_t p = ::fork();
  if (p < 0) return "fork failed";
  if (p == 0) {
    ::execve(path, argv, no_env);
    ::_exit(127);
  }
  int st = 0;
  if (::waitpid(p, &st, 0) != p) return "waitpid failed";
  if (!WIFEXITED(st)) return "the child did not exit normally";
  if (WEXITSTATUS(st) == 127) return "execve failed";
  if (WEXITSTATUS(st) != 0) return "the child exited with a non-zero status";
  return nullptr;
}

void spawn(State& s, const char* path, const char* label) {
  if (label) s.SetLabel(label);
  for (auto _ : s) {
    const char* err = run_once(path);
    if (err) [[unlikely]] {
      fail(s, err);
      break;
    }
  }
}

}  // namespace

void register_spawn() {
  struct prog {
    const char* name;
    const char* path;
    const char* label;
  };
  for (const prog p : {prog{"rawsys_true", RAWSYS_BENCH_TRUE_RAWSYS, RAWSYS_BENCH_TRUE_KIND},
                       prog{"glibc_static_true", RAWSYS_BENCH_TRUE_STATIC, nullptr},
                       prog{"coreutils_true", "/usr/bin/true", nullptr}}) {
    // Register only what can run here (under qemu-user a foreign binary cannot
    // be exec'd without binfmt_misc).
    if (const char* err = run_once(p.path)) {
      std::fprintf(stderr, "rawsys_bench: spawn/%s skipped: %s (%s)\n", p.name, err, p.path);
      continue;
    }
    const char* path = p.path;
    const char* label = p.label;
    benchmark::RegisterBenchmark((std::string("spawn/") + p.name).c_str(),
                                 [path, label](State& s) { spawn(s, path, label); })
        ->UseRealTime();
  }
}

}  // namespace bench
