// The kernel's key retention service: add_key(2), request_key(2) and
// keyctl(2) with its operations typed (KEYCTL_*: keyctl_<operation>(...),
// in the argument order of keyctl(2)'s man page). keyrings(7) describes the
// keyrings; key_spec:: names the special ones of the calling thread.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "fd.hpp"
#include "syscall.hpp"
#include "types.hpp"

// The generated constants only this header names (uapi/<isa>.hpp).
#define RAWSYS_UAPI_WANT_KEYS
#include "arch/native_uapi.hpp"

namespace rawsys {

// key_serial_t: a key's serial number (negative: a special keyring).
using key_serial_t = int32_t;

// KEY_SPEC_*: the caller's special keyrings.
namespace key_spec {
inline constexpr key_serial_t thread_keyring = uapi::key_spec_thread_keyring;
inline constexpr key_serial_t process_keyring = uapi::key_spec_process_keyring;
inline constexpr key_serial_t session_keyring = uapi::key_spec_session_keyring;
inline constexpr key_serial_t user_keyring = uapi::key_spec_user_keyring;
inline constexpr key_serial_t user_session_keyring = uapi::key_spec_user_session_keyring;
inline constexpr key_serial_t group_keyring = uapi::key_spec_group_keyring;
inline constexpr key_serial_t reqkey_auth_key = uapi::key_spec_reqkey_auth_key;
inline constexpr key_serial_t requestor_keyring = uapi::key_spec_requestor_keyring;
}  // namespace key_spec

// KEY_REQKEY_DEFL_*: keyctl_set_reqkey_keyring's keyrings.
enum class reqkey_defl : int {
  no_change = uapi::key_reqkey_defl_no_change,
  default_ = uapi::key_reqkey_defl_default,
  thread_keyring = uapi::key_reqkey_defl_thread_keyring,
  process_keyring = uapi::key_reqkey_defl_process_keyring,
  session_keyring = uapi::key_reqkey_defl_session_keyring,
  user_keyring = uapi::key_reqkey_defl_user_keyring,
  user_session_keyring = uapi::key_reqkey_defl_user_session_keyring,
  group_keyring = uapi::key_reqkey_defl_group_keyring,
  requestor_keyring = uapi::key_reqkey_defl_requestor_keyring,
};

// KEYCTL_*: keyctl's operations.
enum class keyctl_op : int {
  get_keyring_id = uapi::keyctl_get_keyring_id,
  join_session_keyring = uapi::keyctl_join_session_keyring,
  update = uapi::keyctl_update,
  revoke = uapi::keyctl_revoke,
  chown = uapi::keyctl_chown,
  setperm = uapi::keyctl_setperm,
  describe = uapi::keyctl_describe,
  clear = uapi::keyctl_clear,
  link = uapi::keyctl_link,
  unlink = uapi::keyctl_unlink,
  search = uapi::keyctl_search,
  read = uapi::keyctl_read,
  instantiate = uapi::keyctl_instantiate,
  negate = uapi::keyctl_negate,
  set_reqkey_keyring = uapi::keyctl_set_reqkey_keyring,
  set_timeout = uapi::keyctl_set_timeout,
  assume_authority = uapi::keyctl_assume_authority,
  get_security = uapi::keyctl_get_security,
  session_to_parent = uapi::keyctl_session_to_parent,
  reject = uapi::keyctl_reject,
  instantiate_iov = uapi::keyctl_instantiate_iov,
  invalidate = uapi::keyctl_invalidate,
  get_persistent = uapi::keyctl_get_persistent,
  dh_compute = uapi::keyctl_dh_compute,
  pkey_query = uapi::keyctl_pkey_query,
  pkey_encrypt = uapi::keyctl_pkey_encrypt,
  pkey_decrypt = uapi::keyctl_pkey_decrypt,
  pkey_sign = uapi::keyctl_pkey_sign,
  pkey_verify = uapi::keyctl_pkey_verify,
  restrict_keyring = uapi::keyctl_restrict_keyring,
  move = uapi::keyctl_move,
  capabilities = uapi::keyctl_capabilities,
  watch_key = uapi::keyctl_watch_key,
};

// add_key(2): key_serial_t add_key(const char *type, const char *description, const void *payload, size_t plen, key_serial_t keyring);
// The new (or updated) key's serial number.
template <class = void>
inline result<key_serial_t> add_key(const char* type, const char* description, const void* payload, size_t plen, key_serial_t keyring) noexcept {
  const result<long> r = syscall(nr::add_key, type, description, payload, plen, keyring);
  if (!r) return unexpected(r.error());
  return static_cast<key_serial_t>(*r);
}

// request_key(2): key_serial_t request_key(const char *type, const char *description, const char *callout_info, key_serial_t dest_keyring);
// callout_info nullptr: search only, never call /sbin/request-key.
template <class = void>
inline result<key_serial_t> request_key(const char* type, const char* description, const char* callout_info = nullptr, key_serial_t dest_keyring = 0) noexcept {
  const result<long> r = syscall(nr::request_key, type, description, callout_info, dest_keyring);
  if (!r) return unexpected(r.error());
  return static_cast<key_serial_t>(*r);
}

// keyctl(2): long keyctl(int operation, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5);
// Any operation, its arguments as the kernel reads them; the typed
// keyctl_<operation> functions below are the same call.
template <class = void>
inline result<long> keyctl(keyctl_op op, unsigned long arg2 = 0, unsigned long arg3 = 0, unsigned long arg4 = 0, unsigned long arg5 = 0) noexcept {
  return syscall(nr::keyctl, op, arg2, arg3, arg4, arg5);
}

namespace detail {
template <class = void>
inline result<key_serial_t> as_key(const result<long>& r) noexcept {
  if (!r) return unexpected(r.error());
  return static_cast<key_serial_t>(*r);
}
template <class = void>
inline unsigned long key_arg(key_serial_t k) noexcept { return static_cast<unsigned long>(static_cast<long>(k)); }
template <class = void>
inline unsigned long ptr_arg(const void* p) noexcept { return reinterpret_cast<unsigned long>(p); }
}  // namespace detail

// keyctl(2) KEYCTL_GET_KEYRING_ID: the serial number of `id` (a special
// keyring resolved); create: make it if it does not exist yet.
template <class = void>
inline result<key_serial_t> keyctl_get_keyring_id(key_serial_t id, bool create) noexcept {
  return detail::as_key(keyctl(keyctl_op::get_keyring_id, detail::key_arg(id), create ? 1 : 0));
}

// keyctl(2) KEYCTL_JOIN_SESSION_KEYRING: join (or make) the session keyring
// `name`; nullptr: a new anonymous one. Its serial number.
template <class = void>
inline result<key_serial_t> keyctl_join_session_keyring(const char* name) noexcept {
  return detail::as_key(keyctl(keyctl_op::join_session_keyring, detail::ptr_arg(name)));
}

// keyctl(2) KEYCTL_UPDATE: the key's new payload.
template <class = void>
inline result<void> keyctl_update(key_serial_t key, const void* payload, size_t plen) noexcept {
  return detail::as_void(keyctl(keyctl_op::update, detail::key_arg(key), detail::ptr_arg(payload), plen));
}

// keyctl(2) KEYCTL_REVOKE
template <class = void>
inline result<void> keyctl_revoke(key_serial_t key) noexcept {
  return detail::as_void(keyctl(keyctl_op::revoke, detail::key_arg(key)));
}

// keyctl(2) KEYCTL_CHOWN: uid or gid -1: unchanged.
template <class = void>
inline result<void> keyctl_chown(key_serial_t key, unsigned uid, unsigned gid) noexcept {
  return detail::as_void(keyctl(keyctl_op::chown, detail::key_arg(key), uid, gid));
}

// keyctl(2) KEYCTL_SETPERM: the KEY_POS_*, KEY_USR_*, KEY_GRP_*, KEY_OTH_* bits.
template <class = void>
inline result<void> keyctl_setperm(key_serial_t key, uint32_t perm) noexcept {
  return detail::as_void(keyctl(keyctl_op::setperm, detail::key_arg(key), perm));
}

// keyctl(2) KEYCTL_DESCRIBE: "type;uid;gid;perm;description" with its
// terminating NUL into buf (up to buflen bytes); the whole length, which may
// exceed buflen.
template <class = void>
inline result<size_t> keyctl_describe(key_serial_t key, char* buf, size_t buflen) noexcept {
  return detail::as_count<size_t>(keyctl(keyctl_op::describe, detail::key_arg(key), detail::ptr_arg(buf), buflen));
}

// keyctl(2) KEYCTL_CLEAR: unlink every key of the keyring.
template <class = void>
inline result<void> keyctl_clear(key_serial_t keyring) noexcept {
  return detail::as_void(keyctl(keyctl_op::clear, detail::key_arg(keyring)));
}

// keyctl(2) KEYCTL_LINK
template <class = void>
inline result<void> keyctl_link(key_serial_t key, key_serial_t keyring) noexcept {
  return detail::as_void(keyctl(keyctl_op::link, detail::key_arg(key), detail::key_arg(keyring)));
}

// keyctl(2) KEYCTL_UNLINK
template <class = void>
inline result<void> keyctl_unlink(key_serial_t key, key_serial_t keyring) noexcept {
  return detail::as_void(keyctl(keyctl_op::unlink, detail::key_arg(key), detail::key_arg(keyring)));
}

// keyctl(2) KEYCTL_SEARCH: the key found in the keyring's tree; dest_keyring
// (0: none) gets a link to it.
template <class = void>
inline result<key_serial_t> keyctl_search(key_serial_t keyring, const char* type, const char* description, key_serial_t dest_keyring = 0) noexcept {
  return detail::as_key(keyctl(keyctl_op::search, detail::key_arg(keyring), detail::ptr_arg(type),
                               detail::ptr_arg(description), detail::key_arg(dest_keyring)));
}

// keyctl(2) KEYCTL_READ: the payload (a keyring: its serial numbers) into
// buf, up to buflen bytes; the whole length, which may exceed buflen.
template <class = void>
inline result<size_t> keyctl_read(key_serial_t key, void* buf, size_t buflen) noexcept {
  return detail::as_count<size_t>(keyctl(keyctl_op::read, detail::key_arg(key), detail::ptr_arg(buf), buflen));
}

// keyctl(2) KEYCTL_INSTANTIATE: for a request-key helper.
template <class = void>
inline result<void> keyctl_instantiate(key_serial_t key, const void* payload, size_t plen, key_serial_t keyring) noexcept {
  return detail::as_void(keyctl(keyctl_op::instantiate, detail::key_arg(key), detail::ptr_arg(payload), plen,
                                detail::key_arg(keyring)));
}

// keyctl(2) KEYCTL_NEGATE: for a request-key helper.
template <class = void>
inline result<void> keyctl_negate(key_serial_t key, unsigned timeout_s, key_serial_t keyring) noexcept {
  return detail::as_void(keyctl(keyctl_op::negate, detail::key_arg(key), timeout_s, detail::key_arg(keyring)));
}

// keyctl(2) KEYCTL_REJECT: for a request-key helper; error: the errno
// later requests get.
template <class = void>
inline result<void> keyctl_reject(key_serial_t key, unsigned timeout_s, errc error, key_serial_t keyring) noexcept {
  return detail::as_void(keyctl(keyctl_op::reject, detail::key_arg(key), timeout_s,
                                static_cast<unsigned>(error), detail::key_arg(keyring)));
}

// keyctl(2) KEYCTL_SET_REQKEY_KEYRING: where request_key links what it
// makes; the previous setting.
template <class = void>
inline result<reqkey_defl> keyctl_set_reqkey_keyring(reqkey_defl which) noexcept {
  const result<long> r = keyctl(keyctl_op::set_reqkey_keyring, static_cast<unsigned long>(static_cast<long>(which)));
  if (!r) return unexpected(r.error());
  return static_cast<reqkey_defl>(*r);
}

// keyctl(2) KEYCTL_SET_TIMEOUT: seconds until the key expires (0: never).
template <class = void>
inline result<void> keyctl_set_timeout(key_serial_t key, unsigned timeout_s) noexcept {
  return detail::as_void(keyctl(keyctl_op::set_timeout, detail::key_arg(key), timeout_s));
}

// keyctl(2) KEYCTL_ASSUME_AUTHORITY: for a request-key helper (0: give it up).
template <class = void>
inline result<key_serial_t> keyctl_assume_authority(key_serial_t key) noexcept {
  return detail::as_key(keyctl(keyctl_op::assume_authority, detail::key_arg(key)));
}

// keyctl(2) KEYCTL_GET_SECURITY: the key's LSM label with its NUL; the
// whole length, which may exceed buflen.
template <class = void>
inline result<size_t> keyctl_get_security(key_serial_t key, char* buf, size_t buflen) noexcept {
  return detail::as_count<size_t>(keyctl(keyctl_op::get_security, detail::key_arg(key), detail::ptr_arg(buf), buflen));
}

// keyctl(2) KEYCTL_SESSION_TO_PARENT: the parent gets this session keyring
// when it next returns to user space.
template <class = void>
inline result<void> keyctl_session_to_parent() noexcept {
  return detail::as_void(keyctl(keyctl_op::session_to_parent));
}

// keyctl(2) KEYCTL_INVALIDATE
template <class = void>
inline result<void> keyctl_invalidate(key_serial_t key) noexcept {
  return detail::as_void(keyctl(keyctl_op::invalidate, detail::key_arg(key)));
}

// keyctl(2) KEYCTL_GET_PERSISTENT: uid's persistent keyring (uid -1: the
// caller's), linked into keyring.
template <class = void>
inline result<key_serial_t> keyctl_get_persistent(unsigned uid, key_serial_t keyring) noexcept {
  return detail::as_key(keyctl(keyctl_op::get_persistent, uid, detail::key_arg(keyring)));
}

// keyctl(2) KEYCTL_RESTRICT_KEYRING: which keys may be linked into it from
// now on (type nullptr: none).
template <class = void>
inline result<void> keyctl_restrict_keyring(key_serial_t keyring, const char* type, const char* restriction) noexcept {
  return detail::as_void(keyctl(keyctl_op::restrict_keyring, detail::key_arg(keyring), detail::ptr_arg(type),
                                detail::ptr_arg(restriction)));
}

// keyctl(2) KEYCTL_MOVE: from one keyring to another; flags KEYCTL_MOVE_EXCL
// (keyctl_move_excl): EEXIST rather than replace a matching key.
inline constexpr unsigned keyctl_move_excl = uapi::keyctl_move_excl;
template <class = void>
inline result<void> keyctl_move(key_serial_t key, key_serial_t from_keyring, key_serial_t to_keyring, unsigned flags = 0) noexcept {
  return detail::as_void(keyctl(keyctl_op::move, detail::key_arg(key), detail::key_arg(from_keyring),
                                detail::key_arg(to_keyring), flags));
}

// keyctl(2) KEYCTL_CAPABILITIES: the KEYCTL_CAPS0_*, CAPS1_* bytes into buf;
// how many the kernel has.
template <class = void>
inline result<size_t> keyctl_capabilities(unsigned char* buf, size_t buflen) noexcept {
  return detail::as_count<size_t>(keyctl(keyctl_op::capabilities, detail::ptr_arg(buf), buflen));
}

}  // namespace rawsys
