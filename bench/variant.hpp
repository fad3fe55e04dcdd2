// The rawsys side of every comparison, in one place: the typed wrapper where
// the library has it (file.hpp and process.hpp are picked up when present),
// else the generic rawsys::syscall(nr::...). Each call has a *_label naming
// what was measured; the benchmarks record it and the report prints it.
#pragma once

#include <stddef.h>

#include <string>

#include <rawsys/rawsys.hpp>
#if __has_include(<rawsys/file.hpp>)
#include <rawsys/file.hpp>
#endif
#if __has_include(<rawsys/process.hpp>)
#include <rawsys/process.hpp>
#endif
#if __has_include(<rawsys/random.hpp>)
#include <rawsys/random.hpp>
#endif

namespace bench::rs {

using rawsys::nr;

#if defined(__i386__)
inline constexpr nr nr_clock_gettime = nr::clock_gettime64;  // 64-bit time on i386
#else
inline constexpr nr nr_clock_gettime = nr::clock_gettime;
#endif

#if __has_include(<rawsys/process.hpp>)
[[gnu::always_inline]] inline long getppid() { return rawsys::getppid(); }
inline constexpr const char* getppid_label = "rawsys::getppid()";
#else
[[gnu::always_inline]] inline long getppid() { return rawsys::syscall(nr::getppid).value_or(-1); }
inline constexpr const char* getppid_label = "rawsys::syscall(nr::getppid)";
#endif

#if __has_include(<rawsys/file.hpp>)
[[gnu::always_inline]] inline bool read1(int f, char* b) {
  auto r = rawsys::read(rawsys::fd(f), b, 1);
  return r && *r == 1;
}
inline constexpr const char* read_label = "rawsys::read(fd, buf, 1)";
[[gnu::always_inline]] inline bool write1(int f, const char* b) {
  auto r = rawsys::write(rawsys::fd(f), b, 1);
  return r && *r == 1;
}
inline constexpr const char* write_label = "rawsys::write(fd, buf, 1)";
[[gnu::always_inline]] inline bool read_n(int f, void* b, size_t n, size_t* got) {
  auto r = rawsys::read(rawsys::fd(f), b, n);
  if (!r) return false;
  *got = *r;
  return true;
}
[[gnu::always_inline]] inline bool write_n(int f, const void* b, size_t n) {
  auto r = rawsys::write(rawsys::fd(f), b, n);
  return r && *r == n;
}
#else
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
#endif

// The typed call: the vDSO, with the syscall as fallback (time.hpp).
[[gnu::always_inline]] inline bool clock_monotonic(rawsys::timespec* ts) {
  auto r = rawsys::clock_gettime(rawsys::clock::monotonic);
  if (!r) return false;
  *ts = *r;
  return true;
}
inline constexpr const char* clock_label = "rawsys::clock_gettime(clock::monotonic) (vDSO)";

// rawsys's real system call for the same clock, for the vDSO comparison.
[[gnu::always_inline]] inline bool clock_monotonic_syscall(rawsys::timespec* ts) {
  return rawsys::syscall(nr_clock_gettime, rawsys::clock::monotonic, ts).has_value();
}
inline constexpr const char* clock_syscall_label = "rawsys::syscall(nr::clock_gettime) (the real syscall)";

[[gnu::always_inline]] inline bool gettimeofday_now() { return rawsys::gettimeofday().has_value(); }
inline constexpr const char* gettimeofday_label = "rawsys::gettimeofday() (vDSO)";

[[gnu::always_inline]] inline bool gettimeofday_syscall() {
  struct {
    long sec, usec;
  } tv;
  return rawsys::syscall(nr::gettimeofday, &tv, nullptr).has_value();
}
inline constexpr const char* gettimeofday_syscall_label = "rawsys::syscall(nr::gettimeofday) (the real syscall)";

#if __has_include(<rawsys/file.hpp>)
// The descriptor comes back owned (unique_fd); close() takes it back.
[[gnu::always_inline]] inline bool open_close(const char* path) {
  using namespace rawsys;
  auto f = rawsys::openat(at_fdcwd, path, o::rdonly | o::cloexec);
  if (!f) return false;
  return rawsys::close(static_cast<unique_fd&&>(*f)).has_value();
}
inline constexpr const char* open_close_label = "rawsys::openat, rawsys::close";
#else
[[gnu::always_inline]] inline bool open_close(const char* path) {
  auto f = rawsys::syscall(nr::openat, -100 /* AT_FDCWD */, path, 0x80000 /* O_RDONLY|O_CLOEXEC */);
  if (!f) return false;
  return rawsys::syscall(nr::close, *f).has_value();
}
inline constexpr const char* open_close_label = "rawsys::syscall(nr::openat), rawsys::syscall(nr::close)";
#endif

[[gnu::always_inline]] inline bool mmap_munmap(size_t len) {
  using namespace rawsys;
  auto p = rawsys::mmap(nullptr, len, prot::read | prot::write, map::private_ | map::anonymous);
  if (!p) return false;
  return rawsys::munmap(*p, len).has_value();
}
inline constexpr const char* mmap_label = "rawsys::mmap, rawsys::munmap";

#if __has_include(<rawsys/file.hpp>)
[[gnu::always_inline]] inline bool pipe_close() {
  using namespace rawsys;
  int fds[2];
  if (!rawsys::pipe2(fds, o::cloexec)) return false;
  const bool a = rawsys::close(fd(fds[0])).has_value();
  const bool b = rawsys::close(fd(fds[1])).has_value();
  return a && b;
}
inline constexpr const char* pipe_label = "rawsys::pipe2(int (&)[2], o::cloexec), rawsys::close";
#else
[[gnu::always_inline]] inline bool pipe_close() {
  int fds[2];
  if (!rawsys::syscall(nr::pipe2, fds, 0x80000 /* O_CLOEXEC */)) return false;
  const bool a = rawsys::syscall(nr::close, fds[0]).has_value();
  const bool b = rawsys::syscall(nr::close, fds[1]).has_value();
  return a && b;
}
inline constexpr const char* pipe_label = "rawsys::syscall(nr::pipe2), rawsys::syscall(nr::close)";
#endif

#if __has_include(<rawsys/random.hpp>)
[[gnu::always_inline]] inline bool getrandom16(void* b) {
  auto r = rawsys::getrandom(b, 16);
  return r && *r == 16;
}
inline constexpr const char* getrandom_label = "rawsys::getrandom(buf, 16) (the syscall)";
#else
[[gnu::always_inline]] inline bool getrandom16(void* b) {
  auto r = rawsys::vdso::getrandom(rawsys::buffer(b, 16), 0);
  return r && *r == 16;
}
inline constexpr const char* getrandom_label = "rawsys::vdso::getrandom(buffer, 0) (no state: the syscall)";
#endif

// The vDSO's getrandom (x86-64, Linux 6.11+) with its per-thread state.
[[gnu::always_inline]] inline bool getrandom16_vdso(void* b, rawsys::vdso::random_state& st) {
  auto r = rawsys::vdso::getrandom(rawsys::buffer(b, 16), 0, st);
  return r && *r == 16;
}
inline constexpr const char* getrandom_vdso_label = "rawsys::vdso::getrandom(buffer, 0, state) (vDSO)";

#if __has_include(<rawsys/file.hpp>)
[[gnu::always_inline]] inline bool sendfile_n(int out, int in, size_t n, size_t* got) {
  auto r = rawsys::sendfile(rawsys::fd(out), rawsys::fd(in), nullptr, n);
  if (!r) return false;
  *got = *r;
  return true;
}
[[gnu::always_inline]] inline bool splice_n(int in, int out, size_t n, size_t* got) {
  auto r = rawsys::splice(rawsys::fd(in), nullptr, rawsys::fd(out), nullptr, n);
  if (!r) return false;
  *got = *r;
  return true;
}
inline constexpr const char* storm_label = "rawsys::read/write/sendfile/splice";
#else
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
#endif

}  // namespace bench::rs

namespace bench {
inline std::string variant_summary() {
  std::string s;
  for (const char* l : {rs::getppid_label, rs::read_label, rs::write_label, rs::clock_label,
                        rs::open_close_label, rs::mmap_label, rs::pipe_label, rs::getrandom_label,
                        rs::gettimeofday_label, rs::getrandom_vdso_label, rs::storm_label}) {
    if (!s.empty()) s += "; ";
    s += l;
  }
  return s;
}
}  // namespace bench
