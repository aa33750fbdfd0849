package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

// attemptQuestionnaire picks the questionnaire a finished attempt is
// shown and scored with: the definition the file keeps of the version it
// was taken with, else the loaded questionnaire when it is that very id
// and version (the file has checked its shape), else nil: the file keeps
// the attempt's answers but not its questions (a version first met before
// schema 4 and not loaded now). Scoring an attempt against other
// questions would show a wrong result.
func attemptQuestionnaire(st Store, loaded *survey.Questionnaire, a store.Attempt) (*survey.Questionnaire, error) {
	q, ok, err := st.Definition(a.QuestionnaireID, a.QuestionnaireVersion)
	switch {
	case err != nil:
		return nil, err
	case ok:
		return q, nil
	case loaded != nil && loaded.ID == a.QuestionnaireID && loaded.Version == a.QuestionnaireVersion:
		return loaded, nil
	}
	return nil, nil
}

// resultMsg carries a finished attempt and the questionnaire to show it
// with (nil if the file has none, see attemptQuestionnaire).
type resultMsg struct {
	attempt store.Attempt
	q       *survey.Questionnaire
}

// resultCmd reads which questionnaire the attempt was taken with and
// opens its result screen. Any screen that opens an older attempt's
// result goes through it.
func resultCmd(st Store, loaded *survey.Questionnaire, a store.Attempt) tea.Cmd {
	return func() tea.Msg {
		q, err := attemptQuestionnaire(st, loaded, a)
		if err != nil {
			return errMsg{err}
		}
		return resultMsg{attempt: a, q: q}
	}
}
