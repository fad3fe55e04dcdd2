// The target's part of a topic header (see select.hpp): the signal-return
// restorers, for <rawsys/signal.hpp>.
#pragma once

#include "select.hpp"
#include RAWSYS_ARCH_SIGNAL_
