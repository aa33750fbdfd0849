package store

import (
	"time"

	"digikomp/survey"
)

// Stage is the part of the guided flow an attempt has reached.
type Stage uint8

// The stages of an attempt, in the order they are passed.
const (
	StageBackground Stage = iota
	StageStatements
	StageDiscussion
	StageReview
	StageDone
)

// Skipped is the stored value of a statement the person chose to skip. It
// is kept apart from "not reached yet" so the review screen can list skips.
const Skipped = 0

// Rating is one answer to a statement. When it was given is not kept
// (since schema 3): nothing shows it, and Position says where to resume.
type Rating struct {
	Value int // 1–7 on the questionnaire's scale, or Skipped
}

// Attempt is one run through the self-assessment by one profile.
type Attempt struct {
	ID                   AttemptID
	QuestionnaireID      string
	QuestionnaireVersion int
	ProfileID            string
	Started              time.Time
	Finished             time.Time         // zero while unfinished
	Background           map[string]string // question id → option id or municipality name
	Ratings              map[string]Rating // statement id → rating
	Discussion           map[string]string // question id → free text
	Position             Position          // where a resume continues; StageDone once finished
	Workshop             string            // id of the workshop it was taken in, "" if none (since schema 5)
	Manager              string            // the managers' question's answer (survey.ManagerYes …), "" if none
}

// Position is where a resumed attempt continues: the stage and the index
// within it where the person stopped.
type Position struct {
	Stage  Stage
	Cursor int
}

// Done reports whether the attempt has been finished.
func (a Attempt) Done() bool { return !a.Finished.IsZero() }

// Scores returns the given ratings (skips excluded) in the form the survey
// package scores.
func (a Attempt) Scores() survey.Ratings {
	r := make(survey.Ratings, len(a.Ratings))
	for id, v := range a.Ratings {
		if v.Value != Skipped {
			r[id] = v.Value
		}
	}
	return r
}

// SetBackground records a background answer in a copy held in memory,
// the same way SaveBackground stores it: "" clears the answer.
func (a *Attempt) SetBackground(questionID, value string) {
	a.Background = setOrClear(a.Background, questionID, value)
}

// SetDiscussion records a discussion answer in memory as SaveDiscussion
// stores it: "" clears the answer.
func (a *Attempt) SetDiscussion(questionID, text string) {
	a.Discussion = setOrClear(a.Discussion, questionID, text)
}

// SetRating records a rating in memory as SaveRating stores it.
func (a *Attempt) SetRating(statementID string, r Rating) {
	if a.Ratings == nil {
		a.Ratings = map[string]Rating{}
	}
	a.Ratings[statementID] = r
}
