#!/usr/bin/env python3
"""box, the multi-call binary: it holds every tool that examples/tools.cmake
builds (box --list), runs one by the name it is run as or by its first
argument, and says what is wrong with a name it does not know.

usage: check_box.py BOX [EMULATOR WORDS...]
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "tools"))
import tool_list  # noqa: E402


def listed_tools():
    return sorted(tool_list.tools())


def main():
    box, emulator = os.path.abspath(sys.argv[1]), sys.argv[2:]

    def run(argv0, args, stdin=b""):
        cmd = (emulator + ["-0", argv0, box] if emulator else [argv0]) + args
        p = subprocess.run(cmd, executable=None if emulator else box, input=stdin, capture_output=True, timeout=60)
        return p.returncode, p.stdout, p.stderr

    checks = [
        (("box", ["--list"]), (0, ("\n".join(listed_tools()) + "\n").encode(), b"")),
        (("box", ["echo", "a", "b"]), (0, b"a b\n", b"")),
        (("/some/dir/echo", ["-n", "x"]), (0, b"x", b"")),
        (("echo", ["--list"]), (0, b"--list\n", b"")),
        (("box", ["box", "echo", "x"]), (127, b"", b"box: box: no such tool\n")),
        (("box", ["false"]), (1, b"", b"")),
        (("box", ["cat", "-"], b"in\n"), (0, b"in\n", b"")),
        (("box", ["head", "-c", "2"], b"abc"), (0, b"ab", b"")),
        (("box", ["wc", "-x"]), (1, b"", b"wc: invalid option -- 'x'\nTry 'wc --help' for more information.\n")),
        (("box", ["nosuch", "x"]), (127, b"", b"box: nosuch: no such tool\n")),
        (("box", ["--bogus"]), (1, b"", b"box: unrecognized option '--bogus'\n")),
        (("renamed", []), (1, None, b"")),
        (("box", ["--help"]), (0, None, b"")),
    ]
    failures = 0
    for (argv0, args, *stdin), (status, out, err) in checks:
        got = run(argv0, args, *stdin)
        ok = got[0] == status and (out is None or got[1] == out) and got[2] == err
        if out is None:
            ok = ok and b"Usage: " in got[1] and b" ls " in got[1]
        print(("ok: " if ok else "WRONG: ") + f"{argv0} {args} -> {got!r:.300}")
        failures += not ok
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
