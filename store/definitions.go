package store

import (
	"fmt"

	"digikomp/survey"
)

// The definitions bucket (since schema 4) keeps each questionnaire
// version's whole definition (survey.EncodeDefinition: texts in both
// languages, areas, background and discussion questions), so that an old
// attempt is shown and scored with the questions it was answered with,
// whatever questions file is loaded today:
//
//	definitions  shape number (uint64 BE) → survey definition
//
// A definition is stored in the transaction that first stores its shape
// (StartAttempt, Import), and by the migration to schema 4 for the one
// shape of a schema 3 file that is the built-in questionnaire's. A file
// of schema 3 recorded only shapes, so versions first met before have no
// definition unless they are the built-in one. A definition must name
// its shape's questionnaire id and version and have that very shape:
// anything else is damage.

// unsafePutDefinition stores q's definition under the shape number.
func unsafePutDefinition(b buckets, number uint64, q *survey.Questionnaire) error {
	raw, err := survey.EncodeDefinition(q)
	if err != nil {
		return fmt.Errorf("%w: questionnaire %s version %d: %w", ErrInvalid, q.ID, q.Version, err)
	}
	return b.definitions.Put(u64Bytes(number), raw)
}

// decodeDefinition decodes a stored definition and checks it against the
// shape it is stored under; a mismatch is ErrCorrupt.
func decodeDefinition(raw []byte, questionnaireID string, version int, sh shape) (*survey.Questionnaire, error) {
	q, err := survey.DecodeDefinition(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: definition of questionnaire %s version %d: %w", ErrCorrupt, questionnaireID, version, err)
	}
	if q.ID != questionnaireID || q.Version != version {
		return nil, fmt.Errorf("%w: definition of questionnaire %s version %d names %s version %d",
			ErrCorrupt, questionnaireID, version, survey.Visible(q.ID), q.Version)
	}
	if !shapeOf(q).equal(sh) {
		return nil, fmt.Errorf("%w: definition of questionnaire %s version %d differs from its recorded statements",
			ErrCorrupt, questionnaireID, version)
	}
	return q, nil
}

// Definition returns the questionnaire version as it was when its first
// attempt was stored in this file, and whether the file has it. A version
// the file has no definition of (one first met before schema 4, other
// than the built-in one) returns false; the caller may then use a loaded
// questionnaire of the same id and version, whose shape the file has
// checked (CheckQuestionnaire).
func (s *Store) Definition(questionnaireID string, version int) (_ *survey.Questionnaire, _ bool, err error) {
	defer s.withPath(&err)
	if err := checkID("questionnaire id", questionnaireID); err != nil {
		return nil, false, err
	}
	if version < 1 || int64(version) > survey.MaxVersion {
		return nil, false, fmt.Errorf("%w: questionnaire version %d outside 1..%d", ErrInvalid, version, int64(survey.MaxVersion))
	}
	var q *survey.Questionnaire
	err = s.viewBuckets(func(b buckets) error {
		q, err = unsafeDefinition(b, questionnaireID, version)
		return err
	})
	if err != nil || q == nil {
		return nil, false, err
	}
	return q, true, nil
}

// unsafeDefinition returns the stored definition of a questionnaire
// version, or nil if there is none. The decoder copies.
func unsafeDefinition(b buckets, questionnaireID string, version int) (*survey.Questionnaire, error) {
	if b.shapes.Get(shapeKey(questionnaireID, version)) == nil {
		return nil, nil
	}
	sh, err := b.shape(questionnaireID, version)
	if err != nil {
		return nil, err
	}
	raw := b.definitions.Get(u64Bytes(sh.number))
	if raw == nil {
		return nil, nil
	}
	return decodeDefinition(raw, questionnaireID, version, sh)
}

// unsafeAddBuiltinDefinition is the migration to schema 4's step for
// definitions: a schema 3 file recorded shapes only, and the one shape it
// can have a definition for is this build's own questionnaire's, when it
// is recorded with the built-in's very shape. Any other recorded shape
// under the built-in id and version is damage, reported by check and left
// as it is here.
func unsafeAddBuiltinDefinition(b buckets) error {
	builtin, err := survey.Load()
	if err != nil {
		return err
	}
	raw := b.shapes.Get(shapeKey(builtin.ID, builtin.Version))
	if raw == nil {
		return nil
	}
	sh, err := decodeShape(raw)
	if err != nil {
		return fmt.Errorf("questionnaire %s version %d: %w", builtin.ID, builtin.Version, err)
	}
	if !sh.equal(shapeOf(builtin)) || b.definitions.Get(u64Bytes(sh.number)) != nil {
		return nil
	}
	return unsafePutDefinition(b, sh.number, builtin)
}
