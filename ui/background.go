package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"digikomp/survey"
)

// backgroundModel asks one optional background question: a huh select for
// choice questions, a type-to-filter list for the municipality.
type backgroundModel struct {
	index int
	form  *huh.Form
	value *string
	muni  *municipalityModel
}

func newBackground(c *common, index int, given map[string]string) (backgroundModel, tea.Cmd) {
	bq := c.q.Background[index]
	m := backgroundModel{index: index, value: new(string)}
	*m.value = given[bq.ID]
	if bq.Kind == survey.KindMunicipality {
		mm := newMunicipality(c, *m.value)
		m.muni = &mm
		return m, nil
	}
	// "No answer" comes first and is where the cursor starts: huh scrolls
	// a select so that a preselected option is its top line, which would
	// hide the options above a preselected answer. An earlier answer is
	// reached by moving the cursor down to it instead.
	opts := []huh.Option[string]{huh.NewOption(c.cat.BackgroundNoAnswer, "")}
	down := 0
	for i, o := range bq.Options {
		opts = append(opts, huh.NewOption(o.Label.In(c.lang), o.ID))
		if o.ID == *m.value {
			down = i + 1
		}
	}
	*m.value = ""
	sel := huh.NewSelect[string]().Key("v").Title(bq.Prompt.In(c.lang)).Options(opts...).Value(m.value)
	m.form = newForm(c, sel)
	init := m.form.Init()
	m.form, _ = sizeForm(c, m.form)
	for range down {
		f, _ := m.form.Update(tea.KeyMsg{Type: tea.KeyDown})
		m.form = f.(*huh.Form)
	}
	return m, init
}

// reopen builds the question again with the option chosen, after its
// save failed.
func (m backgroundModel) reopen(c *common) (backgroundModel, tea.Cmd) {
	return newBackground(c, m.index, map[string]string{c.q.Background[m.index].ID: *m.value})
}

// typing reports whether keys are text: only in the municipality filter.
func (m backgroundModel) typing() bool { return m.muni != nil }

func (m backgroundModel) resize(c *common) (backgroundModel, tea.Cmd) {
	if m.form == nil {
		return m, nil
	}
	var cmd tea.Cmd
	m.form, cmd = sizeForm(c, m.form)
	return m, cmd
}

func (m backgroundModel) update(c *common, msg tea.Msg) (backgroundModel, tea.Cmd, intent) {
	bq := c.q.Background[m.index]
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, c.keys.SkipRest) {
		return m, nil, intentSkipBackground{}
	}
	if m.muni != nil {
		mm, chosen, done := m.muni.update(c, msg)
		m.muni = &mm
		if done {
			return m, nil, intentBackground{question: bq.ID, value: chosen}
		}
		return m, nil, nil
	}
	var cmd tea.Cmd
	var done bool
	if m.form, cmd, done = updateForm(m.form, msg); done {
		return m, nil, intentBackground{question: bq.ID, value: *m.value}
	}
	return m, cmd, nil
}

func (m backgroundModel) view(c *common) string {
	counter := fmt.Sprintf(c.cat.BackgroundTitle, m.index+1, len(c.q.Background))
	var body string
	if m.muni != nil {
		body = m.muni.view(c, c.q.Background[m.index].Prompt.In(c.lang))
	} else {
		body = m.form.View()
	}
	return formScreen(c, c.cat.BackgroundHeading, counter, c.cat.BackgroundFooter, body)
}

func (m backgroundModel) helpKeys(c *common) []key.Binding {
	if m.muni != nil {
		return []key.Binding{c.keys.Up, c.keys.Confirm, c.keys.SkipRest, c.keys.Interrupt}
	}
	return []key.Binding{c.keys.Up, c.keys.Confirm, c.keys.SkipRest, c.keys.Help, c.keys.Quit}
}
