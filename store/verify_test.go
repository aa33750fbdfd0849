package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

func TestVerifySoundFile(t *testing.T) {
	path := makeDB(t, t.TempDir())
	v, err := Verify(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Sound() || v.Schema != schemaVersion || v.Profiles != 1 || v.Attempts != 2 || v.Finished != 1 {
		t.Errorf("Verify = %+v", v)
	}
}

func TestVerifyFindsEachKindOfProblem(t *testing.T) {
	tests := []struct {
		name   string
		damage func(tx *bbolt.Tx, finished, open AttemptID) error
		want   ProblemKind
		detail string
	}{
		{"results row missing", func(tx *bbolt.Tx, f, _ AttemptID) error {
			c := tx.Bucket(resultsBucket).Cursor()
			k, _ := c.First()
			return tx.Bucket(resultsBucket).Delete(k)
		}, ProblemNoResultsRow, ""},
		{"results row differs", func(tx *bbolt.Tx, f, _ AttemptID) error {
			c := tx.Bucket(resultsBucket).Cursor()
			k, v := c.First()
			v = append([]byte(nil), v...)
			v[len(v)-1]++
			return tx.Bucket(resultsBucket).Put(k, v)
		}, ProblemResultsRow, ""},
		{"rating off the scale", func(tx *bbolt.Tx, _, o AttemptID) error {
			return changeRecord(tx, o, func(r *attemptRecord) { r.Values = []byte{9 + 1, 0, 0, 0} })
		}, ProblemRating, "off the scale"},
		{"ratings for another shape", func(tx *bbolt.Tx, _, o AttemptID) error {
			raw := bytes.Clone(tx.Bucket(attemptsBucket).Get(o[:]))
			// An unfinished attempt without discussion ends in
			// [n ratings = 0][0 discussion answers].
			raw = append(raw[:len(raw)-2], 2, 1, 1, 0)
			return tx.Bucket(attemptsBucket).Put(o[:], raw)
		}, ProblemAttempt, "2 ratings for 4 statements"},
		{"municipality code unknown", func(tx *bbolt.Tx, _, o AttemptID) error {
			if err := changeRecord(tx, o, func(r *attemptRecord) { r.Background = map[string]string{"municipality": "Malmö"} }); err != nil {
				return err
			}
			return tx.Bucket(placesBucket).Delete(placeKey(0))
		}, ProblemAttempt, "municipality code 0 is not in the table"},
		{"history entry wrong", func(tx *bbolt.Tx, f, _ AttemptID) error {
			return tx.Bucket(historyBucket).Put([]byte(LocalProfile), encodeHistory([]historyEntry{{finished: 5, id: f}}))
		}, ProblemFinishedIndex, "history"},
		{"history damaged", func(tx *bbolt.Tx, _, _ AttemptID) error {
			return tx.Bucket(historyBucket).Put([]byte(LocalProfile), []byte{historyFormat, 1, 1})
		}, ProblemFinishedIndexKey, "history record"},
		{"history missing", func(tx *bbolt.Tx, _, _ AttemptID) error {
			return tx.Bucket(historyBucket).Delete([]byte(LocalProfile))
		}, ProblemCounts, ""},
		{"profile missing", func(tx *bbolt.Tx, _, _ AttemptID) error {
			return tx.Bucket(profilesBucket).Delete([]byte(LocalProfile))
		}, ProblemNoProfile, LocalProfile},
		{"questionnaire not recorded", func(tx *bbolt.Tx, _, _ AttemptID) error {
			return tx.Bucket(shapesBucket).Delete(shapeKey(testQ.ID, testQ.Version))
		}, ProblemAttempt, "is not recorded"}, // a record cannot be read without its shape
		{"unfinished index wrong", func(tx *bbolt.Tx, f, _ AttemptID) error {
			return tx.Bucket(unfinishedBucket).Put([]byte(LocalProfile), f[:])
		}, ProblemUnfinishedWrong, ""},
		{"record damaged", func(tx *bbolt.Tx, _, o AttemptID) error {
			return tx.Bucket(attemptsBucket).Put(o[:], []byte("{"))
		}, ProblemAttempt, "attempt record"},
		{"profile record damaged", func(tx *bbolt.Tx, _, _ AttemptID) error {
			raw, err := encodeProfile(profileRecord{ID: "y", Name: "Y", Created: t0})
			if err != nil {
				return err
			}
			return tx.Bucket(profilesBucket).Put([]byte("x"), raw)
		}, ProblemProfileName, "y"},
		{"profile record in the old format", func(tx *bbolt.Tx, _, _ AttemptID) error {
			return tx.Bucket(profilesBucket).Put([]byte("x"), []byte(`{"id":"x"}`))
		}, ProblemProfile, "format"},
		{"profile name with an escape", func(tx *bbolt.Tx, _, _ AttemptID) error {
			return tx.Bucket(profilesBucket).Put([]byte("x"), rawProfile("x", "\x1b[2JX", 0))
		}, ProblemProfile, "clean form"},
		{"profile with unknown flags", func(tx *bbolt.Tx, _, _ AttemptID) error {
			return tx.Bucket(profilesBucket).Put([]byte("x"), rawProfile("x", "X", 0x80))
		}, ProblemProfile, "flags"},
		{"default profile with a name", func(tx *bbolt.Tx, _, _ AttemptID) error {
			return tx.Bucket(profilesBucket).Put([]byte(LocalProfile), rawProfile(LocalProfile, "Local", 0))
		}, ProblemProfile, "default profile"},
		{"profile PIN asking 4 GiB", func(tx *bbolt.Tx, _, _ AttemptID) error {
			raw := rawProfile("x", "X", 2)
			raw = raw[:len(raw)-2] // the wrong tries and the wait go after the PIN
			raw = binary.AppendUvarint(raw, 3)
			raw = binary.AppendUvarint(raw, 4<<20)
			raw = append(raw, 1, 16)
			raw = append(raw, make([]byte, 16)...)
			raw = append(raw, 32)
			raw = append(raw, make([]byte, 32)...)
			return tx.Bucket(profilesBucket).Put([]byte("x"), append(raw, 0, 0))
		}, ProblemProfile, "above"},
		{"two profiles with one name", func(tx *bbolt.Tx, _, _ AttemptID) error {
			if err := tx.Bucket(profilesBucket).Put([]byte("a1"), rawProfile("a1", "Anna", 0)); err != nil {
				return err
			}
			return tx.Bucket(profilesBucket).Put([]byte("a2"), rawProfile("a2", "ANNA", 0))
		}, ProblemProfile, "the name of profile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := makeDB(t, t.TempDir())
			var finished, open AttemptID
			withBolt(t, path, func(tx *bbolt.Tx) error {
				copy(open[:], tx.Bucket(unfinishedBucket).Get([]byte(LocalProfile)))
				return tx.Bucket(attemptsBucket).ForEach(func(k, _ []byte) error {
					if !bytes.Equal(k, open[:]) {
						copy(finished[:], k)
					}
					return nil
				})
			})
			withBolt(t, path, func(tx *bbolt.Tx) error { return tt.damage(tx, finished, open) })
			before := takeSnapshot(t, path)
			v, err := Verify(path, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			if !hasProblem(v, tt.want, tt.detail) {
				t.Errorf("problems %+v, want a %s with detail %q", v.Problems, tt.want, tt.detail)
			}
			before.assertUnchanged(t)
		})
	}
}

// hasProblem reports whether v holds a problem of kind whose detail
// contains detail.
func hasProblem(v Verification, kind ProblemKind, detail string) bool {
	for _, p := range v.Problems {
		if p.Kind == kind && strings.Contains(p.Detail, detail) {
			return true
		}
	}
	return false
}

func TestVerifyOlderSchemaChecksStructureOnly(t *testing.T) {
	path := makeDB(t, t.TempDir())
	withBolt(t, path, func(tx *bbolt.Tx) error {
		return tx.Bucket(metaBucket).Put(metaSchemaKey, u64Bytes(1))
	})
	v, err := Verify(path, time.Second)
	if err != nil || !v.Sound() || v.Schema != 1 {
		t.Errorf("Verify of a schema 1 file = %+v, %v", v, err)
	}
}

func TestVerifyLockedFile(t *testing.T) {
	dir := t.TempDir()
	path := makeDB(t, dir)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Verify(path, 50*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Errorf("Verify of a file open elsewhere: %v, want ErrLocked", err)
	}
}

func TestBackup(t *testing.T) {
	dir := t.TempDir()
	path := makeDB(t, dir)
	dst := filepath.Join(dir, "copy.db")
	verified := ""
	opts := BackupOptions{Timeout: time.Second, Verify: func(p string) error { verified = p; return nil }}
	if err := Backup(path, dst, opts); err != nil {
		t.Fatal(err)
	}
	if verified == "" || verified == dst {
		t.Errorf("Verify ran on %q; it must run on the copy before it is renamed", verified)
	}
	info, err := os.Stat(dst)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != fileMode {
		t.Errorf("backup mode %v, want %v", info.Mode().Perm(), os.FileMode(fileMode))
	}
	v, err := Verify(dst, time.Second)
	if err != nil || !v.Sound() || v.Attempts != 2 {
		t.Errorf("Verify(copy) = %+v, %v", v, err)
	}
	want := summary(t, path)
	if got := summary(t, dst); got.All.N != want.All.N || got.Attempts != want.Attempts {
		t.Errorf("copy summary %+v, want %+v", got, want)
	}

	// An existing file is refused without Force and replaced with it.
	before, _ := os.ReadFile(dst)
	if err := os.WriteFile(filepath.Join(dir, "other"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Backup(path, filepath.Join(dir, "other"), opts); !errors.Is(err, ErrExists) {
		t.Errorf("backup over an existing file: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "other")); string(b) != "x" {
		t.Error("a refused backup changed the existing file")
	}
	opts.Force = true
	if err := Backup(path, filepath.Join(dir, "other"), opts); err != nil {
		t.Errorf("forced backup: %v", err)
	}
	if err := Backup(path, path, opts); !errors.Is(err, ErrInvalid) {
		t.Errorf("backup onto the database itself: %v, want ErrInvalid", err)
	}
	if after, _ := os.ReadFile(dst); string(after) != string(before) {
		t.Error("backups changed an earlier backup")
	}
}

func TestFailedBackupLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := makeDB(t, dir)
	out := t.TempDir()
	dst := filepath.Join(out, "copy.db")
	boom := errors.New("check failed")
	err := Backup(path, dst, BackupOptions{Verify: func(string) error { return boom }})
	if !errors.Is(err, boom) {
		t.Fatalf("Backup = %v, want the verify error", err)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a failed backup left %v", entries)
	}
	if err := Backup(path, filepath.Join(out, "missing", "copy.db"), BackupOptions{}); err == nil {
		t.Error("backup into a missing folder succeeded")
	}
}

func summary(t *testing.T, path string) survey.GroupSummary {
	t.Helper()
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g, err := s.GroupSummary(testQ, Span{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// changeRecord rewrites an attempt's record as the store would encode
// the changed record.
func changeRecord(tx *bbolt.Tx, id AttemptID, change func(*attemptRecord)) error {
	b, err := unsafeBuckets(tx)
	if err != nil {
		return err
	}
	rec, err := unsafeLoadHeader(b, id)
	if err != nil {
		return err
	}
	change(&rec)
	return unsafePutRecord(b, id, rec)
}

// rawProfile writes a profile record by hand, bypassing the encoder's
// checks, with no PIN fields, no wrong tries and no wait.
func rawProfile(id, name string, flags byte) []byte {
	raw := []byte{profileFormat, flags}
	raw = binary.AppendUvarint(raw, uint64(len(id)))
	raw = append(raw, id...)
	raw = binary.AppendUvarint(raw, uint64(len(name)))
	raw = append(raw, name...)
	raw = binary.AppendUvarint(raw, uint64(t0.Unix()))
	return append(raw, 0, 0)
}
