package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

// The tea.Cmd constructors below are the only places the interface calls
// the store.

func loadCmd(st Store, profile string) tea.Cmd {
	return func() tea.Msg {
		var msg loadedMsg
		if a, ok, err := st.Unfinished(profile); err != nil {
			return errMsg{err}
		} else if ok {
			a = readable(a)
			msg.unfinished = &a
		}
		if a, ok, err := st.LatestFinished(profile); err != nil {
			return errMsg{err}
		} else if ok {
			a = readable(a)
			msg.latest = &a
		}
		var err error
		if msg.plan, err = loadPlanBase(st, profile); err != nil {
			return errMsg{err}
		}
		return msg
	}
}

func startCmd(st Store, profile string, q *survey.Questionnaire, at time.Time) tea.Cmd {
	return func() tea.Msg {
		a, err := st.StartAttempt(profile, q, at)
		if err != nil {
			return errMsg{err}
		}
		return startedMsg{a}
	}
}

func saveRatingCmd(st Store, id store.AttemptID, statementID string, value int, next store.Position) tea.Cmd {
	return func() tea.Msg {
		if err := st.SaveRating(id, statementID, value, next); err != nil {
			return errMsg{err}
		}
		return savedMsg{next: next, move: true, apply: func(a *store.Attempt) {
			a.SetRating(statementID, store.Rating{Value: value})
		}}
	}
}

func saveBackgroundCmd(st Store, id store.AttemptID, questionID, value string, next store.Position) tea.Cmd {
	return func() tea.Msg {
		if err := st.SaveBackground(id, questionID, value, next); err != nil {
			return errMsg{err}
		}
		return savedMsg{next: next, move: true, apply: func(a *store.Attempt) {
			a.SetBackground(questionID, value)
		}}
	}
}

func saveDiscussionCmd(st Store, id store.AttemptID, questionID, text string, next store.Position) tea.Cmd {
	return func() tea.Msg {
		if err := st.SaveDiscussion(id, questionID, text, next); err != nil {
			return errMsg{err}
		}
		return savedMsg{next: next, move: true, apply: func(a *store.Attempt) {
			a.SetDiscussion(questionID, text)
		}}
	}
}

// savePositionCmd records where the person is. With move set the screen
// changes to p once the position is stored; without it the screen has
// already changed and only the record catches up.
func savePositionCmd(st Store, id store.AttemptID, p store.Position, move bool) tea.Cmd {
	return func() tea.Msg {
		if err := st.SavePosition(id, p); err != nil {
			return errMsg{err}
		}
		return savedMsg{next: p, move: move}
	}
}

func finishCmd(st Store, id store.AttemptID, at time.Time) tea.Cmd {
	return func() tea.Msg {
		if err := st.Finish(id, at); err != nil {
			return errMsg{err}
		}
		return finishedMsg{at}
	}
}

func discardCmd(st Store, id store.AttemptID) tea.Cmd {
	return func() tea.Msg {
		if err := st.Discard(id); err != nil {
			return errMsg{err}
		}
		return discardedMsg{}
	}
}
