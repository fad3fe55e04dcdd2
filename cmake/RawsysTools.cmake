# rawsys_add_tool(name source...): a static program with no libc, tuned for
# size. One of the sources includes <rawsys/start.hpp> (the runtime).
#  - freestanding code, no exceptions or RTTI, no unwind tables, -Os, each
#    function and object in its own section, collected by the linker;
#  - the stack protector (-fstack-protector-strong) reading the global
#    __stack_chk_guard, which the runtime seeds from AT_RANDOM without a
#    system call (x86's default, a thread-local canary, would need one);
#  - i386: the runtime sets the fast system call entry before main, so no
#    file carries the code that looks it up lazily; mips: absolute code;
#  - linked by rawsys-tool.ld (code, data and init/fini arrays in one
#    section) with -N (one writable segment, .bss in it too, no page
#    alignment; GNU ld makes the same file with -n, lld a second segment
#    for .bss), no build id,
#    stripped; libgcc for what freestanding code may still call (64-bit
#    division on i386).
include_guard(GLOBAL)
include(CheckCXXCompilerFlag)
include(CheckCXXSourceCompiles)
include(CheckLinkerFlag)

check_cxx_compiler_flag(-mstack-protector-guard=global RAWSYS_HAVE_GLOBAL_STACK_GUARD)
check_linker_flag(CXX -Wl,--no-warn-rwx-segments RAWSYS_HAVE_NO_WARN_RWX)
check_linker_flag(CXX -Wl,--fix-cortex-a53-843419=adr RAWSYS_HAVE_A53_843419_ADR)
check_cxx_compiler_flag(-mtraceback=no RAWSYS_HAVE_NO_TRACEBACK)

# libgcc, for what freestanding code may still call (64-bit division on
# 32-bit ISAs): RAWSYS_LIBGCC is "gcc" where a program without libc links
# with it, empty where the compiler has none (Clang 19 for loongarch64 here,
# which needs none).
function(rawsys_check_libgcc)
  set(CMAKE_TRY_COMPILE_TARGET_TYPE EXECUTABLE)
  set(CMAKE_REQUIRED_LINK_OPTIONS -static -nostdlib)
  set(CMAKE_REQUIRED_LIBRARIES gcc)
  check_cxx_source_compiles("extern \"C\" void _start() {}" RAWSYS_HAVE_LIBGCC)
endfunction()
rawsys_check_libgcc()
set(RAWSYS_LIBGCC "")
if(RAWSYS_HAVE_LIBGCC)
  set(RAWSYS_LIBGCC gcc)
endif()

function(rawsys_add_tool name)
  # Beside this file, in the source tree as in the installed package; read
  # here, since a variable set by an embedded rawsys is not the caller's.
  set(RAWSYS_TOOL_LINKER_SCRIPT "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/rawsys-tool.ld")
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE rawsys::rawsys)
  target_compile_options(${name} PRIVATE
    -Os -ffreestanding -fno-exceptions -fno-rtti -fno-threadsafe-statics
    -fno-asynchronous-unwind-tables -fno-unwind-tables -fno-pie -fno-ident
    -ffunction-sections -fdata-sections)
  target_compile_definitions(${name} PRIVATE RAWSYS_IA32_ENTRY_FROM_START)
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "^mips")
    # Absolute code, not the position-independent -mabicalls Debian's mips
    # compilers default to: a static tool needs no GOT. n64 with 32-bit
    # symbols: the tool lives below 2 GiB.
    target_compile_options(${name} PRIVATE -mno-abicalls -Wa,-mno-pdr $<$<EQUAL:${CMAKE_SIZEOF_VOID_P},8>:-msym32>)
  endif()
  if(RAWSYS_HAVE_NO_TRACEBACK)
    # ppc64 GCC: no traceback table after each function (a debugger's aid),
    # and the TOC pointer saved once per function, not at each indirect call.
    target_compile_options(${name} PRIVATE -mtraceback=no -msave-toc-indirect)
  endif()
  if(RAWSYS_HAVE_GLOBAL_STACK_GUARD)
    target_compile_options(${name} PRIVATE -fstack-protector-strong -mstack-protector-guard=global)
    target_compile_definitions(${name} PRIVATE RAWSYS_STACK_GUARD_TLS=0)
  else()
    target_compile_options(${name} PRIVATE -fno-stack-protector)
  endif()
  target_link_options(${name} PRIVATE
    -static -nostdlib $<$<CXX_COMPILER_ID:GNU>:-no-pie> -Wl,-N -Wl,--build-id=none
    -Wl,--gc-sections -Wl,-T,${RAWSYS_TOOL_LINKER_SCRIPT} -s)
  if(RAWSYS_HAVE_NO_WARN_RWX)
    # One segment holds code and data: that is what -N asks for.
    target_link_options(${name} PRIVATE -Wl,--no-warn-rwx-segments)
  endif()
  if(RAWSYS_HAVE_A53_843419_ADR)
    # arm64 GNU ld: Cortex-A53 erratum 843419 is still fixed, by turning an
    # ADRP in a page's last two words into an ADR. The default may instead
    # branch to a stub in a 4 KiB-aligned section of its own, which adds up
    # to 4 KiB to a tool whenever a change of layout puts an ADRP there (wc:
    # +4,112 bytes for a reordering of the same functions). A tool is far
    # smaller than ADR's +-1 MiB reach; were one not, its link would fail
    # rather than go unfixed.
    target_link_options(${name} PRIVATE -Wl,--fix-cortex-a53-843419=adr)
  endif()
  set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS ${RAWSYS_TOOL_LINKER_SCRIPT})
  target_link_libraries(${name} PRIVATE ${RAWSYS_LIBGCC})
endfunction()
