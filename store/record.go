package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"digikomp/internal/wire"
)

// attemptRecord is one attempt as the attempts bucket holds it: header,
// ratings and discussion answers in one record. It is separate from
// Attempt so that renaming a Go field never changes the file format.
type attemptRecord struct {
	Questionnaire string
	Version       int
	Profile       string
	Started       time.Time // whole seconds
	Finished      time.Time // whole seconds; zero while unfinished
	Background    map[string]string
	// Values holds one byte per statement of the shape, in its order: 0
	// for no rating, else the value + 1 (Skipped is 1). It is nil until
	// the first rating; kept as bytes so that reading a record builds no
	// map and a results row is a copy.
	Values     []byte
	Discussion map[string]string
	Position   Position
}

// recordFormat is the first byte of an attempt record.
const recordFormat = 1

// An attempt record (schema 3), about 60 bytes for a finished attempt
// with every background answer and no discussion text:
//
//	[format = 1]
//	[uvarint questionnaire version: the number of its shape]
//	[uvarint len][profile id]
//	[uvarint started, unix seconds]
//	[stage byte][uvarint cursor]
//	finished attempts only (stage = StageDone): [varint finished − started, seconds]
//	[uvarint count] count × background answer:
//	    [uvarint q]  q > 0: question q−1 of the shape; 0: [uvarint len][question id]
//	    [uvarint v]  v > 0: option v−1 of the question, or for a municipality
//	                 question code v−1 of the municipality table; 0: [uvarint len][text]
//	[uvarint n] n = 0 (no ratings yet) or the shape's statement count, then
//	    n bytes in the shape's order: 0 no rating, else value + 1 (Skipped is 1)
//	[uvarint count] count × discussion answer: [uvarint len][question id][uvarint len][text]
//
// Background answers come in the shape's order, then any question the
// shape lacks in id order; discussion answers in id order; so equal
// attempts give equal bytes. When a rating was given is not kept: nothing
// shows it, and the position says where to resume.

// recordCodec is what encoding and decoding need besides the record: the
// shape of its questionnaire version and the municipality table.
type recordCodec struct {
	shape    func(questionnaireID string, version int) (shape, error)
	numbered func(number uint64) (questionnaireID string, version int, sh shape, err error)
	// code returns the code of a municipality name, adding it when
	// needed; ok false stores the name as text.
	code func(name string) (c uint64, ok bool, err error)
	name func(code uint64) (string, error)
}

// maxSeconds is the last second whose unix nanoseconds fit an int64, as
// index keys need.
const maxSeconds = math.MaxInt64 / 1_000_000_000

// secondsOf is how a record keeps a time: whole seconds.
func secondsOf(t time.Time) time.Time { return time.Unix(t.Unix(), 0).UTC() }

func encodeAttempt(r attemptRecord, c recordCodec) ([]byte, error) {
	sh, err := c.shape(r.Questionnaire, r.Version)
	if err != nil {
		return nil, err
	}
	if r.Version < 0 || r.Version > math.MaxUint32 {
		return nil, fmt.Errorf("%w: questionnaire version %d", ErrInvalid, r.Version)
	}
	if r.Started.Unix() < 0 {
		return nil, fmt.Errorf("%w: start time %v", ErrInvalid, r.Started)
	}
	done := r.Position.Stage == StageDone
	if done == r.Finished.IsZero() || r.Position.Stage > StageDone || r.Position.Cursor < 0 {
		return nil, fmt.Errorf("%w: position %+v with finish time %v", ErrInvalid, r.Position, r.Finished)
	}
	b := make([]byte, 0, 64+len(sh.statements))
	b = append(b, recordFormat)
	b = binary.AppendUvarint(b, sh.number)
	b = appendString(b, r.Profile)
	b = binary.AppendUvarint(b, uint64(r.Started.Unix()))
	b = append(b, byte(r.Position.Stage))
	b = binary.AppendUvarint(b, uint64(r.Position.Cursor))
	if done {
		b = binary.AppendVarint(b, r.Finished.Unix()-r.Started.Unix())
	}

	b = binary.AppendUvarint(b, uint64(len(r.Background)))
	for i, q := range sh.background {
		v, ok := r.Background[q.id]
		if !ok {
			continue
		}
		b = binary.AppendUvarint(b, uint64(i+1))
		if b, err = appendBackgroundValue(b, q, v, c); err != nil {
			return nil, err
		}
	}
	for _, id := range slices.Sorted(maps.Keys(r.Background)) {
		if sh.backgroundIndex(id) >= 0 {
			continue
		}
		b = binary.AppendUvarint(b, 0)
		b = appendString(b, id)
		b = binary.AppendUvarint(b, 0)
		b = appendString(b, r.Background[id])
	}

	if len(r.Values) != 0 && len(r.Values) != len(sh.statements) {
		return nil, fmt.Errorf("%w: %d ratings for the %d statements of questionnaire %s version %d",
			ErrInvalid, len(r.Values), len(sh.statements), r.Questionnaire, r.Version)
	}
	b = binary.AppendUvarint(b, uint64(len(r.Values)))
	b = append(b, r.Values...)

	b = binary.AppendUvarint(b, uint64(len(r.Discussion)))
	for _, id := range slices.Sorted(maps.Keys(r.Discussion)) {
		b = appendString(b, id)
		b = appendString(b, r.Discussion[id])
	}
	return b, nil
}

// appendBackgroundValue writes an answer to question q as an option
// index, a municipality code, or text when it is neither.
func appendBackgroundValue(b []byte, q backgroundShape, v string, c recordCodec) ([]byte, error) {
	if q.municipality {
		code, ok, err := c.code(v)
		if err != nil {
			return nil, err
		}
		if ok {
			return binary.AppendUvarint(b, code+1), nil
		}
	} else if i := slices.Index(q.options, v); i >= 0 {
		return binary.AppendUvarint(b, uint64(i+1)), nil
	}
	b = binary.AppendUvarint(b, 0)
	return appendString(b, v), nil
}

// decodeAttempt decodes and checks an attempt record; anything damaged,
// out of range or left over is ErrCorrupt, never a panic.
func decodeAttempt(raw []byte, c recordCodec) (attemptRecord, error) {
	return decodeAttemptInto(raw, c, nil, false)
}

// decodeAttemptInto is decodeAttempt for a scan that decodes many records
// and keeps none: the background answers go into background (cleared
// first) when it is not nil, and with alias the ratings alias raw instead
// of being copied, so the record is valid only as long as raw and until
// the next call.
func decodeAttemptInto(raw []byte, c recordCodec, background map[string]string, alias bool) (attemptRecord, error) {
	corrupt := func(what any) error {
		return fmt.Errorf("%w: attempt record: %v", ErrCorrupt, what)
	}
	r := reader{wire.Reader{B: raw}}
	if f := r.Byte(); f != recordFormat {
		if r.Err != nil {
			return attemptRecord{}, corrupt(r.Err)
		}
		return attemptRecord{}, corrupt(fmt.Sprintf("format %d, want %d", f, recordFormat))
	}
	var rec attemptRecord
	if background != nil {
		clear(background)
		rec.Background = background
	}
	number := r.Uvarint(math.MaxUint32)
	rec.Profile = r.id()
	started := r.Uvarint(maxSeconds)
	rec.Started = time.Unix(int64(started), 0).UTC()
	stage := r.Byte()
	rec.Position = Position{Stage: Stage(stage), Cursor: int(r.Uvarint(math.MaxInt32))}
	if r.Err != nil {
		return attemptRecord{}, corrupt(r.Err)
	}
	if rec.Position.Stage > StageDone {
		return attemptRecord{}, corrupt(fmt.Sprintf("stage %d", stage))
	}
	if rec.Position.Stage == StageDone {
		d, n := binary.Varint(r.B)
		if n <= 0 || d < -int64(started) || d > maxSeconds-int64(started) {
			return attemptRecord{}, corrupt("bad finish time")
		}
		r.B = r.B[n:]
		rec.Finished = time.Unix(int64(started)+d, 0).UTC()
	}
	var sh shape
	var err error
	if rec.Questionnaire, rec.Version, sh, err = c.numbered(number); err != nil {
		return attemptRecord{}, err
	}

	nb := r.Uvarint(uint64(len(r.B)) / 2)
	for i := uint64(0); i < nb && r.Err == nil; i++ {
		var (
			id string
			q  *backgroundShape
		)
		if qi := r.Uvarint(uint64(len(sh.background))); qi > 0 {
			q = &sh.background[qi-1]
			id = q.id
		} else {
			id = r.id()
		}
		var v string
		vi := r.Uvarint(math.MaxUint32)
		switch {
		case r.Err != nil:
		case vi == 0:
			v = r.text(maxIDLen)
			if v == "" {
				r.Fail("empty background answer")
			}
		case q == nil:
			r.Fail("coded answer to a question the questionnaire lacks")
		case q.municipality:
			name, err := c.name(vi - 1)
			if err != nil {
				r.Fail(err.Error())
			}
			v = name
		case vi > uint64(len(q.options)):
			r.Fail(fmt.Sprintf("option %d of question %q", vi, id))
		default:
			v = q.options[vi-1]
		}
		if rec.Background == nil {
			rec.Background = map[string]string{}
		}
		if _, dup := rec.Background[id]; dup && r.Err == nil {
			r.Fail(fmt.Sprintf("background question %q twice", id))
		}
		rec.Background[id] = v
	}

	switch n := r.Uvarint(255); {
	case r.Err != nil:
	case n == 0:
	case n != uint64(len(sh.statements)):
		r.Fail(fmt.Sprintf("%d ratings for %d statements", n, len(sh.statements)))
	default:
		if rec.Values = r.Bytes(n); !alias {
			rec.Values = bytes.Clone(rec.Values)
		}
	}

	nd := r.Uvarint(uint64(len(r.B)) / 2)
	prev := ""
	for i := uint64(0); i < nd && r.Err == nil; i++ {
		id, text := r.id(), r.text(maxTextLen)
		if i > 0 && id <= prev && r.Err == nil {
			r.Fail("discussion answers out of order")
		}
		if text == "" && r.Err == nil {
			r.Fail("empty discussion answer")
		}
		prev = id
		if rec.Discussion == nil {
			rec.Discussion = map[string]string{}
		}
		rec.Discussion[id] = text
	}
	if r.Err == nil && len(r.B) != 0 {
		r.Fail(fmt.Sprintf("%d trailing bytes", len(r.B)))
	}
	if r.Err != nil {
		return attemptRecord{}, corrupt(r.Err)
	}
	if err := checkID("profile id", rec.Profile); err != nil {
		return attemptRecord{}, corrupt(err)
	}
	return rec, nil
}

// id reads a length-prefixed id and checks it as checkID does.
func (r *reader) id() string {
	s := string(r.Bytes(r.Uvarint(maxIDLen)))
	if r.Err == nil {
		if err := checkID("id", s); err != nil {
			r.Fail(err.Error())
		}
	}
	return s
}

// text reads length-prefixed UTF-8 of at most limit bytes.
func (r *reader) text(limit uint64) string {
	s := string(r.Bytes(r.Uvarint(limit)))
	if r.Err == nil {
		if err := checkText("text", s, int(limit)); err != nil {
			r.Fail(err.Error())
		}
	}
	return s
}

// attempt combines a decoded record into an Attempt; statements are its
// shape's. The maps are never nil so that callers may fill them in.
func (r attemptRecord) attempt(id AttemptID, statements []string) Attempt {
	a := Attempt{
		ID:                   id,
		QuestionnaireID:      r.Questionnaire,
		QuestionnaireVersion: r.Version,
		ProfileID:            r.Profile,
		Started:              r.Started,
		Finished:             r.Finished,
		Background:           maps.Clone(r.Background),
		Ratings:              make(map[string]Rating, len(r.Values)),
		Discussion:           maps.Clone(r.Discussion),
		Position:             r.Position,
	}
	if a.Background == nil {
		a.Background = map[string]string{}
	}
	if a.Discussion == nil {
		a.Discussion = map[string]string{}
	}
	for i, v := range r.Values {
		if v != 0 && i < len(statements) {
			a.Ratings[statements[i]] = Rating{Value: int(v) - 1}
		}
	}
	return a
}

// valuesOf lays out ratings in the shape's order as a record keeps them.
func valuesOf(sh shape, ratings map[string]int) ([]byte, error) {
	if len(ratings) == 0 {
		return nil, nil
	}
	values := make([]byte, len(sh.statements))
	for id, v := range ratings {
		i := sh.index(id)
		if i < 0 {
			return nil, fmt.Errorf("%w: no statement %q in this questionnaire", ErrInvalid, id)
		}
		if err := checkRating(v); err != nil {
			return nil, err
		}
		values[i] = byte(v + 1)
	}
	return values, nil
}
