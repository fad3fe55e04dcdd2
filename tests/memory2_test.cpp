// memory.hpp, the calls past mmap's family: whole-process locking (in a
// forked child only), mlock2, another process's memory, memfd_secret, mseal,
// protection keys, NUMA policy, userfaultfd, map_shadow_stack and cachestat.
// Each against glibc's function or glibc's syscall() on the same ISA: the
// same value, the same error. Calls this kernel (or qemu-user) lacks must
// fail the same way through both.
#include <rawsys/memory.hpp>  // before the system headers: no clash either way

#include "skip.hpp"
#include "support.hpp"

#include <fcntl.h>
#include <linux/mempolicy.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

using rawsys::errc;
using rawsys::unexpected;
using rawsys_test::error_of;
using rawsys_test::glibc;
using rawsys_test::glibc_void;
using rawsys_test::widen;
namespace prot = rawsys::prot;
namespace mpol = rawsys::mpol;

// The constants glibc has (the others are checked against the UAPI headers
// by the uapi test).
static_assert(rawsys::bits(rawsys::mcl::current) == MCL_CURRENT);
static_assert(rawsys::bits(rawsys::mcl::future) == MCL_FUTURE);
#ifdef MCL_ONFAULT
static_assert(rawsys::bits(rawsys::mcl::onfault) == MCL_ONFAULT);
#endif
#ifdef MLOCK_ONFAULT
static_assert(rawsys::bits(rawsys::mlock_flags::onfault) == MLOCK_ONFAULT);
#endif
#ifdef PKEY_DISABLE_ACCESS
static_assert(rawsys::bits(rawsys::pkey::disable_access) == PKEY_DISABLE_ACCESS);
static_assert(rawsys::bits(rawsys::pkey::disable_write) == PKEY_DISABLE_WRITE);
#endif
static_assert(rawsys::bits(rawsys::secretmem::cloexec) == O_CLOEXEC);
static_assert(rawsys::bits(rawsys::uffd::cloexec) == O_CLOEXEC);
static_assert(rawsys::bits(rawsys::uffd::nonblock) == O_NONBLOCK);
static_assert(sizeof(rawsys::uffdio_api_t) == 24);
static_assert(sizeof(rawsys::cachestat_range) == 16 && sizeof(rawsys::cachestat_t) == 40);

namespace {

constexpr size_t page = 4096;

// A private anonymous mapping owned by the test (glibc maps and unmaps it).
struct anon {
  size_t size;
  char* p;
  explicit anon(size_t n) : size(n) {
    void* v = ::mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(v != MAP_FAILED);
    p = static_cast<char*>(v);
  }
  ~anon() { ::munmap(p, size); }
};

// glibc's syscall() with rawsys's number for the call (this glibc's
// <sys/syscall.h> may predate it).
template <class... A>
long sc(rawsys::nr n, A... a) {
  return ::syscall(static_cast<long>(n), a...);
}

// Both outcomes agree: both succeed, or both fail with the same error.
template <class T, class U>
void same(const rawsys::result<T>& mine, const rawsys::result<U>& theirs) {
  CHECK(mine.has_value() == theirs.has_value());
  CHECK(error_of(mine) == error_of(theirs));
}

bool resident(const void* p) {
  unsigned char v = 0;
  REQUIRE(::mincore(const_cast<void*>(p), page, &v) == 0);
  return (v & 1) != 0;
}

// A child's result bits: runs f in a forked child, returns its exit status
// (0: every check held), or -1 when it died.
template <class F>
int in_child(F f) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) ::_exit(f());
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("mlockall, munlockall: in a child, future mappings arrive locked, errors as glibc's syscall()") {
  // The locking stays in the child: the test process is never pinned.
  const int code = in_child([] {
    int bad = 0;
    // MCL_ONFAULT alone and no flags: EINVAL.
    const auto e1 = rawsys::mlockall(rawsys::mcl::onfault);
    if (e1 != unexpected(errc::einval)) bad |= 1;
    if (error_of(e1) != error_of(glibc_void(::syscall(SYS_mlockall, MCL_ONFAULT)))) bad |= 2;
    if (error_of(rawsys::mlockall(rawsys::mcl::flags{})) != error_of(glibc_void(::syscall(SYS_mlockall, 0))))
      bad |= 4;
    // MCL_FUTURE: a new mapping is populated and locked without a touch.
    const auto ok = rawsys::mlockall(rawsys::mcl::future);
    if (!ok) return ok.error() == errc::enomem || ok.error() == errc::eperm ? 0 : 8;
    void* m = ::mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return 16;
    unsigned char v = 0;
    if (::mincore(m, page, &v) != 0 || (v & 1) == 0) bad |= 32;
    if (!rawsys::munlockall()) bad |= 64;
    if (glibc_void(::syscall(SYS_munlockall)) != rawsys::result<void>{}) bad |= 64;
    // No longer locking: a new mapping starts empty.
    void* n = ::mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (n == MAP_FAILED || ::mincore(n, page, &v) != 0 || (v & 1) != 0) bad |= 128;
    return bad;
  });
  CHECK(code == 0);
}

TEST_CASE("mlock2: a locked page is resident, unknown flags as glibc's syscall()") {
  anon a(2 * page);
  const auto mine = rawsys::mlock2(a.p, page, rawsys::mlock_flags::none);
  // Through syscall(): AddressSanitizer replaces the mlock family with no-ops.
  const auto theirs = glibc_void(sc(rawsys::nr::mlock2, a.p, page, 0));
  same(mine, theirs);
  if (mine) {
    CHECK(resident(a.p));
    CHECK(rawsys::munlock(a.p, page).has_value());
    // onfault: locked, but not brought in.
    CHECK(rawsys::mlock2(a.p + page, page, rawsys::mlock_flags::onfault).has_value());
    CHECK_FALSE(resident(a.p + page));
    CHECK(rawsys::munlock(a.p + page, page).has_value());
  }
  const auto bad = static_cast<rawsys::mlock_flags::flags>(0x100);
  same(rawsys::mlock2(a.p, page, bad), glibc_void(sc(rawsys::nr::mlock2, a.p, page, 0x100)));
  if (!mine && mine.error() == errc::enosys) {
    rawsys_test::skip(rawsys_test::why_unavailable("mlock2", mine.error()));  // qemu-arm has none
    return;
  }
  CHECK(rawsys::mlock2(a.p, page, bad) == unexpected(errc::einval));
}

TEST_CASE("process_madvise: advice on this process's range through its pidfd, errors as glibc's syscall()") {
  const long pidfd_raw = ::syscall(SYS_pidfd_open, ::getpid(), 0);
  if (pidfd_raw < 0) {
    rawsys_test::skip(rawsys_test::why_unavailable("pidfd_open", static_cast<errc>(errno)));
    return;
  }
  const rawsys::unique_fd pidfd(static_cast<int>(pidfd_raw));
  anon a(2 * page);
  a.p[0] = 1;
  const rawsys::iovec iov[1] = {{a.p, 2 * page}};
  const auto mine = rawsys::process_madvise(pidfd, iov, 1, rawsys::madv::cold);
  const auto theirs = glibc(sc(rawsys::nr::process_madvise, pidfd.get(), iov, 1, MADV_COLD, 0));
  CHECK(widen(mine) == theirs);
  if (mine) CHECK(*mine == 2 * page);
  CHECK(a.p[0] == 1);  // cold keeps the contents
  // Flags must be 0; advice it does not take (dontneed): EINVAL.
  CHECK(widen(rawsys::process_madvise(pidfd, iov, 1, rawsys::madv::cold, 1)) ==
        glibc(sc(rawsys::nr::process_madvise, pidfd.get(), iov, 1, MADV_COLD, 1)));
  if (mine) CHECK(rawsys::process_madvise(pidfd, iov, 1, rawsys::madv::cold, 1) == unexpected(errc::einval));
  CHECK(widen(rawsys::process_madvise(pidfd, iov, 1, rawsys::madv::dontneed)) ==
        glibc(sc(rawsys::nr::process_madvise, pidfd.get(), iov, 1, MADV_DONTNEED, 0)));
  // Not a pidfd: EBADF.
  CHECK(widen(rawsys::process_madvise(rawsys::fd(-1), iov, 1, rawsys::madv::cold)) ==
        glibc(sc(rawsys::nr::process_madvise, -1, iov, 1, MADV_COLD, 0)));
}

TEST_CASE("process_mrelease: EINVAL for a live process, success once it is killed, as glibc's syscall()") {
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    for (;;) ::pause();
  }
  const long pidfd_raw = ::syscall(SYS_pidfd_open, child, 0);
  if (pidfd_raw < 0) {
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    rawsys_test::skip(rawsys_test::why_unavailable("pidfd_open", static_cast<errc>(errno)));
    return;
  }
  const rawsys::unique_fd pidfd(static_cast<int>(pidfd_raw));
  const auto live = rawsys::process_mrelease(pidfd);
  same(live, glibc_void(sc(rawsys::nr::process_mrelease, pidfd.get(), 0)));
  // Flags must be 0.
  same(rawsys::process_mrelease(pidfd, 1), glibc_void(sc(rawsys::nr::process_mrelease, pidfd.get(), 1)));
  if (!live && live.error() == errc::enosys) {
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    rawsys_test::skip(rawsys_test::why_unavailable("process_mrelease", live.error()));
    return;
  }
  CHECK(live == unexpected(errc::einval));
  // Killed (not yet reaped): its memory can be released; again, nothing left.
  // Until the kill has reached the child's exit path the kernel may still
  // answer EINVAL (the child is not yet freeing its memory), and EAGAIN when
  // it could not release all of it this time (process_mrelease(2)): tries for
  // up to 20 s (a loaded machine may not run the child's exit for a while).
  REQUIRE(::kill(child, SIGKILL) == 0);
  auto released = rawsys::process_mrelease(pidfd);
  for (int i = 0; i < 4000 && !released && (released.error() == errc::einval || released.error() == errc::eagain);
       ++i) {
    ::usleep(5000);
    released = rawsys::process_mrelease(pidfd);
  }
  // ESRCH: the child finished exiting before the first call, and the kernel
  // released its memory itself (pidfd_get_task finds no task any more).
  INFO("process_mrelease after the kill: ", (released ? "success" : rawsys::name(released.error())));
  CHECK((released.has_value() || released.error() == errc::esrch));
  same(rawsys::process_mrelease(pidfd), glibc_void(sc(rawsys::nr::process_mrelease, pidfd.get(), 0)));
  REQUIRE(::waitpid(child, nullptr, 0) == child);
}

TEST_CASE("memfd_secret: as glibc's syscall(), or ENOSYS where the ISA has no such call") {
  if constexpr (!rawsys::sys::has(rawsys::sys::memfd_secret)) {
    CHECK(rawsys::memfd_secret(rawsys::secretmem::cloexec) == unexpected(errc::enosys));
  } else {
    auto mine = rawsys::memfd_secret(rawsys::secretmem::cloexec);
    const long theirs = sc(rawsys::sys::memfd_secret, O_CLOEXEC);
    const errc their_error = theirs < 0 ? static_cast<errc>(errno) : errc{};
    if (theirs >= 0) ::close(static_cast<int>(theirs));
    CHECK(error_of(mine) == their_error);
    // Unknown flags: EINVAL (ENOSYS first where secretmem is off).
    const auto bad = static_cast<rawsys::secretmem::flags>(0x1);
    CHECK(error_of(rawsys::memfd_secret(bad)) == error_of(glibc(sc(rawsys::sys::memfd_secret, 0x1))));
    if (!mine) {
      rawsys_test::skip(rawsys_test::why_unavailable("memfd_secret", mine.error()) +
                        " (secretmem is off unless the kernel is booted with it)");
      return;
    }
    CHECK(rawsys::memfd_secret(bad) == unexpected(errc::einval));
    CHECK((::fcntl(mine->get(), F_GETFD) & FD_CLOEXEC) != 0);
    REQUIRE(::ftruncate(mine->get(), page) == 0);
    auto m = rawsys::mmap(nullptr, page, prot::read | prot::write, rawsys::map::shared, *mine, 0);
    REQUIRE(m.has_value());
    static_cast<char*>(*m)[0] = 's';
    CHECK(static_cast<char*>(*m)[0] == 's');
    CHECK(rawsys::munmap(*m, page).has_value());
  }
}

TEST_CASE("mseal: a sealed page cannot be unmapped, errors as glibc's syscall()") {
  anon scratch(page);
  // Flags must be 0: EINVAL (ENOSYS from a kernel without mseal).
  const auto bad = rawsys::mseal(scratch.p, page, 1);
  same(bad, glibc_void(sc(rawsys::nr::mseal, scratch.p, page, 1)));
  // An unaligned start: EINVAL.
  same(rawsys::mseal(scratch.p + 1, page), glibc_void(sc(rawsys::nr::mseal, scratch.p + 1, page, 0)));
  if (!bad && bad.error() == errc::enosys) {
    rawsys_test::skip(rawsys_test::why_unavailable("mseal", bad.error()) + "; Linux 6.10+");
    return;
  }
  CHECK(bad == unexpected(errc::einval));
  // One page sealed for the rest of the run (a private page of its own).
  void* m = ::mmap(nullptr, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(m != MAP_FAILED);
  CHECK(rawsys::mseal(m, page).has_value());
  CHECK(rawsys::munmap(m, page) == unexpected(errc::eperm));
  CHECK(rawsys::mprotect(m, page, prot::read | prot::write) == unexpected(errc::eperm));
  // Sealing again is allowed.
  same(rawsys::mseal(m, page), glibc_void(sc(rawsys::nr::mseal, m, page, 0)));
}

TEST_CASE("pkey_alloc, pkey_mprotect, pkey_free: as glibc's functions") {
  anon a(page);
  // A kernel without keys answers a process's first pkey_alloc EINVAL and
  // later ones ENOSPC: one call through glibc first, so the two compared
  // calls meet the same state.
  if (const int warm = ::pkey_alloc(0, 0); warm >= 0) ::pkey_free(warm);
  const auto key = rawsys::pkey_alloc(0, rawsys::pkey::none);
  const int theirs = ::pkey_alloc(0, 0);
  const errc their_error = theirs < 0 ? static_cast<errc>(errno) : errc{};
  CHECK(error_of(key) == their_error);
  if (theirs >= 0) CHECK(::pkey_free(theirs) == 0);
  // Flags must be 0; unknown rights: EINVAL.
  CHECK(widen(rawsys::pkey_alloc(1, rawsys::pkey::none)) == glibc(::pkey_alloc(1, 0)));
  CHECK(widen(rawsys::pkey_alloc(0, static_cast<rawsys::pkey::rights>(0x100))) == glibc(::pkey_alloc(0, 0x100)));
  // Key -1 is mprotect; a key never allocated: EINVAL.
  CHECK(rawsys::pkey_mprotect(a.p, page, prot::read, -1).has_value());
  same(rawsys::pkey_mprotect(a.p, page, prot::read, -1), glibc_void(::pkey_mprotect(a.p, page, PROT_READ, -1)));
  same(rawsys::pkey_mprotect(a.p, page, prot::read, 15), glibc_void(::pkey_mprotect(a.p, page, PROT_READ, 15)));
  same(rawsys::pkey_free(15), glibc_void(::pkey_free(15)));
  if (!key) {
    rawsys_test::skip(rawsys_test::why_unavailable("pkey_alloc", key.error()) + " (no protection keys here)");
    return;
  }
  CHECK(*key > 0);
  CHECK(rawsys::pkey_mprotect(a.p, page, prot::read | prot::write, *key).has_value());
  a.p[0] = 'k';
  CHECK(rawsys::pkey_mprotect(a.p, page, prot::read | prot::write, 0).has_value());
  CHECK(rawsys::pkey_free(*key).has_value());
}

TEST_CASE("set_mempolicy, get_mempolicy, mbind, migrate_pages, move_pages: node 0, errors as glibc's syscall()") {
  constexpr unsigned long maxnode = 8 * sizeof(unsigned long);
  const unsigned long node0 = 1;
  int mode = -1;
  const auto got = rawsys::get_mempolicy(&mode, nullptr, 0, nullptr, mpol::get{});
  int their_mode = -2;
  same(got, glibc_void(sc(rawsys::nr::get_mempolicy, &their_mode, nullptr, 0, nullptr, 0)));
  // Unknown mode; unknown get flags: EINVAL.
  same(rawsys::set_mempolicy(static_cast<mpol::mode>(99), nullptr, 0),
       glibc_void(sc(rawsys::nr::set_mempolicy, 99, nullptr, 0)));
  same(rawsys::get_mempolicy(&mode, nullptr, 0, nullptr, static_cast<mpol::get>(0x100)),
       glibc_void(sc(rawsys::nr::get_mempolicy, &their_mode, nullptr, 0, nullptr, 0x100)));
  if (!got) {
    rawsys_test::skip(rawsys_test::why_unavailable("get_mempolicy", got.error()) + " (a kernel without NUMA)");
    return;
  }
  CHECK(mode == their_mode);
  CHECK(mode == static_cast<int>(mpol::default_));
  CHECK(rawsys::set_mempolicy(static_cast<mpol::mode>(99), nullptr, 0) == unexpected(errc::einval));
  // Bind this thread to node 0 and back to the default.
  CHECK(rawsys::set_mempolicy(mpol::bind, &node0, maxnode).has_value());
  CHECK(rawsys::get_mempolicy(&mode, nullptr, 0, nullptr, mpol::get{}).has_value());
  CHECK(mode == static_cast<int>(mpol::bind));
  CHECK(rawsys::set_mempolicy(mpol::default_, nullptr, 0).has_value());
  // mbind a range to node 0; the policy of its address reads back.
  anon a(2 * page);
  CHECK(rawsys::mbind(a.p, 2 * page, mpol::bind, &node0, maxnode, mpol::mf{}).has_value());
  unsigned long mask = 0;
  CHECK(rawsys::get_mempolicy(&mode, &mask, maxnode, a.p, mpol::addr).has_value());
  CHECK(mode == static_cast<int>(mpol::bind));
  CHECK(mask == node0);
  same(rawsys::mbind(a.p + 1, page, mpol::bind, &node0, maxnode, mpol::mf{}),
       glibc_void(sc(rawsys::nr::mbind, a.p + 1, page, MPOL_BIND, &node0, maxnode, 0)));
  CHECK(rawsys::mbind(a.p + 1, page, mpol::bind, &node0, maxnode, mpol::mf{}) == unexpected(errc::einval));
  // move_pages with no target nodes reports where each page is.
  a.p[0] = 1;
  void* pages[1] = {a.p};
  int status[1] = {-1};
  const auto moved = rawsys::move_pages(0, 1, pages, nullptr, status, mpol::mf{});
  CHECK(moved == rawsys::result<unsigned long>{0ul});
  CHECK(status[0] == 0);
  CHECK(widen(rawsys::move_pages(0, 1, pages, nullptr, status, static_cast<mpol::mf>(0x10))) ==
        glibc(sc(rawsys::nr::move_pages, 0, 1, pages, nullptr, status, 0x10)));
  // migrate_pages from node 0 to node 0: nothing to move; a pid that does
  // not exist: ESRCH.
  CHECK(widen(rawsys::migrate_pages(0, maxnode, &node0, &node0)) ==
        glibc(sc(rawsys::nr::migrate_pages, 0, maxnode, &node0, &node0)));
  CHECK(widen(rawsys::migrate_pages(0x3ffffff0, maxnode, &node0, &node0)) ==
        glibc(sc(rawsys::nr::migrate_pages, 0x3ffffff0, maxnode, &node0, &node0)));
  CHECK(rawsys::migrate_pages(0x3ffffff0, maxnode, &node0, &node0) == unexpected(errc::esrch));
}

TEST_CASE("set_mempolicy_home_node: node 0 on a range bound to it, errors as glibc's syscall()") {
  constexpr unsigned long maxnode = 8 * sizeof(unsigned long);
  const unsigned long node0 = 1;
  anon a(2 * page);
  // Unaligned start; flags other than 0; a node that is not online: EINVAL
  // (ENOSYS alike before 5.17 or without NUMA).
  same(rawsys::set_mempolicy_home_node(a.p + 1, page, 0, 0),
       glibc_void(sc(rawsys::nr::set_mempolicy_home_node, a.p + 1, page, 0, 0)));
  same(rawsys::set_mempolicy_home_node(a.p, page, 0, 1),
       glibc_void(sc(rawsys::nr::set_mempolicy_home_node, a.p, page, 0, 1)));
  same(rawsys::set_mempolicy_home_node(a.p, page, 1ul << 20, 0),
       glibc_void(sc(rawsys::nr::set_mempolicy_home_node, a.p, page, 1ul << 20, 0)));
  const auto bad = rawsys::set_mempolicy_home_node(a.p + 1, page, 0, 0);
  if (!bad && bad.error() == errc::enosys) {
    rawsys_test::skip(rawsys_test::why_unavailable("set_mempolicy_home_node", bad.error()));
    return;
  }
  CHECK(bad == unexpected(errc::einval));
  if (!rawsys::mbind(a.p, 2 * page, mpol::bind, &node0, maxnode, mpol::mf{})) {
    rawsys_test::skip("mbind refused here (a kernel without NUMA)");
    return;
  }
  // Bound to node 0: node 0 becomes its home, as for glibc's syscall().
  CHECK(rawsys::set_mempolicy_home_node(a.p, 2 * page, 0, 0).has_value());
  same(rawsys::set_mempolicy_home_node(a.p, 2 * page, 0, 0),
       glibc_void(sc(rawsys::nr::set_mempolicy_home_node, a.p, 2 * page, 0, 0)));
  int mode = -1;
  CHECK(rawsys::get_mempolicy(&mode, nullptr, 0, a.p, mpol::addr).has_value());
  CHECK(mode == static_cast<int>(mpol::bind));
  // A range with the interleave policy: EOPNOTSUPP alike.
  CHECK(rawsys::mbind(a.p, 2 * page, mpol::interleave, &node0, maxnode, mpol::mf{}).has_value());
  CHECK(rawsys::set_mempolicy_home_node(a.p, 2 * page, 0, 0) == unexpected(errc::eopnotsupp));
  same(rawsys::set_mempolicy_home_node(a.p, 2 * page, 0, 0),
       glibc_void(sc(rawsys::nr::set_mempolicy_home_node, a.p, 2 * page, 0, 0)));
}

TEST_CASE("userfaultfd: a descriptor and the UFFDIO_API handshake, errors as glibc's syscall()") {
  const auto flags = rawsys::uffd::cloexec | rawsys::uffd::user_mode_only;
  auto mine = rawsys::userfaultfd(flags);
  const long theirs = sc(rawsys::nr::userfaultfd, O_CLOEXEC | 1 /* UFFD_USER_MODE_ONLY */);
  const errc their_error = theirs < 0 ? static_cast<errc>(errno) : errc{};
  CHECK(error_of(mine) == their_error);
  // Unknown flags: EINVAL.
  CHECK(error_of(rawsys::userfaultfd(static_cast<rawsys::uffd::flags>(0x4000))) ==
        error_of(glibc(sc(rawsys::nr::userfaultfd, 0x4000))));
  if (!mine) {
    if (theirs >= 0) ::close(static_cast<int>(theirs));
    rawsys_test::skip(rawsys_test::why_unavailable("userfaultfd", mine.error()));
    return;
  }
  REQUIRE(theirs >= 0);
  const rawsys::unique_fd their_fd(static_cast<int>(theirs));
  CHECK((::fcntl(mine->get(), F_GETFD) & FD_CLOEXEC) != 0);
  // The handshake, the same answer as glibc's ioctl() on its descriptor.
  const auto api = rawsys::userfaultfd_api(*mine, rawsys::uffd::features{});
  REQUIRE(api.has_value());
  rawsys::uffdio_api_t g{rawsys::uffd::api, 0, 0};
  REQUIRE(::ioctl(their_fd.get(), rawsys::uapi::uffdio_api, &g) == 0);
  CHECK(api->api == rawsys::uffd::api);
  CHECK(api->features == g.features);
  CHECK(api->ioctls == g.ioctls);
  CHECK(api->ioctls != 0);
  // A second handshake: EINVAL from both.
  const auto again = rawsys::userfaultfd_api(*mine, rawsys::uffd::features{});
  CHECK(again == unexpected(errc::einval));
  g = {rawsys::uffd::api, 0, 0};
  CHECK(error_of(again) == error_of(glibc(::ioctl(their_fd.get(), rawsys::uapi::uffdio_api, &g))));
  // A feature bit the kernel does not have, on a fresh descriptor: EINVAL.
  auto fresh = rawsys::userfaultfd(flags);
  REQUIRE(fresh.has_value());
  CHECK(rawsys::userfaultfd_api(*fresh, static_cast<rawsys::uffd::features>(uint64_t{1} << 62)) ==
        unexpected(errc::einval));
}

TEST_CASE("map_shadow_stack: as glibc's syscall() (EOPNOTSUPP without shadow stacks, ENOSYS off x86)") {
  // Success needs a CPU and kernel with user shadow stacks enabled for the
  // process; the outcome must be glibc's either way.
  const auto mine = rawsys::map_shadow_stack(nullptr, page, rawsys::shadow_stack::flags{});
  const long theirs = sc(rawsys::nr::map_shadow_stack, 0, page, 0);
  const errc their_error = theirs == -1 ? static_cast<errc>(errno) : errc{};
  CHECK(error_of(mine) == their_error);
  if (mine) CHECK(::munmap(*mine, page) == 0);
  if (theirs != -1) ::munmap(reinterpret_cast<void*>(theirs), page);
  // Unknown flags.
  const auto bad = static_cast<rawsys::shadow_stack::flags>(0x100);
  CHECK(error_of(rawsys::map_shadow_stack(nullptr, page, bad)) ==
        error_of(glibc(sc(rawsys::nr::map_shadow_stack, 0, page, 0x100))));
  CHECK_FALSE(rawsys::map_shadow_stack(nullptr, page, bad).has_value());
}

TEST_CASE("cachestat: a file's cached pages, as glibc's syscall(), errors likewise") {
  char path[] = "/tmp/rawsys-cachestat-XXXXXX";
  const int f = ::mkstemp(path);
  REQUIRE(f >= 0);
  ::unlink(path);
  const std::string data(4 * page, 'c');
  REQUIRE(::write(f, data.data(), data.size()) == static_cast<ssize_t>(data.size()));
  const rawsys::cachestat_range all{0, 0};
  const auto mine = rawsys::cachestat(rawsys::fd(f), all);
  rawsys::cachestat_t theirs{};
  const auto g = glibc_void(sc(rawsys::nr::cachestat, f, &all, &theirs, 0));
  same(mine, g);
  if (!mine) {
    ::close(f);
    rawsys_test::skip(rawsys_test::why_unavailable("cachestat", mine.error()) + "; Linux 6.5+");
    return;
  }
  // Just written: the four pages are in the cache (and dirty unless written back).
  CHECK(mine->nr_cache == 4);
  CHECK(mine->nr_cache == theirs.nr_cache);
  CHECK(mine->nr_dirty + mine->nr_writeback <= 4);
  CHECK(mine->nr_evicted == theirs.nr_evicted);
  // One page of the range.
  const auto one = rawsys::cachestat(rawsys::fd(f), {page, page});
  REQUIRE(one.has_value());
  CHECK(one->nr_cache == 1);
  // Flags must be 0: EINVAL; not a descriptor: EBADF.
  CHECK(rawsys::cachestat(rawsys::fd(f), all, 1) == unexpected(errc::einval));
  same(rawsys::cachestat(rawsys::fd(f), all, 1), glibc_void(sc(rawsys::nr::cachestat, f, &all, &theirs, 1)));
  same(rawsys::cachestat(rawsys::fd(-1), all), glibc_void(sc(rawsys::nr::cachestat, -1, &all, &theirs, 0)));
  ::close(f);
}
