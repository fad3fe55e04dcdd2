// <rawsys/seccomp.hpp> without libc: each wrapper once, against what
// seccomp(2) documents: the queries, a filter that fails getppid with EPERM
// (in a child: filters cannot be removed), and strict mode (in a child too).
// qemu-user emulates no seccomp call.
#include <rawsys/process.hpp>
#include <rawsys/seccomp.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

namespace {
int status_of(int pid) {
  int status = -1;
  return r::wait4(pid, &status, r::w::flags{}, nullptr) == pid ? status : -1;
}
}  // namespace

int main() {
  auto avail = r::seccomp_get_action_avail(r::seccomp_ret::allow);
  if (topic::not_emulated(avail, "seccomp")) return topic::finish("seccomp.hpp");
  check(avail.has_value(), "seccomp_get_action_avail");
  check(r::seccomp_get_action_avail(r::seccomp_action{0x12340000u}) == r::unexpected(r::errc::eopnotsupp),
        "seccomp_get_action_avail: EOPNOTSUPP");
  auto sizes = r::seccomp_get_notif_sizes();
  check(sizes && sizes->seccomp_data == 64, "seccomp_get_notif_sizes");
  check(r::seccomp(static_cast<r::seccomp_op>(99), {}, nullptr) == r::unexpected(r::errc::einval), "seccomp: EINVAL");

  auto c = r::fork();
  if (c && *c == 0) {
    r::sock_filter prog[16];
    r::seccomp_filter f(prog);
    f.on(r::nr::getppid, r::seccomp_ret::error(r::errc::eperm));
    auto p = f.finish(r::seccomp_ret::allow);
    if (!p || !r::prctl(static_cast<r::pr>(38) /* PR_SET_NO_NEW_PRIVS */, 1)) r::exit_group(2);
    if (!r::seccomp_set_mode_filter(*p)) r::exit_group(3);
    r::exit_group(r::syscall(r::nr::getppid) == r::unexpected(r::errc::eperm) ? 0 : 4);
  }
  const int fs = c ? status_of(*c) : -1;
  check(r::wifexited(fs) && r::wexitstatus(fs) == 0, "seccomp_set_mode_filter: getppid fails with EPERM");

  auto s = r::fork();
  if (s && *s == 0) {
    if (!r::seccomp_set_mode_strict()) r::exit_group(2);
    (void)r::syscall(r::nr::write, 1, "", 0);      // allowed
    r::raw::syscall(static_cast<long>(r::nr::exit), 0);  // exit, not exit_group
  }
  const int ss = s ? status_of(*s) : -1;
  check(r::wifexited(ss) && r::wexitstatus(ss) == 0, "seccomp_set_mode_strict: read, write and exit remain");
  return topic::finish("seccomp.hpp");
}
