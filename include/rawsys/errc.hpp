// errc: every Linux errno with the numbers of the architecture being compiled
// for (on mips, errc::enosys is 89), and name() and message(), found by
// argument-dependent lookup. The numberings are generated under errno/; the
// target's folder under arch/ says which one is errc.
#pragma once

#include "arch/native_errc.hpp"
