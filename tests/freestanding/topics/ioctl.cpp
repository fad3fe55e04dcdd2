// <rawsys/ioctl.hpp> without libc: each typed request once, on a pipe and a
// file (no terminal is assumed: the terminal requests there are ENOTTY).
#include <rawsys/file.hpp>
#include <rawsys/ioctl.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;
namespace o = r::o;

int main() {
  auto p = r::pipe2(o::cloexec);
  check(p.has_value(), "pipe2");
  if (!p) return topic::finish("ioctl.hpp");
  check(r::fionread(p->read_end) == 0, "fionread: empty");
  check(r::write(p->write_end, "abc", 3) == 3u, "write");
  check(r::fionread(p->read_end) == 3, "fionread: 3 bytes");
  check(r::fionbio(p->read_end, true).has_value() && r::has(r::fcntl_getfl(p->read_end).value_or(o::flags{}), o::nonblock),
        "fionbio");
  check(r::fionread(r::fd{-1}) == r::unexpected(r::errc::ebadf), "fionread: EBADF");
  check(r::term::window_size(p->read_end) == r::unexpected(r::errc::enotty), "window_size: ENOTTY");
  check(r::term::get_attr(p->read_end) == r::unexpected(r::errc::enotty), "get_attr: ENOTTY");
  check(r::term::get_pgrp(p->read_end) == r::unexpected(r::errc::enotty), "get_pgrp: ENOTTY");
  check(r::term::flush(p->read_end, r::term::queue::both) == r::unexpected(r::errc::enotty), "flush: ENOTTY");
  check(r::fs_ioc_getflags(p->read_end) == r::unexpected(r::errc::enotty), "fs_ioc_getflags: ENOTTY");
  check(r::ficlone(p->write_end, r::fd{-1}) == r::unexpected(r::errc::ebadf), "ficlone: EBADF");
  return topic::finish("ioctl.hpp");
}
