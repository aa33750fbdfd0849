package ui

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// setupModel is the facilitator's start of workshop mode: the workshops
// made on this computer, newest first, then "Ny workshop" and "Avsluta".
// A new workshop asks its name, date (today unless changed), place,
// collection round and the facilitator PIN twice, masked; picking one
// asks its facilitator PIN (facilitator_pin.go). A workshop that came
// with an import has no PIN and gets one here, typed twice.
type setupModel struct {
	list   []store.Workshop
	cursor int
	today  time.Time

	creating bool
	setPIN   *store.Workshop // giving an imported workshop a PIN
	step     int             // setupName … setupPINAgain
	input    lineInput
	note     string
	saving   bool
	draft    store.Workshop
	pin      string
}

const (
	setupName = iota
	setupDate
	setupPlace
	setupRound
	setupPIN
	setupPINAgain
)

func newSetup(c *common, list []store.Workshop, now time.Time) setupModel {
	return setupModel{list: list, today: now}
}

func (m setupModel) typing() bool { return m.creating || m.setPIN != nil }

func (m setupModel) ask(step int, note string) setupModel {
	m.step, m.note = step, note
	m.input = lineInput{limit: setupLimit(step), masked: step >= setupPIN}
	return m
}

func setupLimit(step int) int {
	switch step {
	case setupName:
		return store.MaxWorkshopName
	case setupDate:
		return 10
	case setupPlace:
		return store.MaxWorkshopPlace
	case setupRound:
		return store.MaxWorkshopRound
	}
	return maxPINChars
}

// askNewPIN asks a PIN for w, which has none.
func (m setupModel) askNewPIN(c *common, w store.Workshop) setupModel {
	m.setPIN = &w
	return m.ask(setupPIN, "")
}

// saved is the form after a refused save: the PIN is asked again.
func (m setupModel) saved() setupModel {
	m.saving = false
	return m.ask(setupPIN, "")
}

func (m Model) updateSetup(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	c, s := m.c, &m.ws.setup
	if s.saving {
		return m, nil
	}
	if !s.typing() {
		n := len(s.list) + 2
		switch {
		case key.Matches(k, c.keys.Up):
			s.cursor = (s.cursor + n - 1) % n
		case key.Matches(k, c.keys.Down):
			s.cursor = (s.cursor + 1) % n
		case key.Matches(k, c.keys.Quit):
			return m.leaveWorkshop()
		case key.Matches(k, c.keys.Back) && m.ws.fromMenu:
			// Opened from the welcome menu, before any workshop runs:
			// Esc goes back there, as on every other screen.
			return m.leaveWorkshop()
		case key.Matches(k, c.keys.Confirm):
			switch {
			case s.cursor < len(s.list):
				w := s.list[s.cursor]
				if !w.Protected {
					*s = s.askNewPIN(c, w)
					return m, nil
				}
				return m.openGuard(guardOpen, w)
			case s.cursor == len(s.list):
				if m.cfg.ReadOnly != nil {
					m.setErr(store.ErrReadOnly)
					return m, nil
				}
				s.creating = true
				s.draft = store.Workshop{Date: s.today}
				*s = s.ask(setupName, "")
			default:
				return m.leaveWorkshop()
			}
		}
		return m, nil
	}
	if key.Matches(k, c.keys.Back) {
		s.creating, s.setPIN, s.note = false, nil, ""
		return m, nil
	}
	var done bool
	s.input, done = s.input.update(k)
	if !done {
		return m, nil
	}
	text := strings.TrimSpace(s.input.text())
	w := c.cat.Workshop
	switch s.step {
	case setupName:
		if text == "" {
			*s = s.ask(setupName, w.NameEmpty)
			return m, nil
		}
		s.draft.Name = text
		*s = s.ask(setupDate, "")
	case setupDate:
		if text != "" {
			d, err := time.ParseInLocation("2006-01-02", text, time.Local)
			if err != nil {
				*s = s.ask(setupDate, w.DateInvalid)
				return m, nil
			}
			s.draft.Date = d.Add(12 * time.Hour) // midday: the same day in every zone nearby
		}
		*s = s.ask(setupPlace, "")
	case setupPlace:
		s.draft.Place = text
		*s = s.ask(setupRound, "")
	case setupRound:
		if text == "" {
			*s = s.ask(setupRound, w.RoundEmpty)
			return m, nil
		}
		s.draft.Round = text
		*s = s.ask(setupPIN, "")
	case setupPIN:
		pin := s.input.text()
		if utf8.RuneCountInString(pin) < minPINChars {
			*s = s.ask(setupPIN, fmt.Sprintf(w.PINTooShort, minPINChars))
			return m, nil
		}
		s.pin = pin
		*s = s.ask(setupPINAgain, "")
	case setupPINAgain:
		if s.input.text() != s.pin {
			s.pin = ""
			*s = s.ask(setupPIN, w.PINMismatch)
			return m, nil
		}
		s.saving = true
		st, pin, now := m.cfg.Store, s.pin, m.cfg.Now()
		s.pin = ""
		m.busy = true
		if s.setPIN != nil {
			target := *s.setPIN
			return m, func() tea.Msg {
				if err := st.SetFacilitatorPIN(target.ID, pin); err != nil {
					return wsAddedMsg{err: err}
				}
				target.Protected = true
				return wsAddedMsg{w: target}
			}
		}
		draft := s.draft
		draft.ClearAfter = m.cfg.Workshop.ClearAfter
		return m, func() tea.Msg {
			w, err := st.AddWorkshop(draft, pin, now)
			return wsAddedMsg{w, err}
		}
	}
	return m, nil
}

func (m setupModel) view(c *common) string {
	w := c.cat.Workshop
	width := contentWidth(c)
	var b strings.Builder
	if m.typing() {
		title := w.NewTitle
		if m.setPIN != nil {
			title = fmt.Sprintf(w.NoPINTitle, m.setPIN.Name)
		}
		b.WriteString(c.st.Title.Render(truncate(title, width)) + "\n\n")
		if m.setPIN != nil {
			b.WriteString(wrap(w.NoPINHint, width) + "\n\n")
		} else {
			// What is given so far, so a mistake can be seen.
			for i, v := range []string{m.draft.Name, formatDate(m.draft.Date), m.draft.Place, m.draft.Round} {
				if i < m.step && v != "" {
					b.WriteString(c.st.Muted.Render(truncate("  "+m.prompt(c, i)+": "+v, width)) + "\n")
				}
			}
			b.WriteString("\n")
		}
		b.WriteString(c.st.Strong.Render(m.prompt(c, m.step)) + "\n")
		b.WriteString(m.input.view(width) + "\n")
		if hint := m.hint(c); hint != "" {
			b.WriteString(c.st.Muted.Render(wrap(hint, width)) + "\n")
		}
		if m.note != "" {
			b.WriteString(c.st.Error.Render(wrap(m.note, width)) + "\n")
		}
		if m.saving {
			b.WriteString(c.st.Muted.Render(w.Saving) + "\n")
		}
		return b.String()
	}
	b.WriteString(c.st.Title.Render(w.SetupTitle) + "\n\n")
	b.WriteString(wrap(w.SetupHint, width) + "\n\n")
	if len(m.list) == 0 {
		b.WriteString(c.st.Muted.Render(w.SetupNone) + "\n\n")
	}
	labels := make([]string, 0, len(m.list)+2)
	for _, ws := range m.list {
		place := ws.Place
		if place == "" {
			place = "–"
		}
		labels = append(labels, fmt.Sprintf(w.SetupItem, ws.Name, formatDate(ws.Date), place, ws.Round))
	}
	labels = append(labels, w.SetupNew, w.SetupQuit)
	first, last := menuWindow(c, b.String(), "", len(labels), m.cursor)
	for i := first; i < last; i++ {
		b.WriteString(menuLine(c, truncate(labels[i], width-3), i == m.cursor) + "\n")
	}
	return b.String()
}

func (m setupModel) prompt(c *common, step int) string {
	w := c.cat.Workshop
	return [...]string{w.AskName, w.AskDate, w.AskPlace, w.AskRound, w.AskPIN, w.AskPINAgain}[step]
}

func (m setupModel) hint(c *common) string {
	w := c.cat.Workshop
	switch m.step {
	case setupDate:
		return w.AskDateHint
	case setupRound:
		return w.AskRoundHint
	case setupPIN:
		return w.AskPINHint
	}
	return ""
}

func (m setupModel) helpKeys(c *common) []key.Binding {
	if m.typing() {
		return []key.Binding{c.keys.Confirm, c.keys.Back}
	}
	return []key.Binding{c.keys.Up, c.keys.Confirm, key.NewBinding(key.WithKeys("q"), key.WithHelp("q", c.cat.KeyQuitMenu))}
}
