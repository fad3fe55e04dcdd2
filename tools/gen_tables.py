#!/usr/bin/env python3
"""Generate rawsys's system call and errno tables from the Linux UAPI headers.

Reads (from linux-libc-dev 6.12 or newer, on Debian 12 from bookworm-backports):
  /usr/include/linux/version.h                    kernel version (LINUX_VERSION_CODE)
  /usr/lib/linux/uapi/x86/asm/unistd_64.h         x86-64 system call numbers
  /usr/lib/linux/uapi/x86/asm/unistd_32.h         i386 system call numbers
  /usr/lib/linux/uapi/arm64/asm/unistd_64.h       arm64 system call numbers
  /usr/include/asm-generic/errno-base.h, errno.h  errno numbers
and glibc's strerror() text (through os.strerror) for the errno messages.

Writes, relative to the repository root (or to --out DIR):
  include/rawsys/nr/x86_64.hpp, nr/i386.hpp, nr/aarch64.hpp   syscall enums and name tables
  include/rawsys/errno_table.hpp                              errc enum, names and messages
  tests/generated/nr_vs_system.hpp                            compile-time checks against
  tests/generated/errno_vs_system.hpp                         <sys/syscall.h> and <errno.h>

Usage:
  tools/gen_tables.py            write the files (only those whose content changes)
  tools/gen_tables.py --check    write nothing; exit 1 listing any file that is stale
  tools/gen_tables.py --out DIR  write (or --check) under DIR instead of the repository
"""

import argparse
import locale
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "tools/gen_tables.py"

VERSION_H = Path("/usr/include/linux/version.h")
ERRNO_BASE_H = Path("/usr/include/asm-generic/errno-base.h")
ERRNO_H = Path("/usr/include/asm-generic/errno.h")
MIN_KERNEL = (6, 12)
INSTALL_HINT = (
    "install the 6.12 (or newer) kernel headers: "
    "apt-get install -t bookworm-backports linux-libc-dev"
)

LINE_WIDTH = 100  # generated lines stay within this many columns
NO_SYSCALL = 0xFFFF  # by_number entry for numbers no system call has


@dataclass(frozen=True)
class Arch:
    key: str  # file name under include/rawsys/nr/ and nr_table<>::arch
    namespace: str  # rawsys::<namespace>
    human: str  # name used in comments
    source: Path  # the kernel's generated unistd header
    source_label: str  # how the header line names the source
    guard: str  # predefined macro of compilers targeting this arch
    max_number: int  # every number must be below this


ARCHES = [
    Arch("x86_64", "x86_64", "x86-64", Path("/usr/lib/linux/uapi/x86/asm/unistd_64.h"),
         "asm/unistd_64.h (x86)", "__x86_64__",
         # x32 numbers (512 and up, with __X32_SYSCALL_BIT) live in unistd_x32.h only.
         512),
    # The namespace is ia32, not i386: i386 is a predefined macro on 32-bit x86.
    Arch("i386", "ia32", "i386", Path("/usr/lib/linux/uapi/x86/asm/unistd_32.h"),
         "asm/unistd_32.h (x86)", "__i386__", NO_SYSCALL),
    Arch("aarch64", "aarch64", "AArch64", Path("/usr/lib/linux/uapi/arm64/asm/unistd_64.h"),
         "asm/unistd_64.h (arm64)", "__aarch64__", NO_SYSCALL),
]

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
# (glibc 2.36): every enum member of the three tables against the macros of
# `-dM -E` on a file including <unistd.h>, <fcntl.h>, <sys/stat.h>,
# <sys/mman.h>, <signal.h>, <time.h>, <sys/syscall.h>, <sys/socket.h>,
# <sys/wait.h>, <sys/types.h>, <sys/ioctl.h>, <sched.h>, <poll.h>, <errno.h>
# and about fifty more libc, libstdc++ and <linux/...> headers, with g++,
# g++ -m32, clang++, clang++ -m32 and aarch64-linux-gnu-g++-12, in -std=c++20
# and -std=gnu++20, with and without _GNU_SOURCE, _FILE_OFFSET_BITS=64,
# _TIME_BITS=64 and _FORTIFY_SOURCE. None collided. A name listed here gets a
# warning comment in its enum.
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
            or re.fullmatch(r"#ifndef _ASM_[A-Z0-9_]+_H", line)
            or re.fullmatch(r"#define _ASM_[A-Z0-9_]+_H", line)
            or re.fullmatch(r"#endif\s*", line))


def read_syscalls(arch):
    """[(name, number)] in numeric order, from the arch's unistd header."""
    text = strip_c_comments(read_source(arch.source))
    by_name = {}
    by_number = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        m = re.fullmatch(r"#define __NR_([a-z0-9_]+) (\d+)", line)
        if not m:
            if guard_line(line):
                continue
            raise GenError(f"{arch.source}:{lineno}: expected '#define __NR_name number', "
                           f"got: {line!r}")
        name, number = m.group(1), int(m.group(2))
        where = f"{arch.source}:{lineno}"
        if name in by_name:
            raise GenError(f"{where}: __NR_{name} defined twice")
        if number in by_number:
            raise GenError(f"{where}: __NR_{name} has the number of __NR_{by_number[number]}")
        if number >= arch.max_number:
            raise GenError(f"{where}: __NR_{name} = {number} is out of range for "
                           f"{arch.human} (must be below {arch.max_number})")
        if name.endswith("_"):
            raise GenError(f"{where}: __NR_{name} ends in '_', which the enum's keyword "
                           "escaping relies on no kernel name doing")
        by_name[name] = number
        by_number[number] = name
    if not by_name:
        raise GenError(f"{arch.source}: no system calls found")
    return sorted(by_name.items(), key=lambda item: item[1])


@dataclass(frozen=True)
class Errno:
    name: str  # EPERM
    number: int
    message: str  # glibc's strerror text


def read_errnos():
    """Primary errnos in numeric order and aliases [(alias, target)] in header order."""
    primaries = {}
    aliases = []
    for path in (ERRNO_BASE_H, ERRNO_H):
        text = strip_c_comments(read_source(path))
        for lineno, line in enumerate(text.splitlines(), 1):
            where = f"{path}:{lineno}"
            if guard_line(line) or re.fullmatch(r"#include <asm-generic/errno-base\.h>\s*", line):
                continue
            m = re.fullmatch(r"#define\s+(E[A-Z0-9]+)\s+(\d+|E[A-Z0-9]+)\s*", line)
            if not m:
                raise GenError(f"{where}: expected '#define ENAME number' or "
                               f"'#define ENAME EOTHER', got: {line!r}")
            name, value = m.groups()
            known = set(primaries) | {a for a, _ in aliases}
            if name in known:
                raise GenError(f"{where}: {name} defined twice")
            if value.isdigit():
                number = int(value)
                for other in primaries.values():
                    if other.number == number:
                        raise GenError(f"{where}: {name} has the number of {other.name}")
                primaries[name] = Errno(name, number, glibc_message(number, name))
            elif value in primaries:
                aliases.append((name, value))
            else:
                raise GenError(f"{where}: {name} is defined as {value}, which is not an "
                               "errno defined before it")
    if not primaries:
        raise GenError(f"{ERRNO_H}: no errnos found")
    # glibc's ENOTSUP is not in the kernel headers; on Linux it equals EOPNOTSUPP.
    if "EOPNOTSUPP" not in primaries:
        raise GenError(f"{ERRNO_H}: no EOPNOTSUPP")
    aliases.append(("ENOTSUP", "EOPNOTSUPP"))
    return sorted(primaries.values(), key=lambda e: e.number), aliases


def glibc_message(number, name):
    message = os.strerror(number)  # glibc's strerror, untranslated (C locale)
    if message.startswith("Unknown error"):
        raise GenError(f"glibc's strerror does not know {name} ({number})")
    if not all(" " <= c <= "~" for c in message):
        raise GenError(f"glibc's strerror({number}) is not printable ASCII: {message!r}")
    return message


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


def number_rows(values, fmt=str, per_row=10):
    """Array initialiser lines, per_row values each, each row led by its first index."""
    lines = []
    width = len(str(len(values) - 1)) if values else 1
    for start in range(0, len(values), per_row):
        row = ", ".join(fmt(v) for v in values[start:start + per_row])
        lines.append(f"    /* {start:>{width}} */ {row},")
    return lines


def fits_unsigned_short(values, what):
    for v in values:
        if not 0 <= v <= 0xFFFF:
            raise GenError(f"{what}: {v} does not fit in unsigned short")


# ----------------------------------------------------------------------------
# Output files


def gen_nr_header(arch, syscalls, version):
    """include/rawsys/nr/<arch>.hpp: enum class nr and detail::nr_table<nr>."""
    names_sorted = sorted(name for name, _ in syscalls)  # code-point order == strcmp order
    offsets, pool_lines = string_pool(names_sorted)
    number_of = dict(syscalls)
    limit = syscalls[-1][1] + 1
    by_number = [NO_SYSCALL] * limit
    for name, number in syscalls:
        by_number[number] = offsets[name]
    by_name = [number_of[name] for name in names_sorted]
    fits_unsigned_short(by_number, f"{arch.key} by_number")
    fits_unsigned_short(by_name, f"{arch.key} by_name")
    if any(offsets[name] == NO_SYSCALL for name in names_sorted):
        raise GenError(f"{arch.key}: a pool offset equals the 0xffff sentinel")

    ns = f"rawsys::{arch.namespace}"
    out = [notice(arch.source_label, version), "#pragma once", ""]
    out.append(f"namespace {ns} {{")
    out.append(f"// Every {arch.human} system call number (Linux {version[0]}.{version[1]}), "
               "named as the kernel names it.")
    escaped = [enum_member(name) for name, _ in syscalls if name in CXX_KEYWORDS]
    if escaped:
        out.append("// Names that are C++ keywords get a trailing underscore: "
                   + ", ".join(escaped) + ".")
    out.append("enum class nr : long {")
    for name, number in syscalls:
        line = f"  {enum_member(name)} = {number},"
        if name in CXX_KEYWORDS:
            line += f"  // kernel name: {name}"
        if name in GLIBC_MACRO_NAMES:
            line += f"  // NOTE: glibc defines a macro named {name}"
        out.append(line)
    out.append("};")
    out.append(f"}}  // namespace {ns}")
    out.append("")
    out.append("namespace rawsys::detail {")
    out.append("template <class Nr> struct nr_table;")
    out.append(f"template <> struct nr_table<{ns}::nr> {{")
    out.append(f'  static constexpr const char arch[] = "{arch.key}";')
    out.append(f"  static constexpr long count = {len(syscalls)};  // system calls in the table")
    out.append(f"  static constexpr long limit = {limit};  // one past the highest number")
    out.append("  // The kernel's names, NUL-terminated, one after another, sorted by name "
               "(strcmp order).")
    out.append("  static constexpr char pool[] =")
    out.extend(pool_lines[:-1])
    out.append(pool_lines[-1] + ";")
    out.append("  // by_number[n]: offset in pool of the name of system call n; 0xffff where "
               "no system call")
    out.append("  // has that number.")
    out.append("  static constexpr unsigned short by_number[limit] = {")
    out.extend(number_rows(by_number, lambda v: "0xffff" if v == NO_SYSCALL else str(v)))
    out.append("  };")
    out.append("  // by_name[i]: the number of the i-th name in pool order (for binary search "
               "by name).")
    out.append("  static constexpr unsigned short by_name[count] = {")
    out.extend(number_rows(by_name))
    out.append("  };")
    out.append("};")
    out.append("}  // namespace rawsys::detail")
    return "\n".join(out) + "\n"


ERRNO_SOURCES = "asm-generic/errno*.h and glibc's strerror"


def gen_errno_header(errnos, aliases, version):
    """include/rawsys/errno_table.hpp: enum class errc and detail::errno_table."""
    limit = errnos[-1].number + 1
    by_number = {e.number: e for e in errnos}

    name_offsets, name_lines = string_pool(["?"] + [e.name for e in errnos])
    message_offsets, message_lines = string_pool(
        ["Unknown error"] + [e.message for e in errnos])
    name_off = [name_offsets[by_number[n].name] if n in by_number else 0 for n in range(limit)]
    message_off = [message_offsets[by_number[n].message] if n in by_number else 0
                   for n in range(limit)]
    fits_unsigned_short(name_off, "errno name_off")
    fits_unsigned_short(message_off, "errno message_off")
    missing = ", ".join(str(n) for n in range(limit) if n not in by_number)

    out = [notice(ERRNO_SOURCES, version), "#pragma once", ""]
    out.append("namespace rawsys {")
    out.append("// Every Linux errno (asm-generic numbering, used by x86-64, i386 and arm64).")
    out.append("enum class errc : int {")
    for e in errnos:
        out.append(f"  {e.name.lower()} = {e.number},  // {e.message}")
    for alias, target in aliases:
        line = f"  {alias.lower()} = {target.lower()},"
        if alias == "ENOTSUP":
            line += "  // glibc's ENOTSUP, same value on Linux"
        out.append(line)
    out.append("};")
    out.append("}  // namespace rawsys")
    out.append("")
    out.append("namespace rawsys::detail {")
    out.append("struct errno_table {")
    out.append(f"  static constexpr int limit = {limit};  // one past the highest errno")
    out.append('  // names + name_off[e] is "EPERM" etc.; name_off[e] == 0 (the leading "?") '
               "where no errno")
    out.append(f"  // has number e ({missing}).")
    out.append("  static constexpr char names[] =")
    out.extend(name_lines[:-1])
    out.append(name_lines[-1] + ";")
    out.append("  static constexpr unsigned short name_off[limit] = {")
    out.extend(number_rows(name_off))
    out.append("  };")
    out.append("  // glibc's strerror text; message_off[e] == 0 (\"Unknown error\") where no "
               "errno has number e.")
    out.append("  static constexpr char messages[] =")
    out.extend(message_lines[:-1])
    out.append(message_lines[-1] + ";")
    out.append("  static constexpr unsigned short message_off[limit] = {")
    out.extend(number_rows(message_off))
    out.append("  };")
    out.append("};")
    out.append("}  // namespace rawsys::detail")
    return "\n".join(out) + "\n"


def gen_nr_vs_system(tables, version):
    """tests/generated/nr_vs_system.hpp: each table against the target's <sys/syscall.h>."""
    labels = [arch.source_label for arch, _ in tables]
    sources = ", ".join(labels[:-1]) + " and " + labels[-1]
    out = [notice(sources, version), "#pragma once", ""]
    out.append("// Included by the tests after <sys/syscall.h> and the rawsys nr headers: "
               "every __NR_ macro")
    out.append("// the target's system headers define must equal rawsys's number for that "
               "name.")
    out.append("namespace rawsys_test {")
    for arch, syscalls in tables:
        ns = f"rawsys::{arch.namespace}::nr"
        out.append("")
        out.append(f"#if defined({arch.guard})")
        for name, _ in syscalls:
            out.append(f"#ifdef __NR_{name}")
            out.append(f"static_assert(static_cast<long>({ns}::{enum_member(name)}) == "
                       f'__NR_{name}, "{arch.key} {name}");')
            out.append("#endif")
        out.append("// How many of the table's names the system headers define.")
        out.append("inline constexpr int nr_names_in_system_headers = 0")
        for name, _ in syscalls:
            out.append(f"#ifdef __NR_{name}")
            out.append("    + 1")
            out.append("#endif")
        out.append("    ;")
        out.append(f"#endif  // {arch.guard}")
    out.append("}  // namespace rawsys_test")
    return "\n".join(out) + "\n"


def gen_errno_vs_system(errnos, aliases, version):
    """tests/generated/errno_vs_system.hpp: errc against the target's <errno.h>."""
    names = [e.name for e in errnos] + [alias for alias, _ in aliases]
    out = [notice(ERRNO_SOURCES, version), "#pragma once", ""]
    out.append("// Included by the tests after <errno.h> and <rawsys/errno_table.hpp>: every "
               "errno macro")
    out.append("// the target's system headers define must equal rawsys's value for that name.")
    out.append("namespace rawsys_test {")
    for name in names:
        out.append(f"#ifdef {name}")
        out.append(f"static_assert(static_cast<int>(rawsys::errc::{name.lower()}) == {name}, "
                   f'"{name}");')
        out.append("#endif")
    out.append("")
    out.append("// How many of the table's names (aliases included) the system headers define.")
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
    tables = [(arch, read_syscalls(arch)) for arch in ARCHES]
    errnos, aliases = read_errnos()
    files = {}
    for arch, syscalls in tables:
        files[f"include/rawsys/nr/{arch.key}.hpp"] = gen_nr_header(arch, syscalls, version)
    files["include/rawsys/errno_table.hpp"] = gen_errno_header(errnos, aliases, version)
    files["tests/generated/nr_vs_system.hpp"] = gen_nr_vs_system(tables, version)
    files["tests/generated/errno_vs_system.hpp"] = gen_errno_vs_system(errnos, aliases, version)
    return files


# ----------------------------------------------------------------------------


def main(argv):
    parser = argparse.ArgumentParser(
        description="Generate rawsys's syscall and errno tables from the Linux UAPI headers.")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if any generated file is stale")
    parser.add_argument("--out", type=Path, default=REPO_ROOT, metavar="DIR",
                        help="output root (default: the repository root)")
    args = parser.parse_args(argv)

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
