package store

import (
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// migrateResults upgrades schema 1 to 2, which added the questionnaires
// bucket (the shape of every questionnaire version in use) and the
// results bucket (one compact row per finished attempt, for group
// reports). Schema 1 files were only ever written with the built-in
// questionnaire, whose shape is taken from this build; a version it does
// not know gets the shape its stored ratings imply, so nothing is lost.
//
// The results rows themselves are left to the step to schema 3, which
// rebuilds them from the new records; a file is only ever migrated to the
// newest schema, so no schema 2 file without them is ever committed.
func migrateResults(tx *bbolt.Tx) error {
	shapes, err := tx.CreateBucketIfNotExists(shapesBucket)
	if err != nil {
		return err
	}
	if _, err := tx.CreateBucketIfNotExists(resultsBucket); err != nil {
		return err
	}
	attempts, answers := tx.Bucket(attemptsBucket), tx.Bucket(answersBucket)
	if attempts == nil || answers == nil {
		return fmt.Errorf("%w: a schema 1 bucket is missing", ErrCorrupt)
	}
	builtin, err := survey.Load()
	if err != nil {
		return fmt.Errorf("built-in questionnaire: %w", err)
	}

	// implied holds the shape of each questionnaire version met; only
	// versions other than the built-in one grow from their ratings.
	type implication struct {
		sh    shape
		grows bool
	}
	implied := map[string]*implication{}
	err = attempts.ForEach(func(k, v []byte) error {
		_, rec, ratings, err := readLegacyAttempt(answers, k, v)
		if err != nil {
			return err
		}
		key := string(shapeKey(rec.Questionnaire, rec.Version))
		im := implied[key]
		if im == nil {
			im = &implication{sh: shape{min: 1, max: 7}, grows: true}
			if rec.Questionnaire == builtin.ID && rec.Version == builtin.Version {
				known := shapeOf(builtin)
				im = &implication{sh: shape{min: known.min, max: known.max, statements: known.statements}}
			}
			implied[key] = im
		}
		for sid, v := range ratings {
			if im.grows && im.sh.index(sid) < 0 {
				im.sh.statements = append(im.sh.statements, sid)
			}
			if im.grows {
				im.sh.max = max(im.sh.max, v)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}

	for key, im := range implied {
		if im.grows {
			slices.Sort(im.sh.statements)
		}
		if len(im.sh.statements) == 0 {
			// An attempt with no ratings yet, of a version this build
			// does not know: a placeholder keeps its rows writable.
			im.sh.statements = []string{"unknown"}
		}
		if err := checkShape(im.sh); err != nil {
			return fmt.Errorf("%w: questionnaire %x: %v", ErrCorrupt, key, err)
		}
		if err := shapes.Put([]byte(key), encodeShapeV1(im.sh)); err != nil {
			return err
		}
	}
	return nil
}
