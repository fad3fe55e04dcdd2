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
inline constexpr flags none{0x0};
inline constexpr flags read{0x1};
inline constexpr flags write{0x2};
inline constexpr flags exec{0x4};
inline constexpr flags sem{0x8};
#if defined(__aarch64__)
inline constexpr flags bti{0x10};  // branch target identification
inline constexpr flags mte{0x20};  // memory tagging
#endif
inline constexpr flags growsdown{0x01000000};
inline constexpr flags growsup{0x02000000};
}  // namespace prot

// MAP_*: the mapping's type (exactly one of shared, private_, shared_validate)
// and modifiers. The same numbers on all three architectures except the
// x86-only placement flags.
namespace map {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags shared{0x01};
inline constexpr flags private_{0x02};
inline constexpr flags shared_validate{0x03};  // shared, and EOPNOTSUPP for unknown flags
inline constexpr flags droppable{0x08};        // Linux 6.11
inline constexpr flags type{0x0f};             // the mask of the three above
inline constexpr flags fixed{0x10};
inline constexpr flags anonymous{0x20};
#if defined(__x86_64__) || defined(__i386__)
inline constexpr flags _32bit{0x40};    // MAP_32BIT: in the first 2 GiB (x86-64 processes)
inline constexpr flags above4g{0x80};   // Linux 6.8
#endif
inline constexpr flags growsdown{0x0100};
inline constexpr flags denywrite{0x0800};
inline constexpr flags executable{0x1000};
inline constexpr flags locked{0x2000};
inline constexpr flags noreserve{0x4000};
inline constexpr flags populate{0x8000};
inline constexpr flags nonblock{0x10000};
inline constexpr flags stack{0x20000};
inline constexpr flags hugetlb{0x40000};
inline constexpr flags sync{0x80000};
inline constexpr flags fixed_noreplace{0x100000};
inline constexpr flags uninitialized{0x4000000};
// With hugetlb: the page size as log2 in bits 26..31 (MAP_HUGE_SHIFT).
inline constexpr flags huge_2mb{21u << 26};
inline constexpr flags huge_1gb{30u << 26};
}  // namespace map

// MADV_*: one piece of advice per madvise call (a value, not a mask).
namespace madv {
enum class advice : int {};
inline constexpr advice normal{0};
inline constexpr advice random{1};
inline constexpr advice sequential{2};
inline constexpr advice willneed{3};
inline constexpr advice dontneed{4};
inline constexpr advice free{8};
inline constexpr advice remove{9};
inline constexpr advice dontfork{10};
inline constexpr advice dofork{11};
inline constexpr advice mergeable{12};
inline constexpr advice unmergeable{13};
inline constexpr advice hugepage{14};
inline constexpr advice nohugepage{15};
inline constexpr advice dontdump{16};
inline constexpr advice dodump{17};
inline constexpr advice wipeonfork{18};
inline constexpr advice keeponfork{19};
inline constexpr advice cold{20};
inline constexpr advice pageout{21};
inline constexpr advice populate_read{22};
inline constexpr advice populate_write{23};
inline constexpr advice dontneed_locked{24};
inline constexpr advice collapse{25};
inline constexpr advice hwpoison{100};
inline constexpr advice soft_offline{101};
}  // namespace madv

// MREMAP_*. The namespace is `remap` because `mremap` names the function.
namespace remap {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags none{0};
inline constexpr flags maymove{1};
inline constexpr flags fixed{2};
inline constexpr flags dontunmap{4};
}  // namespace remap

// MS_*: msync's mode.
namespace ms {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags async{1};
inline constexpr flags invalidate{2};
inline constexpr flags sync{4};
}  // namespace ms

// MFD_*: memfd_create's flags.
namespace mfd {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags none{0};
inline constexpr flags cloexec{0x1};
inline constexpr flags allow_sealing{0x2};
inline constexpr flags hugetlb{0x4};
inline constexpr flags noexec_seal{0x8};  // Linux 6.3
inline constexpr flags exec{0x10};        // Linux 6.3
}  // namespace mfd

namespace detail {
inline result<void*> as_ptr(result<long> r) noexcept {
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
