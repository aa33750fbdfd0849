package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/survey"
)

// historyModel lists every finished attempt of the profile, newest first:
// date, questionnaire version, overall mean and the change from the one
// before. Enter opens an attempt's full result.
type historyModel struct {
	list   []taken // oldest first, as loaded
	rows   []historyRow
	cursor int // index into rows (newest first)
	offset int // first row shown
	err    error
}

// historyRow is one attempt as listed.
type historyRow struct {
	index   int // into list
	date    string
	version string
	mean    string
	change  string // formatted; HistoryFirst for the first attempt
	delta   survey.Delta
	first   bool
}

func newHistory(c *common, list []taken, err error) historyModel {
	m := historyModel{list: list, err: err}
	m.rows = historyRows(c, list)
	m.scroll(c)
	return m
}

// historyRows computes the rows, newest first.
func historyRows(c *common, list []taken) []historyRow {
	rows := make([]historyRow, len(list))
	for i, t := range list {
		r := historyRow{index: i, date: formatDate(t.a.Finished), first: i == 0,
			version: truncate(survey.CleanLine(t.a.QuestionnaireID), 18) + " v" + strconv.Itoa(t.a.QuestionnaireVersion)}
		means := survey.MeansOf(t.survey())
		r.mean = "–"
		if means.Overall.Known() {
			r.mean = formatMean(c.lang, means.Overall.Tenths())
		}
		if i > 0 {
			r.delta = survey.Compare(list[i-1].survey(), t.survey()).Overall
		}
		rows[len(list)-1-i] = r
	}
	return rows
}

// visible is the number of rows that fit under the title and the column
// heads.
func (m historyModel) visible(c *common) int {
	if c.height == 0 {
		return 15
	}
	return max(1, c.height-headerLines-1-footerLines-c.notice)
}

// scroll keeps the cursor in view.
func (m *historyModel) scroll(c *common) {
	n := m.visible(c)
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+n {
		m.offset = m.cursor - n + 1
	}
	m.offset = max(0, min(m.offset, len(m.rows)-n))
}

func (m *historyModel) setSize(c *common) { m.scroll(c) }

func (m historyModel) update(c *common, msg tea.Msg) (historyModel, intent) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, c.keys.Menu):
		return m, intentShow{screenWelcome}
	case len(m.rows) == 0:
	case key.Matches(k, c.keys.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(k, c.keys.Down):
		m.cursor = min(len(m.rows)-1, m.cursor+1)
	case k.Type == tea.KeyPgUp:
		m.cursor = max(0, m.cursor-m.visible(c))
	case k.Type == tea.KeyPgDown:
		m.cursor = min(len(m.rows)-1, m.cursor+m.visible(c))
	case k.Type == tea.KeyHome:
		m.cursor = 0
	case k.Type == tea.KeyEnd:
		m.cursor = len(m.rows) - 1
	case key.Matches(k, c.keys.Confirm):
		return m, intentOpenAttempt{index: m.rows[m.cursor].index}
	}
	m.scroll(c)
	return m, nil
}

// Column widths of the list.
const (
	histDate    = 10
	histVersion = 22
)

func (m historyModel) view(c *common) string {
	p := c.cat.Progression
	w := contentWidth(c)
	var b strings.Builder
	b.WriteString(titleLine(c, p.HistoryTitle, fmt.Sprintf(p.HistoryCount, len(m.rows)), w) + "\n\n")
	if m.err != nil {
		return b.String() + loadFailure(c, m.err, w)
	}
	if len(m.rows) == 0 {
		b.WriteString(wrap(p.HistoryEmpty, w) + "\n")
		return b.String()
	}
	meanW := max(5, len([]rune(p.HistoryMean)))
	// The questionnaire column gives way in a narrow window, so that the
	// change keeps its room.
	verW := max(8, min(histVersion, w-3-histDate-2-2-meanW-2-changeWidth))
	head := "  " + padRight(p.HistoryDate, histDate) + "  " + padRight(truncate(p.HistoryVersion, verW), verW) + "  " +
		padLeft(p.HistoryMean, meanW) + "  " + p.HistoryChange
	b.WriteString(c.st.Muted.Render(truncate(head, w)) + "\n")
	end := min(len(m.rows), m.offset+m.visible(c))
	for i := m.offset; i < end; i++ {
		b.WriteString(historyLine(c, m.rows[i], meanW, verW, w, i == m.cursor) + "\n")
	}
	return b.String()
}

// historyLine renders one row; the chosen one is marked as on the menu.
func historyLine(c *common, r historyRow, meanW, verW, w int, selected bool) string {
	change := c.cat.Progression.HistoryFirst
	if !r.first {
		change = strings.TrimLeft(changeCell(c, r.delta), " ")
		if !r.delta.Known() {
			change = "–"
		}
	}
	line := truncate(padRight(r.date, histDate)+"  "+padRight(truncate(r.version, verW), verW)+"  "+padLeft(r.mean, meanW)+"  "+change, w-3)
	if selected {
		return c.st.Selected.Render("› " + line + " ")
	}
	return c.st.Item.Render("  " + line)
}

func (m historyModel) helpKeys(c *common) []key.Binding {
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.cat.Progression.KeyOpen))
	return []key.Binding{c.keys.Up, open, c.keys.Back, c.keys.Help, c.keys.QuitMenu}
}

// historyText is the history for accessible mode: one line per attempt,
// newest first.
func historyText(c *common, list []taken) string {
	p := c.cat.Progression
	if len(list) == 0 {
		return p.HistoryEmpty
	}
	var b strings.Builder
	b.WriteString(fmt.Sprintf(p.HistoryCount, len(list)) + "\n")
	for i, r := range historyRows(c, list) {
		change := p.HistoryFirst
		if !r.first {
			change = changeText(c, r.delta)
		}
		fmt.Fprintf(&b, "%d. %s, %s %s, %s %s, %s %s\n", i+1, r.date, p.HistoryVersion, r.version,
			p.HistoryMean, r.mean, p.HistoryChange, change)
	}
	return strings.TrimRight(b.String(), "\n")
}
