package store

import (
	"errors"
	"path/filepath"
	"testing"

	"go.etcd.io/bbolt"
)

// readVersion returns the schema version recorded in the file at path.
func readVersion(t *testing.T, path string) uint64 {
	t.Helper()
	var v uint64
	withBolt(t, path, func(tx *bbolt.Tx) error {
		var err error
		v, err = unsafeReadSchema(tx)
		return err
	})
	return v
}

var extraBucket = []byte("extra")

// addExtra is a fake schema step: it adds a bucket with one key.
func addExtra(tx *bbolt.Tx) error {
	b, err := tx.CreateBucket(extraBucket)
	if err != nil {
		return err
	}
	return b.Put([]byte("k"), []byte("v"))
}

func TestMigrationRunsStepAndRecordsVersion(t *testing.T) {
	path := makeDB(t, t.TempDir())
	plan := schemaPlan{target: schemaVersion + 1, steps: map[uint64]migration{schemaVersion: addExtra}}
	s, err := open(path, Options{}, plan)
	if err != nil {
		t.Fatalf("open with a migration: %v", err)
	}
	// The data written before the migration is still there.
	if a, ok, err := s.LatestFinished(LocalProfile); err != nil || !ok || len(a.Ratings) != 3 {
		t.Errorf("LatestFinished after migration = %v, %v, %v", a, ok, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if v := readVersion(t, path); v != schemaVersion+1 {
		t.Errorf("schema %d after migration, want %d", v, schemaVersion+1)
	}
	withBolt(t, path, func(tx *bbolt.Tx) error {
		if b := tx.Bucket(extraBucket); b == nil || string(b.Get([]byte("k"))) != "v" {
			t.Error("migration step did not run")
		}
		return nil
	})
	// Opening again with the same plan does not run the step again
	// (CreateBucket would fail on the existing bucket).
	s, err = open(path, Options{}, plan)
	if err != nil {
		t.Fatalf("second open with the same plan: %v", err)
	}
	s.Close()
	// This build now finds the file newer than itself and leaves it be.
	sn := takeSnapshot(t, path)
	if _, err := Open(path, Options{}); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("Open of migrated file = %v, want ErrNewerSchema", err)
	}
	sn.assertUnchanged(t)
}

func TestMigrationFailureLeavesFileAsItWas(t *testing.T) {
	failing := func(tx *bbolt.Tx) error {
		if err := addExtra(tx); err != nil {
			return err
		}
		return errors.New("step failed")
	}
	tests := map[string]schemaPlan{
		"failing step": {target: schemaVersion + 1, steps: map[uint64]migration{schemaVersion: failing}},
		"missing step": {target: schemaVersion + 2, steps: map[uint64]migration{schemaVersion: addExtra}},
		"panicking step": {target: schemaVersion + 1, steps: map[uint64]migration{
			schemaVersion: func(*bbolt.Tx) error { panic("boom") },
		}},
	}
	for name, plan := range tests {
		t.Run(name, func(t *testing.T) {
			path := makeDB(t, t.TempDir())
			if _, err := open(path, Options{}, plan); err == nil {
				t.Fatal("open succeeded")
			}
			if v := readVersion(t, path); v != schemaVersion {
				t.Errorf("schema %d after failed migration, want %d", v, schemaVersion)
			}
			withBolt(t, path, func(tx *bbolt.Tx) error {
				if tx.Bucket(extraBucket) != nil {
					t.Error("half a migration was committed")
				}
				return nil
			})
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("Open after failed migration: %v", err)
			}
			s.Close()
		})
	}
}

func TestReadOnlyOpenDoesNotMigrate(t *testing.T) {
	path := makeDB(t, t.TempDir())
	sn := takeSnapshot(t, path)
	plan := schemaPlan{target: schemaVersion + 1, steps: map[uint64]migration{schemaVersion: addExtra}}
	if _, err := open(path, Options{ReadOnly: true}, plan); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only open of an older file = %v, want ErrReadOnly", err)
	}
	sn.assertUnchanged(t)
}

func TestNewFileGetsPlanTarget(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	plan := schemaPlan{target: 7, steps: map[uint64]migration{}}
	s, err := open(path, Options{}, plan)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if v := readVersion(t, path); v != 7 {
		t.Errorf("new file has schema %d, want 7 without running steps", v)
	}
}

func TestCheckSchema(t *testing.T) {
	plan := schemaPlan{target: 3}
	for v, want := range map[uint64]error{1: nil, 3: nil, 4: ErrNewerSchema} {
		if err := checkSchema(v, plan); !errors.Is(err, want) {
			t.Errorf("checkSchema(%d) = %v, want %v", v, err, want)
		}
	}
}
