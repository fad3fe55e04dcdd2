// The whole library.
#pragma once

#include "auxv.hpp"
#include "bitmask.hpp"
#include "errc.hpp"
#include "event.hpp"
#include "fd.hpp"
#include "futex.hpp"
#include "nr.hpp"
#include "random.hpp"
#include "result.hpp"
#include "socket.hpp"
#include "syscall.hpp"
#include "types.hpp"
