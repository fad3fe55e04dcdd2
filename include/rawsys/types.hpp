// Small types shared by the wrappers: 64-bit time, buffers, and the split of
// 64-bit values into register pairs on i386.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <type_traits>

namespace rawsys {

// Time is 64-bit on every architecture (the kernel's __kernel_timespec).
struct timespec {
  int64_t sec;
  int64_t nsec;
  friend constexpr bool operator==(const timespec&, const timespec&) = default;
};

namespace detail {
template <class R>
concept contiguous_bytes = requires(R& r) {
  r.data();
  r.size();
  requires std::is_trivially_copyable_v<std::remove_pointer_t<decltype(r.data())>>;
};
}  // namespace detail

// A writable byte range: from a C array, or anything with data() and size()
// (std::span, std::array, std::vector, std::string), or (pointer, length).
struct buffer {
  void* data;
  size_t size;
  constexpr buffer(void* d, size_t n) noexcept : data(d), size(n) {}
  template <class T, size_t N>
    requires(!std::is_const_v<T>)
  constexpr buffer(T (&a)[N]) noexcept : data(a), size(sizeof a) {}
  template <detail::contiguous_bytes R>
    requires(!std::is_const_v<std::remove_pointer_t<decltype(std::declval<R&>().data())>>)
  constexpr buffer(R& r) noexcept
      : data(r.data()), size(r.size() * sizeof(*r.data())) {}
};

// A readable byte range; a string literal is its characters without the NUL.
struct const_buffer {
  const void* data;
  size_t size;
  constexpr const_buffer(const void* d, size_t n) noexcept : data(d), size(n) {}
  constexpr const_buffer(buffer b) noexcept : data(b.data), size(b.size) {}
  template <size_t N>
  constexpr const_buffer(const char (&s)[N]) noexcept : data(s), size(N - 1) {}
  template <class T, size_t N>
    requires(!std::is_same_v<std::remove_cv_t<T>, char>)
  constexpr const_buffer(T (&a)[N]) noexcept : data(a), size(sizeof a) {}
  template <detail::contiguous_bytes R>
  constexpr const_buffer(const R& r) noexcept
      : data(r.data()), size(r.size() * sizeof(*r.data())) {}
};

namespace detail {

// i386 passes a 64-bit value as two registers, low half first (the kernel's
// arg_u32p order); other arches take it whole.
constexpr unsigned long lo32(uint64_t v) noexcept { return static_cast<unsigned long>(v & 0xffffffffu); }
constexpr unsigned long hi32(uint64_t v) noexcept { return static_cast<unsigned long>(v >> 32); }

}  // namespace detail

}  // namespace rawsys
