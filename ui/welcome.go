package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// welcomeModel is the start menu.
type welcomeModel struct {
	items      []menuItem
	cursor     int
	confirming bool // asking before an unfinished attempt is discarded
	unfinished *store.Attempt
	goal       string   // the newest plan's goal, shown under the introduction
	info       []string // the person and their last test (welcome_profile.go)
}

type menuItem struct {
	label string
	do    intent
}

func newWelcome(c *common, unfinished, latest *store.Attempt) welcomeModel {
	m := welcomeModel{unfinished: unfinished, info: profileInfo(c, unfinished, latest)}
	if unfinished != nil {
		label := fmt.Sprintf(c.cat.MenuContinue, answeredCount(*unfinished), len(c.q.Statements))
		m.items = append(m.items, menuItem{label, intentContinue{}})
		m.items = append(m.items, menuItem{c.cat.MenuStartOver, intentStartOver{}})
	} else if latest != nil {
		m.items = append(m.items, menuItem{c.cat.MenuStartAgain, intentStart{}})
	} else {
		m.items = append(m.items, menuItem{c.cat.MenuStart, intentStart{}})
	}
	if latest != nil {
		label := c.cat.MenuLatest + " " + fmt.Sprintf(c.cat.MenuLatestWhen, formatDate(latest.Finished))
		m.items = append(m.items, menuItem{label, intentLatest{}})
		m.items = append(m.items, progressionItems(c)...)
		m.items = append(m.items, menuItem{c.cat.Plan.Menu, intentPlan{attempt: *latest}})
	}
	m.items = append(m.items, menuItem{c.cat.MenuDiscussion, intentQuestions{}})
	m.items = append(m.items, menuItem{c.cat.Workshop.MenuEntry, intentWorkshop{}})
	m.items = append(m.items, profileItems(c)...)
	m.items = append(m.items, menuItem{c.cat.MenuQuit, intentQuit{}})
	return m
}

func (m welcomeModel) update(c *common, msg tea.Msg) (welcomeModel, intent) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.confirming {
		switch {
		case key.Matches(k, c.keys.Yes):
			m.confirming = false
			return m, intentStartOver{}
		case key.Matches(k, c.keys.No):
			m.confirming = false
		}
		return m, nil
	}
	switch {
	case key.Matches(k, c.keys.Up):
		m.cursor = (m.cursor + len(m.items) - 1) % len(m.items)
	case key.Matches(k, c.keys.Down):
		m.cursor = (m.cursor + 1) % len(m.items)
	case key.Matches(k, c.keys.Confirm):
		do := m.items[m.cursor].do
		if _, over := do.(intentStartOver); over && c.readOnly == nil {
			m.confirming = true
			return m, nil
		}
		return m, do
	}
	return m, nil
}

func (m welcomeModel) view(c *common) string {
	var b strings.Builder
	b.WriteString(c.st.Title.Render(c.cat.AppTitle) + "\n\n")
	b.WriteString(wrap(c.cat.WelcomeIntro, contentWidth(c)) + "\n\n")
	if m.goal != "" {
		b.WriteString(c.st.Strong.Render(goalLines(m.goal, contentWidth(c))) + "\n\n")
	}
	if notice, detail := c.readOnlyNotice(); notice != "" {
		b.WriteString(c.st.Warning.Render(wrap(notice, contentWidth(c))) + "\n")
		if detail != "" {
			b.WriteString(c.st.Muted.Render(wrap(detail, contentWidth(c))) + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(welcomeInfo(c, m.info))
	var tail string
	if m.confirming && m.unfinished != nil {
		tail = "\n" + c.st.Warning.Render(wrap(fmt.Sprintf(c.cat.ConfirmStartOver, answeredCount(*m.unfinished)), contentWidth(c))) + "\n" +
			c.st.Strong.Render(c.cat.ConfirmYesNo) + "\n"
	}
	// The menu scrolls when the window cannot show all of it.
	first, last := menuWindow(c, b.String(), tail, len(m.items), m.cursor)
	for i := first; i < last; i++ {
		b.WriteString(menuLine(c, m.items[i].label, i == m.cursor) + "\n")
	}
	b.WriteString(tail)
	return b.String()
}

func (m welcomeModel) helpKeys(c *common) []key.Binding {
	return []key.Binding{c.keys.Up, c.keys.Confirm, c.keys.Help, c.keys.QuitMenu}
}

// menuLine renders one menu entry; the chosen one gets a marker and reverse
// video, so it stands out without colour.
func menuLine(c *common, label string, selected bool) string {
	if selected {
		return c.st.Selected.Render("› " + label + " ")
	}
	return c.st.Item.Render("  " + label)
}
