// memset and memcpy for a test program with neither libc nor rawsys's
// runtime: compilers may emit calls to them for zeroing and copying structs
// (Clang does; GCC for arm too). Volatile stores keep the loops from becoming
// such calls.
#pragma once

extern "C" void* memset(void* dst, int c, decltype(sizeof 0) n) {
  auto* p = static_cast<volatile unsigned char*>(dst);
  for (decltype(sizeof 0) i = 0; i < n; ++i) p[i] = static_cast<unsigned char>(c);
  return dst;
}
extern "C" void* memcpy(void* dst, const void* src, decltype(sizeof 0) n) {
  auto* p = static_cast<volatile unsigned char*>(dst);
  const auto* q = static_cast<const unsigned char*>(src);
  for (decltype(sizeof 0) i = 0; i < n; ++i) p[i] = q[i];
  return dst;
}
