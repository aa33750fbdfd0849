package store

import (
	"bytes"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"digikomp/internal/wire"
	"digikomp/survey"
)

// profileRecord is what the profiles bucket holds for one profile, under
// its id (schema 4). The record is binary and strict (decodeProfile
// refuses anything encodeProfile would not write):
//
//	byte     format, profileFormat
//	byte     flags: 1 anonymous, 2 has a PIN; no other bit
//	uvarint  length, then the id (as the key)
//	uvarint  length, then the name: "" for the default and anonymous
//	         profiles, else 1–40 characters, clean and NFC (cleanName)
//	uvarint  created, unix seconds
//	with a PIN (flag 2):
//	  uvarint  argon2id time (passes), memory (KiB); byte threads
//	  byte     salt length, then the salt
//	  byte     key length, then the derived key
//	uvarint  consecutive wrong PIN tries
//	uvarint  no try is judged before this, unix nanoseconds; 0 if none
type profileRecord struct {
	ID        string
	Name      string
	Created   time.Time // whole seconds
	Anonymous bool
	PIN       *pinHash // nil: no PIN
	Failures  int
	WaitUntil time.Time // zero: none
}

// pinHash is a PIN's argon2id key with the salt and parameters it was
// derived with, so that the parameters can be raised for new PINs while
// old ones still check.
type pinHash struct {
	Time    uint32 // passes
	Memory  uint32 // KiB
	Threads uint8
	Salt    []byte
	Key     []byte
}

// matches compares a derived key with the stored one in constant time.
func (h *pinHash) matches(key []byte) bool {
	return subtle.ConstantTimeCompare(h.Key, key) == 1
}

// profileFormat is the format byte of a schema 4 profile record.
const profileFormat = 1

const (
	profileAnonymous = 1 << iota
	profilePIN
)

// Limits on a profile record, checked when it is read so that a damaged
// or hostile file cannot make CheckPIN allocate gigabytes or loop for
// minutes.
const (
	maxNameRunes   = 40      // characters in a profile name
	maxFailures    = 1 << 30 // wrong tries counted
	maxPINTime     = 16      // argon2 passes
	maxPINMemory   = 1 << 18 // argon2 memory in KiB (256 MiB, eight times pinParams)
	minSaltLen     = 16      // bytes of salt
	minKeyLen      = 16      // bytes of derived key
	maxSaltKeyLen  = 64      // bytes of salt or key
	maxUnixSeconds = 1 << 34 // about the year 2514; checkTime bounds at 2262
)

func encodeProfile(p profileRecord) ([]byte, error) {
	if err := checkProfileRecord(p); err != nil {
		return nil, fmt.Errorf("encode profile %q: %w", p.ID, err)
	}
	out := make([]byte, 0, 32+len(p.ID)+len(p.Name))
	var flags byte
	if p.Anonymous {
		flags |= profileAnonymous
	}
	if p.PIN != nil {
		flags |= profilePIN
	}
	out = append(out, profileFormat, flags)
	out = binary.AppendUvarint(out, uint64(len(p.ID)))
	out = append(out, p.ID...)
	out = binary.AppendUvarint(out, uint64(len(p.Name)))
	out = append(out, p.Name...)
	out = binary.AppendUvarint(out, uint64(p.Created.Unix()))
	return appendPINState(out, p.PIN, p.Failures, p.WaitUntil), nil
}

// appendPINState writes what profile and workshop records share: the
// PIN's hash when there is one (the record's flags say whether), the
// count of consecutive wrong tries and the wait after them.
func appendPINState(out []byte, h *pinHash, failures int, waitUntil time.Time) []byte {
	if h != nil {
		out = binary.AppendUvarint(out, uint64(h.Time))
		out = binary.AppendUvarint(out, uint64(h.Memory))
		out = append(out, h.Threads, byte(len(h.Salt)))
		out = append(out, h.Salt...)
		out = append(out, byte(len(h.Key)))
		out = append(out, h.Key...)
	}
	out = binary.AppendUvarint(out, uint64(failures))
	var wait uint64
	if !waitUntil.IsZero() {
		wait = uint64(waitUntil.UnixNano())
	}
	return binary.AppendUvarint(out, wait)
}

// readPINState reads what appendPINState wrote; hasPIN comes from the
// record's flags. The limits keep a hostile file from asking for
// gigabytes; checkPINState checks the rest.
func readPINState(r *reader, hasPIN bool) (h *pinHash, failures int, waitUntil time.Time) {
	if hasPIN {
		h = &pinHash{
			Time:   uint32(r.Uvarint(maxPINTime)),
			Memory: uint32(r.Uvarint(maxPINMemory)),
		}
		h.Threads = r.Byte()
		h.Salt = append([]byte(nil), r.Bytes(uint64(r.Byte()))...)
		h.Key = append([]byte(nil), r.Bytes(uint64(r.Byte()))...)
	}
	failures = int(r.Uvarint(maxFailures))
	if wait := r.Uvarint(1<<63 - 1); wait != 0 {
		waitUntil = time.Unix(0, int64(wait))
	}
	return h, failures, waitUntil
}

// decodeProfile decodes and checks a profile record.
func decodeProfile(raw []byte) (profileRecord, error) {
	p, err := decodeProfileFields(raw)
	if err == nil {
		err = checkProfileRecord(p)
	}
	if err == nil {
		// One spelling per record: no over-long number, nothing a
		// rewrite would change.
		if again, _ := encodeProfile(p); !bytes.Equal(again, raw) {
			err = errors.New("not in the form this build writes")
		}
	}
	if err != nil {
		return profileRecord{}, fmt.Errorf("%w: profile: %w", ErrCorrupt, err)
	}
	return p, nil
}

func decodeProfileFields(raw []byte) (profileRecord, error) {
	r := reader{wire.Reader{B: raw}}
	if f := r.Byte(); r.Err == nil && f != profileFormat {
		return profileRecord{}, fmt.Errorf("format %d, want %d", f, profileFormat)
	}
	flags := r.Byte()
	if flags&^(profileAnonymous|profilePIN) != 0 {
		return profileRecord{}, fmt.Errorf("unknown flags %#x", flags)
	}
	var p profileRecord
	p.Anonymous = flags&profileAnonymous != 0
	p.ID = string(r.Bytes(r.Uvarint(maxIDLen)))
	p.Name = string(r.Bytes(r.Uvarint(maxNameRunes * utf8.UTFMax)))
	if created := r.Uvarint(maxUnixSeconds); r.Err == nil {
		p.Created = time.Unix(int64(created), 0).UTC()
	}
	p.PIN, p.Failures, p.WaitUntil = readPINState(&r, flags&profilePIN != 0)
	if r.Err == nil && len(r.B) != 0 {
		return profileRecord{}, fmt.Errorf("%d bytes after the record", len(r.B))
	}
	return p, r.Err
}

// checkProfileRecord checks what one record can say about itself; that
// names are unique is checked across records (Verify, AddProfile).
func checkProfileRecord(p profileRecord) error {
	if err := checkID("profile id", p.ID); err != nil {
		return err
	}
	if err := checkTime("created", p.Created); err != nil {
		return err
	}
	switch {
	case p.ID == LocalProfile && (p.Name != "" || p.Anonymous):
		return fmt.Errorf("%w: the default profile has a name or is anonymous", ErrInvalid)
	case p.Anonymous && (p.Name != "" || p.PIN != nil):
		return fmt.Errorf("%w: an anonymous profile has a name or a PIN", ErrInvalid)
	case p.ID != LocalProfile && !p.Anonymous:
		if clean, err := cleanName(p.Name); err != nil {
			return err
		} else if clean != p.Name {
			return fmt.Errorf("%w: profile name %q is not in its clean form", ErrInvalid, survey.Visible(p.Name))
		}
	}
	return checkPINState(p.PIN, p.Failures, p.WaitUntil)
}

// checkPINState checks a record's PIN hash, wrong tries and wait: the
// parameters within what a check may cost, and no tries counted without
// a PIN.
func checkPINState(h *pinHash, failures int, waitUntil time.Time) error {
	if failures < 0 || failures > maxFailures {
		return fmt.Errorf("%w: %d wrong PIN tries", ErrInvalid, failures)
	}
	if !waitUntil.IsZero() && waitUntil.UnixNano() <= 0 {
		return fmt.Errorf("%w: PIN wait before 1970", ErrInvalid)
	}
	if h != nil {
		switch {
		case h.Time < 1 || h.Time > maxPINTime:
			return fmt.Errorf("%w: argon2 time %d outside 1..%d", ErrInvalid, h.Time, maxPINTime)
		case h.Memory < 8*uint32(max(h.Threads, 1)) || h.Memory > maxPINMemory:
			return fmt.Errorf("%w: argon2 memory %d KiB outside %d..%d", ErrInvalid, h.Memory, 8*int(h.Threads), maxPINMemory)
		case h.Threads < 1:
			return fmt.Errorf("%w: argon2 with no thread", ErrInvalid)
		case len(h.Salt) < minSaltLen || len(h.Salt) > maxSaltKeyLen:
			return fmt.Errorf("%w: salt of %d bytes", ErrInvalid, len(h.Salt))
		case len(h.Key) < minKeyLen || len(h.Key) > maxSaltKeyLen:
			return fmt.Errorf("%w: key of %d bytes", ErrInvalid, len(h.Key))
		}
	} else if failures != 0 || !waitUntil.IsZero() {
		return fmt.Errorf("%w: wrong PIN tries counted without a PIN", ErrInvalid)
	}
	return nil
}

// cleanName is a profile name as it is kept: cleaned of what acts on a
// terminal (survey.CleanLine), spaces trimmed, NFC-normalised, 1 to 40
// characters.
func cleanName(name string) (string, error) {
	if len(name) > 64<<10 {
		// Far beyond any name; do not spend time cleaning it.
		return "", fmt.Errorf("%w: a profile name is at most %d characters", ErrInvalid, maxNameRunes)
	}
	s := norm.NFC.String(strings.TrimSpace(survey.CleanLine(name)))
	switch n := utf8.RuneCountInString(s); {
	case n == 0:
		return "", fmt.Errorf("%w: empty profile name", ErrInvalid)
	case n > maxNameRunes:
		return "", fmt.Errorf("%w: a profile name is at most %d characters, this one has %d", ErrInvalid, maxNameRunes, n)
	}
	return s, nil
}

// foldName is the form two names are compared in: names equal after
// case folding are the same person's.
func foldName(name string) string {
	return norm.NFC.String(cases.Fold().String(name))
}
