package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// chooserModel is "Vem är du?": the people listed, then "Ny person",
// "Anonymt" and quitting. It shows names only; nothing of a person is
// read before they are chosen (and, with a PIN, have given it).
type chooserModel struct {
	items  []chooserItem
	cursor int
}

type chooserKind int

const (
	choosePerson chooserKind = iota
	chooseNew
	chooseAnonymous
	chooseQuit
)

type chooserItem struct {
	label   string
	kind    chooserKind
	profile store.Profile
}

// displayName is a profile's name as lists show it: the default
// profile, which has none, is named for what it is.
func displayName(c *common, p store.Profile) string {
	if p.Name == "" {
		return c.cat.Profiles.DefaultName
	}
	return p.Name
}

func newChooser(c *common, listed []store.Profile) chooserModel {
	var m chooserModel
	for _, p := range listed {
		label := displayName(c, p)
		if p.Protected {
			label += c.cat.Profiles.ProtectedMark
		}
		m.items = append(m.items, chooserItem{label: label, kind: choosePerson, profile: p})
	}
	m.items = append(m.items,
		chooserItem{label: c.cat.Profiles.NewPerson, kind: chooseNew},
		chooserItem{label: c.cat.Profiles.Anonymous, kind: chooseAnonymous},
		chooserItem{label: c.cat.MenuQuit, kind: chooseQuit})
	return m
}

func (m chooserModel) update(c *common, msg tea.Msg) (chooserModel, *chooserItem) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || len(m.items) == 0 {
		return m, nil
	}
	switch {
	case key.Matches(k, c.keys.Up):
		m.cursor = (m.cursor + len(m.items) - 1) % len(m.items)
	case key.Matches(k, c.keys.Down):
		m.cursor = (m.cursor + 1) % len(m.items)
	case key.Matches(k, c.keys.Confirm):
		it := m.items[m.cursor]
		return m, &it
	}
	return m, nil
}

func (m chooserModel) view(c *common) string {
	w := contentWidth(c)
	var b strings.Builder
	b.WriteString(c.st.Title.Render(c.cat.Profiles.ChooserTitle) + "\n\n")
	b.WriteString(wrap(c.cat.Profiles.ChooserHint, w) + "\n\n")
	// Long lists scroll: the cursor stays in view at 80×24.
	room := max(3, c.height-12)
	if c.height == 0 {
		room = len(m.items)
	}
	first := max(0, min(m.cursor-room+1, len(m.items)-room))
	for i := first; i < len(m.items) && i < first+room; i++ {
		b.WriteString(menuLine(c, truncate(m.items[i].label, w-3), i == m.cursor) + "\n")
	}
	b.WriteString("\n" + c.st.Muted.Render(wrap(c.cat.Profiles.AnonymousHint, w)) + "\n")
	return b.String()
}

func (m chooserModel) helpKeys(c *common) []key.Binding {
	return []key.Binding{c.keys.Up, c.keys.Confirm, c.keys.Help, c.keys.QuitMenu}
}
