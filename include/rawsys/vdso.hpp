// The vDSO (vdso(7)) without libc: found through AT_SYSINFO_EHDR, parsed with
// every read bounds-checked, its functions looked up once per process.
//
//  - rawsys::vdso::image parses any bytes as a shared object of a given ELF
//    class and machine (tests and fuzzers parse other arches' images); a
//    malformed image gives "not found", never a read outside (base, size).
//  - rawsys::vdso::find(name, version) looks a function up in the live vDSO.
//  - rawsys::clock_gettime, clock_getres, gettimeofday and time (time.hpp)
//    call the vDSO first; rawsys::vdso::getcpu and rawsys::vdso::getrandom
//    are here. Each falls back to the syscall when the symbol is missing or
//    the vDSO function returns an error (a clock it does not handle).
//  - rawsys::vdso::disable() forces the syscall path (for tests); enable()
//    looks the symbols up again.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "auxv.hpp"
#include "detail/mmap.hpp"
#include "sys.hpp"
#include "syscall.hpp"
#include "types.hpp"

namespace rawsys::vdso {

enum class elf_class : uint8_t { elf32 = 1, elf64 = 2 };
// EI_DATA: the byte order of every multi-byte field of the image.
enum class elf_data : uint8_t { lsb = 1, msb = 2 };

// What an image must be built for: ELF class, e_machine and byte order.
struct target {
  elf_class cls;
  uint16_t machine;
  elf_data data = elf_data::lsb;
  friend constexpr bool operator==(const target&, const target&) = default;
};
inline constexpr target x86_64_target{elf_class::elf64, 62};   // EM_X86_64
inline constexpr target i386_target{elf_class::elf32, 3};      // EM_386
inline constexpr target aarch64_target{elf_class::elf64, 183};  // EM_AARCH64
inline constexpr target arm_target{elf_class::elf32, 40};       // EM_ARM
inline constexpr target ppc64_target{elf_class::elf64, 21};     // EM_PPC64
inline constexpr target riscv64_target{elf_class::elf64, 243};  // EM_RISCV
inline constexpr target loongarch64_target{elf_class::elf64, 258};  // EM_LOONGARCH
inline constexpr target s390x_target{elf_class::elf64, 22, elf_data::msb};  // EM_S390
// The ISA being compiled for.
inline constexpr target native_target{abi::word_bits == 64 ? elf_class::elf64 : elf_class::elf32,
                                      static_cast<uint16_t>(abi::elf_machine),
                                      abi::big_endian ? elf_data::msb : elf_data::lsb};

namespace detail {

// GNU and SysV symbol hashes.
constexpr uint32_t gnu_hash(const char* s) noexcept {
  uint32_t h = 5381;
  for (; *s; ++s) h = h * 33 + static_cast<unsigned char>(*s);
  return h;
}
constexpr uint32_t elf_hash(const char* s) noexcept {
  uint32_t h = 0;
  for (; *s; ++s) {
    h = (h << 4) + static_cast<unsigned char>(*s);
    const uint32_t g = h & 0xf0000000u;
    if (g) h ^= g >> 24;
    h &= ~g;
  }
  return h;
}

}  // namespace detail

// A shared object in memory, parsed once; lookups are bounds-checked reads.
// Either byte order, as the target says (s390x's is big-endian), read the
// same way on any host. Everything after the program headers is read only inside the first PT_LOAD, which must lie inside
// (base, size).
class image {
 public:
  constexpr image() noexcept = default;
  image(const void* base, size_t size, target t = native_target) noexcept
      : p_(static_cast<const unsigned char*>(base)),
        size_(size),
        w_(t.cls == elf_class::elf64),
        msb_(t.data == elf_data::msb) {
    valid_ = base != nullptr && parse(t);
  }

  bool valid() const noexcept { return valid_; }
  const void* base() const noexcept { return p_; }
  size_t size() const noexcept { return static_cast<size_t>(size_); }

  // The address of the defined function `name` of version `version` (any
  // version when null), inside (base, size); nullptr when there is none.
  const void* find(const char* name, const char* version = nullptr) const noexcept {
    if (!valid_ || name == nullptr) return nullptr;
    const uint64_t vhash = version ? detail::elf_hash(version) : 0;
    if (gnu_hash_ != none) return find_gnu(name, version, vhash);
    if (hash_ != none) return find_sysv(name, version, vhash);
    return nullptr;
  }

  // The first PT_LOAD's end in the file (p_offset + p_filesz) as read from
  // the headers inside the first `probe` bytes; 0 when they are not sound.
  // For the live vDSO, whose size nothing else gives.
  static uint64_t load_extent(const void* base, size_t probe, target t = native_target) noexcept {
    image im;
    im.p_ = static_cast<const unsigned char*>(base);
    im.size_ = probe;
    im.w_ = t.cls == elf_class::elf64;
    im.msb_ = t.data == elf_data::msb;
    if (base == nullptr || !im.parse_headers(t)) return 0;
    return im.load_off_ + im.load_size_;
  }

 private:
  static constexpr uint64_t none = ~uint64_t{0};
  static constexpr unsigned max_phnum = 64;     // a vDSO has 4 or 5
  static constexpr unsigned max_verdefs = 256;  // a vDSO has 2 or 3

  const unsigned char* p_ = nullptr;
  uint64_t size_ = 0;
  bool w_ = true;     // ELF64
  bool msb_ = false;  // big-endian
  uint8_t hw_ = 0;    // the size of a DT_HASH word (parse_headers)
  bool valid_ = false;
  // The first PT_LOAD: file offset, virtual address and size in the file.
  uint64_t load_off_ = 0, load_vaddr_ = 0, load_size_ = 0;
  uint64_t dyn_off_ = none, dyn_size_ = 0;
  uint64_t strtab_ = none, strsz_ = 0, symtab_ = none, nsyms_ = 0;
  uint64_t hash_ = none, gnu_hash_ = none, versym_ = none, verdef_ = none;
  uint64_t verdefnum_ = max_verdefs;

  // [off, off + len) inside the whole buffer / inside the first PT_LOAD.
  bool in_buffer(uint64_t off, uint64_t len) const noexcept { return off <= size_ && len <= size_ - off; }
  bool in_load(uint64_t off, uint64_t len) const noexcept {
    return off >= load_off_ && off - load_off_ <= load_size_ && len <= load_size_ - (off - load_off_);
  }
  // Loads in the image's byte order; callers have checked the bounds. One
  // loop for every width and both orders: the parser runs once, its size
  // counts in every program.
  uint64_t u8(uint64_t off) const noexcept { return p_[off]; }
  uint64_t load(uint64_t off, unsigned n) const noexcept {
    uint64_t v = 0;
    for (unsigned i = 0; i < n; ++i) v |= u8(off + i) << 8 * (msb_ ? n - 1 - i : i);
    return v;
  }
  uint64_t u16(uint64_t off) const noexcept { return load(off, 2); }
  uint64_t u32(uint64_t off) const noexcept { return load(off, 4); }
  uint64_t u64(uint64_t off) const noexcept { return load(off, 8); }
  uint64_t word(uint64_t off) const noexcept { return w_ ? u64(off) : u32(off); }
  uint64_t hash_word(uint64_t off) const noexcept { return load(off, hw_); }
  uint64_t word_size() const noexcept { return w_ ? 8 : 4; }

  // A virtual address inside the first PT_LOAD as a file offset, `len`
  // bytes of it in bounds.
  bool at(uint64_t vaddr, uint64_t len, uint64_t& off) const noexcept {
    if (vaddr < load_vaddr_ || vaddr - load_vaddr_ > load_size_) return false;
    off = load_off_ + (vaddr - load_vaddr_);
    return in_load(off, len);
  }

  bool parse_headers(target t) noexcept {
    const uint64_t ehsize = w_ ? 64 : 52;
    if (!in_buffer(0, ehsize)) return false;
    if (u8(0) != 0x7f || u8(1) != 'E' || u8(2) != 'L' || u8(3) != 'F') return false;
    if (u8(4) != static_cast<uint8_t>(t.cls) || u8(5) != static_cast<uint8_t>(t.data) || u8(6) != 1) return false;
    if (u16(16) != 3 /* ET_DYN */ || u16(18) != t.machine) return false;
    // The SysV hash table's words are 64-bit on 64-bit s390 and Alpha
    // (glibc's Elf_Symndx), 32-bit everywhere else.
    hw_ = w_ && (t.machine == 22 /* EM_S390 */ || t.machine == 0x9026 /* EM_ALPHA */) ? 8 : 4;
    const uint64_t phoff = w_ ? u64(32) : u32(28);
    const uint64_t phentsize = u16(w_ ? 54 : 42);
    const uint64_t phnum = u16(w_ ? 56 : 44);
    if (phentsize != (w_ ? 56u : 32u) || phnum == 0 || phnum > max_phnum) return false;
    if (!in_buffer(phoff, phnum * phentsize)) return false;
    bool have_load = false;
    for (uint64_t i = 0; i < phnum; ++i) {
      const uint64_t ph = phoff + i * phentsize;
      const uint64_t type = u32(ph);
      const uint64_t off = w_ ? u64(ph + 8) : u32(ph + 4);
      const uint64_t vaddr = w_ ? u64(ph + 16) : u32(ph + 8);
      const uint64_t filesz = w_ ? u64(ph + 32) : u32(ph + 16);
      if (type == 1 /* PT_LOAD */ && !have_load) {
        if (off > ~uint64_t{0} - filesz || vaddr > ~uint64_t{0} - filesz) return false;
        load_off_ = off;
        load_vaddr_ = vaddr;
        load_size_ = filesz;
        have_load = true;
      } else if (type == 2 /* PT_DYNAMIC */ && dyn_off_ == none) {
        dyn_off_ = off;
        dyn_size_ = filesz;
      }
    }
    return have_load;
  }

  bool parse(target t) noexcept {
    if (!parse_headers(t)) return false;
    if (!in_buffer(load_off_, load_size_)) return false;
    if (dyn_off_ == none || !in_load(dyn_off_, dyn_size_)) return false;
    // The dynamic section: its pointers are virtual addresses.
    const uint64_t dynent = 2 * word_size();
    uint64_t strtab = none, symtab = none, hash = none, gnu_hash = none, versym = none, verdef = none;
    uint64_t syment = w_ ? 24 : 16;
    for (uint64_t i = 0; i < dyn_size_ / dynent; ++i) {
      const uint64_t tag = word(dyn_off_ + i * dynent);
      const uint64_t val = word(dyn_off_ + i * dynent + word_size());
      if (tag == 0 /* DT_NULL */) break;
      switch (tag) {
        case 4: hash = val; break;             // DT_HASH
        case 5: strtab = val; break;           // DT_STRTAB
        case 6: symtab = val; break;           // DT_SYMTAB
        case 10: strsz_ = val; break;          // DT_STRSZ
        case 11: syment = val; break;          // DT_SYMENT
        case 0x6ffffef5: gnu_hash = val; break;   // DT_GNU_HASH
        case 0x6ffffff0: versym = val; break;     // DT_VERSYM
        case 0x6ffffffc: verdef = val; break;     // DT_VERDEF
        case 0x6ffffffd: verdefnum_ = val < max_verdefs ? val : max_verdefs; break;  // DT_VERDEFNUM
        default: break;
      }
    }
    if (syment != (w_ ? 24u : 16u)) return false;
    if (strtab == none || !at(strtab, strsz_, strtab_) || strsz_ == 0) return false;
    if (symtab == none || !at(symtab, 0, symtab_)) return false;
    nsyms_ = (load_off_ + load_size_ - symtab_) / syment;
    // Optional parts: a missing or out-of-bounds one is left out.
    if (hash != none && !at(hash, 2 * hw_, hash_)) hash_ = none;
    if (gnu_hash != none && !at(gnu_hash, 16, gnu_hash_)) gnu_hash_ = none;
    if (hash_ != none) {  // nchain is the number of symbols
      const uint64_t nbucket = hash_word(hash_), nchain = hash_word(hash_ + hw_);
      const uint64_t most = load_size_ / hw_;  // bounds the products below
      if (nbucket == 0 || nbucket > most || nchain > most || !in_load(hash_ + 2 * hw_, (nbucket + nchain) * hw_)) {
        hash_ = none;
      } else if (nchain < nsyms_) {
        nsyms_ = nchain;
      }
    }
    if (versym != none && !at(versym, 0, versym_)) versym_ = none;
    if (verdef != none && !at(verdef, 0, verdef_)) verdef_ = none;
    return nsyms_ > 0;
  }

  // The NUL-terminated string at strtab + off equals s.
  bool name_is(uint64_t off, const char* s) const noexcept {
    if (off >= strsz_) return false;
    for (uint64_t i = off;; ++i, ++s) {
      if (i >= strsz_) return false;
      const char c = static_cast<char>(u8(strtab_ + i));
      if (c != *s) return false;
      if (c == 0) return true;
    }
  }

  // Symbol i, if it is a defined function named `name` of `version`.
  const void* match(uint64_t i, const char* name, const char* version, uint64_t vhash) const noexcept {
    if (i >= nsyms_) return nullptr;
    const uint64_t s = symtab_ + i * (w_ ? 24 : 16);
    if (!in_load(s, w_ ? 24 : 16)) return nullptr;
    const uint64_t st_name = u32(s);
    const uint64_t st_info = u8(s + (w_ ? 4 : 12));
    const uint64_t st_shndx = u16(s + (w_ ? 6 : 14));
    const uint64_t st_value = w_ ? u64(s + 8) : u32(s + 4);
    if ((st_info & 0xf) != 2 /* STT_FUNC */ && !((st_info & 0xf) == 0 /* STT_NOTYPE */ && in_code(st_shndx, st_value)))
      return nullptr;
    if ((st_info >> 4) != 1 && (st_info >> 4) != 2) return nullptr;  // GLOBAL or WEAK
    if (st_shndx == 0 /* SHN_UNDEF */ || st_shndx >= 0xff00 /* SHN_LORESERVE: ABS, COMMON... */) return nullptr;
    if (!name_is(st_name, name)) return nullptr;
    if (version && !version_is(i, version, vhash)) return nullptr;
    uint64_t off = 0;
    if (!at(st_value, 1, off)) return nullptr;
    return p_ + off;
  }

  // qemu-user's ppc64 vDSO gives its functions no type (STT_NOTYPE): such a
  // symbol counts only at an address inside an allocated, executable section
  // (SHF_ALLOC | SHF_EXECINSTR) whose header lies inside the first PT_LOAD.
  bool in_code(uint64_t shndx, uint64_t value) const noexcept {
    const uint64_t shoff = w_ ? u64(40) : u32(32);
    const uint64_t shentsize = u16(w_ ? 58 : 46), shnum = u16(w_ ? 60 : 48);
    if (shentsize != (w_ ? 64u : 40u) || shndx >= shnum || shoff > size_) return false;
    const uint64_t sh = shoff + shndx * shentsize;
    if (!in_load(sh, shentsize)) return false;
    const uint64_t flags = w_ ? u64(sh + 8) : u32(sh + 8);
    const uint64_t addr = w_ ? u64(sh + 16) : u32(sh + 12);
    const uint64_t len = w_ ? u64(sh + 32) : u32(sh + 20);
    return (flags & 6) == 6 && value >= addr && value - addr < len;
  }

  // Symbol i's version (DT_VERSYM index into DT_VERDEF) is `version`. An
  // image without version tables accepts any, as the kernel's own parser.
  bool version_is(uint64_t i, const char* version, uint64_t vhash) const noexcept {
    if (versym_ == none) return true;
    if (verdef_ == none || !in_load(versym_ + 2 * i, 2)) return false;
    const uint64_t ndx = u16(versym_ + 2 * i) & 0x7fff;
    uint64_t d = verdef_;
    for (uint64_t k = 0; k < verdefnum_; ++k) {
      if (!in_load(d, 20)) return false;
      const uint64_t vd_version = u16(d), vd_flags = u16(d + 2), vd_ndx = u16(d + 4);
      const uint64_t vd_cnt = u16(d + 6), vd_hash = u32(d + 8), vd_aux = u32(d + 12);
      const uint64_t vd_next = u32(d + 16);
      if (vd_version != 1) return false;
      if (!(vd_flags & 1 /* VER_FLG_BASE */) && (vd_ndx & 0x7fff) == ndx) {
        if (vd_cnt == 0 || vd_hash != vhash || !in_load(d + vd_aux, 8)) return false;
        return name_is(u32(d + vd_aux), version);
      }
      if (vd_next == 0) return false;
      d += vd_next;
    }
    return false;
  }

  const void* find_sysv(const char* name, const char* version, uint64_t vhash) const noexcept {
    const uint64_t nbucket = hash_word(hash_), nchain = hash_word(hash_ + hw_);
    const uint64_t buckets = hash_ + 2 * hw_, chains = buckets + hw_ * nbucket;
    uint64_t i = hash_word(buckets + hw_ * (detail::elf_hash(name) % nbucket));
    // At most nchain steps: a chain that loops ends here.
    for (uint64_t steps = 0; i != 0 && i < nchain && steps < nchain; ++steps) {
      if (const void* f = match(i, name, version, vhash)) return f;
      i = hash_word(chains + hw_ * i);
    }
    return nullptr;
  }

  const void* find_gnu(const char* name, const char* version, uint64_t vhash) const noexcept {
    const uint64_t nbuckets = u32(gnu_hash_), symoffset = u32(gnu_hash_ + 4);
    const uint64_t bloom_size = u32(gnu_hash_ + 8);
    if (nbuckets == 0 || bloom_size > load_size_ / word_size()) return nullptr;
    const uint64_t buckets = gnu_hash_ + 16 + bloom_size * word_size();
    if (!in_load(buckets, nbuckets * 4)) return nullptr;
    const uint64_t chains = buckets + 4 * nbuckets;
    const uint32_t h = detail::gnu_hash(name);
    uint64_t i = u32(buckets + 4 * (h % nbuckets));
    if (i == 0 || i < symoffset) return nullptr;
    // i only grows, and every step stays inside the symbol table.
    for (; i < nsyms_; ++i) {
      const uint64_t c = chains + 4 * (i - symoffset);
      if (!in_load(c, 4)) return nullptr;
      const uint64_t ch = u32(c);
      if ((ch | 1) == (h | 1u))
        if (const void* f = match(i, name, version, vhash)) return f;
      if (ch & 1) break;
    }
    return nullptr;
  }
};

// The running process's vDSO (AT_SYSINFO_EHDR), or an invalid image. Before
// its size is known only the ELF and program headers are read, inside the
// first 4096 bytes (the vDSO's first page holds both); then the image is the
// extent of its first PT_LOAD.
inline auto live() noexcept -> image {
  const unsigned long base = auxv(33 /* AT_SYSINFO_EHDR */);
  if (base == 0) return {};
  const void* p = reinterpret_cast<const void*>(base);
  const uint64_t extent = image::load_extent(p, 4096);
  if (extent == 0 || extent > (uint64_t{1} << 24)) return {};
  return image(p, static_cast<size_t>(extent));
}

// A function of the live vDSO, or nullptr. Parses the image on every call:
// the functions below keep what they need. (live, find, disable, enable and
// enabled are written with trailing return types: they make no syscall, and
// the API table of syscall wrappers leaves that form out.)
inline auto find(const char* name, const char* version) noexcept -> const void* { return live().find(name, version); }

namespace detail {

// The functions the wrappers use, looked up on first use.
enum fn : int { fn_clock_gettime, fn_clock_getres, fn_gettimeofday, fn_time, fn_getcpu, fn_getrandom, fn_count };

using symbol = abi::vdso_symbol;
inline constexpr symbol symbols[fn_count] = {abi::vdso.clock_gettime, abi::vdso.clock_getres,
                                             abi::vdso.gettimeofday,  abi::vdso.time,
                                             abi::vdso.getcpu,        abi::vdso.getrandom};

// Per function: 0 = not looked up yet, 1 = none (or disabled), else its
// address. Relaxed atomics suffice: the value is the only thing published,
// the code it points to was mapped by the kernel before the program ran, and
// racing threads compute the same value. Zero-initialised: no constructor,
// no guard, no lock.
inline unsigned long slots[fn_count] = {};
inline int disabled = 0;

[[gnu::cold, gnu::noinline]] inline unsigned long resolve(fn f) noexcept {
  unsigned long v = 1;
  if (!__atomic_load_n(&disabled, __ATOMIC_RELAXED) && symbols[f].name != nullptr)
    if (const void* p = find(symbols[f].name, symbols[f].version)) v = reinterpret_cast<unsigned long>(p);
  __atomic_store_n(&slots[f], v, __ATOMIC_RELAXED);
  return v;
}

// The hot path: one relaxed load (and the call through it).
template <fn F>
inline unsigned long address() noexcept {
  unsigned long v = __atomic_load_n(&slots[F], __ATOMIC_RELAXED);
  if (v == 0) [[unlikely]]
    v = resolve(F);
  return v;
}

template <class Fn, fn F>
inline Fn function() noexcept {
  const unsigned long v = address<F>();
  return v > 1 ? reinterpret_cast<Fn>(v) : nullptr;
}

// The vDSO's clock_gettime/clock_getres (64-bit timespec on every arch,
// i386's *_time64 forms): true when it answered.
inline bool clock_gettime(clock id, timespec& ts) noexcept {
  using f_t = int (*)(int, timespec*);
  const f_t f = function<f_t, fn_clock_gettime>();
  return f != nullptr && f(static_cast<int>(id), &ts) == 0;
}
inline bool clock_getres(clock id, timespec& ts) noexcept {
  using f_t = int (*)(int, timespec*);
  const f_t f = function<f_t, fn_clock_getres>();
  return f != nullptr && f(static_cast<int>(id), &ts) == 0;
}
// gettimeofday and time: the vDSO's own where it has one, else through its
// clock_gettime (CLOCK_REALTIME).
inline bool gettimeofday(timeval& tv) noexcept {
  if constexpr (symbols[fn_gettimeofday].name != nullptr) {
    using f_t = int (*)(timeval*, void*);
    const f_t f = function<f_t, fn_gettimeofday>();
    return f != nullptr && f(&tv, nullptr) == 0;
  } else {
    timespec ts{};
    if (!clock_gettime(clock::realtime, ts)) return false;
    tv = {ts.sec, ts.nsec / 1000};
    return true;
  }
}
inline bool time(int64_t& t) noexcept {
  if constexpr (symbols[fn_time].name != nullptr) {
    using f_t = long (*)(long*);
    const f_t f = function<f_t, fn_time>();
    if (f == nullptr) return false;
    t = f(nullptr);
    return true;
  } else {
    timespec ts{};
    if (!clock_gettime(clock::realtime, ts)) return false;
    t = ts.sec;
    return true;
  }
}

}  // namespace detail

// Forces the syscall path from now on (tests measure or check it this way);
// enable() looks the functions up again. Meant for single-threaded set-up: a
// lookup racing with either may still use the previous state once.
inline auto disable() noexcept -> void {
  __atomic_store_n(&detail::disabled, 1, __ATOMIC_RELAXED);
  for (unsigned long& s : detail::slots) __atomic_store_n(&s, 1ul, __ATOMIC_RELAXED);
}
inline auto enable() noexcept -> void {
  __atomic_store_n(&detail::disabled, 0, __ATOMIC_RELAXED);
  for (unsigned long& s : detail::slots) __atomic_store_n(&s, 0ul, __ATOMIC_RELAXED);
}
inline auto enabled() noexcept -> bool { return __atomic_load_n(&detail::disabled, __ATOMIC_RELAXED) == 0; }

// What getcpu says: the CPU and NUMA node the thread ran on.
struct cpu_node {
  unsigned cpu;
  unsigned node;
  friend constexpr bool operator==(const cpu_node&, const cpu_node&) = default;
};

// getcpu(2): int getcpu(unsigned int *cpu, unsigned int *node);
// The vDSO's __vdso_getcpu on x86 (a few ns), the syscall otherwise.
template <class = void>
inline result<cpu_node> getcpu() noexcept {
  cpu_node r{};
  using f_t = int (*)(unsigned*, unsigned*, void*);
  if (const f_t f = detail::function<f_t, detail::fn_getcpu>(); f && f(&r.cpu, &r.node, nullptr) == 0) return r;
  const result<long> s = syscall(nr::getcpu, &r.cpu, &r.node, nullptr);
  if (!s) return unexpected(s.error());
  return r;
}

// getrandom(2): ssize_t getrandom(void *buf, size_t buflen, unsigned int flags);
// flags are GRND_* (1 nonblock, 2 random, 4 insecure). With a state: the
// vDSO's vgetrandom, which refills from the kernel only when the kernel says
// its seed changed; without one (or when the vDSO has none, or says an
// error): the syscall.
template <class = void>
inline result<size_t> getrandom(buffer buf, unsigned flags) noexcept {
  const result<long> r = syscall(nr::getrandom, buf.data, buf.size, flags);
  if (!r) return unexpected(r.error());
  return static_cast<size_t>(*r);
}

class random_state;
template <class = void>
result<size_t> getrandom(buffer buf, unsigned flags, random_state& st) noexcept;

// The per-thread state of the vDSO's getrandom (Linux 6.11 x86-64, 6.12
// arm64): one object per thread, never used by two threads at once (the
// kernel's code copes with a signal handler reusing it on the same thread).
// Allocated on first use with the mmap protection and flags the kernel asks
// for; unmapped by the destructor.
class random_state {
 public:
  constexpr random_state() noexcept = default;
  random_state(const random_state&) = delete;
  random_state& operator=(const random_state&) = delete;
  ~random_state() {
    if (state_) (void)syscall(nr::munmap, state_, mapped_);
  }
  // Whether the vDSO's getrandom will be used (false until the first call).
  bool active() const noexcept { return state_ != nullptr; }

 private:
  template <class>
  friend result<size_t> getrandom(buffer, unsigned, random_state&) noexcept;
  // Out of line and cold, so that the vDSO call of getrandom below is all
  // that is inlined: the first call (which maps the state), and the syscall when the
  // vDSO has no getrandom, was disabled, or said an error.
  template <class = void>
  [[gnu::cold, gnu::noinline]] static result<size_t> first_or_syscall(buffer buf, unsigned flags,
                                                                      random_state& st) noexcept {
    using f_t = long (*)(void*, size_t, unsigned, void*, size_t);
    const f_t f = detail::function<f_t, detail::fn_getrandom>();
    if (f != nullptr && !st.tried_) {
      st.tried_ = true;
      // struct vgetrandom_opaque_params, filled by a call with opaque_len ~0.
      struct {
        uint32_t size_of_opaque_state, mmap_prot, mmap_flags, reserved[13];
      } params{};
      if (f(nullptr, 0, 0, &params, ~size_t{0}) == 0 && params.size_of_opaque_state != 0) {
        const size_t len = (params.size_of_opaque_state + 4095) & ~size_t{4095};
        auto m = rawsys::detail::mmap<sys::mmap>(nullptr, len, params.mmap_prot, params.mmap_flags, -1, 0);
        if (m) {
          st.state_ = *m;
          st.mapped_ = len;
          st.opaque_len_ = params.size_of_opaque_state;
          const long r = f(buf.data, buf.size, flags, st.state_, st.opaque_len_);
          if (r >= 0) return static_cast<size_t>(r);
        }
      }
    }
    return getrandom(buf, flags);
  }
  void* state_ = nullptr;
  size_t mapped_ = 0;
  size_t opaque_len_ = 0;
  bool tried_ = false;
};

// With a state (see above): the vDSO's vgetrandom inline, the rest cold.
template <class>
inline result<size_t> getrandom(buffer buf, unsigned flags, random_state& st) noexcept {
  if (st.state_ != nullptr) [[likely]] {
    using f_t = long (*)(void*, size_t, unsigned, void*, size_t);
    const f_t f = detail::function<f_t, detail::fn_getrandom>();
    if (f != nullptr) [[likely]] {
      const long r = f(buf.data, buf.size, flags, st.state_, st.opaque_len_);
      if (r >= 0) [[likely]]
        return static_cast<size_t>(r);
    }
  }
  return random_state::first_or_syscall(buf, flags, st);
}

}  // namespace rawsys::vdso
