//go:build !windows

package store

import "syscall"

// The system errors behind each Kind. EFBIG is a file-size limit (ulimit
// -f, a FAT stick's 4 GB), which the person meets as a full disk.
var (
	fullErrnos     = []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG}
	readOnlyErrnos = []syscall.Errno{syscall.EROFS}
	goneErrnos     = []syscall.Errno{syscall.ESTALE, syscall.ENODEV, syscall.ENXIO}
)
