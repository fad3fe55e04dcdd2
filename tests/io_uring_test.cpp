// io_uring: constants and structure layouts against <linux/io_uring.h>; a NOP
// round trip and a pipe read through rings set up with the raw calls and
// mapped with mmap(2); register and the errors of all three calls compared
// with glibc's syscall().
#include "skip.hpp"

#include <fcntl.h>
#include <linux/io_uring.h>
#include <linux/version.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

using rawsys::errc;
using uop = rawsys::io_uring_op;  // <linux/io_uring.h> has a global io_uring_op too
using rawsys_test::error_of;
using rawsys_test::glibc;

// Flags.
static_assert(rawsys::bits(rawsys::ioring_setup::iopoll) == IORING_SETUP_IOPOLL);
static_assert(rawsys::bits(rawsys::ioring_setup::sqpoll) == IORING_SETUP_SQPOLL);
static_assert(rawsys::bits(rawsys::ioring_setup::sq_aff) == IORING_SETUP_SQ_AFF);
static_assert(rawsys::bits(rawsys::ioring_setup::cqsize) == IORING_SETUP_CQSIZE);
static_assert(rawsys::bits(rawsys::ioring_setup::clamp) == IORING_SETUP_CLAMP);
static_assert(rawsys::bits(rawsys::ioring_setup::attach_wq) == IORING_SETUP_ATTACH_WQ);
static_assert(rawsys::bits(rawsys::ioring_setup::r_disabled) == IORING_SETUP_R_DISABLED);
static_assert(rawsys::bits(rawsys::ioring_setup::submit_all) == IORING_SETUP_SUBMIT_ALL);
static_assert(rawsys::bits(rawsys::ioring_setup::coop_taskrun) == IORING_SETUP_COOP_TASKRUN);
static_assert(rawsys::bits(rawsys::ioring_setup::taskrun_flag) == IORING_SETUP_TASKRUN_FLAG);
static_assert(rawsys::bits(rawsys::ioring_setup::sqe128) == IORING_SETUP_SQE128);
static_assert(rawsys::bits(rawsys::ioring_setup::cqe32) == IORING_SETUP_CQE32);
static_assert(rawsys::bits(rawsys::ioring_setup::single_issuer) == IORING_SETUP_SINGLE_ISSUER);
static_assert(rawsys::bits(rawsys::ioring_setup::defer_taskrun) == IORING_SETUP_DEFER_TASKRUN);
#ifdef IORING_SETUP_NO_MMAP
static_assert(rawsys::bits(rawsys::ioring_setup::no_mmap) == IORING_SETUP_NO_MMAP);
static_assert(rawsys::bits(rawsys::ioring_setup::registered_fd_only) == IORING_SETUP_REGISTERED_FD_ONLY);
#endif
#ifdef IORING_SETUP_NO_SQARRAY
static_assert(rawsys::bits(rawsys::ioring_setup::no_sqarray) == IORING_SETUP_NO_SQARRAY);
#endif
static_assert(rawsys::bits(rawsys::ioring_feat::single_mmap) == IORING_FEAT_SINGLE_MMAP);
static_assert(rawsys::bits(rawsys::ioring_feat::nodrop) == IORING_FEAT_NODROP);
static_assert(rawsys::bits(rawsys::ioring_feat::submit_stable) == IORING_FEAT_SUBMIT_STABLE);
static_assert(rawsys::bits(rawsys::ioring_feat::rw_cur_pos) == IORING_FEAT_RW_CUR_POS);
static_assert(rawsys::bits(rawsys::ioring_feat::cur_personality) == IORING_FEAT_CUR_PERSONALITY);
static_assert(rawsys::bits(rawsys::ioring_feat::fast_poll) == IORING_FEAT_FAST_POLL);
static_assert(rawsys::bits(rawsys::ioring_feat::poll_32bits) == IORING_FEAT_POLL_32BITS);
static_assert(rawsys::bits(rawsys::ioring_feat::sqpoll_nonfixed) == IORING_FEAT_SQPOLL_NONFIXED);
static_assert(rawsys::bits(rawsys::ioring_feat::ext_arg) == IORING_FEAT_EXT_ARG);
static_assert(rawsys::bits(rawsys::ioring_feat::native_workers) == IORING_FEAT_NATIVE_WORKERS);
static_assert(rawsys::bits(rawsys::ioring_feat::rsrc_tags) == IORING_FEAT_RSRC_TAGS);
static_assert(rawsys::bits(rawsys::ioring_feat::cqe_skip) == IORING_FEAT_CQE_SKIP);
static_assert(rawsys::bits(rawsys::ioring_feat::linked_file) == IORING_FEAT_LINKED_FILE);
#ifdef IORING_FEAT_REG_REG_RING
static_assert(rawsys::bits(rawsys::ioring_feat::reg_reg_ring) == IORING_FEAT_REG_REG_RING);
#endif
#ifdef IORING_FEAT_MIN_TIMEOUT
static_assert(rawsys::bits(rawsys::ioring_feat::recvsend_bundle) == IORING_FEAT_RECVSEND_BUNDLE);
static_assert(rawsys::bits(rawsys::ioring_feat::min_timeout) == IORING_FEAT_MIN_TIMEOUT);
#endif
static_assert(rawsys::bits(rawsys::ioring_enter::getevents) == IORING_ENTER_GETEVENTS);
static_assert(rawsys::bits(rawsys::ioring_enter::sq_wakeup) == IORING_ENTER_SQ_WAKEUP);
static_assert(rawsys::bits(rawsys::ioring_enter::sq_wait) == IORING_ENTER_SQ_WAIT);
static_assert(rawsys::bits(rawsys::ioring_enter::ext_arg) == IORING_ENTER_EXT_ARG);
static_assert(rawsys::bits(rawsys::ioring_enter::registered_ring) == IORING_ENTER_REGISTERED_RING);
#ifdef IORING_ENTER_ABS_TIMER
static_assert(rawsys::bits(rawsys::ioring_enter::abs_timer) == IORING_ENTER_ABS_TIMER);
#endif
static_assert(rawsys::bits(rawsys::iosqe::fixed_file) == IOSQE_FIXED_FILE);
static_assert(rawsys::bits(rawsys::iosqe::io_drain) == IOSQE_IO_DRAIN);
static_assert(rawsys::bits(rawsys::iosqe::io_link) == IOSQE_IO_LINK);
static_assert(rawsys::bits(rawsys::iosqe::io_hardlink) == IOSQE_IO_HARDLINK);
static_assert(rawsys::bits(rawsys::iosqe::async) == IOSQE_ASYNC);
static_assert(rawsys::bits(rawsys::iosqe::buffer_select) == IOSQE_BUFFER_SELECT);
static_assert(rawsys::bits(rawsys::iosqe::cqe_skip_success) == IOSQE_CQE_SKIP_SUCCESS);
static_assert(rawsys::bits(rawsys::ioring_cqe_f::buffer) == IORING_CQE_F_BUFFER);
static_assert(rawsys::bits(rawsys::ioring_cqe_f::more) == IORING_CQE_F_MORE);
static_assert(rawsys::bits(rawsys::ioring_cqe_f::sock_nonempty) == IORING_CQE_F_SOCK_NONEMPTY);
static_assert(rawsys::bits(rawsys::ioring_cqe_f::notif) == IORING_CQE_F_NOTIF);
#ifdef IORING_CQE_F_BUF_MORE
static_assert(rawsys::bits(rawsys::ioring_cqe_f::buf_more) == IORING_CQE_F_BUF_MORE);
#endif
static_assert(rawsys::ioring_cqe_f::buffer_id(rawsys::ioring_cqe_f::flags{(7u << IORING_CQE_BUFFER_SHIFT) | 1u}) == 7);
static_assert(rawsys::bits(rawsys::ioring_sq::need_wakeup) == IORING_SQ_NEED_WAKEUP);
static_assert(rawsys::bits(rawsys::ioring_sq::cq_overflow) == IORING_SQ_CQ_OVERFLOW);
static_assert(rawsys::bits(rawsys::ioring_sq::taskrun) == IORING_SQ_TASKRUN);
static_assert(rawsys::ioring_off::sq_ring == IORING_OFF_SQ_RING);
static_assert(rawsys::ioring_off::cq_ring == IORING_OFF_CQ_RING);
static_assert(rawsys::ioring_off::sqes == IORING_OFF_SQES);
#ifdef IORING_OFF_PBUF_RING
static_assert(rawsys::ioring_off::pbuf_ring == IORING_OFF_PBUF_RING);
#endif

// Opcodes (an enum in the header: the newer ones by header version).
#define OP(name, value) static_assert(static_cast<int>(uop::name) == (value))
OP(nop, IORING_OP_NOP); OP(readv, IORING_OP_READV); OP(writev, IORING_OP_WRITEV);
OP(fsync, IORING_OP_FSYNC); OP(read_fixed, IORING_OP_READ_FIXED);
OP(write_fixed, IORING_OP_WRITE_FIXED); OP(poll_add, IORING_OP_POLL_ADD);
OP(poll_remove, IORING_OP_POLL_REMOVE); OP(sync_file_range, IORING_OP_SYNC_FILE_RANGE);
OP(sendmsg, IORING_OP_SENDMSG); OP(recvmsg, IORING_OP_RECVMSG); OP(timeout, IORING_OP_TIMEOUT);
OP(timeout_remove, IORING_OP_TIMEOUT_REMOVE); OP(accept, IORING_OP_ACCEPT);
OP(async_cancel, IORING_OP_ASYNC_CANCEL); OP(link_timeout, IORING_OP_LINK_TIMEOUT);
OP(connect, IORING_OP_CONNECT); OP(fallocate, IORING_OP_FALLOCATE); OP(openat, IORING_OP_OPENAT);
OP(close, IORING_OP_CLOSE); OP(files_update, IORING_OP_FILES_UPDATE); OP(statx, IORING_OP_STATX);
OP(read, IORING_OP_READ); OP(write, IORING_OP_WRITE); OP(fadvise, IORING_OP_FADVISE);
OP(madvise, IORING_OP_MADVISE); OP(send, IORING_OP_SEND); OP(recv, IORING_OP_RECV);
OP(openat2, IORING_OP_OPENAT2); OP(epoll_ctl, IORING_OP_EPOLL_CTL); OP(splice, IORING_OP_SPLICE);
OP(provide_buffers, IORING_OP_PROVIDE_BUFFERS); OP(remove_buffers, IORING_OP_REMOVE_BUFFERS);
OP(tee, IORING_OP_TEE); OP(shutdown, IORING_OP_SHUTDOWN); OP(renameat, IORING_OP_RENAMEAT);
OP(unlinkat, IORING_OP_UNLINKAT); OP(mkdirat, IORING_OP_MKDIRAT);
OP(symlinkat, IORING_OP_SYMLINKAT); OP(linkat, IORING_OP_LINKAT); OP(msg_ring, IORING_OP_MSG_RING);
OP(fsetxattr, IORING_OP_FSETXATTR); OP(setxattr, IORING_OP_SETXATTR);
OP(fgetxattr, IORING_OP_FGETXATTR); OP(getxattr, IORING_OP_GETXATTR); OP(socket, IORING_OP_SOCKET);
OP(uring_cmd, IORING_OP_URING_CMD); OP(send_zc, IORING_OP_SEND_ZC);
OP(sendmsg_zc, IORING_OP_SENDMSG_ZC);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
OP(read_multishot, IORING_OP_READ_MULTISHOT); OP(waitid, IORING_OP_WAITID);
OP(futex_wait, IORING_OP_FUTEX_WAIT); OP(futex_wake, IORING_OP_FUTEX_WAKE);
OP(futex_waitv, IORING_OP_FUTEX_WAITV); OP(fixed_fd_install, IORING_OP_FIXED_FD_INSTALL);
OP(ftruncate, IORING_OP_FTRUNCATE); OP(bind, IORING_OP_BIND); OP(listen, IORING_OP_LISTEN);
#endif
#undef OP

#define REG(name, macro) static_assert(static_cast<unsigned>(rawsys::io_uring_register_op::name) == (macro))
REG(register_buffers, IORING_REGISTER_BUFFERS); REG(unregister_buffers, IORING_UNREGISTER_BUFFERS);
REG(register_files, IORING_REGISTER_FILES); REG(unregister_files, IORING_UNREGISTER_FILES);
REG(register_eventfd, IORING_REGISTER_EVENTFD); REG(unregister_eventfd, IORING_UNREGISTER_EVENTFD);
REG(register_files_update, IORING_REGISTER_FILES_UPDATE);
REG(register_eventfd_async, IORING_REGISTER_EVENTFD_ASYNC); REG(register_probe, IORING_REGISTER_PROBE);
REG(register_personality, IORING_REGISTER_PERSONALITY);
REG(unregister_personality, IORING_UNREGISTER_PERSONALITY);
REG(register_restrictions, IORING_REGISTER_RESTRICTIONS);
REG(register_enable_rings, IORING_REGISTER_ENABLE_RINGS); REG(register_files2, IORING_REGISTER_FILES2);
REG(register_files_update2, IORING_REGISTER_FILES_UPDATE2);
REG(register_buffers2, IORING_REGISTER_BUFFERS2);
REG(register_buffers_update, IORING_REGISTER_BUFFERS_UPDATE);
REG(register_iowq_aff, IORING_REGISTER_IOWQ_AFF); REG(unregister_iowq_aff, IORING_UNREGISTER_IOWQ_AFF);
REG(register_iowq_max_workers, IORING_REGISTER_IOWQ_MAX_WORKERS);
REG(register_ring_fds, IORING_REGISTER_RING_FDS); REG(unregister_ring_fds, IORING_UNREGISTER_RING_FDS);
REG(register_pbuf_ring, IORING_REGISTER_PBUF_RING);
REG(unregister_pbuf_ring, IORING_UNREGISTER_PBUF_RING);
REG(register_sync_cancel, IORING_REGISTER_SYNC_CANCEL);
REG(register_file_alloc_range, IORING_REGISTER_FILE_ALLOC_RANGE);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
REG(register_pbuf_status, IORING_REGISTER_PBUF_STATUS); REG(register_napi, IORING_REGISTER_NAPI);
REG(unregister_napi, IORING_UNREGISTER_NAPI); REG(register_clock, IORING_REGISTER_CLOCK);
REG(register_clone_buffers, IORING_REGISTER_CLONE_BUFFERS);
REG(use_registered_ring, IORING_REGISTER_USE_REGISTERED_RING);
#endif
#undef REG

// Structures.
#define SAME(ours, theirs, field) static_assert(offsetof(rawsys::ours, field) == offsetof(struct theirs, field))
static_assert(sizeof(rawsys::io_sqring_offsets) == sizeof(struct io_sqring_offsets));
SAME(io_sqring_offsets, io_sqring_offsets, head); SAME(io_sqring_offsets, io_sqring_offsets, tail);
SAME(io_sqring_offsets, io_sqring_offsets, ring_mask);
SAME(io_sqring_offsets, io_sqring_offsets, ring_entries);
SAME(io_sqring_offsets, io_sqring_offsets, flags); SAME(io_sqring_offsets, io_sqring_offsets, dropped);
SAME(io_sqring_offsets, io_sqring_offsets, array); SAME(io_sqring_offsets, io_sqring_offsets, resv1);
static_assert(sizeof(rawsys::io_cqring_offsets) == sizeof(struct io_cqring_offsets));
SAME(io_cqring_offsets, io_cqring_offsets, head); SAME(io_cqring_offsets, io_cqring_offsets, tail);
SAME(io_cqring_offsets, io_cqring_offsets, ring_mask);
SAME(io_cqring_offsets, io_cqring_offsets, ring_entries);
SAME(io_cqring_offsets, io_cqring_offsets, overflow); SAME(io_cqring_offsets, io_cqring_offsets, cqes);
SAME(io_cqring_offsets, io_cqring_offsets, flags); SAME(io_cqring_offsets, io_cqring_offsets, resv1);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
SAME(io_sqring_offsets, io_sqring_offsets, user_addr);
SAME(io_cqring_offsets, io_cqring_offsets, user_addr);
#endif
static_assert(sizeof(rawsys::io_uring_params) == sizeof(struct io_uring_params));
SAME(io_uring_params, io_uring_params, sq_entries); SAME(io_uring_params, io_uring_params, cq_entries);
SAME(io_uring_params, io_uring_params, flags); SAME(io_uring_params, io_uring_params, sq_thread_cpu);
SAME(io_uring_params, io_uring_params, sq_thread_idle); SAME(io_uring_params, io_uring_params, features);
SAME(io_uring_params, io_uring_params, wq_fd); SAME(io_uring_params, io_uring_params, resv);
SAME(io_uring_params, io_uring_params, sq_off); SAME(io_uring_params, io_uring_params, cq_off);
static_assert(sizeof(rawsys::io_uring_sqe) == sizeof(struct io_uring_sqe));
SAME(io_uring_sqe, io_uring_sqe, opcode); SAME(io_uring_sqe, io_uring_sqe, flags);
SAME(io_uring_sqe, io_uring_sqe, ioprio); SAME(io_uring_sqe, io_uring_sqe, fd);
SAME(io_uring_sqe, io_uring_sqe, off); SAME(io_uring_sqe, io_uring_sqe, addr2);
SAME(io_uring_sqe, io_uring_sqe, addr); SAME(io_uring_sqe, io_uring_sqe, splice_off_in);
SAME(io_uring_sqe, io_uring_sqe, len); SAME(io_uring_sqe, io_uring_sqe, rw_flags);
SAME(io_uring_sqe, io_uring_sqe, fsync_flags); SAME(io_uring_sqe, io_uring_sqe, poll32_events);
SAME(io_uring_sqe, io_uring_sqe, timeout_flags); SAME(io_uring_sqe, io_uring_sqe, open_flags);
SAME(io_uring_sqe, io_uring_sqe, user_data); SAME(io_uring_sqe, io_uring_sqe, buf_index);
SAME(io_uring_sqe, io_uring_sqe, buf_group); SAME(io_uring_sqe, io_uring_sqe, personality);
SAME(io_uring_sqe, io_uring_sqe, splice_fd_in); SAME(io_uring_sqe, io_uring_sqe, file_index);
SAME(io_uring_sqe, io_uring_sqe, addr3);
static_assert(offsetof(rawsys::io_uring_sqe, op_flags) == offsetof(struct io_uring_sqe, rw_flags));
static_assert(offsetof(rawsys::io_uring_sqe, pad2) == offsetof(struct io_uring_sqe, __pad2));
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
SAME(io_uring_sqe, io_uring_sqe, nop_flags); SAME(io_uring_sqe, io_uring_sqe, optlen);
#endif
static_assert(sizeof(rawsys::io_uring_cqe) == sizeof(struct io_uring_cqe));
SAME(io_uring_cqe, io_uring_cqe, user_data); SAME(io_uring_cqe, io_uring_cqe, res);
SAME(io_uring_cqe, io_uring_cqe, flags);
static_assert(sizeof(rawsys::io_uring_getevents_arg) == sizeof(struct io_uring_getevents_arg));
SAME(io_uring_getevents_arg, io_uring_getevents_arg, sigmask);
SAME(io_uring_getevents_arg, io_uring_getevents_arg, sigmask_sz);
SAME(io_uring_getevents_arg, io_uring_getevents_arg, ts);
#undef SAME

namespace {

// A ring of `entries`, after checking that glibc's syscall() gets the same
// outcome; an invalid descriptor and a skip message where io_uring is
// missing or disabled.
rawsys::unique_fd ring_or_skip(unsigned entries, rawsys::io_uring_params& p) {
  struct io_uring_params theirs {};
  const auto g = glibc(::syscall(SYS_io_uring_setup, entries, &theirs));
  auto mine = rawsys::io_uring_setup(entries, &p);
  REQUIRE(error_of(mine) == error_of(g));
  if (g) ::close(static_cast<int>(*g));
  if (mine) {
    CHECK(p.sq_entries == theirs.sq_entries);
    CHECK(p.cq_entries == theirs.cq_entries);
    CHECK(rawsys::bits(p.features) == theirs.features);
    CHECK(p.sq_off.array == theirs.sq_off.array);
    CHECK(p.cq_off.cqes == theirs.cq_off.cqes);
    return static_cast<rawsys::unique_fd&&>(*mine);
  }
  std::string why = rawsys_test::why_unavailable("io_uring_setup", mine.error());
  if (mine.error() == errc::eperm) {
    char v = '?';
    const int f = ::open("/proc/sys/kernel/io_uring_disabled", O_RDONLY | O_CLOEXEC);
    if (f >= 0) {
      if (::read(f, &v, 1) != 1) v = '?';
      ::close(f);
    }
    why += std::string("; sysctl kernel.io_uring_disabled = ") + v;
  }
  rawsys_test::skip(why);
  return {};
}

// The three mappings of a ring, and the submit and reap steps over them.
struct ring {
  rawsys::fd fd;
  const rawsys::io_uring_params& p;
  size_t sq_len = 0, cq_len = 0, sqes_len = 0;
  char* sq = nullptr;
  char* cq = nullptr;
  rawsys::io_uring_sqe* sqes = nullptr;

  ring(rawsys::fd f, const rawsys::io_uring_params& params) : fd(f), p(params) {
    sq_len = p.sq_off.array + p.sq_entries * sizeof(uint32_t);
    cq_len = p.cq_off.cqes + p.cq_entries * sizeof(rawsys::io_uring_cqe);
    const bool single = rawsys::has(p.features, rawsys::ioring_feat::single_mmap);
    if (single) sq_len = cq_len = sq_len > cq_len ? sq_len : cq_len;
    sq = static_cast<char*>(map(sq_len, rawsys::ioring_off::sq_ring));
    cq = single ? sq : static_cast<char*>(map(cq_len, rawsys::ioring_off::cq_ring));
    sqes_len = p.sq_entries * sizeof(rawsys::io_uring_sqe);
    sqes = static_cast<rawsys::io_uring_sqe*>(map(sqes_len, rawsys::ioring_off::sqes));
  }
  ~ring() {
    ::munmap(sqes, sqes_len);
    if (cq != sq) ::munmap(cq, cq_len);
    ::munmap(sq, sq_len);
  }
  void* map(size_t len, uint64_t off) {
    void* m = ::mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd.get(),
                     static_cast<off_t>(off));
    REQUIRE(m != MAP_FAILED);
    return m;
  }
  uint32_t* u32(char* base, uint32_t off) { return reinterpret_cast<uint32_t*>(base + off); }

  // Queues one entry (filled by the caller) and returns it.
  rawsys::io_uring_sqe& next() {
    const uint32_t tail = *u32(sq, p.sq_off.tail);
    const uint32_t i = tail & *u32(sq, p.sq_off.ring_mask);
    sqes[i] = rawsys::io_uring_sqe{};
    u32(sq, p.sq_off.array)[i] = i;
    return sqes[i];
  }
  void publish() {
    __atomic_store_n(u32(sq, p.sq_off.tail), *u32(sq, p.sq_off.tail) + 1, __ATOMIC_RELEASE);
  }
  // Takes the oldest completion.
  rawsys::io_uring_cqe reap() {
    const uint32_t head = *u32(cq, p.cq_off.head);
    REQUIRE(head != __atomic_load_n(u32(cq, p.cq_off.tail), __ATOMIC_ACQUIRE));
    const auto* cqes = reinterpret_cast<const rawsys::io_uring_cqe*>(cq + p.cq_off.cqes);
    const rawsys::io_uring_cqe c = cqes[head & *u32(cq, p.cq_off.ring_mask)];
    __atomic_store_n(u32(cq, p.cq_off.head), head + 1, __ATOMIC_RELEASE);
    return c;
  }
};

struct pipe_fds {
  int r = -1, w = -1;
  pipe_fds() {
    int f[2];
    REQUIRE(::pipe2(f, O_CLOEXEC) == 0);
    r = f[0];
    w = f[1];
  }
  ~pipe_fds() {
    ::close(r);
    ::close(w);
  }
};

}  // namespace

TEST_CASE("io_uring: a NOP round trip, then a pipe read, through raw rings") {
  rawsys::io_uring_params p{};
  auto fd = ring_or_skip(8, p);
  if (!fd) return;
  CHECK(p.sq_entries == 8);
  ring r(fd, p);

  rawsys::io_uring_sqe& nop = r.next();
  nop.opcode = uop::nop;
  nop.user_data = 0xfeedface12345678ull;
  r.publish();
  CHECK(rawsys::io_uring_enter(fd, 1, 1, rawsys::ioring_enter::getevents) == 1u);
  const rawsys::io_uring_cqe c = r.reap();
  CHECK(c.user_data == 0xfeedface12345678ull);
  CHECK(c.res == 0);

  pipe_fds pipe;
  REQUIRE(::write(pipe.w, "ring!", 5) == 5);
  char buf[16] = {};
  rawsys::io_uring_sqe& rd = r.next();
  rd.opcode = uop::read;
  rd.fd = pipe.r;
  rd.set_addr(buf);
  rd.len = sizeof buf;
  rd.off = ~uint64_t{0};  // the file position: pipes have none
  rd.user_data = 42;
  r.publish();
  CHECK(rawsys::io_uring_enter(fd, 1, 1, rawsys::ioring_enter::getevents, rawsys::sigset{}) == 1u);
  const rawsys::io_uring_cqe c2 = r.reap();
  CHECK(c2.user_data == 42);
  CHECK(c2.res == 5);
  CHECK(memcmp(buf, "ring!", 5) == 0);

  // An opcode the kernel does not have completes with -EINVAL.
  rawsys::io_uring_sqe& bad = r.next();
  bad.opcode = static_cast<uop>(250);
  bad.user_data = 7;
  r.publish();
  CHECK(rawsys::io_uring_enter(fd, 1, 1, rawsys::ioring_enter::getevents) == 1u);
  const rawsys::io_uring_cqe c3 = r.reap();
  CHECK(c3.user_data == 7);
  CHECK(c3.res == -EINVAL);
}

TEST_CASE("io_uring_register: a file table, then a read through its slot") {
  rawsys::io_uring_params p{};
  auto fd = ring_or_skip(4, p);
  if (!fd) return;
  ring r(fd, p);
  pipe_fds pipe;
  int files[1] = {pipe.r};
  CHECK(rawsys::io_uring_register(fd, rawsys::io_uring_register_op::register_files, files, 1) == 0);
  // Twice: EBUSY, as glibc's syscall() says.
  CHECK(rawsys::io_uring_register(fd, rawsys::io_uring_register_op::register_files, files, 1) ==
        rawsys::unexpected(errc::ebusy));
  CHECK(rawsys::io_uring_register(fd, rawsys::io_uring_register_op::register_files, files, 1) ==
        glibc(::syscall(SYS_io_uring_register, fd.get(), IORING_REGISTER_FILES, files, 1)));

  REQUIRE(::write(pipe.w, "slot", 4) == 4);
  char buf[8] = {};
  rawsys::io_uring_sqe& rd = r.next();
  rd.opcode = uop::read;
  rd.flags = rawsys::iosqe::fixed_file;
  rd.fd = 0;  // slot 0 of the table
  rd.set_addr(buf);
  rd.len = sizeof buf;
  rd.off = ~uint64_t{0};
  rd.user_data = 9;
  r.publish();
  CHECK(rawsys::io_uring_enter(fd, 1, 1, rawsys::ioring_enter::getevents) == 1u);
  const rawsys::io_uring_cqe c = r.reap();
  CHECK(c.res == 4);
  CHECK(memcmp(buf, "slot", 4) == 0);

  CHECK(rawsys::io_uring_register(fd, rawsys::io_uring_register_op::unregister_files, nullptr, 0) == 0);
  // An unknown opcode: EINVAL from both.
  CHECK(rawsys::io_uring_register(fd, static_cast<rawsys::io_uring_register_op>(9999), nullptr, 0) ==
        glibc(::syscall(SYS_io_uring_register, fd.get(), 9999, nullptr, 0)));
  CHECK(rawsys::io_uring_register(fd, static_cast<rawsys::io_uring_register_op>(9999), nullptr, 0) ==
        rawsys::unexpected(errc::einval));
}

TEST_CASE("io_uring: setup and enter errors match glibc's syscall()") {
  rawsys::io_uring_params p{};
  auto fd = ring_or_skip(2, p);
  if (!fd) return;
  // No entries; reserved fields set: EINVAL.
  rawsys::io_uring_params q{};
  struct io_uring_params theirs {};
  CHECK(error_of(rawsys::io_uring_setup(0, &q)) == errc::einval);
  CHECK(error_of(rawsys::io_uring_setup(0, &q)) == error_of(glibc(::syscall(SYS_io_uring_setup, 0, &theirs))));
  q.resv[1] = 1;
  theirs.resv[1] = 1;
  CHECK(error_of(rawsys::io_uring_setup(2, &q)) == error_of(glibc(::syscall(SYS_io_uring_setup, 2, &theirs))));
  CHECK(error_of(rawsys::io_uring_setup(2, nullptr)) == errc::efault);
  // Not a ring: EOPNOTSUPP; not a descriptor: EBADF.
  pipe_fds pipe;
  const auto not_ring = rawsys::io_uring_enter(rawsys::fd{pipe.r}, 0, 0, {});
  CHECK(not_ring == rawsys::unexpected(errc::eopnotsupp));
  CHECK(rawsys_test::widen(not_ring) == glibc(::syscall(SYS_io_uring_enter, pipe.r, 0, 0, 0, nullptr, 0)));
  CHECK(rawsys_test::widen(rawsys::io_uring_enter(rawsys::fd{-1}, 0, 0, {})) ==
        glibc(::syscall(SYS_io_uring_enter, -1, 0, 0, 0, nullptr, 0)));
  // Nothing to do: 0, with or without a signal mask.
  CHECK(rawsys::io_uring_enter(fd, 0, 0, {}) == 0u);
  CHECK(rawsys::io_uring_enter(fd, 0, 0, rawsys::ioring_enter::getevents, rawsys::sigset{}) == 0u);
  // A signal mask of the wrong size: EINVAL from both.
  const uint64_t mask = 0;
  CHECK(rawsys_test::widen(rawsys::io_uring_enter(fd, 0, 1, rawsys::ioring_enter::getevents, &mask, 3)) ==
        glibc(::syscall(SYS_io_uring_enter, fd.get(), 0, 1, IORING_ENTER_GETEVENTS, &mask, 3)));
}
