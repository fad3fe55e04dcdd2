// <rawsys/bpf.hpp> without libc: each wrapper once, on an array map and a
// two-instruction socket filter, against what bpf(2) documents. Loading
// needs privilege on most systems (not permitted: noted), and qemu-user
// emulates no bpf call.
#include <rawsys/bpf.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

int main() {
  r::bpf_map_create_attr attr{};
  attr.map_type = r::bpf_map_type::array;
  attr.key_size = 4;
  attr.value_size = 8;
  attr.max_entries = 4;
  auto map = r::bpf_map_create(attr);
  if (!topic::not_emulated(map, "bpf") && !topic::not_permitted(map, "bpf_map_create")) {
    check(map.has_value(), "bpf_map_create");
    if (map) {
      const uint32_t key = 2;
      const uint64_t value = 0x1122334455667788u;
      check(r::bpf_map_update_elem(*map, &key, &value).has_value(), "bpf_map_update_elem");
      uint64_t got = 0;
      check(r::bpf_map_lookup_elem(*map, &key, &got).has_value() && got == value, "bpf_map_lookup_elem");
      uint32_t next = 99;
      check(r::bpf_map_get_next_key(*map, &key, &next).has_value() && next == 3, "bpf_map_get_next_key");
      check(r::bpf_map_delete_elem(*map, &key) == r::unexpected(r::errc::einval),
            "bpf_map_delete_elem: EINVAL on an array");
      const uint32_t beyond = 4;
      check(r::bpf_map_lookup_elem(*map, &beyond, &got) == r::unexpected(r::errc::enoent),
            "bpf_map_lookup_elem: ENOENT past the end");
    }
  }
  // r0 = 0; exit: a socket filter that drops everything.
  const r::bpf_insn insns[] = {r::bpf_insn::make(0xb7 /* BPF_ALU64|BPF_MOV|BPF_K */, 0, 0, 0, 0),
                               r::bpf_insn::make(0x95 /* BPF_JMP|BPF_EXIT */, 0, 0, 0, 0)};
  r::bpf_prog_load_attr load{};
  load.prog_type = r::bpf_prog_type::socket_filter;
  load.set_insns(insns, 2);
  load.set_license("GPL");
  auto prog = r::bpf_prog_load(load);
  if (!topic::not_emulated(prog, "bpf") && !topic::not_permitted(prog, "bpf_prog_load"))
    check(prog.has_value(), "bpf_prog_load");
  auto bad = r::bpf(static_cast<r::bpf_cmd>(9999), nullptr, 0);
  if (!topic::not_emulated(bad, "bpf") && !topic::not_permitted(bad, "bpf"))
    check(bad == r::unexpected(r::errc::einval), "bpf: an unknown command is EINVAL");
  return topic::finish("bpf.hpp");
}
