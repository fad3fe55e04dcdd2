// rawsys::uapi: every generated kernel constant and struct layout of the
// target (uapi/<isa>.hpp). A topic header declares the constants it uses,
// and <rawsys/syscall.hpp> the ones several headers share; include this to
// name any other uapi:: constant directly (rawsys::uapi::map_private).
#pragma once

#define RAWSYS_UAPI_WANT_ALL
#include "arch/native_uapi.hpp"
