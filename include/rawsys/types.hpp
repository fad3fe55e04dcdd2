// Small types shared by the wrappers: 64-bit time, buffers, and the split of
// 64-bit values into register pairs on i386.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "arch/native.hpp"  // uapi:: constants of the target
#include "detail/traits.hpp"

namespace rawsys {

// Time is 64-bit on every architecture (the kernel's __kernel_timespec).
struct timespec {
  int64_t sec;
  int64_t nsec;
  friend constexpr bool operator==(const timespec&, const timespec&) = default;
};

// The kernel's __kernel_sock_timeval: microseconds, 64-bit on every arch.
struct timeval {
  int64_t sec;
  int64_t usec;
  friend constexpr bool operator==(const timeval&, const timeval&) = default;
};

// setitimer/getitimer's pair, in the 64-bit timeval above.
struct itimerval {
  timeval interval;
  timeval value;
  friend constexpr bool operator==(const itimerval&, const itimerval&) = default;
};

// The kernel's __kernel_itimerspec (timerfd_settime, timer_settime).
struct itimerspec {
  timespec interval;
  timespec value;
  friend constexpr bool operator==(const itimerspec&, const itimerspec&) = default;
};

namespace detail {
// A constant's value, or `fallback` where the target's UAPI lacks it.
constexpr int value_or(int v, int) noexcept { return v; }
constexpr int value_or(uapi::absent, int fallback) noexcept { return fallback; }
}  // namespace detail

// Clock ids (CLOCK_*), the same on every arch.
enum class clock : int {
  realtime = uapi::clock_realtime,
  monotonic = uapi::clock_monotonic,
  process_cputime_id = uapi::clock_process_cputime_id,
  thread_cputime_id = uapi::clock_thread_cputime_id,
  monotonic_raw = uapi::clock_monotonic_raw,
  realtime_coarse = uapi::clock_realtime_coarse,
  monotonic_coarse = uapi::clock_monotonic_coarse,
  boottime = uapi::clock_boottime,
  realtime_alarm = uapi::clock_realtime_alarm,
  boottime_alarm = uapi::clock_boottime_alarm,
  tai = uapi::clock_tai,
};

// Signal numbers (mips numbers most of them its own way; stkflt is 0 where
// the ISA has no SIGSTKFLT, emt 0 where it has no SIGEMT: all but mips). `int_` because `int` is a keyword.
enum class sig : int {
  hup = uapi::sighup, int_ = uapi::sigint, quit = uapi::sigquit, ill = uapi::sigill,
  trap = uapi::sigtrap, abrt = uapi::sigabrt, bus = uapi::sigbus, fpe = uapi::sigfpe,
  kill = uapi::sigkill, usr1 = uapi::sigusr1, segv = uapi::sigsegv, usr2 = uapi::sigusr2,
  pipe = uapi::sigpipe, alrm = uapi::sigalrm, term = uapi::sigterm,
  stkflt = detail::value_or(uapi::sigstkflt, 0), emt = detail::value_or(uapi::sigemt, 0),
  chld = uapi::sigchld, cont = uapi::sigcont, stop = uapi::sigstop, tstp = uapi::sigtstp,
  ttin = uapi::sigttin, ttou = uapi::sigttou, urg = uapi::sigurg, xcpu = uapi::sigxcpu,
  xfsz = uapi::sigxfsz, vtalrm = uapi::sigvtalrm, prof = uapi::sigprof, winch = uapi::sigwinch,
  io = uapi::sigio, pwr = uapi::sigpwr, sys = uapi::sigsys,
};
// The kernel's real-time signals: sigrt(0) is 32 (glibc reserves the first
// few for itself, so hosted programs should start at SIGRTMIN).
constexpr sig sigrt(int n) noexcept { return static_cast<sig>(32 + n); }
// The kernel's signal count (_NSIG): 64, 128 on mips.
inline constexpr int nsig = uapi::nsig;

// SIGEV_*: how a POSIX timer (timer_create) or a message queue (mq_notify)
// reports its event.
enum class sigev : int {
  signal = uapi::sigev_signal,        // signo to the process
  none = uapi::sigev_none,            // nothing (read it with timer_gettime)
  thread = uapi::sigev_thread,        // as signal for the kernel (a C library's thread start)
  thread_id = uapi::sigev_thread_id,  // signo to the thread tid
};

// The kernel's struct sigevent: uapi::sigev_max_size (64) bytes on every ISA;
// the union after the two ints is uapi::sigev_pad_size ints (its size
// depends on sigval's and, on mips, on long's).
struct sigevent {
  union {
    int int_;
    void* ptr;
  } value{};                      // sent with the signal (siginfo's value)
  sig signo{};
  sigev notify = sigev::signal;
  union {
    int tid = 0;                  // with sigev::thread_id
    int pad_[uapi::sigev_pad_size];
  };
};
static_assert(sizeof(sigevent) == uapi::sigev_max_size);
static_assert(sizeof(sigevent) == sizeof(uapi::sigevent) && alignof(sigevent) == alignof(uapi::sigevent));

namespace detail {
// The words of the kernel's sigset_t beyond the first 64 signals: none
// where _NSIG is 64, one on mips (signals 65..128).
template <int Nsig>
struct sigset_high {
  uint64_t mask[Nsig / 64 - 1] = {};
  constexpr void fill() noexcept {
    for (auto& w : mask) w = ~uint64_t{0};
  }
  constexpr uint64_t* word(int s) noexcept { return &mask[(s - 65) / 64]; }  // s > 64
  friend constexpr bool operator==(const sigset_high&, const sigset_high&) = default;
};
template <>
struct sigset_high<64> {
  constexpr void fill() noexcept {}
  constexpr uint64_t* word(int) noexcept { return nullptr; }
  friend constexpr bool operator==(const sigset_high&, const sigset_high&) = default;
};
}  // namespace detail

// The kernel's sigset_t for the rt_sig* calls: _NSIG bits, 64 on all but
// mips (128); glibc's is 1024 bits: pass sizeof(rawsys::sigset). `mask`
// holds signals 1..64, `high` the rest where there are more. The kernel's is
// an array of unsigned long, so aligned as a long: 4 bytes on 32-bit ISAs,
// also where a uint64_t takes 8 (arm), which keeps struct sigaction's mask
// at offset 12 there.
typedef uint64_t sigset_word __attribute__((aligned(alignof(long))));
struct sigset {
  sigset_word mask = 0;
  [[no_unique_address]] detail::sigset_high<nsig> high{};
  static constexpr uint64_t bit(sig s) noexcept { return uint64_t{1} << ((static_cast<int>(s) - 1) % 64); }
  static constexpr sigset full() noexcept {
    sigset s{~uint64_t{0}};
    s.high.fill();
    return s;
  }
  constexpr sigset& add(sig s) noexcept { return word(s) |= bit(s), *this; }
  constexpr sigset& del(sig s) noexcept { return word(s) &= ~bit(s), *this; }
  constexpr bool has(sig s) const noexcept { return (sigset{*this}.word(s) & bit(s)) != 0; }
  constexpr bool empty() const noexcept { return *this == sigset{}; }
  friend constexpr bool operator==(const sigset&, const sigset&) = default;

 private:
  constexpr uint64_t& word(sig s) noexcept {
    if (static_cast<int>(s) > 64)
      if (uint64_t* w = high.word(static_cast<int>(s))) return *w;
    return mask;
  }
};
static_assert(sizeof(sigset) == nsig / 8);

namespace detail {
template <class R>
concept contiguous_bytes = requires(R& r) {
  r.data();
  r.size();
  requires detail::is_trivially_copyable_v<detail::remove_pointer_t<decltype(r.data())>>;
};
}  // namespace detail

// A writable byte range: from a C array, or anything with data() and size()
// (std::span, std::array, std::vector, std::string), or (pointer, length).
struct buffer {
  void* data;
  size_t size;
  constexpr buffer(void* d, size_t n) noexcept : data(d), size(n) {}
  template <class T, size_t N>
    requires(!detail::is_const_v<T>)
  constexpr buffer(T (&a)[N]) noexcept : data(a), size(sizeof a) {}
  template <detail::contiguous_bytes R>
    requires(!detail::is_const_v<detail::remove_pointer_t<decltype(detail::declval<R&>().data())>>)
  constexpr buffer(R& r) noexcept
      : data(r.data()), size(r.size() * sizeof(*r.data())) {}
};

// A readable byte range; a string literal is its characters without the NUL.
struct const_buffer {
  const void* data;
  size_t size;
  constexpr const_buffer(const void* d, size_t n) noexcept : data(d), size(n) {}
  constexpr const_buffer(buffer b) noexcept : data(b.data), size(b.size) {}
  template <size_t N>
  constexpr const_buffer(const char (&s)[N]) noexcept : data(s), size(N - 1) {}
  // A writable char array is bytes, not a literal: all N of them.
  template <size_t N>
  constexpr const_buffer(char (&a)[N]) noexcept : data(a), size(N) {}
  template <class T, size_t N>
    requires(!detail::is_same_v<detail::remove_cv_t<T>, char>)
  constexpr const_buffer(T (&a)[N]) noexcept : data(a), size(sizeof a) {}
  template <detail::contiguous_bytes R>
  constexpr const_buffer(const R& r) noexcept
      : data(r.data()), size(r.size() * sizeof(*r.data())) {}
};

// One piece of a scatter/gather list (the kernel's struct iovec).
struct iovec {
  void* base;
  size_t len;
};

}  // namespace rawsys
