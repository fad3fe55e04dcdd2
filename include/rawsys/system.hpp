// The machine as a whole: host and domain names, reboot, the kernel log
// (syslog), process accounting (acct), loading a new kernel (kexec_load,
// kexec_file_load), kernel modules (init_module, finit_module,
// delete_module) and the LSM attributes of the calling task (lsm_*). Most
// need a capability (CAP_SYS_ADMIN, CAP_SYS_BOOT, CAP_SYS_MODULE,
// CAP_SYSLOG, CAP_SYS_PACCT) in the caller's user namespace, or the initial one.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "sys.hpp"
#include "syscall.hpp"
#include "types.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_SYSTEM
#include "arch/native_uapi.hpp"

namespace rawsys {

// LINUX_REBOOT_CMD_*: what reboot does.
enum class reboot_cmd : unsigned {
  restart = uapi::linux_reboot_cmd_restart, halt = uapi::linux_reboot_cmd_halt,
  cad_on = uapi::linux_reboot_cmd_cad_on, cad_off = uapi::linux_reboot_cmd_cad_off,
  power_off = uapi::linux_reboot_cmd_power_off, restart2 = uapi::linux_reboot_cmd_restart2,
  sw_suspend = uapi::linux_reboot_cmd_sw_suspend, kexec = uapi::linux_reboot_cmd_kexec,
};

// LINUX_REBOOT_MAGIC*: reboot's first two arguments.
inline constexpr unsigned reboot_magic1 = uapi::linux_reboot_magic1;
inline constexpr unsigned reboot_magic2 = uapi::linux_reboot_magic2;

// SYSLOG_ACTION_*: syslog's commands. Written here because only the
// kernel's include/linux/syslog.h defines them (no UAPI header does); the
// numbers are the same on every ISA and fixed by glibc's klogctl(3).
enum class syslog_action : int {
  close = 0, open = 1, read = 2, read_all = 3, read_clear = 4, clear = 5,
  console_off = 6, console_on = 7, console_level = 8, size_unread = 9, size_buffer = 10,
};

// KEXEC_*: kexec_load's flags; the arch part (KEXEC_ARCH_*, the high 16
// bits) stays kexec_flags::arch_default for the running architecture.
namespace kexec_flags {
enum class flags : unsigned long {};
RAWSYS_BITMASK(flags)
inline constexpr flags on_crash{uapi::kexec_on_crash};
inline constexpr flags preserve_context{uapi::kexec_preserve_context};
inline constexpr flags update_elfcorehdr{uapi::kexec_update_elfcorehdr};
inline constexpr flags crash_hotplug_support{uapi::kexec_crash_hotplug_support};
inline constexpr flags arch_default{uapi::kexec_arch_default};
}  // namespace kexec_flags

// KEXEC_FILE_*: kexec_file_load's flags.
namespace kexec_file {
enum class flags : unsigned long {};
RAWSYS_BITMASK(flags)
inline constexpr flags unload{uapi::kexec_file_unload};
inline constexpr flags on_crash{uapi::kexec_file_on_crash};
inline constexpr flags no_initramfs{uapi::kexec_file_no_initramfs};
inline constexpr flags debug{uapi::kexec_file_debug};
}  // namespace kexec_file

// struct kexec_segment (linux/kexec.h): one piece of the new image.
struct kexec_segment {
  const void* buf;  // in the caller's memory
  size_t bufsz;
  const void* mem;  // the physical address it goes to
  size_t memsz;
};

// MODULE_INIT_*: finit_module's flags.
namespace module_init {
enum class flags : int {
  ignore_modversions = uapi::module_init_ignore_modversions,
  ignore_vermagic = uapi::module_init_ignore_vermagic,
  compressed_file = uapi::module_init_compressed_file,  // Linux 6.4+
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace module_init

// delete_module's flags: O_NONBLOCK (fail with EWOULDBLOCK while in use)
// and O_TRUNC (force, where the kernel allows it).
namespace module_delete {
enum class flags : unsigned {
  nonblock = uapi::o_nonblock,
  trunc = uapi::o_trunc,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace module_delete

// LSM_ATTR_*: the attributes lsm_get_self_attr and lsm_set_self_attr name.
enum class lsm_attr : unsigned {
  current = uapi::lsm_attr_current, exec = uapi::lsm_attr_exec,
  fscreate = uapi::lsm_attr_fscreate, keycreate = uapi::lsm_attr_keycreate,
  prev = uapi::lsm_attr_prev, sockcreate = uapi::lsm_attr_sockcreate,
};

// LSM_FLAG_*: lsm_get_self_attr's flags.
namespace lsm_flag {
enum class flags : uint32_t {
  single = uapi::lsm_flag_single,  // only the LSM named by ctx->id
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace lsm_flag

// struct lsm_ctx (linux/lsm.h): one LSM's attribute, followed by ctx_len
// bytes of context; len covers the header, the context and any padding.
struct lsm_ctx {
  uint64_t id;  // LSM_ID_*
  uint64_t flags;
  uint64_t len;
  uint64_t ctx_len;
  // uint8_t ctx[ctx_len] follows
};

// sethostname(2): int sethostname(const char *name, size_t len);
// The UTS namespace's host name; len at most 64.
template <class = void>
inline result<void> sethostname(const char* name, size_t len) noexcept {
  return detail::as_void(syscall(nr::sethostname, name, len));
}

// setdomainname(2): int setdomainname(const char *name, size_t len);
template <class = void>
inline result<void> setdomainname(const char* name, size_t len) noexcept {
  return detail::as_void(syscall(nr::setdomainname, name, len));
}

// reboot(2): int reboot(int magic, int magic2, unsigned int cmd, void *arg);
// The kernel's four arguments; arg is restart2's command string.
template <class = void>
inline result<void> reboot(unsigned magic, unsigned magic2, reboot_cmd cmd, void* arg = nullptr) noexcept {
  return detail::as_void(syscall(nr::reboot, magic, magic2, cmd, arg));
}

// reboot(2): with the magic numbers, as glibc's reboot(cmd).
template <class = void>
inline result<void> reboot(reboot_cmd cmd, void* arg = nullptr) noexcept {
  return reboot(reboot_magic1, reboot_magic2, cmd, arg);
}

// syslog(2): int syslog(int type, char *bufp, int len);  (glibc: klogctl)
// The value depends on the action: bytes read, or a size, or 0.
template <class = void>
inline result<int> syslog(syslog_action type, char* buf, int len) noexcept {
  auto r = syscall(nr::syslog, type, buf, len);
  if (!r) return unexpected(r.error());
  return static_cast<int>(*r);
}

// acct(2): int acct(const char *filename);
// Starts process accounting into filename; nullptr stops it.
template <class = void>
inline result<void> acct(const char* filename) noexcept {
  return detail::as_void(syscall(nr::acct, filename));
}

// kexec_load(2): long kexec_load(unsigned long entry, unsigned long nr_segments, struct kexec_segment *segments, unsigned long flags);
template <class = void>
inline result<void> kexec_load(unsigned long entry, unsigned long nr_segments, const kexec_segment* segments, kexec_flags::flags flags) noexcept {
  return detail::as_void(syscall(nr::kexec_load, entry, nr_segments, segments, flags));
}

// kexec_file_load(2): long kexec_file_load(int kernel_fd, int initrd_fd, unsigned long cmdline_len, const char *cmdline, unsigned long flags);
// Not on i386, mips: ENOSYS there (sys::kexec_file_load is sys::none).
// cmdline_len counts the terminating NUL.
template <class = void>
inline result<void> kexec_file_load(fd kernel, fd initrd, unsigned long cmdline_len, const char* cmdline, kexec_file::flags flags) noexcept {
  if constexpr (sys::has(sys::kexec_file_load)) {
    return detail::as_void(syscall(sys::kexec_file_load, kernel.get(), initrd.get(), cmdline_len, cmdline, flags));
  } else {
    (void)kernel, (void)initrd, (void)cmdline_len, (void)cmdline, (void)flags;
    return unexpected(errc::enosys);
  }
}

// init_module(2): int init_module(void *module_image, unsigned long len, const char *param_values);
template <class = void>
inline result<void> init_module(const void* image, unsigned long len, const char* params) noexcept {
  return detail::as_void(syscall(nr::init_module, image, len, params));
}

// finit_module(2): int finit_module(int fd, const char *param_values, int flags);
template <class = void>
inline result<void> finit_module(fd f, const char* params, module_init::flags flags = module_init::flags()) noexcept {
  return detail::as_void(syscall(nr::finit_module, f.get(), params, flags));
}

// delete_module(2): int delete_module(const char *name, unsigned int flags);
template <class = void>
inline result<void> delete_module(const char* name, module_delete::flags flags = module_delete::flags()) noexcept {
  return detail::as_void(syscall(nr::delete_module, name, flags));
}

// lsm_get_self_attr(2): int lsm_get_self_attr(unsigned int attr, struct lsm_ctx *ctx, u32 *size, u32 flags);
// Linux 6.8+. Fills ctx with one lsm_ctx per LSM that has the attribute
// and returns how many; *size is the room on entry and the bytes used (or
// needed, with E2BIG) on return.
template <class = void>
inline result<int> lsm_get_self_attr(lsm_attr attr, lsm_ctx* ctx, uint32_t* size, lsm_flag::flags flags = lsm_flag::flags()) noexcept {
  auto r = syscall(nr::lsm_get_self_attr, attr, ctx, size, flags);
  if (!r) return unexpected(r.error());
  return static_cast<int>(*r);
}

// lsm_set_self_attr(2): int lsm_set_self_attr(unsigned int attr, struct lsm_ctx *ctx, u32 size, u32 flags);
// Linux 6.8+. flags: 0.
template <class = void>
inline result<void> lsm_set_self_attr(lsm_attr attr, const lsm_ctx* ctx, uint32_t size, uint32_t flags = 0) noexcept {
  return detail::as_void(syscall(nr::lsm_set_self_attr, attr, ctx, size, flags));
}

// lsm_list_modules(2): int lsm_list_modules(u64 *ids, u32 *size, u32 flags);
// Linux 6.8+. The active LSMs' ids (LSM_ID_*), as many as *size bytes hold;
// returns their number and sets *size to the bytes they take. flags: 0.
template <class = void>
inline result<int> lsm_list_modules(uint64_t* ids, uint32_t* size, uint32_t flags = 0) noexcept {
  auto r = syscall(nr::lsm_list_modules, ids, size, flags);
  if (!r) return unexpected(r.error());
  return static_cast<int>(*r);
}

}  // namespace rawsys
