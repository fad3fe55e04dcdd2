// For the *_layout_test.cpp files, which compare rawsys's structs with the
// kernel's UAPI headers of the arch being built (and so include no glibc
// header that defines the same structs).
#pragma once

#include <stddef.h>

// Member m of rawsys struct R sits where member k of kernel struct K does, and
// has its size. R and K may be elaborated (`rawsys::flock_t`).
#define RAWSYS_SAME_FIELD(R, m, K, k)                                     \
  static_assert(offsetof(R, m) == offsetof(K, k), #R "::" #m " offset"); \
  static_assert(sizeof(static_cast<R*>(nullptr)->m) == sizeof(static_cast<K*>(nullptr)->k), #R "::" #m " size")

#define RAWSYS_SAME_SIZE(R, K) static_assert(sizeof(R) == sizeof(K), #R " size")
