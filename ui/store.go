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
	SaveRating(id store.AttemptID, statementID string, value int, at time.Time, next store.Position) error
	SaveDiscussion(id store.AttemptID, questionID, text string, next store.Position) error
	SavePosition(id store.AttemptID, p store.Position) error
	Finish(id store.AttemptID, at time.Time) error
	Discard(id store.AttemptID) error
}
