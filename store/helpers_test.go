package store

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// testQ is the questionnaire attempts in tests belong to.
// It has the real scale, four statements, s01 to s04, in two areas, and
// two background questions, a choice and a municipality. It is valid as a
// questions file is (texts in both languages), since the store keeps its
// definition.
var testQ = &survey.Questionnaire{
	ID: "digikomp-test", Version: 3,
	Title: tx("Test"),
	Scale: survey.Scale{Min: 1, Max: 7, MinLabel: tx("Låg"), MaxLabel: tx("Hög")},
	Areas: []survey.Area{{ID: "a", Number: 1, Name: tx("A")}, {ID: "b", Number: 2, Name: tx("B")}},
	Statements: []survey.Statement{
		{ID: "s01", Area: "a", Competence: "1.1", Text: tx("Ett")}, {ID: "s02", Area: "a", Competence: "1.2", Text: tx("Två")},
		{ID: "s03", Area: "b", Competence: "2.1", Text: tx("Tre")}, {ID: "s04", Area: "b", Competence: "2.2", Text: tx("Fyra")},
	},
	Background: []survey.BackgroundQuestion{
		{ID: "role", Kind: survey.KindChoice, Prompt: tx("Roll"), Options: []survey.Option{{ID: "librarian", Label: tx("Bibliotekarie")}, {ID: "assistant", Label: tx("Assistent")}}},
		{ID: "municipality", Kind: survey.KindMunicipality, Prompt: tx("Kommun")},
	},
}

// tx is a text in both languages.
func tx(s string) survey.Text { return survey.Text{SV: s, EN: s + " (en)"} }

// t0 is a fixed start time, so tests never depend on the clock. Records
// keep whole seconds (TestTimesKeepWholeSeconds covers the rest).
var t0 = time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)

// newStore opens a fresh database in a temporary directory and closes it
// when the test ends.
func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "digikomp.db"), Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// reopen closes s and opens its file again.
func reopen(t *testing.T, s *Store) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	s2, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { _ = s2.Close() })
	return s2
}

// makeDB creates a real digikomp database with one finished and one
// unfinished attempt, closes it and returns its path.
func makeDB(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "real.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	a, err := s.StartAttempt(LocalProfile, testQ, t0)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range []string{"s01", "s02", "s03"} {
		if err := s.SaveRating(a.ID, id, i+1, Position{StageStatements, i + 1}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Finish(a.ID, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartAttempt(LocalProfile, testQ, t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// withBolt runs f in a write transaction on path opened with bbolt
// directly, to set up states the store itself never writes.
func withBolt(t *testing.T, path string, f func(tx *bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("bbolt.Open: %v", err)
	}
	defer db.Close()
	if err := db.Update(f); err != nil {
		t.Fatalf("bbolt update: %v", err)
	}
}

// snapshot records a file's bytes, pins its mtime to a fixed past time
// (so any write shows up however coarse the file system's clock), and
// records the directory listing.
type snapshot struct {
	path    string
	data    []byte
	mtime   time.Time
	entries []string
}

func takeSnapshot(t *testing.T, path string) snapshot {
	t.Helper()
	mtime := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return snapshot{path: path, data: data, mtime: mtime, entries: dirEntries(t, filepath.Dir(path))}
}

// assertUnchanged fails if the file or its directory differ from the
// snapshot.
func (sn snapshot) assertUnchanged(t *testing.T) {
	t.Helper()
	data, err := os.ReadFile(sn.path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, sn.data) {
		t.Errorf("%s: bytes changed (%d → %d bytes)", sn.path, len(sn.data), len(data))
	}
	info, err := os.Stat(sn.path)
	if err != nil {
		t.Fatal(err)
	}
	if !info.ModTime().Equal(sn.mtime) {
		t.Errorf("%s: mtime changed to %v", sn.path, info.ModTime())
	}
	if got := dirEntries(t, filepath.Dir(sn.path)); !slices.Equal(got, sn.entries) {
		t.Errorf("directory changed: %v → %v", sn.entries, got)
	}
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(list))
	for i, e := range list {
		names[i] = e.Name()
	}
	return names
}
