// io_uring: the three calls (io_uring_setup(2), io_uring_enter(2),
// io_uring_register(2)) and the structures shared with the kernel: the
// submission and completion queue entries and the ring offsets that mmap(2)
// of the ring descriptor needs (at ioring_off::sq_ring, cq_ring, sqes). No
// ring management on top: the kernel's structures, typed.
//
// The calls are from Linux 5.1. They fail with ENOSYS where io_uring is not
// built in, and with EPERM where the sysctl kernel.io_uring_disabled forbids
// them (6.6 and later); the wrappers pass both through.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "types.hpp"

namespace rawsys {

// IORING_SETUP_*: io_uring_params.flags.
namespace ioring_setup {
enum class flags : uint32_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags iopoll{1u << 0}, sqpoll{1u << 1}, sq_aff{1u << 2}, cqsize{1u << 3},
    clamp{1u << 4}, attach_wq{1u << 5}, r_disabled{1u << 6}, submit_all{1u << 7},
    coop_taskrun{1u << 8}, taskrun_flag{1u << 9}, sqe128{1u << 10}, cqe32{1u << 11},
    single_issuer{1u << 12}, defer_taskrun{1u << 13}, no_mmap{1u << 14},
    registered_fd_only{1u << 15}, no_sqarray{1u << 16};
}  // namespace ioring_setup

// IORING_FEAT_*: io_uring_params.features, what this kernel offers.
namespace ioring_feat {
enum class flags : uint32_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags single_mmap{1u << 0}, nodrop{1u << 1}, submit_stable{1u << 2},
    rw_cur_pos{1u << 3}, cur_personality{1u << 4}, fast_poll{1u << 5}, poll_32bits{1u << 6},
    sqpoll_nonfixed{1u << 7}, ext_arg{1u << 8}, native_workers{1u << 9}, rsrc_tags{1u << 10},
    cqe_skip{1u << 11}, linked_file{1u << 12}, reg_reg_ring{1u << 13},
    recvsend_bundle{1u << 14}, min_timeout{1u << 15};
}  // namespace ioring_feat

// IORING_ENTER_*
namespace ioring_enter {
enum class flags : uint32_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags getevents{1u << 0}, sq_wakeup{1u << 1}, sq_wait{1u << 2},
    ext_arg{1u << 3}, registered_ring{1u << 4}, abs_timer{1u << 5};
}  // namespace ioring_enter

// IOSQE_*: io_uring_sqe.flags.
namespace iosqe {
enum class flags : uint8_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags fixed_file{1u << 0}, io_drain{1u << 1}, io_link{1u << 2},
    io_hardlink{1u << 3}, async{1u << 4}, buffer_select{1u << 5}, cqe_skip_success{1u << 6};
}  // namespace iosqe

// IORING_CQE_F_*: io_uring_cqe.flags (with a buffer, its id is in the upper
// 16 bits: ioring_cqe_f::buffer_id()).
namespace ioring_cqe_f {
enum class flags : uint32_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags buffer{1u << 0}, more{1u << 1}, sock_nonempty{1u << 2}, notif{1u << 3},
    buf_more{1u << 4};
constexpr uint16_t buffer_id(flags f) noexcept { return static_cast<uint16_t>(static_cast<uint32_t>(f) >> 16); }
}  // namespace ioring_cqe_f

// IORING_SQ_*: the flags word of the submission ring (sq_off.flags).
namespace ioring_sq {
enum class flags : uint32_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags need_wakeup{1u << 0}, cq_overflow{1u << 1}, taskrun{1u << 2};
}  // namespace ioring_sq

// IORING_OFF_*: the mmap(2) offsets of the rings on the ring descriptor.
namespace ioring_off {
inline constexpr uint64_t sq_ring = 0, cq_ring = 0x8000000, sqes = 0x10000000,
                          pbuf_ring = 0x80000000;
}  // namespace ioring_off

// IORING_OP_*: io_uring_sqe.opcode (the kernel grows this list; an
// unsupported opcode completes with -EINVAL).
enum class io_uring_op : uint8_t {
  nop, readv, writev, fsync, read_fixed, write_fixed, poll_add, poll_remove, sync_file_range,
  sendmsg, recvmsg, timeout, timeout_remove, accept, async_cancel, link_timeout, connect,
  fallocate, openat, close, files_update, statx, read, write, fadvise, madvise, send, recv,
  openat2, epoll_ctl, splice, provide_buffers, remove_buffers, tee, shutdown, renameat,
  unlinkat, mkdirat, symlinkat, linkat, msg_ring, fsetxattr, setxattr, fgetxattr, getxattr,
  socket, uring_cmd, send_zc, sendmsg_zc, read_multishot, waitid, futex_wait, futex_wake,
  futex_waitv, fixed_fd_install, ftruncate, bind, listen,
};

// enum io_uring_register_op
enum class io_uring_register_op : unsigned {
  register_buffers = 0, unregister_buffers = 1, register_files = 2, unregister_files = 3,
  register_eventfd = 4, unregister_eventfd = 5, register_files_update = 6,
  register_eventfd_async = 7, register_probe = 8, register_personality = 9,
  unregister_personality = 10, register_restrictions = 11, register_enable_rings = 12,
  register_files2 = 13, register_files_update2 = 14, register_buffers2 = 15,
  register_buffers_update = 16, register_iowq_aff = 17, unregister_iowq_aff = 18,
  register_iowq_max_workers = 19, register_ring_fds = 20, unregister_ring_fds = 21,
  register_pbuf_ring = 22, unregister_pbuf_ring = 23, register_sync_cancel = 24,
  register_file_alloc_range = 25, register_pbuf_status = 26, register_napi = 27,
  unregister_napi = 28, register_clock = 29, register_clone_buffers = 30,
  // or'ed in: the fd argument is a registered ring's index
  use_registered_ring = 1u << 31,
};

// struct io_sqring_offsets: where each field of the submission ring lies in
// its mapping.
struct alignas(8) io_sqring_offsets {
  uint32_t head, tail, ring_mask, ring_entries, flags, dropped, array, resv1;
  uint64_t user_addr;
};
static_assert(sizeof(io_sqring_offsets) == 40);

// struct io_cqring_offsets
struct alignas(8) io_cqring_offsets {
  uint32_t head, tail, ring_mask, ring_entries, overflow, cqes, flags, resv1;
  uint64_t user_addr;
};
static_assert(sizeof(io_cqring_offsets) == 40);

// struct io_uring_params: flags, sq_thread_cpu, sq_thread_idle, cq_entries
// (with cqsize) and wq_fd (with attach_wq) in; the rest out.
struct alignas(8) io_uring_params {
  uint32_t sq_entries;
  uint32_t cq_entries;
  ioring_setup::flags flags;
  uint32_t sq_thread_cpu;
  uint32_t sq_thread_idle;
  ioring_feat::flags features;
  uint32_t wq_fd;
  uint32_t resv[3];
  io_sqring_offsets sq_off;
  io_cqring_offsets cq_off;
};
static_assert(sizeof(io_uring_params) == 120);

// struct io_uring_sqe (64 bytes; 128 with ioring_setup::sqe128). The
// kernel's unions keep their most used names here; `op_flags` is the word
// that each opcode names for itself (rw_flags, fsync_flags, ...).
struct alignas(8) io_uring_sqe {
  io_uring_op opcode;
  iosqe::flags flags;
  uint16_t ioprio;
  int32_t fd;
  union {
    uint64_t off;
    uint64_t addr2;
  };
  union {
    uint64_t addr;  // a user address (set_addr() takes a pointer)
    uint64_t splice_off_in;
  };
  uint32_t len;
  union {
    uint32_t op_flags;
    uint32_t rw_flags;
    uint32_t fsync_flags;
    uint32_t poll32_events;
    uint32_t timeout_flags;
    uint32_t open_flags;
    uint32_t nop_flags;
  };
  uint64_t user_data;
  union {
    uint16_t buf_index;
    uint16_t buf_group;
  };
  uint16_t personality;
  union {
    int32_t splice_fd_in;
    uint32_t file_index;
    uint32_t optlen;
  };
  uint64_t addr3;
  uint64_t pad2;
  // A user address as the kernel's 64-bit field (zero-extended on i386).
  void set_addr(const void* p) noexcept { addr = reinterpret_cast<uintptr_t>(p); }
};
static_assert(sizeof(io_uring_sqe) == 64);

// struct io_uring_cqe (16 bytes; 32 with ioring_setup::cqe32).
struct alignas(8) io_uring_cqe {
  uint64_t user_data;
  int32_t res;  // the operation's result, or -errno
  ioring_cqe_f::flags flags;
};
static_assert(sizeof(io_uring_cqe) == 16);

// struct io_uring_getevents_arg, io_uring_enter's argument with
// ioring_enter::ext_arg (sigmask and ts are user addresses).
struct alignas(8) io_uring_getevents_arg {
  uint64_t sigmask;
  uint32_t sigmask_sz;
  uint32_t min_wait_usec;
  uint64_t ts;
};
static_assert(sizeof(io_uring_getevents_arg) == 24);

// io_uring_setup(2): int io_uring_setup(u32 entries, struct io_uring_params *p);
template <class = void>
inline result<unique_fd> io_uring_setup(uint32_t entries, io_uring_params* p) noexcept {
  return detail::as_fd(syscall(nr::io_uring_setup, entries, p));
}

// io_uring_enter(2): int io_uring_enter(unsigned int fd, unsigned int to_submit, unsigned int min_complete, unsigned int flags, const void *arg, size_t argsz);
// The number of submission entries consumed. `arg` is a signal mask
// (sizeof(rawsys::sigset) bytes), or with ioring_enter::ext_arg an
// io_uring_getevents_arg.
template <class = void>
inline result<unsigned> io_uring_enter(fd ring, unsigned to_submit, unsigned min_complete, ioring_enter::flags flags, const void* arg, size_t argsz) noexcept {
  auto r = syscall(nr::io_uring_enter, ring.get(), to_submit, min_complete, flags, arg, argsz);
  if (!r) return unexpected(r.error());
  return static_cast<unsigned>(*r);
}
template <class = void>
inline result<unsigned> io_uring_enter(fd ring, unsigned to_submit, unsigned min_complete, ioring_enter::flags flags) noexcept {
  return io_uring_enter(ring, to_submit, min_complete, flags, nullptr, 0);
}
// With this signal mask in place while waiting.
template <class = void>
inline result<unsigned> io_uring_enter(fd ring, unsigned to_submit, unsigned min_complete, ioring_enter::flags flags, const sigset& mask) noexcept {
  return io_uring_enter(ring, to_submit, min_complete, flags, &mask, sizeof mask);
}

// io_uring_register(2): int io_uring_register(unsigned int fd, unsigned int opcode, void *arg, unsigned int nr_args);
// 0 or what the operation returns (a personality id, the files updated, ...).
template <class = void>
inline result<long> io_uring_register(fd ring, io_uring_register_op opcode, void* arg, unsigned nr_args) noexcept {
  return syscall(nr::io_uring_register, ring.get(), opcode, arg, nr_args);
}

}  // namespace rawsys
