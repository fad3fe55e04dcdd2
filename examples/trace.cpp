// trace [-f] [-c] [-e trace=NAME,...] [-o FILE] [-s STRSIZE] COMMAND [ARG]...:
// runs COMMAND under ptrace(2) and prints each system call it makes as
// strace does, `name(arguments) = result`, on stderr (or FILE):
//   openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3
//   read(3, "root:x:0:0:root:/root:/bin/bash\n"..., 65536) = 1221
//   openat(AT_FDCWD, "/nosuch", O_RDONLY) = -1 ENOENT (No such file or directory)
// Paths and buffers are quoted and escaped as C strings (buffers cut at
// STRSIZE bytes, 32 by default, with "..." after them), the flags of the
// common calls are named, descriptors are numbers, other pointers are
// addresses. Each line is printed when its call returns. A program of
// another ABI (i386 under a 64-bit trace) is named from its own table.
//   -f  follow forks, vforks and clones; lines then begin "[pid N] "
//   -c  print, when COMMAND has ended, how many times it made each call and
//       how many failed (syscount's table) instead of the calls
//   -e trace=NAME,...  only these calls: a seccomp filter (installed in
//       the child before execve) stops COMMAND for them alone, as strace's
//       --seccomp-bpf does
// Exit status: COMMAND's (128 + N when signal N ended it), 126 or 127 when
// it cannot be run, 125 for trace's own errors.
//
// Where it differs from strace: a line is written when its call returns, so
// a blocked call shows nothing until then and -f never splits a line into
// "<unfinished ...>" and "<... resumed>"; structs are addresses; the calls
// outside the table below print six numbers; -c has no time columns; a
// 32-bit program under a 64-bit arm trace has its O_* flags named with
// arm64's values (four differ); COMMAND killed by a signal gives 128 + N
// rather than the same signal.
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>
#include <rawsys/start.hpp>
#include <rawsys/uapi.hpp>  // the flags it decodes, as rawsys::uapi names them

#include "tracer.hpp"

namespace {

using rawsys::errc;

// ---- The flags named, from this ABI's generated constants, in strace's
// order. Another ABI's calls are named with them too: x86's two ABIs agree;
// arm's O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE differ from
// arm64's (each ABI's constants live in a header for that ABI alone).
struct flag {
  uint64_t bits;
  const char* name;
};
template <class T>
constexpr uint64_t value(T v) noexcept {
  if constexpr (rawsys::detail::is_integral_v<T> || rawsys::detail::is_enum_v<T>) return static_cast<uint64_t>(v);
  else return 0;  // a constant this ABI does not have
}
struct flag_names {
  uint64_t accmode, creat, tmpfile, directory;
  flag open[16];
  flag prot[6];
  uint64_t map_type;
  flag map_types[3];
  flag map[16];
  uint64_t statx_sync_type;
  flag statx_sync[2];
  flag at[7];
};
#define TRACE_FLAG(U, c, NAME) flag{value(U::c), NAME}
#define TRACE_FLAG_NAMES(U)                                                                                    \
  flag_names {                                                                                                 \
    value(U::o_accmode), value(U::o_creat), value(U::o_tmpfile), value(U::o_directory),                        \
        {TRACE_FLAG(U, o_creat, "O_CREAT"), TRACE_FLAG(U, o_excl, "O_EXCL"),                                   \
         TRACE_FLAG(U, o_noctty, "O_NOCTTY"), TRACE_FLAG(U, o_trunc, "O_TRUNC"),                               \
         TRACE_FLAG(U, o_append, "O_APPEND"), TRACE_FLAG(U, o_nonblock, "O_NONBLOCK"),                         \
         TRACE_FLAG(U, o_sync, "O_SYNC"), TRACE_FLAG(U, o_dsync, "O_DSYNC"), TRACE_FLAG(U, o_direct, "O_DIRECT"), \
         TRACE_FLAG(U, o_largefile, "O_LARGEFILE"), TRACE_FLAG(U, o_nofollow, "O_NOFOLLOW"),                   \
         TRACE_FLAG(U, o_noatime, "O_NOATIME"), TRACE_FLAG(U, o_cloexec, "O_CLOEXEC"),                         \
         TRACE_FLAG(U, o_path, "O_PATH"), TRACE_FLAG(U, o_directory, "O_DIRECTORY"),                           \
         TRACE_FLAG(U, fasync, "FASYNC")},                                                                     \
        {TRACE_FLAG(U, prot_read, "PROT_READ"), TRACE_FLAG(U, prot_write, "PROT_WRITE"),                       \
         TRACE_FLAG(U, prot_exec, "PROT_EXEC"), TRACE_FLAG(U, prot_sem, "PROT_SEM"),                           \
         TRACE_FLAG(U, prot_growsdown, "PROT_GROWSDOWN"), TRACE_FLAG(U, prot_growsup, "PROT_GROWSUP")},        \
        value(U::map_type),                                                                                    \
        {TRACE_FLAG(U, map_shared, "MAP_SHARED"), TRACE_FLAG(U, map_private, "MAP_PRIVATE"),                   \
         TRACE_FLAG(U, map_shared_validate, "MAP_SHARED_VALIDATE")},                                           \
        {TRACE_FLAG(U, map_fixed, "MAP_FIXED"), TRACE_FLAG(U, map_anonymous, "MAP_ANONYMOUS"),                 \
         TRACE_FLAG(U, map_32bit, "MAP_32BIT"), TRACE_FLAG(U, map_noreserve, "MAP_NORESERVE"),                 \
         TRACE_FLAG(U, map_populate, "MAP_POPULATE"), TRACE_FLAG(U, map_nonblock, "MAP_NONBLOCK"),             \
         TRACE_FLAG(U, map_growsdown, "MAP_GROWSDOWN"), TRACE_FLAG(U, map_denywrite, "MAP_DENYWRITE"),         \
         TRACE_FLAG(U, map_executable, "MAP_EXECUTABLE"), TRACE_FLAG(U, map_locked, "MAP_LOCKED"),             \
         TRACE_FLAG(U, map_stack, "MAP_STACK"), TRACE_FLAG(U, map_hugetlb, "MAP_HUGETLB"),                     \
         TRACE_FLAG(U, map_sync, "MAP_SYNC"), TRACE_FLAG(U, map_fixed_noreplace, "MAP_FIXED_NOREPLACE"),       \
         TRACE_FLAG(U, map_uninitialized, "MAP_UNINITIALIZED")},                                               \
        value(U::at_statx_sync_type),                                                                          \
        {TRACE_FLAG(U, at_statx_force_sync, "AT_STATX_FORCE_SYNC"),                                            \
         TRACE_FLAG(U, at_statx_dont_sync, "AT_STATX_DONT_SYNC")},                                             \
        {TRACE_FLAG(U, at_symlink_nofollow, "AT_SYMLINK_NOFOLLOW"), TRACE_FLAG(U, at_removedir, "AT_REMOVEDIR"), \
         TRACE_FLAG(U, at_symlink_follow, "AT_SYMLINK_FOLLOW"), TRACE_FLAG(U, at_no_automount, "AT_NO_AUTOMOUNT"), \
         TRACE_FLAG(U, at_empty_path, "AT_EMPTY_PATH"), TRACE_FLAG(U, at_recursive, "AT_RECURSIVE")},           \
  }

const flag_names abi_flags = TRACE_FLAG_NAMES(rawsys::uapi);
#undef TRACE_FLAG_NAMES
#undef TRACE_FLAG

namespace u = rawsys::uapi;
// STATX_* (the same bits on every ABI), lowest first.
const flag statx_mask[] = {
    {value(u::statx_type), "STATX_TYPE"},   {value(u::statx_mode), "STATX_MODE"},
    {value(u::statx_nlink), "STATX_NLINK"}, {value(u::statx_uid), "STATX_UID"},
    {value(u::statx_gid), "STATX_GID"},     {value(u::statx_atime), "STATX_ATIME"},
    {value(u::statx_mtime), "STATX_MTIME"}, {value(u::statx_ctime), "STATX_CTIME"},
    {value(u::statx_ino), "STATX_INO"},     {value(u::statx_size), "STATX_SIZE"},
    {value(u::statx_blocks), "STATX_BLOCKS"}, {value(u::statx_btime), "STATX_BTIME"},
    {value(u::statx_mnt_id), "STATX_MNT_ID"}, {value(u::statx_dioalign), "STATX_DIOALIGN"},
    {value(u::statx_mnt_id_unique), "STATX_MNT_ID_UNIQUE"}, {value(u::statx_subvol), "STATX_SUBVOL"},
    {value(u::statx_write_atomic), "STATX_WRITE_ATOMIC"},
};
// The signals by number (this program's: wait statuses use its numbers).
const flag signals[] = {
    {value(u::sighup), "SIGHUP"},   {value(u::sigint), "SIGINT"},     {value(u::sigquit), "SIGQUIT"},
    {value(u::sigill), "SIGILL"},   {value(u::sigtrap), "SIGTRAP"},   {value(u::sigabrt), "SIGABRT"},
    {value(u::sigbus), "SIGBUS"},   {value(u::sigfpe), "SIGFPE"},     {value(u::sigkill), "SIGKILL"},
    {value(u::sigusr1), "SIGUSR1"}, {value(u::sigsegv), "SIGSEGV"},   {value(u::sigusr2), "SIGUSR2"},
    {value(u::sigpipe), "SIGPIPE"}, {value(u::sigalrm), "SIGALRM"},   {value(u::sigterm), "SIGTERM"},
    {value(u::sigstkflt), "SIGSTKFLT"}, {value(u::sigchld), "SIGCHLD"}, {value(u::sigcont), "SIGCONT"},
    {value(u::sigstop), "SIGSTOP"}, {value(u::sigtstp), "SIGTSTP"},   {value(u::sigttin), "SIGTTIN"},
    {value(u::sigttou), "SIGTTOU"}, {value(u::sigurg), "SIGURG"},     {value(u::sigxcpu), "SIGXCPU"},
    {value(u::sigxfsz), "SIGXFSZ"}, {value(u::sigvtalrm), "SIGVTALRM"}, {value(u::sigprof), "SIGPROF"},
    {value(u::sigwinch), "SIGWINCH"}, {value(u::sigio), "SIGIO"},     {value(u::sigpwr), "SIGPWR"},
    {value(u::sigsys), "SIGSYS"},
};
const char* const whence[] = {"SEEK_SET", "SEEK_CUR", "SEEK_END", "SEEK_DATA", "SEEK_HOLE"};
// The ioctl requests a tool makes most (this ABI's numbers).
const flag ioctl_requests[] = {
    {value(u::tcgets), "TCGETS"},         {value(u::tcsets), "TCSETS"},
    {value(u::tcsetsw), "TCSETSW"},       {value(u::tcsetsf), "TCSETSF"},
    {value(u::tiocgwinsz), "TIOCGWINSZ"}, {value(u::tiocswinsz), "TIOCSWINSZ"},
    {value(u::tiocgpgrp), "TIOCGPGRP"},   {value(u::tiocspgrp), "TIOCSPGRP"},
    {value(u::fionread), "FIONREAD"},     {value(u::fionbio), "FIONBIO"},
    {value(u::fioclex), "FIOCLEX"},       {value(u::fionclex), "FIONCLEX"},
    {value(u::ficlone), "FICLONE"},       {value(u::ficlonerange), "FICLONERANGE"},
};

// ---- How to print each call's arguments: one letter per argument, then
// the result's. A hand table of the common calls; any other call prints
// its six arguments as numbers.
//   d int    l long    u unsigned long    f descriptor    D directory descriptor (AT_FDCWD)
//   s path   b buffer written (its length the next argument)
//   B buffer read (its length the result)    x pointer    X hexadecimal
//   o open flags    M the mode after open flags (with O_CREAT, O_TMPFILE)    m mode
//   p PROT_*   F MAP_*   O offset (hexadecimal)   a AT_*   A statx's AT_*   k STATX_*
//   v argv   e envp   S signal   w lseek whence   T struct statx (filled: at the exit)
//   I ioctl request
// Results: d decimal, x address, n none (the call does not return).
struct call_format {
  const char* name;
  const char* args;
  char result;
};
const call_format formats[] = {
    {"read", "fBu", 'd'},        {"write", "fbu", 'd'},          {"pread64", "fBul", 'd'},
    {"pwrite64", "fbul", 'd'},   {"open", "soM", 'd'},           {"openat", "DsoM", 'd'},
    {"creat", "sm", 'd'},        {"close", "f", 'd'},            {"lseek", "flw", 'd'},
    {"_llseek", "fuuxw", 'd'},   {"mmap", "xupFfO", 'x'},        {"mmap2", "xupFfX", 'x'},
    {"munmap", "xu", 'd'},       {"mprotect", "xup", 'd'},       {"brk", "x", 'x'},
    {"exit", "d", 'n'},          {"exit_group", "d", 'n'},       {"execve", "sve", 'd'},
    {"statx", "DsAkT", 'd'},     {"newfstatat", "Dsxa", 'd'},    {"fstatat64", "Dsxa", 'd'},
    {"fstat", "fx", 'd'},        {"fstat64", "fx", 'd'},         {"stat", "sx", 'd'},
    {"lstat", "sx", 'd'},        {"stat64", "sx", 'd'},          {"lstat64", "sx", 'd'},
    {"access", "sd", 'd'},       {"faccessat", "Dsd", 'd'},      {"faccessat2", "Dsda", 'd'},
    {"getdents64", "fxu", 'd'},  {"getdents", "fxu", 'd'},       {"sendfile", "ffxu", 'd'},
    {"sendfile64", "ffxu", 'd'}, {"dup", "f", 'd'},              {"dup2", "ff", 'd'},
    {"dup3", "ffo", 'd'},        {"pipe", "x", 'd'},             {"pipe2", "xo", 'd'},
    {"chdir", "s", 'd'},         {"fchdir", "f", 'd'},           {"mkdir", "sm", 'd'},
    {"mkdirat", "Dsm", 'd'},     {"rmdir", "s", 'd'},            {"unlink", "s", 'd'},
    {"unlinkat", "Dsa", 'd'},    {"rename", "ss", 'd'},          {"renameat", "DsDs", 'd'},
    {"renameat2", "DsDsX", 'd'}, {"readlink", "sBu", 'd'},       {"readlinkat", "DsBu", 'd'},
    {"symlink", "ss", 'd'},      {"symlinkat", "sDs", 'd'},      {"link", "ss", 'd'},
    {"linkat", "DsDsa", 'd'},    {"chmod", "sm", 'd'},           {"fchmod", "fm", 'd'},
    {"fchmodat", "Dsm", 'd'},    {"truncate", "sl", 'd'},        {"ftruncate", "fl", 'd'},
    {"fsync", "f", 'd'},         {"fdatasync", "f", 'd'},        {"ioctl", "fIx", 'd'},
    {"fcntl", "fdX", 'd'},       {"fcntl64", "fdX", 'd'},        {"getcwd", "xu", 'd'},
    {"kill", "dS", 'd'},         {"tkill", "dS", 'd'},           {"tgkill", "ddS", 'd'},
    {"wait4", "dxXx", 'd'},      {"getpid", "", 'd'},            {"getppid", "", 'd'},
    {"gettid", "", 'd'},         {"getuid", "", 'd'},            {"geteuid", "", 'd'},
    {"getgid", "", 'd'},         {"getegid", "", 'd'},           {"getuid32", "", 'd'},
    {"geteuid32", "", 'd'},      {"getgid32", "", 'd'},          {"getegid32", "", 'd'},
    {"fork", "", 'd'},           {"vfork", "", 'd'},             {"setsid", "", 'd'},
    {"getpgrp", "", 'd'},        {"sched_yield", "", 'd'},       {"pause", "", 'd'},
    {"sync", "", 'd'},           {"umask", "O", 'd'},            {"set_tid_address", "x", 'd'},
    {"getrandom", "xuX", 'd'},   {"uname", "x", 'd'},            {"close_range", "ddX", 'd'},
    {"rt_sigreturn", "x", 'd'},  {"sigreturn", "x", 'd'},
};

// The format of each personality's calls, found once: -1 none, -2 not looked up.
constexpr unsigned max_nr = 1024;
short format_of[tracer::npersonalities][max_nr];

const call_format* find_format(unsigned abi, uint64_t n) noexcept {
  if (n >= max_nr) return nullptr;
  short& f = format_of[abi][n];
  if (f == 0) {  // zero-initialised: not looked up yet (indices are stored + 1)
    f = -1;
    const char* name = tracer::personalities[abi].call_name(n);
    for (unsigned i = 0; i < sizeof formats / sizeof formats[0]; ++i)
      if (tool::eq(formats[i].name, name)) f = static_cast<short>(i + 1);
  }
  return f > 0 ? &formats[f - 1] : nullptr;
}

// ---- Options, and where the lines go.
bool follow = false, summary = false;
unsigned strsize = 32;
tracer::counts counts;
char out_buffer[1 << 16];
rawsys::writer* output = nullptr;

// One tracee's line, built at the call's entry (its arguments may be gone
// at the exit: execve's) and finished at the exit.
struct line {
  static constexpr unsigned capacity = 4096 - 8;
  char text[capacity];
  unsigned len;
  unsigned after_entry;  // where the exit's part (read's buffer) goes

  void put(char c) noexcept {
    if (len < capacity) text[len++] = c;
  }
  void put(const char* s) noexcept {
    while (*s) put(*s++);
  }
  void dec(uint64_t v) noexcept {
    char d[24];
    int n = 0;
    do d[n++] = static_cast<char>('0' + v % 10), v /= 10;
    while (v);
    while (n) put(d[--n]);
  }
  void sdec(int64_t v) noexcept {
    if (v < 0) put('-');
    dec(v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v));
  }
  void hex(uint64_t v) noexcept {
    put("0x");
    char d[16];
    int n = 0;
    do d[n++] = "0123456789abcdef"[v & 15], v >>= 4;
    while (v);
    while (n) put(d[--n]);
  }
  // A mode as C's %#03o writes it: 0644, 04755, 000.
  void mode(uint64_t v) noexcept {
    if (v == 0) return put("000");
    put('0');
    octal(v, 1);
  }
  void octal(uint64_t v, unsigned digits) noexcept {
    char d[24];
    unsigned n = 0;
    do d[n++] = static_cast<char>('0' + (v & 7)), v >>= 3;
    while (v);
    while (n < digits) d[n++] = '0';
    while (n) put(d[--n]);
  }
};
line lines[tracer::max_tracees];

line& line_of(const tracer::tracee& t) noexcept { return lines[&t - tracer::tracees]; }

// ---- Reading the tracee's memory.
size_t peek(int pid, uint64_t addr, void* to, size_t n) noexcept {
  auto r = rawsys::process_vm_readv(pid, rawsys::buffer(to, n), reinterpret_cast<const void*>(static_cast<uintptr_t>(addr)));
  return r ? *r : 0;
}

// A string as strace quotes it: printable ASCII as it is, \" \\ \t \n \v \f \r,
// any other byte in octal (three digits when an octal digit follows).
void quote(line& l, const unsigned char* s, size_t n) noexcept {
  l.put('"');
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = s[i];
    switch (c) {
      case '"': l.put("\\\""); continue;
      case '\\': l.put("\\\\"); continue;
      case '\t': l.put("\\t"); continue;
      case '\n': l.put("\\n"); continue;
      case '\v': l.put("\\v"); continue;
      case '\f': l.put("\\f"); continue;
      case '\r': l.put("\\r"); continue;
      default: break;
    }
    if (c >= 0x20 && c < 0x7f) {
      l.put(static_cast<char>(c));
      continue;
    }
    l.put('\\');
    const bool digit_next = i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7';
    l.octal(c, digit_next ? 3 : 1);
  }
  l.put('"');
}

void pointer(line& l, uint64_t v) noexcept {
  if (v == 0) l.put("NULL");
  else l.hex(v);
}

// A NUL-terminated string of at most `limit` bytes; "..." after it when
// longer; its address when unreadable.
void string_at(line& l, int pid, uint64_t addr, size_t limit) noexcept {
  if (addr == 0) {
    l.put("NULL");
    return;
  }
  static unsigned char s[4097];
  size_t n = 0;
  bool ended = false;
  while (n <= limit && !ended) {
    // Up to the end of the page, so that the next one's absence does not fail it.
    size_t chunk = 4096 - ((addr + n) & 4095);
    if (chunk > limit + 1 - n) chunk = limit + 1 - n;
    const size_t got = peek(pid, addr + n, s + n, chunk);
    for (size_t i = 0; i < got; ++i)
      if (s[n + i] == 0) {
        ended = true;
        n += i;
        break;
      }
    if (ended) break;
    n += got;
    if (got != chunk) break;
  }
  if (n == 0 && !ended) {
    l.hex(addr);
    return;
  }
  quote(l, s, n > limit ? limit : n);
  if (!ended) l.put("...");
}

// A buffer of n bytes, cut at strsize.
void buffer_at(line& l, int pid, uint64_t addr, uint64_t n) noexcept {
  static unsigned char b[4096];
  const size_t want = n > strsize ? strsize : static_cast<size_t>(n);
  if (want > sizeof b || peek(pid, addr, b, want) != want) {
    l.hex(addr);
    return;
  }
  quote(l, b, want);
  if (n > want) l.put("...");
}

// Flags by name, in the table's order; unnamed bits in hexadecimal after them.
void flags(line& l, uint64_t v, const flag* names, unsigned count, bool first) noexcept {
  for (unsigned i = 0; i < count; ++i) {
    const uint64_t b = names[i].bits;
    if (b == 0 || (v & b) != b) continue;
    if (!first) l.put('|');
    l.put(names[i].name);
    v &= ~b;
    first = false;
  }
  if (v != 0 || first) {
    if (!first) l.put('|');
    if (v == 0) l.put('0');
    else l.hex(v);
  }
}

template <size_t N>
void flags(line& l, uint64_t v, const flag (&names)[N], bool first = true) noexcept {
  flags(l, v, names, N, first);
}

// execve's argv: ["a", "b"]; envp: its address and its length.
void string_array(line& l, int pid, uint64_t addr, unsigned word, bool show) noexcept {
  if (addr == 0) {
    l.put("NULL");
    return;
  }
  unsigned count = 0;
  if (show) l.put('[');
  for (;; ++count) {
    uint64_t p = 0;
    if (peek(pid, addr + count * word, &p, word) != word) break;
    if (word == 4) p &= 0xffffffffu;  // little-endian: the low word (big-endian ABIs here are 64-bit)
    if (p == 0) break;
    if (show) {
      if (count == strsize) {
        l.put(", ...");
        break;
      }
      if (count) l.put(", ");
      string_at(l, pid, p, strsize);
    }
  }
  if (show) {
    l.put(']');
  } else {
    l.hex(addr);
    l.put(" /* ");
    l.dec(count);
    l.put(count == 1 ? " var */" : " vars */");
  }
}

void signal_name(line& l, uint64_t s) noexcept {
  for (const auto& f : signals)
    if (f.bits == s) {
      l.put(f.name);
      return;
    }
  l.dec(s);
}

// STATX_* as strace names a mask: STATX_ALL (linux/stat.h's name, outside
// the kernel, for BASIC_STATS and BTIME) or STATX_BASIC_STATS first.
void statx_mask_names(line& l, uint64_t v) noexcept {
  const uint64_t basic = value(u::statx_basic_stats), all = basic | value(u::statx_btime);
  const uint64_t group = (v & all) == all ? all : (v & basic) == basic ? basic : 0;
  if (group == 0) return flags(l, v, statx_mask);
  l.put(group == all ? "STATX_ALL" : "STATX_BASIC_STATS");
  if (v & ~group) flags(l, v & ~group, statx_mask, false);
}

// A struct statx (the same layout on every ABI) as strace abbreviates it:
// {stx_mask=..., stx_attributes=..., stx_mode=S_IFREG|0644, stx_size=N, ...}
void statx_at(line& l, int pid, uint64_t addr) noexcept {
  struct {
    uint32_t mask, blksize;
    uint64_t attributes;
    uint32_t nlink, uid, gid;
    uint16_t mode, pad;
    uint64_t ino, size;
  } st;
  static_assert(sizeof st == 48);
  if (peek(pid, addr, &st, sizeof st) != sizeof st) {
    l.hex(addr);
    return;
  }
  static const flag attributes[] = {
      {value(u::statx_attr_compressed), "STATX_ATTR_COMPRESSED"}, {value(u::statx_attr_immutable), "STATX_ATTR_IMMUTABLE"},
      {value(u::statx_attr_append), "STATX_ATTR_APPEND"},         {value(u::statx_attr_nodump), "STATX_ATTR_NODUMP"},
      {value(u::statx_attr_encrypted), "STATX_ATTR_ENCRYPTED"},   {value(u::statx_attr_automount), "STATX_ATTR_AUTOMOUNT"},
      {value(u::statx_attr_mount_root), "STATX_ATTR_MOUNT_ROOT"}, {value(u::statx_attr_verity), "STATX_ATTR_VERITY"},
      {value(u::statx_attr_dax), "STATX_ATTR_DAX"},               {value(u::statx_attr_write_atomic), "STATX_ATTR_WRITE_ATOMIC"},
  };
  static const flag types[] = {
      {rawsys::s::ifsock, "S_IFSOCK"}, {rawsys::s::iflnk, "S_IFLNK"}, {rawsys::s::ifreg, "S_IFREG"},
      {rawsys::s::ifblk, "S_IFBLK"},   {rawsys::s::ifdir, "S_IFDIR"}, {rawsys::s::ifchr, "S_IFCHR"},
      {rawsys::s::ififo, "S_IFIFO"},
  };
  static const flag special[] = {
      {rawsys::s::isuid, "S_ISUID"}, {rawsys::s::isgid, "S_ISGID"}, {rawsys::s::isvtx, "S_ISVTX"}};
  l.put("{stx_mask=");
  statx_mask_names(l, st.mask);
  l.put(", stx_attributes=");
  flags(l, st.attributes, attributes);
  l.put(", stx_mode=");
  bool typed = false;
  for (const auto& t : types)
    if (t.bits == (st.mode & rawsys::s::ifmt)) l.put(t.name), l.put('|'), typed = true;
  if (!typed && (st.mode & rawsys::s::ifmt)) l.octal(st.mode & rawsys::s::ifmt, 1), l.put('|');
  for (const auto& sp : special)
    if (st.mode & sp.bits) l.put(sp.name), l.put('|');
  l.mode(st.mode & 0777);
  l.put(", stx_size=");
  l.dec(st.size);
  l.put(", ...}");
}

// One argument at the call's entry (B's buffer waits for the exit).
void argument(line& l, const tracer::tracee& t, char kind, unsigned i) noexcept {
  const auto& p = tracer::personalities[t.abi];
  const auto& fl = abi_flags;
  const uint64_t mask = p.word_bits == 32 ? 0xffffffffu : ~uint64_t{0};
  const uint64_t v = t.current.args[i] & mask;
  const int64_t sv = p.word_bits == 32 ? static_cast<int32_t>(v) : static_cast<int64_t>(v);
  const int32_t iv = static_cast<int32_t>(v);
  switch (kind) {
    case 'd': case 'f': l.sdec(iv); break;
    case 'D':
      if (iv == static_cast<int>(rawsys::at_fdcwd.get())) l.put("AT_FDCWD");
      else l.sdec(iv);
      break;
    case 'l': l.sdec(sv); break;
    case 'u': l.dec(v); break;
    case 's': string_at(l, t.pid, v, 4096); break;
    case 'b': buffer_at(l, t.pid, v, t.current.args[i + 1] & mask); break;
    case 'x': pointer(l, v); break;
    case 'X': case 'O':
      if (v == 0) l.put('0');
      else l.hex(v);
      break;
    case 'o': {
      const uint64_t acc = v & fl.accmode;
      l.put(acc == 0 ? "O_RDONLY" : acc == 1 ? "O_WRONLY" : acc == 2 ? "O_RDWR" : "O_ACCMODE");
      uint64_t rest = v & ~fl.accmode;
      const bool tmpfile = (rest & fl.tmpfile) == fl.tmpfile;
      if (tmpfile) rest &= ~fl.tmpfile;
      if (rest) flags(l, rest, fl.open, false);
      if (tmpfile) l.put("|O_TMPFILE");
      break;
    }
    case 'm': case 'M': l.mode(v); break;
    case 'p':
      if (v == 0) l.put("PROT_NONE");
      else flags(l, v, fl.prot);
      break;
    case 'F': {
      const uint64_t type = v & fl.map_type;
      bool named = false;
      for (const auto& m : fl.map_types)
        if (m.bits == type) l.put(m.name), named = true;
      if (!named) l.hex(type);
      if (v & ~fl.map_type) flags(l, v & ~fl.map_type, fl.map, false);
      break;
    }
    case 'a': flags(l, v, fl.at); break;
    case 'A': {
      const uint64_t sync = v & fl.statx_sync_type;
      if (sync == 0) l.put("AT_STATX_SYNC_AS_STAT");
      if (v & ~fl.statx_sync_type || sync != 0) {
        if (sync == 0) {
          flags(l, v, fl.at, false);
        } else {
          flags(l, sync, fl.statx_sync);
          if (v & ~sync) flags(l, v & ~sync, fl.at, false);
        }
      }
      break;
    }
    case 'k': statx_mask_names(l, v); break;
    case 'v': string_array(l, t.pid, v, p.word_bits / 8, true); break;
    case 'e': string_array(l, t.pid, v, p.word_bits / 8, false); break;
    case 'S': signal_name(l, v); break;
    case 'I': {
      bool named = false;
      for (const auto& r : ioctl_requests)
        if (!named && r.bits == v) l.put(r.name), named = true;
      if (!named) l.hex(v);
      break;
    }
    case 'w':
      if (v < 5) {
        l.put(whence[v]);
      } else {
        l.hex(v);
        l.put(" /* SEEK_??? */");
      }
      break;
    default: l.hex(v); break;
  }
}

// With -f, lines begin with the pid as strace's do: "PID " in a file,
// "[pid PID] " on standard error once there is more than one process.
bool to_file = false;
void begin(line& l, const tracer::tracee& t) noexcept {
  l.len = 0;
  if (!follow) return;
  const uint64_t pid = static_cast<uint64_t>(t.pid);
  unsigned digits = 1;
  for (uint64_t p = pid; p >= 10; p /= 10) ++digits;
  if (to_file) {
    l.dec(pid);
    for (; digits < 5; ++digits) l.put(' ');
    l.put(' ');
  } else if (tracer::count() > 1) {
    l.put("[pid ");
    for (; digits < 5; ++digits) l.put(' ');
    l.dec(pid);
    l.put("] ");
  }
}

// The column strace aligns results on.
void to_result(line& l) noexcept {
  l.put(") ");
  while (l.len < 40) l.put(' ');
  l.put("= ");
}

void emit(line& l) noexcept {
  l.put('\n');
  output->write(l.text, l.len);
  l.len = 0;
}

// Without -f only the command's own calls are shown (its children are
// traced all the same under a seccomp filter).
bool shown(const tracer::tracee& t) noexcept { return follow || t.first; }

struct printer {
  void entry(tracer::tracee& t) noexcept {
    if (!shown(t)) return;
    if (t.abi_changed && !summary) {  // on standard error, as strace says it
      (void)output->flush();
      rawsys::err << "[ Process PID=" << t.pid
                  << (tracer::personalities[t.abi].word_bits == 32 ? " runs in 32 bit mode. ]\n" : " runs in 64 bit mode. ]\n");
      (void)rawsys::err.flush();
    }
    if (summary) {
      counts.entry(t);
      return;
    }
    line& l = line_of(t);
    begin(l, t);
    const auto& p = tracer::personalities[t.abi];
    const char* name = p.call_name(t.current.nr);
    if (name[0] == '?') {
      l.put("syscall_");
      l.hex(t.current.nr);
    } else {
      l.put(name);
    }
    l.put('(');
    const call_format* f = find_format(t.abi, t.current.nr);
    const char* kinds = f ? f->args : "XXXXXX";
    for (unsigned i = 0; kinds[i]; ++i) {
      if (kinds[i] == 'M') {  // open's mode: only with O_CREAT or O_TMPFILE
        const auto& fl = abi_flags;
        const uint64_t o = t.current.args[i - 1];
        if (!(o & fl.creat) && (o & fl.tmpfile) != fl.tmpfile) break;
      }
      if (i) l.put(", ");
      if (kinds[i] == 'B' || kinds[i] == 'T') {
        l.after_entry = l.len;  // the buffer, known at the exit
        continue;
      }
      argument(l, t, kinds[i], i);
    }
  }

  void exit(tracer::tracee& t) noexcept {
    if (!shown(t)) return;
    if (summary) {
      counts.exit(t);
      return;
    }
    line& l = line_of(t);
    const call_format* f = find_format(t.abi, t.current.nr);
    const auto& p = tracer::personalities[t.abi];
    if (f) {
      // What the call filled: the bytes read (as many as it returned), the struct.
      for (unsigned i = 0; f->args[i]; ++i)
        if (f->args[i] == 'B' || f->args[i] == 'T') {
          line tail;
          tail.len = 0;
          const uint64_t mask = p.word_bits == 32 ? 0xffffffffu : ~uint64_t{0};
          if (t.current.is_error) tail.hex(t.current.args[i] & mask);
          else if (f->args[i] == 'T') statx_at(tail, t.pid, t.current.args[i] & mask);
          else buffer_at(tail, t.pid, t.current.args[i] & mask, static_cast<uint64_t>(t.current.rval));
          // Insert it where the entry left room.
          const unsigned at = l.after_entry, move = l.len - at;
          if (l.len + tail.len > line::capacity) break;
          for (unsigned k = move; k-- > 0;) l.text[at + tail.len + k] = l.text[at + k];
          for (unsigned k = 0; k < tail.len; ++k) l.text[at + k] = tail.text[k];
          l.len += tail.len;
        }
    }
    to_result(l);
    if (t.current.is_error) {
      const int e = static_cast<int>(-t.current.rval);
      const char* name = p.error_name(e);
      l.put("-1 ");
      if (name[0] == '?') {
        l.put("errno ");
        l.dec(static_cast<uint64_t>(e));
      } else {
        l.put(name);
        l.put(" (");
        l.put(p.error_message(e));
        l.put(')');
      }
    } else if (f && f->result == 'x') {
      const uint64_t mask = p.word_bits == 32 ? 0xffffffffu : ~uint64_t{0};
      l.hex(static_cast<uint64_t>(t.current.rval) & mask);
    } else {
      l.sdec(t.current.rval);
    }
    emit(l);
  }

  void lost(tracer::tracee& t) noexcept {
    if (summary || !shown(t)) return;
    line& l = line_of(t);
    to_result(l);
    l.put('?');
    emit(l);
  }

  void ended(tracer::tracee& t, int status) noexcept {
    if (summary || !shown(t)) return;
    line& l = line_of(t);
    begin(l, t);
    if (rawsys::wifexited(status)) {
      l.put("+++ exited with ");
      l.dec(static_cast<uint64_t>(rawsys::wexitstatus(status)));
    } else {
      l.put("+++ killed by ");
      signal_name(l, static_cast<uint64_t>(rawsys::wtermsig(status)));
      if (status & 0x80) l.put(" (core dumped)");
    }
    l.put(" +++");
    emit(l);
  }

  void signal(tracer::tracee& t, int sig) noexcept {
    if (summary || !shown(t)) return;
    line& l = line_of(t);
    const unsigned saved = l.len;  // a call may be in progress (not with PTRACE_SYSCALL stops)
    char keep[line::capacity];
    for (unsigned k = 0; k < saved; ++k) keep[k] = l.text[k];
    begin(l, t);
    l.put("--- ");
    signal_name(l, static_cast<uint64_t>(sig));
    l.put(" {si_signo=");
    signal_name(l, static_cast<uint64_t>(sig));
    rawsys::siginfo si{};
    if (rawsys::ptrace_getsiginfo(t.pid, si)) {
      l.put(", si_code=");
      l.sdec(si.code);
    }
    l.put(", ...} ---");
    emit(l);
    for (unsigned k = 0; k < saved; ++k) l.text[k] = keep[k];
    l.len = saved;
  }
};

int usage_error() {
  tool::try_help();
  return 125;
}

// The names of -e trace=NAME,..., split in place.
const char* names[tracer::filters::max_names];
unsigned nnames = 0;
tracer::filters filters;

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  const char* output_path = nullptr;
  bool filtered = false;
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; ++i) {
    const char* a = argv[i];
    if (tool::eq(a, "--")) {
      ++i;
      break;
    }
    if (tool::eq(a, "--help")) {
      rawsys::out << "Usage: " << tool::program
                  << " [-f] [-c] [-e trace=NAME,...] [-o FILE] [-s STRSIZE] COMMAND [ARG]...\n"
                  << "Run COMMAND and print its system calls as strace does.\n"
                  << "  -f  follow its children\n"
                  << "  -c  count the calls and their errors instead\n"
                  << "  -e trace=NAME,...  only these calls (a seccomp filter stops COMMAND for them alone)\n"
                  << "  -o FILE  print to FILE instead of standard error\n"
                  << "  -s STRSIZE  show at most STRSIZE bytes of each string (32)\n";
      return tool::finish(0, 125);
    }
    if (a[1] == '-') {
      tool::unrecognized_option(a);
      return 125;
    }
    for (int k = 1; a[k]; ++k) {
      const char c = a[k];
      if (c == 'f') {
        follow = true;
      } else if (c == 'c') {
        summary = true;
      } else if (c == 'e' || c == 'o' || c == 's') {
        // The value: the rest of this argument, or the next one.
        char* v = argv[i] + k + 1;
        if (*v == '\0') {
          if (i + 1 == argc) {
            tool::begin_error() << "option requires an argument -- '" << c << '\'';
            tool::end_error();
            return usage_error();
          }
          v = argv[++i];
        }
        if (c == 'o') {
          output_path = v;
        } else if (c == 's') {
          auto n = tool::parse_unsigned(v);
          if (!n || *n > 4096) {
            tool::begin_error() << "invalid -s argument: '" << v << '\'';
            tool::end_error();
            return 125;
          }
          strsize = static_cast<unsigned>(*n);
        } else {
          if (!tool::starts_with(v, "trace=")) {
            tool::begin_error() << "invalid -e argument: '" << v << "' (only trace=NAME,... is known)";
            tool::end_error();
            return 125;
          }
          filtered = true;
          for (char* p = v + 6; *p;) {
            char* name = p;
            while (*p && *p != ',') ++p;
            if (*p) *p++ = '\0';
            if (*name == '\0') continue;
            if (nnames == tracer::filters::max_names) {
              tool::begin_error() << "too many system calls in -e trace=";
              tool::end_error();
              return 125;
            }
            names[nnames++] = name;
          }
        }
        break;
      } else {
        tool::invalid_option(c);
        return 125;
      }
    }
  }
  if (i == argc) {
    tool::begin_error() << "missing command";
    tool::end_error();
    return usage_error();
  }
  tracer::options opt;
  opt.follow = follow;
  if (filtered) {
    if (!tracer::build_filters(filters, names, nnames)) return 125;
    opt.seccomp = &filters;
  }
  // Standard error line by line, as strace writes it; a file in blocks.
  rawsys::fd to = rawsys::stderr_fd;
  if (output_path) {
    namespace o = rawsys::o;
    auto f = rawsys::open(output_path, o::wronly | o::creat | o::trunc | o::cloexec, rawsys::mode{0666});
    if (!f) {
      tool::file_error(output_path, f.error());
      return 125;
    }
    to = rawsys::fd(f->release());
    to_file = true;
  }
  rawsys::writer w{to, out_buffer, sizeof out_buffer,
                   output_path ? rawsys::writer::buffering::full : rawsys::writer::buffering::line};
  output = &w;
  printer h;
  const int result = tracer::run(argv + i, opt, h);
  if (summary) counts.report(*output);
  (void)output->flush();
  return result;
}
