package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// A shape is what the file needs to know of a questionnaire version to
// keep its data meaningful on its own: the scale and the statement ids in
// order. It is stored once per questionnaire id and version, when the
// first attempt of it starts, and from then on
//
//   - a rating must name one of its statements and lie on its scale;
//   - a finished attempt's results row lists its values in its order;
//   - `digikomp check` can verify every answer without the questionnaire.
//
// A questionnaire whose statements change must therefore get a new
// version: StartAttempt refuses a different shape under a known version.
type shape struct {
	min, max   int
	statements []string
}

// shapeFormat is the first byte of a shape record.
const shapeFormat = 1

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
	return sh
}

// checkShape accepts what a results row can hold: a scale within one
// byte above Skipped and at most 255 distinct statement ids.
func checkShape(sh shape) error {
	switch {
	case sh.min < 1 || sh.max < sh.min || sh.max > maxRating:
		return fmt.Errorf("%w: scale %d–%d outside 1..%d", ErrInvalid, sh.min, sh.max, maxRating)
	case len(sh.statements) == 0 || len(sh.statements) > 255:
		return fmt.Errorf("%w: %d statements, want 1..255", ErrInvalid, len(sh.statements))
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
	return nil
}

// encodeShape: [format][uvarint min][uvarint max][uvarint count]
// count × [uvarint len][id].
func encodeShape(sh shape) []byte {
	b := []byte{shapeFormat}
	b = binary.AppendUvarint(b, uint64(sh.min))
	b = binary.AppendUvarint(b, uint64(sh.max))
	b = binary.AppendUvarint(b, uint64(len(sh.statements)))
	for _, id := range sh.statements {
		b = binary.AppendUvarint(b, uint64(len(id)))
		b = append(b, id...)
	}
	return b
}

// decodeShape parses and validates a shape record; damage is ErrCorrupt.
func decodeShape(b []byte) (shape, error) {
	corrupt := func(what string) error {
		return fmt.Errorf("%w: questionnaire record: %s", ErrCorrupt, what)
	}
	r := reader{b: b}
	if f := r.byte(); f != shapeFormat {
		return shape{}, corrupt(fmt.Sprintf("format %d, want %d", f, shapeFormat))
	}
	sh := shape{min: int(r.uvarint(maxRating)), max: int(r.uvarint(maxRating))}
	n := r.uvarint(255)
	for i := uint64(0); i < n && r.err == nil; i++ {
		sh.statements = append(sh.statements, string(r.bytes(r.uvarint(maxIDLen))))
	}
	if r.err != nil {
		return shape{}, corrupt(r.err.Error())
	}
	if len(r.b) != 0 {
		return shape{}, corrupt(fmt.Sprintf("%d trailing bytes", len(r.b)))
	}
	if err := checkShape(sh); err != nil {
		return shape{}, corrupt(err.Error())
	}
	return sh, nil
}

func (sh shape) equal(o shape) bool {
	return sh.min == o.min && sh.max == o.max && slices.Equal(sh.statements, o.statements)
}

// index returns the position of a statement id, or -1.
func (sh shape) index(id string) int { return slices.Index(sh.statements, id) }

// unsafeRegisterShape stores q's shape under its id and version, or
// checks that the stored one is the same.
func unsafeRegisterShape(b buckets, q *survey.Questionnaire) error {
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
	return b.shapes.Put(key, encodeShape(sh))
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
	return s.view(func(tx *bbolt.Tx) error {
		b, err := unsafeBuckets(tx)
		if err != nil {
			return err
		}
		raw := b.shapes.Get(shapeKey(q.ID, q.Version))
		if raw == nil {
			return nil
		}
		old, err := decodeShape(raw)
		if err != nil {
			return err
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
func unsafeShape(b buckets, rec attemptRecord) (shape, error) {
	raw := b.shapes.Get(shapeKey(rec.Questionnaire, rec.Version))
	if raw == nil {
		return shape{}, fmt.Errorf("%w: questionnaire %s version %d is not recorded", ErrCorrupt, rec.Questionnaire, rec.Version)
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
	err = s.view(func(tx *bbolt.Tx) error {
		b, err := unsafeBuckets(tx)
		if err != nil {
			return err
		}
		ok = b.shapes.Get(shapeKey(id, version)) != nil
		return nil
	})
	return ok, err
}
