#!/usr/bin/env python3
"""Check that a rawsys syscall table covers a compiler's <sys/syscall.h>.

Runs `<compiler...> -dM -E -x c++ -` on `#include <sys/syscall.h>`, evaluates
every __NR_<name> macro (a plain integer, or an expression of integers and
other macros such as aarch64's __NR_fcntl = __NR3264_fcntl), and compares
them with the enum in include/rawsys/nr/<arch>.hpp. Fails (exit 1) on a name
the system headers have and the table lacks, or on a number that disagrees.
Names only in the table are fine: older system headers have fewer names.

With --uapi instead, checks every table (include/rawsys/nr/*.hpp) against the
kernel's UAPI headers under /usr/lib/linux/uapi as the C preprocessor reads
them (asm/unistd.h with the macros that pick each ABI), independently of the
generator's own parser: every number must agree, every table name must be
there, and a UAPI name missing from the table must be an alias of one in it
(alpha's getpid is getxpid).

Usage:
  tools/check_tables_complete.py --uapi [-- g++]
  tools/check_tables_complete.py --arch x86_64 -- g++
  tools/check_tables_complete.py --arch i386 -- g++ -m32
  tools/check_tables_complete.py --arch aarch64 -- aarch64-linux-gnu-g++-12
  tools/check_tables_complete.py --arch riscv64 -- riscv64-linux-gnu-g++-12
"""

import argparse
import ast
import re
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ARCHES = ("x86_64", "i386", "aarch64", "arm", "ppc64", "riscv64", "s390x")
UAPI = Path("/usr/lib/linux/uapi")

# Each table: its UAPI directory and the macros with which <asm/unistd.h>
# selects it (no compiler's own macros: the preprocessor runs with -undef).
LP64 = ["-D__LP64__", "-D__SIZEOF_POINTER__=8", "-D__SIZEOF_LONG__=8", "-D__CHAR_BIT__=8"]
ILP32 = ["-D__SIZEOF_POINTER__=4", "-D__SIZEOF_LONG__=4", "-D__CHAR_BIT__=8"]
UAPI_TABLES = {
    "x86_64": ("x86", LP64 + ["-D__x86_64__"]),
    "i386": ("x86", ILP32 + ["-D__i386__"]),
    "x32": ("x86", ILP32 + ["-D__x86_64__", "-D__ILP32__"]),
    "aarch64": ("arm64", LP64 + ["-D__aarch64__"]),
    "arm": ("arm", ILP32 + ["-D__arm__", "-D__ARM_EABI__"]),
    "arm_oabi": ("arm", ILP32 + ["-D__arm__"]),
    "riscv64": ("riscv", LP64 + ["-D__riscv"]),
    "riscv32": ("riscv", ILP32 + ["-D__riscv"]),
    "ppc64": ("powerpc", LP64 + ["-D__powerpc__", "-D__powerpc64__"]),
    "ppc32": ("powerpc", ILP32 + ["-D__powerpc__"]),
    "s390x": ("s390", LP64 + ["-D__s390__", "-D__s390x__"]),
    "s390": ("s390", ILP32 + ["-D__s390__"]),
    "mips_o32": ("mips", ILP32 + ["-D__mips__", "-D_MIPS_SIM=1"]),
    "mips_n32": ("mips", ILP32 + ["-D__mips__", "-D_MIPS_SIM=2"]),
    "mips_n64": ("mips", LP64 + ["-D__mips__", "-D_MIPS_SIM=3"]),
    "loongarch64": ("loongarch", LP64 + ["-D__loongarch__"]),
    "alpha": ("alpha", LP64 + ["-D__alpha__"]),
    "parisc32": ("parisc", ILP32 + ["-D__hppa__"]),
    "parisc64": ("parisc", LP64 + ["-D__hppa__"]),
    "sparc32": ("sparc", ILP32 + ["-D__sparc__"]),
    "sparc64": ("sparc", LP64 + ["-D__sparc__", "-D__arch64__"]),
    "m68k": ("m68k", ILP32 + ["-D__m68k__"]),
    "sh": ("sh", ILP32 + ["-D__sh__"]),
}

# __NR_ macros that are not system calls. asm-generic/unistd.h (used by arm64
# before 6.11) defines the table size and the start of the arch-specific range.
NOT_SYSCALLS = {
    "x86_64": set(),
    "i386": set(),
    "aarch64": {"syscalls", "arch_specific_syscall"},
    "ppc64": set(),
    "riscv64": {"syscalls", "arch_specific_syscall"},
    "arm": {"SYSCALL_BASE", "OABI_SYSCALL_BASE", "SYSCALL_MASK"},
    "s390x": set(),
}
# Second names the UAPI gives a call (#define __NR_a __NR_b): the table has
# the call under its own name.
ALIASES = {
    "arm": {"sync_file_range2": "arm_sync_file_range"},
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
        entry = re.fullmatch(r"  (\w+) = (0x[0-9a-f]+|\d+),(?:\s*//.*)?", line)
        if not entry:
            sys.exit(f"{path}: unexpected enum line: {line!r}")
        # C++ keywords carry a trailing underscore (break_); no kernel name ends in one.
        name = entry.group(1).removesuffix("_")
        table[name] = int(entry.group(2), 0)
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
    for ident in set(re.findall(r"\b[A-Za-z_]\w*", text)):
        if ident not in macros:  # __NR macros, and bases such as __X32_SYSCALL_BIT
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


def check_uapi(compiler):
    """Every generated table against the UAPI headers; returns the exit status."""
    headers = sorted(p for p in (REPO_ROOT / "include" / "rawsys" / "nr").glob("*.hpp")
                     if p.stem not in ("all", "lookup"))
    keys = {p.stem for p in headers}
    failed = False
    for key in sorted(keys ^ set(UAPI_TABLES)):
        print(f"{key}: a table without a UAPI selection here, or the reverse", file=sys.stderr)
        failed = True
    for header in headers:
        if header.stem not in UAPI_TABLES:
            continue
        arch, defines = UAPI_TABLES[header.stem]
        cmd = compiler + ["-undef", "-nostdinc", "-I", str(UAPI / arch), "-I", "/usr/include",
                          *defines, "-dM", "-E", "-x", "c", "-"]
        r = subprocess.run(cmd, input="#include <asm/unistd.h>\n", capture_output=True,
                           text=True, check=False)
        if r.returncode != 0:
            print(f"{header.stem}: {' '.join(cmd)} failed:\n{r.stderr}", file=sys.stderr)
            failed = True
            continue
        macros = {}
        for line in r.stdout.splitlines():
            m = re.fullmatch(r"#define (\w+) (.*)", line)
            if m:
                macros[m.group(1)] = m.group(2).strip()
        uapi = {}
        for macro in macros:
            m = re.fullmatch(r"__(?:ARM_)?NR_([a-z0-9_]+)", macro)
            if not m:
                continue  # __NR_Linux, __NR_SYSCALL_BASE, __ARM_NR_BASE: bases, not calls
            value = evaluate(macro, macros)
            if value is None:
                print(f"{header.stem}: {macro} = {macros[macro]}: not an integer expression",
                      file=sys.stderr)
                failed = True
            else:
                uapi[m.group(1)] = value
        table = table_from_header(header)
        by_number = {v: n for n, v in table.items()}
        problems, aliases = [], []
        for name, number in sorted(uapi.items(), key=lambda item: item[1]):
            if name in table:
                if table[name] != number:
                    problems.append(f"{name}: UAPI {number}, table {table[name]}")
            elif number in by_number:
                aliases.append(f"{name}={by_number[number]}")
            else:
                problems.append(f"{name} = {number}: missing from the table")
        for name in sorted(set(table) - set(uapi)):
            problems.append(f"{name}: in the table, not in the UAPI headers")
        if problems:
            failed = True
            print(f"{header.stem}: disagrees with {UAPI / arch}:", file=sys.stderr)
            for p in problems[:20]:
                print(f"  {p}", file=sys.stderr)
            if len(problems) > 20:
                print(f"  ... and {len(problems) - 20} more", file=sys.stderr)
        else:
            note = f"; aliases not in the table: {', '.join(aliases)}" if aliases else ""
            print(f"{header.stem}: {len(table)} names agree with {arch}'s UAPI{note}")
    return 1 if failed else 0


def main(argv):
    if argv[:1] == ["--uapi"]:
        rest = argv[1:]
        if rest[:1] == ["--"]:
            rest = rest[1:]
        return check_uapi(rest or ["cc"])
    if "--" not in argv:
        sys.exit("usage: check_tables_complete.py --arch {x86_64,i386,aarch64,arm,ppc64,riscv64} "
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
        name = ALIASES.get(args.arch, {}).get(name, name)
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
