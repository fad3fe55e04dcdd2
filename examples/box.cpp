// box: every tool of examples/ in one program, as busybox and toybox are.
// The tool is the name box runs as (the last part of argv[0], so a link
// named ls runs ls), or else the first argument ("box ls -l"); "box --list"
// prints the names, one a line.
//
// Each tool's source is compiled here unchanged, inside a namespace of its
// own, so that its main is box_NAME::main and its file-scope names stay
// apart from the other tools'. The headers the tools include are included
// first, at global scope; their include guards then keep the tools'
// #include lines from opening them again inside a namespace. The tools
// built alone stay exactly what they were.
#include <rawsys/nr/i386.hpp>
#include <rawsys/nr/x86_64.hpp>
#include <rawsys/rawsys.hpp>
#include <rawsys/start.hpp>
#include <rawsys/tool.hpp>

#include "args.hpp"
#include "exec.hpp"
#include "fs_types.hpp"
#include "fsops.hpp"
#include "membuf.hpp"
#include "modes.hpp"
#include "paths.hpp"
#include "random_name.hpp"
#include "signals.hpp"
#include "tool.hpp"
#include "tracer.hpp"
#include "users.hpp"

// clang-format off
namespace box_hello {
#include "hello.cpp"
}
namespace box_true {
#include "true.cpp"
}
namespace box_false {
#include "false.cpp"
}
namespace box_echo {
#include "echo.cpp"
}
namespace box_env {
#include "env.cpp"
}
namespace box_cat {
#include "cat.cpp"
}
namespace box_wc {
#include "wc.cpp"
}
namespace box_ls {
#include "ls.cpp"
}
namespace box_sleep {
#include "sleep.cpp"
}
namespace box_syscount {
#include "syscount.cpp"
}
namespace box_sandbox {
#include "sandbox.cpp"
}
namespace box_head {
#include "head.cpp"
}
namespace box_mkdir {
#include "mkdir.cpp"
}
namespace box_rmdir {
#include "rmdir.cpp"
}
namespace box_tail {
#include "tail.cpp"
}
namespace box_tee {
#include "tee.cpp"
}
namespace box_yes {
#include "yes.cpp"
}
namespace box_basename {
#include "basename.cpp"
}
namespace box_dirname {
#include "dirname.cpp"
}
namespace box_pwd {
#include "pwd.cpp"
}
namespace box_printenv {
#include "printenv.cpp"
}
namespace box_nproc {
#include "nproc.cpp"
}
namespace box_uname {
#include "uname.cpp"
}
namespace box_sync {
#include "sync.cpp"
}
namespace box_rm {
#include "rm.cpp"
}
namespace box_seq {
#include "seq.cpp"
}
namespace box_cp {
#include "cp.cpp"
}
namespace box_mv {
#include "mv.cpp"
}
namespace box_ln {
#include "ln.cpp"
}
namespace box_chmod {
#include "chmod.cpp"
}
namespace box_readlink {
#include "readlink.cpp"
}
namespace box_realpath {
#include "realpath.cpp"
}
namespace box_timeout {
#include "timeout.cpp"
}
namespace box_trace {
#include "trace.cpp"
}
namespace box_truncate {
#include "truncate.cpp"
}
namespace box_mktemp {
#include "mktemp.cpp"
}
namespace box_touch {
#include "touch.cpp"
}
namespace box_id {
#include "id.cpp"
}
namespace box_kill {
#include "kill.cpp"
}
namespace box_stat {
#include "stat.cpp"
}
// clang-format on

namespace {

// Each form of main, called with what the runtime passed to box's.
int call(int (*f)(), int, char**, char**) { return f(); }
int call(int (*f)(int, char**), int argc, char** argv, char**) { return f(argc, argv); }
int call(int (*f)(int, char**, char**), int argc, char** argv, char** envp) { return f(argc, argv, envp); }

struct entry {
  const char* name;
  int (*run)(int, char**, char**);
};

#define BOX_TOOL(name) {#name, [](int argc, char** argv, char** envp) { return call(&box_##name::main, argc, argv, envp); }}

// In the order --list prints them: by name.
const entry tools[] = {
    BOX_TOOL(basename), BOX_TOOL(cat), BOX_TOOL(chmod), BOX_TOOL(cp), BOX_TOOL(dirname),
    BOX_TOOL(echo), BOX_TOOL(env), BOX_TOOL(false), BOX_TOOL(head), BOX_TOOL(hello), BOX_TOOL(id),
    BOX_TOOL(kill), BOX_TOOL(ln), BOX_TOOL(ls), BOX_TOOL(mkdir), BOX_TOOL(mktemp), BOX_TOOL(mv),
    BOX_TOOL(nproc), BOX_TOOL(printenv), BOX_TOOL(pwd), BOX_TOOL(readlink), BOX_TOOL(realpath),
    BOX_TOOL(rm), BOX_TOOL(rmdir), BOX_TOOL(sandbox), BOX_TOOL(seq), BOX_TOOL(sleep), BOX_TOOL(stat),
    BOX_TOOL(sync), BOX_TOOL(syscount), BOX_TOOL(tail), BOX_TOOL(tee), BOX_TOOL(timeout),
    BOX_TOOL(touch), BOX_TOOL(trace), BOX_TOOL(true), BOX_TOOL(truncate), BOX_TOOL(uname),
    BOX_TOOL(wc), BOX_TOOL(yes),
};

const entry* find(const char* name) {
  for (const entry& e : tools)
    if (tool::eq(e.name, name)) return &e;
  return nullptr;
}

const char* base_name(const char* path) {
  const char* b = path;
  for (const char* p = path; *p; ++p)
    if (*p == '/' && p[1]) b = p + 1;
  return b;
}

}  // namespace

int main(int argc, char** argv, char** envp) {
  if (argc > 0)
    if (const entry* e = find(base_name(argv[0]))) return e->run(argc, argv, envp);
  tool::program = argc > 0 ? argv[0] : "box";
  if (argc > 1) {
    if (tool::eq(argv[1], "--list")) {
      for (const entry& e : tools) rawsys::out << e.name << '\n';
      return tool::finish(0);
    }
    if (const entry* e = find(argv[1])) return e->run(argc - 1, argv + 1, envp);
    if (argv[1][0] != '-' || tool::eq(argv[1], "--help")) {
      if (argv[1][0] != '-') {
        tool::begin_error() << argv[1] << ": no such tool";
        tool::end_error();
        return 127;
      }
    } else {
      tool::begin_error() << "unrecognized option '" << argv[1] << '\'';
      tool::end_error();
      return 1;
    }
  }
  rawsys::out << "Usage: " << tool::program << " TOOL [ARGUMENT]...\n"
              << "   or: TOOL [ARGUMENT]...  (box run by that name, through a link)\n"
              << "   or: " << tool::program << " --list\n"
              << "Runs one of the tools it holds:";
  for (const entry& e : tools) rawsys::out << ' ' << e.name;
  rawsys::out << '\n';
  return tool::finish(argc > 1 ? 0 : 1);
}
