// memory.hpp: every wrapper against glibc on the same arch, the constants
// against glibc's <sys/mman.h>, file mappings at page offsets, and i386
// addresses above 2 GiB.
#include <rawsys/memory.hpp>  // before the system headers: no clash either way

#include "support.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <string>
#include <string_view>

using rawsys::errc;
using rawsys::unexpected;
using rawsys_test::glibc;
namespace prot = rawsys::prot;
namespace map = rawsys::map;

// The constants are glibc's (each checked where this glibc has it).
static_assert(rawsys::bits(prot::none) == PROT_NONE);
static_assert(rawsys::bits(prot::read) == PROT_READ);
static_assert(rawsys::bits(prot::write) == PROT_WRITE);
static_assert(rawsys::bits(prot::exec) == PROT_EXEC);
static_assert(rawsys::bits(prot::growsdown) == PROT_GROWSDOWN);
static_assert(rawsys::bits(prot::growsup) == PROT_GROWSUP);
#if defined(__aarch64__)
static_assert(rawsys::bits(prot::bti) == PROT_BTI);
static_assert(rawsys::bits(prot::mte) == PROT_MTE);
#endif
static_assert(rawsys::bits(map::shared) == MAP_SHARED);
static_assert(rawsys::bits(map::private_) == MAP_PRIVATE);
static_assert(rawsys::bits(map::shared_validate) == MAP_SHARED_VALIDATE);
static_assert(rawsys::bits(map::type) == MAP_TYPE);
static_assert(rawsys::bits(map::fixed) == MAP_FIXED);
static_assert(rawsys::bits(map::anonymous) == MAP_ANONYMOUS);
#if defined(__x86_64__) || defined(__i386__)
static_assert(rawsys::bits(map::_32bit) == MAP_32BIT);
#endif
static_assert(rawsys::bits(map::growsdown) == MAP_GROWSDOWN);
static_assert(rawsys::bits(map::denywrite) == MAP_DENYWRITE);
static_assert(rawsys::bits(map::executable) == MAP_EXECUTABLE);
static_assert(rawsys::bits(map::locked) == MAP_LOCKED);
static_assert(rawsys::bits(map::noreserve) == MAP_NORESERVE);
static_assert(rawsys::bits(map::populate) == MAP_POPULATE);
static_assert(rawsys::bits(map::nonblock) == MAP_NONBLOCK);
static_assert(rawsys::bits(map::stack) == MAP_STACK);
static_assert(rawsys::bits(map::hugetlb) == MAP_HUGETLB);
static_assert(rawsys::bits(map::sync) == MAP_SYNC);
static_assert(rawsys::bits(map::fixed_noreplace) == MAP_FIXED_NOREPLACE);
static_assert(rawsys::bits(map::huge_2mb) == (21u << MAP_HUGE_SHIFT));
static_assert(rawsys::bits(map::huge_1gb) == (30u << MAP_HUGE_SHIFT));
#ifdef MAP_UNINITIALIZED
static_assert(rawsys::bits(map::uninitialized) == MAP_UNINITIALIZED);
#endif
#ifdef MAP_DROPPABLE
static_assert(rawsys::bits(map::droppable) == MAP_DROPPABLE);
#endif
#ifdef MAP_ABOVE4G
static_assert(rawsys::bits(map::above4g) == MAP_ABOVE4G);
#endif

#define RAWSYS_CHECK_MADV(m, M) static_assert(static_cast<int>(rawsys::madv::m) == M)
RAWSYS_CHECK_MADV(normal, MADV_NORMAL);
RAWSYS_CHECK_MADV(random, MADV_RANDOM);
RAWSYS_CHECK_MADV(sequential, MADV_SEQUENTIAL);
RAWSYS_CHECK_MADV(willneed, MADV_WILLNEED);
RAWSYS_CHECK_MADV(dontneed, MADV_DONTNEED);
RAWSYS_CHECK_MADV(free, MADV_FREE);
RAWSYS_CHECK_MADV(remove, MADV_REMOVE);
RAWSYS_CHECK_MADV(dontfork, MADV_DONTFORK);
RAWSYS_CHECK_MADV(dofork, MADV_DOFORK);
RAWSYS_CHECK_MADV(mergeable, MADV_MERGEABLE);
RAWSYS_CHECK_MADV(unmergeable, MADV_UNMERGEABLE);
RAWSYS_CHECK_MADV(hugepage, MADV_HUGEPAGE);
RAWSYS_CHECK_MADV(nohugepage, MADV_NOHUGEPAGE);
RAWSYS_CHECK_MADV(dontdump, MADV_DONTDUMP);
RAWSYS_CHECK_MADV(dodump, MADV_DODUMP);
RAWSYS_CHECK_MADV(wipeonfork, MADV_WIPEONFORK);
RAWSYS_CHECK_MADV(keeponfork, MADV_KEEPONFORK);
RAWSYS_CHECK_MADV(hwpoison, MADV_HWPOISON);
#ifdef MADV_COLD
RAWSYS_CHECK_MADV(cold, MADV_COLD);
RAWSYS_CHECK_MADV(pageout, MADV_PAGEOUT);
#endif
#ifdef MADV_POPULATE_READ
RAWSYS_CHECK_MADV(populate_read, MADV_POPULATE_READ);
RAWSYS_CHECK_MADV(populate_write, MADV_POPULATE_WRITE);
#endif
#ifdef MADV_DONTNEED_LOCKED
RAWSYS_CHECK_MADV(dontneed_locked, MADV_DONTNEED_LOCKED);
#endif
#ifdef MADV_COLLAPSE
RAWSYS_CHECK_MADV(collapse, MADV_COLLAPSE);
#endif
#ifdef MADV_SOFT_OFFLINE
RAWSYS_CHECK_MADV(soft_offline, MADV_SOFT_OFFLINE);
#endif
#undef RAWSYS_CHECK_MADV

static_assert(rawsys::bits(rawsys::remap::maymove) == MREMAP_MAYMOVE);
static_assert(rawsys::bits(rawsys::remap::fixed) == MREMAP_FIXED);
#ifdef MREMAP_DONTUNMAP
static_assert(rawsys::bits(rawsys::remap::dontunmap) == MREMAP_DONTUNMAP);
#endif
static_assert(rawsys::bits(rawsys::ms::async) == MS_ASYNC);
static_assert(rawsys::bits(rawsys::ms::invalidate) == MS_INVALIDATE);
static_assert(rawsys::bits(rawsys::ms::sync) == MS_SYNC);
static_assert(rawsys::bits(rawsys::mfd::cloexec) == MFD_CLOEXEC);
static_assert(rawsys::bits(rawsys::mfd::allow_sealing) == MFD_ALLOW_SEALING);
static_assert(rawsys::bits(rawsys::mfd::hugetlb) == MFD_HUGETLB);
#ifdef MFD_NOEXEC_SEAL
static_assert(rawsys::bits(rawsys::mfd::noexec_seal) == MFD_NOEXEC_SEAL);
static_assert(rawsys::bits(rawsys::mfd::exec) == MFD_EXEC);
#endif

namespace {

constexpr size_t page = 4096;

// A temporary directory with one file of `pages` pages, page i filled with
// the letter 'a' + i; removed at the end.
struct temp_file {
  char dir[64] = "/tmp/rawsys-memory-XXXXXX";
  std::string path;
  int fd = -1;
  explicit temp_file(int pages) {
    REQUIRE(::mkdtemp(dir) != nullptr);
    path = std::string(dir) + "/data";
    fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    REQUIRE(fd >= 0);
    for (int i = 0; i < pages; ++i) {
      const std::string chunk(page, static_cast<char>('a' + i));
      REQUIRE(::write(fd, chunk.data(), page) == static_cast<ssize_t>(page));
    }
  }
  ~temp_file() {
    ::close(fd);
    ::unlink(path.c_str());
    ::rmdir(dir);
  }
};

// A private anonymous mapping owned by the test (glibc maps and unmaps it).
struct anon {
  size_t size;
  char* p;
  explicit anon(size_t n, int protection = PROT_READ | PROT_WRITE) : size(n) {
    void* v = ::mmap(nullptr, n, protection, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(v != MAP_FAILED);
    p = static_cast<char*>(v);
  }
  ~anon() { ::munmap(p, size); }
};

// Whether the kernel can read [p, p + n): write(2) into a pipe reads it.
bool kernel_can_read(const void* p, size_t n) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(n <= 16 * page);  // fits the pipe's buffer
  const ssize_t r = ::write(fds[1], p, n);
  const int e = errno;
  ::close(fds[0]);
  ::close(fds[1]);
  if (r < 0) REQUIRE(e == EFAULT);
  return r == static_cast<ssize_t>(n);
}

// qemu-user answers some calls differently from the kernel; it has no
// clone3 (ENOSYS), where the kernel says EINVAL for a null, empty argument.
bool under_qemu() {
  return rawsys::raw::syscall(static_cast<long>(rawsys::nr::clone3), nullptr, 0) == -ENOSYS;
}

// A glibc call returning 0 or -1 as a result<void>.
rawsys::result<void> glibc_void(int ret) {
  if (ret == -1) return unexpected(static_cast<errc>(errno));
  return {};
}

// A glibc call returning a pointer (mmap, mremap) as a result.
rawsys::result<void*> glibc_ptr(void* r) {
  if (r == MAP_FAILED) return unexpected(static_cast<errc>(errno));
  return r;
}

}  // namespace

TEST_CASE("mmap: an anonymous mapping, munmap") {
  auto r = rawsys::mmap(nullptr, 2 * page, prot::read | prot::write, map::private_ | map::anonymous);
  REQUIRE(r.has_value());
  char* p = static_cast<char*>(*r);
  CHECK(reinterpret_cast<uintptr_t>(p) % page == 0);
  CHECK(p[0] == 0);
  p[0] = 'x';
  p[2 * page - 1] = 'y';
  CHECK(kernel_can_read(p, 2 * page));
  CHECK(rawsys::munmap(p, 2 * page).has_value());
  CHECK_FALSE(kernel_can_read(p, 1));

  // Length 0: EINVAL, as glibc says.
  CHECK(rawsys::mmap(nullptr, 0, prot::read, map::private_ | map::anonymous) == unexpected(errc::einval));
  CHECK(rawsys::mmap(nullptr, 0, prot::read, map::private_ | map::anonymous) ==
        glibc_ptr(::mmap(nullptr, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)));
  // No type: EINVAL.
  CHECK(rawsys::mmap(nullptr, page, prot::read, map::anonymous) ==
        glibc_ptr(::mmap(nullptr, page, PROT_READ, MAP_ANONYMOUS, -1, 0)));
  // A file mapping of a bad descriptor: EBADF.
  CHECK(rawsys::mmap(nullptr, page, prot::read, map::shared, rawsys::fd{-1}) == unexpected(errc::ebadf));
  CHECK(rawsys::mmap(nullptr, page, prot::read, map::shared, rawsys::fd{-1}) ==
        glibc_ptr(::mmap(nullptr, page, PROT_READ, MAP_SHARED, -1, 0)));
  // munmap of an address that is not page-aligned: EINVAL.
  anon a(page);
  CHECK(rawsys::munmap(a.p + 1, 1) == unexpected(errc::einval));
  CHECK(rawsys::munmap(a.p + 1, 1) == glibc_void(::munmap(a.p + 1, 1)));
}

TEST_CASE("mmap: a file at a page offset sees that page") {
  temp_file f(4);
  for (int i = 0; i < 4; ++i) {
    const uint64_t offset = static_cast<uint64_t>(i) * page;
    auto r = rawsys::mmap(nullptr, page, prot::read, map::shared, rawsys::fd{f.fd}, offset);
    REQUIRE(r.has_value());
    void* g = ::mmap(nullptr, page, PROT_READ, MAP_SHARED, f.fd, static_cast<off_t>(offset));
    REQUIRE(g != MAP_FAILED);
    const std::string_view mine(static_cast<const char*>(*r), page);
    CHECK(mine == std::string_view(static_cast<const char*>(g), page));
    CHECK(mine == std::string(page, static_cast<char>('a' + i)));
    ::munmap(g, page);
    CHECK(rawsys::munmap(*r, page).has_value());
  }
  // Two pages from offset 2 pages, the second runs to the file's end.
  auto r = rawsys::mmap(nullptr, 2 * page, prot::read, map::private_, rawsys::fd{f.fd}, 2 * page);
  REQUIRE(r.has_value());
  CHECK(static_cast<const char*>(*r)[0] == 'c');
  CHECK(static_cast<const char*>(*r)[2 * page - 1] == 'd');
  CHECK(rawsys::munmap(*r, 2 * page).has_value());
}

TEST_CASE("mmap: an offset that is not page-aligned is EINVAL") {
  temp_file f(2);
  for (uint64_t offset : {uint64_t{1}, uint64_t{100}, uint64_t{page - 1}, uint64_t{page + 512}}) {
    CAPTURE(offset);
    auto r = rawsys::mmap(nullptr, page, prot::read, map::shared, rawsys::fd{f.fd}, offset);
    CHECK(r == unexpected(errc::einval));
    CHECK(r == glibc_ptr(::mmap64(nullptr, page, PROT_READ, MAP_SHARED, f.fd, static_cast<off64_t>(offset))));
  }
#if defined(__i386__) || defined(__arm__)
  // mmap2 counts pages in 32 bits: from 2^44 the offset cannot be said, and
  // glibc says EINVAL rather than truncate it.
  const uint64_t huge = uint64_t{1} << 44;
  CHECK(rawsys::mmap(nullptr, page, prot::read, map::shared, rawsys::fd{f.fd}, huge) == unexpected(errc::einval));
  CHECK(rawsys::mmap(nullptr, page, prot::read, map::shared, rawsys::fd{f.fd}, huge) ==
        glibc_ptr(::mmap64(nullptr, page, PROT_READ, MAP_SHARED, f.fd, static_cast<off64_t>(huge))));
  // Just below it the offset reaches the kernel whole: past the end of a
  // regular file a shared mapping still succeeds (SIGBUS only on access).
  const uint64_t last = huge - page;
  auto r = rawsys::mmap(nullptr, page, prot::read, map::shared, rawsys::fd{f.fd}, last);
  auto g = glibc_ptr(::mmap64(nullptr, page, PROT_READ, MAP_SHARED, f.fd, static_cast<off64_t>(last)));
  CHECK(r.has_value() == g.has_value());
  if (r) CHECK(rawsys::munmap(*r, page));
  if (g) ::munmap(*g, page);
#endif
}

TEST_CASE("mmap: an address above 2 GiB is a value (32-bit) / a high fixed address (64-bit)") {
#if defined(__i386__) || defined(__arm__)
  const uintptr_t candidates[] = {0xb0000000u, 0xa0000000u, 0xc0000000u, 0x90000000u, 0xd0000000u};
#else
  const uintptr_t candidates[] = {uintptr_t{0x7e0000000000}, uintptr_t{0x100000000}, uintptr_t{0x3000000000}};
#endif
  bool mapped = false;
  for (uintptr_t want : candidates) {
    void* addr = reinterpret_cast<void*>(want);
    auto r = rawsys::mmap(addr, page, prot::read | prot::write,
                          map::private_ | map::anonymous | map::fixed_noreplace);
    if (!r) {
      CHECK((r.error() == errc::eexist || r.error() == errc::enomem));
      continue;
    }
    CHECK(*r == addr);
    CHECK(reinterpret_cast<uintptr_t>(*r) > uintptr_t{0x80000000u});
    static_cast<char*>(*r)[0] = 'h';
    CHECK(kernel_can_read(*r, page));
    // Taken now: EEXIST from both.
    CHECK(rawsys::mmap(addr, page, prot::read, map::private_ | map::anonymous | map::fixed_noreplace) ==
          unexpected(errc::eexist));
    CHECK(rawsys::mmap(addr, page, prot::read, map::private_ | map::anonymous | map::fixed_noreplace) ==
          glibc_ptr(::mmap(addr, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0)));
    CHECK(rawsys::munmap(*r, page).has_value());
    mapped = true;
    break;
  }
  CHECK(mapped);
}

TEST_CASE("mprotect: the kernel sees the new protection") {
  anon a(2 * page);
  CHECK(kernel_can_read(a.p, page));
  CHECK(rawsys::mprotect(a.p, page, prot::none).has_value());
  CHECK_FALSE(kernel_can_read(a.p, page));
  CHECK(kernel_can_read(a.p + page, page));  // only the first page changed
  CHECK(rawsys::mprotect(a.p, page, prot::read).has_value());
  CHECK(kernel_can_read(a.p, page));
  // Unknown bits: EINVAL; an unaligned start: EINVAL.
  const auto bad = static_cast<prot::flags>(0x100);
  CHECK(rawsys::mprotect(a.p, page, bad) == unexpected(errc::einval));
  CHECK(rawsys::mprotect(a.p, page, bad) == glibc_void(::mprotect(a.p, page, 0x100)));
  CHECK(rawsys::mprotect(a.p + 1, page, prot::read) == glibc_void(::mprotect(a.p + 1, page, PROT_READ)));
}

TEST_CASE("madvise: dontneed drops a private anonymous page's contents") {
  anon a(page);
  a.p[0] = 'x';
  a.p[100] = 'y';
  CHECK(rawsys::madvise(a.p, page, rawsys::madv::willneed).has_value());
  CHECK(rawsys::madvise(a.p, page, rawsys::madv::dontneed).has_value());
  CHECK(a.p[0] == 0);
  CHECK(a.p[100] == 0);
  const auto bad = static_cast<rawsys::madv::advice>(12345);
  if (under_qemu())
    MESSAGE("not checked under qemu-user: it accepts unknown madvise advice (returns 0)");
  else
    CHECK(rawsys::madvise(a.p, page, bad) == unexpected(errc::einval));
  CHECK(rawsys::madvise(a.p, page, bad) == glibc_void(::madvise(a.p, page, 12345)));
}

TEST_CASE("mremap: grow in place or moved, contents kept") {
  auto r = rawsys::mmap(nullptr, page, prot::read | prot::write, map::private_ | map::anonymous);
  REQUIRE(r.has_value());
  char* p = static_cast<char*>(*r);
  p[0] = 'a';
  p[page - 1] = 'z';
  auto g = rawsys::mremap(p, page, 4 * page, rawsys::remap::maymove);
  REQUIRE(g.has_value());
  char* q = static_cast<char*>(*g);
  CHECK(q[0] == 'a');
  CHECK(q[page - 1] == 'z');
  CHECK(q[3 * page] == 0);  // the new pages are zero and writable
  q[4 * page - 1] = 'e';
  CHECK(kernel_can_read(q, 4 * page));
  // Shrink back.
  auto s = rawsys::mremap(q, 4 * page, page, rawsys::remap::none);
  REQUIRE(s.has_value());
  CHECK(*s == q);
  CHECK(q[0] == 'a');
  // New size 0: EINVAL; an unknown flag: EINVAL.
  if (under_qemu()) {
    MESSAGE("not checked under qemu-user: mremap to size 0 says ENOMEM, not EINVAL, under qemu-aarch64, and "
            "stops qemu-arm 10 on an assertion (page_find_range_empty: len != 0)");
  } else {
    CHECK(rawsys::mremap(q, page, 0, rawsys::remap::maymove) == unexpected(errc::einval));
    CHECK(rawsys::mremap(q, page, 0, rawsys::remap::maymove) == glibc_ptr(::mremap(q, page, 0, MREMAP_MAYMOVE)));
  }
  CHECK(rawsys::mremap(q, page, 2 * page, static_cast<rawsys::remap::flags>(0x80)) ==
        glibc_ptr(::mremap(q, page, 2 * page, 0x80)));
  CHECK(rawsys::munmap(q, page).has_value());
}

TEST_CASE("msync: a shared file mapping reaches the file") {
  temp_file f(1);
  auto r = rawsys::mmap(nullptr, page, prot::read | prot::write, map::shared, rawsys::fd{f.fd}, 0);
  REQUIRE(r.has_value());
  char* p = static_cast<char*>(*r);
  p[10] = 'Q';
  CHECK(rawsys::msync(p, page, rawsys::ms::sync).has_value());
  CHECK(rawsys::msync(p, page, rawsys::ms::async | rawsys::ms::invalidate).has_value());
  char c = 0;
  REQUIRE(::pread(f.fd, &c, 1, 10) == 1);
  CHECK(c == 'Q');
  // async and sync together: EINVAL.
  CHECK(rawsys::msync(p, page, rawsys::ms::async | rawsys::ms::sync) == unexpected(errc::einval));
  CHECK(rawsys::msync(p, page, rawsys::ms::async | rawsys::ms::sync) == glibc_void(::msync(p, page, MS_ASYNC | MS_SYNC)));
  CHECK(rawsys::munmap(p, page).has_value());
}

TEST_CASE("mlock, munlock: a locked page is resident") {
  anon a(page);
  const auto locked = rawsys::mlock(a.p, page);
  // Through syscall(): AddressSanitizer replaces mlock/munlock with no-ops.
  const auto theirs = glibc_void(static_cast<int>(::syscall(SYS_mlock, a.p, page)));
  CHECK(locked.has_value() == theirs.has_value());
  if (!locked) {
    // A small RLIMIT_MEMLOCK without CAP_IPC_LOCK: the same error from both.
    CHECK(locked.error() == theirs.error());
  } else {
    unsigned char vec = 0;
    CHECK(rawsys::mincore(a.p, page, &vec).has_value());
    CHECK((vec & 1) == 1);
    CHECK(rawsys::munlock(a.p, page).has_value());
    ::syscall(SYS_munlock, a.p, page);
  }
  // A range with an unmapped page: ENOMEM.
  void* gone = ::mmap(nullptr, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(gone != MAP_FAILED);
  ::munmap(gone, page);
  CHECK(rawsys::mlock(gone, page) == unexpected(errc::enomem));
  CHECK(rawsys::mlock(gone, page) == glibc_void(static_cast<int>(::syscall(SYS_mlock, gone, page))));
  CHECK(rawsys::munlock(gone, page) == glibc_void(static_cast<int>(::syscall(SYS_munlock, gone, page))));
}

TEST_CASE("mincore: touched pages are resident, untouched anonymous ones are not") {
  anon a(4 * page);
  a.p[0] = 1;
  a.p[2 * page] = 1;
  unsigned char mine[4] = {0xff, 0xff, 0xff, 0xff};
  unsigned char theirs[4] = {};
  REQUIRE(rawsys::mincore(a.p, 4 * page, mine).has_value());
  REQUIRE(::mincore(a.p, 4 * page, theirs) == 0);
  CHECK((mine[0] & 1) == 1);
  CHECK((mine[1] & 1) == 0);
  CHECK((mine[2] & 1) == 1);
  CHECK((mine[3] & 1) == 0);
  for (int i = 0; i < 4; ++i) CHECK(mine[i] == theirs[i]);
  // An unaligned start: EINVAL; an unmapped range: ENOMEM.
  CHECK(rawsys::mincore(a.p + 1, page, mine) == unexpected(errc::einval));
  CHECK(rawsys::mincore(a.p + 1, page, mine) == glibc_void(::mincore(a.p + 1, page, theirs)));
  void* gone = ::mmap(nullptr, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(gone != MAP_FAILED);
  ::munmap(gone, page);
  CHECK(rawsys::mincore(gone, page, mine) == unexpected(errc::enomem));
  CHECK(rawsys::mincore(gone, page, mine) == glibc_void(::mincore(gone, page, theirs)));
}

TEST_CASE("brk: returns the new break, and the old one when it cannot move") {
  char* const now = static_cast<char*>(rawsys::brk(nullptr));
  CHECK(now == ::sbrk(0));
  // Below the data segment: refused, the old break comes back.
  CHECK(rawsys::brk(reinterpret_cast<void*>(uintptr_t{4096})) == now);
  // One page up, then back where it was (glibc's malloc never sees it).
  char* const up = now + page;
  if (rawsys::brk(up) == up) {
    CHECK(rawsys::brk(nullptr) == up);
    CHECK(rawsys::brk(now) == now);
  } else {
    MESSAGE("the break could not grow by one page here (memory limit)");
  }
  CHECK(rawsys::brk(nullptr) == now);
}

TEST_CASE("memfd_create: an anonymous file with a name") {
  auto f = rawsys::memfd_create("rawsys-memfd", rawsys::mfd::cloexec | rawsys::mfd::allow_sealing);
  REQUIRE(f.has_value());
  CHECK(f->valid());
  CHECK((::fcntl(f->get(), F_GETFD) & FD_CLOEXEC) != 0);
  CHECK(::fcntl(f->get(), F_GET_SEALS) == 0);  // allow_sealing arrived
  REQUIRE(::ftruncate(f->get(), page) == 0);
  auto r = rawsys::mmap(nullptr, page, prot::read | prot::write, map::shared, *f, 0);
  REQUIRE(r.has_value());
  static_cast<char*>(*r)[5] = 'm';
  char c = 0;
  CHECK(::pread(f->get(), &c, 1, 5) == 1);
  CHECK(c == 'm');
  CHECK(rawsys::munmap(*r, page));
  char link[256] = {};
  const std::string proc = "/proc/self/fd/" + std::to_string(f->get());
  REQUIRE(::readlink(proc.c_str(), link, sizeof link - 1) > 0);
  CHECK(std::string_view(link).starts_with("/memfd:rawsys-memfd"));
  // A name longer than 249 bytes, unknown flags: EINVAL.
  const std::string long_name(300, 'n');
  CHECK(rawsys::memfd_create(long_name.c_str(), rawsys::mfd::none) == unexpected(errc::einval));
  CHECK(rawsys::memfd_create(long_name.c_str(), rawsys::mfd::none).error() ==
        glibc(::memfd_create(long_name.c_str(), 0)).error());
  const auto bad = static_cast<rawsys::mfd::flags>(0x1000);
  CHECK(rawsys::memfd_create("x", bad).error() == glibc(::memfd_create("x", 0x1000)).error());
}
