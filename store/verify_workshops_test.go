package store

import (
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// check reports each way a workshop, an index entry or an extras record
// can be wrong, and a sound file with all of them as sound.
func TestVerifyWorkshops(t *testing.T) {
	const wid = "0123456789abcdef"
	tests := []struct {
		name   string
		damage func(tx *bbolt.Tx, in, manager AttemptID) error
		want   ProblemKind
		detail string
	}{
		{"sound", func(*bbolt.Tx, AttemptID, AttemptID) error { return nil }, "", ""},
		{"workshop damaged", func(tx *bbolt.Tx, _, _ AttemptID) error {
			b := tx.Bucket(workshopsBucket)
			raw := append([]byte(nil), b.Get([]byte(wid))...)
			return b.Put([]byte(wid), raw[:len(raw)-1])
		}, ProblemWorkshop, "workshop"},
		{"workshop under another key", func(tx *bbolt.Tx, _, _ AttemptID) error {
			b := tx.Bucket(workshopsBucket)
			return b.Put([]byte("other"), append([]byte(nil), b.Get([]byte(wid))...))
		}, ProblemWorkshop, "names workshop"},
		{"workshop name unclean", func(tx *bbolt.Tx, _, _ AttemptID) error {
			w, _ := decodeWorkshop(tx.Bucket(workshopsBucket).Get([]byte(wid)))
			w.Name = "a\x1b[2Jb"
			raw := []byte{workshopFormat, 0}
			raw = appendString(raw, w.ID)
			raw = appendString(raw, w.Name)
			good, _ := encodeWorkshop(workshopRecord{ID: w.ID, Name: "x", Place: w.Place, Round: w.Round, Date: w.Date, Created: w.Created, ClearAfter: w.ClearAfter, PIN: w.PIN})
			// Splice the unclean name in place of "x".
			rest := good[2+1+len(w.ID)+2:]
			return tx.Bucket(workshopsBucket).Put([]byte(wid), append(raw, rest...))
		}, ProblemWorkshop, "clean form"},
		{"index entry of no attempt", func(tx *bbolt.Tx, _, _ AttemptID) error {
			return tx.Bucket(byWorkshop).Put(workshopIndexKey(wid, NewAttemptID(t0)), nil)
		}, ProblemWorkshopIndex, "does not exist"},
		{"index entry of no workshop", func(tx *bbolt.Tx, in, _ AttemptID) error {
			return tx.Bucket(byWorkshop).Put(workshopIndexKey("gone", in), nil)
		}, ProblemWorkshopIndex, "workshop \"gone\" does not exist"},
		{"index entry of an attempt taken elsewhere", func(tx *bbolt.Tx, _, m AttemptID) error {
			return tx.Bucket(byWorkshop).Put(workshopIndexKey(wid, m), nil)
		}, ProblemWorkshopIndex, "not recorded"},
		{"index key damaged", func(tx *bbolt.Tx, _, _ AttemptID) error {
			return tx.Bucket(byWorkshop).Put([]byte("kort"), nil)
		}, ProblemWorkshopIndex, "key of 4 bytes"},
		{"index value", func(tx *bbolt.Tx, in, _ AttemptID) error {
			return tx.Bucket(byWorkshop).Put(workshopIndexKey(wid, in), []byte{1})
		}, ProblemWorkshopIndex, "value of 1 bytes"},
		{"index entry missing", func(tx *bbolt.Tx, in, _ AttemptID) error {
			return tx.Bucket(byWorkshop).Delete(workshopIndexKey(wid, in))
		}, ProblemExtra, "no index entry"},
		{"extras of no attempt", func(tx *bbolt.Tx, _, _ AttemptID) error {
			id := NewAttemptID(t0)
			raw, _ := encodeExtra(extraRecord{Manager: survey.ManagerNo})
			return tx.Bucket(extrasBucket).Put(id[:], raw)
		}, ProblemExtra, "does not exist"},
		{"extras damaged", func(tx *bbolt.Tx, in, _ AttemptID) error {
			return tx.Bucket(extrasBucket).Put(in[:], []byte{extraFormat, 7, 0})
		}, ProblemExtra, "code 7"},
		{"extras key short", func(tx *bbolt.Tx, _, _ AttemptID) error {
			raw, _ := encodeExtra(extraRecord{Manager: survey.ManagerNo})
			return tx.Bucket(extrasBucket).Put([]byte{1, 2}, raw)
		}, ProblemExtra, "2-byte"},
		{"managers' answer of a librarian", func(tx *bbolt.Tx, in, _ AttemptID) error {
			raw, _ := encodeExtra(extraRecord{Workshop: wid, Manager: survey.ManagerYes})
			return tx.Bucket(extrasBucket).Put(in[:], raw)
		}, ProblemExtra, "not manager"},
		{"extras naming no workshop", func(tx *bbolt.Tx, _, m AttemptID) error {
			raw, _ := encodeExtra(extraRecord{Workshop: "gone", Manager: survey.ManagerYes})
			if err := tx.Bucket(byWorkshop).Put(workshopIndexKey("gone", m), nil); err != nil {
				return err
			}
			return tx.Bucket(extrasBucket).Put(m[:], raw)
		}, ProblemExtra, "workshop \"gone\" does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, in, manager := makeWorkshopDB(t, wid)
			withBolt(t, path, func(tx *bbolt.Tx) error { return tt.damage(tx, in, manager) })
			before := takeSnapshot(t, path)
			v, err := Verify(path, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.want == "":
				if !v.Sound() {
					t.Errorf("problems %+v in a sound file", v.Problems)
				}
			case !hasProblem(v, tt.want, tt.detail):
				t.Errorf("problems %+v, want a %s with detail %q", v.Problems, tt.want, tt.detail)
			}
			before.assertUnchanged(t)
		})
	}
}

// makeWorkshopDB makes a file with workshop wid (imported, so that its id
// is known), a finished librarian's attempt taken in it and a manager's
// attempt outside it with a managers' answer.
func makeWorkshopDB(t *testing.T, wid string) (path string, in, manager AttemptID) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "w.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := &Workshop{ID: wid, Name: "Träff", Round: "r", Date: t0, Created: t0}
	in, manager = NewAttemptID(t0), NewAttemptID(t0.Add(time.Second))
	rep, err := s.ImportRecords(testQ, []ImportRecord{
		{Attempt: Attempt{ID: in, Started: t0, Finished: t0.Add(time.Hour), Background: map[string]string{"role": "librarian"},
			Ratings: map[string]Rating{"s01": {3}}}, Workshop: w},
		{Attempt: Attempt{ID: manager, Started: t0, Finished: t0.Add(time.Hour), Background: map[string]string{"role": survey.RoleManager},
			Manager: survey.ManagerPartly}},
	})
	if err != nil || rep.Added != 2 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, in, manager
}
