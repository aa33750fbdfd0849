package ui

import "github.com/charmbracelet/bubbles/key"

// keyMap holds every key binding of the interface. Help texts come from the
// catalogue, so the map is built per language.
type keyMap struct {
	Answer    key.Binding
	Prev      key.Binding
	Next      key.Binding
	Up        key.Binding
	Down      key.Binding
	Confirm   key.Binding
	Skip      key.Binding
	SkipRest  key.Binding
	Help      key.Binding
	Quit      key.Binding
	QuitMenu  key.Binding
	Browse    key.Binding
	Interrupt key.Binding
	Back      key.Binding
	Menu      key.Binding
	Yes       key.Binding
	No        key.Binding
	Wheel     key.Binding // the competence wheel, from a result
}

func newKeyMap(c *Catalog) keyMap {
	return keyMap{
		Answer:    key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7"), key.WithHelp("1–7", c.KeyAnswer)),
		Prev:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", c.KeyPrev)),
		Next:      key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", c.KeyNext)),
		Up:        key.NewBinding(key.WithKeys("up", "k", "shift+tab"), key.WithHelp("↑/↓", c.KeyChoose)),
		Down:      key.NewBinding(key.WithKeys("down", "j", "tab"), key.WithHelp("↓", c.KeyChoose)),
		Confirm:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.KeyConfirm)),
		Skip:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.KeySkip)),
		SkipRest:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.KeySkipRest)),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", c.KeyHelp)),
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", c.KeyQuit)),
		QuitMenu:  key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", c.KeyQuitMenu)),
		Browse:    key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", c.KeyBrowse)),
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", c.KeyQuit)),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.KeyBack)),
		Menu:      key.NewBinding(key.WithKeys("esc", "m"), key.WithHelp("esc", c.KeyMenu)),
		Yes:       key.NewBinding(key.WithKeys("y", "j", "Y", "J"), key.WithHelp("j/y", c.ConfirmYesNo)),
		No:        key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", c.ConfirmYesNo)),
		Wheel:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", c.Progression.KeyWheel)),
	}
}
