#!/usr/bin/env python3
"""Writes docs/coverage.md: every system call in the 6.12 tables of every
supported ISA (tools/isas.py; include/rawsys/nr/<key>.hpp), one row each,
saying on each ISA what rawsys makes of it:

  wrapped    a typed wrapper makes it (found as tools/gen_api_table.py finds
             the syscalls each wrapper makes: imported, not copied)
  made       rawsys's own code makes it, not a wrapper a program calls (the
             return from a signal handler): MADE_BY below, with where
  vdso       the kernel's own code makes it, no program's: the return from
             a signal handler through the vDSO (MADE_BY_KERNEL below)
  legacy     a current call replaces it (open -> openat): LEGACY below
  obsolete   the kernel removed it or answers ENOSYS (create_module):
             OBSOLETE below, with the version
  missing    none of these: a current call still to be wrapped
  -          not in that ISA's table

The header of the file counts each kind per ISA; the generator prints the
same counts.

usage: tools/gen_coverage.py          writes docs/coverage.md
       tools/gen_coverage.py --check  exits 1 if docs/coverage.md is stale, or if a
                                      fact below names a syscall no table has"""
import argparse
import os
import re
import sys

import gen_api_table
import isas
from gen_tables import CXX_KEYWORDS

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "docs", "coverage.md")

# A syscall that a current one replaces: name -> (what to use, why). It is
# legacy on an ISA whose table has one of the syscalls named in "what to use"
# (or where that names none: /proc files); elsewhere (getuid on x86-64, where
# no getuid32 exists) it is current. Where a wrapper makes it, it is wrapped.
LEGACY = {
    # Paths: the *at forms (a directory descriptor, flags) replace them.
    "open": ("openat", "the *at form"),
    "creat": ("openat", "open(O_CREAT|O_WRONLY|O_TRUNC)"),
    "access": ("faccessat2", "the *at form with flags"),
    "faccessat": ("faccessat2", "no flags argument (AT_EACCESS, AT_SYMLINK_NOFOLLOW)"),
    "chmod": ("fchmodat", "the *at form"),
    "chown": ("fchownat", "the *at form"),
    "lchown": ("fchownat", "fchownat(AT_SYMLINK_NOFOLLOW)"),
    "chown32": ("fchownat", "the *at form"),
    "lchown32": ("fchownat", "fchownat(AT_SYMLINK_NOFOLLOW)"),
    "link": ("linkat", "the *at form"),
    "unlink": ("unlinkat", "the *at form"),
    "rmdir": ("unlinkat", "unlinkat(AT_REMOVEDIR)"),
    "mkdir": ("mkdirat", "the *at form"),
    "mknod": ("mknodat", "the *at form"),
    "rename": ("renameat2", "the *at form with flags"),
    "renameat": ("renameat2", "no flags argument"),
    "symlink": ("symlinkat", "the *at form"),
    "readlink": ("readlinkat", "the *at form"),
    "utime": ("utimensat", "whole seconds, no *at form"),
    "utimes": ("utimensat", "microseconds, no *at form"),
    "futimesat": ("utimensat", "microseconds"),
    "stat": ("newfstatat, statx", "the *at form"),
    "lstat": ("newfstatat, statx", "newfstatat(AT_SYMLINK_NOFOLLOW)"),
    "oldstat": ("statx", "the pre-1.0 struct stat"),
    "oldlstat": ("statx", "the pre-1.0 struct stat"),
    "oldfstat": ("statx", "the pre-1.0 struct stat"),
    "stat64": ("fstatat64, statx", "the *at form"),
    "lstat64": ("fstatat64, statx", "fstatat64(AT_SYMLINK_NOFOLLOW)"),
    "getdents": ("getdents64", "32-bit inode numbers and offsets"),
    "readdir": ("getdents64", "one entry per call"),
    "ustat": ("statfs", "by device number"),
    "sysfs": ("/proc/filesystems", "the filesystem types, by index"),
    "umount": ("umount2", "no flags"),
    "uselib": ("mmap, mmap2", "loads an a.out shared library"),
    "remap_file_pages": ("mmap, mmap2", "emulated with separate mappings since 3.16"),
    # Readiness and events: the forms with flags or a signal mask.
    "select": ("pselect6", "a timeval and no signal mask"),
    "_newselect": ("pselect6", "a timeval and no signal mask"),
    "poll": ("ppoll", "milliseconds and no signal mask"),
    "epoll_create": ("epoll_create1", "a size hint and no flags"),
    "epoll_wait": ("epoll_pwait", "no signal mask"),
    "pipe": ("pipe2", "no flags"),
    "accept": ("accept4", "no flags"),
    "recv": ("recvfrom", "recvfrom with no address"),
    "send": ("sendto", "sendto with no address"),
    "dup2": ("dup3", "no flags"),
    "eventfd": ("eventfd2", "no flags"),
    "signalfd": ("signalfd4", "no flags"),
    "inotify_init": ("inotify_init1", "no flags"),
    # Processes and time.
    "waitpid": ("wait4, waitid", "the pre-wait4 call"),
    "stime": ("clock_settime", "whole seconds"),
    # Signals: the rt_* calls (a 64-bit mask and its size) replace them.
    "signal": ("rt_sigaction", "System V semantics"),
    "sigaction": ("rt_sigaction", "a 32-bit mask"),
    "sigprocmask": ("rt_sigprocmask", "a 32-bit mask"),
    "sigpending": ("rt_sigpending", "a 32-bit mask"),
    "sigsuspend": ("rt_sigsuspend", "a 32-bit mask"),
    "sigreturn": ("rt_sigreturn", "the frame of a handler without SA_SIGINFO"),
    "sgetmask": ("rt_sigprocmask", "a 32-bit mask"),
    "ssetmask": ("rt_sigprocmask", "a 32-bit mask"),
    # The 16-bit id forms where the ISA has the *32 ones (i386, arm).
    "getuid": ("getuid32", "16-bit ids"),
    "geteuid": ("geteuid32", "16-bit ids"),
    "getgid": ("getgid32", "16-bit ids"),
    "getegid": ("getegid32", "16-bit ids"),
    "setuid": ("setuid32", "16-bit ids"),
    "setgid": ("setgid32", "16-bit ids"),
    "setreuid": ("setreuid32", "16-bit ids"),
    "setregid": ("setregid32", "16-bit ids"),
    "setresuid": ("setresuid32", "16-bit ids"),
    "setresgid": ("setresgid32", "16-bit ids"),
    "getresuid": ("getresuid32", "16-bit ids"),
    "getresgid": ("getresgid32", "16-bit ids"),
    "getgroups": ("getgroups32", "16-bit ids"),
    "setgroups": ("setgroups32", "16-bit ids"),
    "setfsuid": ("setfsuid32", "16-bit ids"),
    "setfsgid": ("setfsgid32", "16-bit ids"),
    "fchown": ("fchown32", "16-bit ids"),
    # The 32-bit-offset forms where the ISA has the 64-bit ones.
    "fstat": ("fstat64, statx", "32-bit sizes and inode numbers"),
    "fcntl": ("fcntl64", "32-bit struct flock offsets"),
    "truncate": ("truncate64", "32-bit lengths"),
    "ftruncate": ("ftruncate64", "32-bit lengths"),
    "statfs": ("statfs64", "32-bit block counts"),
    "fstatfs": ("fstatfs64", "32-bit block counts"),
    "sendfile": ("sendfile64", "a 32-bit offset"),
    "lseek": ("_llseek", "a 32-bit offset"),
    "mmap": ("mmap2", "a 32-bit offset in bytes"),
    "fadvise64": ("fadvise64_64", "a 32-bit length"),
    "getrlimit": ("ugetrlimit, prlimit64", "limits clamped to a signed 32-bit value"),
    # Multiplexers whose calls have their own numbers.
    "socketcall": ("socket, bind, connect, ...", "one number for the socket calls (each has its own since 4.3)"),
    "ipc": ("msgget, semget, shmget, ...", "one number for System V IPC (each call has its own since 5.1)"),
    # Replaced interfaces.
    "idle": ("(none)", "the boot process's idle loop, EPERM for any other"),
    "vm86old": ("vm86", "the first form"),
    "olduname": ("uname", "the old struct utsname"),
    "oldolduname": ("uname", "the oldest struct utsname"),
    "pciconfig_read": ("/sys/bus/pci", "PCI configuration space"),
    "pciconfig_write": ("/sys/bus/pci", "PCI configuration space"),
    "pciconfig_iobase": ("/sys/bus/pci", "PCI configuration space"),
    "getpgrp": ("getpgid", "getpgid(0)"),
    "nice": ("setpriority", "getpriority and setpriority, with the absolute value"),
    "setrlimit": ("prlimit64", "prlimit64(0, ...): 64-bit limits"),
    "ugetrlimit": ("prlimit64", "prlimit64(0, ...): 64-bit limits"),
    "vfork": ("clone", "clone with CLONE_VM|CLONE_VFORK and a stack of the child's own: a vfork "
              "wrapper would return into a frame the child has already used"),
}

# A syscall the kernel removed or stubs: name -> (kernel version, what happened).
OBSOLETE = {
    "create_module": ("2.6", "removed with the old module loader"),
    "get_kernel_syms": ("2.6", "removed with the old module loader"),
    "query_module": ("2.6", "removed with the old module loader"),
    "nfsservctl": ("3.1", "removed: the nfsd filesystem replaces it"),
    "_sysctl": ("5.5", "binary sysctl removed: ENOSYS"),
    "bdflush": ("2.6", "a no-op: the kernel's own threads flush"),
    "afs_syscall": ("1.0", "never implemented: ENOSYS"),
    "break": ("1.0", "never implemented: ENOSYS"),
    "ftime": ("1.0", "never implemented: ENOSYS"),
    "gtty": ("1.0", "never implemented: ENOSYS"),
    "stty": ("1.0", "never implemented: ENOSYS"),
    "lock": ("1.0", "never implemented: ENOSYS"),
    "mpx": ("1.0", "never implemented: ENOSYS"),
    "prof": ("1.0", "never implemented: ENOSYS"),
    "profil": ("1.0", "never implemented: ENOSYS"),
    "ulimit": ("1.0", "never implemented: ENOSYS"),
    "getpmsg": ("2.2", "reserved for STREAMS, never implemented: ENOSYS"),
    "putpmsg": ("2.2", "reserved for STREAMS, never implemented: ENOSYS"),
    "security": ("2.6", "reserved for the LSM framework, never implemented: ENOSYS"),
    "tuxcall": ("2.6", "reserved for the TUX web server, never implemented: ENOSYS"),
    "vserver": ("2.6", "reserved for Linux-VServer, never implemented: ENOSYS"),
    "epoll_ctl_old": ("2.6", "the pre-release epoll: ENOSYS"),
    "epoll_wait_old": ("2.6", "the pre-release epoll: ENOSYS"),
    "timerfd": ("2.6.23", "the first timerfd call, withdrawn (timerfd_create and the rest from 2.6.25)"),
    "multiplexer": ("2.6", "reserved on powerpc, never implemented: ENOSYS"),
    "lookup_dcookie": ("5.12", "oprofile, its only user, removed; ENOSYS on current kernels (6.18 checked)"),
    "vm86": ("4.3", "virtual-8086 mode, off by default (CONFIG_VM86); sys_ni_syscall off x86"),
    "ioperm": ("1.0", "x86 port I/O; sys_ni_syscall in the other ISAs' tables"),
    "iopl": ("1.0", "x86 port I/O; sys_ni_syscall in the other ISAs' tables"),
    "modify_ldt": ("1.0", "the x86 LDT; sys_ni_syscall in the other ISAs' tables"),
    "sys_debug_setcontext": ("2.6.12", "32-bit PowerPC's setcontext for debuggers; a 64-bit process's call is "
                             "sys_ni_syscall (the 64-bit column of powerpc's table, as far back as the "
                             "kernel's history goes): ENOSYS on ppc64le"),
    "reserved82": ("1.0", "a hole in mips o32's table: ENOSYS"),
    "reserved177": ("1.0", "a hole in mips' table: ENOSYS"),
    "reserved193": ("1.0", "a hole in mips' table: ENOSYS"),
    "reserved221": ("1.0", "a hole in mips o32's table: ENOSYS"),
    "unused18": ("1.0", "a hole in mips o32's table: ENOSYS"),
    "unused28": ("1.0", "a hole in mips o32's table: ENOSYS"),
    "unused59": ("1.0", "a hole in mips o32's table: ENOSYS"),
    "unused84": ("1.0", "a hole in mips o32's table: ENOSYS"),
    "unused109": ("1.0", "a hole in mips o32's table: ENOSYS"),
    "unused150": ("1.0", "a hole in mips o32's table: ENOSYS"),
}


# A syscall that rawsys's own code makes, not a wrapper: name -> (the ISAs
# where it does (their labels), where). Elsewhere the other facts apply
# (sigreturn stays legacy where no handler returns through it).
MADE_BY = {
    "rt_sigreturn": ({"x86-64", "i386", "arm", "s390x"},
                     "the return from a signal handler: rawsys's restorers (arch/<isa>/signal.hpp) on x86-64, "
                     "i386, arm and s390x; elsewhere the kernel's own return code in the vDSO"),
    "sigreturn": ({"i386", "arm", "s390x"},
                  "the return from a handler without SA_SIGINFO: rawsys's restorers (arch/<isa>/signal.hpp) "
                  "on i386, arm and s390x; on mips o32 the kernel's own return code in the vDSO"),
}
# mips o32's handlers without SA_SIGINFO return through the vDSO's
# sigreturn: the kernel's code, not the program's.
MADE_BY_KERNEL = {"sigreturn": {"mipsel"}, "rt_sigreturn": {"arm64", "riscv64", "ppc64le", "loongarch64",
                                                            "mips64el", "mipsel"}}


def table_names(key):
    """The kernel names of one table (include/rawsys/nr/<key>.hpp)."""
    with open(os.path.join(ROOT, "include", "rawsys", "nr", key + ".hpp")) as f:
        text = f.read()
    block = re.search(r"^enum class nr : long \{\n(.*?)^\};", text, re.M | re.S).group(1)
    names = []
    for m in re.finditer(r"^\s+(\w+) = -?\d+,", block, re.M):
        n = m.group(1)
        if n.endswith("_") and n[:-1] in CXX_KEYWORDS:
            n = n[:-1]
        names.append(n)
    return names


def wrappers_per_isa():
    """{isa label: {kernel name: sorted wrappers that make it}}."""
    out = {}
    for isa in isas.ISAS:
        found = gen_api_table.scan(gen_api_table.preprocess(isa.cxx))
        made = gen_api_table.syscalls(found, isa.label)
        inv = {}
        for w, calls in made.items():
            for c in calls:
                if c.endswith("_") and c[:-1] in CXX_KEYWORDS:
                    c = c[:-1]
                inv.setdefault(c, set()).add(w)
        out[isa.label] = {c: sorted(ws) for c, ws in inv.items()}
    return out


def legacy_on(name, table, every):
    """Whether LEGACY's entry for name applies to an ISA with this table."""
    if name not in LEGACY:
        return False
    named = [t for t in re.findall(r"\w+", LEGACY[name][0]) if t in every]
    return not named or any(t in table for t in named)


def classify(name, wrappers, table, every, label):
    if wrappers:
        return "wrapped"
    if name in MADE_BY and label in MADE_BY[name][0]:
        return "made"
    if label in MADE_BY_KERNEL.get(name, ()):
        return "vdso"
    if name in OBSOLETE:
        return "obsolete"
    if legacy_on(name, table, every):
        return "legacy"
    return "missing"


KINDS = ("wrapped", "made", "vdso", "legacy", "obsolete", "missing")


def build():
    tables = {i.label: set(table_names(i.key)) for i in isas.ISAS}
    made = wrappers_per_isa()
    labels = [i.label for i in isas.ISAS]
    every = sorted(set().union(*tables.values()))
    rows, counts = [], {l: dict.fromkeys(KINDS, 0) for l in labels}
    for n in every:
        cells, wrappers = {}, set()
        for l in labels:
            if n not in tables[l]:
                cells[l] = "-"
                continue
            ws = made[l].get(n, [])
            wrappers |= set(ws)
            kind = classify(n, ws, tables[l], every, l)
            cells[l] = kind
            counts[l][kind] += 1
        kinds = {c for c in cells.values() if c != "-"}
        what = []
        if "wrapped" in kinds:
            what.append(", ".join(f"`{w}`" for w in sorted(wrappers)))
        if "made" in kinds:
            what.append(f"made by rawsys: {MADE_BY[n][1]}")
        if "vdso" in kinds:
            what.append("made by the kernel: its own signal return code in the vDSO")
        if "obsolete" in kinds:
            v, why = OBSOLETE[n]
            what.append(f"obsolete since {v}: {why}")
        if "legacy" in kinds:
            use, why = LEGACY[n]
            what.append(f"legacy: use {use} ({why})")
        if "missing" in kinds:
            what.append("**missing**")
        rows.append((n, cells, "; ".join(what)))
    return labels, rows, counts, tables


def render(labels, rows, counts):
    out = ["# System call coverage", "",
           "Generated by `tools/gen_coverage.py` from the syscall tables (`include/rawsys/nr/`, Linux 6.12)",
           "of every supported ISA and the wrappers each ISA's compiler sees (as `tools/gen_api_table.py`",
           "finds them); do not edit. The test suite fails when this file is stale or a syscall of a",
           "table has no row. Per ISA: `wrapped` (a typed wrapper makes it), `made` (rawsys's own code",
           "makes it, not a wrapper: the return from a signal handler), `vdso` (the kernel's",
           "own code makes it: the return from a signal handler through the vDSO), `legacy` (a",
           "current call replaces it), `obsolete`",
           "(removed or stubbed by the kernel), `missing` (current, not yet wrapped), `-` (not in that",
           "ISA's table). The last column names the wrappers, where rawsys makes it, why it is",
           "the replacement or the version.", "",
           "| | " + " | ".join(labels) + " |",
           "|---|" + "---:|" * len(labels)]
    for k in KINDS:
        out.append(f"| {k} | " + " | ".join(str(counts[l][k]) for l in labels) + " |")
    out.append("| total | " + " | ".join(str(sum(counts[l].values())) for l in labels) + " |")
    out += ["", "| syscall | " + " | ".join(labels) + " | made by / instead |",
            "|---|" + "---|" * len(labels) + "---|"]
    for n, cells, what in rows:
        out.append(f"| `{n}` | " + " | ".join(cells[l] for l in labels) + f" | {what} |")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    labels, rows, counts, tables = build()
    text = render(labels, rows, counts)
    every = set().union(*tables.values())
    # Every syscall of every table has a row: in what was generated, and
    # (--check) in the committed file, so a new kernel's calls are named.
    missing_rows = every - {n for n, _, _ in rows}
    if args.check:
        old = open(OUT).read() if os.path.exists(OUT) else ""
        missing_rows |= every - set(re.findall(r"^\| `(\w+)` \|", old, re.M))
    # A fact about a syscall no supported table has is stale (or a typo).
    unknown = sorted((set(LEGACY) | set(OBSOLETE) | set(MADE_BY) | set(MADE_BY_KERNEL)) - every)
    for l in labels:
        c = counts[l]
        print(f"{l:12} wrapped {c['wrapped']:4}  made {c['made']:2}  vdso {c['vdso']:2}  legacy {c['legacy']:4}  obsolete {c['obsolete']:4}"
              f"  missing {c['missing']:4}  (of {sum(c.values())})")
    if missing_rows:
        print("syscalls without a row:", ", ".join(sorted(missing_rows)))
        sys.exit(1)
    if unknown:
        print("facts about syscalls no supported table has:", ", ".join(unknown))
        sys.exit(1)
    if args.check:
        if old != text:
            print("docs/coverage.md is stale: run tools/gen_coverage.py")
            sys.exit(1)
        print("docs/coverage.md is current")
        return
    with open(OUT, "w") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
