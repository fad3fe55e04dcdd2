// The kernel struct types are named apart from the functions: each can be
// declared plainly, beside its function, with no -Wshadow warning (this file
// is compiled with -Wshadow -Werror).
#include <rawsys/rawsys.hpp>

int names() {
  rawsys::statx_t sx{};
  rawsys::stat_t st{};
  rawsys::statfs_t sf{};
  rawsys::flock_t fl{};
  auto a = rawsys::statx(rawsys::at_fdcwd, "/", rawsys::at::flags(), rawsys::stx::basic_stats);
  auto b = rawsys::statfs("/");
  auto c = rawsys::flock(rawsys::stdin_fd, rawsys::lock::un);
  return static_cast<int>(sizeof sx + sizeof st + sizeof sf + sizeof fl) + a.has_value() + b.has_value() +
         c.has_value();
}
