package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/survey"
)

// municipalityModel picks one of Sweden's 290 municipalities by typing part
// of its name. It matches without diacritics ("vaxjo" finds Växjö), which
// huh's own select filter does not.
type municipalityModel struct {
	input   textinput.Model
	matches []survey.Municipality
	cursor  int
}

// maxMatches is how many matches are listed at once; the list is a
// prompt to type more, not something to scroll through.
const maxMatches = 6

func newMunicipality(c *common, current string) municipalityModel {
	in := textinput.New()
	in.Prompt = "› "
	in.CharLimit = 40
	in.SetValue(current)
	// A steady cursor: blinking redraws the screen for nothing and makes
	// screen readers and terminal captures restless.
	in.Cursor.SetMode(cursor.CursorStatic)
	in.Focus()
	m := municipalityModel{input: in}
	m.refilter()
	return m
}

func (m *municipalityModel) refilter() {
	q := strings.TrimSpace(m.input.Value())
	m.matches = nil
	if q != "" {
		m.matches = survey.FilterMunicipalities(q)
	}
	m.cursor = 0
}

// update returns the chosen name and true once Enter is pressed; an empty
// field means no answer.
func (m municipalityModel) update(c *common, msg tea.Msg) (municipalityModel, string, bool) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.Type {
		case tea.KeyUp:
			if m.cursor > 0 {
				m.cursor--
			}
			return m, "", false
		case tea.KeyDown, tea.KeyTab:
			if m.cursor < min(len(m.matches), maxMatches)-1 {
				m.cursor++
			}
			return m, "", false
		case tea.KeyEnter:
			if strings.TrimSpace(m.input.Value()) == "" {
				return m, "", true
			}
			if len(m.matches) > 0 {
				return m, m.matches[m.cursor].Name, true
			}
			return m, "", false
		}
	}
	before := m.input.Value()
	m.input, _ = m.input.Update(msg)
	if m.input.Value() != before {
		m.refilter()
	}
	return m, "", false
}

func (m municipalityModel) view(c *common, prompt string) string {
	w := contentWidth(c)
	var b strings.Builder
	b.WriteString(c.st.Strong.Render(prompt) + "\n")
	b.WriteString(c.st.Muted.Render(wrap(c.cat.MunicipalityHint, w)) + "\n\n")
	b.WriteString(m.input.View() + "\n\n")
	if strings.TrimSpace(m.input.Value()) != "" && len(m.matches) == 0 {
		b.WriteString(c.st.Warning.Render(c.cat.MunicipalityNone) + "\n")
	}
	for i, mu := range m.matches {
		if i == maxMatches {
			b.WriteString(c.st.Muted.Render(fmt.Sprintf(c.cat.MunicipalityMore, len(m.matches)-maxMatches)) + "\n")
			break
		}
		b.WriteString(menuLine(c, mu.Name+" ("+mu.County+")", i == m.cursor) + "\n")
	}
	return b.String()
}
