package store

import (
	"bytes"
	"fmt"
	"slices"
	"time"

	"go.etcd.io/bbolt"

	"digikomp/internal/wire"
	"digikomp/survey"
)

// StartAttempt begins a new attempt of q for the profile at the given
// time. A profile has at most one unfinished attempt: if it has one,
// ErrUnfinishedExists is returned and the caller offers to resume it or
// to Discard it.
func (s *Store) StartAttempt(profileID string, q *survey.Questionnaire, at time.Time) (_ Attempt, err error) {
	defer s.withPath(&err)
	return s.startAttempt("", profileID, q, at)
}

// startAttempt is StartAttempt, in the workshop unless workshopID is "".
func (s *Store) startAttempt(workshopID, profileID string, q *survey.Questionnaire, at time.Time) (_ Attempt, err error) {
	if err := checkID("profile id", profileID); err != nil {
		return Attempt{}, err
	}
	if q == nil {
		return Attempt{}, fmt.Errorf("%w: no questionnaire", ErrInvalid)
	}
	if err := checkID("questionnaire id", q.ID); err != nil {
		return Attempt{}, err
	}
	if err := checkTime("start time", at); err != nil {
		return Attempt{}, err
	}
	id := NewAttemptID(at)
	rec := attemptRecord{
		Questionnaire: q.ID,
		Version:       q.Version,
		Profile:       profileID,
		Started:       secondsOf(at),
		Position:      Position{Stage: StageBackground},
	}
	err = s.updateBuckets(func(b buckets) error {
		if !unsafeProfileExists(b.profiles, profileID) {
			return fmt.Errorf("%w: profile %q", ErrNotFound, profileID)
		}
		if open := b.unfinished.Get([]byte(profileID)); open != nil {
			return fmt.Errorf("%w: profile %q has attempt %x", ErrUnfinishedExists, profileID, open)
		}
		if err := unsafeRegisterShape(b, q); err != nil {
			return err
		}
		if b.attempts.Get(id[:]) != nil {
			// 64 random bits make this practically impossible, but
			// overwriting someone's answers must be impossible outright.
			return fmt.Errorf("attempt id %s already exists", id)
		}
		if workshopID != "" {
			if _, ok, err := unsafeGetWorkshop(b, workshopID); err != nil {
				return err
			} else if !ok {
				return fmt.Errorf("%w: %q", ErrNoWorkshop, survey.Visible(workshopID))
			}
			if err := unsafeJoinWorkshop(b, workshopID, id); err != nil {
				return err
			}
		}
		if err := unsafePutRecord(b, id, rec); err != nil {
			return err
		}
		return b.unfinished.Put([]byte(profileID), id[:])
	})
	if err != nil {
		return Attempt{}, err
	}
	a := rec.attempt(id, nil)
	a.Workshop = workshopID
	return a, nil
}

// unsafeJoinWorkshop records that a new attempt is taken in the workshop:
// its extras record and its entry in the workshop's index.
func unsafeJoinWorkshop(b buckets, workshopID string, id AttemptID) error {
	if err := unsafePutExtra(b, id, extraRecord{Workshop: workshopID}); err != nil {
		return err
	}
	return b.byWorkshop.Put(workshopIndexKey(workshopID, id), nil)
}

// Attempt returns the attempt with the given id, finished or not.
func (s *Store) Attempt(id AttemptID) (_ Attempt, err error) {
	defer s.withPath(&err)
	if err := checkAttemptID(id); err != nil {
		return Attempt{}, err
	}
	var a Attempt
	err = s.viewBuckets(func(b buckets) error {
		a, err = unsafeLoadAttempt(b, id)
		return err
	})
	return a, err
}

// Unfinished returns the profile's unfinished attempt, if it has one. It
// reads the unfinished index, so its cost does not grow with history.
func (s *Store) Unfinished(profileID string) (_ Attempt, _ bool, err error) {
	defer s.withPath(&err)
	a, ok, err := s.lookup(profileID, func(b buckets) (AttemptID, bool, error) {
		raw := b.unfinished.Get([]byte(profileID))
		if raw == nil {
			return AttemptID{}, false, nil
		}
		id, err := indexedID(raw)
		return id, err == nil, err
	})
	if ok && (a.Done() || a.ProfileID != profileID) {
		return Attempt{}, false, fmt.Errorf("%w: unfinished index of profile %q points at attempt %s", ErrCorrupt, profileID, a.ID)
	}
	return a, ok, err
}

// LatestFinished returns the profile's most recently finished attempt,
// if any. It reads the profile's history record instead of scanning
// attempts.
func (s *Store) LatestFinished(profileID string) (_ Attempt, _ bool, err error) {
	defer s.withPath(&err)
	return s.lookup(profileID, func(b buckets) (AttemptID, bool, error) {
		list, err := unsafeHistory(b, profileID)
		if err != nil || len(list) == 0 {
			return AttemptID{}, false, err
		}
		return list[len(list)-1].id, true, nil
	})
}

// lookup loads the one attempt that find picks from an index, in one read
// transaction; ok is false when find picks none.
func (s *Store) lookup(profileID string, find func(buckets) (AttemptID, bool, error)) (Attempt, bool, error) {
	if err := checkID("profile id", profileID); err != nil {
		return Attempt{}, false, err
	}
	var (
		a  Attempt
		ok bool
	)
	err := s.viewBuckets(func(b buckets) error {
		id, found, err := find(b)
		if err != nil || !found {
			return err
		}
		if a, err = unsafeLoadAttempt(b, id); err != nil {
			return err
		}
		ok = true
		return nil
	})
	if err != nil {
		return Attempt{}, false, err
	}
	return a, ok, nil
}

// Attempts returns all of the profile's attempts, finished ones and the
// unfinished one if any, oldest start first: the progression history. It
// reads the profile's history and unfinished index, not every attempt.
func (s *Store) Attempts(profileID string) (_ []Attempt, err error) {
	defer s.withPath(&err)
	if err := checkID("profile id", profileID); err != nil {
		return nil, err
	}
	var list []Attempt
	err = s.viewBuckets(func(b buckets) error {
		history, err := unsafeHistory(b, profileID)
		if err != nil {
			return err
		}
		ids := make([]AttemptID, 0, len(history)+1)
		for _, e := range history {
			ids = append(ids, e.id)
		}
		if raw := b.unfinished.Get([]byte(profileID)); raw != nil {
			id, err := indexedID(raw)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		// Ids begin with the start time, so byte order is start order.
		slices.SortFunc(ids, func(x, y AttemptID) int { return bytes.Compare(x[:], y[:]) })
		list = make([]Attempt, 0, len(ids))
		for _, id := range ids {
			a, err := unsafeLoadAttempt(b, id)
			if err != nil {
				return err
			}
			list = append(list, a)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return list, nil
}

// SaveBackground records the answer to a background question (an option
// id or a municipality name; "" clears it) and the position to resume at.
func (s *Store) SaveBackground(id AttemptID, questionID, value string, next Position) (err error) {
	defer s.withPath(&err)
	return s.saveAnswer(id, questionID, next,
		func() error { return checkText("background answer", value, maxIDLen) },
		func(b buckets, rec *attemptRecord) error {
			rec.Background = setOrClear(rec.Background, questionID, value)
			return unsafeDropManagerAnswer(b, id, *rec)
		})
}

// unsafeDropManagerAnswer clears the managers' answer of an attempt whose
// background answers no longer make the person a manager: only managers
// are counted among the managers (see SaveManagerAnswer).
func unsafeDropManagerAnswer(b buckets, id AttemptID, rec attemptRecord) error {
	if survey.IsManager(rec.Background) {
		return nil
	}
	e, err := unsafeExtra(b, id)
	if err != nil || e.Manager == "" {
		return err
	}
	e.Manager = ""
	return unsafePutExtra(b, id, e)
}

// SaveRating records a rating (on the questionnaire's scale, or Skipped)
// and the position to resume at, both in one transaction. The statement
// must be one of the questionnaire's.
func (s *Store) SaveRating(id AttemptID, statementID string, value int, next Position) (err error) {
	defer s.withPath(&err)
	return s.saveAnswer(id, statementID, next,
		func() error { return checkRating(value) },
		func(b buckets, rec *attemptRecord) error {
			sh, err := b.shape(rec.Questionnaire, rec.Version)
			if err != nil {
				return err
			}
			if err := sh.checkRating(statementID, value); err != nil {
				return err
			}
			if rec.Values == nil {
				rec.Values = make([]byte, len(sh.statements))
			}
			rec.Values[sh.index(statementID)] = byte(value + 1)
			return nil
		})
}

// SaveDiscussion records the free-text answer to a discussion question
// ("" clears it) and the position to resume at.
func (s *Store) SaveDiscussion(id AttemptID, questionID, text string, next Position) (err error) {
	defer s.withPath(&err)
	return s.saveAnswer(id, questionID, next,
		func() error { return checkText("discussion answer", text, maxTextLen) },
		func(_ buckets, rec *attemptRecord) error {
			rec.Discussion = setOrClear(rec.Discussion, questionID, text)
			return nil
		})
}

// saveAnswer is what every Save of an answer shares: the arguments are
// checked before anything is written, then the answer and the position to
// resume at are stored together in one committed transaction.
func (s *Store) saveAnswer(id AttemptID, questionID string, next Position, valid func() error, change func(buckets, *attemptRecord) error) error {
	if err := checkAnswer(id, questionID, next); err != nil {
		return err
	}
	if err := valid(); err != nil {
		return err
	}
	return s.update(func(tx *bbolt.Tx) error {
		return unsafeModify(tx, id, func(b buckets, rec *attemptRecord) error {
			if err := change(b, rec); err != nil {
				return err
			}
			rec.Position = next
			return nil
		})
	})
}

// SavePosition records where the attempt is to resume, for moves that
// save no answer.
func (s *Store) SavePosition(id AttemptID, p Position) (err error) {
	defer s.withPath(&err)
	if err := checkAttemptID(id); err != nil {
		return err
	}
	if err := checkPosition(p); err != nil {
		return err
	}
	return s.update(func(tx *bbolt.Tx) error {
		return unsafeModify(tx, id, func(b buckets, rec *attemptRecord) error {
			rec.Position = p
			return nil
		})
	})
}

// Finish marks the attempt finished at the given time, kept in whole
// seconds. From then on it is part of the profile's history and can no
// longer change.
func (s *Store) Finish(id AttemptID, at time.Time) (err error) {
	defer s.withPath(&err)
	if err := checkAttemptID(id); err != nil {
		return err
	}
	if err := checkTime("finish time", at); err != nil {
		return err
	}
	return s.update(func(tx *bbolt.Tx) error {
		return unsafeModify(tx, id, func(b buckets, rec *attemptRecord) error {
			if err := unsafeDropUnfinished(b, rec.Profile, id); err != nil {
				return err
			}
			rec.Finished = secondsOf(at)
			rec.Position = Position{Stage: StageDone}
			return unsafeIndexFinished(b, id, *rec, false)
		})
	})
}

// Discard deletes an unfinished attempt and all its answers, for when the
// person chooses to start over. Finished attempts are history and return
// ErrFinished.
func (s *Store) Discard(id AttemptID) (err error) {
	defer s.withPath(&err)
	if err := checkAttemptID(id); err != nil {
		return err
	}
	return s.updateBuckets(func(b buckets) error {
		rec, err := unsafeWritableHeader(b, id)
		if err != nil {
			return err
		}
		if err := unsafeDropUnfinished(b, rec.Profile, id); err != nil {
			return err
		}
		// Only a finished attempt gets a plan, so there is none unless
		// the file was damaged; whatever goes with the attempt goes.
		if err := unsafeDeletePlan(b, id); err != nil {
			return err
		}
		if err := unsafeDeleteExtras(b, id); err != nil {
			return err
		}
		return b.attempts.Delete(id[:])
	})
}

// checkAttemptID refuses the zero id, which no attempt has.
func checkAttemptID(id AttemptID) error {
	if id.IsZero() {
		return fmt.Errorf("%w: empty attempt id", ErrInvalid)
	}
	return nil
}

// checkAnswer validates the arguments every Save of an answer shares.
func checkAnswer(id AttemptID, questionID string, next Position) error {
	if err := checkAttemptID(id); err != nil {
		return err
	}
	if err := checkID("question id", questionID); err != nil {
		return err
	}
	return checkPosition(next)
}

// setOrClear sets m[k] = v, or deletes k when v is "", allocating m if
// needed.
func setOrClear(m map[string]string, k, v string) map[string]string {
	if v == "" {
		delete(m, k)
		return m
	}
	if m == nil {
		m = map[string]string{}
	}
	m[k] = v
	return m
}

// unsafeModify loads the header of an unfinished attempt, lets change
// edit it, and stores it again.
func unsafeModify(tx *bbolt.Tx, id AttemptID, change func(buckets, *attemptRecord) error) error {
	b, err := unsafeBuckets(tx)
	if err != nil {
		return err
	}
	rec, err := unsafeWritableHeader(b, id)
	if err != nil {
		return err
	}
	if err := change(b, &rec); err != nil {
		return err
	}
	return unsafePutRecord(b, id, rec)
}

// unsafeWritableHeader returns the record of an attempt that may still
// change: ErrNotFound if there is none, ErrFinished if it is finished.
func unsafeWritableHeader(b buckets, id AttemptID) (attemptRecord, error) {
	rec, err := unsafeLoadHeader(b, id)
	if err != nil {
		return attemptRecord{}, err
	}
	if !rec.Finished.IsZero() {
		return attemptRecord{}, fmt.Errorf("%w: attempt %s", ErrFinished, id)
	}
	return rec, nil
}

// unsafeLoadHeader loads and decodes an attempt's record.
func unsafeLoadHeader(b buckets, id AttemptID) (attemptRecord, error) {
	raw := b.attempts.Get(id[:])
	if raw == nil {
		return attemptRecord{}, fmt.Errorf("%w: attempt %s", ErrNotFound, id)
	}
	rec, err := decodeAttempt(raw, b.codec())
	if err != nil {
		return attemptRecord{}, fmt.Errorf("attempt %s: %w", id, err)
	}
	return rec, nil
}

func unsafePutRecord(b buckets, id AttemptID, rec attemptRecord) error {
	raw, err := encodeAttempt(rec, b.codec())
	if err != nil {
		return err
	}
	return b.attempts.Put(id[:], raw)
}

// unsafeLoadAttempt reads an attempt. The decoder copies, so the result
// stays valid after the transaction.
func unsafeLoadAttempt(b buckets, id AttemptID) (Attempt, error) {
	rec, err := unsafeLoadHeader(b, id)
	if err != nil {
		return Attempt{}, err
	}
	sh, err := b.shape(rec.Questionnaire, rec.Version)
	if err != nil {
		return Attempt{}, err
	}
	a := rec.attempt(id, sh.statements)
	e, err := unsafeExtra(b, id)
	if err != nil {
		return Attempt{}, err
	}
	a.Workshop, a.Manager = e.Workshop, e.Manager
	return a, nil
}

// unsafeExtra reads an attempt's extras record; none is the zero record.
func unsafeExtra(b buckets, id AttemptID) (extraRecord, error) {
	raw := b.extras.Get(id[:])
	if raw == nil {
		return extraRecord{}, nil
	}
	e, err := decodeExtra(raw)
	if err != nil {
		return extraRecord{}, fmt.Errorf("attempt %s: %w", id, err)
	}
	return e, nil
}

// unsafePutExtra writes an attempt's extras record, or deletes it when
// it holds nothing.
func unsafePutExtra(b buckets, id AttemptID, e extraRecord) error {
	if e.empty() {
		return b.extras.Delete(id[:])
	}
	raw, err := encodeExtra(e)
	if err != nil {
		return err
	}
	return b.extras.Put(id[:], raw)
}

// unsafeDeleteExtras removes what an attempt has beside its record in
// schema 5's buckets: its extras record and its workshop index entry.
// Whatever removes an attempt (Discard, DeleteProfile) calls it.
func unsafeDeleteExtras(b buckets, id AttemptID) error {
	raw := b.extras.Get(id[:])
	if raw == nil {
		return nil
	}
	// A record that does not decode still goes: the attempt goes. Its
	// index entry is then found by the workshop id it names, if readable.
	if e, err := decodeExtra(raw); err == nil && e.Workshop != "" {
		if err := b.byWorkshop.Delete(workshopIndexKey(e.Workshop, id)); err != nil {
			return err
		}
	} else if err != nil {
		if w := looseExtraWorkshop(raw); w != "" {
			if err := b.byWorkshop.Delete(workshopIndexKey(w, id)); err != nil {
				return err
			}
		}
	}
	return b.extras.Delete(id[:])
}

// looseExtraWorkshop reads the workshop id of an extras record that does
// not pass decodeExtra's checks (a bad answer code), so that deleting its
// attempt still finds the index entry.
func looseExtraWorkshop(raw []byte) string {
	r := reader{wire.Reader{B: raw}}
	r.Byte()
	r.Byte()
	w := r.Bytes(r.Uvarint(maxIDLen))
	if r.Err != nil {
		return ""
	}
	return string(w)
}

// unsafeIndexFinished writes what a finished attempt adds besides its
// record: its entry in the profile's history and its results row. A
// profile made in this transaction (newProfile) has no history to read.
func unsafeIndexFinished(b buckets, id AttemptID, rec attemptRecord, newProfile bool) error {
	sh, err := b.shape(rec.Questionnaire, rec.Version)
	if err != nil {
		return err
	}
	if err := unsafePutResult(b, sh, id, rec); err != nil {
		return err
	}
	if newProfile {
		return unsafeInsertHistory(b, rec.Profile, nil, rec.Finished, id)
	}
	return unsafeAddHistory(b, rec.Profile, rec.Finished, id)
}

// unsafeDropUnfinished removes the profile's unfinished-index entry,
// which must point at id: anything else means the index is damaged.
func unsafeDropUnfinished(b buckets, profileID string, id AttemptID) error {
	if raw := b.unfinished.Get([]byte(profileID)); !bytes.Equal(raw, id[:]) {
		return fmt.Errorf("%w: unfinished index of profile %q is %x, want %s", ErrCorrupt, profileID, raw, id)
	}
	return b.unfinished.Delete([]byte(profileID))
}

// indexedID decodes an attempt id stored as an index value.
func indexedID(raw []byte) (AttemptID, error) {
	var id AttemptID
	if len(raw) != len(id) {
		return AttemptID{}, fmt.Errorf("%w: index holds a %d-byte attempt id", ErrCorrupt, len(raw))
	}
	copy(id[:], raw)
	return id, nil
}
