// The target's part of a topic header (see select.hpp): the clone trampoline
// and the calls only this ISA has, for <rawsys/process.hpp>.
#pragma once

#include "select.hpp"
#include RAWSYS_ARCH_PROCESS_
