package store

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCheckID(t *testing.T) {
	for id, ok := range map[string]bool{
		"s01":                             true,
		"Malmö":                           true,
		strings.Repeat("x", maxIDLen):     true,
		"":                                false,
		strings.Repeat("x", maxIDLen+1):   false,
		strings.Repeat("ö", maxIDLen/2+1): false,
		"a\x00b":                          false,
		"\xc3":                            false,
	} {
		if err := checkID("id", id); (err == nil) != ok || (err != nil && !errors.Is(err, ErrInvalid)) {
			t.Errorf("checkID(%q) = %v, want ok=%v", id, err, ok)
		}
	}
}

func TestCheckText(t *testing.T) {
	for s, ok := range map[string]bool{
		"":                                true,
		"rad 1\nrad 2\t✓":                 true,
		strings.Repeat("x", maxTextLen):   true,
		strings.Repeat("x", maxTextLen+1): false,
		"\xff":                            false,
	} {
		if err := checkText("text", s, maxTextLen); (err == nil) != ok {
			t.Errorf("checkText(%.20q…) = %v, want ok=%v", s, err, ok)
		}
	}
}

func TestCheckRating(t *testing.T) {
	for v, ok := range map[int]bool{Skipped: true, 1: true, 7: true, maxRating: true, -1: false, maxRating + 1: false} {
		if err := checkRating(v); (err == nil) != ok {
			t.Errorf("checkRating(%d) = %v, want ok=%v", v, err, ok)
		}
	}
}

func TestCheckPosition(t *testing.T) {
	for p, ok := range map[Position]bool{
		{StageBackground, 0}:  true,
		{StageReview, 12}:     true,
		{StageDone, 0}:        false,
		{StageDone + 3, 0}:    false,
		{StageStatements, -1}: false,
	} {
		if err := checkPosition(p); (err == nil) != ok {
			t.Errorf("checkPosition(%+v) = %v, want ok=%v", p, err, ok)
		}
	}
}

func TestCheckTime(t *testing.T) {
	for _, tc := range []struct {
		t  time.Time
		ok bool
	}{
		{t0, true},
		{time.Unix(0, 1), true},
		{time.Time{}, false},
		{time.Unix(0, 0), false},
		{time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), false},
		{time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC), false},
	} {
		if err := checkTime("time", tc.t); (err == nil) != tc.ok {
			t.Errorf("checkTime(%v) = %v, want ok=%v", tc.t, err, tc.ok)
		}
	}
}
