package store

import (
	"fmt"
	"syscall"
)

// The system errors behind each Kind, as Windows numbers them
// (winerror.h); syscall's Unix names are invented values there that no
// Windows call returns. Access denied is fs.ErrPermission on Windows too.
var (
	fullErrnos = []syscall.Errno{
		39,   // ERROR_HANDLE_DISK_FULL
		112,  // ERROR_DISK_FULL
		223,  // ERROR_FILE_TOO_LARGE
		1295, // ERROR_DISK_QUOTA_EXCEEDED
	}
	readOnlyErrnos = []syscall.Errno{
		19, // ERROR_WRITE_PROTECT
	}
	goneErrnos = []syscall.Errno{
		21,   // ERROR_NOT_READY: the stick was pulled out
		55,   // ERROR_DEV_NOT_EXIST
		1617, // ERROR_DEVICE_REMOVED
	}
)

// errnoName is the error's number as Windows documents it, the same in
// every language.
func errnoName(e syscall.Errno) string {
	return fmt.Sprintf("Windows %d", uint(e))
}
