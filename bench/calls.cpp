// One call, four ways (five on i386): the hand-written instruction (the
// floor), rawsys, glibc's wrapper and glibc's syscall(). Each loop consumes
// the result the way a caller would (checks it, or keeps it alive with
// DoNotOptimize) and nothing more, so no variant pays for the harness.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common.hpp"
#include "floor.hpp"
#include "paired.hpp"
#include "variant.hpp"

namespace bench {
namespace {

using benchmark::State;

#if defined(__i386__)
constexpr long sys_clock_gettime = SYS_clock_gettime64;  // 64-bit time, as rawsys and glibc use
constexpr long sys_mmap = SYS_mmap2;
#else
constexpr long sys_clock_gettime = SYS_clock_gettime;
constexpr long sys_mmap = SYS_mmap;
#endif
constexpr long page = 4096;

// The floor's entries: one policy per way into the kernel.
#if defined(__i386__)
struct vsyscall_entry {
  static long c0(long n) { return floor_asm::vs0(n); }
  static long c1(long n, long a) { return floor_asm::vs1(n, a); }
  static long c2(long n, long a, long b) { return floor_asm::vs2(n, a, b); }
  static long c3(long n, long a, long b, long c) { return floor_asm::vs3(n, a, b, c); }
  static long c6(long n, long a, long b, long c, long d, long e, long f) { return floor_asm::vs6(n, a, b, c, d, e, f); }
};
struct int80_entry {
  static long c0(long n) { return floor_asm::i80_0(n); }
  static long c1(long n, long a) { return floor_asm::i80_1(n, a); }
  static long c2(long n, long a, long b) { return floor_asm::i80_2(n, a, b); }
  static long c3(long n, long a, long b, long c) { return floor_asm::i80_3(n, a, b, c); }
  static long c6(long n, long a, long b, long c, long d, long e, long f) { return floor_asm::i80_6(n, a, b, c, d, e, f); }
};
#else
struct native_entry {
  static long c0(long n) { return floor_asm::sc0(n); }
  static long c1(long n, long a) { return floor_asm::sc1(n, a); }
  static long c2(long n, long a, long b) { return floor_asm::sc2(n, a, b); }
  static long c3(long n, long a, long b, long c) { return floor_asm::sc3(n, a, b, c); }
  static long c6(long n, long a, long b, long c, long d, long e, long f) { return floor_asm::sc6(n, a, b, c, d, e, f); }
};
#endif

template <class T>
long addr(T* p) { return reinterpret_cast<long>(p); }

// Each variant of each call is one step: a function doing the call once and
// checking its result. The plain benchmarks loop over one step; the paired
// ones alternate blocks of several steps (see paired() below).
#define STEP [[gnu::always_inline]] inline bool

// --- getppid ---------------------------------------------------------------
template <class E>
STEP getppid_floor() {
  long r = E::c0(SYS_getppid);
  benchmark::DoNotOptimize(r);
  return true;
}
STEP getppid_rawsys() {
  long r = rs::getppid();
  benchmark::DoNotOptimize(r);
  return true;
}
STEP getppid_glibc() {
  pid_t r = ::getppid();
  benchmark::DoNotOptimize(r);
  return true;
}
STEP getppid_glibc_syscall() {
  long r = ::syscall(SYS_getppid);
  benchmark::DoNotOptimize(r);
  return true;
}

// --- read 1 byte from /dev/zero --------------------------------------------
template <class E>
STEP read_floor() {
  char b[1];
  return E::c3(SYS_read, zero_fd, addr(b), 1) == 1;
}
STEP read_rawsys() {
  char b[1];
  return rs::read1(zero_fd, b);
}
STEP read_glibc() {
  char b[1];
  return ::read(zero_fd, b, 1) == 1;
}
STEP read_glibc_syscall() {
  char b[1];
  return ::syscall(SYS_read, zero_fd, b, 1) == 1;
}

// --- write 1 byte to /dev/null ---------------------------------------------
const char one[1] = {'x'};
template <class E>
STEP write_floor() { return E::c3(SYS_write, null_fd, addr(one), 1) == 1; }
STEP write_rawsys() { return rs::write1(null_fd, one); }
STEP write_glibc() { return ::write(null_fd, one, 1) == 1; }
STEP write_glibc_syscall() { return ::syscall(SYS_write, null_fd, one, 1) == 1; }

// --- clock_gettime(CLOCK_MONOTONIC) ----------------------------------------
// The floor is the real system call; glibc's wrapper uses the vDSO.
struct ts64 {
  int64_t sec, nsec;
};
template <class E>
STEP clock_floor() {
  ts64 ts;
  return E::c2(sys_clock_gettime, CLOCK_MONOTONIC, addr(&ts)) == 0;
}
STEP clock_rawsys() {
  rawsys::timespec ts;
  return rs::clock_monotonic(&ts);
}
STEP clock_glibc() {
  struct timespec ts;
  return ::clock_gettime(CLOCK_MONOTONIC, &ts) == 0;
}
STEP clock_glibc_syscall() {
  ts64 ts;
  return ::syscall(sys_clock_gettime, CLOCK_MONOTONIC, &ts) == 0;
}

// --- openat + close ----------------------------------------------------------
const char dev_null[] = "/dev/null";
template <class E>
STEP open_floor() {
  const long f = E::c3(SYS_openat, AT_FDCWD, addr(dev_null), O_RDONLY | O_CLOEXEC);
  return f >= 0 && E::c1(SYS_close, f) == 0;
}
STEP open_rawsys() { return rs::open_close(dev_null); }
STEP open_glibc() {
  const int f = ::openat(AT_FDCWD, dev_null, O_RDONLY | O_CLOEXEC);
  return f >= 0 && ::close(f) == 0;
}
STEP open_glibc_syscall() {
  const long f = ::syscall(SYS_openat, AT_FDCWD, dev_null, O_RDONLY | O_CLOEXEC);
  return f >= 0 && ::syscall(SYS_close, f) == 0;
}

// --- mmap + munmap of one page --------------------------------------------
template <class E>
STEP mmap_floor() {
  const long p = E::c6(sys_mmap, 0, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return static_cast<unsigned long>(p) < static_cast<unsigned long>(-4095L) && E::c2(SYS_munmap, p, page) == 0;
}
STEP mmap_rawsys() { return rs::mmap_munmap(page); }
STEP mmap_glibc() {
  void* p = ::mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p != MAP_FAILED && ::munmap(p, page) == 0;
}
STEP mmap_glibc_syscall() {
  const long p = ::syscall(sys_mmap, nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p != -1 && ::syscall(SYS_munmap, p, page) == 0;
}

// --- pipe2 + close ---------------------------------------------------------
template <class E>
STEP pipe_floor() {
  int fds[2];
  if (E::c2(SYS_pipe2, addr(fds), O_CLOEXEC) != 0) return false;
  const bool a = E::c1(SYS_close, fds[0]) == 0;
  const bool b = E::c1(SYS_close, fds[1]) == 0;
  return a && b;
}
STEP pipe_rawsys() { return rs::pipe_close(); }
STEP pipe_glibc() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  const bool a = ::close(fds[0]) == 0;
  const bool b = ::close(fds[1]) == 0;
  return a && b;
}
STEP pipe_glibc_syscall() {
  int fds[2];
  if (::syscall(SYS_pipe2, fds, O_CLOEXEC) != 0) return false;
  const bool a = ::syscall(SYS_close, fds[0]) == 0;
  const bool b = ::syscall(SYS_close, fds[1]) == 0;
  return a && b;
}

// --- getrandom of 16 bytes -------------------------------------------------
template <class E>
STEP getrandom_floor() {
  unsigned char b[16];
  return E::c3(SYS_getrandom, addr(b), sizeof b, 0) == 16;
}
STEP getrandom_rawsys() {
  unsigned char b[16];
  return rs::getrandom16(b);
}
STEP getrandom_glibc() {
  unsigned char b[16];
  return ::getrandom(b, sizeof b, 0) == 16;
}
STEP getrandom_glibc_syscall() {
  unsigned char b[16];
  return ::syscall(SYS_getrandom, b, sizeof b, 0) == 16;
}

// A plain benchmark: the step in the loop, nothing else.
template <bool (*F)()>
void loop(State& s) {
  for (auto _ : s) BENCH_REQUIRE(s, F());
}
template <bool (*F)()>
void loop_labelled(State& s, const char* label) {
  s.SetLabel(label);
  loop<F>(s);
}

// The floor's instruction in a function of its own: a call and a return
// around the kernel entry, nothing else. Shows what inlining saves.
[[gnu::noinline]] long getppid_outlined() {
#if defined(__i386__)
  return floor_asm::vs0(SYS_getppid);
#else
  return floor_asm::sc0(SYS_getppid);
#endif
}
void getppid_floor_outlined(State& s) {
  for (auto _ : s) {
    long r = getppid_outlined();
    benchmark::DoNotOptimize(r);
  }
}

#if defined(__x86_64__)
// getppid through the i386 gate from this 64-bit process (i386 number 64).
void getppid_int80_from_64(State& s) {
  for (auto _ : s) {
    long r = floor_asm::int80_0(64);
    benchmark::DoNotOptimize(r);
  }
}
#endif

#if defined(__i386__)
using fast_entry = vsyscall_entry;
#else
using fast_entry = native_entry;
#endif

// Registers one call: the plain benchmarks and the paired one.
template <bool (*Floor)(), bool (*Int80)(), bool (*Rawsys)(), bool (*Glibc)(), bool (*Syscall)()>
void add_call(const char* op, const char* label, int block) {
  const std::string base = std::string("call/") + op + "/";
  benchmark::RegisterBenchmark((base + "floor").c_str(), loop<Floor>);
  if constexpr (Int80 != nullptr) benchmark::RegisterBenchmark((base + "floor_int80").c_str(), loop<Int80>);
  benchmark::RegisterBenchmark((base + "rawsys").c_str(), loop_labelled<Rawsys>, label);
  benchmark::RegisterBenchmark((base + "glibc").c_str(), loop<Glibc>);
  benchmark::RegisterBenchmark((base + "glibc_syscall").c_str(), loop<Syscall>);
  benchmark::RegisterBenchmark((std::string("paired/") + op).c_str(), paired<Floor, Rawsys, Glibc, Syscall>,
                               block, label);
}

#if defined(__i386__)
#define INT80(f) f<int80_entry>
#else
#define INT80(f) nullptr
#endif

}  // namespace

void register_calls() {
  // Blocks of about 20-30 µs for the paired runs.
  add_call<getppid_floor<fast_entry>, INT80(getppid_floor), getppid_rawsys, getppid_glibc, getppid_glibc_syscall>(
      "getppid", rs::getppid_label, 128);
  add_call<read_floor<fast_entry>, INT80(read_floor), read_rawsys, read_glibc, read_glibc_syscall>(
      "read_1B_dev_zero", rs::read_label, 96);
  add_call<write_floor<fast_entry>, INT80(write_floor), write_rawsys, write_glibc, write_glibc_syscall>(
      "write_1B_dev_null", rs::write_label, 128);
  add_call<clock_floor<fast_entry>, INT80(clock_floor), clock_rawsys, clock_glibc, clock_glibc_syscall>(
      "clock_gettime_monotonic", rs::clock_label, 96);
  add_call<open_floor<fast_entry>, INT80(open_floor), open_rawsys, open_glibc, open_glibc_syscall>(
      "openat_close", rs::open_close_label, 8);
  add_call<mmap_floor<fast_entry>, INT80(mmap_floor), mmap_rawsys, mmap_glibc, mmap_glibc_syscall>(
      "mmap_munmap_page", rs::mmap_label, 6);
  add_call<pipe_floor<fast_entry>, INT80(pipe_floor), pipe_rawsys, pipe_glibc, pipe_glibc_syscall>(
      "pipe2_close", rs::pipe_label, 6);
  add_call<getrandom_floor<fast_entry>, INT80(getrandom_floor), getrandom_rawsys, getrandom_glibc,
           getrandom_glibc_syscall>("getrandom_16B", rs::getrandom_label, 64);
  benchmark::RegisterBenchmark("entry/getppid/floor_outlined", getppid_floor_outlined);
#if defined(__x86_64__)
  // Only where the kernel has 32-bit emulation: check once that it answers.
  if (floor_asm::int80_0(64) == ::getppid())
    benchmark::RegisterBenchmark("entry/getppid/int80_from_64bit", getppid_int80_from_64);
#endif
}

}  // namespace bench
