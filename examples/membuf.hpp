// A buffer that grows as a tool needs (head -n -N, tail): an anonymous
// mapping, moved by mremap when it must grow. No allocator needed.
#pragma once

#include <rawsys/memory.hpp>

namespace tool {

// Bytes held: data[0, size) of capacity.
struct held {
  held() = default;
  held(const held&) = delete;
  held& operator=(const held&) = delete;
  char* data = nullptr;
  size_t size = 0, capacity = 0;
  bool reserve(size_t want) {
    if (want <= capacity) return true;
    size_t cap = capacity ? capacity : 64 * 1024;
    while (cap < want) cap *= 2;
    auto m = data ? rawsys::mremap(data, capacity, cap, rawsys::remap::maymove)
                  : rawsys::mmap(nullptr, cap, rawsys::prot::read | rawsys::prot::write,
                                 rawsys::map::private_ | rawsys::map::anonymous);
    if (!m) return false;
    data = static_cast<char*>(*m);
    capacity = cap;
    return true;
  }
  void drop_front(size_t n) {
    for (size_t i = n; i < size; ++i) data[i - n] = data[i];
    size -= n;
  }
  ~held() {
    if (data) (void)rawsys::munmap(data, capacity);
  }
};

}  // namespace tool
