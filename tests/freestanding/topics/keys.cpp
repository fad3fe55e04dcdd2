// <rawsys/keys.hpp> without libc: the key calls against what keyctl(2)
// documents, in a forked child that joins a new anonymous session keyring
// first (its keys die with it). qemu-user emulates none of these calls.
#include <rawsys/keys.hpp>
#include <rawsys/process.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

namespace {

// In the child: 0, or the number of the first check that failed.
int child() {
  const auto session = r::keyctl_join_session_keyring(nullptr);
  if (!session) return 1;
  if (r::keyctl_get_keyring_id(r::key_spec::session_keyring, false) != *session) return 2;
  const auto k = r::add_key("user", "rawsys:topic", "payload", 7, r::key_spec::session_keyring);
  if (!k) return 3;
  if (r::request_key("user", "rawsys:topic") != *k) return 4;
  if (r::keyctl_search(*session, "user", "rawsys:topic") != *k) return 5;
  char buf[16] = {};
  if (r::keyctl_read(*k, buf, sizeof buf) != size_t{7} || buf[0] != 'p') return 6;
  if (!r::keyctl_update(*k, "new", 3) || r::keyctl_read(*k, buf, sizeof buf) != size_t{3}) return 7;
  char d[64] = {};
  const auto dn = r::keyctl_describe(*k, d, sizeof d);
  if (!dn || d[0] != 'u') return 8;
  if (!r::keyctl_set_timeout(*k, 60)) return 9;
  const auto ring = r::add_key("keyring", "rawsys:ring", nullptr, 0, *session);
  if (!ring || !r::keyctl_link(*k, *ring) || r::keyctl_search(*ring, "user", "rawsys:topic") != *k) return 10;
  if (!r::keyctl_unlink(*k, *ring)) return 15;
  if (!r::keyctl_revoke(*k) || r::keyctl_read(*k, buf, sizeof buf) != r::unexpected(r::errc::ekeyrevoked))
    return 11;
  if (!r::keyctl_clear(*session)) return 12;
  if (r::request_key("user", "rawsys:absent") != r::unexpected(r::errc::enokey)) return 13;
  if (r::keyctl(static_cast<r::keyctl_op>(9999)) != r::unexpected(r::errc::eopnotsupp)) return 14;
  return 0;
}

}  // namespace

int main() {
  const auto probe = r::keyctl_get_keyring_id(r::key_spec::thread_keyring, false);
  if (topic::not_emulated(probe, "keyctl")) return topic::finish("keys.hpp");
  auto c = r::fork();
  check(c.has_value(), "fork");
  if (c && *c == 0) r::exit_group(child());
  int status = -1;
  const bool waited = c && r::wait4(*c, &status, r::w::flags{}, nullptr) == *c;
  check(waited && r::wifexited(status) && r::wexitstatus(status) == 0,
        "add_key, request_key, keyctl in a new session keyring");
  if (waited && r::wifexited(status) && r::wexitstatus(status) != 0) {
    r::err << "first failed check in the child: " << r::wexitstatus(status) << "\n";
  }
  return topic::finish("keys.hpp");
}
