// The benchmark program: every suite in one process, so that the variants of
// a comparison are measured side by side (with random interleaving of their
// repetitions when run by tools/bench.sh). Records the machine in the JSON
// context: CPU model, kernel, mitigations, compiler, C library.
#include <fcntl.h>
#include <gnu/libc-version.h>
#include <sys/auxv.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <string>
#include <vector>

#include "common.hpp"
#include "floor.hpp"
#include "variant.hpp"

namespace {

std::string read_first_line(const std::string& path) {
  std::string s;
  if (FILE* f = std::fopen(path.c_str(), "r")) {
    char line[512];
    if (std::fgets(line, sizeof line, f)) s = line;
    std::fclose(f);
  }
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// A field of the first processor in /proc/cpuinfo ("model name",
// "vendor_id", "cpu family", "model"), or "". arm64 under qemu shows the
// host's file anyway.
std::string cpuinfo(const char* key) {
  std::string value;
  const size_t n = std::strlen(key);
  if (FILE* f = std::fopen("/proc/cpuinfo", "r")) {
    char line[512];
    while (std::fgets(line, sizeof line, f)) {
      if (std::strncmp(line, key, n) == 0 && (line[n] == ' ' || line[n] == '\t' || line[n] == ':')) {
        const char* c = std::strchr(line, ':');
        if (c) value = c[1] == ' ' ? c + 2 : c + 1;
        break;
      }
    }
    std::fclose(f);
  }
  while (!value.empty() && (value.back() == '\n' || value.back() == ' ')) value.pop_back();
  return value;
}

void add_context() {
  using benchmark::AddCustomContext;
  struct utsname u {};
  uname(&u);
  // The machine: every run records what it ran on, and the report keeps
  // the runs of each machine apart (docs/bench/<machine>/).
  AddCustomContext("cpu_model", cpuinfo("model name"));
  AddCustomContext("cpu_vendor", cpuinfo("vendor_id"));
  AddCustomContext("cpu_family", cpuinfo("cpu family"));
  AddCustomContext("cpu_model_number", cpuinfo("model"));
  AddCustomContext("cpu_stepping", cpuinfo("stepping"));
  AddCustomContext("cpus_online", std::to_string(sysconf(_SC_NPROCESSORS_ONLN)));
  AddCustomContext("kernel", std::string(u.sysname) + " " + u.release + " " + u.machine);
  AddCustomContext("arch", RAWSYS_BENCH_ARCH);
  AddCustomContext("compiler", RAWSYS_BENCH_COMPILER " (" __VERSION__ ")");
  AddCustomContext("compile_flags", RAWSYS_BENCH_FLAGS);
  AddCustomContext("libc", std::string("glibc ") + gnu_get_libc_version());
  AddCustomContext("musl", bench::have_musl() ? "musl-gcc -O2 -static (bench/musl_runner.c)" : "not built");
  AddCustomContext("rawsys_variants", bench::variant_summary());
  // One key per vulnerability file: "Not affected", "Mitigation: ...".
  const char* dir = "/sys/devices/system/cpu/vulnerabilities";
  if (DIR* d = opendir(dir)) {
    std::vector<std::string> names;
    while (dirent* e = readdir(d))
      if (e->d_name[0] != '.') names.emplace_back(e->d_name);
    closedir(d);
    for (const auto& n : names)
      AddCustomContext("vuln_" + n, read_first_line(std::string(dir) + "/" + n));
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Our own flag, taken out before Google Benchmark sees the rest:
  // --smoke shrinks the storm's copies for a quick check that all runs.
  bool smoke = false;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--smoke") == 0)
      smoke = true;
    else
      args.push_back(argv[i]);
  }
  int n = static_cast<int>(args.size());
  args.push_back(nullptr);

#if defined(__i386__)
  floor_asm::vsyscall_entry = static_cast<long>(getauxval(AT_SYSINFO));
#endif
  bench::zero_fd = open("/dev/zero", O_RDONLY | O_CLOEXEC);
  bench::null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (bench::zero_fd < 0 || bench::null_fd < 0) {
    std::perror("rawsys_bench: /dev/zero or /dev/null");
    return 1;
  }

  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;
  add_context();
  bench::register_calls();
  bench::register_clocks();
  bench::register_storm(smoke);
  bench::register_spawn();
  bench::register_fewer();
  bench::register_musl();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  bench::cleanup_storm();
  return 0;
}
