// The whole library.
#pragma once

#include "auxv.hpp"
#include "errc.hpp"
#include "nr.hpp"
#include "result.hpp"
#include "syscall.hpp"
