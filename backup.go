package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"

	"digikomp/store"
	"digikomp/ui"
)

// errCopyDamaged is returned through store.Backup's Verify hook when the
// copy, and so the database, fails the check.
var errCopyDamaged = errors.New("the copy failed the check")

// runBackup is `digikomp backup [--db PATH] [--force] FILE`: a checked,
// private copy of the database that never replaces a file unasked.
func runBackup(args []string, stdout, stderr io.Writer) int {
	flags, common := newFlagSet()
	force := flags.Bool("force", false, "")
	rest, code, done := common.parse(flags, args, stdout, stderr)
	if done {
		return code
	}
	cat := ui.Messages(common.lang)
	if len(rest) != 1 {
		fmt.Fprintf(stderr, cat.ErrUsage+"\n", cat.ErrBackupArgs)
		return exitUsage
	}
	dst, err := filepath.Abs(rest[0])
	if err != nil {
		dst = rest[0]
	}
	path := common.db
	err = store.Backup(path, dst, store.BackupOptions{
		Force: *force,
		Verify: func(copyPath string) error {
			v, err := verifyIsolated(copyPath)
			if err != nil {
				return fmt.Errorf("%w: %w", errCopyDamaged, err)
			}
			if !v.Sound() {
				return errCopyDamaged
			}
			return nil
		},
	})
	switch {
	case err == nil:
		fmt.Fprintf(stdout, cat.BackupDone+"\n", dst)
		return exitOK
	case errors.Is(err, store.ErrExists):
		fmt.Fprintf(stderr, cat.BackupExists+"\n", dst)
		return exitUsage
	case errors.Is(err, store.ErrInvalid):
		fmt.Fprintf(stderr, cat.BackupSame+"\n", dst)
		return exitUsage
	case errors.Is(err, errCopyDamaged):
		fmt.Fprintf(stderr, cat.BackupDamaged+"\n", path)
		return exitDamaged
	case errors.Is(err, store.ErrNotRegular):
		fmt.Fprintf(stderr, cat.BackupNotRegular+"\n", dst)
		return exitUsage
	case errors.Is(err, store.ErrDestination) && errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(stderr, cat.BackupNoFolder+"\n", filepath.Dir(dst))
		return exitError
	case errors.Is(err, store.ErrDestination):
		sentence := cat.BackupNotWritten
		if cause := cat.Cause(store.KindOf(err)); cause != "" {
			sentence += " " + cause
		}
		fmt.Fprintln(stderr, ui.WithDetail(sentence+" "+cat.BackupUnchanged, cat.DetailLine(err)))
		return exitError
	}
	// Everything else comes from reading the database, as for check.
	fmt.Fprintln(stderr, verifyError(cat, path, err))
	return verifyExitCode(err)
}
