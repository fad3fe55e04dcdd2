// The machine-wide calls (system.hpp), each against glibc's function or
// syscall() on the same arch. Nothing here changes the machine: host and
// domain names change only in a child's new user and UTS namespaces,
// process accounting only in a child's new pid namespace; reboot, kexec
// and module loading are called only with arguments the kernel refuses
// before acting, or from a child that gave up root.
#include <grp.h>
#include <sched.h>
#include <sys/klog.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <linux/kexec.h>
#include <linux/module.h>
#include <linux/reboot.h>
#include <linux/version.h>

#include <string.h>

#include "files_support.hpp"  // in_child, outcome, temp_dir
#include "skip.hpp"
#include "support.hpp"

using rawsys::errc;
using rawsys_test::glibc;
using rawsys_test::in_child;
using rawsys_test::outcome;

namespace {

static_assert(static_cast<unsigned>(rawsys::reboot_cmd::restart) == LINUX_REBOOT_CMD_RESTART);
static_assert(static_cast<unsigned>(rawsys::reboot_cmd::halt) == LINUX_REBOOT_CMD_HALT);
static_assert(static_cast<unsigned>(rawsys::reboot_cmd::cad_off) == LINUX_REBOOT_CMD_CAD_OFF);
static_assert(static_cast<unsigned>(rawsys::reboot_cmd::cad_on) == LINUX_REBOOT_CMD_CAD_ON);
static_assert(static_cast<unsigned>(rawsys::reboot_cmd::power_off) == LINUX_REBOOT_CMD_POWER_OFF);
static_assert(static_cast<unsigned>(rawsys::reboot_cmd::kexec) == LINUX_REBOOT_CMD_KEXEC);
static_assert(static_cast<unsigned>(rawsys::reboot_cmd::cad_off) == RB_DISABLE_CAD);
static_assert(rawsys::reboot_magic1 == LINUX_REBOOT_MAGIC1 && rawsys::reboot_magic2 == LINUX_REBOOT_MAGIC2);
// glibc's klogctl(3) numbers the actions as the kernel's syslog.h does.
static_assert(static_cast<int>(rawsys::syslog_action::read_all) == 3);
static_assert(static_cast<int>(rawsys::syslog_action::size_buffer) == 10);
static_assert(rawsys::bits(rawsys::kexec_flags::on_crash) == KEXEC_ON_CRASH);
static_assert(rawsys::bits(rawsys::kexec_flags::preserve_context) == KEXEC_PRESERVE_CONTEXT);
static_assert(rawsys::bits(rawsys::kexec_file::unload) == KEXEC_FILE_UNLOAD);
static_assert(rawsys::bits(rawsys::kexec_file::no_initramfs) == KEXEC_FILE_NO_INITRAMFS);
static_assert(sizeof(rawsys::kexec_segment) == sizeof(struct kexec_segment));
static_assert(offsetof(rawsys::kexec_segment, bufsz) == offsetof(struct kexec_segment, bufsz));
static_assert(offsetof(rawsys::kexec_segment, mem) == offsetof(struct kexec_segment, mem));
static_assert(offsetof(rawsys::kexec_segment, memsz) == offsetof(struct kexec_segment, memsz));
static_assert(rawsys::bits(rawsys::module_init::ignore_modversions) == MODULE_INIT_IGNORE_MODVERSIONS);
static_assert(rawsys::bits(rawsys::module_init::ignore_vermagic) == MODULE_INIT_IGNORE_VERMAGIC);
static_assert(rawsys::bits(rawsys::module_delete::nonblock) == O_NONBLOCK);
static_assert(rawsys::bits(rawsys::module_delete::trunc) == O_TRUNC);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)  // the cross toolchains' headers are older
}  // namespace
#include <linux/lsm.h>
namespace {
static_assert(static_cast<unsigned>(rawsys::lsm_attr::current) == LSM_ATTR_CURRENT);
static_assert(static_cast<unsigned>(rawsys::lsm_attr::sockcreate) == LSM_ATTR_SOCKCREATE);
static_assert(rawsys::bits(rawsys::lsm_flag::single) == LSM_FLAG_SINGLE);
static_assert(sizeof(rawsys::lsm_ctx) == sizeof(struct lsm_ctx));
static_assert(offsetof(rawsys::lsm_ctx, ctx_len) == offsetof(struct lsm_ctx, ctx_len));
#endif

// Gives up root for good in a (forked) child: every capability goes.
bool drop_root() {
  return ::setgroups(0, nullptr) == 0 && ::setgid(65534) == 0 && ::setuid(65534) == 0 && ::geteuid() != 0;
}

}  // namespace

TEST_CASE("sethostname and setdomainname: in a child's own user and UTS namespaces, errors as glibc's") {
  const int r = in_child([] {
    if (::unshare(CLONE_NEWUSER | CLONE_NEWUTS) != 0) return 100;
    const char name[] = "rawsys-host";
    if (!rawsys::sethostname(name, sizeof name - 1)) return 1;
    struct ::utsname u {};
    if (::uname(&u) != 0 || strcmp(u.nodename, name) != 0) return 2;
    const char domain[] = "rawsys-domain";
    if (!rawsys::setdomainname(domain, sizeof domain - 1)) return 3;
    if (::uname(&u) != 0 || strcmp(u.domainname, domain) != 0) return 4;
    // glibc's calls change the same names.
    if (::sethostname("by-glibc", 8) != 0) return 5;
    rawsys::utsname mine{};
    if (!rawsys::uname(&mine) || strcmp(mine.nodename, "by-glibc") != 0) return 6;
    // Longer than 64 bytes: EINVAL.
    static const char longer[100] = {};
    if (rawsys::sethostname(longer, sizeof longer) != rawsys::unexpected(errc::einval)) return 7;
    if (outcome(rawsys::sethostname(longer, sizeof longer)) != glibc(::sethostname(longer, sizeof longer))) return 8;
    if (outcome(rawsys::setdomainname(longer, sizeof longer)) != glibc(::setdomainname(longer, sizeof longer))) return 9;
    return 0;
  });
  if (r == 100) {
    rawsys_test::skip("unshare(CLONE_NEWUSER | CLONE_NEWUTS) is not permitted here");
    return;
  }
  CHECK(r == 0);
}

TEST_CASE("a child that gave up root: EPERM from each privileged call, as glibc's") {
  CHECK(in_child([] {
    if (!drop_root()) return 1;
    if (rawsys::sethostname("x", 1) != rawsys::unexpected(errc::eperm)) return 2;
    if (outcome(rawsys::sethostname("x", 1)) != glibc(::sethostname("x", 1))) return 3;
    if (outcome(rawsys::setdomainname("x", 1)) != glibc(::setdomainname("x", 1))) return 4;
    if (rawsys::reboot(rawsys::reboot_cmd::cad_off) != rawsys::unexpected(errc::eperm)) return 5;
    if (outcome(rawsys::reboot(rawsys::reboot_cmd::cad_off)) != glibc(::reboot(RB_DISABLE_CAD))) return 6;
    if (rawsys::acct("/") != rawsys::unexpected(errc::eperm)) return 7;
    if (outcome(rawsys::acct("/")) != glibc(::acct("/"))) return 8;
    if (outcome(rawsys::kexec_load(0, 0, nullptr, {})) != glibc(::syscall(SYS_kexec_load, 0, 0, nullptr, 0))) return 9;
    static const char image[64] = {};
    // EPERM, or ENOSYS from a kernel without module support.
    if (rawsys::init_module(image, sizeof image, "")) return 10;
    if (outcome(rawsys::init_module(image, sizeof image, "")) != glibc(::syscall(SYS_init_module, image, sizeof image, ""))) return 11;
    if (outcome(rawsys::finit_module(rawsys::fd(-1), "")) != glibc(::syscall(SYS_finit_module, -1, "", 0))) return 12;
    if (rawsys::delete_module("rawsys_none")) return 13;
    if (outcome(rawsys::delete_module("rawsys_none")) != glibc(::syscall(SYS_delete_module, "rawsys_none", 0))) return 14;
    return 0;
  }) == 0);
}

TEST_CASE("reboot: bad magic numbers are EINVAL before anything happens, as glibc's syscall()") {
  // Only with magic numbers the kernel refuses (checked right after the
  // capability): never a real command.
  const auto cmd = rawsys::reboot_cmd::cad_off;
  CHECK(rawsys::reboot(0, 0, cmd) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::reboot(0, 0, cmd)) == glibc(::syscall(SYS_reboot, 0, 0, LINUX_REBOOT_CMD_CAD_OFF, nullptr)));
  CHECK(outcome(rawsys::reboot(rawsys::reboot_magic1, 1, cmd)) ==
        glibc(::syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 1, LINUX_REBOOT_CMD_CAD_OFF, nullptr)));
}

TEST_CASE("syslog: the log buffer's size as glibc's klogctl, EINVAL alike") {
  const auto size = rawsys::syslog(rawsys::syslog_action::size_buffer, nullptr, 0);
  CHECK(outcome(size) == glibc(::klogctl(10, nullptr, 0)));
  if (size) CHECK(*size > 0);
  const auto bad = static_cast<rawsys::syslog_action>(99);
  CHECK(outcome(rawsys::syslog(bad, nullptr, 0)) == glibc(::klogctl(99, nullptr, 0)));
  char buf[16];
  CHECK(outcome(rawsys::syslog(rawsys::syslog_action::read_all, buf, -1)) == glibc(::klogctl(3, buf, -1)));
}

TEST_CASE("acct: on and off in a child's own pid namespace, errors as glibc's") {
  rawsys_test::temp_dir dir;
  const std::string file = dir / "acct";
  rawsys_test::write_file(file, "");
  const int r = in_child([&] {
    // Accounting belongs to the pid namespace: a new one, entered by a child.
    if (::unshare(CLONE_NEWPID) != 0) return 100;
    return in_child([&] {
      if (rawsys::getpid() != 1) return 1;
      const auto on = rawsys::acct(file.c_str());
      if (!on) return on.error() == errc::enosys ? 101 : 2;  // no CONFIG_BSD_PROCESS_ACCT
      if (!rawsys::acct(nullptr)) return 3;
      if (::acct(file.c_str()) != 0 || ::acct(nullptr) != 0) return 4;
      return 0;
    });
  });
  if (r == 100 || r == 101) {
    rawsys_test::skip(r == 100 ? "unshare(CLONE_NEWPID) is not permitted here"
                               : rawsys_test::why_unavailable("acct", errc::enosys));
    return;
  }
  CHECK(r == 0);
  CHECK(outcome(rawsys::acct("/nonexistent/rawsys")) == glibc(::acct("/nonexistent/rawsys")));
  CHECK(outcome(rawsys::acct(dir.c_str())) == glibc(::acct(dir.c_str())));  // a directory
}

TEST_CASE("kexec_load and kexec_file_load: refused flags, nothing loaded, as glibc's syscall()") {
  // An unknown flag below the arch bits, too many segments: EINVAL (EPERM
  // where kexec is disabled, ENOSYS without CONFIG_KEXEC), before any image is read.
  CHECK(outcome(rawsys::kexec_load(0, 0, nullptr, static_cast<rawsys::kexec_flags::flags>(0x8000))) ==
        glibc(::syscall(SYS_kexec_load, 0, 0, nullptr, 0x8000)));
  CHECK(outcome(rawsys::kexec_load(0, 1000, nullptr, {})) == glibc(::syscall(SYS_kexec_load, 0, 1000, nullptr, 0)));
#if defined(SYS_kexec_file_load)
  const auto bad = static_cast<rawsys::kexec_file::flags>(0x8000);
  CHECK(outcome(rawsys::kexec_file_load(rawsys::fd(-1), rawsys::fd(-1), 0, nullptr, bad)) ==
        glibc(::syscall(SYS_kexec_file_load, -1, -1, 0, nullptr, 0x8000)));
#else
  CHECK(rawsys::kexec_file_load(rawsys::fd(-1), rawsys::fd(-1), 0, nullptr, {}) == rawsys::unexpected(errc::enosys));
#endif
}

TEST_CASE("init_module, finit_module, delete_module: refused before loading, as glibc's syscall()") {
  // Not an ELF image: ENOEXEC; no file: EBADF; unknown flags: EINVAL; no
  // such module: ENOENT (EPERM where module loading is disabled).
  static const char image[64] = {};
  CHECK(outcome(rawsys::init_module(image, sizeof image, "")) == glibc(::syscall(SYS_init_module, image, sizeof image, "")));
  CHECK(outcome(rawsys::finit_module(rawsys::fd(-1), "")) == glibc(::syscall(SYS_finit_module, -1, "", 0)));
  const auto bad = static_cast<rawsys::module_init::flags>(0x4000);
  CHECK(outcome(rawsys::finit_module(rawsys::fd(-1), "", bad)) == glibc(::syscall(SYS_finit_module, -1, "", 0x4000)));
  const auto none = rawsys::delete_module("rawsys_no_such_module", rawsys::module_delete::nonblock);
  CHECK(outcome(none) == glibc(::syscall(SYS_delete_module, "rawsys_no_such_module", O_NONBLOCK)));
  CHECK(!none);
}

TEST_CASE("lsm_list_modules, lsm_get_self_attr, lsm_set_self_attr: as glibc's syscall() answers") {
  uint64_t ids[32] = {};
  uint32_t size = sizeof ids;
  const auto n = rawsys::lsm_list_modules(ids, &size);
#if defined(SYS_lsm_list_modules)
  uint64_t their_ids[32] = {};
  uint32_t their_size = sizeof their_ids;
  CHECK(outcome(n) == glibc(::syscall(SYS_lsm_list_modules, their_ids, &their_size, 0)));
#endif
  if (!n) {
    rawsys_test::skip(rawsys_test::why_unavailable("lsm_list_modules", n.error()));
    return;
  }
#if defined(SYS_lsm_list_modules)
  CHECK(size == their_size);
  CHECK(memcmp(ids, their_ids, sizeof ids) == 0);
  CHECK(*n >= 1);  // the capability LSM at least
  // Unknown flags: EINVAL; no room: E2BIG with the size needed.
  CHECK(rawsys::lsm_list_modules(ids, &size, 1) == rawsys::unexpected(errc::einval));
  CHECK(outcome(rawsys::lsm_list_modules(ids, &size, 1)) == glibc(::syscall(SYS_lsm_list_modules, ids, &size, 1)));
  uint32_t none = 0;
  CHECK(rawsys::lsm_list_modules(ids, &none) == rawsys::unexpected(errc::e2big));
  CHECK(none == their_size);
  alignas(8) unsigned char buf[1024];
  uint32_t got = sizeof buf, their_got = sizeof buf;
  auto* ctx = reinterpret_cast<rawsys::lsm_ctx*>(buf);
  CHECK(outcome(rawsys::lsm_get_self_attr(rawsys::lsm_attr::current, ctx, &got)) ==
        glibc(::syscall(SYS_lsm_get_self_attr, LSM_ATTR_CURRENT, buf, &their_got, 0)));
  CHECK(got == their_got);
  CHECK(outcome(rawsys::lsm_get_self_attr(rawsys::lsm_attr::current, ctx, &got, static_cast<rawsys::lsm_flag::flags>(8))) ==
        glibc(::syscall(SYS_lsm_get_self_attr, LSM_ATTR_CURRENT, buf, &their_got, 8)));
  CHECK(outcome(rawsys::lsm_set_self_attr(rawsys::lsm_attr::current, ctx, sizeof buf, 1)) ==
        glibc(::syscall(SYS_lsm_set_self_attr, LSM_ATTR_CURRENT, buf, sizeof buf, 1)));
#endif
}
