package store

import (
	"bytes"
	"errors"
	"math"
	"reflect"
	"testing"
	"time"
)

// The fuzz targets below cover every kind of
// record the store reads back: a damaged record must decode to ErrCorrupt,
// never panic, and whatever decodes must survive re-encoding.

func FuzzDecodeAttempt(f *testing.F) {
	c, _ := testCodec()
	raw, err := encodeAttempt(testRecord(), c)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	unfinished := testRecord()
	unfinished.Finished, unfinished.Position = time.Time{}, Position{StageDiscussion, 2}
	if raw, err = encodeAttempt(unfinished, c); err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add([]byte{recordFormat})
	f.Add([]byte(`{"profile":"p","position":{"stage":9}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Each run starts with the same table, so codes decode alike.
		c, table := testCodec()
		*table = append(*table, "Malmö", "Ö")
		r, err := decodeAttempt(data, c)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		raw, err := encodeAttempt(r, c)
		if err != nil {
			t.Fatalf("decoded record does not encode: %v", err)
		}
		back, err := decodeAttempt(raw, c)
		if err != nil {
			t.Fatalf("re-encoded record does not decode: %v", err)
		}
		if !reflect.DeepEqual(normalRecord(r), normalRecord(back)) {
			t.Fatalf("round trip changed %+v to %+v", r, back)
		}
	})
}

// FuzzDecodeLegacyRatings covers the schema 1 and 2 answers records the
// migration reads.
func FuzzDecodeLegacyRatings(f *testing.F) {
	f.Add([]byte{legacyRatingsFormat, 2, 1, 's', 3, 0x02, 2, 't', 'u', 0, 0x01})
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := decodeLegacyRatings(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		for id, v := range r {
			if checkID("statement", id) != nil || v < 0 || v > maxRating {
				t.Fatalf("decoded rating %q = %d", id, v)
			}
		}
	})
}

// FuzzDecodeLegacyHeader covers the schema 1 and 2 JSON headers.
func FuzzDecodeLegacyHeader(f *testing.F) {
	f.Add([]byte(`{"questionnaire":"q","version":1,"profile":"local","started":"2025-03-14T09:26:53Z","position":{"stage":1,"cursor":3}}`))
	f.Add([]byte(`{"profile":"p","position":{"stage":9}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := decodeLegacyHeader(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		if h.Profile == "" || h.Position.Stage > uint8(StageDone) || h.Position.Cursor < 0 {
			t.Fatalf("decoded header %+v", h)
		}
	})
}

func FuzzDecodeShape(f *testing.F) {
	f.Add(encodeShape(shapeOf(testQ)))
	f.Add([]byte{shapeFormat, 1, 7, 1, 1, 's'})
	f.Add([]byte{shapeFormat, 1, 7, 2, 1, 's', 1, 's'})
	f.Add([]byte{shapeFormat, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, err := decodeShape(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		// Overlong varints decode too, so compare shapes, not bytes.
		back, err := decodeShape(encodeShape(sh))
		if err != nil || !back.equal(sh) {
			t.Fatalf("shape %+v re-encodes to %+v, %v", sh, back, err)
		}
	})
}

func FuzzDecodeResult(f *testing.F) {
	sh := shapeOf(testQ)
	sh.number = 3
	f.Add(encodeResult(sh, []byte{8, 0, 1, 0}))
	f.Add([]byte{resultFormat, 0, 0})
	f.Add([]byte{resultFormat, 1, 200, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		number, values, err := decodeResult(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		if 3+len(values) > len(data) || len(values) > 255 || number > math.MaxUint32 {
			t.Fatalf("decoded %d and %d bytes from %d", number, len(values), len(data))
		}
	})
}

// FuzzDecodeHistory: a damaged history record is an error, and what
// decodes is in order and encodes to the same bytes.
func FuzzDecodeHistory(f *testing.F) {
	f.Add(encodeHistory([]historyEntry{{finished: 1, id: AttemptID{1}}, {finished: 1, id: AttemptID{2}}, {finished: 99, id: AttemptID{1}}}))
	f.Add([]byte{historyFormat, 0})
	f.Add([]byte{historyFormat, 2, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		list, err := decodeHistory(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		for i := 1; i < len(list); i++ {
			if list[i-1].compare(list[i]) >= 0 {
				t.Fatalf("entries %d and %d out of order", i-1, i)
			}
		}
		back, err := decodeHistory(encodeHistory(list))
		if err != nil || !reflect.DeepEqual(back, list) {
			t.Fatalf("round trip: %v, %v", back, err)
		}
	})
}

func FuzzDecodeProfile(f *testing.F) {
	seeds := []profileRecord{
		{ID: LocalProfile, Created: t0},
		{ID: "0123456789abcdef", Name: "Åsa Öberg", Created: t0},
		{ID: "fedcba9876543210", Created: t0, Anonymous: true},
		{ID: "00000000000000aa", Name: "Anna", Created: t0, PIN: hashPIN("1234"), Failures: 5, WaitUntil: t0.Add(4 * time.Second)},
	}
	for _, p := range seeds {
		raw, err := encodeProfile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte(`{"id":"local"}`))
	f.Add([]byte{profileFormat, 0, 5, 'l', 'o', 'c', 'a', 'l', 0, 1, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodeProfile(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		if p.ID == "" || (p.Name == "") != (p.ID == LocalProfile || p.Anonymous) {
			t.Fatalf("decoded %+v", p)
		}
		// What decodes is what the encoder writes: one spelling per record.
		back, err := encodeProfile(p)
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("re-encoded % x, %v; was % x", back, err, data)
		}
		if p.PIN != nil {
			// Decoded parameters are bounded, so checking a PIN of any
			// record costs at most a bounded time and memory.
			if p.PIN.Memory > maxPINMemory || p.PIN.Time > maxPINTime {
				t.Fatalf("parameters %+v", p.PIN)
			}
		}
	})
}

// FuzzDecodePlan: a plan record decodes to a valid plan that encodes to
// the very same bytes, or to ErrCorrupt; it never panics.
func FuzzDecodePlan(f *testing.F) {
	f.Add(encodePlan(Plan{}))
	f.Add(encodePlan(Plan{Topics: []string{"kallkritik", "gdpr"}, Goal: "mål", Learn: []string{"gdpr"},
		Teach: []string{"makerspace"}, Other: "annat", ShowName: true}))
	f.Add([]byte{planFormat, 0, 1, 1, 'a', 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodePlan(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		if err := CheckPlan(p); err != nil {
			t.Fatalf("decoded an invalid plan: %v", err)
		}
		if again := encodePlan(p); string(again) != string(data) {
			t.Fatalf("decoded %x, which encodes as %x", data, again)
		}
	})
}
