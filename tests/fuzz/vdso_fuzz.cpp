// libFuzzer target for the vDSO parser: any bytes, parsed as each
// supported ISA's images (s390x's big-endian), looked up by the names the
// wrappers use. A lookup must return nothing or an address inside the
// input; the sanitizers catch any read outside it.
#include <rawsys/vdso.hpp>

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <initializer_list>

namespace {

const char* const names[] = {"__vdso_clock_gettime", "__vdso_clock_gettime64", "__vdso_gettimeofday",
                             "__vdso_time",          "__vdso_getcpu",          "__vdso_getrandom",
                             "__kernel_vsyscall",    "__kernel_clock_gettime", "__kernel_getrandom",
                             "__vdso_clock_getres",  "__vdso_rt_sigreturn",    "LINUX_2.6",
                             ""};
const char* const versions[] = {nullptr,        "LINUX_2.6",  "LINUX_2.5", "LINUX_2.6.39",
                                "LINUX_2.6.15", "LINUX_2.6.29", "LINUX_4.15", "LINUX_5.10", ""};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // An exact-size heap copy, so that AddressSanitizer sees one byte past it.
  unsigned char* copy = static_cast<unsigned char*>(malloc(size ? size : 1));
  if (size) memcpy(copy, data, size);
  for (rawsys::vdso::target t : {rawsys::vdso::x86_64_target, rawsys::vdso::i386_target,
                                 rawsys::vdso::aarch64_target, rawsys::vdso::ppc64_target,
                                 rawsys::vdso::riscv64_target, rawsys::vdso::loongarch64_target,
                                 rawsys::vdso::s390x_target}) {
    const rawsys::vdso::image im(copy, size, t);
    (void)rawsys::vdso::image::load_extent(copy, size, t);
    for (const char* n : names)
      for (const char* v : versions) {
        const auto* p = static_cast<const unsigned char*>(im.find(n, v));
        if (p != nullptr && (p < copy || p >= copy + size)) abort();
      }
  }
  free(copy);
  return 0;
}
