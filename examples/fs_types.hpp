// File system types by statfs(2)'s f_type, as coreutils 9.1 knows them:
// the name stat -f prints for %T, and whether tail treats the type as
// remote. tail -f does not trust inotify(7) on a remote type, nor on one
// missing here, and looks at the file every -s seconds instead; overlayfs,
// aufs, fuse and pipefs count as remote for that reason, not because they
// are network file systems.
#pragma once

#include <stdint.h>

namespace tool {

struct fs_type {
  uint32_t magic;
  bool remote;
  const char* name;
};

// In the order of the magic constants' names (S_MAGIC_AAFS, S_MAGIC_ACFS, ...).
inline constexpr fs_type fs_types[] = {
    {0x5A3C69F0, false, "aafs"},
    {0x61636673, true, "acfs"},
    {0x0000ADF5, false, "adfs"},
    {0x0000ADFF, false, "affs"},
    {0x5346414F, true, "afs"},
    {0x09041934, false, "anon-inode FS"},
    {0x61756673, true, "aufs"},
    {0x00000187, false, "autofs"},
    {0x13661366, false, "balloon-kvm-fs"},
    {0x62646576, false, "bdevfs"},
    {0x42465331, false, "befs"},
    {0x1BADFACE, false, "bfs"},
    {0x6C6F6F70, false, "binderfs"},
    {0x42494E4D, false, "binfmt_misc"},
    {0xCAFE4A11, false, "bpf_fs"},
    {0x9123683E, false, "btrfs"},
    {0x73727279, false, "btrfs_test"},
    {0x00C36400, true, "ceph"},
    {0x0027E0EB, false, "cgroupfs"},
    {0x63677270, false, "cgroup2fs"},
    {0xFF534D42, true, "cifs"},
    {0x73757245, true, "coda"},
    {0x012FF7B7, false, "coh"},
    {0x62656570, false, "configfs"},
    {0x28CD3D45, false, "cramfs"},
    {0x453DCD28, false, "cramfs-wend"},
    {0x64646178, false, "daxfs"},
    {0x64626720, false, "debugfs"},
    {0x00001373, false, "devfs"},
    {0x454D444D, false, "devmem"},
    {0x00001CD1, false, "devpts"},
    {0x444D4142, false, "dma-buf-fs"},
    {0x0000F15F, false, "ecryptfs"},
    {0xDE5E81E4, false, "efivarfs"},
    {0x00414A53, false, "efs"},
    {0xE0F5E1E2, false, "erofs"},
    {0x2011BAB0, false, "exfat"},
    {0x45584653, false, "exfs"},
    {0x00005DF5, false, "exofs"},
    {0x0000137D, false, "ext"},
    {0x0000EF53, false, "ext2/ext3"},
    {0x0000EF51, false, "ext2"},
    {0xF2F52010, false, "f2fs"},
    {0x00004006, false, "fat"},
    {0x19830326, true, "fhgfs"},
    {0x65735546, true, "fuseblk"},
    {0x65735543, true, "fusectl"},
    {0x0BAD1DEA, false, "futexfs"},
    {0x01161970, true, "gfs/gfs2"},
    {0x47504653, true, "gpfs"},
    {0x00004244, false, "hfs"},
    {0x0000482B, false, "hfs+"},
    {0x00004858, false, "hfsx"},
    {0x00C0FFEE, false, "hostfs"},
    {0xF995E849, false, "hpfs"},
    {0x958458F6, false, "hugetlbfs"},
    {0x013111A8, true, "ibrix"},
    {0x2BAD1DEA, false, "inotifyfs"},
    {0x00009660, false, "isofs"},
    {0x00004004, false, "isofs"},
    {0x00004000, false, "isofs"},
    {0x000007C0, false, "jffs"},
    {0x000072B6, false, "jffs2"},
    {0x3153464A, false, "jfs"},
    {0x6B414653, true, "k-afs"},
    {0xC97E8168, false, "logfs"},
    {0x0BD00BD0, true, "lustre"},
    {0x5346314D, false, "m1fs"},
    {0x0000137F, false, "minix"},
    {0x0000138F, false, "minix (30 char.)"},
    {0x00002468, false, "minix v2"},
    {0x00002478, false, "minix v2 (30 char.)"},
    {0x00004D5A, false, "minix3"},
    {0x19800202, false, "mqueue"},
    {0x00004D44, false, "msdos"},
    {0x11307854, false, "inodefs"},
    {0x0000564C, true, "novell"},
    {0x00006969, true, "nfs"},
    {0x6E667364, true, "nfsd"},
    {0x00003434, false, "nilfs"},
    {0x6E736673, false, "nsfs"},
    {0x5346544E, false, "ntfs"},
    {0x7461636F, true, "ocfs2"},
    {0x00009FA1, false, "openprom"},
    {0x794C7630, true, "overlayfs"},
    {0xAAD7AAEA, true, "panfs"},
    {0x50495045, true, "pipefs"},
    {0xC7571590, false, "ppc-cmm-fs"},
    {0x7C7C6673, true, "prl_fs"},
    {0x00009FA0, false, "proc"},
    {0x6165676C, false, "pstorefs"},
    {0x0000002F, false, "qnx4"},
    {0x68191122, false, "qnx6"},
    {0x858458F6, false, "ramfs"},
    {0x07655821, false, "rdt"},
    {0x52654973, false, "reiserfs"},
    {0x00007275, false, "romfs"},
    {0x67596969, false, "rpc_pipefs"},
    {0x5DCA2DF5, false, "sdcardfs"},
    {0x5345434D, false, "secretmem"},
    {0x73636673, false, "securityfs"},
    {0xF97CFF8C, false, "selinux"},
    {0x43415D53, false, "smackfs"},
    {0x0000517B, true, "smb"},
    {0xFE534D42, true, "smb2"},
    {0xBEEFDEAD, true, "snfs"},
    {0x534F434B, false, "sockfs"},
    {0x73717368, false, "squashfs"},
    {0x62656572, false, "sysfs"},
    {0x012FF7B6, false, "sysv2"},
    {0x012FF7B5, false, "sysv4"},
    {0x01021994, false, "tmpfs"},
    {0x74726163, false, "tracefs"},
    {0x24051905, false, "ubifs"},
    {0x15013346, false, "udf"},
    {0x00011954, false, "ufs"},
    {0x54190100, false, "ufs"},
    {0x00009FA2, false, "usbdevfs"},
    {0x01021997, false, "v9fs"},
    {0x786F4256, true, "vboxsf"},
    {0xBACBACBC, true, "vmhgfs"},
    {0xA501FCF5, true, "vxfs"},
    {0x565A4653, false, "vzfs"},
    {0x53464846, false, "wslfs"},
    {0xABBA1974, false, "xenfs"},
    {0x012FF7B4, false, "xenix"},
    {0x58465342, false, "xfs"},
    {0x012FD16D, false, "xia"},
    {0x00000033, false, "z3fold"},
    {0x2FC12FC1, false, "zfs"},
    {0x5A4F4653, false, "zonefs"},
    {0x58295829, false, "zsmallocfs"},
};

// stat -f's name for the type; nullptr when unknown ("UNKNOWN (0x...)").
inline const char* fs_type_name(uint32_t magic) {
  for (const auto& t : fs_types)
    if (t.magic == magic) return t.name;
  return nullptr;
}

namespace detail {
constexpr int local_fs_count() {
  int n = 0;
  for (const auto& t : fs_types) n += !t.remote;
  return n;
}
struct magic_set {
  uint32_t magic[local_fs_count()];
};
// The local types' magic numbers alone, worked out while compiling: a
// program that only asks "local?" carries 4 bytes a type, not the names.
inline constexpr magic_set local_fs = [] {
  magic_set s{};
  int n = 0;
  for (const auto& t : fs_types)
    if (!t.remote) s.magic[n++] = t.magic;
  return s;
}();
}  // namespace detail

// True for a type known to be local: inotify sees every change made to it.
inline bool local_fs_type(uint32_t magic) {
  for (uint32_t m : detail::local_fs.magic)
    if (m == magic) return true;
  return false;
}

}  // namespace tool
