// ioctl(2) requests: the request numbers of each ISA (generated from the
// UAPI: mips and powerpc number the terminal ones apart), and typed calls for
// terminals (size, modes, foreground process group), the bytes waiting
// (FIONREAD), non-blocking mode (FIONBIO), reflink copies (FICLONE,
// FICLONERANGE) and inode flags (FS_IOC_GETFLAGS).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "bitmask.hpp"
#include "fd.hpp"
#include "detail/ioctl.hpp"
#include "syscall.hpp"
#include "types.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_IOCTL
#include "arch/native_uapi.hpp"

namespace rawsys {

// The request numbers, for rawsys::ioctl(fd, request, arg).
namespace ioctls {
inline constexpr unsigned long tcgets = uapi::tcgets;
inline constexpr unsigned long tcsets = uapi::tcsets;
inline constexpr unsigned long tcsetsw = uapi::tcsetsw;
inline constexpr unsigned long tcsetsf = uapi::tcsetsf;
inline constexpr unsigned long tcflsh = uapi::tcflsh;
inline constexpr unsigned long tiocgwinsz = uapi::tiocgwinsz;
inline constexpr unsigned long tiocswinsz = uapi::tiocswinsz;
inline constexpr unsigned long tiocgpgrp = uapi::tiocgpgrp;
inline constexpr unsigned long tiocspgrp = uapi::tiocspgrp;
inline constexpr unsigned long tiocgsid = uapi::tiocgsid;
inline constexpr unsigned long tiocsctty = uapi::tiocsctty;
inline constexpr unsigned long tiocnotty = uapi::tiocnotty;
inline constexpr unsigned long tiocoutq = uapi::tiocoutq;
inline constexpr unsigned long tiocgptn = uapi::tiocgptn;
inline constexpr unsigned long tiocsptlck = uapi::tiocsptlck;
inline constexpr unsigned long fionread = uapi::fionread;
inline constexpr unsigned long fionbio = uapi::fionbio;
inline constexpr unsigned long fioclex = uapi::fioclex;
inline constexpr unsigned long fionclex = uapi::fionclex;
inline constexpr unsigned long ficlone = uapi::ficlone;
inline constexpr unsigned long ficlonerange = uapi::ficlonerange;
inline constexpr unsigned long fideduperange = uapi::fideduperange;
inline constexpr unsigned long fs_ioc_getflags = uapi::fs_ioc_getflags;
inline constexpr unsigned long fs_ioc_setflags = uapi::fs_ioc_setflags;
}  // namespace ioctls

// Terminals.
namespace term {

// The kernel's struct winsize (TIOCGWINSZ, TIOCSWINSZ).
struct winsize : uapi::winsize {};

// The kernel's struct termios as TCGETS and TCSETS* take it on this ISA:
// iflag, oflag, cflag, lflag, line and cc[nccs] everywhere (nccs is 19, and
// 23 on mips; powerpc puts line after cc and adds ispeed and ospeed). The C
// library's struct termios is another layout, converted by tcgetattr(3).
struct termios : uapi::termios {};
inline constexpr unsigned nccs = uapi::nccs;

// Some bits of the four mode words and the indices of cc (their values
// differ on powerpc and mips), as plain numbers like the members.
inline constexpr uint32_t brkint = uapi::brkint, icrnl = uapi::icrnl, inlcr = uapi::inlcr,
                          inpck = uapi::inpck, istrip = uapi::istrip, ixon = uapi::ixon;  // iflag
inline constexpr uint32_t opost = uapi::opost;                                            // oflag
inline constexpr uint32_t csize = uapi::csize, cs8 = uapi::cs8, parenb = uapi::parenb;    // cflag
inline constexpr uint32_t echo = uapi::echo, echoe = uapi::echoe, echok = uapi::echok, echonl = uapi::echonl,
                          icanon = uapi::icanon, iexten = uapi::iexten, isig = uapi::isig;  // lflag
inline constexpr unsigned vintr = uapi::vintr, vquit = uapi::vquit, verase = uapi::verase, vkill = uapi::vkill,
                          veof = uapi::veof, vtime = uapi::vtime, vmin = uapi::vmin, vsusp = uapi::vsusp;

// When set_attr applies the new modes: now (TCSETS), after the output is
// written (TCSETSW), or after that and discarding the unread input (TCSETSF).
enum class when : unsigned long { now = uapi::tcsets, drain = uapi::tcsetsw, flush = uapi::tcsetsf };

// Which queue flush discards (TCFLSH's argument).
enum class queue : unsigned long { input = uapi::tciflush, output = uapi::tcoflush, both = uapi::tcioflush };

// ioctl(2) TIOCGWINSZ: the terminal's size; ENOTTY on what is not a terminal.
template <class = void>
inline result<winsize> window_size(fd f) noexcept {
  winsize ws{};
  auto r = ioctl(f, uapi::tiocgwinsz, &ws);
  if (!r) return unexpected(r.error());
  return ws;
}

// ioctl(2) TIOCSWINSZ: sets the size (the foreground process group gets SIGWINCH).
template <class = void>
inline result<void> set_window_size(fd f, const winsize& ws) noexcept {
  return detail::as_void(ioctl(f, uapi::tiocswinsz, &ws));
}

// ioctl(2) TCGETS: the terminal's modes, as tcgetattr(3).
template <class = void>
inline result<termios> get_attr(fd f) noexcept {
  termios t{};
  auto r = ioctl(f, uapi::tcgets, &t);
  if (!r) return unexpected(r.error());
  return t;
}

// ioctl(2) TCSETS, TCSETSW or TCSETSF: sets the modes, as tcsetattr(3).
template <class = void>
inline result<void> set_attr(fd f, when w, const termios& t) noexcept {
  return detail::as_void(ioctl(f, static_cast<unsigned long>(w), &t));
}

// ioctl(2) TCFLSH: discards unread input or unwritten output, as tcflush(3).
template <class = void>
inline result<void> flush(fd f, queue q) noexcept {
  return detail::as_void(ioctl(f, uapi::tcflsh, static_cast<unsigned long>(q)));
}

// ioctl(2) TIOCGPGRP: the foreground process group, as tcgetpgrp(3).
template <class = void>
inline result<int> get_pgrp(fd f) noexcept {
  int pgrp = 0;
  auto r = ioctl(f, uapi::tiocgpgrp, &pgrp);
  if (!r) return unexpected(r.error());
  return pgrp;
}

// ioctl(2) TIOCSPGRP: makes pgrp the foreground process group, as tcsetpgrp(3).
template <class = void>
inline result<void> set_pgrp(fd f, int pgrp) noexcept {
  return detail::as_void(ioctl(f, uapi::tiocspgrp, &pgrp));
}

// ioctl(2) TIOCGSID: the session of which the terminal is the controlling one.
template <class = void>
inline result<int> get_sid(fd f) noexcept {
  int sid = 0;
  auto r = ioctl(f, uapi::tiocgsid, &sid);
  if (!r) return unexpected(r.error());
  return sid;
}

// ioctl(2) TIOCGPTN: the number of a pseudo-terminal master's slave (/dev/pts/N).
template <class = void>
inline result<unsigned> get_ptn(fd master) noexcept {
  unsigned n = 0;
  auto r = ioctl(master, uapi::tiocgptn, &n);
  if (!r) return unexpected(r.error());
  return n;
}

// ioctl(2) TIOCSPTLCK: locks (true) or unlocks the slave, as unlockpt(3) does with false.
template <class = void>
inline result<void> set_ptlck(fd master, bool lock) noexcept {
  int v = lock ? 1 : 0;
  return detail::as_void(ioctl(master, uapi::tiocsptlck, &v));
}

}  // namespace term

// ioctl(2) FIONREAD: the bytes that a read could return now (a pipe, a
// socket, a terminal), or for a regular file those after the position.
template <class = void>
inline result<int> fionread(fd f) noexcept {
  int n = 0;
  auto r = ioctl(f, uapi::fionread, &n);
  if (!r) return unexpected(r.error());
  return n;
}

// ioctl(2) FIONBIO: sets (true) or clears o::nonblock.
template <class = void>
inline result<void> fionbio(fd f, bool on) noexcept {
  int v = on ? 1 : 0;
  return detail::as_void(ioctl(f, uapi::fionbio, &v));
}

// ioctl(2) FICLONE: makes dst share src's data (a reflink: btrfs, XFS);
// EOPNOTSUPP where the file system cannot, EXDEV across file systems.
template <class = void>
inline result<void> ficlone(fd dst, fd src) noexcept {
  return detail::as_void(ioctl(dst, uapi::ficlone, static_cast<unsigned long>(src.get())));
}

// The kernel's struct file_clone_range (FICLONERANGE): src_length 0 clones
// to the end of the source.
struct file_clone_range : uapi::file_clone_range {};

// ioctl(2) FICLONERANGE: as ficlone for a range of src_fd into dst.
template <class = void>
inline result<void> ficlonerange(fd dst, const file_clone_range& range) noexcept {
  return detail::as_void(ioctl(dst, uapi::ficlonerange, &range));
}

// FS_*_FL: a few inode flags of FS_IOC_GETFLAGS and FS_IOC_SETFLAGS.
namespace fs_fl {
enum class flags : int {
  sync = uapi::fs_sync_fl,
  immutable = uapi::fs_immutable_fl,
  append = uapi::fs_append_fl,
  nodump = uapi::fs_nodump_fl,
  noatime = uapi::fs_noatime_fl,
  nocow = uapi::fs_nocow_fl,
};
RAWSYS_BITMASK(flags)
using enum flags;
}  // namespace fs_fl

// ioctl(2) FS_IOC_GETFLAGS: the inode flags (chattr's); ENOTTY where the
// file system has none. The kernel reads and writes an int, whatever the
// request's encoded size says.
template <class = void>
inline result<fs_fl::flags> fs_ioc_getflags(fd f) noexcept {
  int v = 0;
  auto r = ioctl(f, uapi::fs_ioc_getflags, &v);
  if (!r) return unexpected(r.error());
  return fs_fl::flags{v};
}

// ioctl(2) FS_IOC_SETFLAGS.
template <class = void>
inline result<void> fs_ioc_setflags(fd f, fs_fl::flags flags) noexcept {
  int v = bits(flags);
  return detail::as_void(ioctl(f, uapi::fs_ioc_setflags, &v));
}

}  // namespace rawsys
