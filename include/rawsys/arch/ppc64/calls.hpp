// The calls only 64-bit PowerPC has that a program makes through a wrapper,
// for <rawsys/process.hpp>: subpage_prot, switch_endian, swapcontext, rtas,
// spu_create and spu_run. (sys_debug_setcontext is 32-bit PowerPC's alone:
// sys_ni_syscall in the 64-bit table, see tools/gen_coverage.py.) They exist
// only when compiling for ppc64le.
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
template <class = void>
inline result<void> subpage_prot(void* addr, unsigned long length, uint32_t* map) noexcept {
  return detail::as_void(syscall(nr::subpage_prot, addr, length, map));
}

// switch_endian(2): int switch_endian(void);  (Linux 4.1+)
// Flips the byte order the thread runs in (MSR_LE); it takes no argument
// and cannot fail on a kernel that has it. The instruction after the call
// is already read in the other order, so on success this does not return:
// it branches to `code` (in ctr and r12, as an ELFv2 indirect call), which
// must be machine code in the other byte order (big-endian words on
// ppc64le), with r3 = arg, r1 the caller's stack and the other registers
// as they were. It returns only when the call failed (ENOSYS where the
// kernel, or an emulator, lacks it), in the byte order it was called in.
// The instruction after `sc` tells the two apart, as the kernel's
// FIXUP_ENDIAN does: `tdi 0,0,0x48` never traps, and in the other order it
// reads as `b .+8`, past the branch to the error path, to a `bctr` written
// in the other order.
[[nodiscard]] inline result<void> switch_endian(const void* code, void* arg) noexcept {
  register long r0 __asm__("r0") = static_cast<long>(nr::switch_endian);
  register long r3 __asm__("r3") = reinterpret_cast<long>(arg);
  register long r4 __asm__("r4");
  register long r5 __asm__("r5");
  register long r6 __asm__("r6");
  register long r7 __asm__("r7");
  register long r8 __asm__("r8");
  register long r12 __asm__("r12") = reinterpret_cast<long>(code);
  __asm__ volatile(
      "mtctr 12\n\t"
      "sc\n\t"
      "tdi 0, 0, 0x48\n\t"
      "b 1f\n\t"
      ".long 0x2004804e\n"  // bctr (0x4e800420) with its bytes the other way round
      "1:\n\t"
      "bns+ 2f\n\t"
      "neg 3, 3\n"
      "2:"
      : "+r"(r0), "+r"(r3), "=r"(r4), "=r"(r5), "=r"(r6), "=r"(r7), "=r"(r8), "+r"(r12)
      :
      : "memory", "cr0", "r9", "r10", "r11", "ctr", "xer");
  if (detail::is_error(r3)) return unexpected(static_cast<errc>(-r3));
  return {};
}

// The kernel's struct ucontext of 64-bit PowerPC (asm/ucontext.h), as
// swapcontext reads and writes it: 1696 bytes, the signal mask (the
// kernel's 64-bit sigset) at 40, the mcontext (general, FP, vector and VSX
// registers) at 168. gen_consts.py lays out the structs that
// every ISA shares, and asm/ucontext.h clashes with the C library's
// headers, so this is its size written by hand, as bytes;
// tests/signal_layout_test.cpp checks the size and the offsets against
// <asm/ucontext.h>. 16-byte aligned: the vector registers inside are.
struct ppc_ucontext {
  static constexpr unsigned long sigmask_offset = 40;
  static constexpr unsigned long mcontext_offset = 168;
  alignas(16) unsigned char bytes[1696];
};

// swapcontext (powerpc): int swapcontext(struct ucontext *old_ctx, struct ucontext *new_ctx, long ctx_size);
// Saves the thread's registers and signal mask in *old_ctx (unless null),
// then, with a new_ctx, continues the thread there (registers, mask,
// program counter): it returns here only without a new context (the C
// library's getcontext: old_ctx filled, 0) or on an error: EINVAL for a
// ctx_size below the context without its VSX part, EFAULT for an
// unreadable context. A thread that resumes old_ctx later returns from
// this call a second time, with the registers it had at the call.
template <class = void>
inline result<void> swapcontext(ppc_ucontext* old_ctx, const ppc_ucontext* new_ctx,
                                long ctx_size = sizeof(ppc_ucontext)) noexcept {
  return detail::as_void(syscall(nr::swapcontext, old_ctx, new_ctx, ctx_size));
}

// The kernel's struct rtas_args (asm/rtas-types.h, in no UAPI header, so
// written by hand): an RTAS firmware call by token, with nargs input words
// in args[] followed by nret output words; every word big-endian, as the
// firmware reads them (the kernel's __be32). rets is the kernel's own
// pointer, ignored on the way in.
struct rtas_args {
  uint32_t token;
  uint32_t nargs;
  uint32_t nret;
  uint32_t args[16];
  uint32_t* rets;
};

// rtas (powerpc): int rtas(struct rtas_args *uargs);
// Calls into IBM POWER firmware (RTAS), for librtas: EPERM without
// CAP_SYS_ADMIN, EINVAL where no RTAS is (and for nargs + nret above 16, or
// a call the kernel's filter refuses), EFAULT for an unreadable args, ENOSYS
// for a kernel without it. The outputs come back in args[nargs...].
template <class = void>
inline result<void> rtas(rtas_args* args) noexcept {
  return detail::as_void(syscall(nr::rtas, args));
}

// spu_create(2): int spu_create(const char *pathname, unsigned int flags, umode_t mode, int neighbor_fd);
// A context of a Cell SPU, a directory in spufs: the descriptor of it.
// flags are the kernel's SPU_CREATE_* (no UAPI header has them); neighbor
// is read only with SPU_CREATE_AFFINITY_SPU. Only with CONFIG_SPU_FS, on
// Cell, which is big-endian: ENOSYS on every ppc64le kernel.
template <class = void>
inline result<unique_fd> spu_create(const char* path, unsigned int flags, unsigned int mode,
                                    fd neighbor = fd(-1)) noexcept {
  return detail::as_fd(syscall(nr::spu_create, path, flags, mode, neighbor.get()));
}

// spu_run(2): int spu_run(int fd, uint32_t *npc, uint32_t *event);
// Runs the SPU context until it stops: its stop status; *npc the program
// counter in and out, *event the SPU events (with SPU_CREATE_EVENTS_ENABLED).
// As spu_create: ENOSYS on every ppc64le kernel.
template <class = void>
inline result<long> spu_run(fd context, uint32_t* npc, uint32_t* event) noexcept {
  return syscall(nr::spu_run, context.get(), npc, event);
}

}  // namespace rawsys
