package store

import (
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// unsafePutProfile records a profile created at the given time.
func unsafePutProfile(b *bbolt.Bucket, id string, created time.Time) error {
	raw, err := encodeProfile(profileRecord{ID: id, Created: created})
	if err != nil {
		return err
	}
	if err := b.Put([]byte(id), raw); err != nil {
		return fmt.Errorf("put profile %q: %w", id, err)
	}
	return nil
}

// unsafeProfileExists reports whether the profile was created.
func unsafeProfileExists(b *bbolt.Bucket, id string) bool {
	return b.Get([]byte(id)) != nil
}
