package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// View renders the active screen with the footer: an error line if a save
// failed, then the short key help, or the full help when asked for.
func (m Model) View() string {
	c := m.c
	if m.quitting {
		return ""
	}
	if m.tooSmall() {
		return wrap(fmt.Sprintf(c.cat.TooSmall, MinWidth, MinHeight, c.width, c.height), max(10, c.width))
	}
	var body string
	switch m.screen {
	case screenLoading:
		body = c.st.Muted.Render(c.cat.Loading)
	case screenFatal:
		body = c.st.Error.Render(wrap(fmt.Sprintf(c.cat.SaveFailed, m.fatal), contentWidth(c)))
	case screenWelcome:
		body = m.welcome.view(c)
	case screenIntro:
		body = m.intro.view(c)
	case screenBackground:
		body = m.background.view(c)
	case screenStatement:
		body = m.statement.view(c)
	case screenDiscussion:
		body = m.discussion.view(c)
	case screenReview:
		body = m.review.view(c)
	case screenResult:
		body = m.result.view(c)
	case screenQuestions:
		body = m.questions.view(c)
	}
	if m.showHelp {
		body = c.st.Title.Render(c.cat.HelpTitle) + "\n\n" + m.help.FullHelpView(m.fullHelp())
	}
	footer := m.help.ShortHelpView(m.shortHelp())
	if m.err != nil {
		footer = c.st.Error.Render(wrap(fmt.Sprintf(c.cat.SaveFailed, m.err), contentWidth(c))) + "\n" + footer
	}
	// The footer sits on the last lines when the window height is known.
	body = strings.TrimRight(body, "\n")
	gap := 1
	if c.height > 0 {
		// n newlines between body and footer leave n-1 blank lines.
		gap = max(1, c.height-lipgloss.Height(body)-lipgloss.Height(footer)+1)
	}
	return c.st.App.Render(body + strings.Repeat("\n", gap) + footer)
}

func (m Model) shortHelp() []key.Binding {
	c := m.c
	switch m.screen {
	case screenWelcome:
		return m.welcome.helpKeys(c)
	case screenIntro:
		return m.intro.helpKeys(c)
	case screenBackground:
		return m.background.helpKeys(c)
	case screenStatement:
		return m.statement.helpKeys(c)
	case screenDiscussion:
		return m.discussion.helpKeys(c)
	case screenReview:
		return m.review.helpKeys(c)
	case screenResult:
		return m.result.helpKeys(c)
	case screenQuestions:
		return m.questions.helpKeys(c)
	}
	return []key.Binding{c.keys.Quit}
}

func (m Model) fullHelp() [][]key.Binding {
	if m.screen == screenStatement {
		return m.statement.fullHelp(m.c)
	}
	return [][]key.Binding{m.shortHelp()}
}
