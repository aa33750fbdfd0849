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
func migrateResults(tx *bbolt.Tx) error {
	if err := unsafeCreateBuckets(tx); err != nil {
		return err
	}
	b, err := unsafeBuckets(tx)
	if err != nil {
		return err
	}
	builtin, err := survey.Load()
	if err != nil {
		return fmt.Errorf("built-in questionnaire: %w", err)
	}

	type attempt struct {
		id      AttemptID
		rec     attemptRecord
		ratings map[string]Rating
	}
	var all []attempt
	// implied holds the shape of each questionnaire version met; only
	// versions other than the built-in one grow from their ratings.
	type implication struct {
		sh    shape
		grows bool
	}
	implied := map[string]*implication{}
	err = b.attempts.ForEach(func(k, v []byte) error {
		id, err := indexedID(k)
		if err != nil {
			return err
		}
		rec, err := decodeAttempt(v)
		if err != nil {
			return fmt.Errorf("attempt %s: %w", id, err)
		}
		ratings, err := unsafeLoadRatings(b, id)
		if err != nil {
			return fmt.Errorf("attempt %s: %w", id, err)
		}
		all = append(all, attempt{id, rec, ratings})
		key := string(shapeKey(rec.Questionnaire, rec.Version))
		im := implied[key]
		if im == nil {
			im = &implication{sh: shape{min: 1, max: 7}, grows: true}
			if rec.Questionnaire == builtin.ID && rec.Version == builtin.Version {
				im = &implication{sh: shapeOf(builtin)}
			}
			implied[key] = im
		}
		for sid, r := range ratings {
			if im.grows && im.sh.index(sid) < 0 {
				im.sh.statements = append(im.sh.statements, sid)
			}
			if im.grows {
				im.sh.max = max(im.sh.max, r.Value)
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
		if err := b.shapes.Put([]byte(key), encodeShape(im.sh)); err != nil {
			return err
		}
	}
	for _, a := range all {
		if a.rec.Finished.IsZero() {
			continue
		}
		sh, err := unsafeShape(b, a.rec)
		if err != nil {
			return fmt.Errorf("attempt %s: %w", a.id, err)
		}
		if err := unsafePutResult(b, sh, a.id, a.rec, a.rec.Finished, a.ratings); err != nil {
			return fmt.Errorf("attempt %s: %w", a.id, err)
		}
	}
	return nil
}
