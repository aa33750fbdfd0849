package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// Unique strings of the profile a test deletes, grepped for in the file.
const (
	secretName   = "Zyxwvu Erasable-Person"
	secretAnswer = "qqq-discussion-answer-that-must-vanish-7788"
	secretPlan   = "ppp-plan-text-that-must-vanish-9911"
)

// fillProfile gives a profile finished attempts with a discussion
// answer and a plan, and an unfinished one.
func fillProfile(t *testing.T, s *Store, id string, n int, answer string) {
	t.Helper()
	for i := range n {
		a, err := s.StartAttempt(id, testQ, t0.Add(time.Duration(i)*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveRating(a.ID, "s01", 1+i%7, Position{StageStatements, 1}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveDiscussion(a.ID, "d1", answer, Position{StageStatements, 1}); err != nil {
			t.Fatal(err)
		}
		if err := s.Finish(a.ID, t0.Add(time.Duration(i)*time.Hour+time.Minute)); err != nil {
			t.Fatal(err)
		}
		if err := s.SavePlan(a.ID, Plan{Goal: answer + "-plan", Topics: []string{"kallkritik"}}); err != nil {
			t.Fatal(err)
		}
	}
	a, err := s.StartAttempt(id, testQ, t0.Add(time.Duration(n)*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDiscussion(a.ID, "d1", answer, Position{StageStatements, 0}); err != nil {
		t.Fatal(err)
	}
}

// erasureFixture is a file with the default profile, a profile to keep
// and the profile to delete, whose name and answers are unique strings.
func erasureFixture(t *testing.T, dir string) (path string, victim, keep Profile) {
	t.Helper()
	path = filepath.Join(dir, "digikomp.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	victim, err = s.AddProfile(secretName, "1234", t0)
	if err != nil {
		t.Fatal(err)
	}
	keep, err = s.AddProfile("Bertil", "", t0)
	if err != nil {
		t.Fatal(err)
	}
	fillProfile(t, s, victim.ID, 30, secretAnswer)
	fillProfile(t, s, keep.ID, 20, "bertil's answer")
	fillProfile(t, s, LocalProfile, 5, "local answer")
	// A plan of the victim's first attempt with its own unique text.
	list, err := s.Attempts(victim.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SavePlan(list[0].ID, Plan{Goal: secretPlan, Other: secretPlan}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	assertTrace(t, path, true)
	return path, victim, keep
}

func mustBuckets(tx *bbolt.Tx) buckets {
	b, err := unsafeBuckets(tx)
	if err != nil {
		panic(err)
	}
	return b
}

// assertTrace checks whether the file's raw bytes hold the deleted
// profile's name, discussion answer and plan.
func assertTrace(t *testing.T, path string, want bool) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{secretName, secretAnswer, secretPlan} {
		if got := bytes.Contains(raw, []byte(s)); got != want {
			t.Errorf("the file holds %q: %v, want %v", s, got, want)
		}
	}
}

// assertErased checks the file after the victim's deletion: gone from
// every bucket, the others whole, the file sound.
func assertErased(t *testing.T, s *Store, victim, keep Profile) {
	t.Helper()
	if _, ok, err := s.Profile(victim.ID); ok || err != nil {
		t.Errorf("the deleted profile is still there: %v, %v", ok, err)
	}
	if _, ok, _ := s.ProfileByName(secretName); ok {
		t.Error("the deleted profile's name still finds it")
	}
	if list, err := s.Attempts(victim.ID); err != nil || len(list) != 0 {
		t.Errorf("attempts of the deleted profile: %d, %v", len(list), err)
	}
	if list, err := s.Attempts(keep.ID); err != nil || len(list) != 21 {
		t.Errorf("attempts of the kept profile: %d, %v", len(list), err)
	}
	if list, err := s.Attempts(LocalProfile); err != nil || len(list) != 6 {
		t.Errorf("attempts of the default profile: %d, %v", len(list), err)
	}
	err := s.view(func(tx *bbolt.Tx) error {
		b := mustBuckets(tx)
		for _, bucket := range []*bbolt.Bucket{b.history, b.unfinished, b.profiles} {
			if bucket.Get([]byte(victim.ID)) != nil {
				t.Errorf("a record of the deleted profile is left")
			}
		}
		if n := tx.Bucket(plansBucket).Stats().KeyN; n != 25 {
			t.Errorf("%d plans left, want 25", n)
		}
		if n := b.results.Stats().KeyN; n != 25 {
			t.Errorf("%d results rows left, want 25", n)
		}
		if tx.Bucket(metaBucket).Get(metaEraseKey) != nil {
			t.Error("the erasure is still marked pending")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDeleteProfileLeavesNoTrace(t *testing.T) {
	dir := t.TempDir()
	path, victim, keep := erasureFixture(t, dir)
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.DeleteProfile(victim.ID); err != nil {
		t.Fatal(err)
	}
	// The store goes on with the new file: reads, writes, and the
	// bytes it grepped are gone while it still holds it open.
	assertErased(t, s, victim, keep)
	assertTrace(t, path, false)
	if _, err := s.AddProfile("After", "", t0); err != nil {
		t.Errorf("writing after the deletion: %v", err)
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if os.SameFile(before, after) || after.Mode().Perm() != 0o600 || after.Size() >= before.Size() {
		t.Errorf("file after compaction: same %v, mode %v, %d bytes (was %d)", os.SameFile(before, after), after.Mode().Perm(), after.Size(), before.Size())
	}
	if names := dirEntries(t, dir); len(names) != 1 {
		t.Errorf("files left in the folder: %v", names)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if v, err := Verify(path, time.Second); err != nil || !v.Sound() || v.Profiles != 3 {
		t.Errorf("Verify: %+v, %v", v, err)
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.ProfileByName("After"); !ok {
		t.Error("the write after the deletion was lost")
	}
	if err := s.DeleteProfile(victim.ID); !errors.Is(err, ErrNoProfile) {
		t.Errorf("deleting it again: %v", err)
	}
	if err := s.DeleteProfile(""); !errors.Is(err, ErrInvalid) {
		t.Errorf("DeleteProfile(\"\"): %v", err)
	}
}

// Deleting the default profile erases its records and keeps it, empty.
func TestDeleteLocalProfile(t *testing.T) {
	path, victim, keep := erasureFixture(t, t.TempDir())
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetPIN(LocalProfile, "9876"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteProfile(LocalProfile); err != nil {
		t.Fatal(err)
	}
	p, ok, err := s.Profile(LocalProfile)
	if err != nil || !ok || p.Name != "" || p.Protected {
		t.Errorf("the default profile after deleting it: %+v, %v, %v", p, ok, err)
	}
	if list, err := s.Attempts(LocalProfile); err != nil || len(list) != 0 {
		t.Errorf("its attempts: %d, %v", len(list), err)
	}
	if list, _ := s.Profiles(); len(list) != 3 || list[0].ID != LocalProfile {
		t.Errorf("profiles: %+v", list)
	}
	if list, err := s.Attempts(victim.ID); err != nil || len(list) != 31 {
		t.Errorf("another profile's attempts: %d, %v", len(list), err)
	}
	_ = keep
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("local answer")) {
		t.Error("the default profile's answers are still in the file")
	}
}

func TestDeleteProfileReadOnly(t *testing.T) {
	path, victim, _ := erasureFixture(t, t.TempDir())
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.DeleteProfile(victim.ID); !errors.Is(err, ErrReadOnly) {
		t.Errorf("DeleteProfile on a read-only store: %v", err)
	}
}
