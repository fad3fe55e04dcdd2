// id(1) as in coreutils: the user and group IDs of this process (getresuid,
// getresgid, getgroups) or of each USER (by name or number), with names
// from /etc/passwd and /etc/group (the files alone: no NSS modules). -u,
// -g, -G: the effective user ID, group ID or every group ID alone; -n:
// names instead of numbers; -r: the real IDs; -z: NUL after each; -a is
// accepted and ignored, as in coreutils.
#include <rawsys/file.hpp>
#include <rawsys/process.hpp>
#include <rawsys/start.hpp>

#include "args.hpp"
#include "users.hpp"

namespace {

using rawsys::errc;
using tool::group;
using tool::number;
using tool::same;
using tool::user;
using tool::find_user;
using tool::group_name;
using tool::user_name;

constexpr int max_groups = 65536;
unsigned groups[max_groups];

void add(int& n, unsigned g) {
  for (int i = 0; i < n; ++i)
    if (groups[i] == g) return;
  if (n < max_groups) groups[n++] = g;
}

// The groups of NAME (its primary group GID first, then each that lists
// it, as getgrouplist(3)), or of this process (EGID first unless it is
// among them), into groups[].
int group_list(const char* name, unsigned gid) {
  int n = 0;
  if (name) {
    add(n, gid);
    group.load("/etc/group");
    group.find([&](const auto* f, int count) {
      unsigned g;
      if (count < 4 || !number(f[2].p, f[2].n, g)) return false;
      for (size_t i = 0; i < f[3].n;) {
        size_t e = i;
        while (e < f[3].n && f[3].p[e] != ',') ++e;
        if (same(f[3].p + i, e - i, name)) add(n, g);
        i = e + 1;
      }
      return false;
    });
    return n;
  }
  static unsigned list[max_groups];
  auto r = rawsys::getgroups(max_groups, list);
  const int got = r ? *r : 0;
  bool has_egid = false;
  for (int i = 0; i < got; ++i) has_egid = has_egid || list[i] == gid;
  if (!has_egid) add(n, gid);
  for (int i = 0; i < got; ++i) add(n, list[i]);
  return n;
}

int status = 0;

// ID, or its name (NAME_OF's) when NAMES; the number and a message when
// it has none.
void put_id(unsigned id, bool names, const char* (*name_of)(unsigned), const char* what) {
  if (names) {
    if (const char* n = name_of(id)) {
      rawsys::out << n;
      return;
    }
    tool::begin_error() << "cannot find name for " << what << " ID " << id;
    tool::end_error();
    status = 1;
  }
  rawsys::out << id;
}

void put_group(unsigned gid, bool names) { put_id(gid, names, group_name, "group"); }

// "ID(NAME)", or "ID" when it has no name.
void put_full(unsigned id, const char* (*name_of)(unsigned)) {
  rawsys::out << id;
  if (const char* n = name_of(id)) rawsys::out << '(' << n << ')';
}

}  // namespace

int main(int argc, char** argv) {
  tool::program = argv[0];
  bool just_user = false, just_group = false, just_groups = false, names = false, real = false, zero = false;
  static const char* const longs[] = {"context", "group", "groups", "name", "real", "user", "zero", "help", "version"};
  int early = 1;
  const int users = tool::parse(argc, argv, "aZgGnruz\x01\x02", longs, "ZgGnruz\x01\x02", 9, [&](char key, const char*) {
    switch (key) {
      case 'a': return true;
      case 'Z':
        tool::begin_error() << "--context (-Z) works only on an SELinux-enabled kernel";
        tool::end_error();
        return false;
      case 'g': just_group = true; return true;
      case 'G': just_groups = true; return true;
      case 'n': names = true; return true;
      case 'r': real = true; return true;
      case 'u': just_user = true; return true;
      case 'z': zero = true; return true;
      case tool::help: early = tool::usage("[OPTION]... [USER]...", "Print user and group information for each specified USER,\nor (when USER omitted) for the current process."); return false;
      default: early = tool::version_text("id"); return false;
    }
  });
  if (users < 0) return early;
  if (just_user + just_group + just_groups > 1) {
    tool::begin_error() << "cannot print \"only\" of more than one choice";
    tool::end_error();
    return 1;
  }
  const bool default_format = !just_user && !just_group && !just_groups;
  if (default_format && (names || real)) {
    tool::begin_error() << "cannot print only names or real IDs in default format";
    tool::end_error();
    return 1;
  }
  if (default_format && zero) {
    tool::begin_error() << "option --zero not permitted in default format";
    tool::end_error();
    return 1;
  }
  const char end = zero ? '\0' : '\n';

  for (int i = users ? 1 : 0; i <= users; ++i) {
    unsigned ruid, euid, suid, rgid, egid, sgid;
    const char* name = nullptr;
    user u;
    if (i == 0) {
      if (!rawsys::getresuid(&ruid, &euid, &suid) || !rawsys::getresgid(&rgid, &egid, &sgid)) {
        ruid = euid = rawsys::getuid();
        rgid = egid = rawsys::getgid();
      }
    } else {
      const char* spec = argv[i];
      bool found = false;
      if (*spec) {
        found = find_user(spec, 0, u);
        if (!found) {
          // A number ("+N" only as a number) of a user that exists.
          unsigned id;
          const char* digits = *spec == '+' ? spec + 1 : spec;
          size_t n = 0;
          while (digits[n]) ++n;
          found = number(digits, n, id) && find_user(nullptr, id, u);
        }
      }
      if (!found) {
        tool::quote(tool::begin_error(), spec);
        rawsys::err << ": no such user";
        // coreutils passes on the errno its locale setup left: an empty
        // name is never looked up, so that one is what it says.
        if (!*spec) rawsys::err << ": " << message(errc::enoent);
        tool::end_error();
        status = 1;
        continue;
      }
      name = u.name;
      ruid = euid = u.uid;
      rgid = egid = u.gid;
    }
    if (just_user) {
      put_id(real ? ruid : euid, names, user_name, "user");
      rawsys::out << end;
    } else if (just_group) {
      put_group(real ? rgid : egid, names);
      rawsys::out << end;
    } else if (just_groups) {
      // The real group, the effective one, then the others.
      put_group(rgid, names);
      if (egid != rgid) {
        rawsys::out << (zero ? '\0' : ' ');
        put_group(egid, names);
      }
      const int n = group_list(name, name ? rgid : egid);
      for (int k = 0; k < n; ++k)
        if (groups[k] != rgid && groups[k] != egid) {
          rawsys::out << (zero ? '\0' : ' ');
          put_group(groups[k], names);
        }
      rawsys::out << end;
      if (zero && users > 1) rawsys::out << '\0';  // coreutils: lists of several users apart
    } else {
      put_full((rawsys::out << "uid=", ruid), user_name);
      put_full((rawsys::out << " gid=", rgid), group_name);
      if (euid != ruid) put_full((rawsys::out << " euid=", euid), user_name);
      if (egid != rgid) put_full((rawsys::out << " egid=", egid), group_name);
      const int n = group_list(name, name ? rgid : egid);
      if (n > 0) rawsys::out << " groups=";
      for (int k = 0; k < n; ++k) {
        if (k) rawsys::out << ',';
        put_full(groups[k], group_name);
      }
      rawsys::out << '\n';
    }
  }
  return tool::finish(status);
}
