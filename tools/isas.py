"""The ISAs rawsys supports, in one list: what tools/sizes.py (docs/sizes.md),
tools/gen_api_table.py (docs/api.md) and tests/check_codegen.py read to give
each ISA its column or its check. A new ISA is one entry here.

Each entry:
  key        the name of its syscall table (include/rawsys/nr/<key>.hpp) and
             of its build directories
  label      its name in the documents' columns
  processor  a regular expression matching CMAKE_SYSTEM_PROCESSOR for it
  cxx        the GCC 12 command that compiles for it (glibc-hosted), or,
             where GCC has none, the compiler there is (freestanding)
  cmake      CMake arguments that select it (a toolchain file, or the
             native compiler)
  trap       the system call instruction in GCC's and Clang's assembly, or
             None where rawsys::syscall is not one instruction (i386 calls the
             kernel's fast entry)
  calls      what a call or a jump to another function looks like there
             (matched at the start of an instruction)
  glibc      whether a glibc for it is installed (a static hello to compare
             with; False: loongarch64, which Debian 12 has no C library for)
"""
from collections import namedtuple

Isa = namedtuple("Isa", "key label processor cxx cmake trap calls glibc", defaults=[True])

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
    # Thumb-2 code for the documents (Debian's armhf default); the tests build
    # ARM code too. bx lr is the return; bls is a branch if lower or same.
    Isa("arm", "arm", r"armv7l?", ["arm-linux-gnueabihf-g++-12", "-mthumb"],
        ["-DCMAKE_TOOLCHAIN_FILE=cmake/arm-thumb.cmake", "-DRAWSYS_CROSS_COMPILER=gcc"],
        r"svc\s+#?0", r"bl\b|blx\b|b\s+[A-Za-z_]"),
    Isa("loongarch64", "loongarch64", r"loongarch64",
        ["clang++-19", "--target=loongarch64-linux-gnu", "-ffreestanding", "-fno-exceptions"],
        ["-DCMAKE_TOOLCHAIN_FILE=cmake/loongarch64.cmake"],
        r"syscall\s+0", r"bl\s|b\s+[A-Za-z_]|jirl\s|jr\s|call36\s|tail36\s", glibc=False),
    # s390x's br/bler %r14 are returns; jg is a tail call.
    Isa("s390x", "s390x", r"s390x", ["s390x-linux-gnu-g++-12"],
        ["-DCMAKE_TOOLCHAIN_FILE=cmake/s390x.cmake", "-DRAWSYS_CROSS_COMPILER=gcc"],
        r"svc\s+0", r"brasl\s|basr\s|bras\s|jg\s+[A-Za-z_]|brcl\s"),
]


def by_processor(processor):
    """The entry whose processor pattern matches CMAKE_SYSTEM_PROCESSOR, or None."""
    import re
    return next((i for i in ISAS if re.fullmatch(i.processor, processor)), None)
