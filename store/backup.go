package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"go.etcd.io/bbolt"
)

// BackupOptions tune Backup.
type BackupOptions struct {
	Timeout time.Duration // lock wait, as in Options
	Force   bool          // replace an existing file at the destination
	// Verify, if set, is run on the finished copy before it takes the
	// destination's name; an error discards the copy. `digikomp backup`
	// runs its isolated check here, so a copy in place is a checked one.
	Verify func(copyPath string) error
}

// Backup writes a consistent copy of the database at path to dst: one
// read transaction's view of every page (bbolt's Tx.WriteTo), so the copy
// is whole even while answers are being saved by the same process. The
// copy is written under a temporary name beside dst, made 0600, synced,
// verified and only then renamed to dst, so a failed or interrupted backup
// never leaves a half-written file or destroys an earlier backup. Without
// opts.Force an existing dst is refused with ErrExists and left alone.
func Backup(path, dst string, opts BackupOptions) (err error) {
	if dst == "" {
		return fmt.Errorf("%w: empty backup path", ErrInvalid)
	}
	if same, err := sameFile(path, dst); err != nil {
		return err
	} else if same {
		return fmt.Errorf("%w: the backup would replace the database itself (%s)", ErrInvalid, dst)
	}
	s, err := Open(path, Options{ReadOnly: true, Timeout: opts.Timeout, olderOK: true})
	if err != nil {
		return err
	}
	defer func() {
		if cerr := s.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()

	dir := filepath.Dir(dst)
	// Only a regular file is ever replaced: renaming over a device node
	// or a FIFO would swap it for a plain file (as root, /dev/full), and
	// Stat follows a symbolic link to what it names.
	if info, err := os.Stat(dst); err == nil && !info.Mode().IsRegular() {
		return fmt.Errorf("%w (%s)", ErrNotRegular, dst)
	}
	if !opts.Force {
		// Claim the name first, so a file that appears meanwhile is not
		// replaced either; the claim is removed if the backup fails.
		f, cerr := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
		if errors.Is(cerr, fs.ErrExist) {
			return fmt.Errorf("%w (%s)", ErrExists, dst)
		}
		if cerr != nil {
			return fmt.Errorf("%w: %w", ErrDestination, cerr)
		}
		_ = f.Close()
		defer func() {
			if err != nil {
				_ = os.Remove(dst)
			}
		}()
	}
	tmp, err := os.CreateTemp(dir, ".digikomp-backup-*.tmp") // mode 0600
	if err != nil {
		return fmt.Errorf("%w: %w", ErrDestination, err)
	}
	name := tmp.Name()
	defer func() { _ = os.Remove(name) }() // a no-op after the rename
	out := &copyWriter{w: tmp}
	err = s.view(func(tx *bbolt.Tx) error {
		_, err := tx.WriteTo(out)
		return err
	})
	if err != nil && out.err == nil && !errors.Is(err, ErrCorrupt) {
		// Every write went through: what failed is reading the database,
		// which is shorter than its own pages say (truncated). The copy
		// goes; the file is damaged, not the destination.
		_ = tmp.Close()
		return fmt.Errorf("%w: reading it for the backup: %w", ErrCorrupt, err)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%w: %s: %w", ErrDestination, dst, err)
	}
	if opts.Verify != nil {
		if err := opts.Verify(name); err != nil {
			return err
		}
	}
	if err := os.Rename(name, dst); err != nil {
		return fmt.Errorf("%w: %w", ErrDestination, err)
	}
	syncDir(dir)
	return nil
}

// sameFile reports whether a and b name one existing file.
func sameFile(a, b string) (bool, error) {
	ai, err := os.Stat(a)
	if err != nil {
		return false, nil // Open reports a missing database
	}
	bi, err := os.Stat(b)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%w: %w", ErrDestination, err)
	}
	return os.SameFile(ai, bi), nil
}

// copyWriter passes writes on and keeps the first error, so that a failed
// copy can tell a destination that refused a write from a database that
// could not be read.
type copyWriter struct {
	w   io.Writer
	err error
}

func (c *copyWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}
