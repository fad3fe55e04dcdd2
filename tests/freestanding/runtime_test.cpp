// The no-libc runtime (<rawsys/start.hpp>) from the inside. Run by
// run_runtime_test.py, which checks the exit status and the output:
//   runtime_test check alpha "" "gamma delta"   (environment: see the script)
//     argv, envp, auxv, the canary, init order, mem*; prints "main ok" and
//     returns 42; markers from atexit, destructors and .fini_array follow.
//   runtime_test exit     rawsys::exit_program(7) from a nested call
//   runtime_test smash    overflows a stack buffer: the report on stderr, SIGABRT
// A failed check prints "FAIL: what" and exits with 1.
#include <rawsys/start.hpp>
#include <rawsys/out.hpp>

extern "C" char _start_marker __asm__("_start");

namespace {

void say(const char* s) {
  unsigned long n = 0;
  while (s[n]) ++n;
  (void)rawsys::raw::syscall(static_cast<long>(rawsys::nr::write), 1, s, n);
}

bool same(const char* a, const char* b) {
  if (!a || !b) return a == b;
  while (*a && *a == *b) ++a, ++b;
  return *a == *b;
}

int failures = 0;
void check(bool ok, const char* what) {
  if (ok) return;
  say("FAIL: ");
  say(what);
  say("\n");
  ++failures;
}

// Initialisation order: each step appends a letter.
char order[16];
int order_len = 0;
void record(char c) {
  if (order_len < 15) order[order_len++] = c;
}

int init_argc = -1;
void preinit(int argc, char**, char**) {
  init_argc = argc;
  record('P');
}
__attribute__((used, section(".preinit_array"))) void (*const preinit_entry)(int, char**, char**) = preinit;

// The empty asm keeps it a constructor that runs: Clang 19 evaluates one it
// can at build time (LLVM's GlobalOpt), and '1' would come before the 'P'.
__attribute__((constructor(101))) void early() {
  __asm__ volatile("");
  record('1');
}

struct global {
  char name;
  explicit global(char n) : name(n) { record(n); }
  ~global() {
    char line[] = "dtor ?\n";
    line[5] = name;
    say(line);
  }
};
global a('A');
global b('B');

__attribute__((destructor)) void fini_marker() { say("fini\n"); }

void at_exit_marker() { say("atexit\n"); }

struct local_type {
  ~local_type() { say("local static dtor\n"); }
};
void touch_local_static() {
  static local_type once;  // registered with __cxa_atexit on first use
  (void)once;
}

// mem* against byte-by-byte references, through volatile pointers so that
// the compiler cannot expand the calls itself.
void* (*volatile p_memcpy)(void*, const void*, size_t) = memcpy;
void* (*volatile p_memmove)(void*, const void*, size_t) = memmove;
void* (*volatile p_memset)(void*, int, size_t) = memset;
int (*volatile p_memcmp)(const void*, const void*, size_t) = memcmp;

constexpr unsigned span = 256;
unsigned char buf[span * 2], ref[span * 2];
unsigned char big_a[70000], big_b[70000];

unsigned seed = 12345;
unsigned char next_byte() {
  seed = seed * 1103515245u + 12345u;
  return static_cast<unsigned char>(seed >> 16);
}

void fill() {
  for (unsigned i = 0; i < sizeof buf; ++i) ref[i] = buf[i] = next_byte();
}

bool equal_to_ref() {
  for (unsigned i = 0; i < sizeof buf; ++i)
    if (buf[i] != ref[i]) return false;
  return true;
}

int sign(int v) { return (v > 0) - (v < 0); }

void check_mem() {
  for (unsigned n = 0; n < 80; ++n) {
    for (unsigned d = 0; d < 16; ++d) {
      for (unsigned s = 0; s < 16; s += 3) {
        // memcpy between disjoint halves, any alignment.
        fill();
        void* r = p_memcpy(buf + d, buf + span + s, n);
        for (unsigned i = 0; i < n; ++i) ref[d + i] = ref[span + s + i];
        check(r == buf + d && equal_to_ref(), "memcpy");
        // memmove with overlap in both directions.
        fill();
        r = p_memmove(buf + 40 + d, buf + 40 + s, n);
        unsigned char tmp[80];
        for (unsigned i = 0; i < n; ++i) tmp[i] = ref[40 + s + i];
        for (unsigned i = 0; i < n; ++i) ref[40 + d + i] = tmp[i];
        check(r == buf + 40 + d && equal_to_ref(), "memmove");
        // memset with an int whose high bits must be ignored.
        fill();
        r = p_memset(buf + d + s, 0x1a5 + static_cast<int>(n), n);
        for (unsigned i = 0; i < n; ++i) ref[d + s + i] = static_cast<unsigned char>(0xa5 + n);
        check(r == buf + d + s && equal_to_ref(), "memset");
      }
    }
    // memcmp: equal ranges, then one byte changed, with bytes above 0x7f
    // (compared as unsigned char).
    fill();
    for (unsigned i = 0; i < n; ++i) buf[span + 3 + i] = buf[5 + i];
    check(p_memcmp(buf + 5, buf + span + 3, n) == 0, "memcmp equal");
    if (n > 0) {
      const unsigned at = (n * 7) % n;
      buf[5 + at] = 0x80;
      buf[span + 3 + at] = 0x7f;
      check(sign(p_memcmp(buf + 5, buf + span + 3, n)) == 1, "memcmp greater (unsigned)");
      check(sign(p_memcmp(buf + span + 3, buf + 5, n)) == -1, "memcmp less (unsigned)");
    }
  }
  // Large sizes (the string instructions on x86), overlapping both ways.
  for (unsigned i = 0; i < sizeof big_a; ++i) big_a[i] = next_byte();
  p_memcpy(big_b, big_a, sizeof big_a);
  check(p_memcmp(big_a, big_b, sizeof big_a) == 0, "memcpy large");
  p_memmove(big_b + 1001, big_b + 3, 60000);
  bool ok = true;
  for (unsigned i = 0; i < 60000; ++i) ok &= big_b[1001 + i] == big_a[3 + i];
  check(ok, "memmove large, forwards overlap");
  p_memcpy(big_b, big_a, sizeof big_a);
  p_memmove(big_b + 5, big_b + 1200, 60000);
  ok = true;
  for (unsigned i = 0; i < 60000; ++i) ok &= big_b[5 + i] == big_a[1200 + i];
  check(ok, "memmove large, backwards overlap");
  p_memset(big_b, 0, sizeof big_b);
  ok = true;
  for (unsigned char c : big_b) ok &= c == 0;
  check(ok, "memset large");
}

#if RAWSYS_STACK_GUARD_TLS
uintptr_t tls_canary() {
  uintptr_t v;
#if defined(__x86_64__)
  __asm__("mov %%fs:0x28, %0" : "=r"(v));
#elif defined(__powerpc64__)
  __asm__("ld %0, -0x7010(13)" : "=r"(v));
#elif defined(__i386__)
  __asm__("mov %%gs:0x14, %0" : "=r"(v));
#elif defined(__s390x__)
  __asm__("ear %0, %%a0\n\tsllg %0, %0, 32\n\tear %0, %%a1\n\tlg %0, 40(%0)" : "=&a"(v));
#endif
  return v;
}
#endif

void check_startup(int argc, char** argv, char** envp) {
  check(argc == 5, "argc");
  check(same(argv[1], "check") && same(argv[2], "alpha") && same(argv[3], "") &&
            same(argv[4], "gamma delta") && argv[5] == nullptr,
        "argv");
  check(init_argc == argc, "init functions get argc");
  check(envp == rawsys::environ(), "envp is rawsys::environ()");
  check(same(rawsys::getenv("RAWSYS_RT_A"), "1"), "getenv A");
  check(same(rawsys::getenv("RAWSYS_RT_B"), "two=2"), "getenv B (value with '=')");
  check(same(rawsys::getenv("RAWSYS_RT_EMPTY"), ""), "getenv empty value");
  check(rawsys::getenv("RAWSYS_RT") == nullptr, "getenv prefix of a name");
  check(rawsys::getenv("RAWSYS_RT_MISSING") == nullptr, "getenv missing");
  bool found_a = false;
  for (char* const* e = rawsys::environ(); *e; ++e) found_a |= same(*e, "RAWSYS_RT_A=1");
  check(found_a, "environ() lists RAWSYS_RT_A=1");

  // The auxiliary vector, from the startup stack.
  const unsigned long page = rawsys::auxv(6 /* AT_PAGESZ */);
  check(page >= 4096 && (page & (page - 1)) == 0, "AT_PAGESZ");
  const auto* random = reinterpret_cast<const unsigned char*>(rawsys::auxv(25 /* AT_RANDOM */));
  check(random != nullptr, "AT_RANDOM");
  const auto* vdso = reinterpret_cast<const unsigned char*>(rawsys::auxv(33 /* AT_SYSINFO_EHDR */));
  check(vdso != nullptr && vdso[0] == 0x7f && vdso[1] == 'E' && vdso[2] == 'L' && vdso[3] == 'F',
        "AT_SYSINFO_EHDR is an ELF image");
  check(rawsys::auxv(9 /* AT_ENTRY */) == reinterpret_cast<unsigned long>(&_start_marker), "AT_ENTRY is _start");
  check(rawsys::auxv(0x7fff) == 0, "absent entry is 0");
  check(rawsys::detail::startup_auxv != nullptr, "startup_auxv set");
#if defined(__i386__)
  const unsigned long sysinfo = rawsys::auxv(32 /* AT_SYSINFO */);
  check(rawsys::arch::entry_address == (sysinfo ? sysinfo : 1), "entry_address from AT_SYSINFO");
#endif
  check(rawsys::syscall(rawsys::nr::getpid).value_or(-1) > 0, "a call works");

  // The canary: AT_RANDOM's first word, its first byte in memory zero.
  if (random) {
    uintptr_t want = 0;
    auto* w = reinterpret_cast<unsigned char*>(&want);
    for (unsigned i = 1; i < sizeof want; ++i) w[i] = random[i];
    check(__stack_chk_guard == want, "__stack_chk_guard from AT_RANDOM");
    check(__stack_chk_guard != 0, "__stack_chk_guard non-zero");
  }
#if defined(__x86_64__) || defined(__i386__) || defined(__powerpc64__) || defined(__s390x__)
#if RAWSYS_STACK_GUARD_TLS
  check(tls_canary() == __stack_chk_guard, "thread block canary");
#elif defined(__x86_64__)
  // No thread block was installed: the fs base is still 0.
  unsigned long fs = 1;
  (void)rawsys::syscall(rawsys::nr::arch_prctl, 0x1003 /* ARCH_GET_FS */, &fs);
  check(fs == 0, "no thread block with the global guard");
#endif
#endif

  order[order_len] = 0;
  check(same(order, "P1AB"), "init order: preinit, constructor(101), A, B");
}

// Overflows its buffer by a length the compiler cannot see.
volatile unsigned overflow_len = 64;
__attribute__((noinline)) void smash() {
  char small[8];
  for (unsigned i = 0; i < overflow_len; ++i) reinterpret_cast<volatile char*>(small)[i] = 'x';
  say("smash: still running\n");
}

__attribute__((noinline)) void nested_exit() { rawsys::exit_program(7); }

}  // namespace

int main(int argc, char** argv, char** envp) {
  if (argc >= 2 && same(argv[1], "smash")) {
    smash();
    return 3;
  }
  atexit(at_exit_marker);
  touch_local_static();
  if (argc >= 2 && same(argv[1], "exit")) {
    say("exiting\n");
    nested_exit();
  }
  check_startup(argc, argv, envp);
  check_mem();
  // Left in the buffer: flushed at exit.
  rawsys::out << "buffered " << -12345 << ' ' << 18446744073709551615ull << ' ';
  rawsys::out.hex(0xdeadbeefcafe);
  rawsys::out << '\n';
  if (failures) return 1;
  say("main ok\n");
  return 42;
}
