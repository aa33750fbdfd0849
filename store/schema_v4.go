package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// migrateV4 upgrades schema 3 to 4: the plans and definitions buckets
// are created and every profile record becomes a binary one (see
// profileRecord). It only adds buckets and rewrites the few profile
// records, so it runs in place, in the one transaction that also records
// the new version (see schemaPlan.inPlace): a crash leaves schema 3 as it
// was.
//
// It also stores the built-in questionnaire's definition when the file
// records its shape (see unsafeAddBuiltinDefinition), so that its
// attempts are shown with their own questions from now on.
func migrateV4(tx *bbolt.Tx) error {
	if err := unsafeCreateBuckets(tx); err != nil {
		return err
	}
	if err := migrateProfiles(tx.Bucket(profilesBucket)); err != nil {
		return err
	}
	b, err := unsafeBuckets(tx)
	if err != nil {
		return err
	}
	return unsafeAddBuiltinDefinition(b)
}

// legacyProfile is the JSON profile record of schemas 1 to 3.
type legacyProfile struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
}

// migrateProfiles rewrites every JSON profile record in the binary
// format. The default profile keeps no name; any other (made by an
// import, or by a generator) is named after its id. A record that does
// not decode is rebuilt from its key, created now; a key that is no
// valid id is left as it was, for check to report.
func migrateProfiles(b *bbolt.Bucket) error {
	type entry struct {
		key []byte
		rec profileRecord
	}
	var list []entry
	taken := map[string]bool{}
	now := secondsOf(time.Now())
	err := b.ForEach(func(k, v []byte) error {
		id := string(k)
		if checkID("profile id", id) != nil {
			return nil
		}
		var old legacyProfile
		created := now
		if json.Unmarshal(v, &old) == nil && old.ID == id && checkTime("created", old.Created) == nil {
			created = secondsOf(old.Created)
		}
		list = append(list, entry{bytes.Clone(k), profileRecord{ID: id, Created: created}})
		return nil
	})
	if err != nil {
		return err
	}
	for i := range list {
		if list[i].rec.ID != LocalProfile {
			list[i].rec.Name = nameFor(list[i].rec.ID, taken)
		}
		if err := unsafeSaveProfile(b, list[i].rec); err != nil {
			return fmt.Errorf("profile %q: %w", list[i].rec.ID, err)
		}
	}
	return nil
}
