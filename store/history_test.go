package store

import (
	"errors"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

func TestHistory(t *testing.T) {
	s := newStore(t)
	h := time.Hour
	if list, err := s.History(LocalProfile); err != nil || len(list) != 0 {
		t.Fatalf("History of no attempts = %v, %v", list, err)
	}
	at := func(profile string, start, end time.Duration, v int) Attempt {
		a := Attempt{ProfileID: profile, Started: t0.Add(start), Ratings: map[string]Rating{"s02": {Value: v}}}
		if end > 0 {
			a.Finished = t0.Add(end)
		}
		a.ID = NewAttemptID(a.Started)
		return a
	}
	// Started first, finished last: the history is in finish order, and
	// leaves out the unfinished attempt and other profiles'.
	slow := at(LocalProfile, 0, 10*h, 1)
	quick := at(LocalProfile, 1*h, 2*h, 2)
	other := at("other", 3*h, 4*h, 3)
	third := at(LocalProfile, 5*h, 6*h, 4)
	open := at(LocalProfile, 11*h, 0, 5)
	if err := s.Import(testQ, []Attempt{slow, quick, other, third, open}); err != nil {
		t.Fatal(err)
	}
	list, err := s.History(LocalProfile)
	if err != nil {
		t.Fatal(err)
	}
	want := []Attempt{quick, third, slow}
	if len(list) != len(want) {
		t.Fatalf("History = %d attempts, want %d", len(list), len(want))
	}
	for i, a := range list {
		if a.ID != want[i].ID || !a.Done() || a.Ratings["s02"].Value != want[i].Ratings["s02"].Value {
			t.Errorf("History[%d] = %s (%v), want %s", i, a.ID, a.Ratings, want[i].ID)
		}
	}
	// Attempts, unchanged, still lists the unfinished one too, by start.
	all, err := s.Attempts(LocalProfile)
	if err != nil || len(all) != 4 || all[0].ID != slow.ID || all[3].ID != open.ID {
		t.Fatalf("Attempts = %d, %v", len(all), err)
	}
	if list, err := s.History("other"); err != nil || len(list) != 1 || list[0].ID != other.ID {
		t.Fatalf("History(other) = %v, %v", list, err)
	}
	if _, err := s.History(""); !errors.Is(err, ErrInvalid) {
		t.Fatalf("History(\"\") = %v, want ErrInvalid", err)
	}
}

// A history entry naming another profile's attempt is damage, never a
// way to show someone else's answers.
func TestHistoryRefusesAnotherProfilesAttempt(t *testing.T) {
	path := makeDB(t, t.TempDir())
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mine, err := s.History(LocalProfile)
	if err != nil || len(mine) != 1 {
		t.Fatalf("History = %v, %v", mine, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	withBolt(t, path, func(tx *bbolt.Tx) error {
		return tx.Bucket(historyBucket).Put([]byte("intruder"),
			encodeHistory([]historyEntry{{finished: mine[0].Finished.Unix(), id: mine[0].ID}}))
	})
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if list, err := s.History("intruder"); !errors.Is(err, ErrCorrupt) || list != nil {
		t.Fatalf("History of a profile whose record names another's attempt = %v, %v", list, err)
	}
}
