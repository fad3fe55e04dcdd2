// tail(1) as in coreutils: the last 10 lines (-n N) or N bytes (-c N) of
// each FILE ("-" or none: standard input), or everything from line or byte
// N on (-n +N, -c +N); the obsolete "-N[bcl][f]" and "+N..." forms as the
// only option. -q -v -z as in head. A regular file is read from its end
// (pread backwards), anything else through a buffer that keeps only what may
// still be printed.
//
// -f (--follow=descriptor) then waits for more, woken by inotify(7): each
// open file is read to its end again on every change, a truncated one from
// its start ("file truncated"). -F (--follow=name --retry) follows names
// instead, as coreutils' recheck() does: a name that goes away is reported
// ("has become inaccessible"), one that comes back or now names another
// file is opened again ("has appeared", "has been replaced") and printed
// from its start; a directory or other file tail cannot follow is said and
// waited past. Names are looked at again every -s seconds (1 by default)
// as well as on each inotify event; --retry with -f waits for a file that
// could not be opened; --pid=PID ends tail after PID has ended (looked at
// on the same interval). Standard input that is a pipe is not followed; a
// FIFO operand is.
//
// inotify is used where coreutils uses it: not for standard input, a
// symbolic link, a file that is neither regular nor a FIFO, one on a remote
// or unknown file system (fs_types.hpp), nor after an error with -f; there
// every file is looked at every -s seconds, and where inotify itself fails
// tail says "inotify cannot be used, reverting to polling" as coreutils
// does. With inotify in use, a name that becomes a symbolic link or a file
// on a remote file system is given up, as coreutils gives it up.
//
// When standard output is a pipe, tail ends as soon as its reader does
// (SIGPIPE). Differs from coreutils: that is at once when polling too,
// where coreutils notices it at its next look (-s seconds); coreutils keeps
// following a name without --retry that was renamed away while inotify
// watches it (it still watches the renamed file), where this tail ends
// with "no files remaining" as coreutils does when polling.
#include <rawsys/event.hpp>
#include <rawsys/file.hpp>
#include <rawsys/fs.hpp>
#include <rawsys/process.hpp>
#include <rawsys/signal.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "fs_types.hpp"
#include "membuf.hpp"

namespace {

using rawsys::errc;

bool count_lines = true, from_start = false;
uint64_t count = 10;
char line_end = '\n';
char buf[64 * 1024];

[[noreturn]] void write_failed(errc e) {
  tool::begin_error() << "error writing 'standard output': " << message(e);
  tool::end_error();
  rawsys::exit_program(1);
}

void emit(const char* p, size_t n) {
  rawsys::out.write(p, n);
  if (auto s = rawsys::out.status(); !s) write_failed(s.error());
}

void read_error(const char* name, errc e) {
  tool::put_quoteaf(tool::begin_error() << "error reading ", name);
  rawsys::err << ": " << message(e);
  tool::end_error();
}

rawsys::result<size_t> fill(rawsys::fd in, char* p, size_t n) {
  return rawsys::retry_on_eintr([&] { return rawsys::read(in, p, n); });
}

// Everything from the current position on.
bool copy_rest(rawsys::fd in, const char* name) {
  for (;;) {
    auto r = fill(in, buf, sizeof buf);
    if (!r) {
      read_error(name, r.error());
      return false;
    }
    if (*r == 0) return true;
    emit(buf, *r);
  }
}

// From line or byte `count` on (1 and 0 both meaning from the start).
bool tail_from(rawsys::fd in, const char* name, bool regular) {
  uint64_t skip = count == 0 ? 0 : count - 1;
  if (!count_lines && regular && skip != 0) {
    if (rawsys::lseek(in, static_cast<int64_t>(skip), rawsys::seek::cur)) return copy_rest(in, name);
  }
  while (skip != 0) {
    auto r = fill(in, buf, sizeof buf);
    if (!r) {
      read_error(name, r.error());
      return false;
    }
    if (*r == 0) return true;
    size_t i = 0;
    if (count_lines) {
      while (i < *r && skip != 0)
        if (buf[i++] == line_end) --skip;
    } else {
      i = *r < skip ? *r : static_cast<size_t>(skip);
      skip -= i;
    }
    emit(buf + i, *r - i);
  }
  return copy_rest(in, name);
}

// The start of the last `count` lines of data[0, size) (count > 0; a last
// line without its end counts as one).
size_t last_lines_start(const char* data, size_t size) {
  size_t i = size;
  if (i != 0 && data[i - 1] == line_end) --i;
  uint64_t seen = 0;
  for (; i != 0; --i)
    if (data[i - 1] == line_end && ++seen == count) return i;
  return 0;
}

// Anything else: read to the end, holding only what may still be printed.
bool tail_stream(rawsys::fd in, const char* name) {
  tool::held h;
  for (;;) {
    if (!h.reserve(h.size + sizeof buf)) {
      tool::begin_error() << "memory exhausted";
      tool::end_error();
      return false;
    }
    auto r = fill(in, h.data + h.size, sizeof buf);
    if (!r) {
      read_error(name, r.error());
      return false;
    }
    if (*r == 0) break;
    h.size += *r;
    // Drop what can no longer be among the last ones, now and then.
    if (h.size >= 4 * sizeof buf) {
      size_t keep_from;
      if (!count_lines) {
        keep_from = h.size > count ? static_cast<size_t>(h.size - count) : 0;
      } else {
        keep_from = count == 0 ? h.size : last_lines_start(h.data, h.size);
      }
      h.drop_front(keep_from);
    }
  }
  size_t at;
  if (!count_lines) {
    at = h.size > count ? static_cast<size_t>(h.size - count) : 0;
  } else if (count == 0) {
    at = h.size;
  } else {
    at = last_lines_start(h.data, h.size);
  }
  emit(h.data + at, h.size - at);
  return true;
}

// A regular file: backwards from its end with pread, then forwards from
// where the last lines start.
bool tail_regular(rawsys::fd in, const char* name, int64_t start, int64_t size) {
  int64_t from = start;
  if (!count_lines) {
    if (size - start > static_cast<int64_t>(count)) from = size - static_cast<int64_t>(count);
  } else if (count == 0) {
    from = size;
  } else {
    // The count-th line end from the end (the file's last byte aside).
    uint64_t seen = 0;
    bool last = true;
    for (int64_t end = size; end > start;) {
      const int64_t chunk = end - start < static_cast<int64_t>(sizeof buf) ? end - start : static_cast<int64_t>(sizeof buf);
      auto r = rawsys::pread64(in, buf, static_cast<size_t>(chunk), end - chunk);
      if (!r) {
        read_error(name, r.error());
        return false;
      }
      if (*r != static_cast<size_t>(chunk)) return tail_stream(in, name);  // shrank under us
      size_t i = static_cast<size_t>(chunk);
      if (last && buf[i - 1] == line_end) --i;
      last = false;
      for (; i != 0; --i)
        if (buf[i - 1] == line_end && ++seen == count) break;
      if (i != 0) {
        from = end - chunk + static_cast<int64_t>(i);
        break;
      }
      end -= chunk;
    }
  }
  if (!rawsys::lseek(in, from, rawsys::seek::set)) return tail_from(in, name, false);
  return copy_rest(in, name);
}

bool set_count(const char* arg, bool lines) {
  count_lines = lines;
  from_start = *arg == '+';
  const char* number = *arg == '-' ? arg + 1 : arg;
  auto v = tool::parse_count(number, "bkKmMGTPEZY0");
  if (!v) {
    tool::bad_number(lines ? "invalid number of lines" : "invalid number of bytes", number, v.error());
    return false;
  }
  count = *v;
  return true;
}

// The obsolete form, as coreutils takes it: [+-]N[bcl][f] as the only
// option, before at most one file.
bool obsolete(int argc, char** argv, bool& forever) {
  if (!(argc == 2 || (argc == 3 && !(argv[2][0] == '-' && argv[2][1])))) return false;
  const char* p = argv[1];
  bool start;
  if (*p == '+') start = true;
  else if (*p == '-' && p[p[1] == 'c' ? 2 : 1]) start = false;
  else return false;
  ++p;
  uint64_t n = 0;
  const char* digits = p;
  bool overflow = false;
  for (; *p >= '0' && *p <= '9'; ++p) {
    if (n > (UINT64_MAX - 9) / 10) overflow = true;
    n = n * 10 + static_cast<uint64_t>(*p - '0');
  }
  bool lines = true;
  uint64_t unit = 1;
  switch (*p) {
    case 'b': unit = 512; lines = false; ++p; break;
    case 'c': lines = false; ++p; break;
    case 'l': ++p; break;
    default: break;
  }
  bool f = false;
  if (*p == 'f') f = true, ++p;
  if (*p) return false;
  if (*digits < '0' || *digits > '9') n = 10;
  if (overflow || __builtin_mul_overflow(n, unit, &n)) {
    tool::quote(tool::begin_error() << "invalid number: ", argv[1]);
    tool::end_error();
    rawsys::exit_program(1);
  }
  count = n;
  count_lines = lines;
  from_start = start;
  forever = f;
  return true;
}

// -s's seconds: digits, an optional fraction.
bool parse_seconds(const char* s, rawsys::timespec& t) {
  int64_t sec = 0, nsec = 0, scale = 100000000;
  bool any = false;
  for (; *s >= '0' && *s <= '9'; ++s, any = true)
    if (sec < 1000000000) sec = sec * 10 + (*s - '0');
  if (*s == '.')
    for (++s; *s >= '0' && *s <= '9'; ++s, any = true, scale /= 10) nsec += (*s - '0') * scale;
  if (!any || *s) return false;
  t = {sec, nsec};
  return true;
}

struct file {
  const char* name;  // as given ("-": standard input)
  const char* shown;
  int fd = -1;       // -1: not open now
  int64_t pos = 0;
  uint64_t dev = 0, ino = 0;
  unsigned mode = 0;      // the open file's type
  int errnum = 0;         // the last look's errno; -1: not a file tail can follow
  bool tailable = true;   // false while missing (--retry) or of such a type
  bool ignore = false;    // given up on (coreutils' words)
  bool remote = false;    // on a file system whose changes inotify may miss
};

constexpr int max_files = 256;
file files[max_files];
int nfiles = 0;
int last_shown = -1;
bool headers = false, first_header = true;
bool reopen = false;  // --retry (and -F): a name that cannot be opened is waited for

void header(int i) {
  if (!headers || last_shown == i) return;
  rawsys::out << (first_header ? "" : "\n") << "==> " << files[i].shown << " <==\n";
  first_header = false;
  last_shown = i;
}

uint64_t dev_of(const rawsys::statx_t& st) { return (uint64_t{st.dev_major} << 32) | st.dev_minor; }

rawsys::result<void> identity(rawsys::fd f, rawsys::statx_t& st) {
  return rawsys::statx(f, "", rawsys::at::empty_path, rawsys::stx::basic_stats, &st);
}

// The kinds of file tail follows (coreutils' IS_TAILABLE_FILE_TYPE).
bool tailable_type(unsigned mode) {
  return rawsys::s::isreg(mode) || rawsys::s::isfifo(mode) || rawsys::s::issock(mode) || rawsys::s::ischr(mode);
}

void say(const file& x, const char* what) {
  tool::put_quoteaf(tool::begin_error(), x.shown);
  rawsys::err << what;
  tool::end_error();
}

void warn(const char* what) {
  tool::begin_error() << what;
  tool::end_error();
}

// Whether the file's changes reach inotify: its file system is one known to
// be local. An fstatfs(2) that fails counts as remote, and is said unless
// the kernel lacks it (fs_types.hpp).
bool on_remote_fs(rawsys::fd f, const char* shown) {
  rawsys::statfs_t st{};
  if (auto r = rawsys::fstatfs(f, &st); !r) {
    if (r.error() != errc::enosys) {
      tool::put_quoteaf(tool::begin_error() << "cannot determine location of ", shown);
      rawsys::err << ". reverting to polling: " << message(r.error());
      tool::end_error();
    }
    return true;
  }
  return !tool::local_fs_type(static_cast<uint32_t>(st.type));
}

// Reads what was added to a followed file since the last look.
void read_more(int i) {
  file& x = files[i];
  if (x.fd < 0) return;
  rawsys::statx_t st{};
  if (!rawsys::statx(rawsys::fd(x.fd), "", rawsys::at::empty_path, rawsys::stx::basic_stats, &st)) return;
  if (rawsys::s::isreg(st.mode) && static_cast<int64_t>(st.size) < x.pos) {
    tool::put_quotef(tool::begin_error(), x.shown);
    rawsys::err << ": file truncated";
    tool::end_error();
    x.pos = 0;
    (void)rawsys::lseek(rawsys::fd(x.fd), 0, rawsys::seek::set);
  }
  if (rawsys::s::isreg(st.mode) && static_cast<int64_t>(st.size) == x.pos) return;
  for (;;) {
    auto r = fill(rawsys::fd(x.fd), buf, sizeof buf);
    if (!r || *r == 0) break;
    header(i);
    emit(buf, *r);
    x.pos += static_cast<int64_t>(*r);
  }
}

void stop_following(file& x) {
  if (x.fd > 0) (void)rawsys::close(rawsys::fd(x.fd));
  x.fd = -1;
}

const auto file_watch = rawsys::in::modify | rawsys::in::attrib | rawsys::in::delete_self | rawsys::in::move_self;

// The name looked at again (-F: on every wake; a file not open, with
// --retry: in either mode), as coreutils' recheck() does: what it says,
// and when it follows a new file. With inotify in use a name that has
// become a symbolic link, or a file on a remote file system, is given up:
// inotify would watch the wrong file or miss its changes.
void recheck(int i, bool by_name, rawsys::fd notify) {
  file& x = files[i];
  const bool inotify = notify.get() >= 0;
  const bool was_tailable = x.tailable;
  const int prev_errnum = x.errnum;
  rawsys::statx_t st{};
  const bool link = inotify &&
                    rawsys::statx(rawsys::at_fdcwd, x.name, rawsys::at::symlink_nofollow, rawsys::stx::type, &st) &&
                    rawsys::s::islnk(st.mode);
  auto f = rawsys::openat(rawsys::at_fdcwd, x.name, rawsys::o::rdonly | rawsys::o::cloexec | rawsys::o::nonblock);
  // Out of descriptors while the name still names the open file: nothing
  // changed (coreutils would say the name went and came back).
  if (!f && (f.error() == errc::emfile || f.error() == errc::enfile) && x.fd >= 0 && !link &&
      rawsys::statx(rawsys::at_fdcwd, x.name, rawsys::at::flags{}, rawsys::stx::basic_stats, &st) &&
      dev_of(st) == x.dev && st.ino == x.ino)
    return;
  x.tailable = !(reopen && !f);
  const auto known = f ? identity(*f, st) : rawsys::result<void>(rawsys::unexpected(f.error()));
  bool ok = true;
  if (link) {
    ok = false;
    x.errnum = -1;
    x.ignore = true;
    say(x, " has been replaced with an untailable symbolic link");
  } else if (!known) {
    ok = false;
    const errc e = known.error();
    x.errnum = static_cast<int>(e);
    if (!x.tailable) {
      if (was_tailable) {
        tool::put_quoteaf(tool::begin_error(), x.shown);
        rawsys::err << " has become inaccessible: " << message(e);
        tool::end_error();
      }
    } else if (prev_errnum != x.errnum) {
      tool::put_quotef(tool::begin_error(), x.shown);
      rawsys::err << ": " << message(e);
      tool::end_error();
    }
  } else if (!tailable_type(st.mode)) {
    ok = false;
    x.errnum = -1;
    x.tailable = false;
    x.ignore = !(reopen && by_name);
    if (was_tailable || prev_errnum != -1)
      say(x, x.ignore ? " has been replaced with an untailable file; giving up on this name"
                      : " has been replaced with an untailable file");
  } else if ((x.remote = on_remote_fs(*f, x.shown)) && inotify) {
    ok = false;
    x.errnum = -1;
    x.ignore = true;
    say(x, " has been replaced with an untailable remote file");
  } else {
    x.errnum = 0;
  }
  if (!ok) {
    if (x.fd >= 0) read_more(i);  // what was written before it went
    stop_following(x);
    return;
  }
  if (prev_errnum != 0 && prev_errnum != static_cast<int>(errc::enoent)) say(x, " has become accessible");
  else if (x.fd < 0) say(x, " has appeared;  following new file");
  else if (dev_of(st) != x.dev || st.ino != x.ino) say(x, " has been replaced;  following new file");
  else return;  // the same file: the new descriptor closes with f
  if (x.fd >= 0) read_more(i);
  stop_following(x);
  x.fd = f->release();
  x.dev = dev_of(st);
  x.ino = st.ino;
  x.mode = st.mode;
  x.pos = 0;
  if (inotify) (void)rawsys::inotify_add_watch(notify, x.name, file_watch);
}

// Where coreutils follows with inotify(7) and where it polls (its tail.c):
// it polls when standard input is followed, when a followed file is on a
// remote or unknown file system or none is open, when a name is a symbolic
// link (inotify would watch the target), when an open file is neither
// regular nor a FIFO, and in descriptor mode after an error.
bool inotify_fits(bool by_name, bool ok) {
  bool any_local = false;
  for (int i = 0; i < nfiles; ++i) {
    const file& x = files[i];
    rawsys::statx_t st{};
    if (rawsys::statx(rawsys::at_fdcwd, x.name, rawsys::at::symlink_nofollow, rawsys::stx::type, &st) &&
        rawsys::s::islnk(st.mode))
      return false;
    if (x.ignore) continue;
    if (tool::eq(x.name, "-")) return false;
    if (x.fd < 0) continue;
    if (x.remote || !(rawsys::s::isreg(x.mode) || rawsys::s::isfifo(x.mode))) return false;
    any_local = true;
  }
  return any_local && (by_name || ok);
}

// The watches, as coreutils sets them: false (said why) where inotify cannot
// follow every file, and tail polls instead.
bool add_watches(rawsys::fd notify, bool by_name) {
  bool unwatched = false;
  for (int i = 0; i < nfiles; ++i) {
    file& x = files[i];
    if (x.ignore) continue;
    if (by_name) {
      // The directory too, for a name that appears or is replaced.
      char dir[4096];
      size_t n = 0, slash = 0;
      for (const char* p = x.name; *p && n + 1 < sizeof dir; ++p, ++n)
        if ((dir[n] = *p) == '/') slash = n + 1;
      if (slash == 0) dir[slash++] = '.';
      dir[slash] = '\0';
      auto w = rawsys::inotify_add_watch(notify, dir, rawsys::in::create | rawsys::in::moved_to | rawsys::in::delete_ |
                                                          rawsys::in::moved_from | rawsys::in::attrib);
      if (!w) {
        if (w.error() == errc::enospc) {
          warn("inotify resources exhausted");
        } else {
          tool::put_quoteaf(tool::begin_error() << "cannot watch parent directory of ", x.name);
          rawsys::err << ": " << message(w.error());
          tool::end_error();
        }
        return false;
      }
    }
    auto w = rawsys::inotify_add_watch(notify, x.name, file_watch);
    if (w) continue;
    unwatched |= x.fd >= 0;
    if (w.error() == errc::enospc || w.error() == errc::enomem) {
      warn("inotify resources exhausted");
      return false;
    }
    if (static_cast<int>(w.error()) != x.errnum) {
      tool::put_quoteaf(tool::begin_error() << "cannot watch ", x.name);
      rawsys::err << ": " << message(w.error());
      tool::end_error();
    }
  }
  return by_name || !unwatched;
}

// Whether anything is left to follow (coreutils' any_live_files): with -F
// always, as a name given up on may still come back.
bool any_live(bool by_name) {
  if (reopen && by_name) return true;
  for (int i = 0; i < nfiles; ++i)
    if (files[i].fd >= 0 || (!files[i].ignore && reopen)) return true;
  return false;
}

// The reader of a pipe on standard output went away: ended as a write to
// it would end tail (SIGPIPE, or status 1 where SIGPIPE is ignored).
[[noreturn]] void output_gone() {
  (void)rawsys::kill(rawsys::getpid(), rawsys::sig::pipe);
  rawsys::exit_program(1);
}

[[noreturn]] void follow(bool by_name, int pid, rawsys::timespec interval, bool ok) {
  // Nowhere to write to: said before waiting, as coreutils does.
  auto out = rawsys::fstat(rawsys::stdout_fd);
  if (!out) {
    tool::error("standard output", out.error());
    rawsys::exit_program(tool::finish(1));
  }
  // A pipe on standard output is watched too: tail ends when its reader
  // does (tail -f log | head -1), not at the next write after that.
  const bool watch_output = rawsys::s::isfifo(out->mode);
  rawsys::unique_fd notify;
  if (inotify_fits(by_name, ok)) {
    if (auto n = rawsys::inotify_init1(rawsys::in::cloexec | rawsys::in::nonblock); !n) {
      tool::begin_error() << "inotify cannot be used, reverting to polling: " << message(n.error());
      tool::end_error();
    } else if (add_watches(*n, by_name)) {
      notify = static_cast<rawsys::unique_fd&&>(*n);
    } else {
      warn("inotify cannot be used, reverting to polling");
    }
  }
  const bool inotify = notify.get() >= 0;
  // What comes next gets a header unless it is the last operand's.
  last_shown = nfiles - 1;
  for (;;) {
    if (auto s = rawsys::out.flush(); !s) write_failed(s.error());
    // coreutils dies there with inotify; polling, it ends as any run does
    // (status 1 only after an error).
    if (!any_live(by_name)) {
      warn("no files remaining");
      rawsys::exit_program(inotify || !ok ? 1 : 0);
    }
    rawsys::pollfd p[2] = {{notify.get(), rawsys::poll::in, rawsys::poll::none},
                           {1, rawsys::poll::none, rawsys::poll::none}};
    // With inotify only --pid needs a timer: names are looked at again on
    // their directories' events (-s is then unused, as in coreutils).
    const bool timed = pid != 0 || !inotify;
    (void)rawsys::ppoll(p, watch_output ? 2 : 1, timed ? &interval : nullptr);
    if (watch_output && p[1].revents != rawsys::poll::none) output_gone();
    // With inotify, names are looked at again only after an event other
    // than a write (a write is most of them: no open(2) per name for it).
    bool names_moved = !inotify;
    if (inotify)
      for (size_t n; (n = fill(notify, buf, sizeof buf).value_or(0)) != 0;)
        for (const auto& e : rawsys::inotify_events(buf, n)) names_moved |= e.mask != rawsys::in::modify;
    bool ended = false;
    if (pid != 0)
      if (auto k = rawsys::kill(pid, rawsys::sig{0}); !k) ended = k.error() == errc::esrch;
    for (int i = 0; i < nfiles; ++i) {
      if (files[i].ignore) continue;
      if (names_moved && (by_name || files[i].fd < 0)) recheck(i, by_name, notify);
      read_more(i);
    }
    if (ended) {
      if (auto s = rawsys::out.flush(); !s) write_failed(s.error());
      rawsys::exit_program(inotify || ok ? 0 : 1);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  enum { auto_headers, never, always } show = auto_headers;
  bool forever = false, by_name = false, retry = false;
  int pid = 0;
  rawsys::timespec interval{1, 0};

  const bool old = obsolete(argc, argv, forever);
  if (old) {
    argv[1] = argv[0];
    ++argv;
    --argc;
  }
  static const char* const longs[] = {"bytes", "lines", "follow", "quiet", "silent", "verbose", "zero-terminated",
                                      "sleep-interval", "pid", "retry", "max-unchanged-stats", "help", "version"};
  int early = 1;
  const int operands = tool::parse(argc, argv, "c:n:fFqs:vz0123456789\x03::\x04:\x05\x06:\x01\x02", longs,
                                   "cn\x03qqvzs\x04\x05\x06\x01\x02", 13, [&](char key, const char* arg) {
    switch (key) {
      case 'c': return set_count(arg, false);
      case 'n': return set_count(arg, true);
      case 'f': forever = true; by_name = false; return true;
      case 'F': forever = by_name = retry = true; return true;
      case '\x03': {
        forever = true;
        if (!arg || tool::eq(arg, "descriptor") || (*arg && tool::starts_with("descriptor", arg))) {
          by_name = false;
          return true;
        }
        if (*arg && tool::starts_with("name", arg)) {
          by_name = true;
          return true;
        }
        tool::quote(tool::begin_error() << "invalid argument ", arg);
        rawsys::err << " for '--follow'";
        tool::end_error();
        rawsys::err << "Valid arguments are:\n  - 'descriptor'\n  - 'name'\n";
        tool::try_help();
        return false;
      }
      case 'q': show = never; return true;
      case 'v': show = always; return true;
      case 'z': line_end = '\0'; return true;
      case 's':
        if (!parse_seconds(arg, interval)) {
          tool::bad_number("invalid number of seconds", arg, errc::einval);
          return false;
        }
        return true;
      case '\x04': {
        auto v = tool::parse_int(arg);
        if (!v || *v < 0 || *v > 0x7fffffff) {
          tool::bad_number("invalid PID", arg, errc::einval);
          return false;
        }
        pid = static_cast<int>(*v);
        return true;
      }
      case '\x05': retry = true; return true;
      case '\x06': return true;
      case tool::help: early = tool::usage("[OPTION]... [FILE]...", "Print the last 10 lines of each FILE to standard output."); return false;
      case tool::version: early = tool::version_text("tail"); return false;
      default:
        tool::begin_error() << "option used in invalid context -- " << key;
        tool::end_error();
        return false;
    }
  });
  if (operands < 0) return early;
  if (retry && !forever) {
    tool::begin_error() << "warning: --retry ignored; --retry is useful only when following";
    tool::end_error();
  } else if (retry && !by_name) {
    tool::begin_error() << "warning: --retry only effective for the initial open";
    tool::end_error();
  }
  if (pid != 0 && !forever) {
    tool::begin_error() << "warning: PID ignored; --pid=PID is useful only when following";
    tool::end_error();
  }

  if (forever && operands > max_files) {
    tool::begin_error() << "cannot follow more than " << max_files << " files";
    tool::end_error();
    return tool::finish(1);
  }
  // Without following, a file's slot is free once it is printed.
  const int count = operands == 0 ? 1 : operands;
  auto name_of = [&](int i) { return operands == 0 ? "-" : argv[1 + i]; };
  if (by_name)
    for (int i = 0; i < count; ++i)
      if (tool::eq(name_of(i), "-")) {
        tool::put_quoteaf(tool::begin_error() << "cannot follow ", "-");
        rawsys::err << " by name";
        tool::end_error();
        return tool::finish(1);
      }
  reopen = retry && forever;
  headers = show == always || (show == auto_headers && count > 1);
  nfiles = count < max_files ? count : max_files;
  int status = 0;
  for (int n = 0; n < count; ++n) {
    // Without following, a slot is free again once its file is printed.
    const int i = n % max_files;
    file& x = files[i];
    x = file{};
    x.name = name_of(n);
    const bool is_stdin = tool::eq(x.name, "-");
    x.shown = is_stdin ? "standard input" : x.name;
    rawsys::unique_fd owned;
    rawsys::fd in = rawsys::stdin_fd;
    if (!is_stdin) {
      auto f = rawsys::openat(rawsys::at_fdcwd, x.name, rawsys::o::rdonly | rawsys::o::cloexec);
      if (!f) {
        tool::put_quoteaf(tool::begin_error() << "cannot open ", x.name);
        rawsys::err << " for reading: " << message(f.error());
        tool::end_error();
        status = 1;
        // Waited for with --retry, else given up (coreutils' tail_file).
        x.errnum = static_cast<int>(f.error());
        x.ignore = !reopen;
        x.tailable = !reopen;
        continue;
      }
      owned = static_cast<rawsys::unique_fd&&>(*f);
      in = owned;
    }
    rawsys::statx_t st{};
    const auto known = identity(in, st);
    x.mode = known ? st.mode : 0;
    x.dev = dev_of(st);
    x.ino = st.ino;
    header(i);
    const bool regular = rawsys::s::isreg(x.mode);
    const int64_t start = regular ? rawsys::lseek(in, 0, rawsys::seek::cur).value_or(-1) : -1;
    bool ok;
    if (rawsys::s::isdir(x.mode)) read_error(x.shown, errc::eisdir), ok = false;
    else if (from_start) ok = tail_from(in, x.shown, regular && start >= 0);
    else if (regular && start >= 0) ok = tail_regular(in, x.shown, start, static_cast<int64_t>(st.size));
    else ok = tail_stream(in, x.shown);
    if (!ok) status = 1;
    if (!forever) continue;
    x.errnum = ok ? 0 : -1;
    if (!known) {
      read_error(x.shown, known.error());
      ok = false;
    } else if (!tailable_type(x.mode)) {
      ok = false;
      x.tailable = false;
      x.ignore = !reopen;
      tool::put_quotef(tool::begin_error(), x.shown);
      rawsys::err << ": cannot follow end of this type of file" << (x.ignore ? "; giving up on this name" : "");
      tool::end_error();
    }
    if (!ok) {
      status = 1;
      x.ignore = !reopen || is_stdin;  // standard input has no name to look up again
      continue;
    }
    x.pos = rawsys::lseek(in, 0, rawsys::seek::cur).value_or(0);
    x.fd = is_stdin ? 0 : owned.release();
    // A FIFO or device tail opened is read without waiting: an idle writer
    // must not hold up the other files. (Not standard input: its file
    // description is shared with the shell that started tail.)
    if (!regular && !is_stdin)
      if (auto fl = rawsys::fcntl_getfl(rawsys::fd(x.fd)))
        (void)rawsys::fcntl(rawsys::fd(x.fd), rawsys::f::setfl, static_cast<unsigned long>(*fl | rawsys::o::nonblock));
    x.remote = on_remote_fs(rawsys::fd(x.fd), x.shown);
  }
  if (forever) {
    // Standard input that is a pipe or FIFO is not followed; when nothing
    // else is left, tail ends (coreutils' ignore_fifo_and_pipe).
    int viable = 0;
    for (int i = 0; i < nfiles; ++i) {
      file& x = files[i];
      if (tool::eq(x.name, "-") && !x.ignore && x.fd >= 0 && rawsys::s::isfifo(x.mode)) {
        x.fd = -1;
        x.ignore = true;
      } else {
        ++viable;
      }
    }
    if (viable) follow(by_name, pid, interval, status == 0);
  }
  return tool::finish(status);
}
