// perf_event_open(2): ids, flags, perf_event_attr (including the order of its
// one-bit fields) and the ioctl numbers against <linux/perf_event.h>; a
// software counter read back; hardware events (absent on this machine) and
// other errors compared with glibc's syscall().
#include <errno.h>
#include <fcntl.h>
#include <linux/perf_event.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "skip.hpp"

using rawsys::errc;
using attr_t = rawsys::perf_event_attr;  // <linux/perf_event.h> has a global perf_event_attr
using rawsys_test::error_of;
using rawsys_test::glibc;
namespace af = rawsys::perf_attr_flag;

static_assert(static_cast<uint32_t>(rawsys::perf_type::hardware) == PERF_TYPE_HARDWARE);
static_assert(static_cast<uint32_t>(rawsys::perf_type::software) == PERF_TYPE_SOFTWARE);
static_assert(static_cast<uint32_t>(rawsys::perf_type::tracepoint) == PERF_TYPE_TRACEPOINT);
static_assert(static_cast<uint32_t>(rawsys::perf_type::hw_cache) == PERF_TYPE_HW_CACHE);
static_assert(static_cast<uint32_t>(rawsys::perf_type::raw) == PERF_TYPE_RAW);
static_assert(static_cast<uint32_t>(rawsys::perf_type::breakpoint) == PERF_TYPE_BREAKPOINT);
#define HW(name, value) static_assert(static_cast<uint64_t>(rawsys::perf_hw_id::name) == (value))
HW(cpu_cycles, PERF_COUNT_HW_CPU_CYCLES); HW(instructions, PERF_COUNT_HW_INSTRUCTIONS);
HW(cache_references, PERF_COUNT_HW_CACHE_REFERENCES); HW(cache_misses, PERF_COUNT_HW_CACHE_MISSES);
HW(branch_instructions, PERF_COUNT_HW_BRANCH_INSTRUCTIONS); HW(branch_misses, PERF_COUNT_HW_BRANCH_MISSES);
HW(bus_cycles, PERF_COUNT_HW_BUS_CYCLES); HW(stalled_cycles_frontend, PERF_COUNT_HW_STALLED_CYCLES_FRONTEND);
HW(stalled_cycles_backend, PERF_COUNT_HW_STALLED_CYCLES_BACKEND); HW(ref_cpu_cycles, PERF_COUNT_HW_REF_CPU_CYCLES);
#undef HW
#define SW(name, value) static_assert(static_cast<uint64_t>(rawsys::perf_sw_id::name) == (value))
SW(cpu_clock, PERF_COUNT_SW_CPU_CLOCK); SW(task_clock, PERF_COUNT_SW_TASK_CLOCK);
SW(page_faults, PERF_COUNT_SW_PAGE_FAULTS); SW(context_switches, PERF_COUNT_SW_CONTEXT_SWITCHES);
SW(cpu_migrations, PERF_COUNT_SW_CPU_MIGRATIONS); SW(page_faults_min, PERF_COUNT_SW_PAGE_FAULTS_MIN);
SW(page_faults_maj, PERF_COUNT_SW_PAGE_FAULTS_MAJ); SW(alignment_faults, PERF_COUNT_SW_ALIGNMENT_FAULTS);
SW(emulation_faults, PERF_COUNT_SW_EMULATION_FAULTS); SW(dummy, PERF_COUNT_SW_DUMMY);
SW(bpf_output, PERF_COUNT_SW_BPF_OUTPUT); SW(cgroup_switches, PERF_COUNT_SW_CGROUP_SWITCHES);
#undef SW
static_assert(rawsys::bits(rawsys::perf_format::total_time_enabled) == PERF_FORMAT_TOTAL_TIME_ENABLED);
static_assert(rawsys::bits(rawsys::perf_format::total_time_running) == PERF_FORMAT_TOTAL_TIME_RUNNING);
static_assert(rawsys::bits(rawsys::perf_format::id) == PERF_FORMAT_ID);
static_assert(rawsys::bits(rawsys::perf_format::group) == PERF_FORMAT_GROUP);
static_assert(rawsys::bits(rawsys::perf_format::lost) == PERF_FORMAT_LOST);
static_assert(rawsys::bits(rawsys::perf_flag::fd_no_group) == PERF_FLAG_FD_NO_GROUP);
static_assert(rawsys::bits(rawsys::perf_flag::fd_output) == PERF_FLAG_FD_OUTPUT);
static_assert(rawsys::bits(rawsys::perf_flag::pid_cgroup) == PERF_FLAG_PID_CGROUP);
static_assert(rawsys::bits(rawsys::perf_flag::fd_cloexec) == PERF_FLAG_FD_CLOEXEC);
static_assert(rawsys::perf_attr_size::ver0 == PERF_ATTR_SIZE_VER0);
static_assert(rawsys::perf_attr_size::ver1 == PERF_ATTR_SIZE_VER1);
static_assert(rawsys::perf_attr_size::ver2 == PERF_ATTR_SIZE_VER2);
static_assert(rawsys::perf_attr_size::ver3 == PERF_ATTR_SIZE_VER3);
static_assert(rawsys::perf_attr_size::ver4 == PERF_ATTR_SIZE_VER4);
static_assert(rawsys::perf_attr_size::ver5 == PERF_ATTR_SIZE_VER5);
static_assert(rawsys::perf_attr_size::ver6 == PERF_ATTR_SIZE_VER6);
static_assert(rawsys::perf_attr_size::ver7 == PERF_ATTR_SIZE_VER7);
#ifdef PERF_ATTR_SIZE_VER8
static_assert(rawsys::perf_attr_size::ver8 == PERF_ATTR_SIZE_VER8);
static_assert(sizeof(attr_t) == sizeof(struct perf_event_attr));
#endif
static_assert(attr_t{}.size == sizeof(attr_t));
static_assert(rawsys::perf_event_ioc::enable == PERF_EVENT_IOC_ENABLE);
static_assert(rawsys::perf_event_ioc::disable == PERF_EVENT_IOC_DISABLE);
static_assert(rawsys::perf_event_ioc::refresh == PERF_EVENT_IOC_REFRESH);
static_assert(rawsys::perf_event_ioc::reset == PERF_EVENT_IOC_RESET);
static_assert(rawsys::perf_event_ioc::period == PERF_EVENT_IOC_PERIOD);
static_assert(rawsys::perf_event_ioc::set_output == PERF_EVENT_IOC_SET_OUTPUT);
static_assert(rawsys::perf_event_ioc::set_filter == PERF_EVENT_IOC_SET_FILTER);
static_assert(rawsys::perf_event_ioc::id == PERF_EVENT_IOC_ID);
static_assert(rawsys::perf_event_ioc::set_bpf == PERF_EVENT_IOC_SET_BPF);
static_assert(rawsys::perf_event_ioc::pause_output == PERF_EVENT_IOC_PAUSE_OUTPUT);
static_assert(rawsys::perf_event_ioc::flag_group == PERF_IOC_FLAG_GROUP);

#define SAME(field) static_assert(offsetof(attr_t, field) == offsetof(struct perf_event_attr, field))
SAME(type); SAME(size); SAME(config); SAME(sample_period); SAME(sample_type); SAME(read_format);
SAME(wakeup_events); SAME(bp_type); SAME(config1); SAME(config2); SAME(branch_sample_type);
SAME(sample_regs_user); SAME(sample_stack_user); SAME(clockid); SAME(sample_regs_intr);
SAME(aux_watermark); SAME(sample_max_stack); SAME(aux_sample_size); SAME(sig_data);
#ifdef PERF_ATTR_SIZE_VER8
SAME(config3);
#endif
#undef SAME
// The bit-field word sits between read_format and wakeup_events.
static_assert(offsetof(attr_t, flags) == offsetof(struct perf_event_attr, read_format) + 8);
static_assert(offsetof(struct perf_event_attr, wakeup_events) == offsetof(struct perf_event_attr, read_format) + 16);

namespace {

// The bit-field word of the kernel's struct.
uint64_t flag_word(const struct perf_event_attr& a) {
  uint64_t w;
  memcpy(&w, reinterpret_cast<const char*>(&a) + offsetof(attr_t, flags), sizeof w);
  return w;
}

attr_t software(rawsys::perf_sw_id id) {
  attr_t a{};
  a.type = rawsys::perf_type::software;
  a.config = static_cast<uint64_t>(id);
  return a;
}

// Opens the same counter through glibc's syscall() with the kernel's
// struct, as a comparison; closes what it opened.
rawsys::result<long> glibc_open(const attr_t& mine, int pid, int cpu, unsigned long flags) {
  struct perf_event_attr a;
  static_assert(sizeof a <= sizeof mine);
  memcpy(&a, &mine, sizeof a);
  const auto r = glibc(::syscall(SYS_perf_event_open, &a, pid, cpu, -1, flags));
  if (r) ::close(static_cast<int>(*r));
  return r;
}

}  // namespace

TEST_CASE("perf_event_attr: each one-bit field is where the kernel's bit-fields put it") {
  struct F {
    af::flags ours;
    void (*set)(struct perf_event_attr&);
  };
  const F fields[] = {
      {af::disabled, [](struct perf_event_attr& a) { a.disabled = 1; }},
      {af::inherit, [](struct perf_event_attr& a) { a.inherit = 1; }},
      {af::pinned, [](struct perf_event_attr& a) { a.pinned = 1; }},
      {af::exclusive, [](struct perf_event_attr& a) { a.exclusive = 1; }},
      {af::exclude_user, [](struct perf_event_attr& a) { a.exclude_user = 1; }},
      {af::exclude_kernel, [](struct perf_event_attr& a) { a.exclude_kernel = 1; }},
      {af::exclude_hv, [](struct perf_event_attr& a) { a.exclude_hv = 1; }},
      {af::exclude_idle, [](struct perf_event_attr& a) { a.exclude_idle = 1; }},
      {af::mmap, [](struct perf_event_attr& a) { a.mmap = 1; }},
      {af::comm, [](struct perf_event_attr& a) { a.comm = 1; }},
      {af::freq, [](struct perf_event_attr& a) { a.freq = 1; }},
      {af::inherit_stat, [](struct perf_event_attr& a) { a.inherit_stat = 1; }},
      {af::enable_on_exec, [](struct perf_event_attr& a) { a.enable_on_exec = 1; }},
      {af::task, [](struct perf_event_attr& a) { a.task = 1; }},
      {af::watermark, [](struct perf_event_attr& a) { a.watermark = 1; }},
      {af::precise_ip(3), [](struct perf_event_attr& a) { a.precise_ip = 3; }},
      {af::precise_ip(1), [](struct perf_event_attr& a) { a.precise_ip = 1; }},
      {af::mmap_data, [](struct perf_event_attr& a) { a.mmap_data = 1; }},
      {af::sample_id_all, [](struct perf_event_attr& a) { a.sample_id_all = 1; }},
      {af::exclude_host, [](struct perf_event_attr& a) { a.exclude_host = 1; }},
      {af::exclude_guest, [](struct perf_event_attr& a) { a.exclude_guest = 1; }},
      {af::exclude_callchain_kernel, [](struct perf_event_attr& a) { a.exclude_callchain_kernel = 1; }},
      {af::exclude_callchain_user, [](struct perf_event_attr& a) { a.exclude_callchain_user = 1; }},
      {af::mmap2, [](struct perf_event_attr& a) { a.mmap2 = 1; }},
      {af::comm_exec, [](struct perf_event_attr& a) { a.comm_exec = 1; }},
      {af::use_clockid, [](struct perf_event_attr& a) { a.use_clockid = 1; }},
      {af::context_switch, [](struct perf_event_attr& a) { a.context_switch = 1; }},
      {af::write_backward, [](struct perf_event_attr& a) { a.write_backward = 1; }},
      {af::namespaces, [](struct perf_event_attr& a) { a.namespaces = 1; }},
      {af::ksymbol, [](struct perf_event_attr& a) { a.ksymbol = 1; }},
      {af::bpf_event, [](struct perf_event_attr& a) { a.bpf_event = 1; }},
      {af::aux_output, [](struct perf_event_attr& a) { a.aux_output = 1; }},
      {af::cgroup, [](struct perf_event_attr& a) { a.cgroup = 1; }},
      {af::text_poke, [](struct perf_event_attr& a) { a.text_poke = 1; }},
      {af::build_id, [](struct perf_event_attr& a) { a.build_id = 1; }},
      {af::inherit_thread, [](struct perf_event_attr& a) { a.inherit_thread = 1; }},
      {af::remove_on_exec, [](struct perf_event_attr& a) { a.remove_on_exec = 1; }},
      {af::sigtrap, [](struct perf_event_attr& a) { a.sigtrap = 1; }},
  };
  for (const F& f : fields) {
    struct perf_event_attr a;
    memset(&a, 0, sizeof a);
    f.set(a);
    CHECK(flag_word(a) == rawsys::bits(f.ours));
  }
}

TEST_CASE("perf_event_open: a software counter of this thread counts") {
  attr_t attr = software(rawsys::perf_sw_id::task_clock);
  attr.read_format = rawsys::perf_format::total_time_enabled;
  auto fd = rawsys::perf_event_open(attr);
  const auto theirs = glibc_open(attr, 0, -1, PERF_FLAG_FD_CLOEXEC);
  REQUIRE(error_of(fd) == error_of(theirs));
  if (!fd) {
    rawsys_test::skip(rawsys_test::why_unavailable("perf_event_open", fd.error()));
    return;
  }
  CHECK((::fcntl(fd->get(), F_GETFD) & FD_CLOEXEC) != 0);
  CHECK(::ioctl(fd->get(), rawsys::perf_event_ioc::reset, 0) == 0);
  for (int i = 0; i < 2000; ++i) (void)rawsys::syscall(rawsys::nr::getppid);
  uint64_t v[2] = {};
  REQUIRE(::read(fd->get(), v, sizeof v) == static_cast<ssize_t>(sizeof v));
  CHECK(v[0] > 0);  // nanoseconds this thread ran
  CHECK(v[1] > 0);  // nanoseconds the counter was enabled

  // Disabled from the start: reads 0 until enabled.
  attr_t off = software(rawsys::perf_sw_id::cpu_clock);
  off.flags = af::disabled | af::exclude_hv;
  auto fd2 = rawsys::perf_event_open(&off, 0, -1, rawsys::fd{}, rawsys::perf_flag::fd_cloexec);
  REQUIRE(fd2.has_value());
  uint64_t n = 1;
  REQUIRE(::read(fd2->get(), &n, sizeof n) == static_cast<ssize_t>(sizeof n));
  CHECK(n == 0);
  CHECK(::ioctl(fd2->get(), rawsys::perf_event_ioc::enable, 0) == 0);
  for (int i = 0; i < 2000; ++i) (void)rawsys::syscall(rawsys::nr::getppid);
  CHECK(::ioctl(fd2->get(), rawsys::perf_event_ioc::disable, 0) == 0);
  REQUIRE(::read(fd2->get(), &n, sizeof n) == static_cast<ssize_t>(sizeof n));
  CHECK(n > 0);
  uint64_t id = 0;
  CHECK(::ioctl(fd2->get(), rawsys::perf_event_ioc::id, &id) == 0);

  // An attr of the first published size is accepted too.
  attr_t old = software(rawsys::perf_sw_id::task_clock);
  old.size = rawsys::perf_attr_size::ver0;
  CHECK(rawsys::perf_event_open(old).has_value());
}

TEST_CASE("perf_event_open: hardware events and bad arguments fail as with glibc's syscall()") {
  attr_t probe = software(rawsys::perf_sw_id::task_clock);
  auto ok = rawsys::perf_event_open(probe);
  if (!ok) {
    REQUIRE(error_of(ok) == error_of(glibc_open(probe, 0, -1, PERF_FLAG_FD_CLOEXEC)));
    rawsys_test::skip(rawsys_test::why_unavailable("perf_event_open", ok.error()));
    return;
  }
  // Hardware cycles: there are no hardware counters on this machine (ENOENT
  // here); whatever the machine says, both agree.
  attr_t hw{};
  hw.type = rawsys::perf_type::hardware;
  hw.config = static_cast<uint64_t>(rawsys::perf_hw_id::cpu_cycles);
  const auto cycles = rawsys::perf_event_open(hw);
  CHECK(error_of(cycles) == error_of(glibc_open(hw, 0, -1, PERF_FLAG_FD_CLOEXEC)));
  if (!cycles) MESSAGE("hardware cycles: " << doctest::String(rawsys::name(cycles.error())));

  // A size below the first version: E2BIG, and the kernel writes its size back.
  attr_t tiny = software(rawsys::perf_sw_id::task_clock);
  tiny.size = 8;
  CHECK(rawsys::perf_event_open(tiny) == rawsys::unexpected(errc::e2big));
  CHECK(tiny.size >= rawsys::perf_attr_size::ver0);
  struct perf_event_attr theirs;
  memset(&theirs, 0, sizeof theirs);
  theirs.type = PERF_TYPE_SOFTWARE;
  theirs.config = PERF_COUNT_SW_TASK_CLOCK;
  theirs.size = 8;
  CHECK(::syscall(SYS_perf_event_open, &theirs, 0, -1, -1, 0) == -1);
  CHECK(static_cast<errc>(errno) == errc::e2big);
  CHECK(theirs.size == tiny.size);

  // Unknown type, no such process, unknown flag.
  attr_t bogus{};
  bogus.type = static_cast<rawsys::perf_type>(0x7fff);
  CHECK(error_of(rawsys::perf_event_open(bogus)) == error_of(glibc_open(bogus, 0, -1, PERF_FLAG_FD_CLOEXEC)));
  attr_t sw = software(rawsys::perf_sw_id::task_clock);
  CHECK(rawsys::perf_event_open(sw, 0x3ffffff0) == rawsys::unexpected(errc::esrch));
  CHECK(error_of(rawsys::perf_event_open(sw, 0x3ffffff0)) == error_of(glibc_open(sw, 0x3ffffff0, -1, PERF_FLAG_FD_CLOEXEC)));
  CHECK(error_of(rawsys::perf_event_open(&sw, 0, -1, rawsys::fd{}, rawsys::perf_flag::flags{1ul << 20})) ==
        error_of(glibc_open(sw, 0, -1, 1ul << 20)));
}
