package store

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// inOrder is the attempt of r with its ratings given as ImportRecord.Values
// instead of a map.
func inOrder(r ImportRecord) ImportRecord {
	r.Values = make([]int16, len(testQ.Statements))
	for i, s := range testQ.Statements {
		r.Values[i] = NotReached
		if v, ok := r.Attempt.Ratings[s.ID]; ok {
			r.Values[i] = int16(v.Value)
		}
	}
	r.Attempt.Ratings = nil
	return r
}

// rawAttempt is the stored record of an attempt.
func rawAttempt(t *testing.T, s *Store, id AttemptID) []byte {
	t.Helper()
	var raw []byte
	if err := s.db.View(func(tx *bbolt.Tx) error {
		raw = bytes.Clone(tx.Bucket(attemptsBucket).Get(id[:]))
		return nil
	}); err != nil || raw == nil {
		t.Fatalf("attempt %s: %q, %v", id, raw, err)
	}
	return raw
}

// TestImportValuesAsMap: ratings given in order are stored byte for byte
// as the same ratings given by id, so that the two forms of one attempt
// are the same attempt to a second import.
func TestImportValuesAsMap(t *testing.T) {
	byID, ordered := newStore(t), newStore(t)
	unfinished := importable(t0.Add(time.Minute), nil)
	unfinished.Attempt.Finished, unfinished.Plan, unfinished.Attempt.Manager = time.Time{}, nil, ""
	unfinished.Attempt.ProfileID = "p-unfinished"
	unfinished.Attempt.Position = Position{Stage: StageStatements, Cursor: 3}
	none := importable(t0.Add(2*time.Minute), nil)
	none.Attempt.Ratings = nil
	records := []ImportRecord{importable(t0, nil), unfinished, none}
	rep, err := byID.ImportRecords(testQ, records)
	if err != nil || rep.Added != 3 {
		t.Fatalf("by id: %+v, %v", rep, err)
	}
	var again []ImportRecord
	for _, r := range records {
		again = append(again, inOrder(r))
	}
	rep, err = ordered.ImportRecords(testQ, again)
	if err != nil || rep.Added != 3 {
		t.Fatalf("in order: %+v, %v", rep, err)
	}
	for _, r := range records {
		if a, b := rawAttempt(t, byID, r.Attempt.ID), rawAttempt(t, ordered, r.Attempt.ID); !bytes.Equal(a, b) {
			t.Errorf("attempt %s stored as\n%x by id,\n%x in order", r.Attempt.ID, a, b)
		}
	}
	a, err := ordered.Attempt(records[0].Attempt.ID)
	if err != nil || len(a.Ratings) != 3 || a.Ratings["s01"].Value != 7 || a.Ratings["s02"].Value != Skipped {
		t.Errorf("read back: %+v, %v", a.Ratings, err)
	}
	// The other form of an attempt the file has is the same attempt.
	rep, err = byID.ImportRecords(testQ, again[:1])
	if err != nil || rep.Present != 1 {
		t.Errorf("the first attempt again, in order: %+v, %v", rep, err)
	}
}

func TestImportValuesRejected(t *testing.T) {
	s := newStore(t)
	at := t0
	next := func(values []int16, ratings map[string]Rating) ImportRecord {
		at = at.Add(time.Minute)
		r := importable(at, nil)
		r.Attempt.Ratings, r.Values = ratings, values
		return r
	}
	cases := map[string]ImportRecord{
		"too few":         next([]int16{1, 2, 3}, nil),
		"too many":        next([]int16{1, 2, 3, 4, 5}, nil),
		"off the scale":   next([]int16{1, 8, 3, 4}, nil),
		"below the scale": next([]int16{1, -2, 3, 4}, nil),
		"both forms":      next([]int16{1, 2, 3, 4}, map[string]Rating{"s01": {1}}),
		"empty, not nil":  next([]int16{}, nil),
	}
	var records []ImportRecord
	var names []string
	for name, r := range cases {
		records = append(records, r)
		names = append(names, name)
	}
	rep, err := s.ImportRecords(testQ, records)
	if err != nil {
		t.Fatal(err)
	}
	for i, res := range rep.Results {
		if res.Outcome != ImportRejected || !errors.Is(res.Err, ErrInvalid) {
			t.Errorf("%s: %+v", names[i], res)
		}
		if _, err := s.Attempt(res.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: the rejected attempt is in the file: %v", names[i], err)
		}
	}
}

// TestImportTailNamedProfile: a profile the import creates from an id it
// names, beyond every key of the file, is found by the next attempt that
// names it, not made again under another name. The import skips the
// search for keys past the last one it knows of.
func TestImportTailNamedProfile(t *testing.T) {
	s := newStore(t)
	first, second := importable(t0, nil), importable(t0.Add(time.Minute), nil)
	first.Attempt.ProfileID, second.Attempt.ProfileID = "zz-last", "zz-last"
	third := importable(t0.Add(2*time.Minute), nil) // anonymous, after both
	rep, err := s.ImportRecords(testQ, []ImportRecord{first, second, third})
	if err != nil || rep.Added != 3 {
		t.Fatalf("%+v, %v", rep, err)
	}
	p, ok, err := s.Profile("zz-last")
	if err != nil || !ok || p.Name != "zz-last" {
		t.Fatalf("the named profile: %+v, %v, %v", p, ok, err)
	}
	h, err := s.History("zz-last")
	if err != nil || len(h) != 2 {
		t.Errorf("its history: %d attempts, %v (want 2)", len(h), err)
	}
	a, err := s.Attempt(third.Attempt.ID)
	if err != nil || a.ProfileID == "zz-last" {
		t.Errorf("the anonymous attempt: %+v, %v", a.ProfileID, err)
	}
	if h, err := s.History(a.ProfileID); err != nil || len(h) != 1 {
		t.Errorf("the anonymous profile's history: %d, %v", len(h), err)
	}
}

// fill is how full a bucket's leaf pages are.
func fill(t *testing.T, s *Store, bucket []byte) float64 {
	t.Helper()
	var st bbolt.BucketStats
	if err := s.db.View(func(tx *bbolt.Tx) error {
		st = tx.Bucket(bucket).Stats()
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return float64(st.LeafInuse) / float64(max(st.LeafAlloc, 1))
}

// TestImportPacksPages: an import of anonymous attempts leaves the pages
// of every bucket it appends to nearly full, the history's too; one that
// names profiles leaves the history at bbolt's default, so that records
// growing later do not split full pages.
func TestImportPacksPages(t *testing.T) {
	records := func(n int, profile string) []ImportRecord {
		var list []ImportRecord
		w := &Workshop{ID: "0123456789abcdef", Name: "Träff", Round: "r", Date: t0}
		for i := range n {
			r := importable(t0.Add(time.Duration(i)*time.Minute), w)
			r.Attempt.ProfileID = profile
			list = append(list, r)
		}
		return list
	}
	s := newStore(t)
	if rep, err := s.ImportRecords(testQ, records(3000, "")); err != nil || rep.Added != 3000 {
		t.Fatalf("%+v, %v", rep.Added, err)
	}
	for _, b := range [][]byte{profilesBucket, historyBucket, plansBucket, extrasBucket, byWorkshop, attemptsBucket, resultsBucket} {
		if f := fill(t, s, b); f < 0.85 {
			t.Errorf("bucket %s: pages %.0f%% full after an anonymous import", b, 100*f)
		}
	}
	// Attempts of named profiles: their history records grow with later
	// attempts, so the history is left at bbolt's default.
	named := newStore(t)
	list := records(3000, "")
	for i := range list {
		list[i].Attempt.ProfileID = fmt.Sprintf("p%05d", i)
	}
	if rep, err := named.ImportRecords(testQ, list); err != nil || rep.Added != 3000 {
		t.Fatalf("%+v, %v", rep.Added, err)
	}
	if f := fill(t, named, historyBucket); f > 0.7 {
		t.Errorf("history pages %.0f%% full after an import of named profiles", 100*f)
	}
	if f := fill(t, named, extrasBucket); f < 0.85 {
		t.Errorf("extras pages %.0f%% full after an import of named profiles", 100*f)
	}
}
