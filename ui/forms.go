package ui

import (
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
	if c.width > 0 {
		f = f.WithWidth(contentWidth(c))
	}
	return f
}
