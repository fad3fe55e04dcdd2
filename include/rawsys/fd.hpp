// File descriptors: rawsys::fd (borrowed, a plain int) and rawsys::unique_fd
// (owned: closed once, when it goes out of scope, unless released).
#pragma once

#include "syscall.hpp"

namespace rawsys {

class fd {
 public:
  constexpr fd() noexcept = default;
  constexpr explicit fd(int n) noexcept : n_(n) {}
  constexpr int get() const noexcept { return n_; }
  constexpr bool valid() const noexcept { return n_ >= 0; }
  friend constexpr bool operator==(fd, fd) noexcept = default;

 private:
  int n_ = -1;
};

inline constexpr fd stdin_fd{0};
inline constexpr fd stdout_fd{1};
inline constexpr fd stderr_fd{2};
// AT_FDCWD: "relative to the current directory" for the *at calls.
inline constexpr fd at_fdcwd{-100};

class unique_fd {
 public:
  constexpr unique_fd() noexcept = default;
  constexpr explicit unique_fd(int n) noexcept : n_(n) {}
  constexpr explicit unique_fd(fd f) noexcept : n_(f.get()) {}
  unique_fd(const unique_fd&) = delete;
  unique_fd& operator=(const unique_fd&) = delete;
  constexpr unique_fd(unique_fd&& o) noexcept : n_(o.release()) {}
  unique_fd& operator=(unique_fd&& o) noexcept {
    if (this != &o) reset(o.release());
    return *this;
  }
  ~unique_fd() { reset(); }

  constexpr int get() const noexcept { return n_; }
  constexpr bool valid() const noexcept { return n_ >= 0; }
  constexpr explicit operator bool() const noexcept { return valid(); }
  // Borrows the descriptor; this object still owns it.
  constexpr operator fd() const noexcept { return fd{n_}; }
  // Gives up ownership without closing.
  constexpr int release() noexcept {
    const int n = n_;
    n_ = -1;
    return n;
  }
  // Closes what it holds (errors from close(2) are dropped, as after close the
  // descriptor is gone either way) and takes n. The ISA's one-argument call
  // itself, which raw::syscall(nr::close, n_) expands to: every header
  // includes this class, and the generic call would be instantiated for it
  // in every program.
  void reset(int n = -1) noexcept {
    if (n_ >= 0) (void)arch::syscall1(static_cast<long>(nr::close), n_);
    n_ = n;
  }

 private:
  int n_ = -1;
};

namespace detail {

// Typed views of a syscall's result<long>.
template <class = void>
[[gnu::always_inline]] inline result<void> as_void(const result<long>& r) noexcept {
  if (!r) return unexpected(r.error());
  return {};
}
// A count as T: result<size_t> for byte counts, result<unsigned> for
// descriptors or messages.
template <class T>
[[gnu::always_inline]] inline result<T> as_count(const result<long>& r) noexcept {
  if (!r) return unexpected(r.error());
  return static_cast<T>(*r);
}
template <class = void>
[[gnu::always_inline]] inline result<unique_fd> as_fd(const result<long>& r) noexcept {
  if (!r) return unexpected(r.error());
  return unique_fd(static_cast<int>(*r));
}

}  // namespace detail

}  // namespace rawsys
