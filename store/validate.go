package store

import (
	"fmt"
	"math"
	"time"
	"unicode/utf8"

	"digikomp/survey"
)

// Limits on what the store accepts. The questionnaire's are the survey
// package's, which Parse checks before the database is opened, so a
// questionnaire that loads is never refused here; the others are far above
// anything a person types and exist so that a bug upstream shows up as a
// clear error instead of a bloated or unreadable file.
const (
	maxIDLen      = survey.MaxIDLen      // bytes in any id, and in a background answer
	maxTextLen    = 64 << 10             // bytes in one discussion answer
	maxRating     = survey.MaxRating     // largest stored rating (one byte, as value+1); 0 is Skipped
	maxStatements = survey.MaxStatements // statements in one questionnaire version
)

// checkID accepts an id by the survey package's rules: not empty, at most
// maxIDLen bytes, UTF-8 without control characters (NUL separates the
// profile from the time in index keys) or bidirectional overrides.
func checkID(what, id string) error {
	switch survey.CheckID(id) {
	case "":
		return nil
	case survey.CodeEmptyID:
		return fmt.Errorf("%w: empty %s", ErrInvalid, what)
	case survey.CodeIDTooLong:
		return fmt.Errorf("%w: %s is %d bytes, at most %d allowed", ErrInvalid, what, len(id), maxIDLen)
	}
	return fmt.Errorf("%w: %s %q holds a control character, a bidirectional override or bytes that are not UTF-8", ErrInvalid, what, id)
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
