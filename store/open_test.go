package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

func TestOpenCreatesPrivateFileInNewDirs(t *testing.T) {
	base := t.TempDir()
	path := filepath.Join(base, "a", "b", "digikomp.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	if got := dirEntries(t, filepath.Dir(path)); len(got) != 1 || got[0] != "digikomp.db" {
		t.Errorf("directory holds %v, want only digikomp.db (no temporary file left)", got)
	}
	if runtime.GOOS == "windows" {
		t.Skip("Unix permission bits do not apply on Windows")
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o600 {
		t.Errorf("file mode %o, want 600", got)
	}
	for _, dir := range []string{filepath.Join(base, "a"), filepath.Join(base, "a", "b")} {
		info, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != 0o700 {
			t.Errorf("%s: mode %o, want 700", dir, got)
		}
	}
}

func TestOpenInitialisesMarkerSchemaAndLocalProfile(t *testing.T) {
	s := newStore(t)
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	withBolt(t, path, func(tx *bbolt.Tx) error {
		meta := tx.Bucket(metaBucket)
		if meta == nil {
			t.Fatal("no meta bucket")
		}
		if got := string(meta.Get(metaAppKey)); got != "digikomp" {
			t.Errorf("app marker %q", got)
		}
		if got := meta.Get(metaSchemaKey); !bytes.Equal(got, u64Bytes(schemaVersion)) {
			t.Errorf("schema %x, want big-endian %d", got, schemaVersion)
		}
		if name := missingBucket(tx); name != "" {
			t.Errorf("bucket %s missing", name)
		}
		if !unsafeProfileExists(tx.Bucket(profilesBucket), LocalProfile) {
			t.Error("local profile missing")
		}
		return nil
	})
}

func TestReadOnlyOpenNeverCreates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "digikomp.db")
	_, err := Open(path, Options{ReadOnly: true})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Open = %v, want fs.ErrNotExist", err)
	}
	if got := dirEntries(t, dir); len(got) != 0 {
		t.Errorf("read-only open created %v", got)
	}
}

func TestReadOnlyOpenReadsButRefusesWrites(t *testing.T) {
	path := makeDB(t, t.TempDir())
	sn := takeSnapshot(t, path)
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	a, ok, err := s.LatestFinished(LocalProfile)
	if err != nil || !ok || len(a.Ratings) != 3 {
		t.Errorf("LatestFinished = %v, %v, %v; want the finished attempt", a, ok, err)
	}
	u, ok, err := s.Unfinished(LocalProfile)
	if err != nil || !ok {
		t.Fatalf("Unfinished = %v, %v", ok, err)
	}
	if err := s.SavePosition(u.ID, Position{StageStatements, 1}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("SavePosition = %v, want ErrReadOnly", err)
	}
	if _, err := s.StartAttempt("local", testQ, t0); !errors.Is(err, ErrReadOnly) {
		t.Errorf("StartAttempt = %v, want ErrReadOnly", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	sn.assertUnchanged(t)
}

func TestOpenRefusesAndLeavesFileUntouched(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string) // writes the file at path
		want error
	}{
		{"empty file", func(t *testing.T, path string) { writeFile(t, path, nil) }, ErrEmpty},
		{"text file", func(t *testing.T, path string) {
			writeFile(t, path, bytes.Repeat([]byte("Hej! Det här är ingen databas.\n"), 8<<10/31+1)[:8<<10])
		}, ErrForeign},
		{"small text file", func(t *testing.T, path string) { writeFile(t, path, []byte("hello")) }, ErrForeign},
		{"foreign bbolt file", func(t *testing.T, path string) {
			withBolt(t, path, func(tx *bbolt.Tx) error {
				b, err := tx.CreateBucket([]byte("widgets"))
				if err != nil {
					return err
				}
				return b.Put([]byte("k"), []byte("v"))
			})
		}, ErrForeign},
		{"foreign bbolt file without a synced freelist", func(t *testing.T, path string) {
			// A read-write bbolt.Open would commit a freelist to this
			// file at once, so only the read-only probe keeps it intact.
			db, err := bbolt.Open(path, 0o600, &bbolt.Options{NoFreelistSync: true})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.Update(func(tx *bbolt.Tx) error {
				_, err := tx.CreateBucket([]byte("widgets"))
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}, ErrForeign},
		{"bbolt file with another app's meta", func(t *testing.T, path string) {
			withBolt(t, path, func(tx *bbolt.Tx) error {
				b, err := tx.CreateBucket(metaBucket)
				if err != nil {
					return err
				}
				return b.Put(metaAppKey, []byte("otherapp"))
			})
		}, ErrForeign},
		{"truncated to 5000 bytes", func(t *testing.T, path string) {
			writeFile(t, path, readReal(t)[:5000])
		}, ErrCorrupt},
		{"truncated to the two meta pages", func(t *testing.T, path string) {
			// Valid meta pages pointing at pages past the end of the
			// file: reading them faults in the memory map.
			writeFile(t, path, readReal(t)[:2*pageSize(t)])
		}, ErrCorrupt},
		{"garbage over meta page bodies", func(t *testing.T, path string) {
			data := readReal(t)
			ps := pageSize(t)
			// Keep page header, magic and version; ruin the rest, so
			// both checksums fail.
			for _, page := range []int{0, ps} {
				for i := page + 24; i < page+ps; i++ {
					data[i] = byte(i*7 + 3)
				}
			}
			writeFile(t, path, data)
		}, ErrCorrupt},
		{"garbage over whole meta pages", func(t *testing.T, path string) {
			// Without a magic number the file cannot be told from a
			// foreign one; either way it is refused untouched.
			data := readReal(t)
			for i := 0; i < 2*pageSize(t); i++ {
				data[i] = byte(i*13 + 5)
			}
			writeFile(t, path, data)
		}, ErrForeign},
		{"newer schema", func(t *testing.T, path string) {
			writeFile(t, path, readReal(t))
			withBolt(t, path, func(tx *bbolt.Tx) error {
				return tx.Bucket(metaBucket).Put(metaSchemaKey, u64Bytes(schemaVersion+1))
			})
		}, ErrNewerSchema},
		{"malformed schema version", func(t *testing.T, path string) {
			writeFile(t, path, readReal(t))
			withBolt(t, path, func(tx *bbolt.Tx) error {
				return tx.Bucket(metaBucket).Put(metaSchemaKey, []byte{1})
			})
		}, ErrCorrupt},
		{"missing bucket", func(t *testing.T, path string) {
			writeFile(t, path, readReal(t))
			withBolt(t, path, func(tx *bbolt.Tx) error {
				return tx.DeleteBucket(historyBucket)
			})
		}, ErrCorrupt},
	}
	for _, tc := range tests {
		for _, ro := range []bool{false, true} {
			name := tc.name
			if ro {
				name += "/read-only"
			}
			t.Run(name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "digikomp.db")
				tc.make(t, path)
				sn := takeSnapshot(t, path)
				s, err := Open(path, Options{ReadOnly: ro})
				if err == nil {
					s.Close()
					t.Fatal("Open succeeded")
				}
				if !errors.Is(err, tc.want) {
					t.Errorf("Open = %v, want %v", err, tc.want)
				}
				if testing.Verbose() {
					t.Log(err)
				}
				if !strings.HasSuffix(err.Error(), "("+path+")") {
					t.Errorf("error %q does not end with the path", err)
				}
				sn.assertUnchanged(t)
			})
		}
	}
}

func TestOpenRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir, Options{})
	if !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), "directory") {
		t.Errorf("Open(dir) = %v, want ErrForeign naming a directory", err)
	}
	if got := dirEntries(t, dir); len(got) != 0 {
		t.Errorf("Open(dir) created %v", got)
	}
}

func TestOpenEmptyPath(t *testing.T) {
	if _, err := Open("", Options{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("Open(\"\") = %v, want ErrInvalid", err)
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	s := newStore(t)
	path := s.Path()
	for _, ro := range []bool{false, true} {
		start := time.Now()
		s2, err := Open(path, Options{ReadOnly: ro})
		elapsed := time.Since(start)
		if err == nil {
			s2.Close()
			t.Fatalf("second Open (read-only %v) succeeded", ro)
		}
		if !errors.Is(err, ErrLocked) {
			t.Errorf("second Open (read-only %v) = %v, want ErrLocked", ro, err)
		}
		if want := "digikomp is already open in another window (" + path + ")"; err.Error() != want {
			t.Errorf("message %q, want %q", err, want)
		}
		if elapsed >= 2*time.Second {
			t.Errorf("second Open took %v, want < 2s", elapsed)
		}
	}
	// The first store is unaffected and the lock goes with Close.
	if _, err := s.StartAttempt(LocalProfile, testQ, t0); err != nil {
		t.Fatalf("first store after refused second Open: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s3, err := Open(path, Options{Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s3.Close()
}

func TestOpenErrorMapping(t *testing.T) {
	tests := []struct {
		in   error
		want error
	}{
		{bbolt.ErrTimeout, ErrLocked},
		{bbolt.ErrInvalid, ErrForeign},
		{bbolt.ErrVersionMismatch, ErrForeign},
		{bbolt.ErrChecksum, ErrCorrupt},
		{errors.New("file size too small 5000"), ErrCorrupt},
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, fs.ErrPermission},
	}
	for _, tc := range tests {
		got := openError(tc.in)
		if !errors.Is(got, tc.want) {
			t.Errorf("openError(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
	if errors.Is(openError(&fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}), ErrCorrupt) {
		t.Error("a permission error must not be reported as damage")
	}
}

func TestOpenPermissionDenied(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs Unix permissions and a non-root user")
	}
	path := makeDB(t, t.TempDir())
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Options{})
	if !errors.Is(err, fs.ErrPermission) || errors.Is(err, ErrCorrupt) {
		t.Errorf("Open = %v, want a permission error", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the path", err)
	}
}

// realDB caches the bytes of a real database for the damage tests.
var realDB []byte

func readReal(t *testing.T) []byte {
	t.Helper()
	if realDB == nil {
		data, err := os.ReadFile(makeDB(t, t.TempDir()))
		if err != nil {
			t.Fatal(err)
		}
		realDB = data
	}
	return bytes.Clone(realDB)
}

// pageSize returns the page size recorded in the real database.
func pageSize(t *testing.T) int {
	t.Helper()
	data := readReal(t)
	// Meta page: 16-byte page header, then magic, version and page size,
	// written by bbolt in the machine's byte order.
	return int(binary.NativeEndian.Uint32(data[24:28]))
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestCreateRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, ".digikomp-123.tmp")
	young := filepath.Join(dir, ".digikomp-456.tmp")
	for _, p := range []string{old, young} {
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * staleAfter)
	if err := os.Chtimes(old, long, long); err != nil {
		t.Fatal(err)
	}
	s, err := Open(filepath.Join(dir, "digikomp.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(old); err == nil {
		t.Error("a creation killed long ago left its temporary file")
	}
	if _, err := os.Stat(young); err != nil {
		t.Error("a temporary file that may be another window's was removed")
	}
}

func TestHasQuestionnaire(t *testing.T) {
	s := newStore(t)
	if ok, err := s.HasQuestionnaire(testQ.ID, testQ.Version); ok || err != nil {
		t.Errorf("before any attempt: %v, %v", ok, err)
	}
	start(t, s, t0)
	if ok, err := s.HasQuestionnaire(testQ.ID, testQ.Version); !ok || err != nil {
		t.Errorf("after an attempt: %v, %v", ok, err)
	}
	if ok, _ := s.HasQuestionnaire(testQ.ID, 0); ok {
		t.Error("version 0 is recorded")
	}
}
