// The one place that names the target: the paths, relative to arch/, of the
// target's folder's headers. native.hpp includes RAWSYS_ARCH_HEADER_ (the
// folder's arch.hpp) and native_errc.hpp RAWSYS_ARCH_ERRC_ (its errc.hpp);
// native_uapi.hpp RAWSYS_ARCH_UAPI_ (its generated constants, uapi/<isa>.hpp,
// again for each topic's section); the parts of topic headers come through
// native_<topic>.hpp:
//   RAWSYS_ARCH_START_    _start and the rest of the no-libc runtime's ISA code
//   RAWSYS_ARCH_SIGNAL_   the signal-return restorers
//   RAWSYS_ARCH_PROCESS_  the clone trampoline, and calls only this ISA has
//   RAWSYS_ARCH_PTRACE_   the ptrace requests and register sets only this ISA has
#pragma once

#if defined(__x86_64__) && !defined(__ILP32__)
#define RAWSYS_ARCH_HEADER_ "x86_64/arch.hpp"
#define RAWSYS_ARCH_UAPI_ "../uapi/x86_64.hpp"
#define RAWSYS_ARCH_ERRC_ "x86_64/errc.hpp"
#define RAWSYS_ARCH_START_ "x86_64/start.hpp"
#define RAWSYS_ARCH_SIGNAL_ "x86_64/signal.hpp"
#define RAWSYS_ARCH_PROCESS_ "x86_64/process.hpp"
#define RAWSYS_ARCH_PTRACE_ "x86/ptrace.hpp"
#elif defined(__i386__)
#define RAWSYS_ARCH_HEADER_ "i386/arch.hpp"
#define RAWSYS_ARCH_UAPI_ "../uapi/i386.hpp"
#define RAWSYS_ARCH_ERRC_ "i386/errc.hpp"
#define RAWSYS_ARCH_START_ "i386/start.hpp"
#define RAWSYS_ARCH_SIGNAL_ "i386/signal.hpp"
#define RAWSYS_ARCH_PROCESS_ "i386/process.hpp"
#define RAWSYS_ARCH_PTRACE_ "x86/ptrace.hpp"
#elif defined(__aarch64__) && !defined(__ILP32__)
#define RAWSYS_ARCH_HEADER_ "aarch64/arch.hpp"
#define RAWSYS_ARCH_UAPI_ "../uapi/aarch64.hpp"
#define RAWSYS_ARCH_ERRC_ "aarch64/errc.hpp"
#define RAWSYS_ARCH_START_ "aarch64/start.hpp"
#define RAWSYS_ARCH_SIGNAL_ "aarch64/signal.hpp"
#define RAWSYS_ARCH_PROCESS_ "aarch64/process.hpp"
#define RAWSYS_ARCH_PTRACE_ "aarch64/ptrace.hpp"
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && _CALL_ELF == 2
#define RAWSYS_ARCH_HEADER_ "ppc64/arch.hpp"
#define RAWSYS_ARCH_UAPI_ "../uapi/ppc64le.hpp"
#define RAWSYS_ARCH_ERRC_ "ppc64/errc.hpp"
#define RAWSYS_ARCH_START_ "ppc64/start.hpp"
#define RAWSYS_ARCH_SIGNAL_ "ppc64/signal.hpp"
#define RAWSYS_ARCH_PROCESS_ "ppc64/process.hpp"
#define RAWSYS_ARCH_PTRACE_ "ppc64/ptrace.hpp"
#elif defined(__riscv) && __riscv_xlen == 64
#define RAWSYS_ARCH_HEADER_ "riscv64/arch.hpp"
#define RAWSYS_ARCH_UAPI_ "../uapi/riscv64.hpp"
#define RAWSYS_ARCH_ERRC_ "riscv64/errc.hpp"
#define RAWSYS_ARCH_START_ "riscv64/start.hpp"
#define RAWSYS_ARCH_SIGNAL_ "riscv64/signal.hpp"
#define RAWSYS_ARCH_PROCESS_ "riscv64/process.hpp"
#define RAWSYS_ARCH_PTRACE_ "riscv64/ptrace.hpp"
#elif defined(__arm__) && defined(__ARM_EABI__)
#define RAWSYS_ARCH_HEADER_ "arm/arch.hpp"
#define RAWSYS_ARCH_UAPI_ "../uapi/arm.hpp"
#define RAWSYS_ARCH_ERRC_ "arm/errc.hpp"
#define RAWSYS_ARCH_START_ "arm/start.hpp"
#define RAWSYS_ARCH_SIGNAL_ "arm/signal.hpp"
#define RAWSYS_ARCH_PROCESS_ "arm/process.hpp"
#define RAWSYS_ARCH_PTRACE_ "arm/ptrace.hpp"
#elif defined(__loongarch__) && __loongarch_grlen == 64
#define RAWSYS_ARCH_HEADER_ "loongarch64/arch.hpp"
#define RAWSYS_ARCH_UAPI_ "../uapi/loongarch64.hpp"
#define RAWSYS_ARCH_ERRC_ "loongarch64/errc.hpp"
#define RAWSYS_ARCH_START_ "loongarch64/start.hpp"
#define RAWSYS_ARCH_SIGNAL_ "loongarch64/signal.hpp"
#define RAWSYS_ARCH_PROCESS_ "loongarch64/process.hpp"
#define RAWSYS_ARCH_PTRACE_ "loongarch64/ptrace.hpp"
#elif defined(__s390x__)
#define RAWSYS_ARCH_HEADER_ "s390x/arch.hpp"
#define RAWSYS_ARCH_UAPI_ "../uapi/s390x.hpp"
#define RAWSYS_ARCH_ERRC_ "s390x/errc.hpp"
#define RAWSYS_ARCH_START_ "s390x/start.hpp"
#define RAWSYS_ARCH_SIGNAL_ "s390x/signal.hpp"
#define RAWSYS_ARCH_PROCESS_ "s390x/process.hpp"
#define RAWSYS_ARCH_PTRACE_ "s390x/ptrace.hpp"
#elif defined(__mips__) && defined(__MIPSEL__) && defined(_ABI64) && _MIPS_SIM == _ABI64
#define RAWSYS_ARCH_HEADER_ "mips64el/arch.hpp"
#define RAWSYS_ARCH_UAPI_ "../uapi/mips64el.hpp"
#define RAWSYS_ARCH_ERRC_ "mips64el/errc.hpp"
#define RAWSYS_ARCH_START_ "mips/start.hpp"
#define RAWSYS_ARCH_SIGNAL_ "mips/signal.hpp"
#define RAWSYS_ARCH_PROCESS_ "mips/process.hpp"
#define RAWSYS_ARCH_PTRACE_ "mips/ptrace.hpp"
#elif defined(__mips__) && defined(__MIPSEL__) && defined(_ABIO32) && _MIPS_SIM == _ABIO32
#define RAWSYS_ARCH_HEADER_ "mipsel/arch.hpp"
#define RAWSYS_ARCH_UAPI_ "../uapi/mipsel.hpp"
#define RAWSYS_ARCH_ERRC_ "mipsel/errc.hpp"
#define RAWSYS_ARCH_START_ "mips/start.hpp"
#define RAWSYS_ARCH_SIGNAL_ "mips/signal.hpp"
#define RAWSYS_ARCH_PROCESS_ "mips/process.hpp"
#define RAWSYS_ARCH_PTRACE_ "mips/ptrace.hpp"
#else
#error "rawsys: unsupported target; supported: x86-64, i386, arm64, arm (EABI), riscv64, ppc64le, s390x, loongarch64, mips64el (n64), mipsel (o32)"
#endif
