// <rawsys/landlock.hpp> without libc: each wrapper once, against what
// landlock(7) documents: the ABI version, a ruleset allowing reads beneath
// / only, enforced in a child where writing a new file is then EACCES.
// Kernels without Landlock say EOPNOTSUPP (noted); qemu-user emulates none.
#include <rawsys/file.hpp>
#include <rawsys/landlock.hpp>
#include <rawsys/process.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;
namespace fs = r::landlock::access_fs;

int main() {
  auto abi = r::landlock_abi_version();
  if (topic::not_emulated(abi, "landlock")) return topic::finish("landlock.hpp");
  if (!abi && abi.error() == r::errc::eopnotsupp) {
    r::out << "not permitted here: landlock (disabled in this kernel)\n";
    ++topic::missing;
    return topic::finish("landlock.hpp");
  }
  check(abi && *abi >= 1, "landlock_abi_version");
  auto errata = r::landlock_errata();
  if (*abi >= 7 || errata) check(errata && *errata >= 0, "landlock_errata");
  r::landlock_ruleset_attr attr{};
  attr.handled_access_fs = fs::read_file | fs::write_file | fs::make_reg;
  auto rs = r::landlock_create_ruleset(&attr, 8);
  check(rs.has_value(), "landlock_create_ruleset");
  if (!rs) return topic::finish("landlock.hpp");
  auto root = r::open("/", r::o::path | r::o::cloexec);
  r::landlock_path_beneath_attr beneath{};
  beneath.allowed_access = fs::read_file;
  beneath.parent_fd = root ? root->get() : -1;
  check(r::landlock_add_rule(*rs, beneath).has_value(), "landlock_add_rule");
  auto c = r::fork();
  if (c && *c == 0) {
    if (!r::prctl(static_cast<r::pr>(38) /* PR_SET_NO_NEW_PRIVS */, 1) || !r::landlock_restrict_self(*rs))
      r::exit_group(2);
    const bool read_ok = r::open("/proc/self/status", r::o::rdonly).has_value();
    const bool write_denied =
        r::openat(r::at_fdcwd, "/tmp", r::o::tmpfile | r::o::rdwr, r::mode{0600}) == r::unexpected(r::errc::eacces);
    r::exit_group(read_ok && write_denied ? 0 : 3);
  }
  int status = -1;
  check(c && r::wait4(*c, &status, r::w::flags{}, nullptr) == *c && r::wifexited(status) &&
            r::wexitstatus(status) == 0,
        "landlock_restrict_self: reads allowed, writes EACCES");
  return topic::finish("landlock.hpp");
}
