// Randomness: the getrandom(2) syscall. (The vDSO's getrandom is in vdso.hpp.)
#pragma once

#include <stddef.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "syscall.hpp"
#include "types.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_RANDOM
#include "arch/native_uapi.hpp"

namespace rawsys {

// GRND_*: getrandom's flags.
namespace grnd {
enum class flags : unsigned {
  none = 0,
  nonblock = uapi::grnd_nonblock,
  random = uapi::grnd_random,
  insecure = uapi::grnd_insecure,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace grnd

// getrandom(2): ssize_t getrandom(void *buf, size_t buflen, unsigned int flags);
// May return fewer bytes than asked (above 256 bytes, or when interrupted):
// loop. EAGAIN with grnd::nonblock before the pool is ready; EINVAL for
// unknown flags or random | insecure.
template <class = void>
inline result<size_t> getrandom(void* buf, size_t buflen, grnd::flags flags = grnd::none) noexcept {
  return detail::as_count<size_t>(syscall(nr::getrandom, buf, buflen, flags));
}
template <class = void>
inline result<size_t> getrandom(buffer b, grnd::flags flags = grnd::none) noexcept {
  return getrandom(b.data, b.size, flags);
}

}  // namespace rawsys
