// Buffered output for small programs: text and numbers to a descriptor
// through a fixed buffer, with no allocation, no libc and no 64-bit division
// on i386. rawsys::out (stdout) is flushed when the program exits (from
// .fini_array, with the no-libc runtime as with libc) and by flush();
// rawsys::err (stderr) is line-buffered: each line reaches fd 2 as it ends,
// so a message written just before a crash or a trap is not lost.
//
// operator<< takes exactly what it prints: char, the integer types (in
// decimal), C strings, anything with data() and size() of char
// (std::string_view, std::string) and errc (its name). bool, floating-point
// values and the other character types fail to compile rather than turn
// silently into a char.
//
// A write error is kept: the first one is returned by flush() and status(),
// and later output is dropped, so a tool can report EPIPE or ENOSPC once.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "detail/traits.hpp"
#include "fd.hpp"
#include "syscall.hpp"
#include "types.hpp"

namespace rawsys {

namespace detail {

// Returns v % 10 and leaves v / 10 in v. On 32-bit targets in 16-bit steps
// of 32-bit divisions, since a 64-bit one would call libgcc's __udivdi3.
constexpr unsigned divmod10(uint64_t& v) noexcept {
  if constexpr (sizeof(void*) >= 8) {
    const auto r = static_cast<unsigned>(v % 10);
    v /= 10;
    return r;
  } else {
    if ((v >> 32) == 0) {
      const auto x = static_cast<uint32_t>(v);
      v = x / 10;
      return x % 10;
    }
    uint32_t rem = 0;
    uint64_t q = 0;
    for (int shift = 48; shift >= 0; shift -= 16) {
      const uint32_t cur = (rem << 16) | static_cast<uint32_t>((v >> shift) & 0xffff);
      q |= static_cast<uint64_t>(cur / 10) << shift;
      rem = cur % 10;
    }
    v = q;
    return rem;
  }
}

// Integers printed as numbers: not bool, not the character types.
template <class T>
inline constexpr bool is_number =
    is_integral_v<T> && !is_same_v<remove_cv_t<T>, bool> && !is_same_v<remove_cv_t<T>, char> &&
    !is_same_v<remove_cv_t<T>, signed char> && !is_same_v<remove_cv_t<T>, unsigned char> &&
    !is_same_v<remove_cv_t<T>, char8_t> && !is_same_v<remove_cv_t<T>, char16_t> &&
    !is_same_v<remove_cv_t<T>, char32_t> && !is_same_v<remove_cv_t<T>, wchar_t>;

// What operator<< refuses: the arithmetic types it does not print as such.
template <class T>
inline constexpr bool is_refused_scalar =
    (is_same_v<T, bool> || is_same_v<T, float> || is_same_v<T, double> || is_same_v<T, long double> ||
     is_integral_v<T>) && !is_number<T> && !is_same_v<T, char>;

// std::string_view, std::string and the like: contiguous chars with a size.
template <class S>
concept char_range = requires(const S& s) {
  requires is_same_v<remove_cv_t<remove_pointer_t<decltype(s.data())>>, char>;
  requires is_integral_v<decltype(s.size())>;
};

}  // namespace detail

// Writes go to a caller-provided buffer and reach the descriptor when it is
// full and on flush(), and, for a line-buffered writer, when a line ends.
// Not thread-safe.
class writer {
 public:
  enum class buffering : bool { full, line };
  constexpr writer(fd f, char* buf, size_t capacity, buffering b = buffering::full) noexcept
      : fd_(f), buf_(buf), cap_(capacity), line_(b == buffering::line) {}
  writer(const writer&) = delete;
  writer& operator=(const writer&) = delete;

  // Bytes as they are.
  [[gnu::noinline]] writer& write(const void* data, size_t n) noexcept {
    const char* p = static_cast<const char*>(data);
    bool newline = false;
    for (;;) {
      size_t k = cap_ - len_;
      if (k > n) k = n;
      for (size_t i = 0; i < k; ++i) newline |= (buf_[len_ + i] = p[i]) == '\n';
      len_ += k;
      p += k;
      n -= k;
      if (n == 0) break;
      if (!flush()) return *this;
    }
    if (line_ && newline) (void)flush();
    return *this;
  }
  writer& write(const_buffer b) noexcept { return write(b.data, b.size); }

  writer& put(char c) noexcept {
    if (len_ == cap_ && !flush()) return *this;
    buf_[len_++] = c;
    if (line_ && c == '\n') (void)flush();
    return *this;
  }

  // A NUL-terminated string; "(null)" for a null pointer.
  writer& operator<<(const char* s) noexcept {
    if (!s) s = "(null)";
    size_t n = 0;
    if (__builtin_constant_p(__builtin_strlen(s)))
      n = __builtin_strlen(s);  // a literal: no loop (and no call to strlen)
    else
      while (s[n]) ++n;
    return write(s, n);
  }
  template <class C>
    requires detail::is_same_v<C, char>
  writer& operator<<(C c) noexcept {
    return put(c);
  }

  // Text with a size: std::string_view, std::string, ...
  template <class S>
    requires detail::char_range<S>
  writer& operator<<(const S& s) noexcept {
    return write(s.data(), static_cast<size_t>(s.size()));
  }

  // An errno: its name, "ENOENT" (message(e) gives the words).
  template <detail::errno_enum E>
  writer& operator<<(E e) noexcept {
    return *this << name(e);
  }

  // bool, floating-point values and the other character types would print
  // as a char: refused.
  template <class T>
    requires detail::is_refused_scalar<T>
  writer& operator<<(T) noexcept {
    static_assert(!detail::is_refused_scalar<T>,
                  "rawsys::writer prints char, integers, strings and errc; convert a bool, a "
                  "floating-point value or another character type first");
    return *this;
  }

  // An integer in decimal.
  template <class I>
    requires detail::is_number<I>
  writer& operator<<(I v) noexcept {
    return dec(v);
  }

  // Decimal, right-aligned in `width` columns filled with `fill`.
  template <class I>
    requires detail::is_number<I>
  writer& dec(I v, unsigned width = 0, char fill = ' ') noexcept {
    if constexpr (detail::is_signed_v<I>) {
      const auto w = static_cast<int64_t>(v);
      return number(w < 0 ? 0 - static_cast<uint64_t>(w) : static_cast<uint64_t>(w), w < 0, width, fill);
    } else {
      return number(static_cast<uint64_t>(v), false, width, fill);
    }
  }

  // Lower-case hexadecimal without prefix, at least `width` digits (zeros).
  writer& hex(uint64_t v, unsigned width = 1) noexcept {
    char tmp[16];
    unsigned n = 0;
    do {
      tmp[15 - n++] = "0123456789abcdef"[v & 15];
      v >>= 4;
    } while (v != 0 && n < 16);
    for (unsigned i = n; i < width; ++i) put('0');
    return write(tmp + 16 - n, n);
  }

  // Writes what is buffered. The first error of this writer, if any.
  result<void> flush() noexcept {
    const size_t n = len_;
    len_ = 0;
    if (n != 0 && error_ == 0) send(buf_, n);
    return status();
  }

  // The first write error so far, or success.
  result<void> status() const noexcept {
    if (error_ != 0) return unexpected(static_cast<errc>(error_));
    return {};
  }

  fd descriptor() const noexcept { return fd_; }
  size_t buffered() const noexcept { return len_; }

 private:
  void send(const char* p, size_t n) noexcept {
    if (error_ != 0) return;
    while (n != 0) {
      const long r = raw::syscall(static_cast<long>(nr::write), fd_.get(), p, n);
      if (r == -static_cast<long>(errc::eintr)) continue;
      if (detail::is_error(r)) {
        error_ = static_cast<int>(-r);
        return;
      }
      p += r;
      n -= static_cast<size_t>(r);
    }
  }

  writer& number(uint64_t v, bool negative, unsigned width, char fill) noexcept {
    char tmp[24];
    unsigned n = 0;
    do tmp[23 - n++] = static_cast<char>('0' + detail::divmod10(v));
    while (v != 0);
    if (negative && fill == '0') {  // as printf's %05d: the sign before the zeros
      put('-');
      if (width) --width;
    } else if (negative) {
      tmp[23 - n++] = '-';
    }
    for (unsigned i = n; i < width; ++i) put(fill);
    return write(tmp + 24 - n, n);
  }

  fd fd_;
  char* buf_;
  size_t cap_;
  size_t len_ = 0;
  int error_ = 0;
  bool line_ = false;
};

namespace detail {
template <size_t Size>
struct writer_storage {
  char bytes[Size] = {};
};
}  // namespace detail

// A writer with its own buffer of Size bytes, for automatic storage (as a
// global it would put the whole buffer in .data, since the writer points at it).
template <size_t Size>
class buffered_writer : private detail::writer_storage<Size>, public writer {
 public:
  constexpr explicit buffered_writer(fd f) noexcept : writer(f, this->bytes, Size) {}
  buffered_writer(const buffered_writer&) = delete;
  buffered_writer& operator=(const buffered_writer&) = delete;
  ~buffered_writer() { (void)flush(); }
};

// Standard output and standard error. Programs that print an error message
// usually flush out first, so the two streams stay in order. The buffers are
// apart from the writers so that they stay in .bss, out of the file.
namespace detail {
inline char out_buffer[4096];
inline char err_buffer[1024];
}  // namespace detail
inline constinit writer out{stdout_fd, detail::out_buffer, sizeof detail::out_buffer};
inline constinit writer err{stderr_fd, detail::err_buffer, sizeof detail::err_buffer, writer::buffering::line};

namespace detail {
// Flushes out and err at exit: from .fini_array, which runs after the atexit
// handlers and static destructors (glibc and the no-libc runtime alike), so
// their output is not lost. No constructor and no atexit entry needed.
[[gnu::destructor, gnu::used]] inline void flush_standard_writers() noexcept {
  (void)out.flush();
  (void)err.flush();
}
}  // namespace detail

}  // namespace rawsys
