#!/usr/bin/env python3
"""Runs errors_visible (tests/freestanding/errors_visible.cpp): the process
ends with a trap (SIGILL or SIGTRAP, by ISA and emulator) and stderr holds
err's finished line, then value()'s report, and nothing else.

usage: check_errors_visible.py BINARY [EMULATOR WORDS...]
"""
import signal
import subprocess
import sys


def main():
    binary, emulator = sys.argv[1], sys.argv[2:]
    p = subprocess.run(emulator + [binary], capture_output=True, timeout=120)
    want = b"line from err 1\nrawsys: value() on ENOENT (No such file or directory)\n"
    traps = {-signal.SIGILL, -signal.SIGTRAP, 128 + signal.SIGILL, 128 + signal.SIGTRAP}
    # qemu-user adds its own line about the signal: not the program's.
    stderr = b"".join(l for l in p.stderr.splitlines(keepends=True) if not l.startswith(b"qemu: "))
    ok = p.returncode in traps and stderr == want and p.stdout == b""
    if not ok:
        print(f"status {p.returncode}\nstdout {p.stdout!r}\nstderr {p.stderr!r}\nwanted {want!r} and a trap")
        return 1
    print("stderr:", p.stderr.decode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
