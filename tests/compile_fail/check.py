#!/usr/bin/env python3
"""Compiles a file that must not compile and checks what the compiler says:
the expected message, exactly N errors (so that a right message does not
come with misleading ones), and none of the forbidden messages.

usage: check.py --expect REGEX [--errors N] [--forbid REGEX]... -- COMPILER ARGS...
"""
import argparse
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--expect", required=True)
    ap.add_argument("--errors", type=int, default=1)
    ap.add_argument("--forbid", action="append", default=[])
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    p = subprocess.run(cmd, capture_output=True, text=True)
    out = p.stdout + p.stderr
    errors = re.findall(r"^[^\n]*: (?:fatal )?error: [^\n]*", out, re.M)
    problems = []
    if p.returncode == 0:
        problems.append("it compiled")
    if not re.search(a.expect, out):
        problems.append(f"no message matching {a.expect!r}")
    if len(errors) != a.errors:
        problems.append(f"{len(errors)} errors, expected {a.errors}")
    for f in a.forbid:
        if re.search(f, out):
            problems.append(f"a misleading message matching {f!r}")
    if problems:
        print(out)
        print("compile-fail check: " + "; ".join(problems))
        return 1
    print(errors[0] if errors else out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
