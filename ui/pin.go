package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// pinModel asks a protected profile's PIN in a masked field. The store
// counts wrong tries in the file; once it sets a wait, the field is taken
// away and a countdown, driven by a tea.Tick, shows until the wait has
// passed: no try is sent before it.
type pinModel struct {
	target   store.Profile
	field    fieldModel
	hint     string    // what the PIN is asked for, above the field
	failures int       // wrong tries in a row, as the store counts them
	wrong    bool      // the latest try was wrong
	wait     time.Time // no try before this; zero if none
	left     int       // whole seconds of the wait left, as last drawn
	checking bool      // a try is being judged
	tick     int       // numbers the tick chains: only the latest one runs
}

// pinTickMsg redraws the countdown; tick names its chain.
type pinTickMsg struct{ tick int }

func (pinTickMsg) profileMsg() {}

func newPIN(c *common, target store.Profile, hint string) (pinModel, tea.Cmd) {
	m := pinModel{target: target, hint: hint}
	var cmd tea.Cmd
	m.field, cmd = newField(c, c.cat.Profiles.PINPrompt, true, memPINLimit, nil)
	return m, cmd
}

// memPINLimit bounds what the PIN field takes; the store refuses longer
// PINs anyway.
const memPINLimit = 64

// waiting reports whether a try would be refused now.
func (m pinModel) waiting(now time.Time) bool {
	return !m.wait.IsZero() && now.Before(m.wait)
}

// startWait shows the countdown until t and returns the first tick of a
// chain numbered tick, unique in the program (profileState.ticks), so
// that a chain left from an earlier wait or PIN screen stops.
func (m pinModel) startWait(t, now time.Time, tick int) (pinModel, tea.Cmd) {
	m.wait = t
	m.tick = tick
	return m.countdown(now)
}

// countdown updates the seconds left and schedules the next tick while
// the wait lasts.
func (m pinModel) countdown(now time.Time) (pinModel, tea.Cmd) {
	if !m.waiting(now) {
		m.wait, m.left = time.Time{}, 0
		return m, nil
	}
	rest := m.wait.Sub(now)
	m.left = int((rest + time.Second - 1) / time.Second)
	tick := m.tick
	next := rest % time.Second
	if next == 0 {
		next = time.Second
	}
	return m, tea.Tick(next, func(time.Time) tea.Msg { return pinTickMsg{tick} })
}

func (m pinModel) view(c *common) string {
	w := contentWidth(c)
	cat := c.cat.Profiles
	var b strings.Builder
	b.WriteString(c.st.Title.Render(truncate(fmt.Sprintf(cat.PINTitle, displayName(c, m.target)), w)) + "\n")
	if m.hint != "" {
		b.WriteString(wrap(m.hint, w) + "\n")
	}
	b.WriteString(c.st.Muted.Render(wrap(cat.PINHint, w)) + "\n\n")
	if m.wrong {
		b.WriteString(c.st.Error.Render(wrap(fmt.Sprintf(cat.PINWrong, m.failures), w)) + "\n")
	}
	switch {
	case m.left > 0:
		b.WriteString(c.st.Warning.Render(wrap(fmt.Sprintf(cat.PINWait, m.left), w)) + "\n")
	case m.checking:
		b.WriteString(c.st.Muted.Render(cat.PINChecking) + "\n")
	default:
		b.WriteString(m.field.view())
	}
	return b.String()
}

func (m pinModel) helpKeys(c *common) []key.Binding {
	return []key.Binding{c.keys.Confirm, c.keys.Back, leaveKey(c)}
}
