package store

import (
	"encoding/binary"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// Settings are the choices kept in the file for everyone who uses it.
type Settings struct {
	// RetakeAfter is how long after the last attempt the welcome screen
	// suggests taking the test again: whole days, 1 to 3650.
	RetakeAfter time.Duration
}

// DefaultRetakeAfter is RetakeAfter in a file that never saved settings:
// about three months.
const DefaultRetakeAfter = 90 * day

const (
	day           = 24 * time.Hour
	minRetakeDays = 1
	maxRetakeDays = 3650
)

// Settings returns the file's settings, the defaults for any not saved.
func (s *Store) Settings() (_ Settings, err error) {
	defer s.withPath(&err)
	out := Settings{RetakeAfter: DefaultRetakeAfter}
	err = s.view(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(metaBucket)
		if meta == nil {
			return fmt.Errorf("%w: no %s bucket", ErrCorrupt, metaBucket)
		}
		raw := meta.Get(metaRetakeKey)
		if raw == nil {
			return nil
		}
		days, err := decodeRetake(raw)
		if err != nil {
			return err
		}
		out.RetakeAfter = time.Duration(days) * day
		return nil
	})
	if err != nil {
		return Settings{}, err
	}
	return out, nil
}

// SaveSettings stores the settings. RetakeAfter must be whole days from 1
// to 3650 (ErrInvalid).
func (s *Store) SaveSettings(set Settings) (err error) {
	defer s.withPath(&err)
	d := set.RetakeAfter
	if d%day != 0 || d < minRetakeDays*day || d > maxRetakeDays*day {
		return fmt.Errorf("%w: the retake time is %v, it must be whole days from %d to %d", ErrInvalid, d, minRetakeDays, maxRetakeDays)
	}
	return s.update(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(metaBucket)
		if meta == nil {
			return fmt.Errorf("%w: no %s bucket", ErrCorrupt, metaBucket)
		}
		return meta.Put(metaRetakeKey, binary.AppendUvarint(nil, uint64(d/day)))
	})
}

// decodeRetake reads meta "retake": one uvarint of days, in range.
func decodeRetake(raw []byte) (uint64, error) {
	days, n := binary.Uvarint(raw)
	if n <= 0 || n != len(raw) || days < minRetakeDays || days > maxRetakeDays {
		return 0, fmt.Errorf("%w: retake setting % x", ErrCorrupt, raw)
	}
	return days, nil
}
