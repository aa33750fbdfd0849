package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sync"

	"digikomp/internal/wire"
	"digikomp/survey"
)

// A shape is what the file needs to know of a questionnaire version to
// keep its data meaningful on its own: the scale, the statement ids in
// order and, since schema 3, the background questions and their options,
// which attempt records refer to by position. It is stored once per questionnaire id and version, when the
// first attempt of it starts, and from then on
//
//   - a rating must name one of its statements and lie on its scale;
//   - a finished attempt's results row lists its values in its order;
//   - `digikomp check` can verify every answer without the questionnaire.
//
// A questionnaire whose statements change must therefore get a new
// version: StartAttempt refuses a different shape under a known version.
type shape struct {
	// number is the shape's own number in this file (from 1), which
	// attempt records and results rows refer to instead of repeating the
	// questionnaire's id and version. It is not part of what a shape is
	// compared by.
	number     uint64
	min, max   int
	statements []string
	background []backgroundShape
}

// backgroundShape is one background question as attempt records refer to
// it: an answer is the index of one of options, or for a municipality
// question a code of the file's municipality table (see places.go).
type backgroundShape struct {
	id           string
	municipality bool
	options      []string
}

// shapeFormat is the first byte of a shape record: 2 since schema 3,
// which added the background questions. Format 1 (scale and statements
// only) is read by the migration alone.
const (
	shapeFormat   = 2
	shapeFormatV1 = 1
)

// shapeKey is questionnaire id, NUL, version (uint32): one key per
// version, and the versions of one questionnaire next to each other.
func shapeKey(questionnaireID string, version int) []byte {
	k := make([]byte, 0, len(questionnaireID)+5)
	k = append(k, questionnaireID...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint32(k, uint32(version))
}

// splitShapeKey is the inverse of shapeKey.
func splitShapeKey(k []byte) (string, int, error) {
	i := bytes.IndexByte(k, 0)
	if i <= 0 || len(k)-i-1 != 4 {
		return "", 0, fmt.Errorf("%w: questionnaire key %x", ErrCorrupt, k)
	}
	return string(k[:i]), int(binary.BigEndian.Uint32(k[i+1:])), nil
}

func shapeOf(q *survey.Questionnaire) shape {
	sh := shape{min: q.Scale.Min, max: q.Scale.Max}
	for _, s := range q.Statements {
		sh.statements = append(sh.statements, s.ID)
	}
	for _, bq := range q.Background {
		bs := backgroundShape{id: bq.ID, municipality: bq.Kind == survey.KindMunicipality}
		for _, o := range bq.Options {
			bs.options = append(bs.options, o.ID)
		}
		sh.background = append(sh.background, bs)
	}
	return sh
}

// checkShape accepts what a results row can hold: a scale within one
// byte above Skipped and at most maxStatements distinct statement ids. The
// limits are the survey package's, so a questionnaire that loads passes.
func checkShape(sh shape) error {
	switch {
	case sh.min < 1 || sh.max < sh.min || sh.max > maxRating:
		return fmt.Errorf("%w: scale %d–%d outside 1..%d", ErrInvalid, sh.min, sh.max, maxRating)
	case len(sh.statements) == 0 || len(sh.statements) > maxStatements:
		return fmt.Errorf("%w: %d statements, want 1..%d", ErrInvalid, len(sh.statements), maxStatements)
	}
	seen := make(map[string]bool, len(sh.statements))
	for _, id := range sh.statements {
		if err := checkID("statement id", id); err != nil {
			return err
		}
		if seen[id] {
			return fmt.Errorf("%w: statement %q twice", ErrInvalid, id)
		}
		seen[id] = true
	}
	return checkBackgroundShape(sh.background)
}

// checkBackgroundShape accepts what an attempt record can point into:
// at most 255 questions and 255 options each, ids unique.
func checkBackgroundShape(bg []backgroundShape) error {
	if len(bg) > survey.MaxBackground {
		return fmt.Errorf("%w: %d background questions, at most %d", ErrInvalid, len(bg), survey.MaxBackground)
	}
	seen := make(map[string]bool, len(bg))
	for _, q := range bg {
		if err := checkID("background question id", q.id); err != nil {
			return err
		}
		if seen[q.id] {
			return fmt.Errorf("%w: background question %q twice", ErrInvalid, q.id)
		}
		seen[q.id] = true
		if len(q.options) > survey.MaxOptions || (q.municipality && len(q.options) > 0) {
			return fmt.Errorf("%w: background question %q has %d options", ErrInvalid, q.id, len(q.options))
		}
		opts := make(map[string]bool, len(q.options))
		for _, o := range q.options {
			if err := checkText("background option", o, maxIDLen); err != nil {
				return err
			}
			if o == "" || opts[o] {
				return fmt.Errorf("%w: background question %q: option %q empty or twice", ErrInvalid, q.id, o)
			}
			opts[o] = true
		}
	}
	return nil
}

// encodeShape: [format][uvarint number][uvarint min][uvarint max][uvarint count]
// count × [uvarint len][id], then [uvarint questions] questions ×
// ([uvarint len][id][kind: 0 choice, 1 municipality][uvarint options]
// options × [uvarint len][id]).
func encodeShape(sh shape) []byte {
	b := []byte{shapeFormat}
	b = binary.AppendUvarint(b, sh.number)
	b = binary.AppendUvarint(b, uint64(sh.min))
	b = binary.AppendUvarint(b, uint64(sh.max))
	b = appendStrings(b, sh.statements)
	b = binary.AppendUvarint(b, uint64(len(sh.background)))
	for _, q := range sh.background {
		b = appendString(b, q.id)
		kind := byte(0)
		if q.municipality {
			kind = 1
		}
		b = append(b, kind)
		b = appendStrings(b, q.options)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendStrings(b []byte, list []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(list)))
	for _, s := range list {
		b = appendString(b, s)
	}
	return b
}

// decodeShape parses and validates a shape record; damage is ErrCorrupt.
func decodeShape(b []byte) (shape, error) {
	return shapeMemo.decode(b)
}

// shapeMemo keeps shapes decoded from the records they were decoded
// from. A save reads its attempt's shape by number and by key, each time
// decoding and checking the whole record: a quarter of a save's CPU,
// measured. A shape is a function of its record's bytes alone, so a
// decoded one is reused when the record is byte for byte the same,
// whichever file or transaction it is read in.
var shapeMemo = &shapeCache{m: map[string]shape{}}

// shapeCache holds at most maxMemoShapes shapes; a file has a few, one
// per questionnaire version it has seen.
type shapeCache struct {
	mu sync.Mutex
	m  map[string]shape
}

const maxMemoShapes = 64

func (c *shapeCache) decode(b []byte) (shape, error) {
	c.mu.Lock()
	sh, ok := c.m[string(b)]
	c.mu.Unlock()
	if ok {
		return sh.clone(), nil
	}
	sh, err := decodeShapeFormat(b, shapeFormat)
	if err != nil {
		return shape{}, err
	}
	c.mu.Lock()
	if len(c.m) >= maxMemoShapes {
		clear(c.m)
	}
	c.m[string(b)] = sh.clone()
	c.mu.Unlock()
	return sh, nil
}

// clone is a copy of sh whose slices share nothing with sh's, so that
// what one caller changes no other sees.
func (sh shape) clone() shape {
	sh.statements = slices.Clone(sh.statements)
	sh.background = slices.Clone(sh.background)
	for i := range sh.background {
		sh.background[i].options = slices.Clone(sh.background[i].options)
	}
	return sh
}

// decodeShapeFormat decodes a shape record of the given format; the
// migration reads format 1, everything else only the current one.
func decodeShapeFormat(b []byte, format byte) (shape, error) {
	corrupt := func(what string) error {
		return fmt.Errorf("%w: questionnaire record: %s", ErrCorrupt, what)
	}
	r := reader{wire.Reader{B: b}}
	if f := r.Byte(); f != format {
		return shape{}, corrupt(fmt.Sprintf("format %d, want %d", f, format))
	}
	var sh shape
	if format >= 2 {
		sh.number = r.Uvarint(math.MaxUint32)
		if sh.number == 0 && r.Err == nil {
			r.Fail("number 0")
		}
	}
	sh.min, sh.max = int(r.Uvarint(maxRating)), int(r.Uvarint(maxRating))
	n := r.Uvarint(maxStatements)
	for i := uint64(0); i < n && r.Err == nil; i++ {
		sh.statements = append(sh.statements, string(r.Bytes(r.Uvarint(maxIDLen))))
	}
	if format >= 2 {
		nq := r.Uvarint(255)
		for i := uint64(0); i < nq && r.Err == nil; i++ {
			q := backgroundShape{id: string(r.Bytes(r.Uvarint(maxIDLen)))}
			switch r.Byte() {
			case 0:
			case 1:
				q.municipality = true
			default:
				r.Fail("bad background kind")
			}
			no := r.Uvarint(255)
			for j := uint64(0); j < no && r.Err == nil; j++ {
				q.options = append(q.options, string(r.Bytes(r.Uvarint(maxIDLen))))
			}
			sh.background = append(sh.background, q)
		}
	}
	if r.Err != nil {
		return shape{}, corrupt(r.Err.Error())
	}
	if len(r.B) != 0 {
		return shape{}, corrupt(fmt.Sprintf("%d trailing bytes", len(r.B)))
	}
	if err := checkShape(sh); err != nil {
		return shape{}, corrupt(err.Error())
	}
	return sh, nil
}

func (sh shape) equal(o shape) bool {
	return sh.min == o.min && sh.max == o.max && slices.Equal(sh.statements, o.statements) &&
		slices.EqualFunc(sh.background, o.background, func(x, y backgroundShape) bool {
			return x.id == y.id && x.municipality == y.municipality && slices.Equal(x.options, y.options)
		})
}

// index returns the position of a statement id, or -1.
func (sh shape) index(id string) int { return slices.Index(sh.statements, id) }

// backgroundIndex returns the position of a background question, or -1.
func (sh shape) backgroundIndex(id string) int {
	return slices.IndexFunc(sh.background, func(q backgroundShape) bool { return q.id == id })
}

// unsafeRegisterShape stores q's shape under its id and version, or
// checks that the stored one is the same.
func unsafeRegisterShape(b buckets, q *survey.Questionnaire) error {
	if q.Version < 1 || int64(q.Version) > survey.MaxVersion {
		// shapeKey holds four bytes of it.
		return fmt.Errorf("%w: questionnaire %s version %d outside 1..%d", ErrInvalid, q.ID, q.Version, int64(survey.MaxVersion))
	}
	sh := shapeOf(q)
	if err := checkShape(sh); err != nil {
		return fmt.Errorf("questionnaire %s version %d: %w", q.ID, q.Version, err)
	}
	key := shapeKey(q.ID, q.Version)
	if raw := b.shapes.Get(key); raw != nil {
		old, err := decodeShape(raw)
		if err != nil {
			return err
		}
		if !old.equal(sh) {
			return fmt.Errorf("%w: questionnaire %s version %d", ErrQuestionnaireChanged, q.ID, q.Version)
		}
		return nil
	}
	// The definition goes with the shape, in the same transaction, so
	// that every version first stored since schema 4 has both.
	n, err := unsafePutNewShape(b, key, sh)
	if err != nil {
		return err
	}
	return unsafePutDefinition(b, n, q)
}

// unsafePutNewShape numbers a shape the file does not have yet, stores it
// and returns its number.
func unsafePutNewShape(b buckets, key []byte, sh shape) (uint64, error) {
	n, err := b.shapes.NextSequence()
	if err != nil {
		return 0, err
	}
	if n > math.MaxUint32 {
		return 0, fmt.Errorf("%w: too many questionnaire versions", ErrInvalid)
	}
	sh.number = n
	return n, b.shapes.Put(key, encodeShape(sh))
}

// ErrQuestionnaireChanged means the database already holds the
// questionnaire's id and version with other statements or another scale.
// Its attempts would be read against the wrong statements, so a changed
// questionnaire needs a new version.
var ErrQuestionnaireChanged = fmt.Errorf("%w: a questionnaire with this id and version but other statements is already recorded; a changed questionnaire needs a new version", ErrInvalid)

// CheckQuestionnaire returns ErrQuestionnaireChanged when the database
// records q's id and version with another shape, so that the app can
// refuse q before anything is shown or saved. A version the database has
// not seen is fine: its shape is recorded when its first attempt starts.
func (s *Store) CheckQuestionnaire(q *survey.Questionnaire) (err error) {
	defer s.withPath(&err)
	return s.viewBuckets(func(b buckets) error {
		raw := b.shapes.Get(shapeKey(q.ID, q.Version))
		if raw == nil {
			return nil
		}
		old, err := decodeShape(raw)
		if err != nil {
			return err
		}
		if notBuiltin(q.ID, q.Version, old) {
			return fmt.Errorf("%w: questionnaire %s version %d is this build's own, recorded with other statements", ErrCorrupt, q.ID, q.Version)
		}
		if !old.equal(shapeOf(q)) {
			return fmt.Errorf("%w: questionnaire %s version %d", ErrQuestionnaireChanged, q.ID, q.Version)
		}
		return nil
	})
}

// unsafeShape loads the shape of the attempt's questionnaire version.
// Every attempt's shape is stored before the attempt, so a missing one is
// damage.
func unsafeShape(b buckets, questionnaireID string, version int) (shape, error) {
	raw := b.shapes.Get(shapeKey(questionnaireID, version))
	if raw == nil {
		return shape{}, fmt.Errorf("%w: questionnaire %s version %d is not recorded", ErrCorrupt, questionnaireID, version)
	}
	return decodeShape(raw)
}

// checkRating refuses a rating the shape does not allow.
func (sh shape) checkRating(statementID string, value int) error {
	if sh.index(statementID) < 0 {
		return fmt.Errorf("%w: no statement %q in this questionnaire", ErrInvalid, statementID)
	}
	if value != Skipped && (value < sh.min || value > sh.max) {
		return fmt.Errorf("%w: rating %d of %q is off the scale %d–%d", ErrInvalid, value, statementID, sh.min, sh.max)
	}
	return nil
}

// HasQuestionnaire reports whether attempts of the questionnaire version
// have been started in this database. An attempt naming a version that
// is not recorded can only come from damage.
func (s *Store) HasQuestionnaire(id string, version int) (_ bool, err error) {
	defer s.withPath(&err)
	var ok bool
	err = s.viewBuckets(func(b buckets) error {
		ok = b.shapes.Get(shapeKey(id, version)) != nil
		return nil
	})
	return ok, err
}

// SameShape reports whether answers to a and b are stored alike: the
// same scale, statements, background questions and options, in the same
// order. Wording may differ.
func SameShape(a, b *survey.Questionnaire) bool {
	return shapeOf(a).equal(shapeOf(b))
}

// notBuiltin reports a recorded shape that claims this build's own
// questionnaire id and version but differs from it. No digikomp writes
// one (main refuses a questions file that claims the built-in id and
// version with another shape), so it is damage that still decodes (a
// flipped bit in a statement id), whichever questions the person started
// with.
func notBuiltin(questionnaireID string, version int, recorded shape) bool {
	builtin, err := survey.Load()
	if err != nil || questionnaireID != builtin.ID || version != builtin.Version {
		return false
	}
	return !recorded.equal(shapeOf(builtin))
}
