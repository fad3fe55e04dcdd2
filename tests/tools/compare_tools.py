#!/usr/bin/env python3
"""Runs a rawsys tool (examples/) and the coreutils program it mirrors on the
same inputs and compares what they do: standard output, standard error and
the exit status (or the signal that ended them). Both run with the same
argv[0], environment, working directory and descriptors, in a scratch
directory holding the test files.

usage: compare_tools.py TOOL TOOL_DIR [EMULATOR WORDS...]
  TOOL       echo, cat, ls, ... (the cases below)
  TOOL_DIR   the directory holding the built tools
  EMULATOR   e.g. qemu-aarch64 -L /usr/aarch64-linux-gnu for arm64 builds

Exit status 0 when every case matches; each difference is printed first,
then the cases that match.
"""
import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import socket
import pty
import fcntl
import struct
import termios
import time

REFERENCE = {"echo": "/bin/echo", "true": "/bin/true", "false": "/bin/false", "env": "/usr/bin/env",
             "cat": "/bin/cat", "ls": "/bin/ls", "wc": "/usr/bin/wc", "sleep": "/bin/sleep"}

# The environment of every run (plus what a case adds): C locale, UTC.
# Times for ls -l: fixed for a whole run, so that both programs see the same.
RECENT = int(time.time()) - 86400 * 3 - 3600 * 5
FUTURE = int(time.time()) + 86400 * 400
BASE_ENV = {"LC_ALL": "C", "TZ": "UTC", "PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}


class Case:
    """args: argv after argv[0]; stdin: bytes, or "tty-less" file name in the
    scratch dir; stdout: None (a pipe we read), "full" (/dev/full), "closed-pipe"
    (a pipe whose reader is gone, SIGPIPE ignored), or "file:NAME" (then the
    file's content is compared), or "pty:COLUMNS" (a terminal that wide);
    env: extra variables (None values remove); shared: both programs run on
    the same files (inode numbers and change times are compared); umask:
    the umask both programs start with (None: the test's own)."""

    def __init__(self, args, stdin=b"", stdout=None, env=None, ignore_sigpipe=False, compare_stderr=True,
                 shared=False, umask=None):
        self.shared = shared
        self.umask = umask
        self.args = args
        self.stdin = stdin
        self.stdout = stdout
        self.env = env or {}
        self.ignore_sigpipe = ignore_sigpipe or stdout == "closed-pipe"
        self.compare_stderr = compare_stderr


BIG = bytes((i * 7 + i // 251) % 256 for i in range(300000))
LINES = b"".join(b"line %d\n" % i for i in range(5000))
# UTF-8 text: wide, combining and zero-width characters, no-break and other
# Unicode spaces, C1 controls, invalid, overlong, surrogate and over-long
# (5- and 6-byte) sequences, and one cut short at the end.
UTF8 = ("h\u00e9llo w\u00f6rld\n\u65e5\u672c\u8a9e \u30c6\u30ad\u30b9\u30c8\tx\n"
        "combining e\u0301 here\u200b\ufeff\n"
        "nbsp\u00a0sep\u2003em\u3000ideo\u2007fig\u202fnarrow\u2060wj\u1680ogham\n"
        "\u2028ls\u0085nel \U0001f600 emoji \uff21\uff22 \U00020000 \u0378 \U000e0001\r\f\v"
        "\U0010ffff\ufffe\U000f0000\ue000\n").encode() + (
        b"\xff\xfe bad \xe0\x80\x80 over \xed\xa0\x80 surr \xf4\x90\x80\x80 big \xc0\xaf "
        b"\xf8\x88\x80\x80\x80 \xfc\x84\x80\x80\x80\x80 \xe2\x82a\n\xe2\x82")


def scratch(prefix):
    """A new directory for the cases to run in. Each case makes its files
    afresh, about a hundred, twice: on tmpfs (/dev/shm, where it may hold
    programs to run) that costs a fraction of what a disk's file system
    journals. Elsewhere TMPDIR."""
    root = None
    try:
        st = os.statvfs("/dev/shm")
        if not st.f_flag & (os.ST_NOEXEC | os.ST_RDONLY) and os.access("/dev/shm", os.W_OK | os.X_OK):
            root = "/dev/shm"
    except OSError:
        pass
    base = tempfile.mkdtemp(prefix=prefix, dir=root)
    atexit.register(shutil.rmtree, base, True)  # also when a case raises
    return base


def make_files(d):
    """The scratch directory every case runs in."""
    os.mkdir(d)
    def write(name, data, mode=None):
        path = os.path.join(d, name)
        with open(path, "wb") as f:
            f.write(data)
        if mode is not None:
            os.chmod(path, mode)

    write("empty", b"")
    write("one", b"hello\n")
    write("two", b"first line\nsecond  line with   spaces\n\tlast line without newline")
    write("words", b"a b\tc\nd\x0be\x0cf\rg  h\n\n  x\x00y \x01z \x80\xff q\n")
    write("big", BIG)
    write("lines", LINES)
    write("script", b"#!/bin/sh\necho from script \"$@\"\n", 0o755)
    write("blanks", b"\n\n\na\n\n\n\nb\n\n c\t\x7f\x1b\x9b\xe9\xff\n\n")
    write("noexec", b"#!/bin/sh\necho no\n", 0o644)
    write("utf8", UTF8)
    write("utf8big", UTF8 * 3000)
    write("noshebang", b"echo from a file without #!\n", 0o755)
    os.mkdir(os.path.join(d, "dir"))
    for name, data in [("b", b"bb"), ("a", b"a"), ("B", b"B"), (".hidden", b"h"), ("_x", b""),
                       ("a.txt", b"t" * 5000), ("10", b"")]:
        write(os.path.join("dir", name), data)
    os.mkdir(os.path.join(d, "dir", "sub"))
    os.symlink("a", os.path.join(d, "dir", "link"))
    os.symlink("missing", os.path.join(d, "dir", "dangling"))
    os.mkdir(os.path.join(d, "emptydir"))
    os.mkdir(os.path.join(d, "locked"), 0o000)
    # Fixed times, so that ls -l prints the same thing whenever it runs.
    for root, dirs, files in os.walk(d):
        for n in dirs + files:
            p = os.path.join(root, n)
            os.utime(p, (1600000000, 1600000000), follow_symlinks=False)
    os.utime(os.path.join(d, "dir", "a.txt"), (1700000000, 1700000000))
    os.utime(os.path.join(d, "dir", "B"), (RECENT, RECENT))  # within six months: shown with its time of day
    os.utime(os.path.join(d, "dir", "10"), (FUTURE, FUTURE))
    os.utime(os.path.join(d, "dir"), (1600000000, 1600000000))
    # For ls: odd names, every file type, many names for the columns, modes
    # that colours and -F mark, a symlink loop for -L -R.
    odd = os.path.join(d, "odd")
    os.mkdir(odd)
    for name in ["with space", "tab\tname", "new\nline", "high\x80\xff", "it's", "-dash", "ctrl\x01\x7f", "at@sign", "\x1bstart", "q'\"$"]:
        with open(os.path.join(odd.encode(), name.encode("latin-1")), "wb") as f:
            f.write(b"x" * len(name))
    os.mkdir(os.path.join(odd, "co:lon"))
    os.mkdir(os.path.join(odd, "co:lon", "x y"))
    kinds = os.path.join(d, "kinds")
    os.mkdir(kinds)
    os.mkfifo(os.path.join(kinds, "fifo"))
    s = socket.socket(socket.AF_UNIX)
    s.bind(os.path.join(kinds, "sock"))
    s.close()
    for name, mode in [("exe", 0o755), ("setuid", 0o4755), ("setgid", 0o2755), ("plain", 0o644)]:
        write(os.path.join("kinds", name), b"#!/bin/sh\n" * 300, mode)
    for name, mode in [("sticky", 0o1777), ("otherw", 0o777), ("stickyonly", 0o1755), ("subdir", 0o755)]:
        os.mkdir(os.path.join(kinds, name))
        os.chmod(os.path.join(kinds, name), mode)
    write(os.path.join("kinds", "subdir", "deep"), b"deep")
    os.symlink("subdir", os.path.join(kinds, "dirlink"))
    os.symlink("exe", os.path.join(kinds, "exelink"))
    os.symlink("nowhere", os.path.join(kinds, "broken"))
    os.link(os.path.join(kinds, "plain"), os.path.join(kinds, "hardlink"))
    cols = os.path.join(d, "cols")
    os.mkdir(cols)
    for i in range(37):
        write(os.path.join("cols", "n" * (1 + (i * 7) % 13) + str(i)), b"y" * (i * 1000))
    sizes = os.path.join(d, "sizes")
    os.mkdir(sizes)
    for n in [1, 999, 1023, 1024, 1025, 1536, 10188, 10239, 10240, 10241, 102399, 1048575, 1048577, 10433332,
              5 * 2**30 + 123456789, 2**40 - 1, 2**42 + 1]:
        with open(os.path.join(sizes, "s%d" % n), "wb") as f:
            f.truncate(n)  # sparse: its blocks are few
    with open(os.path.join(sizes, "dense"), "wb") as f:
        f.write(b"d" * 1000000)
    os.mkdir(os.path.join(d, "loop"))
    os.symlink(".", os.path.join(d, "loop", "self"))
    os.mkdir(os.path.join(d, "tree"))
    for sub in ["a", "a/b", "a/b/c", "z", ".h"]:
        os.mkdir(os.path.join(d, "tree", sub))
        write(os.path.join("tree", sub, "f"), b"f")
    for root, dirs, files in os.walk(d):
        for n in dirs + files:
            if root.startswith(os.path.join(d, "dir")) and root != d:
                continue
            p = os.path.join(root, n)
            if root == d and n in ("dir",):
                continue
            os.utime(p, (1650000000 - len(n) * 1000, 1600000000 + len(n) * 1000), follow_symlinks=False)
    # The scratch directory and its parent too: ls -l shows them as "." and
    # "..", and each program gets a directory made afresh, maybe in another
    # minute than the other's.
    for p in (d, os.path.dirname(d)):
        os.utime(p, (1600000000, 1600000000))


CASES = {
    "true": [Case([]), Case(["x", "--", "-y"])],
    "false": [Case([]), Case(["x", "--", "-y"])],
    "echo": [
        Case([]), Case(["hello", "world"]), Case(["-n", "no newline"]), Case(["-n"]),
        Case(["-e", r"a\tb\nc\\d\ae\bf\fg\rh\vi"]), Case(["-e", r"\x41\x4a4\xg\x"]),
        Case(["-e", r"\0101\101\1\18\08\0"]), Case(["-e", r"before\cafter", "more"]),
        Case(["-E", r"a\tb"]), Case(["-neE", r"a\tb"]), Case(["-nE", "-e", r"a\tb"]),
        Case(["-x", "-n"]), Case(["--", "-n"]), Case(["-", "a"]), Case(["-nn", "x"]),
        Case([r"-e\t"]), Case(["a\\", "-e"]), Case(["-e", "trailing\\"]),
        Case(["-e", r"\e[0m\z"]), Case(["a", "", "b"]),
        Case(["-n", r"\t"], env={"POSIXLY_CORRECT": "1"}),
        Case(["-e", r"\t"], env={"POSIXLY_CORRECT": "1"}),
        Case(["hi"], stdout="full"),
        Case(["x" * 10000], stdout="full"),
        Case(["hi"], stdout="closed-pipe"), Case(["hi"], stdout="closed"),
    ],
    "cat": [
        Case([], stdin=b"from stdin\n"), Case(["one"]), Case(["one", "two", "one"]), Case(["-"], stdin=b"x"),
        Case(["one", "-", "two", "-"], stdin=b"in the middle\n"), Case(["nosuch"]), Case(["one", "nosuch", "two"]),
        Case(["no such", "it's", "tab\tx"]), Case(["dir"]), Case(["empty"]), Case(["big"]), Case([], stdin="big"),
        Case(["big"], stdout="file:copy"), Case(["big", "lines"], stdout="full"), Case(["one"], stdout="full"),
        Case(["lines"], stdout="closed-pipe"), Case([], stdin="lines", stdout="file:copy"),
        Case(["/proc/self/status"], compare_stderr=True) if False else Case(["/proc/version"]),
        Case(["-n", "two", "blanks"]), Case(["-b", "blanks"]), Case(["-s", "blanks"]), Case(["-E", "two"]),
        Case(["-T", "two"]), Case(["-v", "blanks", "words"]), Case(["-A", "blanks"]), Case(["-e", "words"]),
        Case(["-t", "words"]), Case(["-nb", "blanks"]), Case(["-sn", "blanks"]), Case(["two", "-n", "one"]),
        Case(["--number", "one"]), Case(["--show-all", "words"]), Case(["--num", "one"]), Case(["--squeeze", "blanks"]),
        Case(["-x"]), Case(["--bogus"]), Case(["--number=3", "one"]), Case(["--", "-n"]), Case(["-u", "one"]), Case(["one"], stdout="closed"), Case(["-n", "one"], stdout="closed"),
        Case(["-n"], stdin="lines"), Case(["-vET", "big"]),
        Case(["one"], stdout="append:one"), Case(["two", "one", "two"], stdout="append:one"),
        Case(["empty"], stdout="append:empty"),
    ],
    "wc": [
        Case([], stdin=b"one two\nthree\n"), Case([], stdin="words"), Case(["words"]), Case(["one", "two", "words"]),
        Case(["-l", "lines"]), Case(["-w", "two"]), Case(["-c", "big"]), Case(["-m", "words"]), Case(["-L", "words"]),
        Case(["-L", "two", "blanks"]), Case(["-lwcmL", "words", "big"]), Case(["-cl", "one"]), Case(["-c"], stdin="big"),
        Case(["-c", "/proc/version"]), Case(["-l", "-", "words"], stdin="words"), Case(["-", "one"], stdin=b"a b c"),
        Case(["empty"]), Case(["nosuch"]), Case(["nosuch", "words"]), Case(["words", "nosuch", "one"]), Case(["dir"]),
        Case(["dir", "one"]), Case(["-c", "dir"]), Case(["big", "lines", "two"]), Case(["--lines", "two"]),
        Case(["--max-line-length", "words"]), Case(["--li", "two"]), Case(["--bogus"]), Case(["-x"]),
        Case(["--lines=2", "two"]), Case(["--", "-l"]), Case(["two", "-w"]), Case(["no such"]),
        Case(["words"], stdout="full"), Case(["words"], stdout="closed-pipe"), Case(["words"], stdout="closed"), Case(["blanks", "noexec"]),
        # In a UTF-8 locale, however it is named.
        Case(["-m", "utf8"], env={"LC_ALL": "C.UTF-8"}), Case(["-w", "utf8"], env={"LC_ALL": "C.UTF-8"}),
        Case(["-L", "utf8"], env={"LC_ALL": "C.UTF-8"}), Case(["utf8"], env={"LC_ALL": "C.UTF-8"}),
        Case(["-lwmcL", "utf8", "utf8big", "words"], env={"LC_ALL": "C.UTF-8"}),
        Case(["-m"], stdin="utf8big", env={"LC_ALL": "C.utf8"}), Case(["-lwmcL", "utf8"]),
        Case(["-mwL", "utf8"], env={"LC_ALL": None, "LANG": "C.UTF-8"}),
        Case(["-mwL", "utf8"], env={"LC_ALL": None, "LC_CTYPE": "C.UTF-8", "LANG": "C"}),
        Case(["-mwL", "utf8"], env={"LC_ALL": "", "LC_CTYPE": "C.UTF-8"}),
        Case(["-mwL", "utf8"], env={"LC_ALL": "C", "LC_CTYPE": "C.UTF-8"}),
        Case(["-w", "utf8"], env={"LC_ALL": "C.UTF-8", "POSIXLY_CORRECT": "1"}),
        Case(["-m", "words", "blanks"], env={"LC_ALL": "C.UTF-8"}), Case(["-L", "two", "blanks"], env={"LC_ALL": "C.UTF-8"}),
    ],
    "ls": [
        Case([]), Case(["dir"]), Case(["-a", "dir"]), Case(["-A", "dir"]), Case(["-l", "dir"]), Case(["-la", "dir"]),
        Case(["-lA", "dir", "emptydir"]), Case(["dir", "one", "emptydir", "two"]), Case(["one", "two", "nosuch"]),
        Case(["-l", "one", "big", "dir/link", "dir/dangling"]), Case(["-l", "one", "dir", "big", "emptydir"]), Case(["dir/link", "dir/dangling"]),
        Case(["-d", "dir", "one"]), Case(["-ld", "dir", "dir/."]), Case(["-d"]), Case(["-r", "dir"]), Case(["-lr", "dir"]),
        Case(["-t", "dir"]), Case(["-lt", "dir"]), Case(["-S", "dir"]), Case(["-lS", "dir"]), Case(["-U", "emptydir"]),
        Case(["-n", "dir"]), Case(["-ln", "one"]), Case(["-1", "dir"]), Case(["nosuch"]), Case(["nosuch", "dir"]),
        Case(["-l", "/dev/null", "/dev/zero", "/dev/tty"]), Case(["-l", "locked"]), Case(["-l", "emptydir"]),
        Case(["--all", "dir"]), Case(["--almost-all", "dir"]), Case(["--rev", "dir"]), Case(["--al", "dir"]),
        Case(["-z"]), Case(["--bogus"]), Case(["--all=x"]), Case(["--", "-l"]), Case(["dir", "-l"]),
        Case(["-l", "/etc/passwd"]), Case(["-l", "script", "noexec"]), Case(["-l", "dir/sub"]), Case(["dir/"]),
        Case(["-l"], stdout="full"), Case(["dir"], stdout="closed"), Case(["dir"], stdout="closed-pipe"),
        # The rest of POSIX's options, one by one and together.
        Case(["-C", "cols"]), Case(["-C", "dir", "cols"]), Case(["-x", "cols"]), Case(["-m", "cols"]),
        Case(["-C"], env={"COLUMNS": "40"}), Case(["-x", "cols"], env={"COLUMNS": "30"}),
        Case(["-m", "cols"], env={"COLUMNS": "20"}), Case(["-C", "cols"], env={"COLUMNS": "1"}),
        Case(["-C", "cols"], env={"COLUMNS": "0"}), Case(["-C", "cols"], env={"COLUMNS": "x"}),
        Case(["-w", "50", "-C", "cols"]), Case(["-w50", "-x", "cols"]), Case(["--width=0", "-C", "cols"]),
        Case(["-w", "x"]), Case(["-w"]), Case(["-Cs", "cols"]), Case(["-Ci", "cols"], shared=True), Case(["-xs", "-w", "60", "cols"]),
        Case(["-ms", "cols"]), Case(["-mi", "kinds"], shared=True), Case(["-CF", "kinds"]), Case(["-C1", "cols"]), Case(["-1C", "cols"]),
        Case(["-lC", "cols"]), Case(["-Cl", "cols"]), Case(["-l1", "kinds"]), Case(["-C", "emptydir"]),
        Case(["-F", "kinds"]), Case(["-p", "kinds"]), Case(["-lF", "kinds"]), Case(["-lp", "kinds"]),
        Case(["-F", "kinds/dirlink", "kinds/exelink", "kinds/broken"]), Case(["--file-type", "kinds"]),
        Case(["--classify", "kinds"]), Case(["--classify=never", "kinds"]), Case(["--classify=auto", "kinds"]),
        Case(["--classify=bogus", "kinds"]), Case(["--indicator-style=slash", "kinds"]),
        Case(["--indicator-style=x", "kinds"]),
        Case(["kinds/dirlink"]), Case(["-H", "kinds/dirlink", "kinds/broken"]), Case(["-L", "kinds"]),
        Case(["-lL", "kinds"]), Case(["-lH", "kinds/dirlink", "kinds/exelink"]), Case(["-LF", "kinds"]),
        Case(["-RL", "loop"]), Case(["-R", "loop"]), Case(["-R", "tree"]), Case(["-Ra", "tree"]),
        Case(["-RA", "tree", "one"]), Case(["-lR", "tree"]), Case(["-R"], env={"COLUMNS": "60"}),
        Case(["-Rd", "tree"]), Case(["-R", "tree/a/"]),
        Case(["-g", "dir"]), Case(["-o", "dir"]), Case(["-go", "dir"]), Case(["-gn", "kinds"]), Case(["-i", "dir"], shared=True),
        Case(["-li", "kinds"], shared=True), Case(["-i", "one", "dir/link"], shared=True), Case(["-s", "dir"]), Case(["-ls", "cols"]),
        Case(["-sk", "cols"]), Case(["-s", "cols"], env={"POSIXLY_CORRECT": "1"}),
        Case(["-sk", "cols"], env={"POSIXLY_CORRECT": "1"}), Case(["-sh", "cols"]), Case(["-lh", "cols", "big"]),
        Case(["-lsh", "kinds"]), Case(["-lsh", "sizes"]), Case(["-ls", "sizes"]), Case(["-sk", "sizes"]),
        Case(["-lhS", "sizes"]), Case(["-Ss1", "sizes"], env={"POSIXLY_CORRECT": "1"}), Case(["-Csh", "sizes"]),
        Case(["-msh", "sizes"]), Case(["--human-readable", "--size", "--full-time", "sizes/dense"]), Case(["--human-readable", "-s", "big"]), Case(["-lk", "cols"]),
        Case(["-f", "emptydir"]), Case(["-lf", "emptydir"]), Case(["-fl", "emptydir"]), Case(["-fA", "emptydir"]),
        Case(["-q", "odd"]), Case(["odd"]), Case(["-lq", "odd"]), Case(["-Cq", "odd"]), Case(["-C", "odd"]),
        Case(["--hide-control-chars", "odd"]), Case(["-q", "--show-control-chars", "odd"]),
        Case(["-t", "kinds"]), Case(["-u", "kinds"], shared=True), Case(["-ut", "kinds"], shared=True), Case(["-lu", "one", "two", "big", "kinds/exe", "kinds/fifo"]),
        Case(["-lut", "one", "two", "big", "kinds/exe", "kinds/fifo"]), Case(["-c", "-S", "kinds"], shared=True), Case(["-tr", "kinds"]),
        Case(["-c", "kinds"], shared=True), Case(["-lc", "kinds"], shared=True), Case(["-lct", "kinds"], shared=True),
        Case(["-ctr", "-1", "tree"], shared=True), Case(["-dl"]), Case(["-dF", "kinds/dirlink"]), Case(["-dLF", "kinds/dirlink"]),
        Case(["-x", "-w", "3", "cols"]), Case(["-C", "-w", "2", "dir"]), Case(["-m", "-w", "0", "cols"]),
        Case(["-mF", "--color", "kinds"], env={"TERM": "xterm", "COLUMNS": "30"}),
        Case(["-sC", "--color", "-w", "70", "cols"], env={"TERM": "xterm"}), Case(["-l", "--color", "/dev/null", "dir"], env={"TERM": "xterm"}),
        Case(["--full-time", "dir"]), Case(["--full-time", "-u", "one"], shared=True),
        Case(["--group-directories-first", "kinds"]), Case(["--group-directories-first", "-r", "kinds"]),
        Case(["--group-directories-first", "-lF", "kinds"]), Case(["--group-directories-first", "-U", "emptydir"]),
        Case(["--group-directories-first", "tree/a", "one", "dir"]),
        Case(["--all", "--recursive", "--inode", "--size", "tree"], shared=True), Case(["--directory", "--classify", "dir", "kinds"]),
        Case(["--dereference", "kinds/dirlink"]), Case(["--dereference-command-line", "kinds/dirlink"]),
        Case(["--kibibytes", "-s", "big"]), Case(["--numeric-uid-gid", "one"]),
        Case(["--color=always", "kinds"], env={"TERM": "xterm"}), Case(["--color", "-l", "kinds"], env={"TERM": "xterm"}),
        Case(["--color", "-F", "kinds"], env={"TERM": "xterm"}), Case(["--color", "kinds"]),
        Case(["--color", "kinds"], env={"COLORTERM": "truecolor"}), Case(["--color=never", "kinds"], env={"TERM": "xterm"}),
        Case(["--color=auto", "kinds"], env={"TERM": "xterm"}), Case(["--color=al", "kinds"], env={"TERM": "xterm"}),
        Case(["--color=bogus"]), Case(["--color", "-C", "cols", "kinds"], env={"TERM": "xterm"}),
        Case(["--color", "-f", "kinds"], env={"TERM": "screen-256color"}),
        Case(["-f", "--color", "emptydir"], env={"TERM": "screen-256color"}),
        Case(["--color", "kinds"], env={"LS_COLORS": "di=01;31:ex=35:*.txt=04:ln=target:fi=00", "TERM": "dumb"}),
        Case(["--color", "-l", "kinds", "dir"], env={"LS_COLORS": "or=41:mi=05:*xe=36", "TERM": "dumb"}),
        Case(["--color", "-x", "kinds"], env={"LS_COLORS": "ec=<:lc=[:rc=]", "TERM": "xterm"}),
        Case(["--color", "-1", "odd"], env={"TERM": "xterm", "COLUMNS": "5"}),
        # On a terminal: columns as wide as it is (its size over COLUMNS), -q.
        Case([], stdout="pty:80"), Case(["cols"], stdout="pty:80"), Case(["cols"], stdout="pty:33"),
        Case(["cols"], stdout="pty:33", env={"COLUMNS": "100"}), Case(["-l", "dir"], stdout="pty:80"),
Case(["-f", "emptydir"], stdout="pty:80"), Case(["-lf", "emptydir"], stdout="pty:80"),
        Case(["--color=auto", "cols"], stdout="pty:80", env={"TERM": "xterm"}),
        Case(["--classify=auto", "kinds"], stdout="pty:120"), Case(["odd"], stdout="pty:80"),
        Case(["odd"], stdout="pty:30"), Case(["-x", "odd"], stdout="pty:60"), Case(["-l", "odd"], stdout="pty:80"),
        Case(["-1", "odd"], stdout="pty:80"), Case(["-m", "odd"], stdout="pty:80"), Case(["-R", "odd"], stdout="pty:80"),
        Case(["-F", "odd"], stdout="pty:80"), Case(["--file-type", "-1", "odd"], stdout="pty:80"),
        Case(["-q", "odd"], stdout="pty:80"), Case(["--show-control-chars", "-1", "odd"], stdout="pty:80"),
        Case(["-w", "0", "odd"], stdout="pty:80"), Case(["-ls", "odd"], stdout="pty:80"), Case(["--color", "odd"], stdout="pty:80", env={"TERM": "xterm"}),
        Case(["-C", "odd"], stdout="file:listing"), Case(["-w", "40", "cols"], stdout="pty:80"),
    ],
    "sleep": [
        Case(["0"]), Case(["0.01"]), Case([".01", "0.001s"]), Case(["0.0001m", "0h", "0d", "0s"]), Case(["1e-3"]),
        Case(["+0.001"]), Case([" 0.001"]), Case(["0."]), Case(["000000000000000000000000000.001"]),
        Case(["0.000000000000000000000000000001"]), Case(["0e99999"]), Case(["-0"]), Case(["--", "0.001"]),
        Case([]), Case(["x"]), Case(["1x"]), Case(["1ss"]), Case(["."]), Case([""]), Case(["1 "]), Case(["1e"]),
        Case(["0", "bad", "1y", "0"]), Case(["-1"]), Case(["--1"]), Case(["-x"]), Case(["--bogus"]),
        Case(["--help=x"]), Case(["nan"]), Case(["-inf"]), Case(["--", "-1"]), Case(["-0.0"]),
    ],
    "env": [
        Case([]), Case(["-i"]), Case(["-"]), Case(["-i", "A=1", "B=2"]),
        Case(["A=1", "A=2"], env={"A": "0"}), Case(["-u", "HOME"]), Case(["-uHOME", "-u", "TZ"]),
        Case(["--unset=HOME"]), Case(["--unset", "HOME"]), Case(["--ignore-environment", "X=y"]),
        Case(["--ign", "X=y"]), Case(["--ignore-e", "X=y"]), Case(["--un=HOME"]),
        Case(["--unset"]), Case(["--nul", "-i"]), Case(["--chdir=dir", "/bin/pwd"]), Case(["--help=x"]), Case(["-0"]), Case(["-i0", "A=1", "B=2"]), Case(["--null", "-i", "C=3"]),
        Case(["-x"]), Case(["--bogus"]), Case(["-u"]), Case(["-u", "A=B"]), Case(["=x"]),
        Case(["-i", "A=1", "printenv"]), Case(["-i", "PATH=/usr/bin:/bin", "A=1", "printenv", "A"]),
        Case(["A=x", "/usr/bin/printenv", "A"]), Case(["nosuchcommand"]), Case(["./noexec"]),
        Case(["./script", "arg"]), Case(["./noshebang"]), Case(["dir"]), Case(["./dir"]),
        Case(["-i", "PATH=", "true"]), Case(["-i", "PATH=.:/bin", "script", "via path"]),
        Case(["-C", "dir", "/bin/pwd"]), Case(["-C", "nowhere", "true"]), Case(["-C", "dir"]),
        Case(["-0", "true"]), Case(["--", "A=1", "printenv", "A"]),
        Case(["sh", "-c", "exit 3"]), Case([], stdout="full"), Case([], stdout="closed"),
    ],
}


def run(cmd, argv0, case, d, emulator):
    env = dict(BASE_ENV)
    for k, v in case.env.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    if emulator:
        full = emulator + ["-0", argv0, cmd] + case.args
    else:
        full = [argv0] + case.args
    stdin = case.stdin
    stdin_arg = subprocess.PIPE
    stdout_arg = subprocess.PIPE
    closers = []
    if case.stdout == "full":
        stdout_arg = open("/dev/full", "wb")
        closers.append(stdout_arg)
    elif case.stdout == "closed-pipe":
        r, w = os.pipe()
        os.close(r)
        stdout_arg = w
        closers.append(os.fdopen(w, "wb"))
    elif case.stdout and case.stdout.startswith("file:"):
        stdout_arg = open(os.path.join(d, case.stdout[5:]), "wb")
        closers.append(stdout_arg)
    elif case.stdout and case.stdout.startswith("append:"):
        stdout_arg = open(os.path.join(d, case.stdout[7:]), "ab")
        closers.append(stdout_arg)
    master = None
    if case.stdout and case.stdout.startswith("pty:"):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, int(case.stdout[4:]), 0, 0))
        stdout_arg = slave
        closers.append(os.fdopen(slave, "wb"))
    if isinstance(stdin, str):
        stdin_arg = open(os.path.join(d, stdin), "rb")
        closers.append(stdin_arg)
        stdin = None

    def preexec():
        signal.signal(signal.SIGPIPE, signal.SIG_IGN if case.ignore_sigpipe else signal.SIG_DFL)
        if case.stdout == "closed":
            os.close(1)
        if case.umask is not None:
            os.umask(case.umask)

    p = subprocess.Popen(full, executable=None if emulator else cmd, cwd=d, env=env, stdin=stdin_arg,
                         stdout=stdout_arg, stderr=subprocess.PIPE, preexec_fn=preexec)
    for c in closers:
        if master is not None and c.fileno() == stdout_arg:
            c.close()
    if master is not None:
        # What the terminal got, until the last writer closes it.
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(master)
        _, err = p.communicate(stdin, timeout=120)
        out = b"".join(chunks)
    else:
        out, err = p.communicate(stdin, timeout=120)
    for c in closers:
        if not c.closed:
            c.close()
    if case.stdout and case.stdout.startswith(("file:", "append:")):
        with open(os.path.join(d, case.stdout.split(":", 1)[1]), "rb") as f:
            out = f.read()
    # qemu reports a guest's death by a signal on stderr itself.
    if emulator:
        err = b"".join(l for l in err.splitlines(keepends=True) if not l.startswith(b"qemu: uncaught target signal"))
    return p.returncode, out, err


def main():
    tool, tool_dir, emulator = sys.argv[1], sys.argv[2], sys.argv[3:]
    ours = os.path.abspath(os.path.join(tool_dir, tool))
    theirs = REFERENCE[tool]
    failures = 0
    matched = []  # printed after the differences, which a truncated log then keeps
    base = scratch("rawsys-tools-")
    d = os.path.join(base, "t")
    for case in CASES[tool]:
        # The same fresh directory for both: some cases write into it, and
        # its name may appear in the output.
        make_files(d)
        got = run(ours, tool, case, d, emulator)
        if not case.shared:
            shutil.rmtree(d)
            make_files(d)
        want = run(theirs, tool, case, d, [])
        shutil.rmtree(d)
        same = got[0] == want[0] and got[1] == want[1] and (not case.compare_stderr or got[2] == want[2])
        label = f"{tool} {' '.join(repr(a) for a in case.args)}"
        if case.stdout:
            label += f" > {case.stdout}"
        if isinstance(case.stdin, str):
            label += f" < {case.stdin}"
        if not same:
            failures += 1
            print(f"DIFFERENT: {label}")
            for what, g, w in (("status", got[0], want[0]), ("stdout", got[1], want[1]), ("stderr", got[2], want[2])):
                if g != w:
                    print(f"  {what}: rawsys {g!r:.400}\n  {' ' * len(what)}  coreutils {w!r:.400}")
        else:
            matched.append(label)
    os.rmdir(base)
    for label in matched:
        print(f"same: {label}")
    print(f"{tool}: {len(CASES[tool]) - failures} of {len(CASES[tool])} cases match coreutils")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
