package transfer

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzDecode feeds Decode arbitrary bytes, seeded with real exports in
// both forms and damaged copies of them. It must never panic; it either
// refuses the whole file with a *FileError or accounts for every record
// it announced, each accepted one passing Check and written again to a
// file that reads back the same.
func FuzzDecode(f *testing.F) {
	recs := sample()
	h := sampleHeader(len(recs))
	for _, kind := range []Kind{CSV, JSONL} {
		var buf bytes.Buffer
		var w Writer
		if kind == CSV {
			w, _ = NewCSV(&buf, h)
		} else {
			w, _ = NewJSONL(&buf, h)
		}
		for i := range recs {
			_ = w.Write(&recs[i])
		}
		_ = w.Close()
		data := buf.Bytes()
		f.Add(data)
		f.Add(data[:len(data)/2])
		f.Add(bytes.Replace(data, []byte("2026"), []byte("20x6"), 1))
		f.Add(bytes.Replace(data, []byte(`"`), nil, 3))
	}
	f.Add([]byte("digikomp-export,version=1,records=1,exported=2026-01-01T00:00:00Z\nattempt,date,started,questionnaire,questionnaire_version\n\"x"))
	f.Add([]byte(`{"format":"digikomp-export","version":1,"records":1,"exported":"2026-01-01T00:00:00Z","with_names":false,"with_text":false}` + "\n{}"))
	lim := Limits{MaxLine: 4096, MaxRecords: 100, MaxBytes: 1 << 16}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Decode(bytes.NewReader(data), lim)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("not a FileError: %T %v", err, err)
			}
			return
		}
		if n := len(file.Records) + len(file.Rejected); n != file.Header.Records || n > lim.MaxRecords {
			t.Fatalf("%d records, header says %d", n, file.Header.Records)
		}
		seen := map[string]bool{}
		for _, r := range file.Records {
			if err := r.Check(); err != nil {
				t.Fatalf("accepted record fails Check: %v", err)
			}
			if seen[r.Attempt] {
				t.Fatalf("attempt %s accepted twice", r.Attempt)
			}
			seen[r.Attempt] = true
			if r.Line < 1 {
				t.Fatalf("record on line %d", r.Line)
			}
		}
		for _, p := range file.Rejected {
			if p.Line < 1 || p.Code == "" {
				t.Fatalf("problem without line or code: %+v", p)
			}
		}
		// What was accepted is written again (JSON Lines keeps every
		// text byte) and must read back the same number of records.
		var buf bytes.Buffer
		h := file.Header
		h.Records = len(file.Records)
		w, err := NewJSONL(&buf, h)
		if err != nil {
			t.Fatal(err)
		}
		for i := range file.Records {
			if err := w.Write(&file.Records[i].Record); err != nil {
				t.Fatalf("accepted record cannot be written: %v", err)
			}
		}
		_ = w.Close()
		again, err := Decode(&buf, Limits{MaxLine: 1 << 20, MaxRecords: 100, MaxBytes: 1 << 24})
		if err != nil || len(again.Records) != len(file.Records) || len(again.Rejected) != 0 {
			t.Fatalf("written again: %v %+v", err, again)
		}
	})
}
