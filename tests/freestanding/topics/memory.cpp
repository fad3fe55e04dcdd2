// <rawsys/memory.hpp> without libc: each wrapper once, against what mmap(2)
// and its neighbours document.
#include <rawsys/file.hpp>
#include <rawsys/memory.hpp>
#include <rawsys/process.hpp>

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

  // The calls past mmap's family, each once: errors where a success would
  // touch the whole process (mlockall's bad flags; munlockall has nothing to
  // undo), otherwise the documented result or ENOSYS where not emulated.
  check(r::mlockall(r::mcl::onfault) == r::unexpected(r::errc::einval), "mlockall: onfault alone is EINVAL");
  check(r::munlockall().has_value(), "munlockall");
  auto l = r::mmap(nullptr, page, r::prot::read | r::prot::write, r::map::private_ | r::map::anonymous);
  check(l.has_value(), "mmap for mlock2");
  if (l) {
    auto m2 = r::mlock2(*l, page, r::mlock_flags::onfault);
    if (!topic::not_emulated(m2, "mlock2")) check(m2.has_value() && r::munlock(*l, page).has_value(), "mlock2");
    check(r::mlock2(*l, page, static_cast<r::mlock_flags::flags>(0x100)) == r::unexpected(r::errc::einval) ||
              topic::under_qemu(),
          "mlock2: unknown flags are EINVAL");
    auto pk = r::pkey_mprotect(*l, page, r::prot::read, -1);
    if (!topic::not_emulated(pk, "pkey_mprotect")) check(pk.has_value(), "pkey_mprotect with key -1");
    auto ka = r::pkey_alloc(1, r::pkey::none);
    if (!topic::not_emulated(ka, "pkey_alloc")) check(ka == r::unexpected(r::errc::einval), "pkey_alloc: flags 1");
    auto kf = r::pkey_free(15);
    if (!topic::not_emulated(kf, "pkey_free")) check(!kf.has_value(), "pkey_free: a key never allocated");
    auto ms = r::mseal(static_cast<char*>(*l) + 1, page);
    if (!topic::not_emulated(ms, "mseal")) check(ms == r::unexpected(r::errc::einval), "mseal: unaligned");
    int mode = -1;
    auto gm = r::get_mempolicy(&mode, nullptr, 0, nullptr, r::mpol::get{});
    if (!topic::not_emulated(gm, "get_mempolicy")) check(gm.has_value() && mode == 0, "get_mempolicy: default");
    auto sm = r::set_mempolicy(r::mpol::default_, nullptr, 0);
    if (!topic::not_emulated(sm, "set_mempolicy")) check(sm.has_value(), "set_mempolicy: default");
    const unsigned long node0 = 1;
    auto mb = r::mbind(*l, page, r::mpol::default_, nullptr, 0, r::mpol::mf{});
    if (!topic::not_emulated(mb, "mbind")) check(mb.has_value(), "mbind: default");
    auto mp = r::migrate_pages(0, 64, &node0, &node0);
    if (!topic::not_emulated(mp, "migrate_pages") && !topic::not_permitted(mp, "migrate_pages"))
      check(mp.has_value(), "migrate_pages: node 0 to node 0");
    void* pages[1] = {*l};
    int status[1] = {-1};
    auto mv = r::move_pages(0, 1, pages, nullptr, status, r::mpol::mf{});
    if (!topic::not_emulated(mv, "move_pages")) check(mv.has_value(), "move_pages: where the page is");
    (void)r::munmap(*l, page);
  }
  auto pidfd = r::syscall(r::nr::pidfd_open, r::getpid(), 0);
  if (pidfd) {
    const r::unique_fd self(static_cast<int>(*pidfd));
    auto pm = r::process_madvise(self, nullptr, 0, r::madv::cold, 1);
    if (!topic::not_emulated(pm, "process_madvise")) check(pm == r::unexpected(r::errc::einval), "process_madvise: flags 1");
    auto pr = r::process_mrelease(self);
    if (!topic::not_emulated(pr, "process_mrelease")) check(pr == r::unexpected(r::errc::einval), "process_mrelease: a live process");
  }
  auto sec = r::memfd_secret(r::secretmem::cloexec);
  check(sec.has_value() || sec.error() == r::errc::enosys, "memfd_secret: a descriptor, or ENOSYS");
  auto uf = r::userfaultfd(r::uffd::cloexec | r::uffd::user_mode_only);
  if (!topic::not_emulated(uf, "userfaultfd") && !topic::not_permitted(uf, "userfaultfd")) {
    check(uf.has_value(), "userfaultfd");
    if (uf) {
      auto api = r::userfaultfd_api(*uf, r::uffd::features{});
      check(api.has_value() && api->api == r::uffd::api, "userfaultfd_api");
    }
  }
  auto ss = r::map_shadow_stack(nullptr, page, static_cast<r::shadow_stack::flags>(0x100));
  check(!ss.has_value(), "map_shadow_stack: unknown flags fail");
  if (fd) {
    const r::cachestat_range all{0, 0};
    auto cs = r::cachestat(*fd, all);
    if (!topic::not_emulated(cs, "cachestat")) check(cs.has_value() && cs->nr_cache >= 1, "cachestat");
  }
  return topic::finish("memory.hpp");
}
