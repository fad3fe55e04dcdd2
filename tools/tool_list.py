"""The tool lists of examples/tools.cmake, read as CMake reads them: each
`set(NAME item ...)`, with `${OTHER}` replaced by that list's items."""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def lists():
    """Every list the file sets, by name, in its order."""
    with open(os.path.join(ROOT, "examples", "tools.cmake")) as f:
        text = f.read()
    found = {}
    for name, body in re.findall(r"^set\((\w+)\s+([^)]*)\)", text, re.M):
        items = []
        for word in body.split():
            ref = re.fullmatch(r"\$\{(\w+)\}", word)
            items += found[ref.group(1)] if ref else [word]
        found[name] = items
    return found


def tools():
    """Every tool built alone, in the order the file gives them."""
    every = lists()
    return every["RAWSYS_TOOLS"] + every["RAWSYS_MORE_TOOLS"]
