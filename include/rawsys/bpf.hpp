// BPF: the bpf(2) call with the pieces of `union bpf_attr` for maps and
// program loading, eBPF instructions, and the classic BPF (cBPF) programs
// that seccomp filters and socket filters are written in. The opcode fields
// (linux/bpf_common.h) are shared by both instruction sets.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"

namespace rawsys {

// Opcode fields, or'ed together: class | size | mode for loads, class | op |
// source for ALU and jumps (BPF_LD, BPF_W, BPF_ABS, ...). Where cBPF and eBPF
// give one value two names, both are here (ret/jmp32 = 6, misc/alu64 = 7).
namespace bpf_code {
// class
inline constexpr uint16_t ld = 0x00, ldx = 0x01, st = 0x02, stx = 0x03, alu = 0x04, jmp = 0x05,
                          ret = 0x06, misc = 0x07;
inline constexpr uint16_t jmp32 = 0x06, alu64 = 0x07;  // eBPF
// size
inline constexpr uint16_t w = 0x00, h = 0x08, b = 0x10, dw = 0x18;
// mode
inline constexpr uint16_t imm = 0x00, abs = 0x20, ind = 0x40, mem = 0x60, len = 0x80, msh = 0xa0;
inline constexpr uint16_t memsx = 0x80, atomic = 0xc0;  // eBPF
// ALU op (`or`, `and`, `xor` are C++ keywords)
inline constexpr uint16_t add = 0x00, sub = 0x10, mul = 0x20, div = 0x30, or_ = 0x40, and_ = 0x50,
                          lsh = 0x60, rsh = 0x70, neg = 0x80, mod = 0x90, xor_ = 0xa0;
inline constexpr uint16_t mov = 0xb0, arsh = 0xc0, end = 0xd0;  // eBPF
// jump op
inline constexpr uint16_t ja = 0x00, jeq = 0x10, jgt = 0x20, jge = 0x30, jset = 0x40;
inline constexpr uint16_t jne = 0x50, jsgt = 0x60, jsge = 0x70, call = 0x80, exit = 0x90,
                          jlt = 0xa0, jle = 0xb0, jslt = 0xc0, jsle = 0xd0;  // eBPF
// source
inline constexpr uint16_t k = 0x00, x = 0x08;
// cBPF ret source and misc ops
inline constexpr uint16_t a = 0x10, tax = 0x00, txa = 0x80;
// The most instructions a cBPF program may have (BPF_MAXINSNS).
inline constexpr size_t maxinsns = 4096;
}  // namespace bpf_code

// One cBPF instruction (linux/filter.h struct sock_filter).
struct sock_filter {
  uint16_t code;
  uint8_t jt;  // forward jump when the condition holds
  uint8_t jf;  // and when it does not
  uint32_t k;
  friend constexpr bool operator==(const sock_filter&, const sock_filter&) = default;
};
static_assert(sizeof(sock_filter) == 8);

// A cBPF program (struct sock_fprog), as seccomp(2) and SO_ATTACH_FILTER take it.
struct sock_fprog {
  unsigned short len;
  const sock_filter* filter;
};

// The kernel's BPF_STMT and BPF_JUMP.
constexpr sock_filter bpf_stmt(uint16_t code, uint32_t k) noexcept { return {code, 0, 0, k}; }
constexpr sock_filter bpf_jump(uint16_t code, uint32_t k, uint8_t jt, uint8_t jf) noexcept {
  return {code, jt, jf, k};
}

// One eBPF instruction (struct bpf_insn; its bit-fields dst_reg:4 and
// src_reg:4 are the low and high nibble of `regs` on a little-endian ISA, the
// high and low nibble on a big-endian one).
struct bpf_insn {
  uint8_t code;
  uint8_t regs;
  int16_t off;
  int32_t imm;
  static constexpr unsigned dst_shift = abi::big_endian ? 4 : 0;
  static constexpr unsigned src_shift = abi::big_endian ? 0 : 4;
  static constexpr bpf_insn make(uint16_t code, uint8_t dst, uint8_t src, int16_t off,
                                 int32_t imm) noexcept {
    return {static_cast<uint8_t>(code), static_cast<uint8_t>((dst & 0xf) << dst_shift | (src & 0xf) << src_shift),
            off, imm};
  }
  constexpr uint8_t dst_reg() const noexcept { return (regs >> dst_shift) & 0xf; }
  constexpr uint8_t src_reg() const noexcept { return (regs >> src_shift) & 0xf; }
};
static_assert(sizeof(bpf_insn) == 8);

// bpf(2) commands (enum bpf_cmd).
enum class bpf_cmd : int {
  map_create = 0, map_lookup_elem = 1, map_update_elem = 2, map_delete_elem = 3,
  map_get_next_key = 4, prog_load = 5, obj_pin = 6, obj_get = 7, prog_attach = 8,
  prog_detach = 9, prog_test_run = 10, prog_get_next_id = 11, map_get_next_id = 12,
  prog_get_fd_by_id = 13, map_get_fd_by_id = 14, obj_get_info_by_fd = 15, prog_query = 16,
  raw_tracepoint_open = 17, btf_load = 18, btf_get_fd_by_id = 19, task_fd_query = 20,
  map_lookup_and_delete_elem = 21, map_freeze = 22, btf_get_next_id = 23, map_lookup_batch = 24,
  map_lookup_and_delete_batch = 25, map_update_batch = 26, map_delete_batch = 27,
  link_create = 28, link_update = 29, link_get_fd_by_id = 30, link_get_next_id = 31,
  enable_stats = 32, iter_create = 33, link_detach = 34, prog_bind_map = 35, token_create = 36,
};

// enum bpf_map_type
enum class bpf_map_type : uint32_t {
  unspec = 0, hash = 1, array = 2, prog_array = 3, perf_event_array = 4, percpu_hash = 5,
  percpu_array = 6, stack_trace = 7, cgroup_array = 8, lru_hash = 9, lru_percpu_hash = 10,
  lpm_trie = 11, array_of_maps = 12, hash_of_maps = 13, devmap = 14, sockmap = 15, cpumap = 16,
  xskmap = 17, sockhash = 18, cgroup_storage = 19, reuseport_sockarray = 20,
  percpu_cgroup_storage = 21, queue = 22, stack = 23, sk_storage = 24, devmap_hash = 25,
  struct_ops = 26, ringbuf = 27, inode_storage = 28, task_storage = 29, bloom_filter = 30,
  user_ringbuf = 31, cgrp_storage = 32, arena = 33,
};

// enum bpf_prog_type
enum class bpf_prog_type : uint32_t {
  unspec = 0, socket_filter = 1, kprobe = 2, sched_cls = 3, sched_act = 4, tracepoint = 5,
  xdp = 6, perf_event = 7, cgroup_skb = 8, cgroup_sock = 9, lwt_in = 10, lwt_out = 11,
  lwt_xmit = 12, sock_ops = 13, sk_skb = 14, cgroup_device = 15, sk_msg = 16,
  raw_tracepoint = 17, cgroup_sock_addr = 18, lwt_seg6local = 19, lirc_mode2 = 20,
  sk_reuseport = 21, flow_dissector = 22, cgroup_sysctl = 23, raw_tracepoint_writable = 24,
  cgroup_sockopt = 25, tracing = 26, struct_ops = 27, ext = 28, lsm = 29, sk_lookup = 30,
  syscall = 31, netfilter = 32,
};

// BPF_F_* for BPF_MAP_CREATE's map_flags.
namespace bpf_map_f {
enum class flags : uint32_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags no_prealloc{1u << 0}, no_common_lru{1u << 1}, numa_node{1u << 2},
    rdonly{1u << 3}, wronly{1u << 4}, stack_build_id{1u << 5}, zero_seed{1u << 6},
    rdonly_prog{1u << 7}, wronly_prog{1u << 8}, clone{1u << 9}, mmapable{1u << 10},
    preserve_elems{1u << 11}, inner_map{1u << 12}, link{1u << 13}, path_fd{1u << 14},
    vtype_btf_obj_fd{1u << 15}, token_fd{1u << 16};
}  // namespace bpf_map_f

// BPF_F_* for BPF_PROG_LOAD's prog_flags.
namespace bpf_prog_f {
enum class flags : uint32_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags strict_alignment{1u << 0}, any_alignment{1u << 1}, test_rnd_hi32{1u << 2},
    test_state_freq{1u << 3}, sleepable{1u << 4}, xdp_has_frags{1u << 5},
    xdp_dev_bound_only{1u << 6};
}  // namespace bpf_prog_f

// The flags of the BPF_MAP_*_ELEM commands: BPF_ANY, BPF_NOEXIST, BPF_EXIST,
// BPF_F_LOCK.
namespace bpf_elem_f {
enum class flags : uint64_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags any{0}, noexist{1}, exist{2}, lock{4};
}  // namespace bpf_elem_f

// BPF_OBJ_NAME_LEN
inline constexpr size_t bpf_obj_name_len = 16;

namespace detail {
// A user address as the kernel's __aligned_u64 fields take it (zero-extended on i386).
template <class = void>
inline uint64_t addr64(const void* p) noexcept { return reinterpret_cast<uintptr_t>(p); }
}  // namespace detail

// The BPF_MAP_CREATE part of union bpf_attr. alignas(8) and the explicit pad
// give every 32- and 64-bit process the kernel's layout.
struct alignas(8) bpf_map_create_attr {
  bpf_map_type map_type;
  uint32_t key_size;
  uint32_t value_size;
  uint32_t max_entries;
  bpf_map_f::flags map_flags;
  uint32_t inner_map_fd;
  uint32_t numa_node;
  char map_name[bpf_obj_name_len];
  uint32_t map_ifindex;
  uint32_t btf_fd;
  uint32_t btf_key_type_id;
  uint32_t btf_value_type_id;
  uint32_t btf_vmlinux_value_type_id;
  uint64_t map_extra;
  int32_t value_type_btf_obj_fd;
  int32_t map_token_fd;
};
static_assert(sizeof(bpf_map_create_attr) == 80);

// The BPF_MAP_*_ELEM part of union bpf_attr (key and value are user
// addresses: detail::addr64()).
struct alignas(8) bpf_map_elem_attr {
  uint32_t map_fd;
  uint32_t pad_;
  uint64_t key;
  uint64_t value;  // next_key for BPF_MAP_GET_NEXT_KEY
  bpf_elem_f::flags flags;
};
static_assert(sizeof(bpf_map_elem_attr) == 32);

// The BPF_PROG_LOAD part of union bpf_attr.
struct alignas(8) bpf_prog_load_attr {
  bpf_prog_type prog_type;
  uint32_t insn_cnt;
  uint64_t insns;    // const bpf_insn*: set_insns()
  uint64_t license;  // const char*, e.g. "GPL": set_license()
  uint32_t log_level;
  uint32_t log_size;
  uint64_t log_buf;  // char*: set_log()
  uint32_t kern_version;
  bpf_prog_f::flags prog_flags;
  char prog_name[bpf_obj_name_len];
  uint32_t prog_ifindex;
  uint32_t expected_attach_type;
  uint32_t prog_btf_fd;
  uint32_t func_info_rec_size;
  uint64_t func_info;
  uint32_t func_info_cnt;
  uint32_t line_info_rec_size;
  uint64_t line_info;
  uint32_t line_info_cnt;
  uint32_t attach_btf_id;
  uint32_t attach_prog_fd;  // or attach_btf_obj_fd
  uint32_t core_relo_cnt;
  uint64_t fd_array;
  uint64_t core_relos;
  uint32_t core_relo_rec_size;
  uint32_t log_true_size;  // written back by the kernel (6.4 and later)
  int32_t prog_token_fd;
  uint32_t pad_;

  // The user addresses, as 64-bit numbers on every ABI.
  void set_insns(const bpf_insn* p, uint32_t count) noexcept {
    insns = detail::addr64(p);
    insn_cnt = count;
  }
  void set_license(const char* s) noexcept { license = detail::addr64(s); }
  // The verifier's log: level 1 or 2 (0: none).
  void set_log(char* buf, uint32_t size, uint32_t level = 1) noexcept {
    log_buf = detail::addr64(buf);
    log_size = size;
    log_level = level;
  }
};
static_assert(sizeof(bpf_prog_load_attr) == 152);

// bpf(2): int bpf(int cmd, union bpf_attr *attr, unsigned int size);
// `attr` is one of the *_attr structs above (or the caller's own piece of the
// union) and `size` its size: the kernel reads that many bytes and needs any
// it does not know to be zero. Passes ENOSYS through where BPF is not built in.
template <class = void>
inline result<long> bpf(bpf_cmd cmd, void* attr, unsigned size) noexcept {
  return syscall(nr::bpf, cmd, attr, size);
}

// bpf(2) BPF_MAP_CREATE: a new map.
template <class = void>
inline result<unique_fd> bpf_map_create(const bpf_map_create_attr& attr) noexcept {
  return detail::as_fd(bpf(bpf_cmd::map_create, const_cast<bpf_map_create_attr*>(&attr),
                           sizeof attr));
}

// bpf(2) BPF_MAP_LOOKUP_ELEM: copies the value stored under *key into *value
// (value_size bytes; ENOENT when there is none).
template <class = void>
inline result<void> bpf_map_lookup_elem(fd map, const void* key, void* value, bpf_elem_f::flags flags = bpf_elem_f::flags()) noexcept {
  bpf_map_elem_attr a{};
  a.map_fd = static_cast<uint32_t>(map.get());
  a.key = detail::addr64(key);
  a.value = detail::addr64(value);
  a.flags = flags;
  return detail::as_void(bpf(bpf_cmd::map_lookup_elem, &a, sizeof a));
}

// bpf(2) BPF_MAP_UPDATE_ELEM: stores *value under *key (bpf_elem_f::any, noexist, exist).
template <class = void>
inline result<void> bpf_map_update_elem(fd map, const void* key, const void* value, bpf_elem_f::flags flags = bpf_elem_f::any) noexcept {
  bpf_map_elem_attr a{};
  a.map_fd = static_cast<uint32_t>(map.get());
  a.key = detail::addr64(key);
  a.value = detail::addr64(value);
  a.flags = flags;
  return detail::as_void(bpf(bpf_cmd::map_update_elem, &a, sizeof a));
}

// bpf(2) BPF_MAP_DELETE_ELEM
template <class = void>
inline result<void> bpf_map_delete_elem(fd map, const void* key) noexcept {
  bpf_map_elem_attr a{};
  a.map_fd = static_cast<uint32_t>(map.get());
  a.key = detail::addr64(key);
  return detail::as_void(bpf(bpf_cmd::map_delete_elem, &a, sizeof a));
}

// bpf(2) BPF_MAP_GET_NEXT_KEY: the key after *key (the first key when key is null)
// into *next_key; ENOENT after the last.
template <class = void>
inline result<void> bpf_map_get_next_key(fd map, const void* key, void* next_key) noexcept {
  bpf_map_elem_attr a{};
  a.map_fd = static_cast<uint32_t>(map.get());
  a.key = detail::addr64(key);
  a.value = detail::addr64(next_key);
  return detail::as_void(bpf(bpf_cmd::map_get_next_key, &a, sizeof a));
}

// bpf(2) BPF_PROG_LOAD: a verified program. On a verifier error (EACCES, EINVAL) the
// log, when attr.log_buf was given, says why. Not const: newer kernels write
// log_true_size back.
template <class = void>
inline result<unique_fd> bpf_prog_load(bpf_prog_load_attr& attr) noexcept {
  return detail::as_fd(bpf(bpf_cmd::prog_load, &attr, sizeof attr));
}

}  // namespace rawsys
