// A call that can fail returns a [[nodiscard]] result: ignoring it warns
// (an error here, so that the test sees it).
#pragma GCC diagnostic error "-Wunused-result"
#include <rawsys/file.hpp>
void f(rawsys::fd d) { rawsys::close(d); }
