// mmap(2) as the target's ABI takes it (abi::mmap), with untyped flags: the
// one place that knows mmap2's offset in pages and s390x's argument block.
// memory.hpp's typed mmap is this; vdso.hpp maps the getrandom state with it
// without including memory.hpp (which would cost every includer of time.hpp
// the whole memory topic).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "../syscall.hpp"

namespace rawsys::detail {

template <class = void>
inline result<void*> as_ptr(const result<long>& r) noexcept {
  if (!r) return unexpected(r.error());
  return reinterpret_cast<void*>(static_cast<unsigned long>(*r));
}

// The offset is in bytes on every ISA. 32-bit ISAs call mmap2, which takes
// it in 4096-byte units: an offset that is not a multiple of 4096, or 2^44 or
// more (which mmap2 would silently truncate), is EINVAL before any call, as
// in glibc. A 32-bit address above 2 GiB is a value, not an error. s390x's
// mmap takes one pointer to the six arguments.
// Call is sys::mmap, named by the caller so that its body says which system
// call it makes (tools/gen_api_table.py reads the wrappers' bodies).
// Always inlined: the caller's body is then what it was when it held this
// code itself, and the compiler's inlining choices (and the tools' sizes)
// with it.
template <nr Call, class P, class M>
[[gnu::always_inline]] inline result<void*> mmap(void* addr, size_t length, P prot, M flags, int fd, uint64_t offset) noexcept {
  if constexpr (abi::mmap == abi::mmap_kind::pages) {
    if ((offset & 4095) != 0 || (offset >> 44) != 0) return unexpected(errc::einval);
    return as_ptr(syscall(Call, addr, length, prot, flags, fd, static_cast<unsigned long>(offset >> 12)));
  } else if constexpr (abi::mmap == abi::mmap_kind::argblock) {
    const unsigned long block[6] = {reinterpret_cast<unsigned long>(addr), length,
                                    static_cast<unsigned long>(prot),     static_cast<unsigned long>(flags),
                                    static_cast<unsigned long>(fd),       static_cast<unsigned long>(offset)};
    return as_ptr(syscall(Call, block));
  } else {
    return as_ptr(syscall(Call, addr, length, prot, flags, fd, static_cast<unsigned long>(offset)));
  }
}

}  // namespace rawsys::detail
