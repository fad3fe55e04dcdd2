// Shared by file_test.cpp and fs_test.cpp: a temporary directory that cleans
// up after itself, descriptors from glibc that close themselves, and rawsys
// results in the shape of rawsys_test::glibc() for comparison.
#pragma once

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <type_traits>

#include "skip.hpp"  // skip(), and error_of(): only the error of a result
#include "support.hpp"

namespace rawsys_test {

// A directory under /tmp made by mkdtemp, removed with everything in it.
class temp_dir {
 public:
  temp_dir() {
    char t[] = "/tmp/rawsys-files-XXXXXX";
    REQUIRE(::mkdtemp(t) != nullptr);
    path_ = t;
  }
  ~temp_dir() {
    ::nftw(path_.c_str(), [](const char* p, const struct stat*, int, FTW*) { return ::remove(p); }, 16,
           FTW_DEPTH | FTW_PHYS);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  const char* c_str() const { return path_.c_str(); }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A descriptor glibc gave, closed at scope exit.
class cfd {
 public:
  explicit cfd(int n) : n_(n) {}
  ~cfd() {
    if (n_ >= 0) ::close(n_);
  }
  cfd(cfd&& o) noexcept : n_(o.n_) { o.n_ = -1; }
  cfd(const cfd&) = delete;
  cfd& operator=(const cfd&) = delete;
  int get() const { return n_; }
  operator rawsys::fd() const { return rawsys::fd{n_}; }

 private:
  int n_;
};

// A rawsys result as result<long>, to compare with glibc(...): the value (a
// descriptor's number; 0 for result<void> and for a struct filled, as glibc's
// call returns 0 then) or the error.
inline rawsys::result<long> outcome(const rawsys::result<void>& r) {
  if (!r) return rawsys::unexpected(r.error());
  return 0L;
}
template <class T>
rawsys::result<long> outcome(const rawsys::result<T>& r) {
  if (!r) return rawsys::unexpected(r.error());
  if constexpr (std::is_same_v<T, rawsys::unique_fd> || std::is_same_v<T, rawsys::fd>)
    return static_cast<long>(r->get());
  else if constexpr (std::is_class_v<T>)
    return 0L;
  else
    return static_cast<long>(*r);
}

// Writes a whole file with glibc.
inline void write_file(const std::string& path, const std::string& text, mode_t mode = 0644) {
  cfd f(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode));
  REQUIRE(f.get() >= 0);
  REQUIRE(::write(f.get(), text.data(), text.size()) == static_cast<ssize_t>(text.size()));
}

// Checks in a forked child, whose doctest records are lost: each failed one
// is printed with its line and counted; the count is the child's exit status:
//   child_checks checks; EXPECT(x == 1); return checks.status();
struct child_checks {
  int failed = 0;
  void operator()(bool ok, int line) {
    if (!ok) {
      fprintf(stderr, "line %d: check failed in the child\n", line);
      ++failed;
    }
  }
  int status() const { return failed > 100 ? 100 : failed; }
};
#define EXPECT(c) checks((c), __LINE__)

// Runs fn in a child made by fork(2); its return value is the child's exit
// status (0 for success), which this returns.
template <class F>
int in_child(F fn) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) ::_exit(fn());
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  return WEXITSTATUS(status);
}

}  // namespace rawsys_test
