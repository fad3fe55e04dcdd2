// The core in an ordinary program: a few raw calls, their results and errors.
#include <rawsys/nr/aarch64.hpp>
#include <rawsys/nr/i386.hpp>
#include <rawsys/nr/x86_64.hpp>
#include <rawsys/rawsys.hpp>
#include <stdio.h>

int main() {
  using rawsys::nr;
  const char msg[] = "hello from rawsys::syscall(nr::write, ...)\n";
  auto written = rawsys::syscall(nr::write, 1, msg, sizeof msg - 1);
  printf("write returned %ld\n", written.value_or(-1));

  auto pid = rawsys::syscall(nr::getpid);
  printf("getpid() = %ld, getppid() = %ld\n", *pid, rawsys::syscall(nr::getppid).value_or(-1));

  auto missing = rawsys::syscall(nr::openat, -100, "/no/such/file", 0);
  if (!missing)
    printf("openat(\"/no/such/file\") failed: %s (%s)\n", name(missing.error()), message(missing.error()));

  auto num = rawsys::find_nr("clock_gettime");
  printf("clock_gettime is syscall %ld here; on x86-64 %ld, i386 %ld, arm64 %ld\n",
         static_cast<long>(num.value()), static_cast<long>(rawsys::x86_64::nr::clock_gettime),
         static_cast<long>(rawsys::ia32::nr::clock_gettime),
         static_cast<long>(rawsys::aarch64::nr::clock_gettime));
  return 0;
}
