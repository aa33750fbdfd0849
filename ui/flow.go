package ui

import (
	"digikomp/store"
	"digikomp/survey"
)

// normalize moves a position that has run past the end of its stage to the
// start of the next stage, so that every screen change goes through one
// place that knows the order of the flow.
func normalize(q *survey.Questionnaire, p store.Position) store.Position {
	if p.Cursor < 0 {
		p.Cursor = 0
	}
	for {
		var n int
		switch p.Stage {
		case store.StageBackground:
			n = len(q.Background)
		case store.StageStatements:
			n = len(q.Statements)
		case store.StageDiscussion:
			n = len(q.Discussion)
		default:
			return store.Position{Stage: p.Stage}
		}
		if p.Cursor < n {
			return p
		}
		p = store.Position{Stage: p.Stage + 1}
	}
}

// unanswered lists the indexes of statements with no rating or a skip, in
// questionnaire order: the review screen offers each of them again.
func unanswered(q *survey.Questionnaire, a store.Attempt) []int {
	var out []int
	for i, s := range q.Statements {
		if r, ok := a.Ratings[s.ID]; !ok || r.Value == store.Skipped {
			out = append(out, i)
		}
	}
	return out
}

// answeredCount counts the statements with a rating, skips excluded.
func answeredCount(a store.Attempt) int {
	n := 0
	for _, r := range a.Ratings {
		if r.Value != store.Skipped {
			n++
		}
	}
	return n
}
