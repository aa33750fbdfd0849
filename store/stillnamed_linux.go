package store

import (
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
)

// stillNamed reports whether path names the file ident describes, asking
// the kernel for the device and inode number only.
//
// It runs after every write. A stat that asks for the file's times marks
// them as seen, and since Linux 6.13 (multigrain timestamps) the next
// write must then give the file a new fine-grained time, dirtying its
// inode, which the save's fdatasync writes out: one more disk write per
// answer, measured as a third of SaveRating's margin over a bare bbolt
// commit. statx with STATX_INO alone does not look at the times.
func stillNamed(path string, ident fs.FileInfo) (bool, error) {
	st, ok := ident.Sys().(*syscall.Stat_t)
	if !ok {
		return statSame(path, ident)
	}
	var x unix.Statx_t
	if err := unix.Statx(unix.AT_FDCWD, path, 0, unix.STATX_INO, &x); err != nil {
		if err == unix.ENOSYS {
			return statSame(path, ident)
		}
		return false, &fs.PathError{Op: "statx", Path: path, Err: err}
	}
	return x.Ino == st.Ino && unix.Mkdev(x.Dev_major, x.Dev_minor) == uint64(st.Dev), nil
}
