// The calls only riscv64 has, for <rawsys/process.hpp>: riscv_flush_icache
// and riscv_hwprobe. They exist only when compiling for riscv64.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "../../fd.hpp"
#include "../../syscall.hpp"

namespace rawsys {

struct cpu_set;  // process.hpp

// SYS_RISCV_FLUSH_ICACHE_LOCAL: riscv_flush_icache's one flag, defined in the
// kernel's asm/cacheflush.h, which is no UAPI header (glibc's sys/cachectl.h
// does not define it either).
inline constexpr unsigned long riscv_flush_icache_local = 1;

// riscv_flush_icache(2): int riscv_flush_icache(void *start, void *end, unsigned long flags);
// Makes the stores to [start, end) visible to instruction fetch, on every
// hart of the process or (riscv_flush_icache_local) on this thread's alone.
// Other flags: EINVAL.
template <class = void>
inline result<void> riscv_flush_icache(void* start, void* end, unsigned long flags) noexcept {
  return detail::as_void(syscall(nr::riscv_flush_icache, start, end, flags));
}

// struct riscv_hwprobe (asm/hwprobe.h): one key and the value the kernel
// writes for it (key -1: a key this kernel does not know).
using hwprobe_pair = uapi::riscv_hwprobe;

// RISCV_HWPROBE_*: keys, bits of their values, and riscv_hwprobe's flags.
namespace hwprobe {
inline constexpr int64_t key_mvendorid = uapi::riscv_hwprobe_key_mvendorid;
inline constexpr int64_t key_marchid = uapi::riscv_hwprobe_key_marchid;
inline constexpr int64_t key_mimpid = uapi::riscv_hwprobe_key_mimpid;
inline constexpr int64_t key_base_behavior = uapi::riscv_hwprobe_key_base_behavior;
inline constexpr uint64_t base_behavior_ima = uapi::riscv_hwprobe_base_behavior_ima;
inline constexpr int64_t key_ima_ext_0 = uapi::riscv_hwprobe_key_ima_ext_0;
inline constexpr uint64_t ima_fd = uapi::riscv_hwprobe_ima_fd;
inline constexpr uint64_t ima_c = uapi::riscv_hwprobe_ima_c;
inline constexpr uint64_t ima_v = uapi::riscv_hwprobe_ima_v;
inline constexpr int64_t key_cpuperf_0 = uapi::riscv_hwprobe_key_cpuperf_0;
inline constexpr unsigned which_cpus = uapi::riscv_hwprobe_which_cpus;  // Linux 6.8
}  // namespace hwprobe

// riscv_hwprobe(2): int riscv_hwprobe(struct riscv_hwprobe *pairs, size_t pair_count, size_t cpusetsize, cpu_set_t *cpus, unsigned int flags);
// Linux 6.4. Fills in the value of each pair's key, as true on every CPU of
// cpus (cpusetsize bytes; 0 and null: every online CPU). With
// hwprobe::which_cpus it instead narrows cpus to the CPUs where every pair
// holds.
template <class = void>
inline result<void> riscv_hwprobe(hwprobe_pair* pairs, size_t pair_count, size_t cpusetsize, cpu_set* cpus,
                                  unsigned flags) noexcept {
  return detail::as_void(syscall(nr::riscv_hwprobe, pairs, pair_count, cpusetsize, cpus, flags));
}

}  // namespace rawsys
