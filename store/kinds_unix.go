//go:build !windows

package store

import (
	"fmt"
	"syscall"

	"golang.org/x/sys/unix"
)

// The system errors behind each Kind. EFBIG is a file-size limit (ulimit
// -f, a FAT stick's 4 GB), which the person meets as a full disk.
var (
	fullErrnos     = []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG}
	readOnlyErrnos = []syscall.Errno{syscall.EROFS}
	goneErrnos     = []syscall.Errno{syscall.ESTALE, syscall.ENODEV, syscall.ENXIO}
)

// errnoName is the error number's symbolic name, the same in every
// language: ENOSPC rather than "no space left on device".
func errnoName(e syscall.Errno) string {
	if name := unix.ErrnoName(e); name != "" {
		return name
	}
	return fmt.Sprintf("errno %d", int(e))
}
