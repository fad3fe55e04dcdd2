#!/usr/bin/env python3
"""Measures what including rawsys costs at compile time, next to glibc's
headers for the same ground, and an empty file. Each case is compiled
(`-c -O2`) many times, interleaved, and the median CPU time (user + system,
which load from other processes does not inflate) is reported, with the
preprocessed size in lines.

With --instructions, each case is compiled once under valgrind's callgrind
instead and the figure is the instructions the compiler proper (cc1plus,
clang -cc1) executed: load on the machine does not move it, so it decides
between two versions of a header where CPU time is too noisy.

usage: tools/include_cost.py [--runs N] [--markdown] [--topics] [--instructions]
                             [--compilers g++,clang++] [--only SUBSTRING]
  --topics        also each topic header of include/rawsys/ on its own
  --instructions  millions of instructions (one callgrind run) instead of CPU ms
  --only          only the cases whose name contains SUBSTRING (comma-separated;
                  the empty file and glibc's headers are always measured)
  --compilers   only these compilers (default: g++ and clang++, C++20 and C++23)"""
import argparse
import os
import platform
import re
import shlex
import resource
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CASES = {
    "empty file": "",
    "glibc headers": "\n".join(f"#include <{h}>" for h in (
        "unistd.h", "fcntl.h", "sys/mman.h", "errno.h", "string.h", "signal.h", "time.h",
        "sys/stat.h", "sys/syscall.h", "sys/socket.h", "sys/epoll.h", "sys/wait.h",
        "sys/uio.h", "poll.h", "sched.h", "sys/resource.h")),
    "<rawsys/syscall.hpp> (core)": "#include <rawsys/syscall.hpp>",
    "<rawsys/rawsys.hpp> (everything)": "#include <rawsys/rawsys.hpp>",
    "<expected> (for scale; C++23 only)": "#include <expected>",
}
BODY = "\nint rawsys_include_cost_probe() { return 0; }\n"


def topic_headers():
    """The headers a user includes: every one in include/rawsys/ except the
    umbrella (measured apart) and start.hpp (it defines _start: one file of a
    no-libc program includes it)."""
    d = os.path.join(ROOT, "include", "rawsys")
    return sorted(h for h in os.listdir(d)
                  if h.endswith(".hpp") and h not in ("rawsys.hpp", "start.hpp", "syscall.hpp"))


def compile_command(cxx, std, path):
    """The one compile every measurement makes of a case."""
    return [cxx, f"-std={std}", "-O2", "-I", os.path.join(ROOT, "include"), "-c", path, "-o", os.devnull]


def compile_once(cxx, std, path):
    """CPU seconds (user + system) the compiler used: unlike wall time, it
    does not grow when other work shares the machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(compile_command(cxx, std, path), check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compiler_proper(cxx, std, path):
    """The command line of the compiler proper (cc1plus or clang -cc1) that
    the driver would run for compile_once's compile."""
    out = subprocess.run(compile_command(cxx, std, path) + ["-###"], check=True, capture_output=True,
                         text=True).stderr
    for line in out.splitlines():
        words = shlex.split(line)
        if words and (words[0].endswith("cc1plus") or (len(words) > 1 and words[1] == "-cc1")):
            # cc1plus writes assembly to a temporary file; the assembler is not measured.
            return [os.devnull if w.endswith(".s") and w.startswith(tempfile.gettempdir()) else w
                    for w in words]
    raise RuntimeError(f"no compiler proper in {cxx} -###")


def instructions_once(cxx, std, path):
    """Millions of instructions the compiler proper executed (callgrind)."""
    cmd = compiler_proper(cxx, std, path)
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + os.devnull] + cmd,
                         capture_output=True, text=True)
    m = re.search(r"Collected : (\d+)", out.stderr)
    if out.returncode != 0 or not m:
        raise RuntimeError(f"callgrind failed on {cmd}: {out.stderr[-2000:]}")
    return int(m.group(1)) / 1e6


def preprocessed_lines(cxx, std, path):
    out = subprocess.run([cxx, f"-std={std}", "-I", os.path.join(ROOT, "include"), "-E", "-P", path],
                         check=True, capture_output=True, text=True).stdout
    return sum(1 for line in out.splitlines() if line.strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--topics", action="store_true")
    ap.add_argument("--instructions", action="store_true")
    ap.add_argument("--compilers", default="g++,clang++")
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    cases = dict(CASES)
    if args.topics:
        for h in topic_headers():
            cases[f"<rawsys/{h}>"] = f"#include <rawsys/{h}>"
    if args.only:
        keep = args.only.split(",")
        cases = {n: t for n, t in cases.items()
                 if n in ("empty file", "glibc headers") or any(k in n for k in keep)}
    if args.instructions:
        args.runs = 1
    unit = "M instructions" if args.instructions else "median CPU ms"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for name, text in cases.items():
            files[name] = os.path.join(tmp, f"case{len(files)}.cpp")
            with open(files[name], "w") as f:
                f.write(text + BODY)
        wanted = args.compilers.split(",")
        for cxx, std in (("g++", "c++20"), ("clang++", "c++20"), ("g++", "c++23"), ("clang++", "c++2b")):
            if cxx not in wanted:
                continue
            times = {name: [] for name in cases}
            skip = set()
            for _ in range(args.runs):  # interleaved, so load affects all cases alike
                for name, path in files.items():
                    if name in skip:
                        continue
                    if "C++23 only" in name and std != "c++23":
                        skip.add(name)
                        continue
                    measure = instructions_once if args.instructions else compile_once
                    times[name].append(measure(cxx, std, path))
            for name, path in files.items():
                if name in skip or not times[name]:
                    continue
                med = statistics.median(times[name]) * (1 if args.instructions else 1000)
                rows.append((f"{cxx} -std={std}", name, med, preprocessed_lines(cxx, std, path)))
    base = {c: m for c, n, m, _ in rows if n == "empty file"}
    glibc = {c: m for c, n, m, _ in rows if n == "glibc headers"}
    if args.markdown:
        print(f"| compiler | include | {unit} | over empty | vs glibc headers | lines after preprocessing |")
        print("|---|---|---:|---:|---:|---:|")
    for c, n, m, lines in rows:
        over = m - base[c]
        ratio = over / (glibc[c] - base[c]) if glibc[c] > base[c] else float("nan")
        if args.markdown:
            print(f"| {c} | {n} | {m:.0f} | +{over:.0f} | {ratio:.2f}x | {lines} |")
        else:
            u = "M" if args.instructions else "ms"
            print(f"{c:18} {n:36} {m:7.1f} {u}  +{over:6.1f} {u}  {ratio:5.2f}x glibc  {lines:6} lines")
    how = ("instructions of the compiler proper, one callgrind run per case" if args.instructions
           else f"{args.runs} interleaved runs per case, median")
    print(f"\n{how}; {platform.processor() or platform.machine()}, "
          f"Linux {platform.release()}", file=sys.stderr if not args.markdown else sys.stdout)


if __name__ == "__main__":
    main()
