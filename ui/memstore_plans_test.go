package ui

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"digikomp/store"
	"digikomp/survey"
)

// The memStore's plans and questionnaire definitions. They follow
// store.Store:
//
//   - Definition returns what a test put with putDefinition (the real
//     store keeps it when a version's first attempt starts), a deep copy;
//   - History lists the profile's finished attempts, oldest finish first;
//   - SavePlan checks the plan as the store does (store.CheckPlan), then
//     refuses a missing attempt (ErrNotFound) and an unfinished one
//     (ErrNotFinished); Plan and LatestPlan return copies, texts cleaned.
type memExtra struct {
	definitions map[string]*survey.Questionnaire // id, NUL, version
	plans       map[store.AttemptID]store.Plan
}

// extra returns s's plans and definitions; s.mu must be held.
func (s *memStore) extra() *memExtra {
	if s.plans == nil {
		s.plans = &memExtra{definitions: map[string]*survey.Questionnaire{}, plans: map[store.AttemptID]store.Plan{}}
	}
	return s.plans
}

func definitionKey(id string, version int) string { return fmt.Sprintf("%s\x00%d", id, version) }

// putDefinition records q as the definition of its id and version, as the
// real store does when the version's first attempt starts.
func (s *memStore) putDefinition(q *survey.Questionnaire) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.extra().definitions[definitionKey(q.ID, q.Version)] = q.Clone()
}

func (s *memStore) Definition(questionnaireID string, version int) (*survey.Questionnaire, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := memCheckID("questionnaire id", questionnaireID); err != nil {
		return nil, false, memErr(err)
	}
	if s.failRead {
		s.failRead = false
		return nil, false, memErr(fmt.Errorf("%w: bad page", store.ErrCorrupt))
	}
	q, ok := s.extra().definitions[definitionKey(questionnaireID, version)]
	if !ok {
		return nil, false, nil
	}
	return q.Clone(), true, nil
}

// history returns the profile's finished attempts, oldest finish first;
// s.mu must be held.
func (s *memStore) history(profileID string) []store.Attempt {
	var list []store.Attempt
	for _, a := range s.attempts {
		if a.Done() && a.ProfileID == profileID {
			list = append(list, copyAttempt(a))
		}
	}
	slices.SortFunc(list, func(x, y store.Attempt) int {
		if c := cmp.Compare(x.Finished.UnixNano(), y.Finished.UnixNano()); c != 0 {
			return c
		}
		return bytes.Compare(x.ID[:], y.ID[:])
	})
	return list
}

func (s *memStore) History(profileID string) ([]store.Attempt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.read(profileID); err != nil {
		return nil, err
	}
	return s.history(profileID), nil
}

func (s *memStore) SavePlan(id store.AttemptID, p store.Plan) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := storeCall{op: "plan", id: id}
	switch a, ok := s.attempts[id]; {
	case id.IsZero():
		c.err = fmt.Errorf("%w: empty attempt id", store.ErrInvalid)
	case store.CheckPlan(p) != nil:
		c.err = store.CheckPlan(p)
	case s.writeFails():
		c.err = s.failure()
	case !ok:
		c.err = fmt.Errorf("%w: attempt %s", store.ErrNotFound, id)
	case !a.Done():
		c.err = fmt.Errorf("%w: attempt %s", store.ErrNotFinished, id)
	default:
		s.extra().plans[id] = copyPlan(p)
	}
	return s.record(c)
}

func (s *memStore) Plan(id store.AttemptID) (store.Plan, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id.IsZero() {
		return store.Plan{}, false, memErr(fmt.Errorf("%w: empty attempt id", store.ErrInvalid))
	}
	p, ok := s.extra().plans[id]
	if !ok {
		return store.Plan{}, false, nil
	}
	return readablePlan(p), true, nil
}

func (s *memStore) LatestPlan(profileID string) (store.Plan, store.AttemptID, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.read(profileID); err != nil {
		return store.Plan{}, store.AttemptID{}, false, err
	}
	list, plans := s.history(profileID), s.extra().plans
	for i := len(list) - 1; i >= 0; i-- {
		if p, ok := plans[list[i].ID]; ok {
			return readablePlan(p), list[i].ID, true, nil
		}
	}
	return store.Plan{}, store.AttemptID{}, false, nil
}

func copyPlan(p store.Plan) store.Plan {
	p.Topics, p.Learn, p.Teach = slices.Clone(p.Topics), slices.Clone(p.Learn), slices.Clone(p.Teach)
	return p
}

// readablePlan is a stored plan as the store returns it.
func readablePlan(p store.Plan) store.Plan {
	p = copyPlan(p)
	p.Goal, p.Other = survey.CleanText(p.Goal), survey.CleanLine(p.Other)
	return p
}
