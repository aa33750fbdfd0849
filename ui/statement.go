package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// statementModel shows one statement and the scale to rate it on.
type statementModel struct {
	index  int
	choice int          // highlighted point on the scale
	given  store.Rating // the answer already stored, if any
	has    bool
}

func newStatement(c *common, index int, a store.Attempt) statementModel {
	m := statementModel{index: index}
	s := c.q.Scale
	m.choice = (s.Min + s.Max) / 2
	if r, ok := a.Ratings[c.q.Statements[index].ID]; ok {
		m.given, m.has = r, true
		if r.Value != store.Skipped {
			m.choice = r.Value
		}
	}
	return m
}

func (m statementModel) update(c *common, msg tea.Msg) (statementModel, intent) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	s := c.q.Scale
	switch {
	case key.Matches(k, c.keys.Answer):
		v, err := strconv.Atoi(k.String())
		if err == nil && s.Contains(v) {
			return m, intentRate{value: v}
		}
	case key.Matches(k, c.keys.Confirm):
		return m, intentRate{value: m.choice}
	case key.Matches(k, c.keys.Skip):
		return m, intentRate{value: store.Skipped}
	case key.Matches(k, c.keys.Up):
		if m.choice > s.Min {
			m.choice--
		}
	case key.Matches(k, c.keys.Down):
		if m.choice < s.Max {
			m.choice++
		}
	case key.Matches(k, c.keys.Prev):
		return m, intentMove{delta: -1}
	case key.Matches(k, c.keys.Next):
		return m, intentMove{delta: +1}
	case key.Matches(k, c.keys.Menu):
		return m, intentMenu{}
	}
	return m, nil
}

func (m statementModel) view(c *common) string {
	q := c.q
	st := q.Statements[m.index]
	area, _ := q.Area(st.Area)
	w := contentWidth(c)
	var b strings.Builder

	counter := fmt.Sprintf(c.cat.Progress, m.index+1, len(q.Statements))
	b.WriteString(titleLine(c, q.Title.In(c.lang), counter, w) + "\n")
	b.WriteString(progressBar(c, m.index+1, len(q.Statements), w) + "\n\n")
	b.WriteString(c.st.Area.Render(wrap(fmt.Sprintf(c.cat.AreaLabel, area.Number, len(q.Areas), area.Name.In(c.lang)), w)) + "\n\n")
	b.WriteString(c.st.Statement.Render(wrap(st.Text.In(c.lang), w)) + "\n\n")

	s := q.Scale
	for v := s.Min; v <= s.Max; v++ {
		label := ""
		switch v {
		case s.Min:
			label = s.MinLabel.In(c.lang)
		case s.Max:
			label = s.MaxLabel.In(c.lang)
		}
		line := fmt.Sprintf("%d  %s", v, label)
		mark := " "
		if m.has && m.given.Value == v {
			mark = "✓"
		}
		if v == m.choice {
			b.WriteString(c.st.Selected.Render("› "+line+" ") + " " + c.st.Answered.Render(mark) + "\n")
		} else {
			b.WriteString(c.st.Item.Render("  "+line) + " " + c.st.Answered.Render(mark) + "\n")
		}
	}
	b.WriteString("\n")
	switch {
	case m.has && m.given.Value == store.Skipped:
		b.WriteString(c.st.Muted.Render(c.cat.SkippedMark) + "\n")
	case m.has:
		b.WriteString(c.st.Answered.Render(fmt.Sprintf(c.cat.YourAnswer, m.given.Value)) + "\n")
	default:
		b.WriteString(c.st.Muted.Render(c.cat.NotAnswered) + "\n")
	}
	return b.String()
}

func (m statementModel) helpKeys(c *common) []key.Binding {
	return []key.Binding{c.keys.Answer, c.keys.Browse, c.keys.Skip, c.keys.Help, c.keys.Quit}
}

func (m statementModel) fullHelp(c *common) [][]key.Binding {
	return [][]key.Binding{
		{c.keys.Answer, c.keys.Up, c.keys.Confirm},
		{c.keys.Prev, c.keys.Next, c.keys.Skip},
		{c.keys.Menu, c.keys.Help, c.keys.Quit},
	}
}

// progressBar draws how far through the statements the person is.
func progressBar(c *common, done, total, width int) string {
	return bar(c, float64(done)/float64(total), width)
}
