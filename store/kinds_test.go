package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

func TestKindOf(t *testing.T) {
	write := func(errno error) error {
		return fmt.Errorf("commit: %w", &fs.PathError{Op: "write", Path: "/media/stick/digikomp.db", Err: errno})
	}
	tests := []struct {
		err  error
		want Kind
	}{
		{nil, KindOther},
		{errors.New("something else"), KindOther},
		{ErrCorrupt, KindOther},
		{atPath(ErrReadOnly, "x"), KindReadOnly},
		{atPath(ErrGone, "x"), KindGone},
		{write(fs.ErrPermission), KindDenied},
	}
	if runtime.GOOS != "windows" {
		tests = append(tests, []struct {
			err  error
			want Kind
		}{
			{write(syscall.ENOSPC), KindFull},
			{write(syscall.EDQUOT), KindFull},
			{write(syscall.EFBIG), KindFull},
			{write(syscall.EROFS), KindReadOnly},
			{write(syscall.EACCES), KindDenied},
			{write(syscall.EPERM), KindDenied},
			{write(syscall.ENODEV), KindGone},
			{write(syscall.EIO), KindOther},
		}...)
	}
	for _, tc := range tests {
		if got := KindOf(tc.err); got != tc.want {
			t.Errorf("KindOf(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}

// Only what bbolt found wrong in the bytes is damage: an error of the
// system while opening, locking or mapping the file is passed on as it is.
func TestOpenErrorSystemErrorsAreNotDamage(t *testing.T) {
	for _, err := range []error{
		&fs.PathError{Op: "open", Path: "x", Err: syscall.EROFS},
		&fs.PathError{Op: "open", Path: "x", Err: syscall.EIO},
		&fs.PathError{Op: "open", Path: "x", Err: syscall.ENOSPC},
		syscall.ENOLCK, // flock on a network share
		fmt.Errorf("mmap allocate error: %w", syscall.ENOMEM),
	} {
		got := openError(err)
		if errors.Is(got, ErrCorrupt) || errors.Is(got, ErrForeign) {
			t.Errorf("openError(%v) = %v: a system error called damage", err, got)
		}
		if !errors.Is(got, err) {
			t.Errorf("openError(%v) = %v: the system's error is lost", err, got)
		}
	}
	// bbolt's own words without a system error are about the bytes.
	if err := errors.New("mmap too large"); !errors.Is(openError(err), ErrCorrupt) {
		t.Errorf("openError(%v) is not damage", err)
	}
}

// A sound file on a read-only disk: bbolt's read-write open fails with
// EROFS, which once fell into the damage branch. Open must say read-only,
// and a read-only Open must still read it.
func TestOpenOnReadOnlyDisk(t *testing.T) {
	path := makeDB(t, t.TempDir())
	openFile = func(name string, flag int, mode os.FileMode) (*os.File, error) {
		if flag&(os.O_WRONLY|os.O_RDWR) != 0 {
			return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EROFS}
		}
		return os.OpenFile(name, flag, mode)
	}
	t.Cleanup(func() { openFile = os.OpenFile })
	_, err := Open(path, Options{})
	if err == nil || errors.Is(err, ErrCorrupt) || KindOf(err) != KindReadOnly {
		t.Fatalf("Open on a read-only disk = %v (kind %d), want a read-only error, not damage", err, KindOf(err))
	}
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only Open on a read-only disk: %v", err)
	}
	defer s.Close()
	if _, _, err := s.Unfinished(LocalProfile); err != nil {
		t.Errorf("reading on a read-only disk: %v", err)
	}
}

// A file removed or replaced while open still takes bbolt's writes, into
// a file no one will see again: every save then says so instead of
// succeeding, and nothing counts as written.
func TestSaveAfterFileRemovedOrReplaced(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows does not remove or replace an open file")
	}
	q := testQ
	for _, how := range []string{"removed", "replaced"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "digikomp.db")
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			a, err := s.StartAttempt(LocalProfile, q, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			if !s.Wrote() {
				t.Fatal("Wrote() is false after a committed save")
			}
			switch how {
			case "removed":
				err = os.Remove(path)
			case "replaced":
				other := filepath.Join(dir, "backup.db")
				if err = os.WriteFile(other, []byte("a restored backup"), 0o600); err == nil {
					err = os.Rename(other, path)
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			err = s.SaveRating(a.ID, q.Statements[0].ID, 4, Position{Stage: StageStatements, Cursor: 1})
			if !errors.Is(err, ErrGone) || KindOf(err) != KindGone {
				t.Errorf("save after the file was %s = %v, want ErrGone", how, err)
			}
		})
	}
}
