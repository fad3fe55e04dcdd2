// <rawsys/ipc.hpp> without libc: each wrapper once, against what msgop(2),
// semop(2), shmop(2) and mq_overview(7) document: a message queue, a
// semaphore set and a shared segment made, used, inspected and removed,
// and a POSIX queue named per process, used and unlinked.
#include <rawsys/ipc.hpp>

#include "check.hpp"

using topic::check;
namespace r = rawsys;

namespace {

struct message {
  long mtype;
  char text[8];
};

void system_v() {
  auto q = r::msgget(r::ipc::private_, r::ipc::creat, r::mode{0600});
  if (topic::not_emulated(q, "msgget")) return;
  check(q.has_value(), "msgget");
  if (!q) return;
  message m{3, "hello"};
  check(r::msgsnd(*q, &m, 6).has_value(), "msgsnd");
  message got{};
  check(r::msgrcv(*q, &got, sizeof got.text, 0, r::msq::nowait) == size_t{6} && got.mtype == 3 &&
            got.text[0] == 'h',
        "msgrcv");
  check(r::msgrcv(*q, &got, sizeof got.text, 0, r::msq::nowait) == r::unexpected(r::errc::enomsg),
        "msgrcv: empty, ENOMSG");
  r::msqid64_ds mds{};
  check(r::msgctl(*q, r::msq::cmd::stat, &mds) == 0 && mds.qnum == 0, "msgctl: stat");
  // qemu-user writes a 16-bit mode where the kernel's is 32 bits (s390x).
  if (!(topic::under_qemu() && r::abi::big_endian))
    check((mds.perm.mode & 0777) == 0600, "msgctl: stat, the mode");
  check(r::msgctl(*q, r::msq::cmd::rmid) == 0, "msgctl: rmid");

  auto s = r::semget(r::ipc::private_, 2, r::ipc::creat, r::mode{0600});
  check(s.has_value(), "semget");
  if (s) {
    check(r::semctl(*s, 1, r::sem::cmd::setval, 4) == 0, "semctl: setval");
    check(r::semctl(*s, 1, r::sem::cmd::getval) == 4, "semctl: getval");
    r::sembuf op{1, -3, 0};
    check(r::semop(*s, &op, 1).has_value(), "semop");
    const r::timespec soon{0, 1000};
    op.op = -2;
    check(r::semtimedop(*s, &op, 1, &soon) == r::unexpected(r::errc::eagain), "semtimedop: times out");
    unsigned short all[2] = {9, 9};
    check(r::semctl(*s, 0, r::sem::cmd::getall, all) == 0 && all[0] == 0 && all[1] == 1, "semctl: getall");
    r::semid64_ds sds{};
    check(r::semctl(*s, 0, r::sem::cmd::stat, &sds) == 0 && sds.nsems == 2, "semctl: stat");
    check(r::semctl(*s, 0, r::sem::cmd::rmid) == 0, "semctl: rmid");
  }

  auto h = r::shmget(r::ipc::private_, 4096, r::ipc::creat, r::mode{0600});
  check(h.has_value(), "shmget");
  if (h) {
    auto a = r::shmat(*h);
    auto b = r::shmat(*h, nullptr, r::shm::rdonly);
    check(a && b, "shmat");
    if (a && b) {
      static_cast<char*>(*a)[10] = 'x';
      check(static_cast<const char*>(*b)[10] == 'x', "shmat: one segment, two mappings");
      r::shmid64_ds hds{};
      check(r::shmctl(*h, r::shm::cmd::stat, &hds) == 0 && hds.nattch == 2 && hds.segsz == 4096,
            "shmctl: stat");
      check(r::shmdt(*a).has_value() && r::shmdt(*b).has_value(), "shmdt");
    }
    check(r::shmctl(*h, r::shm::cmd::rmid) == 0, "shmctl: rmid");
  }
}

void posix() {
  char name[64] = "/";
  char path[60];
  topic::temp_path(path, "mq");
  // "/rawsys-mq-<pid>": the last component of the temporary path.
  const char* base = path + 5;
  for (size_t i = 0; base[i] && i + 2 < sizeof name; ++i) name[i + 1] = base[i];
  auto q = r::mq_open(name, r::o::creat | r::o::rdwr | r::o::cloexec, r::mode{0600});
  if (topic::not_emulated(q, "mq_open")) return;
  check(q.has_value(), "mq_open");
  if (!q) return;
  check(r::mq_timedsend(*q, "abc", 4, 7).has_value(), "mq_timedsend");
  r::mq_attr attr{};
  check(r::mq_getsetattr(*q, nullptr, &attr).has_value() && attr.curmsgs == 1, "mq_getsetattr");
  static char buf[16384];
  unsigned prio = 0;
  check(r::mq_timedreceive(*q, buf, sizeof buf, &prio) == size_t{4} && prio == 7 && buf[0] == 'a',
        "mq_timedreceive");
  const r::timespec past{1, 0};
  check(r::mq_timedreceive(*q, buf, sizeof buf, nullptr, &past) == r::unexpected(r::errc::etimedout),
        "mq_timedreceive: ETIMEDOUT");
  r::sigevent ev{};
  ev.notify = r::sigev::none;
  auto n = r::mq_notify(*q, &ev);
  if (!topic::not_emulated(n, "mq_notify")) {
    check(n.has_value(), "mq_notify");
    check(r::mq_notify(*q, &ev) == r::unexpected(r::errc::ebusy), "mq_notify: EBUSY");
    check(r::mq_notify(*q, nullptr).has_value(), "mq_notify: removed");
  }
  check(r::mq_unlink(name).has_value(), "mq_unlink");
  check(r::mq_unlink(name) == r::unexpected(r::errc::enoent), "mq_unlink: ENOENT");
  check(r::mq_open("no-slash", r::o::rdonly) == r::unexpected(r::errc::einval), "mq_open: no slash, EINVAL");
}

}  // namespace

int main() {
  system_v();
  posix();
  return topic::finish("ipc.hpp");
}
