// nproc(1) as in coreutils: how many processors this process may run on
// (sched_getaffinity(2)), or OMP_NUM_THREADS's first number when it is set,
// at most OMP_THREAD_LIMIT; --all: every processor the system has
// (/sys/devices/system/cpu/possible). --ignore=N takes N away, leaving at
// least one.
#include <rawsys/file.hpp>
#include <rawsys/process.hpp>
#include <rawsys/runtime.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"

namespace {

// An OpenMP variable's value: blanks, a number, blanks, then the end or ','.
uint64_t omp_value(const char* s) {
  if (!s) return 0;
  auto blank = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (blank(*s)) ++s;
  uint64_t v = 0;
  const char* digits = s;
  for (; *s >= '0' && *s <= '9'; ++s)
    if (v < (uint64_t{1} << 40)) v = v * 10 + static_cast<uint64_t>(*s - '0');
  if (s == digits) return 0;
  while (blank(*s)) ++s;
  return *s == '\0' || *s == ',' ? v : 0;
}

// The CPUs in a list such as "0-3,8,10-11".
uint64_t count_list(const char* s) {
  uint64_t n = 0;
  while (*s >= '0' && *s <= '9') {
    uint64_t a = 0, b;
    for (; *s >= '0' && *s <= '9'; ++s) a = a * 10 + static_cast<uint64_t>(*s - '0');
    b = a;
    if (*s == '-') {
      b = 0;
      for (++s; *s >= '0' && *s <= '9'; ++s) b = b * 10 + static_cast<uint64_t>(*s - '0');
    }
    if (b >= a) n += b - a + 1;
    if (*s == ',') ++s;
  }
  return n;
}

uint64_t all_processors() {
  char text[1024];
  if (auto f = rawsys::openat(rawsys::at_fdcwd, "/sys/devices/system/cpu/possible", rawsys::o::rdonly | rawsys::o::cloexec))
    if (auto r = rawsys::read(*f, text, sizeof text - 1); r && *r != 0) {
      text[*r] = '\0';
      if (uint64_t n = count_list(text)) return n;
    }
  return 1;
}

uint64_t available() {
  rawsys::cpu_set set;
  if (auto r = rawsys::sched_getaffinity(0, set); r && set.count() != 0) return set.count();
  return all_processors();
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool all = false;
  uint64_t ignore = 0;
  static const char* const longs[] = {"all", "ignore", "help", "version"};
  int early = 1;
  const int operands = tool::parse(argc, argv, "\x03\x04:\x01\x02", longs, "\x03\x04\x01\x02", 4, [&](char key, const char* arg) {
    switch (key) {
      case '\x03': all = true; return true;
      case '\x04': {
        auto v = tool::parse_count(arg, "");
        if (!v) {
          tool::quote(tool::begin_error() << "invalid number: ", arg);
          tool::end_error();
          return false;
        }
        ignore = *v;
        return true;
      }
      case tool::help: early = tool::usage("[OPTION]...", "Print the number of processing units available to the current process."); return false;
      default: early = tool::version_text("nproc"); return false;
    }
  });
  if (operands < 0) return early;
  if (operands > 0) return tool::extra_operand(argv[1]);
  uint64_t n;
  if (all) {
    n = all_processors();
  } else {
    uint64_t limit = omp_value(rawsys::getenv("OMP_THREAD_LIMIT"));
    if (limit == 0) limit = UINT64_MAX;
    n = omp_value(rawsys::getenv("OMP_NUM_THREADS"));
    if (n == 0) n = available();
    if (n > limit) n = limit;
  }
  n = n > ignore ? n - ignore : 1;
  rawsys::out << n << '\n';
  return tool::finish(0);
}
