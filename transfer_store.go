package main

import (
	"errors"
	"strings"
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// The store calls behind the group commands (export of a group, import,
// report), in one place: the only file that changes as the store's
// workshop functions grow.

// groupFilter selects finished attempts: those of one workshop, of every
// workshop of one round, or (both empty) all.
type groupFilter struct {
	Workshop string // workshop id
	Round    string
}

// workshopInfo is what an export says of an attempt's workshop.
type workshopInfo struct {
	ID, Name, Place, Round string
	Date                   time.Time
}

// groupItem is one finished attempt with what an export writes of it.
type groupItem struct {
	Attempt  store.Attempt
	Plan     *store.Plan // nil when none was made
	Workshop workshopInfo
	Profile  store.Profile
}

// eachFinished calls fn with every finished attempt f selects, and
// returns the number of unfinished attempts it selects.
func eachFinished(st *store.Store, f groupFilter, fn func(groupItem) error) (unfinished int, err error) {
	workshops, err := workshopMap(st)
	if err != nil {
		return 0, err
	}
	profiles, err := st.Profiles()
	if err != nil {
		return 0, err
	}
	for _, p := range profiles {
		list, err := st.Attempts(p.ID)
		if err != nil {
			return 0, err
		}
		for _, a := range list {
			w := workshops[a.Workshop]
			if f.Workshop != "" && a.Workshop != f.Workshop || f.Round != "" && (a.Workshop == "" || w.Round != f.Round) {
				continue
			}
			if !a.Done() {
				unfinished++
				continue
			}
			item := groupItem{Attempt: a, Workshop: w, Profile: p}
			plan, ok, err := st.Plan(a.ID)
			if err != nil {
				return 0, err
			}
			if ok {
				item.Plan = &plan
			}
			if err := fn(item); err != nil {
				return 0, err
			}
		}
	}
	return unfinished, nil
}

// workshopMap is every workshop of the file by id.
func workshopMap(st *store.Store) (map[string]workshopInfo, error) {
	list, err := st.Workshops()
	if err != nil {
		return nil, err
	}
	m := make(map[string]workshopInfo, len(list))
	for _, w := range list {
		m[w.ID] = workshopInfo{ID: w.ID, Name: w.Name, Place: w.Place, Round: w.Round, Date: w.Date}
	}
	return m, nil
}

// eachRespondent calls fn with every finished attempt f selects as a
// group report sees it: ratings in q's statement order, no name unless
// the person chose to show it with what they can teach.
func eachRespondent(st *store.Store, q *survey.Questionnaire, f groupFilter, fn func(survey.Respondent)) (unfinished int, err error) {
	return eachFinished(st, f, func(it groupItem) error {
		fn(respondentOf(q, it))
		return nil
	})
}

// respondentOf is one attempt as survey.GroupTally counts it.
func respondentOf(q *survey.Questionnaire, it groupItem) survey.Respondent {
	a := it.Attempt
	r := survey.Respondent{Values: make([]byte, len(q.Statements)), Background: a.Background}
	for i, s := range q.Statements {
		if v, ok := a.Ratings[s.ID]; ok && v.Value > 0 && v.Value < 256 {
			r.Values[i] = byte(v.Value)
		}
	}
	if p := it.Plan; p != nil {
		r.Learn, r.Teach = p.Learn, p.Teach
		if p.ShowName && len(p.Teach) > 0 && !it.Profile.Anonymous && it.Profile.ID != store.LocalProfile {
			r.TeachName = survey.CleanLine(it.Profile.Name)
		}
	}
	return r
}

// findWorkshop finds a workshop by its id or, ignoring case, its name.
func findWorkshop(st *store.Store, nameOrID string) (workshopInfo, bool, error) {
	m, err := workshopMap(st)
	if err != nil {
		return workshopInfo{}, false, err
	}
	if w, ok := m[nameOrID]; ok {
		return w, true, nil
	}
	for _, w := range m {
		if strings.EqualFold(w.Name, strings.TrimSpace(nameOrID)) {
			return w, true, nil
		}
	}
	return workshopInfo{}, false, nil
}

// roundExists reports whether any workshop belongs to round.
func roundExists(st *store.Store, round string) (bool, error) {
	m, err := workshopMap(st)
	if err != nil {
		return false, err
	}
	clean, ok := store.CleanRound(round)
	for _, w := range m {
		if ok && w.Round == clean {
			return true, nil
		}
	}
	return false, nil
}

// importItem is one checked attempt of an import file.
type importItem struct {
	Line        int
	Attempt     store.Attempt
	Plan        *store.Plan
	Workshop    workshopInfo
	ProfileName string // "" for an anonymous attempt
}

// importOutcome is what became of one importItem.
type importOutcome int

const (
	importAdded importOutcome = iota
	importPresent
)

// importItems writes the attempts of one questionnaire in one
// transaction, skipping those the database already has.
func importItems(st *store.Store, q *survey.Questionnaire, items []importItem, now time.Time) ([]importOutcome, error) {
	out := make([]importOutcome, len(items))
	var fresh []store.Attempt
	var plans []int
	for i, it := range items {
		_, err := st.Attempt(it.Attempt.ID)
		switch {
		case err == nil:
			out[i] = importPresent
			continue
		case !errors.Is(err, store.ErrNotFound):
			return nil, err
		}
		a := it.Attempt
		if it.ProfileName != "" {
			p, ok, err := st.ProfileByName(it.ProfileName)
			if err != nil {
				return nil, err
			}
			if !ok {
				if p, err = st.AddProfile(it.ProfileName, "", now); err != nil {
					return nil, err
				}
			}
			a.ProfileID = p.ID
		} else {
			p, err := st.AddAnonymous(a.Started)
			if err != nil {
				return nil, err
			}
			a.ProfileID = p.ID
		}
		fresh = append(fresh, a)
		if it.Plan != nil {
			plans = append(plans, i)
		}
	}
	if len(fresh) > 0 {
		if err := st.Import(q, fresh); err != nil {
			return nil, err
		}
	}
	for _, i := range plans {
		if err := st.SavePlan(items[i].Attempt.ID, *items[i].Plan); err != nil {
			return nil, err
		}
	}
	return out, nil
}
