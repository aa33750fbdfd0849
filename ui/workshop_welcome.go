package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"digikomp/store"
)

// wsWelcomeModel is the workshop's welcome, where every turn starts:
// anonymously (the default), or with one's own profile; the
// facilitator's entries ask the facilitator PIN.
type wsWelcomeModel struct {
	w      store.Workshop
	cursor int
	note   string
	clear  time.Duration // a result left on screen clears after this
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
	place := m.w.Place
	if place == "" {
		place = "–"
	}
	head := c.st.Title.Render(truncate(fmt.Sprintf(w.WelcomeTitle, m.w.Name), width)) + "\n" +
		c.st.Muted.Render(truncate(fmt.Sprintf(w.WelcomeWhere, formatDate(m.w.Date), place, m.w.Round), width)) + "\n\n"
	var menu strings.Builder
	for i, l := range m.labels(c) {
		if i == wsGroup {
			menu.WriteString("\n")
		}
		menu.WriteString(menuLine(c, truncate(l, width-3), i == m.cursor) + "\n")
	}
	var note string
	if m.note != "" {
		note = "\n" + c.st.Warning.Render(wrap(m.note, width)) + "\n"
	}
	// The introduction and the notes below the menu are left out, last
	// first, when the window is too low for them (the footer takes 2).
	intro := wrap(w.WelcomeIntro, width) + "\n\n"
	tail := "\n" + c.st.Muted.Render(wrap(w.WelcomePrivacy, width)) + "\n"
	if m.clear > 0 {
		tail += c.st.Muted.Render(wrap(fmt.Sprintf(w.ClearsAfter, clearText(m.clear)), width)) + "\n"
	}
	fits := func(s string) bool { return c.height == 0 || lipgloss.Height(strings.TrimRight(s, "\n"))+2 <= c.height }
	body := head + intro + menu.String() + note + tail
	if !fits(body) {
		body = head + intro + menu.String() + note
	}
	if !fits(body) {
		body = head + menu.String() + note
	}
	return body
}

func (m wsWelcomeModel) helpKeys(c *common) []key.Binding {
	return []key.Binding{c.keys.Up, c.keys.Confirm,
		key.NewBinding(key.WithKeys("q"), key.WithHelp("q", c.cat.Workshop.KeyLeave))}
}

// clearText is a time a result stays, as "2 min" or "90 s".
func clearText(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d min", int(d/time.Minute))
	}
	return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
}
