// perf_event_open(2) and its version-sized struct perf_event_attr: counters
// of software events (task clock, page faults, ...) and, where the machine
// has them, hardware ones. Counters are read with read(2) (a u64, more with
// read_format) and driven with the perf_event_ioc ioctls.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"

namespace rawsys {

// enum perf_type_id
enum class perf_type : uint32_t {
  hardware = 0, software = 1, tracepoint = 2, hw_cache = 3, raw = 4, breakpoint = 5,
};

// enum perf_hw_id: config of perf_type::hardware.
enum class perf_hw_id : uint64_t {
  cpu_cycles = 0, instructions = 1, cache_references = 2, cache_misses = 3,
  branch_instructions = 4, branch_misses = 5, bus_cycles = 6, stalled_cycles_frontend = 7,
  stalled_cycles_backend = 8, ref_cpu_cycles = 9,
};

// enum perf_sw_ids: config of perf_type::software.
enum class perf_sw_id : uint64_t {
  cpu_clock = 0, task_clock = 1, page_faults = 2, context_switches = 3, cpu_migrations = 4,
  page_faults_min = 5, page_faults_maj = 6, alignment_faults = 7, emulation_faults = 8,
  dummy = 9, bpf_output = 10, cgroup_switches = 11,
};

// PERF_FORMAT_*: what read(2) of the counter returns after the value.
namespace perf_format {
enum class flags : uint64_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags total_time_enabled{1ull << 0}, total_time_running{1ull << 1},
    id{1ull << 2}, group{1ull << 3}, lost{1ull << 4};
}  // namespace perf_format

// PERF_FLAG_*: perf_event_open's flags.
namespace perf_flag {
enum class flags : unsigned long {};
RAWSYS_BITMASK(flags)
inline constexpr flags fd_no_group{1ul << 0}, fd_output{1ul << 1}, pid_cgroup{1ul << 2},
    fd_cloexec{1ul << 3};
}  // namespace perf_flag

// The one-bit fields of perf_event_attr (disabled:1, inherit:1, ...), which
// the kernel packs into one u64 in this order: from the lowest bit up on a
// little-endian ISA, from the highest down on a big-endian one.
namespace perf_attr_flag {
enum class flags : uint64_t {};
RAWSYS_BITMASK(flags)
// The bit-field of `width` bits that starts `pos` bits into the word, holding v.
constexpr flags field(unsigned pos, unsigned width, uint64_t v) noexcept {
  return flags{v << (abi::big_endian ? 64 - pos - width : pos)};
}
inline constexpr flags disabled = field(0, 1, 1), inherit = field(1, 1, 1), pinned = field(2, 1, 1),
    exclusive = field(3, 1, 1), exclude_user = field(4, 1, 1), exclude_kernel = field(5, 1, 1),
    exclude_hv = field(6, 1, 1), exclude_idle = field(7, 1, 1), mmap = field(8, 1, 1), comm = field(9, 1, 1),
    freq = field(10, 1, 1), inherit_stat = field(11, 1, 1), enable_on_exec = field(12, 1, 1),
    task = field(13, 1, 1), watermark = field(14, 1, 1), mmap_data = field(17, 1, 1),
    sample_id_all = field(18, 1, 1), exclude_host = field(19, 1, 1), exclude_guest = field(20, 1, 1),
    exclude_callchain_kernel = field(21, 1, 1), exclude_callchain_user = field(22, 1, 1),
    mmap2 = field(23, 1, 1), comm_exec = field(24, 1, 1), use_clockid = field(25, 1, 1),
    context_switch = field(26, 1, 1), write_backward = field(27, 1, 1), namespaces = field(28, 1, 1),
    ksymbol = field(29, 1, 1), bpf_event = field(30, 1, 1), aux_output = field(31, 1, 1),
    cgroup = field(32, 1, 1), text_poke = field(33, 1, 1), build_id = field(34, 1, 1),
    inherit_thread = field(35, 1, 1), remove_on_exec = field(36, 1, 1), sigtrap = field(37, 1, 1);
// precise_ip:2, the skid constraint (0-3).
constexpr flags precise_ip(unsigned n) noexcept { return field(15, 2, n & 3u); }
}  // namespace perf_attr_flag

// PERF_ATTR_SIZE_VER*: the sizes perf_event_attr has had. The kernel accepts
// any of them (and larger ones whose unknown tail is zero; otherwise E2BIG,
// after writing the size it knows into attr->size).
namespace perf_attr_size {
inline constexpr uint32_t ver0 = 64, ver1 = 72, ver2 = 80, ver3 = 96, ver4 = 104, ver5 = 112,
                          ver6 = 120, ver7 = 128, ver8 = 136;
}  // namespace perf_attr_size

// struct perf_event_attr (PERF_ATTR_SIZE_VER8). Where the kernel has a union
// the first or most general name is kept, the others are in the comment.
struct alignas(8) perf_event_attr {
  perf_type type;
  uint32_t size = perf_attr_size::ver8;
  uint64_t config;         // a perf_hw_id, perf_sw_id, ... as a number
  uint64_t sample_period;  // or sample_freq, with perf_attr_flag::freq
  uint64_t sample_type;
  perf_format::flags read_format;
  perf_attr_flag::flags flags;
  uint32_t wakeup_events;  // or wakeup_watermark
  uint32_t bp_type;
  uint64_t config1;  // or bp_addr, kprobe_func, uprobe_path
  uint64_t config2;  // or bp_len, kprobe_addr, probe_offset
  uint64_t branch_sample_type;
  uint64_t sample_regs_user;
  uint32_t sample_stack_user;
  int32_t clockid;
  uint64_t sample_regs_intr;
  uint32_t aux_watermark;
  uint16_t sample_max_stack;
  uint16_t reserved_2;
  uint32_t aux_sample_size;
  uint32_t aux_action;
  uint64_t sig_data;
  uint64_t config3;
};
static_assert(sizeof(perf_event_attr) == perf_attr_size::ver8);

// PERF_EVENT_IOC_*: ioctl(2) requests on a counter (the size field of some
// depends on the pointer size, hence computed like _IO/_IOR/_IOW, with the
// ISA's encoding: abi::ioc).
namespace detail {
enum class ioc_dir { none, write, read };
constexpr unsigned long perf_ioc(ioc_dir dir, unsigned n, size_t size) noexcept {
  const unsigned d = dir == ioc_dir::none ? abi::ioc.none : dir == ioc_dir::write ? abi::ioc.write : abi::ioc.read;
  return (static_cast<unsigned long>(d) << (16 + abi::ioc.size_bits)) | (static_cast<unsigned long>(size) << 16) |
         (static_cast<unsigned long>('$') << 8) | n;
}
}  // namespace detail
namespace perf_event_ioc {
inline constexpr unsigned long enable = detail::perf_ioc(detail::ioc_dir::none, 0, 0),
                               disable = detail::perf_ioc(detail::ioc_dir::none, 1, 0),
                               refresh = detail::perf_ioc(detail::ioc_dir::none, 2, 0),
                               reset = detail::perf_ioc(detail::ioc_dir::none, 3, 0),
                               period = detail::perf_ioc(detail::ioc_dir::write, 4, sizeof(uint64_t)),
                               set_output = detail::perf_ioc(detail::ioc_dir::none, 5, 0),
                               set_filter = detail::perf_ioc(detail::ioc_dir::write, 6, sizeof(char*)),
                               id = detail::perf_ioc(detail::ioc_dir::read, 7, sizeof(uint64_t*)),
                               set_bpf = detail::perf_ioc(detail::ioc_dir::write, 8, sizeof(uint32_t)),
                               pause_output = detail::perf_ioc(detail::ioc_dir::write, 9, sizeof(uint32_t));
// PERF_IOC_FLAG_GROUP: the argument of enable, disable, reset: the whole group.
inline constexpr unsigned long flag_group = 1;
}  // namespace perf_event_ioc

// perf_event_open(2): int perf_event_open(struct perf_event_attr *attr, pid_t pid, int cpu, int group_fd, unsigned long flags);
// pid 0 and cpu -1: this thread on any CPU. Not const: on E2BIG the kernel
// writes the size it supports into attr->size. ENOENT (or EOPNOTSUPP) for an
// event this machine has no counter for, e.g. hardware events in most VMs;
// EACCES/EPERM under kernel.perf_event_paranoid; ENOSYS without
// CONFIG_PERF_EVENTS. All passed through.
template <class = void>
inline result<unique_fd> perf_event_open(perf_event_attr* attr, int pid, int cpu, fd group_fd, perf_flag::flags flags) noexcept {
  return detail::as_fd(syscall(nr::perf_event_open, attr, pid, cpu, group_fd.get(), flags));
}
template <class = void>
inline result<unique_fd> perf_event_open(perf_event_attr& attr, int pid = 0, int cpu = -1, fd group_fd = fd(), perf_flag::flags flags = perf_flag::fd_cloexec) noexcept {
  return perf_event_open(&attr, pid, cpu, group_fd, flags);
}

}  // namespace rawsys
