// The flags and mode of a file being opened or created: o:: (O_*) and mode.
// file.hpp (openat, open, openat2) and ipc.hpp (mq_open) both take them;
// this file lets ipc.hpp do so without the rest of file.hpp.
#pragma once

#include "../bitmask.hpp"
#include "../syscall.hpp"

namespace rawsys {

// O_*: openat(2) flags (the values differ per ISA: arm64 and ppc64 move
// directory, nofollow, direct and largefile; mips most of them).
namespace o {
enum class flags : unsigned {
  rdonly = uapi::o_rdonly,
  wronly = uapi::o_wronly,
  rdwr = uapi::o_rdwr,
  accmode = uapi::o_accmode,
  excl = uapi::o_excl,
  noctty = uapi::o_noctty,
  trunc = uapi::o_trunc,
  append = uapi::o_append,
  nonblock = uapi::o_nonblock,
  dsync = uapi::o_dsync,
  async = uapi::fasync,
  direct = uapi::o_direct,
  largefile = uapi::o_largefile,
  directory = uapi::o_directory,
  nofollow = uapi::o_nofollow,
  noatime = uapi::o_noatime,
  cloexec = uapi::o_cloexec,
  sync = uapi::o_sync,  // __O_SYNC | O_DSYNC
  path = uapi::o_path,
};
RAWSYS_BITMASK(flags)
using enum flags;

// The flags that create a file, O_CREAT and O_TMPFILE (__O_TMPFILE |
// O_DIRECTORY), have a type of their own, which any other flag joins:
// o::wronly | o::creat | o::trunc is an o::creating, and open and openat take
// one only with a mode, so a new file never gets mode 0 by omission.
enum class creating : unsigned {};
RAWSYS_BITMASK(creating)
constexpr creating operator|(creating a, flags b) noexcept { return creating{bits(a) | bits(b)}; }
constexpr creating operator|(flags a, creating b) noexcept { return creating{bits(a) | bits(b)}; }
constexpr creating& operator|=(creating& a, flags b) noexcept { return a = a | b; }
inline constexpr creating creat{uapi::o_creat};
inline constexpr creating tmpfile{uapi::o_tmpfile};
}  // namespace o

// A file's mode bits (S_IRUSR, ..., S_ISUID, S_ISGID, S_ISVTX: the s::
// constants), for the calls that create a file: mode{0644}, or
// mode{s::irusr | s::iwusr}. The process's umask applies, as in C.
enum class mode : unsigned {};
RAWSYS_BITMASK(mode)

}  // namespace rawsys
