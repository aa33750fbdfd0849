package ui

import (
	"fmt"
	"strings"

	"github.com/NimbleMarkets/ntcharts/sparkline"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"digikomp/survey"
)

// progressModel shows each area's mean over the attempts as a sparkline
// (one column per attempt, the oldest on the left), the change since the
// first and since the previous attempt, and the statements that rose and
// fell most since the first. It scrolls like the result.
type progressModel struct {
	page page
}

func newProgress(c *common, list []taken, err error) progressModel {
	var p survey.Progression
	if err == nil {
		ts := make([]survey.Taken, len(list))
		for i, t := range list {
			ts[i] = t.survey()
		}
		p = survey.Progress(ts)
	}
	return progressModel{page: newPage(c, func(c *common) string {
		if err != nil {
			return loadFailure(c, err, contentWidth(c))
		}
		return progressBody(c, list, p)
	})}
}

func (m *progressModel) setSize(c *common) { m.page.setSize(c) }

func (m progressModel) update(c *common, msg tea.Msg) (progressModel, tea.Cmd, intent) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, c.keys.Menu), key.Matches(k, c.keys.Confirm):
			return m, nil, intentShow{screenWelcome}
		case key.Matches(k, c.keys.Prev), key.Matches(k, c.keys.Next):
			return m, nil, nil
		}
	}
	var cmd tea.Cmd
	m.page, cmd = m.page.update(msg)
	return m, cmd, nil
}

func (m progressModel) view(c *common) string {
	return m.page.view(c, c.cat.Progression.ProgressTitle, "")
}

func (m progressModel) helpKeys(c *common) []key.Binding {
	scroll := key.NewBinding(key.WithKeys("down"), key.WithHelp("↑/↓", c.cat.KeyScroll))
	return []key.Binding{scroll, c.keys.Back, c.keys.Help, c.keys.QuitMenu}
}

// maxSpark is the widest a sparkline is drawn: the latest attempts when
// there are more.
const maxSpark = 24

// progressBody renders the progression: the table of areas, then the
// statements that moved most. In accessible mode the sparklines are left
// out and each area is one sentence.
func progressBody(c *common, list []taken, p survey.Progression) string {
	cat := c.cat.Progression
	w := contentWidth(c)
	if len(list) < 2 {
		return wrap(cat.ProgressFew, w) + "\n"
	}
	last := list[len(list)-1]
	q := last.q
	var b strings.Builder
	b.WriteString(wrap(fmt.Sprintf(cat.ProgressIntro, len(list)), w) + "\n")
	if p.Mixed {
		b.WriteString(c.st.Muted.Render(wrap(fmt.Sprintf(cat.ProgressMixed, p.SinceFirst.Shared), w)) + "\n")
	}

	rows := make([]progressRow, 0, len(p.Areas)+1)
	for _, id := range p.Areas {
		area, _ := q.Area(id)
		r := progressRow{name: area.Name.In(c.lang)}
		for _, m := range p.Means {
			r.series = append(r.series, m.Areas[id].Float())
		}
		r.now = p.Means[len(p.Means)-1].Areas[id]
		r.first, _ = p.SinceFirst.Area(id)
		r.prev, _ = p.SincePrevious.Area(id)
		rows = append(rows, r)
	}
	overall := progressRow{name: cat.ProgressOverall, now: p.Means[len(p.Means)-1].Overall,
		first: p.SinceFirst.Overall, prev: p.SincePrevious.Overall}
	for _, m := range p.Means {
		overall.series = append(overall.series, m.Overall.Float())
	}
	rows = append(rows, overall)

	now := func(m survey.Mean) string {
		if !m.Known() {
			return "–"
		}
		return formatMean(c.lang, m.Tenths())
	}
	if c.lines {
		for _, r := range rows {
			b.WriteString(fmt.Sprintf(cat.ProgressAccArea, r.name, now(r.now), changeText(c, r.first), changeText(c, r.prev)) + "\n")
		}
	} else {
		b.WriteString(progressTable(withQ(c, q), rows, len(list), w))
	}

	moved := func(title string, list []survey.StatementDelta) {
		if len(list) == 0 {
			return
		}
		b.WriteString("\n" + c.st.Strong.Render(title) + "\n")
		for i, sd := range list {
			if i == shownStatements {
				b.WriteString("    " + c.st.Muted.Render(fmt.Sprintf(cat.ProgressMore, len(list)-shownStatements)) + "\n")
				break
			}
			st, _ := q.Statement(sd.StatementID)
			lead := fmt.Sprintf("%d → %d  ", sd.Before, sd.After)
			indent := strings.Repeat(" ", lipgloss.Width(lead))
			text := wrap(st.Text.In(c.lang), w-len(indent))
			b.WriteString(lead + strings.ReplaceAll(text, "\n", "\n"+indent) + "\n")
		}
	}
	rose, fell := p.SinceFirst.Rose, p.SinceFirst.Fell
	if len(rose)+len(fell) == 0 {
		b.WriteString("\n" + wrap(cat.ProgressNoMoves, w) + "\n")
	}
	moved(cat.ProgressRose, rose)
	moved(cat.ProgressFell, fell)
	return b.String()
}

// progressRow is one line of the progress table.
type progressRow struct {
	name        string
	series      []float64 // the mean of each attempt, oldest first; 0 for none
	now         survey.Mean
	first, prev survey.Delta
}

// progressTable lays out one line per area and, last and in bold, the
// overall mean: name, sparkline, mean now, change since the first and
// since the previous attempt, under column heads.
func progressTable(c *common, rows []progressRow, attempts, w int) string {
	cat := c.cat.Progression
	nowW := max(4, lipgloss.Width(cat.ProgressNow))
	firstW := max(changeWidth, lipgloss.Width(cat.ProgressSinceFirst))
	prevW := max(changeWidth, lipgloss.Width(cat.ProgressSincePrev))
	fixed := 2 + nowW + 2 + firstW + 2 + prevW
	nameW := 0
	for _, r := range rows {
		nameW = max(nameW, lipgloss.Width(r.name))
	}
	sparkW := min(attempts, maxSpark)
	// The names give way to the sparkline down to 8 cells, then the
	// sparkline to the names.
	nameW = min(nameW, max(8, w-fixed-2-sparkW))
	sparkW = max(2, min(sparkW, w-fixed-2-nameW))

	var b strings.Builder
	if attempts > sparkW {
		b.WriteString(c.st.Muted.Render(wrap(fmt.Sprintf(cat.ProgressShown, sparkW), w)) + "\n")
	}
	b.WriteString("\n")
	head := padRight(cat.ProgressArea, nameW) + "  " + strings.Repeat(" ", sparkW) + "  " +
		padLeft(cat.ProgressNow, nowW) + "  " + padLeft(cat.ProgressSinceFirst, firstW) + "  " + padLeft(cat.ProgressSincePrev, prevW)
	b.WriteString(c.st.Muted.Render(head) + "\n")
	now := func(m survey.Mean) string {
		if !m.Known() {
			return "–"
		}
		return formatMean(c.lang, m.Tenths())
	}
	for i, r := range rows {
		sl := sparkline.New(sparkW, 1, sparkline.WithMaxValue(float64(c.q.Scale.Max)), sparkline.WithNoAutoMaxValue(),
			sparkline.WithStyle(c.st.BarFull))
		sl.PushAll(r.series[max(0, len(r.series)-sparkW):])
		sl.Draw()
		name := padRight(truncate(r.name, nameW), nameW)
		if i == len(rows)-1 {
			name = c.st.Strong.Render(name)
		}
		b.WriteString(name + "  " + sl.View() + "  " + padLeft(now(r.now), nowW) + "  " +
			padLeft(changeCell(c, r.first), firstW) + "  " + padLeft(changeCell(c, r.prev), prevW) + "\n")
	}
	return b.String()
}
