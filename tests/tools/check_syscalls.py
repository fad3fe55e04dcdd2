#!/usr/bin/env python3
"""Checks the exact system calls a program makes, as strace (or qemu-user's
-strace for arm64) sees them after the exec.

usage: check_syscalls.py EXPECTED PROGRAM [EMULATOR WORDS...]
  EXPECTED   comma-separated names in order, e.g. write,exit_group
"""
import os
import re
import subprocess
import sys
import tempfile


def main():
    expected = sys.argv[1].split(",")
    program, emulator = sys.argv[2], sys.argv[3:]
    if emulator:
        # qemu-user logs each guest call as "PID name(args) = ret" on stderr.
        p = subprocess.run(emulator + ["-strace", program], capture_output=True, timeout=60)
        log = p.stderr.decode(errors="replace")
    else:
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "trace")
            p = subprocess.run(["strace", "-f", "-qq", "-o", out, program], capture_output=True, timeout=60)
            with open(out) as f:
                log = f.read()
    calls = []
    for line in log.splitlines():
        m = re.match(r"^(?:\[pid\s+)?\d*\]?\s*([a-z_][a-z0-9_]*)\(", line)
        if m:
            calls.append(m.group(1))
    if not emulator and calls and calls[0] == "execve":
        calls = calls[1:]  # the exec that started the program
    print("system calls:", ",".join(calls))
    print("program status:", p.returncode)
    if calls != expected:
        print("expected:    ", ",".join(expected))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
