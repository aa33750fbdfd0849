package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// fieldModel is one line of text asked in an embedded huh form: a name, a
// PIN (masked), a number or a typed confirmation. It is built anew for
// every question, as huh forms cannot be reset (PITFALLS 1.5).
type fieldModel struct {
	form  *huh.Form
	value *string
}

// newField builds a text field. masked shows what is typed as dots
// (EchoModePassword); limit bounds the characters typed (0: none);
// validate, if set, is huh's check on Enter, whose error is shown under
// the field in our words.
func newField(c *common, title string, masked bool, limit int, validate func(string) error) (fieldModel, tea.Cmd) {
	v := new(string)
	in := huh.NewInput().Title(title).Value(v)
	if validate != nil {
		in = in.Validate(validate)
	}
	if masked {
		in = in.EchoMode(huh.EchoModePassword)
	}
	if limit > 0 {
		in = in.CharLimit(limit)
	}
	f := newForm(c, in)
	init := f.Init()
	f, _ = sizeForm(c, f)
	return fieldModel{form: f, value: v}, init
}

// update passes msg to the field and reports whether Enter completed it.
func (m fieldModel) update(msg tea.Msg) (fieldModel, tea.Cmd, bool) {
	if m.form == nil {
		return m, nil, false
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "ctrl+v" {
		// The text input's own paste runs a clipboard program; nothing
		// on a shared laptop leads out of the app. The terminal's paste
		// still works.
		return m, nil, false
	}
	var cmd tea.Cmd
	var done bool
	m.form, cmd, done = updateForm(m.form, msg)
	return m, cmd, done
}

func (m fieldModel) text() string {
	if m.value == nil {
		return ""
	}
	return *m.value
}

func (m fieldModel) view() string {
	if m.form == nil {
		return ""
	}
	return m.form.View()
}

func (m fieldModel) resize(c *common) (fieldModel, tea.Cmd) {
	if m.form == nil {
		return m, nil
	}
	var cmd tea.Cmd
	m.form, cmd = sizeForm(c, m.form)
	return m, cmd
}

// leaveKey is Ctrl+C as the people screens' help names it: no test is
// under way there, so it quits rather than pauses.
func leaveKey(c *common) key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", c.cat.KeyQuitMenu))
}
