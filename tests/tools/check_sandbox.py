#!/usr/bin/env python3
"""Checks examples/sandbox: denied calls fail with EPERM (as the sandboxed
program reports them), killing calls end it with SIGSYS, everything else
runs as usual, and sandbox's own errors are reported with status 125.

usage: check_sandbox.py TOOL_DIR [EMULATOR WORDS...]
Exit status 77 (skipped) when seccomp filters cannot be installed where it
runs: qemu-user does not emulate seccomp(2).
"""
import os
import signal
import subprocess
import sys
import tempfile

SKIP = 77


def main():
    tool_dir, emulator = os.path.abspath(sys.argv[1]), sys.argv[2:]
    sandbox = os.path.join(tool_dir, "sandbox")
    t = lambda name: os.path.join(tool_dir, name)  # noqa: E731
    failures = []
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "file"), "w") as f:
            f.write("some text\n")

        def run(args):
            cmd = emulator + ["-0", "sandbox", sandbox] + args if emulator else ["sandbox"] + args
            return subprocess.run(cmd, executable=None if emulator else sandbox, cwd=d, capture_output=True,
                                  timeout=60)

        p = run(["-d", "getppid", t("true")])
        if b"cannot install the filter" in p.stderr:
            print("skipped:", p.stderr.decode().strip(), "(qemu-user does not emulate seccomp)" if emulator else "")
            return SKIP

        # (arguments, status, stdout, start of stderr)
        cases = [
            ([t("true")], 0, b"", b""),
            ([t("hello")], 0, b"Hello, world!\n", b""),
            (["-d", "openat", t("cat"), "file"], 1, b"", t("cat").encode() + b": file: Operation not permitted\n"),
            (["-d", "getppid", t("cat"), "file"], 0, b"some text\n", b""),
            (["-d", "write", t("hello")], 1, b"", b""),
            (["-k", "write", t("hello")], -signal.SIGSYS, b"", b""),
            (["-d", "sendfile", "-d", "splice", t("cat"), "file"], 0, b"some text\n", b""),  # falls back to read/write
            (["-d", "getdents64", t("ls"), "."], 2, b"", t("ls").encode() + b": reading directory '.': Operation not permitted\n"),
            (["-d", "execve", t("true")], 126, b"", b"sandbox: '" + t("true").encode() + b"': Operation not permitted\n"),
            (["--", t("echo"), "-n", "x"], 0, b"x", b""),
            (["-d", "nosuchcall", t("true")], 125, b"", b"sandbox: unknown system call 'nosuchcall'\n"),
            ([], 125, b"", b"sandbox: missing command\n"),
            (["-d"], 125, b"", b"sandbox: option requires an argument -- 'd'\n"),
            (["-x", t("true")], 125, b"", b"sandbox: invalid option -- 'x'\n"),
            (["nosuchcommand"], 127, b"", b"sandbox: 'nosuchcommand': No such file or directory\n"),
        ]
        for args, status, out, err in cases:
            p = run(args)
            if emulator:
                p.stderr = b"".join(l for l in p.stderr.splitlines(True) if not l.startswith(b"qemu: uncaught"))
            ok = p.returncode == status and p.stdout == out and p.stderr.startswith(err) and (err or not p.stderr)
            print(("ok" if ok else "WRONG") + f": sandbox {args} -> {p.returncode}")
            if not ok:
                failures.append(f"sandbox {args}: status {p.returncode} (want {status}), "
                                f"stdout {p.stdout!r} (want {out!r}), stderr {p.stderr!r} (want {err!r}...)")
    for f in failures:
        print("FAILED:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
