package store

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"time"
)

// AttemptID identifies an attempt. The first 8 bytes are the start time in
// big-endian unix nanoseconds, so byte order is start order and a bbolt
// cursor walks attempts oldest first; the last 8 bytes are random, so two
// attempts started in the same nanosecond (or on a clock that went back)
// still get different ids.
type AttemptID [16]byte

// NewAttemptID returns a fresh id for an attempt started at t.
func NewAttemptID(t time.Time) AttemptID {
	var id AttemptID
	binary.BigEndian.PutUint64(id[:8], uint64(t.UnixNano()))
	// crypto/rand.Read never fails since Go 1.24; it crashes the program
	// instead, so there is no error to handle.
	_, _ = rand.Read(id[8:])
	return id
}

// String returns the id as 32 lowercase hexadecimal characters.
func (id AttemptID) String() string { return hex.EncodeToString(id[:]) }

// ParseAttemptID parses the form String returns. Only lowercase is
// accepted so that every id has exactly one spelling.
func ParseAttemptID(s string) (AttemptID, error) {
	var id AttemptID
	if len(s) != 2*len(id) {
		return AttemptID{}, fmt.Errorf("%w: attempt id %q is not %d hex characters", ErrInvalid, s, 2*len(id))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return AttemptID{}, fmt.Errorf("%w: attempt id %q is not lowercase hex", ErrInvalid, s)
		}
	}
	if _, err := hex.Decode(id[:], []byte(s)); err != nil {
		return AttemptID{}, fmt.Errorf("%w: attempt id %q: %w", ErrInvalid, s, err)
	}
	return id, nil
}

// IsZero reports whether id is the zero value, which no attempt has.
func (id AttemptID) IsZero() bool { return id == AttemptID{} }
