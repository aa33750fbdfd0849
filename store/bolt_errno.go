package store

import (
	"errors"
	"strings"
	"syscall"
)

// bbolt reports some failures of the file with the system's words but
// without the error itself ("file resize error: truncate …: file too
// large", fmt's %s rather than %w), so KindOf could not tell a full disk
// or a file-size limit met while the file grows from any other failure.
// boltErrno gives such an error back its error number, recognised by the
// system's own words at the end of bbolt's message.

// boltPrefixes are the messages of bbolt that drop the error they quote.
var boltPrefixes = []string{"file resize error: ", "file sync error: ", "mmap allocate error: ", "mmap error: "}

// errnoError is err, whose text it keeps, with the error number bbolt
// dropped from it.
type errnoError struct {
	err   error
	errno syscall.Errno
}

func (e errnoError) Error() string   { return e.err.Error() }
func (e errnoError) Unwrap() []error { return []error{e.err, e.errno} }

// boltErrno returns err with the error number it quotes, when it is one
// of bbolt's messages above quoting one of the numbers KindOf knows and
// the chain holds none; otherwise err as it is.
func boltErrno(err error) error {
	var errno syscall.Errno
	if err == nil || errors.As(err, &errno) {
		return err
	}
	msg := err.Error()
	i := -1
	for _, p := range boltPrefixes {
		if j := strings.Index(msg, p); j >= 0 {
			i = j + len(p)
			break
		}
	}
	if i < 0 {
		return err
	}
	for _, list := range [][]syscall.Errno{fullErrnos, readOnlyErrnos, goneErrnos, {syscall.EACCES, syscall.EPERM}} {
		for _, e := range list {
			if strings.Contains(msg[i:], e.Error()) {
				return errnoError{err: err, errno: e}
			}
		}
	}
	return err
}
