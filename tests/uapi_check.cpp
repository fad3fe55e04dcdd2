// Every ISA's generated constants and layouts (include/rawsys/uapi/<isa>.hpp)
// against the UAPI headers themselves: compiled by tests/uapi_check.py once
// per ISA with clang --target, -nostdinc and only the UAPI headers, so each
// value is compared with the macro or offsetof it came from.
typedef __SIZE_TYPE__ size_t;
#include <linux/types.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include <linux/mman.h>
#include <linux/signal.h>
#include <asm/stat.h>
#include <asm/statfs.h>
#include <asm/socket.h>
#include <linux/socket.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/tcp.h>
#include <linux/poll.h>
#include <linux/eventpoll.h>
#include <linux/inotify.h>
#include <linux/timerfd.h>
#include <linux/eventfd.h>
#include <linux/signalfd.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/resource.h>
#include <linux/prctl.h>
#include <linux/time.h>
#include <linux/falloc.h>
#include <linux/fs.h>
#include <linux/openat2.h>
#include <linux/close_range.h>
#include <linux/memfd.h>
#include <linux/random.h>
#include <linux/mount.h>
#include <linux/xattr.h>
#include <linux/pidfd.h>
#include <linux/fadvise.h>
#include <asm/termios.h>
#include <linux/ipc.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>
#include <linux/mqueue.h>
#include <linux/aio_abi.h>
#include <linux/keyctl.h>
#include <linux/sched/types.h>
#include <linux/membarrier.h>
#include <linux/rseq.h>
#include <linux/ioprio.h>
#include <linux/reboot.h>
#include <linux/kexec.h>
#include <linux/module.h>
#include <linux/lsm.h>
#include <linux/personality.h>
#include <linux/mempolicy.h>
#include <linux/userfaultfd.h>
#include <linux/timex.h>
#include <linux/fanotify.h>
#include <linux/quota.h>
#include <linux/termios.h>
#include <linux/magic.h>
// The headers only one ISA's UAPI has (gen_consts.py's ARCH_HEADERS).
#if defined(RAWSYS_UAPI_RISCV64)
#include <asm/hwprobe.h>
#endif
#if defined(RAWSYS_UAPI_MIPS64EL) || defined(RAWSYS_UAPI_MIPSEL)
#include <asm/cachectl.h>
#include <asm/sysmips.h>
#endif
#if defined(RAWSYS_UAPI_S390X)
#include <asm/sthyi.h>
#include <asm/runtime_instr.h>
#include <asm/guarded_storage.h>
#endif

template <class T>
constexpr bool is_absent(T) {
  return __is_class(T);
}

#include "generated/uapi_check.hpp"
