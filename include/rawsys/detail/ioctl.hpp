// ioctl(2), the generic call: a request number and an integer or a pointer.
// file.hpp and ioctl.hpp (the typed requests) both give it; this file lets
// ioctl.hpp do so without the rest of file.hpp.
#pragma once

#include "../fd.hpp"
#include "../syscall.hpp"

namespace rawsys {

// ioctl(2): int ioctl(int fd, unsigned long request, unsigned long arg);
template <class = void>
inline result<long> ioctl(fd d, unsigned long request, unsigned long arg = 0) noexcept {
  return syscall(nr::ioctl, d.get(), request, arg);
}

// ioctl with a pointer argument.
template <class T>
inline result<long> ioctl(fd d, unsigned long request, T* arg) noexcept {
  return ioctl(d, request, reinterpret_cast<unsigned long>(arg));
}

}  // namespace rawsys
