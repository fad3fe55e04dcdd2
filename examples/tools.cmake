# The tools, each examples/<name>.cpp built as examples/<name> without libc:
# read by examples/CMakeLists.txt (the builds), tests/CMakeLists.txt (their
# comparisons), and through tools/tool_list.py by tools/sizes.py and
# tests/tools/check_box.py.
# The first tools, compared with coreutils by tests/tools/compare_tools.py.
set(RAWSYS_FIRST_TOOLS true false echo env cat wc ls sleep)
# The tracers, each checked by tests/tools/check_<name>.py (strace's output, or
# what its filters must do).
set(RAWSYS_TRACE_TOOLS syscount sandbox trace)
# The tools of the first round: hello and the two lists above.
set(RAWSYS_TOOLS hello ${RAWSYS_FIRST_TOOLS} ${RAWSYS_TRACE_TOOLS})
# The ones added after them (head, tail, ...), compared by tests/tools/compare_more.py.
set(RAWSYS_MORE_TOOLS head tail tee yes mkdir rmdir basename dirname pwd printenv nproc uname sync rm seq cp mv ln chmod readlink realpath timeout truncate mktemp touch id kill stat)
