#!/usr/bin/env python3
"""Turns rawsys_bench's Google Benchmark JSON into docs/benchmarks.md and
docs/benchmarks.svg (standard library only; the SVG is written by hand).

usage:
  tools/bench_report.py [--json-dir DIR] [--machine M] [--md FILE] [--svg FILE] [--note TEXT]
      writes the report from DIR/M/x86_64.json and DIR/M/i386.json (default
      docs/bench, M the machine with the newest run), with every machine's
      headline from DIR/*/, M's tracing.json and DIR/codegen.json
  tools/bench_report.py --summary [JSON ...]
      prints the headline table (default: the newest machine's runs)
  tools/bench_report.py --tracing OUT.json --rounds N --loop BIN --syscount BIN [--trace-tool BIN]
      times BIN untraced and under strace, strace --seccomp-bpf, trace and syscount
  tools/bench_report.py --check OUT.json --arch ARCH -- COMMAND...
      runs COMMAND (a smoke run of rawsys_bench), then checks that OUT.json is
      valid benchmark JSON with every expected benchmark and no error
"""
import argparse
import html
import json
import math
import os
import re
import statistics
import subprocess
import sys

CALLS = [
    ("getppid", "getppid"),
    ("read_1B_dev_zero", "read 1 B from /dev/zero"),
    ("write_1B_dev_null", "write 1 B to /dev/null"),
    ("clock_gettime_monotonic", "clock_gettime(CLOCK_MONOTONIC)"),
    ("openat_close", "openat + close"),
    ("mmap_munmap_page", "mmap + munmap, one page"),
    ("pipe2_close", "pipe2 + 2 × close"),
    ("getrandom_16B", "getrandom, 16 B"),
]
VARIANT_NAMES = {
    "floor": "floor (inline instruction)",
    "floor_int80": "floor, int $0x80",
    "rawsys": "rawsys",
    "rawsys_vdso": "rawsys vDSO",
    "glibc": "glibc wrapper",
    "glibc_syscall": "glibc syscall()",
}
STANDARD_FIELDS = {"family_index", "per_family_instance_index", "repetitions", "repetition_index",
                   "threads", "iterations", "real_time", "cpu_time"}
ARCH_TITLES = {"x86_64": "x86-64", "i386": "i386", "aarch64": "arm64"}
COLORS = {
    "floor": "#4c72b0",
    "floor_int80": "#8c8c8c",
    "rawsys": "#dd8452",
    "rawsys_vdso": "#c44e52",
    "glibc": "#55a868",
    "glibc_syscall": "#8172b3",
}


# ---------------------------------------------------------------- data

def load(path):
    with open(path) as f:
        return json.load(f)


def to_ns(value, unit):
    return value * {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]


def quantile(xs, q):
    """Linear interpolation between closest ranks (xs sorted)."""
    if len(xs) == 1:
        return xs[0]
    pos = (len(xs) - 1) * q
    lo = math.floor(pos)
    hi = math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


class Stat:
    def __init__(self, xs):
        xs = sorted(xs)
        self.n = len(xs)
        self.median = statistics.median(xs)
        self.q1 = quantile(xs, 0.25)
        self.q3 = quantile(xs, 0.75)
        self.min = xs[0]
        self.max = xs[-1]


class Run:
    """One architecture's results: per benchmark, the repetitions' times (ns
    per iteration: wall clock for /real_time benchmarks, else CPU time) and
    counters."""

    def __init__(self, doc):
        self.context = doc.get("context", {})
        self.arch = self.context.get("arch", "?")
        self.machine = machine_name(self.context)
        self.times = {}
        self.counters = {}
        self.labels = {}
        self.errors = {}
        for b in doc.get("benchmarks", []):
            if b.get("run_type", "iteration") != "iteration":
                continue
            name = b.get("run_name", b["name"])
            if b.get("error_occurred"):
                self.errors[name] = b.get("error_message", "error")
                continue
            base = name[: -len("/real_time")] if name.endswith("/real_time") else name
            base = re.sub(r"/iterations:\d+$", "", base)  # the musl runs: one iteration each
            t = b["real_time"] if name.endswith("/real_time") else b["cpu_time"]
            self.times.setdefault(base, []).append(to_ns(t, b.get("time_unit", "ns")))
            for k, v in b.items():
                if k not in STANDARD_FIELDS and isinstance(v, (int, float)):
                    self.counters.setdefault(base, {}).setdefault(k, []).append(v)
            if b.get("label"):
                self.labels[base] = b["label"]

    def stat(self, name):
        xs = self.times.get(name)
        return Stat(xs) if xs else None

    def counter(self, name, key):
        xs = self.counters.get(name, {}).get(key)
        return Stat(xs) if xs else None


def machine_name(c):
    """What the run's CPU was, for a reader: the model name, with vendor,
    family and model numbers where the run recorded them (runs before those
    were recorded give the model name alone)."""
    name = c.get("cpu_model", "?")
    if c.get("cpu_vendor"):
        name += (f" ({c['cpu_vendor']}, family {c.get('cpu_family', '?')}, model "
                 f"{c.get('cpu_model_number', '?')}, stepping {c.get('cpu_stepping', '?')})")
    return name


def machines(json_dir):
    """The machines with results: {folder name: [Run per architecture]}, newest first."""
    out = {}
    for d in sorted(os.listdir(json_dir)):
        p = os.path.join(json_dir, d)
        if not os.path.isdir(p):
            continue
        runs = [Run(load(os.path.join(p, f"{a}.json"))) for a in ("x86_64", "i386")
                if os.path.exists(os.path.join(p, f"{a}.json"))]
        if runs:
            out[d] = runs
    return dict(sorted(out.items(), key=lambda kv: max(r.context.get("date", "") for r in kv[1]), reverse=True))


# ---------------------------------------------------------------- formatting

def fmt_ns(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e4:
        return f"{ns / 1e3:.1f} µs"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    if ns >= 100:
        return f"{ns:.0f} ns"
    return f"{ns:.1f} ns"


def fmt_rate(x, unit):
    for div, p in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if x >= div:
            return f"{x / div:.2f} {p}{unit}"
    return f"{x:.0f} {unit}"


def fmt_bytes_rate(x):
    for div, p in ((1 << 30, "GiB/s"), (1 << 20, "MiB/s"), (1 << 10, "KiB/s")):
        if x >= div:
            return f"{x / div:.2f} {p}"
    return f"{x:.0f} B/s"


def ratio(a, b):
    if a is None or b is None or b.median == 0:
        return None
    return a.median / b.median


def fmt_ratio(r):
    return "—" if r is None else f"{r:.3f}"


def spread(s):
    return f"{fmt_ns(s.q1)} – {fmt_ns(s.q3)}", f"{fmt_ns(s.min)} – {fmt_ns(s.max)}"


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def call_variants(run):
    vs = ["floor"]
    if run.arch == "i386":
        vs.append("floor_int80")
    return vs + ["rawsys", "glibc", "glibc_syscall"]


# ---------------------------------------------------------------- report sections

def section_calls(run):
    rows = []
    for op, title in CALLS:
        base = f"call/{op}/"
        floor = run.stat(base + "floor")
        glibc = run.stat(base + "glibc")
        for v in call_variants(run):
            s = run.stat(base + v)
            if s is None:
                continue
            iqr, mm = spread(s)
            name = VARIANT_NAMES[v]
            rows.append([title if v == "floor" else "", name, fmt_ns(s.median), iqr, mm,
                         fmt_ratio(ratio(s, floor)), fmt_ratio(ratio(s, glibc))])
    return table(["call", "variant", "median", "IQR", "min – max", "÷ floor", "÷ glibc"], rows)


def section_paired(run):
    rows = []
    for op, title in CALLS + [("gettimeofday", "gettimeofday")]:
        name = f"paired/{op}"
        if name not in run.counters:
            continue
        c = {k: run.counter(name, k) for k in ("ns_floor", "ns_rawsys", "ns_glibc", "ns_syscall",
                                               "rawsys_per_floor", "rawsys_per_glibc", "glibc_per_floor")}
        def rr(k):
            x = c[k]
            return f"**{x.median:.3f}** ({x.min:.3f} – {x.max:.3f})"
        rows.append([title] + [fmt_ns(c[k].median) for k in ("ns_floor", "ns_rawsys", "ns_glibc", "ns_syscall")] +
                    [rr("rawsys_per_floor"), rr("rawsys_per_glibc"), rr("glibc_per_floor")])
    return table(["call", "floor", "rawsys", "glibc", "glibc syscall()", "rawsys ÷ floor",
                  "rawsys ÷ glibc", "glibc ÷ floor"], rows)


def paired_ratio(run, op, key):
    return run.counter(f"paired/{op}", key)


def section_entry(run):
    rows = []
    if run.arch == "x86_64":
        pairs = [("call/getppid/floor", "`syscall` (inline)"),
                 ("entry/getppid/floor_outlined", "`syscall` in a non-inlined function (call + ret around it)"),
                 ("entry/getppid/int80_from_64bit", "`int $0x80` from this 64-bit process (i386 number 64)"),
                 ("call/getppid/rawsys", "rawsys"),
                 ("call/getppid/glibc", "glibc getppid()")]
        ref = run.stat("call/getppid/floor")
    else:
        pairs = [("call/getppid/floor", "`call *__kernel_vsyscall` (inline)"),
                 ("entry/getppid/floor_outlined", "`call *__kernel_vsyscall` in a non-inlined function"),
                 ("call/getppid/floor_int80", "`int $0x80` (inline)"),
                 ("call/getppid/rawsys", "rawsys (its default path)"),
                 ("call/getppid/glibc", "glibc getppid() (`call *%gs:0x10`)")]
        ref = run.stat("call/getppid/floor")
    int80 = run.stat("entry/getppid/int80_from_64bit" if run.arch == "x86_64" else "call/getppid/floor_int80")
    for name, title in pairs:
        s = run.stat(name)
        if s is None:
            continue
        iqr, mm = spread(s)
        r80 = ratio(int80, s)
        rows.append([title, fmt_ns(s.median), iqr, mm, fmt_ratio(ratio(s, ref)),
                     "—" if r80 is None else f"{r80:.1f}×"])
    return table(["getppid via", "median", "IQR", "min – max", "÷ fast entry", "int $0x80 is slower by"], rows)


def section_vdso(run):
    rows = []
    for op, title, prefix in (("clock_gettime_monotonic", "clock_gettime(CLOCK_MONOTONIC)", "call"),
                              ("gettimeofday", "gettimeofday", "clock")):
        names = [(f"{prefix}/{op}/floor", "real syscall, inline instruction"),
                 (f"clock/{op}/rawsys_syscall", "real syscall, rawsys::syscall"),
                 (f"{prefix}/{op}/glibc_syscall", "real syscall, glibc syscall()"),
                 (f"{prefix}/{op}/rawsys", "rawsys: " + run.labels.get(f"{prefix}/{op}/rawsys", "")),
                 (f"{prefix}/{op}/glibc", "glibc (vDSO)")]
        glibc = run.stat(f"{prefix}/{op}/glibc")
        sysc = run.stat(f"{prefix}/{op}/floor")
        pg = run.counter(f"paired/{op}", "rawsys_per_glibc")
        first = True
        for name, vt in names:
            s = run.stat(name)
            if s is None:
                continue
            iqr, mm = spread(s)
            paired = ""
            if name.endswith("/rawsys") and pg:
                paired = f"**{pg.median:.3f}** ({pg.min:.3f} – {pg.max:.3f})"
            rows.append([title if first else "", vt, fmt_ns(s.median), iqr, mm,
                         fmt_ratio(ratio(s, glibc)), paired, fmt_ratio(ratio(s, sysc))])
            first = False
    v = run.stat("vdso/getrandom_16B/rawsys_vdso")
    if v is not None:
        g = run.stat("call/getrandom_16B/glibc")
        f = run.stat("call/getrandom_16B/floor")
        iqr, mm = spread(v)
        rows.append(["getrandom, 16 B", "rawsys: " + run.labels.get("vdso/getrandom_16B/rawsys_vdso", ""),
                     fmt_ns(v.median), iqr, mm, "—", "", fmt_ratio(ratio(v, f))])
        if g is not None:
            iqr, mm = spread(g)
            rows.append(["", "glibc getrandom() (the syscall: glibc 2.36 has no vDSO path)", fmt_ns(g.median),
                         iqr, mm, "", "", fmt_ratio(ratio(g, f))])
    return table(["call", "path", "median", "IQR", "min – max", "÷ glibc", "÷ glibc, paired",
                  "÷ real syscall"], rows)


def storm_rows(run, dest):
    rows = []
    kinds = [("rw_1B", "read/write 1 B"), ("rw_64B", "read/write 64 B"), ("rw_4096B", "read/write 4 KiB"),
             ("rw_65536B", "read/write 64 KiB"), ("sendfile", "sendfile"), ("splice", "splice via a pipe, 64 KiB")]
    for k, title in kinds:
        for v in ("rawsys", "glibc"):
            name = f"storm/{dest}/{k}/{v}"
            s = run.stat(name)
            if s is None:
                continue
            bps = run.counter(name, "bytes_per_second")
            cps = run.counter(name, "calls")
            other = run.stat(f"storm/{dest}/{k}/{'glibc' if v == 'rawsys' else 'rawsys'}")
            r = ratio(s, other) if v == "rawsys" else None
            rows.append([title if v == "rawsys" else "", v, fmt_ns(s.median),
                         fmt_bytes_rate(bps.median) if bps else "—",
                         f"{fmt_bytes_rate(bps.min)} – {fmt_bytes_rate(bps.max)}" if bps else "—",
                         fmt_rate(cps.median, "calls/s") if cps else "—",
                         fmt_ratio(r) if v == "rawsys" else ""])
    return table(["copy", "via", "time per copy (median)", "bytes/s (median)", "bytes/s min – max",
                  "calls/s (median)", "time ÷ glibc"], rows)


def section_spawn(run):
    rows = []
    ref = run.stat("spawn/coreutils_true")
    for name, title in (("spawn/rawsys_true", "rawsys `true` (static, no libc: "
                         + run.labels.get("spawn/rawsys_true", "?") + ")"),
                        ("spawn/glibc_static_true", "glibc-static `true`"),
                        ("spawn/coreutils_true", "coreutils /usr/bin/true (dynamic, x86-64)")):
        s = run.stat(name)
        if s is None:
            continue
        iqr, mm = spread(s)
        rows.append([title, fmt_ns(s.median), iqr, mm, fmt_ratio(ratio(s, ref))])
    return table(["program", "fork + exec + wait (median, wall clock)", "IQR", "min – max",
                  "÷ coreutils"], rows)


MUSL_CALLS = CALLS + [("gettimeofday", "gettimeofday")]


def musl_ratios(run, op):
    """musl ÷ floor (musl's process) and glibc ÷ floor, rawsys ÷ floor (the
    glibc process, paired) for one call: medians over repetitions."""
    m = run.counter(f"musl/{op}", "musl_per_floor")
    g = run.counter(f"paired/{op}", "glibc_per_floor")
    r = run.counter(f"paired/{op}", "rawsys_per_floor")
    return m, g, r


def section_musl(run):
    rows = []
    for op, title in MUSL_CALLS:
        m, g, r = musl_ratios(run, op)
        if m is None or g is None:
            continue
        nm = run.counter(f"musl/{op}", "ns_musl")
        nf = run.counter(f"musl/{op}", "ns_floor")
        ng = run.counter(f"paired/{op}", "ns_glibc")
        rows.append([title, fmt_ns(nf.median), fmt_ns(nm.median), fmt_ns(ng.median),
                     f"{m.median:.3f} ({m.min:.3f} – {m.max:.3f})", f"{g.median:.3f}",
                     f"{r.median:.3f}" if r else "—", f"**{m.median / g.median:.3f}**",
                     f"{r.median / m.median:.3f}" if r else "—"])
    if not rows:
        return "Not measured in this run (musl-gcc was not installed when it was built).\n"
    return table(["call", "floor (musl process)", "musl", "glibc", "musl ÷ floor", "glibc ÷ floor",
                  "rawsys ÷ floor", "musl ÷ glibc", "rawsys ÷ musl"], rows) + "\n"


def section_fewer(run):
    rows = []
    for n in (1, 8, 64, 512):
        base = run.stat(f"fewer/read_64B/syscalls/n{n}")
        for v, title in (("syscalls", f"{n} × pread64"), ("io_uring", "io_uring, one io_uring_enter"),
                         ("sqpoll", "io_uring with SQPOLL")):
            name = f"fewer/read_64B/{v}/n{n}"
            st = run.stat(name)
            if st is None:
                continue
            calls = run.counter(name, "syscalls_per_op")
            rows.append([str(n) if v == "syscalls" else "", title,
                         f"{calls.median * n:.2f}" if calls else "—",
                         fmt_ns(st.median / n), f"{fmt_ns(st.min / n)} – {fmt_ns(st.max / n)}",
                         fmt_ratio(ratio(st, base))])
    if not rows:
        return "Not measured in this run.\n"
    return table(["N", "how", "system calls per batch (counted)", "time per read (median)", "min – max",
                  "÷ N syscalls"], rows) + "\n"


TRACERS = [
    ("untraced", "untraced"),
    ("strace", "`strace -f -qq -o /dev/null`"),
    ("strace_seccomp", "`strace -f -qq -o /dev/null --seccomp-bpf -e trace=reboot` (a call the loop never makes)"),
    ("trace", "rawsys's `trace -f -o /dev/null` (examples/trace)"),
    ("syscount", "rawsys's `syscount -f` (examples/syscount, ptrace, every call stops)"),
]


def tracing(out, rounds, loop, syscount, trace_tool):
    """Times `loop` (100,000 getppid calls) untraced and under each tracer,
    `rounds` rounds, each round in a random order; writes the wall-clock
    times and, per round, each tracer's time ÷ the untraced time."""
    import random
    import shutil
    import time
    cmds = {"untraced": [loop]}
    if shutil.which("strace"):
        cmds["strace"] = ["strace", "-f", "-qq", "-o", "/dev/null", loop]
        cmds["strace_seccomp"] = ["strace", "-f", "-qq", "-o", "/dev/null", "--seccomp-bpf", "-e", "trace=reboot",
                                  loop]
    if trace_tool and os.access(trace_tool, os.X_OK):
        cmds["trace"] = [trace_tool, "-f", "-o", "/dev/null", loop]
    if syscount and os.access(syscount, os.X_OK):
        cmds["syscount"] = [syscount, "-f", loop]
    times = {k: [] for k in cmds}
    ratios = {k: [] for k in cmds}
    rng = random.Random(1)
    for _ in range(rounds):
        order = list(cmds)
        rng.shuffle(order)
        got = {}
        for k in order:
            t0 = time.perf_counter()
            p = subprocess.run(cmds[k], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            got[k] = time.perf_counter() - t0
            if p.returncode != 0:
                print(f"tracing: {' '.join(cmds[k])} exited with {p.returncode}", file=sys.stderr)
                return 1
        for k in cmds:
            times[k].append(got[k] * 1e9)
            ratios[k].append(got[k] / got["untraced"])
    doc = {"calls": 100000, "rounds": rounds, "commands": {k: " ".join(v) for k, v in cmds.items()},
           "ns": times, "slowdown": ratios, "trace_built": "trace" in cmds}
    with open(out, "w") as f:
        json.dump(doc, f, indent=1)
    for k in cmds:
        print(f"tracing: {k}: {statistics.median(times[k]) / 1e6:.1f} ms, "
              f"{statistics.median(ratios[k]):.1f}× untraced")
    return 0


def section_tracing(doc):
    if not doc:
        return "Not measured in this run.\n"
    rows = []
    for k, title in TRACERS:
        if k not in doc["ns"]:
            rows.append([title, "not built" if k == "trace" else "not installed", "", "", ""])
            continue
        t = Stat(doc["ns"][k])
        r = Stat(doc["slowdown"][k])
        rows.append([title, fmt_ns(t.median), fmt_ns(t.median / doc["calls"]),
                     f"**{r.median:.1f}×**" if k != "untraced" else "1", f"{r.min:.1f} – {r.max:.1f}"])
    return table(["run as", "100,000 getppid (median, wall clock)", "per call", "slowdown",
                  "slowdown min – max"], rows) + "\n"


def section_codegen(doc):
    if not doc:
        return "Not generated in this run.\n"
    isas_ = [k for k, v in doc.items() if "calls" in v]
    calls = []
    for k in isas_:
        for c in doc[k]["calls"]:
            if c not in calls:
                calls.append(c)
    header = ["call"] + [doc[k]["label"] for k in isas_]
    rows = []
    for c in calls:
        row = [f"`{c}`"]
        for k in isas_:
            r = doc[k]["calls"].get(c)
            row.append("—" if r is None else f"{r['typed']} / {r['min']}")
        rows.append(row)
    tot = ["total"]
    for k in isas_:
        t = sum(r["typed"] for r in doc[k]["calls"].values())
        m = sum(r["min"] for r in doc[k]["calls"].values())
        tot.append(f"**{t} / {m}** ({t / m:.2f}×)")
    rows.append(tot)
    out = table(header, rows) + "\n\n"
    out += "Compilers: " + "; ".join(f"{doc[k]['label']}: `{doc[k]['compiler']}` ({doc[k]['version']}), "
                                     f"disassembled with {doc[k]['disassembly']}" for k in isas_) + ".\n"
    errs = [f"{v['label']}: {v['error']}" for v in doc.values() if "error" in v]
    if errs:
        out += "\nNot generated: " + "; ".join(errs) + "\n"
    ex = next((k for k in isas_ if "read" in doc[k]["calls"]), None)
    if ex:
        r = doc[ex]["calls"]["read"]
        out += (f"\nFor example `read` on {doc[ex]['label']}, typed:\n\n```\n" + "\n".join(r["typed_insns"]) +
                "\n```\n\nand the minimum:\n\n```\n" + "\n".join(r["min_insns"]) + "\n```\n")
    return out


def section_machines(all_machines):
    rows = []
    for d, runs in all_machines.items():
        for run in runs:
            a = ARCH_TITLES.get(run.arch, run.arch)
            g = paired_ratio(run, "getppid", "rawsys_per_glibc")
            o = paired_ratio(run, "openat_close", "rawsys_per_glibc")
            m, gf, _ = musl_ratios(run, "getppid")
            ns = run.counter("paired/getppid", "ns_glibc")
            rows.append([f"`{d}`: {run.machine}", a, run.context.get("date", "?")[:10],
                         fmt_ns(ns.median) if ns else "—",
                         f"{g.median:.3f}" if g else "—", f"{o.median:.3f}" if o else "—",
                         f"{m.median / gf.median:.3f}" if m and gf else "not measured"])
    return table(["machine (docs/bench/…)", "ISA", "run", "glibc getppid", "rawsys ÷ glibc, getppid",
                  "rawsys ÷ glibc, openat + close", "musl ÷ glibc, getppid"], rows) + "\n"


def overlap(a, b):
    """True when the two interquartile ranges overlap: a difference within noise."""
    return a.q1 <= b.q3 and b.q1 <= a.q3


def targets(runs):
    """The stated targets, checked (reported, never asserted), each miss with
    its likely reason."""
    lines = []
    for run in runs:
        a = ARCH_TITLES.get(run.arch, run.arch)
        over, under_glibc, over_glibc = [], [], []
        for op, title in CALLS:
            r = run.stat(f"call/{op}/rawsys")
            f = run.stat(f"call/{op}/floor")
            g = run.stat(f"call/{op}/glibc")
            pf = paired_ratio(run, op, "rawsys_per_floor")
            pg = paired_ratio(run, op, "rawsys_per_glibc")
            # The paired ratio (side by side in time) where measured, else the
            # ratio of the two benchmarks' medians.
            rf = pf.median if pf else ratio(r, f)
            rg = pg.median if pg else ratio(r, g)
            if rf is not None and rf > 1.02:
                if pf and pf.min <= 1.02:
                    why = f"repetitions ranged {pf.min:.3f} – {pf.max:.3f}"
                elif op == "getrandom_16B":
                    why = ("consistent: the loops differ only by the error check rawsys's result adds, one "
                           "compare and branch after the kernel returns, which costs this much only after a "
                           "long kernel path")
                elif r and f and overlap(r, f):
                    why = "within noise: IQRs overlap"
                else:
                    why = "consistent across repetitions"
                over.append(f"{title} {rf:.3f} ({why})")
            if rg is None:
                continue
            if rg > 1.0:
                label = run.labels.get(f"call/{op}/rawsys", "")
                outl = run.context.get("rawsys_out_of_line", "").split()
                if op == "clock_gettime_monotonic" and "real syscall" in label:
                    why = "rawsys makes the real system call, glibc reads the clock through the vDSO"
                elif op == "clock_gettime_monotonic" and "rawsys::clock_gettime" in outl:
                    why = "the compiler did not inline rawsys::clock_gettime in this build"
                elif pg and pg.min <= 1.0:
                    why = f"repetitions ranged {pg.min:.3f} – {pg.max:.3f}"
                else:
                    why = "consistent across repetitions"
                over_glibc.append(f"{title} {rg:.3f} ({why})")
            else:
                under_glibc.append(f"{title} {rg:.3f}")
        lines.append(f"- **{a}, rawsys ÷ floor ≤ 1.02 for every call:** " +
                     ("met." if not over else "missed for " + "; ".join(over) + "."))
        why_lower = ("inlined: no call and return around the kernel entry, see the kernel entries below"
                     if run.arch != "i386" else
                     "on i386 every path, the floor included, calls __kernel_vsyscall; glibc's wrapper adds one more "
                     "call and return around that, a few percent")
        lines.append(f"- **{a}, rawsys ÷ glibc ≤ 1.0 for every call:** " +
                     ("met" if not over_glibc else "missed for " + "; ".join(over_glibc)) +
                     (f". Below 1 for {', '.join(under_glibc)} ({why_lower})" if under_glibc else "") + ".")
        vd = []
        for op, title, prefix in (("clock_gettime_monotonic", "clock_gettime", "call"),
                                  ("gettimeofday", "gettimeofday", "clock")):
            if "vDSO" not in run.labels.get(f"{prefix}/{op}/rawsys", ""):
                continue
            pg = run.counter(f"paired/{op}", "rawsys_per_glibc")
            r = pg.median if pg else ratio(run.stat(f"{prefix}/{op}/rawsys"), run.stat(f"{prefix}/{op}/glibc"))
            if r is not None:
                vd.append((title, r))
        if vd:
            outl = run.context.get("rawsys_out_of_line", "").split()
            def vreason(t):
                if f"rawsys::{t}" in outl:
                    return (f"{t} {{r:.3f}} (the compiler did not inline rawsys::{t} in this build, so a "
                            "call and a return through memory of its result come before the vDSO's own call)")
                return f"{t} {{r:.3f}}"
            limit = {"clock_gettime": 1.0, "gettimeofday": 1.05}
            missed = [vreason(t).format(r=r) for t, r in vd if r > limit[t]]
            lines.append(f"- **{a}, rawsys's vDSO clock calls: clock_gettime ≤ 1.0 × glibc, gettimeofday ≤ 1.05 ×:** " +
                         ", ".join(f"{t} {r:.3f}" for t, r in vd) +
                         (" (paired ratios), met." if not missed else
                          f" (paired ratios); missed for {', '.join(missed)}."))
        else:
            lines.append(f"- **{a}, rawsys vDSO clock calls within 5% of glibc:** not measured: "
                         "rawsys has no vDSO path in this build.")
        outl = run.context.get("rawsys_out_of_line", "").split()
        if "rawsys_out_of_line" in run.context:
            lines.append(f"- **{a}, every measured rawsys call inlined:** " +
                         ("met." if outl in ([], ["none"]) else "missed for " + ", ".join(outl) + "."))
        if run.arch == "i386":
            r = ratio(run.stat("call/getppid/floor_int80"), run.stat("call/getppid/rawsys"))
            if r is not None:
                lines.append(f"- **i386, rawsys's default path ≥ 20× faster than `int $0x80`:** "
                             f"{r:.1f}× (getppid), " + ("met." if r >= 20 else "missed."))
    return "\n".join(lines)


def environment(runs, note):
    out = []
    for run in runs:
        c = run.context
        a = ARCH_TITLES.get(run.arch, run.arch)
        out.append(f"**{a}** (run {c.get('date', '?')})\n")
        out.append(f"- CPU: {run.machine}, {c.get('num_cpus', '?')} CPUs at "
                   f"{c.get('mhz_per_cpu', '?')} MHz; load average at start "
                   f"{', '.join(f'{x:.2f}' for x in c.get('load_avg', []))}")
        out.append(f"- kernel: {c.get('kernel', '?')}")
        out.append(f"- compiler: {c.get('compiler', '?')}, flags `{c.get('compile_flags', '')}`; "
                   f"C library: {c.get('libc', '?')}; Google Benchmark library build: "
                   f"{c.get('library_build_type', '?')}")
        if c.get("run_settings"):
            out.append(f"- run: {c['run_settings']}")
        if c.get("rawsys_out_of_line"):
            out.append("- measured rawsys calls the compiler emitted out of line (not inlined) in this build: "
                       + c["rawsys_out_of_line"].strip())
        vulns = sorted((k[5:], v) for k, v in c.items() if k.startswith("vuln_"))
        affected = [f"{k}: {v}" for k, v in vulns if v != "Not affected"]
        if affected:
            out.append("- mitigations (others: not affected): " + "; ".join(affected))
        out.append("")
    notes = [note] if note else sorted({r.context["note"] for r in runs if r.context.get("note")})
    for n in notes:
        out.append(n + "\n")
    return "\n".join(out)


# ---------------------------------------------------------------- chart

CHART_TITLES = {"clock_gettime_monotonic": "clock_gettime(MONOTONIC)"}


def svg_chart(runs):
    """Two kinds of panel per architecture: the median time per call of each
    variant (log scale, IQR whiskers), and the paired ratios to the floor."""
    panels = [r for r in runs if r.arch in ("x86_64", "i386")]
    bar_h, gap, group_gap = 9, 1, 10
    label_w, plot_w, right = 200, 470, 60
    lo, hi = 10.0, 50000.0  # ns, log axis
    width = label_w + plot_w + right
    y = 24
    parts = []

    def xlog(ns):
        ns = min(max(ns, lo), hi)
        return label_w + plot_w * (math.log10(ns) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    def xlin(r, rmax=2.0):
        return label_w + plot_w * min(max(r, 0.0), rmax) / rmax

    def text(x, yy, t, size=11, anchor="start", extra=""):
        parts.append(f'<text x="{x:.1f}" y="{yy:.1f}" font-size="{size}" text-anchor="{anchor}"{extra}>'
                     f'{html.escape(t)}</text>')

    for run in panels:
        arch = ARCH_TITLES[run.arch]
        variants = call_variants(run)
        text(label_w, y, f"{arch}: time per call (median over repetitions, log scale; whiskers: IQR)", 13,
             extra=' font-weight="bold"')
        y += 10
        top = y
        for op, title in CALLS:
            n = sum(1 for v in variants if run.stat(f"call/{op}/{v}"))
            gh = n * (bar_h + gap)
            text(label_w - 6, y + gh / 2 + 4, CHART_TITLES.get(op, title), anchor="end")
            for v in variants:
                s = run.stat(f"call/{op}/{v}")
                if s is None:
                    continue
                x1 = xlog(s.median)
                parts.append(f'<rect x="{label_w}" y="{y}" width="{x1 - label_w:.1f}" height="{bar_h}" '
                             f'fill="{COLORS[v]}"><title>{html.escape(VARIANT_NAMES[v])}: '
                             f'{html.escape(fmt_ns(s.median))}</title></rect>')
                parts.append(f'<line x1="{xlog(s.q1):.1f}" x2="{xlog(s.q3):.1f}" y1="{y + bar_h / 2}" '
                             f'y2="{y + bar_h / 2}" stroke="#222" stroke-width="1"/>')
                text(x1 + 4, y + bar_h - 1, fmt_ns(s.median), 8, extra=' fill="#333"')
                y += bar_h + gap
            y += group_gap
        for t in (10, 30, 100, 300, 1000, 3000, 10000, 30000):
            x = xlog(t)
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4}" y2="{y}" stroke="#ccc" '
                         f'stroke-width="0.5"/>')
            text(x, y + 12, fmt_ns(t), 9, "middle")
        y += 40

        # Paired ratios to the floor, linear 0..2 (clock_gettime's vDSO rows are far below 1).
        text(label_w, y, f"{arch}: paired ratio to the floor (median over repetitions; 1 = the floor)", 13,
             extra=' font-weight="bold"')
        y += 10
        top = y
        keys = [("rawsys_per_floor", "rawsys"), ("glibc_per_floor", "glibc"), ("syscall_per_floor", "glibc_syscall")]
        for op, title in CALLS:
            if f"paired/{op}" not in run.counters:
                continue
            text(label_w - 6, y + 3 * (bar_h + gap) / 2 + 4, CHART_TITLES.get(op, title), anchor="end")
            for k, v in keys:
                c = run.counter(f"paired/{op}", k)
                if c is None:
                    continue
                x1 = xlin(c.median)
                parts.append(f'<rect x="{label_w}" y="{y}" width="{x1 - label_w:.1f}" height="{bar_h}" '
                             f'fill="{COLORS[v]}"><title>{html.escape(VARIANT_NAMES[v])} ÷ floor: '
                             f'{c.median:.3f}</title></rect>')
                parts.append(f'<line x1="{xlin(c.min):.1f}" x2="{xlin(c.max):.1f}" y1="{y + bar_h / 2}" '
                             f'y2="{y + bar_h / 2}" stroke="#222" stroke-width="1"/>')
                text(x1 + 4, y + bar_h - 1, f"{c.median:.3f}", 8, extra=' fill="#333"')
                y += bar_h + gap
            y += group_gap
        for t in (0, 0.5, 1.0, 1.5, 2.0):
            x = xlin(t)
            stroke = "#555" if t == 1.0 else "#ccc"
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4}" y2="{y}" stroke="{stroke}" '
                         f'stroke-width="{1 if t == 1.0 else 0.5}"/>')
            text(x, y + 12, f"{t:.1f}×", 9, "middle")
        text(label_w + plot_w, y + 24, "whiskers: min – max over repetitions", 9, "end")
        y += 44

    # legend, wrapped to the width
    lx = label_w
    for v in ("floor", "floor_int80", "rawsys", "glibc", "glibc_syscall"):
        w = 14 + 6.0 * len(VARIANT_NAMES[v]) + 14
        if lx + w > width:
            lx = label_w
            y += 16
        parts.append(f'<rect x="{lx}" y="{y - 9}" width="10" height="10" fill="{COLORS[v]}"/>')
        text(lx + 14, y, VARIANT_NAMES[v], 10)
        lx += w
    height = y + 16
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif">\n'
            f'<!-- Generated by tools/bench_report.py from the benchmark JSON; do not edit. -->\n'
            f'<rect width="100%" height="100%" fill="white"/>\n')
    return head + "\n".join(parts) + "\n</svg>\n"


# ---------------------------------------------------------------- the report

def section_run_to_run(run, prev):
    rows = []
    for op, title in CALLS + [("gettimeofday", "gettimeofday")]:
        cells = []
        for k in ("rawsys_per_floor", "rawsys_per_glibc", "glibc_per_floor"):
            a, b = run.counter(f"paired/{op}", k), prev.counter(f"paired/{op}", k)
            cells.append("—" if a is None else f"{a.median:.3f}")
            cells.append("—" if b is None else f"{b.median:.3f}")
        rows.append([title] + cells)
    return table(["call", "rawsys ÷ floor", "(previous)", "rawsys ÷ glibc", "(previous)",
                  "glibc ÷ floor", "(previous)"], rows)


def report(runs, svg_name, note, previous=(), all_machines=None, tracing_doc=None, codegen_doc=None):
    md = []
    md.append("<!-- Generated by tools/bench_report.py from docs/bench/*.json (tools/bench.sh); do not edit. -->")
    md.append("# Benchmarks: rawsys against glibc\n")
    md.append("Regenerate with `tools/bench.sh` (10 – 20 minutes; `--quick` for a short run that "
              "writes under build/ instead). Times are per iteration of the benchmark loop (one call, "
              "or the pair of calls named); for the calls, the storm and the clocks they are the "
              "process's CPU time (user + kernel), which a busy neighbour does not inflate; process start "
              "is wall-clock time. Each benchmark ran as repeated, randomly interleaved repetitions "
              "in one process per architecture, so the variants of a comparison were measured side "
              "by side; the tables give the median over the repetitions, the interquartile range (IQR) "
              "and min – max, and ratios of medians. Nothing here is asserted by a test. The ratios the "
              "targets use come from the paired benchmarks, which alternate the variants within one loop. "
              "Debian's Google Benchmark library is a debug build; that does not touch the measured "
              "loops, which are inlined from its header (and the paired runs time their blocks "
              "themselves). arm64 is built and run once under qemu-user by the same script as a smoke "
              "check; emulated timings are not reported. `tools/bench_report.py --summary` prints the "
              "headline table from the JSON.\n")
    md.append(f"This run: **{runs[0].machine}**. Every machine's last run is kept in "
              "docs/bench/<vendor>-<family>-<model>/; the table below gives the headline of each, "
              "and the rest of this page is this run's.\n")
    md.append(f"![time per call, x86-64 and i386]({svg_name})\n")
    md.append("## Machines\n")
    md.append(MACHINES_TEXT)
    md.append(section_machines(all_machines or {"this run": runs}))
    md.append("## Headlines and targets\n")
    md.append(targets(runs) + "\n")
    md.append(headline_text(runs))
    md.append("## Environment\n")
    md.append(environment(runs, note))
    md.append("## What each variant is\n")
    md.append(VARIANT_TEXT)
    labels = {}
    for run in runs:
        for op, title in CALLS + [("gettimeofday", "gettimeofday")]:
            for prefix in ("call", "clock"):
                v = run.labels.get(f"{prefix}/{op}/rawsys")
                if v:
                    labels.setdefault(title, v)
        for name, title in (("vdso/getrandom_16B/rawsys_vdso", "getrandom through the vDSO"),
                            ("storm/dev_null/rw_64B/rawsys", "the storm's copies"),
                            ("spawn/rawsys_true", "process start, rawsys `true`")):
            if run.labels.get(name):
                labels.setdefault(title, run.labels[name])
    if labels:
        md.append("The rawsys variant measured for each call:\n")
        md.append("\n".join(f"- {k}: `{v}`" for k, v in labels.items()) + "\n")
    for run in runs:
        a = ARCH_TITLES.get(run.arch, run.arch)
        md.append(f"## {a}: each call, four ways" + (" (five: two floors)" if run.arch == "i386" else "") + "\n")
        md.append(section_calls(run) + "\n")
    md.append("## musl beside glibc\n")
    md.append(MUSL_TEXT)
    for run in runs:
        if run.arch == "x86_64":
            md.append("**x86-64**\n")
            md.append(section_musl(run))
    md.append(MUSL_CODE_TEXT)
    md.append("## Fewer calls: N reads as N system calls or one io_uring_enter\n")
    md.append(FEWER_TEXT)
    for run in runs:
        md.append(f"**{ARCH_TITLES.get(run.arch, run.arch)}**\n")
        md.append(section_fewer(run))
    md.append("## The cost of being traced\n")
    md.append(TRACING_TEXT)
    md.append(section_tracing(tracing_doc))
    md.append("## The ISAs that run only under qemu: instructions, not time\n")
    md.append(CODEGEN_TEXT)
    md.append(section_codegen(codegen_doc))
    md.append("## Paired: the variants alternating in one loop\n")
    md.append(PAIRED_TEXT)
    for run in runs:
        md.append(f"**{ARCH_TITLES.get(run.arch, run.arch)}**\n")
        md.append(section_paired(run) + "\n")
    md.append("## Kernel entries: `int $0x80` against the fast entry\n")
    md.append(ENTRY_TEXT)
    for run in runs:
        md.append(f"**{ARCH_TITLES.get(run.arch, run.arch)}**\n")
        md.append(section_entry(run) + "\n")
    md.append("## vDSO against the real system call\n")
    md.append(VDSO_TEXT)
    for run in runs:
        md.append(f"**{ARCH_TITLES.get(run.arch, run.arch)}**\n")
        md.append(section_vdso(run) + "\n")
    md.append("## The syscall storm: copying a file\n")
    md.append(STORM_TEXT)
    for run in runs:
        a = ARCH_TITLES.get(run.arch, run.arch)
        for dest, title in (("dev_null", "memfd → /dev/null"), ("tmp_file", "memfd → file on /tmp")):
            md.append(f"**{a}, {title}**\n")
            md.append(storm_rows(run, dest) + "\n")
    md.append("## Process start: fork + exec + wait\n")
    md.append(SPAWN_TEXT)
    for run in runs:
        md.append(f"**{ARCH_TITLES.get(run.arch, run.arch)}** (the launcher is this architecture's "
                  "benchmark process; the programs are this architecture's builds except coreutils')\n")
        md.append(section_spawn(run) + "\n")
    if previous:
        md.append("## Run to run: this run against the previous one\n")
        md.append(RUN_TO_RUN_TEXT)
        for run in runs:
            prev = next((p for p in previous if p.arch == run.arch), None)
            if prev is None:
                continue
            md.append(f"**{ARCH_TITLES.get(run.arch, run.arch)}** (previous run {prev.context.get('date', '?')}"
                      + ("" if prev.context.get("rawsys_variants") == run.context.get("rawsys_variants")
                         else "; it measured other rawsys variants: "
                         + prev.context.get("rawsys_variants", "?").replace(";", ",")) + ")\n")
            md.append(section_run_to_run(run, prev) + "\n")
    errors = [(run.arch, k, v) for run in runs for k, v in run.errors.items()]
    if errors:
        md.append("## Benchmarks that reported an error\n")
        md.append("\n".join(f"- {a}: {k}: {v}" for a, k, v in errors) + "\n")
    return "\n".join(md)


def headline_text(runs):
    x = next((r for r in runs if r.arch == "x86_64"), None)

    def extra(op, calls):
        if x is None or f"paired/{op}" not in x.counters:
            return None
        return (x.counter(f"paired/{op}", "ns_glibc").median - x.counter(f"paired/{op}", "ns_floor").median) / calls

    g, o = extra("getppid", 1), extra("openat_close", 2)
    cost = ""
    if g is not None and o is not None:
        cost = (f" about {g:.0f} ns on getppid and more after longer kernel paths (about {o:.0f} ns per call "
                "on openat + close)")
    pg = paired_ratio(x, "getppid", "rawsys_per_glibc") if x else None
    if pg is not None and pg.median > 0.95:
        return f"""
On this machine ({x.machine}) a call and a return around the kernel entry
cost next to nothing: rawsys's inlined call is {pg.median:.3f}× glibc's
wrapper on getppid (paired), so rawsys, glibc and musl take about the same
time for the same system call, and the kernel's own work is what is
measured. On other machines it is not so (see Machines above, and the
`entry/getppid` rows below, which isolate the call and return): on the AMD
EPYC run the wrapper's return and PLT jump after the system call
mispredicted, likely because the kernel's Spectre v2 mitigations left the
return-stack and branch-target predictors without the user program's
entries, and an inlined call, which has none, was 0.7× glibc's. This
kernel lists similar mitigations (Environment) and the CPU does not pay
for them here: the cost is the processor's, not the library's. On i386
every way in, the floor included, goes through a call and return
(`__kernel_vsyscall` is a function).
"""
    return f"""
Why rawsys is below glibc on x86-64: rawsys's call is inlined, so nothing
stands between the loop and the `syscall` instruction, while glibc's wrapper
puts a call (through the PLT) and a return around it. On this machine that
costs far more than the few instructions involved:{cost}.
The `entry/getppid` rows below isolate it: the same inline `syscall` moved
into a function of its own costs what glibc's wrapper costs. The likely
reason is that the kernel's work, under its Spectre v2 mitigations
(retpolines, return-stack filling; see Environment), leaves the CPU's
return-stack and branch-target predictors without the user program's
entries, so the wrapper's return and the PLT jump after the system call
mispredict; the longer the kernel path, the more is lost. An inlined call
has no such return. On i386 every way in, the floor included, goes through a
call and return (`__kernel_vsyscall` is a function), so rawsys, glibc and
the floor are within a few percent of one another there.
"""


VARIANT_TEXT = """
- **floor**: the kernel entry written by hand as inline asm in the benchmark
  loop (bench/floor.hpp), independent of rawsys's own asm: x86-64 `syscall`,
  arm64 `svc #0`. On i386 the floor is `call *__kernel_vsyscall` with the
  AT_SYSINFO address read once from the auxiliary vector (no `%gs:0x10`
  lookup): it is the kernel's fast entry (`syscall` on AMD, `sysenter` on
  Intel) and the cheapest way in for a 32-bit process, so it is the floor;
  `int $0x80` is measured as a second, hand-written floor to show what the
  legacy gate costs.
- **rawsys**: the library's call, inlined at the call site (the typed
  wrapper where the library has it, else `rawsys::syscall(nr::...)`; listed
  below). On i386 it takes `__kernel_vsyscall` (looked up once), falling
  back to `int $0x80`.
- **glibc wrapper**: `getppid()`, `read()`, ... from glibc 2.36, called
  through the PLT; i386 built with `_TIME_BITS=64` and
  `_FILE_OFFSET_BITS=64`, glibc's modern paths (the same 64-bit time calls
  rawsys uses).
- **glibc syscall()**: glibc's generic variadic `syscall(SYS_xxx, ...)`.

Every variant checks its result the way a caller would (or keeps it alive
with `benchmark::DoNotOptimize`) and nothing more.
"""

MACHINES_TEXT = """
The same loops give different answers on different processors, so each
machine's runs are kept in a folder of their own, named by the CPU's vendor,
family and model as /proc/cpuinfo gives them (runs from before these were
recorded carry the model name alone). The ratios are the paired ones
(see below), medians over repetitions.

"""

MUSL_TEXT = """
musl (Debian's musl 1.2.3, `musl-gcc -O2 -static`) cannot share a process
with glibc, so its side is a program of its own, bench/musl_runner.c: the
same hand-written floor (the inline `syscall`, as bench/floor.hpp) and
musl's function, alternating in blocks in a random order each round (as the
paired benchmarks do), the same block sizes. rawsys_bench starts it once per
repetition of each `musl/<call>` benchmark, so, with random interleaving,
the musl runs fall among the glibc process's own repetitions. Each side is
measured against the same floor in its own process; **musl ÷ glibc** is
(musl ÷ floor) ÷ (glibc ÷ floor), and rawsys ÷ musl likewise. x86-64 only:
musl-tools' `musl-gcc` targets the host ABI; Debian 12 does have an i386
musl (`musl-dev:i386`, which pulls in the i686 cross compiler), but no
wrapper to build with it, and it is not measured here.

"""

MUSL_CODE_TEXT = """
Where musl and glibc differ in cost (from `objdump -d` of the musl runner
and of glibc 2.36's libc.so.6):

- **getppid**: the same three instructions in both (`mov $110,%eax;
  syscall; ret`); glibc's is reached through the PLT (a dynamic build), musl's
  by a direct call (static), rawsys's is inlined with no call at all.
- **read, write, close, openat** are cancellation points in musl: `read`
  calls `__syscall_cp`, which jumps to `__syscall_cp_c` (in a program without
  threads, straight to the `syscall`), then tail-jumps to `__syscall_ret` for
  errno: three calls or jumps and about 20 instructions around the kernel
  entry. glibc's `read` tests `__libc_single_threaded` and makes the call
  inline (about 6 instructions; the cancellation path only with threads),
  behind the PLT.
- **clock_gettime**: both call the vDSO through a pointer they looked up
  once; musl's `__clock_gettime` tests the pointer and the result and keeps
  the syscall fallback in the same function; **gettimeofday** in musl is
  `clock_gettime(CLOCK_REALTIME)` plus a division (and a stack protector
  check), where glibc's is an IFUNC resolved to the vDSO's own function.
- **mmap**: musl checks the offset and length and, for `MAP_FIXED`, takes a
  lock (`__vm_wait`) before the syscall; glibc's is the syscall and the
  error check.

"""

FEWER_TEXT = """
The point of io_uring (and of splice, and the vDSO) is making fewer system
calls. N reads of 64 bytes at N offsets of a file on /tmp (ext4, in the page
cache), three ways, in one process: N `rawsys::pread64` calls; the N reads
queued on an io_uring ring and handed over by one `rawsys::io_uring_enter`
(submit N, wait for N); and the same with `IORING_SETUP_SQPOLL`, where a
kernel thread polls the submission ring and the completions are polled from
the completion ring, so no system call is made while that thread is awake
(one `io_uring_enter` with `IORING_ENTER_SQ_WAKEUP` when it sleeps; it
sleeps after 20 ms idle). The rings are set up with rawsys's calls and
mapped with mmap (bench/fewer.cpp). System calls are counted by the loop
itself (every call it makes), per batch of N; times are wall clock per read
(the SQPOLL thread's CPU time is not the process's, and on 2 shared cores it
competes with the benchmark for a core).

"""

TRACING_TEXT = """
A syscall-heavy command, 100,000 `getppid` calls and `exit_group` (a no-libc
program, bench/getppid_loop.cpp, so nothing else runs), untraced and under
each tracer, in rounds with a random order each round; wall-clock time of
the whole command including the tracer's start. The slowdown is the median
over rounds of each round's traced ÷ untraced time. strace with
`--seccomp-bpf` and a filter that matches nothing the loop does lets the
kernel run the loop without stopping it; plain strace and a ptrace tool that
stops at every call pay two stops (entry and exit) per call.

"""

CODEGEN_TEXT = """
arm64, riscv64, ppc64le, arm, loongarch64 and s390x run only under qemu-user
here, whose timings say nothing about hardware. For them, bench/codegen.py
compiles one small TU at -O2 for each ISA (its compiler in tools/isas.py)
and counts the instructions of two functions per call, taken from the
object's disassembly: **typed** is rawsys's typed wrapper (`rawsys::read(fd,
buf, n)` and so on) with its `result<T>` turned back into the kernel's value
(-errno on failure), and **minimum** is the system call instruction and the
register moves it needs (`rawsys::raw::syscall`, one inline asm statement,
nothing else). Each cell is typed / minimum, the function's `ret` included.
The typed side also pays for that turning back: a test and a negation that a
caller using the `result` directly does not have.

"""

RUN_TO_RUN_TEXT = """
tools/bench.sh keeps the previous run's JSON on the same machine
(docs/bench/<machine>/previous-*.json)
and compares the paired ratios of the two runs here: on a shared machine a
second run is the honest check of how far the numbers above can be trusted.
"""

PAIRED_TEXT = """
The ratios in the targets come from here. Each paired benchmark runs rounds
of four blocks, one per variant (a few dozen calls each, about 20 µs), in a
random order each round, timing each block on its own; per repetition it
takes the median over rounds of each per-round ratio. A neighbour's burst
slows one block of one round instead of one variant's whole measurement, so
these ratios hold still on a shared machine where the separate benchmarks
above move by several percent. Shown: the median over repetitions, in
brackets min – max over repetitions; times are medians per call.
"""

ENTRY_TEXT = """
`int $0x80` is the legacy software-interrupt gate. It works from a 64-bit
process too, with i386 system call numbers and i386 registers (getppid is 64
there); the kernel runs it through its compat entry. The fast entries are
`syscall` (x86-64) and `__kernel_vsyscall` (i386, which uses
`syscall`/`sysenter`). Here the software interrupt costs some thirty
times the fast entry; these runs do not break that cost down (a virtual
machine, where the interrupt gate's entry and exit are far more expensive
than `syscall`/`sysret`, is the likely main part).
"""

VDSO_TEXT = """
`clock_gettime` and `gettimeofday` can run entirely in user space through
the vDSO (the kernel maps the clock data and the code into every process).
glibc and rawsys's typed calls use the vDSO; the "real syscall" rows make
the system call. On x86-64 glibc's `gettimeofday` is an IFUNC resolved to
the vDSO's own function, so its call goes straight there; rawsys calls the
vDSO function through a pointer it looked up once (one relaxed atomic load
and a test per call). Linux 6.11 added getrandom to the x86-64 vDSO:
rawsys's `vdso::getrandom` with a per-thread state uses it; glibc 2.36
predates it.
"""

STORM_TEXT = """
Copying from a memfd (page cache only, no disk) with read/write pairs of each
size, and with sendfile and splice (memfd → pipe → destination, 64 KiB at a
time). The copies move 16 MiB each, except the 1-byte case, which moves
1 MiB (2 million system calls per copy): its bytes/s and calls/s are directly
comparable with the others, its time per copy is for 1 MiB. The destination
file is overwritten in place each time (the steady state, not block
allocation). "calls/s" counts the system calls the copy made.
"""

SPAWN_TEXT = """
The same launcher (glibc `fork`, `execve`, `waitpid`) starts each program, so
the difference is the program's own start-up: a static binary with no libc
makes one system call (`exit_group`); a glibc-static one initialises libc
(TLS, IRELATIVE relocations, stdio); coreutils' dynamic one also runs the
dynamic loader and maps libc.
"""


def summary(runs):
    lines = []
    for run in runs:
        a = ARCH_TITLES.get(run.arch, run.arch)
        lines.append(f"{a} on {run.machine}, run {run.context.get('date', '?')[:10]}:")
        lines.append("  median time per call; ratios from the paired runs (musl: its own process, same floor)")
        lines.append(f"  {'call':<32}{'floor':>10}{'rawsys':>10}{'glibc':>10}{'syscall()':>10}"
                     f"{'r÷floor':>9}{'r÷glibc':>9}{'musl÷glibc':>11}")
        for op, title in CALLS:
            st = {v: run.stat(f"call/{op}/{v}") for v in ("floor", "rawsys", "glibc", "glibc_syscall")}
            if not st["floor"]:
                continue
            cells = "".join(f"{fmt_ns(st[v].median) if st[v] else '—':>10}"
                            for v in ("floor", "rawsys", "glibc", "glibc_syscall"))
            pf = paired_ratio(run, op, "rawsys_per_floor")
            pg = paired_ratio(run, op, "rawsys_per_glibc")
            rf = pf.median if pf else ratio(st["rawsys"], st["floor"])
            rg = pg.median if pg else ratio(st["rawsys"], st["glibc"])
            m, gf, _ = musl_ratios(run, op)
            mg = fmt_ratio(m.median / gf.median) if m and gf else "—"
            lines.append(f"  {title:<32}{cells}{fmt_ratio(rf):>9}{fmt_ratio(rg):>9}{mg:>11}")
        lines.append("")
    lines.append(targets(runs).replace("**", ""))
    return "\n".join(lines)


# ---------------------------------------------------------------- smoke check

EXPECTED_COMMON = ([f"call/{op}/{v}" for op, _ in CALLS for v in ("floor", "rawsys", "glibc", "glibc_syscall")] +
                   [f"paired/{op}" for op, _ in CALLS] + ["paired/gettimeofday"] +
                   [f"clock/gettimeofday/{v}" for v in ("floor", "rawsys", "rawsys_syscall", "glibc",
                                                        "glibc_syscall")] +
                   ["clock/clock_gettime_monotonic/rawsys_syscall"] +
                   [f"storm/{d}/{k}/{v}" for d in ("dev_null", "tmp_file")
                    for k in ("rw_1B", "rw_64B", "rw_4096B", "rw_65536B", "sendfile", "splice")
                    for v in ("rawsys", "glibc")] + ["entry/getppid/floor_outlined"])


def check(out, arch, cmd):
    if os.path.exists(out):
        os.remove(out)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(p.stdout[-4000:])
    if p.returncode != 0:
        print(f"bench check: the program exited with status {p.returncode}")
        return 1
    try:
        doc = load(out)
    except (OSError, ValueError) as e:
        print(f"bench check: {out} is not valid JSON: {e}")
        return 1
    run = Run(doc)
    expected = list(EXPECTED_COMMON)
    if arch == "i386":
        expected += [f"call/{op}/floor_int80" for op, _ in CALLS]
    if arch in ("x86_64", "i386"):
        expected += ["spawn/rawsys_true", "spawn/glibc_static_true", "spawn/coreutils_true"]
    if arch == "x86_64":
        expected.append("entry/getppid/int80_from_64bit")
    expected += [f"fewer/read_64B/syscalls/n{n}" for n in (1, 8, 64, 512)]
    if run.context.get("musl", "not built") != "not built":
        expected += [f"musl/{op}" for op, _ in MUSL_CALLS]
    bad = [f"{k}: {v}" for k, v in run.errors.items()]
    missing = [n for n in expected if n not in run.times]
    nonpositive = [n for n, xs in run.times.items() if not all(x > 0 for x in xs)]
    for key in ("cpu_model", "kernel", "compiler", "libc", "arch"):
        if not run.context.get(key):
            bad.append(f"context lacks {key}")
    if run.arch != arch:
        bad.append(f"context says arch {run.arch}, expected {arch}")
    for what, xs in (("error", bad), ("missing", missing), ("non-positive time", nonpositive)):
        for x in xs:
            print(f"bench check: {what}: {x}")
    if bad or missing or nonpositive:
        return 1
    print(f"bench check: {len(run.times)} benchmarks ran for {arch}, JSON valid")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", metavar="OUT_JSON")
    ap.add_argument("--arch")
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("--json-dir", default=None)
    ap.add_argument("--md", default=None)
    ap.add_argument("--svg", default=None)
    ap.add_argument("--note", default="")
    ap.add_argument("--machine", default=None, help="the folder under --json-dir of this run's machine")
    ap.add_argument("--tracing", metavar="OUT_JSON", help="time the tracing comparison, write OUT_JSON")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--loop")
    ap.add_argument("--syscount")
    ap.add_argument("--trace-tool", default="")
    ap.add_argument("rest", nargs="*")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

    if args.check:
        if not args.rest:
            ap.error("--check needs the command after --")
        return check(args.check, args.arch, args.rest)

    if args.tracing:
        return tracing(args.tracing, args.rounds, args.loop, args.syscount, args.trace_tool)

    json_dir = args.json_dir or os.path.join(root, "docs", "bench")
    all_machines = machines(json_dir) if os.path.isdir(json_dir) else {}
    machine = args.machine or next(iter(all_machines), None)
    if args.summary:
        files = args.rest
        if not files and machine:
            files = [os.path.join(json_dir, machine, f"{a}.json") for a in ("x86_64", "i386")]
        runs = [Run(load(f)) for f in files if os.path.exists(f)]
        if not runs:
            print("no results: run tools/bench.sh first", file=sys.stderr)
            return 1
        print(summary(runs))
        return 0

    if machine is None:
        print(f"no results in {json_dir}", file=sys.stderr)
        return 1
    mdir = os.path.join(json_dir, machine)
    runs = [Run(load(os.path.join(mdir, f"{a}.json"))) for a in ("x86_64", "i386")
            if os.path.exists(os.path.join(mdir, f"{a}.json"))]
    if not runs:
        print(f"no results in {mdir}", file=sys.stderr)
        return 1
    tracing_doc = load(os.path.join(mdir, "tracing.json")) if os.path.exists(os.path.join(mdir, "tracing.json")) else None
    codegen_doc = (load(os.path.join(json_dir, "codegen.json"))
                   if os.path.exists(os.path.join(json_dir, "codegen.json")) else None)
    md_path = args.md or os.path.join(root, "docs", "benchmarks.md")
    svg_path = args.svg or os.path.join(root, "docs", "benchmarks.svg")
    with open(svg_path, "w") as f:
        f.write(svg_chart(runs))
    previous = [Run(load(os.path.join(mdir, f"previous-{a}.json"))) for a in ("x86_64", "i386")
                if os.path.exists(os.path.join(mdir, f"previous-{a}.json"))]
    with open(md_path, "w") as f:
        f.write(report(runs, os.path.relpath(svg_path, os.path.dirname(md_path)), args.note, previous,
                       all_machines, tracing_doc, codegen_doc))
    print(f"wrote {md_path} and {svg_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
