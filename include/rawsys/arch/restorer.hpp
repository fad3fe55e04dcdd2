// How every ISA's signal-return restorer is emitted (arch/<isa>/signal.hpp):
// top-level asm in a COMDAT group, weak and hidden, so that every
// translation unit including <rawsys/signal.hpp> emits it and the linker
// keeps one copy per binary. The nop in front keeps the return address minus
// one, where unwinders look first, inside this code, which has no FDE, so
// they fall back to matching the bytes after it: each ISA's restorer is the
// exact sequence glibc and the kernel's vDSO use, which debuggers and
// unwinders (gdb, libgcc's MD_FALLBACK_FRAME_STATE_FOR) recognise.
// `type` is the assembler's prefix for section and symbol types: "@", or
// "%" where "@" starts a comment.
#pragma once

#define RAWSYS_RESTORER_(name, type, code)                                              \
  ".pushsection .text." name ",\"axG\"," type "progbits," name ",comdat\n"              \
  ".weak " name "\n"                                                                    \
  ".hidden " name "\n"                                                                  \
  ".type " name "," type "function\n"                                                   \
  ".p2align 4\n"                                                                        \
  "nop\n" name ":\n" code ".size " name ",.-" name "\n"                                 \
  ".popsection\n"
