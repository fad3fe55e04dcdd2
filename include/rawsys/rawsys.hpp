// The whole library.
#pragma once

#include "auxv.hpp"
#include "bitmask.hpp"
#include "errc.hpp"
#include "fd.hpp"
#include "nr.hpp"
#include "process.hpp"
#include "result.hpp"
#include "signal.hpp"
#include "syscall.hpp"
#include "types.hpp"
