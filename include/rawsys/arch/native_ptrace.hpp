// The target's part of a topic header (see select.hpp): the ptrace requests
// and register sets only this ISA has, for <rawsys/ptrace.hpp>.
#pragma once

#include "select.hpp"
#include RAWSYS_ARCH_PTRACE_
