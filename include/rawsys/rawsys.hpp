// The whole library, except what a program opts into: <rawsys/start.hpp>
// (the no-libc _start), <rawsys/out.hpp> (buffered stdout/stderr writers,
// global buffers flushed at exit), <rawsys/tool.hpp> (command-line tool
// helpers, on those writers) and <rawsys/std.hpp> (the standard library's
// types).
#pragma once

#include "auxv.hpp"
#include "bitmask.hpp"
#include "bpf.hpp"
#include "capability.hpp"
#include "errc.hpp"
#include "event.hpp"
#include "fd.hpp"
#include "file.hpp"
#include "fs.hpp"
#include "futex.hpp"
#include "io_uring.hpp"
#include "ioctl.hpp"
#include "landlock.hpp"
#include "memory.hpp"
#include "nr.hpp"
#include "perf_event.hpp"
#include "process.hpp"
#include "ptrace.hpp"
#include "random.hpp"
#include "result.hpp"
#include "runtime.hpp"
#include "seccomp.hpp"
#include "signal.hpp"
#include "socket.hpp"
#include "syscall.hpp"
#include "time.hpp"
#include "types.hpp"
#include "vdso.hpp"
