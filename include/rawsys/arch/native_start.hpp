// The target's part of a topic header (see select.hpp): _start and the rest of
// the no-libc runtime's ISA code, for <rawsys/start.hpp> alone.
#pragma once

#include "select.hpp"
#include RAWSYS_ARCH_START_
