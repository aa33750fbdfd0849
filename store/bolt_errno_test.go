package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"digikomp/survey"
)

// bbolt's messages that quote a system error without wrapping it get the
// error number back, so that a full disk met while the file grows is said
// as a full disk.
func TestBoltErrno(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		kind Kind
		name string
	}{
		{"file resize error: truncate /x/digikomp.db: file too large", KindFull, "EFBIG"},
		{"file resize error: truncate /x/digikomp.db: no space left on device", KindFull, "ENOSPC"},
		{"file sync error: sync /x/digikomp.db: read-only file system", KindReadOnly, "EROFS"},
		{"mmap allocate error: truncate /x: permission denied", KindDenied, "EACCES"},
	} {
		err := boltErrno(fmt.Errorf("commit: %w", errors.New(tc.msg)))
		if got := KindOf(err); got != tc.kind {
			t.Errorf("%q: KindOf = %v, want %v", tc.msg, got, tc.kind)
		}
		if d, ok := SystemDetail(err); !ok || d != tc.name {
			t.Errorf("%q: SystemDetail = %q, %v; want %s", tc.msg, d, ok, tc.name)
		}
		if err.Error() != "commit: "+tc.msg {
			t.Errorf("the message changed: %q", err)
		}
	}
	// Anything else is left as it is.
	for _, err := range []error{
		nil,
		errors.New("no space left on device"), // not one of bbolt's messages
		errors.New("file resize error: something else"),
		fmt.Errorf("file resize error: %w", syscall.ENOSPC), // already holds its number
	} {
		if got := boltErrno(err); got != err {
			t.Errorf("boltErrno(%v) = %v, want it unchanged", err, got)
		}
	}
}

// A database cut short after the pages Open reads is damaged, and its
// backup says so: the copy fails reading, not writing.
func TestBackupOfATruncatedFileIsDamage(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "digikomp.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		at := t0.Add(time.Duration(i) * 24 * time.Hour)
		a, err := s.StartAttempt(LocalProfile, q, at)
		if err != nil {
			t.Fatal(err)
		}
		for j, st := range q.Statements[:20+i] {
			if err := s.SaveRating(a.ID, st.ID, 1+j%7, Position{StageStatements, j + 1}); err != nil {
				t.Fatal(err)
			}
		}
		if i == 0 {
			if err := s.Finish(a.ID, at.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw[:len(raw)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "kopia.db")
	err = Backup(path, dst, BackupOptions{})
	if !errors.Is(err, ErrCorrupt) || errors.Is(err, ErrDestination) {
		t.Fatalf("Backup of a truncated file: %v, want ErrCorrupt", err)
	}
	if _, err := os.Stat(dst); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a copy was left: %v", err)
	}
}
