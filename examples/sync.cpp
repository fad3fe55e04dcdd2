// sync(1) as in coreutils: without operands, every file system's cached
// writes to its device (sync(2)); with FILEs, each one's (fsync(2)), its
// data only (-d, fdatasync(2)) or its whole file system's (-f, syncfs(2)).
#include <rawsys/file.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"

namespace {

using rawsys::errc;

void failed(const char* what, const char* name, errc e) {
  tool::put_quoteaf(tool::begin_error() << what << ' ', name);
  rawsys::err << ": " << message(e);
  tool::end_error();
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool data = false, file_system = false;
  static const char* const longs[] = {"data", "file-system", "help", "version"};
  int early = 1;
  const int files = tool::parse(argc, argv, "df\x01\x02", longs, "df\x01\x02", 4, [&](char key, const char*) {
    switch (key) {
      case 'd': data = true; return true;
      case 'f': file_system = true; return true;
      case tool::help: early = tool::usage("[OPTION] [FILE]...", "Synchronize cached writes to persistent storage"); return false;
      default: early = tool::version_text("sync"); return false;
    }
  });
  if (files < 0) return early;
  if (data && file_system) {
    tool::begin_error() << "cannot specify both --data and --file-system";
    tool::end_error();
    return 1;
  }
  if (data && files == 0) {
    tool::begin_error() << "--data needs at least one argument";
    tool::end_error();
    return 1;
  }
  if (files == 0) {
    rawsys::sync();
    return 0;
  }
  int status = 0;
  for (int i = 1; i <= files; ++i) {
    const char* name = argv[i];
    // Read-only first, so that a file without write permission still
    // can be synced; non-blocking, so that a FIFO does not hang the open.
    auto f = rawsys::openat(rawsys::at_fdcwd, name, rawsys::o::rdonly | rawsys::o::nonblock | rawsys::o::cloexec);
    if (!f) {
      const errc read_error = f.error();
      if (!file_system) f = rawsys::openat(rawsys::at_fdcwd, name, rawsys::o::wronly | rawsys::o::nonblock | rawsys::o::cloexec);
      if (!f) {
        failed("error opening", name, read_error);
        status = 1;
        continue;
      }
    }
    auto fl = rawsys::fcntl(*f, rawsys::f::getfl);
    if (!fl || !rawsys::fcntl(*f, rawsys::f::setfl, static_cast<unsigned long>(*fl) & ~static_cast<unsigned long>(rawsys::o::nonblock))) {
      failed("couldn't reset non-blocking mode", name, fl ? errc::einval : fl.error());
      status = 1;
      continue;
    }
    auto r = file_system ? rawsys::syncfs(*f) : data ? rawsys::fdatasync(*f) : rawsys::fsync(*f);
    if (!r) {
      failed("error syncing", name, r.error());
      status = 1;
    }
  }
  return status;
}
