#!/usr/bin/env python3
"""Writes docs/api.md: every typed wrapper in include/rawsys, the syscall(s) it
makes on each ISA (tools/isas.py), its return type, and its man page.

It reads what the compilers see: include/rawsys/rawsys.hpp is preprocessed
for each ISA by its GCC (g++, g++ -m32, aarch64-linux-gnu-g++-12, ...), so
each ISA's #if branches decide. A wrapper is a function in namespace rawsys (not
rawsys::detail or rawsys::arch) defined as `inline RET NAME(ARGS) noexcept {`
in a topic header; the syscalls it makes are the `nr::NAME` and `sys::NAME`
in its body (sys.hpp's choice for the arch, none where it has sys::none),
plus those of the rawsys functions it calls (conveniences inherit). The comment
line above it gives the man page (`// read(2): ...`).

usage: tools/gen_api_table.py          writes docs/api.md
       tools/gen_api_table.py --check  exits 1 if docs/api.md is stale"""
import argparse
import os
import re
import subprocess
import sys

import isas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "docs", "api.md")
ARCHES = [(i.label, i.cxx) for i in isas.ISAS]
TABLES = {i.label: i.key + ".hpp" for i in isas.ISAS}
# Core and support headers: their functions are not syscall wrappers.
NOT_WRAPPERS = {"result.hpp", "errc.hpp", "nr.hpp", "syscall.hpp", "auxv.hpp", "fd.hpp",
                "bitmask.hpp", "types.hpp", "rawsys.hpp", "traits.hpp",
                "runtime.hpp", "out.hpp", "start.hpp"}
DEF = re.compile(r"^\s*(?:\[\[[^\]]*\]\]\s*)*inline\s+(?:constexpr\s+)?(?:\[\[[^\]]*\]\]\s*)?"
                 r"(?P<ret>[\w:<>,\s\*&]+?)\s+(?P<name>\w+)\((?P<args>[^;{]*)\)\s*noexcept\s*\{")
MAN = re.compile(r"//\s*(?P<man>[\w.]+\(\d\w*\))")


def preprocess(cmd):
    src = '#include <rawsys/rawsys.hpp>\n'
    return subprocess.run(cmd + ["-std=c++20", "-E", "-C", "-I", os.path.join(ROOT, "include"), "-x", "c++", "-"],
                          input=src, check=True, capture_output=True, text=True).stdout


def strip_code(line):
    """The line without string/char literals and // comments (for brace counting)."""
    line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(\\.|[^'\\])*'", "''", line)
    return line.split("//", 1)[0]


def scan(text):
    """{name: (header, ret, args, man, body)} for every wrapper definition."""
    found = {}
    header = None
    files = []       # the include stack, outermost first
    ns = []          # namespace stack: (name, depth at which it opened)
    depth = 0
    lines = text.splitlines()
    i = 0
    last_comment = []
    in_block_comment = False
    while i < len(lines):
        line = lines[i]
        m = re.match(r'^# \d+ "([^"]+)"((?: \d+)*)', line)
        if m:
            # The include stack from the line markers (flag 1: entering a
            # file, 2: back in one). The header is the innermost rawsys
            # header that is no ISA's part (an ISA's part counts as its
            # includer's); none inside a system header, also when an ISA's
            # part is back from one.
            path, flags = m.group(1), m.group(2).split()
            if "1" in flags:
                files.append(path)
            elif "2" in flags:
                while files and files[-1] != path:
                    files.pop()
            elif files:
                files[-1] = path
            else:
                files.append(path)
            header = None
            for f in reversed(files):
                if "/rawsys/arch/" in f:
                    continue
                header = os.path.basename(f) if "/rawsys/" in f else None
                break
            i += 1
            continue
        if in_block_comment:
            in_block_comment = "*/" not in line
            i += 1
            continue
        if line.lstrip().startswith("/*") and "*/" not in line:
            in_block_comment = True
            i += 1
            continue
        stripped = line.strip()
        if stripped.startswith("//"):
            last_comment.append(stripped)
            i += 1
            continue
        if stripped == "template <class = void>":
            # A wrapper's own line (a template only so that an unused one is
            # never instantiated): its comment is still the one above.
            i += 1
            continue
        code = strip_code(line)
        nm = re.match(r"^\s*namespace\s+([\w:]+)\s*\{", code)
        d = DEF.match(line)
        if not d and re.match(r"^\s*(\[\[[^\]]*\]\]\s*)*inline\b", line) and "{" not in code and ";" not in code:
            # A signature split over lines: join up to the opening brace.
            joined, k = line, i + 1
            while k < len(lines) and k < i + 8:
                joined += " " + lines[k].strip()
                if "{" in strip_code(lines[k]) or ";" in strip_code(lines[k]):
                    break
                k += 1
            d = DEF.match(joined)
            if d:
                i = k
        inside = [n for n, _ in ns]
        if (d and header and header not in NOT_WRAPPERS and inside and inside[0].startswith("rawsys")
                and not any(n.endswith(("detail", "arch")) or "detail" in n.split("::") for n in inside)):
            # Collect the body by brace depth (from the line with the opening brace).
            body, level, j = [], 0, i
            while j < len(lines):
                c = strip_code(lines[j])
                level += c.count("{") - c.count("}")
                body.append(lines[j])
                j += 1
                if level <= 0:
                    break
            man = ""
            for c in reversed(last_comment):
                mm = MAN.match(c)
                if mm:
                    man = mm.group("man")
                    break
            name = d.group("name")
            entry = (header, " ".join(d.group("ret").split()), " ".join(d.group("args").split()), man,
                     "\n".join(body))
            found.setdefault(name, []).append(entry)
            last_comment = []
            i = j
            continue
        if stripped:
            last_comment = []
        if nm:
            ns.append((nm.group(1), depth))
        depth += code.count("{") - code.count("}")
        while ns and depth <= ns[-1][1]:
            ns.pop()
        i += 1
    return found


def sys_choices(arch):
    """The sys:: choices for an arch, from its table's generated sys namespace
    (tools/gen_tables.py SYS_CHOICES): {"fork": "fork", "time32::futex": "futex",
    ...}, None where it says none."""
    with open(os.path.join(ROOT, "include", "rawsys", "nr", TABLES[arch])) as f:
        text = f.read()
    block = re.search(r"^namespace rawsys::\w+::sys \{\n(.*?)^\}  // namespace rawsys::\w+::sys", text,
                      re.M | re.S).group(1)
    out, prefix = {}, ""
    for line in block.splitlines():
        if line.startswith("namespace time32 {"):
            prefix = "time32::"
        elif line.startswith("}  // namespace time32"):
            prefix = ""
        m = re.match(r"^inline constexpr nr (\w+) = (?:nr::(\w+)|none);", line)
        if m:
            out[prefix + m.group(1)] = m.group(2)
    return out


def syscalls(found, arch):
    """name -> sorted syscall names made, following calls to other wrappers."""
    picks = sys_choices(arch)

    def made(body):
        names = set(re.findall(r"\bnr::(\w+)", body))
        for k in re.findall(r"\bsys::((?:\w+::)?\w+)\b(?!\s*\()", body):
            if picks.get(k):
                names.add(picks[k])
        return names

    # Per overload of the row's header (futex_wait is futex(2)'s helper and
    # the futex2 call): the calls its body makes, or where it makes none,
    # those of the wrappers it calls. A namesake in another header (vdso::)
    # adds only the calls its body makes.
    direct = {n: [made(e[4]) for e in es] for n, es in found.items()}
    calls = {n: [{c for c in re.findall(r"\b(\w+)\s*\(", e[4]) if c in found and c != n}
                 if e[0] == es[0][0] else set() for e in es]
             for n, es in found.items()}
    done = {}

    def resolve(n, seen=()):
        if n in done:
            return done[n]
        out = set()
        for own, called in zip(direct[n], calls[n]):
            out |= own
            if not own:
                for c in called:
                    if c not in seen:
                        out |= resolve(c, seen + (n,))
        done[n] = out
        return out

    return {n: sorted(resolve(n)) for n in found}


def render():
    per_arch = {}
    info = {}
    for arch, cmd in ARCHES:
        found = scan(preprocess(cmd))
        per_arch[arch] = syscalls(found, arch)
        for n, es in found.items():
            info.setdefault(n, es[0])
    names = sorted(info, key=lambda n: (info[n][0], n))
    out = ["# API table",
           "",
           "Generated by `tools/gen_api_table.py` from what each ISA's GCC sees (tools/isas.py); do not edit.",
           "The test suite fails when this file is stale. Each row is a typed wrapper in `namespace rawsys`:",
           "the syscall(s) it makes on each architecture (`-` where it does not exist there), its return type,",
           "and the man page. Overloads share a row.",
           ""]
    header = None
    count = 0
    for n in names:
        h, ret, args, man, _ = info[n]
        if h != header:
            header = h
            out += ["", f"## `<rawsys/{h}>`", "",
                    "| wrapper | " + " | ".join(a for a, _ in ARCHES) + " | returns | man page |",
                    "|---|" + "---|" * len(ARCHES) + "---|---|"]
        cells = []
        for arch, _ in ARCHES:
            made = per_arch[arch].get(n)
            cells.append("-" if made is None else (", ".join(made) if made else "(none)"))
        out.append(f"| `{n}` | {' | '.join(cells)} | `{ret}` | {man} |")
        count += 1
    out.insert(7, f"{count} wrappers.")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = render()
    if args.check:
        old = open(OUT).read() if os.path.exists(OUT) else ""
        if old != text:
            print("docs/api.md is stale: run tools/gen_api_table.py")
            sys.exit(1)
        print("docs/api.md is current")
        return
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
