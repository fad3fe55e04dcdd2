// Random letters and digits in a new file's name: mktemp's X's, and the
// temporary name beside its destination that ln -f links under first.
#pragma once

#include <stddef.h>

#include <rawsys/random.hpp>

namespace tool {

// name[first, first + count) replaced by random letters and digits from
// getrandom(2). False when getrandom fails.
inline bool randomize(char* name, size_t first, size_t count) {
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  size_t done = 0;
  while (done < count) {
    unsigned char bytes[64];
    auto r = rawsys::getrandom(bytes, sizeof bytes);
    if (!r) return false;
    for (size_t i = 0; i < *r && done < count; ++i)
      if (bytes[i] < 248) name[first + done++] = chars[bytes[i] % 62];  // 248 = 4 * 62: no bias
  }
  return true;
}

}  // namespace tool
