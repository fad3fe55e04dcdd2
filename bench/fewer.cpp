// "The optimisation is fewer calls": N small reads (64 B each, at N offsets
// of a file on /tmp, in the page cache) made three ways, side by side in one
// process:
//  - syscalls: N rawsys::pread64 calls, one system call each;
//  - io_uring: the N reads queued as submission entries and handed to the
//    kernel by one rawsys::io_uring_enter (submit N, wait for N);
//  - sqpoll: the same ring set up with ioring_setup::sqpoll: a kernel thread
//    polls the submission ring, so a read costs no system call at all while
//    that thread is awake (one io_uring_enter with sq_wakeup when it sleeps);
//    the completions are polled from the completion ring (and waited for in
//    io_uring_enter when the poller is slow to complete them).
// Each counts the system calls it made (counter syscalls_per_op) and reports
// wall-clock time (UseRealTime: the sqpoll thread's CPU time is not the
// process's). N = 1, 8, 64, 512.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <string>

#include <rawsys/file.hpp>
#include <rawsys/io_uring.hpp>

#include "common.hpp"

namespace bench {
namespace {

using benchmark::State;

constexpr unsigned max_n = 512;
constexpr unsigned read_size = 64;
int src = -1;  // the file read from: max_n × read_size bytes

// One ring: its three mappings and the submit and reap steps over them.
struct ring {
  rawsys::unique_fd fd;
  rawsys::io_uring_params p{};
  size_t sq_len = 0, cq_len = 0, sqes_len = 0;
  char* sq = nullptr;
  char* cq = nullptr;
  rawsys::io_uring_sqe* sqes = nullptr;
  uint32_t *sq_tail = nullptr, *sq_mask = nullptr, *sq_array = nullptr, *sq_flags = nullptr;
  uint32_t *cq_head = nullptr, *cq_tail = nullptr, *cq_mask = nullptr;
  rawsys::io_uring_cqe* cqes = nullptr;

  // False when the kernel refuses (io_uring missing or disabled, or SQPOLL
  // not allowed): that variant is then not registered.
  bool open(bool sqpoll) {
    if (sqpoll) {
      p.flags = rawsys::ioring_setup::sqpoll;
      p.sq_thread_idle = 20;  // ms: the poller sleeps soon after the benchmark
    }
    auto f = rawsys::io_uring_setup(max_n, &p);
    if (!f) return false;
    fd = static_cast<rawsys::unique_fd&&>(*f);
    sq_len = p.sq_off.array + p.sq_entries * sizeof(uint32_t);
    cq_len = p.cq_off.cqes + p.cq_entries * sizeof(rawsys::io_uring_cqe);
    const bool single = rawsys::has(p.features, rawsys::ioring_feat::single_mmap);
    if (single) sq_len = cq_len = sq_len > cq_len ? sq_len : cq_len;
    sq = static_cast<char*>(map(sq_len, rawsys::ioring_off::sq_ring));
    cq = single ? sq : static_cast<char*>(map(cq_len, rawsys::ioring_off::cq_ring));
    sqes_len = p.sq_entries * sizeof(rawsys::io_uring_sqe);
    sqes = static_cast<rawsys::io_uring_sqe*>(map(sqes_len, rawsys::ioring_off::sqes));
    if (!sq || !cq || !sqes) return false;
    sq_tail = u32(sq, p.sq_off.tail);
    sq_mask = u32(sq, p.sq_off.ring_mask);
    sq_array = u32(sq, p.sq_off.array);
    sq_flags = u32(sq, p.sq_off.flags);
    cq_head = u32(cq, p.cq_off.head);
    cq_tail = u32(cq, p.cq_off.tail);
    cq_mask = u32(cq, p.cq_off.ring_mask);
    cqes = reinterpret_cast<rawsys::io_uring_cqe*>(cq + p.cq_off.cqes);
    return true;
  }
  ~ring() {
    if (sqes) ::munmap(sqes, sqes_len);
    if (cq && cq != sq) ::munmap(cq, cq_len);
    if (sq) ::munmap(sq, sq_len);
  }
  void* map(size_t len, uint64_t off) {
    void* m = ::mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd.get(),
                     static_cast<off_t>(off));
    return m == MAP_FAILED ? nullptr : m;
  }
  static uint32_t* u32(char* base, uint32_t off) { return reinterpret_cast<uint32_t*>(base + off); }

  // Queues n reads of read_size bytes (entry i reads offset i × read_size
  // into buf + i × read_size) and publishes them.
  void queue_reads(unsigned n, char* buf) {
    uint32_t tail = *sq_tail;
    for (unsigned i = 0; i < n; ++i, ++tail) {
      const uint32_t k = tail & *sq_mask;
      rawsys::io_uring_sqe& e = sqes[k];
      e = rawsys::io_uring_sqe{};
      e.opcode = rawsys::io_uring_op::read;
      e.fd = src;
      e.off = uint64_t{i} * read_size;
      e.set_addr(buf + size_t{i} * read_size);
      e.len = read_size;
      e.user_data = i;
      sq_array[k] = k;
    }
    __atomic_store_n(sq_tail, tail, __ATOMIC_RELEASE);
  }
  // Takes every completion there is; false if one of them failed.
  unsigned reap(bool& ok) {
    uint32_t head = *cq_head;
    const uint32_t tail = __atomic_load_n(cq_tail, __ATOMIC_ACQUIRE);
    unsigned got = 0;
    for (; head != tail; ++head, ++got) ok &= cqes[head & *cq_mask].res == static_cast<int>(read_size);
    __atomic_store_n(cq_head, head, __ATOMIC_RELEASE);
    return got;
  }
};

ring plain, polled;
bool have_plain = false, have_polled = false;
alignas(64) char buf[max_n * read_size];

void by_syscalls(State& s, unsigned n) {
  uint64_t calls = 0;
  for (auto _ : s) {
    bool ok = true;
    for (unsigned i = 0; i < n; ++i) {
      auto r = rawsys::pread64(rawsys::fd(src), buf + size_t{i} * read_size, read_size,
                               int64_t{i} * read_size);
      ok &= r && *r == read_size;
    }
    calls += n;
    BENCH_REQUIRE(s, ok);
  }
  s.counters["syscalls_per_op"] = static_cast<double>(calls) / static_cast<double>(s.iterations() * n);
  s.counters["n"] = n;
}

void by_io_uring(State& s, unsigned n) {
  uint64_t calls = 0;
  for (auto _ : s) {
    plain.queue_reads(n, buf);
    auto r = rawsys::io_uring_enter(plain.fd, n, n, rawsys::ioring_enter::getevents);
    ++calls;
    bool ok = r && *r == n;
    unsigned got = plain.reap(ok);
    // The kernel may return before all n completed (it waits for at least
    // one when woken early): wait for the rest.
    while (ok && got < n) {
      auto w = rawsys::io_uring_enter(plain.fd, 0, n - got, rawsys::ioring_enter::getevents);
      ++calls;
      ok &= w.has_value();
      got += plain.reap(ok);
    }
    BENCH_REQUIRE(s, ok && got == n);
  }
  s.counters["syscalls_per_op"] = static_cast<double>(calls) / static_cast<double>(s.iterations() * n);
  s.counters["n"] = n;
}

void by_sqpoll(State& s, unsigned n) {
  uint64_t calls = 0;
  for (auto _ : s) {
    polled.queue_reads(n, buf);
    bool ok = true;
    // A full barrier between publishing the tail and reading the flags (as
    // liburing does): else the poller's going to sleep can be missed.
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (__atomic_load_n(polled.sq_flags, __ATOMIC_RELAXED) & rawsys::bits(rawsys::ioring_sq::need_wakeup)) {
      ok &= rawsys::io_uring_enter(polled.fd, 0, 0, rawsys::ioring_enter::sq_wakeup).has_value();
      ++calls;
    }
    unsigned got = 0;
    // Polls the completion ring; when the poller thread is slow to complete
    // them (it shares 2 cores with this loop), waits in io_uring_enter as a
    // program would (counted).
    for (unsigned spins = 0; ok && got < n;) {
      const unsigned more = polled.reap(ok);
      got += more;
      spins = more ? 0 : spins + 1;
      if (got < n && spins > 4096) {
        ok &= rawsys::io_uring_enter(polled.fd, 0, 1, rawsys::ioring_enter::getevents).has_value();
        ++calls;
        spins = 0;
      }
    }
    BENCH_REQUIRE(s, ok && got == n);
  }
  s.counters["syscalls_per_op"] = static_cast<double>(calls) / static_cast<double>(s.iterations() * n);
  s.counters["n"] = n;
}

}  // namespace

void register_fewer() {
  // A file on /tmp (ext4 here; in the page cache once written): its buffered
  // reads complete inline in io_uring_enter. (A memfd's would not: shmem
  // reads cannot be tried without blocking, so io_uring hands each to a
  // worker thread, and the benchmark would measure that hand-off.)
  char name[] = "/tmp/rawsys-bench-fewer-XXXXXX";
  src = ::mkostemp(name, O_CLOEXEC);
  if (src < 0) return;
  ::unlink(name);  // gone when the process ends, whatever happens
  static char data[max_n * read_size];
  std::memset(data, 'r', sizeof data);
  if (::write(src, data, sizeof data) != static_cast<ssize_t>(sizeof data)) return;
  have_plain = plain.open(false);
  have_polled = have_plain && polled.open(true);
  for (unsigned n : {1u, 8u, 64u, 512u}) {
    const std::string sfx = "/n" + std::to_string(n);
    benchmark::RegisterBenchmark(("fewer/read_64B/syscalls" + sfx).c_str(), by_syscalls, n)->UseRealTime();
    if (have_plain)
      benchmark::RegisterBenchmark(("fewer/read_64B/io_uring" + sfx).c_str(), by_io_uring, n)->UseRealTime();
    if (have_polled)
      benchmark::RegisterBenchmark(("fewer/read_64B/sqpoll" + sfx).c_str(), by_sqpoll, n)->UseRealTime();
  }
}

}  // namespace bench
