// <rawsys/file.hpp> and <rawsys/fs.hpp> in a program with no libc: an
// unnamed file written at 5 GiB and read back, its metadata, a pipe, a
// directory listing and a lock. Exits with a distinct status on the first
// failure and 0 when all pass; links with no undefined symbol.
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>

#include "nolibc_abi.hpp"
#include "nolibc_mem.hpp"

using rawsys::errc;

namespace {

[[noreturn]] void exit_with(long code) {
  rawsys::raw::syscall(static_cast<long>(rawsys::nr::exit_group), code);
  __builtin_unreachable();
}

void expect(bool ok, long code) {
  if (!ok) exit_with(code);
}

bool same(const char* a, const char* b, unsigned long n) {
  for (unsigned long i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

void run() {
  namespace o = rawsys::o;
  constexpr int64_t at = int64_t{5} << 30;
  auto f = rawsys::openat(rawsys::at_fdcwd, "/tmp", o::tmpfile | o::rdwr | o::cloexec, rawsys::mode{0600});
  expect(f.has_value(), 10);
  expect(rawsys::pwrite64(*f, "far", at) == 3u, 11);
  char buf[8] = {};
  expect(rawsys::pread64(*f, buf, 3, at) == 3u && same(buf, "far", 3), 12);
  expect(rawsys::lseek(*f, 0, rawsys::seek::end) == at + 3, 13);
  expect(rawsys::ftruncate(*f, at + 1).has_value(), 14);

  auto st = rawsys::fstat(*f);
  expect(st.has_value() && st->size == at + 1 && rawsys::s::isreg(st->mode) && st->nlink == 0, 20);
  auto sx = rawsys::statx(*f, "", rawsys::at::empty_path, rawsys::stx::size | rawsys::stx::ino);
  expect(sx.has_value() && sx->size == static_cast<uint64_t>(at + 1) && sx->ino == st->ino, 21);
  expect(rawsys::newfstatat(rawsys::at_fdcwd, "/no/such/file") == rawsys::unexpected(errc::enoent), 22);

  auto p = rawsys::pipe2(o::cloexec);
  expect(p.has_value(), 30);
  expect(rawsys::write(p->write_end, "ping") == 4u, 31);
  expect(rawsys::read(p->read_end, buf, sizeof buf) == 4u && same(buf, "ping", 4), 32);
  expect(rawsys::dup2(p->read_end, p->read_end) == rawsys::fd{p->read_end.get()}, 33);
  expect(rawsys::fcntl_getfd(p->read_end) == rawsys::fd_::cloexec, 34);

  rawsys::flock_t lk{};
  lk.type = rawsys::flock_type::wrlck;
  expect(rawsys::fcntl_ofd_setlk(*f, &lk).has_value(), 40);
  expect(rawsys::flock(*f, rawsys::lock::ex | rawsys::lock::nb).has_value(), 41);

  // "/" lists "." and ".." among its entries.
  auto root = rawsys::open("/", o::rdonly | o::directory | o::cloexec);
  expect(root.has_value(), 50);
  alignas(8) char dents[2048];
  rawsys::dir_reader dir(*root, dents);
  int dots = 0, entries = 0;
  for (const rawsys::dir_entry& e : dir) {
    ++entries;
    if (e.name[0] == '.' && (e.name[1] == 0 || (e.name[1] == '.' && e.name[2] == 0))) {
      ++dots;
      expect(e.type == rawsys::dt::dir, 51);
    }
  }
  expect(dir.status().has_value() && dots == 2 && entries > 2, 52);
  auto fs = rawsys::fstatfs(*root);
  expect(fs.has_value() && fs->bsize > 0, 53);
  expect(rawsys::close(static_cast<rawsys::unique_fd&&>(*root)).has_value(), 54);
}

}  // namespace

extern "C" [[noreturn]] [[gnu::used]] void rawsys_test_start(long*) {
  run();
  exit_with(0);
}

#include "test_start.hpp"
