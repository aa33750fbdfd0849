package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"digikomp/internal/wire"
	"digikomp/survey"
)

// Buckets added in schema 5 (issue 12: workshops).
var (
	workshopsBucket = []byte("workshops")         // workshop id → workshopRecord
	byWorkshop      = []byte("workshop-attempts") // workshop id, 0x00, attempt id → empty (the index)
	extrasBucket    = []byte("extras")            // attempt id → extraRecord
)

// workshopRecord is what the workshops bucket holds for one workshop,
// under its id (schema 5). Binary and strict like a profile record
// (decodeWorkshop refuses anything encodeWorkshop would not write):
//
//	byte     format, workshopFormat
//	byte     flags: 1 has a facilitator PIN; no other bit
//	uvarint  length, then the id (as the key)
//	uvarint  length, then the name: 1–80 characters, clean and NFC
//	uvarint  length, then the place: 0–80 characters, clean and NFC
//	uvarint  length, then the round: 1–40 characters, clean and NFC
//	uvarint  date, unix seconds
//	uvarint  created, unix seconds
//	uvarint  clear-after, seconds (1 s to 24 h)
//	with a PIN (flag 1): the PIN's argon2id parameters, salt and key as
//	  in a profile record (appendPINState)
//	uvarint  consecutive wrong PIN tries
//	uvarint  no try is judged before this, unix nanoseconds; 0 if none
type workshopRecord struct {
	ID, Name, Place, Round string
	Date, Created          time.Time // whole seconds
	ClearAfter             time.Duration
	PIN                    *pinHash // nil: no facilitator PIN (a workshop that came with an import)
	Failures               int
	WaitUntil              time.Time
}

// workshopFormat is the format byte of a workshop record.
const workshopFormat = 1

// workshopPIN is the flag bit of a workshop record with a PIN.
const workshopPIN = 1

// Limits of a workshop's texts, in characters, and of its clear time.
const (
	MaxWorkshopName  = 80
	MaxWorkshopPlace = 80
	MaxWorkshopRound = 40
	// DefaultClearAfter is how long a participant's result stays on
	// screen before it clears itself, when the workshop sets no time.
	DefaultClearAfter = 2 * time.Minute
	minClearAfter     = time.Second
	maxClearAfter     = 24 * time.Hour
)

func encodeWorkshop(w workshopRecord) ([]byte, error) {
	if err := checkWorkshopRecord(w); err != nil {
		return nil, fmt.Errorf("encode workshop %q: %w", survey.Visible(w.ID), err)
	}
	out := make([]byte, 0, 48+len(w.ID)+len(w.Name)+len(w.Place)+len(w.Round))
	var flags byte
	if w.PIN != nil {
		flags |= workshopPIN
	}
	out = append(out, workshopFormat, flags)
	out = appendString(out, w.ID)
	out = appendString(out, w.Name)
	out = appendString(out, w.Place)
	out = appendString(out, w.Round)
	out = binary.AppendUvarint(out, uint64(w.Date.Unix()))
	out = binary.AppendUvarint(out, uint64(w.Created.Unix()))
	out = binary.AppendUvarint(out, uint64(w.ClearAfter/time.Second))
	return appendPINState(out, w.PIN, w.Failures, w.WaitUntil), nil
}

// decodeWorkshop decodes and checks a workshop record.
func decodeWorkshop(raw []byte) (workshopRecord, error) {
	w, err := decodeWorkshopFields(raw)
	if err == nil {
		err = checkWorkshopRecord(w)
	}
	if err == nil {
		if again, _ := encodeWorkshop(w); !bytes.Equal(again, raw) {
			err = errors.New("not in the form this build writes")
		}
	}
	if err != nil {
		return workshopRecord{}, fmt.Errorf("%w: workshop: %w", ErrCorrupt, err)
	}
	return w, nil
}

func decodeWorkshopFields(raw []byte) (workshopRecord, error) {
	r := reader{wire.Reader{B: raw}}
	if f := r.Byte(); r.Err == nil && f != workshopFormat {
		return workshopRecord{}, fmt.Errorf("format %d, want %d", f, workshopFormat)
	}
	flags := r.Byte()
	if flags&^workshopPIN != 0 {
		return workshopRecord{}, fmt.Errorf("unknown flags %#x", flags)
	}
	var w workshopRecord
	w.ID = string(r.Bytes(r.Uvarint(maxIDLen)))
	w.Name = string(r.Bytes(r.Uvarint(MaxWorkshopName * utf8.UTFMax)))
	w.Place = string(r.Bytes(r.Uvarint(MaxWorkshopPlace * utf8.UTFMax)))
	w.Round = string(r.Bytes(r.Uvarint(MaxWorkshopRound * utf8.UTFMax)))
	date := r.Uvarint(maxUnixSeconds)
	created := r.Uvarint(maxUnixSeconds)
	clearAfter := r.Uvarint(uint64(maxClearAfter / time.Second))
	if r.Err == nil {
		w.Date = time.Unix(int64(date), 0).UTC()
		w.Created = time.Unix(int64(created), 0).UTC()
		w.ClearAfter = time.Duration(clearAfter) * time.Second
	}
	w.PIN, w.Failures, w.WaitUntil = readPINState(&r, flags&workshopPIN != 0)
	if r.Err == nil && len(r.B) != 0 {
		return workshopRecord{}, fmt.Errorf("%d bytes after the record", len(r.B))
	}
	return w, r.Err
}

// checkWorkshopRecord checks what one workshop record can say about
// itself.
func checkWorkshopRecord(w workshopRecord) error {
	if err := checkID("workshop id", w.ID); err != nil {
		return err
	}
	for _, f := range []struct {
		what     string
		s        string
		min, max int
	}{{"workshop name", w.Name, 1, MaxWorkshopName}, {"workshop place", w.Place, 0, MaxWorkshopPlace}, {"collection round", w.Round, 1, MaxWorkshopRound}} {
		if clean, err := cleanField(f.what, f.s, f.min, f.max); err != nil {
			return err
		} else if clean != f.s {
			return fmt.Errorf("%w: %s %q is not in its clean form", ErrInvalid, f.what, survey.Visible(f.s))
		}
	}
	if err := checkTime("workshop date", w.Date); err != nil {
		return err
	}
	if err := checkTime("created", w.Created); err != nil {
		return err
	}
	if w.ClearAfter < minClearAfter || w.ClearAfter > maxClearAfter || w.ClearAfter%time.Second != 0 {
		return fmt.Errorf("%w: a result clears after %v, not within %v..%v in whole seconds", ErrInvalid, w.ClearAfter, minClearAfter, maxClearAfter)
	}
	return checkPINState(w.PIN, w.Failures, w.WaitUntil)
}

// cleanField is a one-line text as it is kept: cleaned of what acts on a
// terminal (survey.CleanLine), spaces trimmed, NFC-normalised, and then
// min to max characters.
func cleanField(what, s string, minRunes, maxRunes int) (string, error) {
	if len(s) > 64<<10 {
		return "", fmt.Errorf("%w: %s is at most %d characters", ErrInvalid, what, maxRunes)
	}
	s = norm.NFC.String(strings.TrimSpace(survey.CleanLine(s)))
	switch n := utf8.RuneCountInString(s); {
	case n < minRunes && n == 0:
		return "", fmt.Errorf("%w: empty %s", ErrInvalid, what)
	case n < minRunes:
		return "", fmt.Errorf("%w: %s is at least %d characters, this one has %d", ErrInvalid, what, minRunes, n)
	case n > maxRunes:
		return "", fmt.Errorf("%w: %s is at most %d characters, this one has %d", ErrInvalid, what, maxRunes, n)
	}
	return s, nil
}

// The extras bucket (schema 5) holds, per attempt that has either, what
// an attempt record of schema 3 has no field for, so that the compact
// attempt record (and every benchmark built on it) stays as it is:
//
//	extras  attempt id → [format = 1][manager answer: 0 none, 1 yes,
//	                     2 partly, 3 no, 4 don't know]
//	                     [uvarint len][workshop id, "" for none]
//
// A record with neither is not kept. The workshop of an attempt never
// changes after it started (StartWorkshopAttempt, Import); its index
// entry (workshop-attempts) exists exactly when the record names a
// workshop.
type extraRecord struct {
	Workshop string // "" if none
	Manager  string // survey.ManagerYes … ManagerDontKnow, or ""
}

// extraFormat is the first byte of an extras record.
const extraFormat = 1

// managerCodes are the stored codes of the managers' answers: code i+1
// is managerCodes[i]. Part of the file format: never reorder.
var managerCodes = []string{survey.ManagerYes, survey.ManagerPartly, survey.ManagerNo, survey.ManagerDontKnow}

func (e extraRecord) empty() bool { return e.Workshop == "" && e.Manager == "" }

func encodeExtra(e extraRecord) ([]byte, error) {
	code := 0
	if e.Manager != "" {
		if code = slices.Index(managerCodes, e.Manager) + 1; code == 0 {
			return nil, fmt.Errorf("%w: %q is no answer to the managers' question", ErrInvalid, survey.Visible(e.Manager))
		}
	}
	if e.Workshop != "" {
		if err := checkID("workshop id", e.Workshop); err != nil {
			return nil, err
		}
	}
	if e.empty() {
		return nil, fmt.Errorf("%w: an empty extras record", ErrInvalid)
	}
	out := []byte{extraFormat, byte(code)}
	return appendString(out, e.Workshop), nil
}

// decodeExtra decodes and checks an extras record.
func decodeExtra(raw []byte) (extraRecord, error) {
	corrupt := func(what any) error { return fmt.Errorf("%w: extras record: %v", ErrCorrupt, what) }
	r := reader{wire.Reader{B: raw}}
	if f := r.Byte(); r.Err == nil && f != extraFormat {
		return extraRecord{}, corrupt(fmt.Sprintf("format %d, want %d", f, extraFormat))
	}
	code := r.Byte()
	var e extraRecord
	e.Workshop = string(r.Bytes(r.Uvarint(maxIDLen)))
	if r.Err == nil && len(r.B) != 0 {
		r.Fail(fmt.Sprintf("%d trailing bytes", len(r.B)))
	}
	if r.Err != nil {
		return extraRecord{}, corrupt(r.Err)
	}
	if int(code) > len(managerCodes) {
		return extraRecord{}, corrupt(fmt.Sprintf("managers' answer code %d", code))
	}
	if code > 0 {
		e.Manager = managerCodes[code-1]
	}
	again, err := encodeExtra(e)
	if err != nil {
		return extraRecord{}, corrupt(detail(err))
	}
	if !bytes.Equal(again, raw) {
		return extraRecord{}, corrupt("not in canonical form")
	}
	return e, nil
}

// workshopIndexKey is the key of an attempt's entry in the
// workshop-attempts index: the workshop id, a 0x00 byte (no id holds
// one, see checkID) and the attempt id. A workshop's entries are one
// range of keys, in attempt-id (start) order, found with a seek to
// workshopPrefix.
func workshopIndexKey(workshopID string, id AttemptID) []byte {
	k := make([]byte, 0, len(workshopID)+1+len(id))
	k = append(k, workshopID...)
	k = append(k, 0)
	return append(k, id[:]...)
}

// workshopPrefix is what every index key of the workshop begins with.
func workshopPrefix(workshopID string) []byte {
	return append([]byte(workshopID), 0)
}

// splitWorkshopIndexKey is the inverse of workshopIndexKey.
func splitWorkshopIndexKey(k []byte) (string, AttemptID, error) {
	var id AttemptID
	if len(k) < len(id)+2 || k[len(k)-len(id)-1] != 0 {
		return "", AttemptID{}, fmt.Errorf("%w: workshop index key of %d bytes", ErrCorrupt, len(k))
	}
	w := string(k[:len(k)-len(id)-1])
	if err := checkID("workshop id", w); err != nil {
		return "", AttemptID{}, fmt.Errorf("%w: workshop index key: %w", ErrCorrupt, err)
	}
	copy(id[:], k[len(k)-len(id):])
	if id.IsZero() {
		return "", AttemptID{}, fmt.Errorf("%w: workshop index key with the zero attempt id", ErrCorrupt)
	}
	return w, id, nil
}
