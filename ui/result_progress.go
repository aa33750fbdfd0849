package ui

import (
	"fmt"
	"time"

	"digikomp/survey"
)

// resultChange is what the result screen says of the attempt before the
// one shown: the comparison of the two and when the earlier one was
// finished.
type resultChange struct {
	cmp  survey.Comparison
	prev time.Time
}

// newResultOf shows the result of t, scored against the questionnaire it
// was taken with, with the change from prev beside each area when there
// is an attempt before it; back is what Esc returns to (nil: the menu).
func newResultOf(c *common, t taken, prev *taken, back intent) resultModel {
	var ch *resultChange
	if prev != nil {
		ch = &resultChange{cmp: survey.Compare(prev.survey(), t.survey()), prev: prev.a.Finished}
	}
	note := ""
	if !t.own {
		note = fmt.Sprintf(c.cat.Progression.HistoryUnknown, survey.CleanLine(t.a.QuestionnaireID), t.a.QuestionnaireVersion)
	}
	body := func(c *common) string {
		s := resultBodyWith(withQ(c, t.q), t.a, ch)
		if note != "" {
			s = c.st.Muted.Render(wrap(note, contentWidth(c))) + "\n\n" + s
		}
		return s
	}
	return resultModel{attempt: t.a, t: t, prev: prev, back: back, page: newPage(c, body)}
}

// withQ is c with another questionnaire, for showing an attempt taken
// with it.
func withQ(c *common, q *survey.Questionnaire) *common {
	if q == c.q {
		return c
	}
	cc := *c
	cc.q = q
	return &cc
}

// header is the line above the areas: what the arrows mean, since when,
// and, across questionnaire versions, on which statements.
func (ch *resultChange) header(c *common, w int) string {
	p := c.cat.Progression
	lead := p.ResultChange
	if c.lines {
		lead = p.ResultChangeAcc // no arrows to explain
	}
	s := c.st.Muted.Render(wrap(fmt.Sprintf(lead, formatDate(ch.prev)), w)) + "\n"
	if !ch.cmp.Same {
		s += c.st.Muted.Render(wrap(fmt.Sprintf(p.Shared, ch.cmp.Shared), w)) + "\n"
	}
	return s
}

// column is the change of an area for the end of its bar line, after a
// value of up to three cells, and the cells it takes; nothing without a
// change to show.
func (ch *resultChange) column(c *common, areaID, value string) (string, int) {
	if ch == nil {
		return "", 0
	}
	d, _ := ch.cmp.Area(areaID)
	return padLeft("", 3-len([]rune(value))) + " " + changeCell(c, d), 1 + changeWidth
}

// words is the change of an area in accessible mode.
func (ch *resultChange) words(c *common, areaID string) string {
	if ch == nil {
		return ""
	}
	d, _ := ch.cmp.Area(areaID)
	if !d.Known() {
		return ""
	}
	return ", " + fmt.Sprintf(c.cat.Progression.ResultChangeLine, signedTenths(c.lang, d.Tenths()))
}
