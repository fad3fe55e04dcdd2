// truncate(1) as in coreutils: sets each FILE's size (creating it unless
// -c) with ftruncate(2). -s SIZE: that size, or relative to the current
// one ("+N" longer, "-N" shorter, "<N" at most, ">N" at least, "/N" down
// to a multiple of N, "%N" up to one), with coreutils' suffixes (K, KB,
// KiB, M ...); -r RFILE: RFILE's size (and -s then relative to it); -o:
// SIZE counts each file's I/O blocks.
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"

namespace {

using rawsys::errc;

enum class rel { abs, add, at_most, at_least, down, up };

int usage_error(const char* text) {
  tool::begin_error() << text;
  tool::end_error();
  tool::try_help();
  return 1;
}

void failed(const char* what, const char* name, const char* after, errc e) {
  tool::put_quoteaf(tool::begin_error() << what, name);
  rawsys::err << after << ": " << message(e);
  tool::end_error();
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool no_create = false, blocks = false, got_size = false;
  rel mode = rel::abs;
  int64_t size = 0;
  const char* reference = nullptr;
  static const char* const longs[] = {"no-create", "io-blocks", "reference", "size", "help", "version"};
  int early = 1;
  const int files = tool::parse(argc, argv, "cor:s:\x01\x02", longs, "cors\x01\x02", 6, [&](char key, const char* arg) {
    switch (key) {
      case 'c': no_create = true; return true;
      case 'o': blocks = true; return true;
      case 'r': reference = arg; return true;
      case 's': {
        const char* a = arg;
        auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
        while (space(*a)) ++a;
        switch (*a) {
          case '<': mode = rel::at_most; ++a; break;
          case '>': mode = rel::at_least; ++a; break;
          case '/': mode = rel::down; ++a; break;
          case '%': mode = rel::up; ++a; break;
          default: break;
        }
        while (space(*a)) ++a;
        const char* number = a;  // what a message quotes, as coreutils'
        const bool negative = *a == '-';
        if (*a == '+' || *a == '-') {
          if (mode != rel::abs) {
            usage_error("multiple relative modifiers specified");
            return false;
          }
          mode = rel::add;
          ++a;
        }
        auto v = *a == '+' || *a == '-' ? rawsys::result<uint64_t>(rawsys::unexpected(errc::einval)) : tool::parse_count(a, "EgGkKmMPtTYZ0");
        if (v && *v > static_cast<uint64_t>(INT64_MAX) + negative) v = rawsys::unexpected(errc::eoverflow);
        if (!v) {
          early = tool::bad_number("Invalid number", number, v.error() == errc::einval ? errc::einval : errc::eoverflow);
          return false;
        }
        size = negative ? static_cast<int64_t>(0 - *v) : static_cast<int64_t>(*v);
        if ((mode == rel::down || mode == rel::up) && size == 0) {
          tool::begin_error() << "division by zero";
          tool::end_error();
          return false;
        }
        got_size = true;
        return true;
      }
      case tool::help: early = tool::usage("OPTION... FILE...", "Shrink or extend the size of each FILE to the specified size"); return false;
      default: early = tool::version_text("truncate"); return false;
    }
  });
  if (files < 0) return early;
  if (!reference && !got_size) return usage_error("you must specify either '--size' or '--reference'");
  if (reference && got_size && mode == rel::abs) return usage_error("you must specify a relative '--size' with '--reference'");
  if (blocks && !got_size) return usage_error("'--io-blocks' was specified but '--size' was not");
  if (files == 0) {
    tool::begin_error() << "missing file operand";
    tool::end_error();
    tool::try_help();
    return 1;
  }

  int64_t reference_size = -1;
  if (reference) {
    rawsys::statx_t st{};
    auto r = rawsys::statx(rawsys::at_fdcwd, reference, rawsys::at::flags(), rawsys::stx::size, &st);
    if (!r) {
      failed("cannot stat ", reference, "", r.error());
      return 1;
    }
    reference_size = static_cast<int64_t>(st.size);
    if (!got_size) size = reference_size;
  }

  int status = 0;
  for (int i = 1; i <= files; ++i) {
    const auto flags = rawsys::o::wronly | rawsys::o::nonblock | rawsys::o::cloexec;
    auto f = no_create ? rawsys::openat(rawsys::at_fdcwd, argv[i], flags)
                       : rawsys::openat(rawsys::at_fdcwd, argv[i], flags | rawsys::o::creat, rawsys::mode{0666});
    if (!f) {
      if (!(no_create && f.error() == errc::enoent)) {
        failed("cannot open ", argv[i], " for writing", f.error());
        status = 1;
      }
      continue;
    }
    int64_t want = size;
    rawsys::statx_t st{};
    if (blocks || (mode != rel::abs && reference_size < 0)) {
      auto r = rawsys::statx(*f, "", rawsys::at::empty_path, rawsys::stx::size, &st);
      if (!r) {
        failed("cannot fstat ", argv[i], "", r.error());
        status = 1;
        continue;
      }
    }
    if (blocks) {
      const int64_t block = st.blksize > 0 ? static_cast<int64_t>(st.blksize) : 512;
      if (__builtin_mul_overflow(size, block, &want)) {
        tool::put_quoteaf(tool::begin_error() << "overflow in " << size << " * " << block << " byte blocks for file ", argv[i]);
        tool::end_error();
        status = 1;
        continue;
      }
    }
    if (mode != rel::abs) {
      const int64_t current = reference_size >= 0 ? reference_size : static_cast<int64_t>(st.size);
      const int64_t by = want;
      bool overflow = false;
      switch (mode) {
        case rel::at_least: want = current > by ? current : by; break;
        case rel::at_most: want = current < by ? current : by; break;
        case rel::down: want = current / by * by; break;
        case rel::up: {
          const int64_t r = current % by;
          overflow = r != 0 && __builtin_add_overflow(current - r, by, &want);
          if (r == 0) want = current;
          break;
        }
        default: overflow = __builtin_add_overflow(current, by, &want); break;
      }
      if (overflow) {
        tool::put_quoteaf(tool::begin_error() << (mode == rel::up ? "overflow rounding up size of file " : "overflow extending size of file "), argv[i]);
        tool::end_error();
        status = 1;
        continue;
      }
    }
    if (want < 0) want = 0;
    if (auto r = rawsys::ftruncate(*f, want); !r) {
      tool::put_quoteaf(tool::begin_error() << "failed to truncate ", argv[i]);
      rawsys::err << " at " << want << " bytes: " << message(r.error());
      tool::end_error();
      status = 1;
    }
  }
  return tool::finish(status);
}
