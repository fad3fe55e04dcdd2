#!/usr/bin/env python3
"""Measures what including rawsys costs at compile time, next to glibc's
headers for the same ground, and an empty file. Each case is compiled
(`-c -O2`) many times, interleaved, and the median CPU time (user + system,
which load from other processes does not inflate) is reported, with the
preprocessed size in lines.

usage: tools/include_cost.py [--runs N] [--markdown] [--topics] [--compilers g++,clang++]
  --topics      also each topic header of include/rawsys/ on its own
  --compilers   only these compilers (default: g++ and clang++, C++20 and C++23)"""
import argparse
import os
import platform
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


def compile_once(cxx, std, path):
    """CPU seconds (user + system) the compiler used: unlike wall time, it
    does not grow when other work shares the machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([cxx, f"-std={std}", "-O2", "-I", os.path.join(ROOT, "include"), "-c", path,
                    "-o", os.devnull], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def preprocessed_lines(cxx, std, path):
    out = subprocess.run([cxx, f"-std={std}", "-I", os.path.join(ROOT, "include"), "-E", "-P", path],
                         check=True, capture_output=True, text=True).stdout
    return sum(1 for line in out.splitlines() if line.strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--topics", action="store_true")
    ap.add_argument("--compilers", default="g++,clang++")
    args = ap.parse_args()
    cases = dict(CASES)
    if args.topics:
        for h in topic_headers():
            cases[f"<rawsys/{h}>"] = f"#include <rawsys/{h}>"
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
                    times[name].append(compile_once(cxx, std, path))
            for name, path in files.items():
                if name in skip or not times[name]:
                    continue
                med = statistics.median(times[name]) * 1000
                rows.append((f"{cxx} -std={std}", name, med, preprocessed_lines(cxx, std, path)))
    base = {c: m for c, n, m, _ in rows if n == "empty file"}
    glibc = {c: m for c, n, m, _ in rows if n == "glibc headers"}
    if args.markdown:
        print("| compiler | include | median CPU ms | over empty | vs glibc headers | lines after preprocessing |")
        print("|---|---|---:|---:|---:|---:|")
    for c, n, m, lines in rows:
        over = m - base[c]
        ratio = over / (glibc[c] - base[c]) if glibc[c] > base[c] else float("nan")
        if args.markdown:
            print(f"| {c} | {n} | {m:.0f} | +{over:.0f} | {ratio:.2f}x | {lines} |")
        else:
            print(f"{c:18} {n:36} {m:7.1f} ms  +{over:6.1f} ms  {ratio:5.2f}x glibc  {lines:6} lines")
    print(f"\n{args.runs} interleaved runs per case, median; {platform.processor() or platform.machine()}, "
          f"Linux {platform.release()}", file=sys.stderr if not args.markdown else sys.stdout)


if __name__ == "__main__":
    main()
