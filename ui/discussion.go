package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// discussionModel asks one of the network meeting's questions as optional
// free text in a huh text field.
type discussionModel struct {
	index int
	form  *huh.Form
	text  *string
}

// maxDiscussion bounds an answer; the store refuses far larger texts.
const maxDiscussion = 4000

func newDiscussion(c *common, index int, given map[string]string) (discussionModel, tea.Cmd) {
	dq := c.q.Discussion[index]
	m := discussionModel{index: index, text: new(string)}
	*m.text = given[dq.ID]
	field := huh.NewText().Key("v").
		Title(dq.Text.In(c.lang)).
		CharLimit(maxDiscussion).
		Lines(5).
		ShowLineNumbers(false).
		ExternalEditor(false).
		Value(m.text)
	m.form = newForm(c, field)
	init := m.form.Init()
	m.form, _ = sizeForm(c, m.form)
	return m, init
}

func (m discussionModel) resize(c *common) (discussionModel, tea.Cmd) {
	var cmd tea.Cmd
	m.form, cmd = sizeForm(c, m.form)
	return m, cmd
}

// draft returns the question id and the text typed so far, if any, so that
// pausing keeps it.
func (m discussionModel) draft(c *common) (string, string, bool) {
	if m.text == nil {
		return "", "", false
	}
	text := strings.TrimSpace(*m.text)
	return c.q.Discussion[m.index].ID, text, text != ""
}

func (m discussionModel) update(c *common, msg tea.Msg) (discussionModel, tea.Cmd, intent) {
	id := c.q.Discussion[m.index].ID
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, c.keys.SkipRest) {
		return m, nil, intentSkipDiscussion{question: id, draft: strings.TrimSpace(*m.text)}
	}
	var cmd tea.Cmd
	var done bool
	if m.form, cmd, done = updateForm(m.form, msg); done {
		return m, nil, intentDiscussion{question: id, text: strings.TrimSpace(*m.text)}
	}
	return m, cmd, nil
}

func (m discussionModel) view(c *common) string {
	counter := fmt.Sprintf(c.cat.DiscussionTitle, m.index+1, len(c.q.Discussion))
	return formScreen(c, c.cat.MenuDiscussion, counter, c.cat.DiscussionIntro, m.form.View())
}

func (m discussionModel) helpKeys(c *common) []key.Binding {
	newline := key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("alt+enter", c.cat.KeyNewLine))
	return []key.Binding{c.keys.Confirm, newline, c.keys.SkipRest, c.keys.Interrupt}
}
