package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// The facilitator PIN guards the ways out of workshop mode: leaving it,
// the group view, and Ctrl+C, which a participant could otherwise use to
// drop to the shell of the facilitator's laptop. It is asked over the
// screen being shown, which stays as it was underneath: Esc goes back to
// it. Tries are judged by store.CheckFacilitatorPIN, with the same count
// of wrong tries and growing wait as a profile's PIN; no try is taken
// during the wait. Opening a workshop from the setup asks it the same way.

type guardPurpose int

const (
	guardLeave     guardPurpose = iota // leave workshop mode
	guardInterrupt                     // Ctrl+C
	guardGroup                         // the group view
	guardOpen                          // run a workshop picked in the setup
)

type guardModel struct {
	purpose  guardPurpose
	target   store.Workshop
	input    lineInput
	checking bool
	failures int
	until    time.Time // no try before this
	left     int       // seconds of the wait left, as shown
	tick     int       // the countdown chain that may tick
}

type (
	guardCheckedMsg struct {
		check store.PINCheck
		err   error
	}
	guardTickMsg struct{ tick int }
)

// maxPINChars bounds what the PIN entries take (the store's limit).
const maxPINChars = 64

func (m Model) openGuard(p guardPurpose, w store.Workshop) (tea.Model, tea.Cmd) {
	m.ws.guard = &guardModel{purpose: p, target: w, input: lineInput{masked: true, limit: maxPINChars}}
	m.showHelp = false
	return m, nil
}

// closeGuard goes back to the screen under the PIN; a finished turn's
// idle timer starts again.
func (m Model) closeGuard() (tea.Model, tea.Cmd) {
	m.ws.guard = nil
	if m.ws.turnDone {
		return m, m.idleCmd()
	}
	return m, nil
}

func (m Model) updateGuard(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	g := *m.ws.guard
	if key.Matches(k, m.c.keys.Back) {
		return m.closeGuard()
	}
	now := m.cfg.Now()
	if g.checking || now.Before(g.until) {
		return m, nil // no try is taken during the wait
	}
	if key.Matches(k, m.c.keys.Interrupt) {
		return m, nil
	}
	var done bool
	g.input, done = g.input.update(k)
	if !done || g.input.text() == "" {
		m.ws.guard = &g
		return m, nil
	}
	g.checking = true
	m.ws.guard = &g
	st, id, pin := m.cfg.Store, g.target.ID, g.input.text()
	return m, func() tea.Msg {
		check, err := st.CheckFacilitatorPIN(id, pin, now)
		return guardCheckedMsg{check, err}
	}
}

func (m Model) updateGuardMsg(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.ws.guard == nil {
		return m, nil
	}
	g := *m.ws.guard
	now := m.cfg.Now()
	switch msg := msg.(type) {
	case guardTickMsg:
		if msg.tick != g.tick {
			return m, nil
		}
		g.left = secondsLeft(g.until, now)
		m.ws.guard = &g
		if g.left > 0 {
			return m, guardTick(g.tick)
		}
		return m, nil
	case guardCheckedMsg:
		g.checking = false
		g.input = lineInput{masked: true, limit: maxPINChars}
		switch {
		case msg.err == nil && msg.check.OK:
			m.ws.guard = nil
			m.setErr(nil)
			return m.guardPassed(g)
		case errors.Is(msg.err, store.ErrNoFacilitatorPIN) && g.purpose == guardOpen:
			m.ws.guard = nil
			m.ws.setup = m.ws.setup.askNewPIN(m.c, g.target)
			return m, nil
		case errors.Is(msg.err, store.ErrPINWait) || (msg.err == nil && !msg.check.OK):
			g.failures = msg.check.Failures
			g.until = msg.check.WaitUntil
			if errors.Is(msg.err, store.ErrPINWait) && !g.until.After(now) {
				g.until = now.Add(time.Second)
			}
			m.setErr(nil)
			var cmd tea.Cmd
			if g.until.After(now) {
				m.ws.ticks++
				g.tick = m.ws.ticks
				g.left = secondsLeft(g.until, now)
				cmd = guardTick(g.tick)
			}
			m.ws.guard = &g
			return m, cmd
		case errors.Is(msg.err, store.ErrCorrupt):
			m.ws.guard = nil
			return m.Update(errMsg{msg.err})
		default:
			m.ws.guard = &g
			m.setErr(msg.err)
			return m, nil
		}
	}
	return m, nil
}

// guardPassed does what the facilitator PIN was asked for.
func (m Model) guardPassed(g guardModel) (tea.Model, tea.Cmd) {
	switch g.purpose {
	case guardOpen:
		return m.startWorkshop(g.target)
	case guardGroup:
		return m.openGroupView(g.target)
	}
	return m.leaveWorkshop()
}

func secondsLeft(until, now time.Time) int {
	d := until.Sub(now)
	if d <= 0 {
		return 0
	}
	return int((d + time.Second - 1) / time.Second)
}

func guardTick(tick int) tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return guardTickMsg{tick} })
}

func (g guardModel) view(c *common) string {
	w := c.cat.Workshop
	width := contentWidth(c)
	var b strings.Builder
	b.WriteString(c.st.Title.Render(w.GuardTitle) + "\n\n")
	var why string
	switch g.purpose {
	case guardLeave:
		why = w.GuardLeave
	case guardInterrupt:
		why = w.GuardInterupt
	case guardGroup:
		why = w.GuardGroup
	case guardOpen:
		why = fmt.Sprintf(w.GuardOpen, g.target.Name)
	}
	b.WriteString(wrap(why, width) + "\n\n")
	b.WriteString(c.st.Strong.Render(w.GuardPrompt) + "\n")
	b.WriteString(g.input.view(width) + "\n\n")
	switch {
	case g.checking:
		b.WriteString(c.st.Muted.Render(w.GuardChecking) + "\n")
	case g.failures > 0:
		b.WriteString(c.st.Error.Render(wrap(fmt.Sprintf(w.GuardWrong, g.failures), width)) + "\n")
	}
	if g.left > 0 {
		b.WriteString(c.st.Warning.Render(wrap(fmt.Sprintf(w.GuardWait, g.left), width)) + "\n")
	}
	b.WriteString(c.st.Muted.Render(wrap(w.GuardHint, width)) + "\n")
	return b.String()
}

func (g guardModel) helpKeys(c *common) []key.Binding {
	return []key.Binding{c.keys.Confirm, c.keys.Back}
}
