package ui

import (
	"time"

	"digikomp/store"
	"digikomp/survey"
)

// Store is what the interface needs of the database. The ui package never
// opens one itself: main opens it and hands it over, and every call runs
// inside a tea.Cmd so that Update and View never wait on the disk.
type Store interface {
	StartAttempt(profileID string, q *survey.Questionnaire, at time.Time) (store.Attempt, error)
	Unfinished(profileID string) (store.Attempt, bool, error)
	LatestFinished(profileID string) (store.Attempt, bool, error)
	SaveBackground(id store.AttemptID, questionID, value string, next store.Position) error
	SaveRating(id store.AttemptID, statementID string, value int, next store.Position) error
	SaveDiscussion(id store.AttemptID, questionID, text string, next store.Position) error
	SavePosition(id store.AttemptID, p store.Position) error
	Finish(id store.AttemptID, at time.Time) error
	Discard(id store.AttemptID) error
	// Definition returns the questionnaire version an attempt was taken
	// with, as the file keeps it (see attemptQuestionnaire).
	Definition(questionnaireID string, version int) (*survey.Questionnaire, bool, error)
	// The learning plan of a finished attempt (see plan.go), and the
	// finished attempts, oldest finish first: the one a plan belongs to,
	// and the history, progress and wheel screens.
	SavePlan(id store.AttemptID, p store.Plan) error
	Plan(id store.AttemptID) (store.Plan, bool, error)
	LatestPlan(profileID string) (store.Plan, store.AttemptID, bool, error)
	History(profileID string) ([]store.Attempt, error)
	// Attempt returns one attempt by id (the one the newest plan
	// belongs to); store.ErrNotFound when there is none.
	Attempt(id store.AttemptID) (store.Attempt, error)

	// People and settings (profiles.go).
	Profiles() ([]store.Profile, error)
	Profile(id string) (store.Profile, bool, error)
	AddProfile(name, pin string, at time.Time) (store.Profile, error)
	AddAnonymous(at time.Time) (store.Profile, error)
	RenameProfile(id, name string) error
	SetPIN(id, pin string) error
	CheckPIN(id, pin string, at time.Time) (store.PINCheck, error)
	DeleteProfile(id string) error
	Settings() (store.Settings, error)
	SaveSettings(store.Settings) error

	// Workshops, group reports and rounds compared (group_view.go).
	groupStore
	// Workshop mode (workshop.go): the facilitator's workshops, their
	// PIN, and attempts taken in one.
	Workshops() ([]store.Workshop, error)
	AddWorkshop(w store.Workshop, facilitatorPIN string, at time.Time) (store.Workshop, error)
	CheckFacilitatorPIN(workshopID, pin string, at time.Time) (store.PINCheck, error)
	SetFacilitatorPIN(workshopID, pin string) error
	StartWorkshopAttempt(workshopID, profileID string, q *survey.Questionnaire, at time.Time) (store.Attempt, error)
	SaveManagerAnswer(id store.AttemptID, answer string) error
}

// readable returns an attempt read from the store with its texts made safe
// to show. The file may have been written by another program or imported,
// so a discussion answer or a municipality name in it is terminal input
// like a questionnaire file's texts: controls and bidirectional overrides
// are removed here, where stored text enters the interface, and nowhere
// else. Typed text needs no such step; the text fields clean it.
func readable(a store.Attempt) store.Attempt {
	bg := make(map[string]string, len(a.Background))
	for k, v := range a.Background {
		bg[k] = survey.CleanLine(v)
	}
	disc := make(map[string]string, len(a.Discussion))
	for k, v := range a.Discussion {
		disc[k] = survey.CleanText(v)
	}
	a.Background, a.Discussion = bg, disc
	return a
}
