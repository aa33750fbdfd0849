package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// schema3File was written by the last schema 3 digikomp (d902f6e,
// bench/gendb -n 60): 60 attempts of the local profile and two generated
// ones, with JSON profile records.
const schema3File = "../testdata/schema3.db"

// copySchema3 copies schema3File into a temporary directory.
func copySchema3(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile(schema3File)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A schema 3 file is upgraded in place: the same file (no copy renamed
// over it), every attempt kept, the new buckets made, the profile
// records binary, the generated profiles named after their ids.
func TestUpgradeSchema3InPlace(t *testing.T) {
	path := copySchema3(t)
	if v := readVersion(t, path); v != 3 {
		t.Fatalf("testdata is schema %d", v)
	}
	attempts, profiles := 0, map[string]bool{}
	withBolt(t, path, func(tx *bbolt.Tx) error {
		attempts = tx.Bucket(attemptsBucket).Stats().KeyN
		return tx.Bucket(profilesBucket).ForEach(func(k, _ []byte) error {
			profiles[string(k)] = true
			return nil
		})
	})
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for id := range profiles {
		list, err := s.Attempts(id)
		if err != nil {
			t.Fatal(err)
		}
		n += len(list)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if n != attempts || attempts != 60 {
		t.Errorf("%d attempts after the upgrade, %d before", n, attempts)
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("the schema 3 file was replaced, not upgraded in place")
	}
	if v := readVersion(t, path); v != schemaVersion {
		t.Errorf("schema %d after the upgrade", v)
	}
	withBolt(t, path, func(tx *bbolt.Tx) error {
		for _, name := range [][]byte{plansBucket, definitionsBucket} {
			if tx.Bucket(name) == nil {
				t.Errorf("no %s bucket", name)
			}
		}
		return tx.Bucket(profilesBucket).ForEach(func(k, raw []byte) error {
			p, err := decodeProfile(raw)
			switch {
			case err != nil:
				t.Errorf("profile %q: %v", k, err)
			case p.ID == LocalProfile && p.Name != "":
				t.Errorf("the default profile is named %q", p.Name)
			case p.ID != LocalProfile && p.Name != p.ID:
				t.Errorf("profile %q is named %q", p.ID, p.Name)
			case p.Created.Before(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)):
				t.Errorf("profile %q created %v", p.ID, p.Created)
			}
			return nil
		})
	})
	v, err := Verify(path, time.Second)
	if err != nil || !v.Sound() || v.Schema != schemaVersion || v.Attempts != attempts || v.Profiles != len(profiles) {
		t.Errorf("Verify after the upgrade: %+v, %v", v, err)
	}
}

// A profile record of schema 3 that does not decode is rebuilt from its
// key rather than making the file unusable; a name another generated
// profile would take gets a number.
func TestUpgradeSchema3RebuildsProfiles(t *testing.T) {
	path := copySchema3(t)
	withBolt(t, path, func(tx *bbolt.Tx) error {
		b := tx.Bucket(profilesBucket)
		if err := b.Put([]byte("P00002"), []byte("{")); err != nil {
			return err
		}
		return b.Put([]byte("p1x"), []byte(`{"id":"other","created":"2020-01-01T00:00:00Z"}`))
	})
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	withBolt(t, path, func(tx *bbolt.Tx) error {
		return tx.Bucket(profilesBucket).ForEach(func(k, raw []byte) error {
			p, err := decodeProfile(raw)
			if err != nil {
				t.Errorf("profile %q: %v", k, err)
			}
			names[string(k)] = p.Name
			return nil
		})
	})
	if names["p00002"] == "" || names["P00002"] == "" || foldName(names["p00002"]) == foldName(names["P00002"]) {
		t.Errorf("names %q", names)
	}
	if v, err := Verify(path, time.Second); err != nil || !v.Sound() {
		t.Errorf("Verify: %+v, %v", v, err)
	}
}

// An in-place step that fails leaves the file exactly as it was.
func TestInPlaceMigrationFailureLeavesFile(t *testing.T) {
	path := makeDB(t, t.TempDir())
	failing := func(tx *bbolt.Tx) error {
		if err := addExtra(tx); err != nil {
			return err
		}
		return errors.New("step failed")
	}
	plan := schemaPlan{target: schemaVersion + 1, steps: map[uint64]migration{schemaVersion: failing},
		inPlace: map[uint64]bool{schemaVersion: true}}
	sn := takeSnapshot(t, path)
	if _, err := open(path, Options{}, plan); err == nil {
		t.Fatal("open with a failing step succeeded")
	}
	sn.assertUnchanged(t)
	if v := readVersion(t, path); v != schemaVersion {
		t.Errorf("schema %d", v)
	}
}
