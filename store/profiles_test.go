package store

import (
	"testing"

	"go.etcd.io/bbolt"
)

func TestProfileRecord(t *testing.T) {
	s := newStore(t)
	err := s.view(func(tx *bbolt.Tx) error {
		b := tx.Bucket(profilesBucket)
		if unsafeProfileExists(b, "someone") {
			t.Error("unknown profile exists")
		}
		p, err := decodeProfile(b.Get([]byte(LocalProfile)))
		if err != nil {
			return err
		}
		if p.ID != LocalProfile || p.Name != "" || p.Created.IsZero() {
			t.Errorf("local profile record %+v", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
