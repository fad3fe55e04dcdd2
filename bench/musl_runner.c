/* The musl side of the benchmarks: a static program linked with musl
 * (musl-gcc -O2 -static), since musl cannot share a process with glibc.
 * rawsys_bench starts it once per repetition of each musl/<call> benchmark,
 * so with random interleaving its runs are spread among the glibc process's
 * own. It measures one call two ways, paired as bench/paired.hpp does: the
 * hand-written instruction (the floor, the same asm as bench/floor.hpp) and
 * musl's function, in blocks alternating in a random order each round; it
 * prints the median per-call times and the median of the per-round ratios:
 *   ns_floor ns_musl musl_per_floor rounds
 * The glibc process measures glibc ÷ floor against the same floor, so
 * musl ÷ glibc is the ratio of the two ratios.
 *
 * usage: rawsys_bench_musl CALL MILLISECONDS */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static long sc0(long n) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n) : "rcx", "r11", "memory");
  return r;
}
static long sc1(long n, long a) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory");
  return r;
}
static long sc2(long n, long a, long b) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b) : "rcx", "r11", "memory");
  return r;
}
static long sc3(long n, long a, long b, long c) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
  return r;
}
static long sc6(long n, long a, long b, long c, long d, long e, long f) {
  long r;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  __asm__ volatile("syscall"
                   : "=a"(r)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return r;
}

/* Keeps a value alive, as benchmark::DoNotOptimize. */
#define KEEP(v) __asm__ volatile("" : : "r"(v) : "memory")
#define STEP static inline __attribute__((always_inline)) int

static int zero_fd, null_fd;
static const char one[1] = {'x'};
static const char dev_null[] = "/dev/null";
enum { page = 4096 };
struct ktimeval {
  long sec, usec;
};

STEP getppid_floor(void) { long r = sc0(SYS_getppid); KEEP(r); return 1; }
STEP getppid_musl(void) { pid_t r = getppid(); KEEP(r); return 1; }
STEP read_floor(void) { char b[1]; return sc3(SYS_read, zero_fd, (long)b, 1) == 1; }
STEP read_musl(void) { char b[1]; return read(zero_fd, b, 1) == 1; }
STEP write_floor(void) { return sc3(SYS_write, null_fd, (long)one, 1) == 1; }
STEP write_musl(void) { return write(null_fd, one, 1) == 1; }
STEP clock_floor(void) { struct timespec ts; return sc2(SYS_clock_gettime, CLOCK_MONOTONIC, (long)&ts) == 0; }
STEP clock_musl(void) { struct timespec ts; return clock_gettime(CLOCK_MONOTONIC, &ts) == 0; }
STEP open_floor(void) {
  const long f = sc3(SYS_openat, AT_FDCWD, (long)dev_null, O_RDONLY | O_CLOEXEC);
  return f >= 0 && sc1(SYS_close, f) == 0;
}
STEP open_musl(void) {
  const int f = openat(AT_FDCWD, dev_null, O_RDONLY | O_CLOEXEC);
  return f >= 0 && close(f) == 0;
}
STEP mmap_floor(void) {
  const long p = sc6(SYS_mmap, 0, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return (unsigned long)p < (unsigned long)-4095L && sc2(SYS_munmap, p, page) == 0;
}
STEP mmap_musl(void) {
  void* p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p != MAP_FAILED && munmap(p, page) == 0;
}
STEP pipe_floor(void) {
  int fds[2];
  if (sc2(SYS_pipe2, (long)fds, O_CLOEXEC) != 0) return 0;
  const int a = sc1(SYS_close, fds[0]) == 0;
  const int b = sc1(SYS_close, fds[1]) == 0;
  return a && b;
}
STEP pipe_musl(void) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return 0;
  const int a = close(fds[0]) == 0;
  const int b = close(fds[1]) == 0;
  return a && b;
}
STEP getrandom_floor(void) { unsigned char b[16]; return sc3(SYS_getrandom, (long)b, sizeof b, 0) == 16; }
STEP getrandom_musl(void) { unsigned char b[16]; return getrandom(b, sizeof b, 0) == 16; }
STEP gtod_floor(void) { struct ktimeval tv; return sc2(SYS_gettimeofday, (long)&tv, 0) == 0; }
STEP gtod_musl(void) { struct timeval tv; return gettimeofday(&tv, NULL) == 0; }

/* One block of a variant: `block` calls; the time per call in ns. */
#define BLOCK(F)                                           \
  static double block_##F(int block, int* ok) {            \
    struct timespec t0, t1;                                \
    clock_gettime(CLOCK_MONOTONIC, &t0);                   \
    for (int k = 0; k < block; ++k) *ok &= F();            \
    clock_gettime(CLOCK_MONOTONIC, &t1);                   \
    return ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / block; \
  }
BLOCK(getppid_floor) BLOCK(getppid_musl) BLOCK(read_floor) BLOCK(read_musl) BLOCK(write_floor)
BLOCK(write_musl) BLOCK(clock_floor) BLOCK(clock_musl) BLOCK(open_floor) BLOCK(open_musl)
BLOCK(mmap_floor) BLOCK(mmap_musl) BLOCK(pipe_floor) BLOCK(pipe_musl) BLOCK(getrandom_floor)
BLOCK(getrandom_musl) BLOCK(gtod_floor) BLOCK(gtod_musl)

typedef double (*block_fn)(int, int*);
/* The calls, named as rawsys_bench's paired benchmarks, with the same block sizes. */
static const struct call {
  const char* name;
  block_fn floor, musl;
  int block;
} calls[] = {
    {"getppid", block_getppid_floor, block_getppid_musl, 128},
    {"read_1B_dev_zero", block_read_floor, block_read_musl, 96},
    {"write_1B_dev_null", block_write_floor, block_write_musl, 128},
    {"clock_gettime_monotonic", block_clock_floor, block_clock_musl, 96},
    {"openat_close", block_open_floor, block_open_musl, 8},
    {"mmap_munmap_page", block_mmap_floor, block_mmap_musl, 6},
    {"pipe2_close", block_pipe_floor, block_pipe_musl, 6},
    {"getrandom_16B", block_getrandom_floor, block_getrandom_musl, 64},
    {"gettimeofday", block_gtod_floor, block_gtod_musl, 128},
};

static int cmp(const void* a, const void* b) {
  const double x = *(const double*)a, y = *(const double*)b;
  return x < y ? -1 : x > y;
}
static double median(double* v, size_t n) {
  qsort(v, n, sizeof *v, cmp);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fputs("usage: rawsys_bench_musl CALL MILLISECONDS\n", stderr);
    return 2;
  }
  const struct call* c = NULL;
  for (size_t i = 0; i < sizeof calls / sizeof calls[0]; ++i)
    if (strcmp(argv[1], calls[i].name) == 0) c = &calls[i];
  if (!c) {
    fprintf(stderr, "rawsys_bench_musl: no call %s\n", argv[1]);
    return 2;
  }
  const double budget_ns = atof(argv[2]) * 1e6;
  zero_fd = open("/dev/zero", O_RDONLY | O_CLOEXEC);
  null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (zero_fd < 0 || null_fd < 0) return 1;

  enum { max_rounds = 1 << 16 };
  static double tf[max_rounds], tm[max_rounds], ratio[max_rounds];
  size_t rounds = 0;
  unsigned seed = 0x9e3779b9u;
  int ok = 1;
  struct timespec start, now;
  clock_gettime(CLOCK_MONOTONIC, &start);
  do {
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    if (seed & 1) {
      tf[rounds] = c->floor(c->block, &ok);
      tm[rounds] = c->musl(c->block, &ok);
    } else {
      tm[rounds] = c->musl(c->block, &ok);
      tf[rounds] = c->floor(c->block, &ok);
    }
    ratio[rounds] = tm[rounds] / tf[rounds];
    ++rounds;
    clock_gettime(CLOCK_MONOTONIC, &now);
  } while (rounds < max_rounds &&
           (double)(now.tv_sec - start.tv_sec) * 1e9 + (double)(now.tv_nsec - start.tv_nsec) < budget_ns);
  if (!ok) {
    fprintf(stderr, "rawsys_bench_musl: %s failed\n", c->name);
    return 1;
  }
  const double r = median(ratio, rounds);
  printf("%.3f %.3f %.5f %zu\n", median(tf, rounds), median(tm, rounds), r, rounds);
  return 0;
}
