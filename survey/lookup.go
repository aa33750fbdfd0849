package survey

import "strings"

// The questionnaire is small (a few dozen items), so lookups scan the slices
// rather than keep index maps that would have to be rebuilt on every copy.

// Area returns the area with the given id.
func (q *Questionnaire) Area(id string) (Area, bool) {
	for _, a := range q.Areas {
		if a.ID == id {
			return a, true
		}
	}
	return Area{}, false
}

// Statement returns the statement with the given id.
func (q *Questionnaire) Statement(id string) (Statement, bool) {
	if i := q.StatementIndex(id); i >= 0 {
		return q.Statements[i], true
	}
	return Statement{}, false
}

// StatementIndex returns the position of the statement with the given id in
// questionnaire order, or -1 if there is none.
func (q *Questionnaire) StatementIndex(id string) int {
	for i, s := range q.Statements {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// StatementsIn returns the statements of an area in questionnaire order;
// nil if the area has none or does not exist.
func (q *Questionnaire) StatementsIn(areaID string) []Statement {
	var out []Statement
	for _, s := range q.Statements {
		if s.Area == areaID {
			out = append(out, s)
		}
	}
	return out
}

// BackgroundQuestion returns the background question with the given id.
func (q *Questionnaire) BackgroundQuestion(id string) (BackgroundQuestion, bool) {
	for _, b := range q.Background {
		if b.ID == id {
			return b, true
		}
	}
	return BackgroundQuestion{}, false
}

// Option returns an option of a choice question. It reports false for an
// unknown question or option, and for questions that have no options, such
// as the municipality question.
func (q *Questionnaire) Option(questionID, optionID string) (Option, bool) {
	b, ok := q.BackgroundQuestion(questionID)
	if !ok {
		return Option{}, false
	}
	for _, o := range b.Options {
		if o.ID == optionID {
			return o, true
		}
	}
	return Option{}, false
}

// DiscussionQuestion returns the discussion question with the given id.
func (q *Questionnaire) DiscussionQuestion(id string) (DiscussionQuestion, bool) {
	for _, d := range q.Discussion {
		if d.ID == id {
			return d, true
		}
	}
	return DiscussionQuestion{}, false
}

// Competences splits the statement's competence field into DigComp numbers.
func (s Statement) Competences() []string { return strings.Fields(s.Competence) }
