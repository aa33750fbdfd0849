package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// The sentinel errors. The store always wraps them with the database path
// appended in parentheses, so a message can be shown to the person as it
// is; compare with errors.Is, never with ==.
var (
	// ErrLocked means another digikomp (or another Open in this process)
	// holds the database's lock and did not let go within the timeout.
	ErrLocked = errors.New("digikomp is already open in another window")

	// ErrForeign means the path holds something that is not a digikomp
	// database: not a bbolt file at all, or a bbolt file without our marker.
	ErrForeign = errors.New("not a digikomp database")

	// ErrCorrupt means a digikomp database is damaged: truncated, with bad
	// checksums, with pages that made bbolt panic or fault, or with a
	// record that does not decode.
	ErrCorrupt = errors.New("the digikomp database is damaged")

	// ErrEmpty means the file has zero bytes. bbolt would silently turn it
	// into a fresh database, which would hide whatever emptied it.
	ErrEmpty = errors.New("the database file is empty")

	// ErrNewerSchema means a newer digikomp wrote the file. It is left
	// untouched so that the newer version can still read it.
	ErrNewerSchema = errors.New("the database was written by a newer digikomp")

	// ErrNotFound means the attempt or profile does not exist.
	ErrNotFound = errors.New("not found")

	// ErrFinished means the attempt was finished and may no longer change.
	ErrFinished = errors.New("the attempt is already finished")

	// ErrUnfinishedExists means the profile already has an unfinished
	// attempt, which must be resumed or discarded first.
	ErrUnfinishedExists = errors.New("an unfinished attempt already exists")

	// ErrReadOnly means a write was asked of a store opened ReadOnly, or a
	// read-only open met a file that first needs migrating.
	ErrReadOnly = errors.New("the database is open read-only")

	// ErrInvalid means an argument was refused before anything was
	// written: an empty or over-long id, over-long text, invalid UTF-8, a
	// rating out of range or a position out of range.
	ErrInvalid = errors.New("invalid argument")

	// ErrExists means a backup was asked to write over an existing file
	// without being told it may.
	ErrExists = errors.New("the file already exists")

	// ErrDestination means the backup could not be written where it was
	// asked to go (a missing folder, no permission, a full disk); the
	// database itself was read without trouble.
	ErrDestination = errors.New("the backup could not be written")

	// ErrNotRegular means a backup was asked to replace something that is
	// not a regular file: a device (as root, /dev/full), a FIFO, a folder.
	ErrNotRegular = errors.New("not a regular file")

	// ErrNoProfile means the profile does not exist; it is also
	// ErrNotFound.
	ErrNoProfile = fmt.Errorf("profile %w", ErrNotFound)

	// ErrProfileExists means another profile already has the name, in
	// any case.
	ErrProfileExists = errors.New("another profile already has this name")

	// ErrPINWait means a PIN was tried before the wait after earlier
	// wrong tries was over: nothing was judged or counted.
	ErrPINWait = errors.New("too many wrong PINs: wait before trying again")

	// ErrGone means the database file was removed or replaced while the
	// store had it open: what is written goes to a file no one will see.
	ErrGone = errors.New("the database file was removed or replaced while it was open")
)

// Kind is a cause of a failed read or write that a person can act on,
// each explained by its own sentence. Damage is not a Kind: it has its
// own sentinel, ErrCorrupt, and only a failed check of the file's bytes
// is damage. Everything else is KindOther.
type Kind int

const (
	KindOther    Kind = iota
	KindFull          // the disk is full, or a quota or file-size limit is reached
	KindReadOnly      // the disk or file system is read-only
	KindDenied        // no permission to write the file or its folder
	KindGone          // the file was removed or replaced, or its disk went away
)

// KindOf classifies err by the system error it wraps.
func KindOf(err error) Kind {
	switch {
	case err == nil:
		return KindOther
	case errors.Is(err, ErrGone) || isErrno(err, goneErrnos):
		return KindGone
	case isErrno(err, fullErrnos):
		return KindFull
	case errors.Is(err, ErrReadOnly) || isErrno(err, readOnlyErrnos):
		return KindReadOnly
	case errors.Is(err, fs.ErrPermission):
		return KindDenied
	}
	return KindOther
}

// SystemDetail is the system's own account of err without its English
// words: the error number's name (ENOSPC) and the file concerned, for a
// person to quote to whoever helps them. ok is false when err holds no
// system error number.
func SystemDetail(err error) (detail string, ok bool) {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return "", false
	}
	detail = errnoName(errno)
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		detail += ", " + pe.Path
	case errors.As(err, &le):
		detail += ", " + le.New
	}
	return detail, true
}

// isErrno reports whether err wraps one of errnos.
func isErrno(err error, errnos []syscall.Errno) bool {
	for _, e := range errnos {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// atPath appends the database path to err in the form every sentinel is
// shown in, "message (PATH)". Errors from the os package already name the
// path and are returned as they are.
func atPath(err error, path string) error {
	if err == nil {
		return nil
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == path {
		return err
	}
	return fmt.Errorf("%w (%s)", err, path)
}
