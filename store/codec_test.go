package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestRatingsRoundTrip(t *testing.T) {
	ms := func(v int64) time.Time { return time.UnixMilli(v) }
	tests := map[string]map[string]Rating{
		"empty": {},
		"one":   {"s01": {7, ms(1_700_000_000_123)}},
		"many": {
			"s01": {1, ms(1)}, "s02": {Skipped, ms(0)}, "s24": {255, ms(-5)},
			"ö-ä": {4, ms(1 << 50)}, strings.Repeat("x", maxIDLen): {3, ms(-1 << 50)},
		},
	}
	for name, in := range tests {
		raw, err := encodeRatings(in)
		if err != nil {
			t.Fatalf("%s: encode: %v", name, err)
		}
		if raw[0] != ratingsFormat {
			t.Errorf("%s: format byte %d", name, raw[0])
		}
		out, err := decodeRatings(raw)
		if err != nil {
			t.Fatalf("%s: decode: %v", name, err)
		}
		if !sameRatings(in, out) {
			t.Errorf("%s: round trip %v → %v", name, in, out)
		}
		// Encoding is deterministic, whatever the map order.
		again, _ := encodeRatings(out)
		if !bytes.Equal(raw, again) {
			t.Errorf("%s: re-encoding differs", name)
		}
	}
}

func TestRatingsTimesKeepMilliseconds(t *testing.T) {
	at := time.Date(2025, 1, 2, 3, 4, 5, 678_999_999, time.UTC)
	raw, err := encodeRatings(map[string]Rating{"s": {5, at}})
	if err != nil {
		t.Fatal(err)
	}
	out, err := decodeRatings(raw)
	if err != nil {
		t.Fatal(err)
	}
	if want := at.Truncate(time.Millisecond); !out["s"].At.Equal(want) {
		t.Errorf("At = %v, want %v", out["s"].At, want)
	}
}

func TestEncodeRatingsRefusesInvalid(t *testing.T) {
	for name, in := range map[string]map[string]Rating{
		"negative":  {"s": {-1, t0}},
		"too large": {"s": {256, t0}},
		"empty id":  {"": {1, t0}},
		"long id":   {strings.Repeat("x", maxIDLen+1): {1, t0}},
	} {
		if _, err := encodeRatings(in); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
}

func TestDecodeRatingsRefusesDamage(t *testing.T) {
	valid, err := encodeRatings(map[string]Rating{"s01": {3, t0}, "s02": {5, t0}})
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]byte{
		"nil":                nil,
		"unknown format":     {2, 0},
		"no count":           {1},
		"overlong count":     append([]byte{1}, bytes.Repeat([]byte{0xff}, 11)...),
		"count beyond data":  {1, 5, 1, 's', 1, 0},
		"huge count":         append([]byte{1}, binary.AppendUvarint(nil, 1<<62)...),
		"zero id length":     {1, 1, 0, 1, 0, 0},
		"id past end":        {1, 1, 9, 's', 1, 0},
		"id too long":        append(append([]byte{1, 1}, binary.AppendUvarint(nil, maxIDLen+1)...), bytes.Repeat([]byte{'s'}, maxIDLen+3)...),
		"id invalid UTF-8":   {1, 1, 1, 0xff, 1, 0},
		"value above 255":    {1, 1, 1, 's', 0x80, 0x02, 0},
		"missing value":      {1, 1, 2, 's', 't', 0},
		"truncated time":     {1, 1, 1, 's', 1, 0x80, 0x80},
		"duplicate id":       {1, 2, 1, 's', 1, 0, 1, 's', 2, 0},
		"trailing bytes":     append(bytes.Clone(valid), 0),
		"truncated valid":    valid[:len(valid)-1],
		"count one too high": append([]byte{1, 3}, valid[2:]...),
	}
	for name, raw := range tests {
		if _, err := decodeRatings(raw); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: %v, want ErrCorrupt", name, err)
		}
	}
}

// FuzzDecodeRatings checks that no input makes decoding panic, and that
// whatever decodes survives an encode→decode round trip unchanged.
func FuzzDecodeRatings(f *testing.F) {
	seeds := []map[string]Rating{
		{},
		{"s01": {3, t0}},
		{"s01": {1, time.UnixMilli(0)}, "s02": {Skipped, time.UnixMilli(-1)}, "å": {255, time.UnixMilli(1 << 60)}},
	}
	for _, r := range seeds {
		raw, err := encodeRatings(r)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte{})
	f.Add([]byte{1})
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Add([]byte{1, 2, 1, 's', 1, 0, 1, 's', 2, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := decodeRatings(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		raw, err := encodeRatings(r)
		if err != nil {
			t.Fatalf("decoded ratings do not encode: %v", err)
		}
		back, err := decodeRatings(raw)
		if err != nil {
			t.Fatalf("re-encoded ratings do not decode: %v", err)
		}
		if !sameRatings(r, back) {
			t.Fatalf("round trip changed %v to %v", r, back)
		}
	})
}

func sameRatings(a, b map[string]Rating) bool {
	if len(a) != len(b) {
		return false
	}
	for id, x := range a {
		y, ok := b[id]
		if !ok || x.Value != y.Value || x.At.UnixMilli() != y.At.UnixMilli() {
			return false
		}
	}
	return true
}

func TestAttemptHeaderRoundTrip(t *testing.T) {
	rec := attemptRecord{
		Questionnaire: "q", Version: 2, Profile: "local",
		Started: t0, Finished: t0.Add(time.Hour),
		Background: map[string]string{"role": "x"},
		Discussion: map[string]string{"d": "text \"quoted\" <b>"},
		Position:   positionRecord{Stage: uint8(StageReview), Cursor: 3},
	}
	raw, err := encodeAttempt(rec)
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeAttempt(raw)
	if err != nil {
		t.Fatal(err)
	}
	a, b := rec.attempt(AttemptID{1}, nil), back.attempt(AttemptID{1}, nil)
	assertSameAttempt(t, b, a)

	// An unfinished header leaves "finished" out rather than storing year 1.
	rec.Finished = time.Time{}
	raw, _ = encodeAttempt(rec)
	if bytes.Contains(raw, []byte("finished")) {
		t.Errorf("unfinished header mentions finished: %s", raw)
	}
}

func TestDecodeAttemptRefusesDamage(t *testing.T) {
	for _, raw := range []string{
		"",
		"null x",
		`{"profile": 5}`,
		`{"questionnaire":"q"}`,
		`{"profile":"local","position":{"stage":5}}`,
		`{"profile":"local","position":{"stage":1,"cursor":-1}}`,
		`{"profile":"local","started":"yesterday"}`,
	} {
		if _, err := decodeAttempt([]byte(raw)); !errors.Is(err, ErrCorrupt) {
			t.Errorf("decodeAttempt(%q) = %v, want ErrCorrupt", raw, err)
		}
	}
}

func TestU64OrderIsNumericOrder(t *testing.T) {
	vals := []uint64{0, 1, 255, 256, 1 << 32, 1<<63 + 5}
	for i := 1; i < len(vals); i++ {
		if bytes.Compare(u64Bytes(vals[i-1]), u64Bytes(vals[i])) >= 0 {
			t.Errorf("%d does not sort before %d", vals[i-1], vals[i])
		}
		if u64(u64Bytes(vals[i])) != vals[i] {
			t.Errorf("round trip of %d", vals[i])
		}
	}
}
