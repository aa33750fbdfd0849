package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
)

// u64Bytes encodes v big-endian, so that bbolt's byte order of keys is
// numeric order.
func u64Bytes(v uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, v)
}

// u64 decodes what u64Bytes encoded; b must be 8 bytes long.
func u64(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

// profileRecord is the JSON value of a profile.
type profileRecord struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
}

func encodeProfile(p profileRecord) ([]byte, error) {
	raw, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("encode profile %q: %w", p.ID, err)
	}
	return raw, nil
}

// attemptRecord is the JSON header of an attempt: everything but the
// ratings, which change most often and live in their own compact record.
// It is separate from Attempt so that renaming a Go field never changes
// the file format.
type attemptRecord struct {
	Questionnaire string            `json:"questionnaire"`
	Version       int               `json:"version"`
	Profile       string            `json:"profile"`
	Started       time.Time         `json:"started"`
	Finished      time.Time         `json:"finished,omitzero"`
	Background    map[string]string `json:"background,omitempty"`
	Discussion    map[string]string `json:"discussion,omitempty"`
	Position      positionRecord    `json:"position"`
}

// positionRecord is the JSON form of Position.
type positionRecord struct {
	Stage  uint8 `json:"stage"`
	Cursor int   `json:"cursor"`
}

func encodeAttempt(r attemptRecord) ([]byte, error) {
	raw, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("encode attempt: %w", err)
	}
	return raw, nil
}

// decodeAttempt decodes a header and checks what the rest of the package
// relies on, so that a damaged header is reported rather than acted on.
func decodeAttempt(raw []byte) (attemptRecord, error) {
	var r attemptRecord
	if err := json.Unmarshal(raw, &r); err != nil {
		return attemptRecord{}, fmt.Errorf("%w: attempt header: %w", ErrCorrupt, err)
	}
	switch {
	case r.Profile == "":
		return attemptRecord{}, fmt.Errorf("%w: attempt header has no profile", ErrCorrupt)
	case Stage(r.Position.Stage) > StageDone || r.Position.Cursor < 0:
		return attemptRecord{}, fmt.Errorf("%w: attempt header has position %+v", ErrCorrupt, r.Position)
	}
	return r, nil
}

// attempt combines a decoded header and ratings into an Attempt. The maps
// are never nil so that callers may fill them in.
func (r attemptRecord) attempt(id AttemptID, ratings map[string]Rating) Attempt {
	a := Attempt{
		ID:                   id,
		QuestionnaireID:      r.Questionnaire,
		QuestionnaireVersion: r.Version,
		ProfileID:            r.Profile,
		Started:              r.Started,
		Finished:             r.Finished,
		Background:           make(map[string]string, len(r.Background)),
		Ratings:              ratings,
		Discussion:           make(map[string]string, len(r.Discussion)),
		Position:             Position{Stage: Stage(r.Position.Stage), Cursor: r.Position.Cursor},
	}
	for k, v := range r.Background {
		a.Background[k] = v
	}
	for k, v := range r.Discussion {
		a.Discussion[k] = v
	}
	if a.Ratings == nil {
		a.Ratings = map[string]Rating{}
	}
	return a
}

func toPositionRecord(p Position) positionRecord {
	return positionRecord{Stage: uint8(p.Stage), Cursor: p.Cursor}
}

// ratingsFormat is the first byte of an answers record, so that the
// layout can change without a schema migration of every record.
const ratingsFormat = 1

// minRatingLen is the fewest bytes one encoded rating takes: a length,
// a one-byte id, a value and a time of one byte each. Decoding uses it to
// refuse a count that the record cannot hold before allocating for it.
const minRatingLen = 4

// encodeRatings builds an answers record:
//
//	[format byte = 1][uvarint count]
//	count × [uvarint len(statement id)][statement id][uvarint value][varint unix ms]
//
// Ratings are written in statement-id order so that equal maps give equal
// bytes.
func encodeRatings(ratings map[string]Rating) ([]byte, error) {
	ids := make([]string, 0, len(ratings))
	size := 1 + binary.MaxVarintLen64
	for id := range ratings {
		ids = append(ids, id)
		size += 3*binary.MaxVarintLen64 + len(id)
	}
	slices.Sort(ids)
	b := make([]byte, 0, size)
	b = append(b, ratingsFormat)
	b = binary.AppendUvarint(b, uint64(len(ids)))
	for _, id := range ids {
		r := ratings[id]
		if err := checkID("statement id", id); err != nil {
			return nil, err
		}
		if err := checkRating(r.Value); err != nil {
			return nil, err
		}
		b = binary.AppendUvarint(b, uint64(len(id)))
		b = append(b, id...)
		b = binary.AppendUvarint(b, uint64(r.Value))
		b = binary.AppendVarint(b, r.At.UnixMilli())
	}
	return b, nil
}

// decodeRatings parses an answers record. Every length and count is
// checked against what is left, so damaged input yields ErrCorrupt and
// never a panic or a huge allocation.
func decodeRatings(b []byte) (map[string]Rating, error) {
	corrupt := func(what string) error {
		return fmt.Errorf("%w: answers record: %s", ErrCorrupt, what)
	}
	if len(b) == 0 {
		return nil, corrupt("empty")
	}
	if b[0] != ratingsFormat {
		return nil, corrupt(fmt.Sprintf("format %d, want %d", b[0], ratingsFormat))
	}
	b = b[1:]
	count, n := binary.Uvarint(b)
	if n <= 0 {
		return nil, corrupt("bad count")
	}
	b = b[n:]
	if count > uint64(len(b)/minRatingLen) {
		return nil, corrupt(fmt.Sprintf("count %d does not fit in %d bytes", count, len(b)))
	}
	ratings := make(map[string]Rating, count)
	for i := uint64(0); i < count; i++ {
		l, n := binary.Uvarint(b)
		if n <= 0 || l == 0 || l > maxIDLen || l > uint64(len(b)-n) {
			return nil, corrupt(fmt.Sprintf("rating %d: bad id length", i))
		}
		b = b[n:]
		id := string(b[:l])
		b = b[l:]
		if err := checkID("statement id", id); err != nil {
			return nil, corrupt(fmt.Sprintf("rating %d: %v", i, err))
		}
		if _, dup := ratings[id]; dup {
			return nil, corrupt(fmt.Sprintf("rating %d: statement %q twice", i, id))
		}
		v, n := binary.Uvarint(b)
		if n <= 0 || v > maxRating {
			return nil, corrupt(fmt.Sprintf("rating %d: bad value", i))
		}
		b = b[n:]
		ms, n := binary.Varint(b)
		if n <= 0 {
			return nil, corrupt(fmt.Sprintf("rating %d: bad time", i))
		}
		b = b[n:]
		ratings[id] = Rating{Value: int(v), At: time.UnixMilli(ms)}
	}
	if len(b) != 0 {
		return nil, corrupt(fmt.Sprintf("%d trailing bytes", len(b)))
	}
	return ratings, nil
}

// reader decodes a record field by field. The first problem sticks in err
// and every later read returns zero values, so a decoder checks once at
// the end; lengths are checked against what is left before slicing.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = errors.New(what)
	}
	r.b = nil
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.fail("cut short")
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// uvarint reads a number and refuses one above limit.
func (r *reader) uvarint(limit uint64) uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("bad number")
		return 0
	}
	if v > limit {
		r.fail(fmt.Sprintf("number %d above %d", v, limit))
		return 0
	}
	r.b = r.b[n:]
	return v
}

// bytes returns the next n bytes, aliasing the input.
func (r *reader) bytes(n uint64) []byte {
	if n > uint64(len(r.b)) {
		r.fail(fmt.Sprintf("length %d, only %d bytes left", n, len(r.b)))
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

// decodeProfile decodes and checks a profile record.
func decodeProfile(raw []byte) (profileRecord, error) {
	var p profileRecord
	if err := json.Unmarshal(raw, &p); err != nil {
		return profileRecord{}, fmt.Errorf("%w: profile: %w", ErrCorrupt, err)
	}
	if err := checkID("profile id", p.ID); err != nil {
		return profileRecord{}, fmt.Errorf("%w: profile: %w", ErrCorrupt, err)
	}
	return p, nil
}
