// Keys: add_key, request_key and the typed keyctl operations against glibc's
// syscall() on the same ISA. Each case runs in a forked child that first
// joins a new anonymous session keyring, so the keys it makes die with it
// and the test process's keyrings stay as they were. qemu-user implements
// none of these calls: the cases skip there, after checking that glibc's
// syscall() sees ENOSYS as well.
#include <linux/keyctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

#include "sockets_support.hpp"

namespace r = rawsys;
using rawsys::errc;

static_assert(r::key_spec::session_keyring == KEY_SPEC_SESSION_KEYRING);
static_assert(r::key_spec::process_keyring == KEY_SPEC_PROCESS_KEYRING);
static_assert(r::key_spec::requestor_keyring == KEY_SPEC_REQUESTOR_KEYRING);
static_assert(static_cast<int>(r::keyctl_op::read) == KEYCTL_READ);
static_assert(static_cast<int>(r::keyctl_op::join_session_keyring) == KEYCTL_JOIN_SESSION_KEYRING);
static_assert(static_cast<int>(r::keyctl_op::move) == KEYCTL_MOVE);
static_assert(static_cast<int>(r::reqkey_defl::session_keyring) == KEY_REQKEY_DEFL_SESSION_KEYRING);

namespace {

// glibc's syscall() outcome: the value, or errno.
r::result<long> kernel(long ret) { return rawsys_test::glibc(ret); }

// Runs fn in a child in a new anonymous session keyring. Returns 0 when all
// its checks held, else the line of the first that failed; -1: the kernel
// (or qemu-user) has no keys, which the child said after checking glibc
// sees the same; -2: the child died.
int in_child_session(int (*fn)(), r::errc* missing) {
  int p[2];
  REQUIRE(::pipe2(p, O_CLOEXEC) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(p[0]);
    int out[2] = {-2, 0};
    const auto s = r::keyctl_join_session_keyring(nullptr);
    const long g = ::syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0);
    if (!s) {
      out[0] = (g == -1 && errno == static_cast<int>(s.error())) ? -1 : __LINE__;
      out[1] = static_cast<int>(s.error());
    } else {
      out[0] = g == *s ? fn() : __LINE__;
    }
    (void)!::write(p[1], out, sizeof out);
    ::_exit(0);
  }
  ::close(p[1]);
  int out[2] = {-2, 0};
  if (::read(p[0], out, sizeof out) != sizeof out) out[0] = -2;
  ::close(p[0]);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  *missing = static_cast<r::errc>(out[1]);
  return out[0];
}

void run(int (*fn)()) {
  r::errc missing{};
  const int line = in_child_session(fn, &missing);
  if (line == -1) {
    rawsys_test::skip(rawsys_test::why_unavailable("keyctl", missing));
    return;
  }
  CHECK(line == 0);
}

#define EXPECT(cond)              \
  do {                            \
    if (!(cond)) return __LINE__; \
  } while (0)

}  // namespace

TEST_CASE("add_key, request_key, keyctl: a user key's life in a session keyring") {
  run([] {
    const auto k = r::add_key("user", "rawsys:test", "payload", 7, r::key_spec::session_keyring);
    EXPECT(k);
    // glibc's view: the same key found by request_key and KEYCTL_SEARCH.
    EXPECT(::syscall(SYS_request_key, "user", "rawsys:test", nullptr, 0) == *k);
    EXPECT(r::request_key("user", "rawsys:test") == *k);
    EXPECT(r::keyctl_search(r::key_spec::session_keyring, "user", "rawsys:test") == *k);
    const auto session = r::keyctl_get_keyring_id(r::key_spec::session_keyring, false);
    EXPECT(session);
    EXPECT(::syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0) == *session);

    // The payload, read by rawsys and by the plain call.
    char buf[32] = {};
    EXPECT(r::keyctl_read(*k, buf, sizeof buf) == size_t{7});
    EXPECT(std::memcmp(buf, "payload", 7) == 0);
    EXPECT(r::keyctl_update(*k, "changed!", 8));
    char gbuf[32] = {};
    EXPECT(::syscall(SYS_keyctl, KEYCTL_READ, *k, gbuf, sizeof gbuf) == 8);
    EXPECT(std::memcmp(gbuf, "changed!", 8) == 0);
    // Too small a buffer: the whole length.
    EXPECT(r::keyctl_read(*k, buf, 2) == size_t{8});

    // The description: "user;uid;gid;perm;rawsys:test", as the plain call gives it.
    char d[128] = {}, gd[128] = {};
    const auto dn = r::keyctl_describe(*k, d, sizeof d);
    EXPECT(dn);
    EXPECT(::syscall(SYS_keyctl, KEYCTL_DESCRIBE, *k, gd, sizeof gd) == static_cast<long>(*dn));
    EXPECT(std::strcmp(d, gd) == 0);
    EXPECT(std::strncmp(d, "user;", 5) == 0);

    // The keyring lists the key.
    int32_t ids[8] = {};
    EXPECT(r::keyctl_read(*session, ids, sizeof ids) == sizeof(int32_t));
    EXPECT(ids[0] == *k);

    EXPECT(r::keyctl_set_timeout(*k, 3600));
    EXPECT(r::keyctl_setperm(*k, 0x3f3f0000));
    EXPECT(r::keyctl_chown(*k, static_cast<unsigned>(-1), static_cast<unsigned>(-1)));
    // Link into a new keyring, unlink, move back.
    const auto ring = r::add_key("keyring", "rawsys:ring", nullptr, 0, r::key_spec::session_keyring);
    EXPECT(ring);
    EXPECT(r::keyctl_link(*k, *ring));
    EXPECT(r::keyctl_search(*ring, "user", "rawsys:test") == *k);
    EXPECT(r::keyctl_unlink(*k, *ring));
    EXPECT(r::keyctl_search(*ring, "user", "rawsys:test") == r::unexpected(errc::enokey));
    EXPECT(r::keyctl_move(*k, *session, *ring));
    EXPECT(r::keyctl_read(*ring, ids, sizeof ids) == sizeof(int32_t));
    EXPECT(r::keyctl_clear(*ring));
    EXPECT(r::keyctl_read(*ring, ids, sizeof ids) == size_t{0});

    // Revoked: EKEYREVOKED from rawsys and the plain call.
    const auto k2 = r::add_key("user", "rawsys:revoked", "x", 1, r::key_spec::session_keyring);
    EXPECT(k2);
    EXPECT(r::keyctl_revoke(*k2));
    EXPECT(r::keyctl_read(*k2, buf, sizeof buf) == r::unexpected(errc::ekeyrevoked));
    EXPECT(kernel(::syscall(SYS_keyctl, KEYCTL_READ, *k2, buf, sizeof buf)) == r::unexpected(errc::ekeyrevoked));
    const auto k3 = r::add_key("user", "rawsys:invalid", "y", 1, r::key_spec::session_keyring);
    EXPECT(k3);
    EXPECT(r::keyctl_invalidate(*k3));
    // The generic call: the same operation, untyped.
    EXPECT(r::keyctl(r::keyctl_op::get_keyring_id, static_cast<unsigned long>(-3L), 0) == long{*session});
    // The previous default keyring of request_key.
    const auto before = r::keyctl_set_reqkey_keyring(r::reqkey_defl::no_change);
    EXPECT(before);
    EXPECT(static_cast<long>(*before) ==
           ::syscall(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE));
    unsigned char caps[4] = {};
    const auto nc = r::keyctl_capabilities(caps, sizeof caps);
    EXPECT(nc);
    EXPECT(*nc >= 1);
    return 0;
  });
}

TEST_CASE("add_key, request_key, keyctl: errors match glibc's syscall()") {
  run([] {
    // An unknown key type: ENODEV.
    EXPECT(r::add_key("rawsys-no-such-type", "d", "x", 1, r::key_spec::session_keyring) ==
           r::unexpected(errc::enodev));
    EXPECT(kernel(::syscall(SYS_add_key, "rawsys-no-such-type", "d", "x", 1, KEY_SPEC_SESSION_KEYRING)) ==
           r::unexpected(errc::enodev));
    // No such key, and nothing to call: ENOKEY.
    EXPECT(r::request_key("user", "rawsys:absent") == r::unexpected(errc::enokey));
    EXPECT(kernel(::syscall(SYS_request_key, "user", "rawsys:absent", nullptr, 0)) ==
           r::unexpected(errc::enokey));
    // A serial number that is no key.
    char buf[8];
    const auto none = r::keyctl_read(0x7ffffff0, buf, sizeof buf);
    EXPECT(!none);
    EXPECT(kernel(::syscall(SYS_keyctl, KEYCTL_READ, 0x7ffffff0, buf, sizeof buf)) == r::unexpected(none.error()));
    EXPECT(r::keyctl_revoke(0x7ffffff0) == r::unexpected(none.error()));
    // An unknown operation: EOPNOTSUPP.
    EXPECT(r::keyctl(static_cast<r::keyctl_op>(9999)) == r::unexpected(errc::eopnotsupp));
    EXPECT(kernel(::syscall(SYS_keyctl, 9999, 0, 0, 0, 0)) == r::unexpected(errc::eopnotsupp));
    // A "user" key needs a payload: EINVAL.
    EXPECT(r::add_key("user", "rawsys:empty", nullptr, 0, r::key_spec::session_keyring) ==
           r::unexpected(errc::einval));
    EXPECT(kernel(::syscall(SYS_add_key, "user", "rawsys:empty", nullptr, 0, KEY_SPEC_SESSION_KEYRING)) ==
           r::unexpected(errc::einval));
    return 0;
  });
}
