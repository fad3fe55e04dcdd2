# The tools, each examples/<name>.cpp built as examples/<name> without libc:
# read by examples/CMakeLists.txt (the builds), tests/CMakeLists.txt (their
# comparisons), tools/sizes.py and tests/tools/check_box.py.
set(RAWSYS_TOOLS hello true false echo env cat wc ls sleep syscount sandbox trace)
# The ones added after them (head, tail, ...), compared by tests/tools/compare_more.py.
set(RAWSYS_MORE_TOOLS head tail tee yes mkdir rmdir basename dirname pwd printenv nproc uname sync rm seq cp mv ln chmod readlink realpath timeout truncate mktemp touch id kill stat)
