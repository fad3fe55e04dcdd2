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
  rawsys::cachestat_t cs{};
  rawsys::uffdio_api_t ua{};
  auto d = rawsys::cachestat(rawsys::stdin_fd, rawsys::cachestat_range{0, 0});
  auto e = rawsys::userfaultfd_api(rawsys::stdin_fd, rawsys::uffd::features{});
  return static_cast<int>(sizeof sx + sizeof st + sizeof sf + sizeof fl + sizeof cs + sizeof ua) + a.has_value() +
         b.has_value() + c.has_value() + d.has_value() + e.has_value();
}
