// arch_prctl(2), which only x86 has (x86-64 and i386), for
// <rawsys/process.hpp>: rawsys::arch_prctl and its codes exist only when
// compiling for x86.
#pragma once

#include "../../syscall.hpp"

namespace rawsys {

// ARCH_*: arch_prctl codes.
enum class arch_prctl_code : int {
  set_gs = 0x1001, set_fs = 0x1002, get_fs = 0x1003, get_gs = 0x1004,
  get_cpuid = 0x1011, set_cpuid = 0x1012,
  get_xcomp_supp = 0x1021, get_xcomp_perm = 0x1022, req_xcomp_perm = 0x1023,
  get_xcomp_guest_perm = 0x1024, req_xcomp_guest_perm = 0x1025,
  map_vdso_x32 = 0x2001, map_vdso_32 = 0x2002, map_vdso_64 = 0x2003,
  get_untag_mask = 0x4001, enable_tagged_addr = 0x4002, get_max_tag_bits = 0x4003,
  force_tagged_sva = 0x4004,
  shstk_enable = 0x5001, shstk_disable = 0x5002, shstk_lock = 0x5003,
  shstk_unlock = 0x5004, shstk_status = 0x5005,
};

// arch_prctl(2): int arch_prctl(int code, unsigned long addr);
// x86-64 takes every code; i386 only the CPUID, XCOMP and vDSO codes (the
// FS/GS ones are EINVAL there). The value is 0 or, for get_cpuid, the
// setting.
template <class = void>
inline result<long> arch_prctl(arch_prctl_code code, unsigned long addr) noexcept {
  return syscall(nr::arch_prctl, code, addr);
}

// arch_prctl(2): with a pointer (get_fs and get_gs store through it).
template <class T>
inline result<long> arch_prctl(arch_prctl_code code, T* addr) noexcept {
  return arch_prctl(code, reinterpret_cast<unsigned long>(addr));
}

}  // namespace rawsys
