package store

import (
	"encoding/json"
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
		var p profileRecord
		if err := json.Unmarshal(b.Get([]byte(LocalProfile)), &p); err != nil {
			return err
		}
		if p.ID != LocalProfile || p.Created.IsZero() {
			t.Errorf("local profile record %+v", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
