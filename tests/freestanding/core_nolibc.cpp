// The core in a program with no libc: its own minimal _start (the runtime
// proper is <rawsys/start.hpp>), checks that exit with a distinct status on
// the first failure, and exit_group(0) when all pass.
#include <rawsys/rawsys.hpp>

#include "nolibc_abi.hpp"

using rawsys::errc;
using rawsys::nr;

namespace {

[[noreturn]] void exit_with(long code) {
  rawsys::raw::syscall(static_cast<long>(nr::exit_group), code);
  __builtin_unreachable();
}

void say(const char* s) {
  unsigned long n = 0;
  while (s[n]) ++n;
  (void)rawsys::syscall(nr::write, 1, s, n);
}

}  // namespace

extern "C" [[noreturn]] [[gnu::used]] void rawsys_test_start(long* sp) {
  const long argc = sp[0];
  if (argc < 1) exit_with(10);
  // getpid succeeds and is positive.
  auto pid = rawsys::syscall(nr::getpid);
  if (!pid || *pid <= 0) exit_with(11);
  // An error decodes to its errc, name and message.
  auto bad = rawsys::syscall(nr::close, -1);
  if (bad || bad.error() != errc::ebadf) exit_with(12);
  const char* text = message(bad.error());
  if (text[0] != 'B' || name(bad.error())[1] != 'B') exit_with(13);
  // Six arguments: an anonymous mapping, written and unmapped.
  const unsigned private_anon = rawsys::uapi::map_private | rawsys::uapi::map_anonymous;  // 0x22; 0x802 on mips
#if defined(__s390x__)
  // old_mmap: one pointer to the six values.
  const unsigned long args[6] = {0, 4096, 3, private_anon, ~0ul, 0};
  auto page = rawsys::syscall(nr::mmap, args);
#else
  const auto map = rawsys::sys::mmap;  // mmap2 on 32-bit ISAs
  auto page = rawsys::syscall(map, nullptr, 4096u, 3 /* PROT_READ|WRITE */, private_anon, -1, 0);
#endif
  if (!page) exit_with(14);
  *reinterpret_cast<volatile char*>(*page) = 'x';
  if (!rawsys::syscall(nr::munmap, *page, 4096u)) exit_with(15);
  // Tables and the monadic members.
  if (rawsys::find_nr("getppid").value_or(nr::read) != nr::getppid) exit_with(16);
  auto doubled = rawsys::syscall(nr::getppid).transform([](long v) { return v * 2; });
  if (!doubled || *doubled <= 0) exit_with(17);
#if defined(__i386__)
  // No libc and no runtime: the fast entry is found through the kernel.
  if (rawsys::arch::entry_address <= 1) exit_with(18);
  if (rawsys::arch::entry_address != rawsys::auxv(32)) exit_with(19);
#endif
  say("core without libc: ok\n");
  exit_with(0);
}

#include "test_start.hpp"
