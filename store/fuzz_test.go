package store

import (
	"errors"
	"reflect"
	"testing"
)

// The fuzz targets below, with FuzzDecodeRatings, cover every kind of
// record the store reads back: a damaged record must decode to ErrCorrupt,
// never panic, and whatever decodes must survive re-encoding.

func FuzzDecodeAttempt(f *testing.F) {
	raw, err := encodeAttempt(attemptRecord{Questionnaire: "q", Version: 1, Profile: "local", Started: t0,
		Background: map[string]string{"role": "x"}, Discussion: map[string]string{"d": "text"},
		Position: positionRecord{Stage: 1, Cursor: 3}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add([]byte(`{"profile":"p","position":{"stage":9}}`))
	f.Add([]byte(`{"profile":"p","finished":"x"}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := decodeAttempt(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		raw, err := encodeAttempt(r)
		if err != nil {
			t.Fatalf("decoded header does not encode: %v", err)
		}
		back, err := decodeAttempt(raw)
		if err != nil {
			t.Fatalf("re-encoded header does not decode: %v", err)
		}
		if !reflect.DeepEqual(normalHeader(r), normalHeader(back)) {
			t.Fatalf("round trip changed %+v to %+v", r, back)
		}
	})
}

// normalHeader makes headers comparable: times by instant, empty maps
// as nil, since JSON keeps neither location nor the difference.
func normalHeader(r attemptRecord) attemptRecord {
	r.Started = r.Started.UTC()
	r.Finished = r.Finished.UTC()
	if len(r.Background) == 0 {
		r.Background = nil
	}
	if len(r.Discussion) == 0 {
		r.Discussion = nil
	}
	return r
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
	f.Add(encodeResult(shapeKey(testQ.ID, testQ.Version), sh, map[string]Rating{"s01": {7, t0}}))
	f.Add([]byte{resultFormat, 0, 0})
	f.Add([]byte{resultFormat, 200, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		qk, values, err := decodeResult(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		if 3+len(qk)+len(values) > len(data)+2 || len(values) > 255 {
			t.Fatalf("decoded %d+%d bytes from %d", len(qk), len(values), len(data))
		}
	})
}

func FuzzDecodeProfile(f *testing.F) {
	raw, err := encodeProfile(profileRecord{ID: LocalProfile, Created: t0})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add([]byte(`{"id":""}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodeProfile(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		if p.ID == "" {
			t.Fatal("decoded a profile without an id")
		}
	})
}
