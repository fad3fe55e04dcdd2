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
                             [--compilers g++,clang++] [--standards c++20,c++23]
                             [--only SUBSTRING] [--same-ground]
  --topics        also each topic header of include/rawsys/ on its own
  --instructions  millions of instructions (one callgrind run) instead of CPU ms
  --only          only the cases whose name contains SUBSTRING (comma-separated;
                  the empty file and glibc's headers are always measured)
  --compilers   only these compilers (default: g++ and clang++)
  --standards   only these standards (default: c++20,c++23; clang++ takes c++23 as c++2b)
  --same-ground   also, for each rawsys header, the glibc and UAPI headers for
                  the same calls (GROUND below), and the ratio to them"""
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

# --same-ground: for each header, the glibc headers (with the Linux UAPI
# headers where glibc declares nothing for the call: linux/bpf.h, ...) that a
# C program includes to make the same system calls with the same named
# constants and structs, as installed on the machine (Debian 12: glibc 2.36,
# linux-libc-dev 6.1). A header with no such ground (result.hpp, bitmask.hpp,
# types.hpp, uapi.hpp, tool.hpp, out.hpp, std.hpp) has none here. The
# umbrella's ground is the union of its headers' grounds.
GROUND = {
    "syscall.hpp": ["unistd.h", "sys/syscall.h", "errno.h", "string.h"],
    "aio.hpp": ["linux/aio_abi.h", "sys/syscall.h", "unistd.h", "time.h", "signal.h"],
    "auxv.hpp": ["sys/auxv.h"],
    "bpf.hpp": ["linux/bpf.h", "linux/filter.h", "sys/syscall.h", "unistd.h"],
    "capability.hpp": ["linux/capability.h", "sys/syscall.h", "unistd.h"],
    "errc.hpp": ["errno.h", "string.h"],
    "event.hpp": ["poll.h", "sys/select.h", "sys/epoll.h", "sys/eventfd.h", "signal.h", "sys/syscall.h", "unistd.h"],
    "fd.hpp": ["unistd.h"],
    "file.hpp": ["fcntl.h", "unistd.h", "sys/uio.h", "sys/sendfile.h", "sys/file.h", "linux/falloc.h", "linux/fs.h"],
    "fs.hpp": ["sys/stat.h", "sys/statfs.h", "fcntl.h", "unistd.h", "dirent.h", "stdio.h", "sys/time.h", "sys/xattr.h",
               "sys/mount.h", "sys/inotify.h", "sys/fanotify.h", "sys/swap.h", "sys/quota.h"],
    "futex.hpp": ["linux/futex.h", "sys/syscall.h", "unistd.h", "time.h"],
    "io_uring.hpp": ["linux/io_uring.h", "sys/syscall.h", "unistd.h", "sys/mman.h"],
    "ioctl.hpp": ["sys/ioctl.h", "termios.h", "linux/fs.h"],
    "ipc.hpp": ["sys/ipc.h", "sys/msg.h", "sys/sem.h", "sys/shm.h", "mqueue.h", "fcntl.h"],
    "keys.hpp": ["linux/keyctl.h", "sys/syscall.h", "unistd.h"],
    "landlock.hpp": ["linux/landlock.h", "sys/syscall.h", "unistd.h"],
    "memory.hpp": ["sys/mman.h", "unistd.h", "linux/mempolicy.h", "sys/syscall.h"],
    "nr.hpp": ["sys/syscall.h"],
    "perf_event.hpp": ["linux/perf_event.h", "linux/hw_breakpoint.h", "sys/ioctl.h", "sys/syscall.h", "unistd.h"],
    "process.hpp": ["unistd.h", "sys/wait.h", "sys/resource.h", "sched.h", "sys/prctl.h", "sys/personality.h",
                    "sys/times.h", "sys/utsname.h", "sys/sysinfo.h", "signal.h", "sys/rseq.h", "linux/membarrier.h",
                    "sys/syscall.h"],
    "ptrace.hpp": ["sys/ptrace.h", "sys/user.h", "sys/uio.h", "linux/kcmp.h", "sys/syscall.h", "unistd.h"],
    "random.hpp": ["sys/random.h"],
    "runtime.hpp": ["stdlib.h", "unistd.h"],
    "sched.hpp": ["sched.h", "sys/syscall.h", "unistd.h"],
    "seccomp.hpp": ["linux/seccomp.h", "linux/filter.h", "linux/audit.h", "sys/prctl.h", "sys/syscall.h", "unistd.h"],
    "signal.hpp": ["signal.h", "sys/signalfd.h", "unistd.h", "sys/syscall.h"],
    "socket.hpp": ["sys/socket.h", "netinet/in.h", "sys/un.h"],
    "sys.hpp": ["sys/syscall.h"],
    "system.hpp": ["unistd.h", "sys/reboot.h", "sys/klog.h", "linux/kexec.h", "linux/module.h", "sys/syscall.h"],
    "time.hpp": ["time.h", "sys/time.h", "sys/timerfd.h", "sys/timex.h", "signal.h"],
    "vdso.hpp": ["elf.h", "sys/auxv.h", "time.h", "sched.h", "sys/random.h"],
}


def ground_of(case_text):
    """The same-ground headers of a case (`#include <rawsys/X>` lines), or None."""
    names = re.findall(r"#include <rawsys/([\w.]+)>", case_text)
    if not names:
        return None
    if names == ["rawsys.hpp"]:
        with open(os.path.join(ROOT, "include", "rawsys", "rawsys.hpp")) as f:
            names = re.findall(r'^#include "([\w.]+)"', f.read(), re.M)
    headers = []
    for n in names:
        for h in GROUND.get(n, []):
            if h not in headers:
                headers.append(h)
    return headers or None


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
    ap.add_argument("--standards", default="c++20,c++23")
    ap.add_argument("--only", default="")
    ap.add_argument("--same-ground", action="store_true")
    args = ap.parse_args()
    unknown = set(args.standards.split(",")) - {"c++20", "c++23"}
    if unknown:
        ap.error(f"--standards takes c++20 and c++23, not {', '.join(sorted(unknown))}")
    cases = dict(CASES)
    if args.topics:
        for h in topic_headers():
            cases[f"<rawsys/{h}>"] = f"#include <rawsys/{h}>"
    if args.only:
        keep = args.only.split(",")
        cases = {n: t for n, t in cases.items()
                 if n in ("empty file", "glibc headers") or any(k in n for k in keep)}
    grounds = {}  # rawsys case -> its same-ground case
    if args.same_ground:
        for name, text in list(cases.items()):
            headers = ground_of(text)
            if headers:
                grounds[name] = f"glibc, same ground as {name}"
                cases[grounds[name]] = "\n".join(f"#include <{h}>" for h in headers)
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
            if cxx not in wanted or ("c++23" if std == "c++2b" else std) not in args.standards.split(","):
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
    measured = {(c, n): m for c, n, m, _ in rows}

    def same_ground(c, n):
        """The ratio to the case's own ground, or None."""
        g = measured.get((c, grounds.get(n)))
        return (measured[(c, n)] - base[c]) / (g - base[c]) if g is not None and g > base[c] else None

    if args.markdown:
        extra = " vs same ground |" if args.same_ground else ""
        print(f"| compiler | include | {unit} | over empty | vs glibc headers |{extra} lines after preprocessing |")
        print("|---|---|---:|---:|---:|" + ("---:|" if args.same_ground else "") + "---:|")
    for c, n, m, lines in rows:
        over = m - base[c]
        ratio = over / (glibc[c] - base[c]) if glibc[c] > base[c] else float("nan")
        sg = same_ground(c, n)
        if args.markdown:
            extra = (f" {sg:.2f}x |" if sg is not None else " - |") if args.same_ground else ""
            print(f"| {c} | {n} | {m:.0f} | +{over:.0f} | {ratio:.2f}x |{extra} {lines} |")
        else:
            u = "M" if args.instructions else "ms"
            extra = f"  {sg:5.2f}x same ground" if sg is not None else ""
            print(f"{c:18} {n:36} {m:7.1f} {u}  +{over:6.1f} {u}  {ratio:5.2f}x glibc  {lines:6} lines{extra}")
    how = ("instructions of the compiler proper, one callgrind run per case" if args.instructions
           else f"{args.runs} interleaved runs per case, median")
    print(f"\n{how}; {platform.processor() or platform.machine()}, "
          f"Linux {platform.release()}", file=sys.stderr if not args.markdown else sys.stdout)


if __name__ == "__main__":
    main()
