// The call only x86-64 has, for <rawsys/process.hpp>: uretprobe. It exists
// only when compiling for x86-64.
#pragma once

#include "../../syscall.hpp"

namespace rawsys {

// uretprobe(2): long uretprobe(void);  (x86-64, Linux 6.11+)
// The return path of a uretprobe: the trampoline the kernel maps into a
// traced process makes it (arch/x86/kernel/uprobes.c), with the probed
// function's return value on the stack. Made from anywhere else (or with no
// trampoline mapped) the kernel sends the thread SIGILL, which kills it
// unless handled; before 6.11: ENOSYS. A handler that returns lets the call
// return the kernel's -1, which reads as EPERM (as glibc's syscall() reads
// it too).
template <class = void>
inline result<long> uretprobe() noexcept {
  return syscall(nr::uretprobe);
}

}  // namespace rawsys
