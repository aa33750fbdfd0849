package ui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// introModel says what the test is before the first question.
type introModel struct{}

func newIntro(*common) introModel { return introModel{} }

func (m introModel) update(c *common, msg tea.Msg) (introModel, intent) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, c.keys.Confirm):
		return m, intentBegin{background: true}
	case key.Matches(k, c.keys.Skip):
		return m, intentBegin{background: false}
	case key.Matches(k, c.keys.Back):
		return m, intentMenu{}
	}
	return m, nil
}

func (m introModel) view(c *common) string {
	w := contentWidth(c)
	var b strings.Builder
	b.WriteString(c.st.Title.Render(c.cat.IntroTitle) + "\n\n")
	b.WriteString(wrap(fmt.Sprintf(c.cat.IntroBody, len(c.q.Statements)), w) + "\n\n")
	b.WriteString(wrap(introScale(c), w) + "\n\n")
	b.WriteString(c.st.Strong.Render(wrap(c.cat.IntroStart, w)) + "\n")
	b.WriteString(wrap(c.cat.IntroSkipBack, w) + "\n")
	return b.String()
}

// introScale is the sentence that explains the scale. Its end labels are
// headings on the statement screen ("Mycket osäker") but stand inside a
// sentence here, so they lose their capital.
func introScale(c *common) string {
	s := c.q.Scale
	return fmt.Sprintf(c.cat.IntroScale, s.Min, inSentence(s.MinLabel.In(c.lang)), s.Max, inSentence(s.MaxLabel.In(c.lang)))
}

// inSentence lowercases the first letter of a label for use inside a
// sentence, unless the label starts with an abbreviation or a name
// written in capitals ("GDPR", "IT-stöd").
func inSentence(label string) string {
	first, n := utf8.DecodeRuneInString(label)
	next, _ := utf8.DecodeRuneInString(label[n:])
	if !unicode.IsUpper(first) || unicode.IsUpper(next) {
		return label
	}
	return string(unicode.ToLower(first)) + label[n:]
}

func (m introModel) helpKeys(c *common) []key.Binding {
	skip := key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.cat.KeySkipBackground))
	return []key.Binding{c.keys.Confirm, skip, c.keys.Back, c.keys.Quit}
}
