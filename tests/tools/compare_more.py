#!/usr/bin/env python3
"""The tools added after the first eight (head, tail, tee, ...) against the
coreutils programs they mirror, as compare_tools.py does for those (its
scratch directory, its way of running both): standard output, standard
error, the exit status, and for the tools that change files, the state of
the scratch directory afterwards (names, types, modes, contents, link
targets).

usage: compare_more.py TOOL TOOL_DIR [EMULATOR WORDS...]
Exit status 0 when every case matches; each difference is printed first,
then the cases that match.
"""
import errno
import hashlib
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_tools import BASE_ENV, Case, make_files, run, scratch  # noqa: E402

REFERENCE = {"stat": "/usr/bin/stat", "id": "/usr/bin/id", "touch": "/usr/bin/touch", "mktemp": "/bin/mktemp", "truncate": "/usr/bin/truncate", "timeout": "/usr/bin/timeout", "readlink": "/bin/readlink", "realpath": "/usr/bin/realpath", "ln": "/bin/ln", "chmod": "/bin/chmod", "cp": "/bin/cp", "mv": "/bin/mv", "seq": "/usr/bin/seq", "rm": "/bin/rm", "basename": "/usr/bin/basename", "dirname": "/usr/bin/dirname", "pwd": "/bin/pwd",
             "printenv": "/usr/bin/printenv", "nproc": "/usr/bin/nproc", "uname": "/bin/uname", "sync": "/bin/sync",
             "mkdir": "/bin/mkdir", "rmdir": "/bin/rmdir", "head": "/usr/bin/head", "tail": "/usr/bin/tail", "tee": "/usr/bin/tee", "yes": "/usr/bin/yes"}


def C(args, state=False, limit=None, setup=None, sort_out=False, mask=None, times=False, **kw):
    """A case; setup: a function given the scratch directory, run first;
    state: the scratch directory is compared afterwards too;
    limit: only the first LIMIT bytes of standard output are read, then the
    pipe is closed (for a tool that writes for ever), and the status not
    compared; mask: (pattern, replacement) pairs of regular expressions
    applied to the output, the messages and the names in the scratch
    directory before they are compared (random names); times: the scratch
    directory's access and modification times are compared too (a time
    within an hour of now as "now")."""
    c = Case(args, **kw)
    c.times = times
    c.mask = mask
    c.state = state
    c.limit = limit
    c.setup = setup
    c.sort_out = sort_out  # lines in directory order, which differs from run to run
    return c


class Follow:
    """tail -f/-F: ARGS run in the scratch directory while STEPS change its
    files; after each step, what the step awaits (bytes on stdout or
    stderr) is waited for, then tail is ended with SIGTERM. ends: True when
    tail ends by itself once a child it is given (--pid=CHILD) has ended,
    "self" when it ends by itself after the steps, "reader" when the pipe
    on its standard output is closed once the last step's bytes are read
    (tail must end then, by SIGPIPE); nofile: RLIMIT_NOFILE for tail, so that no inotify
    instance can be opened; setup and mask: as for C."""

    def __init__(self, args, steps, ends=False, nofile=None, setup=None, mask=None):
        self.args, self.steps, self.ends, self.nofile, self.mask = args, steps, ends, nofile, mask
        self.stdin, self.stdout, self.env, self.compare_stderr = b"", None, {}, True
        self.state = False
        self.limit = None
        self.setup = setup
        self.waited = []  # seconds each step waited, rawsys's run then coreutils'


def append(name, data):
    def act(d):
        with open(os.path.join(d, name), "ab") as f:
            f.write(data)
    return act


def replace(name, data):
    def act(d):
        tmp = os.path.join(d, name + ".new")
        with open(tmp, "wb") as f:
            f.write(data)
        os.rename(tmp, os.path.join(d, name))
    return act


def remove(name):
    return lambda d: os.unlink(os.path.join(d, name))


def move_away(name):
    return lambda d: os.rename(os.path.join(d, name), os.path.join(d, name + ".old"))


def fifo_write(name, data):
    """Opens the FIFO for writing once tail has it open for reading (for up
    to 20 seconds: a tail that let it go gets nothing), writes DATA and
    closes it."""
    def act(d):
        deadline = time.monotonic() + 20
        while True:
            try:
                fd = os.open(os.path.join(d, name), os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError as e:
                if e.errno != errno.ENXIO or time.monotonic() > deadline:
                    return
                time.sleep(0.02)
        os.set_blocking(fd, True)
        os.write(fd, data)
        os.close(fd)
    return act


def truncate(name):
    return lambda d: os.truncate(os.path.join(d, name), 0)


def run_follow(cmd, argv0, case, d, emulator):
    args = [a.replace("PID", str(os.getpid())) for a in case.args]
    pid_child = None
    if case.ends is True:
        pid_child = subprocess.Popen(["sleep", "1"])
        args = [a.replace("CHILD", str(pid_child.pid)) for a in args]
    full = (emulator + ["-0", argv0, cmd] if emulator else [argv0]) + args

    def limit():
        if case.nofile:
            resource.setrlimit(resource.RLIMIT_NOFILE, (case.nofile, case.nofile))
    p = subprocess.Popen(full, executable=None if emulator else cmd, cwd=d, env=BASE_ENV, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limit)
    got = {"out": b"", "err": b""}
    # With ends="reader", the last bytes awaited on stdout close the pipe.
    last = case.steps[-1][2] if case.ends == "reader" else None

    def reader(stream, key, until=None):
        for chunk in iter(lambda: os.read(stream.fileno(), 65536), b""):
            got[key] += chunk
            if until is not None and until in got[key]:
                stream.close()
                return
    threads = [threading.Thread(target=reader, args=(p.stdout, "out", last)),
               threading.Thread(target=reader, args=(p.stderr, "err"))]
    for t in threads:
        t.start()

    def wait_for(key, data):
        if key is None:  # nothing may come: time for tail to show it would
            time.sleep(2 if emulator else 0.5)
            return
        start = time.monotonic()
        while data not in got[key] and time.monotonic() < start + 20:
            time.sleep(0.02)
        # How long each step waited, and whether its bytes came: printed
        # with a difference, where timing may be the cause.
        waited.append(f"{time.monotonic() - start:.2f}" + ("" if data in got[key] else " (never came)"))
    def settled():
        """Until tail waits: coreutils prints what it has read before it
        sets its inotify watches, so a file removed as soon as the bytes
        come may be gone when it watches it ("cannot watch 'one'"). Settled
        is asleep at two looks 50 ms apart with the same number of inotify
        watches (for up to 5 s; qemu's process for a guest)."""
        def look():
            try:
                with open(f"/proc/{p.pid}/stat") as f:
                    state = f.read().rsplit(")", 1)[1].split()[0]
                watches = 0
                for fd in os.listdir(f"/proc/{p.pid}/fdinfo"):
                    with open(f"/proc/{p.pid}/fdinfo/{fd}") as f:
                        watches += f.read().count("inotify wd:")
                return state, watches
            except OSError:
                return None, None
        deadline = time.monotonic() + 5
        before = look()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = look()
            if now[0] is None or (now == before and now[0] == "S"):
                return
            before = now

    waited = []
    case.waited.append(waited)
    for n, (act, key, data) in enumerate(case.steps):
        if act:
            act(d)
        wait_for(key, data)
        if n == 0:
            settled()
    if case.ends:
        if pid_child:
            pid_child.wait()
        try:
            status = p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            status = "did not end"
    else:
        p.terminate()
        status = p.wait()
    for t in threads:
        t.join()
    err = b"".join(l for l in got["err"].splitlines(keepends=True) if not l.startswith(b"qemu: uncaught target signal"))
    return status, got["out"], err


def run_limited(cmd, argv0, case, d, emulator):
    full = (emulator + ["-0", argv0, cmd] if emulator else [argv0]) + case.args
    p = subprocess.Popen(full, executable=None if emulator else cmd, cwd=d, env=BASE_ENV, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = b""
    while len(out) < case.limit:
        chunk = p.stdout.read(case.limit - len(out))
        if not chunk:
            break
        out += chunk
    p.stdout.close()
    p.wait(timeout=60)
    return 0, out, b""


def tree(d):
    """A deeper tree for rm, with links that lead out of it (in place of the
    shared files' own "tree")."""
    shutil.rmtree(os.path.join(d, "tree"), ignore_errors=True)
    os.makedirs(os.path.join(d, "tree", "a", "b", "c"))
    os.makedirs(os.path.join(d, "outside", "keep"))
    with open(os.path.join(d, "outside", "keep", "file"), "w") as f:
        f.write("must survive")
    os.symlink("../../outside", os.path.join(d, "tree", "a", "out"))
    os.symlink("../outside", os.path.join(d, "tree", "outlink"))
    os.mkdir(os.path.join(d, "tree", "out"))
    for i in range(5):
        with open(os.path.join(d, "tree", "a", "b", "f%d" % i), "w") as f:
            f.write("x" * i)


# mv's copies go to a directory on another file system than the scratch
# directory's (compare_tools.scratch: tmpfs where it can): the first of these
# roots that is not on the scratch directory's file system.
OTHER_ROOTS = ("/dev/shm", tempfile.gettempdir(), "/var/tmp")
OTHER = None


def other_fs(d):
    """d/shm: a directory on another file system, for mv's copies."""
    global OTHER
    if OTHER is None:
        dev = os.stat(d).st_dev
        root = next((r for r in OTHER_ROOTS if os.path.isdir(r) and os.access(r, os.W_OK) and os.stat(r).st_dev != dev), None)
        if root is None:
            raise SystemExit(f"compare_more.py: none of {', '.join(OTHER_ROOTS)} is on another file system than {d}")
        OTHER = os.path.join(root, "rawsys-tools-%d" % os.getpid())
    shutil.rmtree(OTHER, ignore_errors=True)
    os.mkdir(OTHER)
    with open(os.path.join(OTHER, "there"), "w") as f:
        f.write("on another file system")
    os.symlink(OTHER, os.path.join(d, "shm"))
    tree(d)


def links(d):
    """Links for readlink and realpath: chains, loops, links to directories."""
    os.symlink("one", os.path.join(d, "l"))
    os.symlink("dir", os.path.join(d, "ld"))
    os.symlink("l", os.path.join(d, "ll"))
    os.symlink("loop1", os.path.join(d, "loop2"))
    os.symlink("loop2", os.path.join(d, "loop1"))
    os.symlink(os.path.join(d, "dir", "sub"), os.path.join(d, "abs"))
    os.symlink("../one", os.path.join(d, "dir", "up"))


def snapshot_times(d):
    """Each file's access and modification times, those of about now as "now"."""
    now = time.time_ns()
    seen = []
    for root, dirs, files in os.walk(d):
        dirs.sort()
        for n in sorted(dirs + files):
            p = os.path.join(root, n)
            st = os.lstat(p)
            seen.append((os.path.relpath(p, d),) + tuple("now" if abs(t - now) < 3600 * 10**9 else t
                                                        for t in (st.st_atime_ns, st.st_mtime_ns)))
    return seen


def snapshot(d):
    """What a tool may have changed in the scratch directory (and in the
    directory d/shm leads to)."""
    seen = []
    if OTHER and os.path.islink(os.path.join(d, "shm")) and os.path.isdir(OTHER):
        seen = [("shm/" + w[0],) + w[1:] for w in snapshot(OTHER)]
    for root, dirs, files in os.walk(d):
        dirs.sort()
        for n in sorted(dirs + files):
            p = os.path.join(root, n)
            st = os.lstat(p)
            what = (os.path.relpath(p, d), stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode))
            if stat.S_ISLNK(st.st_mode):
                what += (os.readlink(p),)
            elif stat.S_ISREG(st.st_mode):
                # The size and the hash of the first MiB: the shared files
                # include sparse ones of terabytes (compare_tools' ls cases).
                with open(p, "rb") as f:
                    what += (st.st_size, hashlib.sha256(f.read(1 << 20)).hexdigest()[:16])
            seen.append(what)
    return seen


# mktemp's names: zq, tmp. or .a and the letters and digits that replace X's.
RANDOM_NAMES = [(r"(zq|tmp\.|\.a)[A-Za-z0-9]+", r"\1R")]


# stat: what differs between two runs on fresh copies of the scratch
# directory: inode numbers, the change and birth times (now), a file
# system's free counts.


def mount_points():
    """One mount point of each file system type mounted here, for stat -f's
    %T: every name this machine can show. Read from /proc/self/mounts only
    (nothing is touched until stat runs); network, FUSE and automounted
    types are left out, where a dead server or an automount would stall."""
    seen, points = set(), []
    with open("/proc/self/mounts") as f:
        for line in f:
            point, kind = line.split()[1:3]
            if kind in seen or kind == "autofs" or kind.startswith(("nfs", "cifs", "smb", "fuse", "9p", "ceph")):
                continue
            seen.add(kind)
            points.append(re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), point))
    return points


STAT_MASK = [(r"Inode: \d+ *", "Inode: I "), (r"%d-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000" % time.gmtime().tm_year, "NOW"),
             (r"(Free|Available): \d+ *", r"\1: F ")]


CASES = {
    "head": [
        C(["lines"]), C([], stdin="lines"), C(["-n", "3", "lines"]), C(["-n3", "lines"]), C(["--lines=3", "lines"]),
        C(["--lines", "3", "lines"]), C(["-c", "20", "lines"]), C(["--bytes=20", "big"]), C(["-c", "0", "lines"]),
        C(["-n", "0", "lines"]), C(["-n", "-4990", "lines"]), C(["-n", "-0", "two"]), C(["-n", "-1", "two"]),
        C(["-n", "-2", "two"]), C(["-n", "-5", "two"]), C(["-c", "-299990", "big"]), C(["-c", "-5", "one"]),
        C(["-c", "-100", "one"]), C(["-n", "-4990"], stdin="lines"), C(["-c", "-299990"], stdin="big"),
        C(["-c", "1k", "big"]), C(["-c", "1kB", "big"]), C(["-c", "1KiB", "big"]), C(["-c", "2b", "big"]),
        C(["-c", "K", "big"]), C(["-n", "+2", "lines"]), C(["-n", " 2", "lines"]),
        C(["-n", "x", "lines"]), C(["-c", "1Q", "lines"]), C(["-n", "99999999999999999999999", "lines"]),
        C(["-c", "1kx", "big"]), C(["-n", "--", "lines"]), C(["-n"]), C(["--lines"]), C(["-x"]), C(["--bogus"]),
        C(["--quiet=1"]), C(["-5", "lines"]), C(["-5c", "lines"]), C(["-2k", "big"]), C(["-3l", "lines"]),
        C(["-3v", "lines"]), C(["-5x", "lines"]), C(["-n", "2", "-5", "lines"]), C(["-n", "2", "lines", "two", "one"]),
        C(["-q", "-n", "2", "lines", "two"]), C(["-v", "one"]), C(["--verbose", "-c", "3", "one"]),
        C(["--silent", "one", "two"]), C(["one", "nosuch", "two"]), C(["dir"]), C(["one", "dir"]),
        C(["-n", "1", "-", "one", "-"], stdin=b"a\nb\nc\n"), C(["-z", "-n", "2", "words"]), C(["-z", "-n", "-1", "words"]),
        C(["-n", "1", "no such", "it's"]), C(["empty"]), C(["-n", "-1", "empty"]), C(["-c", "-1", "empty"]),
        C(["lines"], stdout="full"), C(["-n", "2", "one"], stdout="full"), C(["big", "lines"], stdout="closed-pipe"),
        C(["-c", "100000", "big"], stdout="file:copy"), C(["one"], stdout="closed"), C(["--", "-n"]),
        C(["-n", "3", "-q", "lines", "one"]), C(["-n", "-3", "blanks"]), C(["-c", "-3", "blanks", "two"]),
    ],
    "tail": [
        C(["lines"]), C([], stdin="lines"), C(["-n", "3", "lines"]), C(["-n3", "lines"]), C(["--lines=3", "lines"]),
        C(["-c", "20", "lines"]), C(["--bytes=20", "big"]), C(["-c", "0", "lines"]), C(["-n", "0", "lines"]),
        C(["-n", "+4990", "lines"]), C(["-n", "+0", "two"]), C(["-n", "+1", "two"]), C(["-n", "+2", "two"]),
        C(["-n", "-2", "two"]), C(["-n", "5", "two"]), C(["-c", "+299990", "big"]), C(["-c", "+5", "one"]),
        C(["-c", "+100", "one"]), C(["-n", "+4990"], stdin="lines"), C(["-c", "+299990"], stdin="big"),
        C(["-n", "4000"], stdin="lines"), C(["-n", "4000", "lines"]), C(["-c", "250000"], stdin="big"),
        C(["-c", "250000", "big"]), C(["-n", "1"], stdin="two"), C(["-n", "2", "blanks"]), C(["-n", "100", "blanks"]),
        C(["-c", "1k", "big"]), C(["-c", "1kB", "big"]), C(["-c", "2b", "big"]), C(["-n", "x", "lines"]),
        C(["-c", "1Q", "lines"]), C(["-n", "99999999999999999999999", "lines"]), C(["-n"]), C(["-x"]), C(["--bogus"]),
        C(["-5", "lines"]), C(["+4995", "lines"]), C(["-5c", "lines"]), C(["+5c", "one"]), C(["-2b", "big"]),
        C(["-3l", "lines"]), C(["-"], stdin="lines"), C(["+3"], stdin=b"a\nb\nc\nd\n"), C(["-5x", "lines"]),
        C(["-3", "lines", "two"]), C(["-n", "2", "lines", "two", "one"]), C(["-q", "-n", "2", "lines", "two"]),
        C(["-v", "one"]), C(["--silent", "one", "two"]), C(["one", "nosuch", "two"]), C(["dir"]), C(["one", "dir"]),
        C(["-n", "1", "-", "one"], stdin=b"a\nb\nc\n"), C(["-z", "-n", "2", "words"]), C(["-z", "-n", "+2", "words"]),
        C(["empty"]), C(["-n", "+1", "empty"]), C(["lines"], stdout="full"), C(["-n", "2", "one"], stdout="full"),
        C(["big", "lines"], stdout="closed-pipe"), C(["one"], stdout="closed"), C(["--", "-n"]),
        C(["--follow=bogus", "one"]), C(["-s", "x", "-f", "one"]), C(["--pid=x", "-f", "one"]), C(["--retry", "one"]),
        C(["--pid=1", "one"]), C(["-f", "nosuch"]), C(["-f"], stdin=b"a\nb\n"),
        Follow(["-f", "-s", "0.1", "one"], [(None, "out", b"hello\n"), (append("one", b"more\n"), "out", b"more\n"),
                                            (append("one", b"and more\n"), "out", b"and more\n")]),
        Follow(["-f", "one", "two"], [(None, "out", b"newline"), (append("one", b"x\n"), "out", b"x\n"),
                                      (append("two", b"y\n"), "out", b"y\n"), (append("one", b"z\n"), "out", b"z\n")]),
        Follow(["-f", "one"], [(None, "out", b"hello\n"), (truncate("one"), "err", b"truncated"),
                               (append("one", b"again\n"), "out", b"again\n")]),
        Follow(["-F", "-s", "0.1", "one"], [(None, "out", b"hello\n"), (remove("one"), "err", b"inaccessible"),
                                            (append("one", b"back\n"), "out", b"back\n")]),
        Follow(["-F", "-s", "0.1", "one"], [(None, "out", b"hello\n"), (move_away("one"), "err", b"inaccessible"),
                                            (append("one", b"back\n"), "out", b"back\n")]),
        Follow(["-F", "-s", "0.1", "one"], [(None, "out", b"hello\n"), (replace("one", b"other\n"), "out", b"other\n"),
                                            (append("one", b"more\n"), "out", b"more\n")]),
        Follow(["--follow=name", "--retry", "-s", "0.1", "new"], [(None, "err", b"No such file"),
                                                                  (append("new", b"born\n"), "out", b"born\n")]),
        Follow(["-f", "-s", "0.1", "--pid=CHILD", "one"], [(None, "out", b"hello\n")], ends=True),
        # No inotify instance to be had (RLIMIT_NOFILE): said, then polled.
        Follow(["-f", "-s", "0.1", "one"], [(None, "out", b"hello\n"), (append("one", b"more\n"), "out", b"more\n")],
               nofile=4),
        # Polled without trying inotify, so nothing said: a symbolic link,
        # a character device beside the file, a file that could not be opened.
        Follow(["-f", "-s", "0.1", "sl"], [(None, "out", b"hello\n"), (append("one", b"more\n"), "out", b"more\n")],
               nofile=4, setup=lambda d: os.symlink("one", os.path.join(d, "sl"))),
        Follow(["-f", "-s", "0.1", "/dev/null", "one"],
               [(None, "out", b"hello\n"), (append("one", b"more\n"), "out", b"more\n")], nofile=5),
        Follow(["-f", "-s", "0.1", "nosuch", "one"],
               [(None, "out", b"hello\n"), (append("one", b"more\n"), "out", b"more\n")], nofile=4),
        # What tail says and does when a name stops naming a file it can follow.
        C(["-f", "dir"]), C(["--follow=name", "dir"]), C(["-f", "--retry", "-s", "0.1", "dir"]),
        Follow(["-F", "-s", "0.1", "dir", "one"], [(None, "out", b"hello\n"), (append("one", b"more\n"), "out", b"more\n")]),
        # Polled (a symbolic link): the name gone, nothing is left, and tail
        # ends with status 0, as coreutils' polling loop ends.
        Follow(["--follow=name", "-s", "0.1", "sl"], [(None, "out", b"hello\n"), (remove("sl"), "err", b"remaining")],
               ends="self", setup=lambda d: os.symlink("one", os.path.join(d, "sl"))),
        Follow(["-F", "-s", "0.1", "one"],
               [(None, "out", b"hello\n"), (move_away("one"), "err", b"inaccessible"),
                (lambda d: os.mkdir(os.path.join(d, "one")), "err", b"untailable")]),
        Follow(["-F", "-s", "0.1", "one"],
               [(None, "out", b"hello\n"), (move_away("one"), "err", b"inaccessible"),
                (lambda d: os.symlink("two", os.path.join(d, "one")), "err", b"untailable"), (append("two", b"more\n"), None, None)]),
        # A file that comes back (--retry, with -f too), under a tight RLIMIT_NOFILE.
        Follow(["-f", "--retry", "-s", "0.1", "new"], [(None, "err", b"No such file"), (append("new", b"born\n"), "out", b"born\n")]),
        # (coreutils, polling, would open an unchanged file again after 5
        # looks and find no descriptor free: --max-unchanged-stats keeps it
        # from that.)
        Follow(["-F", "-s", "0.2", "--max-unchanged-stats=1000000", "new"],
               [(None, "err", b"No such file"), (append("new", b"born\n"), "out", b"born\n"),
                (append("new", b"more\n"), "out", b"more\n")], nofile=4),
        # After an operand that failed, the first file's data gets its header again.
        Follow(["-f", "-s", "0.1", "one", "nosuch"], [(None, "out", b"hello\n"), (append("one", b"more\n"), "out", b"more\n")]),
        # A FIFO operand is followed: a second writer's data comes too.
        Follow(["-f", "fifo"], [(fifo_write("fifo", b"x\n"), "out", b"x\n"), (fifo_write("fifo", b"y\n"), "out", b"y\n")],
               setup=lambda d: os.mkfifo(os.path.join(d, "fifo"))),
        C(["-F"]), C(["--follow=name", "one", "-"]),
        # The reader of standard output goes away: tail ends then (SIGPIPE),
        # with inotify, by name, and polling.
        Follow(["-f", "one"], [(None, "out", b"hello\n")], ends="reader"),
        Follow(["-F", "one"], [(None, "out", b"hello\n")], ends="reader"),
        Follow(["-f", "-s", "0.1", "one"], [(None, "out", b"hello\n")], ends="reader", nofile=4),
    ],
    "mkdir": [C(a, state=True) for a in [
        ["new"], ["new", "new2"], ["dir"], ["-p", "dir"], ["one"], ["-p", "one"], ["-p", "one/x"], ["one/x"],
        ["a/b"], ["-p", "a/b/c"], ["-pv", "a//b/./c/"], ["-v", "x", "dir", "y"], ["--parents", "--verbose", "p/q"],
        [""], ["-p", ""], ["-m", "700", "m"], ["-m", "1777", "m"], ["-m", "7777", "m"], ["-m", "u=rwx,g=rx,o=", "m"],
        ["-m", "a-X", "m"], ["-m", "g-w", "m"], ["-m", "u+s", "m"], ["-m", "=t", "m"], ["-m", "go-rwx", "m"],
        ["-m", "ug=rw,o+x", "m"], ["-m", "u=rwx,u-x", "m"], ["-m", "g=u", "m"], ["-m", "a=rwx,+t", "m"],
        ["-m", "+x", "m"], ["-m", "a+r", "m"], ["-m", "o=g", "m"], ["-m", "=", "m"], ["-m", "u=rw,go=u", "m"],
        ["-m", "700", "-p", "n1/n2"], ["--mode=500", "m"], ["-m", "bogus", "m"], ["-m", "8", "m"], ["-m", "u+q", "m"],
        ["-m", "17777", "m"], ["-m", "u", "m"], ["-m", "", "m"], ["-m"], [], ["-x"], ["--bogus"], ["--parents=1", "z"],
        ["locked/x"], ["-p", "locked/x/y"], ["nosuch/x"], ["--", "-p"], ["x", "one", "y"],
    ]] + [C(["-v", "a"], stdout="full", state=True)] + [
        # A clause without u, g, o or a leaves the bits the umask masks; a
        # special bit makes coreutils create without group and other write.
        C(["-m", m, "m"], state=True, umask=u) for u in (0o027, 0o077) for m in
        ["-x", "=rwxt", "+x", "g-w", "u=rwx", "=", "+r,-w", "a=rwx,-x", "+t", "a+t", "+rt", "o+w,+t", "g-s", "u=g,+t"]
    ] + [C(["-p", "-m", "-w", "p/q"], state=True, umask=0o027), C(["-p", "r/s"], state=True, umask=0o077)],
    "rmdir": [C(a, state=True) for a in [
        ["emptydir"], ["dir"], ["one"], ["nosuch"], ["."], [".."], ["emptydir", "dir", "nosuch"], ["-v", "emptydir"],
        ["--ignore-fail-on-non-empty", "dir"], ["--ignore-fail-on-non-empty", "nosuch"], ["dir/sub"],
        ["-p", "dir/sub"], ["-pv", "dir/sub"], ["-p", "--ignore-fail-on-non-empty", "dir/sub"], ["-p", "dir//sub//"],
        ["-p", "emptydir/"], ["-p", "dir/link"], [], ["-x"], ["--bogus"], ["--", "-p"], ["--ign", "dir"], ["locked"],
        ["dir/dangling"], ["emptydir/."],
    ]] + [C(["-v", "emptydir"], stdout="full", state=True)],
    "basename": [C(a) for a in [
        ["a/b/c"], ["/"], ["//"], ["///a//"], ["a/b/"], [""], ["a.txt", ".txt"], ["-a", "x/y", "z/w"], ["-s", ".c", "a.c", "b.c"],
        [".c", ".c"], ["x.c/", ".c"], ["-z", "a"], ["x", "y", "z"], ["--suffix=.x", "a.x"], ["--", "-a"], [], ["-a"],
        ["--multiple", "a", "b/"], ["-s"], ["-x"], ["--bogus"], ["--zero", "-a", "1", "2"], ["a/", ""], ["-as", "", "q"],
    ]] + [C(["a"], stdout="full")],
    "dirname": [C(a) for a in [
        ["a/b/c"], ["/"], ["//"], ["///"], ["a/b/"], [""], ["a"], ["/a"], ["a//b//"], ["-z", "a/b"], ["x/y", "z"],
        ["//a//b"], ["a/.."], ["--zero", "/x"], [], ["-x"], ["--", "-z"], ["--bogus"], ["--zero=1", "a"],
    ]] + [C(["a/b"], stdout="full")],
    "pwd": [
        C([]), C(["-P"]), C(["-L"]), C(["-L"], env={"PWD": "/nonexistent"}), C(["-L"], env={"PWD": "relative"}),
        C(["x"]), C(["-x"]), C(["--bogus"]), C(["--logical"]), C(["--physical"]), C(["-LP"]), C(["-PL"]),
        C([], stdout="full"), C(["-L"], env={"POSIXLY_CORRECT": "1"}),
    ],
    "printenv": [
        C([]), C(["HOME"]), C(["HOME", "NOPE"]), C(["NOPE"]), C(["A=B"]), C(["-0"]), C(["-0", "HOME", "TZ"]),
        C(["--null", "LC_ALL"]), C(["-x"]), C(["--bogus"]), C(["--", "HOME"]), C([], stdout="full"),
        C(["EMPTY"], env={"EMPTY": ""}), C(["HOME"], stdout="closed"),
    ],
    "nproc": [
        C([]), C(["--all"]), C(["--ignore=1"]), C(["--ignore=100"]), C(["--ignore", "0"]), C(["--ignore=x"]),
        C(["--ignore=-1"]), C([], env={"OMP_NUM_THREADS": "3"}), C([], env={"OMP_NUM_THREADS": "5,2", "OMP_THREAD_LIMIT": "4"}),
        C([], env={"OMP_NUM_THREADS": "x"}), C([], env={"OMP_NUM_THREADS": " 7 "}), C([], env={"OMP_THREAD_LIMIT": "1"}),
        C(["--all"], env={"OMP_NUM_THREADS": "9"}), C(["x"]), C(["-x"]), C(["--bogus"]), C(["--ig=1"]), C([], stdout="full"),
    ],
    "uname": [C(a) for a in [
        [], ["-s"], ["-n"], ["-r"], ["-v"], ["-p"], ["-i"], ["-o"], ["-snrvo"], ["-os"], ["--kernel-name"],
        ["--nodename"], ["--operating-system"], ["--sysname"], ["x"], ["-x"], ["--bogus"], ["--k"],
    ]] + [C(["-s"], stdout="full")],
    "sync": [C(a, state=True) for a in [
        [], ["one"], ["-d", "one"], ["-f", "one"], ["dir", "one"], ["nosuch"], ["-d"], ["-df", "one"], ["one", "nosuch", "two"],
        ["--data", "one"], ["--file-system", "dir"], ["-x"], ["--bogus"], ["locked"], ["--", "one"],
    ]],
    "rm": [C(a, state=True, setup=tree) for a in [
        ["one"], ["one", "two"], ["nosuch"], ["-f", "nosuch"], ["-f", "nosuch", "one"], ["dir"], ["-d", "dir"],
        ["-d", "emptydir"], ["-r", "dir"], ["-R", "dir", "one"], ["-rv", "dir"], ["-v", "one", "dir/link"],
        ["-rf", "dir", "nosuch"], ["-r", "."], ["-r", ".."], ["-r", "dir/."], ["-r", "dir/.."], ["-rf", "/"],
        ["-r", "//"], ["-r", "dir/sub/"], ["dir/link"], ["dir/dangling"], ["-r", "tree"], ["-rv", "tree/out"],
        ["-rv", "tree/outlink"], ["-d", "dir/sub"], ["locked"], ["-r", "locked"], [], ["-f"], ["-x"], ["--bogus"],
        ["--force", "one"], ["--recursive", "--verbose", "dir"], ["--interactive=never", "one"],
        ["--interactive=bogus", "one"], ["--preserve-root=x", "one"], ["--no-preserve-root", "one"], ["--", "-f"],
        ["-r", "--one-file-system", "dir"], ["nosuch/x"], ["-f", "nosuch/x"], ["one/x"], ["-r", ""], [""],
    ]] + [
        C(["-i", "one", "two"], stdin=b"y\nn\n", state=True), C(["-ri", "dir"], stdin=b"y\n" * 20, state=True),
        C(["-ri", "dir"], stdin=b"n\n", state=True), C(["-ri", "emptydir", "one"], stdin=b"y\ny\n", state=True),
        C(["-rI", "dir", "one"], stdin=b"y\n", state=True), C(["-rI", "dir", "one"], stdin=b"n\n", state=True),
        C(["-I", "one", "two", "big", "lines"], stdin=b"n\n", state=True), C(["-I", "one", "two", "big"], state=True),
        C(["-vi", "one"], stdin=b"yes\n", state=True), C(["-rv", "dir"], stdout="full", state=True),
    ],
    "seq": [C(a) for a in [
        ["3"], ["0"], ["-3"], ["2", "5"], ["5", "1"], ["1", "2", "9"], ["10", "-3", "1"], ["-5", "3", "5"], ["-w", "-5", "3", "5"],
        ["-w", "1", "0.5", "3"], ["-w", "0.5", "10"], ["-w", "9", "11"], ["-w", "1", "1.25", "10"], ["-w", "10", "-3", "1"],
        ["1", "0.1", "1.3"], ["0.1", "0.1", "0.5"], ["-s,", "3"], ["-s", "", "3"], ["-s", "-1", "2"], ["--separator=::", "4"],
        ["-f", "%03g", "3"], ["-f", "x%.2fy", "1", "0.5", "2"], ["-f", "%e", "1", "2"], ["-f", "%g", "0.00001", "1", "0.00001"],
        ["-f", "%g", "1000000", "1000001"], ["-f", "%-5.1f|", "1", "2"], ["-f", "%+g", "-1", "1"], ["-f", "%%%g%%", "1"],
        ["-f", "%#g", "1"], ["-f", "%G", "1e-5", "1", "1e-5"], ["-f", "%E", "12345", "12345"], ["-f", "%10.3e", "-2.5", "1", "0"],
        ["-f", "% g", "1", "2"], ["-f", "%.0f", "1", "3"], ["-f", "%f", "1.5"], ["-f", "%.3g", "12345", "12345"],
        ["1", "0", "2"], ["0", "0.0", "1"], ["x"], ["1", "x"], ["-f", "%d", "1"], ["-f", "x", "1"], ["-f", "%f%f", "1"],
        ["-f", "%", "1"], ["1e2", "1e2"], ["--", "-1"], ["-1.5", "1"], [".5", "2"], ["1.", "3"], ["1", "2", "1", "2"], [],
        ["-w", "100"], ["-x"], ["--bogus"], ["-w", "-f", "%g", "1"], ["1.0", "0.25", "2"], ["-2", "-0.5", "-4"],
        ["1e1", "1e1", "3e1"], ["0.000001", "0.000002", "0.000005"], ["-f", "%.2e", "99.5", "99.5"], ["-w", "-1", "1"],
        ["1", "1000"], ["-s", " ", "-w", "8", "-1", "4"], ["--equal-width", "7", "12"], ["-f", "%5g|", "1.5", "3"],
    ]] + [C(["100000"], stdout="full"), C(["1000000"], stdout="closed-pipe")],
    "cp": [C(a, state=True, setup=tree) for a in [
        ["one", "new"], ["one", "two"], ["one", "dir"], ["one", "two", "dir"], ["one", "two", "three"], ["one"], [],
        ["one", "one"], ["one", "./one"], ["nosuch", "x"], ["dir", "x"], ["-r", "dir", "x"], ["-R", "dir", "emptydir"],
        ["-a", "dir", "x"], ["-rp", "dir", "x"], ["-p", "script", "x"],
        ["script", "x"], ["-r", "tree", "t2"], ["-rL", "tree", "t2"], ["-rH", "tree/outlink", "t2"], ["-P", "dir/link", "x"],
        ["dir/link", "x"], ["-d", "dir/link", "x"], ["dir/dangling", "x"], ["-P", "dir/dangling", "x"], ["-n", "one", "two"],
        ["-v", "one", "two", "dir"], ["-t", "dir", "one", "two"], ["--target-directory=dir", "one"],
        ["-T", "one", "dir"], ["-T", "dir", "emptydir"], ["-rT", "dir", "emptydir"], ["-t", "nosuch", "one"],
        ["-t", "dir", "-T", "one"], ["one", "nosuch/x"], ["one", "locked/x"], ["-f", "one", "script"], ["--preserve=mode", "script", "x"],
        ["--preserve=bogus", "one", "x"], ["--no-preserve=all", "-a", "dir", "x"], ["-q"], ["--bogus"], ["-r", "one", "dir/"],
        ["big", "lines", "empty", "dir"], ["-r", "dir/", "x/"], ["one", "dir/sub/"], ["-r", "emptydir", "one"],
        ["/dev/null", "x"], ["-a", "tree", "emptydir"], ["--", "one", "x"],
    ]] + [
        # Into itself: coreutils has made part of the copy when it notices; the messages and status only.
        C(["-r", "dir", "dir/sub"]), C(["-r", "dir", "dir"]), C(["-r", "tree/a", "tree/a/b"], setup=tree),
        C(["-i", "one", "two"], stdin=b"n\n", state=True), C(["-i", "one", "two"], stdin=b"y\n", state=True),
        C(["-i", "one", "new"], state=True), C(["-vi", "one", "two", "big", "dir"], stdin=b"y\n", state=True),
        C(["-rv", "dir", "x"], state=True, sort_out=True), C(["-av", "tree", "x"], state=True, setup=tree, sort_out=True),
    ],
    "mv": [C(a, state=True, setup=other_fs) for a in [
        ["one", "new"], ["one", "two"], ["one", "dir"], ["one", "two", "dir"], ["one", "two", "three"], ["one"], [],
        ["one", "one"], ["nosuch", "x"], ["dir", "x"], ["dir", "emptydir"], ["emptydir", "dir"], ["dir", "dir/sub"],
        ["dir", "one"], ["one", "dir/sub"], ["one", "emptydir"], ["-n", "one", "two"], ["-v", "one", "two", "dir"],
        ["-t", "dir", "one", "two"], ["-T", "one", "dir"], ["-T", "emptydir", "dir/sub"], ["-t", "nosuch", "one"],
        ["one", "nosuch/x"], ["-f", "one", "script"], ["-x"], ["--bogus"], ["dir/link", "x"], ["dir/dangling", "x"],
        ["one", "shm/"], ["-v", "one", "shm/x"], ["dir", "shm"], ["shm/there", "."],
        ["shm/there", "one"], ["one", "big", "shm"], ["-n", "one", "shm/there"], ["--", "one", "x"], ["dir/", "x"],
        ["emptydir", "dir/sub"], ["locked", "x"],
    ]] + [
        C(["-i", "one", "two"], stdin=b"n\n", state=True), C(["-i", "one", "two"], stdin=b"y\n", state=True),
        C(["-i", "one", "new"], state=True),
        C(["-v", "tree", "shm/tree"], state=True, setup=other_fs, sort_out=True),
    ],
    "ln": [C(a, state=True) for a in [
        ["one", "new"], ["one", "two"], ["-s", "one", "new"], ["-s", "one", "two"], ["-v", "one", "h1"], ["-sv", "one", "s2"],
        ["dir", "d2"], ["nosuch", "x"], ["-s", "nosuch", "x"], ["one"], ["/etc/hostname"], ["-s", "/etc/hostname"], ["one", "dir"],
        ["one", "two", "dir"], ["-s", "x", "y", "z"], [], ["one", "dir/", "one"], ["-sf", "one", "two"], ["-f", "one", "one"],
        ["-f", "one", "./one"], ["-sf", "one", "one"], ["-s", "one", "dir/link"], ["-sfn", "one", "dir/link"],
        ["-sf", "dir", "dir/sub"], ["-sfn", "emptydir", "dir/link"], ["-T", "one", "dir"], ["-T", "one", "new"], ["-t", "dir", "one", "two"],
        ["-t", "nosuch", "one"], ["-L", "dir/link", "x"], ["-P", "dir/link", "x"], ["dir/link", "x"], ["-x"], ["--bogus"],
        ["--symbolic", "--verbose", "a", "b"], ["-f", "one", "dir"], ["-s", "", "x"], ["", "x"], ["--", "one", "x"],
        # EXDEV names the target too; a symbolic link's ENAMETOOLONG as well.
        ["/proc/version", "x"], ["/proc/version"], ["-s", "a" * 5000, "x"],
    ]] + [C(["-i", "one", "two"], stdin=b"n\n", state=True), C(["-i", "one", "two"], stdin=b"y\n", state=True)] + [
        # -f and -i replace NAME only by renaming a new link over it: where
        # the link cannot be made, NAME stays.
        C(a, state=True, stdin=stdin) for a, stdin in [
            (["-f", "one", "two"], b""), (["-f", "/proc/version", "one"], b""), (["-sf", "", "one"], b""),
            (["-i", "/proc/version", "one"], b"y\n"), (["-fv", "two", "one"], b""),
        ]] + [
        # A second name of TARGET is replaced (by itself): not "the same file".
        C(a, state=True, setup=lambda d: os.link(os.path.join(d, "one"), os.path.join(d, "hl")))
        for a in [["-f", "one", "hl"], ["-f", "hl", "one"], ["-f", "one", "one"], ["-f", "one", "./one"], ["-fv", "one", "hl"]]],
    "chmod": [C(a, state=True) for a in [
        ["755", "one"], ["-v", "755", "one"], ["-c", "644", "one"], ["-c", "755", "one"], ["-v", "u+x", "one"], ["x", "one"],
        ["755"], [], ["-w", "one"], ["-v", "-w", "one"], ["755", "nosuch"], ["755", "dir/dangling"], ["-v", "o-r", "dir"],
        ["-R", "-v", "700", "dir"], ["-Rc", "go-rwx", "dir"], ["--reference=script", "one"], ["--reference=nosuch", "one"],
        ["-v", "=t,u=rwx", "one"], ["-v", "4755", "one"], ["-v", "g+s", "dir"], ["-v", "o+t", "dir"], ["a=", "one"],
        ["+w", "one"], ["-v", "+x", "one", "two"], ["g=u", "one"], ["u=rw,go=u", "one"], ["-v", "a+X", "one", "dir"],
        ["-f", "755", "nosuch"], ["-v", "755", "dir/link"], ["-R", "755", "dir/link"], ["-x"], ["--bogus"], ["-v", "-x", "script"],
        ["u+rwx,g-w,o=", "one", "two", "nosuch", "big"], ["--", "755", "one"], ["-v", "0", "one"], ["17777", "one"],
        ["-v", "+t", "one"], ["--changes", "--recursive", "a+rX", "dir"], ["1644", "dir", "one"],
    ]] + [
        # A directory's set-user-ID and set-group-ID bits stay unless a clause
        # names them (or an octal mode has five digits).
        C(a, state=True, setup=lambda d: os.chmod(os.path.join(d, "dir"), 0o6755)) for a in [
            ["=rwx", "dir"], ["u=rwx", "dir"], ["-v", "g=rwx", "dir"], ["a=rwx", "dir"], ["u=g", "dir"], ["a-s", "dir"],
            ["755", "dir"], ["00755", "dir"], ["g=u,o=", "dir"],
        ]],
    "readlink": [C(a, setup=links) for a in [
        ["l"], ["one"], ["nosuch"], ["-f", "l"], ["-f", "nosuch"], ["-f", "nosuch/x"], ["-e", "nosuch"],
        ["-m", "nosuch/x/../y"], ["-f", "dir/dangling"], ["-e", "dir/dangling"], ["-f", "loop1"], ["-v", "one"], ["-n", "l"],
        ["-n", "l", "l"], ["-f", "one/"], ["-e", "one/"], ["-m", "one/x"], ["-f", "ld/../one"], ["-f", "./dir//"], ["-f", "/"],
        ["-f", ""], ["-e", ""], ["-v", "nosuch"], ["-f", "dir/../.."], ["ll"], ["-f", "ll"], ["-e", "abs/../a"], ["-f", "dir/up"],
        ["-z", "l", "ld"], ["-fv", "loop1"], ["-ev", "nosuch/x"], ["-mv", "loop1/x"], ["-x"], ["--bogus"], [], ["-f", "//"],
        ["--canonicalize", "l"], ["-f", "dir/link"], ["-e", "dir/link/"], ["-m", "///a//../b/./c"],
    ]] + [C(["l"], stdout="full", setup=links)],
    "realpath": [C(a, setup=links) for a in [
        ["l"], ["nosuch"], ["nosuch/x"], ["-e", "nosuch"], ["-m", "nosuch/x/../y"], ["dir/dangling"], ["-e", "dir/dangling"],
        ["loop1"], ["-s", "ld/../one"], ["one/"], ["-q", "nosuch/x"], [""], ["-L", "ld/.."], ["-P", "ld/.."], ["-z", "one", "l"],
        ["-L", "abs/.."], ["-P", "abs/.."], ["-s", "abs/.."], ["-s", "ll"], ["-es", "nosuch"], ["."], ["/"], ["//x/../"], ["dir/up"],
        ["-m", "loop1/x"], ["-e", "abs"], ["-x"], ["--bogus"], [], ["--strip", "l", "ld/"], ["--no-symlinks", "-m", "a/../../b"],
        ["one", "nosuch/x", "l"], ["--", "-x"],
    ]] + [C(["l"], stdout="full", setup=links)],
    # -k's command gets 2 s to set its trap before TERM comes (a shell under
    # load, or started from a tool under qemu, can take more than 0.1 s); a
    # command that cannot run gets 30 s to fail (it fails at once, but the
    # timer must not win on a loaded machine).
    "timeout": [C(a) for a in [
        ["0.1", "sleep", "5"], ["--preserve-status", "0.1", "sleep", "5"], ["-s", "KILL", "0.1", "sleep", "5"],
        ["30", "nosuchcmd"], ["30", "/etc/passwd"], ["30", "./noexec"], ["x", "sleep", "1"], ["-s", "FOO", "1", "true"],
        ["5", "sh", "-c", "exit 3"], ["5", "sh", "-c", "kill -USR1 $$"], [], ["1"], ["-v", "0.1", "sleep", "5"],
        ["-k", "0.1", "2", "sh", "-c", "trap '' TERM; sleep 5"], ["0", "true"], ["5", "echo", "hi", "there"],
        ["-s", "9", "0.1", "sleep", "5"], ["-s", "sigint", "0.1", "sleep", "5"], ["--signal=HUP", "0.1s", "sleep", "5"],
        ["0.001m", "sleep", "5"], ["1m", "true"], ["-k", "x", "1", "true"], ["--foreground", "5", "echo", "hi"], ["-x", "1", "true"],
        ["--bogus"], ["5", "./script", "arg"], ["1d", "sh", "-c", "echo out; echo err >&2; exit 7"], ["5", "--", "true"],
        ["-v", "-s", "USR1", "0.1", "sleep", "5"], ["--preserve-status", "-s", "INT", "0.1", "sleep", "5"], ["1x", "true"],
    ]],
    "truncate": [C(a, state=True) for a in [
        ["-s", "10", "one"], ["-s", "0", "big"], ["-s", "10", "new"], ["-c", "-s", "10", "new"], ["--no-create", "-s", "3", "one"],
        ["-s", "+5", "one"], ["-s", "-2", "one"], ["-s", "-100", "one"], ["-s", "<3", "one"], ["-s", "<300", "one"],
        ["-s", ">3", "one"], ["-s", ">300", "one"], ["-s", "/4", "one"], ["-s", "%4", "one"], ["-s", "%3", "one"], ["-s", "/0", "one"],
        ["-s", "%0", "one"], ["-s", "1K", "one"], ["-s", "1KB", "one"], ["-s", "1KiB", "one"], ["-s", "2M", "new"], ["-s", "1k", "one"],
        ["-s", " +1", "one"], ["-s", "< 7", "one"], ["-s", "<+3", "one"], ["-s", "++3", "one"], ["-s", "x", "one"], ["-s", "1Q", "one"],
        ["-s", "", "one"], ["-s", ">", "one"], ["-s", "99999999999999999999", "one"], ["-s", "9223372036854775807", "new"],
        ["-s", "+9223372036854775807", "one"], ["-r", "two", "one"], ["-r", "nosuch", "one"], ["-r", "two", "-s", "+1", "one"],
        ["-r", "two", "-s", "1", "one"], ["-o", "-s", "2", "one"], ["-o", "one"], ["-o", "-r", "two", "one"], [], ["one"], ["-s", "1"],
        ["-s", "5", "one", "two", "nosuch/x", "new"], ["-s", "1", "dir"], ["-s", "1", "locked/x"], ["-c", "-s", "1", "nosuch/x"],
        ["-x"], ["--bogus"], ["-s"], ["--size=4", "one"], ["--reference=one", "two"], ["--io-blocks", "--size=1", "new"],
        ["-s", "1", "--", "-c"], ["-s", "-0", "one"], ["-s", "1", "/dev/null"],
    ]],
    "mktemp": [C(a, state=True, env={"TMPDIR": "dir"}, mask=RANDOM_NAMES) for a in [
        [], ["zqXXX"], ["zqXXXXXX"], ["zqXXXXXX.txt"], ["-d", "zqXXXXXX"], ["--directory", "zqXXXX.d"], ["-u", "zqXXXX"],
        ["--dry-run", "-d", "zqXXXX"], ["-q", "zqXX"], ["zqXX"], ["zq"], ["zqXXX", "zqXXX"], ["-p", "emptydir", "zqXXX"],
        ["-p", "emptydir/", "zqXXX"], ["--tmpdir=emptydir", "zqXXX"], ["--tmpdir", "zqXXX"], ["-p", "", "zqXXX"],
        ["-p", "emptydir", "/zqXXX"], ["-p", "nosuch", "zqXXX"], ["-q", "-p", "nosuch", "zqXXX"], ["-d", "-p", "nosuch", "zqXXX"],
        ["-u", "-p", "nosuch", "zqXXX"], ["-t"], ["-t", "zqXXX"], ["-t", "a/zqXXX"], ["-t", "-p", "emptydir", "zqXXX"], ["-d"],
        ["--suffix=.c"], ["--suffix=.c", "zqXXX"], ["--suffix=.c", "zqXXX.d"], ["--suffix=/a", "zqXXX"], ["zqXXX/a"], ["zqXXX.t/"],
        ["--suffix"], ["-p"], ["-x"], ["--bogus"], ["locked/zqXXX"], ["-d", "locked/zqXXX"], ["nosuch/zqXXX"], ["-q", "nosuch/zqXXX"],
        ["--", "zqXXX"], ["--quiet", "--directory", "--tmpdir=emptydir", "zqXXXXXXXXXXXXXXXXX"], ["zqXXX"], ["zqXXX.aXXX"],
    ]] + [C(a, state=True, env={"TMPDIR": ""}, mask=RANDOM_NAMES) for a in [
        ["-u"], ["-u", "-t", "zqXXX"], ["-u", "-t", "-p", "emptydir", "zqXXX"], ["-u", "-p", "", "zqXXX"],
    ]] + [C(["zqXXX"], stdout="full", state=True, mask=RANDOM_NAMES),
          C(["-q", "-d", "zqXXX"], stdout="full", state=True, mask=RANDOM_NAMES)],
    "touch": [C(a, state=True, times=True, setup=links) for a in [
        ["one"], ["new"], ["one", "new", "dir"], ["-c", "new"], ["--no-create", "one"], ["-a", "one"], ["-m", "one"], ["-am", "one"],
        ["--time=atime", "one"], ["--time=mtime", "one"], ["--time=use", "one"], ["--time=modify", "one"], ["--time=a", "one"],
        ["--time=m", "one"], ["--time=x", "one"], ["--time=", "one"], ["-t", "202001020304", "one"], ["-t", "202001020304.05", "one"],
        ["-t", "2001020304", "one"], ["-t", "6901020304", "one"], ["-t", "6801020304", "one"], ["-t", "197001010000.00", "new"],
        ["-t", "202002290000", "one"], ["-t", "202102290000", "one"], ["-t", "202013010000", "one"], ["-t", "202001010000.60", "one"],
        ["-t", "202001010000.61", "one"], ["-t", "1", "one"], ["-t", "2020010100000", "one"], ["-t", "20200101000a", "one"],
        ["-t", "202001010000.5", "one"], ["-a", "-t", "202001020304", "one"], ["-m", "-t", "202001020304", "one", "new"],
        ["-d", "2021-03-04", "one"], ["-d", "2021-03-04 05:06:07", "one"], ["-d", "2021-03-04 05:06", "one"],
        ["-d", "2021-03-04T05:06:07", "one"], ["-d", "2021-03-04 05:06:07.25", "one"], ["-d", "2021-03-04 05:06:07Z", "one"],
        ["-d", "2021-03-04 05:06:07 UTC", "one"], ["-d", "@1234567890", "one"], ["-d", "@1234567890.5", "one"], ["-d", "@0", "one"],
        ["--date=@100", "-a", "one"], ["-d", "now", "one"], ["-d", "2021-02-30", "one"], ["-d", "2021-13-01", "one"],
        ["-d", "@", "one"], ["-d", "2021-03-04 25:00", "one"], ["-d", "@100", "-t", "202001010000", "one"],
        ["-t", "202001010000", "-t", "202101010000", "one"], ["-r", "two", "one"], ["-r", "nosuch", "one"], ["--reference=two", "-m", "one"],
        ["-r", "two", "-t", "202001010000", "one"], ["-r", "two", "-d", "@5", "one"], ["-h", "l"], ["-h", "dir/dangling"],
        ["dir/dangling"], ["-c", "dir/dangling"], ["-h", "nosuch"], ["-hc", "nosuch"], ["-h", "-r", "l", "two"], ["-r", "l", "two"],
        ["-h", "-d", "@7", "l"], ["-d", "@7", "l"], ["nosuch/x"], ["-c", "nosuch/x"], ["locked/x"], ["locked"], [], ["-d"], ["-t"],
        ["-x"], ["--bogus"], ["-f", "one"], ["--", "-a"], ["-d", "@9", "--", "one", "-c"],
    ]] + [C(["-d", "@9", "-"], stdout="file:out", state=True, times=True), C(["-c", "-d", "@9", "-"], stdout="closed", times=True)],
    "id": [C(a) for a in [
        [], ["-u"], ["-g"], ["-G"], ["-un"], ["-gn"], ["-Gn"], ["-ur"], ["-gr"], ["-Gr"], ["-unr"], ["-z", "-u"], ["-zG"], ["-zGn"],
        ["--user", "--name"], ["--group", "--real"], ["--groups", "--zero"], ["-n"], ["-r"], ["-z"], ["-ug"], ["-uG"], ["-gG"],
        ["-a"], ["-a", "-u"], ["-Z"], ["root"], ["daemon"], ["postgres"], ["-G", "postgres"], ["-Gn", "postgres"], ["-gn", "postgres"],
        ["-un", "postgres"], ["0"], ["+0"], ["1"], ["12345"], ["nosuch"], [""], ["root", "daemon", "nosuch", "postgres"],
        ["-u", "root", "daemon"], ["-Gnz", "root", "postgres"], ["-x"], ["--bogus"], ["--", "root"], ["-u", "+1"], ["nobody"],
        ["-G", "nobody"], ["-Gn", "sync"], ["sync"],
    ]] + [C([], stdout="full"), C(["-u"], stdout="closed")],
    "stat": [C(a, mask=STAT_MASK, setup=links) for a in [
        ["one"], ["dir"], ["l"], ["-L", "l"], ["dir/link"], ["dir/dangling"], ["-L", "dir/dangling"], ["/dev/null"], ["empty"],
        ["locked"], ["script"], ["one", "nosuch", "dir"], ["nosuch"], [], ["-x"], ["--bogus"], ["-c"], ["--", "one"],
        ["-c", "%n %s %b %B %a %A %f %F %h %u %U %g %G %o", "one", "dir", "l", "empty", "/dev/null"],
        ["-c", "%N", "l", "one", "dir/dangling", "odd"], ["-L", "-c", "%N %F", "l", "ld"],
        ["-c", "%d %D %Hd %Ld %t %T %Hr %Lr %r %R", "/dev/null", "one"], ["--format=%x|%X|%y|%Y", "one", "dir/a.txt"],
        ["-c", "%.3X|%.9Y|%.12Y|%.0X|%15.4Y|%-15.2Y|", "one"], ["-c", "%5s|%-5s|%05s|%+s|% s|%.3s|%-8n|%8n|%.2n", "one"],
        ["-c", "%%|%q|%|x%", "one"], ["-c", "", "one"], ["-c", "\\n%n\\t", "one"], ["--printf", "%n\\n%s\\t\\x41\\101\\\\\\q", "one"],
        ["--printf=%n:%s;", "one", "two"], ["-c", "%A %a", "kinds/", "tree"], ["-c", "%F", "kinds"], ["-f", "-c", "%n %l %s %S %t %T", "one", "/proc"],
        ["-f", "one"], ["-f", "nosuch"], ["-f", "-"], ["-c", "%n %s", "-"], ["--dereference", "--format=%s", "l"],
        ["-c", "%w|%W", "nosuch"], ["-c", "%04a|%#o|%10.10A|", "script"], ["--terse", "-f", "-c", "%T", "one"],
    ]] + [C(["-c", "%n %s", "-"], stdin="lines", mask=STAT_MASK), C(["one"], stdout="full", mask=STAT_MASK),
          C(["-f", "-c", "%n %t %T"] + mount_points())],
    "tee": [
        C([], stdin=b"a\nb\n"), C([], stdin="big"), C(["out1", "out2"], stdin="lines", state=True),
        C(["-a", "one"], stdin=b"more\n", state=True), C(["--append", "one", "new"], stdin=b"x", state=True),
        C(["one"], stdin=b"replaced\n", state=True), C(["-"], stdin=b"to a file named -\n", state=True),
        C(["nosuch/x", "out"], stdin=b"x\n", state=True), C(["dir"], stdin=b"x\n", state=True),
        C(["out", "dir", "out2"], stdin="big", state=True), C(["out"], stdin="big", stdout="full", state=True),
        C(["out"], stdin=b"small\n", stdout="full", state=True), C(["-p", "out"], stdin="big", stdout="full", state=True),
        C(["out"], stdin="big", stdout="closed-pipe", state=True), C(["-p", "out"], stdin="big", stdout="closed-pipe", state=True),
        C(["--output-error=warn", "out"], stdin="big", stdout="closed-pipe", state=True),
        C(["--output-error=exit", "out"], stdin="big", stdout="full", state=True),
        C(["--output-error=exit-nopipe", "out"], stdin="big", stdout="closed-pipe", state=True),
        C(["--output-error=exit-nop", "out"], stdin="big", stdout="full", state=True),
        C(["--output-error", "out"], stdin="big", stdout="closed-pipe", state=True),
        C(["--output-error=bogus"]), C(["--output-error=w"]), C(["--output-error=e"]), C(["--output-error="]),
        C(["-i", "out"], stdin=b"x", state=True), C(["--ignore-interrupts", "--", "-a"], stdin=b"x", state=True),
        C(["-x"]), C(["--bogus"]), C(["--append=1"]), C(["it's", "a b"], stdin=b"q", state=True),
        C(["locked/x"], stdin=b"x"), C([], stdin=b"x", stdout="closed"),
    ],
    "yes": [
        C([], limit=100000), C(["a", "b"], limit=100000), C(["--", "-x"], limit=1000), C(["a", "--", "b"], limit=1000),
        C([""], limit=1000), C(["x" * 20000], limit=100000), C(["x" * 16382], limit=100000), C(["a", "", "b"], limit=5000),
        C([], stdout="full"), C([], stdout="closed-pipe"), C(["-x"]), C(["--bogus"]), C(["--help=x"]), C([], stdout="closed"),
    ],
}


def rm_race(ours, emulator):
    """rm -rf on a tree whose directories are swapped for links to a
    directory outside it while rm works: what is outside stays."""
    failures = 0
    for attempt in range(3):
        base = tempfile.mkdtemp(prefix="rawsys-rm-race-")
        victim = os.path.join(base, "victim")
        os.makedirs(os.path.join(victim, "keep"))
        for i in range(50):
            open(os.path.join(victim, "keep", "f%d" % i), "w").close()
        work = os.path.join(base, "work")
        for i in range(300):
            os.makedirs(os.path.join(work, "d%d" % i, "sub", "deeper"))
            open(os.path.join(work, "d%d" % i, "sub", "file"), "w").close()
        stop = []

        def swapper():
            while not stop:
                for i in range(300):
                    sub = os.path.join(work, "d%d" % i, "sub")
                    try:
                        os.rename(sub, sub + ".old")
                        os.symlink(victim, sub)
                    except OSError:
                        pass
        t = threading.Thread(target=swapper)
        t.start()
        full = (emulator + ["-0", "rm", ours] if emulator else ["rm"]) + ["-rf", work]
        subprocess.run(full, executable=None if emulator else ours, capture_output=True, timeout=300)
        stop.append(1)
        t.join()
        left = sorted(os.listdir(os.path.join(victim, "keep")))
        ok = len(left) == 50
        print(("same: " if ok else "DIFFERENT: ") + f"rm -rf on a tree being swapped for links (attempt {attempt}): "
              f"{len(left)} of 50 files outside it left")
        failures += not ok
        shutil.rmtree(base)
    return failures


def masked(result, mask):
    """RESULT (status, stdout, stderr[, snapshot]) with MASK's patterns replaced."""
    def sub(text):
        for pattern, replacement in mask:
            text = re.sub(pattern, replacement, text)
        return text
    out = (result[0],) + tuple(None if t is None else sub(t.decode("latin-1")).encode("latin-1") for t in result[1:3])
    if len(result) > 3:
        out += (sorted((sub(w[0]),) + w[1:] for w in result[3]),)
    return out


def kill_checks(ours, emulator):
    """kill: this system's kill(1) is procps', not coreutils', so kill is
    checked against what coreutils' kill does: signals reach the children
    spawned here (never a group, never -1), -l converts names and numbers
    as coreutils' sig2str and str2sig do, and the messages and statuses are
    coreutils'."""
    failures = 0

    def run_kill(args):
        full = (emulator + ["-0", "kill", ours] if emulator else ["kill"]) + args
        p = subprocess.run(full, executable=None if emulator else ours, capture_output=True, timeout=60, env=BASE_ENV)
        return p.returncode, p.stdout, p.stderr

    def check(label, ok, got):
        nonlocal failures
        print(("same: " if ok else "DIFFERENT: ") + f"kill {label}: {got!r:.400}")
        failures += not ok

    def child():
        return subprocess.Popen(["sleep", "100"], start_new_session=True)

    sent = [([], signal.SIGTERM), (["-s", "KILL"], signal.SIGKILL), (["-9"], signal.SIGKILL),
            (["-INT"], signal.SIGINT), (["-SIGUSR1"], signal.SIGUSR1), (["-s", "usr2"], signal.SIGUSR2),
            (["-n", "HUP"], signal.SIGHUP), (["--signal=sigquit"], signal.SIGQUIT), (["-s", "137"], signal.SIGKILL)]
    # qemu-user moves the guest's real-time signals onto other host numbers
    # (it keeps some for itself): RTMIN+1 reaches a host process as another.
    if emulator:
        print("skipped under qemu-user: kill -s RTMIN+1 (qemu renumbers real-time signals)")
    else:
        sent.append((["-s", "RTMIN+1"], None))
    for args, signum in sent:
        c = child()
        got = run_kill(args + [str(c.pid)])
        c.wait(timeout=20)
        want = -signum if signum else -(signal.SIGRTMIN + 1)
        check(f"{args} CHILD", got == (0, b"", b"") and c.returncode == want, (got, c.returncode))
    kids = [child() for _ in range(3)]
    got = run_kill(["-s", "TERM"] + [str(k.pid) for k in kids])
    codes = [k.wait(timeout=20) for k in kids]
    check("-s TERM CHILD CHILD CHILD", got == (0, b"", b"") and codes == [-15] * 3, (got, codes))
    c = child()
    got = run_kill(["-0", str(c.pid)])
    alive = c.poll() is None
    c.kill()
    c.wait()
    check("-0 CHILD", got == (0, b"", b"") and alive, (got, alive))
    c = child()
    got = run_kill(["--", "-%d" % c.pid])  # its own group: start_new_session made it one
    c.wait(timeout=20)
    check("-- -GROUP_OF_CHILD", got == (0, b"", b"") and c.returncode == -15, (got, c.returncode))
    # A process that cannot exist: no pid reaches pid_max (a child that has
    # ended could see its pid reused by another test's process).
    with open("/proc/sys/kernel/pid_max") as f:
        none = int(f.read())
    got = run_kill([str(none), "x", "99999999999"])
    check("NO_SUCH_PID x HUGE", got == (1, b"", ("kill: '%d': No such process\nkill: 'x': invalid process id\n"
                                                   "kill: '99999999999': invalid process id\n" % none).encode()), got)
    names = run_kill(["-l"])
    lines = names[1].decode().split("\n")
    # In the numbers' order: mips numbers them its own way, with EMT (7).
    first = ("HUP INT QUIT ILL TRAP ABRT EMT FPE KILL BUS SEGV SYS PIPE ALRM TERM" if any("mips" in e for e in emulator)
             else "HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM")
    check("-l", names[0] == 0 and lines[:15] == first.split()
          and lines[-3:] == ["RTMAX-1", "RTMAX", ""] and "RTMIN" in lines and "RTMIN+15" in lines, names)
    term = run_kill(["-l", "TERM"])[1].strip()
    for args, want in [(["-l", term.decode()], (0, b"TERM\n", b"")), (["-l", str(128 + int(term))], (0, b"TERM\n", b"")),
                       (["-l", "sigterm", "Kill"], (0, term + b"\n" + run_kill(["-l", "KILL"])[1], b"")),
                       (["-l", "0"], (0, b"EXIT\n", b"")), (["-l", "EXIT"], (0, b"0\n", b"")),
                       (["-l", "RTMIN"], (0, b"34\n", b"")), (["-l", "34", "35"], (0, b"RTMIN\nRTMIN+1\n", b"")),
                       (["-l", "RTMAX-0"], (0, run_kill(["-l", "RTMAX"])[1], b"")),
                       (["-l", "32"], (1, b"", b"kill: '32': invalid signal\n")),
                       (["-l", "FOO", "HUP"], (1, run_kill(["-l", "HUP"])[1], b"kill: 'FOO': invalid signal\n")),
                       (["-l", "RTMIN+99"], (1, b"", b"kill: 'RTMIN+99': invalid signal\n")),
                       ([], (1, b"", b"kill: no process ID specified\nTry 'kill --help' for more information.\n")),
                       (["-s"], (1, b"", b"kill: option requires an argument -- 's'\nTry 'kill --help' for more information.\n")),
                       (["-s", "FOO", "1"], (1, b"", b"kill: 'FOO': invalid signal\nTry 'kill --help' for more information.\n")),
                       (["-FOO", "1"], (1, b"", b"kill: 'FOO': invalid signal\nTry 'kill --help' for more information.\n")),
                       (["-9", "-s", "1", "1"], (1, b"", b"kill: '1': multiple signals specified\nTry 'kill --help' for more information.\n")),
                       (["-s", "9", "-l"], (1, b"", b"kill: cannot combine signal with -l or -t\nTry 'kill --help' for more information.\n")),
                       (["-l", "-l"], (1, b"", b"kill: multiple -l or -t options specified\nTry 'kill --help' for more information.\n")),
                       (["-x"], (1, b"", b"kill: invalid option -- 'x'\nTry 'kill --help' for more information.\n"))]:
        got = run_kill(args)
        check(repr(args), got == want, got)
    return failures


def main():
    tool, tool_dir, emulator = sys.argv[1], sys.argv[2], sys.argv[3:]
    ours = os.path.abspath(os.path.join(tool_dir, tool))
    if tool == "kill":
        failures = kill_checks(ours, emulator)
        print(f"kill: {failures} differences from coreutils' kill")
        return 1 if failures else 0
    theirs = REFERENCE[tool]
    failures = 0
    matched = []  # printed after the differences, which a truncated log then keeps
    base = scratch("rawsys-tools-")
    d = os.path.join(base, "t")
    cases = CASES[tool]
    if tool == "uname" and not emulator:  # qemu-user reports the guest's machine, GNU uname the host's
        cases = cases + [C(["-a"]), C(["-m"]), C(["--all"]), C(["-mrs"])]
    for case in cases:
        make_files(d)
        if case.setup:
            case.setup(d)
        runner = run_follow if isinstance(case, Follow) else run_limited if case.limit else run
        got = runner(ours, tool, case, d, emulator)
        times = (snapshot_times(d),) if getattr(case, "times", False) else ()  # before snapshot() reads the files
        got += ((snapshot(d),) if case.state else ()) + times
        shutil.rmtree(d)
        make_files(d)
        if case.setup:
            case.setup(d)
        want = runner(theirs, tool, case, d, [])
        times = (snapshot_times(d),) if getattr(case, "times", False) else ()  # before snapshot() reads the files
        want += ((snapshot(d),) if case.state else ()) + times
        shutil.rmtree(d)
        if getattr(case, "mask", None):
            got, want = masked(got, case.mask), masked(want, case.mask)
        if getattr(case, "sort_out", False):
            got = (got[0], b"".join(sorted(got[1].splitlines(True)))) + got[2:]
            want = (want[0], b"".join(sorted(want[1].splitlines(True)))) + want[2:]
        same = got[0] == want[0] and got[1] == want[1] and (not case.compare_stderr or got[2] == want[2])
        same = same and got[3:] == want[3:]
        label = f"{tool} {' '.join(repr(a) for a in case.args)}"
        if case.stdout:
            label += f" > {case.stdout}"
        if isinstance(case.stdin, str):
            label += f" < {case.stdin}"
        if not same:
            failures += 1
            print(f"DIFFERENT: {label}")
            for what, g, w in zip(("status", "stdout", "stderr", "files", "times"), got, want):
                if g != w:
                    print(f"  {what}: rawsys {g!r:.600}\n  {' ' * len(what)}  coreutils {w!r:.600}")
            if isinstance(case, Follow):
                print(f"  seconds waited per step: rawsys {case.waited[-2]}, coreutils {case.waited[-1]}")
        else:
            matched.append(label)
    os.rmdir(base)
    if tool == "rm":
        failures += rm_race(ours, emulator)
    for label in matched:
        print(f"same: {label}")
    if OTHER:
        shutil.rmtree(OTHER, ignore_errors=True)
    print(f"{tool}: {len(cases) - failures} of {len(cases)} cases match coreutils")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
