// The whole library.
#pragma once

#include "auxv.hpp"
#include "bitmask.hpp"
#include "errc.hpp"
#include "fd.hpp"
#include "file.hpp"
#include "fs.hpp"
#include "memory.hpp"
#include "nr.hpp"
#include "out.hpp"
#include "result.hpp"
#include "runtime.hpp"
#include "syscall.hpp"
#include "time.hpp"
#include "types.hpp"
#include "vdso.hpp"
