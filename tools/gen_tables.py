#!/usr/bin/env python3
"""Generate rawsys's system call and errno tables from the Linux UAPI headers.

Reads (from linux-libc-dev 6.12 or newer, on Debian 12 from bookworm-backports):
  /usr/include/linux/version.h              kernel version (LINUX_VERSION_CODE)
  /usr/lib/linux/uapi/<arch>/asm/unistd*.h  every kernel architecture's system call
                                            numbers (TABLES below; a header no table
                                            reads is an error)
  /usr/lib/linux/uapi/<arch>/asm/errno.h    each architecture's errno numbers, with
  /usr/include/asm-generic/errno*.h         the generic ones they include
and glibc's strerror() text (through os.strerror, by errno name) for the messages.

Writes, relative to the repository root (or to --out DIR):
  include/rawsys/nr/<key>.hpp          one syscall table each: enum class nr, its
                                       name tables, name() and find_nr()
  include/rawsys/nr/all.hpp            includes every table (for tracers)
  include/rawsys/errno/<set>.hpp       one errno numbering each: errc_<set>, names,
                                       messages (generic, powerpc, mips, ...)
  tests/generated/nr_vs_system.hpp     compile-time checks against the target's
  tests/generated/errno_vs_system.hpp  <sys/syscall.h> and <errno.h>

Usage:
  tools/gen_tables.py                  write the files (only those whose content changes)
  tools/gen_tables.py --check          write nothing; exit 1 listing any file that is stale
  tools/gen_tables.py --out DIR        write (or --check) under DIR instead of the repository
  tools/gen_tables.py --check-macros   exit 1 if a table's namespace is a macro that a
                                       compiler for some target predefines (GNU modes)
"""

import argparse
import locale
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "tools/gen_tables.py"

UAPI = Path("/usr/lib/linux/uapi")
VERSION_H = Path("/usr/include/linux/version.h")
ASM_GENERIC = Path("/usr/include/asm-generic")
MIN_KERNEL = (6, 12)
INSTALL_HINT = (
    "install the 6.12 (or newer) kernel headers: "
    "apt-get install -t bookworm-backports linux-libc-dev"
)

LINE_WIDTH = 100  # generated lines stay within this many columns
NO_SYSCALL = 0xFFFF  # by_number entry for numbers no system call has
MAX_SPAN = 1024  # a by_number table longer than this means a misread base
ERRNO_DENSE = 512  # errnos at or above this are kept apart (mips EDQUOT 1133)


@dataclass(frozen=True)
class Base:
    """A table written as `(MACRO + n)`: MACRO's value, and a pattern the
    arch's asm/unistd.h must contain (after comments are removed) that gives
    MACRO that value for this table, so a changed base fails loudly."""
    macro: str
    value: int
    proof: str  # regular expression searched in asm/unistd.h


@dataclass(frozen=True)
class Table:
    key: str  # file name under include/rawsys/nr/ and nr_table<>::arch
    namespace: str  # rawsys::<namespace>
    human: str  # name used in comments
    uapi: str  # directory under /usr/lib/linux/uapi
    header: str  # file under asm/
    guard: str  # preprocessor condition true when compiling for this table's ABI
    base: Base | None = None  # numbers written as (base + n)
    arm_private: bool = False  # add ARM's __ARM_NR_* calls from asm/unistd.h

    @property
    def source(self):
        return UAPI / self.uapi / "asm" / self.header

    @property
    def label(self):
        return f"asm/{self.header} ({self.uapi})"


X32_BASE = Base("__X32_SYSCALL_BIT", 0x40000000,
                r"#define __X32_SYSCALL_BIT\s+0x40000000\b")
ARM_EABI_BASE = Base("__NR_SYSCALL_BASE", 0,
                     r"#if defined\(__thumb__\) \|\| defined\(__ARM_EABI__\)\s+"
                     r"#define __NR_SYSCALL_BASE\s+0\s+#include <asm/unistd-eabi\.h>")
ARM_OABI_BASE = Base("__NR_SYSCALL_BASE", 0x900000,
                     r"#define __NR_OABI_SYSCALL_BASE\s+0x900000\b[\s\S]*#else\s+"
                     r"#define __NR_SYSCALL_BASE\s+__NR_OABI_SYSCALL_BASE\s+"
                     r"#include <asm/unistd-oabi\.h>")


def mips_base(sim, value, header):
    return Base("__NR_Linux", value, rf"#if _MIPS_SIM == {sim}\s+#define __NR_Linux\s+{value}\s+"
                                     rf"#include <asm/{header}>")


# Every kernel architecture's table. Namespaces are never a macro that a GNU
# mode predefines on some target (i386, mips, sparc, unix, linux, ...): see
# check_macros(). i386's table is rawsys::ia32 for that reason.
TABLES = [
    Table("x86_64", "x86_64", "x86-64", "x86", "unistd_64.h",
          "defined(__x86_64__) && !defined(__ILP32__)"),
    Table("i386", "ia32", "i386", "x86", "unistd_32.h", "defined(__i386__)"),
    Table("x32", "x32", "x32", "x86", "unistd_x32.h",
          "defined(__x86_64__) && defined(__ILP32__)", base=X32_BASE),
    Table("aarch64", "aarch64", "AArch64", "arm64", "unistd_64.h",
          "defined(__aarch64__) && !defined(__ILP32__)"),
    Table("arm", "arm", "ARM EABI", "arm", "unistd-eabi.h",
          "defined(__arm__) && (defined(__thumb__) || defined(__ARM_EABI__))",
          base=ARM_EABI_BASE, arm_private=True),
    Table("arm_oabi", "arm_oabi", "ARM OABI", "arm", "unistd-oabi.h",
          "defined(__arm__) && !defined(__thumb__) && !defined(__ARM_EABI__)",
          base=ARM_OABI_BASE, arm_private=True),
    Table("riscv64", "riscv64", "RISC-V 64", "riscv", "unistd_64.h",
          "defined(__riscv) && __riscv_xlen == 64"),
    Table("riscv32", "riscv32", "RISC-V 32", "riscv", "unistd_32.h",
          "defined(__riscv) && __riscv_xlen == 32"),
    Table("ppc64", "ppc64", "PowerPC 64", "powerpc", "unistd_64.h", "defined(__powerpc64__)"),
    Table("ppc32", "ppc32", "PowerPC 32", "powerpc", "unistd_32.h",
          "defined(__powerpc__) && !defined(__powerpc64__)"),
    Table("s390x", "s390x", "s390x", "s390", "unistd_64.h", "defined(__s390x__)"),
    Table("s390", "s390", "s390 (31-bit)", "s390", "unistd_32.h",
          "defined(__s390__) && !defined(__s390x__)"),
    Table("mips_o32", "mips_o32", "MIPS o32", "mips", "unistd_o32.h",
          "defined(__mips__) && _MIPS_SIM == _ABIO32",
          base=mips_base("_MIPS_SIM_ABI32", 4000, "unistd_o32.h")),
    Table("mips_n32", "mips_n32", "MIPS n32", "mips", "unistd_n32.h",
          "defined(__mips__) && _MIPS_SIM == _ABIN32",
          base=mips_base("_MIPS_SIM_NABI32", 6000, "unistd_n32.h")),
    Table("mips_n64", "mips_n64", "MIPS n64", "mips", "unistd_n64.h",
          "defined(__mips__) && _MIPS_SIM == _ABI64",
          base=mips_base("_MIPS_SIM_ABI64", 5000, "unistd_n64.h")),
    Table("loongarch64", "loongarch64", "LoongArch 64", "loongarch", "unistd_64.h",
          "defined(__loongarch__) && __loongarch_grlen == 64"),
    Table("alpha", "alpha", "Alpha", "alpha", "unistd_32.h", "defined(__alpha__)"),
    Table("parisc32", "parisc32", "PA-RISC 32", "parisc", "unistd_32.h",
          "defined(__hppa__) && !defined(__LP64__)"),
    Table("parisc64", "parisc64", "PA-RISC 64", "parisc", "unistd_64.h",
          "defined(__hppa__) && defined(__LP64__)"),
    Table("sparc32", "sparc32", "SPARC 32", "sparc", "unistd_32.h",
          "defined(__sparc__) && !defined(__arch64__)"),
    Table("sparc64", "sparc64", "SPARC 64", "sparc", "unistd_64.h",
          "defined(__sparc__) && defined(__arch64__)"),
    Table("m68k", "m68k", "m68k", "m68k", "unistd_32.h", "defined(__m68k__)"),
    Table("sh", "sh", "SuperH", "sh", "unistd_32.h", "defined(__sh__)"),
]


# rawsys::sys, per table: which system call implements each portable wrapper,
# the first of its candidates that the table has (musl's `#define SYS_fcntl
# SYS_fcntl64` lines, per ISA). A name none of whose candidates exists is
# sys::none (fork on arm64, _llseek on 64-bit ISAs). Emitted into every
# table's header so that no compiler searches a table by name.
#  - 32-bit ISAs get the 64-bit-offset forms (fcntl64, fstatat64, mmap2, ...),
#    the 32-bit-id forms (getuid32, ...) and the *_time64 forms;
#  - SYS_TIME32: the old calls with 32-bit times that the *_time64 ones fall
#    back to on a kernel that has none of them (sys::time32::X);
#  - SYS_FACTS: what the argument order or count of a choice depends on.
SYS_CHOICES = [
    ("fcntl", ['fcntl64', 'fcntl']),
    ("llseek", ['_llseek']),
    ("lseek", ['lseek']),
    ("fstat", ['fstat64', 'fstat']),
    ("fstatat", ['fstatat64', 'newfstatat']),
    ("statfs", ['statfs64', 'statfs']),
    ("fstatfs", ['fstatfs64', 'fstatfs']),
    ("truncate", ['truncate64', 'truncate']),
    ("ftruncate", ['ftruncate64', 'ftruncate']),
    ("sendfile", ['sendfile64', 'sendfile']),
    ("fadvise", ['fadvise64_64', 'arm_fadvise64_64', 'fadvise64']),
    ("sync_file_range", ['sync_file_range', 'sync_file_range2', 'arm_sync_file_range']),
    ("mmap", ['mmap2', 'mmap']),
    ("getuid", ['getuid32', 'getuid']),
    ("geteuid", ['geteuid32', 'geteuid']),
    ("getgid", ['getgid32', 'getgid']),
    ("getegid", ['getegid32', 'getegid']),
    ("setuid", ['setuid32', 'setuid']),
    ("setgid", ['setgid32', 'setgid']),
    ("setreuid", ['setreuid32', 'setreuid']),
    ("setregid", ['setregid32', 'setregid']),
    ("setresuid", ['setresuid32', 'setresuid']),
    ("setresgid", ['setresgid32', 'setresgid']),
    ("getresuid", ['getresuid32', 'getresuid']),
    ("getresgid", ['getresgid32', 'getresgid']),
    ("getgroups", ['getgroups32', 'getgroups']),
    ("setgroups", ['setgroups32', 'setgroups']),
    ("setfsuid", ['setfsuid32', 'setfsuid']),
    ("setfsgid", ['setfsgid32', 'setfsgid']),
    ("fchown", ['fchown32', 'fchown']),
    ("lchown", ['lchown32', 'lchown']),
    ("fork", ['fork']),
    ("semop", ['semop']),  # i386, ppc, s390 and mips o32: semtimedop with no timeout
    ("vfork", ['vfork']),
    ("pause", ['pause']),
    ("alarm", ['alarm']),
    ("kexec_file_load", ['kexec_file_load']),
    ("renameat", ['renameat']),
    ("time", ['time']),
    ("clock_gettime", ['clock_gettime64', 'clock_gettime']),
    ("clock_settime", ['clock_settime64', 'clock_settime']),
    ("clock_getres", ['clock_getres_time64', 'clock_getres']),
    ("clock_nanosleep", ['clock_nanosleep_time64', 'clock_nanosleep']),
    ("timer_settime", ['timer_settime64', 'timer_settime']),
    ("timer_gettime", ['timer_gettime64', 'timer_gettime']),
    ("clock_adjtime", ['clock_adjtime64', 'clock_adjtime']),
    ("timerfd_settime", ['timerfd_settime64', 'timerfd_settime']),
    ("timerfd_gettime", ['timerfd_gettime64', 'timerfd_gettime']),
    ("utimensat", ['utimensat_time64', 'utimensat']),
    ("pselect6", ['pselect6_time64', 'pselect6']),
    ("ppoll", ['ppoll_time64', 'ppoll']),
    ("io_pgetevents", ['io_pgetevents_time64', 'io_pgetevents']),
    ("recvmmsg", ['recvmmsg_time64', 'recvmmsg']),
    ("mq_timedsend", ['mq_timedsend_time64', 'mq_timedsend']),
    ("mq_timedreceive", ['mq_timedreceive_time64', 'mq_timedreceive']),
    ("semtimedop", ['semtimedop_time64', 'semtimedop']),
    ("rt_sigtimedwait", ['rt_sigtimedwait_time64', 'rt_sigtimedwait']),
    ("futex", ['futex_time64', 'futex']),
    ("sched_rr_get_interval", ['sched_rr_get_interval_time64', 'sched_rr_get_interval']),
    ("memfd_secret", ['memfd_secret']),
]

SYS_TIME32 = [
    ("clock_gettime", ['clock_gettime']),
    ("clock_settime", ['clock_settime']),
    ("clock_getres", ['clock_getres']),
    ("clock_nanosleep", ['clock_nanosleep']),
    ("nanosleep", ['nanosleep']),
    ("timer_settime", ['timer_settime']),
    ("timer_gettime", ['timer_gettime']),
    ("clock_adjtime", ['clock_adjtime']),
    ("timerfd_settime", ['timerfd_settime']),
    ("timerfd_gettime", ['timerfd_gettime']),
    ("utimensat", ['utimensat']),
    ("pselect6", ['pselect6']),
    ("ppoll", ['ppoll']),
    ("io_pgetevents", ['io_pgetevents']),
    ("recvmmsg", ['recvmmsg']),
    ("mq_timedsend", ['mq_timedsend']),
    ("mq_timedreceive", ['mq_timedreceive']),
    ("semtimedop", ['semtimedop']),
    ("rt_sigtimedwait", ['rt_sigtimedwait']),
    ("futex", ['futex']),
    ("sched_rr_get_interval", ['sched_rr_get_interval']),
]

SYS_FACTS = [
    # statfs64(path, sizeof buf, buf) instead of statfs(path, buf)
    ("statfs_takes_size", lambda names: "statfs64" in names),
    # arm_fadvise64_64(fd, advice, offset, len) instead of (fd, offset, len, advice)
    ("fadvise_advice_second",
     lambda names: "fadvise64_64" not in names and "arm_fadvise64_64" in names),
    # sync_file_range2 / arm_sync_file_range(fd, flags, offset, nbytes) instead of
    # sync_file_range(fd, offset, nbytes, flags), so that the 64-bit arguments
    # fall on aligned register pairs.
    ("sync_file_range_flags_second", lambda names: "sync_file_range" not in names),
]

# Lower-case macros that GNU modes (-std=gnu++20) predefine on some target,
# as the compilers below report them. check_macros() asks every installed
# compiler again; this list keeps them refused where one is missing. Alpha,
# PA-RISC, SuperH and 31-bit s390 have no compiler here: GCC's alpha.h
# defines only __alpha and __alpha__, and no table is named hppa or sh4.
PREDEFINED_MACROS = frozenset("unix linux i386 mips sparc mc68000 pixel vector bool".split())

# Compilers asked by check_macros(): an installed GCC per target where there
# is one, clang for the others.
MACRO_PROBES = [
    ["g++"], ["g++", "-m32"], ["g++", "-mx32"],
    ["aarch64-linux-gnu-g++-12"], ["arm-linux-gnueabihf-g++-12"],
    ["riscv64-linux-gnu-g++-12"], ["s390x-linux-gnu-g++-12"],
    ["powerpc64le-linux-gnu-g++-12"], ["mips64el-linux-gnuabi64-g++-12"],
    ["mipsel-linux-gnu-g++-12"],
] + [["clang++-19", f"--target={t}"] for t in (
    "armeb-linux-gnueabi", "arm-linux-gnu", "riscv32-linux-gnu", "powerpc-linux-gnu",
    "powerpc64-linux-gnu", "mips-linux-gnu", "mips64-linux-gnuabin32",
    "loongarch64-linux-gnu", "sparc-linux-gnu", "sparc64-linux-gnu", "m68k-linux-gnu")]

# C++20 keywords and alternative tokens. A system call with one of these names
# gets a trailing underscore in the enum (break_); the name tables keep the
# kernel's spelling. Kernel names never end in an underscore (checked below),
# so the mapping can be undone by stripping it.
CXX_KEYWORDS = frozenset("""
    alignas alignof and and_eq asm auto bitand bitor bool break case catch char
    char8_t char16_t char32_t class compl concept const consteval constexpr
    constinit const_cast continue co_await co_return co_yield decltype default
    delete do double dynamic_cast else enum explicit export extern false float
    for friend goto if inline int long mutable namespace new noexcept not not_eq
    nullptr operator or or_eq private protected public register reinterpret_cast
    requires return short signed sizeof static static_assert static_cast struct
    switch template this thread_local throw true try typedef typeid typename
    union unsigned using virtual void volatile wchar_t while xor xor_eq
""".split())

# System call names that glibc's headers define as macros, which would break
# the enum when a user includes those headers first. Found by a one-off check
# (glibc 2.36): every enum member of the x86-64, i386 and arm64 tables against
# the macros of `-dM -E` on a file including <unistd.h>, <fcntl.h>,
# <sys/stat.h>, <sys/mman.h>, <signal.h>, <time.h>, <sys/syscall.h>,
# <sys/socket.h>, <sys/wait.h>, <sys/types.h>, <sys/ioctl.h>, <sched.h>,
# <poll.h>, <errno.h> and about fifty more libc, libstdc++ and <linux/...>
# headers, with g++, g++ -m32, clang++, clang++ -m32 and
# aarch64-linux-gnu-g++-12, in -std=c++20 and -std=gnu++20, with and without
# _GNU_SOURCE, _FILE_OFFSET_BITS=64, _TIME_BITS=64 and _FORTIFY_SOURCE. None
# collided. A name listed here gets a warning comment in its enum.
GLIBC_MACRO_NAMES = frozenset()


class GenError(Exception):
    pass


# ----------------------------------------------------------------------------
# Reading the sources


def read_source(path):
    try:
        return path.read_text(encoding="ascii")
    except FileNotFoundError:
        raise GenError(f"{path} not found; {INSTALL_HINT}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise GenError(f"cannot read {path}: {e}") from None


def kernel_version():
    """(major, minor) from LINUX_VERSION_CODE; fails below MIN_KERNEL."""
    m = re.search(r"^#define LINUX_VERSION_CODE (\d+)$", read_source(VERSION_H), re.M)
    if not m:
        raise GenError(f"{VERSION_H}: no LINUX_VERSION_CODE line")
    code = int(m.group(1))
    version = (code >> 16, (code >> 8) & 0xFF)
    if version < MIN_KERNEL:
        raise GenError(
            f"{VERSION_H} is from Linux {version[0]}.{version[1]}, older than "
            f"{MIN_KERNEL[0]}.{MIN_KERNEL[1]}; {INSTALL_HINT}")
    return version


def strip_c_comments(text):
    """Removes /* */ comments, keeping the line breaks they spanned."""
    return re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)


def guard_line(line):
    """True for include-guard and blank lines, which the sources may hold."""
    return (not line.strip()
            or re.fullmatch(r"#ifndef\s+_[A-Z0-9_]+_H_?\s*", line)
            or re.fullmatch(r"#define\s+_[A-Z0-9_]+_H_?\s*", line)
            or re.fullmatch(r"#endif\s*", line))


def check_every_header_read():
    """Fails on a unistd header under UAPI that no table reads (a new ABI)."""
    read = {t.source for t in TABLES}
    for path in sorted(UAPI.glob("*/asm/unistd*.h")):
        if path.name != "unistd.h" and path not in read:
            raise GenError(f"{path}: no table reads it; add one to TABLES in {SCRIPT}")
    for t in TABLES:
        if not t.source.is_file():
            raise GenError(f"{t.source} not found; {INSTALL_HINT}")


def unistd_h(table):
    return strip_c_comments(read_source(UAPI / table.uapi / "asm" / "unistd.h"))


def arm_private_calls(table):
    """[(name, number)] of ARM's private calls (__ARM_NR_*) for the table's base."""
    text = unistd_h(table)
    if not re.search(r"^#define __ARM_NR_BASE\s+\(__NR_SYSCALL_BASE\+0x0f0000\)\s*$", text, re.M):
        raise GenError(f"{table.uapi}/asm/unistd.h: expected "
                       "'#define __ARM_NR_BASE (__NR_SYSCALL_BASE+0x0f0000)'")
    calls = []
    for line in text.splitlines():
        if "__ARM_NR_" not in line or line.startswith("#define __ARM_NR_BASE"):
            continue
        m = re.fullmatch(r"#define __ARM_NR_([a-z0-9_]+)\s+\(__ARM_NR_BASE\+(\d+)\)\s*", line)
        if not m:
            raise GenError(f"{table.uapi}/asm/unistd.h: expected "
                           f"'#define __ARM_NR_name (__ARM_NR_BASE+n)', got: {line!r}")
        calls.append((m.group(1), table.base.value + 0x0F0000 + int(m.group(2))))
    if not calls:
        raise GenError(f"{table.uapi}/asm/unistd.h: no __ARM_NR_ calls")
    return calls


def read_syscalls(table):
    """[(name, number)] in numeric order, from the table's unistd header."""
    text = strip_c_comments(read_source(table.source))
    if table.base:
        if not re.search(table.base.proof, unistd_h(table)):
            raise GenError(f"{table.uapi}/asm/unistd.h no longer gives {table.base.macro} the "
                           f"value {table.base.value:#x} for {table.header} (pattern: "
                           f"{table.base.proof})")
        pattern = rf"#define __NR_([a-z0-9_]+) \({re.escape(table.base.macro)} \+ (\d+)\)"
        expected = f"#define __NR_name ({table.base.macro} + n)"
    else:
        pattern = r"#define __NR_([a-z0-9_]+) (\d+)"
        expected = "#define __NR_name number"
    entries = []
    for lineno, line in enumerate(text.splitlines(), 1):
        m = re.fullmatch(pattern, line)
        if not m:
            if guard_line(line):
                continue
            raise GenError(f"{table.source}:{lineno}: expected '{expected}', got: {line!r}")
        number = int(m.group(2)) + (table.base.value if table.base else 0)
        entries.append((m.group(1), number, f"{table.source}:{lineno}"))
    if table.arm_private:
        entries += [(n, v, f"{table.uapi}/asm/unistd.h __ARM_NR_{n}")
                    for n, v in arm_private_calls(table)]
    by_name = {}
    by_number = {}
    for name, number, where in entries:
        if name in by_name:
            raise GenError(f"{where}: {name} defined twice")
        if number in by_number:
            raise GenError(f"{where}: {name} has the number of {by_number[number]}")
        if name.endswith("_"):
            raise GenError(f"{where}: __NR_{name} ends in '_', which the enum's keyword "
                           "escaping relies on no kernel name doing")
        by_name[name] = number
        by_number[number] = name
    if not by_name:
        raise GenError(f"{table.source}: no system calls found")
    return sorted(by_name.items(), key=lambda item: item[1])


@dataclass(frozen=True)
class Errno:
    name: str  # EPERM
    number: int
    message: str  # glibc's strerror text (the kernel's comment for names glibc lacks)


@dataclass(frozen=True)
class ErrnoSet:
    key: str  # "generic", or the UAPI directory whose numbering it is
    errnos: tuple  # primaries in numeric order
    aliases: tuple  # (alias, target) in header order
    arches: tuple  # UAPI directories that use it


def errno_defines(path, seen=()):
    """[(name, value or None for #undef, comment, where)] from an errno header and
    the asm-generic headers it includes, in order."""
    if path in seen:
        raise GenError(f"{path} includes itself")
    raw = read_source(path)
    comments = {}
    for m in re.finditer(r"^#define\s+(E[A-Z0-9]+)\s+\S+\s*/\*\s*(.*?)\s*\*/", raw, re.M):
        comments[m.group(1)] = m.group(2)
    out = []
    for lineno, line in enumerate(strip_c_comments(raw).splitlines(), 1):
        where = f"{path}:{lineno}"
        if guard_line(line):
            continue
        m = re.fullmatch(r"#include <asm-generic/(errno-base|errno)\.h>\s*", line)
        if m:
            out += errno_defines(ASM_GENERIC / f"{m.group(1)}.h", seen + (path,))
            continue
        m = re.fullmatch(r"#undef\s+(E[A-Z0-9]+)\s*", line)
        if m:
            out.append((m.group(1), None, None, where))
            continue
        m = re.fullmatch(r"#define\s+(E[A-Z0-9]+)\s+(\d+|E[A-Z0-9]+)\s*", line)
        if not m:
            raise GenError(f"{where}: expected '#define ENAME number', '#define ENAME EOTHER', "
                           f"'#undef ENAME' or an asm-generic errno include, got: {line!r}")
        out.append((m.group(1), m.group(2), comments.get(m.group(1)), where))
    return out


def read_errno_numbering(path):
    """{name: number or alias target} and {name: kernel comment} after every #undef."""
    values = {}
    comments = {}
    for name, value, comment, where in errno_defines(path):
        if value is None:
            values.pop(name, None)  # #undef of an undefined name is allowed, as in C
            continue
        if name in values:
            raise GenError(f"{where}: {name} defined twice")
        if not value.isdigit() and value not in values:
            raise GenError(f"{where}: {name} is defined as {value}, which is not an errno "
                           "defined before it")
        values[name] = int(value) if value.isdigit() else value
        comments[name] = comment
    if not values:
        raise GenError(f"{path}: no errnos found")
    return values, comments


def resolve(values, name):
    while not isinstance(values[name], int):
        name = values[name]
    return values[name]


def read_errno_sets():
    """The distinct errno numberings, generic first, and {UAPI dir: set key}."""
    generic, _ = read_errno_numbering(ASM_GENERIC / "errno.h")
    numberings = {}
    for path in sorted(UAPI.glob("*/asm/errno.h")):
        numberings[path.parent.parent.name] = read_errno_numbering(path)
    for t in TABLES:
        if t.uapi not in numberings:
            raise GenError(f"{UAPI / t.uapi}/asm/errno.h not found; {INSTALL_HINT}")
    groups = {"generic": (generic, {}, [])}
    arch_set = {}
    for arch, (values, comments) in numberings.items():
        key = next((k for k, g in groups.items() if g[0] == values), arch)
        groups.setdefault(key, (values, comments, []))[2].append(arch)
        arch_set[arch] = key
    sets = []
    for key, (values, comments, arches) in groups.items():
        primaries = []
        aliases = []
        numbers = {}
        for name, value in values.items():
            if isinstance(value, int):
                if value in numbers:
                    raise GenError(f"{key} errno: {name} has the number of {numbers[value]}")
                numbers[value] = name
                primaries.append(Errno(name, value, errno_message(name, generic, comments)))
            else:
                aliases.append((name, value))
        # glibc's ENOTSUP is not in the kernel headers; on Linux it equals EOPNOTSUPP.
        if "EOPNOTSUPP" not in values or "ENOTSUP" in values:
            raise GenError(f"{key} errno: expected EOPNOTSUPP and no ENOTSUP")
        aliases.append(("ENOTSUP", "EOPNOTSUPP"))
        sets.append(ErrnoSet(key, tuple(sorted(primaries, key=lambda e: e.number)),
                             tuple(aliases), tuple(arches)))
    return sets, arch_set


def errno_message(name, generic, comments):
    """glibc's text for the name (by its generic number); the kernel's comment for
    the few names only one architecture has."""
    if name in generic:
        return glibc_message(resolve(generic, name), name)
    comment = comments.get(name)
    if not comment or not all(" " <= c <= "~" for c in comment):
        raise GenError(f"{name}: not a generic errno and no printable kernel comment")
    return comment


def glibc_message(number, name):
    message = os.strerror(number)  # glibc's strerror, untranslated (C locale)
    if message.startswith("Unknown error"):
        raise GenError(f"glibc's strerror does not know {name} ({number})")
    if not all(" " <= c <= "~" for c in message):
        raise GenError(f"glibc's strerror({number}) is not printable ASCII: {message!r}")
    return message


# ----------------------------------------------------------------------------
# The namespaces against predefined macros


def check_macros():
    """Fails if a table's namespace is a macro some compiler predefines."""
    found = {}
    asked = []
    for probe in MACRO_PROBES:
        if not shutil.which(probe[0]):
            continue
        cmd = probe + ["-std=gnu++20", "-dM", "-E", "-x", "c++", "-"]
        r = subprocess.run(cmd, input="", capture_output=True, text=True, check=False)
        if r.returncode != 0:
            continue  # a target this compiler cannot build for
        asked.append(" ".join(probe))
        for line in r.stdout.splitlines():
            m = re.match(r"#define ([A-Za-z_]\w*)", line)
            if m:
                found.setdefault(m.group(1), " ".join(probe))
    bad = []
    for t in TABLES:
        if t.namespace in PREDEFINED_MACROS:
            bad.append(f"rawsys::{t.namespace}: predefined on some target (PREDEFINED_MACROS)")
        elif t.namespace in found:
            bad.append(f"rawsys::{t.namespace}: predefined by {found[t.namespace]}")
    return bad, asked


# ----------------------------------------------------------------------------
# Formatting helpers


def notice(sources, version):
    return (f"// Generated by {SCRIPT} from Linux {version[0]}.{version[1]} UAPI {sources}; "
            "do not edit.")


def enum_member(name):
    return name + "_" if name in CXX_KEYWORDS else name


def c_escape(s):
    out = []
    for c in s:
        if c in '"\\':
            out.append("\\" + c)
        elif " " <= c <= "~":
            out.append(c)
        else:
            raise GenError(f"unexpected character {c!r} in {s!r}")
    return "".join(out)


def string_pool(strings):
    """Packs strings NUL-terminated, one after another.

    Returns (offsets, literal lines). The literal's own terminating NUL ends
    the last string, so sizeof(pool) is exactly the packed size.
    """
    offsets = {}
    pieces = []
    offset = 0
    for s in strings:
        if s in offsets:
            continue
        if "\0" in s:
            raise GenError(f"NUL inside {s!r}")
        offsets[s] = offset
        offset += len(s) + 1
        pieces.append(c_escape(s))
    if offset - 1 >= NO_SYSCALL:
        raise GenError("string pool too large for unsigned short offsets")
    # One literal per line, whole strings only; "\0" is written after each
    # string but the last, and a literal is split ("\0" "7") where the next
    # string would otherwise extend the \0 into an octal escape.
    indent = "    "
    lines = []
    current = ""
    for i, piece in enumerate(pieces):
        last = i == len(pieces) - 1
        text = piece if last else piece + "\\0"
        if current and len(indent) + len(current) + len(text) + 2 > LINE_WIDTH:
            lines.append(f'{indent}"{current}"')
            current = ""
        if current and text[0] in "01234567":
            current += '" "'
        current += text
    lines.append(f'{indent}"{current}"')
    return offsets, lines


def u16_rows(values, big_endian, per_row=12):
    """String-literal lines holding unsigned shorts as two bytes each, in one
    byte order (read back with detail::u16_at): one token per line for the
    compiler, where an initialiser list costs it a constant per number. Each
    line is led by the index of its first value."""
    lines = []
    width = len(str(len(values) - 1)) if values else 1
    for start in range(0, len(values), per_row):
        pairs = [(v >> 8, v & 0xFF) if big_endian else (v & 0xFF, v >> 8)
                 for v in values[start:start + per_row]]
        row = "".join(f"\\x{a:02x}\\x{b:02x}" for a, b in pairs)
        lines.append(f'    /* {start:>{width}} */ "{row}"')
    return lines


def u16_block(*tables):
    """The pairs of each list of tables in the target's byte order (so that
    u16_at is one plain halfword load), the other order skipped by the
    preprocessor."""
    return (["#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__"]
            + [line for t in tables for line in u16_rows(t, True)]
            + ["#else"]
            + [line for t in tables for line in u16_rows(t, False)]
            + ["#endif"])


def fits_unsigned_short(values, what):
    for v in values:
        if not 0 <= v <= 0xFFFF:
            raise GenError(f"{what}: {v} does not fit in unsigned short")


# ----------------------------------------------------------------------------
# Output files


def num(v):
    """A number as the kernel's headers write it: hex from 0x10000 up."""
    return f"{v:#x}" if v >= 0x10000 else str(v)


def errc_type(set_key):
    return f"errc_{set_key}"


def gen_nr_header(table, syscalls, errno_set, version):
    """include/rawsys/nr/<key>.hpp: enum class nr, detail::nr_table<nr>, name(),
    find_nr() and the table's errc."""
    first = syscalls[0][1]
    near = [(n, v) for n, v in syscalls if v - first < MAX_SPAN]
    far = [(n, v) for n, v in syscalls if v - first >= MAX_SPAN]
    if len(far) > 8:
        raise GenError(f"{table.key}: {len(far)} numbers lie {MAX_SPAN} or more above "
                       f"{first}; is a base misread?")
    names_sorted = sorted(name for name, _ in syscalls)  # code-point order == strcmp order
    offsets, pool_lines = string_pool(names_sorted)
    limit = near[-1][1] + 1
    by_number = [NO_SYSCALL] * (limit - first)
    # Offsets count from the start of the table's literal: the pairs of
    # by_number and by_name come first, then the names.
    names_at = 2 * (limit - first) + 2 * len(near)
    for name, number in near:
        by_number[number - first] = names_at + offsets[name]
    near_names = {n for n, _ in near}
    number_of = dict(syscalls)
    by_name = [number_of[name] - first for name in names_sorted if name in near_names]
    fits_unsigned_short(by_number, f"{table.key} by_number")
    fits_unsigned_short(by_name, f"{table.key} by_name")
    if any(names_at + offsets[name] == NO_SYSCALL for name in names_sorted):
        raise GenError(f"{table.key}: a pool offset equals the 0xffff sentinel")

    ns = f"rawsys::{table.namespace}"
    out = [notice(table.label, version), "#pragma once", ""]
    out.append(f'#include "../errno/{errno_set.key}.hpp"')
    out.append('#include "lookup.hpp"')
    out.append("")
    out.append(f"namespace {ns} {{")
    out.append(f"// Every {table.human} system call number (Linux {version[0]}.{version[1]}), "
               "named as the kernel names it.")
    if table.base:
        out.append(f"// The kernel writes them as ({table.base.macro} + n), {table.base.macro} = "
                   f"{num(table.base.value)}.")
    escaped = [enum_member(name) for name, _ in syscalls if name in CXX_KEYWORDS]
    if escaped:
        out.append("// Names that are C++ keywords get a trailing underscore: "
                   + ", ".join(escaped) + ".")
    out.append("enum class nr : long {")
    far_names = {n for n, _ in far}
    private = {n for n, _ in arm_private_calls(table)} if table.arm_private else set()
    for name, number in syscalls:
        line = f"  {enum_member(name)} = {num(number)},"
        if name in CXX_KEYWORDS:
            line += f"  // kernel name: {name}"
        if name in private:
            line += f"  // ARM private: __ARM_NR_{name}"
        if name in GLIBC_MACRO_NAMES:
            line += f"  // NOTE: glibc defines a macro named {name}"
        out.append(line)
    out.append("};")
    out.append(f"}}  // namespace {ns}")
    out.append("")
    out.append("namespace rawsys::detail {")
    out.append(f"template <> struct nr_table<{ns}::nr> {{")
    out.append(f'  static constexpr const char arch[] = "{table.key}";')
    out.append(f"  static constexpr long count = {len(syscalls)};  // system calls in the table")
    out.append(f"  static constexpr long first = {num(first)};  // the lowest number")
    out.append(f"  static constexpr long limit = {num(limit)};  // one past the highest number in "
               "by_number")
    out.append("  // One literal (detail::u16_at reads its byte pairs): by_number[n - first], the")
    out.append("  // offset in data of the name of system call n (0xffff where no system call")
    out.append("  // has that number); by_name[i], the number (less first) of the i-th name in")
    out.append("  // name order; then the kernel's names, NUL-terminated, one after another,")
    out.append("  // sorted by name (strcmp order). As one token the offsets cost the compiler")
    out.append("  // next to nothing; as one object they take the bytes that arrays would.")
    out.append("  static constexpr long by_name = 2 * (limit - first);  // where by_name starts in data")
    out.append(f"  static constexpr long pool = {names_at};  // where the names start")
    out.append("  alignas(2) static constexpr char data[] =")
    out.extend(u16_block(by_number, by_name))
    out.extend(pool_lines[:-1])
    out.append(pool_lines[-1] + ";")
    if far:
        out.append(f"  // Calls {MAX_SPAN} or more above first, kept out of by_number: their "
                   "numbers and pool offsets.")
        out.append(f"  static constexpr long far_number[{len(far)}] = {{"
                   + ", ".join(f"{v:#x}" for _, v in far) + "};")
        out.append(f"  static constexpr unsigned short far_name[{len(far)}] = {{"
                   + ", ".join(str(names_at + offsets[n]) for n, _ in far) + "};")
    out.append("};")
    out.append("}  // namespace rawsys::detail")
    out.append("")
    out.extend(gen_sys_choices(table, ns, {name for name, _ in syscalls}))
    out.append(f"namespace {ns} {{")
    out.append(f"// {table.human} errno numbers ({errno_set.key} numbering).")
    out.append(f"using errc = rawsys::{errc_type(errno_set.key)};")
    out.append("using rawsys::message;")
    out.append("using rawsys::name;")
    out.append("// A template whose body depends on N, so that a program that never calls it")
    out.append("// instantiates nothing (Clang instantiates a constexpr function a")
    out.append("// non-dependent call names at once).")
    out.append("template <class N = nr>")
    out.append("constexpr result<N> find_nr(const char* s) noexcept { return find_nr_in<N>(s); }")
    out.append("template <detail::string_like S>")
    out.append("constexpr result<nr> find_nr(const S& s) noexcept {")
    out.append("  return find_nr_in<nr>(s);")
    out.append("}")
    out.append(f"}}  // namespace {ns}")
    return "\n".join(out) + "\n"


def gen_sys_choices(table, ns, names):
    """The table's rawsys::<ns>::sys namespace (SYS_CHOICES, SYS_TIME32, SYS_FACTS)."""
    def choice(wrapper, candidates):
        got = next((c for c in candidates if c in names), None)
        value = f"nr::{enum_member(got)}" if got else "none"
        return f"inline constexpr nr {wrapper} = {value};"
    out = [f"namespace {ns}::sys {{",
           f"// Which call each portable wrapper makes on {table.human} ({SCRIPT}: SYS_CHOICES).",
           "inline constexpr nr none = static_cast<nr>(-1);",
           "constexpr bool has(nr n) noexcept { return n != none; }"]
    out.extend(choice(w, c) for w, c in SYS_CHOICES)
    out.extend(f"inline constexpr bool {fact} = {'true' if test(names) else 'false'};"
               for fact, test in SYS_FACTS)
    out.append("// The calls with 32-bit times that the *_time64 ones fall back to.")
    out.append("namespace time32 {")
    out.extend(choice(w, c) for w, c in SYS_TIME32)
    out.append("}  // namespace time32")
    out.append(f"}}  // namespace {ns}::sys")
    out.append("")
    return out


def gen_all_header(tables, version):
    """include/rawsys/nr/all.hpp: every table."""
    out = [notice("asm/unistd*.h of every architecture", version), "#pragma once", ""]
    out.append("// Every kernel architecture's syscall table and errno numbering, for tracers "
               "and tools")
    out.append("// that name another personality's calls: rawsys::<table>::nr, find_nr(), "
               "errc.")
    for table, _ in tables:
        out.append(f'#include "{table.key}.hpp"  // rawsys::{table.namespace}')
    return "\n".join(out) + "\n"


def errno_sources(errno_set):
    if errno_set.key == "generic":
        return "asm-generic/errno*.h and glibc's strerror"
    return f"asm/errno.h ({errno_set.key}) and glibc's strerror"


def gen_errno_header(errno_set, tables, version):
    """include/rawsys/errno/<set>.hpp: enum class errc_<set> and detail::errno_table."""
    errnos = errno_set.errnos
    dense = [e for e in errnos if e.number < ERRNO_DENSE]
    far = [e for e in errnos if e.number >= ERRNO_DENSE]
    limit = dense[-1].number + 1
    by_number = {e.number: e for e in dense}
    name_offsets, name_lines = string_pool(["?"] + [e.name for e in errnos])
    message_offsets, message_lines = string_pool(
        ["Unknown error"] + [e.message for e in errnos])
    slots = [by_number.get(n) for n in range(limit)] + far
    # Offsets count from the start of the literal: the slots' pairs come first.
    name_off = [2 * len(slots) + (name_offsets[e.name] if e else 0) for e in slots]
    message_off = [2 * len(slots) + (message_offsets[e.message] if e else 0) for e in slots]
    fits_unsigned_short(name_off, f"errno {errno_set.key} name_off")
    fits_unsigned_short(message_off, f"errno {errno_set.key} message_off")
    missing = ", ".join(str(n) for n in range(limit) if n not in by_number)
    users = ", ".join(f"rawsys::{t.namespace}" for t, _ in tables if t.uapi in errno_set.arches)

    enum = errc_type(errno_set.key)
    out = [notice(errno_sources(errno_set), version), "#pragma once", ""]
    out.append('#include "lookup.hpp"')
    out.append("")
    out.append("namespace rawsys {")
    out.append(f"// Every Linux errno, {errno_set.key} numbering; the errc of:")
    out.extend(wrap_words(users + ".", "// "))
    out.append(f"enum class {enum} : int {{")
    for e in errnos:
        out.append(f"  {e.name.lower()} = {e.number},  // {e.message}")
    for alias, target in errno_set.aliases:
        line = f"  {alias.lower()} = {target.lower()},"
        if alias == "ENOTSUP":
            line += "  // glibc's ENOTSUP, same value on Linux"
        out.append(line)
    out.append("};")
    out.append("}  // namespace rawsys")
    out.append("")
    out.append("namespace rawsys::detail {")
    out.append(f"template <> struct errno_table<{enum}> {{")
    out.append(f"  static constexpr unsigned limit = {limit};  // one past the highest errno "
               f"below {ERRNO_DENSE}")
    out.append('  // The name of errno e ("EPERM") is at names + u16_at(names, e), and is the "?"')
    out.extend(wrap_words(f'after the pairs where no errno has number e ({missing}).', "  // "))
    if far:
        out.append(f"  // Errnos at {ERRNO_DENSE} and above follow at limit + i, i their index "
                   "in far_number.")
        out.append(f"  static constexpr unsigned far_number[{len(far)}] = {{"
                   + ", ".join(str(e.number) for e in far) + "};")
    out.append(f"  static constexpr unsigned slots = {len(slots)};  // limit, then the far errnos")
    out.append("  // names and messages: a byte pair (detail::u16_at) per slot, the offset of")
    out.append("  // its text in the literal; then the texts. One token each for the compiler,")
    out.append("  // and the bytes that arrays would take.")
    out.append("  alignas(2) static constexpr char names[] =")
    out.extend(u16_block(name_off))
    out.extend(name_lines[:-1])
    out.append(name_lines[-1] + ";")
    out.append("  // glibc's strerror text; \"Unknown error\" (the first) where no errno has the number.")
    out.append("  alignas(2) static constexpr char messages[] =")
    out.extend(u16_block(message_off))
    out.extend(message_lines[:-1])
    out.append(message_lines[-1] + ";")
    out.append("};")
    out.append("}  // namespace rawsys::detail")
    return "\n".join(out) + "\n"


def wrap_words(text, prefix):
    lines = []
    current = ""
    for word in text.split():
        if current and len(prefix) + len(current) + 1 + len(word) > LINE_WIDTH:
            lines.append(prefix + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(prefix + current)
    return lines


def gen_nr_vs_system(tables, version):
    """tests/generated/nr_vs_system.hpp: the target's table against its <sys/syscall.h>."""
    out = [notice("asm/unistd*.h of every architecture", version), "#pragma once", ""]
    out.append("// Included by the tests after <sys/syscall.h> and <rawsys/nr.hpp>: every "
               "__NR_ macro the")
    out.append("// target's system headers define must equal rawsys's number for that name, "
               "in the table")
    out.append("// of the target's ABI.")
    out.append("namespace rawsys_test {")
    for table, syscalls in tables:
        ns = f"rawsys::{table.namespace}::nr"
        out.append("")
        out.append(f"#if {table.guard}")
        for name, _ in syscalls:
            out.append(f"#ifdef __NR_{name}")
            out.append(f"static_assert(static_cast<long>({ns}::{enum_member(name)}) == "
                       f'__NR_{name}, "{table.key} {name}");')
            out.append("#endif")
        out.append("// How many of the table's names the system headers define.")
        out.append("inline constexpr int nr_names_in_system_headers = 0")
        for name, _ in syscalls:
            out.append(f"#ifdef __NR_{name}")
            out.append("    + 1")
            out.append("#endif")
        out.append("    ;")
        out.append(f"#endif  // {table.key}")
    out.append("}  // namespace rawsys_test")
    return "\n".join(out) + "\n"


def gen_errno_vs_system(sets, version):
    """tests/generated/errno_vs_system.hpp: rawsys::errc against the target's <errno.h>."""
    names = []
    for s in sets:
        for n in [e.name for e in s.errnos] + [alias for alias, _ in s.aliases]:
            if n not in names:
                names.append(n)
    out = [notice("asm/errno.h of every architecture and glibc's strerror", version),
           "#pragma once", ""]
    out.append("// Included by the tests after <errno.h> and <rawsys/errc.hpp>: every errno "
               "macro the target's")
    out.append("// system headers define must equal rawsys::errc's value for that name (the "
               "target's numbering).")
    out.append("namespace rawsys_test {")
    for name in names:
        out.append(f"#ifdef {name}")
        out.append(f"static_assert(static_cast<int>(rawsys::errc::{name.lower()}) == {name}, "
                   f'"{name}");')
        out.append("#endif")
    out.append("")
    out.append("// How many of the names (aliases included) the system headers define.")
    out.append("inline constexpr int errno_names_in_system_headers = 0")
    for name in names:
        out.append(f"#ifdef {name}")
        out.append("    + 1")
        out.append("#endif")
    out.append("    ;")
    out.append("}  // namespace rawsys_test")
    return "\n".join(out) + "\n"


def generate():
    """{relative path: content} for every generated file."""
    version = kernel_version()
    check_every_header_read()
    tables = [(t, read_syscalls(t)) for t in TABLES]
    sets, arch_set = read_errno_sets()
    set_of = {s.key: s for s in sets}
    files = {}
    for table, syscalls in tables:
        files[f"include/rawsys/nr/{table.key}.hpp"] = gen_nr_header(
            table, syscalls, set_of[arch_set[table.uapi]], version)
    files["include/rawsys/nr/all.hpp"] = gen_all_header(tables, version)
    for s in sets:
        files[f"include/rawsys/errno/{s.key}.hpp"] = gen_errno_header(s, tables, version)
    files["tests/generated/nr_vs_system.hpp"] = gen_nr_vs_system(tables, version)
    files["tests/generated/errno_vs_system.hpp"] = gen_errno_vs_system(sets, version)
    return files


def main(argv):
    parser = argparse.ArgumentParser(
        description="Generate rawsys's syscall and errno tables from the Linux UAPI headers.")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if any generated file is stale")
    parser.add_argument("--out", type=Path, default=REPO_ROOT, metavar="DIR",
                        help="output root (default: the repository root)")
    parser.add_argument("--check-macros", action="store_true",
                        help="exit 1 if a table's namespace is a predefined macro on some target")
    args = parser.parse_args(argv)

    if args.check_macros:
        bad, asked = check_macros()
        for b in bad:
            print(f"{SCRIPT}: {b}", file=sys.stderr)
        print(f"{len(TABLES)} namespaces against the macros of {len(asked)} compilers "
              f"({', '.join(asked)}) and PREDEFINED_MACROS: "
              + ("collisions" if bad else "none predefined"))
        return 1 if bad else 0

    # strerror's text follows LC_MESSAGES; the tables hold the untranslated text.
    locale.setlocale(locale.LC_MESSAGES, "C")
    try:
        files = generate()
    except GenError as e:
        print(f"{SCRIPT}: error: {e}", file=sys.stderr)
        return 2

    stale = []
    for rel, content in files.items():
        path = args.out / rel
        data = content.encode("ascii")
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            current = None
        if current == data:
            continue
        stale.append(rel)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {rel}")

    if args.check:
        if stale:
            print(f"{SCRIPT} --check: stale generated files (run {SCRIPT}):", file=sys.stderr)
            for rel in stale:
                print(f"  {rel}", file=sys.stderr)
            return 1
        print(f"{SCRIPT} --check: all {len(files)} generated files are up to date")
    elif not stale:
        print(f"all {len(files)} generated files already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
