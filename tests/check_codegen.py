#!/usr/bin/env python3
"""Compiles SOURCE at -O2 and checks that each extern "C" function in it is
straight-line code around exactly one system call instruction: no call, no
jump to another function. Prints the assembly it judged.

usage: check_codegen.py CXX INCLUDE_DIR SOURCE [extra compiler flags...]"""
import re
import subprocess
import sys

cxx, include, source, *extra = sys.argv[1:]
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
    elif current and line.startswith("\t") and not line.lstrip().startswith((".", "#", "//")):
        functions[current].append(line.strip())

failed = False
for fn, body in functions.items():
    text = "\n".join(body)
    traps = len(re.findall(r"^(syscall|svc\s+#?0)\b", text, re.M))
    calls = re.findall(r"^(call|bl|blr|jmp\s+[A-Za-z_]|b\s+[A-Za-z_]|brasl|basr|jg\s+[A-Za-z_])\b.*$", text, re.M)
    ok = traps == 1 and not calls
    print(f"{fn}: {len(body)} instructions, {traps} system call instruction(s), "
          f"{len(calls)} call(s): {'ok' if ok else 'FAIL'}")
    print("    " + "\n    ".join(body))
    failed |= not ok
if not functions:
    print("no function found in the assembly")
    failed = True
sys.exit(1 if failed else 0)
