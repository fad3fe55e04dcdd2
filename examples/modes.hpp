// File modes as chmod(1) and mkdir -m read them: octal ("755", "1777") or
// symbolic clauses separated by commas ("u=rwx,g+rX,o-w", "a+t", "g=u"),
// compiled once and applied to a mode (as gnulib's mode_compile and
// mode_adjust do). A clause without u, g, o or a applies to the bits the
// umask leaves.
#pragma once

#include <stdint.h>

namespace tool {

struct mode_change {
  char op;            // '=', '+' or '-'
  char kind;          // 0: the bits in value; 'X': x if a directory or any x; 'c': copy the class in value
  unsigned affected;  // the who bits (0: none given, the umask applies)
  unsigned value;
  unsigned mentioned; // bits the clause names, as gnulib counts them: its who's among its letters
                      // (S_ISUID and S_ISGID of a directory are kept unless named)
};

struct mode_changes {
  static constexpr int max = 32;
  mode_change list[max];
  int count = 0;
};

inline constexpr unsigned mode_bits_all = 07777;

// False when MODE is not a valid mode.
inline bool mode_compile(const char* s, mode_changes& out) noexcept {
  out.count = 0;
  if (*s >= '0' && *s <= '7') {
    unsigned v = 0;
    int digits = 0;
    for (; *s >= '0' && *s <= '7'; ++s, ++digits) {
      v = v * 8 + static_cast<unsigned>(*s - '0');
      if (v > mode_bits_all) return false;
    }
    if (*s) return false;
    const unsigned mentioned = digits > 4 ? mode_bits_all : (v & 06000) | 01777;
    out.list[out.count++] = {'=', 0, mode_bits_all, v, mentioned};
    return true;
  }
  for (;;) {
    unsigned who = 0;
    for (;; ++s) {
      if (*s == 'u') who |= 04700;
      else if (*s == 'g') who |= 02070;
      else if (*s == 'o') who |= 01007;
      else if (*s == 'a') who |= mode_bits_all;
      else break;
    }
    if (*s != '=' && *s != '+' && *s != '-') return false;
    while (*s == '=' || *s == '+' || *s == '-') {
      if (out.count == mode_changes::max) return false;
      mode_change c{*s++, 0, who, 0, 0};
      if (*s == 'u' || *s == 'g' || *s == 'o') {
        c.kind = 'c';
        c.value = *s == 'u' ? 0700u : *s == 'g' ? 0070u : 0007u;
        ++s;
      } else {
        for (;; ++s) {
          if (*s == 'r') c.value |= 0444;
          else if (*s == 'w') c.value |= 0222;
          else if (*s == 'x') c.value |= 0111;
          else if (*s == 'X') c.kind = 'X';
          else if (*s == 's') c.value |= 06000;
          else if (*s == 't') c.value |= 01000;
          else break;
        }
      }
      c.mentioned = who ? who & c.value : c.value;
      out.list[out.count++] = c;
    }
    if (*s == '\0') return true;
    if (*s != ',') return false;
    ++s;
  }
}

// MODE with the changes applied; DIR: it is a directory's. CHANGED, when
// given, receives the bits the changes set or clear (gnulib's mode_bits).
inline unsigned mode_adjust(unsigned mode, bool dir, unsigned umask_value, const mode_changes& changes,
                            unsigned* changed = nullptr) noexcept {
  unsigned m = mode & mode_bits_all;
  unsigned bits = 0;
  for (int i = 0; i < changes.count; ++i) {
    const mode_change& c = changes.list[i];
    const unsigned omit = (dir ? 06000u : 0u) & ~c.mentioned;
    unsigned value = c.value;
    if (c.kind == 'c') {
      value &= m;
      value = ((value & 0444) ? 0444u : 0u) | ((value & 0222) ? 0222u : 0u) | ((value & 0111) ? 0111u : 0u);
    } else if (c.kind == 'X' && ((m & 0111) || dir)) {
      value |= 0111;
    }
    value &= (c.affected ? c.affected : ~umask_value) & ~omit;
    if (c.op == '=') {
      const unsigned preserved = (c.affected ? ~c.affected : 0u) | omit;
      bits |= mode_bits_all & ~preserved;
      m = (m & preserved) | value;
    } else if (c.op == '+') {
      bits |= value;
      m |= value;
    } else {
      bits |= value;
      m &= ~value;
    }
  }
  if (changed) *changed = bits;
  return m & mode_bits_all;
}

}  // namespace tool
