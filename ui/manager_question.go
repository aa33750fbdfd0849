package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/survey"
)

// managerModel asks the managers' question (survey.ManagerQuestion) at
// the end of a manager's turn, before their result: one optional choice,
// saved with SaveManagerAnswer. Nobody else is asked (afterFinish).
type managerModel struct {
	q      survey.BackgroundQuestion
	cursor int // options, then "rather not say"
}

func newManager(c *common) managerModel {
	return managerModel{q: survey.ManagerQuestion()}
}

func (m Model) updateManager(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	c, mm := m.c, &m.ws.manager
	n := len(mm.q.Options) + 1
	pick := -1
	switch {
	case key.Matches(k, c.keys.Up):
		mm.cursor = (mm.cursor + n - 1) % n
	case key.Matches(k, c.keys.Down):
		mm.cursor = (mm.cursor + 1) % n
	case k.Type == tea.KeyRunes && len(k.Runes) == 1 && k.Runes[0] >= '1' && int(k.Runes[0]-'1') < n:
		mm.cursor = int(k.Runes[0] - '1')
		pick = mm.cursor
	case key.Matches(k, c.keys.Confirm):
		pick = mm.cursor
	case key.Matches(k, c.keys.Back), key.Matches(k, c.keys.Quit):
		pick = n - 1
	}
	if pick < 0 {
		return m, nil
	}
	if pick == n-1 || m.latest == nil {
		m.screen = screenResult
		return m, nil
	}
	st, id, answer := m.cfg.Store, m.latest.ID, mm.q.Options[pick].ID
	m.busy = true
	return m, func() tea.Msg { return wsManagerSavedMsg{st.SaveManagerAnswer(id, answer)} }
}

func (m managerModel) view(c *common) string {
	w := c.cat.Workshop
	width := contentWidth(c)
	var b strings.Builder
	b.WriteString(c.st.Title.Render(w.ManagerTitle) + "\n\n")
	b.WriteString(c.st.Strong.Render(wrap(m.q.Prompt.In(c.lang), width)) + "\n\n")
	for i, o := range m.q.Options {
		b.WriteString(menuLine(c, string(rune('1'+i))+". "+o.Label.In(c.lang), i == m.cursor) + "\n")
	}
	b.WriteString(menuLine(c, w.ManagerSkip, m.cursor == len(m.q.Options)) + "\n\n")
	b.WriteString(c.st.Muted.Render(wrap(w.ManagerHint, width)) + "\n")
	return b.String()
}

func (m managerModel) helpKeys(c *common) []key.Binding {
	return []key.Binding{c.keys.Up, c.keys.Confirm, c.keys.Back}
}
