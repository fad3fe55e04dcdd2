// The whole library.
#pragma once

#include "auxv.hpp"
#include "bitmask.hpp"
#include "bpf.hpp"
#include "capability.hpp"
#include "errc.hpp"
#include "fd.hpp"
#include "io_uring.hpp"
#include "landlock.hpp"
#include "nr.hpp"
#include "perf_event.hpp"
#include "ptrace.hpp"
#include "result.hpp"
#include "seccomp.hpp"
#include "syscall.hpp"
#include "types.hpp"
