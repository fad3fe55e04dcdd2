// Memory: mappings, protection, advice, locking, residency, the program
// break and anonymous files (mmap(2), mprotect(2), madvise(2), mremap(2),
// msync(2), mlock(2), mincore(2), brk(2), memfd_create(2)).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "sys.hpp"
#include "syscall.hpp"

namespace rawsys {

// PROT_*: what a mapping allows.
namespace prot {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags none{uapi::prot_none};
inline constexpr flags read{uapi::prot_read};
inline constexpr flags write{uapi::prot_write};
inline constexpr flags exec{uapi::prot_exec};
inline constexpr flags sem{uapi::prot_sem};
inline constexpr auto bti = flag_if<flags>(uapi::prot_bti);  // arm64: branch target identification
inline constexpr auto mte = flag_if<flags>(uapi::prot_mte);  // arm64: memory tagging
inline constexpr flags growsdown{uapi::prot_growsdown};
inline constexpr flags growsup{uapi::prot_growsup};
}  // namespace prot

// MAP_*: the mapping's type (exactly one of shared, private_, shared_validate)
// and modifiers. Most modifiers differ on mips (anonymous 0x800), some on ppc64.
namespace map {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags shared{uapi::map_shared};
inline constexpr flags private_{uapi::map_private};
// shared, and EOPNOTSUPP for unknown flags:
inline constexpr flags shared_validate{uapi::map_shared_validate};
inline constexpr flags droppable{uapi::map_droppable};  // Linux 6.11
inline constexpr flags type{uapi::map_type};  // the mask of the three above
inline constexpr flags fixed{uapi::map_fixed};
inline constexpr flags anonymous{uapi::map_anonymous};
// x86 only: MAP_32BIT (in the first 2 GiB, for x86-64 processes) and
// MAP_ABOVE4G (Linux 6.8).
inline constexpr auto _32bit = flag_if<flags>(uapi::map_32bit);
inline constexpr auto above4g = flag_if<flags>(uapi::map_above4g);
inline constexpr flags growsdown{uapi::map_growsdown};
inline constexpr flags denywrite{uapi::map_denywrite};
inline constexpr flags executable{uapi::map_executable};
inline constexpr flags locked{uapi::map_locked};
inline constexpr flags noreserve{uapi::map_noreserve};
inline constexpr flags populate{uapi::map_populate};
inline constexpr flags nonblock{uapi::map_nonblock};
inline constexpr flags stack{uapi::map_stack};
inline constexpr flags hugetlb{uapi::map_hugetlb};
inline constexpr auto sync = flag_if<flags>(uapi::map_sync);  // not on mips
inline constexpr flags fixed_noreplace{uapi::map_fixed_noreplace};
inline constexpr auto uninitialized = flag_if<flags>(uapi::map_uninitialized);  // not on mips
// With hugetlb: the page size as log2 in bits 26..31 (MAP_HUGE_SHIFT).
inline constexpr flags huge_2mb{uapi::map_huge_2mb};
inline constexpr flags huge_1gb{uapi::map_huge_1gb};
}  // namespace map

// MADV_*: one piece of advice per madvise call (a value, not a mask).
namespace madv {
enum class advice : int {};
inline constexpr advice normal{uapi::madv_normal};
inline constexpr advice random{uapi::madv_random};
inline constexpr advice sequential{uapi::madv_sequential};
inline constexpr advice willneed{uapi::madv_willneed};
inline constexpr advice dontneed{uapi::madv_dontneed};
inline constexpr advice free{uapi::madv_free};
inline constexpr advice remove{uapi::madv_remove};
inline constexpr advice dontfork{uapi::madv_dontfork};
inline constexpr advice dofork{uapi::madv_dofork};
inline constexpr advice mergeable{uapi::madv_mergeable};
inline constexpr advice unmergeable{uapi::madv_unmergeable};
inline constexpr advice hugepage{uapi::madv_hugepage};
inline constexpr advice nohugepage{uapi::madv_nohugepage};
inline constexpr advice dontdump{uapi::madv_dontdump};
inline constexpr advice dodump{uapi::madv_dodump};
inline constexpr advice wipeonfork{uapi::madv_wipeonfork};
inline constexpr advice keeponfork{uapi::madv_keeponfork};
inline constexpr advice cold{uapi::madv_cold};
inline constexpr advice pageout{uapi::madv_pageout};
inline constexpr advice populate_read{uapi::madv_populate_read};
inline constexpr advice populate_write{uapi::madv_populate_write};
inline constexpr advice dontneed_locked{uapi::madv_dontneed_locked};
inline constexpr advice collapse{uapi::madv_collapse};
inline constexpr advice hwpoison{uapi::madv_hwpoison};
inline constexpr auto soft_offline = flag_if<advice>(uapi::madv_soft_offline);  // not on mips
}  // namespace madv

// MREMAP_*. The namespace is `remap` because `mremap` names the function.
namespace remap {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags none{0};
inline constexpr flags maymove{uapi::mremap_maymove};
inline constexpr flags fixed{uapi::mremap_fixed};
inline constexpr flags dontunmap{uapi::mremap_dontunmap};
}  // namespace remap

// MS_*: msync's mode.
namespace ms {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags async{uapi::ms_async};
inline constexpr flags invalidate{uapi::ms_invalidate};
inline constexpr flags sync{uapi::ms_sync};
}  // namespace ms

// MFD_*: memfd_create's flags.
namespace mfd {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags none{0};
inline constexpr flags cloexec{uapi::mfd_cloexec};
inline constexpr flags allow_sealing{uapi::mfd_allow_sealing};
inline constexpr flags hugetlb{uapi::mfd_hugetlb};
inline constexpr flags noexec_seal{uapi::mfd_noexec_seal};  // Linux 6.3
inline constexpr flags exec{uapi::mfd_exec};  // Linux 6.3
}  // namespace mfd

namespace detail {
inline result<void*> as_ptr(const result<long>& r) noexcept {
  if (!r) return unexpected(r.error());
  return reinterpret_cast<void*>(static_cast<unsigned long>(*r));
}
}  // namespace detail

// mmap(2): void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
// The offset is in bytes on every ISA. 32-bit ISAs call mmap2, which takes
// it in 4096-byte units: an offset that is not a multiple of 4096, or 2^44 or
// more (which mmap2 would silently truncate), is EINVAL before any call, as
// in glibc. A 32-bit address above 2 GiB is a value, not an error. s390x's
// mmap takes one pointer to the six arguments.
inline result<void*> mmap(void* addr, size_t length, prot::flags prot, map::flags flags, fd f = fd(-1), uint64_t offset = 0) noexcept {
  if constexpr (abi::mmap == abi::mmap_kind::pages) {
    if ((offset & 4095) != 0 || (offset >> 44) != 0) return unexpected(errc::einval);
    return detail::as_ptr(syscall(sys::mmap, addr, length, prot, flags, f.get(),
                                  static_cast<unsigned long>(offset >> 12)));
  } else if constexpr (abi::mmap == abi::mmap_kind::argblock) {
    const unsigned long block[6] = {reinterpret_cast<unsigned long>(addr), length, bits(prot), bits(flags),
                                    static_cast<unsigned long>(f.get()), static_cast<unsigned long>(offset)};
    return detail::as_ptr(syscall(sys::mmap, block));
  } else {
    return detail::as_ptr(syscall(sys::mmap, addr, length, prot, flags, f.get(), static_cast<unsigned long>(offset)));
  }
}

// munmap(2): int munmap(void *addr, size_t length);
inline result<void> munmap(void* addr, size_t length) noexcept {
  return detail::as_void(syscall(nr::munmap, addr, length));
}

// mprotect(2): int mprotect(void *addr, size_t len, int prot);
inline result<void> mprotect(void* addr, size_t length, prot::flags prot) noexcept {
  return detail::as_void(syscall(nr::mprotect, addr, length, prot));
}

// madvise(2): int madvise(void *addr, size_t length, int advice);
inline result<void> madvise(void* addr, size_t length, madv::advice advice) noexcept {
  return detail::as_void(syscall(nr::madvise, addr, length, advice));
}

// mremap(2): void *mremap(void *old_address, size_t old_size, size_t new_size, int flags, ... /* void *new_address */);
// new_address is read only with remap::fixed.
inline result<void*> mremap(void* old_address, size_t old_size, size_t new_size, remap::flags flags, void* new_address = nullptr) noexcept {
  return detail::as_ptr(syscall(nr::mremap, old_address, old_size, new_size, flags, new_address));
}

// msync(2): int msync(void *addr, size_t length, int flags);
inline result<void> msync(void* addr, size_t length, ms::flags flags) noexcept {
  return detail::as_void(syscall(nr::msync, addr, length, flags));
}

// mlock(2): int mlock(const void *addr, size_t len);
inline result<void> mlock(const void* addr, size_t length) noexcept {
  return detail::as_void(syscall(nr::mlock, addr, length));
}

// munlock(2): int munlock(const void *addr, size_t len);
inline result<void> munlock(const void* addr, size_t length) noexcept {
  return detail::as_void(syscall(nr::munlock, addr, length));
}

// mincore(2): int mincore(void *addr, size_t length, unsigned char *vec);
// vec gets one byte per page of [addr, addr + length); bit 0 is "resident".
inline result<void> mincore(void* addr, size_t length, unsigned char* vec) noexcept {
  return detail::as_void(syscall(nr::mincore, addr, length, vec));
}

// brk(2): the kernel's call, not glibc's: void *brk(void *addr);
// Returns the break after the call. It never reports an error: when it cannot
// move the break (or addr is null, which asks for the current one) it returns
// the old break, so success means "the result equals addr".
inline void* brk(void* addr) noexcept {
  return reinterpret_cast<void*>(static_cast<unsigned long>(raw::syscall(static_cast<long>(nr::brk), addr)));
}

// memfd_create(2): int memfd_create(const char *name, unsigned int flags);
inline result<unique_fd> memfd_create(const char* name, mfd::flags flags) noexcept {
  return detail::as_fd(syscall(nr::memfd_create, name, flags));
}

}  // namespace rawsys
