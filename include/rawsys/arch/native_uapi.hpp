// The target's generated constants (uapi/<isa>.hpp, named by select.hpp),
// included again by each topic header after it defines
// RAWSYS_UAPI_WANT_<TOPIC>: the file compiles that topic's section, once. No
// #pragma once, for that reason; the common part has its own guard.
#include "native.hpp"
#include RAWSYS_ARCH_UAPI_
