// Linux AIO (io_setup, io_submit, io_getevents, io_pgetevents, io_cancel,
// io_destroy) against glibc's syscall() on the same ISA: requests written
// by rawsys are read back by the kernel's plain calls, and the errors
// match. Every context a case makes is destroyed however it ends.
// qemu-user implements none of these calls: the cases skip there, after
// checking that glibc's syscall() sees ENOSYS as well.
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstring>

#include "sockets_support.hpp"

namespace r = rawsys;
using rawsys::errc;
using rawsys_test::glibc;
using rawsys_test::outcome;

static_assert(sizeof(r::iocb) == sizeof(::iocb));
static_assert(offsetof(r::iocb, key) == offsetof(::iocb, aio_key));
static_assert(offsetof(r::iocb, rw_flags) == offsetof(::iocb, aio_rw_flags));
static_assert(offsetof(r::iocb, lio_opcode) == offsetof(::iocb, aio_lio_opcode));
static_assert(offsetof(r::iocb, fildes) == offsetof(::iocb, aio_fildes));
static_assert(offsetof(r::iocb, buf) == offsetof(::iocb, aio_buf));
static_assert(offsetof(r::iocb, offset) == offsetof(::iocb, aio_offset));
static_assert(offsetof(r::iocb, resfd) == offsetof(::iocb, aio_resfd));
static_assert(sizeof(r::io_event) == sizeof(::io_event));
static_assert(offsetof(r::io_event, res) == offsetof(::io_event, res));
static_assert(r::iocb_cmd::pread == IOCB_CMD_PREAD && r::iocb_cmd::pwrite == IOCB_CMD_PWRITE);
static_assert(r::iocb_cmd::fsync == IOCB_CMD_FSYNC && r::iocb_cmd::noop == IOCB_CMD_NOOP);
static_assert(r::iocb_flag::resfd == IOCB_FLAG_RESFD);

namespace {

// A context destroyed at the end of the case.
struct context {
  r::aio_context_t id = 0;
  ~context() {
    if (id) ::syscall(SYS_io_destroy, id);
  }
};

// Whether this kernel (or qemu-user) has AIO; skips the case when not.
bool have_aio() {
  r::aio_context_t ctx = 0;
  const auto got = r::io_setup(1, &ctx);
  if (got) {
    CHECK(r::io_destroy(ctx));
    return true;
  }
  ::aio_context_t g = 0;
  CHECK(outcome(got) == glibc(::syscall(SYS_io_setup, 1, &g)));
  rawsys_test::skip(rawsys_test::why_unavailable("io_setup", got.error()));
  return false;
}

r::iocb request(uint16_t op, int fd, void* buf, size_t len, int64_t offset, uint64_t data) {
  r::iocb cb{};
  cb.data = data;
  cb.lio_opcode = op;
  cb.fildes = static_cast<uint32_t>(fd);
  cb.buf = reinterpret_cast<uintptr_t>(buf);
  cb.nbytes = len;
  cb.offset = offset;
  return cb;
}

// 32-bit ISAs: the kernel's io_getevents takes a 32-bit timespec.
long glibc_getevents(r::aio_context_t ctx, long min_nr, long n, ::io_event* events) {
  return ::syscall(SYS_io_getevents, ctx, min_nr, n, events, nullptr);
}

}  // namespace

TEST_CASE("io_setup, io_submit, io_getevents, io_pgetevents, io_destroy: writes and reads complete") {
  if (!have_aio()) return;
  const int fd = ::memfd_create("rawsys-aio", MFD_CLOEXEC);
  REQUIRE(fd >= 0);
  context ctx;
  CHECK(r::io_setup(8, &ctx.id));
  CHECK(ctx.id != 0);

  char out[] = "written by io_submit";
  r::iocb w = request(r::iocb_cmd::pwrite, fd, out, sizeof out, 100, 42);
  r::iocb* ws[] = {&w};
  CHECK(r::io_submit(ctx.id, 1, ws) == 1L);
  r::io_event ev[2]{};
  CHECK(r::io_getevents(ctx.id, 1, 2, ev) == 1L);
  CHECK(ev[0].data == 42);
  CHECK(ev[0].obj == reinterpret_cast<uintptr_t>(&w));
  CHECK(ev[0].res == static_cast<int64_t>(sizeof out));
  char back[sizeof out] = {};
  CHECK(::pread(fd, back, sizeof back, 100) == static_cast<ssize_t>(sizeof back));
  CHECK(std::strcmp(back, out) == 0);

  // Two reads at once; io_pgetevents with a timeout and a mask.
  char a[8] = {}, b[8] = {};
  r::iocb ra = request(r::iocb_cmd::pread, fd, a, 7, 100, 1);
  r::iocb rb = request(r::iocb_cmd::pread, fd, b, 7, 111, 2);
  r::iocb* rs[] = {&ra, &rb};
  CHECK(r::io_submit(ctx.id, 2, rs) == 2L);
  const r::timespec second{1, 0};
  const r::sigset mask{};
  const r::aio_sigset usig{&mask, sizeof mask};
  long seen = 0;
  while (seen < 2) {
    const auto n = r::io_pgetevents(ctx.id, 1, 2, ev + seen, &second, &usig);
    REQUIRE(n);
    REQUIRE(*n > 0);
    seen += *n;
  }
  for (const auto& e : ev) CHECK(e.res == 7);
  CHECK(std::memcmp(a, "written", 7) == 0);
  CHECK(std::memcmp(b, "io_subm", 7) == 0);

  // Nothing in flight, a zero timeout: no events, from rawsys and the kernel's call.
  const r::timespec zero{0, 0};
  CHECK(r::io_getevents(ctx.id, 0, 2, ev, &zero) == 0L);
  CHECK(r::io_pgetevents(ctx.id, 0, 2, ev, &zero) == 0L);

  CHECK(r::io_destroy(ctx.id));
  CHECK(r::io_destroy(ctx.id) == r::unexpected(errc::einval));
  ctx.id = 0;
  ::close(fd);
}

TEST_CASE("io_setup, io_submit, io_getevents, io_cancel, io_destroy: errors match the kernel's calls") {
  if (!have_aio()) return;
  // No events: EINVAL.
  r::aio_context_t bad = 0;
  ::aio_context_t gbad = 0;
  CHECK(r::io_setup(0, &bad) == r::unexpected(errc::einval));
  CHECK(outcome(r::io_setup(0, &bad)) == glibc(::syscall(SYS_io_setup, 0, &gbad)));
  // *ctx not 0 on entry: EINVAL.
  bad = gbad = 1;
  CHECK(outcome(r::io_setup(1, &bad)) == glibc(::syscall(SYS_io_setup, 1, &gbad)));
  CHECK(r::io_setup(1, &bad) == r::unexpected(errc::einval));
  // Not a context.
  CHECK(r::io_destroy(0) == r::unexpected(errc::einval));
  CHECK(outcome(r::io_destroy(0)) == glibc(::syscall(SYS_io_destroy, 0)));
  r::io_event ev[1]{};
  CHECK(r::io_getevents(12345, 1, 1, ev) == r::unexpected(errc::einval));
  CHECK(outcome(r::io_getevents(12345, 1, 1, ev)) == glibc(glibc_getevents(12345, 1, 1, reinterpret_cast<::io_event*>(ev))));

  context ctx;
  REQUIRE(r::io_setup(2, &ctx.id));
  // A bad descriptor in the request: EBADF.
  const int closed = rawsys_test::closed_fd();
  char buf[4];
  r::iocb cb = request(r::iocb_cmd::pread, closed, buf, sizeof buf, 0, 0);
  r::iocb* cbs[] = {&cb};
  CHECK(r::io_submit(ctx.id, 1, cbs) == r::unexpected(errc::ebadf));
  CHECK(outcome(r::io_submit(ctx.id, 1, cbs)) == glibc(::syscall(SYS_io_submit, ctx.id, 1, cbs)));
  // A negative count: EINVAL.
  CHECK(outcome(r::io_submit(ctx.id, -1, cbs)) == glibc(::syscall(SYS_io_submit, ctx.id, -1L, cbs)));
  // min_nr above nr: EINVAL.
  CHECK(r::io_getevents(ctx.id, 2, 1, ev) == r::unexpected(errc::einval));
  CHECK(outcome(r::io_getevents(ctx.id, 2, 1, ev)) == glibc(glibc_getevents(ctx.id, 2, 1, reinterpret_cast<::io_event*>(ev))));
  // A request that is not in flight cannot be cancelled: EINVAL.
  r::io_event res{};
  CHECK(r::io_cancel(ctx.id, &cb, &res) == r::unexpected(errc::einval));
  CHECK(outcome(r::io_cancel(ctx.id, &cb, &res)) == glibc(::syscall(SYS_io_cancel, ctx.id, &cb, &res)));
  // A bad signal mask size: EINVAL.
  const r::sigset mask{};
  const r::aio_sigset usig{&mask, 4};
  const r::timespec zero{0, 0};
  CHECK(r::io_pgetevents(ctx.id, 1, 1, ev, &zero, &usig) == r::unexpected(errc::einval));
}

#if defined(__i386__) || defined(__arm__)
TEST_CASE("io_getevents, io_pgetevents: the 32-bit time calls where the kernel has no time64 ones") {
  if (!have_aio()) return;
  // A child has none of its parent's AIO contexts: it makes its own.
  const int line = rawsys_test::run_without({SYS_io_pgetevents_time64}, [] {
    r::aio_context_t id = 0;
    RAWSYS_EXPECT(r::io_setup(2, &id));
    r::io_event ev[1]{};
    const r::timespec zero{0, 0};
    RAWSYS_EXPECT(r::io_getevents(id, 0, 1, ev, &zero) == 0L);
    RAWSYS_EXPECT(r::io_pgetevents(id, 0, 1, ev, &zero) == 0L);
    const r::timespec y2100{4102444800, 0};
    RAWSYS_EXPECT(r::io_getevents(id, 0, 1, ev, &y2100) == r::unexpected(errc::eoverflow));
    RAWSYS_EXPECT(r::io_destroy(id));
    return 0;
  });
  if (line == -1) {
    rawsys_test::skip(rawsys_test::why_no_seccomp_filter());
    return;
  }
  CHECK(line == 0);
}
#endif
