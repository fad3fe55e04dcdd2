// seccomp(2), and rawsys::seccomp_filter: builds, in a caller's array and with
// no allocation, a classic BPF program that checks the architecture and gives
// each listed syscall number its action and every other one a default.
//
// Installing a filter needs no_new_privs (or CAP_SYS_ADMIN) first:
//   rawsys::syscall(rawsys::nr::prctl, 38 /* PR_SET_NO_NEW_PRIVS */, 1, 0, 0, 0);
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "bpf.hpp"
#include "fd.hpp"

namespace rawsys {

// seccomp(2) operations (SECCOMP_SET_MODE_STRICT, ...).
enum class seccomp_op : unsigned {
  set_mode_strict = 0,
  set_mode_filter = 1,
  get_action_avail = 2,
  get_notif_sizes = 3,
};

// SECCOMP_FILTER_FLAG_*
namespace seccomp_filter_flag {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags tsync{1u << 0}, log{1u << 1}, spec_allow{1u << 2}, new_listener{1u << 3},
    tsync_esrch{1u << 4}, wait_killable_recv{1u << 5};
}  // namespace seccomp_filter_flag

// A filter's verdict (SECCOMP_RET_*): the action in the high 16 bits, its data
// (an errno, a tracer's message) in the low 16.
enum class seccomp_action : uint32_t {};

namespace seccomp_ret {
inline constexpr seccomp_action kill_process{0x80000000u}, kill_thread{0x00000000u},
    trap{0x00030000u}, user_notif{0x7fc00000u}, trace{0x7ff00000u}, log{0x7ffc0000u},
    allow{0x7fff0000u};
inline constexpr uint32_t action_full = 0xffff0000u, data = 0x0000ffffu;
// SECCOMP_RET_ERRNO: the call fails with e and is not made.
constexpr seccomp_action error(errc e) noexcept {
  return seccomp_action{0x00050000u | (static_cast<uint32_t>(e) & data)};
}
// An action with its 16 bits of data (trap's si_errno, trace's event message).
constexpr seccomp_action with_data(seccomp_action a, uint16_t d) noexcept {
  return seccomp_action{(static_cast<uint32_t>(a) & action_full) | d};
}
}  // namespace seccomp_ret

// What a filter sees (struct seccomp_data): the number as the calling ABI
// numbers it, that ABI's AUDIT_ARCH_*, the caller's address, the arguments.
struct alignas(8) seccomp_data {
  int nr;
  uint32_t arch;
  uint64_t instruction_pointer;
  uint64_t args[6];
};
static_assert(sizeof(seccomp_data) == 64);

// struct seccomp_notif_sizes, from seccomp_op::get_notif_sizes.
struct seccomp_notif_sizes {
  uint16_t seccomp_notif;
  uint16_t seccomp_notif_resp;
  uint16_t seccomp_data;
};

// AUDIT_ARCH_* of the ABIs below (linux/audit.h; `i386` is a macro in GNU
// modes, hence ia32 as in rawsys::ia32::nr).
enum class audit_arch : uint32_t {
  x86_64 = 0xc000003eu,
  ia32 = 0x40000003u,
  aarch64 = 0xc00000b7u,
  arm = 0x40000028u,
  ppc64le = 0xc0000015u,
  ppc64 = 0x80000015u,  // big-endian
  riscv64 = 0xc00000f3u,
  loongarch64 = 0xc0000102u,
  s390x = 0x80000016u,
  mipsel64 = 0xc0000008u,  // n64, little-endian
  mipsel = 0x40000008u,    // o32, little-endian
};

// __X32_SYSCALL_BIT: x32 calls enter the x86-64 kernel as AUDIT_ARCH_X86_64
// with this bit set in the number.
inline constexpr uint32_t x32_syscall_bit = 0x40000000u;

namespace detail {
// What a filter for a syscall table checks first: the table's AUDIT_ARCH_*,
// and (x86-64 only) that the number has no x32 bit.
template <class Nr>
struct seccomp_abi;
}  // namespace detail

// The tables seccomp_abi knows, one line each: the table's namespace (declared
// only: a filter for another ABI's table, seccomp_filter<rawsys::ia32::nr>,
// needs that table's header, <rawsys/nr/i386.hpp>, and a program that builds
// none pays for none), its AUDIT_ARCH_*, and whether x32 numbers are refused.
#define RAWSYS_SECCOMP_ABI(table, audit, x32)      \
  namespace table {                                \
  enum class nr : long;                            \
  }                                                \
  namespace detail {                               \
  template <>                                      \
  struct seccomp_abi<table::nr> {                  \
    static constexpr audit_arch arch = audit;      \
    static constexpr bool x32_check = x32;         \
  };                                               \
  }
RAWSYS_SECCOMP_ABI(x86_64, audit_arch::x86_64, true)
RAWSYS_SECCOMP_ABI(ia32, audit_arch::ia32, false)
RAWSYS_SECCOMP_ABI(aarch64, audit_arch::aarch64, false)
RAWSYS_SECCOMP_ABI(arm, audit_arch::arm, false)
RAWSYS_SECCOMP_ABI(ppc64, audit_arch::ppc64le, false)  // one table for both byte orders: ELFv2 little-endian
RAWSYS_SECCOMP_ABI(riscv64, audit_arch::riscv64, false)
RAWSYS_SECCOMP_ABI(loongarch64, audit_arch::loongarch64, false)
RAWSYS_SECCOMP_ABI(s390x, audit_arch::s390x, false)
RAWSYS_SECCOMP_ABI(mips_n64, audit_arch::mipsel64, false)
RAWSYS_SECCOMP_ABI(mips_o32, audit_arch::mipsel, false)
#undef RAWSYS_SECCOMP_ABI

// The AUDIT_ARCH_* of an architecture's syscall table, and of this one.
template <detail::syscall_nr Nr>
inline constexpr audit_arch audit_arch_of = detail::seccomp_abi<Nr>::arch;
inline constexpr audit_arch native_audit_arch = audit_arch_of<nr>;

// Builds a seccomp program for one ABI (Nr: rawsys::nr, or any arch's table,
// e.g. rawsys::ia32::nr from <rawsys/nr/i386.hpp>) into out[0, capacity):
//
//   sock_filter prog[32];
//   seccomp_filter f(prog);
//   f.allow(nr::read, nr::write, nr::exit_group).on(nr::getppid, seccomp_ret::error(errc::eperm));
//   auto p = f.finish(seccomp_ret::kill_process);   // result<sock_fprog>
//
// The program: a call made under another ABI (another AUDIT_ARCH, or on
// x86-64 a number with the x32 bit) gets `other_abi`; then the first rule
// whose number matches decides; otherwise `otherwise`. Each rule costs two
// instructions, the prologue four (six on x86-64), finish one.
//
// Several filters may be stacked and the kernel takes the most restrictive
// verdict, so one filter per ABI, each built with other_abi = allow, gives
// each ABI its own policy (x32 then needs a filter of its own too).
//
// Running out of room is not an error until finish(): it reports
// errc::enobufs when the array was too small (size() says how many
// instructions were needed) and errc::e2big past the kernel's 4096.
template <detail::syscall_nr Nr = nr>
class seccomp_filter {
 public:
  constexpr seccomp_filter(sock_filter* out, size_t capacity,
                           seccomp_action other_abi = seccomp_ret::kill_process) noexcept
      : out_(out), cap_(capacity) {
    namespace c = bpf_code;
    put(bpf_stmt(c::ld | c::w | c::abs, offset_arch));
    put(bpf_jump(c::jmp | c::jeq | c::k, static_cast<uint32_t>(audit_arch_of<Nr>), 1, 0));
    put(ret_(other_abi));
    put(bpf_stmt(c::ld | c::w | c::abs, offset_nr));
    if constexpr (detail::seccomp_abi<Nr>::x32_check) {
      put(bpf_jump(c::jmp | c::jge | c::k, x32_syscall_bit, 0, 1));
      put(ret_(other_abi));
    }
  }
  template <size_t N>
  constexpr explicit seccomp_filter(sock_filter (&out)[N],
                                    seccomp_action other_abi = seccomp_ret::kill_process) noexcept
      : seccomp_filter(out, N, other_abi) {}

  // The listed numbers get `action` (unless an earlier rule already matched).
  template <class... N>
    requires(sizeof...(N) > 0 && (detail::is_same_v<N, Nr> && ...))
  constexpr seccomp_filter& on(seccomp_action action, N... numbers) noexcept {
    (rule(numbers, action), ...);
    return *this;
  }
  constexpr seccomp_filter& on(Nr number, seccomp_action action) noexcept {
    rule(number, action);
    return *this;
  }
  template <class... N>
    requires(sizeof...(N) > 0 && (detail::is_same_v<N, Nr> && ...))
  constexpr seccomp_filter& allow(N... numbers) noexcept {
    return on(seccomp_ret::allow, numbers...);
  }

  // The finished program (rules so far, then `otherwise`); may be called
  // again after more rules.
  constexpr result<sock_fprog> finish(seccomp_action otherwise) noexcept {
    const size_t total = n_ + 1;
    if (total > bpf_code::maxinsns) return unexpected(errc::e2big);
    if (total > cap_) return unexpected(errc::enobufs);
    out_[n_] = ret_(otherwise);
    return sock_fprog{static_cast<unsigned short>(total), out_};
  }

  // Instructions written or wanted so far, the final return included.
  constexpr size_t size() const noexcept { return n_ + 1; }

 private:
  static constexpr uint32_t offset_nr = 0, offset_arch = 4;  // in seccomp_data

  static constexpr sock_filter ret_(seccomp_action a) noexcept {
    return bpf_stmt(bpf_code::ret | bpf_code::k, static_cast<uint32_t>(a));
  }
  constexpr void put(sock_filter i) noexcept {
    if (n_ < cap_) out_[n_] = i;
    ++n_;
  }
  constexpr void rule(Nr number, seccomp_action action) noexcept {
    namespace c = bpf_code;
    put(bpf_jump(c::jmp | c::jeq | c::k, static_cast<uint32_t>(number), 0, 1));
    put(ret_(action));
  }

  sock_filter* out_;
  size_t cap_;
  size_t n_ = 0;
};

// seccomp(2): int seccomp(unsigned int operation, unsigned int flags, void *args);
// Returns 0, or with seccomp_filter_flag::new_listener a descriptor, or with
// tsync (without tsync_esrch) the id of a thread that could not be synced.
template <class = void>
inline result<long> seccomp(seccomp_op operation, seccomp_filter_flag::flags flags, void* args) noexcept {
  return syscall(nr::seccomp, operation, flags, args);
}

// seccomp(2) SECCOMP_SET_MODE_FILTER: adds `prog` to this thread's filters.
template <class = void>
inline result<long> seccomp_set_mode_filter(const sock_fprog& prog, seccomp_filter_flag::flags flags = seccomp_filter_flag::flags()) noexcept {
  return seccomp(seccomp_op::set_mode_filter, flags, const_cast<sock_fprog*>(&prog));
}

// seccomp(2) SECCOMP_SET_MODE_STRICT: only read, write, _exit and sigreturn from now on.
template <class = void>
inline result<void> seccomp_set_mode_strict() noexcept {
  return detail::as_void(seccomp(seccomp_op::set_mode_strict, {}, nullptr));
}

// seccomp(2) SECCOMP_GET_ACTION_AVAIL: succeeds when the kernel knows the action
// (its data bits are ignored); errc::eopnotsupp when it does not.
template <class = void>
inline result<void> seccomp_get_action_avail(seccomp_action action) noexcept {
  uint32_t a = static_cast<uint32_t>(action) & seccomp_ret::action_full;
  return detail::as_void(seccomp(seccomp_op::get_action_avail, {}, &a));
}

// seccomp(2) SECCOMP_GET_NOTIF_SIZES
template <class = void>
inline result<seccomp_notif_sizes> seccomp_get_notif_sizes() noexcept {
  seccomp_notif_sizes s{};
  auto r = seccomp(seccomp_op::get_notif_sizes, {}, &s);
  if (!r) return unexpected(r.error());
  return s;
}

}  // namespace rawsys
