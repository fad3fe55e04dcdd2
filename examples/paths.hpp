// A file name made absolute and canonical, as coreutils' readlink -f/-e/-m
// and realpath do it (gnulib's canonicalize_filename_mode): "." and ".."
// and repeated slashes gone, symbolic links replaced by what they name
// (at most 40 in a row: ELOOP). How much must exist is the mode's say.
#pragma once

#include <rawsys/fs.hpp>

namespace tool {

enum class must_exist { all_but_last, all, none };

// NAME canonical into OUT (size SIZE). RESOLVE false: links stay as they
// are (realpath -s). LOGICAL: ".." taken from the name before any link
// (realpath -L).
inline rawsys::result<void> canonicalize(const char* name, must_exist mode, bool resolve, bool logical, char* out, size_t size) {
  using rawsys::errc;
  using rawsys::unexpected;
  if (*name == '\0') return unexpected(errc::enoent);
  size_t len = 0;
  if (*name != '/') {
    auto r = rawsys::getcwd(out, size);
    if (!r) return unexpected(r.error());
    while (out[len]) ++len;
  } else {
    out[len++] = '/';
    out[len] = '\0';
  }
  // What is left to walk, at the end of `rest` so that a link's target can
  // be put in front of it.
  static char rest[16384];
  size_t n = 0;
  while (name[n]) ++n;
  if (n + 1 > sizeof rest) return unexpected(errc::enametoolong);
  size_t start = sizeof rest - n - 1;
  for (size_t i = 0; i <= n; ++i) rest[start + i] = name[i];
  int links = 0;
  auto pop = [&] {
    while (len > 1 && out[len - 1] != '/') --len;
    if (len > 1) --len;
    out[len] = '\0';
  };
  if (logical) {
    // ".." against the name as written: a/b/../c is a/c whatever b is.
    char text[16384];
    size_t t = 0;
    for (size_t i = 0; i < len && t + 1 < sizeof text; ++i) text[t++] = out[i];
    for (const char* p = name; *p;) {
      while (*p == '/') ++p;
      const char* e = p;
      while (*e && *e != '/') ++e;
      const size_t c = static_cast<size_t>(e - p);
      if (c == 0 || (c == 1 && *p == '.')) {
      } else if (c == 2 && p[0] == '.' && p[1] == '.') {
        while (t > 1 && text[t - 1] != '/') --t;
        if (t > 1) --t;
      } else {
        if (t + c + 2 > sizeof text) return unexpected(errc::enametoolong);
        if (t == 0 || text[t - 1] != '/') text[t++] = '/';
        for (size_t i = 0; i < c; ++i) text[t++] = p[i];
      }
      p = e;
    }
    if (t == 0) text[t++] = '/';
    text[t] = '\0';
    start = sizeof rest - t - 1;
    for (size_t i = 0; i <= t; ++i) rest[start + i] = text[i];
    out[0] = '/';
    out[1] = '\0';
    len = 1;
  }
  for (;;) {
    while (rest[start] == '/') ++start;
    if (rest[start] == '\0') break;
    const size_t c0 = start;
    while (rest[start] && rest[start] != '/') ++start;
    const size_t c = start - c0;
    const bool slash_after = rest[start] == '/';
    size_t k = start;
    while (rest[k] == '/') ++k;
    const bool last = rest[k] == '\0';
    if (c == 1 && rest[c0] == '.') continue;
    if (c == 2 && rest[c0] == '.' && rest[c0 + 1] == '.') {
      pop();
      continue;
    }
    if (len + c + 2 > size) return unexpected(errc::enametoolong);
    if (out[len - 1] != '/') out[len++] = '/';
    for (size_t i = 0; i < c; ++i) out[len++] = rest[c0 + i];
    out[len] = '\0';
    rawsys::statx_t st{};
    auto s = rawsys::statx(rawsys::at_fdcwd, out, rawsys::at::symlink_nofollow, rawsys::stx::type, &st);
    if (!s) {
      if (mode == must_exist::none) continue;
      if (mode == must_exist::all_but_last && last && !slash_after && s.error() == errc::enoent) continue;
      return unexpected(s.error());
    }
    if (resolve && rawsys::s::islnk(st.mode)) {
      if (++links > 40) {
        if (mode == must_exist::none) continue;
        return unexpected(errc::eloop);
      }
      char target[4096];
      auto r = rawsys::readlinkat(rawsys::at_fdcwd, out, target, sizeof target - 1);
      if (!r) return unexpected(r.error());
      const size_t tl = *r;
      const bool more = rest[start] != '\0';  // a slash and what follows it
      if (tl + more > start) return unexpected(errc::enametoolong);
      start -= tl + more;
      for (size_t i = 0; i < tl; ++i) rest[start + i] = target[i];
      if (more) rest[start + tl] = '/';
      if (target[0] == '/') {
        out[0] = '/';
        out[1] = '\0';
        len = 1;
      } else {
        pop();
      }
      continue;
    }
    if (!rawsys::s::isdir(st.mode) && (!last || slash_after)) {
      if (mode == must_exist::none) continue;
      if (!resolve && rawsys::s::islnk(st.mode)) continue;
      return unexpected(errc::enotdir);
    }
  }
  return {};
}

}  // namespace tool
