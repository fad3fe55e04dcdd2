// Memory: mappings, protection, advice, locking, residency, the program
// break and anonymous files (mmap(2), mprotect(2), madvise(2), mremap(2),
// msync(2), mlock(2), mincore(2), brk(2), memfd_create(2)); whole-process
// locking (mlockall(2)), another process's memory (process_madvise(2),
// process_mrelease(2)), secret and sealed memory (memfd_secret(2),
// mseal(2)), protection keys (pkey_alloc(2)), NUMA policy (mbind(2),
// get_mempolicy(2), set_mempolicy(2), set_mempolicy_home_node(2),
// migrate_pages(2), move_pages(2)),
// userfaultfd(2), map_shadow_stack(2) and page cache statistics
// (cachestat(2)).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "detail/mmap.hpp"
#include "fd.hpp"
#include "sys.hpp"
#include "syscall.hpp"
#include "types.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_MEMORY
#include "arch/native_uapi.hpp"

namespace rawsys {

// PROT_*: what a mapping allows.
namespace prot {
enum class flags : unsigned {
  none = uapi::prot_none,
  read = uapi::prot_read,
  write = uapi::prot_write,
  exec = uapi::prot_exec,
  sem = uapi::prot_sem,
};
RAWSYS_BITMASK(flags)
using enum flags;
inline constexpr auto bti = flag_if<flags>(uapi::prot_bti);  // arm64: branch target identification
inline constexpr auto mte = flag_if<flags>(uapi::prot_mte);  // arm64: memory tagging
inline constexpr flags growsdown{uapi::prot_growsdown};
inline constexpr flags growsup{uapi::prot_growsup};
}  // namespace prot

// MAP_*: the mapping's type (exactly one of shared, private_, shared_validate)
// and modifiers. Most modifiers differ on mips (anonymous 0x800), some on ppc64.
namespace map {
enum class flags : unsigned {
  shared = uapi::map_shared,
  private_ = uapi::map_private,
  // shared, and EOPNOTSUPP for unknown flags:
  shared_validate = uapi::map_shared_validate,
  droppable = uapi::map_droppable,  // Linux 6.11
  type = uapi::map_type,  // the mask of the three above
  fixed = uapi::map_fixed,
  anonymous = uapi::map_anonymous,
};
RAWSYS_BITMASK(flags)
using enum flags;
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
enum class advice : int {
  normal = uapi::madv_normal,
  random = uapi::madv_random,
  sequential = uapi::madv_sequential,
  willneed = uapi::madv_willneed,
  dontneed = uapi::madv_dontneed,
  free = uapi::madv_free,
  remove = uapi::madv_remove,
  dontfork = uapi::madv_dontfork,
  dofork = uapi::madv_dofork,
  mergeable = uapi::madv_mergeable,
  unmergeable = uapi::madv_unmergeable,
  hugepage = uapi::madv_hugepage,
  nohugepage = uapi::madv_nohugepage,
  dontdump = uapi::madv_dontdump,
  dodump = uapi::madv_dodump,
  wipeonfork = uapi::madv_wipeonfork,
  keeponfork = uapi::madv_keeponfork,
  cold = uapi::madv_cold,
  pageout = uapi::madv_pageout,
  populate_read = uapi::madv_populate_read,
  populate_write = uapi::madv_populate_write,
  dontneed_locked = uapi::madv_dontneed_locked,
  collapse = uapi::madv_collapse,
  hwpoison = uapi::madv_hwpoison,
};
using enum advice;
inline constexpr auto soft_offline = flag_if<advice>(uapi::madv_soft_offline);  // not on mips
}  // namespace madv

// MREMAP_*. The namespace is `remap` because `mremap` names the function.
namespace remap {
enum class flags : unsigned {
  none = 0,
  maymove = uapi::mremap_maymove,
  fixed = uapi::mremap_fixed,
  dontunmap = uapi::mremap_dontunmap,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace remap

// MS_*: msync's mode.
namespace ms {
enum class flags : unsigned {
  async = uapi::ms_async,
  invalidate = uapi::ms_invalidate,
  sync = uapi::ms_sync,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace ms

// MFD_*: memfd_create's flags.
namespace mfd {
enum class flags : unsigned {
  none = 0,
  cloexec = uapi::mfd_cloexec,
  allow_sealing = uapi::mfd_allow_sealing,
  hugetlb = uapi::mfd_hugetlb,
  noexec_seal = uapi::mfd_noexec_seal,  // Linux 6.3
  exec = uapi::mfd_exec,  // Linux 6.3
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace mfd

// MCL_*: mlockall's flags.
namespace mcl {
enum class flags : unsigned {
  current = uapi::mcl_current,
  future = uapi::mcl_future,
  onfault = uapi::mcl_onfault,  // with current or future
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace mcl

// MLOCK_*: mlock2's flags (mlock_flags::, as `mlock` names the function).
namespace mlock_flags {
enum class flags : unsigned {
  none = 0,
  onfault = uapi::mlock_onfault,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace mlock_flags

// memfd_secret's flags: O_CLOEXEC is the only one.
namespace secretmem {
enum class flags : unsigned {
  none = 0,
  cloexec = uapi::o_cloexec,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace secretmem

// PKEY_DISABLE_*: a protection key's access rights (pkey_alloc).
namespace pkey {
enum class rights : unsigned {
  none = 0,
  disable_access = uapi::pkey_disable_access,
  disable_write = uapi::pkey_disable_write,
};
RAWSYS_BITMASK(rights)
using enum rights;
inline constexpr auto disable_execute = flag_if<rights>(uapi::pkey_disable_execute);  // ppc64 only
}  // namespace pkey

// MPOL_*: a NUMA memory policy. mode: one of the modes, or-ed with at most
// one of static_nodes, relative_nodes (and numa_balancing with bind or
// preferred_many); get: get_mempolicy's flags; mf: mbind's and
// move_pages's flags (none: mpol::get{}, mpol::mf{}).
namespace mpol {
enum class mode : int {
  default_ = uapi::mpol_default,
  preferred = uapi::mpol_preferred,
  bind = uapi::mpol_bind,
  interleave = uapi::mpol_interleave,
  local = uapi::mpol_local,
  preferred_many = uapi::mpol_preferred_many,              // Linux 5.15
  weighted_interleave = uapi::mpol_weighted_interleave,    // Linux 6.9
  static_nodes = uapi::mpol_f_static_nodes,
  relative_nodes = uapi::mpol_f_relative_nodes,
  numa_balancing = uapi::mpol_f_numa_balancing,
};
RAWSYS_BITMASK(mode)
using enum mode;

enum class get : unsigned {
  node = uapi::mpol_f_node,
  addr = uapi::mpol_f_addr,
  mems_allowed = uapi::mpol_f_mems_allowed,
};
RAWSYS_BITMASK(get)
using enum get;

enum class mf : unsigned {
  strict = uapi::mpol_mf_strict,
  move = uapi::mpol_mf_move,
  move_all = uapi::mpol_mf_move_all,
};
RAWSYS_BITMASK(mf)
using enum mf;
}  // namespace mpol

// userfaultfd's flags (O_CLOEXEC, O_NONBLOCK, UFFD_USER_MODE_ONLY) and the
// UFFD_FEATURE_* bits of its UFFDIO_API handshake (none: uffd::features{}).
namespace uffd {
enum class flags : unsigned {
  none = 0,
  cloexec = uapi::o_cloexec,
  nonblock = uapi::o_nonblock,
  user_mode_only = uapi::uffd_user_mode_only,  // Linux 5.11
};
RAWSYS_BITMASK(flags)
using enum flags;

enum class features : uint64_t {
  pagefault_flag_wp = uapi::uffd_feature_pagefault_flag_wp,
  event_fork = uapi::uffd_feature_event_fork,
  event_remap = uapi::uffd_feature_event_remap,
  event_remove = uapi::uffd_feature_event_remove,
  missing_hugetlbfs = uapi::uffd_feature_missing_hugetlbfs,
  missing_shmem = uapi::uffd_feature_missing_shmem,
  event_unmap = uapi::uffd_feature_event_unmap,
  sigbus = uapi::uffd_feature_sigbus,
  thread_id = uapi::uffd_feature_thread_id,
  minor_hugetlbfs = uapi::uffd_feature_minor_hugetlbfs,
  minor_shmem = uapi::uffd_feature_minor_shmem,
  exact_address = uapi::uffd_feature_exact_address,
  wp_hugetlbfs_shmem = uapi::uffd_feature_wp_hugetlbfs_shmem,
  wp_unpopulated = uapi::uffd_feature_wp_unpopulated,
  poison = uapi::uffd_feature_poison,
  wp_async = uapi::uffd_feature_wp_async,
  move = uapi::uffd_feature_move,
};
RAWSYS_BITMASK(features)
using enum features;

// UFFD_API: the protocol version UFFDIO_API asks for.
inline constexpr uint64_t api = uapi::uffd_api;
}  // namespace uffd

// The kernel's struct uffdio_api (named apart from the ioctl request
// UFFDIO_API): the handshake's argument and answer.
using uffdio_api_t = uapi::uffdio_api_t;

// SHADOW_STACK_*: map_shadow_stack's flags (x86 only; 0 elsewhere).
namespace shadow_stack {
enum class flags : unsigned {
  none = 0,
};
RAWSYS_BITMASK(flags)
using enum flags;
inline constexpr auto set_token = flag_if<flags>(uapi::shadow_stack_set_token);  // x86 only
}  // namespace shadow_stack

// The kernel's struct cachestat_range (the byte range to ask about; len 0:
// to the end of the file) and struct cachestat (named cachestat_t so the
// function keeps its name), 64-bit counts of pages on every ISA.
using cachestat_range = uapi::cachestat_range;
using cachestat_t = uapi::cachestat;

// mmap(2): void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
// The offset is in bytes on every ISA; how each ABI takes it (mmap2's pages,
// s390x's argument block, EINVAL as glibc gives it) is in detail/mmap.hpp.
template <class = void>
inline result<void*> mmap(void* addr, size_t length, prot::flags prot, map::flags flags, fd f = fd(-1), uint64_t offset = 0) noexcept {
  return detail::mmap<sys::mmap>(addr, length, prot, flags, f.get(), offset);
}

// munmap(2): int munmap(void *addr, size_t length);
template <class = void>
inline result<void> munmap(void* addr, size_t length) noexcept {
  return detail::as_void(syscall(nr::munmap, addr, length));
}

// mprotect(2): int mprotect(void *addr, size_t len, int prot);
template <class = void>
inline result<void> mprotect(void* addr, size_t length, prot::flags prot) noexcept {
  return detail::as_void(syscall(nr::mprotect, addr, length, prot));
}

// madvise(2): int madvise(void *addr, size_t length, int advice);
template <class = void>
inline result<void> madvise(void* addr, size_t length, madv::advice advice) noexcept {
  return detail::as_void(syscall(nr::madvise, addr, length, advice));
}

// mremap(2): void *mremap(void *old_address, size_t old_size, size_t new_size, int flags, ... /* void *new_address */);
// new_address is read only with remap::fixed.
template <class = void>
inline result<void*> mremap(void* old_address, size_t old_size, size_t new_size, remap::flags flags, void* new_address = nullptr) noexcept {
  return detail::as_ptr(syscall(nr::mremap, old_address, old_size, new_size, flags, new_address));
}

// msync(2): int msync(void *addr, size_t length, int flags);
template <class = void>
inline result<void> msync(void* addr, size_t length, ms::flags flags) noexcept {
  return detail::as_void(syscall(nr::msync, addr, length, flags));
}

// mlock(2): int mlock(const void *addr, size_t len);
template <class = void>
inline result<void> mlock(const void* addr, size_t length) noexcept {
  return detail::as_void(syscall(nr::mlock, addr, length));
}

// munlock(2): int munlock(const void *addr, size_t len);
template <class = void>
inline result<void> munlock(const void* addr, size_t length) noexcept {
  return detail::as_void(syscall(nr::munlock, addr, length));
}

// mincore(2): int mincore(void *addr, size_t length, unsigned char *vec);
// vec gets one byte per page of [addr, addr + length); bit 0 is "resident".
template <class = void>
inline result<void> mincore(void* addr, size_t length, unsigned char* vec) noexcept {
  return detail::as_void(syscall(nr::mincore, addr, length, vec));
}

// brk(2): the kernel's call, not glibc's: void *brk(void *addr);
// Returns the break after the call. It never reports an error: when it cannot
// move the break (or addr is null, which asks for the current one) it returns
// the old break, so success means "the result equals addr".
template <class = void>
inline void* brk(void* addr) noexcept {
  return reinterpret_cast<void*>(static_cast<unsigned long>(raw::syscall(static_cast<long>(nr::brk), addr)));
}

// memfd_create(2): int memfd_create(const char *name, unsigned int flags);
template <class = void>
inline result<unique_fd> memfd_create(const char* name, mfd::flags flags) noexcept {
  return detail::as_fd(syscall(nr::memfd_create, name, flags));
}

// mlockall(2): int mlockall(int flags);
// Locks every page of the process; it stays until munlockall or exit.
template <class = void>
inline result<void> mlockall(mcl::flags flags) noexcept {
  return detail::as_void(syscall(nr::mlockall, flags));
}

// munlockall(2): int munlockall(void);
template <class = void>
inline result<void> munlockall() noexcept {
  return detail::as_void(syscall(nr::munlockall));
}

// mlock2(2): int mlock2(const void *addr, size_t len, unsigned int flags);
// Linux 4.4. mlock_flags::onfault locks pages as they fault in.
template <class = void>
inline result<void> mlock2(const void* addr, size_t length, mlock_flags::flags flags) noexcept {
  return detail::as_void(syscall(nr::mlock2, addr, length, flags));
}

// process_madvise(2): ssize_t process_madvise(int pidfd, const struct iovec *iovec, size_t vlen, int advice, unsigned int flags);
// Advice on another process's ranges (pidfd from pidfd_open); returns the
// bytes advised. flags must be 0. Linux 5.10.
template <class = void>
inline result<size_t> process_madvise(fd pidfd, const iovec* iov, size_t vlen, madv::advice advice, unsigned flags = 0) noexcept {
  return detail::as_count<size_t>(syscall(nr::process_madvise, pidfd.get(), iov, vlen, advice, flags));
}

// process_mrelease(2): int process_mrelease(int pidfd, unsigned int flags);
// Frees the memory of a process that is being killed (SIGKILL sent);
// EINVAL for a live one. flags must be 0. Linux 5.15.
template <class = void>
inline result<void> process_mrelease(fd pidfd, unsigned flags = 0) noexcept {
  return detail::as_void(syscall(nr::process_mrelease, pidfd.get(), flags));
}

// memfd_secret(2): int memfd_secret(unsigned int flags);
// A file whose pages only this process maps (Linux 5.14; ENOSYS unless the
// kernel was booted with secretmem enabled). ENOSYS where the ISA has no
// such call (arm, ppc64, mips, loongarch64).
template <class = void>
inline result<unique_fd> memfd_secret(secretmem::flags flags) noexcept {
  if constexpr (sys::has(sys::memfd_secret)) {
    return detail::as_fd(syscall(sys::memfd_secret, flags));
  } else {
    (void)flags;
    return unexpected(errc::enosys);
  }
}

// mseal(2): int mseal(void *addr, size_t len, unsigned long flags);
// Seals [addr, addr + len): no later munmap, mprotect, mremap or mmap over
// it succeeds (EPERM) until exit. flags must be 0. Linux 6.10 on 64-bit
// ISAs, later on 32-bit ones; ENOSYS from a kernel without it.
template <class = void>
inline result<void> mseal(void* addr, size_t length, unsigned long flags = 0) noexcept {
  return detail::as_void(syscall(nr::mseal, addr, length, flags));
}

// pkey_alloc(2): int pkey_alloc(unsigned int flags, unsigned int access_rights);
// Returns the new key. flags must be 0. ENOSPC where the CPU has no keys
// (or none is left); EINVAL for rights the ISA lacks.
template <class = void>
inline result<int> pkey_alloc(unsigned flags, pkey::rights access_rights) noexcept {
  return detail::as_count<int>(syscall(nr::pkey_alloc, flags, access_rights));
}

// pkey_free(2): int pkey_free(int pkey);
template <class = void>
inline result<void> pkey_free(int key) noexcept {
  return detail::as_void(syscall(nr::pkey_free, key));
}

// pkey_mprotect(2): int pkey_mprotect(void *addr, size_t len, int prot, int pkey);
// As mprotect, also tagging the pages with key (-1: as mprotect).
template <class = void>
inline result<void> pkey_mprotect(void* addr, size_t length, prot::flags prot, int key) noexcept {
  return detail::as_void(syscall(nr::pkey_mprotect, addr, length, prot, key));
}

// Node masks are arrays of unsigned long, maxnode the number of bits the
// kernel reads (or writes) of them. Without NUMA support the calls are ENOSYS.

// mbind(2): long mbind(void *addr, unsigned long len, int mode, const unsigned long *nodemask, unsigned long maxnode, unsigned int flags);
template <class = void>
inline result<void> mbind(void* addr, unsigned long length, mpol::mode mode, const unsigned long* nodemask,
                          unsigned long maxnode, mpol::mf flags) noexcept {
  return detail::as_void(syscall(nr::mbind, addr, length, mode, nodemask, maxnode, flags));
}

// get_mempolicy(2): long get_mempolicy(int *mode, unsigned long *nodemask, unsigned long maxnode, void *addr, unsigned long flags);
// *mode gets the policy (an mpol::mode, or a node number with mpol::node).
template <class = void>
inline result<void> get_mempolicy(int* mode, unsigned long* nodemask, unsigned long maxnode, void* addr, mpol::get flags) noexcept {
  return detail::as_void(syscall(nr::get_mempolicy, mode, nodemask, maxnode, addr, flags));
}

// set_mempolicy(2): long set_mempolicy(int mode, const unsigned long *nodemask, unsigned long maxnode);
template <class = void>
inline result<void> set_mempolicy(mpol::mode mode, const unsigned long* nodemask, unsigned long maxnode) noexcept {
  return detail::as_void(syscall(nr::set_mempolicy, mode, nodemask, maxnode));
}

// set_mempolicy_home_node(2): long set_mempolicy_home_node(unsigned long start, unsigned long len, unsigned long home_node, unsigned long flags);
// Linux 5.17. The node to allocate from first, for the mappings in
// [addr, addr+length) that have an mpol::bind or mpol::preferred_many policy
// (mbind); EOPNOTSUPP for a range with another policy, EINVAL for a node
// that is not online or flags other than 0.
template <class = void>
inline result<void> set_mempolicy_home_node(void* addr, unsigned long length, unsigned long home_node,
                                            unsigned long flags = 0) noexcept {
  return detail::as_void(syscall(nr::set_mempolicy_home_node, addr, length, home_node, flags));
}

// migrate_pages(2): long migrate_pages(int pid, unsigned long maxnode, const unsigned long *old_nodes, const unsigned long *new_nodes);
// Returns the number of pages that could not be moved.
template <class = void>
inline result<unsigned long> migrate_pages(int pid, unsigned long maxnode, const unsigned long* old_nodes, const unsigned long* new_nodes) noexcept {
  return detail::as_count<unsigned long>(syscall(nr::migrate_pages, pid, maxnode, old_nodes, new_nodes));
}

// move_pages(2): long move_pages(int pid, unsigned long count, void **pages, const int *nodes, int *status, int flags);
// nodes null: only reports each page's node (or -errno) in status. Returns
// the number of pages not moved. flags: mpol::move or mpol::move_all.
template <class = void>
inline result<unsigned long> move_pages(int pid, unsigned long count, void** pages, const int* nodes, int* status, mpol::mf flags) noexcept {
  return detail::as_count<unsigned long>(syscall(nr::move_pages, pid, count, pages, nodes, status, flags));
}

// userfaultfd(2): int userfaultfd(int flags);
// Linux 4.3. Unprivileged callers need uffd::user_mode_only or
// vm.unprivileged_userfaultfd (EPERM otherwise). Before use the descriptor
// takes the UFFDIO_API handshake (userfaultfd_api below).
template <class = void>
inline result<unique_fd> userfaultfd(uffd::flags flags) noexcept {
  return detail::as_fd(syscall(nr::userfaultfd, flags));
}

// ioctl(2) UFFDIO_API: int ioctl(int fd, UFFDIO_API, struct uffdio_api *api);
// The handshake: asks for protocol uffd::api with the wanted features;
// returns the kernel's answer (the features and the ioctls it supports).
// EINVAL for a feature it does not have, or a second handshake.
template <class = void>
inline result<uffdio_api_t> userfaultfd_api(fd f, uffd::features features) noexcept {
  uffdio_api_t a{uffd::api, bits(features), 0};
  const result<long> r = syscall(nr::ioctl, f.get(), static_cast<unsigned long>(uapi::uffdio_api), &a);
  if (!r) return unexpected(r.error());
  return a;
}

// map_shadow_stack(2): void *map_shadow_stack(unsigned long addr, unsigned long size, unsigned int flags);
// Maps a shadow stack (x86-64 with user shadow stacks, Linux 6.6); returns
// its address. EOPNOTSUPP without CPU or kernel support, ENOSYS on the ISAs
// whose kernels do not implement it.
template <class = void>
inline result<void*> map_shadow_stack(void* addr, unsigned long size, shadow_stack::flags flags) noexcept {
  return detail::as_ptr(syscall(nr::map_shadow_stack, addr, size, flags));
}

// cachestat(2): int cachestat(unsigned int fd, struct cachestat_range *cstat_range, struct cachestat *cstat, unsigned int flags);
// The page cache state of a file's byte range. flags must be 0. Linux 6.5.
template <class = void>
inline result<cachestat_t> cachestat(fd f, const cachestat_range& range, unsigned flags = 0) noexcept {
  cachestat_t c{};
  const result<long> r = syscall(nr::cachestat, f.get(), &range, &c, flags);
  if (!r) return unexpected(r.error());
  return c;
}

}  // namespace rawsys
