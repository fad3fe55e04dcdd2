// i386 system call entries: number in eax, arguments in ebx, ecx, edx, esi,
// edi, ebp; the result in eax; every other register is preserved. See
// syscall(2), "Architecture calling conventions".
//
// Two ways in, same registers:
//  - int80::syscallN: `int $0x80`, which always works;
//  - entry::syscallN: `call *entry`, where entry is __kernel_vsyscall
//    (AT_SYSINFO), the kernel's fast path (sysenter/syscall).
//
// ebp cannot be named in a constraint and may be the frame pointer, so the
// six-argument forms take n, the sixth argument (and the entry) through a
// block addressed by eax, saving ebp around the call. No operand is read
// relative to esp after a push, so -O0, -fPIC and frame pointers are safe.
#pragma once

namespace rawsys::arch {

namespace int80 {

inline long syscall0(long n) noexcept {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n) : "memory");
  return r;
}

inline long syscall1(long n, long a) noexcept {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a) : "memory");
  return r;
}

inline long syscall2(long n, long a, long b) noexcept {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b) : "memory");
  return r;
}

inline long syscall3(long n, long a, long b, long c) noexcept {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
  return r;
}

inline long syscall4(long n, long a, long b, long c, long d) noexcept {
  long r;
  __asm__ volatile("int $0x80"
                   : "=a"(r)
                   : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d)
                   : "memory");
  return r;
}

inline long syscall5(long n, long a, long b, long c, long d, long e) noexcept {
  long r;
  __asm__ volatile("int $0x80"
                   : "=a"(r)
                   : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                   : "memory");
  return r;
}

inline long syscall6(long n, long a, long b, long c, long d, long e, long f) noexcept {
  long r;
  const long blk[2] = {n, f};
  __asm__ volatile(
      "push %%ebp\n\t"
      "mov 4(%%eax), %%ebp\n\t"
      "mov (%%eax), %%eax\n\t"
      "int $0x80\n\t"
      "pop %%ebp"
      : "=a"(r)
      : "0"(blk), "m"(blk), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
      : "memory");
  return r;
}

}  // namespace int80

namespace entry {

inline long syscall0(long entry, long n) noexcept {
  long r;
  __asm__ volatile("call *%1" : "=a"(r) : "rm"(entry), "a"(n) : "memory");
  return r;
}

inline long syscall1(long entry, long n, long a) noexcept {
  long r;
  __asm__ volatile("call *%1" : "=a"(r) : "rm"(entry), "a"(n), "b"(a) : "memory");
  return r;
}

inline long syscall2(long entry, long n, long a, long b) noexcept {
  long r;
  __asm__ volatile("call *%1" : "=a"(r) : "rm"(entry), "a"(n), "b"(a), "c"(b) : "memory");
  return r;
}

inline long syscall3(long entry, long n, long a, long b, long c) noexcept {
  long r;
  __asm__ volatile("call *%1"
                   : "=a"(r)
                   : "rm"(entry), "a"(n), "b"(a), "c"(b), "d"(c)
                   : "memory");
  return r;
}

inline long syscall4(long entry, long n, long a, long b, long c, long d) noexcept {
  long r;
  __asm__ volatile("call *%1"
                   : "=a"(r)
                   : "rm"(entry), "a"(n), "b"(a), "c"(b), "d"(c), "S"(d)
                   : "memory");
  return r;
}

inline long syscall5(long entry, long n, long a, long b, long c, long d, long e) noexcept {
  long r;
  __asm__ volatile("call *%1"
                   : "=a"(r)
                   : "m"(entry), "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                   : "memory");
  return r;
}

inline long syscall6(long entry, long n, long a, long b, long c, long d, long e, long f) noexcept {
  long r;
  const long blk[3] = {n, f, entry};
  __asm__ volatile(
      "push %%ebp\n\t"
      "mov 4(%%eax), %%ebp\n\t"
      "push 8(%%eax)\n\t"
      "mov (%%eax), %%eax\n\t"
      "call *(%%esp)\n\t"
      "add $4, %%esp\n\t"
      "pop %%ebp"
      : "=a"(r)
      : "0"(blk), "m"(blk), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
      : "memory");
  return r;
}

}  // namespace entry

// `int $0x80` always works: the way in before the entry is known.
namespace direct = int80;

// __kernel_vsyscall's address, 1 when there is none (use int $0x80), 0 when not
// yet looked up. Set before main by the no-libc runtime; otherwise looked up
// once from the auxiliary vector. Racing threads store the same value.
inline unsigned long entry_address = 0;

}  // namespace rawsys::arch

namespace rawsys::detail {
inline unsigned long auxv_lookup(unsigned long type) noexcept;  // auxv.hpp
}  // namespace rawsys::detail

namespace rawsys::arch {

// A template only so that auxv_lookup, defined in auxv.hpp, is needed where
// the entry is looked up and not wherever this file is included.
template <class Type = unsigned long>
[[gnu::cold, gnu::noinline]] unsigned long find_entry() noexcept {
  const unsigned long e = detail::auxv_lookup(Type{32} /* AT_SYSINFO */);
  const unsigned long v = e ? e : 1;
  __atomic_store_n(&entry_address, v, __ATOMIC_RELAXED);
  return v;
}

// The entry's address, or 0 or 1 for int $0x80.
[[gnu::always_inline]] inline unsigned long current_entry() noexcept {
  unsigned long entry = __atomic_load_n(&entry_address, __ATOMIC_RELAXED);
#if !defined(RAWSYS_IA32_ENTRY_FROM_START)
  if (entry == 0) [[unlikely]]
    entry = find_entry<>();
#endif
  // With RAWSYS_IA32_ENTRY_FROM_START every file of the program promises
  // that <rawsys/start.hpp> sets the entry before main (rawsys_add_tool
  // does): no lookup code, and int $0x80 until then.
  return entry;
}

// The generic call's way in: the fast entry when there is one.
#define RAWSYS_IA32_CALL_(N, ...)                                             \
  const unsigned long e = current_entry();                                    \
  return e > 1 ? entry::syscall##N(static_cast<long>(e), n __VA_OPT__(, ) __VA_ARGS__) \
               : int80::syscall##N(n __VA_OPT__(, ) __VA_ARGS__)
inline long syscall0(long n) noexcept { RAWSYS_IA32_CALL_(0); }
inline long syscall1(long n, long a) noexcept { RAWSYS_IA32_CALL_(1, a); }
inline long syscall2(long n, long a, long b) noexcept { RAWSYS_IA32_CALL_(2, a, b); }
inline long syscall3(long n, long a, long b, long c) noexcept {
  RAWSYS_IA32_CALL_(3, a, b, c);
}
inline long syscall4(long n, long a, long b, long c, long d) noexcept {
  RAWSYS_IA32_CALL_(4, a, b, c, d);
}
inline long syscall5(long n, long a, long b, long c, long d, long e5) noexcept {
  RAWSYS_IA32_CALL_(5, a, b, c, d, e5);
}
inline long syscall6(long n, long a, long b, long c, long d, long e5, long f) noexcept {
  RAWSYS_IA32_CALL_(6, a, b, c, d, e5, f);
}
#undef RAWSYS_IA32_CALL_

}  // namespace rawsys::arch
