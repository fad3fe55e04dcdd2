// vdso.hpp: the parser on the live vDSO, on the three arches' images (seed
// files) and on corrupted copies; the time calls through the vDSO against the
// syscalls; the forced fallback; getcpu and getrandom.
#include <rawsys/vdso.hpp>

#include "skip.hpp"
#include "support.hpp"

#include <elf.h>
#include <link.h>
#include <sched.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/auxv.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include <string>
#include <thread>
#include <vector>

using rawsys::errc;
using rawsys::nr;
using rawsys::unexpected;
using clk = rawsys::clock;
namespace vdso = rawsys::vdso;

namespace {

using bytes = std::vector<unsigned char>;

constexpr clk all_clocks[] = {clk::realtime,        clk::monotonic,        clk::process_cputime_id,
                              clk::thread_cputime_id, clk::monotonic_raw,  clk::realtime_coarse,
                              clk::monotonic_coarse, clk::boottime,         clk::realtime_alarm,
                              clk::boottime_alarm,   clk::tai};
constexpr int64_t billion = 1000000000;
int64_t ns(const rawsys::timespec& t) { return t.sec * billion + t.nsec; }
bool settable(clk c) {
  return c == clk::realtime || c == clk::realtime_coarse || c == clk::realtime_alarm || c == clk::tai;
}

// The names this arch's wrappers look up, and one the vDSO never has.
struct wanted {
  const char* name;
  const char* version;
};
#if defined(__x86_64__)
const wanted native_symbols[] = {{"__vdso_clock_gettime", "LINUX_2.6"}, {"__vdso_gettimeofday", "LINUX_2.6"},
                                 {"__vdso_time", "LINUX_2.6"},          {"__vdso_getcpu", "LINUX_2.6"},
                                 {"__vdso_clock_getres", "LINUX_2.6"}};
#elif defined(__i386__)
const wanted native_symbols[] = {{"__vdso_clock_gettime64", "LINUX_2.6"}, {"__vdso_clock_gettime", "LINUX_2.6"},
                                 {"__vdso_gettimeofday", "LINUX_2.6"},    {"__vdso_time", "LINUX_2.6"},
                                 {"__kernel_vsyscall", "LINUX_2.5"}};
#elif defined(__aarch64__)
const wanted native_symbols[] = {{"__kernel_clock_gettime", "LINUX_2.6.39"},
                                 {"__kernel_clock_getres", "LINUX_2.6.39"},
                                 {"__kernel_gettimeofday", "LINUX_2.6.39"}};
#elif defined(__arm__)
const wanted native_symbols[] = {{"__vdso_clock_gettime64", "LINUX_2.6"}, {"__vdso_clock_gettime", "LINUX_2.6"},
                                 {"__vdso_gettimeofday", "LINUX_2.6"},    {"__vdso_clock_getres", "LINUX_2.6"}};
#elif defined(__powerpc64__)
const wanted native_symbols[] = {{"__kernel_clock_gettime", "LINUX_2.6.15"},
                                 {"__kernel_clock_getres", "LINUX_2.6.15"},
                                 {"__kernel_gettimeofday", "LINUX_2.6.15"},
                                 {"__kernel_time", "LINUX_2.6.15"},
                                 {"__kernel_getcpu", "LINUX_2.6.15"}};
#elif defined(__riscv) && __riscv_xlen == 64
const wanted native_symbols[] = {{"__vdso_clock_gettime", "LINUX_4.15"}, {"__vdso_clock_getres", "LINUX_4.15"},
                                 {"__vdso_gettimeofday", "LINUX_4.15"},  {"__vdso_getcpu", "LINUX_4.15"},
                                 {"__vdso_rt_sigreturn", "LINUX_4.15"}};
#elif defined(__s390x__)
const wanted native_symbols[] = {{"__kernel_clock_gettime", "LINUX_2.6.29"}, {"__kernel_clock_getres", "LINUX_2.6.29"},
                                 {"__kernel_gettimeofday", "LINUX_2.6.29"},  {"__kernel_getcpu", "LINUX_2.6.29"},
                                 {"__kernel_rt_sigreturn", "LINUX_2.6.29"}};
#endif

bytes live_copy() {
  const vdso::image im = vdso::live();
  REQUIRE(im.valid());
  const auto* p = static_cast<const unsigned char*>(im.base());
  return bytes(p, p + im.size());
}

bytes read_seed(const char* name) {
  const std::string path = std::string(RAWSYS_TEST_DATA_DIR) + "/fuzz/corpus/" + name;
  FILE* f = ::fopen(path.c_str(), "rb");
  REQUIRE_MESSAGE(f != nullptr, path);
  bytes b(1 << 16);
  b.resize(::fread(b.data(), 1, b.size(), f));
  ::fclose(f);
  return b;
}

// Every lookup of `names` in b: nothing, or an address inside b.
bool lookups_stay_inside(const bytes& b, size_t len, vdso::target t = vdso::native_target) {
  const vdso::image im(b.data(), len, t);
  for (const auto& w : native_symbols) {
    for (const char* v : {w.version, static_cast<const char*>(nullptr), "LINUX_2.6", "nope"}) {
      const auto* p = static_cast<const unsigned char*>(im.find(w.name, v));
      if (p != nullptr && (p < b.data() || p >= b.data() + len)) return false;
    }
  }
  return im.find("not_in_any_vdso") == nullptr;
}

// Offsets of the native image's dynamic entries, hash tables and symbols,
// read with the system's <elf.h> types (independently of the parser).
struct layout {
  const bytes& b;
  const ElfW(Ehdr)* eh() const { return reinterpret_cast<const ElfW(Ehdr)*>(b.data()); }
  const ElfW(Phdr)* ph(int i) const { return reinterpret_cast<const ElfW(Phdr)*>(b.data() + eh()->e_phoff) + i; }
  const ElfW(Phdr)* first(unsigned type) const {
    for (int i = 0; i < eh()->e_phnum; ++i)
      if (ph(i)->p_type == type) return ph(i);
    return nullptr;
  }
  size_t off(ElfW(Addr) vaddr) const { return vaddr - first(PT_LOAD)->p_vaddr + first(PT_LOAD)->p_offset; }
  ElfW(Dyn)* dyn(ElfW(Sxword) tag) const {
    auto* d = reinterpret_cast<ElfW(Dyn)*>(const_cast<unsigned char*>(b.data()) + first(PT_DYNAMIC)->p_offset);
    for (; d->d_tag != DT_NULL; ++d)
      if (d->d_tag == tag) return d;
    return nullptr;
  }
  template <class T>
  T* at(ElfW(Addr) vaddr) const {
    return reinterpret_cast<T*>(const_cast<unsigned char*>(b.data()) + off(vaddr));
  }
  ElfW(Sym)* symbol(const char* name) const {
    auto* syms = at<ElfW(Sym)>(dyn(DT_SYMTAB)->d_un.d_ptr);
    const char* str = at<const char>(dyn(DT_STRTAB)->d_un.d_ptr);
    for (int i = 0; i < 64; ++i)
      if (std::string_view(str + syms[i].st_name) == name) return &syms[i];
    return nullptr;
  }
};

// A small deterministic generator for the mutation tests.
struct xorshift {
  uint64_t s = 0x9e3779b97f4a7c15ull;
  uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
};

// The syscalls themselves, for comparison.
rawsys::result<rawsys::timespec> sys_clock_gettime(clk c) {
  rawsys::timespec t{};
#if defined(__i386__) || defined(__arm__)
  auto r = rawsys::syscall(nr::clock_gettime64, c, &t);
#else
  auto r = rawsys::syscall(nr::clock_gettime, c, &t);
#endif
  if (!r) return unexpected(r.error());
  return t;
}
rawsys::result<rawsys::timespec> sys_clock_getres(clk c) {
  rawsys::timespec t{};
#if defined(__i386__) || defined(__arm__)
  auto r = rawsys::syscall(nr::clock_getres_time64, c, &t);
#else
  auto r = rawsys::syscall(nr::clock_getres, c, &t);
#endif
  if (!r) return unexpected(r.error());
  return t;
}

}  // namespace

TEST_CASE("vdso: the live image parses and has this arch's functions") {
  const vdso::image im = vdso::live();
  REQUIRE(im.valid());
  CHECK(reinterpret_cast<unsigned long>(im.base()) == rawsys::auxv(AT_SYSINFO_EHDR));
  CHECK(im.size() > 1000);
  CHECK(im.size() < 65536);
  for (const auto& w : native_symbols) {
    CAPTURE(w.name);
    const void* p = vdso::find(w.name, w.version);
    CHECK(p != nullptr);
    CHECK(p == im.find(w.name, nullptr));           // any version
    CHECK(im.find(w.name, "LINUX_0.0") == nullptr);  // a version it does not have
  }
  CHECK(vdso::find("__vdso_nothing", nullptr) == nullptr);
  CHECK(vdso::find("", nullptr) == nullptr);
  CHECK(im.find(nullptr) == nullptr);
#if defined(__i386__)
  // The fast system call entry is the one the kernel names in AT_SYSINFO.
  CHECK(reinterpret_cast<unsigned long>(vdso::find("__kernel_vsyscall", "LINUX_2.5")) ==
        rawsys::auxv(AT_SYSINFO));
  CHECK(vdso::find("__kernel_vsyscall", "LINUX_2.6") == nullptr);
#endif
  // Not a function: the version's own absolute symbol.
  CHECK(im.find("LINUX_2.6", nullptr) == nullptr);
  CHECK(im.find("LINUX_2.6.39", nullptr) == nullptr);
}

TEST_CASE("vdso: each arch's image parses on any host, and only as its own arch") {
  struct seed {
    const char* file;
    vdso::target t;
    const char* name;
    const char* version;
    const char* also;  // another function it has
  };
  const seed seeds[] = {
      {"vdso-x86_64", vdso::x86_64_target, "__vdso_clock_gettime", "LINUX_2.6", "__vdso_getrandom"},
      {"vdso-i386", vdso::i386_target, "__vdso_clock_gettime64", "LINUX_2.6", "__kernel_vsyscall"},
      {"vdso-aarch64-qemu", vdso::aarch64_target, "__kernel_clock_gettime", "LINUX_2.6.39", "__kernel_rt_sigreturn"},
      {"vdso-arm-qemu", vdso::arm_target, "__vdso_clock_gettime64", "LINUX_2.6", "__vdso_clock_getres"},
      {"vdso-ppc64le-qemu", vdso::ppc64_target, "__kernel_clock_gettime", "LINUX_2.6.15", "__kernel_sigtramp_rt64"},
      {"vdso-riscv64-qemu", vdso::riscv64_target, "__vdso_clock_gettime", "LINUX_4.15", "__vdso_rt_sigreturn"},
      {"vdso-loongarch64-qemu", vdso::loongarch64_target, "__vdso_clock_gettime", "LINUX_5.10", "__vdso_rt_sigreturn"},
      {"vdso-s390x-qemu", vdso::s390x_target, "__kernel_clock_gettime", "LINUX_2.6.29", "__kernel_sigreturn"},
  };
  for (const seed& s : seeds) {
    CAPTURE(s.file);
    const bytes b = read_seed(s.file);
    const vdso::image im(b.data(), b.size(), s.t);
    REQUIRE(im.valid());
    const auto* p = static_cast<const unsigned char*>(im.find(s.name, s.version));
    REQUIRE(p != nullptr);
    CHECK(p > b.data());
    CHECK(p < b.data() + b.size());
    CHECK(im.find(s.also, nullptr) != nullptr);
    CHECK(im.find(s.name, "LINUX_9") == nullptr);
    for (const seed& other : seeds)
      if (!(other.t == s.t)) CHECK_FALSE(vdso::image(b.data(), b.size(), other.t).valid());
    // Read in the other byte order, it is not an image of this machine.
    vdso::target swapped = s.t;
    swapped.data = s.t.data == vdso::elf_data::lsb ? vdso::elf_data::msb : vdso::elf_data::lsb;
    CHECK_FALSE(vdso::image(b.data(), b.size(), swapped).valid());
    // Every truncation: nothing found, nothing read past the end.
    for (size_t len = 0; len < b.size(); len += 7) {
      const bytes cut(b.begin(), b.begin() + static_cast<ptrdiff_t>(len));
      CHECK_FALSE(vdso::image(cut.data(), cut.size(), s.t).find(s.name, s.version));
    }
  }
}

TEST_CASE("vdso: a copy truncated at every length finds nothing") {
  const bytes full = live_copy();
  const auto& w = native_symbols[0];
  REQUIRE(vdso::image(full.data(), full.size()).find(w.name, w.version) != nullptr);
  size_t found = 0;
  for (size_t len = 0; len < full.size(); ++len) {
    const bytes cut(full.begin(), full.begin() + static_cast<ptrdiff_t>(len));  // exactly len bytes
    if (vdso::image(cut.data(), cut.size()).find(w.name, w.version) != nullptr) ++found;
  }
  CHECK(found == 0);
  CHECK_FALSE(vdso::image(nullptr, full.size()).valid());
}

TEST_CASE("vdso: corrupted headers make an invalid image") {
  const bytes good = live_copy();
  const auto& w = native_symbols[0];
  auto broken = [&](auto&& corrupt) {
    bytes b = good;
    layout l{b};
    corrupt(b, l);
    const vdso::image im(b.data(), b.size());
    return !im.valid() && im.find(w.name, w.version) == nullptr;
  };
  CHECK(broken([](bytes& b, layout&) { b[0] = 0x7e; }));                      // magic
  CHECK(broken([](bytes& b, layout&) { b[EI_CLASS] ^= 3; }));                // class
  CHECK(broken([](bytes& b, layout&) { b[EI_DATA] ^= 3; }));                 // byte order
  CHECK(broken([](bytes&, layout& l) { const_cast<ElfW(Ehdr)*>(l.eh())->e_machine = EM_ARM; }));
  CHECK(broken([](bytes&, layout& l) { const_cast<ElfW(Ehdr)*>(l.eh())->e_type = ET_EXEC; }));
  CHECK(broken([](bytes&, layout& l) { const_cast<ElfW(Ehdr)*>(l.eh())->e_phoff = 0x7ffffff0; }));
  CHECK(broken([](bytes& b, layout& l) { const_cast<ElfW(Ehdr)*>(l.eh())->e_phoff = b.size() - 8; }));
  CHECK(broken([](bytes&, layout& l) { const_cast<ElfW(Ehdr)*>(l.eh())->e_phnum = 0xffff; }));
  CHECK(broken([](bytes&, layout& l) { const_cast<ElfW(Ehdr)*>(l.eh())->e_phentsize = 8; }));
  CHECK(broken([](bytes&, layout& l) { const_cast<ElfW(Phdr)*>(l.first(PT_LOAD))->p_filesz += 4096; }));
  CHECK(broken([](bytes&, layout& l) { const_cast<ElfW(Phdr)*>(l.first(PT_LOAD))->p_filesz = ~decltype(ElfW(Phdr)::p_filesz){0}; }));
  CHECK(broken([](bytes&, layout& l) { const_cast<ElfW(Phdr)*>(l.first(PT_LOAD))->p_type = PT_NOTE; }));
  CHECK(broken([](bytes&, layout& l) { const_cast<ElfW(Phdr)*>(l.first(PT_DYNAMIC))->p_offset = 0x7ffffff0; }));
  CHECK(broken([](bytes&, layout& l) { const_cast<ElfW(Phdr)*>(l.first(PT_DYNAMIC))->p_filesz = 0x7ffffff0; }));
  CHECK(broken([](bytes&, layout& l) { const_cast<ElfW(Phdr)*>(l.first(PT_DYNAMIC))->p_type = PT_NULL; }));
  CHECK(broken([](bytes&, layout& l) { l.dyn(DT_STRTAB)->d_un.d_ptr += 0x100000; }));
  CHECK(broken([](bytes&, layout& l) { l.dyn(DT_STRSZ)->d_un.d_val = 0x100000; }));
  CHECK(broken([](bytes&, layout& l) { l.dyn(DT_STRTAB)->d_tag = DT_DEBUG; }));
  CHECK(broken([](bytes&, layout& l) { l.dyn(DT_SYMTAB)->d_un.d_ptr += 0x100000; }));
  CHECK(broken([](bytes&, layout& l) { l.dyn(DT_SYMENT)->d_un.d_val = 8; }));
  CHECK(broken([](bytes&, layout& l) { l.dyn(DT_SYMTAB)->d_un.d_ptr -= 0x100000; }));
}

TEST_CASE("vdso: hash tables: either alone works, neither finds nothing, loops end") {
  const bytes good = live_copy();
  const auto& w = native_symbols[0];
  const auto* want = static_cast<const unsigned char*>(vdso::image(good.data(), good.size()).find(w.name, w.version));
  REQUIRE(want != nullptr);
  const ptrdiff_t want_off = want - good.data();
  auto lookup = [&](const bytes& b) -> ptrdiff_t {  // -1: not found
    const auto* p = static_cast<const unsigned char*>(vdso::image(b.data(), b.size()).find(w.name, w.version));
    return p ? p - b.data() : -1;
  };
  layout probe{good};
  const bool has_sysv = probe.dyn(DT_HASH) != nullptr, has_gnu = probe.dyn(DT_GNU_HASH) != nullptr;
  REQUIRE((has_sysv || has_gnu));
  if (has_sysv && has_gnu) {
    bytes gnu_only = good;
    layout{gnu_only}.dyn(DT_HASH)->d_tag = DT_DEBUG;
    CHECK(lookup(gnu_only) == want_off);
    bytes sysv_only = good;
    layout{sysv_only}.dyn(DT_GNU_HASH)->d_tag = DT_DEBUG;
    CHECK(lookup(sysv_only) == want_off);
  } else {
    MESSAGE("this vDSO has only one hash table");
  }
  bytes neither = good;
  layout n{neither};
  if (has_sysv) n.dyn(DT_HASH)->d_tag = DT_DEBUG;
  if (has_gnu) n.dyn(DT_GNU_HASH)->d_tag = DT_DEBUG;
  CHECK(vdso::image(neither.data(), neither.size()).valid());
  CHECK(lookup(neither) == -1);

  if (has_sysv) {
    // SysV: every chain entry points at itself, or at the next in a ring.
    for (int mode = 0; mode < 2; ++mode) {
      bytes b = good;
      layout l{b};
      if (has_gnu) l.dyn(DT_GNU_HASH)->d_tag = DT_DEBUG;
      auto* h = l.at<Elf_Symndx>(l.dyn(DT_HASH)->d_un.d_ptr);  // 64-bit words on s390x
      const Elf_Symndx nbucket = h[0], nchain = h[1];
      for (Elf_Symndx i = 0; i < nchain; ++i) h[2 + nbucket + i] = mode == 0 ? i : (i + 1) % nchain;
      const ptrdiff_t r = lookup(b);
      CHECK((r == -1 || r == want_off));
      CHECK(lookups_stay_inside(b, b.size()));
      // Buckets and nchain far out of range.
      for (Elf_Symndx i = 0; i < nbucket; ++i) h[2 + i] = 0xfffffff0u;
      CHECK(lookup(b) == -1);
      h[1] = 0xffffffffu;
      CHECK(lookup(b) == -1);
      h[0] = 0;  // no buckets: no division by zero
      CHECK(lookup(b) == -1);
    }
  }
  if (has_gnu) {
    // GNU: no chain ever ends (low bits cleared), or buckets point anywhere.
    bytes b = good;
    layout l{b};
    if (has_sysv) l.dyn(DT_HASH)->d_tag = DT_DEBUG;
    auto* g = l.at<uint32_t>(l.dyn(DT_GNU_HASH)->d_un.d_ptr);
    const uint32_t nbuckets = g[0], bloom = g[2];
    uint32_t* buckets = g + 4 + bloom * (sizeof(ElfW(Addr)) / 4);
    uint32_t* chain = buckets + nbuckets;
    for (uint32_t* c = chain; reinterpret_cast<unsigned char*>(c + 1) <= b.data() + b.size(); ++c) *c &= ~1u;
    const ptrdiff_t r = lookup(b);
    CHECK((r == -1 || r == want_off));
    CHECK(lookups_stay_inside(b, b.size()));
    for (uint32_t i = 0; i < nbuckets; ++i) buckets[i] = 0x7fffffffu;
    CHECK(lookup(b) == -1);
    g[2] = 0x40000000u;  // a bloom filter larger than the image
    CHECK(lookup(b) == -1);
    g[0] = 0;
    CHECK(lookup(b) == -1);
  }
}

TEST_CASE("vdso: symbols: wrong type, undefined, bad names and bad versions are not found") {
  const bytes good = live_copy();
  const auto& w = native_symbols[0];
  auto found = [&](const bytes& b, const char* version) {
    return vdso::image(b.data(), b.size()).find(w.name, version) != nullptr;
  };
  REQUIRE(found(good, w.version));
  auto with = [&](auto&& corrupt) {
    bytes b = good;
    layout l{b};
    ElfW(Sym)* s = l.symbol(w.name);
    REQUIRE(s != nullptr);
    corrupt(b, l, s);
    return b;
  };
  CHECK_FALSE(found(with([](bytes&, layout&, ElfW(Sym)* s) { s->st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT); }), nullptr));
  CHECK_FALSE(found(with([](bytes&, layout&, ElfW(Sym)* s) { s->st_info = ELF64_ST_INFO(STB_LOCAL, STT_FUNC); }), nullptr));
  CHECK_FALSE(found(with([](bytes&, layout&, ElfW(Sym)* s) { s->st_shndx = SHN_UNDEF; }), nullptr));
  CHECK_FALSE(found(with([](bytes&, layout&, ElfW(Sym)* s) { s->st_shndx = SHN_ABS; }), nullptr));
  CHECK_FALSE(found(with([](bytes&, layout&, ElfW(Sym)* s) { s->st_value += 0x1000000; }), nullptr));
  CHECK_FALSE(found(with([](bytes&, layout&, ElfW(Sym)* s) { s->st_name = 0x7fffffff; }), nullptr));
  // A name running to the end of the string table without its NUL.
  CHECK_FALSE(found(with([](bytes&, layout& l, ElfW(Sym)* s) {
                      l.dyn(DT_STRSZ)->d_un.d_val = s->st_name + 4;
                    }), nullptr));
  // Version indices: out of range, or pointing at the base definition.
  for (uint16_t bad : {uint16_t{0x7ffe}, uint16_t{1}, uint16_t{0}}) {
    CAPTURE(bad);
    const bytes b = with([&](bytes&, layout& l, ElfW(Sym)* s) {
      auto* syms = l.at<ElfW(Sym)>(l.dyn(DT_SYMTAB)->d_un.d_ptr);
      l.at<uint16_t>(l.dyn(DT_VERSYM)->d_un.d_ptr)[s - syms] = bad;
    });
    CHECK_FALSE(found(b, w.version));
    CHECK(found(b, nullptr));  // the symbol itself is there
  }
  // Version definitions: bad revision, a next link that leaves the image, and
  // a count far larger than what is there.
  CHECK_FALSE(found(with([](bytes&, layout& l, ElfW(Sym)*) {
                      for (auto* d = l.at<ElfW(Verdef)>(l.dyn(DT_VERDEF)->d_un.d_ptr);; ) {
                        d->vd_version = 7;
                        if (!d->vd_next) break;
                        d = reinterpret_cast<ElfW(Verdef)*>(reinterpret_cast<char*>(d) + d->vd_next);
                      }
                    }), w.version));
  CHECK_FALSE(found(with([](bytes&, layout& l, ElfW(Sym)*) {
                      l.at<ElfW(Verdef)>(l.dyn(DT_VERDEF)->d_un.d_ptr)->vd_next = 0x7ffffff0;
                    }), w.version));
  CHECK(found(with([](bytes&, layout& l, ElfW(Sym)*) { l.dyn(DT_VERDEFNUM)->d_un.d_val = 0xffffffff; }), w.version));
  CHECK_FALSE(found(with([](bytes&, layout& l, ElfW(Sym)*) { l.dyn(DT_VERDEF)->d_un.d_ptr += 0x1000000; }), w.version));
  // Without any version table, any version is accepted (as the kernel's parser does).
  CHECK(found(with([](bytes&, layout& l, ElfW(Sym)*) { l.dyn(DT_VERSYM)->d_tag = DT_DEBUG; }), w.version));
}

TEST_CASE("vdso: untyped symbols (qemu's ppc64 image) count only inside an executable section") {
  // Read and written as the little-endian ELF64 they are, on any host.
  const bytes good = read_seed("vdso-ppc64le-qemu");
  auto get = [](const bytes& b, size_t off, int n) {
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = v << 8 | b[off + static_cast<size_t>(i)];
    return v;
  };
  auto put = [](bytes& b, size_t off, int n, uint64_t v) {
    for (int i = 0; i < n; ++i, v >>= 8) b[off + static_cast<size_t>(i)] = static_cast<unsigned char>(v);
  };
  const size_t shoff = get(good, 40, 8), shnum = get(good, 60, 2);
  auto section = [&](size_t i) { return shoff + 64 * i; };
  size_t text = 0, data = 0, dynsym = 0;
  for (size_t i = 1; i < shnum; ++i) {
    const uint64_t type = get(good, section(i) + 4, 4), flags = get(good, section(i) + 8, 8);
    if (type == SHT_PROGBITS && (flags & SHF_EXECINSTR)) text = i;
    if (type == SHT_PROGBITS && (flags & SHF_WRITE)) data = i;
    if (type == SHT_DYNSYM) dynsym = i;
  }
  REQUIRE(text != 0);
  REQUIRE(data != 0);
  REQUIRE(dynsym != 0);
  // The dynamic symbol __kernel_clock_gettime: untyped, in .text.
  const size_t syms = get(good, section(dynsym) + 24, 8), nsyms = get(good, section(dynsym) + 32, 8) / 24;
  const size_t strs = get(good, section(get(good, section(dynsym) + 40, 4)) + 24, 8);
  size_t sym = 0;
  for (size_t i = 1; i < nsyms; ++i)
    if (std::string(reinterpret_cast<const char*>(good.data() + strs + get(good, syms + 24 * i, 4))) ==
        "__kernel_clock_gettime")
      sym = syms + 24 * i;
  REQUIRE(sym != 0);
  CHECK(get(good, sym + 4, 1) == (STB_GLOBAL << 4 | STT_NOTYPE));
  auto found = [&](auto&& corrupt) {
    bytes b = good;
    corrupt(b);
    return vdso::image(b.data(), b.size(), vdso::ppc64_target).find("__kernel_clock_gettime", "LINUX_2.6.15") != nullptr;
  };
  CHECK(found([](bytes&) {}));
  CHECK(found([&](bytes& b) { put(b, sym + 4, 1, STB_GLOBAL << 4 | STT_FUNC); }));
  CHECK_FALSE(found([&](bytes& b) { put(b, sym + 4, 1, STB_GLOBAL << 4 | STT_OBJECT); }));
  // .text not executable, or not allocated; the symbol in .data, or past .text's end.
  CHECK_FALSE(found([&](bytes& b) { put(b, section(text) + 8, 8, SHF_ALLOC); }));
  CHECK_FALSE(found([&](bytes& b) { put(b, section(text) + 8, 8, SHF_EXECINSTR); }));
  CHECK_FALSE(found([&](bytes& b) { put(b, sym + 6, 2, data); }));
  CHECK_FALSE(found([&](bytes& b) { put(b, section(text) + 32, 8, get(b, sym + 8, 8) - get(b, section(text) + 16, 8)); }));
  // Section headers missing, cut off, malformed or out of range.
  CHECK_FALSE(found([&](bytes& b) { put(b, sym + 6, 2, shnum); }));
  CHECK_FALSE(found([&](bytes& b) { put(b, 40, 8, b.size() - 8); }));
  CHECK_FALSE(found([&](bytes& b) { put(b, 40, 8, ~uint64_t{0} - 16); }));
  CHECK_FALSE(found([&](bytes& b) { put(b, 58, 2, 40); }));
  CHECK_FALSE(found([&](bytes& b) { put(b, 60, 2, 0); }));
  // Typed as a function, it needs no section header (x86's images have none inside).
  CHECK(found([&](bytes& b) {
    put(b, sym + 4, 1, STB_GLOBAL << 4 | STT_FUNC);
    put(b, 40, 8, b.size() - 8);
  }));
}

TEST_CASE("vdso: random byte corruption never crashes and never points outside") {
  const bytes good = live_copy();
  xorshift rng;
  int outside = 0;
  for (int round = 0; round < 3000; ++round) {
    bytes b = good;
    const int flips = 1 + static_cast<int>(rng.next() % 8);
    for (int k = 0; k < flips; ++k) {
      // Mostly the headers and tables at the start, where a flip matters.
      const size_t limit = rng.next() % 4 == 0 ? b.size() : (b.size() < 2048 ? b.size() : 2048);
      b[rng.next() % limit] ^= static_cast<unsigned char>(1u << (rng.next() % 8));
    }
    if (!lookups_stay_inside(b, b.size())) ++outside;
  }
  CHECK(outside == 0);
}

TEST_CASE("vdso: clock_gettime through the vDSO agrees with the syscall, every clock") {
  vdso::enable();
  for (clk c : all_clocks) {
    CAPTURE(static_cast<int>(c));
    const auto before = sys_clock_gettime(c);
    const auto mine = rawsys::clock_gettime(c);
    const auto after = sys_clock_gettime(c);
    if (!before) {
      CHECK(mine == unexpected(before.error()));
      continue;
    }
    REQUIRE(mine.has_value());
    REQUIRE(after.has_value());
    if (settable(c)) {
      CHECK(ns(*mine) >= ns(*before) - billion);
      CHECK(ns(*mine) <= ns(*after) + billion);
    } else {
      CHECK(ns(*mine) >= ns(*before));
      CHECK(ns(*mine) <= ns(*after));
    }
    CHECK(rawsys::clock_getres(c) == sys_clock_getres(c));
  }
  CHECK(rawsys::clock_gettime(static_cast<clk>(123)) == unexpected(errc::einval));
  CHECK(rawsys::clock_getres(static_cast<clk>(123)) == unexpected(errc::einval));
#if !defined(__i386__)
  // The slot holds what find() says.
  const void* f = vdso::find(vdso::detail::symbols[vdso::detail::fn_clock_gettime].name,
                             vdso::detail::symbols[vdso::detail::fn_clock_gettime].version);
  CHECK(vdso::detail::slots[vdso::detail::fn_clock_gettime] == reinterpret_cast<unsigned long>(f));
  CHECK(f != nullptr);
#endif
}

TEST_CASE("vdso: gettimeofday and time agree with the syscalls") {
  vdso::enable();
  auto us = [](const rawsys::timespec& t) { return t.sec * 1000000 + t.nsec / 1000; };
  const auto before = sys_clock_gettime(clk::realtime);
  const auto tv = rawsys::gettimeofday();
  const int64_t t = rawsys::time();
  const auto after = sys_clock_gettime(clk::realtime);
  REQUIRE(tv.has_value());
  CHECK(tv->sec * 1000000 + tv->usec >= us(*before) - 1000000);
  CHECK(tv->sec * 1000000 + tv->usec <= us(*after) + 1000000);
  CHECK(t >= before->sec - 1);
  CHECK(t <= after->sec + 1);
}

TEST_CASE("vdso: disable() forces the syscalls, enable() looks up again") {
  vdso::disable();
  CHECK_FALSE(vdso::enabled());
  for (unsigned long s : vdso::detail::slots) CHECK(s == 1ul);
  const auto a = rawsys::clock_gettime(clk::monotonic);
  const auto b = rawsys::clock_gettime(clk::monotonic);
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  CHECK(ns(*b) >= ns(*a));
  CHECK(rawsys::gettimeofday().has_value());
  CHECK(rawsys::time() > 1600000000);
  CHECK(rawsys::clock_getres(clk::monotonic) == sys_clock_getres(clk::monotonic));
  for (unsigned long s : vdso::detail::slots) CHECK(s == 1ul);  // nothing was looked up
  vdso::enable();
  CHECK(vdso::enabled());
  CHECK(vdso::detail::slots[vdso::detail::fn_clock_gettime] == 0ul);
  CHECK(rawsys::clock_gettime(clk::monotonic).has_value());
  CHECK(vdso::detail::slots[vdso::detail::fn_clock_gettime] != 0ul);
}

TEST_CASE("vdso: threads racing on the first lookup all get the same answer") {
  vdso::enable();
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&failures, i] {
      int64_t last = 0;
      for (int k = 0; k < 2000; ++k) {
        const auto t = rawsys::clock_gettime(clk::monotonic);
        if (!t || ns(*t) < last) ++failures[i];
        if (t) last = ns(*t);
      }
    });
  for (auto& t : threads) t.join();
  for (int f : failures) CHECK(f == 0);
  const auto& s = vdso::detail::symbols[vdso::detail::fn_clock_gettime];
  const void* p = s.name ? vdso::find(s.name, s.version) : nullptr;
  CHECK(vdso::detail::slots[vdso::detail::fn_clock_gettime] == (p ? reinterpret_cast<unsigned long>(p) : 1ul));
}

namespace {

// In a child: the clock syscalls fail with an errno nobody else uses, so a
// success must have come from the vDSO and that errno from the syscall path.
enum seccomp_check { filter_works, vdso_answers, disabled_uses_syscall, unhandled_clock_falls_back,
                     gettimeofday_vdso, seccomp_check_count };
const char* const seccomp_names[] = {"the filter blocks clock_gettime",
                                     "clock_gettime(CLOCK_MONOTONIC) answered without a syscall",
                                     "after disable(), the syscall is made",
                                     "a CPU clock (not in the vDSO) reaches the syscall",
                                     "gettimeofday answered without a syscall"};
constexpr int marker = EHWPOISON;

bool install_filter() {
  const long blocked[] = {
#if defined(__i386__)
      SYS_clock_gettime64, SYS_clock_gettime, SYS_gettimeofday, SYS_time,
#elif defined(__arm__)
      SYS_clock_gettime64, SYS_clock_gettime, SYS_gettimeofday,
#elif defined(__x86_64__)
      SYS_clock_gettime, SYS_gettimeofday, SYS_time,
#else
      SYS_clock_gettime, SYS_gettimeofday,
#endif
  };
  constexpr int n = sizeof blocked / sizeof blocked[0];
  sock_filter prog[2 + 2 * n] = {};
  int k = 0;
  prog[k++] = BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr));
  for (long b : blocked) {
    prog[k++] = BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<unsigned>(b), 0, 1);
    prog[k++] = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | marker);
  }
  prog[k++] = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  sock_fprog fp{static_cast<unsigned short>(k), prog};
  return ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 && ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) == 0;
}

}  // namespace

TEST_CASE("vdso: with the clock syscalls blocked, the vDSO answers, disable() and unhandled clocks reach the kernel") {
  void* page = ::mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  REQUIRE(page != MAP_FAILED);
  volatile int* ok = static_cast<volatile int*>(page);
  ok[seccomp_check_count] = 0;
  vdso::enable();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (!install_filter()) ::_exit(3);
    ok[seccomp_check_count] = 1;  // installed
    rawsys::timespec t{};
#if defined(__i386__) || defined(__arm__)
    ok[filter_works] = rawsys::raw::syscall(static_cast<long>(nr::clock_gettime64), 1, &t) == -marker;
#else
    ok[filter_works] = rawsys::raw::syscall(static_cast<long>(nr::clock_gettime), 1, &t) == -marker;
#endif
    ok[vdso_answers] = rawsys::clock_gettime(clk::monotonic).has_value();
    ok[unhandled_clock_falls_back] =
        rawsys::clock_gettime(clk::process_cputime_id) == unexpected(static_cast<errc>(marker));
    ok[gettimeofday_vdso] = rawsys::gettimeofday().has_value();
    vdso::disable();
    ok[disabled_uses_syscall] = rawsys::clock_gettime(clk::monotonic) == unexpected(static_cast<errc>(marker));
    ::_exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  if (!ok[seccomp_check_count]) {
    rawsys_test::skip(rawsys_test::why_no_seccomp_filter());
  } else {
    CHECK(WIFEXITED(status));
    for (int i = 0; i < seccomp_check_count; ++i) CHECK_MESSAGE(ok[i], seccomp_names[i]);
  }
  ::munmap(page, 4096);
}

TEST_CASE("vdso: getcpu agrees with the syscall on a pinned thread") {
  cpu_set_t old;
  REQUIRE(::sched_getaffinity(0, sizeof old, &old) == 0);
  int cpu = 0;
  while (!CPU_ISSET(cpu, &old)) ++cpu;
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(cpu, &one);
  REQUIRE(::sched_setaffinity(0, sizeof one, &one) == 0);
  const auto mine = vdso::getcpu();
  unsigned c = 99, n = 99;
  const long r = ::syscall(SYS_getcpu, &c, &n, nullptr);
  ::sched_setaffinity(0, sizeof old, &old);
  REQUIRE(mine.has_value());
  REQUIRE(r == 0);
  CHECK(mine->cpu == static_cast<unsigned>(cpu));
  CHECK(mine->cpu == c);
  CHECK(mine->node == n);
#if defined(__x86_64__) || defined(__i386__)
  CHECK(vdso::find("__vdso_getcpu", "LINUX_2.6") != nullptr);
#endif
}

TEST_CASE("vdso: getrandom through the vDSO with a per-thread state, or the syscall") {
  vdso::enable();
  vdso::random_state st;
  CHECK_FALSE(st.active());
  unsigned char a[64] = {}, b[64] = {};
  CHECK(vdso::getrandom(a, 0, st) == rawsys::result<size_t>(sizeof a));
  CHECK(vdso::getrandom(b, 0, st) == rawsys::result<size_t>(sizeof b));
  CHECK(std::string_view(reinterpret_cast<char*>(a), sizeof a) != std::string_view(reinterpret_cast<char*>(b), sizeof b));
  int zeros = 0;
  for (unsigned char x : a) zeros += x == 0;
  CHECK(zeros < 16);
  const bool have = vdso::detail::slots[vdso::detail::fn_getrandom] > 1;
#if defined(__x86_64__)
  if (::getauxval(AT_SYSINFO_EHDR) && vdso::find("__vdso_getrandom", "LINUX_2.6") != nullptr) {
    CHECK(have);
    CHECK(st.active());
  }
#endif
  if (!have)
    MESSAGE("the vDSO here has no getrandom (i386 never; arm64 under qemu-user; kernels before 6.11): the syscall served");
  // A large request, and GRND_INSECURE.
  std::vector<unsigned char> big(100000);
  CHECK(vdso::getrandom(big, 4 /* GRND_INSECURE */, st) == rawsys::result<size_t>(big.size()));
  // Unknown flags: EINVAL, as glibc says.
  CHECK(vdso::getrandom(a, 0x100, st) == unexpected(errc::einval));
  CHECK(vdso::getrandom(a, 0x100, st).error() == rawsys_test::glibc(::getrandom(a, sizeof a, 0x100)).error());
  // The syscall alone.
  CHECK(vdso::getrandom(b, 0) == rawsys::result<size_t>(sizeof b));
  CHECK(vdso::getrandom(rawsys::buffer(nullptr, 1), 0) == unexpected(errc::efault));
}
