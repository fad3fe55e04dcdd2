// rawsys::auxv(type): an entry of the auxiliary vector (getauxval(3)), 0 when
// absent. Sources, first that has it: the vector captured at _start by the
// no-libc runtime; libc's getauxval when libc is linked; the kernel
// (PR_GET_AUXV, Linux 6.4+, then /proc/self/auxv). Below the core, reading
// only the arch layer, because an ISA's fast entry may be found here (i386's
// AT_SYSINFO): it calls the instruction directly.
#pragma once

#include "arch/native.hpp"

namespace rawsys {

namespace detail {

// Set by the no-libc runtime's _start: the first (type, value) pair.
inline const unsigned long* startup_auxv = nullptr;

// libc's getauxval when the program links libc, else a null address. A weak
// reference: a strong use of getauxval elsewhere in the program still wins.
static unsigned long libc_getauxval(unsigned long) __attribute__((weakref("getauxval")));

// Straight to the instruction: on i386 this runs while the fast entry is
// still being looked up.
inline long plain_syscall(native_arch::nr n, long a = 0, long b = 0, long c = 0, long d = 0, long e = 0) noexcept {
  return arch::direct::syscall5(static_cast<long>(n), a, b, c, d, e);
}

constexpr unsigned long auxv_scan(const unsigned long* p, unsigned long n, unsigned long type) noexcept {
  for (unsigned long i = 0; i + 1 < n && p[i] != 0; i += 2)
    if (p[i] == type) return p[i + 1];
  return 0;
}

inline unsigned long auxv_from_kernel(unsigned long type) noexcept {
  constexpr unsigned long words = 128;  // 64 pairs; Linux has about 25
  unsigned long buf[words];  // only the bytes the kernel writes are read
  // prctl(PR_GET_AUXV, buf, size, 0, 0) copies the vector and returns its size.
  const long r = plain_syscall(native_arch::nr::prctl, 0x41555856, reinterpret_cast<long>(buf), sizeof buf);
  if (r > 0) {
    const unsigned long bytes = static_cast<unsigned long>(r) < sizeof buf ? static_cast<unsigned long>(r) : sizeof buf;
    return auxv_scan(buf, bytes / sizeof(unsigned long), type);
  }
  // Older kernels: the same bytes from /proc/self/auxv.
  const long fd = plain_syscall(native_arch::nr::openat, -100 /* AT_FDCWD */,
                                reinterpret_cast<long>("/proc/self/auxv"), 0x80000 /* O_CLOEXEC */);
  if (fd < 0) return 0;
  long got = 0;
  char* const bytes = reinterpret_cast<char*>(buf);
  while (got < static_cast<long>(sizeof buf)) {
    const long k = plain_syscall(native_arch::nr::read, fd, reinterpret_cast<long>(bytes + got),
                                 static_cast<long>(sizeof buf) - got);
    if (k == -4 /* EINTR */) continue;
    if (k <= 0) break;
    got += k;
  }
  plain_syscall(native_arch::nr::close, fd);
  return auxv_scan(buf, static_cast<unsigned long>(got) / sizeof(unsigned long), type);
}

// The lookup without the startup vector: libc or the kernel.
inline unsigned long auxv_lookup(unsigned long type) noexcept {
  if (const unsigned long* p = startup_auxv) return auxv_scan(p, ~0ul, type);
  if (libc_getauxval) return libc_getauxval(type);
  return auxv_from_kernel(type);
}

}  // namespace detail

inline unsigned long auxv(unsigned long type) noexcept { return detail::auxv_lookup(type); }

}  // namespace rawsys
