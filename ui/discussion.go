package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"digikomp/survey"
)

// discussionModel asks one of the network meeting's questions as optional
// free text in a huh text field.
type discussionModel struct {
	index int
	form  *huh.Form
	text  *string
	// cut is how many characters of the latest key or paste, or of the
	// stored answer, did not fit under maxDiscussion. Text is never lost
	// without a word: it is said under the box until the next key.
	cut int
}

// maxDiscussion bounds an answer, in characters; the store refuses far
// larger texts. From countFrom on, the box shows how many are used.
const (
	maxDiscussion = 4000
	countFrom     = maxDiscussion - 500
)

func newDiscussion(c *common, index int, given map[string]string) (discussionModel, tea.Cmd) {
	dq := c.q.Discussion[index]
	m := discussionModel{index: index, text: new(string)}
	*m.text = given[dq.ID]
	// An answer stored by another program can be longer than the box
	// holds; the box would keep its start. Say so.
	if r := []rune(*m.text); len(r) > maxDiscussion {
		*m.text, m.cut = string(r[:maxDiscussion]), len(r)-maxDiscussion
	}
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

// reopen builds the question again with the text given so far, after
// its save failed.
func (m discussionModel) reopen(c *common) (discussionModel, tea.Cmd) {
	return newDiscussion(c, m.index, map[string]string{c.q.Discussion[m.index].ID: *m.text})
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
	k, isKey := msg.(tea.KeyMsg)
	if isKey && key.Matches(k, c.keys.SkipRest) {
		return m, nil, intentSkipDiscussion{question: id, draft: strings.TrimSpace(*m.text)}
	}
	if isKey && k.String() == "ctrl+v" {
		// The text box's own paste runs a clipboard program (xclip,
		// wl-paste, pbpaste); nothing on a shared laptop leads out of
		// the app. The terminal's paste still works.
		return m, nil, nil
	}
	inserted := -1 // characters the key adds, or -1 if it is not text
	if isKey && k.Type == tea.KeyRunes && !k.Alt {
		// Pasted text may hold what the text box keeps: bidirectional
		// overrides. Clean it as any other text that is shown.
		k.Runes = []rune(survey.CleanText(string(k.Runes)))
		msg, inserted = k, len(k.Runes)
	} else if isKey && k.Type == tea.KeySpace {
		inserted = 1
	}
	before := utf8.RuneCountInString(*m.text)
	var cmd tea.Cmd
	var done bool
	if m.form, cmd, done = updateForm(m.form, msg); done {
		return m, nil, intentDiscussion{question: id, text: strings.TrimSpace(*m.text)}
	}
	if isKey {
		m.cut = max(0, before+inserted-utf8.RuneCountInString(*m.text))
		if inserted < 0 {
			m.cut = 0
		}
	}
	return m, cmd, nil
}

func (m discussionModel) view(c *common) string {
	counter := fmt.Sprintf(c.cat.DiscussionTitle, m.index+1, len(c.q.Discussion))
	form := strings.TrimRight(m.form.View(), "\n")
	if note := m.lengthNote(c); note != "" {
		form += "\n\n" + note
	}
	s := formScreen(c, c.cat.MenuDiscussion, counter, c.cat.DiscussionIntro, form)
	if c.height > 0 && lipgloss.Height(s) > c.height-1-c.notice {
		// In a small window the note about the length would push the
		// footer off the screen; the general hint gives way to it.
		s = formScreen(c, c.cat.MenuDiscussion, counter, "", form)
	}
	return s
}

// lengthNote is what is said under the box about its length: the count
// as the limit nears, and what did not fit.
func (m discussionModel) lengthNote(c *common) string {
	var lines []string
	n := utf8.RuneCountInString(*m.text)
	if n >= countFrom {
		count := fmt.Sprintf(c.cat.DiscussionCount, formatCount(c.lang, n), formatCount(c.lang, maxDiscussion))
		style := c.st.Muted
		if n >= maxDiscussion {
			style = c.st.Warning
		}
		lines = append(lines, style.Render(count))
	}
	switch {
	case m.cut == 1:
		lines = append(lines, c.st.Warning.Render(wrap(fmt.Sprintf(c.cat.DiscussionCutOne, formatCount(c.lang, maxDiscussion)), contentWidth(c))))
	case m.cut > 1:
		lines = append(lines, c.st.Warning.Render(wrap(fmt.Sprintf(c.cat.DiscussionCut, formatCount(c.lang, m.cut), formatCount(c.lang, maxDiscussion)), contentWidth(c))))
	}
	return strings.Join(lines, "\n")
}

func (m discussionModel) helpKeys(c *common) []key.Binding {
	newline := key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("alt+enter", c.cat.KeyNewLine))
	return []key.Binding{c.keys.Confirm, newline, c.keys.SkipRest, c.keys.Interrupt}
}
