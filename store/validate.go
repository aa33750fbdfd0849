package store

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on what the store accepts. They are far above anything the
// questionnaire needs and exist so that a bug upstream shows up as a
// clear error instead of a bloated or unreadable file.
const (
	maxIDLen   = 128      // bytes in any id, and in a background answer
	maxTextLen = 64 << 10 // bytes in one discussion answer
	maxRating  = 254      // largest stored rating (one byte, as value+1); 0 is Skipped
)

// checkID accepts a non-empty, valid UTF-8 id of at most maxIDLen bytes
// without NUL, which separates the profile from the time in index keys.
func checkID(what, id string) error {
	switch {
	case id == "":
		return fmt.Errorf("%w: empty %s", ErrInvalid, what)
	case len(id) > maxIDLen:
		return fmt.Errorf("%w: %s is %d bytes, at most %d allowed", ErrInvalid, what, len(id), maxIDLen)
	case !utf8.ValidString(id):
		return fmt.Errorf("%w: %s is not valid UTF-8", ErrInvalid, what)
	case strings.IndexByte(id, 0) >= 0:
		return fmt.Errorf("%w: %s contains a NUL byte", ErrInvalid, what)
	}
	return nil
}

// checkText accepts valid UTF-8 of at most limit bytes; "" is allowed and
// means "no answer". Invalid UTF-8 is refused because encoding/json would
// silently replace it.
func checkText(what, s string, limit int) error {
	switch {
	case len(s) > limit:
		return fmt.Errorf("%w: %s is %d bytes, at most %d allowed", ErrInvalid, what, len(s), limit)
	case !utf8.ValidString(s):
		return fmt.Errorf("%w: %s is not valid UTF-8", ErrInvalid, what)
	}
	return nil
}

// checkRating accepts Skipped and ratings up to maxRating; the scale
// itself is the survey package's business.
func checkRating(v int) error {
	if v < 0 || v > maxRating {
		return fmt.Errorf("%w: rating %d outside 0..%d", ErrInvalid, v, maxRating)
	}
	return nil
}

// checkPosition accepts a position an unfinished attempt can be at.
// StageDone is refused because only Finish may set it; otherwise an
// attempt could look done to the UI while the indexes say unfinished.
func checkPosition(p Position) error {
	switch {
	case p.Stage >= StageDone:
		return fmt.Errorf("%w: stage %d cannot be saved; use Finish", ErrInvalid, p.Stage)
	case p.Cursor < 0:
		return fmt.Errorf("%w: negative cursor %d", ErrInvalid, p.Cursor)
	}
	return nil
}

// checkTime accepts times whose unix nanoseconds are positive and fit an
// int64, since ids and the finished index store them as big-endian
// uint64 and must sort in time order.
func checkTime(what string, t time.Time) error {
	if !t.After(time.Unix(0, 0)) || t.After(time.Unix(0, math.MaxInt64)) {
		return fmt.Errorf("%w: %s %v is outside 1970..2262", ErrInvalid, what, t)
	}
	return nil
}
