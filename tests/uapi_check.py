#!/usr/bin/env python3
"""Compiles tests/uapi_check.cpp for every ISA tools/gen_consts.py knows, with
clang --target against that ISA's UAPI headers only (-fsyntax-only): each
generated constant and layout is checked against its macro or offsetof."""

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import gen_consts  # noqa: E402

ROOT = gen_consts.REPO_ROOT


def main() -> int:
    clang = sys.argv[1] if len(sys.argv) > 1 else gen_consts.find_clang().replace("clang", "clang++")
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        for isa in gen_consts.ISAS:
            t = gen_consts.Target(isa, clang, Path(tmp))
            cmd = [clang, f"--target={isa.triple}", "-std=c++20", "-ffreestanding", "-nostdlibinc",
                   "-isystem", str(t.inc), "-I", str(ROOT / "include"), "-I", str(ROOT / "tests"),
                   f"-DRAWSYS_UAPI_{isa.key.upper()}", "-fsyntax-only", "-w",
                   str(ROOT / "tests" / "uapi_check.cpp")]
            p = subprocess.run(cmd, capture_output=True, text=True)
            print(f"{isa.key}: {'ok' if p.returncode == 0 else 'FAILED'}")
            if p.returncode:
                print(p.stderr[:3000])
                failed.append(isa.key)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
