// The x86-only process calls for <rawsys/process.hpp> (x86-64 and i386):
// the LDT and TLS descriptors (modify_ldt, set_thread_area,
// get_thread_area) and I/O port permissions (ioperm, iopl). They exist only
// when compiling for x86.
#pragma once

#include <stdint.h>

#include "../../syscall.hpp"

namespace rawsys {

// struct user_desc (asm/ldt.h): a segment descriptor as modify_ldt and
// set_thread_area take it. The kernel's bit-fields are the bits of `flags`
// (user_desc_flag), the first field in the lowest bit as GCC and Clang lay
// bit-fields out on x86; asm/ldt.h defines no masks for them.
struct user_desc {
  uint32_t entry_number;  // -1 (0xffffffff): set_thread_area picks a free TLS slot
  uint32_t base_addr;
  uint32_t limit;
  uint32_t flags;
};

// The bits of user_desc::flags.
namespace user_desc_flag {
inline constexpr uint32_t seg_32bit = 1u << 0;
inline constexpr uint32_t contents_shift = 1;  // 2 bits: 0 data, 1 stack, 2 code
inline constexpr uint32_t read_exec_only = 1u << 3;
inline constexpr uint32_t limit_in_pages = 1u << 4;
inline constexpr uint32_t seg_not_present = 1u << 5;
inline constexpr uint32_t useable = 1u << 6;
inline constexpr uint32_t lm = 1u << 7;  // x86-64 only: a 64-bit code segment
}  // namespace user_desc_flag

// modify_ldt(2): int modify_ldt(int func, void *ptr, unsigned long bytecount);
// func 0 reads the LDT (returns the bytes read), 1 and 0x11 write one entry
// (ptr: a user_desc), 2 reads the default LDT. The kernel returns an int
// (on x86-64 zero-extended, so -ENOSYS arrives as 0xffffffda): its low 32
// bits are the value or -errno.
template <class = void>
inline result<int> modify_ldt(int func, void* ptr, unsigned long bytecount) noexcept {
  const auto v = static_cast<int>(raw::syscall(static_cast<long>(nr::modify_ldt), func, ptr, bytecount));
  if (v < 0 && v >= -4095) return unexpected(static_cast<errc>(-v));
  return v;
}

// set_thread_area(2): int set_thread_area(struct user_desc *u_info);
// With entry_number -1 the kernel picks a free TLS slot and writes its
// number back.
template <class = void>
inline result<void> set_thread_area(user_desc* u_info) noexcept {
  return detail::as_void(syscall(nr::set_thread_area, u_info));
}

// get_thread_area(2): int get_thread_area(struct user_desc *u_info);
// Reads the TLS slot u_info->entry_number.
template <class = void>
inline result<void> get_thread_area(user_desc* u_info) noexcept {
  return detail::as_void(syscall(nr::get_thread_area, u_info));
}

// ioperm(2): int ioperm(unsigned long from, unsigned long num, int turn_on);
// Ports from..from+num-1 (below 0x10000) for the calling thread.
template <class = void>
inline result<void> ioperm(unsigned long from, unsigned long num, int turn_on) noexcept {
  return detail::as_void(syscall(nr::ioperm, from, num, turn_on));
}

// iopl(2): int iopl(int level);
// The I/O privilege level, 0..3 (Linux 5.5+ emulates 3 with an ioperm
// bitmap of every port).
template <class = void>
inline result<void> iopl(int level) noexcept {
  return detail::as_void(syscall(nr::iopl, level));
}

}  // namespace rawsys
