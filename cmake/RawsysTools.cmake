# rawsys_add_tool(name source...): a static program with no libc, tuned for
# size: freestanding code, no exceptions or RTTI, no unwind tables, sections
# collected by the linker, text and data in one segment (-n), no build id,
# stripped. The sources (or a rawsys header they include) provide _start.
function(rawsys_add_tool name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE rawsys::rawsys)
  target_compile_options(${name} PRIVATE
    -Os -ffreestanding -fno-exceptions -fno-rtti -fno-threadsafe-statics
    -fno-asynchronous-unwind-tables -fno-unwind-tables -fno-pie
    -ffunction-sections -fdata-sections)
  # libgcc supplies what freestanding code may still call (64-bit division on i386).
  target_link_options(${name} PRIVATE
    -static -nostdlib -no-pie -Wl,-n -Wl,--build-id=none -Wl,--gc-sections -s)
  target_link_libraries(${name} PRIVATE gcc)
endfunction()
