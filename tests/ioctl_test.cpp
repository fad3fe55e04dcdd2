// <rawsys/ioctl.hpp> against glibc on the same arch: the request numbers are
// glibc's, and each typed request does on a pseudo-terminal (posix_openpt),
// a pipe or a file what glibc's tcgetattr, tcsetattr, tcgetpgrp, ... or its
// ioctl() with the same request does: the same values, the same errno.
#include <rawsys/ioctl.hpp>

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "files_support.hpp"

using rawsys::bits;
using rawsys::errc;
using rawsys::fd;
using rawsys::unexpected;
using rawsys_test::cfd;
using rawsys_test::child_checks;
using rawsys_test::error_of;
using rawsys_test::glibc;
using rawsys_test::outcome;
using rawsys_test::temp_dir;
using rawsys_test::write_file;
namespace ioctls = rawsys::ioctls;
namespace term = rawsys::term;

// The request numbers glibc's headers give this ISA.
// TCGETS and TCSETS*: where the number encodes a size (powerpc), glibc's
// macro encodes its own struct termios, which tcgetattr(3) never passes to
// the kernel; rawsys's the kernel's, as glibc's tcgetattr does.
constexpr bool same_termios_request(unsigned long mine, unsigned long glibcs) {
  const unsigned long size_field = ((1ul << rawsys::abi::ioc.size_bits) - 1) << 16;
  const unsigned long size = (mine & size_field) >> 16;
  return (mine & ~size_field) == (glibcs & ~size_field) && (size == 0 || size == sizeof(rawsys::term::termios));
}
static_assert(same_termios_request(ioctls::tcgets, TCGETS) && same_termios_request(ioctls::tcsets, TCSETS));
static_assert(same_termios_request(ioctls::tcsetsw, TCSETSW) && same_termios_request(ioctls::tcsetsf, TCSETSF));
static_assert(ioctls::tcflsh == TCFLSH);
static_assert(ioctls::tiocgwinsz == TIOCGWINSZ && ioctls::tiocswinsz == TIOCSWINSZ);
static_assert(ioctls::tiocgpgrp == TIOCGPGRP && ioctls::tiocspgrp == TIOCSPGRP && ioctls::tiocgsid == TIOCGSID);
static_assert(ioctls::tiocsctty == TIOCSCTTY && ioctls::tiocnotty == TIOCNOTTY && ioctls::tiocoutq == TIOCOUTQ);
static_assert(ioctls::tiocgptn == TIOCGPTN && ioctls::tiocsptlck == TIOCSPTLCK);
static_assert(ioctls::fionread == FIONREAD && ioctls::fionbio == FIONBIO);
static_assert(ioctls::fioclex == FIOCLEX && ioctls::fionclex == FIONCLEX);
static_assert(ioctls::ficlone == FICLONE && ioctls::ficlonerange == FICLONERANGE && ioctls::fideduperange == FIDEDUPERANGE);
static_assert(ioctls::fs_ioc_getflags == FS_IOC_GETFLAGS && ioctls::fs_ioc_setflags == FS_IOC_SETFLAGS);
static_assert(bits(rawsys::fs_fl::immutable) == FS_IMMUTABLE_FL && bits(rawsys::fs_fl::append) == FS_APPEND_FL);
static_assert(bits(rawsys::fs_fl::noatime) == FS_NOATIME_FL && bits(rawsys::fs_fl::nodump) == FS_NODUMP_FL);
static_assert(sizeof(rawsys::file_clone_range) == sizeof(struct file_clone_range));
static_assert(offsetof(rawsys::file_clone_range, dest_offset) == offsetof(struct file_clone_range, dest_offset));
// The mode bits and c_cc indices: glibc's values (powerpc's and mips' differ).
static_assert(term::brkint == BRKINT && term::icrnl == ICRNL && term::inlcr == INLCR && term::inpck == INPCK);
static_assert(term::istrip == ISTRIP && term::ixon == IXON && term::opost == OPOST);
static_assert(term::csize == CSIZE && term::cs8 == CS8 && term::parenb == PARENB);
static_assert(term::echo == ECHO && term::echoe == ECHOE && term::echok == ECHOK && term::echonl == ECHONL);
static_assert(term::icanon == ICANON && term::iexten == IEXTEN && term::isig == ISIG);
static_assert(term::vintr == VINTR && term::vquit == VQUIT && term::verase == VERASE && term::vkill == VKILL);
static_assert(term::veof == VEOF && term::vtime == VTIME && term::vmin == VMIN && term::vsusp == VSUSP);
static_assert(sizeof(term::winsize) == sizeof(struct winsize));
static_assert(offsetof(term::winsize, col) == offsetof(struct winsize, ws_col));
static_assert(sizeof(term::termios{}.cc) == term::nccs);

namespace {

// A pseudo-terminal pair from glibc: the master, and the slave opened
// without making it a controlling terminal.
int open_slave(int master) {
  if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) return -1;
  return ::open(::ptsname(master), O_RDWR | O_NOCTTY | O_CLOEXEC);
}

struct pty {
  cfd master{::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)};
  cfd slave{open_slave(master.get())};
  pty() {
    REQUIRE(master.get() >= 0);
    REQUIRE(slave.get() >= 0);
  }
};


}  // namespace

TEST_CASE("term::window_size and set_window_size: as TIOCGWINSZ and TIOCSWINSZ through glibc's ioctl") {
  pty p;
  term::winsize ws{};
  ws.row = 42;
  ws.col = 123;
  ws.xpixel = 7;
  CHECK(term::set_window_size(p.slave, ws).has_value());
  struct winsize theirs {};
  REQUIRE(::ioctl(p.master.get(), TIOCGWINSZ, &theirs) == 0);
  CHECK(theirs.ws_row == 42);
  CHECK(theirs.ws_col == 123);
  CHECK(theirs.ws_xpixel == 7);
  theirs.ws_row = 50;
  REQUIRE(::ioctl(p.master.get(), TIOCSWINSZ, &theirs) == 0);
  auto mine = term::window_size(p.slave);
  REQUIRE(mine.has_value());
  CHECK(mine->row == 50);
  CHECK(mine->col == 123);
  CHECK(mine->ypixel == 0);
  // Not a terminal: ENOTTY; not a descriptor: EBADF.
  temp_dir d;
  write_file(d / "f", "x");
  cfd file(::open((d / "f").c_str(), O_RDONLY | O_CLOEXEC));
  CHECK(outcome(term::window_size(file)) == glibc(::ioctl(file.get(), TIOCGWINSZ, &theirs)));
  CHECK(error_of(term::window_size(file)) == errc::enotty);
  CHECK(outcome(term::set_window_size(fd{-1}, ws)) == glibc(::ioctl(-1, TIOCSWINSZ, &theirs)));
}

TEST_CASE("term::get_attr, set_attr and flush: the kernel's struct termios, as glibc's tcgetattr, tcsetattr and tcflush") {
  pty p;
  auto mine = term::get_attr(p.slave);
  REQUIRE(mine.has_value());
  struct termios theirs {};
  REQUIRE(::tcgetattr(p.slave.get(), &theirs) == 0);
  CHECK(mine->iflag == theirs.c_iflag);
  CHECK(mine->oflag == theirs.c_oflag);
  CHECK(mine->cflag == theirs.c_cflag);
  CHECK(mine->lflag == theirs.c_lflag);
  CHECK(mine->line == theirs.c_line);
  for (unsigned i : {term::vintr, term::vquit, term::verase, term::vkill, term::veof, term::vtime, term::vmin, term::vsusp})
    CHECK(mine->cc[i] == theirs.c_cc[i]);
  // Raw mode through rawsys, seen by glibc; each of the three moments.
  term::termios raw = *mine;
  raw.lflag &= ~(term::echo | term::icanon | term::isig | term::iexten);
  raw.iflag &= ~(term::icrnl | term::ixon);
  raw.cc[term::vmin] = 1;
  raw.cc[term::vtime] = 0;
  for (term::when w : {term::when::now, term::when::drain, term::when::flush}) {
    CHECK(term::set_attr(p.slave, w, raw).has_value());
    REQUIRE(::tcgetattr(p.slave.get(), &theirs) == 0);
    CHECK((theirs.c_lflag & (ECHO | ICANON | ISIG | IEXTEN)) == 0);
    CHECK((theirs.c_iflag & (ICRNL | IXON)) == 0);
    CHECK(theirs.c_cc[VMIN] == 1);
    CHECK(term::get_attr(p.slave)->lflag == theirs.c_lflag);
  }
  // And back through glibc, seen by rawsys.
  theirs.c_lflag |= ECHO;
  REQUIRE(::tcsetattr(p.slave.get(), TCSANOW, &theirs) == 0);
  CHECK((term::get_attr(p.slave)->lflag & term::echo) != 0);
  // Flush: input, output, both; a bad queue is EINVAL.
  CHECK(outcome(term::flush(p.slave, term::queue::input)) == glibc(::tcflush(p.slave.get(), TCIFLUSH)));
  CHECK(term::flush(p.slave, term::queue::output).has_value());
  CHECK(term::flush(p.slave, term::queue::both).has_value());
  CHECK(outcome(term::flush(p.slave, term::queue{7})) == glibc(::tcflush(p.slave.get(), 7)));
  // Not a terminal: ENOTTY, as glibc's.
  temp_dir d;
  write_file(d / "f", "x");
  cfd file(::open((d / "f").c_str(), O_RDWR | O_CLOEXEC));
  CHECK(outcome(term::get_attr(file)) == glibc(::tcgetattr(file.get(), &theirs)));
  CHECK(error_of(term::get_attr(file)) == errc::enotty);
  CHECK(outcome(term::set_attr(file, term::when::now, raw)) == glibc(::tcsetattr(file.get(), TCSANOW, &theirs)));
  CHECK(outcome(term::flush(file, term::queue::both)) == glibc(::tcflush(file.get(), TCIOFLUSH)));
  CHECK(outcome(term::get_attr(fd{-1})) == glibc(::tcgetattr(-1, &theirs)));
}

TEST_CASE("term::get_pgrp, set_pgrp and get_sid: a controlling terminal in a new session, as glibc's") {
  pty p;
  // Not this process's controlling terminal: ENOTTY, as glibc's tcgetpgrp.
  CHECK(outcome(term::get_pgrp(p.slave)) == glibc(::tcgetpgrp(p.slave.get())));
  CHECK(outcome(term::get_sid(p.slave)) == glibc(::tcgetsid(p.slave.get())));
  CHECK(rawsys_test::in_child([&] {
          child_checks checks;
          if (::setsid() < 0) return 90;
          EXPECT(::ioctl(p.slave.get(), TIOCSCTTY, 0) == 0);
          const long me = ::getpid();
          EXPECT(outcome(term::get_pgrp(p.slave)) == me);
          EXPECT(outcome(term::get_pgrp(p.slave)) == glibc(::tcgetpgrp(p.slave.get())));
          // glibc's ioctl with the same request (tcgetsid falls back to
          // getsid(tcgetpgrp()) on EINVAL; qemu-user lacks TIOCGSID).
          int sid = 0;
          const auto theirs = glibc(::ioctl(p.slave.get(), TIOCGSID, &sid));
          EXPECT(error_of(term::get_sid(p.slave)) == error_of(theirs));
          if (theirs) EXPECT(term::get_sid(p.slave) == sid);
          // qemu-user answers TIOCGSID without writing the id (0 in both).
          if (theirs && !rawsys_test::under_qemu_user()) EXPECT(sid == me);
          EXPECT(term::set_pgrp(p.slave, static_cast<int>(me)).has_value());
          // A process group of another session: EPERM; a negative one: EINVAL.
          EXPECT(outcome(term::set_pgrp(p.slave, 1)) == glibc(::tcsetpgrp(p.slave.get(), 1)));
          EXPECT(error_of(term::set_pgrp(p.slave, 1)) == errc::eperm);
          EXPECT(outcome(term::set_pgrp(p.slave, -5)) == glibc(::tcsetpgrp(p.slave.get(), -5)));
          return checks.status();
        }) == 0);
}

TEST_CASE("term::get_ptn and set_ptlck: the slave's number, as glibc's ptsname") {
  pty p;
  auto n = term::get_ptn(p.master);
  REQUIRE(n.has_value());
  CHECK(std::string(::ptsname(p.master.get())) == "/dev/pts/" + std::to_string(*n));
  unsigned theirs = 0;
  CHECK(outcome(term::get_ptn(p.slave)) == glibc(::ioctl(p.slave.get(), TIOCGPTN, &theirs)));
  CHECK(error_of(term::get_ptn(p.slave)) != errc{});
  CHECK(term::set_ptlck(p.master, true).has_value());
  CHECK(glibc(::open(::ptsname(p.master.get()), O_RDWR | O_NOCTTY | O_CLOEXEC)) == unexpected(errc::eio));
  CHECK(term::set_ptlck(p.master, false).has_value());
  cfd again(::open(::ptsname(p.master.get()), O_RDWR | O_NOCTTY | O_CLOEXEC));
  CHECK(again.get() >= 0);
  int lock = 0;
  CHECK(outcome(term::set_ptlck(fd{-1}, false)) == glibc(::ioctl(-1, TIOCSPTLCK, &lock)));
}

TEST_CASE("fionread and fionbio: a pipe, a file and a terminal, as glibc's ioctl") {
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  cfd rd(p[0]), wr(p[1]);
  CHECK(rawsys::fionread(rd) == 0);
  REQUIRE(::write(wr.get(), "hello", 5) == 5);
  int theirs = -1;
  REQUIRE(::ioctl(rd.get(), FIONREAD, &theirs) == 0);
  CHECK(rawsys::fionread(rd) == theirs);
  CHECK(theirs == 5);
  // A file: the bytes after the position.
  temp_dir d;
  write_file(d / "f", "0123456789");
  cfd file(::open((d / "f").c_str(), O_RDONLY | O_CLOEXEC));
  REQUIRE(::lseek(file.get(), 3, SEEK_SET) == 3);
  REQUIRE(::ioctl(file.get(), FIONREAD, &theirs) == 0);
  CHECK(rawsys::fionread(file) == theirs);
  CHECK(theirs == 7);
  // A terminal's input queue.
  pty t;
  REQUIRE(::write(t.master.get(), "ab\n", 3) == 3);
  REQUIRE(::tcdrain(t.master.get()) == 0);
  REQUIRE(::ioctl(t.slave.get(), FIONREAD, &theirs) == 0);
  CHECK(rawsys::fionread(t.slave) == theirs);
  CHECK(outcome(rawsys::fionread(fd{-1})) == glibc(::ioctl(-1, FIONREAD, &theirs)));
  CHECK(error_of(rawsys::fionread(fd{-1})) == errc::ebadf);
  // fionbio: o::nonblock on and off, as F_GETFL sees it.
  CHECK(rawsys::fionbio(rd, true).has_value());
  CHECK((::fcntl(rd.get(), F_GETFL) & O_NONBLOCK) != 0);
  CHECK(rawsys::fionbio(rd, false).has_value());
  CHECK((::fcntl(rd.get(), F_GETFL) & O_NONBLOCK) == 0);
  int on = 1;
  CHECK(outcome(rawsys::fionbio(fd{-1}, true)) == glibc(::ioctl(-1, FIONBIO, &on)));
}

TEST_CASE("ficlone and ficlonerange: a reflink where the file system makes one, glibc's errors everywhere") {
  temp_dir d;
  write_file(d / "src", std::string(8192, 'r'));
  cfd src(::open((d / "src").c_str(), O_RDONLY | O_CLOEXEC));
  cfd dst(::open((d / "dst").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  cfd other(::open((d / "other").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  auto r = rawsys::ficlone(dst, src);
  CHECK(outcome(r) == glibc(::ioctl(other.get(), FICLONE, src.get())));
  rawsys::file_clone_range range{};
  range.src_fd = src.get();
  range.src_length = 4096;
  struct file_clone_range theirs {};
  theirs.src_fd = src.get();
  theirs.src_length = 4096;
  auto rr = rawsys::ficlonerange(dst, range);
  CHECK(outcome(rr) == glibc(::ioctl(other.get(), FICLONERANGE, &theirs)));
  if (r) {
    CHECK(::lseek(dst.get(), 0, SEEK_END) == 8192);
  } else {
    MESSAGE("FICLONE: " << std::string(rawsys::name(r.error())) << " on /tmp's file system (no reflinks): only the errors");
  }
  // Not a descriptor: EBADF, either way round.
  CHECK(outcome(rawsys::ficlone(fd{-1}, src)) == glibc(::ioctl(-1, FICLONE, src.get())));
  CHECK(outcome(rawsys::ficlone(dst, fd{-1})) == glibc(::ioctl(dst.get(), FICLONE, -1)));
  CHECK(error_of(rawsys::ficlone(dst, fd{-1})) == errc::ebadf);
}

TEST_CASE("fs_ioc_getflags and fs_ioc_setflags: the inode flags, as glibc's ioctl") {
  temp_dir d;
  write_file(d / "f", "x");
  cfd f(::open((d / "f").c_str(), O_RDONLY | O_CLOEXEC));
  int theirs = 0;
  auto mine = rawsys::fs_ioc_getflags(f);
  CHECK(error_of(mine) == error_of(glibc(::ioctl(f.get(), FS_IOC_GETFLAGS, &theirs))));
  if (mine) {
    CHECK(bits(*mine) == theirs);
    auto set = rawsys::fs_ioc_setflags(f, *mine | rawsys::fs_fl::noatime);
    if (set) {
      REQUIRE(::ioctl(f.get(), FS_IOC_GETFLAGS, &theirs) == 0);
      CHECK((theirs & FS_NOATIME_FL) != 0);
      CHECK(rawsys::fs_ioc_setflags(f, *mine).has_value());
      CHECK(rawsys::fs_ioc_getflags(f) == *mine);
    } else {
      MESSAGE("FS_IOC_SETFLAGS: " << std::string(rawsys::name(set.error())));
    }
  }
  // A pipe has no inode flags: ENOTTY; not a descriptor: EBADF.
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  cfd rd(p[0]), wr(p[1]);
  CHECK(outcome(rawsys::fs_ioc_getflags(rd)) == glibc(::ioctl(rd.get(), FS_IOC_GETFLAGS, &theirs)));
  CHECK(error_of(rawsys::fs_ioc_getflags(rd)) == errc::enotty);
  CHECK(outcome(rawsys::fs_ioc_setflags(fd{-1}, rawsys::fs_fl::flags())) == glibc(::ioctl(-1, FS_IOC_SETFLAGS, &theirs)));
}
