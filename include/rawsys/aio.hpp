// Linux native asynchronous I/O: io_setup(2), io_destroy(2), io_submit(2),
// io_cancel(2), io_getevents(2), io_pgetevents (the kernel's interface that
// libaio wraps; glibc's aio_* are threads, not these).
//
// struct iocb and struct io_event as linux/aio_abi.h lays them out for this
// ISA (uapi/<isa>.hpp: aio_key and aio_rw_flags swap on big-endian ISAs).
// Timeouts are rawsys::timespec (64-bit) everywhere: 32-bit ISAs use
// io_pgetevents_time64 (io_getevents has no time64 form) and fall back to
// the calls with a 32-bit timespec on a kernel without it.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "fd.hpp"
#include "sys.hpp"
#include "syscall.hpp"
#include "types.hpp"
#include "detail/time64.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_AIO
#include "arch/native_uapi.hpp"

namespace rawsys {

// aio_context_t: the context's handle (an address in the process).
using aio_context_t = unsigned long;

using iocb = uapi::iocb;
using io_event = uapi::io_event;

// IOCB_CMD_*: iocb::lio_opcode.
namespace iocb_cmd {
inline constexpr uint16_t pread = uapi::iocb_cmd_pread;
inline constexpr uint16_t pwrite = uapi::iocb_cmd_pwrite;
inline constexpr uint16_t fsync = uapi::iocb_cmd_fsync;
inline constexpr uint16_t fdsync = uapi::iocb_cmd_fdsync;
inline constexpr uint16_t poll = uapi::iocb_cmd_poll;
inline constexpr uint16_t noop = uapi::iocb_cmd_noop;
inline constexpr uint16_t preadv = uapi::iocb_cmd_preadv;
inline constexpr uint16_t pwritev = uapi::iocb_cmd_pwritev;
}  // namespace iocb_cmd

// IOCB_FLAG_*: iocb::flags.
namespace iocb_flag {
inline constexpr uint32_t resfd = uapi::iocb_flag_resfd;    // signal the eventfd in iocb::resfd
inline constexpr uint32_t ioprio = uapi::iocb_flag_ioprio;  // iocb::reqprio is an I/O priority
}  // namespace iocb_flag

// struct __aio_sigset (fs/aio.c; no UAPI header defines it): io_pgetevents'
// signal mask, the same two words on every ISA.
struct aio_sigset {
  const sigset* sigmask;
  size_t sigsetsize;
};

// io_setup(2): long io_setup(unsigned int nr_events, aio_context_t *ctx_idp);
// *ctx must be 0 on entry.
template <class = void>
inline result<void> io_setup(unsigned nr_events, aio_context_t* ctx) noexcept {
  return detail::as_void(syscall(nr::io_setup, nr_events, ctx));
}

// io_destroy(2): int io_destroy(aio_context_t ctx_id);
template <class = void>
inline result<void> io_destroy(aio_context_t ctx) noexcept {
  return detail::as_void(syscall(nr::io_destroy, ctx));
}

// io_submit(2): int io_submit(aio_context_t ctx_id, long nr, struct iocb **iocbpp);
// How many of the nr requests were queued.
template <class = void>
inline result<long> io_submit(aio_context_t ctx, long nr_iocbs, iocb** iocbpp) noexcept {
  return syscall(nr::io_submit, ctx, nr_iocbs, iocbpp);
}

// io_cancel(2): int io_cancel(aio_context_t ctx_id, struct iocb *iocb, struct io_event *result);
// Since Linux 5.0 a cancelled request's event goes to the ring, not to
// *result, and success is EINPROGRESS.
template <class = void>
inline result<void> io_cancel(aio_context_t ctx, iocb* request, io_event* result_event) noexcept {
  return detail::as_void(syscall(nr::io_cancel, ctx, request, result_event));
}

// io_pgetevents: int io_pgetevents(aio_context_t ctx_id, long min_nr, long nr, struct io_event *events, struct timespec *timeout, const struct __aio_sigset *usig);
// io_getevents with the signal mask of *usig (nullptr: unchanged) while it
// waits. timeout nullptr: until min_nr events. The number of events.
template <class = void>
inline result<long> io_pgetevents(aio_context_t ctx, long min_nr, long nr_events, io_event* events, const timespec* timeout, const aio_sigset* usig = nullptr) noexcept {
  const result<long> r = syscall(sys::io_pgetevents, ctx, min_nr, nr_events, events, timeout, usig);
  return detail::or_old_timeout(r, timeout, [&](const detail::old_timespec* old) {
    return syscall(sys::time32::io_pgetevents, ctx, min_nr, nr_events, events, old, usig);
  });
}

// io_getevents(2): int io_getevents(aio_context_t ctx_id, long min_nr, long nr, struct io_event *events, struct timespec *timeout);
// The number of events. 32-bit ISAs: io_pgetevents_time64 with no mask,
// io_getevents with a 32-bit timespec on a kernel without it.
template <class = void>
inline result<long> io_getevents(aio_context_t ctx, long min_nr, long nr_events, io_event* events, const timespec* timeout = nullptr) noexcept {
  if constexpr (abi::time64_calls) {
    const result<long> r = syscall(sys::io_pgetevents, ctx, min_nr, nr_events, events, timeout, nullptr);
    return detail::or_old_timeout(r, timeout, [&](const detail::old_timespec* old) {
      return syscall(nr::io_getevents, ctx, min_nr, nr_events, events, old);
    });
  } else {
    return syscall(nr::io_getevents, ctx, min_nr, nr_events, events, timeout);
  }
}

}  // namespace rawsys
