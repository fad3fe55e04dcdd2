#!/usr/bin/env python3
"""Generate rawsys's per-ISA kernel constants and struct layouts from the UAPI.

For each ISA a C file naming every constant rawsys uses (and offsetof/sizeof of
the kernel structs it passes) is compiled with clang for that target against
the Linux UAPI headers only (-nostdinc; a temporary include directory holds
asm/ -> /usr/lib/linux/uapi/<arch>/asm, linux/ and asm-generic/), so the
compiler evaluates every expression (_IOR numbers, O_SYNC = __O_SYNC|O_DSYNC)
for that ISA. The values are read back from the assembly's data directives;
the fields of each struct come from clang's record layout dump.

Writes, relative to the repository root (or to --out DIR):
  include/rawsys/uapi/<key>.hpp      one per ISA: namespace rawsys::<ns>::uapi,
                                     including the files of uapi/<key>/:
  include/rawsys/uapi/<key>/common.hpp   what every program compiles
  include/rawsys/uapi/<key>/<topic>.hpp  the constants and structs only one
                                     topic header names (see sections_of)
  tests/generated/uapi_check.h       the same values as C checks, compiled for
                                     every ISA against the UAPI headers

Usage:
  tools/gen_consts.py            write the files (only those whose content changes)
  tools/gen_consts.py --check    write nothing; exit 1 listing any stale file
  tools/gen_consts.py --out DIR  write (or --check) under DIR
"""

import argparse
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "tools/gen_consts.py"
UAPI_ARCH_ROOT = Path("/usr/lib/linux/uapi")
UAPI_ROOT = Path("/usr/include")


@dataclass(frozen=True)
class Isa:
    key: str        # file name under include/rawsys/uapi/
    namespace: str  # rawsys::<namespace>::uapi, as the syscall tables name it
    triple: str     # clang --target
    uapi_arch: str  # directory under /usr/lib/linux/uapi/


ISAS = [
    Isa("x86_64", "x86_64", "x86_64-linux-gnu", "x86"),
    Isa("i386", "ia32", "i686-linux-gnu", "x86"),
    Isa("aarch64", "aarch64", "aarch64-linux-gnu", "arm64"),
    Isa("arm", "arm", "armv7a-linux-gnueabihf", "arm"),
    Isa("riscv64", "riscv64", "riscv64-linux-gnu", "riscv"),
    Isa("s390x", "s390x", "s390x-linux-gnu", "s390"),
    Isa("ppc64le", "ppc64", "powerpc64le-linux-gnu", "powerpc"),
    Isa("mips64el", "mips_n64", "mips64el-linux-gnuabi64", "mips"),
    Isa("mipsel", "mips_o32", "mipsel-linux-gnu", "mips"),
    Isa("loongarch64", "loongarch64", "loongarch64-linux-gnu", "loongarch"),
]

# The UAPI headers the constants and structs come from.
HEADERS = """
linux/types.h linux/fcntl.h linux/stat.h linux/mman.h linux/signal.h asm/stat.h asm/statfs.h
asm/socket.h linux/socket.h linux/in.h linux/in6.h linux/tcp.h linux/poll.h linux/eventpoll.h
linux/inotify.h linux/timerfd.h linux/eventfd.h linux/signalfd.h linux/futex.h linux/sched.h
linux/wait.h linux/resource.h linux/prctl.h linux/time.h linux/falloc.h linux/fs.h
linux/openat2.h linux/close_range.h linux/memfd.h linux/random.h linux/mount.h linux/xattr.h
linux/pidfd.h linux/fadvise.h asm/termios.h linux/ipc.h linux/msg.h linux/sem.h linux/shm.h linux/mqueue.h
linux/aio_abi.h linux/keyctl.h linux/sched/types.h linux/membarrier.h linux/rseq.h linux/ioprio.h
linux/reboot.h linux/kexec.h linux/module.h linux/lsm.h linux/personality.h
linux/mempolicy.h linux/userfaultfd.h linux/timex.h
linux/fanotify.h linux/quota.h linux/termios.h linux/magic.h
""".split()

# The headers only one ISA's UAPI has (its own calls' constants and structs),
# by ISA key: included after HEADERS for that ISA alone.
ARCH_HEADERS = {
    "riscv64": ["asm/hwprobe.h"],
    "mips64el": ["asm/cachectl.h", "asm/sysmips.h"],
    "mipsel": ["asm/cachectl.h", "asm/sysmips.h"],
    "s390x": ["asm/sthyi.h", "asm/runtime_instr.h", "asm/guarded_storage.h"],
}

PRELUDE = "typedef __SIZE_TYPE__ size_t;\n"

# Where the UAPI's struct sigaction is the old sigaction call's (the mask
# before the flags: i386, arm), rt_sigaction takes the kernel's generic one
# (include/linux/signal_types.h): the mask last, a restorer where the ISA
# defines SA_RESTORER.
RT_SIGACTION = """
struct rawsys_rt_sigaction {
  __sighandler_t handler;
  unsigned long flags;
#ifdef SA_RESTORER
  __sigrestore_t restorer;
#endif
  unsigned long mask[64 / (8 * sizeof(long))];  /* the kernel's 64-bit sigset_t */
};
"""

# ---------------------------------------------------------------------------
# The macros rawsys takes a value from. Each becomes uapi::<name in lower
# case, leading underscores dropped> (O_CREAT -> o_creat, __WALL -> wall). One
# that an ISA's UAPI lacks (MAP_32BIT off x86, PROT_BTI off arm64) is
# generated there as a value of type `absent`.
MACROS = """
BTRFS_SUPER_MAGIC CGROUP2_SUPER_MAGIC CGROUP_SUPER_MAGIC DEVPTS_SUPER_MAGIC EXT2_SUPER_MAGIC HUGETLBFS_MAGIC
MSDOS_SUPER_MAGIC NFS_SUPER_MAGIC OVERLAYFS_SUPER_MAGIC PROC_SUPER_MAGIC RAMFS_MAGIC SQUASHFS_MAGIC SYSFS_MAGIC
TMPFS_MAGIC XFS_SUPER_MAGIC FUSE_SUPER_MAGIC NSFS_MAGIC DEBUGFS_MAGIC BPF_FS_MAGIC
ADJ_ESTERROR ADJ_FREQUENCY ADJ_MAXERROR ADJ_MICRO ADJ_NANO ADJ_OFFSET ADJ_OFFSET_SINGLESHOT
ADJ_OFFSET_SS_READ ADJ_SETOFFSET ADJ_STATUS ADJ_TAI ADJ_TICK ADJ_TIMECONST
AT_EACCESS AT_EMPTY_PATH AT_NO_AUTOMOUNT AT_RECURSIVE AT_REMOVEDIR AT_STATX_DONT_SYNC
AT_STATX_FORCE_SYNC AT_STATX_SYNC_AS_STAT AT_STATX_SYNC_TYPE AT_SYMLINK_FOLLOW
AT_SYMLINK_NOFOLLOW
CLOCK_BOOTTIME CLOCK_BOOTTIME_ALARM CLOCK_MONOTONIC CLOCK_MONOTONIC_COARSE CLOCK_MONOTONIC_RAW
CLOCK_PROCESS_CPUTIME_ID CLOCK_REALTIME CLOCK_REALTIME_ALARM CLOCK_REALTIME_COARSE CLOCK_TAI
CLOCK_THREAD_CPUTIME_ID
CLONE_CHILD_CLEARTID CLONE_CHILD_SETTID CLONE_CLEAR_SIGHAND CLONE_DETACHED CLONE_FILES CLONE_FS
CLONE_INTO_CGROUP CLONE_IO CLONE_NEWCGROUP CLONE_NEWIPC CLONE_NEWNET CLONE_NEWNS CLONE_NEWPID
CLONE_NEWTIME CLONE_NEWUSER CLONE_NEWUTS CLONE_PARENT CLONE_PARENT_SETTID CLONE_PIDFD
CLONE_PTRACE CLONE_SETTLS CLONE_SIGHAND CLONE_SYSVSEM CLONE_THREAD CLONE_UNTRACED CLONE_VFORK
CLONE_VM
CLOSE_RANGE_CLOEXEC CLOSE_RANGE_UNSHARE
CSIGNAL
EFD_CLOEXEC EFD_NONBLOCK EFD_SEMAPHORE
EPOLL_CLOEXEC EPOLL_CTL_ADD EPOLL_CTL_DEL EPOLL_CTL_MOD
EPOLLERR EPOLLET EPOLLEXCLUSIVE EPOLLHUP EPOLLIN EPOLLMSG EPOLLNVAL EPOLLONESHOT EPOLLOUT
EPOLLPRI EPOLLRDBAND EPOLLRDHUP EPOLLRDNORM EPOLLWAKEUP EPOLLWRBAND EPOLLWRNORM
F_ADD_SEALS F_DUPFD F_DUPFD_CLOEXEC F_GETFD F_GETFL F_GETLEASE F_GETOWN F_GETOWN_EX F_GETPIPE_SZ
F_GETSIG F_GET_SEALS F_NOTIFY F_OFD_GETLK F_OFD_SETLK F_OFD_SETLKW F_RDLCK F_SETFD F_SETFL
F_SETLEASE F_SETOWN F_SETOWN_EX F_SETPIPE_SZ F_SETSIG F_UNLCK F_WRLCK
FALLOC_FL_ALLOCATE_RANGE FALLOC_FL_COLLAPSE_RANGE FALLOC_FL_INSERT_RANGE FALLOC_FL_KEEP_SIZE
FALLOC_FL_NO_HIDE_STALE FALLOC_FL_PUNCH_HOLE FALLOC_FL_UNSHARE_RANGE FALLOC_FL_ZERO_RANGE
FASYNC
FD_CLOEXEC
FUTEX_CLOCK_REALTIME FUTEX_CMP_REQUEUE FUTEX_CMP_REQUEUE_PI FUTEX_LOCK_PI FUTEX_LOCK_PI2
FUTEX_PRIVATE_FLAG FUTEX_REQUEUE FUTEX_TRYLOCK_PI FUTEX_UNLOCK_PI FUTEX_WAIT FUTEX_WAIT_BITSET
FUTEX_WAIT_REQUEUE_PI FUTEX_WAKE FUTEX_WAKE_BITSET FUTEX_WAKE_OP
FUTEX2_NUMA FUTEX2_PRIVATE FUTEX2_SIZE_U16 FUTEX2_SIZE_U32 FUTEX2_SIZE_U64 FUTEX2_SIZE_U8
GETALL GETNCNT GETPID GETVAL GETZCNT SETALL SETVAL
GRND_INSECURE GRND_NONBLOCK GRND_RANDOM
IN_ACCESS IN_ALL_EVENTS IN_ATTRIB IN_CLOEXEC IN_CLOSE IN_CLOSE_NOWRITE IN_CLOSE_WRITE IN_CREATE
IN_DELETE IN_DELETE_SELF IN_DONT_FOLLOW IN_EXCL_UNLINK IN_IGNORED IN_ISDIR IN_MASK_ADD
IN_MASK_CREATE IN_MODIFY IN_MOVE IN_MOVED_FROM IN_MOVED_TO IN_MOVE_SELF IN_NONBLOCK IN_ONESHOT
IN_ONLYDIR IN_OPEN IN_Q_OVERFLOW IN_UNMOUNT
IOCB_FLAG_IOPRIO IOCB_FLAG_RESFD
IPC_64 IPC_CREAT IPC_EXCL IPC_INFO IPC_NOWAIT IPC_PRIVATE IPC_RMID IPC_SET IPC_STAT
IOPRIO_CLASS_MASK IOPRIO_CLASS_SHIFT IOPRIO_LEVEL_MASK
IP_FREEBIND IP_HDRINCL IP_PKTINFO IP_RECVERR IP_RECVTOS IP_TOS IP_TTL
IPV6_RECVERR IPV6_RECVPKTINFO IPV6_TCLASS IPV6_UNICAST_HOPS IPV6_V6ONLY
ITIMER_PROF ITIMER_REAL ITIMER_VIRTUAL
KEY_REQKEY_DEFL_DEFAULT KEY_REQKEY_DEFL_GROUP_KEYRING KEY_REQKEY_DEFL_NO_CHANGE
KEY_REQKEY_DEFL_PROCESS_KEYRING KEY_REQKEY_DEFL_REQUESTOR_KEYRING KEY_REQKEY_DEFL_SESSION_KEYRING
KEY_REQKEY_DEFL_THREAD_KEYRING KEY_REQKEY_DEFL_USER_KEYRING KEY_REQKEY_DEFL_USER_SESSION_KEYRING
KEY_SPEC_GROUP_KEYRING KEY_SPEC_PROCESS_KEYRING KEY_SPEC_REQKEY_AUTH_KEY
KEY_SPEC_REQUESTOR_KEYRING KEY_SPEC_SESSION_KEYRING KEY_SPEC_THREAD_KEYRING
KEY_SPEC_USER_KEYRING KEY_SPEC_USER_SESSION_KEYRING
KEYCTL_ASSUME_AUTHORITY KEYCTL_CAPABILITIES KEYCTL_CHOWN KEYCTL_CLEAR KEYCTL_DESCRIBE
KEYCTL_DH_COMPUTE KEYCTL_GET_KEYRING_ID KEYCTL_GET_PERSISTENT KEYCTL_GET_SECURITY
KEYCTL_INSTANTIATE KEYCTL_INSTANTIATE_IOV KEYCTL_INVALIDATE KEYCTL_JOIN_SESSION_KEYRING
KEYCTL_LINK KEYCTL_MOVE KEYCTL_MOVE_EXCL KEYCTL_NEGATE KEYCTL_PKEY_DECRYPT KEYCTL_PKEY_ENCRYPT
KEYCTL_PKEY_QUERY KEYCTL_PKEY_SIGN KEYCTL_PKEY_VERIFY KEYCTL_READ KEYCTL_REJECT
KEYCTL_RESTRICT_KEYRING KEYCTL_REVOKE KEYCTL_SEARCH KEYCTL_SESSION_TO_PARENT
KEYCTL_SET_REQKEY_KEYRING KEYCTL_SET_TIMEOUT KEYCTL_SETPERM KEYCTL_UNLINK KEYCTL_UPDATE
KEYCTL_WATCH_KEY
LSM_ATTR_CURRENT LSM_ATTR_EXEC LSM_ATTR_FSCREATE LSM_ATTR_KEYCREATE LSM_ATTR_PREV
LSM_ATTR_SOCKCREATE LSM_FLAG_SINGLE
LOCK_EX LOCK_NB LOCK_SH LOCK_UN
KEXEC_ARCH_DEFAULT KEXEC_CRASH_HOTPLUG_SUPPORT KEXEC_FILE_DEBUG KEXEC_FILE_NO_INITRAMFS
KEXEC_FILE_ON_CRASH KEXEC_FILE_UNLOAD KEXEC_ON_CRASH KEXEC_PRESERVE_CONTEXT KEXEC_UPDATE_ELFCOREHDR
LINUX_REBOOT_CMD_CAD_OFF LINUX_REBOOT_CMD_CAD_ON LINUX_REBOOT_CMD_HALT LINUX_REBOOT_CMD_KEXEC
LINUX_REBOOT_CMD_POWER_OFF LINUX_REBOOT_CMD_RESTART LINUX_REBOOT_CMD_RESTART2
LINUX_REBOOT_CMD_SW_SUSPEND LINUX_REBOOT_MAGIC1 LINUX_REBOOT_MAGIC2 LINUX_REBOOT_MAGIC2A
LINUX_REBOOT_MAGIC2B LINUX_REBOOT_MAGIC2C
MADV_COLD MADV_COLLAPSE MADV_DODUMP MADV_DOFORK MADV_DONTDUMP MADV_DONTFORK MADV_DONTNEED
MADV_DONTNEED_LOCKED MADV_FREE MADV_HUGEPAGE MADV_HWPOISON MADV_KEEPONFORK MADV_MERGEABLE
MADV_NOHUGEPAGE MADV_NORMAL MADV_PAGEOUT MADV_POPULATE_READ MADV_POPULATE_WRITE MADV_RANDOM
MADV_REMOVE MADV_SEQUENTIAL MADV_SOFT_OFFLINE MADV_UNMERGEABLE MADV_WILLNEED MADV_WIPEONFORK
MAP_32BIT MAP_ABOVE4G MAP_ANONYMOUS MAP_DENYWRITE MAP_DROPPABLE MAP_EXECUTABLE MAP_FIXED
MAP_FIXED_NOREPLACE MAP_GROWSDOWN MAP_HUGETLB MAP_HUGE_1GB MAP_HUGE_2MB MAP_LOCKED MAP_NONBLOCK
MAP_NORESERVE MAP_POPULATE MAP_PRIVATE MAP_SHARED MAP_SHARED_VALIDATE MAP_STACK MAP_SYNC
MAP_TYPE MAP_UNINITIALIZED
MCL_CURRENT MCL_FUTURE MCL_ONFAULT
MFD_ALLOW_SEALING MFD_CLOEXEC MFD_EXEC MFD_HUGETLB MFD_NOEXEC_SEAL
MINSIGSTKSZ
MODULE_INIT_COMPRESSED_FILE MODULE_INIT_IGNORE_MODVERSIONS MODULE_INIT_IGNORE_VERMAGIC
MLOCK_ONFAULT
MPOL_F_ADDR MPOL_F_MEMS_ALLOWED MPOL_F_NODE MPOL_F_NUMA_BALANCING MPOL_F_RELATIVE_NODES
MPOL_F_STATIC_NODES MPOL_MF_MOVE MPOL_MF_MOVE_ALL MPOL_MF_STRICT
MREMAP_DONTUNMAP MREMAP_FIXED MREMAP_MAYMOVE
MSG_COPY MSG_EXCEPT MSG_INFO MSG_NOERROR MSG_STAT MSG_STAT_ANY
MS_ASYNC MS_BIND MS_DIRSYNC MS_INVALIDATE MS_MANDLOCK MS_MOVE MS_NOATIME MS_NODEV MS_NODIRATIME
MS_NOEXEC MS_NOSUID MS_NOSYMFOLLOW MS_RDONLY MS_REC MS_REMOUNT MS_SILENT MS_SYNC MS_SYNCHRONOUS
MS_POSIXACL MS_UNBINDABLE MS_PRIVATE MS_SLAVE MS_SHARED MS_RELATIME MS_KERNMOUNT MS_I_VERSION
MS_STRICTATIME MS_LAZYTIME
O_ACCMODE O_APPEND O_CLOEXEC O_CREAT O_DIRECT O_DIRECTORY O_DSYNC O_EXCL O_LARGEFILE O_NOATIME
O_NOCTTY O_NOFOLLOW O_NONBLOCK O_PATH O_RDONLY O_RDWR O_SYNC O_TMPFILE O_TRUNC O_WRONLY
P_ALL P_PGID P_PID P_PIDFD
PIDFD_NONBLOCK PIDFD_SIGNAL_PROCESS_GROUP PIDFD_SIGNAL_THREAD PIDFD_SIGNAL_THREAD_GROUP
PIDFD_THREAD
PKEY_DISABLE_ACCESS PKEY_DISABLE_EXECUTE PKEY_DISABLE_WRITE
POLLERR POLLHUP POLLIN POLLMSG POLLNVAL POLLOUT POLLPRI POLLRDBAND POLLRDHUP POLLRDNORM
POLLWRBAND POLLWRNORM
POSIX_FADV_DONTNEED POSIX_FADV_NOREUSE POSIX_FADV_NORMAL POSIX_FADV_RANDOM POSIX_FADV_SEQUENTIAL
POSIX_FADV_WILLNEED
PR_CAPBSET_DROP PR_CAPBSET_READ PR_CAP_AMBIENT PR_GET_AUXV PR_GET_CHILD_SUBREAPER
PR_GET_DUMPABLE PR_GET_IO_FLUSHER PR_GET_KEEPCAPS PR_GET_MDWE PR_GET_MEMORY_MERGE PR_GET_NAME
PR_GET_NO_NEW_PRIVS PR_GET_PDEATHSIG PR_GET_SECCOMP PR_GET_SECUREBITS PR_GET_SPECULATION_CTRL
PR_GET_TAGGED_ADDR_CTRL PR_GET_THP_DISABLE PR_GET_TID_ADDRESS PR_GET_TIMERSLACK PR_GET_TIMING
PR_GET_TSC PR_MCE_KILL PR_MCE_KILL_GET PR_PAC_RESET_KEYS PR_SCHED_CORE PR_SET_CHILD_SUBREAPER
PR_SET_DUMPABLE PR_SET_IO_FLUSHER PR_SET_KEEPCAPS PR_SET_MDWE PR_SET_MEMORY_MERGE PR_SET_MM
PR_SET_NAME PR_SET_NO_NEW_PRIVS PR_SET_PDEATHSIG PR_SET_PTRACER PR_SET_SECCOMP PR_SET_SECUREBITS
PR_SET_SPECULATION_CTRL PR_SET_SYSCALL_USER_DISPATCH PR_SET_TAGGED_ADDR_CTRL PR_SET_THP_DISABLE
PR_SET_TIMERSLACK PR_SET_TIMING PR_SET_TSC PR_SET_VMA PR_SVE_GET_VL PR_SVE_SET_VL
PR_TASK_PERF_EVENTS_DISABLE PR_TASK_PERF_EVENTS_ENABLE
PRIO_PGRP PRIO_PROCESS PRIO_USER
PROT_BTI PROT_EXEC PROT_GROWSDOWN PROT_GROWSUP PROT_MTE PROT_NONE PROT_READ PROT_SEM PROT_WRITE
RENAME_EXCHANGE RENAME_NOREPLACE RENAME_WHITEOUT
RESOLVE_BENEATH RESOLVE_CACHED RESOLVE_IN_ROOT RESOLVE_NO_MAGICLINKS RESOLVE_NO_SYMLINKS
RESOLVE_NO_XDEV
RLIMIT_AS RLIMIT_CORE RLIMIT_CPU RLIMIT_DATA RLIMIT_FSIZE RLIMIT_LOCKS RLIMIT_MEMLOCK
RLIMIT_MSGQUEUE RLIMIT_NICE RLIMIT_NOFILE RLIMIT_NPROC RLIMIT_RSS RLIMIT_RTPRIO RLIMIT_RTTIME
RLIMIT_SIGPENDING RLIMIT_STACK
RUSAGE_CHILDREN RUSAGE_SELF RUSAGE_THREAD
RWF_APPEND RWF_ATOMIC RWF_DSYNC RWF_HIPRI RWF_NOAPPEND RWF_NOWAIT RWF_SYNC
SA_EXPOSE_TAGBITS SA_NOCLDSTOP SA_NOCLDWAIT SA_NODEFER SA_ONSTACK SA_RESETHAND SA_RESTART
SA_RESTORER SA_SIGINFO SA_UNSUPPORTED
SCHED_ATTR_SIZE_VER0 SCHED_ATTR_SIZE_VER1 SCHED_BATCH SCHED_DEADLINE SCHED_EXT SCHED_FIFO
SCHED_FLAG_DL_OVERRUN SCHED_FLAG_KEEP_PARAMS SCHED_FLAG_KEEP_POLICY SCHED_FLAG_RECLAIM
SCHED_FLAG_RESET_ON_FORK SCHED_FLAG_UTIL_CLAMP_MAX SCHED_FLAG_UTIL_CLAMP_MIN SCHED_IDLE
SCHED_NORMAL SCHED_RESET_ON_FORK SCHED_RR
SEM_INFO SEM_STAT SEM_STAT_ANY SEM_UNDO
SEEK_CUR SEEK_DATA SEEK_END SEEK_HOLE SEEK_SET
SFD_CLOEXEC SFD_NONBLOCK
SHADOW_STACK_SET_TOKEN
SI_ASYNCIO SI_DETHREAD SI_KERNEL SI_MESGQ SI_QUEUE SI_SIGIO SI_TIMER SI_TKILL SI_USER
SHM_EXEC SHM_HUGETLB SHM_INFO SHM_LOCK SHM_NORESERVE SHM_RDONLY SHM_REMAP SHM_RND SHM_STAT
SHM_STAT_ANY SHM_UNLOCK
SIGEV_MAX_SIZE SIGEV_NONE SIGEV_PAD_SIZE SIGEV_SIGNAL SIGEV_THREAD SIGEV_THREAD_ID
SIG_BLOCK SIG_SETMASK SIG_UNBLOCK SIGABRT SIGALRM SIGBUS SIGCHLD SIGCONT SIGFPE SIGHUP SIGILL
SIGEMT SIGINT SIGIO SIGKILL SIGPIPE SIGPROF SIGPWR SIGQUIT SIGSEGV SIGSTKFLT SIGSTKSZ SIGSTOP SIGSYS
SIGTERM SIGTRAP SIGTSTP SIGTTIN SIGTTOU SIGURG SIGUSR1 SIGUSR2 SIGVTALRM SIGWINCH SIGXCPU
SIGXFSZ
SO_ACCEPTCONN SO_BINDTODEVICE SO_BROADCAST SO_BUSY_POLL SO_COOKIE SO_DEBUG SO_DOMAIN
SO_DONTROUTE SO_ERROR SO_INCOMING_CPU SO_KEEPALIVE SO_LINGER SO_MARK SO_NO_CHECK SO_OOBINLINE
SO_PASSCRED SO_PASSPIDFD SO_PASSSEC SO_PEEK_OFF SO_PEERCRED SO_PEERGROUPS SO_PEERPIDFD
SO_PEERSEC SO_PRIORITY SO_PROTOCOL SO_RCVBUF SO_RCVBUFFORCE SO_RCVLOWAT SO_RCVTIMEO_NEW
SO_RCVTIMEO_OLD SO_REUSEADDR SO_REUSEPORT SO_SNDBUF SO_SNDBUFFORCE SO_SNDLOWAT SO_SNDTIMEO_NEW
SO_SNDTIMEO_OLD SO_TIMESTAMP_OLD SO_TYPE SO_ZEROCOPY
SOL_SOCKET
SS_AUTODISARM SS_DISABLE SS_ONSTACK
STA_CLK STA_CLOCKERR STA_DEL STA_FLL STA_FREQHOLD STA_INS STA_MODE STA_NANO STA_PLL STA_PPSERROR
STA_PPSFREQ STA_PPSJITTER STA_PPSSIGNAL STA_PPSTIME STA_PPSWANDER STA_UNSYNC
STATX_ATIME STATX_ATTR_APPEND STATX_ATTR_AUTOMOUNT STATX_ATTR_COMPRESSED STATX_ATTR_DAX
STATX_ATTR_ENCRYPTED STATX_ATTR_IMMUTABLE STATX_ATTR_MOUNT_ROOT STATX_ATTR_NODUMP
STATX_ATTR_VERITY STATX_ATTR_WRITE_ATOMIC STATX_BASIC_STATS STATX_BLOCKS STATX_BTIME STATX_CTIME
STATX_DIOALIGN STATX_GID STATX_INO STATX_MNT_ID STATX_MNT_ID_UNIQUE STATX_MODE STATX_MTIME
STATX_NLINK STATX_SIZE STATX_SUBVOL STATX_TYPE STATX_UID STATX_WRITE_ATOMIC
TCP_CORK TCP_DEFER_ACCEPT TCP_FASTOPEN TCP_KEEPCNT TCP_KEEPIDLE TCP_KEEPINTVL TCP_LINGER2
TCP_MAXSEG TCP_NODELAY TCP_QUICKACK TCP_SYNCNT TCP_USER_TIMEOUT TCP_WINDOW_CLAMP
TFD_CLOEXEC TFD_NONBLOCK TFD_TIMER_ABSTIME TFD_TIMER_CANCEL_ON_SET
TIME_DEL TIME_ERROR TIME_INS TIME_OK TIME_OOP TIME_WAIT
TIMER_ABSTIME
UFFD_API UFFD_USER_MODE_ONLY UFFDIO_API
UFFD_FEATURE_EVENT_FORK UFFD_FEATURE_EVENT_REMAP UFFD_FEATURE_EVENT_REMOVE UFFD_FEATURE_EVENT_UNMAP
UFFD_FEATURE_EXACT_ADDRESS UFFD_FEATURE_MINOR_HUGETLBFS UFFD_FEATURE_MINOR_SHMEM
UFFD_FEATURE_MISSING_HUGETLBFS UFFD_FEATURE_MISSING_SHMEM UFFD_FEATURE_MOVE
UFFD_FEATURE_PAGEFAULT_FLAG_WP UFFD_FEATURE_POISON UFFD_FEATURE_SIGBUS UFFD_FEATURE_THREAD_ID
UFFD_FEATURE_WP_ASYNC UFFD_FEATURE_WP_HUGETLBFS_SHMEM UFFD_FEATURE_WP_UNPOPULATED
__WALL __WCLONE __WNOTHREAD
WCONTINUED
WEXITED
WNOHANG WNOWAIT
WSTOPPED
WUNTRACED
AT_HANDLE_FID AT_HANDLE_MNT_ID_UNIQUE
BRKINT CS8 CSIZE ECHO ECHOE ECHOK ECHONL ICANON ICRNL IEXTEN INLCR INPCK ISIG ISTRIP IXON NCCS
OPOST PARENB VEOF VERASE VINTR VKILL VMIN VQUIT VSUSP VTIME
FAN_ACCESS FAN_ACCESS_PERM FAN_ATTRIB FAN_CLASS_CONTENT FAN_CLASS_NOTIF FAN_CLASS_PRE_CONTENT
FAN_CLOEXEC FAN_CLOSE FAN_CLOSE_NOWRITE FAN_CLOSE_WRITE FAN_CREATE FAN_DELETE FAN_DELETE_SELF
FAN_ENABLE_AUDIT FAN_EVENT_ON_CHILD FAN_FS_ERROR FAN_MARK_ADD FAN_MARK_DONT_FOLLOW
FAN_MARK_EVICTABLE FAN_MARK_FILESYSTEM FAN_MARK_FLUSH FAN_MARK_IGNORE FAN_MARK_IGNORED_MASK
FAN_MARK_IGNORED_SURV_MODIFY FAN_MARK_INODE FAN_MARK_MOUNT FAN_MARK_ONLYDIR FAN_MARK_REMOVE
FAN_MODIFY FAN_MOVE FAN_MOVED_FROM FAN_MOVED_TO FAN_MOVE_SELF FAN_NOFD FAN_NONBLOCK FAN_ONDIR
FAN_OPEN FAN_OPEN_EXEC FAN_OPEN_EXEC_PERM FAN_OPEN_PERM FAN_Q_OVERFLOW FAN_RENAME
FAN_REPORT_DFID_NAME FAN_REPORT_DIR_FID FAN_REPORT_FID FAN_REPORT_NAME FAN_REPORT_PIDFD
FAN_REPORT_TARGET_FID FAN_REPORT_TID FAN_UNLIMITED_MARKS FAN_UNLIMITED_QUEUE
FANOTIFY_METADATA_VERSION
FICLONE FICLONERANGE FIDEDUPERANGE FIOCLEX FIONBIO FIONCLEX FIONREAD
FS_APPEND_FL FS_IMMUTABLE_FL FS_IOC_GETFLAGS FS_IOC_SETFLAGS FS_NOATIME_FL FS_NOCOW_FL FS_NODUMP_FL
FS_SYNC_FL
FSMOUNT_CLOEXEC FSOPEN_CLOEXEC FSPICK_CLOEXEC FSPICK_EMPTY_PATH FSPICK_NO_AUTOMOUNT
FSPICK_SYMLINK_NOFOLLOW
GRPQUOTA PRJQUOTA USRQUOTA Q_GETFMT Q_GETINFO Q_GETNEXTQUOTA Q_GETQUOTA Q_QUOTAOFF Q_QUOTAON
Q_SETINFO Q_SETQUOTA Q_SYNC SUBCMDMASK SUBCMDSHIFT
LISTMOUNT_REVERSE LSMT_ROOT MNT_ID_REQ_SIZE_VER0 MNT_ID_REQ_SIZE_VER1 MOUNT_ATTR_SIZE_VER0
MOUNT_ATTR__ATIME MOUNT_ATTR_IDMAP MOUNT_ATTR_NOATIME MOUNT_ATTR_NODEV MOUNT_ATTR_NODIRATIME
MOUNT_ATTR_NOEXEC MOUNT_ATTR_NOSUID MOUNT_ATTR_NOSYMFOLLOW MOUNT_ATTR_RDONLY MOUNT_ATTR_RELATIME
MOUNT_ATTR_STRICTATIME
MOVE_MOUNT_BENEATH MOVE_MOUNT_F_AUTOMOUNTS MOVE_MOUNT_F_EMPTY_PATH MOVE_MOUNT_F_SYMLINKS
MOVE_MOUNT_SET_GROUP MOVE_MOUNT_T_AUTOMOUNTS MOVE_MOUNT_T_EMPTY_PATH MOVE_MOUNT_T_SYMLINKS
OPEN_TREE_CLOEXEC OPEN_TREE_CLONE
STATMOUNT_FS_TYPE STATMOUNT_MNT_BASIC STATMOUNT_MNT_NS_ID STATMOUNT_MNT_OPTS STATMOUNT_MNT_POINT
STATMOUNT_MNT_ROOT STATMOUNT_PROPAGATE_FROM STATMOUNT_SB_BASIC
SYNC_FILE_RANGE_WAIT_AFTER SYNC_FILE_RANGE_WAIT_BEFORE SYNC_FILE_RANGE_WRITE
SYNC_FILE_RANGE_WRITE_AND_WAIT
TCFLSH TCGETS TCIFLUSH TCIOFLUSH TCOFLUSH TCSETS TCSETSF TCSETSW TIOCGPGRP TIOCGPTN TIOCGSID
TIOCGWINSZ TIOCNOTTY TIOCOUTQ TIOCSCTTY TIOCSPGRP TIOCSPTLCK TIOCSWINSZ
XATTR_CREATE XATTR_REPLACE
RISCV_HWPROBE_KEY_MVENDORID RISCV_HWPROBE_KEY_MARCHID RISCV_HWPROBE_KEY_MIMPID
RISCV_HWPROBE_KEY_BASE_BEHAVIOR RISCV_HWPROBE_BASE_BEHAVIOR_IMA RISCV_HWPROBE_KEY_IMA_EXT_0
RISCV_HWPROBE_IMA_FD RISCV_HWPROBE_IMA_C RISCV_HWPROBE_IMA_V RISCV_HWPROBE_KEY_CPUPERF_0
RISCV_HWPROBE_WHICH_CPUS
ICACHE DCACHE BCACHE CACHEABLE UNCACHEABLE FLUSH_CACHE MIPS_FIXADE MIPS_ATOMIC_SET
STHYI_FC_CP_IFL_CAP S390_RUNTIME_INSTR_START S390_RUNTIME_INSTR_STOP
GS_ENABLE GS_DISABLE GS_SET_BC_CB GS_CLEAR_BC_CB GS_BROADCAST
""".split()

# Enumerators the UAPI declares in an enum rather than as macros: every ISA
# has them (no #ifdef can tell), and they become uapi::<name> like MACROS.
ENUMERATORS = """
FSCONFIG_CMD_CREATE FSCONFIG_CMD_CREATE_EXCL FSCONFIG_CMD_RECONFIGURE FSCONFIG_SET_BINARY
FSCONFIG_SET_FD FSCONFIG_SET_FLAG FSCONFIG_SET_PATH FSCONFIG_SET_PATH_EMPTY FSCONFIG_SET_STRING
IOCB_CMD_FDSYNC IOCB_CMD_FSYNC IOCB_CMD_NOOP IOCB_CMD_POLL IOCB_CMD_PREAD IOCB_CMD_PREADV
IOCB_CMD_PWRITE IOCB_CMD_PWRITEV
ADDR_COMPAT_LAYOUT ADDR_LIMIT_32BIT ADDR_LIMIT_3GB ADDR_NO_RANDOMIZE FDPIC_FUNCPTRS
IOPRIO_CLASS_BE IOPRIO_CLASS_IDLE IOPRIO_CLASS_NONE IOPRIO_CLASS_RT
IOPRIO_WHO_PGRP IOPRIO_WHO_PROCESS IOPRIO_WHO_USER
MEMBARRIER_CMD_FLAG_CPU MEMBARRIER_CMD_GET_REGISTRATIONS MEMBARRIER_CMD_GLOBAL MEMBARRIER_CMD_GLOBAL_EXPEDITED
MEMBARRIER_CMD_PRIVATE_EXPEDITED MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ
MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE MEMBARRIER_CMD_QUERY
MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED
MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE
MMAP_PAGE_ZERO PER_BSD PER_LINUX PER_LINUX32 PER_LINUX32_3GB PER_LINUX_32BIT PER_LINUX_FDPIC
PER_MASK READ_IMPLIES_EXEC
RSEQ_CS_FLAG_NO_RESTART_ON_MIGRATE RSEQ_CS_FLAG_NO_RESTART_ON_PREEMPT
RSEQ_CS_FLAG_NO_RESTART_ON_SIGNAL RSEQ_FLAG_UNREGISTER
SHORT_INODE STICKY_TIMEOUTS UNAME26 WHOLE_SECONDS
MPOL_BIND MPOL_DEFAULT MPOL_INTERLEAVE MPOL_LOCAL MPOL_PREFERRED MPOL_PREFERRED_MANY
MPOL_WEIGHTED_INTERLEAVE
""".split()

# Values that are one macro where the ISA defines it and another where not:
# (name, macro, fallback).
FALLBACKS = [
    # The fcntl commands that take struct flock64: F_GETLK64.. where long is
    # 32-bit, F_GETLK.. (the same struct) where it is 64-bit.
    ("f_getlk_flock64", "F_GETLK64", "F_GETLK"),
    ("f_setlk_flock64", "F_SETLK64", "F_SETLK"),
    ("f_setlkw_flock64", "F_SETLKW64", "F_SETLKW"),
    # include/linux/net.h (not exported): O_NONBLOCK and O_CLOEXEC.
    ("sock_nonblock", "SOCK_NONBLOCK", "O_NONBLOCK"),
    ("sock_cloexec", "SOCK_CLOEXEC", "O_CLOEXEC"),
    # The signals of the kernel's sigset_t: _NSIG, which asm-generic and
    # x86 keep from userspace where it is 64 (mips: 128).
    ("nsig", "_NSIG", "64"),
]

# Values the kernel keeps out of its UAPI headers although they differ per
# ISA: (name, default, {isa key: value}), from the kernel's own headers.
KERNEL_ONLY = [
    # include/linux/net.h enum sock_type; arch/mips/include/asm/socket.h
    # swaps the first two.
    ("sock_stream", 1, {"mips64el": 2, "mipsel": 2}),
    ("sock_dgram", 2, {"mips64el": 1, "mipsel": 1}),
    # IPC_64 in the command of the direct msgctl, semctl and shmctl calls:
    # where the ISA's table points them at sys_old_*ctl, which reads the
    # struct version from the command (arm and mips n64, whose direct calls
    # predate Linux 5.1); 0 where they are sys_*ctl, which know only the
    # 64-bit structs and take the bit as part of an unknown command
    # (IPC_STAT|IPC_64 returns the id, IPC_SET|IPC_64 is EINVAL): the generic
    # ISAs, x86-64, and the direct calls that i386, ppc, s390 and mips o32
    # gained in 5.1. (glibc adds __IPC_64 for the multiplexed ipc(2) too.)
    ("ipc_64_cmd", 0, {"arm": 0x100, "mips64el": 0x100}),
]

# Lower-case names glibc defines as macros: no generated name may be one.
LIBC_LOWER_MACROS = set("""
errno stdin stdout stderr assert offsetof major minor makedev st_atime st_mtime st_ctime
sa_handler sa_sigaction si_pid si_uid si_status si_utime si_stime si_value si_int si_ptr
si_addr si_band si_fd si_timerid si_overrun si_addr_lsb si_lower si_upper si_pkey
si_call_addr si_syscall si_arch ifr_name ifr_flags h_addr
""".split())


def uapi_name(macro: str) -> str:
    return macro.lstrip("_").lower()


# ---------------------------------------------------------------------------
# The kernel structs as rawsys passes them. Fields come from the target's
# record layout in their order; `strip` is the kernel's member prefix; `types`
# gives a member its rawsys declaration (`{n}` is the name); any other member
# becomes an integer of the kernel's size and signedness. A struct with
# `template` takes rawsys's member types from its parameter T, so the topic
# header keeps its enums and handler types, and is initialised member by
# member in order: its alignment gaps stay implicit (its <struct>_layout_ok
# checks every offset); the others spell them out. A pair <x>, <x>_nsec
# becomes one stat_time <x>.


@dataclass(frozen=True)
class Struct:
    name: str
    kernel64: str   # the struct where long is 64-bit
    kernel32: str   # where long is 32-bit (the *64 variants of the 32-bit calls)
    strip: str
    types: tuple = ()
    rename: tuple = ()
    template: bool = False
    pack_unaligned: bool = False
    int_members: tuple = ()  # T-typed integers: their kernel type is generated as <struct>_<member>_type
    isas: tuple = ()  # the ISA keys whose UAPI has it (ARCH_HEADERS); empty: every ISA


STRUCTS = [
    # fstat/newfstatat (64-bit), fstat64/fstatat64 (32-bit).
    Struct("stat", "struct stat", "struct stat64", "st_", rename=(("__st_ino", "ino32"),)),
    # statfs/fstatfs (64-bit), statfs64/fstatfs64 (32-bit).
    Struct("statfs", "struct statfs", "struct statfs64", "f_",
           types=(("fsid", "int32_t {n}[2]"),)),
    # sigaltstack.
    Struct("stack_t", "stack_t", "stack_t", "ss_", template=True, int_members=("flags",),
           types=(("sp", "void* {n} = nullptr"), ("flags", "typename T::flags {n}{}"),
                  ("size", "size_t {n} = 0"))),
    # rt_sigaction.
    Struct("sigaction", "struct sigaction", "struct sigaction", "sa_", template=True,
           int_members=("flags",),
           rename=(("_u", "handler"),),
           types=(("handler", "union {\\n    typename T::handler handler = nullptr;\\n"
                              "    typename T::action action;\\n  }"),
                  ("flags", "typename T::flags {n}{}"),
                  ("restorer", "typename T::restorer {n} = nullptr"),
                  ("mask", "typename T::mask {n}{}"))),
    # epoll_ctl, epoll_pwait.
    Struct("epoll_event", "struct epoll_event", "struct epoll_event", "", template=True,
           pack_unaligned=True,
           int_members=("events",),
           types=(("events", "typename T::events {n}"), ("data", "uint64_t {n}"))),
    # System V IPC: the *ctl calls' structs (asm/ipcbuf.h, asm/msgbuf.h,
    # asm/sembuf.h, asm/shmbuf.h; 32-bit ISAs split each time into a low and
    # a high word) and semop's.
    Struct("ipc64_perm", "struct ipc64_perm", "struct ipc64_perm", ""),
    Struct("msqid64_ds", "struct msqid64_ds", "struct msqid64_ds", "msg_",
           types=(("perm", "ipc64_perm {n}"),)),
    Struct("semid64_ds", "struct semid64_ds", "struct semid64_ds", "sem_",
           types=(("perm", "ipc64_perm {n}"),)),
    Struct("shmid64_ds", "struct shmid64_ds", "struct shmid64_ds", "shm_",
           types=(("perm", "ipc64_perm {n}"),)),
    Struct("sembuf", "struct sembuf", "struct sembuf", "sem_"),
    # mq_getsetattr, mq_open.
    Struct("mq_attr", "struct mq_attr", "struct mq_attr", "mq_"),
    # io_submit, io_getevents (linux/aio_abi.h: aio_key and aio_rw_flags swap
    # places on big-endian ISAs).
    Struct("iocb", "struct iocb", "struct iocb", "aio_"),
    Struct("io_event", "struct io_event", "struct io_event", ""),
    # mq_notify (asm-generic/siginfo.h): 64 bytes; the union after the
    # notification holds the thread id of SIGEV_THREAD_ID first.
    Struct("sigevent", "struct sigevent", "struct sigevent", "sigev_",
           rename=(("_sigev_un", "un"),),
           types=(("value", "void* {n}"), ("un", "int32_t {n}[(64 - 8 - sizeof(void*)) / 4]"))),
    # cachestat.
    Struct("cachestat_range", "struct cachestat_range", "struct cachestat_range", ""),
    Struct("cachestat", "struct cachestat", "struct cachestat", ""),
    # userfaultfd's UFFDIO_API ioctl.
    Struct("uffdio_api_t", "struct uffdio_api", "struct uffdio_api", ""),
    # clock_adjtime, clock_adjtime64 (64-bit fields on every ISA).
    Struct("timex", "struct __kernel_timex", "struct __kernel_timex", "",
           types=(("time", "struct {\n    int64_t sec;\n    int64_t usec;\n  } {n}"),)),
    # adjtimex, and clock_adjtime where 32-bit ISAs fall back to it (long fields).
    Struct("old_timex", "struct timex", "struct timex", "",
           types=(("time", "struct {\n    long sec;\n    long usec;\n  } {n}"),)),
    # TIOCGWINSZ, TIOCSWINSZ.
    Struct("winsize", "struct winsize", "struct winsize", "ws_"),
    # TCGETS, TCSETS*: the kernel's struct termios (the speeds and the place of
    # c_line differ on powerpc, the number of c_cc on mips).
    Struct("termios", "struct termios", "struct termios", "c_"),
    # mount_setattr, statmount and listmount, FICLONERANGE, read(2) of fanotify.
    Struct("mount_attr", "struct mount_attr", "struct mount_attr", ""),
    Struct("mnt_id_req", "struct mnt_id_req", "struct mnt_id_req", ""),
    Struct("file_clone_range", "struct file_clone_range", "struct file_clone_range", ""),
    Struct("fanotify_event_metadata", "struct fanotify_event_metadata",
           "struct fanotify_event_metadata", ""),
    # riscv_hwprobe (asm/hwprobe.h: riscv64 alone).
    Struct("riscv_hwprobe", "struct riscv_hwprobe", "struct riscv_hwprobe", "", isas=("riscv64",)),
    # s390_guarded_storage's broadcast control block (asm/guarded_storage.h: s390x alone).
    Struct("gs_cb", "struct gs_cb", "struct gs_cb", "", isas=("s390x",)),
]


def structs_of(key: str) -> list:
    """The STRUCTS the UAPI of the ISA with this key has."""
    return [s for s in STRUCTS if not s.isas or key in s.isas]

# Offsets that are facts rather than members rawsys declares.
OFFSETS = [
    ("siginfo_signo", "siginfo_t", "si_signo"),
    ("siginfo_errno", "siginfo_t", "si_errno"),
    ("siginfo_code", "siginfo_t", "si_code"),
]


# ---------------------------------------------------------------------------
# Compiling for a target.

class Target:
    def __init__(self, isa: Isa, clang: str, tmp: Path):
        self.isa = isa
        self.clang = clang
        self.inc = tmp / isa.key / "include"
        self.inc.mkdir(parents=True)
        (self.inc / "asm").symlink_to(UAPI_ARCH_ROOT / isa.uapi_arch / "asm")
        (self.inc / "linux").symlink_to(UAPI_ROOT / "linux")
        (self.inc / "asm-generic").symlink_to(UAPI_ROOT / "asm-generic")
        # linux/shm.h includes the C library's <unistd.h> for nothing it uses.
        (self.inc / "unistd.h").write_text("")
        self.dir = tmp / isa.key

    def _run(self, source: str, *args: str) -> str:
        src = self.dir / "probe.c"
        src.write_text(source)
        cmd = [self.clang, f"--target={self.isa.triple}", "-nostdinc", "-I", str(self.inc),
               "-w", *args, str(src)]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"gen_consts: {self.isa.key}: clang failed:\n{p.stderr[:4000]}")
        return p.stdout

    def headers(self) -> str:
        return "".join(f"#include <{h}>\n" for h in HEADERS + ARCH_HEADERS.get(self.isa.key, []))

    def values(self, exprs: list[str], body: str = "") -> list[int]:
        """Evaluates each C integer constant expression for the target."""
        src = PRELUDE + self.headers() + RT_SIGACTION + body
        src += "const long long rawsys_v[] = {\n" + "".join(
            f"  (long long)({e}),\n" for e in exprs) + "  0 };\n"
        asm = self._run(src, "-S", "-O0", "-o", "-")
        return parse_data(asm, "rawsys_v")[: len(exprs)]

    def layouts(self, types: list[str]) -> dict:
        """Record layouts of the given types: {type: (size, align, [(off, ctype, name)])}."""
        src = PRELUDE + self.headers() + RT_SIGACTION
        src += "".join(f"int rawsys_l{i} = sizeof({t});\n" for i, t in enumerate(types))
        dump = self._run(src, "-fsyntax-only", "-Xclang", "-fdump-record-layouts")
        return parse_layouts(dump)


def parse_data(asm: str, label: str) -> list[int]:
    """The 64-bit values emitted after `label:` (.quad, .xword, .8byte, .dword,
    or pairs of little-endian .long on arm; .zero for runs of zeros)."""
    lines = asm.splitlines()
    start = next(i for i, l in enumerate(lines) if l.strip() == f"{label}:")
    words = []  # (bytes, value)
    for l in lines[start + 1:]:
        s = l.split("#")[0].split("//")[0].split("@")[0].strip()
        if not s or s.startswith(".p2align"):
            continue
        m = re.match(r"\.(quad|xword|8byte|dword|long|word|4byte|zero)\s+(-?\w+)", s)
        if not m:
            break
        kind, v = m.group(1), int(m.group(2), 0)
        if kind == "zero":
            words += [(4, 0)] * (v // 4)
        elif kind in ("long", "word", "4byte"):
            words.append((4, v & 0xFFFFFFFF))
        else:
            words.append((8, v & 0xFFFFFFFFFFFFFFFF))
    out, i = [], 0
    while i < len(words):
        n, v = words[i]
        if n == 4:  # only arm emits 64-bit data as .long pairs: low word first
            v |= words[i + 1][1] << 32
            i += 1
        i += 1
        out.append(v - (1 << 64) if v >> 63 else v)
    return out


def parse_layouts(dump: str) -> dict:
    out = {}
    for block in dump.split("*** Dumping AST Record Layout")[1:]:
        rows = [l for l in block.splitlines() if "|" in l]
        name = rows[0].split("|", 1)[1].strip()
        fields = []
        for r in rows[1:]:
            left, right = r.split("|", 1)
            m = re.match(r"\[sizeof=(\d+),(?:.*?[ ,])?align=(\d+)", right.strip())
            if m:
                out[name] = (int(m.group(1)), int(m.group(2)), fields)
                break
            depth = (len(right) - len(right.lstrip())) // 2
            if depth != 1 or not left.strip():
                continue  # members of nested records
            text = right.strip()
            if ":" in left and " " not in text:
                continue  # an unnamed bit-field (`int :32` padding): a gap
            ctype, fname = text.rsplit(" ", 1)
            fields.append((int(left.strip().split(":")[0]), ctype, fname))
    return out


# ---------------------------------------------------------------------------
# Reading one ISA.

# How the layout dump names a typedef'd struct.
DUMP_NAMES = {"stack_t": "struct sigaltstack"}

C_INT_TYPES = {"char", "signed char", "unsigned char", "short", "unsigned short", "int",
               "unsigned int", "long", "unsigned long", "long long", "unsigned long long"}


@dataclass
class Field:
    kname: str     # the kernel's member name
    offset: int
    size: int
    ctype: str     # as the layout dump spells it, array bounds included
    signed: bool
    count: int     # array elements (1 for a scalar)
    align: int     # the member's alignment in a struct of this ISA


@dataclass
class Layout:
    kernel: str
    size: int
    align: int
    fields: list


def read_isa(t: Target) -> tuple[dict, dict, dict]:
    """(values {name: int or None}, layouts {struct: Layout}, offsets {name: int})."""
    wide = t.values(["sizeof(long)"])[0] == 8
    structs = structs_of(t.isa.key)
    kinds = {s.name: (s.kernel64 if wide else s.kernel32) for s in structs}
    dumped = t.layouts(list(kinds.values()) + ["struct rawsys_rt_sigaction"])
    if dumped["struct sigaction"][2][-1][2] != "sa_mask":  # mask last in the rt layout
        kinds["sigaction"] = "struct rawsys_rt_sigaction"
    exprs, body = [], ""  # pairs of C expressions
    for m in MACROS:
        body += f"#ifdef {m}\n#define RAWSYS_P_{m} 1\n#define RAWSYS_V_{m} {m}\n" \
                f"#else\n#define RAWSYS_P_{m} 0\n#define RAWSYS_V_{m} 0\n#endif\n"
        exprs.append((f"RAWSYS_P_{m}", f"RAWSYS_V_{m}"))
    for m in ENUMERATORS:
        exprs.append(("1", m))
    for name, m, fallback in FALLBACKS:
        body += f"#ifdef {m}\n#define RAWSYS_F_{name} {m}\n#else\n#define RAWSYS_F_{name} {fallback}\n#endif\n"
        exprs.append(("1", f"RAWSYS_F_{name}"))
    raw = {}
    for s in structs:
        kname = kinds[s.name]
        key = DUMP_NAMES.get(kname, kname)
        if key not in dumped:
            sys.exit(f"gen_consts: {t.isa.key}: no layout of {kname}")
        size, align, fields = dumped[key]
        raw[s.name] = (kname, size, align, fields)
        for off, ctype, f in fields:
            one = f"((({kname}*)0)->{f}" + ("[0])" if "[" in ctype else ")")
            typed = member_name(s, f) in dict(s.types)
            sign = "0" if typed or "*" in ctype else f"(__typeof__{one})-1 < 0"
            exprs.append((f"sizeof((({kname}*)0)->{f})", f"sizeof{one}"))
            exprs.append((sign, f"_Alignof(__typeof__((({kname}*)0)->{f}))"))
    for _, ctype_, member in OFFSETS:
        exprs.append((f"__builtin_offsetof({ctype_}, {member})", "0"))
    flat = [x for pair in exprs for x in pair]
    vals = t.values([f"({x})" for x in flat], body)
    it = iter(vals)
    values = {}
    for m in MACROS:
        present, v = next(it), next(it)
        values[uapi_name(m)] = v if present else None
    for m in ENUMERATORS:
        next(it)
        values[uapi_name(m)] = next(it)
    for name, _, _ in FALLBACKS:
        next(it)
        values[name] = next(it)
    for name, default, per_isa in KERNEL_ONLY:
        values[name] = per_isa.get(t.isa.key, default)
    layouts = {}
    for s in structs:
        kname, size, align, fields = raw[s.name]
        out = []
        for off, ctype, f in fields:
            total, one = next(it), next(it)
            signed = bool(next(it))
            falign = next(it)
            if total == 0:
                continue  # a padding array of no bytes on this ISA (ipc64_perm's __pad1)
            out.append(Field(f, off, total, ctype, signed, total // one if one else 1, falign))
        layouts[s.name] = Layout(kname, size, align, out)
    offsets = {}
    for name, _, _ in OFFSETS:
        offsets[name + "_offset"] = next(it)
        next(it)
    return values, layouts, offsets


# ---------------------------------------------------------------------------
# Writing C++.

def int_type(size: int, signed: bool) -> str:
    return f"{'' if signed else 'u'}int{size * 8}_t"


def member_type(f: Field) -> str:
    return int_type(f.size // f.count, f.signed)


def c_type(f: Field) -> str:
    """The kernel's own spelling where it is a C integer type (sa_flags is
    unsigned long on most ISAs, unsigned int on mips)."""
    base = f.ctype.split("[")[0].strip()
    return base if base in C_INT_TYPES else member_type(f)


def literal(v: int) -> str:
    return str(v) if -10 < v < 10 else (f"-{-v:#x}" if v < 0 else f"{v:#x}")


def common_type(vals: list) -> str:
    vals = [v for v in vals if v is not None]
    if all(-(1 << 31) <= v < (1 << 31) for v in vals):
        return "int"
    if all(0 <= v < (1 << 32) for v in vals):
        return "unsigned"
    if all(-(1 << 63) <= v < (1 << 63) for v in vals):
        return "long long"
    return "unsigned long long"


def member_name(s: Struct, kname: str) -> str:
    for k, v in s.rename:
        if k == kname:
            return v
    n = kname[len(s.strip):] if s.strip and kname.startswith(s.strip) else kname
    return n.lstrip("_")


def emit_struct(s: Struct, lay: Layout, lines: list, asserts: list):
    types = dict(s.types)
    decls, checks = [], []
    fields = lay.fields
    pos, i = 0, 0
    time_pair = None
    while i < len(fields):
        f = fields[i]
        if f.offset > pos and not s.template:
            decls.append(f"  unsigned char pad_{pos}_[{f.offset - pos}];")
        name = member_name(s, f.kname)
        nxt = fields[i + 1] if i + 1 < len(fields) else None
        if nxt and member_name(s, nxt.kname) == name + "_nsec":
            time_pair = (f.size, nxt.size)
            decls.append(f"  stat_time {name};")
            checks.append((name, f.offset))
            pos = nxt.offset + nxt.size
            i += 2
            continue
        if name in types:
            decl = types[name].replace("\\n", "\n").replace("{n}", name)
            decls.append(f"  {decl};")
            if not decl.startswith("union"):
                checks.append((name, f.offset))
        else:
            arr = f"[{f.count}]" if "[" in f.ctype else ""
            decls.append(f"  {member_type(f)} {name}{arr};")
            checks.append((name, f.offset))
        pos = f.offset + f.size
        i += 1
    if lay.size > pos and not s.template:
        decls.append(f"  unsigned char pad_{pos}_[{lay.size - pos}];")
    # Packed where the kernel packs it (x86-64's epoll_event, arm's statfs64
    # aligned to 4): less aligned than its members would make it. With
    # pack_unaligned also where a member sits off its size's alignment
    # (i386's epoll_event), as the C library's is, so the two interchange.
    if lay.align < max(f.align for f in fields) or (s.pack_unaligned and any(
            f.offset % (f.size // f.count) for f in fields)):
        packed = "[[gnu::packed]] " if lay.align == 1 or s.pack_unaligned else \
            f"[[gnu::packed, gnu::aligned({lay.align})]] "
    else:
        packed = ""
    if time_pair:
        sec, nsec = time_pair
        lines += ["// A timestamp as the struct holds it: seconds read as a time_t of their",
                  "// width; converts to rawsys::timespec.",
                  "struct stat_time {",
                  f"  {int_type(sec, True)} sec;",
                  f"  {int_type(nsec, nsec == 8)} nsec;",
                  "  template <class T>",
                  "    requires requires(int64_t a) { T{a, a}; }",
                  "  constexpr operator T() const noexcept { return T{sec, nsec}; }",
                  "};", ""]
    head = f"// {lay.kernel}: {lay.size} bytes."
    if s.template:
        lines += [head, "template <class T>", f"struct {packed}{s.name} {{"] + decls + ["};"]
        cond = " &&\n         ".join([f"sizeof(S) == {lay.size}"] +
                                     [f"offsetof(S, {n}) == {o}" for n, o in checks])
        lines += [f"template <class S>", f"constexpr bool {s.name}_layout_ok() noexcept {{",
                  f"  return {cond};", "}"]
        for f in fields:
            n = member_name(s, f.kname)
            if n in s.int_members:
                lines.append(f"using {s.name}_{n}_type = {c_type(f)};")
    else:
        lines += [head, f"struct {packed}{s.name} {{"] + decls + ["};"]
        asserts += [f"static_assert(sizeof({s.name}) == {lay.size});"]
        asserts += [f"static_assert(offsetof({s.name}, {n}) == {o});" for n, o in checks]
    lines.append("")


# The parts of uapi/<isa>.hpp. A constant that only one topic header names
# (include/rawsys/<topic>.hpp, as uapi::<name>) goes to that header's section,
# compiled only where the header asked for it by defining
# RAWSYS_UAPI_WANT_<TOPIC> before including arch/native_uapi.hpp (or
# RAWSYS_UAPI_WANT_ALL: <rawsys/uapi.hpp>); every other one (named by two
# headers, by the core, an arch/ or detail/ header, or by none) goes to the
# part every program compiles. The kernel structs go by the same rule (a
# struct another section's struct names goes to that part). Two thirds of the
# constants and most structs belong to one topic: a program that includes one
# topic header does not compile the others'.
CORE_HEADERS = {"types.hpp", "syscall.hpp", "start.hpp", "nr.hpp", "result.hpp", "rawsys.hpp", "uapi.hpp"}


@functools.cache
def uapi_users() -> dict:
    """name -> the headers (paths under include/rawsys/) that name uapi::name."""
    top = REPO_ROOT / "include" / "rawsys"
    users: dict = {}
    for path in sorted(top.rglob("*.hpp")):
        rel = path.relative_to(top)
        if rel.parts[0] in ("uapi", "nr", "errno"):
            continue
        for n in set(re.findall(r"\buapi::(\w+)", path.read_text())):
            users.setdefault(n, set()).add(rel)
    return users


def section_of_users(u: set):
    """The topic whose section serves these users, or None for the common part."""
    only = next(iter(u)) if len(u) == 1 else None
    return only.stem if only and len(only.parts) == 1 and only.name not in CORE_HEADERS else None


def sections_of(names) -> dict:
    """name -> the topic (header name without .hpp) whose section holds it, or
    None for the common part."""
    return {n: section_of_users(uapi_users().get(n, set())) for n in names}


def struct_sections(key: str, layouts: dict) -> list:
    """Each struct of the ISA as (section, its lines, its layout checks), in
    structs_of's order. A struct goes where sections_of puts its name; one
    that a struct of another section names goes to the common part, so that
    every section compiles after the common part alone."""
    out = []
    for s in structs_of(key):
        lines: list = []
        asserts: list = []
        emit_struct(s, layouts[s.name], lines, asserts)
        text = "\n".join(lines)
        # The struct and what is emitted with it (stat_time, <name>_layout_ok,
        # <name>_<member>_type): one section for all of their users.
        defined = {s.name} | set(re.findall(r"^struct (?:\[\[[^]]*\]\] )?(\w+) \{", text, re.M)) | \
            set(re.findall(r"^(?:constexpr bool|using) (\w+)", text, re.M))
        users = set().union(*(uapi_users().get(n, set()) for n in defined))
        out.append([section_of_users(users), lines, asserts, defined])
    moved = True
    while moved:
        moved = False
        for user in out:
            text = "\n".join(user[1])
            for other in out:
                if other is not user and other[0] is not None and other[0] != user[0] and any(
                        re.search(rf"\b{d}\b", text) for d in other[3]):
                    other[0] = None
                    moved = True
    return [(section, lines, asserts) for section, lines, asserts, _ in out]


def emit_structs(structs: list, section, lines: list):
    """The structs of one section (None: the common part), then their sizes
    and offsets as the generator computed them, checked where the tests
    compile the section for its ISA (the nolibc topic programs define
    RAWSYS_CHECK_UAPI_LAYOUTS) rather than in every program's compile."""
    asserts: list = []
    for s, body, checks in structs:
        if s == section:
            lines += body
            asserts += checks
    if asserts:
        lines += ["#if defined(RAWSYS_CHECK_UAPI_LAYOUTS)"] + asserts + ["#endif"]


def want_macro(topic: str) -> str:
    return f"RAWSYS_UAPI_WANT_{topic.upper()}"


def render_values(names: list, values: dict, offsets: dict, types: dict, lines: list):
    for name in names:
        if name in values and values[name] is None:
            lines.append(f"inline constexpr absent {name}{{}};")
    lines.append("")
    # The values as enumerators of one unnamed enum per type (its underlying
    # type the value's): they read as that integer type in any expression,
    # and cost the compiler a third of what as many variables do.
    by_type: dict = {}
    for name in names:
        if values.get(name) is not None:
            by_type.setdefault(types[name], []).append(name)
    for t in sorted(by_type):
        lines.append(f"enum : {t} {{")
        lines += [f"  {name} = {literal(values[name])}," for name in by_type[t]]
        lines += ["};", ""]
    for name in names:
        if name in offsets:
            lines.append(f"inline constexpr size_t {name} = {offsets[name]};")


def render(isa: Isa, values: dict, layouts: dict, offsets: dict, types: dict) -> dict:
    """uapi/<key>.hpp (includes the rest), uapi/<key>/common.hpp (the part
    every program compiles, and the structs) and uapi/<key>/<topic>.hpp (one
    topic's section each)."""
    section = sections_of(sorted(set(values) | set(offsets)))
    topics = sorted({t for t in section.values() if t})
    ns = f"rawsys::{isa.namespace}::uapi"
    head = f"// Generated by {SCRIPT} from the Linux UAPI headers for {isa.key}; do not edit."
    lines = [head, "// The part every program compiles; included by ../" + isa.key + ".hpp.",
             "#pragma once", "",
             "#include <stddef.h>", "#include <stdint.h>", "",
             "#include \"../../detail/uapi_ops.hpp\"", "",
             f"namespace {ns} {{", "",
             "// Operators between constants of two sections (detail/uapi_ops.hpp).",
             "RAWSYS_UAPI_OPERATORS", "",
             "// The value of a constant this ISA does not define.",
             "struct absent {};", ""]
    render_values([n for n in sorted(section) if section[n] is None], values, offsets, types, lines)
    lines.append("")
    structs = struct_sections(isa.key, layouts)
    topics = sorted(set(topics) | {t for t, _, _ in structs if t})
    emit_structs(structs, None, lines)
    lines.append(f"}}  // namespace {ns}")
    files = {f"include/rawsys/uapi/{isa.key}/common.hpp": "\n".join(lines) + "\n"}
    lines = [head,
             f"// The common part (uapi/{isa.key}/common.hpp), then each topic's section",
             f"// (uapi/{isa.key}/<topic>.hpp) where a header defined RAWSYS_UAPI_WANT_<TOPIC>",
             "// (or RAWSYS_UAPI_WANT_ALL) before including this file. No #pragma once:",
             "// each topic header includes it again; every file it includes has one.",
             f"#include \"{isa.key}/common.hpp\""]
    for topic in topics:
        lines += [f"#if defined({want_macro(topic)}) || defined(RAWSYS_UAPI_WANT_ALL)",
                  f"#include \"{isa.key}/{topic}.hpp\"", "#endif"]
        body = [head, f"// The constants and structs that only {topic}.hpp names; included by ../{isa.key}.hpp.",
                "#pragma once", "", f"namespace {ns} {{"]
        render_values([n for n in sorted(section) if section[n] == topic], values, offsets, types, body)
        emit_structs(structs, topic, body)
        if body[-1] == "":
            body.pop()
        body.append(f"}}  // namespace {ns}")
        files[f"include/rawsys/uapi/{isa.key}/{topic}.hpp"] = "\n".join(body) + "\n"
    files[f"include/rawsys/uapi/{isa.key}.hpp"] = "\n".join(lines) + "\n"
    return files


def render_check(per_isa: dict) -> str:
    """C++ static_asserts of every generated value and layout against the UAPI
    headers, for the ISA named by RAWSYS_UAPI_<KEY>."""
    lines = [f"// Generated by {SCRIPT}; do not edit. Included by tests/uapi_check.cpp",
             "// after the UAPI headers, for the ISA named by RAWSYS_UAPI_<KEY>.", "",
             RT_SIGACTION.strip(), ""]
    # Per ISA: its namespace and its structs, with the kernel's member types.
    for isa in ISAS:
        _, layouts, _, _ = per_isa[isa.key]
        lines += [f"#if defined(RAWSYS_UAPI_{isa.key.upper()})",
                  "#define RAWSYS_UAPI_WANT_ALL",
                  f"#include <rawsys/uapi/{isa.key}.hpp>",
                  f"namespace U = rawsys::{isa.namespace}::uapi;",
                  "struct check_types {",
                  "  using handler = void (*)(int);", "  using action = void (*)(int, void*, void*);",
                  "  using restorer = void (*)();"]
        for sname, member in (("sigaction", "flags"), ("sigaction", "mask"), ("epoll_event", "events")):
            lay = layouts[sname]
            st = next(x for x in STRUCTS if x.name == sname)
            k = next(f.kname for f in lay.fields if member_name(st, f.kname) == member)
            lines.append(f"  using {member} = decltype((({lay.kernel}*)0)->{k});")
        lines += ["};", "struct check_stack_types {",
                  f"  using flags = decltype((({layouts['stack_t'].kernel}*)0)->ss_flags);", "};"]
        for s in structs_of(isa.key):
            lay = layouts[s.name]
            S = f"U::{s.name}" + (("<check_stack_types>" if s.name == "stack_t" else "<check_types>")
                                  if s.template else "")
            lines.append(f"static_assert(sizeof({S}) == sizeof({lay.kernel}));")
            knames = {g.kname for g in lay.fields}
            for f in lay.fields:
                n = member_name(s, f.kname)
                if n.endswith("_nsec") and f.kname[:-5] in knames:
                    lines.append(f"static_assert(offsetof({S}, {n[:-5]}) + sizeof(U::stat_time::sec)"
                                 f" == offsetof({lay.kernel}, {f.kname}));")
                    continue
                lines.append(f"static_assert(offsetof({S}, {n}) == offsetof({lay.kernel}, {f.kname}));")
                member = "U::stat_time::sec" if f.kname + "_nsec" in knames else f"{S}::{n}"
                if not s.template and n not in dict(s.types):
                    lines.append(f"static_assert(sizeof({member}) == sizeof((({lay.kernel}*)0)->{f.kname}));")
        lines += ["#endif", ""]
    # Every ISA: each value is its macro's, or absent where the macro is.
    for m in MACROS:
        n = uapi_name(m)
        lines += [f"#ifdef {m}", f"static_assert(U::{n} == ({m}));", "#else",
                  f"static_assert(is_absent(U::{n}));", "#endif"]
    for m in ENUMERATORS:
        lines.append(f"static_assert(U::{uapi_name(m)} == ({m}));")
    for n, m, fallback in FALLBACKS:
        lines += [f"#ifdef {m}", f"static_assert(U::{n} == {m});", "#else",
                  f"static_assert(U::{n} == {fallback});", "#endif"]
    for n, ctype, m in OFFSETS:
        lines.append(f"static_assert(U::{n}_offset == offsetof({ctype}, {m}));")
    return "\n".join(lines) + "\n"


def generate(clang: str) -> dict:
    per_isa = {}
    with tempfile.TemporaryDirectory() as tmp:
        for isa in ISAS:
            t = Target(isa, clang, Path(tmp))
            per_isa[isa.key] = read_isa(t)
    names = set()
    for values, _, _ in per_isa.values():
        names |= set(values)
    bad = names & LIBC_LOWER_MACROS
    if bad:
        sys.exit(f"gen_consts: names that are libc macros: {sorted(bad)}")
    types = {n: common_type([per_isa[k][0][n] for k in per_isa]) for n in names}
    files = {}
    full = {}
    for isa in ISAS:
        values, layouts, offsets = per_isa[isa.key]
        files.update(render(isa, values, layouts, offsets, types))
        full[isa.key] = (values, layouts, offsets, types)
    files["tests/generated/uapi_check.hpp"] = render_check(full)
    return files


def find_clang() -> str:
    for c in ("clang-19", "clang"):
        if shutil.which(c):
            return c
    sys.exit("gen_consts: clang (19 or newer, for loongarch64) not found")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--out", type=Path, default=REPO_ROOT)
    args = ap.parse_args()
    files = generate(find_clang())
    stale = []
    for rel, text in files.items():
        path = args.out / rel
        old = path.read_text() if path.exists() else None
        if old == text:
            continue
        stale.append(rel)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    # A section file no topic has any more.
    for isa in ISAS:
        d = args.out / "include" / "rawsys" / "uapi" / isa.key
        for path in sorted(d.glob("*.hpp")) if d.is_dir() else []:
            rel = str(path.relative_to(args.out))
            if rel not in files:
                stale.append(rel)
                if not args.check:
                    path.unlink()
    if args.check and stale:
        print("gen_consts: stale (run tools/gen_consts.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
