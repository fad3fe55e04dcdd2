"""The ISAs rawsys supports, in one list: what tools/sizes.py (docs/sizes.md),
tools/gen_api_table.py (docs/api.md) and tests/check_codegen.py read to give
each ISA its column or its check. A new ISA is one entry here.

Each entry:
  key        the name of its syscall table (include/rawsys/nr/<key>.hpp) and
             of its build directories
  label      its name in the documents' columns
  processor  a regular expression matching CMAKE_SYSTEM_PROCESSOR for it
  cxx        the GCC 12 command that compiles for it (glibc-hosted)
  cmake      CMake arguments that select it (a toolchain file, or the
             native compiler)
  trap       the system call instruction in GCC's and Clang's assembly, or
             None where rawsys::syscall is not one instruction (i386 calls the
             kernel's fast entry)
  calls      what a call or a jump to another function looks like there
             (matched at the start of an instruction)
"""
from collections import namedtuple

Isa = namedtuple("Isa", "key label processor cxx cmake trap calls")

ISAS = [
    Isa("x86_64", "x86-64", r"x86_64|AMD64", ["g++"], ["-DCMAKE_CXX_COMPILER=g++"],
        r"syscall", r"call|jmp\s+[A-Za-z_]"),
    Isa("i386", "i386", r"i.86", ["g++", "-m32"],
        ["-DCMAKE_TOOLCHAIN_FILE=cmake/i386.cmake", "-DCMAKE_CXX_COMPILER=g++"],
        None, None),
    Isa("aarch64", "arm64", r"aarch64|arm64", ["aarch64-linux-gnu-g++-12"],
        ["-DCMAKE_TOOLCHAIN_FILE=cmake/aarch64.cmake"],
        r"svc\s+#?0", r"bl|blr|b\s+[A-Za-z_]"),
    Isa("riscv64", "riscv64", r"riscv64", ["riscv64-linux-gnu-g++-12"],
        ["-DCMAKE_TOOLCHAIN_FILE=cmake/riscv64.cmake", "-DRAWSYS_CROSS_COMPILER=gcc"],
        r"ecall", r"call\s|tail\s|jalr?\s|jr\s|j\s+[A-Za-z_]"),
    # ppc64's bare blr is the return; bctrl and blrl call through a register.
    Isa("ppc64", "ppc64le", r"ppc64le", ["powerpc64le-linux-gnu-g++-12"],
        ["-DCMAKE_TOOLCHAIN_FILE=cmake/ppc64le.cmake", "-DRAWSYS_CROSS_COMPILER=gcc"],
        r"sc", r"bl\b|blr\s|bctrl|blrl|b\s+[A-Za-z_]"),
    Isa("mips_n64", "mips64el", r"mips64", ["mips64el-linux-gnuabi64-g++-12"],
        ["-DCMAKE_TOOLCHAIN_FILE=cmake/mips64el.cmake", "-DRAWSYS_CROSS_COMPILER=gcc"],
        r"syscall", r"jalr?|bal|b\s+[A-Za-z_]|j\s+[A-Za-z_]"),
    Isa("mips_o32", "mipsel", r"mips", ["mipsel-linux-gnu-g++-12"],
        ["-DCMAKE_TOOLCHAIN_FILE=cmake/mipsel.cmake", "-DRAWSYS_CROSS_COMPILER=gcc"],
        r"syscall", r"jalr?|bal|b\s+[A-Za-z_]|j\s+[A-Za-z_]"),
]


def by_processor(processor):
    """The entry whose processor pattern matches CMAKE_SYSTEM_PROCESSOR, or None."""
    import re
    return next((i for i in ISAS if re.fullmatch(i.processor, processor)), None)
