package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// intent is what a screen asks the root to do. Screens return intents
// synchronously from update, rather than as messages, so that a save
// starts before the next key is read and keys are never applied to a
// screen that is about to change.
type intent interface{}

type (
	intentContinue       struct{}
	intentStart          struct{}
	intentStartOver      struct{}
	intentLatest         struct{}
	intentQuestions      struct{}
	intentQuit           struct{}
	intentMenu           struct{}
	intentBegin          struct{ background bool }
	intentBackground     struct{ question, value string }
	intentSkipBackground struct{}
	intentRate           struct{ value int }
	intentMove           struct{ delta int }
	intentDiscussion     struct{ question, text string }
	intentSkipDiscussion struct{ question, draft string }
	intentReviewGoto     struct{ index int }
	intentFinish         struct{}
	// History, progress and the wheel (progression.go).
	intentHistory     struct{}
	intentProgress    struct{}
	intentWheel       struct{}
	intentOpenAttempt struct{ index int }
	intentWheelOf     struct {
		cur  taken
		prev *taken
		back intent
	}
	intentShow struct{ screen screen }
)

func (m Model) act(in intent) (tea.Model, tea.Cmd) {
	if m2, cmd, ok := m.actWorkshop(in); ok {
		return m2, cmd
	}
	if m2, cmd, ok := m.actProfile(in); ok {
		return m2, cmd
	}
	st, id, now := m.cfg.Store, m.attempt.ID, m.cfg.Now()
	pos := m.attempt.Position
	if m2, cmd, ok := m.actPlan(in); ok {
		return m2, cmd
	}
	if m2, cmd, ok := m.actGroup(in); ok {
		return m2, cmd
	}
	switch in.(type) {
	case intentContinue, intentStart, intentStartOver:
		if m.cfg.ReadOnly != nil {
			// Nothing could be saved: say so now, not after an answer.
			m.setErr(store.ErrReadOnly)
			return m, nil
		}
	}
	switch in := in.(type) {
	case intentQuit:
		return m.quit()
	case intentMenu:
		m.screen, m.fromReview, m.have = screenLoading, false, false
		return m.save(loadCmd(st, m.cfg.Profile))
	case intentContinue:
		m2, cmd := m.goTo(pos)
		return m2, cmd
	case intentStart:
		return m.save(startCmd(st, m.cfg.Profile, m.c.q, now))
	case intentStartOver:
		return m.save(discardCmd(st, id))
	case intentLatest:
		if m.latest == nil {
			return m, nil
		}
		// Through the history, for the change from the attempt before.
		return m.save(historyCmd(st, m.cfg.Profile, m.c.q, loadFor{screenResult}))
	case intentQuestions:
		answers := map[string]string{}
		if m.have {
			answers = m.attempt.Discussion
		} else if m.latest != nil {
			answers = m.latest.Discussion
		}
		m.questions = newQuestions(m.c, answers)
		m.screen = screenQuestions
		return m, nil
	case intentBegin:
		next := store.Position{Stage: store.StageStatements}
		if in.background {
			next = store.Position{Stage: store.StageBackground}
		}
		return m.save(savePositionCmd(st, id, next, true))
	case intentBackground:
		next := store.Position{Stage: store.StageBackground, Cursor: m.background.index + 1}
		return m.save(saveBackgroundCmd(st, id, in.question, in.value, next))
	case intentSkipBackground:
		return m.save(savePositionCmd(st, id, store.Position{Stage: store.StageStatements}, true))
	case intentRate:
		i := m.statement.index
		next := m.afterStatement(i + 1)
		return m.save(saveRatingCmd(st, id, m.c.q.Statements[i].ID, in.value, next))
	case intentMove:
		i := m.statement.index + in.delta
		if i < 0 {
			return m, nil
		}
		return m.save(savePositionCmd(st, id, m.afterStatement(i), true))
	case intentDiscussion:
		next := store.Position{Stage: store.StageDiscussion, Cursor: m.discussion.index + 1}
		return m.save(saveDiscussionCmd(st, id, in.question, in.text, next))
	case intentSkipDiscussion:
		next := store.Position{Stage: store.StageReview}
		if in.draft != "" {
			return m.save(saveDiscussionCmd(st, id, in.question, in.draft, next))
		}
		return m.save(savePositionCmd(st, id, next, true))
	case intentReviewGoto:
		m2, cmd := m.goTo(store.Position{Stage: store.StageStatements, Cursor: in.index})
		m2.fromReview = true
		return m2, cmd
	case intentFinish:
		return m.save(finishCmd(st, id, now))
	case intentHistory, intentProgress, intentWheel, intentOpenAttempt, intentWheelOf, intentShow:
		return m.actProgression(in)
	}
	return m, nil
}

// afterStatement is where the flow goes from a statement towards statement
// i: there, or back to the review screen when the statement was opened
// from it. It is stored as the position, so a crash resumes there too.
func (m Model) afterStatement(i int) store.Position {
	if m.fromReview {
		return store.Position{Stage: store.StageReview}
	}
	return store.Position{Stage: store.StageStatements, Cursor: i}
}
