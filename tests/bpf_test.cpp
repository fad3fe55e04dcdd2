// bpf(2) and the BPF encodings: opcode fields, cBPF and eBPF instructions,
// commands, map and program types, flags and the pieces of union bpf_attr
// against <linux/bpf.h> and <linux/filter.h>; errors compared with glibc's
// syscall(); an array map written and read back and a program loaded where
// this process may (root, or CAP_BPF).
#include "skip.hpp"

#include <linux/bpf.h>
#include <linux/filter.h>
#include <linux/version.h>
#include <stddef.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

using cmd = rawsys::bpf_cmd;  // <linux/bpf.h> has a global bpf_cmd too
using rawsys::errc;
using rawsys_test::error_of;
using rawsys_test::glibc;
using rawsys_test::glibc_void;
namespace c = rawsys::bpf_code;

// Opcode fields (linux/bpf_common.h, linux/bpf.h).
static_assert(c::ld == BPF_LD && c::ldx == BPF_LDX && c::st == BPF_ST && c::stx == BPF_STX);
static_assert(c::alu == BPF_ALU && c::jmp == BPF_JMP && c::ret == BPF_RET && c::misc == BPF_MISC);
static_assert(c::jmp32 == BPF_JMP32 && c::alu64 == BPF_ALU64);
static_assert(c::w == BPF_W && c::h == BPF_H && c::b == BPF_B && c::dw == BPF_DW);
static_assert(c::imm == BPF_IMM && c::abs == BPF_ABS && c::ind == BPF_IND && c::mem == BPF_MEM);
static_assert(c::len == BPF_LEN && c::msh == BPF_MSH && c::atomic == BPF_ATOMIC);
#ifdef BPF_MEMSX
static_assert(c::memsx == BPF_MEMSX);
#endif
static_assert(c::add == BPF_ADD && c::sub == BPF_SUB && c::mul == BPF_MUL && c::div == BPF_DIV);
static_assert(c::or_ == BPF_OR && c::and_ == BPF_AND && c::lsh == BPF_LSH && c::rsh == BPF_RSH);
static_assert(c::neg == BPF_NEG && c::mod == BPF_MOD && c::xor_ == BPF_XOR);
static_assert(c::mov == BPF_MOV && c::arsh == BPF_ARSH && c::end == BPF_END);
static_assert(c::ja == BPF_JA && c::jeq == BPF_JEQ && c::jgt == BPF_JGT && c::jge == BPF_JGE);
static_assert(c::jset == BPF_JSET && c::jne == BPF_JNE && c::jsgt == BPF_JSGT && c::jsge == BPF_JSGE);
static_assert(c::call == BPF_CALL && c::exit == BPF_EXIT && c::jlt == BPF_JLT && c::jle == BPF_JLE);
static_assert(c::jslt == BPF_JSLT && c::jsle == BPF_JSLE);
static_assert(c::k == BPF_K && c::x == BPF_X && c::a == BPF_A);
static_assert(c::tax == BPF_TAX && c::txa == BPF_TXA);
static_assert(c::maxinsns == BPF_MAXINSNS);

// cBPF instructions and programs (linux/filter.h).
static_assert(sizeof(rawsys::sock_filter) == sizeof(struct sock_filter));
static_assert(offsetof(rawsys::sock_filter, code) == offsetof(struct sock_filter, code));
static_assert(offsetof(rawsys::sock_filter, jt) == offsetof(struct sock_filter, jt));
static_assert(offsetof(rawsys::sock_filter, jf) == offsetof(struct sock_filter, jf));
static_assert(offsetof(rawsys::sock_filter, k) == offsetof(struct sock_filter, k));
static_assert(sizeof(rawsys::sock_fprog) == sizeof(struct sock_fprog));
static_assert(offsetof(rawsys::sock_fprog, len) == offsetof(struct sock_fprog, len));
static_assert(offsetof(rawsys::sock_fprog, filter) == offsetof(struct sock_fprog, filter));
constexpr struct sock_filter theirs_stmt = BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 4);
constexpr struct sock_filter theirs_jump = BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 7, 2, 3);
constexpr rawsys::sock_filter ours_stmt = rawsys::bpf_stmt(c::ld | c::w | c::abs, 4);
constexpr rawsys::sock_filter ours_jump = rawsys::bpf_jump(c::jmp | c::jge | c::k, 7, 2, 3);
static_assert(ours_stmt.code == theirs_stmt.code && ours_stmt.jt == theirs_stmt.jt &&
              ours_stmt.jf == theirs_stmt.jf && ours_stmt.k == theirs_stmt.k);
static_assert(ours_jump.code == theirs_jump.code && ours_jump.jt == theirs_jump.jt &&
              ours_jump.jf == theirs_jump.jf && ours_jump.k == theirs_jump.k);

// eBPF instructions.
static_assert(sizeof(rawsys::bpf_insn) == sizeof(struct bpf_insn));
static_assert(offsetof(rawsys::bpf_insn, code) == offsetof(struct bpf_insn, code));
static_assert(offsetof(rawsys::bpf_insn, off) == offsetof(struct bpf_insn, off));
static_assert(offsetof(rawsys::bpf_insn, imm) == offsetof(struct bpf_insn, imm));
static_assert(rawsys::bpf_obj_name_len == BPF_OBJ_NAME_LEN);

// Commands, map and program types (enums in the header: newer ones by version).
#define CMD(name, value) static_assert(static_cast<int>(cmd::name) == (value))
CMD(map_create, BPF_MAP_CREATE); CMD(map_lookup_elem, BPF_MAP_LOOKUP_ELEM);
CMD(map_update_elem, BPF_MAP_UPDATE_ELEM); CMD(map_delete_elem, BPF_MAP_DELETE_ELEM);
CMD(map_get_next_key, BPF_MAP_GET_NEXT_KEY); CMD(prog_load, BPF_PROG_LOAD); CMD(obj_pin, BPF_OBJ_PIN);
CMD(obj_get, BPF_OBJ_GET); CMD(prog_attach, BPF_PROG_ATTACH); CMD(prog_detach, BPF_PROG_DETACH);
CMD(prog_test_run, BPF_PROG_TEST_RUN); CMD(prog_get_next_id, BPF_PROG_GET_NEXT_ID);
CMD(map_get_next_id, BPF_MAP_GET_NEXT_ID); CMD(prog_get_fd_by_id, BPF_PROG_GET_FD_BY_ID);
CMD(map_get_fd_by_id, BPF_MAP_GET_FD_BY_ID); CMD(obj_get_info_by_fd, BPF_OBJ_GET_INFO_BY_FD);
CMD(prog_query, BPF_PROG_QUERY); CMD(raw_tracepoint_open, BPF_RAW_TRACEPOINT_OPEN);
CMD(btf_load, BPF_BTF_LOAD); CMD(btf_get_fd_by_id, BPF_BTF_GET_FD_BY_ID);
CMD(task_fd_query, BPF_TASK_FD_QUERY); CMD(map_lookup_and_delete_elem, BPF_MAP_LOOKUP_AND_DELETE_ELEM);
CMD(map_freeze, BPF_MAP_FREEZE); CMD(btf_get_next_id, BPF_BTF_GET_NEXT_ID);
CMD(map_lookup_batch, BPF_MAP_LOOKUP_BATCH); CMD(map_lookup_and_delete_batch, BPF_MAP_LOOKUP_AND_DELETE_BATCH);
CMD(map_update_batch, BPF_MAP_UPDATE_BATCH); CMD(map_delete_batch, BPF_MAP_DELETE_BATCH);
CMD(link_create, BPF_LINK_CREATE); CMD(link_update, BPF_LINK_UPDATE);
CMD(link_get_fd_by_id, BPF_LINK_GET_FD_BY_ID); CMD(link_get_next_id, BPF_LINK_GET_NEXT_ID);
CMD(enable_stats, BPF_ENABLE_STATS); CMD(iter_create, BPF_ITER_CREATE); CMD(link_detach, BPF_LINK_DETACH);
CMD(prog_bind_map, BPF_PROG_BIND_MAP);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
CMD(token_create, BPF_TOKEN_CREATE);
#endif
#undef CMD
#define MAP(name, value) static_assert(static_cast<uint32_t>(rawsys::bpf_map_type::name) == (value))
MAP(unspec, BPF_MAP_TYPE_UNSPEC); MAP(hash, BPF_MAP_TYPE_HASH); MAP(array, BPF_MAP_TYPE_ARRAY);
MAP(prog_array, BPF_MAP_TYPE_PROG_ARRAY); MAP(perf_event_array, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
MAP(percpu_hash, BPF_MAP_TYPE_PERCPU_HASH); MAP(percpu_array, BPF_MAP_TYPE_PERCPU_ARRAY);
MAP(stack_trace, BPF_MAP_TYPE_STACK_TRACE); MAP(cgroup_array, BPF_MAP_TYPE_CGROUP_ARRAY);
MAP(lru_hash, BPF_MAP_TYPE_LRU_HASH); MAP(lru_percpu_hash, BPF_MAP_TYPE_LRU_PERCPU_HASH);
MAP(lpm_trie, BPF_MAP_TYPE_LPM_TRIE); MAP(array_of_maps, BPF_MAP_TYPE_ARRAY_OF_MAPS);
MAP(hash_of_maps, BPF_MAP_TYPE_HASH_OF_MAPS); MAP(devmap, BPF_MAP_TYPE_DEVMAP);
MAP(sockmap, BPF_MAP_TYPE_SOCKMAP); MAP(cpumap, BPF_MAP_TYPE_CPUMAP); MAP(xskmap, BPF_MAP_TYPE_XSKMAP);
MAP(sockhash, BPF_MAP_TYPE_SOCKHASH); MAP(cgroup_storage, BPF_MAP_TYPE_CGROUP_STORAGE);
MAP(reuseport_sockarray, BPF_MAP_TYPE_REUSEPORT_SOCKARRAY);
MAP(percpu_cgroup_storage, BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE); MAP(queue, BPF_MAP_TYPE_QUEUE);
MAP(stack, BPF_MAP_TYPE_STACK); MAP(sk_storage, BPF_MAP_TYPE_SK_STORAGE);
MAP(devmap_hash, BPF_MAP_TYPE_DEVMAP_HASH); MAP(struct_ops, BPF_MAP_TYPE_STRUCT_OPS);
MAP(ringbuf, BPF_MAP_TYPE_RINGBUF); MAP(inode_storage, BPF_MAP_TYPE_INODE_STORAGE);
MAP(task_storage, BPF_MAP_TYPE_TASK_STORAGE); MAP(bloom_filter, BPF_MAP_TYPE_BLOOM_FILTER);
MAP(user_ringbuf, BPF_MAP_TYPE_USER_RINGBUF);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
MAP(cgrp_storage, BPF_MAP_TYPE_CGRP_STORAGE); MAP(arena, BPF_MAP_TYPE_ARENA);
#endif
#undef MAP
#define PROG(name, value) static_assert(static_cast<uint32_t>(rawsys::bpf_prog_type::name) == (value))
PROG(unspec, BPF_PROG_TYPE_UNSPEC); PROG(socket_filter, BPF_PROG_TYPE_SOCKET_FILTER);
PROG(kprobe, BPF_PROG_TYPE_KPROBE); PROG(sched_cls, BPF_PROG_TYPE_SCHED_CLS);
PROG(sched_act, BPF_PROG_TYPE_SCHED_ACT); PROG(tracepoint, BPF_PROG_TYPE_TRACEPOINT);
PROG(xdp, BPF_PROG_TYPE_XDP); PROG(perf_event, BPF_PROG_TYPE_PERF_EVENT);
PROG(cgroup_skb, BPF_PROG_TYPE_CGROUP_SKB); PROG(cgroup_sock, BPF_PROG_TYPE_CGROUP_SOCK);
PROG(lwt_in, BPF_PROG_TYPE_LWT_IN); PROG(lwt_out, BPF_PROG_TYPE_LWT_OUT);
PROG(lwt_xmit, BPF_PROG_TYPE_LWT_XMIT); PROG(sock_ops, BPF_PROG_TYPE_SOCK_OPS);
PROG(sk_skb, BPF_PROG_TYPE_SK_SKB); PROG(cgroup_device, BPF_PROG_TYPE_CGROUP_DEVICE);
PROG(sk_msg, BPF_PROG_TYPE_SK_MSG); PROG(raw_tracepoint, BPF_PROG_TYPE_RAW_TRACEPOINT);
PROG(cgroup_sock_addr, BPF_PROG_TYPE_CGROUP_SOCK_ADDR); PROG(lwt_seg6local, BPF_PROG_TYPE_LWT_SEG6LOCAL);
PROG(lirc_mode2, BPF_PROG_TYPE_LIRC_MODE2); PROG(sk_reuseport, BPF_PROG_TYPE_SK_REUSEPORT);
PROG(flow_dissector, BPF_PROG_TYPE_FLOW_DISSECTOR); PROG(cgroup_sysctl, BPF_PROG_TYPE_CGROUP_SYSCTL);
PROG(raw_tracepoint_writable, BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE);
PROG(cgroup_sockopt, BPF_PROG_TYPE_CGROUP_SOCKOPT); PROG(tracing, BPF_PROG_TYPE_TRACING);
PROG(struct_ops, BPF_PROG_TYPE_STRUCT_OPS); PROG(ext, BPF_PROG_TYPE_EXT); PROG(lsm, BPF_PROG_TYPE_LSM);
PROG(sk_lookup, BPF_PROG_TYPE_SK_LOOKUP); PROG(syscall, BPF_PROG_TYPE_SYSCALL);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
PROG(netfilter, BPF_PROG_TYPE_NETFILTER);
#endif
#undef PROG

// Flags.
#define F(ns, name, value) static_assert(rawsys::bits(rawsys::ns::name) == (value))
F(bpf_map_f, no_prealloc, BPF_F_NO_PREALLOC); F(bpf_map_f, no_common_lru, BPF_F_NO_COMMON_LRU);
F(bpf_map_f, numa_node, BPF_F_NUMA_NODE); F(bpf_map_f, rdonly, BPF_F_RDONLY);
F(bpf_map_f, wronly, BPF_F_WRONLY); F(bpf_map_f, stack_build_id, BPF_F_STACK_BUILD_ID);
F(bpf_map_f, zero_seed, BPF_F_ZERO_SEED); F(bpf_map_f, rdonly_prog, BPF_F_RDONLY_PROG);
F(bpf_map_f, wronly_prog, BPF_F_WRONLY_PROG); F(bpf_map_f, clone, BPF_F_CLONE);
F(bpf_map_f, mmapable, BPF_F_MMAPABLE); F(bpf_map_f, preserve_elems, BPF_F_PRESERVE_ELEMS);
F(bpf_map_f, inner_map, BPF_F_INNER_MAP);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
F(bpf_map_f, link, BPF_F_LINK);
F(bpf_map_f, path_fd, BPF_F_PATH_FD); F(bpf_map_f, vtype_btf_obj_fd, BPF_F_VTYPE_BTF_OBJ_FD);
F(bpf_map_f, token_fd, BPF_F_TOKEN_FD);
#endif
F(bpf_prog_f, strict_alignment, BPF_F_STRICT_ALIGNMENT); F(bpf_prog_f, any_alignment, BPF_F_ANY_ALIGNMENT);
F(bpf_prog_f, test_rnd_hi32, BPF_F_TEST_RND_HI32); F(bpf_prog_f, test_state_freq, BPF_F_TEST_STATE_FREQ);
F(bpf_prog_f, sleepable, BPF_F_SLEEPABLE); F(bpf_prog_f, xdp_has_frags, BPF_F_XDP_HAS_FRAGS);
#ifdef BPF_F_XDP_DEV_BOUND_ONLY
F(bpf_prog_f, xdp_dev_bound_only, BPF_F_XDP_DEV_BOUND_ONLY);
#endif
F(bpf_elem_f, any, BPF_ANY); F(bpf_elem_f, noexist, BPF_NOEXIST); F(bpf_elem_f, exist, BPF_EXIST);
F(bpf_elem_f, lock, BPF_F_LOCK);
#undef F

// The pieces of union bpf_attr: each field where the union has it.
#define SAME(piece, field) static_assert(offsetof(rawsys::piece, field) == offsetof(union bpf_attr, field))
SAME(bpf_map_create_attr, map_type); SAME(bpf_map_create_attr, key_size);
SAME(bpf_map_create_attr, value_size); SAME(bpf_map_create_attr, max_entries);
SAME(bpf_map_create_attr, map_flags); SAME(bpf_map_create_attr, inner_map_fd);
SAME(bpf_map_create_attr, numa_node); SAME(bpf_map_create_attr, map_name);
SAME(bpf_map_create_attr, map_ifindex); SAME(bpf_map_create_attr, btf_fd);
SAME(bpf_map_create_attr, btf_key_type_id); SAME(bpf_map_create_attr, btf_value_type_id);
SAME(bpf_map_create_attr, btf_vmlinux_value_type_id); SAME(bpf_map_create_attr, map_extra);
SAME(bpf_map_elem_attr, map_fd); SAME(bpf_map_elem_attr, key); SAME(bpf_map_elem_attr, value);
SAME(bpf_map_elem_attr, flags);
static_assert(offsetof(rawsys::bpf_map_elem_attr, value) == offsetof(union bpf_attr, next_key));
SAME(bpf_prog_load_attr, prog_type); SAME(bpf_prog_load_attr, insn_cnt); SAME(bpf_prog_load_attr, insns);
SAME(bpf_prog_load_attr, license); SAME(bpf_prog_load_attr, log_level); SAME(bpf_prog_load_attr, log_size);
SAME(bpf_prog_load_attr, log_buf); SAME(bpf_prog_load_attr, kern_version);
SAME(bpf_prog_load_attr, prog_flags); SAME(bpf_prog_load_attr, prog_name);
SAME(bpf_prog_load_attr, prog_ifindex); SAME(bpf_prog_load_attr, expected_attach_type);
SAME(bpf_prog_load_attr, prog_btf_fd); SAME(bpf_prog_load_attr, func_info_rec_size);
SAME(bpf_prog_load_attr, func_info); SAME(bpf_prog_load_attr, func_info_cnt);
SAME(bpf_prog_load_attr, line_info_rec_size); SAME(bpf_prog_load_attr, line_info);
SAME(bpf_prog_load_attr, line_info_cnt); SAME(bpf_prog_load_attr, attach_btf_id);
SAME(bpf_prog_load_attr, attach_prog_fd); SAME(bpf_prog_load_attr, core_relo_cnt);
SAME(bpf_prog_load_attr, fd_array); SAME(bpf_prog_load_attr, core_relos);
SAME(bpf_prog_load_attr, core_relo_rec_size);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
SAME(bpf_map_create_attr, value_type_btf_obj_fd); SAME(bpf_map_create_attr, map_token_fd);
SAME(bpf_prog_load_attr, log_true_size); SAME(bpf_prog_load_attr, prog_token_fd);
// Older kernels' unions are shorter; they accept the longer pieces as long as
// the bytes they do not know are zero.
static_assert(sizeof(rawsys::bpf_prog_load_attr) <= sizeof(union bpf_attr));
static_assert(sizeof(rawsys::bpf_map_create_attr) <= sizeof(union bpf_attr));
#endif
#undef SAME

namespace {

// bpf(2) is there and this process may create maps: checked with a small
// array map, compared with glibc's syscall(). An invalid descriptor and a
// skip message otherwise.
rawsys::unique_fd array_map_or_skip() {
  rawsys::bpf_map_create_attr mine{};
  mine.map_type = rawsys::bpf_map_type::array;
  mine.key_size = 4;
  mine.value_size = 8;
  mine.max_entries = 4;
  memcpy(mine.map_name, "rawsys_test", 12);
  union bpf_attr theirs;
  memset(&theirs, 0, sizeof theirs);
  memcpy(&theirs, &mine, sizeof mine);
  const auto g = glibc(::syscall(SYS_bpf, BPF_MAP_CREATE, &theirs, sizeof theirs));
  auto fd = rawsys::bpf_map_create(mine);
  REQUIRE(error_of(fd) == error_of(g));
  if (g) ::close(static_cast<int>(*g));
  if (fd) return static_cast<rawsys::unique_fd&&>(*fd);
  rawsys_test::skip(rawsys_test::why_unavailable("bpf", fd.error()));
  return {};
}

}  // namespace

TEST_CASE("bpf_insn: the registers are the kernel's dst_reg and src_reg bit-fields") {
  struct bpf_insn theirs;
  memset(&theirs, 0, sizeof theirs);
  theirs.code = BPF_ALU64 | BPF_MOV | BPF_X;
  theirs.dst_reg = 3;
  theirs.src_reg = 9;
  theirs.off = -2;
  theirs.imm = 77;
  const rawsys::bpf_insn mine = rawsys::bpf_insn::make(c::alu64 | c::mov | c::x, 3, 9, -2, 77);
  CHECK(memcmp(&mine, &theirs, sizeof mine) == 0);
  CHECK(mine.dst_reg() == 3);
  CHECK(mine.src_reg() == 9);
}

TEST_CASE("bpf: errors match glibc's syscall()") {
  // An unknown map type: EINVAL; a command that does not exist: EINVAL.
  rawsys::bpf_map_create_attr bad{};
  bad.map_type = static_cast<rawsys::bpf_map_type>(0xffff);
  bad.key_size = 4;
  bad.value_size = 4;
  bad.max_entries = 1;
  union bpf_attr theirs;
  memset(&theirs, 0, sizeof theirs);
  memcpy(&theirs, &bad, sizeof bad);
  const auto mine = rawsys::bpf_map_create(bad);
  const auto g = glibc(::syscall(SYS_bpf, BPF_MAP_CREATE, &theirs, sizeof theirs));
  REQUIRE(error_of(mine) == error_of(g));
  if (error_of(mine) == errc::enosys) {
    rawsys_test::skip(rawsys_test::why_unavailable("bpf", mine.error()));
    return;
  }
  CHECK(error_of(mine) == errc::einval);
  CHECK(rawsys::bpf(static_cast<cmd>(9999), &theirs, sizeof theirs) ==
        glibc(::syscall(SYS_bpf, 9999, &theirs, sizeof theirs)));
  // Not a map: EBADF for -1.
  uint32_t key = 0;
  uint64_t value = 0;
  CHECK(rawsys::bpf_map_lookup_elem(rawsys::fd{-1}, &key, &value) == rawsys::unexpected(errc::ebadf));
  memset(&theirs, 0, sizeof theirs);
  theirs.map_fd = static_cast<uint32_t>(-1);
  theirs.key = reinterpret_cast<uintptr_t>(&key);
  theirs.value = reinterpret_cast<uintptr_t>(&value);
  CHECK(rawsys::bpf_map_lookup_elem(rawsys::fd{-1}, &key, &value) ==
        glibc_void(::syscall(SYS_bpf, BPF_MAP_LOOKUP_ELEM, &theirs, sizeof theirs)));
  // A non-zero byte past what the kernel knows: E2BIG.
  char big[8192] = {};
  big[sizeof big - 1] = 1;
  CHECK(error_of(rawsys::bpf(cmd::map_create, big, sizeof big)) ==
        error_of(glibc(::syscall(SYS_bpf, BPF_MAP_CREATE, big, sizeof big))));
}

TEST_CASE("bpf: an array map written and read back") {
  auto map = array_map_or_skip();
  if (!map) return;
  const uint32_t key = 1;
  const uint64_t stored = 0x1122334455667788ull;
  CHECK(rawsys::bpf_map_update_elem(map, &key, &stored) == rawsys::result<void>{});
  uint64_t got = 0;
  CHECK(rawsys::bpf_map_lookup_elem(map, &key, &got) == rawsys::result<void>{});
  CHECK(got == stored);

  // The same through glibc's syscall().
  union bpf_attr theirs;
  memset(&theirs, 0, sizeof theirs);
  uint64_t got2 = 0;
  theirs.map_fd = static_cast<uint32_t>(map.get());
  theirs.key = reinterpret_cast<uintptr_t>(&key);
  theirs.value = reinterpret_cast<uintptr_t>(&got2);
  REQUIRE(::syscall(SYS_bpf, BPF_MAP_LOOKUP_ELEM, &theirs, sizeof theirs) == 0);
  CHECK(got2 == stored);

  // Array slots always exist: NOEXIST fails with EEXIST, delete with EINVAL;
  // past the end: ENOENT, E2BIG for an update.
  CHECK(rawsys::bpf_map_update_elem(map, &key, &stored, rawsys::bpf_elem_f::noexist) ==
        rawsys::unexpected(errc::eexist));
  CHECK(rawsys::bpf_map_delete_elem(map, &key) == rawsys::unexpected(errc::einval));
  memset(&theirs, 0, sizeof theirs);
  theirs.map_fd = static_cast<uint32_t>(map.get());
  theirs.key = reinterpret_cast<uintptr_t>(&key);
  CHECK(rawsys::bpf_map_delete_elem(map, &key) ==
        glibc_void(::syscall(SYS_bpf, BPF_MAP_DELETE_ELEM, &theirs, sizeof theirs)));
  const uint32_t past = 10;
  CHECK(rawsys::bpf_map_lookup_elem(map, &past, &got) == rawsys::unexpected(errc::enoent));
  CHECK(rawsys::bpf_map_update_elem(map, &past, &stored) == rawsys::unexpected(errc::e2big));

  union bpf_attr upd;
  memset(&upd, 0, sizeof upd);
  upd.map_fd = static_cast<uint32_t>(map.get());
  upd.key = reinterpret_cast<uintptr_t>(&past);
  upd.value = reinterpret_cast<uintptr_t>(&stored);
  CHECK(rawsys::bpf_map_update_elem(map, &past, &stored) ==
        glibc_void(::syscall(SYS_bpf, BPF_MAP_UPDATE_ELEM, &upd, sizeof upd)));

  // Keys in order: 0, 1, 2, 3, then ENOENT.
  uint32_t next = 99;
  CHECK(rawsys::bpf_map_get_next_key(map, nullptr, &next) == rawsys::result<void>{});
  CHECK(next == 0);
  CHECK(rawsys::bpf_map_get_next_key(map, &key, &next) == rawsys::result<void>{});
  CHECK(next == 2);
  const uint32_t last = 3;
  CHECK(rawsys::bpf_map_get_next_key(map, &last, &next) == rawsys::unexpected(errc::enoent));
  union bpf_attr nk;
  memset(&nk, 0, sizeof nk);
  nk.map_fd = static_cast<uint32_t>(map.get());
  nk.key = reinterpret_cast<uintptr_t>(&last);
  nk.next_key = reinterpret_cast<uintptr_t>(&next);
  CHECK(rawsys::bpf_map_get_next_key(map, &last, &next) ==
        glibc_void(::syscall(SYS_bpf, BPF_MAP_GET_NEXT_KEY, &nk, sizeof nk)));
}

TEST_CASE("bpf: a hash map's elements are added and deleted") {
  auto probe = array_map_or_skip();
  if (!probe) return;
  rawsys::bpf_map_create_attr attr{};
  attr.map_type = rawsys::bpf_map_type::hash;
  attr.key_size = 4;
  attr.value_size = 4;
  attr.max_entries = 8;
  attr.map_flags = rawsys::bpf_map_f::no_prealloc;
  auto map = rawsys::bpf_map_create(attr);
  REQUIRE(map.has_value());
  const uint32_t key = 5, value = 50;
  CHECK(rawsys::bpf_map_update_elem(*map, &key, &value, rawsys::bpf_elem_f::noexist) == rawsys::result<void>{});
  CHECK(rawsys::bpf_map_update_elem(*map, &key, &value, rawsys::bpf_elem_f::noexist) == rawsys::unexpected(errc::eexist));
  uint32_t got = 0;
  CHECK(rawsys::bpf_map_lookup_elem(*map, &key, &got) == rawsys::result<void>{});
  CHECK(got == value);
  CHECK(rawsys::bpf_map_delete_elem(*map, &key) == rawsys::result<void>{});
  // Gone: ENOENT from both.
  union bpf_attr theirs;
  memset(&theirs, 0, sizeof theirs);
  theirs.map_fd = static_cast<uint32_t>(map->get());
  theirs.key = reinterpret_cast<uintptr_t>(&key);
  CHECK(rawsys::bpf_map_delete_elem(*map, &key) == rawsys::unexpected(errc::enoent));
  CHECK(rawsys::bpf_map_delete_elem(*map, &key) ==
        glibc_void(::syscall(SYS_bpf, BPF_MAP_DELETE_ELEM, &theirs, sizeof theirs)));
  CHECK(rawsys::bpf_map_lookup_elem(*map, &key, &got) == rawsys::unexpected(errc::enoent));
}

TEST_CASE("bpf: a socket filter program (r0 = 0, exit) is loaded") {
  auto map = array_map_or_skip();
  if (!map) return;
  const rawsys::bpf_insn prog[] = {
      rawsys::bpf_insn::make(c::alu64 | c::mov | c::k, 0, 0, 0, 0),
      rawsys::bpf_insn::make(c::jmp | c::exit, 0, 0, 0, 0),
  };
  char log[4096] = {};
  rawsys::bpf_prog_load_attr attr{};
  attr.prog_type = rawsys::bpf_prog_type::socket_filter;
  attr.set_insns(prog, 2);
  attr.set_license("GPL");
  attr.set_log(log, sizeof log);
  memcpy(attr.prog_name, "rawsys_ret0", 12);
  auto fd = rawsys::bpf_prog_load(attr);
  CHECK(fd.has_value());
  if (!fd) MESSAGE("verifier: " << doctest::String(log));

  // An invalid program (no exit): EINVAL, as glibc's syscall() says.
  rawsys::bpf_prog_load_attr bad = attr;
  bad.insn_cnt = 1;
  bad.log_level = 0;
  bad.log_size = 0;
  bad.log_buf = 0;
  // (A copy in bytes: older headers' union bpf_attr is shorter than the piece.)
  alignas(8) unsigned char theirs[sizeof bad];
  memcpy(theirs, &bad, sizeof bad);
  const auto mine = rawsys::bpf_prog_load(bad);
  CHECK(error_of(mine) == error_of(glibc(::syscall(SYS_bpf, BPF_PROG_LOAD, theirs, sizeof theirs))));
  CHECK(error_of(mine) == errc::einval);
}
