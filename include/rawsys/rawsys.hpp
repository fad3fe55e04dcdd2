// The whole library.
#pragma once

#include "auxv.hpp"
#include "bitmask.hpp"
#include "errc.hpp"
#include "event.hpp"
#include "fd.hpp"
#include "futex.hpp"
#include "memory.hpp"
#include "nr.hpp"
#include "random.hpp"
#include "result.hpp"
#include "socket.hpp"
#include "syscall.hpp"
#include "time.hpp"
#include "types.hpp"
#include "vdso.hpp"
