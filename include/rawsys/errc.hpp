// errc (every Linux errno) with name() and message(). The numbers, names and
// glibc's strerror texts live in the generated errno_table.hpp.
#pragma once

#include "errno_table.hpp"

namespace rawsys {

// "ENOENT"; "?" for a number that is not an errno.
constexpr const char* name(errc e) noexcept {
  using t = detail::errno_table;
  const auto v = static_cast<unsigned>(e);
  return t::names + (v < static_cast<unsigned>(t::limit) ? t::name_off[v] : 0);
}

// "No such file or directory", the same words as glibc's strerror;
// "Unknown error" for a number that is not an errno.
constexpr const char* message(errc e) noexcept {
  using t = detail::errno_table;
  const auto v = static_cast<unsigned>(e);
  return t::messages + (v < static_cast<unsigned>(t::limit) ? t::message_off[v] : 0);
}

}  // namespace rawsys
