package store

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"digikomp/survey"
)

// Workshop is a meeting where several people take the self-assessment in
// turn on one computer, led by a facilitator (issue 12). Its attempts are
// found through the workshop-attempts index; its collection round groups
// workshops for comparing the start of a year with its end.
type Workshop struct {
	ID         string // random hex, like profile ids; kept by an import
	Name       string // 1–80 characters, cleaned
	Place      string // 0–80 characters, cleaned
	Round      string // collection round, e.g. "2026 höst" or "baslinje": 1–40 characters, cleaned
	Date       time.Time
	Created    time.Time
	ClearAfter time.Duration // a result left on screen clears after this; DefaultClearAfter if zero when added
	Protected  bool          // has a facilitator PIN; false only for a workshop that came with an import
}

// ErrNoWorkshop means the workshop does not exist; it is also
// ErrNotFound.
var ErrNoWorkshop = fmt.Errorf("workshop %w", ErrNotFound)

// ErrNoFacilitatorPIN means a facilitator PIN was tried on a workshop
// that has none (one that came with an import: its PIN never leaves the
// computer it was set on). SetFacilitatorPIN gives it one.
var ErrNoFacilitatorPIN = errors.New("this workshop has no facilitator PIN")

func (w workshopRecord) workshop() Workshop {
	return Workshop{ID: w.ID, Name: w.Name, Place: w.Place, Round: w.Round, Date: w.Date,
		Created: w.Created, ClearAfter: w.ClearAfter, Protected: w.PIN != nil}
}

// workshopRecordOf checks and cleans what a caller gives for a new
// workshop: the texts cleaned as names are (survey.CleanLine, trimmed,
// NFC), the times in whole seconds, a zero ClearAfter made the default.
// The id is left as given.
func workshopRecordOf(w Workshop) (workshopRecord, error) {
	var err error
	rec := workshopRecord{ID: w.ID, ClearAfter: w.ClearAfter}
	if rec.Name, err = cleanField("workshop name", w.Name, 1, MaxWorkshopName); err != nil {
		return workshopRecord{}, err
	}
	if rec.Place, err = cleanField("workshop place", w.Place, 0, MaxWorkshopPlace); err != nil {
		return workshopRecord{}, err
	}
	if rec.Round, err = cleanField("collection round", w.Round, 1, MaxWorkshopRound); err != nil {
		return workshopRecord{}, err
	}
	if err := checkTime("workshop date", w.Date); err != nil {
		return workshopRecord{}, err
	}
	if err := checkTime("creation time", w.Created); err != nil {
		return workshopRecord{}, err
	}
	rec.Date, rec.Created = secondsOf(w.Date), secondsOf(w.Created)
	if rec.ClearAfter == 0 {
		rec.ClearAfter = DefaultClearAfter
	}
	if rec.ClearAfter < minClearAfter || rec.ClearAfter > maxClearAfter {
		return workshopRecord{}, fmt.Errorf("%w: a result clears after %v to %v, not %v", ErrInvalid, minClearAfter, maxClearAfter, rec.ClearAfter)
	}
	rec.ClearAfter = rec.ClearAfter.Truncate(time.Second)
	return rec, nil
}

// CleanRound is a collection round as it is kept and compared: cleaned
// as AddWorkshop cleans it. ok is false for a round no workshop can have
// (empty, or longer than MaxWorkshopRound).
func CleanRound(round string) (string, bool) {
	s, err := cleanField("collection round", round, 1, MaxWorkshopRound)
	return s, err == nil
}

// AddWorkshop creates a workshop protected by the facilitator's PIN (4 to
// 64 characters, required) and returns it as stored: a new random id
// (w.ID is ignored), the texts cleaned, Created = at, a zero ClearAfter
// made DefaultClearAfter. w.Created is ignored.
func (s *Store) AddWorkshop(w Workshop, facilitatorPIN string, at time.Time) (_ Workshop, err error) {
	defer s.withPath(&err)
	if err := checkTime("creation time", at); err != nil {
		return Workshop{}, err
	}
	w.Created = at
	rec, err := workshopRecordOf(w)
	if err != nil {
		return Workshop{}, err
	}
	if err := checkPIN(facilitatorPIN); err != nil {
		return Workshop{}, err
	}
	rec.PIN = hashPIN(facilitatorPIN) // outside the transaction: it takes a while
	err = s.updateBuckets(func(b buckets) error {
		rec.ID = newProfileID(b.workshops)
		return unsafeSaveWorkshop(b, rec)
	})
	if err != nil {
		return Workshop{}, err
	}
	return rec.workshop(), nil
}

// unsafeSaveWorkshop writes a workshop record under its id.
func unsafeSaveWorkshop(b buckets, w workshopRecord) error {
	raw, err := encodeWorkshop(w)
	if err != nil {
		return err
	}
	if err := b.workshops.Put([]byte(w.ID), raw); err != nil {
		return fmt.Errorf("put workshop %q: %w", w.ID, err)
	}
	return nil
}

// unsafeGetWorkshop returns the workshop's record; ok is false if there
// is none. A record that names another id is damage.
func unsafeGetWorkshop(b buckets, id string) (workshopRecord, bool, error) {
	raw := b.workshops.Get([]byte(id))
	if raw == nil {
		return workshopRecord{}, false, nil
	}
	w, err := unsafeDecodeWorkshop([]byte(id), raw)
	return w, err == nil, err
}

func unsafeDecodeWorkshop(k, raw []byte) (workshopRecord, error) {
	w, err := decodeWorkshop(raw)
	if err != nil {
		return workshopRecord{}, fmt.Errorf("workshop %q: %w", survey.Visible(string(k)), err)
	}
	if w.ID != string(k) {
		return workshopRecord{}, fmt.Errorf("%w: workshop record %q names workshop %q", ErrCorrupt, survey.Visible(string(k)), survey.Visible(w.ID))
	}
	return w, nil
}

// Workshops returns every workshop, the newest date first (then the
// newest created, then by id). Workshops are few: the bucket is walked.
func (s *Store) Workshops() (_ []Workshop, err error) {
	defer s.withPath(&err)
	var list []Workshop
	err = s.viewBuckets(func(b buckets) error {
		recs, err := unsafeWorkshops(b)
		for _, w := range recs {
			list = append(list, w.workshop())
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(list, func(x, y Workshop) int {
		return cmp.Or(y.Date.Compare(x.Date), y.Created.Compare(x.Created), strings.Compare(x.ID, y.ID))
	})
	return list, nil
}

// unsafeWorkshops decodes every workshop record, in id order.
func unsafeWorkshops(b buckets) ([]workshopRecord, error) {
	var list []workshopRecord
	err := b.workshops.ForEach(func(k, raw []byte) error {
		w, err := unsafeDecodeWorkshop(k, raw)
		if err != nil {
			return err
		}
		list = append(list, w)
		return nil
	})
	return list, err
}

// Workshop returns the workshop with the given id.
func (s *Store) Workshop(id string) (_ Workshop, _ bool, err error) {
	defer s.withPath(&err)
	if checkID("workshop id", id) != nil {
		return Workshop{}, false, nil
	}
	var (
		w  workshopRecord
		ok bool
	)
	err = s.viewBuckets(func(b buckets) error {
		w, ok, err = unsafeGetWorkshop(b, id)
		return err
	})
	if err != nil || !ok {
		return Workshop{}, false, err
	}
	return w.workshop(), true, nil
}

// SetFacilitatorPIN gives a workshop a new facilitator PIN (4 to 64
// characters; required: a workshop run on this computer always has one)
// and starts its count of wrong tries again. It is how a workshop that
// came with an import, which carries no PIN, can be run here.
func (s *Store) SetFacilitatorPIN(workshopID, pin string) (err error) {
	defer s.withPath(&err)
	if err := checkID("workshop id", workshopID); err != nil {
		return err
	}
	if err := checkPIN(pin); err != nil {
		return err
	}
	h := hashPIN(pin)
	return s.updateBuckets(func(b buckets) error {
		w, ok, err := unsafeGetWorkshop(b, workshopID)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w: %q", ErrNoWorkshop, survey.Visible(workshopID))
		}
		w.PIN, w.Failures, w.WaitUntil = h, 0, time.Time{}
		return unsafeSaveWorkshop(b, w)
	})
}

// CheckFacilitatorPIN judges a try of a workshop's facilitator PIN at the
// given time, with the same count, waits and guarantees as CheckPIN: a
// right try sets Failures back to 0, a wrong one counts, and beyond the
// third the next try waits 1 s, 2 s, 4 s … at most 30 s; a try before
// WaitUntil is not judged (ErrPINWait). A workshop without a PIN (one
// that came with an import) returns ErrNoFacilitatorPIN: no PIN opens it.
func (s *Store) CheckFacilitatorPIN(workshopID, pin string, at time.Time) (_ PINCheck, err error) {
	defer s.withPath(&err)
	if err := checkID("workshop id", workshopID); err != nil {
		return PINCheck{}, err
	}
	if err := checkTime("time of the try", at); err != nil {
		return PINCheck{}, err
	}
	get := func(b buckets) (workshopRecord, error) {
		w, ok, err := unsafeGetWorkshop(b, workshopID)
		if err == nil && !ok {
			err = fmt.Errorf("%w: %q", ErrNoWorkshop, survey.Visible(workshopID))
		}
		return w, err
	}
	for round := 0; ; round++ {
		var w workshopRecord
		err := s.viewBuckets(func(b buckets) error {
			w, err = get(b)
			return err
		})
		if err != nil {
			return PINCheck{}, err
		}
		if w.PIN == nil {
			return PINCheck{}, ErrNoFacilitatorPIN
		}
		if at.Before(w.WaitUntil) {
			return PINCheck{Failures: w.Failures, WaitUntil: w.WaitUntil}, ErrPINWait
		}
		right := w.PIN.verify(pin)
		if right && w.Failures == 0 && w.WaitUntil.IsZero() {
			return PINCheck{OK: true}, nil
		}
		var res PINCheck
		changed := false
		err = s.updateBuckets(func(b buckets) error {
			now, err := get(b)
			switch {
			case err != nil:
				return err
			case now.PIN == nil || !bytes.Equal(now.PIN.Salt, w.PIN.Salt):
				changed = true
				return nil
			case at.Before(now.WaitUntil):
				res = PINCheck{Failures: now.Failures, WaitUntil: now.WaitUntil}
				return ErrPINWait
			}
			res, now.Failures, now.WaitUntil = judgeTry(right, now.Failures, at)
			return unsafeSaveWorkshop(b, now)
		})
		if errors.Is(err, ErrPINWait) {
			return res, ErrPINWait
		}
		if err != nil {
			return PINCheck{}, err
		}
		if !changed || round == 3 {
			return res, nil
		}
	}
}

// judgeTry is the count and wait after a try judged right or wrong, as
// CheckPIN keeps them.
func judgeTry(right bool, failures int, at time.Time) (PINCheck, int, time.Time) {
	if right {
		return PINCheck{OK: true}, 0, time.Time{}
	}
	failures = min(failures+1, maxFailures)
	var wait time.Time
	if d := waitAfter(failures); d > 0 {
		wait = at.Add(d)
	}
	return PINCheck{Failures: failures, WaitUntil: wait}, failures, wait
}

// StartWorkshopAttempt begins a new attempt of q for the profile, taken in
// the workshop, as StartAttempt does; the workshop's index entry and the
// attempt's extras record are written in the same transaction as the
// attempt. An unknown workshop is ErrNoWorkshop.
func (s *Store) StartWorkshopAttempt(workshopID, profileID string, q *survey.Questionnaire, at time.Time) (_ Attempt, err error) {
	defer s.withPath(&err)
	if err := checkID("workshop id", workshopID); err != nil {
		return Attempt{}, err
	}
	return s.startAttempt(workshopID, profileID, q, at)
}

// SaveManagerAnswer records the answer to the managers' question
// (survey.ManagerYes, ManagerPartly, ManagerNo, ManagerDontKnow) of an
// attempt, finished or not, or clears it with "". Only a manager is asked
// (survey.IsManager of the attempt's background answers), so a non-empty
// answer for anyone else is ErrInvalid: the rule is kept here, not only
// in the interface, so that an import or a bug cannot count a
// non-manager among the managers. The answer lives in the attempt's
// extras record, so a finished attempt's record does not change.
func (s *Store) SaveManagerAnswer(id AttemptID, answer string) (err error) {
	defer s.withPath(&err)
	if err := checkAttemptID(id); err != nil {
		return err
	}
	if answer != "" && !survey.ValidManagerAnswer(answer) {
		return fmt.Errorf("%w: %q is no answer to the managers' question", ErrInvalid, survey.Visible(answer))
	}
	return s.updateBuckets(func(b buckets) error {
		rec, err := unsafeLoadHeader(b, id)
		if err != nil {
			return err
		}
		if answer != "" && !survey.IsManager(rec.Background) {
			return fmt.Errorf("%w: only a manager answers the managers' question", ErrInvalid)
		}
		e, err := unsafeExtra(b, id)
		if err != nil {
			return err
		}
		e.Manager = answer
		return unsafePutExtra(b, id, e)
	})
}
