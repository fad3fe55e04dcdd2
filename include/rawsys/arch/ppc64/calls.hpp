// The call only 64-bit PowerPC has that a program makes through a wrapper,
// for <rawsys/process.hpp>: subpage_prot. (switch_endian, swapcontext,
// sys_debug_setcontext, rtas, spu_create and spu_run have none: see
// tools/gen_coverage.py.) It exists only when compiling for ppc64le.
#pragma once

#include <stdint.h>

#include "../../fd.hpp"
#include "../../syscall.hpp"

namespace rawsys {

// subpage_prot(2): int subpage_prot(unsigned long addr, unsigned long len, uint32_t *map);
// Denies writes to 4 KiB pieces of 64 KiB pages in [addr, addr+len): one
// word of map per page, one bit per piece; map null clears it. Only on the
// hash MMU with 64 KiB pages (CONFIG_PPC_SUBPAGE_PROT): ENOENT on a radix
// MMU, ENOSYS without it; EINVAL for an unaligned or out-of-range span.
inline result<void> subpage_prot(void* addr, unsigned long length, uint32_t* map) noexcept {
  return detail::as_void(syscall(nr::subpage_prot, addr, length, map));
}

}  // namespace rawsys
