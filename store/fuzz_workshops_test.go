package store

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"digikomp/survey"
)

// The fuzz targets of schema 5's records: a damaged record decodes to
// ErrCorrupt, never a panic, and whatever decodes is what the encoder
// writes (one spelling per record), within the limits a PIN check may
// cost.

func FuzzDecodeWorkshop(f *testing.F) {
	seeds := []workshopRecord{
		{ID: "0123456789abcdef", Name: "Nätverksträff", Round: "2026 höst", Date: t0, Created: t0, ClearAfter: DefaultClearAfter, PIN: hashPIN("1234")},
		{ID: "feedc0de", Name: "Träff i Lund", Place: "Lund", Round: "baslinje", Date: t0, Created: t0, ClearAfter: time.Second},
		{ID: "a", Name: "n", Round: "r", Date: t0, Created: t0, ClearAfter: time.Hour, PIN: hashPIN("åäö!"), Failures: 7, WaitUntil: t0.Add(8 * time.Second)},
	}
	for _, w := range seeds {
		raw, err := encodeWorkshop(w)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte{workshopFormat, 0xff})
	f.Add([]byte{workshopFormat, 0, 1, 'a', 1, 'n', 0, 1, 'r', 1, 1, 1, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := decodeWorkshop(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		if w.ID == "" || w.Name == "" || w.Round == "" || w.ClearAfter < minClearAfter {
			t.Fatalf("decoded %+v", w)
		}
		if survey.CleanLine(w.Name) != w.Name || survey.CleanLine(w.Place) != w.Place || survey.CleanLine(w.Round) != w.Round {
			t.Fatalf("decoded texts that act on a terminal: %+v", w)
		}
		back, err := encodeWorkshop(w)
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("re-encoded % x, %v; was % x", back, err, data)
		}
		if w.PIN != nil && (w.PIN.Memory > maxPINMemory || w.PIN.Time > maxPINTime) {
			t.Fatalf("parameters %+v", w.PIN)
		}
	})
}

func FuzzDecodeExtra(f *testing.F) {
	for _, e := range []extraRecord{{Workshop: "0123456789abcdef"}, {Manager: survey.ManagerYes}, {Workshop: "w", Manager: survey.ManagerDontKnow}} {
		raw, err := encodeExtra(e)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte{extraFormat, 0, 0})
	f.Add([]byte{extraFormat, 9, 1, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := decodeExtra(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		if e.empty() || (e.Manager != "" && !survey.ValidManagerAnswer(e.Manager)) || (e.Workshop != "" && checkID("w", e.Workshop) != nil) {
			t.Fatalf("decoded %+v", e)
		}
		back, err := encodeExtra(e)
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("re-encoded % x, %v; was % x", back, err, data)
		}
	})
}

func FuzzSplitWorkshopIndexKey(f *testing.F) {
	f.Add(workshopIndexKey("0123456789abcdef", NewAttemptID(t0)))
	f.Add(workshopIndexKey("w", AttemptID{1}))
	f.Add([]byte{0})
	f.Fuzz(func(t *testing.T, data []byte) {
		w, id, err := splitWorkshopIndexKey(data)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v is not ErrCorrupt", err)
			}
			return
		}
		if !bytes.Equal(workshopIndexKey(w, id), data) || !bytes.HasPrefix(data, workshopPrefix(w)) {
			t.Fatalf("split %q, %s from % x", w, id, data)
		}
	})
}
