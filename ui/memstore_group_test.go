package ui

import (
	"fmt"
	"slices"

	"digikomp/store"
	"digikomp/survey"
)

// The memStore's workshops and group rows, for the group view's tests,
// fuzz target and benchmark. They follow store/group.go as the ui sees
// it:
//
//   - a filter picks exactly one workshop, one round or all, or
//     store.ErrInvalid;
//   - a missing workshop is store.ErrNoWorkshop, a round no workshop has
//     store.ErrNoRound;
//   - EachRespondent passes finished respondents (their Values and
//     Background reused between calls, as the real store's are) and
//     returns the unfinished count; DiscussionAnswers returns sorted
//     answers without names; Workshops lists newest first;
//   - failRead makes the next read fail as a damaged file does.
//
// Respondents are kept as survey.Respondent; TeachName is what the store
// would give, so a test puts it only for someone who chose ShowName.
type memGroup struct {
	workshops  []store.Workshop // newest first
	rows       map[string][]survey.Respondent
	unfinished map[string]int
	answers    map[string]map[string][]string // workshop → question → answers
	// count is set for the benchmark: a workshop's rows are passed in
	// turn, count[w] respondents in all.
	count map[string]int
}

func (s *memStore) groups() *memGroup {
	if s.group == nil {
		s.group = &memGroup{rows: map[string][]survey.Respondent{}, unfinished: map[string]int{},
			answers: map[string]map[string][]string{}, count: map[string]int{}}
	}
	return s.group
}

// addWorkshop adds a workshop (prepended: newest first).
func (s *memStore) addWorkshop(w store.Workshop) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.groups()
	g.workshops = append([]store.Workshop{w}, g.workshops...)
}

// addRespondent adds a finished attempt to a workshop, with its
// discussion answers.
func (s *memStore) addRespondent(workshop string, r survey.Respondent, discussion map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.groups()
	g.rows[workshop] = append(g.rows[workshop], r)
	if g.answers[workshop] == nil {
		g.answers[workshop] = map[string][]string{}
	}
	for q, text := range discussion {
		g.answers[workshop][q] = append(g.answers[workshop][q], survey.CleanText(text))
	}
}

func (s *memStore) addUnfinished(workshop string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.groups().unfinished[workshop] += n
}

// pickWorkshops returns the workshop ids f picks; s.mu must be held.
func (s *memStore) pickWorkshops(f store.GroupFilter) ([]string, error) {
	n := 0
	for _, set := range []bool{f.Workshop != "", f.Round != "", f.All} {
		if set {
			n++
		}
	}
	if n != 1 {
		return nil, memErr(fmt.Errorf("%w: a group is one workshop, one collection round or all attempts", store.ErrInvalid))
	}
	g := s.groups()
	var ids []string
	for _, w := range g.workshops {
		if f.All || w.ID == f.Workshop || (f.Round != "" && w.Round == f.Round) {
			ids = append(ids, w.ID)
		}
	}
	switch {
	case f.Workshop != "" && len(ids) == 0:
		return nil, memErr(fmt.Errorf("%w: %q", store.ErrNoWorkshop, f.Workshop))
	case f.Round != "" && len(ids) == 0:
		return nil, memErr(fmt.Errorf("%w: %q", store.ErrNoRound, f.Round))
	}
	return ids, nil
}

func (s *memStore) EachRespondent(q *survey.Questionnaire, f store.GroupFilter, fn func(r survey.Respondent)) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failRead {
		s.failRead = false
		return 0, memErr(fmt.Errorf("%w: bad page", store.ErrCorrupt))
	}
	ids, err := s.pickWorkshops(f)
	if err != nil {
		return 0, err
	}
	g := s.groups()
	unfinished := 0
	values := make([]byte, len(q.Statements))
	bg := map[string]string{}
	for _, id := range ids {
		unfinished += g.unfinished[id]
		rows := g.rows[id]
		if n := g.count[id]; n > 0 && len(rows) > 0 {
			for i := range n {
				fn(reuse(rows[i%len(rows)], values, bg))
			}
			continue
		}
		for _, r := range rows {
			fn(reuse(r, values, bg))
		}
	}
	return unfinished, nil
}

// reuse copies r into the buffers passed on to fn, as the real store
// reuses its own between attempts.
func reuse(r survey.Respondent, values []byte, bg map[string]string) survey.Respondent {
	clear(values)
	copy(values, r.Values)
	clear(bg)
	for k, v := range r.Background {
		bg[k] = v
	}
	r.Values, r.Background = values, bg
	return r
}

func (s *memStore) DiscussionAnswers(f store.GroupFilter) (map[string][]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failRead {
		s.failRead = false
		return nil, memErr(fmt.Errorf("%w: bad page", store.ErrCorrupt))
	}
	ids, err := s.pickWorkshops(f)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, id := range ids {
		for q, list := range s.groups().answers[id] {
			out[q] = append(out[q], list...)
		}
	}
	for q := range out {
		slices.Sort(out[q])
	}
	return out, nil
}

func (s *memStore) Workshops() ([]store.Workshop, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failRead {
		s.failRead = false
		return nil, memErr(fmt.Errorf("%w: bad page", store.ErrCorrupt))
	}
	return slices.Clone(s.groups().workshops), nil
}
