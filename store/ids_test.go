package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestAttemptIDOrderFollowsStartTime(t *testing.T) {
	times := []time.Time{
		time.Unix(0, 1),
		t0.Add(-time.Hour),
		t0,
		t0.Add(time.Nanosecond),
		t0.Add(255 * time.Nanosecond),
		t0.Add(256 * time.Nanosecond),
		t0.Add(24 * time.Hour),
		time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	prev := NewAttemptID(times[0])
	for _, at := range times[1:] {
		id := NewAttemptID(at)
		if bytes.Compare(prev[:], id[:]) >= 0 || prev.String() >= id.String() {
			t.Errorf("id for %v does not sort after the previous one: %s, %s", at, prev, id)
		}
		prev = id
	}
}

func TestAttemptIDsOfSameInstantDiffer(t *testing.T) {
	seen := map[AttemptID]bool{}
	for range 100 {
		id := NewAttemptID(t0)
		if seen[id] {
			t.Fatalf("duplicate id %s", id)
		}
		seen[id] = true
	}
}

func TestAttemptIDStringRoundTrip(t *testing.T) {
	id := NewAttemptID(t0)
	s := id.String()
	if len(s) != 32 || strings.ToLower(s) != s {
		t.Errorf("String() = %q, want 32 lowercase hex characters", s)
	}
	back, err := ParseAttemptID(s)
	if err != nil || back != id {
		t.Errorf("ParseAttemptID(%q) = %s, %v; want %s", s, back, err, id)
	}
	if id.IsZero() || !(AttemptID{}).IsZero() {
		t.Error("IsZero wrong")
	}
}

func TestParseAttemptIDRejects(t *testing.T) {
	good := NewAttemptID(t0).String()
	for _, s := range []string{
		"",
		good[:31],
		good + "0",
		strings.ToUpper(good),
		"g" + good[1:],
		"-" + good[1:],
		" " + good[1:],
	} {
		if _, err := ParseAttemptID(s); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseAttemptID(%q) = %v, want ErrInvalid", s, err)
		}
	}
}
