// The tools' helpers are the library's (<rawsys/tool.hpp>); the tools call
// them tool::..., beside their own (exec.hpp).
#pragma once

#include <rawsys/tool.hpp>

namespace tool {
using namespace rawsys::tool;
}  // namespace tool
