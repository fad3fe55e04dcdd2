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

// The initial stack pointer points at argc; hand it to the C++ side.
#if defined(__x86_64__)
__asm__(".text\n.global _start\n_start:\n"
        "  xor %ebp, %ebp\n  mov %rsp, %rdi\n  and $-16, %rsp\n  call rawsys_test_start\n  hlt\n");
#elif defined(__i386__)
__asm__(".text\n.global _start\n_start:\n"
        "  xor %ebp, %ebp\n  mov %esp, %eax\n  and $-16, %esp\n  sub $12, %esp\n  push %eax\n"
        "  call rawsys_test_start\n  hlt\n");
#elif defined(__aarch64__)
__asm__(".text\n.global _start\n_start:\n"
        "  mov x29, #0\n  mov x30, #0\n  mov x0, sp\n  bl rawsys_test_start\n  brk #0\n");
#elif defined(__arm__)
// ARM code (an even entry address) in Thumb builds too; back to the
// compiler's state after it.
__asm__(".text\n.arm\n.global _start\n.type _start, %function\n_start:\n"
        "  mov fp, #0\n  mov lr, #0\n  mov r0, sp\n  bic sp, r0, #15\n  bl rawsys_test_start\n  udf #0\n"
        RAWSYS_ARM_CODE_STATE_);
#elif defined(__powerpc64__)
__asm__(".text\n.global _start\n_start:\n"
        "  bcl 20, 31, 1f\n1:\n  mflr 11\n  addis 2, 11, (.TOC. - 1b)@ha\n  addi 2, 2, (.TOC. - 1b)@l\n"
        "  mr 3, 1\n  clrrdi 1, 1, 4\n  li 0, 0\n  stdu 0, -32(1)\n  bl rawsys_test_start\n  nop\n  trap\n");
#elif defined(__riscv)
// gp before any C++ code: GNU ld relaxes small-data accesses to gp-relative.
__asm__(".text\n.global _start\n_start:\n.weak __global_pointer$\n"
        ".option push\n.option norelax\n  lla gp, __global_pointer$\n.option pop\n"
        "  mv s0, zero\n  mv ra, zero\n  mv a0, sp\n  call rawsys_test_start\n  ebreak\n");
#elif defined(__loongarch__)
__asm__(".text\n.global _start\n_start:\n"
        "  move $fp, $zero\n  move $ra, $zero\n  move $a0, $sp\n  bstrins.d $sp, $zero, 3, 0\n"
        "  bl rawsys_test_start\n  break 0\n");
#elif defined(__s390x__)
__asm__(".text\n.global _start\n_start:\n"
        "  lgr %r2, %r15\n  aghi %r15, -160\n  xc 0(8,%r15), 0(%r15)\n  brasl %r14, rawsys_test_start\n  .short 0\n");
#endif
