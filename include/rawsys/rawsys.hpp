// The whole library.
#pragma once

#include "auxv.hpp"
#include "bitmask.hpp"
#include "errc.hpp"
#include "fd.hpp"
#include "memory.hpp"
#include "nr.hpp"
#include "result.hpp"
#include "syscall.hpp"
#include "time.hpp"
#include "types.hpp"
#include "vdso.hpp"
