// The "syscall storm": copying a file with read/write pairs of 1 B, 64 B,
// 4 KiB and 64 KiB, and with sendfile and splice, to /dev/null and to a file
// on /tmp. Reported as bytes per second and calls per second. The source is a
// memfd (page cache only, no disk); the destination file is overwritten in
// place each iteration, so the steady state is measured, not block allocation.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <type_traits>
#include <vector>

#include "common.hpp"
#include "variant.hpp"

namespace bench {
namespace {

using benchmark::State;

constexpr size_t mib = 1024 * 1024;
size_t full_size = 16 * mib;  // what the copies move (smoke: 64 KiB)
size_t byte_size = 1 * mib;   // the 1-byte case moves this much (smoke: 4 KiB)
int src_fd = -1;
int file_fd = -1;

struct glibc_io {
  static bool read_n(int fd, void* b, size_t n, size_t* got) {
    const ssize_t r = ::read(fd, b, n);
    if (r < 0) return false;
    *got = static_cast<size_t>(r);
    return true;
  }
  static bool write_n(int fd, const void* b, size_t n) { return ::write(fd, b, n) == static_cast<ssize_t>(n); }
  static bool sendfile_n(int out, int in, size_t n, size_t* got) {
    const ssize_t r = ::sendfile(out, in, nullptr, n);
    if (r < 0) return false;
    *got = static_cast<size_t>(r);
    return true;
  }
  static bool splice_n(int in, int out, size_t n, size_t* got) {
    const ssize_t r = ::splice(in, nullptr, out, nullptr, n, 0);
    if (r < 0) return false;
    *got = static_cast<size_t>(r);
    return true;
  }
};
struct rawsys_io {
  static bool read_n(int fd, void* b, size_t n, size_t* got) { return rs::read_n(fd, b, n, got); }
  static bool write_n(int fd, const void* b, size_t n) { return rs::write_n(fd, b, n); }
  static bool sendfile_n(int out, int in, size_t n, size_t* got) { return rs::sendfile_n(out, in, n, got); }
  static bool splice_n(int in, int out, size_t n, size_t* got) { return rs::splice_n(in, out, n, got); }
};

// Rewinds the source (and a file destination): setup, the same for every variant.
bool rewind(int dst) {
  if (::lseek(src_fd, 0, SEEK_SET) != 0) return false;
  return dst == null_fd || ::lseek(dst, 0, SEEK_SET) == 0;
}

void counters(State& s, size_t total, double calls_per_iter) {
  s.SetBytesProcessed(static_cast<int64_t>(s.iterations()) * static_cast<int64_t>(total));
  s.counters["calls"] = benchmark::Counter(calls_per_iter * static_cast<double>(s.iterations()),
                                           benchmark::Counter::kIsRate);
  s.counters["bytes_per_iter"] = static_cast<double>(total);
}

template <class IO>
void copy_rw(State& s, int dst, size_t chunk) {
  if constexpr (std::is_same_v<IO, rawsys_io>) s.SetLabel(rs::storm_label);
  const size_t total = chunk == 1 ? byte_size : full_size;
  std::vector<char> buf(chunk);
  double calls = 0;
  for (auto _ : s) {
    s.PauseTiming();
    const bool ok = rewind(dst);
    s.ResumeTiming();
    BENCH_REQUIRE(s, ok);
    size_t done = 0;
    bool good = true;
    while (done < total) {
      size_t got = 0;
      const size_t want = total - done < chunk ? total - done : chunk;
      if (!IO::read_n(src_fd, buf.data(), want, &got) || got == 0 || !IO::write_n(dst, buf.data(), got)) {
        good = false;
        break;
      }
      done += got;
      calls += 2;
    }
    BENCH_REQUIRE(s, good);
  }
  counters(s, total, s.iterations() ? calls / static_cast<double>(s.iterations()) : 0);
}

template <class IO>
void copy_sendfile(State& s, int dst) {
  if constexpr (std::is_same_v<IO, rawsys_io>) s.SetLabel(rs::storm_label);
  double calls = 0;
  for (auto _ : s) {
    s.PauseTiming();
    const bool ok = rewind(dst);
    s.ResumeTiming();
    BENCH_REQUIRE(s, ok);
    size_t done = 0;
    bool good = true;
    while (done < full_size) {
      size_t got = 0;
      if (!IO::sendfile_n(dst, src_fd, full_size - done, &got) || got == 0) {
        good = false;
        break;
      }
      done += got;
      calls += 1;
    }
    BENCH_REQUIRE(s, good);
  }
  counters(s, full_size, s.iterations() ? calls / static_cast<double>(s.iterations()) : 0);
}

// memfd -> pipe -> destination, 64 KiB (the default pipe capacity) at a time.
template <class IO>
void copy_splice(State& s, int dst) {
  if constexpr (std::is_same_v<IO, rawsys_io>) s.SetLabel(rs::storm_label);
  int p[2];
  if (::pipe2(p, O_CLOEXEC) != 0) {
    s.SkipWithError("pipe2 failed");
    return;
  }
  const size_t chunk = 64 * 1024;
  double calls = 0;
  for (auto _ : s) {
    s.PauseTiming();
    const bool ok = rewind(dst);
    s.ResumeTiming();
    BENCH_REQUIRE(s, ok);
    size_t done = 0;
    bool good = true;
    while (done < full_size) {
      size_t in = 0;
      const size_t want = full_size - done < chunk ? full_size - done : chunk;
      if (!IO::splice_n(src_fd, p[1], want, &in) || in == 0) {
        good = false;
        break;
      }
      for (size_t out = 0; out < in;) {
        size_t k = 0;
        if (!IO::splice_n(p[0], dst, in - out, &k) || k == 0) {
          good = false;
          break;
        }
        out += k;
        calls += 1;
      }
      if (!good) break;
      done += in;
      calls += 1;
    }
    BENCH_REQUIRE(s, good);
  }
  ::close(p[0]);
  ::close(p[1]);
  counters(s, full_size, s.iterations() ? calls / static_cast<double>(s.iterations()) : 0);
}

bool setup_files() {
  src_fd = ::memfd_create("rawsys-bench-src", MFD_CLOEXEC);
  if (src_fd < 0) return false;
  std::vector<char> block(mib);
  for (size_t i = 0; i < block.size(); ++i) block[i] = static_cast<char>(i * 131u + 7u);
  for (size_t done = 0; done < full_size; done += block.size())
    if (::write(src_fd, block.data(), block.size() < full_size - done ? block.size() : full_size - done) < 0)
      return false;
  char name[] = "/tmp/rawsys-bench-XXXXXX";
  file_fd = ::mkstemp(name);
  if (file_fd < 0) return false;
  ::unlink(name);  // gone when the process ends, whatever happens
  return true;
}

}  // namespace

void register_storm(bool smoke) {
  if (smoke) {
    full_size = 64 * 1024;
    byte_size = 4 * 1024;
  }
  if (!setup_files()) {
    std::fprintf(stderr, "rawsys_bench: storm skipped: could not create its files\n");
    return;
  }
  struct dest {
    const char* name;
    int fd;
  };
  for (const dest d : {dest{"dev_null", null_fd}, dest{"tmp_file", file_fd}}) {
    const std::string base = std::string("storm/") + d.name + "/";
    for (const size_t chunk : {size_t{1}, size_t{64}, size_t{4096}, size_t{65536}}) {
      const std::string c = "rw_" + std::to_string(chunk) + "B/";
      const int fd = d.fd;
      benchmark::RegisterBenchmark((base + c + "rawsys").c_str(),
                                   [fd, chunk](State& s) { copy_rw<rawsys_io>(s, fd, chunk); });
      benchmark::RegisterBenchmark((base + c + "glibc").c_str(),
                                   [fd, chunk](State& s) { copy_rw<glibc_io>(s, fd, chunk); });
    }
    const int fd = d.fd;
    benchmark::RegisterBenchmark((base + "sendfile/rawsys").c_str(), [fd](State& s) { copy_sendfile<rawsys_io>(s, fd); });
    benchmark::RegisterBenchmark((base + "sendfile/glibc").c_str(), [fd](State& s) { copy_sendfile<glibc_io>(s, fd); });
    benchmark::RegisterBenchmark((base + "splice/rawsys").c_str(), [fd](State& s) { copy_splice<rawsys_io>(s, fd); });
    benchmark::RegisterBenchmark((base + "splice/glibc").c_str(), [fd](State& s) { copy_splice<glibc_io>(s, fd); });
  }
}

void cleanup_storm() {
  if (src_fd >= 0) ::close(src_fd);
  if (file_fd >= 0) ::close(file_fd);
}

}  // namespace bench
