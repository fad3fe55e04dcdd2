// <rawsys/memory.hpp> without libc: each wrapper once, against what mmap(2)
// and its neighbours document.
#include <rawsys/file.hpp>
#include <rawsys/memory.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

int main() {
  constexpr size_t page = 4096;
  // An anonymous private mapping reads as zeros and is writable.
  auto m = r::mmap(nullptr, 4 * page, r::prot::read | r::prot::write, r::map::private_ | r::map::anonymous);
  check(m.has_value(), "mmap anonymous");
  if (!m) return topic::finish("memory.hpp");
  auto* p = static_cast<volatile unsigned char*>(*m);
  check(p[0] == 0 && p[4 * page - 1] == 0, "mmap: zero-filled");
  p[0] = 1;
  p[page] = 2;
  // mincore: resident pages are reported (the touched ones at least).
  unsigned char vec[4] = {};
  check(r::mincore(*m, 4 * page, vec).has_value() && (vec[0] & 1) == 1, "mincore");
  // madvise(MADV_DONTNEED) gives an anonymous private page back as zeros.
  check(r::madvise(*m, page, r::madv::dontneed).has_value() && p[0] == 0 && p[page] == 2, "madvise dontneed");
  // mprotect to read-only and back.
  check(r::mprotect(*m, page, r::prot::read).has_value(), "mprotect read-only");
  check(r::mprotect(*m, page, r::prot::read | r::prot::write).has_value(), "mprotect read-write");
  // mlock and munlock of a page (RLIMIT_MEMLOCK allows 64 KiB at least).
  check(r::mlock(*m, page).has_value() && r::munlock(*m, page).has_value(), "mlock, munlock");
  // msync on anonymous memory succeeds; on an unaligned address it is EINVAL.
  check(r::msync(*m, page, r::ms::sync).has_value(), "msync");
  check(r::msync(static_cast<char*>(*m) + 1, page, r::ms::sync) == r::unexpected(r::errc::einval),
        "msync: unaligned is EINVAL");
  // mremap grows it (possibly moving it); the contents move with it.
  auto grown = r::mremap(*m, 4 * page, 8 * page, r::remap::maymove);
  check(grown.has_value() && static_cast<volatile unsigned char*>(*grown)[page] == 2, "mremap");
  check(r::munmap(grown ? *grown : *m, grown ? 8 * page : 4 * page).has_value(), "munmap");
  // An error comes back as errc: a length of 0 is EINVAL.
  check(r::mmap(nullptr, 0, r::prot::read, r::map::private_ | r::map::anonymous) ==
            r::unexpected(r::errc::einval),
        "mmap: length 0 is EINVAL");

  // memfd_create: a file of its own, mapped shared at an offset (the sixth
  // argument of mmap carries it).
  auto fd = r::memfd_create("topic", r::mfd::cloexec);
  check(fd.has_value(), "memfd_create");
  if (fd) {
    check(r::ftruncate(*fd, 2 * page).has_value() && r::pwrite64(*fd, "second", page) == 6u, "memfd: fill");
    auto s = r::mmap(nullptr, page, r::prot::read, r::map::shared, *fd, page);
    check(s.has_value() && static_cast<const char*>(*s)[0] == 's' && static_cast<const char*>(*s)[5] == 'd',
          "mmap of the second page");
    if (s) (void)r::munmap(*s, page);
  }

  // brk: the current break, then one page more (the kernel answers with the
  // new break, or the old one where it refuses).
  void* cur = r::brk(nullptr);
  check(cur != nullptr, "brk(0) is the current break");
  void* more = r::brk(static_cast<char*>(cur) + page);
  check(more == static_cast<char*>(cur) + page || more == cur, "brk grows");
  return topic::finish("memory.hpp");
}
