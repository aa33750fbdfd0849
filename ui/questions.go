package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// questionsModel lists the network meeting's discussion questions, with the
// person's own answers where there are any, to read before or during a
// meeting. Answering happens within the test.
type questionsModel struct {
	answers map[string]string
	page    page
}

func newQuestions(c *common, answers map[string]string) questionsModel {
	m := questionsModel{answers: answers}
	m.page = newPage(c, m.body)
	return m
}

func (m *questionsModel) setSize(c *common) { m.page.setSize(c) }

func (m questionsModel) body(c *common) string {
	w := contentWidth(c)
	var b strings.Builder
	b.WriteString(c.st.Muted.Render(wrap(c.cat.DiscussionIntro, w)) + "\n\n")
	for i, dq := range c.q.Discussion {
		text := wrap(dq.Text.In(c.lang), w-4)
		b.WriteString(c.st.Strong.Render(fmt.Sprintf("%d.  %s", i+1, strings.ReplaceAll(text, "\n", "\n    "))) + "\n")
		if a := m.answers[dq.ID]; a != "" {
			ans := wrap(a, w-4)
			b.WriteString(c.st.Muted.Render("    "+c.cat.DiscussionYours+" "+strings.ReplaceAll(ans, "\n", "\n    ")) + "\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func (m questionsModel) update(c *common, msg tea.Msg) (questionsModel, tea.Cmd, intent) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, c.keys.Menu, c.keys.Confirm) {
		return m, nil, intentMenu{}
	}
	var cmd tea.Cmd
	m.page, cmd = m.page.update(msg)
	return m, cmd, nil
}

func (m questionsModel) view(c *common) string {
	return m.page.view(c, c.cat.MenuDiscussion, "")
}

func (m questionsModel) helpKeys(c *common) []key.Binding {
	scroll := key.NewBinding(key.WithKeys("down"), key.WithHelp("↑/↓", c.cat.KeyScroll))
	return []key.Binding{scroll, c.keys.Menu, c.keys.QuitMenu}
}
