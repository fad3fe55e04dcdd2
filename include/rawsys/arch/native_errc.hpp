// The target's errno numbering: its folder's errc.hpp (see select.hpp). Apart
// from native.hpp because result<> needs errc before any syscall table can be
// read (the tables' find_nr returns a result).
#pragma once

#include "select.hpp"
#include RAWSYS_ARCH_ERRC_
