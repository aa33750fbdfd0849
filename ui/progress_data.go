package ui

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

// taken is a finished attempt with the questionnaire it is scored
// against: the one it was taken with when that is known, otherwise the
// loaded one (own is false), on the statements the two share.
type taken struct {
	a       store.Attempt
	q       *survey.Questionnaire
	own     bool
	ratings survey.Ratings // a.Scores(), made once
}

func (t taken) survey() survey.Taken { return survey.Taken{Q: t.q, Ratings: t.ratings} }

// historyLoadedMsg carries the profile's finished attempts, oldest finish
// first, and what to show with them.
type historyLoadedMsg struct {
	list []taken
	err  error
	then intent
}

// historyCmd reads the profile's finished attempts (store.History) for the history,
// progress and wheel screens; then is the intent to act on once they are
// loaded.
func historyCmd(st Store, profile string, q *survey.Questionnaire, then intent) tea.Cmd {
	return func() tea.Msg {
		list, err := loadTaken(st, profile, q)
		return historyLoadedMsg{list: list, err: err, then: then}
	}
}

// loadTaken reads the profile's finished attempts, oldest finish first,
// each with the questionnaire it is scored against: the one it was taken
// with when the file keeps it (see attemptQuestionnaire).
func loadTaken(st Store, profile string, q *survey.Questionnaire) ([]taken, error) {
	all, err := st.History(profile)
	if err != nil {
		return nil, err
	}
	list := make([]taken, 0, len(all))
	qs := newQuestionsOf(st, q)
	cleaned := cleanQuestions{}
	for _, a := range all {
		t, err := qs.taken(readable(a))
		if err != nil {
			return nil, err
		}
		if t.q != q {
			t.q = cleaned.of(t.q)
		}
		list = append(list, t)
	}
	return list, nil
}

// takenWith pairs an attempt with the loaded questionnaire q, for an
// attempt of q or one whose questions the file does not keep (see
// questionsOf.taken): an attempt of another id or version is then scored
// against q on the statements they share.
func takenWith(a store.Attempt, q *survey.Questionnaire) taken {
	return newTaken(a, q, a.QuestionnaireID == q.ID && a.QuestionnaireVersion == q.Version)
}

// newTaken is the one way a taken is made: its ratings are scored here,
// once.
func newTaken(a store.Attempt, q *survey.Questionnaire, own bool) taken {
	return taken{a: a, q: q, own: own, ratings: a.Scores()}
}

// fatalRead reports a read error after which nothing more may be shown
// or written: the file is damaged.
func fatalRead(err error) bool { return errors.Is(err, store.ErrCorrupt) }

// loadFailure says that the earlier attempts could not be read, why, and
// the system's words on a muted line.
func loadFailure(c *common, err error, w int) string {
	sentence := join(c.cat.Progression.LoadFailed, c.cat.Cause(store.KindOf(err)))
	s := c.st.Error.Render(wrap(sentence, w)) + "\n"
	if d := c.cat.DetailLine(err); d != "" {
		s += c.st.Muted.Render(wrap(d, w)) + "\n"
	}
	return s
}

// cleanQuestions makes the questionnaires read from the file safe to
// show, each once. The store refuses a definition whose texts are not
// clean already; this is the interface's own door, as readable is for
// answers, so that no text from the file reaches the terminal uncleaned
// whatever a Store returns.
type cleanQuestions map[*survey.Questionnaire]*survey.Questionnaire

func (cq cleanQuestions) of(q *survey.Questionnaire) *survey.Questionnaire {
	if c, ok := cq[q]; ok {
		return c
	}
	c := q.Clone()
	c.ID = survey.CleanLine(c.ID)
	c.Title = cleanText(c.Title, survey.CleanLine)
	c.Scale.MinLabel = cleanText(c.Scale.MinLabel, survey.CleanLine)
	c.Scale.MaxLabel = cleanText(c.Scale.MaxLabel, survey.CleanLine)
	for i := range c.Areas {
		c.Areas[i].Name = cleanText(c.Areas[i].Name, survey.CleanLine)
	}
	for i := range c.Statements {
		c.Statements[i].Text = cleanText(c.Statements[i].Text, survey.CleanText)
	}
	for i := range c.Background {
		b := &c.Background[i]
		b.Prompt = cleanText(b.Prompt, survey.CleanLine)
		for j := range b.Options {
			b.Options[j].Label = cleanText(b.Options[j].Label, survey.CleanLine)
		}
	}
	for i := range c.Discussion {
		c.Discussion[i].Text = cleanText(c.Discussion[i].Text, survey.CleanText)
	}
	cq[q] = c
	return c
}

func cleanText(t survey.Text, clean func(string) string) survey.Text {
	return survey.Text{SV: clean(t.SV), EN: clean(t.EN)}
}
