package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// formKeyMap is huh's key map without the bindings that clash with ours:
// filtering is off (esc means "skip the rest" here), and ctrl+c stays with
// the root, which pauses rather than aborting a single form.
func formKeyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Select.Filter.SetEnabled(false)
	km.Quit.SetEnabled(false)
	return km
}

// formTheme is huh's base theme: it marks the chosen option with a cursor
// character as well as colour, so it works with NO_COLOR.
func formTheme() *huh.Theme {
	return huh.ThemeBase()
}

// newForm wraps one field in a form the way every embedded form here is
// built: one field per form, so each answer is its own transaction, and
// without huh's English help line, since the footer shows ours.
func newForm(c *common, field huh.Field) *huh.Form {
	f := huh.NewForm(huh.NewGroup(field)).
		WithShowHelp(false).
		WithKeyMap(formKeyMap()).
		WithTheme(formTheme())
	return f
}

// formChrome is the number of rows around an embedded form: the title
// line, a hint of up to two lines, blank lines and the footer.
const formChrome = 7

// sizeForm hands a form the room it has on screen. huh sizes itself from
// WindowSizeMsg only, so the message is passed on with our header and
// footer taken off.
func sizeForm(c *common, f *huh.Form) (*huh.Form, tea.Cmd) {
	if c.width == 0 {
		return f, nil
	}
	m, cmd := f.Update(tea.WindowSizeMsg{Width: contentWidth(c), Height: max(3, c.height-formChrome)})
	return m.(*huh.Form), cmd
}
