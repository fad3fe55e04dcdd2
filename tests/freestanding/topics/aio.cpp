// <rawsys/aio.hpp> without libc: each wrapper once, against what
// io_submit(2) and io_getevents(2) document: a write and a read of a memfd
// complete with their lengths. qemu-user emulates none of these calls.
#include <rawsys/aio.hpp>
#include <rawsys/memory.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

int main() {
  r::aio_context_t ctx = 0;
  auto s = r::io_setup(4, &ctx);
  if (topic::not_emulated(s, "io_setup")) return topic::finish("aio.hpp");
  check(s.has_value() && ctx != 0, "io_setup");
  if (!s) return topic::finish("aio.hpp");
  auto f = r::memfd_create("rawsys-aio", r::mfd::cloexec);
  check(f.has_value(), "memfd_create");
  char out[6] = "hello", in[6] = {};
  r::iocb w{};
  w.lio_opcode = r::iocb_cmd::pwrite;
  w.fildes = static_cast<uint32_t>(f ? f->get() : -1);
  w.buf = reinterpret_cast<uintptr_t>(out);
  w.nbytes = sizeof out;
  w.data = 1;
  r::iocb rd = w;
  rd.lio_opcode = r::iocb_cmd::pread;
  rd.buf = reinterpret_cast<uintptr_t>(in);
  rd.data = 2;
  r::iocb* ws[] = {&w};
  check(r::io_submit(ctx, 1, ws) == 1L, "io_submit: write");
  r::io_event ev[2]{};
  check(r::io_getevents(ctx, 1, 2, ev) == 1L && ev[0].data == 1 && ev[0].res == 6, "io_getevents");
  r::iocb* rs[] = {&rd};
  check(r::io_submit(ctx, 1, rs) == 1L, "io_submit: read");
  const r::timespec second{1, 0};
  check(r::io_pgetevents(ctx, 1, 2, ev, &second) == 1L && ev[0].data == 2 && in[0] == 'h', "io_pgetevents");
  r::io_event res{};
  check(r::io_cancel(ctx, &rd, &res) == r::unexpected(r::errc::einval), "io_cancel: not in flight, EINVAL");
  check(r::io_destroy(ctx).has_value(), "io_destroy");
  check(r::io_destroy(ctx) == r::unexpected(r::errc::einval), "io_destroy: gone, EINVAL");
  return topic::finish("aio.hpp");
}
