#!/usr/bin/env python3
"""Checks examples/trace against strace on the same commands:

- the project's own no-libc tools (cat of a file and of a missing one, ls
  of a directory, hello, echo): every line equal to strace's once addresses
  (0x...), the structs trace does not decode ({...}; statx's it does) and
  getdents' entry counts are set aside;
- programs on a C library (/bin/true, /bin/cat, sh -c with children, -f):
  per process, the same calls with the same results and errno names;
- -e trace=NAME,... (the seccomp filter) against strace -f --seccomp-bpf;
- -c counts against strace's full trace;
- an i386 program traced by a 64-bit trace, named from the i386 table;
- exit statuses and messages.

usage: check_trace.py TOOL_DIR [EMULATOR WORDS...]
Exit status 77 (skipped) when the program cannot trace where it runs:
qemu-user does not emulate ptrace(2).
"""
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

failures = []


def fail(what):
    failures.append(what)
    print("FAILED:", what)


def merge_unfinished(lines):
    """strace -f splits a call that another process interrupts into
    "... <unfinished ...>" and "<... NAME resumed>...": joined again."""
    pending, out = {}, []
    for line in lines:
        m = re.match(r"^(\[pid\s+\d+\] |\d+\s+)?(.*)$", line)
        pid = re.sub(r"\D", "", m.group(1) or "")
        body = m.group(2)
        if body.endswith(" <unfinished ...>"):
            pending[pid] = (m.group(1) or "", body[: -len(" <unfinished ...>")])
            continue
        r = re.match(r"^<\.\.\. \w+ resumed>(.*)$", body)
        if r and pid in pending:
            prefix, start = pending.pop(pid)
            out.append(prefix + start + r.group(1))
            continue
        out.append(line)
    return out


def normalise(line):
    """(pid or "", the line with addresses and structs set aside)."""
    m = re.match(r"^(?:\[pid\s+(\d+)\] |(\d+)\s+)?(.*)$", line)
    pid = m.group(1) or m.group(2) or ""
    s = m.group(3)
    if s.startswith("---"):  # a signal: its name
        s = re.sub(r"^--- (\w+) .*$", r"--- \1 ---", s)
        return pid, s
    s = re.sub(r"\s*/\* \d+ entr(y|ies) \*/", "", s)
    prev = None
    while prev != s:  # innermost braces first: nested structs (trace decodes statx's: kept)
        prev = s
        s = re.sub(r"\{(?!stx_mask=)[^{}]*\}", "ADDR", s)
    s = re.sub(r"\[ADDR(, ADDR)*\]", "ADDR", s)
    s = re.sub(r"0x[0-9a-f]+", "ADDR", s)
    s = re.sub(r"\s+=\s+", " = ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"PID=\d+", "PID=N", s)
    return pid, s


def by_process(lines):
    """[[lines of the first process], [of the second], ...] in the order
    the processes first appear; the pids themselves set aside."""
    procs = collections.OrderedDict()
    for line in merge_unfinished(lines):
        if not line.strip():
            continue
        pid, s = normalise(line)
        procs.setdefault(pid, []).append(s)
    # The first process is the one without a prefix (strace before -f has
    # two) or the first seen; lines of one pid, prefixed or not, go together.
    return list(procs.values())


# Calls whose result is a pid, different from run to run.
PID_RESULTS = {"getpid", "getppid", "gettid", "set_tid_address", "clone", "clone3", "fork", "vfork", "wait4",
               "waitid"}


def name_and_result(s):
    """A call line as (name, result): the arguments set aside."""
    m = re.match(r"^(\w+)\(.*\) = (.*)$", s)
    if m:
        result = re.sub(r"^-1 (E\w+) .*$", r"-1 \1", m.group(2))
        if m.group(1) in PID_RESULTS and re.match(r"^\d+$", result):
            result = "PID"
        return (m.group(1), result)
    return (s,)


def calls_only(proc):
    """A process's (name, result) list without what depends on timing: where
    a signal (SIGCHLD) lands, the rt_sigreturn after its handler, and a
    shell's waiting (whether a child has already ended when it calls wait4
    decides how many wait4, rt_sigsuspend and rt_sigprocmask calls it makes)."""
    timing = ("---", "rt_sigreturn(", "wait4(", "rt_sigsuspend(", "rt_sigprocmask(")
    return [name_and_result(s) for s in proc if not s.startswith(timing)]


def run_strace(args, cwd, extra=()):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "trace")
        p = subprocess.run(["strace", "-o", out] + list(extra) + args, cwd=cwd, capture_output=True, timeout=120)
        with open(out, errors="replace") as f:
            return p, f.read().splitlines()


def main():
    tool_dir, emulator = os.path.abspath(sys.argv[1]), sys.argv[2:]
    trace = os.path.join(tool_dir, "trace")
    if not shutil.which("strace"):
        print("skipped: strace is not installed (tools/deps.sh installs it)")
        return SKIP
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "file"), "w") as f:
            f.write("some text\nwith \"quotes\", a tab\t and \\ \x01\x7f\n" * 3)
        os.mkdir(os.path.join(d, "dir"))
        for n in ["a", "b c", "d\nnewline"]:
            open(os.path.join(d, "dir", n), "w").close()
        out_path = os.path.join(d, "out")

        def run(args):
            p = subprocess.run(emulator + [trace, "-o", out_path] + args, cwd=d, capture_output=True, timeout=120)
            try:
                with open(out_path, errors="replace") as f:
                    lines = f.read().splitlines()
            except FileNotFoundError:
                lines = []
            return p, lines

        p, _ = run([os.path.join(tool_dir, "true")])
        if b"cannot trace" in p.stderr:
            print("skipped: trace cannot trace here:", p.stderr.decode().strip(),
                  "(qemu-user does not emulate ptrace)" if emulator else "")
            return SKIP

        # 1. The no-libc tools: every line, arguments included.
        tools = [
            [os.path.join(tool_dir, "hello")],
            [os.path.join(tool_dir, "cat"), "file", "nosuch"],
            [os.path.join(tool_dir, "cat"), "/no/such/file"],
            [os.path.join(tool_dir, "ls"), "-la", "dir"],
            [os.path.join(tool_dir, "ls"), "nosuch", "dir"],
            [os.path.join(tool_dir, "echo"), "-e", "a\\tb\\001c", "\u00e9"],
        ]
        for extra in ([], ["-s", "8"], ["-s", "200"]):
            for cmd in tools:
                p, got = run(extra + cmd)
                sp, want = run_strace(cmd, d, extra)
                g, w = by_process(got), by_process(want)
                if g != w:
                    diff = [f"  trace:  {a}\n  strace: {b}" for a, b in zip(g[0] if g else [], w[0] if w else []) if a != b]
                    fail(f"{extra + cmd}: trace and strace differ:\n" + "\n".join(diff[:5]) +
                         f"\n  ({len(g[0]) if g else 0} lines against {len(w[0]) if w else 0})")
                elif p.returncode != sp.returncode or p.stdout != sp.stdout:
                    fail(f"{cmd}: status {p.returncode}, strace's {sp.returncode}; stdout {p.stdout!r} {sp.stdout!r}")
                else:
                    print(f"same lines as strace {' '.join(extra)}: {cmd[0].split('/')[-1]} {cmd[1:]} ({len(g[0])} lines)")

        # 2. Programs on a C library, with children (-f): per process, the
        # same calls, results and errno names.
        sh = shutil.which("sh")
        programs = [
            ["/bin/true"],
            ["/bin/cat", "file", "nosuch"],
            [sh, "-c", "true; /bin/true x; ls / nosuch > /dev/null 2>&1; exit 0"],
            [sh, "-c", "(exit 3) & /bin/echo hi; wait"],
        ]
        for cmd in programs:
            p, got = run(["-f"] + cmd)
            sp, want = run_strace(cmd, d, ["-f"])
            g = sorted(calls_only(proc) for proc in by_process(got))
            w = sorted(calls_only(proc) for proc in by_process(want))
            if g != w:
                fail(f"-f {cmd}: trace and strace differ:\n  trace:  {g}\n  strace: {w}")
            elif p.returncode != sp.returncode:
                fail(f"-f {cmd}: status {p.returncode}, strace's {sp.returncode}")
            else:
                print(f"same calls and results as strace -f: {cmd} ({len(g)} processes, {sum(map(len, g))} lines)")

        # 3. -e trace= through the seccomp filter, against strace's.
        for names, cmd, follow in [
            ("openat,close", [os.path.join(tool_dir, "cat"), "file", "nosuch"], []),
            ("write", [os.path.join(tool_dir, "ls"), "-la", "dir"], []),
            ("openat,execve,wait4,exit_group", [sh, "-c", "/bin/true; /bin/cat nosuch; exit 2"], ["-f"]),
            ("nosuchcallinthelist,getpid", ["/bin/true"], []),
        ]:
            if names.startswith("nosuch"):
                p, got = run(["-e", "trace=getpid"] + cmd)
                if got != ["+++ exited with 0 +++"] or p.returncode != 0:
                    fail(f"-e trace=getpid {cmd}: {got} {p.returncode}")
                else:
                    print(f"-e trace=getpid {cmd}: nothing but the exit")
                continue
            p, got = run(follow + ["-e", "trace=" + names] + cmd)
            # strace's --seccomp-bpf needs -f: without it here, only the
            # first process's lines are compared.
            sp, want = run_strace(cmd, d, ["--seccomp-bpf", "-f", "-e", "trace=" + names])
            g = [calls_only(proc) for proc in by_process(got)]
            w = [calls_only(proc) for proc in by_process(want)]
            if follow:
                g, w = sorted(g), sorted(w)
            else:
                w = w[:1]
            if g != w or p.returncode != sp.returncode:
                fail(f"-e trace={names} {cmd}: trace and strace --seccomp-bpf differ:\n  trace:  {g}\n  strace: {w}")
            else:
                print(f"same as strace --seccomp-bpf -e trace={names}: {cmd[0].split('/')[-1]} ({sum(map(len, g))} lines)")
        # Exactly, for a no-libc tool: arguments too.
        cmd = [os.path.join(tool_dir, "cat"), "file", "nosuch"]
        p, got = run(["-e", "trace=openat,sendfile,write"] + cmd)
        sp, want = run_strace(cmd, d, ["--seccomp-bpf", "-f", "-e", "trace=openat,sendfile,write"])
        if by_process(got) != by_process(want):
            fail(f"-e trace=openat,sendfile,write cat: {by_process(got)} against {by_process(want)}")
        else:
            print("same lines as strace --seccomp-bpf: cat with -e trace=openat,sendfile,write")
        # The filter is what stops it: the calls not named are not even seen
        # (a tracer that stopped for every call and filtered would be slower,
        # but look the same). /proc says the command runs under seccomp mode 2.
        p, got = run(["-e", "trace=openat", "sh", "-c", "grep Seccomp: /proc/self/status"])
        if b"Seccomp:\t2" not in p.stdout:
            fail(f"-e trace=: the command does not run under a seccomp filter: {p.stdout!r}")
        else:
            print("-e trace=: the command runs under a seccomp filter")
        p, _ = run(["-e", "trace=nosuchcall", "/bin/true"])
        if p.returncode != 125 or b"invalid system call 'nosuchcall'" not in p.stderr:
            fail(f"-e trace=nosuchcall: {p}")

        # 4. -c: the counts of strace's full trace.
        for cmd in [[os.path.join(tool_dir, "ls"), "-la", "dir"], [sh, "-c", "/bin/true; ls nosuch 2>/dev/null; exit 0"]]:
            p, got = run(["-f", "-c"] + cmd)
            counts = {}
            for line in got:
                m = re.match(r"^\s*(\d+)\s+(\d+)?\s+(\S+)( \([^)]*\))?$", line)
                if m and m.group(3) != "total":  # each ABI's row of a name, summed (strace does not split them)
                    c, f = counts.get(m.group(3), (0, 0))
                    counts[m.group(3)] = (c + int(m.group(1)), f + int(m.group(2) or 0))
            _, lines = run_strace(cmd, d, ["-f"])
            want = collections.Counter()
            wfail = collections.Counter()
            for proc in by_process(lines):
                for s in proc:
                    nr = name_and_result(s)
                    if len(nr) == 2:
                        want[nr[0]] += 1
                        wfail[nr[0]] += nr[1].startswith("-1 ") or nr[1].startswith("? E")
            want = {n: (c, wfail[n]) for n, c in want.items()}
            if counts != want:
                diff = {n: (counts.get(n), want.get(n)) for n in set(counts) | set(want) if counts.get(n) != want.get(n)}
                fail(f"-c {cmd}: counts differ (trace, strace): {diff}")
            else:
                print(f"-c: same counts as strace: {cmd} ({sum(c for c, _ in counts.values())} calls)")

        # 5. An i386 program from this (64-bit) trace: named from the i386
        # table (openat is 295 there, preadv here), its errors by name.
        if os.uname().machine == "x86_64" and not emulator and os.path.getsize(trace) and \
                open(trace, "rb").read(5)[4] == 2:
            src = os.path.join(d, "t32.c")
            with open(src, "w") as f:
                f.write(r'''
static long sys(long n, long a, long b, long c, long d) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
  return r;
}
void _start(void) {
  sys(295, -100, (long)"/no/such/file", 0x80000, 0);
  sys(5, (long)"file", 0, 0, 0);
  sys(4, 1, (long)"hi\n", 3, 0);
  sys(6, 3, 0, 0, 0);
  sys(6, 3, 0, 0, 0);
  sys(252, 3, 0, 0, 0);
}
''')
            exe = os.path.join(d, "t32")
            cc = subprocess.run(["gcc", "-m32", "-nostdlib", "-static", "-O2", "-fno-pie", "-no-pie", "-o", exe, src],
                                capture_output=True)
            if cc.returncode != 0:
                print("i386: not checked, no 32-bit compiler here:", cc.stderr.decode().strip()[:200])
            else:
                p, got = run([exe])
                sp, want = run_strace([exe], d)
                if by_process(got) != by_process(want) or p.returncode != 3:
                    fail(f"i386 program: {by_process(got)} against strace's {by_process(want)}")
                else:
                    print(f"i386 program from a 64-bit trace: same lines as strace ({len(got)})")
                p, got = run(["-c", exe])
                if not any(re.match(r"^\s+1\s+1 openat \(i386\)$", line) for line in got) or \
                        not any(re.match(r"^\s+2\s+1 close \(i386\)$", line) for line in got):
                    fail(f"i386 program, -c: {got}")
                else:
                    print("i386 program, -c: its calls counted under their i386 names")

        # 5b. The decoders on calls the tools do not make (x86-64 numbers):
        # open flags and modes, mmap's PROT_* and MAP_*, lseek's whence,
        # statx's AT_* and STATX_*, escapes in buffers, every line exactly.
        if os.uname().machine == "x86_64" and not emulator and open(trace, "rb").read(5)[4] == 2:
            src = os.path.join(d, "flags.c")
            with open(src, "w") as f:
                f.write(r'''
static long sys(long n, long a, long b, long c, long d, long e, long f) {
  long r;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return r;
}
void _start(void) {
  static char st[256];
  sys(257, -100, (long)"/nonexist/x", 01 | 0100 | 0200 | 0400 | 01000 | 02000 | 04000 | 04010000 | 040000 |
      0100000 | 0200000 | 01000000 | 02000000 | 010000000 | 020000, 0644, 0, 0);
  sys(257, -100, (long)"/nonexist/x", 020200002, 0600, 0, 0);
  long fd = sys(257, -100, (long)"created", 0101 | 01000 | 02000000, 04755, 0, 0);
  sys(257, (long)fd, (long)"rel", 0, 0, 0, 0);
  sys(1, fd, (long)"\0\0012ab\0x\303\251z\"\\\r\v\f\t", 16, 0, 0, 0);
  sys(8, fd, 0, 2, 0, 0, 0);
  sys(8, fd, 5, 9, 0, 0, 0);
  sys(9, 0, 4096, 0xf, 0x3 | 0x10 | 0x20 | 0x40 | 0x4000 | 0x8000 | 0x10000 | 0x20000, -1, 0);
  long m = sys(9, 0, 8192, 0x1 | 0x2, 0x22, -1, 0);
  sys(10, m, 4096, 0, 0, 0, 0);
  sys(11, m, 8192, 0, 0, 0, 0);
  sys(9, 0, 4096, 0, 0x100002, 5, 0x1000);
  sys(332, fd, (long)"", 0x1000 | 0x100 | 0x2000, 0x7ff | 0x800, (long)st, 0);
  sys(332, -100, (long)"/", 0x4000 | 0x800, 0x2 | 0x10, (long)st, 0);
  sys(332, -100, (long)"/nonexist", 0x400, 0xfff, (long)st, 0);
  sys(83, (long)"newdir", 0750, 0, 0, 0, 0);
  sys(258, -100, (long)"newdir", 0, 0, 0, 0);
  sys(3, fd, 0, 0, 0, 0, 0);
  sys(231, 0, 0, 0, 0, 0, 0);
}
''')
            exe = os.path.join(d, "flags")
            cc = subprocess.run(["gcc", "-nostdlib", "-static", "-O1", "-fno-pie", "-no-pie", "-o", exe, src],
                                capture_output=True)
            if cc.returncode != 0:
                print("decoders: not checked, no compiler here:", cc.stderr.decode().strip()[:200])
            else:
                for extra in ([], ["-s", "4"]):
                    for leftover in ("created", "newdir"):
                        p = os.path.join(d, leftover)
                        if os.path.isdir(p):
                            os.rmdir(p)
                        elif os.path.exists(p):
                            os.unlink(p)
                    p, got = run(extra + [exe])
                    for leftover in ("created", "newdir"):
                        p2 = os.path.join(d, leftover)
                        if os.path.isdir(p2):
                            os.rmdir(p2)
                        elif os.path.exists(p2):
                            os.unlink(p2)
                    sp, want = run_strace([exe], d, extra)
                    g, w = by_process(got), by_process(want)
                    if g != w:
                        diff = [f"  trace:  {a}\n  strace: {b}" for a, b in zip(g[0], w[0]) if a != b]
                        fail(f"decoders {extra}: trace and strace differ:\n" + "\n".join(diff))
                    else:
                        print(f"decoders {' '.join(extra)}: same lines as strace ({len(g[0])})")

        # 6. Statuses and messages.
        for args, status, message in [
            ([sh, "-c", "exit 3"], 3, None),
            ([sh, "-c", "kill -TERM $$"], 128 + 15, None),
            (["nosuchcommand"], 127, b"trace: 'nosuchcommand': No such file or directory\n"),
            (["./file"], 126, b"trace: './file': Permission denied\n"),
            ([], 125, b"trace: missing command\n"),
            (["-x", "true"], 125, b"trace: invalid option -- 'x'\n"),
            (["-s"], 125, b"trace: option requires an argument -- 's'\n"),
            (["-e", "signal=all", "true"], 125, b"trace: invalid -e argument"),
            (["-o", "/nonexistent/dir/x", "true"], 125, b"trace: /nonexistent/dir/x: No such file or directory\n"),
        ]:
            p = subprocess.run(emulator + ["-0", "trace", trace] + args if emulator else ["trace"] + args,
                               executable=None if emulator else trace, cwd=d, capture_output=True, timeout=120)
            # The message follows the lines of the child's failed execve.
            ok = p.returncode == status and (message is None or message in p.stderr)
            print(("ok" if ok else "WRONG") + f": trace {args} -> {p.returncode}")
            if not ok:
                fail(f"trace {args}: status {p.returncode} (want {status}), stderr {p.stderr!r}")
        p, lines = run([sh, "-c", "kill -TERM $$"])
        if not lines or lines[-1] != "+++ killed by SIGTERM +++":
            fail(f"killed: {lines[-1:]}")
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
