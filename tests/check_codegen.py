#!/usr/bin/env python3
"""Compiles SOURCE at -O2 and checks that each extern "C" function in it is
straight-line code around exactly one system call instruction: no call, no
jump to another function. Prints the assembly it judged. The instruction and
what a call looks like come from the ISA's entry in tools/isas.py, found by
PROCESSOR (CMAKE_SYSTEM_PROCESSOR).

usage: check_codegen.py PROCESSOR CXX INCLUDE_DIR SOURCE [extra compiler flags...]"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools"))
import isas  # noqa: E402

processor, cxx, include, source, *extra = sys.argv[1:]
isa = isas.by_processor(processor)
if isa is None or isa.trap is None:
    sys.exit(f"no codegen check for processor {processor!r}: give its ISA a trap and calls in tools/isas.py")
asm = subprocess.run(
    [cxx, *extra, "-std=c++20", "-O2", "-DNDEBUG", "-fno-asynchronous-unwind-tables",
     "-fno-unwind-tables", "-fno-pie", "-I", include, "-S", "-o", "-", source],
    check=True, capture_output=True, text=True).stdout

functions = {}
current = None
for line in asm.splitlines():
    m = re.match(r"^([A-Za-z_][\w.]*):", line)
    if m and not m.group(1).startswith(".L"):
        current = m.group(1)
        functions[current] = []
    elif current and line.startswith("\t") and not line.lstrip().startswith((".", "#", "//", "@")):
        functions[current].append(line.strip())

failed = False
for fn, body in functions.items():
    text = "\n".join(body)
    traps = len(re.findall(rf"^({isa.trap})\b", text, re.M))
    calls = re.findall(rf"^(?:{isa.calls}).*$", text, re.M)
    ok = traps == 1 and not calls
    print(f"{fn} ({isa.label}): {len(body)} instructions, {traps} system call instruction(s), "
          f"{len(calls)} call(s): {'ok' if ok else 'FAIL'}")
    print("    " + "\n    ".join(body))
    failed |= not ok
if not functions:
    print("no function found in the assembly")
    failed = True
sys.exit(1 if failed else 0)
