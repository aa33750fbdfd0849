package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"digikomp/store"
	"digikomp/survey"
)

// resultModel shows the result of one finished attempt. It scrolls,
// because at 80×24 the whole result does not fit.
type resultModel struct {
	attempt store.Attempt
	page    page
	// t is the attempt with the questionnaire it is scored against, prev
	// the attempt before it if any (see result_progress.go), and back
	// what Esc returns to: the menu when nil.
	t    taken
	prev *taken
	back intent
}

func newResult(c *common, a store.Attempt) resultModel {
	return newResultOf(c, takenWith(a, c.q), nil, nil)
}

func (m *resultModel) setSize(c *common) { m.page.setSize(c) }

func (m resultModel) update(c *common, msg tea.Msg) (resultModel, tea.Cmd, intent) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, c.keys.Menu), key.Matches(k, c.keys.Confirm):
			if m.back != nil {
				return m, nil, m.back
			}
			return m, nil, intentMenu{}
		case key.Matches(k, c.keys.Wheel):
			return m, nil, intentWheelOf{cur: m.t, prev: m.prev, back: intentShow{screenResult}}
		case key.Matches(k, planKeys(c).Plan):
			return m, nil, intentPlan{attempt: m.attempt}
		case key.Matches(k, c.keys.Prev), key.Matches(k, c.keys.Next):
			return m, nil, nil // the viewport would scroll sideways: not wanted
		}
	}
	var cmd tea.Cmd
	m.page, cmd = m.page.update(msg)
	return m, cmd, nil
}

func (m resultModel) view(c *common) string {
	return m.page.view(c, c.cat.ResultTitle, fmt.Sprintf(c.cat.ResultWhen, formatDate(m.attempt.Finished)))
}

func (m resultModel) helpKeys(c *common) []key.Binding {
	scroll := key.NewBinding(key.WithKeys("down"), key.WithHelp("↑/↓", c.cat.KeyScroll))
	back := c.keys.Menu
	if m.back != nil {
		back = c.keys.Back
	}
	return []key.Binding{scroll, c.keys.Wheel, planKeys(c).Plan, back, c.keys.Help, c.keys.QuitMenu}
}

// resultBody renders a result as text: the overall mean, a bar per area,
// strongest and weakest areas, and the highest and lowest statements. The
// accessible runner prints the same text with plain styles.
func resultBody(c *common, a store.Attempt) string { return resultBodyWith(c, a, nil) }

// resultBodyWith is resultBody with the change from the attempt before
// beside each area, when ch is set.
func resultBodyWith(c *common, a store.Attempt, ch *resultChange) string {
	q, cat := c.q, c.cat
	r := survey.Score(q, a.Scores())
	w := contentWidth(c)
	var b strings.Builder
	if r.Answered == 0 {
		b.WriteString(wrap(cat.ResultNothing, w) + "\n")
		return b.String()
	}
	b.WriteString(c.st.Strong.Render(fmt.Sprintf(cat.ResultOverall, formatMean(c.lang, r.MeanTenths()), q.Scale.Max)) + "\n")
	b.WriteString(fmt.Sprintf(cat.ResultAnswered, r.Answered, len(q.Statements)) + " · " +
		fmt.Sprintf(cat.ResultHighShare, formatPercent(c.lang, r.HighPercent())) + "\n\n")

	nameWidth := 0
	for _, ar := range q.Areas {
		nameWidth = max(nameWidth, lipgloss.Width(ar.Name.In(c.lang)))
	}
	oneLine := w >= nameWidth+20
	if ch != nil {
		b.WriteString(ch.header(c, w))
	}
	for _, as := range r.Areas {
		area, _ := q.Area(as.AreaID)
		name := area.Name.In(c.lang)
		value := "–"
		frac := 0.0
		if as.Answered > 0 {
			value = formatMean(c.lang, as.MeanTenths())
			frac = as.Mean / float64(q.Scale.Max)
		}
		change, extra := ch.column(c, as.AreaID, value)
		if c.lines {
			b.WriteString(name + ": " + value + ch.words(c, as.AreaID) + "\n")
		} else if oneLine {
			pad := strings.Repeat(" ", nameWidth-lipgloss.Width(name))
			b.WriteString(name + pad + "  " + bar(c, frac, w-nameWidth-7-extra) + " " + value + change + "\n")
		} else {
			b.WriteString(name + "\n" + bar(c, frac, w-5-extra) + " " + value + change + "\n")
		}
	}
	b.WriteString("\n")
	if len(r.Strongest) > 0 && sameSet(r.Strongest, r.Weakest) {
		b.WriteString(wrap(cat.ResultAllEqual, w) + "\n")
	} else {
		b.WriteString(c.st.Strong.Render(cat.ResultStrongest) + " " + areaNames(c, r, r.Strongest) + "\n")
		b.WriteString(c.st.Strong.Render(cat.ResultWeakest) + " " + areaNames(c, r, r.Weakest) + "\n")
	}
	b.WriteString("\n" + c.st.Strong.Render(cat.ResultHighest) + "\n")
	b.WriteString(statementList(c, r.Highest, w))
	if !sameStatements(r.Highest, r.Lowest) {
		b.WriteString("\n" + c.st.Strong.Render(cat.ResultLowest) + "\n")
		b.WriteString(statementList(c, r.Lowest, w))
	}
	return b.String()
}

// shownStatements is how many of the highest or lowest statements are
// written out; ties beyond it are counted.
const shownStatements = 3

func statementList(c *common, list []survey.StatementScore, w int) string {
	var b strings.Builder
	for i, s := range list {
		if i == shownStatements {
			b.WriteString("    " + c.st.Muted.Render(fmt.Sprintf(c.cat.ResultMore, len(list)-shownStatements)) + "\n")
			break
		}
		st, _ := c.q.Statement(s.StatementID)
		text := wrap(st.Text.In(c.lang), w-4)
		text = strings.ReplaceAll(text, "\n", "\n    ")
		b.WriteString(fmt.Sprintf("%2d  %s\n", s.Value, text))
	}
	return b.String()
}

func areaNames(c *common, r survey.Result, ids []string) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		area, _ := c.q.Area(id)
		for _, as := range r.Areas {
			if as.AreaID == id {
				names = append(names, fmt.Sprintf("%s (%s)", area.Name.In(c.lang), formatMean(c.lang, as.MeanTenths())))
			}
		}
	}
	return strings.Join(names, ", ")
}

func sameSet(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00")
}

func sameStatements(a, b []survey.StatementScore) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
