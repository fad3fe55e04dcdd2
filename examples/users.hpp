// Users and groups by name and number from /etc/passwd and /etc/group
// (the files alone: no NSS modules), for id and stat.
#pragma once

#include <rawsys/file.hpp>

#include "membuf.hpp"

namespace tool {

// A colon-separated database (/etc/passwd, /etc/group) read once.
struct database {
  tool::held text;
  bool loaded = false;
  void load(const char* path) {
    if (loaded) return;
    loaded = true;
    auto f = rawsys::openat(rawsys::at_fdcwd, path, rawsys::o::rdonly | rawsys::o::cloexec);
    if (!f) return;
    for (;;) {
      if (!text.reserve(text.size + 65536)) return;
      auto r = rawsys::read(*f, text.data + text.size, text.capacity - text.size);
      if (!r || *r == 0) break;
      text.size += *r;
    }
  }
  // Calls on(fields, count) for each line, its fields cut at ':' (at most
  // 7), until on returns true; false when none did.
  template <class F>
  bool find(F&& on) const {
    size_t i = 0;
    while (i < text.size) {
      struct field {
        const char* p;
        size_t n;
      } fields[7] = {};
      int count = 0;
      size_t start = i;
      for (; i <= text.size; ++i) {
        const bool end = i == text.size || text.data[i] == '\n';
        if (end || text.data[i] == ':') {
          if (count < 7) fields[count++] = {text.data + start, i - start};
          start = i + 1;
          if (end) break;
        }
      }
      ++i;
      if (count >= 3 && on(fields, count)) return true;
    }
    return false;
  }
};

inline database passwd, group;

inline bool same(const char* p, size_t n, const char* s) {
  for (size_t i = 0; i < n; ++i)
    if (s[i] != p[i]) return false;
  return s[n] == '\0';
}

inline bool number(const char* p, size_t n, unsigned& v) {
  if (n == 0 || n > 10) return false;
  uint64_t x = 0;
  for (size_t i = 0; i < n; ++i) {
    if (p[i] < '0' || p[i] > '9') return false;
    x = x * 10 + static_cast<unsigned>(p[i] - '0');
  }
  if (x > 0xffffffffu) return false;
  v = static_cast<unsigned>(x);
  return true;
}

struct user {
  char name[256];
  unsigned uid, gid;
};

// The user whose NAME (or, when NAME is empty, whose UID) it is.
inline bool find_user(const char* name, unsigned uid, user& out) {
  passwd.load("/etc/passwd");
  return passwd.find([&](const auto* f, int) {
    unsigned u, g;
    if (!number(f[2].p, f[2].n, u) || (name ? !same(f[0].p, f[0].n, name) : u != uid)) return false;
    if (!number(f[3].p, f[3].n, g) || f[0].n >= sizeof out.name) return false;
    for (size_t i = 0; i < f[0].n; ++i) out.name[i] = f[0].p[i];
    out.name[f[0].n] = '\0';
    out.uid = u;
    out.gid = g;
    return true;
  });
}

// The name of group GID, or nullptr when there is none.
inline const char* group_name(unsigned gid) {
  static char name[256];
  group.load("/etc/group");
  const bool found = group.find([&](const auto* f, int) {
    unsigned g;
    if (!number(f[2].p, f[2].n, g) || g != gid || f[0].n >= sizeof name) return false;
    for (size_t i = 0; i < f[0].n; ++i) name[i] = f[0].p[i];
    name[f[0].n] = '\0';
    return true;
  });
  return found ? name : nullptr;
}

inline const char* user_name(unsigned uid) {
  static user u;
  return find_user(nullptr, uid, u) ? u.name : nullptr;
}

}  // namespace tool
