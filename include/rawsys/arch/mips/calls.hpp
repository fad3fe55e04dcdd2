// The calls only mips has (n64 and o32), for <rawsys/process.hpp>:
// cacheflush, cachectl, sysmips and mips' set_thread_area. They exist only
// when compiling for mips.
#pragma once

#include "../../fd.hpp"
#include "../../syscall.hpp"

namespace rawsys {

// ICACHE, DCACHE, BCACHE (asm/cachectl.h): the caches cacheflush names;
// CACHEABLE, UNCACHEABLE: cachectl's operations.
namespace mips_cache {
inline constexpr int icache = uapi::icache;
inline constexpr int dcache = uapi::dcache;
inline constexpr int bcache = uapi::bcache;
inline constexpr int cacheable = uapi::cacheable;
inline constexpr int uncacheable = uapi::uncacheable;
}  // namespace mips_cache

// cacheflush(2): int cacheflush(void *addr, int nbytes, int cache);
// Writes back the data cache and invalidates the instruction cache for
// [addr, addr+nbytes) (Linux does both whatever `cache` names); EFAULT for a
// range outside the process.
template <class = void>
inline result<void> cacheflush(void* addr, unsigned long nbytes, int cache) noexcept {
  return detail::as_void(syscall(nr::cacheflush, addr, nbytes, cache));
}

// cachectl(2): int cachectl(char *addr, int nbytes, int op);
// Linux implements no operation: EINVAL for every call.
template <class = void>
inline result<void> cachectl(void* addr, int nbytes, int op) noexcept {
  return detail::as_void(syscall(nr::cachectl, addr, nbytes, op));
}

// SETNAME, FLUSH_CACHE, MIPS_FIXADE, MIPS_ATOMIC_SET (asm/sysmips.h):
// sysmips' commands that Linux still answers.
namespace sysmips_cmd {
inline constexpr long flush_cache = uapi::flush_cache;
inline constexpr long mips_fixade = uapi::mips_fixade;
inline constexpr long mips_atomic_set = uapi::mips_atomic_set;
}  // namespace sysmips_cmd

// sysmips(2): long sysmips(long cmd, long arg1, long arg2);
// flush_cache: nothing (0); mips_fixade: the unaligned-access fixup flags of
// the thread (arg1); mips_atomic_set: *(int *)arg1 = arg2, atomically,
// returning the old value. Other commands: EINVAL.
template <class = void>
inline result<long> sysmips(long cmd, long arg1, long arg2) noexcept {
  return syscall(nr::sysmips, cmd, arg1, arg2);
}

// set_thread_area(2) on mips: int set_thread_area(unsigned long addr);
// Sets the thread pointer that rdhwr $29 reads (the C library's TLS: change
// it only in a thread or process of one's own making).
template <class = void>
inline result<void> set_thread_area(void* tp) noexcept {
  return detail::as_void(syscall(nr::set_thread_area, tp));
}

}  // namespace rawsys
