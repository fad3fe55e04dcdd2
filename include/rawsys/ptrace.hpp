// Tracing and inspecting other processes: ptrace(2) with typed helpers for
// the requests a tracer needs (signals, options and events, seccomp stops,
// PTRACE_GET_SYSCALL_INFO), the register sets of the three ABIs,
// process_vm_readv(2)/process_vm_writev(2), and kcmp(2).
//
// The iovec arrays these calls take are rawsys::buffer / const_buffer arrays:
// both have struct iovec's layout (a pointer, then a size_t).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "signal.hpp"
#include "syscall.hpp"
#include "types.hpp"

// The requests and register sets only this ISA has.
#include "arch/native_ptrace.hpp"

namespace rawsys {

// PTRACE_* requests, and those only this ISA has (arch/<isa>/: x86
// keeps its old whole-set requests, getregs, ...; arm64 has only the regset
// forms).
enum class ptrace_request : long {
  traceme = 0, peektext = 1, peekdata = 2, peekuser = 3, poketext = 4, pokedata = 5,
  pokeuser = 6, cont = 7, kill = 8, singlestep = 9, attach = 16, detach = 17, syscall = 24,
  RAWSYS_ARCH_PTRACE_REQUESTS_
  setoptions = 0x4200, geteventmsg = 0x4201, getsiginfo = 0x4202, setsiginfo = 0x4203,
  getregset = 0x4204, setregset = 0x4205, seize = 0x4206, interrupt = 0x4207, listen = 0x4208,
  peeksiginfo = 0x4209, getsigmask = 0x420a, setsigmask = 0x420b, seccomp_get_filter = 0x420c,
  seccomp_get_metadata = 0x420d, get_syscall_info = 0x420e, get_rseq_configuration = 0x420f,
  set_syscall_user_dispatch_config = 0x4210, get_syscall_user_dispatch_config = 0x4211,
};

// PTRACE_O_*, for setoptions and seize.
namespace ptrace_o {
enum class flags : unsigned long {};
RAWSYS_BITMASK(flags)
inline constexpr flags tracesysgood{1ul << 0}, tracefork{1ul << 1}, tracevfork{1ul << 2},
    traceclone{1ul << 3}, traceexec{1ul << 4}, tracevforkdone{1ul << 5}, traceexit{1ul << 6},
    traceseccomp{1ul << 7}, exitkill{1ul << 20}, suspend_seccomp{1ul << 21};
}  // namespace ptrace_o

// PTRACE_EVENT_*: in a stop's wait status, (status >> 16) & 0xff.
enum class ptrace_event : int {
  fork = 1, vfork = 2, clone = 3, exec = 4, vfork_done = 5, exit = 6, seccomp = 7, stop = 128,
};

// The register sets of PTRACE_GETREGSET (elf.h NT_*), and this ISA's own.
enum class nt : unsigned long {
  prstatus = 1,  // the general registers: user_regs
  prfpreg = 2,
  siginfo = 0x53494749,
  RAWSYS_ARCH_NT_
};
#undef RAWSYS_ARCH_PTRACE_REQUESTS_
#undef RAWSYS_ARCH_NT_

// The general registers (NT_PRSTATUS) of each ABI, whichever this program is
// built for: a 64-bit x86 tracer gets ia32::user_regs from a 32-bit tracee.
namespace x86_64 {
// struct user_regs_struct
struct user_regs {
  uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi, orig_rax,
      rip, cs, eflags, rsp, ss, fs_base, gs_base, ds, es, fs, gs;
  constexpr uint64_t syscall_nr() const noexcept { return orig_rax; }
  constexpr uint64_t syscall_ret() const noexcept { return rax; }
  constexpr uint64_t syscall_arg(int i) const noexcept {
    const uint64_t a[6] = {rdi, rsi, rdx, r10, r8, r9};
    return a[i];
  }
  constexpr uint64_t pc() const noexcept { return rip; }
  constexpr uint64_t sp() const noexcept { return rsp; }
};
static_assert(sizeof(user_regs) == 27 * 8);
}  // namespace x86_64

namespace ia32 {
// struct user_regs_struct (17 longs)
struct user_regs {
  uint32_t ebx, ecx, edx, esi, edi, ebp, eax, xds, xes, xfs, xgs, orig_eax, eip, xcs, eflags,
      esp, xss;
  constexpr uint32_t syscall_nr() const noexcept { return orig_eax; }
  constexpr uint32_t syscall_ret() const noexcept { return eax; }
  constexpr uint32_t syscall_arg(int i) const noexcept {
    const uint32_t a[6] = {ebx, ecx, edx, esi, edi, ebp};
    return a[i];
  }
  constexpr uint32_t pc() const noexcept { return eip; }
  constexpr uint32_t sp() const noexcept { return esp; }
};
static_assert(sizeof(user_regs) == 17 * 4);
}  // namespace ia32

namespace aarch64 {
// struct user_pt_regs. At a syscall stop x8 holds the number; x0 is the first
// argument at entry and the return value at exit (the kernel keeps the
// original x0 elsewhere: use ptrace_get_syscall_info for the arguments at exit).
struct user_regs {
  uint64_t regs[31];
  uint64_t sp_;  // `sp` is the accessor, as on the other ABIs
  uint64_t pc_;
  uint64_t pstate;
  constexpr uint64_t syscall_nr() const noexcept { return regs[8]; }
  constexpr uint64_t syscall_ret() const noexcept { return regs[0]; }
  constexpr uint64_t syscall_arg(int i) const noexcept { return regs[i]; }
  constexpr uint64_t pc() const noexcept { return pc_; }
  constexpr uint64_t sp() const noexcept { return sp_; }
};
static_assert(sizeof(user_regs) == 34 * 8);
}  // namespace aarch64

namespace arm {
// struct pt_regs (uregs[18]: r0-r15, cpsr, orig_r0). At a syscall stop r7
// holds the number; r0 is the first argument at entry and the return value
// at exit (orig_r0 keeps the argument).
struct user_regs {
  uint32_t uregs[18];
  constexpr uint32_t syscall_nr() const noexcept { return uregs[7]; }
  constexpr uint32_t syscall_ret() const noexcept { return uregs[0]; }
  constexpr uint32_t syscall_arg(int i) const noexcept { return uregs[i]; }
  constexpr uint32_t pc() const noexcept { return uregs[15]; }
  constexpr uint32_t sp() const noexcept { return uregs[13]; }
};
static_assert(sizeof(user_regs) == 18 * 4);
}  // namespace arm
namespace riscv64 {
// struct user_regs_struct: pc, then x1..x31. At a syscall stop a7 holds the
// number; a0 is the first argument at entry and the return value at exit.
struct user_regs {
  uint64_t pc_;
  uint64_t ra, sp_, gp, tp, t0, t1, t2, s0, s1, a0, a1, a2, a3, a4, a5, a6, a7, s2, s3, s4, s5, s6, s7,
      s8, s9, s10, s11, t3, t4, t5, t6;
  constexpr uint64_t syscall_nr() const noexcept { return a7; }
  constexpr uint64_t syscall_ret() const noexcept { return a0; }
  constexpr uint64_t syscall_arg(int i) const noexcept {
    const uint64_t a[6] = {a0, a1, a2, a3, a4, a5};
    return a[i];
  }
  constexpr uint64_t pc() const noexcept { return pc_; }
  constexpr uint64_t sp() const noexcept { return sp_; }
};
static_assert(sizeof(user_regs) == 32 * 8);
}  // namespace riscv64
namespace loongarch64 {
// struct user_pt_regs: r0..r31, the original a0, the pc (csr_era), the bad
// address. At a syscall stop a7 ($r11) holds the number; a0 ($r4) is the
// first argument at entry and the return value at exit (orig_a0 keeps it).
struct user_regs {
  uint64_t regs[32];
  uint64_t orig_a0;
  uint64_t csr_era;
  uint64_t csr_badv;
  uint64_t reserved[10];
  constexpr uint64_t syscall_nr() const noexcept { return regs[11]; }
  constexpr uint64_t syscall_ret() const noexcept { return regs[4]; }
  constexpr uint64_t syscall_arg(int i) const noexcept { return i == 0 ? orig_a0 : regs[4 + i]; }
  constexpr uint64_t pc() const noexcept { return csr_era; }
  constexpr uint64_t sp() const noexcept { return regs[3]; }
};
static_assert(sizeof(user_regs) == 45 * 8);
}  // namespace loongarch64
namespace s390x {
// s390_regs: the PSW, r0..r15, the access registers, orig_gpr2. At a syscall
// stop r2 holds the number at entry and the return value at exit; the first
// argument is orig_gpr2, the others r3..r7 (the s390 ptrace ABI).
struct user_regs {
  uint64_t psw_mask;
  uint64_t psw_addr;
  uint64_t gprs[16];
  uint32_t acrs[16];
  uint64_t orig_gpr2;
  constexpr uint64_t syscall_nr() const noexcept { return gprs[2]; }
  constexpr uint64_t syscall_ret() const noexcept { return gprs[2]; }
  constexpr uint64_t syscall_arg(int i) const noexcept { return i == 0 ? orig_gpr2 : gprs[2 + i]; }
  constexpr uint64_t pc() const noexcept { return psw_addr; }
  constexpr uint64_t sp() const noexcept { return gprs[15]; }
};
static_assert(sizeof(user_regs) == 27 * 8);
}  // namespace s390x
// mips: elf_gregset_t as PTRACE_GETREGSET NT_PRSTATUS fills it, 45 words
// (arch/mips/kernel/ptrace.c): six unused, $0..$31 (EF_R0 is 6), lo, hi,
// cp0_epc, cp0_badvaddr, cp0_status, cp0_cause, one unused. At a syscall
// stop v0 ($2) holds the number; at exit v0 the value and a3 ($7) the error
// flag, with v0 then the positive errno. o32 passes arguments five and six
// on the stack, which syscall_arg cannot see: use ptrace_get_syscall_info.
namespace detail {
template <class Word>
struct mips_user_regs {
  Word unused_[6];
  Word regs[32];
  Word lo, hi, epc, badvaddr, status, cause, unused2_;
  constexpr Word syscall_nr() const noexcept { return regs[2]; }
  constexpr Word syscall_ret() const noexcept { return regs[7] ? Word{0} - regs[2] : regs[2]; }
  constexpr Word syscall_arg(int i) const noexcept { return regs[4 + i]; }
  constexpr Word pc() const noexcept { return epc; }
  constexpr Word sp() const noexcept { return regs[29]; }
};
}  // namespace detail
namespace mips_n64 {
using user_regs = detail::mips_user_regs<uint64_t>;
static_assert(sizeof(user_regs) == 45 * 8);
}  // namespace mips_n64
namespace mips_o32 {
using user_regs = detail::mips_user_regs<uint32_t>;
static_assert(sizeof(user_regs) == 45 * 4);
}  // namespace mips_o32

using native_arch::user_regs;

// PTRACE_SYSCALL_INFO_*: which part of ptrace_syscall_info is filled.
enum class ptrace_syscall_info_op : uint8_t { none = 0, entry = 1, exit = 2, seccomp = 3 };

// struct ptrace_syscall_info (PTRACE_GET_SYSCALL_INFO, Linux 5.3): the same
// 64-bit layout for every tracer; alignas and the trailing reserved word
// make it 88 bytes on i386 too.
struct alignas(8) ptrace_syscall_info {
  struct entry_info {
    uint64_t nr;
    uint64_t args[6];
  };
  struct exit_info {
    int64_t rval;  // the return value, or -errno when is_error
    uint8_t is_error;
  };
  struct seccomp_info {
    uint64_t nr;
    uint64_t args[6];
    uint32_t ret_data;
    uint32_t reserved2;
  };
  ptrace_syscall_info_op op;
  uint8_t pad[3];
  uint32_t arch;  // AUDIT_ARCH_* of the tracee's call
  uint64_t instruction_pointer;
  uint64_t stack_pointer;
  union {
    entry_info entry;
    exit_info exit;
    seccomp_info seccomp;
  };
};
static_assert(sizeof(ptrace_syscall_info) == 88);

// ptrace(2): long ptrace(enum __ptrace_request request, pid_t pid, void *addr, void *data);
// The kernel's call: the PEEK requests store the word through `data` and
// return 0 (glibc's wrapper returns the word instead, which makes a word of
// -1 look like an error; ptrace_peekdata() below has no such ambiguity).
template <class = void>
inline result<long> ptrace(ptrace_request request, int pid, void* addr, void* data) noexcept {
  return syscall(nr::ptrace, request, pid, addr, data);
}

namespace detail {
template <class = void>
inline void* ptrace_data(unsigned long v) noexcept { return reinterpret_cast<void*>(v); }
}  // namespace detail

// ptrace(2) PTRACE_TRACEME: this process is traced by its parent from now on.
template <class = void>
inline result<void> ptrace_traceme() noexcept {
  return detail::as_void(ptrace(ptrace_request::traceme, 0, nullptr, nullptr));
}

// ptrace(2) PTRACE_PEEKDATA: the word at addr in the tracee.
template <class = void>
inline result<unsigned long> ptrace_peekdata(int pid, const void* addr) noexcept {
  unsigned long word = 0;
  auto r = ptrace(ptrace_request::peekdata, pid, const_cast<void*>(addr), &word);
  if (!r) return unexpected(r.error());
  return word;
}
// ptrace(2) PTRACE_PEEKTEXT: the same (text and data are one address space).
template <class = void>
inline result<unsigned long> ptrace_peektext(int pid, const void* addr) noexcept {
  unsigned long word = 0;
  auto r = ptrace(ptrace_request::peektext, pid, const_cast<void*>(addr), &word);
  if (!r) return unexpected(r.error());
  return word;
}
// ptrace(2) PTRACE_PEEKUSER: the word at `offset` in the tracee's struct user (x86;
// arm64 answers EIO).
template <class = void>
inline result<unsigned long> ptrace_peekuser(int pid, unsigned long offset) noexcept {
  unsigned long word = 0;
  auto r = ptrace(ptrace_request::peekuser, pid, detail::ptrace_data(offset), &word);
  if (!r) return unexpected(r.error());
  return word;
}

// ptrace(2) PTRACE_POKEDATA: stores a word at addr in the tracee.
template <class = void>
inline result<void> ptrace_pokedata(int pid, void* addr, unsigned long word) noexcept {
  return detail::as_void(ptrace(ptrace_request::pokedata, pid, addr, detail::ptrace_data(word)));
}
// ptrace(2) PTRACE_POKETEXT: the same, for code (what breakpoints use).
template <class = void>
inline result<void> ptrace_poketext(int pid, void* addr, unsigned long word) noexcept {
  return detail::as_void(ptrace(ptrace_request::poketext, pid, addr, detail::ptrace_data(word)));
}

// ptrace(2) PTRACE_CONT: resume the tracee, delivering `s` (sig() for none).
template <class = void>
inline result<void> ptrace_cont(int pid, sig s = sig()) noexcept {
  return detail::as_void(ptrace(ptrace_request::cont, pid, nullptr,
                                detail::ptrace_data(static_cast<unsigned long>(s))));
}
// ptrace(2) PTRACE_SYSCALL: resume until the next syscall entry or exit.
template <class = void>
inline result<void> ptrace_syscall(int pid, sig s = sig()) noexcept {
  return detail::as_void(ptrace(ptrace_request::syscall, pid, nullptr,
                                detail::ptrace_data(static_cast<unsigned long>(s))));
}
// ptrace(2) PTRACE_SINGLESTEP: resume for one instruction.
template <class = void>
inline result<void> ptrace_singlestep(int pid, sig s = sig()) noexcept {
  return detail::as_void(ptrace(ptrace_request::singlestep, pid, nullptr,
                                detail::ptrace_data(static_cast<unsigned long>(s))));
}
// ptrace(2) PTRACE_DETACH: stop tracing and resume, delivering `s`.
template <class = void>
inline result<void> ptrace_detach(int pid, sig s = sig()) noexcept {
  return detail::as_void(ptrace(ptrace_request::detach, pid, nullptr,
                                detail::ptrace_data(static_cast<unsigned long>(s))));
}

// ptrace(2) PTRACE_ATTACH: trace pid, which is sent SIGSTOP.
template <class = void>
inline result<void> ptrace_attach(int pid) noexcept {
  return detail::as_void(ptrace(ptrace_request::attach, pid, nullptr, nullptr));
}
// ptrace(2) PTRACE_SEIZE: trace pid without stopping it, with these options.
template <class = void>
inline result<void> ptrace_seize(int pid, ptrace_o::flags options = ptrace_o::flags()) noexcept {
  return detail::as_void(
      ptrace(ptrace_request::seize, pid, nullptr, detail::ptrace_data(static_cast<unsigned long>(options))));
}
// ptrace(2) PTRACE_INTERRUPT: stop a seized tracee.
template <class = void>
inline result<void> ptrace_interrupt(int pid) noexcept {
  return detail::as_void(ptrace(ptrace_request::interrupt, pid, nullptr, nullptr));
}
// ptrace(2) PTRACE_LISTEN: let a seized tracee in group-stop wait for SIGCONT.
template <class = void>
inline result<void> ptrace_listen(int pid) noexcept {
  return detail::as_void(ptrace(ptrace_request::listen, pid, nullptr, nullptr));
}
// ptrace(2) PTRACE_SETOPTIONS
template <class = void>
inline result<void> ptrace_setoptions(int pid, ptrace_o::flags options) noexcept {
  return detail::as_void(
      ptrace(ptrace_request::setoptions, pid, nullptr, detail::ptrace_data(static_cast<unsigned long>(options))));
}
// ptrace(2) PTRACE_GETEVENTMSG: the new pid of a fork event, the exit status of an
// exit event, the data of a seccomp event, ...
template <class = void>
inline result<unsigned long> ptrace_geteventmsg(int pid) noexcept {
  unsigned long msg = 0;
  auto r = ptrace(ptrace_request::geteventmsg, pid, nullptr, &msg);
  if (!r) return unexpected(r.error());
  return msg;
}

// ptrace(2) PTRACE_GETSIGINFO: the siginfo of the signal that stopped the
// tracee (its signal-delivery-stop; at a syscall or event stop, the SIGTRAP
// the kernel made).
template <class = void>
inline result<void> ptrace_getsiginfo(int pid, siginfo& info) noexcept {
  return detail::as_void(ptrace(ptrace_request::getsiginfo, pid, nullptr, &info));
}
// ptrace(2) PTRACE_SETSIGINFO: replaces that siginfo (what the tracee gets if
// the signal is delivered).
template <class = void>
inline result<void> ptrace_setsiginfo(int pid, const siginfo& info) noexcept {
  return detail::as_void(ptrace(ptrace_request::setsiginfo, pid, nullptr, const_cast<siginfo*>(&info)));
}

// ptrace(2) PTRACE_GETREGSET: the register set `type` into b; the bytes filled (the
// kernel shortens the iovec to what the set holds).
template <class = void>
inline result<size_t> ptrace_getregset(int pid, nt type, buffer b) noexcept {
  buffer iov = b;
  auto r = ptrace(ptrace_request::getregset, pid,
                  detail::ptrace_data(static_cast<unsigned long>(type)), &iov);
  if (!r) return unexpected(r.error());
  return iov.size;
}
// ptrace(2) PTRACE_GETREGSET of NT_PRSTATUS into an ABI's user_regs (for a tracee of another ABI the
// bytes filled say which layout arrived: 68 from an i386 tracee).
template <class Regs>
  requires(detail::is_same_v<Regs, x86_64::user_regs> || detail::is_same_v<Regs, ia32::user_regs> ||
           detail::is_same_v<Regs, aarch64::user_regs> || detail::is_same_v<Regs, riscv64::user_regs> ||
           detail::is_same_v<Regs, loongarch64::user_regs> || detail::is_same_v<Regs, s390x::user_regs> ||
           detail::is_same_v<Regs, mips_n64::user_regs> || detail::is_same_v<Regs, mips_o32::user_regs> ||
           detail::is_same_v<Regs, native_arch::user_regs>)
inline result<size_t> ptrace_getregset(int pid, Regs& regs) noexcept {
  return ptrace_getregset(pid, nt::prstatus, buffer(&regs, sizeof regs));
}
// ptrace(2) PTRACE_SETREGSET
template <class = void>
inline result<void> ptrace_setregset(int pid, nt type, const_buffer b) noexcept {
  buffer iov(const_cast<void*>(b.data), b.size);
  return detail::as_void(ptrace(ptrace_request::setregset, pid,
                                detail::ptrace_data(static_cast<unsigned long>(type)), &iov));
}

// ptrace(2) PTRACE_GET_SYSCALL_INFO: what the tracee is doing at this stop; the size
// the kernel had to give (it copies at most sizeof info). Linux 5.3; EIO on
// older kernels.
template <class = void>
inline result<size_t> ptrace_get_syscall_info(int pid, ptrace_syscall_info& info) noexcept {
  auto r = ptrace(ptrace_request::get_syscall_info, pid,
                  detail::ptrace_data(sizeof info), &info);
  if (!r) return unexpected(r.error());
  return static_cast<size_t>(*r);
}

// process_vm_readv(2): ssize_t process_vm_readv(pid_t pid, const struct iovec *local_iov, unsigned long liovcnt, const struct iovec *remote_iov, unsigned long riovcnt, unsigned long flags);
// Copies from pid's memory (remote) into ours (local); the bytes copied
// (short when a remote range ends in an unmapped page). ENOSYS, passed
// through, where the kernel lacks CONFIG_CROSS_MEMORY_ATTACH.
template <class = void>
inline result<size_t> process_vm_readv(int pid, const buffer* local_iov, unsigned long liovcnt, const const_buffer* remote_iov, unsigned long riovcnt, unsigned long flags = 0) noexcept {
  auto r = syscall(nr::process_vm_readv, pid, local_iov, liovcnt, remote_iov, riovcnt, flags);
  if (!r) return unexpected(r.error());
  return static_cast<size_t>(*r);
}
template <class = void>
inline result<size_t> process_vm_readv(int pid, buffer local, const void* remote) noexcept {
  const const_buffer r(remote, local.size);
  return process_vm_readv(pid, &local, 1, &r, 1);
}

// process_vm_writev(2): ssize_t process_vm_writev(pid_t pid, const struct iovec *local_iov, unsigned long liovcnt, const struct iovec *remote_iov, unsigned long riovcnt, unsigned long flags);
// Copies from our memory (local) into pid's (remote); the bytes copied.
template <class = void>
inline result<size_t> process_vm_writev(int pid, const const_buffer* local_iov, unsigned long liovcnt, const buffer* remote_iov, unsigned long riovcnt, unsigned long flags = 0) noexcept {
  auto r = syscall(nr::process_vm_writev, pid, local_iov, liovcnt, remote_iov, riovcnt, flags);
  if (!r) return unexpected(r.error());
  return static_cast<size_t>(*r);
}
template <class = void>
inline result<size_t> process_vm_writev(int pid, const_buffer local, void* remote) noexcept {
  const buffer r(remote, local.size);
  return process_vm_writev(pid, &local, 1, &r, 1);
}

// KCMP_*: what kcmp(2) compares.
enum class kcmp_type : int {
  file = 0, vm = 1, files = 2, fs = 3, sighand = 4, io = 5, sysvsem = 6, epoll_tfd = 7,
};

// kcmp(2)'s answer: the kernel orders objects by their (obfuscated) addresses.
enum class kcmp_order : int { equal = 0, less = 1, greater = 2, not_equal = 3 };

// struct kcmp_epoll_slot, idx2 of kcmp_type::epoll_tfd.
struct kcmp_epoll_slot {
  uint32_t efd;
  uint32_t tfd;
  uint32_t toff;
};

// kcmp(2): int kcmp(pid_t pid1, pid_t pid2, int type, unsigned long idx1, unsigned long idx2);
// Needs CONFIG_KCMP (ENOSYS without it) and ptrace read access to both.
template <class = void>
inline result<kcmp_order> kcmp(int pid1, int pid2, kcmp_type type, unsigned long idx1, unsigned long idx2) noexcept {
  auto r = syscall(nr::kcmp, pid1, pid2, type, idx1, idx2);
  if (!r) return unexpected(r.error());
  return static_cast<kcmp_order>(*r);
}

}  // namespace rawsys
