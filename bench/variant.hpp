// The rawsys side of every comparison, in one place: the typed wrapper where
// the library has it, else the generic rawsys::syscall(nr::...). Each
// function says which one it is (label()), and the report prints it.
#pragma once

#include <stddef.h>

#include <string>

#include <rawsys/rawsys.hpp>

namespace bench::rs {

using rawsys::nr;

#if defined(__i386__)
inline constexpr nr nr_clock_gettime = nr::clock_gettime64;  // 64-bit time on i386
inline constexpr nr nr_mmap = nr::mmap2;
#else
inline constexpr nr nr_clock_gettime = nr::clock_gettime;
inline constexpr nr nr_mmap = nr::mmap;
#endif

[[gnu::always_inline]] inline long getppid() { return rawsys::syscall(nr::getppid).value_or(-1); }
inline constexpr const char* getppid_label = "rawsys::syscall(nr::getppid)";

[[gnu::always_inline]] inline bool read1(int fd, char* b) {
  auto r = rawsys::syscall(nr::read, fd, b, size_t{1});
  return r && *r == 1;
}
inline constexpr const char* read_label = "rawsys::syscall(nr::read)";

[[gnu::always_inline]] inline bool write1(int fd, const char* b) {
  auto r = rawsys::syscall(nr::write, fd, b, size_t{1});
  return r && *r == 1;
}
inline constexpr const char* write_label = "rawsys::syscall(nr::write)";

[[gnu::always_inline]] inline bool read_n(int fd, void* b, size_t n, size_t* got) {
  auto r = rawsys::syscall(nr::read, fd, b, n);
  if (!r) return false;
  *got = static_cast<size_t>(*r);
  return true;
}
[[gnu::always_inline]] inline bool write_n(int fd, const void* b, size_t n) {
  auto r = rawsys::syscall(nr::write, fd, b, n);
  return r && static_cast<size_t>(*r) == n;
}

[[gnu::always_inline]] inline bool clock_monotonic(rawsys::timespec* ts) {
  return rawsys::syscall(nr_clock_gettime, 1 /* CLOCK_MONOTONIC */, ts).has_value();
}
inline constexpr const char* clock_label = "rawsys::syscall(nr::clock_gettime) (a real syscall)";
inline constexpr bool clock_is_vdso = false;

// rawsys's vDSO clock: not in the library yet (then the syscall stands in and
// the benchmark is not registered).
inline constexpr bool have_vdso_clock = false;
[[gnu::always_inline]] inline bool vdso_clock_monotonic(rawsys::timespec* ts) { return clock_monotonic(ts); }
inline constexpr const char* vdso_clock_label = "(none)";

[[gnu::always_inline]] inline bool gettimeofday_now() {
  struct { long sec, usec; } tv;
  return rawsys::syscall(nr::gettimeofday, &tv, nullptr).has_value();
}
inline constexpr const char* gettimeofday_label = "rawsys::syscall(nr::gettimeofday) (a real syscall)";

[[gnu::always_inline]] inline bool open_close(const char* path) {
  auto f = rawsys::syscall(nr::openat, -100 /* AT_FDCWD */, path, 0x80000 /* O_RDONLY|O_CLOEXEC */);
  if (!f) return false;
  return rawsys::syscall(nr::close, *f).has_value();
}
inline constexpr const char* open_close_label = "rawsys::syscall(nr::openat), rawsys::syscall(nr::close)";

[[gnu::always_inline]] inline bool mmap_munmap(size_t len) {
  auto p = rawsys::syscall(nr_mmap, nullptr, len, 3 /* PROT_READ|PROT_WRITE */,
                           0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0);
  if (!p) return false;
  return rawsys::syscall(nr::munmap, *p, len).has_value();
}
inline constexpr const char* mmap_label = "rawsys::syscall(nr::mmap), rawsys::syscall(nr::munmap)";

[[gnu::always_inline]] inline bool pipe_close() {
  int fds[2];
  if (!rawsys::syscall(nr::pipe2, fds, 0x80000 /* O_CLOEXEC */)) return false;
  const bool a = rawsys::syscall(nr::close, fds[0]).has_value();
  const bool b = rawsys::syscall(nr::close, fds[1]).has_value();
  return a && b;
}
inline constexpr const char* pipe_label = "rawsys::syscall(nr::pipe2), rawsys::syscall(nr::close)";

[[gnu::always_inline]] inline bool getrandom16(void* b) {
  auto r = rawsys::syscall(nr::getrandom, b, size_t{16}, 0u);
  return r && *r == 16;
}
inline constexpr const char* getrandom_label = "rawsys::syscall(nr::getrandom)";

[[gnu::always_inline]] inline bool sendfile_n(int out, int in, size_t n, size_t* got) {
#if defined(__i386__)
  auto r = rawsys::syscall(nr::sendfile64, out, in, nullptr, n);
#else
  auto r = rawsys::syscall(nr::sendfile, out, in, nullptr, n);
#endif
  if (!r) return false;
  *got = static_cast<size_t>(*r);
  return true;
}
[[gnu::always_inline]] inline bool splice_n(int in, int out, size_t n, size_t* got) {
  auto r = rawsys::syscall(nr::splice, in, nullptr, out, nullptr, n, 0u);
  if (!r) return false;
  *got = static_cast<size_t>(*r);
  return true;
}
inline constexpr const char* storm_label = "rawsys::syscall(nr::read/write/sendfile/splice)";

}  // namespace bench::rs

namespace bench {
inline std::string variant_summary() {
  std::string s;
  for (const char* l : {rs::getppid_label, rs::read_label, rs::write_label, rs::clock_label,
                        rs::open_close_label, rs::mmap_label, rs::pipe_label, rs::getrandom_label,
                        rs::gettimeofday_label, rs::storm_label}) {
    if (!s.empty()) s += "; ";
    s += l;
  }
  return s;
}
}  // namespace bench
