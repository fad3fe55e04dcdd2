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

#include <cstdint>

#include "common.hpp"
#include "floor.hpp"
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

// --- getppid ---------------------------------------------------------------
template <class E>
void getppid_floor(State& s) {
  for (auto _ : s) {
    long r = E::c0(SYS_getppid);
    benchmark::DoNotOptimize(r);
  }
}
void getppid_rawsys(State& s) {
  s.SetLabel(rs::getppid_label);
  for (auto _ : s) {
    long r = rs::getppid();
    benchmark::DoNotOptimize(r);
  }
}
void getppid_glibc(State& s) {
  for (auto _ : s) {
    pid_t r = ::getppid();
    benchmark::DoNotOptimize(r);
  }
}
void getppid_glibc_syscall(State& s) {
  for (auto _ : s) {
    long r = ::syscall(SYS_getppid);
    benchmark::DoNotOptimize(r);
  }
}

// --- read 1 byte from /dev/zero --------------------------------------------
template <class E>
void read_floor(State& s) {
  char b[1];
  for (auto _ : s) BENCH_REQUIRE(s, E::c3(SYS_read, zero_fd, addr(b), 1) == 1);
}
void read_rawsys(State& s) {
  s.SetLabel(rs::read_label);
  char b[1];
  for (auto _ : s) BENCH_REQUIRE(s, rs::read1(zero_fd, b));
}
void read_glibc(State& s) {
  char b[1];
  for (auto _ : s) BENCH_REQUIRE(s, ::read(zero_fd, b, 1) == 1);
}
void read_glibc_syscall(State& s) {
  char b[1];
  for (auto _ : s) BENCH_REQUIRE(s, ::syscall(SYS_read, zero_fd, b, 1) == 1);
}

// --- write 1 byte to /dev/null ---------------------------------------------
const char one[1] = {'x'};
template <class E>
void write_floor(State& s) {
  for (auto _ : s) BENCH_REQUIRE(s, E::c3(SYS_write, null_fd, addr(one), 1) == 1);
}
void write_rawsys(State& s) {
  s.SetLabel(rs::write_label);
  for (auto _ : s) BENCH_REQUIRE(s, rs::write1(null_fd, one));
}
void write_glibc(State& s) {
  for (auto _ : s) BENCH_REQUIRE(s, ::write(null_fd, one, 1) == 1);
}
void write_glibc_syscall(State& s) {
  for (auto _ : s) BENCH_REQUIRE(s, ::syscall(SYS_write, null_fd, one, 1) == 1);
}

// --- clock_gettime(CLOCK_MONOTONIC) ----------------------------------------
// The floor is the real system call; glibc's wrapper uses the vDSO.
struct ts64 {
  int64_t sec, nsec;
};
template <class E>
void clock_floor(State& s) {
  ts64 ts;
  for (auto _ : s) BENCH_REQUIRE(s, E::c2(sys_clock_gettime, CLOCK_MONOTONIC, addr(&ts)) == 0);
}
void clock_rawsys(State& s) {
  s.SetLabel(rs::clock_label);
  rawsys::timespec ts;
  for (auto _ : s) BENCH_REQUIRE(s, rs::clock_monotonic(&ts));
}
void clock_glibc(State& s) {
  struct timespec ts;
  for (auto _ : s) BENCH_REQUIRE(s, ::clock_gettime(CLOCK_MONOTONIC, &ts) == 0);
}
void clock_glibc_syscall(State& s) {
  ts64 ts;
  for (auto _ : s) BENCH_REQUIRE(s, ::syscall(sys_clock_gettime, CLOCK_MONOTONIC, &ts) == 0);
}

// --- openat + close ----------------------------------------------------------
const char dev_null[] = "/dev/null";
template <class E>
void open_floor(State& s) {
  for (auto _ : s) {
    long f = E::c3(SYS_openat, AT_FDCWD, addr(dev_null), O_RDONLY | O_CLOEXEC);
    BENCH_REQUIRE(s, f >= 0);
    BENCH_REQUIRE(s, E::c1(SYS_close, f) == 0);
  }
}
void open_rawsys(State& s) {
  s.SetLabel(rs::open_close_label);
  for (auto _ : s) BENCH_REQUIRE(s, rs::open_close(dev_null));
}
void open_glibc(State& s) {
  for (auto _ : s) {
    int f = ::openat(AT_FDCWD, dev_null, O_RDONLY | O_CLOEXEC);
    BENCH_REQUIRE(s, f >= 0);
    BENCH_REQUIRE(s, ::close(f) == 0);
  }
}
void open_glibc_syscall(State& s) {
  for (auto _ : s) {
    long f = ::syscall(SYS_openat, AT_FDCWD, dev_null, O_RDONLY | O_CLOEXEC);
    BENCH_REQUIRE(s, f >= 0);
    BENCH_REQUIRE(s, ::syscall(SYS_close, f) == 0);
  }
}

// --- mmap + munmap of one page --------------------------------------------
template <class E>
void mmap_floor(State& s) {
  for (auto _ : s) {
    long p = E::c6(sys_mmap, 0, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    BENCH_REQUIRE(s, static_cast<unsigned long>(p) < static_cast<unsigned long>(-4095L));
    BENCH_REQUIRE(s, E::c2(SYS_munmap, p, page) == 0);
  }
}
void mmap_rawsys(State& s) {
  s.SetLabel(rs::mmap_label);
  for (auto _ : s) BENCH_REQUIRE(s, rs::mmap_munmap(page));
}
void mmap_glibc(State& s) {
  for (auto _ : s) {
    void* p = ::mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    BENCH_REQUIRE(s, p != MAP_FAILED);
    BENCH_REQUIRE(s, ::munmap(p, page) == 0);
  }
}
void mmap_glibc_syscall(State& s) {
  for (auto _ : s) {
    long p = ::syscall(sys_mmap, nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    BENCH_REQUIRE(s, p != -1);
    BENCH_REQUIRE(s, ::syscall(SYS_munmap, p, page) == 0);
  }
}

// --- pipe2 + close ---------------------------------------------------------
template <class E>
void pipe_floor(State& s) {
  int fds[2];
  for (auto _ : s) {
    BENCH_REQUIRE(s, E::c2(SYS_pipe2, addr(fds), O_CLOEXEC) == 0);
    BENCH_REQUIRE(s, E::c1(SYS_close, fds[0]) == 0);
    BENCH_REQUIRE(s, E::c1(SYS_close, fds[1]) == 0);
  }
}
void pipe_rawsys(State& s) {
  s.SetLabel(rs::pipe_label);
  for (auto _ : s) BENCH_REQUIRE(s, rs::pipe_close());
}
void pipe_glibc(State& s) {
  int fds[2];
  for (auto _ : s) {
    BENCH_REQUIRE(s, ::pipe2(fds, O_CLOEXEC) == 0);
    BENCH_REQUIRE(s, ::close(fds[0]) == 0);
    BENCH_REQUIRE(s, ::close(fds[1]) == 0);
  }
}
void pipe_glibc_syscall(State& s) {
  int fds[2];
  for (auto _ : s) {
    BENCH_REQUIRE(s, ::syscall(SYS_pipe2, fds, O_CLOEXEC) == 0);
    BENCH_REQUIRE(s, ::syscall(SYS_close, fds[0]) == 0);
    BENCH_REQUIRE(s, ::syscall(SYS_close, fds[1]) == 0);
  }
}

// --- getrandom of 16 bytes -------------------------------------------------
template <class E>
void getrandom_floor(State& s) {
  unsigned char b[16];
  for (auto _ : s) BENCH_REQUIRE(s, E::c3(SYS_getrandom, addr(b), sizeof b, 0) == 16);
}
void getrandom_rawsys(State& s) {
  s.SetLabel(rs::getrandom_label);
  unsigned char b[16];
  for (auto _ : s) BENCH_REQUIRE(s, rs::getrandom16(b));
}
void getrandom_glibc(State& s) {
  unsigned char b[16];
  for (auto _ : s) BENCH_REQUIRE(s, ::getrandom(b, sizeof b, 0) == 16);
}
void getrandom_glibc_syscall(State& s) {
  unsigned char b[16];
  for (auto _ : s) BENCH_REQUIRE(s, ::syscall(SYS_getrandom, b, sizeof b, 0) == 16);
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

using fn = void (*)(State&);
struct call_set {
  const char* op;
  fn floor_fast;  // the floor: syscall / svc / __kernel_vsyscall
  fn floor_int80; // i386 only
  fn rawsys, glibc, glibc_syscall;
};

#if defined(__i386__)
#define FLOORS(f) f<vsyscall_entry>, f<int80_entry>
#else
#define FLOORS(f) f<native_entry>, nullptr
#endif

}  // namespace

void register_calls() {
  const call_set sets[] = {
      {"getppid", FLOORS(getppid_floor), getppid_rawsys, getppid_glibc, getppid_glibc_syscall},
      {"read_1B_dev_zero", FLOORS(read_floor), read_rawsys, read_glibc, read_glibc_syscall},
      {"write_1B_dev_null", FLOORS(write_floor), write_rawsys, write_glibc, write_glibc_syscall},
      {"clock_gettime_monotonic", FLOORS(clock_floor), clock_rawsys, clock_glibc, clock_glibc_syscall},
      {"openat_close", FLOORS(open_floor), open_rawsys, open_glibc, open_glibc_syscall},
      {"mmap_munmap_page", FLOORS(mmap_floor), mmap_rawsys, mmap_glibc, mmap_glibc_syscall},
      {"pipe2_close", FLOORS(pipe_floor), pipe_rawsys, pipe_glibc, pipe_glibc_syscall},
      {"getrandom_16B", FLOORS(getrandom_floor), getrandom_rawsys, getrandom_glibc, getrandom_glibc_syscall},
  };
  for (const auto& c : sets) {
    const std::string base = std::string("call/") + c.op + "/";
    benchmark::RegisterBenchmark((base + "floor").c_str(), c.floor_fast);
    if (c.floor_int80) benchmark::RegisterBenchmark((base + "floor_int80").c_str(), c.floor_int80);
    benchmark::RegisterBenchmark((base + "rawsys").c_str(), c.rawsys);
    benchmark::RegisterBenchmark((base + "glibc").c_str(), c.glibc);
    benchmark::RegisterBenchmark((base + "glibc_syscall").c_str(), c.glibc_syscall);
  }
  benchmark::RegisterBenchmark("entry/getppid/floor_outlined", getppid_floor_outlined);
#if defined(__x86_64__)
  // Only where the kernel has 32-bit emulation: check once that it answers.
  if (floor_asm::int80_0(64) == ::getppid())
    benchmark::RegisterBenchmark("entry/getppid/int80_from_64bit", getppid_int80_from_64);
#endif
}

}  // namespace bench
