package store

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"digikomp/internal/wire"
	"digikomp/survey"
)

// Plan is what a person made of one finished attempt's result: the
// topics picked for a learning plan and a goal in their own words, and the
// needs and resources inventory (issue 11).
type Plan struct {
	Topics   []string // topic ids picked for the plan, in order picked
	Goal     string   // "Vad vill du kunna nästa gång?", own words
	Learn    []string // ≤ 5 topic ids, most wanted first (needs inventory)
	Teach    []string // topic ids the person could teach
	Other    string   // free line: anything not listed
	ShowName bool     // may the name go with Teach in a group's list (issue 12)
}

// Limits of a plan. A topic id is survey.ValidTopicID's: a–z, 0–9 and
// '-', 1 to 40 bytes.
const (
	MaxPlanTopics = 32   // ids in each of Topics, Learn and Teach
	MaxPlanLearn  = 5    // ids in Learn
	MaxGoalLen    = 1000 // characters of Goal
	MaxOtherLen   = 200  // characters of Other, on one line
)

// ErrNotFinished means a plan was asked for an attempt that is not
// finished: a plan is made from a result.
var ErrNotFinished = errors.New("the attempt is not finished yet; a plan belongs to a finished attempt")

// The plans bucket (since schema 4) holds one record per finished attempt
// that has a plan, under the attempt's id:
//
//	plans  attempt id → [format = 1][flags: bit 0 ShowName]
//	                    [uvarint n] n × [uvarint len][topic id]    Topics
//	                    [uvarint len][goal]
//	                    [uvarint n] n × [uvarint len][topic id]    Learn
//	                    [uvarint n] n × [uvarint len][topic id]    Teach
//	                    [uvarint len][other]
//
// The record is canonical: the decoder accepts only what the encoder
// writes for a valid plan.

// planFormat is the first byte of a plan record.
const planFormat = 1

// planShowName is the flag bit of ShowName.
const planShowName = 1

// CheckPlan refuses, with ErrInvalid, a plan SavePlan would not store;
// the interface may check what is typed before saving it.
func CheckPlan(p Plan) error {
	lists := []struct {
		what  string
		ids   []string
		limit int
	}{{"plan topics", p.Topics, MaxPlanTopics}, {"topics to learn", p.Learn, MaxPlanLearn}, {"topics to teach", p.Teach, MaxPlanTopics}}
	for _, l := range lists {
		if len(l.ids) > l.limit {
			return fmt.Errorf("%w: %d %s, at most %d", ErrInvalid, len(l.ids), l.what, l.limit)
		}
		for i, id := range l.ids {
			if !survey.ValidTopicID(id) {
				return fmt.Errorf("%w: %s: %q is not a topic id (1–%d of a–z, 0–9 and '-')", ErrInvalid, l.what, id, survey.MaxTopicIDLen)
			}
			if slices.Contains(l.ids[:i], id) {
				return fmt.Errorf("%w: %s: %q twice", ErrInvalid, l.what, id)
			}
		}
	}
	if err := checkPlanText("plan goal", p.Goal, MaxGoalLen); err != nil {
		return err
	}
	if err := checkPlanText("plan's other line", p.Other, MaxOtherLen); err != nil {
		return err
	}
	if strings.ContainsAny(p.Other, "\r\n") {
		return fmt.Errorf("%w: the plan's other line holds a line break", ErrInvalid)
	}
	return nil
}

// checkPlanText accepts UTF-8 of at most limit characters.
func checkPlanText(what, s string, limit int) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: %s is not valid UTF-8", ErrInvalid, what)
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return fmt.Errorf("%w: %s is %d characters, at most %d allowed", ErrInvalid, what, n, limit)
	}
	return nil
}

// encodePlan writes a checked plan.
func encodePlan(p Plan) []byte {
	b := make([]byte, 0, 8+len(p.Goal)+len(p.Other)+16*(len(p.Topics)+len(p.Learn)+len(p.Teach)))
	var flags byte
	if p.ShowName {
		flags |= planShowName
	}
	b = append(b, planFormat, flags)
	b = appendStrings(b, p.Topics)
	b = appendString(b, p.Goal)
	b = appendStrings(b, p.Learn)
	b = appendStrings(b, p.Teach)
	return appendString(b, p.Other)
}

// decodePlan parses and checks a plan record; anything encodePlan would
// not have written for a valid plan is ErrCorrupt. Texts are returned as
// stored: readers clean them (see cleanPlan).
func decodePlan(raw []byte) (Plan, error) {
	corrupt := func(what string) error { return fmt.Errorf("%w: plan record: %s", ErrCorrupt, what) }
	r := reader{wire.Reader{B: raw}}
	if f := r.Byte(); f != planFormat && r.Err == nil {
		return Plan{}, corrupt(fmt.Sprintf("format %d, want %d", f, planFormat))
	}
	flags := r.Byte()
	if flags&^planShowName != 0 && r.Err == nil {
		r.Fail(fmt.Sprintf("unknown flags %#x", flags))
	}
	ids := func() []string {
		n := r.Uvarint(MaxPlanTopics)
		var list []string
		for i := uint64(0); i < n && r.Err == nil; i++ {
			list = append(list, string(r.Bytes(r.Uvarint(survey.MaxTopicIDLen))))
		}
		return list
	}
	p := Plan{ShowName: flags&planShowName != 0}
	p.Topics = ids()
	p.Goal = string(r.Bytes(r.Uvarint(4 * MaxGoalLen)))
	p.Learn = ids()
	p.Teach = ids()
	p.Other = string(r.Bytes(r.Uvarint(4 * MaxOtherLen)))
	if r.Err == nil && len(r.B) != 0 {
		r.Fail(fmt.Sprintf("%d trailing bytes", len(r.B)))
	}
	if r.Err != nil {
		return Plan{}, corrupt(r.Err.Error())
	}
	if err := CheckPlan(p); err != nil {
		return Plan{}, corrupt(detail(err))
	}
	if !bytes.Equal(encodePlan(p), raw) {
		return Plan{}, corrupt("not in canonical form")
	}
	return p, nil
}

// cleanPlan makes a stored plan's texts safe to show: the file may have
// been written elsewhere.
func cleanPlan(p Plan) Plan {
	p.Goal = survey.CleanText(p.Goal)
	p.Other = survey.CleanLine(p.Other)
	return p
}

// SavePlan stores p as the plan of a finished attempt, replacing any plan
// it had, in one committed transaction. An attempt that does not exist is
// ErrNotFound, an unfinished one ErrNotFinished; a plan past the limits
// above (or with a topic id twice in a list) is ErrInvalid.
func (s *Store) SavePlan(id AttemptID, p Plan) (err error) {
	defer s.withPath(&err)
	if err := checkAttemptID(id); err != nil {
		return err
	}
	if err := CheckPlan(p); err != nil {
		return err
	}
	raw := encodePlan(p)
	return s.updateBuckets(func(b buckets) error {
		rec, err := unsafeLoadHeader(b, id)
		if err != nil {
			return err
		}
		if rec.Finished.IsZero() {
			return fmt.Errorf("%w: attempt %s", ErrNotFinished, id)
		}
		return b.plans.Put(id[:], raw)
	})
}

// Plan returns the plan of the attempt, if it has one, its texts cleaned
// for the terminal.
func (s *Store) Plan(id AttemptID) (_ Plan, _ bool, err error) {
	defer s.withPath(&err)
	if err := checkAttemptID(id); err != nil {
		return Plan{}, false, err
	}
	var (
		p  Plan
		ok bool
	)
	err = s.viewBuckets(func(b buckets) error {
		p, ok, err = unsafePlan(b, id)
		return err
	})
	if err != nil {
		return Plan{}, false, err
	}
	return p, ok, nil
}

// LatestPlan returns the plan of the profile's most recently finished
// attempt that has one, and that attempt's id. It reads the profile's
// history and looks up plans from the newest attempt back.
func (s *Store) LatestPlan(profileID string) (_ Plan, _ AttemptID, _ bool, err error) {
	defer s.withPath(&err)
	if err := checkID("profile id", profileID); err != nil {
		return Plan{}, AttemptID{}, false, err
	}
	var (
		p  Plan
		id AttemptID
		ok bool
	)
	err = s.viewBuckets(func(b buckets) error {
		list, err := unsafeHistory(b, profileID)
		if err != nil {
			return err
		}
		for i := len(list) - 1; i >= 0 && !ok; i-- {
			id = list[i].id
			if p, ok, err = unsafePlan(b, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || !ok {
		return Plan{}, AttemptID{}, false, err
	}
	return p, id, true, nil
}

// unsafePlan reads an attempt's plan, cleaned; the decoder copies.
func unsafePlan(b buckets, id AttemptID) (Plan, bool, error) {
	raw := b.plans.Get(id[:])
	if raw == nil {
		return Plan{}, false, nil
	}
	p, err := decodePlan(raw)
	if err != nil {
		return Plan{}, false, fmt.Errorf("attempt %s: %w", id, err)
	}
	return cleanPlan(p), true, nil
}

// unsafeDeletePlan removes the attempt's plan, if any: whatever removes
// an attempt (Discard, deleting a profile) removes its plan with it.
func unsafeDeletePlan(b buckets, id AttemptID) error {
	return b.plans.Delete(id[:])
}
