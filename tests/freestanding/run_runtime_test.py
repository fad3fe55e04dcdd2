#!/usr/bin/env python3
"""Runs runtime_test (tests/freestanding/runtime_test.cpp) in its three modes
and checks what only the outside can see: the exit status, the order of the
exit-time output, the stack-smashing report and SIGABRT.

usage: run_runtime_test.py BINARY [EMULATOR WORDS...]
"""
import signal
import subprocess
import sys

ENV = {"RAWSYS_RT_A": "1", "RAWSYS_RT_B": "two=2", "RAWSYS_RT_EMPTY": ""}


def run(cmd, args):
    return subprocess.run(cmd + args, env=ENV, capture_output=True, timeout=120)


def main():
    binary, emulator = sys.argv[1], sys.argv[2:]
    cmd = emulator + [binary]
    failures = []

    def expect(ok, what, p=None):
        if not ok:
            detail = ""
            if p is not None:
                detail = f"\n  status {p.returncode}\n  stdout {p.stdout!r}\n  stderr {p.stderr!r}"
            failures.append(what + detail)

    # check: startup values, init order, mem*; then the exit path in order:
    # the atexit table backwards (local static, atexit handler, B, A), then
    # .fini_array (the marker, and the flush of rawsys::out, in either order).
    p = run(cmd, ["check", "alpha", "", "gamma delta"])
    lines = p.stdout.decode(errors="replace").splitlines()
    expect(p.returncode == 42, "check: main's 42 is the exit status", p)
    expect(lines[:5] == ["main ok", "local static dtor", "atexit", "dtor B", "dtor A"],
           "check: main ok, then atexit entries and destructors in reverse order", p)
    expect(sorted(lines[5:]) == sorted(["fini", "buffered -12345 18446744073709551615 deadbeefcafe"]),
           "check: .fini_array ran, and rawsys::out was flushed at exit", p)
    expect(p.stderr == b"", "check: nothing on stderr", p)

    # exit: exit_program(7) from a nested call runs the same exit path.
    p = run(cmd, ["exit"])
    lines = p.stdout.decode(errors="replace").splitlines()
    expect(p.returncode == 7, "exit: status 7", p)
    expect(lines == ["exiting", "local static dtor", "atexit", "dtor B", "dtor A", "fini"],
           "exit: handlers and destructors ran", p)

    # smash: the canary check fails; a report on stderr and death by SIGABRT,
    # with no exit handlers run.
    p = run(cmd, ["smash"])
    expect(p.returncode == -signal.SIGABRT, "smash: killed by SIGABRT", p)
    expect(b"*** stack smashing detected ***: terminated\n" in p.stderr, "smash: report on stderr", p)
    expect(b"dtor" not in p.stdout and b"atexit" not in p.stdout, "smash: no exit handlers", p)

    for f in failures:
        print("FAILED:", f)
    print(f"{3 - 0} modes run, {len(failures)} failed checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
