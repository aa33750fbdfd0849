package store

import (
	"fmt"

	"go.etcd.io/bbolt"

	"digikomp/survey"
)

// Import writes complete attempts of q, finished or not, in one
// transaction: all of them or, on the first problem, none. Each is checked
// as strictly as the Save methods check answers one by one, and gets the
// same records, indexes and results row it would have had if it had been
// answered here. Profiles it names are created if missing.
//
// It is how attempts gathered elsewhere join a database, and how the
// benchmarks build databases of 100,000 attempts in seconds instead of
// one fsync per answer.
func (s *Store) Import(q *survey.Questionnaire, attempts []Attempt) (err error) {
	defer s.withPath(&err)
	if q == nil {
		return fmt.Errorf("%w: no questionnaire", ErrInvalid)
	}
	if err := checkID("questionnaire id", q.ID); err != nil {
		return err
	}
	sh := shapeOf(q)
	for i := range attempts {
		if err := checkImport(q, sh, &attempts[i]); err != nil {
			return fmt.Errorf("attempt %d: %w", i+1, err)
		}
	}
	return s.update(func(tx *bbolt.Tx) error {
		b, err := unsafeBuckets(tx)
		if err != nil {
			return err
		}
		if err := unsafeRegisterShape(b, q); err != nil {
			return err
		}
		for i, a := range attempts {
			if err := unsafeImport(b, sh, a); err != nil {
				return fmt.Errorf("attempt %d (%s): %w", i+1, a.ID, err)
			}
		}
		return nil
	})
}

// checkImport validates what can be checked without the file and fills
// in the questionnaire and, if zero, the id.
func checkImport(q *survey.Questionnaire, sh shape, a *Attempt) error {
	if a.QuestionnaireID == "" {
		a.QuestionnaireID, a.QuestionnaireVersion = q.ID, q.Version
	}
	if a.QuestionnaireID != q.ID || a.QuestionnaireVersion != q.Version {
		return fmt.Errorf("%w: questionnaire %s version %d, want %s version %d",
			ErrInvalid, a.QuestionnaireID, a.QuestionnaireVersion, q.ID, q.Version)
	}
	if err := checkID("profile id", a.ProfileID); err != nil {
		return err
	}
	if err := checkTime("start time", a.Started); err != nil {
		return err
	}
	if a.ID.IsZero() {
		a.ID = NewAttemptID(a.Started)
	}
	if a.Done() {
		if err := checkTime("finish time", a.Finished); err != nil {
			return err
		}
		if a.Finished.Before(a.Started) {
			return fmt.Errorf("%w: finished before it started", ErrInvalid)
		}
		a.Position = Position{Stage: StageDone}
	} else if err := checkPosition(a.Position); err != nil {
		return err
	}
	for k, v := range a.Background {
		if err := checkID("background question id", k); err != nil {
			return err
		}
		if err := checkText("background answer", v, maxIDLen); err != nil {
			return err
		}
	}
	for k, v := range a.Discussion {
		if err := checkID("discussion question id", k); err != nil {
			return err
		}
		if err := checkText("discussion answer", v, maxTextLen); err != nil {
			return err
		}
	}
	for id, r := range a.Ratings {
		if err := sh.checkRating(id, r.Value); err != nil {
			return err
		}
	}
	return nil
}

// unsafeImport writes one checked attempt.
func unsafeImport(b buckets, sh shape, a Attempt) error {
	if b.attempts.Get(a.ID[:]) != nil {
		return fmt.Errorf("%w: the database already has this attempt", ErrInvalid)
	}
	if !unsafeProfileExists(b.profiles, a.ProfileID) {
		if err := unsafePutImportedProfile(b, a.ProfileID, a.Started); err != nil {
			return err
		}
	}
	rec, err := recordOf(a, sh)
	if err != nil {
		return err
	}
	if err := unsafePutRecord(b, a.ID, rec); err != nil {
		return err
	}
	if !a.Done() {
		if open := b.unfinished.Get([]byte(a.ProfileID)); open != nil {
			return fmt.Errorf("%w: profile %q already has attempt %x", ErrUnfinishedExists, a.ProfileID, open)
		}
		return b.unfinished.Put([]byte(a.ProfileID), a.ID[:])
	}
	return unsafeIndexFinished(b, a.ID, rec)
}

// recordOf is the record of a checked attempt of shape sh, its times in
// whole seconds as every record keeps them.
func recordOf(a Attempt, sh shape) (attemptRecord, error) {
	rec := attemptRecord{
		Questionnaire: a.QuestionnaireID,
		Version:       a.QuestionnaireVersion,
		Profile:       a.ProfileID,
		Started:       secondsOf(a.Started),
		Background:    a.Background,
		Discussion:    a.Discussion,
		Position:      a.Position,
	}
	if a.Done() {
		rec.Finished = secondsOf(a.Finished)
	}
	ratings := make(map[string]int, len(a.Ratings))
	for id, r := range a.Ratings {
		ratings[id] = r.Value
	}
	var err error
	rec.Values, err = valuesOf(sh, ratings)
	return rec, err
}
