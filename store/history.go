package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"time"

	"digikomp/internal/wire"
)

// The history bucket (since schema 3, replacing the finished index of
// schemas 1 and 2) holds one record per profile with finished attempts:
//
//	history  profile id → [format = 1][uvarint count]
//	                      count × [uvarint finish seconds][attempt id, 16 bytes]
//
// in finish order (then id order), the first finish time in unix seconds
// and each later one as the seconds since the one before. Finding a
// profile's latest result or its progression reads one record, about 20
// bytes per finished attempt; a bucket with one key per finished attempt
// took 47 bytes and, being filled in every profile's range by turns,
// stayed a third empty.

// historyFormat is the first byte of a history record.
const historyFormat = 1

// historyEntry is one finished attempt in a profile's history.
type historyEntry struct {
	finished int64 // unix seconds
	id       AttemptID
}

func (e historyEntry) compare(o historyEntry) int {
	if c := cmp.Compare(e.finished, o.finished); c != 0 {
		return c
	}
	return bytes.Compare(e.id[:], o.id[:])
}

func encodeHistory(list []historyEntry) []byte {
	b := make([]byte, 0, 2+len(list)*(len(AttemptID{})+3))
	b = append(b, historyFormat)
	b = binary.AppendUvarint(b, uint64(len(list)))
	prev := int64(0)
	for _, e := range list {
		b = binary.AppendUvarint(b, uint64(e.finished-prev))
		b = append(b, e.id[:]...)
		prev = e.finished
	}
	return b
}

// decodeHistory parses a history record; damage, an entry out of order
// or a time past what index keys hold is ErrCorrupt.
func decodeHistory(raw []byte) ([]historyEntry, error) {
	r := reader{wire.Reader{B: raw}}
	if f := r.Byte(); f != historyFormat && r.Err == nil {
		return nil, fmt.Errorf("%w: history record: format %d, want %d", ErrCorrupt, f, historyFormat)
	}
	n := r.Uvarint(uint64(len(r.B)) / uint64(len(AttemptID{})+1))
	list := make([]historyEntry, 0, n)
	prev := int64(0)
	for i := uint64(0); i < n && r.Err == nil; i++ {
		var e historyEntry
		e.finished = prev + int64(r.Uvarint(uint64(maxSeconds-prev)))
		copy(e.id[:], r.Bytes(uint64(len(e.id))))
		if r.Err == nil && (e.finished <= 0 || e.id.IsZero() || (i > 0 && list[i-1].compare(e) >= 0)) {
			r.Fail("entry out of order")
		}
		list = append(list, e)
		prev = e.finished
	}
	if r.Err == nil && len(r.B) != 0 {
		r.Fail(fmt.Sprintf("%d trailing bytes", len(r.B)))
	}
	if r.Err != nil {
		return nil, fmt.Errorf("%w: history record: %v", ErrCorrupt, r.Err)
	}
	return list, nil
}

// unsafeHistory returns the profile's finished attempts, oldest finish
// first.
func unsafeHistory(b buckets, profileID string) ([]historyEntry, error) {
	raw := b.history.Get([]byte(profileID))
	if raw == nil {
		return nil, nil
	}
	list, err := decodeHistory(raw)
	if err != nil {
		return nil, fmt.Errorf("profile %q: %w", profileID, err)
	}
	return list, nil
}

// unsafeAddHistory records that attempt id of the profile finished at
// the given time.
func unsafeAddHistory(b buckets, profileID string, finished time.Time, id AttemptID) error {
	list, err := unsafeHistory(b, profileID)
	if err != nil {
		return err
	}
	return unsafeInsertHistory(b, profileID, list, finished, id)
}

// unsafeInsertHistory writes the profile's history: list, its record as
// read, with the attempt added.
func unsafeInsertHistory(b buckets, profileID string, list []historyEntry, finished time.Time, id AttemptID) error {
	e := historyEntry{finished: finished.Unix(), id: id}
	if e.finished <= 0 || e.finished > math.MaxInt64/1_000_000_000 {
		return fmt.Errorf("%w: finish time %v", ErrInvalid, finished)
	}
	i, found := slices.BinarySearchFunc(list, e, historyEntry.compare)
	if found {
		return fmt.Errorf("%w: attempt %s is already in the history of %q", ErrCorrupt, id, profileID)
	}
	list = slices.Insert(list, i, e)
	return b.history.Put([]byte(profileID), encodeHistory(list))
}

// History returns the profile's finished attempts, oldest finish first:
// its progression. It reads the profile's history record and the attempts
// it names, not every attempt; Attempts also lists the unfinished one.
func (s *Store) History(profileID string) (_ []Attempt, err error) {
	defer s.withPath(&err)
	if err := checkID("profile id", profileID); err != nil {
		return nil, err
	}
	var list []Attempt
	err = s.viewBuckets(func(b buckets) error {
		history, err := unsafeHistory(b, profileID)
		if err != nil {
			return err
		}
		list = make([]Attempt, 0, len(history))
		for _, e := range history {
			a, err := unsafeLoadAttempt(b, e.id)
			if err != nil {
				return err
			}
			// An entry naming another profile's attempt, or an
			// unfinished one, would show someone else's answers.
			if a.ProfileID != profileID || !a.Done() {
				return fmt.Errorf("%w: history of profile %q names attempt %s of %q", ErrCorrupt, profileID, e.id, a.ProfileID)
			}
			list = append(list, a)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return list, nil
}
