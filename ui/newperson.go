package ui

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// Limits of a name and a PIN as the store takes them (CONTRACT.md).
const (
	maxNameChars = 40
	minPINChars  = 4
)

// newPersonModel adds a person: a name, then an optional PIN typed twice
// in masked fields. It is used from "Vem är du?" and the people screen.
type newPersonModel struct {
	step   int // 0 name, 1 PIN, 2 the PIN again
	name   string
	pin    string
	field  fieldModel
	note   string // why a step is asked again
	saving bool
}

func newPerson(c *common, names []string) (newPersonModel, tea.Cmd) {
	m := newPersonModel{}
	return m.askName(c, names, "")
}

// askName asks the name; names are those already taken, refused at once
// (the store has the last word, ErrProfileExists).
func (m newPersonModel) askName(c *common, names []string, note string) (newPersonModel, tea.Cmd) {
	m.step, m.note, m.saving = 0, note, false
	var cmd tea.Cmd
	m.field, cmd = newField(c, c.cat.Profiles.NewName, false, maxNameChars, nameValidator(c, names, ""))
	return m, cmd
}

func (m newPersonModel) askPIN(c *common, step int, note string) (newPersonModel, tea.Cmd) {
	m.step, m.note = step, note
	title := c.cat.Profiles.NewPIN
	validate := pinValidator(c, true)
	if step == 2 {
		title, validate = c.cat.Profiles.NewPINAgain, nil
	}
	var cmd tea.Cmd
	m.field, cmd = newField(c, title, true, memPINLimit, validate)
	return m, cmd
}

// nameValidator refuses an empty name, one too long and one taken by
// another person (except, when renaming, the person's own).
func nameValidator(c *common, names []string, own string) func(string) error {
	cat := c.cat.Profiles
	return func(s string) error {
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			return errors.New(cat.NameEmpty)
		case utf8.RuneCountInString(s) > maxNameChars:
			return fmt.Errorf(cat.NameTooLong, maxNameChars)
		}
		for _, n := range names {
			if strings.EqualFold(n, s) && !strings.EqualFold(n, own) {
				return fmt.Errorf(cat.NameTaken, s)
			}
		}
		return nil
	}
}

// pinValidator refuses a PIN shorter than minPINChars; empty is "no PIN"
// where optional.
func pinValidator(c *common, optional bool) func(string) error {
	return func(s string) error {
		n := utf8.RuneCountInString(s)
		switch {
		case n == 0 && optional:
			return nil
		case n < minPINChars:
			return fmt.Errorf(c.cat.Profiles.PINTooShort, minPINChars)
		case n > memPINLimit:
			return fmt.Errorf(c.cat.Profiles.PINTooLong, memPINLimit)
		}
		return nil
	}
}

// update takes a key; done reports a name and PIN ready to be saved.
func (m newPersonModel) update(c *common, names []string, msg tea.Msg) (newPersonModel, tea.Cmd, bool) {
	if m.saving {
		return m, nil, false
	}
	var cmd tea.Cmd
	var done bool
	m.field, cmd, done = m.field.update(msg)
	if !done {
		return m, cmd, false
	}
	switch m.step {
	case 0:
		m.name = strings.TrimSpace(m.field.text())
		m2, cmd := m.askPIN(c, 1, "")
		return m2, cmd, false
	case 1:
		m.pin = m.field.text()
		if m.pin == "" {
			m.saving = true
			return m, nil, true
		}
		m2, cmd := m.askPIN(c, 2, "")
		return m2, cmd, false
	}
	if m.field.text() != m.pin {
		m.pin = ""
		m2, cmd := m.askPIN(c, 1, c.cat.Profiles.PINMismatch)
		return m2, cmd, false
	}
	m.saving = true
	return m, nil, true
}

func (m newPersonModel) view(c *common) string {
	w := contentWidth(c)
	cat := c.cat.Profiles
	hint := cat.NewNameHint
	if m.step > 0 {
		hint = cat.NewPINHint
	}
	var b strings.Builder
	b.WriteString(titleLine(c, cat.NewTitle, fmt.Sprintf(c.cat.Progress, min(m.step+1, 3), 3), w) + "\n")
	b.WriteString(c.st.Muted.Render(wrap(hint, w)) + "\n\n")
	if m.step > 0 {
		b.WriteString(c.st.Strong.Render(truncate(m.name, w)) + "\n\n")
	}
	if m.note != "" {
		b.WriteString(c.st.Error.Render(wrap(m.note, w)) + "\n")
	}
	if !m.saving {
		b.WriteString(m.field.view())
	}
	return b.String()
}

func (m newPersonModel) helpKeys(c *common) []key.Binding {
	return []key.Binding{c.keys.Confirm, c.keys.Back, leaveKey(c)}
}

// addProfileErr turns a refusal of AddProfile or RenameProfile into the
// sentence the name field shows, or "" for an error of the disk.
func nameRefusal(c *common, name string, err error) string {
	switch {
	case errors.Is(err, store.ErrProfileExists):
		return fmt.Sprintf(c.cat.Profiles.NameTaken, name)
	case errors.Is(err, store.ErrInvalid):
		return c.cat.Profiles.NameInvalid
	}
	return ""
}
