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
	err = st.EachAttempt(storeFilter(f), func(a store.Attempt, plan *store.Plan, p store.Profile) error {
		if !a.Done() {
			unfinished++
			return nil
		}
		return fn(groupItem{Attempt: a, Plan: plan, Workshop: workshops[a.Workshop], Profile: p})
	})
	return unfinished, err
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

// eachRespondent calls fn with every finished attempt of q that f
// selects as a group report sees it (store.EachRespondent), and returns
// how many unfinished attempts it selects.
func eachRespondent(st *store.Store, q *survey.Questionnaire, f groupFilter, fn func(survey.Respondent)) (unfinished int, err error) {
	return st.EachRespondent(q, storeFilter(f), fn)
}

// storeFilter is f as the store takes it.
func storeFilter(f groupFilter) store.GroupFilter {
	return store.GroupFilter{Workshop: f.Workshop, Round: f.Round, All: f.Workshop == "" && f.Round == ""}
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
	Values      []int16 // the ratings, in the questionnaire's order (store.ImportRecord)
	Plan        *store.Plan
	Workshop    workshopInfo
	ProfileName string // "" for an anonymous attempt
}

// importItems writes the attempts of one questionnaire in one
// transaction (store.ImportRecords): attempts the database already has
// are skipped, a workshop it lacks is created, an attempt without a name
// gets an anonymous profile of its own. A named attempt's profile is
// found by name or created first.
func importItems(st *store.Store, q *survey.Questionnaire, items []importItem, now time.Time) (store.ImportReport, error) {
	records := make([]store.ImportRecord, len(items))
	profiles := map[string]string{}
	workshops := map[workshopInfo]*store.Workshop{}
	for i, it := range items {
		r := store.ImportRecord{Attempt: it.Attempt, Values: it.Values, Plan: it.Plan}
		if name := it.ProfileName; name != "" {
			id, ok := profiles[name]
			if !ok {
				p, found, err := st.ProfileByName(name)
				if err != nil {
					return store.ImportReport{}, err
				}
				if !found {
					if p, err = st.AddProfile(name, "", now); err != nil {
						return store.ImportReport{}, err
					}
				}
				id = p.ID
				profiles[name] = id
			}
			r.Attempt.ProfileID = id
		}
		if w := it.Workshop; w.ID != "" {
			r.Attempt.Workshop = w.ID
			// One record for the attempts that carry the same workshop
			// columns, not one each.
			ws, ok := workshops[w]
			if !ok {
				ws = &store.Workshop{ID: w.ID, Name: w.Name, Place: w.Place, Round: w.Round, Date: w.Date, Created: now}
				workshops[w] = ws
			}
			r.Workshop = ws
		}
		records[i] = r
	}
	// A file imported before: every attempt is there already, and
	// nothing is written at all (not even an empty transaction), so the
	// database's bytes stay as they were. The first attempt missing ends
	// the look, so a new file costs one lookup.
	all := true
	for _, r := range records {
		if _, err := st.Attempt(r.Attempt.ID); errors.Is(err, store.ErrNotFound) {
			all = false
			break
		} else if err != nil {
			return store.ImportReport{}, err
		}
	}
	if all {
		rep := store.ImportReport{Results: make([]store.ImportResult, len(records)), Present: len(records)}
		for i, r := range records {
			rep.Results[i] = store.ImportResult{Outcome: store.ImportPresent, ID: r.Attempt.ID}
		}
		return rep, nil
	}
	return st.ImportRecords(q, records)
}
