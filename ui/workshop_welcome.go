package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// wsWelcomeModel is the workshop's welcome, where every turn starts:
// anonymously (the default), or with one's own profile; the
// facilitator's entries ask the facilitator PIN.
type wsWelcomeModel struct {
	w      store.Workshop
	cursor int
	note   string
}

const (
	wsAnonymous = iota
	wsProfile
	wsGroup
	wsLeave
	wsItems
)

func newWsWelcome(c *common, w store.Workshop) wsWelcomeModel {
	return wsWelcomeModel{w: w}
}

func (m wsWelcomeModel) labels(c *common) []string {
	w := c.cat.Workshop
	return []string{w.WelcomeAnonymous, w.WelcomeProfile, w.WelcomeGroup, w.WelcomeLeave}
}

func (m Model) updateWsWelcome(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	c, wm := m.c, &m.ws.welcome
	switch {
	case key.Matches(k, c.keys.Up):
		wm.cursor = (wm.cursor + wsItems - 1) % wsItems
	case key.Matches(k, c.keys.Down):
		wm.cursor = (wm.cursor + 1) % wsItems
	case key.Matches(k, c.keys.Quit):
		return m.openGuard(guardLeave, wm.w)
	case key.Matches(k, c.keys.Confirm):
		wm.note = ""
		switch wm.cursor {
		case wsAnonymous:
			if m.cfg.ReadOnly != nil {
				m.setErr(store.ErrReadOnly)
				return m, nil
			}
			m.busy = true
			return m, workshopAnonCmd(m.cfg.Store, wm.w.ID, c.q, m.cfg.Now())
		case wsProfile:
			if m.cfg.ReadOnly != nil {
				m.setErr(store.ErrReadOnly)
				return m, nil
			}
			m.busy = true
			return m, workshopPeopleCmd(m.cfg.Store)
		case wsGroup:
			return m.openGuard(guardGroup, wm.w)
		case wsLeave:
			return m.openGuard(guardLeave, wm.w)
		}
	}
	return m, nil
}

func (m wsWelcomeModel) view(c *common) string {
	w := c.cat.Workshop
	width := contentWidth(c)
	var b strings.Builder
	b.WriteString(c.st.Title.Render(truncate(fmt.Sprintf(w.WelcomeTitle, m.w.Name), width)) + "\n")
	place := m.w.Place
	if place == "" {
		place = "–"
	}
	b.WriteString(c.st.Muted.Render(truncate(fmt.Sprintf(w.WelcomeWhere, formatDate(m.w.Date), place, m.w.Round), width)) + "\n\n")
	b.WriteString(wrap(w.WelcomeIntro, width) + "\n\n")
	for i, l := range m.labels(c) {
		if i == wsGroup {
			b.WriteString("\n")
		}
		b.WriteString(menuLine(c, l, i == m.cursor) + "\n")
	}
	b.WriteString("\n" + c.st.Muted.Render(wrap(w.WelcomePrivacy, width)) + "\n")
	if m.note != "" {
		b.WriteString("\n" + c.st.Warning.Render(wrap(m.note, width)) + "\n")
	}
	return b.String()
}

func (m wsWelcomeModel) helpKeys(c *common) []key.Binding {
	return []key.Binding{c.keys.Up, c.keys.Confirm,
		key.NewBinding(key.WithKeys("q"), key.WithHelp("q", c.cat.Workshop.KeyLeave))}
}
