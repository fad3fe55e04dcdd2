// The calls only s390x has, for <rawsys/process.hpp>: s390_sthyi,
// s390_runtime_instr, s390_guarded_storage, s390_pci_mmio_read and
// s390_pci_mmio_write. They exist only when compiling for s390x.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "../../fd.hpp"
#include "../../syscall.hpp"

namespace rawsys {

// STHYI_FC_CP_IFL_CAP (asm/sthyi.h): s390_sthyi's one function code.
inline constexpr unsigned long sthyi_fc_cp_ifl_cap = uapi::sthyi_fc_cp_ifl_cap;

// s390_sthyi(2): int s390_sthyi(unsigned long function_code, void *resp_buffer, uint64_t *return_code, unsigned long flags);
// Linux 4.15. The machine's and hypervisor's CPU capacity into resp_buffer
// (one 4 KiB page); *return_code gets the instruction's own return code.
// flags other than 0: EINVAL.
template <class = void>
inline result<void> s390_sthyi(unsigned long function_code, void* resp_buffer, uint64_t* return_code,
                               unsigned long flags) noexcept {
  return detail::as_void(syscall(nr::s390_sthyi, function_code, resp_buffer, return_code, flags));
}

// S390_RUNTIME_INSTR_START, S390_RUNTIME_INSTR_STOP (asm/runtime_instr.h).
namespace runtime_instr {
inline constexpr int start = uapi::s390_runtime_instr_start;
inline constexpr int stop = uapi::s390_runtime_instr_stop;
}  // namespace runtime_instr

// s390_runtime_instr(2): int s390_runtime_instr(int command, int signum);
// Runtime instrumentation on or off for the calling thread; signum is
// ignored since Linux 4.16. EOPNOTSUPP on a machine without the facility,
// EINVAL for another command.
template <class = void>
inline result<void> s390_runtime_instr(int command, int signum) noexcept {
  return detail::as_void(syscall(nr::s390_runtime_instr, command, signum));
}

// struct gs_cb (asm/guarded_storage.h): a guarded-storage control block.
using gs_cb = uapi::gs_cb;

// GS_* (asm/guarded_storage.h): s390_guarded_storage's commands.
namespace gs {
inline constexpr int enable = uapi::gs_enable;
inline constexpr int disable = uapi::gs_disable;
inline constexpr int set_bc_cb = uapi::gs_set_bc_cb;
inline constexpr int clear_bc_cb = uapi::gs_clear_bc_cb;
inline constexpr int broadcast = uapi::gs_broadcast;
}  // namespace gs

// s390_guarded_storage(2): int s390_guarded_storage(int command, struct gs_cb *gs_cb);
// Linux 4.12. gs_cb is read by gs::set_bc_cb alone. EOPNOTSUPP on a machine
// without the facility, EINVAL for another command.
template <class = void>
inline result<void> s390_guarded_storage(int command, gs_cb* cb) noexcept {
  return detail::as_void(syscall(nr::s390_guarded_storage, command, cb));
}

// s390_pci_mmio_write(2): int s390_pci_mmio_write(unsigned long mmio_addr, void *user_buffer, size_t length);
// Linux 3.19. Writes to a PCI function's memory mapped at mmio_addr (mapped
// from its sysfs resource file). ENODEV without zPCI, EINVAL for a length
// of 0 or one that crosses a page.
template <class = void>
inline result<void> s390_pci_mmio_write(unsigned long mmio_addr, const void* buf, size_t length) noexcept {
  return detail::as_void(syscall(nr::s390_pci_mmio_write, mmio_addr, buf, length));
}

// s390_pci_mmio_read(2): int s390_pci_mmio_read(unsigned long mmio_addr, void *user_buffer, size_t length);
// As s390_pci_mmio_write, reading.
template <class = void>
inline result<void> s390_pci_mmio_read(unsigned long mmio_addr, void* buf, size_t length) noexcept {
  return detail::as_void(syscall(nr::s390_pci_mmio_read, mmio_addr, buf, length));
}

}  // namespace rawsys
