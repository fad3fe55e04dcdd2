#!/usr/bin/env python3
"""Sizes of the tools under examples/ (built without libc by rawsys_add_tool)
and of box, the one program holding them all, for each ISA (tools/isas.py),
next to the programs they mirror: GNU coreutils (/usr/bin/NAME, dynamically
linked: libc.so is not counted), busybox-static and toybox (each one
multi-call binary for all its applets) and a glibc-static hello world.

usage: tools/sizes.py            builds (build/sizes-ARCH), writes docs/sizes.md
       tools/sizes.py --check    builds, exits 1 if docs/sizes.md differs
       tools/sizes.py --print --builds build/demo-
                                 prints the table from existing builds
                                 (PREFIX + each ISA's key: x86_64, i386, ...;
                                 "-" for an ISA not built there)
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import isas
import tool_list

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "docs", "sizes.md")
BUSYBOX = "/bin/busybox"
# toybox is not installed here: /bin/toybox of Debian 12's toybox package
# (0.8.9+dfsg-1, amd64; `apt-get download toybox`, then `dpkg -x`), which
# is dynamically linked, so libc.so is not counted in it either.
TOYBOX = 467512
TOYBOX_FROM = "Debian 12's toybox 0.8.9+dfsg-1 for amd64, `/bin/toybox`, dynamically linked"
# The tools that mirror a coreutils program (syscount and sandbox have none).
NOT_COREUTILS = {"hello", "syscount", "sandbox", "box"}


def tools():
    """The tool list, from examples/tools.cmake: the first tools, the
    ones added after them, and box."""
    return tool_list.tools() + ["box"]


def build(prefix):
    for isa in isas.ISAS:
        d = prefix + isa.key
        # GCC 12 everywhere (a cross toolchain file's default, named for the
        # native ones); loongarch64's file has Clang 19 only.
        args = ["cmake", "-S", ROOT, "-B", d, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=MinSizeRel",
                "-DCMAKE_CXX_STANDARD=20", "-DRAWSYS_BUILD_TESTS=OFF", "-DRAWSYS_BUILD_EXAMPLES=ON"]
        args += [a.replace("=cmake/", "=" + os.path.join(ROOT, "cmake") + "/") for a in isa.cmake]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", d, "--target"] + ["tool-" + t for t in tools()],
                       check=True, stdout=subprocess.DEVNULL)


def glibc_static_hello(isa):
    """A hello world through glibc's puts, static, -Os, stripped."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "hello.cpp")
        with open(src, "w") as f:
            f.write('#include <stdio.h>\nint main() { puts("Hello, world!"); }\n')
        exe = os.path.join(d, "hello")
        subprocess.run(isa.cxx + ["-Os", "-static", "-s", src, "-o", exe], check=True)
        return os.path.getsize(exe)


# musl (Debian's musl-tools; its musl-gcc targets x86-64 only): the same
# hello world, static, plain and with the linker's smallest layout. (-Wl,-n
# would be smaller still, but its output crashes at start with this musl and
# binutils: its RWX segment is not loaded as musl's start-up expects.)
MUSL_GCC = "/usr/bin/musl-gcc"
MUSL_VARIANTS = [
    ("hello, musl static (`-Os -static -s`)", ["-Os", "-static", "-s"]),
    ("hello, musl static (`-Os -static -s -Wl,-z,noseparate-code,--gc-sections`)",
     ["-Os", "-static", "-s", "-Wl,-z,noseparate-code,--gc-sections"]),
]


def musl_static_hello(flags):
    """A hello world through musl's puts (x86-64), or None without musl-gcc."""
    if not os.path.exists(MUSL_GCC):
        return None
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "hello.c")
        with open(src, "w") as f:
            f.write('#include <stdio.h>\nint main(void) { puts("Hello, world!"); }\n')
        exe = os.path.join(d, "hello")
        subprocess.run([MUSL_GCC] + flags + [src, "-o", exe], check=True)
        if subprocess.run([exe], stdout=subprocess.DEVNULL).returncode != 0:
            return None
        return os.path.getsize(exe)


def size(path):
    return os.path.getsize(path) if os.path.exists(path) else None


def fmt(n):
    return f"{n:,}" if n is not None else "-"


def table(prefix):
    rows = []
    for t in tools():
        sizes = [size(os.path.join(prefix + isa.key, "examples", t)) for isa in isas.ISAS]
        ref = None
        for p in ("/usr/bin/" + t, "/bin/" + t):
            if t not in NOT_COREUTILS and os.path.exists(p):
                ref = os.path.getsize(p)
                break
        rows.append((t, sizes, ref))
    lines = ["| tool | " + "".join(f"rawsys {isa.label} | " for isa in isas.ISAS) + "coreutils x86-64 (dynamic) |",
             "|---|" + "---:|" * (len(isas.ISAS) + 1)]
    for t, sizes, ref in rows:
        lines.append(f"| `{t}` | " + " | ".join(fmt(s) for s in sizes) + f" | {fmt(ref)} |")
    glibc = [glibc_static_hello(isa) if isa.glibc else None for isa in isas.ISAS]
    lines.append("| hello, glibc static | " + " | ".join(fmt(s) for s in glibc) + " | - |")
    for title, flags in MUSL_VARIANTS:
        n = musl_static_hello(flags)
        lines.append(f"| {title} | " + " | ".join(fmt(n) if isa.key == "x86_64" else "-" for isa in isas.ISAS)
                     + " | - |")
    busybox = os.path.getsize(BUSYBOX) if os.path.exists(BUSYBOX) else None
    blank = " | ".join("-" for _ in isas.ISAS[1:])
    lines.append(f"| busybox-static, all applets | {fmt(busybox)} | {blank} | - |")
    lines.append(f"| toybox, all applets (dynamic) | {fmt(TOYBOX)} | {blank} | - |")
    return "\n".join(lines) + "\n", busybox


def document(prefix):
    body, busybox = table(prefix)
    return f"""# Tool sizes

Generated by `tools/sizes.py` from fresh builds; do not edit. The test suite
fails when this file is stale.

Bytes on disk. The rawsys tools are built by `rawsys_add_tool` (GCC 12;
Clang 19 and lld for loongarch64, which GCC 12 does not target; `-Os`, no
libc, static, stripped, `examples/`); each is a complete program, and
`box` is one program holding all of them (`examples/box.cpp`: run as a
link named after a tool, or as `box TOOL ARG...`).
`coreutils` is the same command in `/usr/bin` (GNU coreutils 9.1 from
Debian 12), **dynamically linked**: the size excludes libc.so and the other
shared libraries it loads. For comparison, busybox-static (`{BUSYBOX}`) is
**one multi-call binary holding all its applets**: {fmt(busybox)} bytes on
x86-64, whichever applet runs (Debian 12's busybox-static 1.35.0, installed
here); toybox's is {fmt(TOYBOX)} bytes ({TOYBOX_FROM}). Both are in the
rows below `box`, in the x86-64 column. `syscount` (ptrace) and `sandbox`
(seccomp) have no coreutils counterpart. The last row is a hello world through
glibc's `puts`, linked statically (`-Os -static -s`; none for loongarch64:
Debian 12 has no glibc for it), then the same through musl 1.2.3's `puts`
(Debian's `musl-gcc`, x86-64 only), plain and with the smallest layout that
still runs (`-Wl,-n`, smaller again, gives a program that crashes at start
here).

{body}"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--print", action="store_true")
    ap.add_argument("--builds", default=os.path.join(ROOT, "build", "sizes-"))
    args = ap.parse_args()
    if args.print:
        body, busybox = table(args.builds)
        print(body + f"busybox-static (all applets in one binary): {fmt(busybox)} bytes; "
                     "coreutils sizes exclude the shared libraries they load.")
        return 0
    build(args.builds)
    doc = document(args.builds)
    if args.check:
        with open(OUT) as f:
            old = f.read()
        if old != doc:
            sys.stdout.writelines(__import__("difflib").unified_diff(
                old.splitlines(True), doc.splitlines(True), "docs/sizes.md", "now"))
            print("docs/sizes.md is stale: run tools/sizes.py")
            return 1
        print("docs/sizes.md is current")
        return 0
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write(doc)
    print(doc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
