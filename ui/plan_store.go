package ui

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

// planBase is the newest stored plan of the profile and the attempt it was
// made after: the welcome screen shows its goal, and the result of a later
// attempt sets the goal beside what changed.
type planBase struct {
	plan    store.Plan
	attempt store.Attempt
}

type (
	// planLoadedMsg carries the stored plan of the attempt whose plan
	// screen is being opened (ok false: none yet).
	planLoadedMsg struct {
		attempt store.Attempt
		plan    store.Plan
		ok      bool
	}
	// planSavedMsg reports a committed plan; next is the step to show.
	planSavedMsg struct {
		plan store.Plan
		next planStep
	}
)

// planStep is where the plan flow goes after a save.
type planStep int

const (
	stepNeeds planStep = iota // the plan is saved: on to needs and resources
	stepOther                 // the needs list is saved: the free line
	stepShow                  // the free line is saved: may the name be shown
	stepDone                  // all saved: back to the menu
)

// loadPlanBase reads the newest plan of a profile and the attempt it
// belongs to. A plan whose attempt is gone gives nil.
func loadPlanBase(st Store, profile string) (*planBase, error) {
	p, id, ok, err := st.LatestPlan(profile)
	if err != nil || !ok {
		return nil, err
	}
	a, err := st.Attempt(id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &planBase{plan: shownPlan(p), attempt: readable(a)}, nil
}

// shownPlan cleans the free text of a stored plan, as readable does for
// an attempt: the file may have been written by another program.
func shownPlan(p store.Plan) store.Plan {
	p.Goal = survey.CleanText(p.Goal)
	p.Other = survey.CleanLine(p.Other)
	return p
}

func loadPlanCmd(st Store, a store.Attempt) tea.Cmd {
	return func() tea.Msg {
		p, found, err := st.Plan(a.ID)
		if err != nil {
			return errMsg{err}
		}
		return planLoadedMsg{attempt: a, plan: shownPlan(p), ok: found}
	}
}

func savePlanCmd(st Store, id store.AttemptID, p store.Plan, next planStep) tea.Cmd {
	return func() tea.Msg {
		if err := st.SavePlan(id, p); err != nil {
			return errMsg{err}
		}
		return planSavedMsg{plan: p, next: next}
	}
}

// ownPlanMsg carries the plan of the attempt whose result is shown.
type ownPlanMsg struct {
	id   store.AttemptID
	plan store.Plan
}

// ownPlanCmd reads the plan of attempt id for its result. Nothing is said
// when there is none or it cannot be read (the result stands without
// it), unless the file is damaged.
func ownPlanCmd(st Store, id store.AttemptID) tea.Cmd {
	return func() tea.Msg {
		p, ok, err := st.Plan(id)
		switch {
		case err != nil && errors.Is(err, store.ErrCorrupt):
			return errMsg{err}
		case err != nil || !ok:
			return nil
		}
		return ownPlanMsg{id: id, plan: shownPlan(p)}
	}
}
