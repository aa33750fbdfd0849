package store

import (
	"bytes"
	"fmt"
	"maps"
	"slices"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// migrateRecords upgrades schema 2 to 3: every attempt's JSON header and
// id-keyed ratings record become one compact record (record.go), shapes
// gain their background questions, municipality names get codes, the
// answers bucket goes, and the finished index and results rows are
// rebuilt, the finished index as one history record per profile, with the
// whole-second finish times records now keep. It
// writes exactly what schema 3 writes for the same answers.
//
// It runs on a copy of the file (see upgrade.go), so its one large
// transaction never touches the original, and the copy is compacted
// before it takes the original's place.
func migrateRecords(tx *bbolt.Tx) error {
	if err := unsafeCreateBuckets(tx); err != nil {
		return err
	}
	answers := tx.Bucket(answersBucket)
	if answers == nil {
		return fmt.Errorf("%w: no %s bucket", ErrCorrupt, answersBucket)
	}
	// The history and the results are rebuilt from the records.
	if err := tx.DeleteBucket(finishedBucket); err != nil {
		return err
	}
	if err := tx.DeleteBucket(resultsBucket); err != nil {
		return err
	}
	if _, err := tx.CreateBucket(resultsBucket); err != nil {
		return err
	}
	b, err := unsafeBuckets(tx)
	if err != nil {
		return err
	}

	type attempt struct {
		id      AttemptID
		rec     attemptRecord
		ratings map[string]int // laid out once the shapes are upgraded
	}
	var all []attempt
	// Background answers given per questionnaire version, for the shapes
	// of versions this build does not know.
	given := map[string]map[string]map[string]bool{}
	c := b.attempts.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		id, h, ratings, err := readLegacyAttempt(answers, k, v)
		if err != nil {
			return err
		}
		rec := attemptRecord{
			Questionnaire: h.Questionnaire,
			Version:       h.Version,
			Profile:       h.Profile,
			Started:       secondsOf(h.Started),
			Background:    h.Background,
			Discussion:    h.Discussion,
			Position:      Position{Stage: Stage(h.Position.Stage), Cursor: h.Position.Cursor},
		}
		switch {
		case !h.Finished.IsZero():
			rec.Finished = secondsOf(h.Finished)
			rec.Position = Position{Stage: StageDone}
		case rec.Position.Stage == StageDone:
			// Only damage gives an unfinished attempt this stage; the
			// review screen lets the person finish it.
			rec.Position = Position{Stage: StageReview}
		}
		key := string(shapeKey(rec.Questionnaire, rec.Version))
		if given[key] == nil {
			given[key] = map[string]map[string]bool{}
		}
		for q, v := range rec.Background {
			if given[key][q] == nil {
				given[key][q] = map[string]bool{}
			}
			given[key][q][v] = true
		}
		all = append(all, attempt{id, rec, ratings})
	}

	if err := upgradeShapes(b, given); err != nil {
		return err
	}
	// Each profile's history is written once, not once per attempt.
	histories := map[string][]historyEntry{}
	for _, a := range all {
		sh, err := b.shape(a.rec.Questionnaire, a.rec.Version)
		if err != nil {
			return fmt.Errorf("attempt %s: %w", a.id, err)
		}
		if a.rec.Values, err = valuesOf(sh, a.ratings); err != nil {
			return fmt.Errorf("attempt %s: %w", a.id, err)
		}
		if err := unsafePutRecord(b, a.id, a.rec); err != nil {
			return fmt.Errorf("attempt %s: %w", a.id, err)
		}
		if a.rec.Finished.IsZero() {
			continue
		}
		if err := unsafePutResult(b, sh, a.id, a.rec); err != nil {
			return fmt.Errorf("attempt %s: %w", a.id, err)
		}
		histories[a.rec.Profile] = append(histories[a.rec.Profile], historyEntry{finished: a.rec.Finished.Unix(), id: a.id})
	}
	for profile, list := range histories {
		slices.SortFunc(list, historyEntry.compare)
		if err := b.history.Put([]byte(profile), encodeHistory(list)); err != nil {
			return err
		}
	}
	return tx.DeleteBucket(answersBucket)
}

// upgradeShapes rewrites every shape in format 2. The built-in
// questionnaire's version gets this build's background questions; any
// other version gets, as choice questions, the questions its attempts
// answered and the answers they gave, so each answer has an index.
func upgradeShapes(b buckets, given map[string]map[string]map[string]bool) error {
	builtin, err := survey.Load()
	if err != nil {
		return fmt.Errorf("built-in questionnaire: %w", err)
	}
	builtinKey := shapeKey(builtin.ID, builtin.Version)
	type entry struct {
		key []byte
		sh  shape
	}
	var list []entry
	err = b.shapes.ForEach(func(k, v []byte) error {
		sh, err := decodeShapeFormat(v, shapeFormatV1)
		if err != nil {
			return fmt.Errorf("questionnaire %x: %w", k, err)
		}
		list = append(list, entry{bytes.Clone(k), sh})
		return nil
	})
	if err != nil {
		return err
	}
	for _, e := range list {
		sh := e.sh
		if known := shapeOf(builtin); bytes.Equal(e.key, builtinKey) && known.min == sh.min &&
			known.max == sh.max && slices.Equal(known.statements, sh.statements) {
			sh = known
		} else {
			answers := given[string(e.key)]
			for _, q := range slices.Sorted(maps.Keys(answers)) {
				bs := backgroundShape{id: q}
				for _, v := range slices.Sorted(maps.Keys(answers[q])) {
					if len(bs.options) < 255 && checkID("option", v) == nil {
						bs.options = append(bs.options, v)
					}
				}
				if len(sh.background) < 255 {
					sh.background = append(sh.background, bs)
				}
			}
		}
		if err := checkShape(sh); err != nil {
			return fmt.Errorf("%w: questionnaire %x: %v", ErrCorrupt, e.key, err)
		}
		if _, err := unsafePutNewShape(b, e.key, sh); err != nil {
			return err
		}
	}
	return nil
}
