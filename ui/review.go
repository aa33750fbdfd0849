package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// reviewModel comes before finishing: it lists the statements left without
// an answer, each a key away, and the way on to the result.
type reviewModel struct {
	open   []int // statement indexes without an answer
	cursor int   // 0 is "finish", i > 0 is open[i-1]
}

// shortcuts are the keys of the listed statements: the alphabet without q,
// which quits everywhere. There are more of them than statements.
const shortcuts = "abcdefghijklmnoprstuvwxyz"

func newReview(c *common, a store.Attempt) reviewModel {
	return reviewModel{open: unanswered(c.q, a)}
}

func (m reviewModel) update(c *common, msg tea.Msg) (reviewModel, intent) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || k.Alt {
		// Alt+Enter is a new line on the discussion screen just before;
		// here it must not finish the test. As everywhere else, keys with
		// Alt held do nothing.
		return m, nil
	}
	// Only arrows, tab, enter and esc navigate here: every letter but q is
	// a shortcut to one of the listed statements.
	n := len(m.open) + 1
	switch k.Type {
	case tea.KeyUp, tea.KeyShiftTab:
		m.cursor = (m.cursor + n - 1) % n
	case tea.KeyDown, tea.KeyTab:
		m.cursor = (m.cursor + 1) % n
	case tea.KeyEnter:
		if m.cursor == 0 {
			return m, intentFinish{}
		}
		return m, intentReviewGoto{index: m.open[m.cursor-1]}
	case tea.KeyLeft:
		return m, intentReviewGoto{index: len(c.q.Statements) - 1}
	case tea.KeyEsc:
		return m, intentMenu{}
	case tea.KeyRunes:
		if len(k.Runes) == 1 {
			if i := strings.IndexRune(shortcuts, k.Runes[0]); i >= 0 && i < len(m.open) {
				return m, intentReviewGoto{index: m.open[i]}
			}
		}
	}
	return m, nil
}

func (m reviewModel) view(c *common) string {
	w := contentWidth(c)
	var b strings.Builder
	b.WriteString(c.st.Title.Render(c.cat.ReviewTitle) + "\n\n")
	if len(m.open) == 0 {
		b.WriteString(wrap(c.cat.ReviewAllDone, w) + "\n\n")
	} else if len(m.open) == 1 {
		b.WriteString(wrap(c.cat.ReviewSkippedOne, w) + "\n\n")
	} else {
		b.WriteString(wrap(fmt.Sprintf(c.cat.ReviewSkipped, len(m.open)), w) + "\n\n")
	}
	b.WriteString(menuLine(c, c.cat.ReviewFinish, m.cursor == 0) + "\n\n")
	// The list is cut to what fits; the cursor keeps the chosen one in view.
	room := max(3, c.height-12)
	if c.height == 0 {
		room = len(m.open)
	}
	first := 0
	if m.cursor > room {
		first = m.cursor - room
	}
	for i := first; i < len(m.open) && i < first+room; i++ {
		idx := m.open[i]
		st := c.q.Statements[idx]
		label := fmt.Sprintf("%s %d. %s", shortcutLabel(i), idx+1, st.Text.In(c.lang))
		label = truncate(label, w-4)
		b.WriteString(menuLine(c, label, m.cursor == i+1) + "\n")
	}
	return b.String()
}

func (m reviewModel) helpKeys(c *common) []key.Binding {
	letters := key.NewBinding(key.WithKeys("a"), key.WithHelp("a–z", c.cat.KeyJump))
	return []key.Binding{c.keys.Up, c.keys.Confirm, letters, c.keys.Back, c.keys.Quit}
}

func shortcutLabel(i int) string {
	if i < len(shortcuts) {
		return string(shortcuts[i]) + ")"
	}
	return "  "
}
