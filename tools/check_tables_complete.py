#!/usr/bin/env python3
"""Check that a rawsys syscall table covers a compiler's <sys/syscall.h>.

Runs `<compiler...> -dM -E -x c++ -` on `#include <sys/syscall.h>`, evaluates
every __NR_<name> macro (a plain integer, or an expression of integers and
other __NR macros such as aarch64's __NR_fcntl = __NR3264_fcntl), and compares
them with the enum in include/rawsys/nr/<arch>.hpp. Fails (exit 1) on a name
the system headers have and the table lacks, or on a number that disagrees.
Names only in the table are fine: older system headers have fewer names.

Usage:
  tools/check_tables_complete.py --arch x86_64 -- g++
  tools/check_tables_complete.py --arch i386 -- g++ -m32
  tools/check_tables_complete.py --arch aarch64 -- aarch64-linux-gnu-g++-12
"""

import argparse
import ast
import re
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ARCHES = ("x86_64", "i386", "aarch64")

# __NR_ macros that are not system calls. asm-generic/unistd.h (used by arm64
# before 6.11) defines the table size and the start of the arch-specific range.
NOT_SYSCALLS = {
    "x86_64": set(),
    "i386": set(),
    "aarch64": {"syscalls", "arch_specific_syscall"},
}


def table_from_header(path):
    """{kernel name: number} from the `enum class nr` of a generated header."""
    text = path.read_text(encoding="ascii")
    m = re.search(r"^enum class nr : long \{\n(.*?)^\};", text, re.M | re.S)
    if not m:
        sys.exit(f"{path}: no 'enum class nr : long {{ ... }};'")
    table = {}
    for line in m.group(1).splitlines():
        if line.lstrip().startswith("//"):
            continue
        entry = re.fullmatch(r"  (\w+) = (\d+),(?:\s*//.*)?", line)
        if not entry:
            sys.exit(f"{path}: unexpected enum line: {line!r}")
        # C++ keywords carry a trailing underscore (break_); no kernel name ends in one.
        name = entry.group(1).removesuffix("_")
        table[name] = int(entry.group(2))
    return table


def system_macros(compiler):
    """{macro: replacement text} for every __NR macro <sys/syscall.h> defines."""
    cmd = compiler + ["-dM", "-E", "-x", "c++", "-"]
    try:
        result = subprocess.run(cmd, input="#include <sys/syscall.h>\n",
                                capture_output=True, text=True, check=False)
    except FileNotFoundError:
        sys.exit(f"cannot run {compiler[0]!r}")
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stderr}")
    macros = {}
    for line in result.stdout.splitlines():
        m = re.fullmatch(r"#define (__NR\w*) (.*)", line)
        if m:
            macros[m.group(1)] = m.group(2).strip()
    return macros


ALLOWED_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Add, ast.Sub,
                 ast.Mult, ast.BitOr, ast.BitAnd, ast.LShift, ast.RShift, ast.USub, ast.UAdd)


def evaluate(name, macros, resolving=()):
    """The integer value of macro `name`, or None if it is not an __NR expression."""
    if name in resolving or name not in macros:
        return None
    text = macros[name]
    for ident in set(re.findall(r"[A-Za-z_]\w*", text)):
        if not ident.startswith("__NR"):
            return None
        value = evaluate(ident, macros, resolving + (name,))
        if value is None:
            return None
        text = re.sub(rf"\b{ident}\b", str(value), text)
    text = re.sub(r"\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b", r"\1", text)  # drop C suffixes
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        return None
    if not all(isinstance(node, ALLOWED_NODES) for node in ast.walk(tree)):
        return None
    value = eval(compile(tree, name, "eval"), {"__builtins__": {}})  # checked: arithmetic only
    return value if isinstance(value, int) else None


def main(argv):
    if "--" not in argv:
        sys.exit("usage: check_tables_complete.py --arch {x86_64,i386,aarch64} "
                 "[--header PATH] -- COMPILER [ARGS...]")
    split = argv.index("--")
    parser = argparse.ArgumentParser(
        description="Check a rawsys syscall table against a compiler's <sys/syscall.h>.")
    parser.add_argument("--arch", required=True, choices=ARCHES)
    parser.add_argument("--header", type=Path,
                        help="generated header (default: include/rawsys/nr/<arch>.hpp)")
    args = parser.parse_args(argv[:split])
    compiler = argv[split + 1:]
    if not compiler:
        parser.error("no compiler command after --")
    header = args.header or REPO_ROOT / "include" / "rawsys" / "nr" / f"{args.arch}.hpp"

    table = table_from_header(header)
    macros = system_macros(compiler)
    system = {}
    unevaluated = []
    for macro in sorted(macros):
        if not macro.startswith("__NR_"):
            continue  # helpers such as __NR3264_fcntl, reached through __NR_fcntl
        name = macro[len("__NR_"):]
        if name in NOT_SYSCALLS[args.arch]:
            continue
        value = evaluate(macro, macros)
        if value is None:
            unevaluated.append(f"{macro} = {macros[macro]}")
        else:
            system[name] = value

    problems = []
    for name, number in sorted(system.items(), key=lambda item: item[1]):
        if name not in table:
            problems.append(f"__NR_{name} = {number}: missing from rawsys's table")
        elif table[name] != number:
            problems.append(f"__NR_{name} = {number}: rawsys's table has {table[name]}")
    for entry in unevaluated:
        problems.append(f"{entry}: not an integer expression of __NR macros")

    where = " ".join(compiler)
    if problems:
        print(f"{args.arch}: {len(system)} system names ({where}); {header} disagrees:",
              file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print(f"{args.arch}: {len(system)} system names, all in rawsys's table "
          f"({len(table)} names; {where})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
