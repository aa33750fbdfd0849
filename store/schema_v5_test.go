package store

import (
	"os"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// asSchema4 turns a current file back into what a schema 4 digikomp
// wrote: no workshop buckets, version 4.
func asSchema4(t *testing.T, path string) {
	t.Helper()
	withBolt(t, path, func(tx *bbolt.Tx) error {
		for _, name := range [][]byte{workshopsBucket, byWorkshop, extrasBucket} {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		return tx.Bucket(metaBucket).Put(metaSchemaKey, u64Bytes(4))
	})
}

// A schema 4 file gains the three empty buckets in place: the same file,
// its attempts untouched, sound afterwards.
func TestUpgradeSchema4InPlace(t *testing.T) {
	path := makeDB(t, t.TempDir())
	asSchema4(t, path)
	if v := readVersion(t, path); v != 4 {
		t.Fatalf("schema %d", v)
	}
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Attempts(LocalProfile)
	if err != nil || len(list) != 2 {
		t.Fatalf("attempts after the upgrade: %d, %v", len(list), err)
	}
	for _, a := range list {
		if a.Workshop != "" || a.Manager != "" {
			t.Errorf("attempt %s has workshop %q, manager %q", a.ID, a.Workshop, a.Manager)
		}
	}
	if ws, err := s.Workshops(); err != nil || len(ws) != 0 {
		t.Errorf("workshops after the upgrade: %v, %v", ws, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("the schema 4 file was replaced, not upgraded in place")
	}
	if v := readVersion(t, path); v != schemaVersion || schemaVersion != 5 {
		t.Errorf("schema %d after the upgrade", v)
	}
	v, err := Verify(path, time.Second)
	if err != nil || !v.Sound() {
		t.Errorf("verify after the upgrade: %+v, %v", v, err)
	}
}

// A read-only open of a schema 4 file refuses to migrate it and leaves it
// as it was.
func TestSchema4ReadOnlyNotMigrated(t *testing.T) {
	path := makeDB(t, t.TempDir())
	asSchema4(t, path)
	if s, err := Open(path, Options{ReadOnly: true}); err == nil {
		_ = s.Close()
		t.Fatal("a read-only open of a schema 4 file succeeded")
	}
	if v := readVersion(t, path); v != 4 {
		t.Errorf("schema %d after a read-only open", v)
	}
}
