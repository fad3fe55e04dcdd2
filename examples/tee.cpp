// tee(1) as in coreutils: standard input to standard output and to each
// FILE (created, or truncated; -a appends). -i ignores SIGINT. What to do
// when an output fails is --output-error's MODE: by default the output is
// reported and dropped (SIGPIPE ends tee); "warn" also ignores SIGPIPE and
// reports EPIPE, "warn-nopipe" (-p) drops a broken pipe silently, "exit"
// and "exit-nopipe" end tee at the first error reported. tee stops
// reading once every output is gone. "-" is a file of that name, as in
// coreutils.
#include <rawsys/file.hpp>
#include <rawsys/signal.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"

namespace {

using rawsys::errc;

enum class mode { sigpipe, warn, warn_nopipe, exit, exit_nopipe };
char buf[64 * 1024];

void ignore(rawsys::sig s) {
  rawsys::sigaction act{};
  act.handler = rawsys::sigaction::sig_ign();
  (void)rawsys::rt_sigaction(s, act);
}

// MODE as argmatch reads it: the whole word or a prefix naming one mode.
bool parse_mode(const char* arg, mode& m) {
  static const char* const words[] = {"warn", "warn-nopipe", "exit", "exit-nopipe"};
  static const mode modes[] = {mode::warn, mode::warn_nopipe, mode::exit, mode::exit_nopipe};
  int found = -1;
  bool ambiguous = false;
  for (int i = 0; i < 4; ++i) {
    if (tool::eq(arg, words[i])) {
      m = modes[i];
      return true;
    }
    if (tool::starts_with(words[i], arg)) {
      ambiguous |= found >= 0;
      found = i;
    }
  }
  if (found >= 0 && !ambiguous) {
    m = modes[found];
    return true;
  }
  auto& e = tool::begin_error() << (found >= 0 ? "ambiguous" : "invalid") << " argument ";
  tool::quote(e, arg);
  rawsys::err << " for '--output-error'";
  tool::end_error();
  rawsys::err << "Valid arguments are:\n";
  for (const char* w : words) rawsys::err << "  - '" << w << "'\n";
  tool::try_help();
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool append = false, interrupts = false;
  mode m = mode::sigpipe;
  static const char* const longs[] = {"append", "ignore-interrupts", "output-error", "help", "version"};
  int early = 1;
  const int files = tool::parse(argc, argv, "aip\x03::\x01\x02", longs, "ai\x03\x01\x02", 5,
                                [&](char key, const char* arg) {
    switch (key) {
      case 'a': append = true; return true;
      case 'i': interrupts = true; return true;
      case 'p': m = mode::warn_nopipe; return true;
      case '\x03':
        if (!arg) m = mode::warn_nopipe;
        else if (!parse_mode(arg, m)) return false;
        return true;
      case tool::help: early = tool::usage("[OPTION]... [FILE]...", "Copy standard input to each FILE, and also to standard output."); return false;
      default: early = tool::version_text("tee"); return false;
    }
  });
  if (files < 0) return early;
  if (interrupts) ignore(rawsys::sig::int_);
  if (m != mode::sigpipe) ignore(rawsys::sig::pipe);

  // outputs[0] is standard output; a failed one is set to -1.
  constexpr int max_files = 1024;
  int outputs[max_files + 1];
  const char* names[max_files + 1];
  int n = 1, left = 1, status = 0;
  outputs[0] = 1;
  names[0] = "standard output";
  const auto flags = rawsys::o::wronly | rawsys::o::creat | rawsys::o::cloexec | (append ? rawsys::o::append : rawsys::o::trunc);
  for (int i = 1; i <= files; ++i) {
    auto f = rawsys::openat(rawsys::at_fdcwd, argv[i], flags, rawsys::mode{0666});
    if (!f) {
      tool::file_error(argv[i], f.error());
      status = 1;
      continue;
    }
    if (n > max_files) {
      tool::file_error(argv[i], errc::emfile);
      status = 1;
      continue;
    }
    outputs[n] = f->release();
    names[n++] = argv[i];
    ++left;
  }

  while (left != 0) {
    auto r = rawsys::retry_on_eintr([&] { return rawsys::read(rawsys::stdin_fd, buf, sizeof buf); });
    if (!r) {
      tool::error("read error", r.error());
      status = 1;
      break;
    }
    if (*r == 0) break;
    for (int i = 0; i < n; ++i) {
      if (outputs[i] < 0) continue;
      auto w = tool::write_all(rawsys::fd(outputs[i]), buf, *r);
      if (w) continue;
      const bool nopipe = m != mode::warn && m != mode::exit;  // by default, as if SIGPIPE had ended tee
      if (!(w.error() == errc::epipe && nopipe)) {
        tool::file_error(names[i], w.error());
        status = 1;
        if (m == mode::exit || m == mode::exit_nopipe) return 1;
      }
      outputs[i] = -1;
      --left;
    }
  }
  for (int i = 1; i < n; ++i) {
    if (outputs[i] < 0) continue;
    if (auto c = rawsys::close(rawsys::fd(outputs[i])); !c) {
      tool::file_error(names[i], c.error());
      status = 1;
    }
  }
  return status;
}
