// Inter-process communication: System V message queues, semaphore sets and
// shared memory (msgget(2), semget(2), shmget(2) and their *ctl, *op, *snd,
// *rcv, shmat), and POSIX message queues (mq_open(2) ... mq_getsetattr).
//
// System V: every ISA's 6.12 table has the direct calls (i386, arm, ppc,
// s390 and mips o32 have them since Linux 5.1; older kernels there have only
// the multiplexed ipc(2), which these wrappers do not use). The *ctl calls
// take the kernel's 64-bit structs (msqid64_ds, semid64_ds, shmid64_ds: laid
// out per ISA in uapi/<isa>.hpp; 32-bit ISAs split each time into a low and
// a high word) and OR IPC_64 into the command only where the ISA's direct
// call reads the struct version from it (uapi::ipc_64_cmd: arm, mips n64;
// glibc, which makes ipc(2) on i386, ppc and s390, adds it there too, and
// the kernel takes the bit as another command in a direct call that does
// not parse it). semop is semtimedop with no timeout where the
// ISA has no semop (sys::semop). semtimedop, mq_timedsend and
// mq_timedreceive take a 64-bit timespec on every ISA: the *_time64 calls on
// 32-bit ISAs, the old ones where the kernel has none (EOVERFLOW when the
// time does not fit).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "detail/open.hpp"
#include "sys.hpp"
#include "syscall.hpp"
#include "types.hpp"
#include "detail/time64.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_IPC
#include "arch/native_uapi.hpp"

namespace rawsys {

// ---------------------------------------------------------------------------
// System V IPC

// An IPC key (key_t); ipc::private_ makes a new object that no key finds.
using ipc_key = int;

namespace ipc {
inline constexpr ipc_key private_{uapi::ipc_private};
// IPC_*: msgget, semget and shmget flags (beside the permission bits, which
// the wrappers take as a mode), and the wait flag of msgsnd, msgrcv, semop.
enum class flags : int {
  creat = uapi::ipc_creat,
  excl = uapi::ipc_excl,
  // shmget only: SHM_HUGETLB, SHM_NORESERVE.
  hugetlb = uapi::shm_hugetlb,
  noreserve = uapi::shm_noreserve,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace ipc

// The kernel's structs of the *ctl calls and of semop, as this ISA lays them out.
using ipc64_perm = uapi::ipc64_perm;
using msqid64_ds = uapi::msqid64_ds;
using semid64_ds = uapi::semid64_ds;
using shmid64_ds = uapi::shmid64_ds;
using sembuf = uapi::sembuf;

namespace msq {
// msgctl commands.
enum class cmd : int {
  rmid = uapi::ipc_rmid,
  set = uapi::ipc_set,
  stat = uapi::ipc_stat,
  info = uapi::ipc_info,  // buf is a struct msginfo
  msg_stat = uapi::msg_stat,
  msg_info = uapi::msg_info,  // buf is a struct msginfo
  msg_stat_any = uapi::msg_stat_any,
};
// msgsnd and msgrcv flags: IPC_NOWAIT, MSG_NOERROR, MSG_EXCEPT, MSG_COPY.
enum class flags : int {
  nowait = uapi::ipc_nowait,
  noerror = uapi::msg_noerror,
  except = uapi::msg_except,
  copy = uapi::msg_copy,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace msq

namespace sem {
// semctl commands.
enum class cmd : int {
  rmid = uapi::ipc_rmid,
  set = uapi::ipc_set,
  stat = uapi::ipc_stat,
  info = uapi::ipc_info,  // buf is a struct seminfo
  getpid = uapi::getpid,
  getval = uapi::getval,
  getall = uapi::getall,
  getncnt = uapi::getncnt,
  getzcnt = uapi::getzcnt,
  setval = uapi::setval,
  setall = uapi::setall,
  sem_stat = uapi::sem_stat,
  sem_info = uapi::sem_info,
  sem_stat_any = uapi::sem_stat_any,
};
// sembuf::flg: IPC_NOWAIT, SEM_UNDO.
inline constexpr short nowait = uapi::ipc_nowait;
inline constexpr short undo = uapi::sem_undo;
}  // namespace sem

namespace shm {
// shmctl commands.
enum class cmd : int {
  rmid = uapi::ipc_rmid,
  set = uapi::ipc_set,
  stat = uapi::ipc_stat,
  info = uapi::ipc_info,  // buf is a struct shminfo64
  lock = uapi::shm_lock,
  unlock = uapi::shm_unlock,
  shm_stat = uapi::shm_stat,
  shm_info = uapi::shm_info,  // buf is a struct shm_info
  shm_stat_any = uapi::shm_stat_any,
};
// shmat flags: SHM_RDONLY, SHM_RND, SHM_REMAP, SHM_EXEC.
enum class flags : int {
  rdonly = uapi::shm_rdonly,
  rnd = uapi::shm_rnd,
  remap = uapi::shm_remap,
  exec = uapi::shm_exec,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace shm

namespace detail {
// A *ctl command as this ISA's direct call reads it (with IPC_64 where it
// parses the struct version from the command).
template <class C>
constexpr int ipc_cmd(C c) noexcept {
  return static_cast<int>(c) | uapi::ipc_64_cmd;
}
template <class = void>
inline result<int> as_ipc_int(const result<long>& r) noexcept {
  if (!r) return unexpected(r.error());
  return static_cast<int>(*r);
}
}  // namespace detail

// msgget(2): int msgget(key_t key, int msgflg);
// The queue's identifier. perms: its permission bits (with ipc::creat).
template <class = void>
inline result<int> msgget(ipc_key key, ipc::flags flags = ipc::flags(), mode perms = mode()) noexcept {
  return detail::as_ipc_int(syscall(nr::msgget, key, bits(flags) | static_cast<int>(perms)));
}

// msgsnd(2): int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg);
// msgp points to a long (the message type, > 0) followed by msgsz bytes.
template <class = void>
inline result<void> msgsnd(int msqid, const void* msgp, size_t msgsz, msq::flags flags = msq::flags()) noexcept {
  return detail::as_void(syscall(nr::msgsnd, msqid, msgp, msgsz, flags));
}

// msgrcv(2): ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg);
// The number of bytes copied to the text after the type.
template <class = void>
inline result<size_t> msgrcv(int msqid, void* msgp, size_t msgsz, long msgtyp, msq::flags flags = msq::flags()) noexcept {
  return detail::as_count<size_t>(syscall(nr::msgrcv, msqid, msgp, msgsz, msgtyp, flags));
}

// msgctl(2): int msgctl(int msqid, int cmd, struct msqid_ds *buf);
// 0, or for msg_stat(_any) the queue's identifier, for info and msg_info
// the highest used index.
template <class = void>
inline result<int> msgctl(int msqid, msq::cmd cmd, msqid64_ds* buf = nullptr) noexcept {
  return detail::as_ipc_int(syscall(nr::msgctl, msqid, detail::ipc_cmd(cmd), buf));
}

// semget(2): int semget(key_t key, int nsems, int semflg);
template <class = void>
inline result<int> semget(ipc_key key, int nsems, ipc::flags flags = ipc::flags(), mode perms = mode()) noexcept {
  return detail::as_ipc_int(syscall(nr::semget, key, nsems, bits(flags) | static_cast<int>(perms)));
}

// semop(2): int semop(int semid, struct sembuf *sops, size_t nsops);
template <class = void>
inline result<void> semop(int semid, sembuf* sops, size_t nsops) noexcept {
  if constexpr (sys::has(sys::semop))
    return detail::as_void(syscall(sys::semop, semid, sops, nsops));
  else
    return detail::as_void(syscall(sys::semtimedop, semid, sops, nsops, nullptr));
}

// semtimedop(2): int semtimedop(int semid, struct sembuf *sops, size_t nsops, const struct timespec *timeout);
// timeout nullptr: as semop. 32-bit ISAs: semtimedop_time64, or semtimedop
// with a 32-bit timespec on a kernel without it.
template <class = void>
inline result<void> semtimedop(int semid, sembuf* sops, size_t nsops, const timespec* timeout) noexcept {
  const result<long> r = syscall(sys::semtimedop, semid, sops, nsops, timeout);
  return detail::as_void(detail::or_old_timeout(r, timeout, [&](const detail::old_timespec* old) {
    return syscall(sys::time32::semtimedop, semid, sops, nsops, old);
  }));
}

// semctl(2): int semctl(int semid, int semnum, int cmd, ...);
// The commands without an argument: rmid, getval, getpid, getncnt,
// getzcnt (their value), sem_info's index.
template <class = void>
inline result<int> semctl(int semid, int semnum, sem::cmd cmd) noexcept {
  return detail::as_ipc_int(syscall(nr::semctl, semid, semnum, detail::ipc_cmd(cmd), 0));
}
// setval: the new value. The kernel reads union semun from a register, so
// on a 64-bit big-endian ISA an int member sits in its upper half.
template <class = void>
inline result<int> semctl(int semid, int semnum, sem::cmd cmd, int val) noexcept {
  unsigned long arg = static_cast<unsigned>(val);
  if constexpr (abi::big_endian && abi::word_bits == 64) arg <<= abi::word_bits / 2;
  return detail::as_ipc_int(syscall(nr::semctl, semid, semnum, detail::ipc_cmd(cmd), arg));
}
// stat, set, sem_stat, sem_stat_any (info, sem_info: a struct seminfo).
template <class = void>
inline result<int> semctl(int semid, int semnum, sem::cmd cmd, semid64_ds* buf) noexcept {
  return detail::as_ipc_int(syscall(nr::semctl, semid, semnum, detail::ipc_cmd(cmd), buf));
}
// getall, setall: one value per semaphore of the set.
template <class = void>
inline result<int> semctl(int semid, int semnum, sem::cmd cmd, unsigned short* array) noexcept {
  return detail::as_ipc_int(syscall(nr::semctl, semid, semnum, detail::ipc_cmd(cmd), array));
}

// shmget(2): int shmget(key_t key, size_t size, int shmflg);
template <class = void>
inline result<int> shmget(ipc_key key, size_t size, ipc::flags flags = ipc::flags(), mode perms = mode()) noexcept {
  return detail::as_ipc_int(syscall(nr::shmget, key, size, bits(flags) | static_cast<int>(perms)));
}

// shmat(2): void *shmat(int shmid, const void *shmaddr, int shmflg);
// Where the segment is attached.
template <class = void>
inline result<void*> shmat(int shmid, const void* shmaddr = nullptr, shm::flags flags = shm::flags()) noexcept {
  const result<long> r = syscall(nr::shmat, shmid, shmaddr, flags);
  if (!r) return unexpected(r.error());
  return reinterpret_cast<void*>(static_cast<unsigned long>(*r));
}

// shmdt(2): int shmdt(const void *shmaddr);
template <class = void>
inline result<void> shmdt(const void* shmaddr) noexcept {
  return detail::as_void(syscall(nr::shmdt, shmaddr));
}

// shmctl(2): int shmctl(int shmid, int cmd, struct shmid_ds *buf);
// 0, or for shm_stat(_any) the segment's identifier, for info and shm_info
// the highest used index.
template <class = void>
inline result<int> shmctl(int shmid, shm::cmd cmd, shmid64_ds* buf = nullptr) noexcept {
  return detail::as_ipc_int(syscall(nr::shmctl, shmid, detail::ipc_cmd(cmd), buf));
}

// ---------------------------------------------------------------------------
// POSIX message queues

// struct mq_attr (its fields are long: 32-bit on 32-bit ISAs).
using mq_attr = uapi::mq_attr;
// struct sigevent and sigev:: (what mq_notify delivers): types.hpp, shared
// with the POSIX timers of time.hpp.

// mq_open(2): mqd_t mq_open(const char *name, int oflag, mode_t mode, struct mq_attr *attr);
// name is "/something", as for glibc: the kernel takes it without the
// slash, which the wrapper strips; a name without one is EINVAL (glibc's
// answer). An existing queue: flags without o::creat.
template <class = void>
inline result<unique_fd> mq_open(const char* name, o::flags flags) noexcept {
  if (name[0] != '/') return unexpected(errc::einval);
  return detail::as_fd(syscall(nr::mq_open, name + 1, flags, 0, nullptr));
}
// With o::creat (an o::creating): the new queue's mode, and its limits
// (attr nullptr: the defaults of /proc/sys/fs/mqueue).
template <class = void>
inline result<unique_fd> mq_open(const char* name, o::creating flags, mode m, const mq_attr* attr = nullptr) noexcept {
  if (name[0] != '/') return unexpected(errc::einval);
  return detail::as_fd(syscall(nr::mq_open, name + 1, flags, m, attr));
}

// mq_unlink(2): int mq_unlink(const char *name);
// name as for mq_open. (glibc reports the kernel's EPERM as EACCES; this
// gives the kernel's error.)
template <class = void>
inline result<void> mq_unlink(const char* name) noexcept {
  if (name[0] != '/') return unexpected(errc::einval);
  return detail::as_void(syscall(nr::mq_unlink, name + 1));
}

// mq_timedsend(2): int mq_timedsend(mqd_t mqdes, const char *msg_ptr, size_t msg_len, unsigned int msg_prio, const struct timespec *abs_timeout);
// abs_timeout (CLOCK_REALTIME) nullptr: wait as long as it takes.
template <class = void>
inline result<void> mq_timedsend(fd mqdes, const char* msg, size_t len, unsigned prio, const timespec* abs_timeout = nullptr) noexcept {
  const result<long> r = syscall(sys::mq_timedsend, mqdes.get(), msg, len, prio, abs_timeout);
  return detail::as_void(detail::or_old_timeout(r, abs_timeout, [&](const detail::old_timespec* old) {
    return syscall(sys::time32::mq_timedsend, mqdes.get(), msg, len, prio, old);
  }));
}

// mq_timedreceive(2): ssize_t mq_timedreceive(mqd_t mqdes, char *msg_ptr, size_t msg_len, unsigned int *msg_prio, const struct timespec *abs_timeout);
// The message's length; prio (nullptr: not wanted) its priority.
template <class = void>
inline result<size_t> mq_timedreceive(fd mqdes, char* msg, size_t len, unsigned* prio = nullptr, const timespec* abs_timeout = nullptr) noexcept {
  const result<long> r = syscall(sys::mq_timedreceive, mqdes.get(), msg, len, prio, abs_timeout);
  return detail::as_count<size_t>(detail::or_old_timeout(r, abs_timeout, [&](const detail::old_timespec* old) {
    return syscall(sys::time32::mq_timedreceive, mqdes.get(), msg, len, prio, old);
  }));
}

// mq_notify(2): int mq_notify(mqd_t mqdes, const struct sigevent *sevp);
// sevp nullptr: remove this process's registration. (sigev::thread is
// glibc's own, over a netlink socket: the kernel knows none.)
template <class = void>
inline result<void> mq_notify(fd mqdes, const sigevent* sevp) noexcept {
  return detail::as_void(syscall(nr::mq_notify, mqdes.get(), sevp));
}

// mq_getsetattr(2): int mq_getsetattr(mqd_t mqdes, const struct mq_attr *newattr, struct mq_attr *oldattr);
// Only newattr->flags (O_NONBLOCK) can change.
template <class = void>
inline result<void> mq_getsetattr(fd mqdes, const mq_attr* newattr, mq_attr* oldattr) noexcept {
  return detail::as_void(syscall(nr::mq_getsetattr, mqdes.get(), newattr, oldattr));
}

}  // namespace rawsys
