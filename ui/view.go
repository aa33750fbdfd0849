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
	default:
		if s := m.active(); s != nil {
			body = s.view(c)
		}
	}
	if m.showHelp {
		body = c.st.Title.Render(c.cat.HelpTitle) + "\n\n" + m.help.FullHelpView(m.fullHelp())
	}
	footer := m.help.ShortHelpView(m.shortHelp())
	if c.width > 0 {
		// bubbles' help adds the last key whole when its "…" does not
		// fit either; a narrow window must not get a line too wide.
		footer = truncate(footer, c.width-2)
	}
	if m.err != nil {
		footer = m.errLine() + "\n" + footer
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

// screenView is what the root needs of every screen to draw it.
type screenView interface {
	view(*common) string
	helpKeys(*common) []key.Binding
}

// active returns the screen being shown, or nil while loading or after a
// fatal error.
func (m Model) active() screenView {
	if s := m.workshopView(); s != nil {
		return s
	}
	switch m.screen {
	case screenWelcome:
		return m.welcome
	case screenIntro:
		return m.intro
	case screenBackground:
		return m.background
	case screenStatement:
		return m.statement
	case screenDiscussion:
		return m.discussion
	case screenReview:
		return m.review
	case screenResult:
		return m.result
	case screenQuestions:
		return m.questions
	case screenHistory:
		return m.progression.history
	case screenProgress:
		return m.progression.progress
	case screenWheel:
		return m.progression.wheel
	case screenPlan:
		return m.plan
	case screenNeeds:
		return m.needs
	case screenGroup:
		return m.g.view
	case screenRounds:
		return m.g.rounds
	}
	return m.profileScreen()
}

func (m Model) shortHelp() []key.Binding {
	if s := m.active(); s != nil {
		return s.helpKeys(m.c)
	}
	return []key.Binding{m.c.keys.Quit}
}

func (m Model) fullHelp() [][]key.Binding {
	if m.screen == screenStatement {
		return m.statement.fullHelp(m.c)
	}
	return [][]key.Binding{m.shortHelp()}
}
