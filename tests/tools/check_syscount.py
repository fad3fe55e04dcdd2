#!/usr/bin/env python3
"""Checks examples/syscount against strace: for each command, the calls and
failures syscount counts equal those in strace's full trace of the same
command (-f both); and syscount's exit status and messages.

usage: check_syscount.py TOOL_DIR [EMULATOR WORDS...]
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


def parse_table(text, plain=False):
    """{name: (calls, failures)} from syscount's report; plain: the names
    without the ABI mark ("write (i386)" as "write", as strace names it)."""
    counts = collections.Counter()
    for line in text.splitlines():
        m = re.match(r"^\s*(\d+)\s+(\d+)?\s+(\S+)( \([^)]*\))?$", line)
        if m and m.group(3) != "total":
            name = m.group(3) + ("" if plain or not m.group(4) else m.group(4))
            c, f = counts.get(name, (0, 0))
            counts[name] = (c + int(m.group(1)), f + int(m.group(2) or 0))
    return dict(counts)


def strace_counts(cmd, cwd):
    """{name: (calls, failures)} from strace -f's trace of cmd."""
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "trace")
        subprocess.run(["strace", "-f", "-qq", "-o", out] + cmd, cwd=cwd, capture_output=True, timeout=120)
        with open(out) as f:
            lines = f.read().splitlines()
    calls, fails = collections.Counter(), collections.Counter()
    for line in lines:
        line = re.sub(r"^\d+\s+", "", line)
        m = re.match(r"^([a-z_][a-z0-9_]*)\(", line)
        resumed = re.match(r"^<\.\.\. ([a-z_][a-z0-9_]*) resumed>", line)
        if m:
            calls[m.group(1)] += 1
        name = m.group(1) if m else (resumed.group(1) if resumed else None)
        if name and re.search(r"\) += (-1|\?) E[A-Z]+", line):
            fails[name] += 1
    return {n: (c, fails[n]) for n, c in calls.items()}


def main():
    tool_dir, emulator = os.path.abspath(sys.argv[1]), sys.argv[2:]
    syscount = os.path.join(tool_dir, "syscount")
    failures = []
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "file"), "w") as f:
            f.write("some text\n")

        def run(args):
            return subprocess.run(emulator + [syscount] + args, cwd=d, capture_output=True, timeout=120)

        p = run([os.path.join(tool_dir, "true")])
        if b"cannot trace" in p.stderr:
            print("skipped: syscount cannot trace here:", p.stderr.decode().strip(),
                  "(qemu-user does not emulate ptrace)" if emulator else "")
            return SKIP

        sh = shutil.which("sh")
        commands = [
            [os.path.join(tool_dir, "hello")],
            [os.path.join(tool_dir, "cat"), "file", "nosuch"],
            [os.path.join(tool_dir, "ls"), "-la", "/"],
            ["/bin/true"],
            ["/bin/cat", "file"],
            [sh, "-c", "true; /bin/true x; ls / nosuch > /dev/null 2>&1; exit 0"],
        ]
        for cmd in commands:
            p = run(["-f"] + cmd)
            got = parse_table(p.stderr.decode(errors="replace"), plain=True)
            want = strace_counts(cmd, d)
            if got != want:
                diff = {n: (got.get(n), want.get(n)) for n in set(got) | set(want) if got.get(n) != want.get(n)}
                failures.append(f"{cmd}: syscount and strace differ (name: syscount, strace): {diff}")
            else:
                print(f"same counts as strace: {cmd} ({sum(c for c, _ in got.values())} calls)")

        # The report for hello exactly; statuses passed through.
        p = run([os.path.join(tool_dir, "hello")])
        if p.stdout != b"Hello, world!\n" or parse_table(p.stderr.decode()) != {
                "execve": (1, 0), "write": (1, 0), "exit_group": (1, 0)} or p.returncode != 0:
            failures.append(f"hello: {p}")
        for args, status, message in [
            ([sh, "-c", "exit 3"], 3, None),
            ([sh, "-c", "kill -TERM $$"], 128 + 15, None),
            (["nosuchcommand"], 127, b"syscount: 'nosuchcommand': No such file or directory\n"),
            (["./file"], 126, b"syscount: './file': Permission denied\n"),
            ([], 125, b"syscount: missing command\n"),
            (["-x", "true"], 125, b"syscount: invalid option -- 'x'\n"),
        ]:
            p = subprocess.run(emulator + ["-0", "syscount", syscount] + args if emulator else ["syscount"] + args,
                               executable=None if emulator else syscount, cwd=d, capture_output=True, timeout=120)
            ok = p.returncode == status and (message is None or p.stderr.startswith(message))
            print(("ok" if ok else "WRONG") + f": syscount {args} -> {p.returncode}")
            if not ok:
                failures.append(f"syscount {args}: status {p.returncode} (want {status}), stderr {p.stderr!r}")
    for f in failures:
        print("FAILED:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
