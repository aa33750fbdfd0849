package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"digikomp/survey"
)

// testCodec reads and writes records against testQ's shape (with two
// background questions) and a municipality table held in memory.
func testCodec() (recordCodec, *[]string) {
	sh := shapeOf(testQ)
	sh.number = 200 // two bytes as a varint
	sh.background = []backgroundShape{
		{id: "municipality", municipality: true},
		{id: "role", options: []string{"librarian", "assistant"}},
	}
	table := &[]string{}
	return recordCodec{
		shape: func(q string, v int) (shape, error) {
			if q != testQ.ID || v != testQ.Version {
				return shape{}, fmt.Errorf("%w: questionnaire %s version %d is not recorded", ErrCorrupt, q, v)
			}
			return sh, nil
		},
		numbered: func(n uint64) (string, int, shape, error) {
			if n != sh.number {
				return "", 0, shape{}, fmt.Errorf("%w: questionnaire version number %d is not recorded", ErrCorrupt, n)
			}
			return testQ.ID, testQ.Version, sh, nil
		},
		code: func(name string) (uint64, bool, error) {
			if i := slices.Index(*table, name); i >= 0 {
				return uint64(i), true, nil
			}
			if len(*table) >= 3 {
				return 0, false, nil // full: stored as text
			}
			*table = append(*table, name)
			return uint64(len(*table) - 1), true, nil
		},
		name: func(code uint64) (string, error) {
			if code >= uint64(len(*table)) {
				return "", fmt.Errorf("municipality code %d is not in the table", code)
			}
			return (*table)[code], nil
		},
	}, table
}

func testRecord() attemptRecord {
	return attemptRecord{
		Questionnaire: testQ.ID, Version: testQ.Version, Profile: "local",
		Started: secondsOf(t0), Finished: secondsOf(t0.Add(time.Hour)),
		Background: map[string]string{"role": "librarian", "municipality": "Malmö", "extra": "fri text"},
		Values:     []byte{8, 1, 0, 2}, // s01 7, s02 skipped, s03 none, s04 1
		Discussion: map[string]string{"d": "text \"quoted\" <b>", "c": "å"},
		Position:   Position{Stage: StageDone},
	}
}

func TestAttemptRecordRoundTrip(t *testing.T) {
	c, table := testCodec()
	unfinished := testRecord()
	unfinished.Finished, unfinished.Position = time.Time{}, Position{StageReview, 3}
	empty := attemptRecord{Questionnaire: testQ.ID, Version: testQ.Version, Profile: "p", Started: secondsOf(t0)}
	// A role that is not an option and municipalities past the table's
	// room are kept as text.
	odd := testRecord()
	odd.Background = map[string]string{"role": "chef", "municipality": "Ö"}
	clockBack := testRecord()
	clockBack.Finished = clockBack.Started.Add(-time.Hour)
	for name, rec := range map[string]attemptRecord{
		"finished": testRecord(), "unfinished": unfinished, "empty": empty, "odd": odd, "finished before start": clockBack,
	} {
		raw, err := encodeAttempt(rec, c)
		if err != nil {
			t.Fatalf("%s: encode: %v", name, err)
		}
		back, err := decodeAttempt(raw, c)
		if err != nil {
			t.Fatalf("%s: decode: %v", name, err)
		}
		if !reflect.DeepEqual(normalRecord(back), normalRecord(rec)) {
			t.Errorf("%s: round trip\n%+v\n%+v", name, back, rec)
		}
		again, _ := encodeAttempt(back, c)
		if !bytes.Equal(raw, again) {
			t.Errorf("%s: re-encoding differs", name)
		}
	}
	if !slices.Equal(slices.Sorted(slices.Values(*table)), []string{"Malmö", "Ö"}) {
		t.Errorf("municipality table %q", *table)
	}
}

// The size the budget stands on: a finished attempt of the real
// questionnaire with every background answer and no free text.
func TestAttemptRecordIsCompact(t *testing.T) {
	q, err := survey.Load()
	if err != nil {
		t.Fatal(err)
	}
	sh := shapeOf(q)
	sh.number = 1
	c := recordCodec{
		shape: func(string, int) (shape, error) { return sh, nil },
		code:  func(string) (uint64, bool, error) { return 200, true, nil },
	}
	rec := attemptRecord{Questionnaire: q.ID, Version: q.Version, Profile: "p00001",
		Started: secondsOf(t0), Finished: secondsOf(t0.Add(25 * time.Minute)), Position: Position{Stage: StageDone},
		Background: map[string]string{}, Values: make([]byte, len(sh.statements))}
	for _, bq := range sh.background {
		rec.Background[bq.id] = "Malmö"
		if !bq.municipality {
			rec.Background[bq.id] = bq.options[len(bq.options)-1]
		}
	}
	for i := range rec.Values {
		rec.Values[i] = 7 + 1
	}
	raw, err := encodeAttempt(rec, c)
	if err != nil {
		t.Fatal(err)
	}
	// format 1, questionnaire version 1, profile 7, times 5+2, position
	// 2, background 1+2×questions (+1 for a code above 127), ratings
	// 1+24, discussion 1.
	want := 1 + 1 + 1 + 6 + 5 + 2 + 2 + 1 + 2*len(sh.background) + 1 + 1 + len(sh.statements) + 1
	if len(raw) != want {
		t.Errorf("record of %d bytes, want %d: % x", len(raw), want, raw)
	}
}

// normalRecord makes records comparable: empty maps as nil.
func normalRecord(r attemptRecord) attemptRecord {
	if len(r.Background) == 0 {
		r.Background = nil
	}
	if len(r.Discussion) == 0 {
		r.Discussion = nil
	}
	if len(r.Values) == 0 {
		r.Values = nil
	}
	return r
}

func TestEncodeAttemptRefusesInvalid(t *testing.T) {
	c, _ := testCodec()
	for name, change := range map[string]func(*attemptRecord){
		"ratings of another shape": func(r *attemptRecord) { r.Values = []byte{1, 2} },
		"done but no finish":       func(r *attemptRecord) { r.Finished = time.Time{} },
		"finished but not done":    func(r *attemptRecord) { r.Position = Position{StageReview, 0} },
		"unknown questionnaire":    func(r *attemptRecord) { r.Version = 99 },
	} {
		rec := testRecord()
		change(&rec)
		if _, err := encodeAttempt(rec, c); err == nil {
			t.Errorf("%s: encoded", name)
		}
	}
}

func TestDecodeAttemptRefusesDamage(t *testing.T) {
	c, _ := testCodec()
	valid, err := encodeAttempt(testRecord(), c)
	if err != nil {
		t.Fatal(err)
	}
	head := func(rest ...byte) []byte { // a valid record up to the background answers
		b := []byte{recordFormat, 0xc8, 0x01} // shape 200
		b = appendString(b, "p")
		b = append(b, 1, byte(StageReview), 0)
		return append(b, rest...)
	}
	tests := map[string][]byte{
		"nil":                   nil,
		"unknown format":        {2},
		"cut after format":      {recordFormat},
		"empty profile":         {recordFormat, 0xc8, 0x01, 0, 1, 0, 0, 0, 0, 0},
		"unknown version":       {recordFormat, 9, 1, 'p', 1, 0, 0, 0, 0, 0},
		"stage beyond done":     {recordFormat, 0xc8, 0x01, 1, 'p', 1, 9, 0, 0, 0, 0},
		"no background count":   head(),
		"question out of shape": head(1, 9, 1, 0, 0),
		"option out of range":   head(1, 2, 9, 0, 0),
		"municipality unknown":  head(1, 1, 5, 0, 0),
		"empty text answer":     head(1, 2, 0, 0, 0, 0),
		"question twice":        head(2, 2, 1, 2, 1, 0, 0),
		"code for a text id":    head(1, 0, 1, 'x', 1, 0, 0),
		"wrong rating count":    head(0, 3, 1, 1, 1, 0),
		"ratings cut short":     head(0, 4, 1, 1, 1),
		"discussion cut":        head(0, 0, 1, 1, 'd'),
		"empty discussion":      head(0, 0, 1, 1, 'd', 0),
		"discussion unsorted":   head(0, 0, 2, 1, 'd', 1, 'x', 1, 'c', 1, 'x'),
		"bad UTF-8 text":        head(0, 0, 1, 1, 'd', 1, 0xff),
		"trailing bytes":        append(bytes.Clone(valid), 0),
		"truncated valid":       valid[:len(valid)-1],
		"huge count":            head(0x80, 0x80, 0x80, 0x80, 0x01),
	}
	if _, err := decodeAttempt(head(0, 0, 0), c); err != nil {
		t.Fatalf("the damage table's base does not decode: %v", err)
	}
	for name, raw := range tests {
		if _, err := decodeAttempt(raw, c); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: %v, want ErrCorrupt", name, err)
		}
	}
}

func TestLegacyRatingsDecode(t *testing.T) {
	raw := []byte{legacyRatingsFormat, 2, 1, 's', 3, 0x02, 2, 't', 'u', 0, 0x01}
	got, err := decodeLegacyRatings(raw)
	if err != nil || !reflect.DeepEqual(got, map[string]int{"s": 3, "tu": Skipped}) {
		t.Errorf("decodeLegacyRatings = %v, %v", got, err)
	}
	for name, raw := range map[string][]byte{
		"nil": nil, "unknown format": {2, 0}, "huge count": append([]byte{1}, binary.AppendUvarint(nil, 1<<62)...),
		"duplicate id": {1, 2, 1, 's', 1, 0, 1, 's', 2, 0}, "truncated time": {1, 1, 1, 's', 1, 0x80, 0x80},
		"trailing": append(bytes.Clone(raw), 0),
	} {
		if _, err := decodeLegacyRatings(raw); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: %v, want ErrCorrupt", name, err)
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
