#!/usr/bin/env python3
"""Instructions of rawsys's typed wrappers of the benchmarked calls, per ISA,
against the minimum: for the ISAs that run only under qemu-user, where a
timing says nothing about hardware. One small TU (below) is compiled at -O2
for each ISA of tools/isas.py with its compiler, and each function of the
object is disassembled (the ISA's binutils objdump; Clang's assembly for
loongarch64, which Debian 12's binutils do not know).

For each call two functions with the same C signature, returning the
kernel's value (-errno on failure):
  typed_<call>   rawsys's typed wrapper (rawsys::read(fd, buf, n), ...), its
                 result<T> turned back into that value;
  min_<call>     the minimum: the system call instruction and the moves it
                 needs, nothing else (rawsys::raw::syscall, inline asm).
The difference is what the typed layer costs in instructions.

usage: bench/codegen.py OUT.json     (tools/bench.sh writes docs/bench/codegen.json)
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import isas  # noqa: E402

QEMU_ONLY = [i for i in isas.ISAS if i.key not in ("x86_64", "i386")]

CALLS = ["getppid", "read", "write", "openat", "close", "mmap", "munmap", "pipe2", "getrandom"]

TU = r"""
#include <rawsys/file.hpp>
#include <rawsys/memory.hpp>
#include <rawsys/process.hpp>
#include <rawsys/random.hpp>

using namespace rawsys;
#define RAW(...) rawsys::raw::syscall(__VA_ARGS__)
template <class T>
static inline long back(const result<T>& r) { return r ? static_cast<long>(*r) : -static_cast<long>(r.error()); }
static inline long back_fd(result<unique_fd>& r) { return r ? r->release() : -static_cast<long>(r.error()); }
static inline long back_v(const result<void>& r) { return r ? 0 : -static_cast<long>(r.error()); }

extern "C" {
long typed_getppid() { return rawsys::getppid(); }
long min_getppid() { return RAW(static_cast<long>(nr::getppid)); }
long typed_read(int f, void* b, unsigned long n) { return back(rawsys::read(fd(f), b, n)); }
long min_read(int f, void* b, unsigned long n) { return RAW(static_cast<long>(nr::read), f, b, n); }
long typed_write(int f, const void* b, unsigned long n) { return back(rawsys::write(fd(f), b, n)); }
long min_write(int f, const void* b, unsigned long n) { return RAW(static_cast<long>(nr::write), f, b, n); }
long typed_openat(int d, const char* p, int fl) {
  auto r = rawsys::openat(fd(d), p, static_cast<o::flags>(fl));
  return back_fd(r);
}
long min_openat(int d, const char* p, int fl) { return RAW(static_cast<long>(nr::openat), d, p, fl); }
long typed_close(int f) { return back_v(rawsys::close(fd(f))); }
long min_close(int f) { return RAW(static_cast<long>(nr::close), f); }
long typed_mmap(unsigned long len) {
  auto r = rawsys::mmap(nullptr, len, prot::read | prot::write, map::private_ | map::anonymous);
  return r ? reinterpret_cast<long>(*r) : -static_cast<long>(r.error());
}
long min_mmap(unsigned long len) {
  return RAW(static_cast<long>(sys::mmap), nullptr, len, bits(prot::read | prot::write),
             bits(map::private_ | map::anonymous), -1, 0);
}
long typed_munmap(void* p, unsigned long len) { return back_v(rawsys::munmap(p, len)); }
long min_munmap(void* p, unsigned long len) { return RAW(static_cast<long>(nr::munmap), p, len); }
long typed_pipe2(int (&fds)[2]) { return back_v(rawsys::pipe2(fds, o::cloexec)); }
long min_pipe2(int (&fds)[2]) { return RAW(static_cast<long>(nr::pipe2), fds, bits(o::cloexec)); }
long typed_getrandom(void* b, unsigned long n) { return back(rawsys::getrandom(b, n)); }
long min_getrandom(void* b, unsigned long n) { return RAW(static_cast<long>(nr::getrandom), b, n, 0); }
}
"""

OBJDUMP = {"aarch64": "aarch64-linux-gnu-objdump", "riscv64": "riscv64-linux-gnu-objdump",
           "ppc64": "powerpc64le-linux-gnu-objdump", "arm": "arm-linux-gnueabihf-objdump",
           "s390x": "s390x-linux-gnu-objdump"}


def from_objdump(tool, obj):
    """Instructions per function of an object (objdump -d)."""
    out = subprocess.run([tool, "-d", "--no-show-raw-insn", obj], check=True, stdout=subprocess.PIPE,
                         text=True).stdout
    funcs, cur = {}, None
    for line in out.splitlines():
        m = re.match(r"^[0-9a-f]+ <([^>]+)>:$", line)
        if m:
            cur = m.group(1)
            funcs[cur] = []
            continue
        m = re.match(r"^\s+[0-9a-f]+:\s+(\S.*)$", line)
        if m and cur:
            ins = re.split(r"\s(?://|;|@)\s", m.group(1).split("<")[0])[0].strip()
            if ins and not ins.startswith(".") and not ins.startswith("..."):
                funcs[cur].append(ins)
    return funcs


def from_asm(text):
    """Instructions per function of Clang's assembly (-S)."""
    funcs, cur = {}, None
    for line in text.splitlines():
        m = re.match(r"^([A-Za-z_][\w.]*):", line)
        if m and not m.group(1).startswith(".L"):
            cur = m.group(1)
            funcs[cur] = []
            continue
        s = line.strip()
        if cur and s and not s.startswith((".", "#", "//")) and not s.endswith(":"):
            if s.startswith(".Lfunc_end"):
                cur = None
                continue
            funcs[cur].append(s.split("#")[0].strip())
        if s.startswith(".Lfunc_end") or s.startswith(".size"):
            cur = None
    return funcs


def measure(isa, workdir):
    src = os.path.join(workdir, "codegen.cpp")
    with open(src, "w") as f:
        f.write(TU)
    base = isa.cxx + ["-std=c++20", "-O2", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables",
                      "-fno-exceptions", "-I", os.path.join(ROOT, "include")]
    if isa.key in OBJDUMP:
        obj = os.path.join(workdir, f"codegen-{isa.key}.o")
        subprocess.run(base + ["-c", src, "-o", obj], check=True)
        funcs = from_objdump(OBJDUMP[isa.key], obj)
        how = f"{OBJDUMP[isa.key]} -d"
    else:
        asm = subprocess.run(base + ["-S", "-o", "-", src], check=True, stdout=subprocess.PIPE, text=True).stdout
        funcs = from_asm(asm)
        how = "the compiler's assembly (-S)"
    rows = {}
    for c in CALLS:
        t, m = funcs.get(f"typed_{c}"), funcs.get(f"min_{c}")
        if t is None or m is None:
            continue
        rows[c] = {"typed": len(t), "min": len(m), "typed_insns": t, "min_insns": m}
    ver = subprocess.run(isa.cxx[:1] + ["--version"], stdout=subprocess.PIPE, text=True).stdout.splitlines()[0]
    return {"label": isa.label, "compiler": " ".join(isa.cxx), "version": ver, "disassembly": how, "calls": rows}


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    out = {}
    with tempfile.TemporaryDirectory() as d:
        for isa in QEMU_ONLY:
            try:
                out[isa.key] = measure(isa, d)
            except (OSError, subprocess.CalledProcessError) as e:
                out[isa.key] = {"label": isa.label, "error": str(e)}
    with open(sys.argv[1], "w") as f:
        json.dump(out, f, indent=1)
    for k, v in out.items():
        if "error" in v:
            print(f"codegen: {k}: {v['error']}")
        else:
            print(f"codegen: {k}: " + ", ".join(f"{c} {r['typed']}/{r['min']}" for c, r in v["calls"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
