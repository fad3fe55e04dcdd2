// Landlock: an unprivileged process restricts its own access to files,
// TCP ports and IPC scopes. landlock_create_ruleset(2),
// landlock_add_rule(2), landlock_restrict_self(2); landlock(7) describes
// which rights each ABI version handles.
//
// All three calls are from Linux 5.13; on an older kernel, or one built
// without Landlock or booted without it in lsm=, they fail with ENOSYS or
// EOPNOTSUPP, which the wrappers pass through (ask landlock_abi_version()).
// restrict_self needs no_new_privs (or CAP_SYS_ADMIN) first.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"

namespace rawsys::landlock {

// LANDLOCK_ACCESS_FS_*: what a ruleset handles and a path_beneath rule allows.
namespace access_fs {
enum class flags : uint64_t {};
RAWSYS_BITMASK(flags)
// ABI 1 (5.13)
inline constexpr flags execute{1ull << 0}, write_file{1ull << 1}, read_file{1ull << 2},
    read_dir{1ull << 3}, remove_dir{1ull << 4}, remove_file{1ull << 5}, make_char{1ull << 6},
    make_dir{1ull << 7}, make_reg{1ull << 8}, make_sock{1ull << 9}, make_fifo{1ull << 10},
    make_block{1ull << 11}, make_sym{1ull << 12};
inline constexpr flags refer{1ull << 13};      // ABI 2 (5.19)
inline constexpr flags truncate{1ull << 14};   // ABI 3 (6.2)
inline constexpr flags ioctl_dev{1ull << 15};  // ABI 5 (6.10)
// Every right that ABI version `abi` handles (none for abi < 1).
constexpr flags all(int abi) noexcept {
  if (abi < 1) return {};
  flags f{(1ull << 13) - 1};
  if (abi >= 2) f |= refer;
  if (abi >= 3) f |= truncate;
  if (abi >= 5) f |= ioctl_dev;
  return f;
}
}  // namespace access_fs

// LANDLOCK_ACCESS_NET_*: ABI 4 (6.7).
namespace access_net {
enum class flags : uint64_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags bind_tcp{1ull << 0}, connect_tcp{1ull << 1};
constexpr flags all(int abi) noexcept { return abi >= 4 ? bind_tcp | connect_tcp : flags{}; }
}  // namespace access_net

// LANDLOCK_SCOPE_*: ABI 6 (6.12).
namespace scope {
enum class flags : uint64_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags abstract_unix_socket{1ull << 0}, signal{1ull << 1};
constexpr flags all(int abi) noexcept {
  return abi >= 6 ? abstract_unix_socket | signal : flags{};
}
}  // namespace scope

// LANDLOCK_CREATE_RULESET_*: these turn landlock_create_ruleset into a query
// (see landlock_abi_version and landlock_errata).
namespace create_ruleset {
enum class flags : uint32_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags version{1u << 0}, errata{1u << 1};
}  // namespace create_ruleset

// LANDLOCK_RESTRICT_SELF_*: audit logging of denials, ABI 7 (6.15).
namespace restrict_self {
enum class flags : uint32_t {};
RAWSYS_BITMASK(flags)
inline constexpr flags log_same_exec_off{1u << 0}, log_new_exec_on{1u << 1},
    log_subdomains_off{1u << 2};
}  // namespace restrict_self

// enum landlock_rule_type
enum class rule_type : int {
  path_beneath = 1,
  net_port = 2,
};

}  // namespace rawsys::landlock

namespace rawsys {

// struct landlock_ruleset_attr: what the ruleset handles (everything else
// stays allowed). Pass a prefix of it to older kernels: 8 bytes for ABI 1-3,
// 16 up to ABI 5, 24 from ABI 6.
struct landlock_ruleset_attr {
  landlock::access_fs::flags handled_access_fs;
  landlock::access_net::flags handled_access_net;
  landlock::scope::flags scoped;
};
static_assert(sizeof(landlock_ruleset_attr) == 24);

// struct landlock_path_beneath_attr: packed to 12 bytes, as the kernel has it.
struct [[gnu::packed]] landlock_path_beneath_attr {
  landlock::access_fs::flags allowed_access;
  int32_t parent_fd;
};
static_assert(sizeof(landlock_path_beneath_attr) == 12);

// struct landlock_net_port_attr
struct landlock_net_port_attr {
  landlock::access_net::flags allowed_access;
  uint64_t port;
};
static_assert(sizeof(landlock_net_port_attr) == 16);

// landlock_create_ruleset(2): int landlock_create_ruleset(const struct landlock_ruleset_attr *attr, size_t size, uint32_t flags);
// A new ruleset, handling what *attr says. The flags are the query forms,
// which return a number, not a descriptor: use landlock_abi_version() and
// landlock_errata() for them.
template <class = void>
inline result<unique_fd> landlock_create_ruleset(const landlock_ruleset_attr* attr, size_t size, landlock::create_ruleset::flags flags = landlock::create_ruleset::flags()) noexcept {
  return detail::as_fd(syscall(nr::landlock_create_ruleset, attr, size, flags));
}
template <class = void>
inline result<unique_fd> landlock_create_ruleset(const landlock_ruleset_attr& attr) noexcept {
  return landlock_create_ruleset(&attr, sizeof attr);
}

// landlock_create_ruleset(2) with LANDLOCK_CREATE_RULESET_VERSION: the
// Landlock ABI version this kernel implements (1, 2, ...).
template <class = void>
inline result<int> landlock_abi_version() noexcept {
  auto r = syscall(nr::landlock_create_ruleset, nullptr, 0, landlock::create_ruleset::version);
  if (!r) return unexpected(r.error());
  return static_cast<int>(*r);
}

// landlock_create_ruleset(2) with LANDLOCK_CREATE_RULESET_ERRATA: the bit
// set of errata fixed in this kernel (6.15 and stable kernels with the
// fixes; EINVAL before).
template <class = void>
inline result<int> landlock_errata() noexcept {
  auto r = syscall(nr::landlock_create_ruleset, nullptr, 0, landlock::create_ruleset::errata);
  if (!r) return unexpected(r.error());
  return static_cast<int>(*r);
}

// landlock_add_rule(2): int landlock_add_rule(int ruleset_fd, enum landlock_rule_type rule_type, const void *rule_attr, uint32_t flags);
template <class = void>
inline result<void> landlock_add_rule(fd ruleset, landlock::rule_type type, const void* rule_attr, uint32_t flags = 0) noexcept {
  return detail::as_void(syscall(nr::landlock_add_rule, ruleset.get(), type, rule_attr, flags));
}
// Allows `attr.allowed_access` beneath the directory attr.parent_fd.
template <class = void>
inline result<void> landlock_add_rule(fd ruleset, const landlock_path_beneath_attr& attr) noexcept {
  return landlock_add_rule(ruleset, landlock::rule_type::path_beneath, &attr);
}
// Allows binding or connecting to attr.port.
template <class = void>
inline result<void> landlock_add_rule(fd ruleset, const landlock_net_port_attr& attr) noexcept {
  return landlock_add_rule(ruleset, landlock::rule_type::net_port, &attr);
}

// landlock_restrict_self(2): int landlock_restrict_self(int ruleset_fd, uint32_t flags);
// Enforces the ruleset on this thread (and what it creates from now on).
template <class = void>
inline result<void> landlock_restrict_self(fd ruleset, landlock::restrict_self::flags flags = landlock::restrict_self::flags()) noexcept {
  return detail::as_void(syscall(nr::landlock_restrict_self, ruleset.get(), flags));
}

}  // namespace rawsys
