// rawsys::sys: which system call implements each portable wrapper on the
// target, read from the target's own table at compile time, as musl's
// `#define SYS_fcntl SYS_fcntl64` lines do per ISA. The rule for every name:
// the first of its candidates that the table has, else sys::none.
//   - 32-bit ABIs: the 64-bit-offset forms (fcntl64, fstatat64, mmap2, ...),
//     the 32-bit-id forms (getuid32, ...) and the *_time64 forms;
//   - sys::time32::X: the old call with 32-bit times that X falls back to
//     where the kernel predates the *_time64 calls (abi::time64_calls);
//   - sys::none: no such call on this ISA (fork on arm64, _llseek on 64-bit
//     ISAs); the wrapper then uses another, which `has()` tells.
#pragma once

#include "nr.hpp"

namespace rawsys::sys {

inline constexpr nr none = static_cast<nr>(-1);
constexpr bool has(nr n) noexcept { return n != none; }

namespace detail {
consteval nr pick(const char* a, const char* b = nullptr, const char* c = nullptr) {
  if (const auto n = find_nr(a)) return *n;
  return b ? pick(b, c) : none;
}
}  // namespace detail
using detail::pick;

// 64-bit file offsets and sizes.
inline constexpr nr fcntl = pick("fcntl64", "fcntl");
inline constexpr nr llseek = pick("_llseek");  // (fd, high, low, loff_t*, whence)
inline constexpr nr lseek = pick("lseek");
inline constexpr nr fstat = pick("fstat64", "fstat");
inline constexpr nr fstatat = pick("fstatat64", "newfstatat");
inline constexpr nr statfs = pick("statfs64", "statfs");
inline constexpr nr fstatfs = pick("fstatfs64", "fstatfs");
inline constexpr bool statfs_takes_size = statfs == pick("statfs64");  // (path, sizeof buf, buf)
inline constexpr nr truncate = pick("truncate64", "truncate");
inline constexpr nr ftruncate = pick("ftruncate64", "ftruncate");
inline constexpr nr sendfile = pick("sendfile64", "sendfile");
inline constexpr nr fadvise = pick("fadvise64_64", "arm_fadvise64_64", "fadvise64");
inline constexpr bool fadvise_advice_second = fadvise == pick("arm_fadvise64_64");  // (fd, advice, offset, len)
inline constexpr nr mmap = pick("mmap2", "mmap");  // see abi::mmap for how the offset travels

// 32-bit user and group ids.
inline constexpr nr getuid = pick("getuid32", "getuid");
inline constexpr nr geteuid = pick("geteuid32", "geteuid");
inline constexpr nr getgid = pick("getgid32", "getgid");
inline constexpr nr getegid = pick("getegid32", "getegid");
inline constexpr nr setuid = pick("setuid32", "setuid");
inline constexpr nr setgid = pick("setgid32", "setgid");
inline constexpr nr setreuid = pick("setreuid32", "setreuid");
inline constexpr nr setregid = pick("setregid32", "setregid");
inline constexpr nr setresuid = pick("setresuid32", "setresuid");
inline constexpr nr setresgid = pick("setresgid32", "setresgid");
inline constexpr nr getresuid = pick("getresuid32", "getresuid");
inline constexpr nr getresgid = pick("getresgid32", "getresgid");
inline constexpr nr getgroups = pick("getgroups32", "getgroups");
inline constexpr nr setgroups = pick("setgroups32", "setgroups");
inline constexpr nr setfsuid = pick("setfsuid32", "setfsuid");
inline constexpr nr setfsgid = pick("setfsgid32", "setfsgid");
inline constexpr nr fchown = pick("fchown32", "fchown");
inline constexpr nr lchown = pick("lchown32", "lchown");

// Legacy calls some ISAs lack; the wrapper uses the modern one there.
inline constexpr nr fork = pick("fork");
inline constexpr nr renameat = pick("renameat");
inline constexpr nr time = pick("time");

// 64-bit times: the *_time64 form on 32-bit ABIs, the plain call elsewhere.
inline constexpr nr clock_gettime = pick("clock_gettime64", "clock_gettime");
inline constexpr nr clock_settime = pick("clock_settime64", "clock_settime");
inline constexpr nr clock_getres = pick("clock_getres_time64", "clock_getres");
inline constexpr nr clock_nanosleep = pick("clock_nanosleep_time64", "clock_nanosleep");
inline constexpr nr timer_settime = pick("timer_settime64", "timer_settime");
inline constexpr nr timer_gettime = pick("timer_gettime64", "timer_gettime");
inline constexpr nr timerfd_settime = pick("timerfd_settime64", "timerfd_settime");
inline constexpr nr timerfd_gettime = pick("timerfd_gettime64", "timerfd_gettime");
inline constexpr nr utimensat = pick("utimensat_time64", "utimensat");
inline constexpr nr pselect6 = pick("pselect6_time64", "pselect6");
inline constexpr nr ppoll = pick("ppoll_time64", "ppoll");
inline constexpr nr io_pgetevents = pick("io_pgetevents_time64", "io_pgetevents");
inline constexpr nr recvmmsg = pick("recvmmsg_time64", "recvmmsg");
inline constexpr nr mq_timedsend = pick("mq_timedsend_time64", "mq_timedsend");
inline constexpr nr mq_timedreceive = pick("mq_timedreceive_time64", "mq_timedreceive");
inline constexpr nr semtimedop = pick("semtimedop_time64", "semtimedop");
inline constexpr nr rt_sigtimedwait = pick("rt_sigtimedwait_time64", "rt_sigtimedwait");
inline constexpr nr futex = pick("futex_time64", "futex");
inline constexpr nr sched_rr_get_interval = pick("sched_rr_get_interval_time64", "sched_rr_get_interval");

// The calls with 32-bit times that the ones above fall back to.
namespace time32 {
inline constexpr nr clock_gettime = pick("clock_gettime");
inline constexpr nr clock_settime = pick("clock_settime");
inline constexpr nr clock_getres = pick("clock_getres");
inline constexpr nr clock_nanosleep = pick("clock_nanosleep");
inline constexpr nr nanosleep = pick("nanosleep");
inline constexpr nr timer_settime = pick("timer_settime");
inline constexpr nr timer_gettime = pick("timer_gettime");
inline constexpr nr timerfd_settime = pick("timerfd_settime");
inline constexpr nr timerfd_gettime = pick("timerfd_gettime");
inline constexpr nr utimensat = pick("utimensat");
inline constexpr nr pselect6 = pick("pselect6");
inline constexpr nr ppoll = pick("ppoll");
inline constexpr nr io_pgetevents = pick("io_pgetevents");
inline constexpr nr recvmmsg = pick("recvmmsg");
inline constexpr nr mq_timedsend = pick("mq_timedsend");
inline constexpr nr mq_timedreceive = pick("mq_timedreceive");
inline constexpr nr semtimedop = pick("semtimedop");
inline constexpr nr rt_sigtimedwait = pick("rt_sigtimedwait");
inline constexpr nr futex = pick("futex");
inline constexpr nr sched_rr_get_interval = pick("sched_rr_get_interval");
}  // namespace time32

static_assert(abi::time64_calls == (clock_gettime != time32::clock_gettime),
              "abi::time64_calls disagrees with the syscall table");
static_assert(has(mmap) && has(fcntl) && has(fstatat) && (has(lseek) || has(llseek)));

}  // namespace rawsys::sys
