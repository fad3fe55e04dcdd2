// AT_*: the *at calls' flags, rawsys::at::flags. Apart from fs.hpp so that
// process.hpp (execveat) has them without the cost of the filesystem calls.
#pragma once

#include "../bitmask.hpp"
#include "../types.hpp"

namespace rawsys {

// AT_*: flags of the *at calls (AT_FDCWD is rawsys::at_fdcwd in fd.hpp).
namespace at {
enum class flags : unsigned {};
RAWSYS_BITMASK(flags)
inline constexpr flags symlink_nofollow{uapi::at_symlink_nofollow};
inline constexpr flags eaccess{uapi::at_eaccess};  // faccessat2
inline constexpr flags removedir{uapi::at_removedir};  // unlinkat
inline constexpr flags symlink_follow{uapi::at_symlink_follow};
inline constexpr flags no_automount{uapi::at_no_automount};
inline constexpr flags empty_path{uapi::at_empty_path};
inline constexpr flags statx_sync_as_stat{uapi::at_statx_sync_as_stat};
inline constexpr flags statx_force_sync{uapi::at_statx_force_sync};
inline constexpr flags statx_dont_sync{uapi::at_statx_dont_sync};
inline constexpr flags statx_sync_type{uapi::at_statx_sync_type};
inline constexpr flags recursive{uapi::at_recursive};
}  // namespace at

}  // namespace rawsys
