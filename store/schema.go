package store

import (
	"bytes"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// schemaVersion is the layout this build reads and writes. Raise it only
// together with an entry in migrations from the previous version.
const schemaVersion = 5

// SchemaVersion is the layout version this build writes, for messages
// about files of older versions.
const SchemaVersion = schemaVersion

// migration upgrades a file by exactly one schema version. It runs inside
// the transaction that also records the new version, so a failed step
// leaves the file as it was.
type migration func(*bbolt.Tx) error

// migrations maps a schema version to the step that upgrades a file from
// it to the next version.
var migrations = map[uint64]migration{
	1: migrateResults,
	2: migrateRecords,
	3: migrateV4,
	4: migrateV5,
}

// inPlaceMigrations are the steps that only add buckets and rewrite a few
// records: a file that needs nothing else is migrated in place, in one
// transaction under the write lock, instead of on a compacted copy.
var inPlaceMigrations = map[uint64]bool{3: true, 4: true}

// schemaPlan is the target version and the steps that reach it. Open uses
// currentPlan; tests pass their own so the mechanism is exercised before
// there is a real step.
type schemaPlan struct {
	target  uint64
	steps   map[uint64]migration
	inPlace map[uint64]bool // steps that may run in place; nil: none
}

// currentPlan is the plan of this build.
var currentPlan = schemaPlan{target: schemaVersion, steps: migrations, inPlace: inPlaceMigrations}

// inPlaceFrom reports whether a file of version v reaches the target by
// steps that all run in place (see open).
func (p schemaPlan) inPlaceFrom(v uint64) bool {
	if v >= p.target {
		return false
	}
	for ; v < p.target; v++ {
		if !p.inPlace[v] {
			return false
		}
	}
	return true
}

// unsafeReadSchema checks the marker and returns the file's schema
// version. A missing meta bucket or marker means the file is someone
// else's; a marker without a readable version means ours, damaged.
func unsafeReadSchema(tx *bbolt.Tx) (uint64, error) {
	meta := tx.Bucket(metaBucket)
	if meta == nil {
		return 0, fmt.Errorf("%w: no %s bucket", ErrForeign, metaBucket)
	}
	if app := meta.Get(metaAppKey); !bytes.Equal(app, appMarker) {
		return 0, fmt.Errorf("%w: no digikomp marker", ErrForeign)
	}
	raw := meta.Get(metaSchemaKey)
	if len(raw) != 8 {
		return 0, fmt.Errorf("%w: schema version is %d bytes, want 8", ErrCorrupt, len(raw))
	}
	v := u64(raw)
	if v == 0 {
		return 0, fmt.Errorf("%w: schema version 0", ErrCorrupt)
	}
	return v, nil
}

// checkSchema decides whether a file of version v can be used under plan:
// nil if it is current or can be migrated, ErrNewerSchema otherwise.
func checkSchema(v uint64, plan schemaPlan) error {
	if v > plan.target {
		return fmt.Errorf("%w: schema %d, this digikomp knows up to %d", ErrNewerSchema, v, plan.target)
	}
	return nil
}

// unsafeMigrate runs every step from version from to plan.target and
// records the new version, all in tx, then checks that the result has
// every bucket the current code expects.
func unsafeMigrate(tx *bbolt.Tx, plan schemaPlan, from uint64) error {
	for v := from; v < plan.target; v++ {
		step, ok := plan.steps[v]
		if !ok {
			return fmt.Errorf("no migration from schema %d to %d", v, v+1)
		}
		if err := step(tx); err != nil {
			return fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
		}
	}
	if err := tx.Bucket(metaBucket).Put(metaSchemaKey, u64Bytes(plan.target)); err != nil {
		return fmt.Errorf("record schema %d: %w", plan.target, err)
	}
	if name := missingBucket(tx); name != "" {
		return fmt.Errorf("%w: bucket %s missing after migration", ErrCorrupt, name)
	}
	return nil
}

// unsafeInitialise lays out a brand-new file: every bucket, the marker,
// the schema version and the local profile.
func unsafeInitialise(tx *bbolt.Tx, plan schemaPlan, now time.Time) error {
	if err := unsafeCreateBuckets(tx); err != nil {
		return err
	}
	meta := tx.Bucket(metaBucket)
	if err := meta.Put(metaAppKey, appMarker); err != nil {
		return err
	}
	if err := meta.Put(metaSchemaKey, u64Bytes(plan.target)); err != nil {
		return err
	}
	return unsafePutProfile(tx.Bucket(profilesBucket), LocalProfile, now)
}
