package store

import "go.etcd.io/bbolt"

// migrateV5 upgrades schema 4 to 5: the workshops, workshop-attempts and
// extras buckets are created, empty. No record changes: an attempt
// without an extras record has no workshop and no managers' answer. It
// runs in place, in the one transaction that also records the new
// version (see schemaPlan.inPlace).
func migrateV5(tx *bbolt.Tx) error {
	return unsafeCreateBuckets(tx)
}
