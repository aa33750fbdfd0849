package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"digikomp/store"
	"digikomp/survey"
)

// planModel is the learning plan of one finished attempt: the topics its
// result suggests, each with why and what to try this week, picked with
// space; then the goal in the person's own words. The plan is saved the
// moment the goal is confirmed.
type planModel struct {
	attempt store.Attempt
	base    store.Plan // the stored plan; its needs fields are kept
	items   []survey.Suggestion
	// suggested is false when the result suggests nothing and every
	// topic is offered instead.
	suggested bool
	cursor    int
	chosen    []string // topic ids in the order picked
	goalPhase bool
	form      *huh.Form
	goal      *string
}

type (
	intentPlan     struct{ attempt store.Attempt } // open the plan of a finished attempt
	intentPlanGoal struct{}                        // on to the goal
	intentPlanPick struct{}                        // back to the topics
	intentSavePlan struct{}                        // the goal is confirmed
)

// maxGoal bounds the goal, in characters.
const maxGoal = 1000

// planKeys are the keys of the plan and needs screens.
type planKeyMap struct {
	Toggle, Continue, Back, Plan, Learn, Teach, RankUp, RankDown, Skip key.Binding
}

func planKeys(c *common) planKeyMap {
	p := c.cat.Plan
	space := "mellanslag"
	if c.lang == survey.English {
		space = "space"
	}
	return planKeyMap{
		Toggle:   key.NewBinding(key.WithKeys(" "), key.WithHelp(space, p.KeyToggle)),
		Continue: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.KeyContinue)),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.KeyBack)),
		Plan:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", p.KeyPlan)),
		Learn:    key.NewBinding(key.WithKeys(" "), key.WithHelp(space, p.KeyLearn)),
		Teach:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", p.KeyTeach)),
		RankUp:   key.NewBinding(key.WithKeys("+", "shift+up", "alt+up"), key.WithHelp("+/−", p.KeyRank)),
		RankDown: key.NewBinding(key.WithKeys("-", "shift+down", "alt+down"), key.WithHelp("shift+↑/↓", p.KeyRank)),
		Skip:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.KeySkip)),
	}
}

func newPlan(c *common, a store.Attempt, p store.Plan) planModel {
	all, _ := survey.Topics() // checked by the survey tests; none if broken
	m := planModel{attempt: a, base: p, goal: new(string)}
	m.items = survey.SuggestFrom(all, c.q, a.Scores())
	m.suggested = len(m.items) > 0
	if !m.suggested {
		for _, t := range all {
			m.items = append(m.items, survey.Suggestion{Topic: t})
		}
	}
	for _, id := range p.Topics {
		if m.index(id) < 0 {
			// Picked before from a list that has changed since.
			if t, ok := survey.TopicByID(all, id); ok {
				m.items = append(m.items, survey.Suggestion{Topic: t})
			}
		}
		if m.index(id) >= 0 && !slices.Contains(m.chosen, id) {
			m.chosen = append(m.chosen, id)
		}
	}
	*m.goal = p.Goal
	return m
}

func (m planModel) index(id string) int {
	return slices.IndexFunc(m.items, func(s survey.Suggestion) bool { return s.Topic.ID == id })
}

// result is the plan as it is to be saved.
func (m planModel) result() store.Plan {
	p := m.base
	p.Topics = slices.Clone(m.chosen)
	p.Goal = strings.TrimSpace(*m.goal)
	return p
}

// openGoal builds the goal form.
func (m planModel) openGoal(c *common) (planModel, tea.Cmd) {
	m.goalPhase = true
	if r := []rune(*m.goal); len(r) > maxGoal {
		*m.goal = string(r[:maxGoal])
	}
	field := huh.NewText().Key("goal").
		Title(c.cat.Plan.GoalTitle).
		CharLimit(maxGoal).
		Lines(4).
		ShowLineNumbers(false).
		ExternalEditor(false).
		Value(m.goal)
	m.form = newForm(c, field)
	init := m.form.Init()
	m.form, _ = sizeForm(c, m.form)
	return m, init
}

func (m planModel) resize(c *common) (planModel, tea.Cmd) {
	if !m.goalPhase || m.form == nil {
		return m, nil
	}
	var cmd tea.Cmd
	m.form, cmd = sizeForm(c, m.form)
	return m, cmd
}

func (m planModel) typing() bool { return m.goalPhase }

func (m planModel) update(c *common, msg tea.Msg) (planModel, tea.Cmd, intent) {
	k, isKey := msg.(tea.KeyMsg)
	if m.goalPhase {
		if isKey && key.Matches(k, planKeys(c).Back) {
			return m, nil, intentPlanPick{}
		}
		if isKey && k.String() == "ctrl+v" {
			return m, nil, nil // no clipboard program; see discussionModel
		}
		if isKey && k.Type == tea.KeyRunes && !k.Alt {
			k.Runes = []rune(survey.CleanText(string(k.Runes)))
			msg = k
		}
		var cmd tea.Cmd
		var done bool
		if m.form, cmd, done = updateForm(m.form, msg); done {
			return m, nil, intentSavePlan{}
		}
		return m, cmd, nil
	}
	if !isKey {
		return m, nil, nil
	}
	pk := planKeys(c)
	switch {
	case key.Matches(k, c.keys.Up):
		if len(m.items) > 0 {
			m.cursor = (m.cursor + len(m.items) - 1) % len(m.items)
		}
	case key.Matches(k, c.keys.Down):
		if len(m.items) > 0 {
			m.cursor = (m.cursor + 1) % len(m.items)
		}
	case key.Matches(k, pk.Toggle):
		if len(m.items) == 0 {
			break
		}
		id := m.items[m.cursor].Topic.ID
		if i := slices.Index(m.chosen, id); i >= 0 {
			m.chosen = slices.Delete(m.chosen, i, i+1)
		} else {
			m.chosen = append(m.chosen, id)
		}
	case key.Matches(k, pk.Continue):
		return m, nil, intentPlanGoal{}
	case key.Matches(k, c.keys.Menu):
		return m, nil, intentMenu{}
	}
	return m, nil, nil
}

func (m planModel) view(c *common) string {
	p := c.cat.Plan
	w := contentWidth(c)
	counter := fmt.Sprintf(p.Chosen, len(m.chosen))
	if m.goalPhase {
		form := strings.TrimRight(m.form.View(), "\n")
		return formScreen(c, p.Title, counter, p.GoalHint, form)
	}
	hint := p.Intro
	if !m.suggested {
		hint = p.AllTopics
	}
	head := titleLine(c, p.Title, counter, w) + "\n" + c.st.Muted.Render(wrap(hint, w)) + "\n\n"
	var detail []string
	if len(m.items) > 0 {
		detail = strings.Split(suggestionText(c, m.items[m.cursor], m.attempt.Scores(), w), "\n")
	}
	rows := len(m.items)
	avail := 0
	if c.height > 0 {
		// The footer and the gap above it, an error line, the blank line
		// between list and detail.
		avail = c.height - lipgloss.Height(head) - 2 - c.notice - 1
		rows = min(len(m.items), max(min(len(m.items), 3), avail-len(detail)))
		if keep := avail - rows; keep >= 1 && len(detail) > keep {
			detail = append(detail[:keep-1], c.st.Muted.Render("…"))
		} else if keep < 1 {
			detail = nil
		}
	}
	top := scrollTop(m.cursor, rows, len(m.items))
	var b strings.Builder
	b.WriteString(head)
	for i := top; i < top+rows && i < len(m.items); i++ {
		mark := "[ ]"
		if slices.Contains(m.chosen, m.items[i].Topic.ID) {
			mark = "[x]"
		}
		b.WriteString(menuLine(c, truncate(mark+" "+m.items[i].Topic.Title.In(c.lang), w-3), i == m.cursor) + "\n")
	}
	if len(detail) > 0 {
		b.WriteString("\n" + strings.Join(detail, "\n"))
	}
	return b.String()
}

// scrollTop is the first row shown of a list of n in rows lines: the
// cursor stays near the middle, so the rows around it are in view.
func scrollTop(cursor, rows, n int) int {
	if rows <= 0 {
		return 0
	}
	return max(0, min(cursor-rows/2, n-rows))
}

// suggestionText is one topic written out: why it is worth learning, why
// it was suggested, and the exercises. The accessible runner prints the
// same text.
func suggestionText(c *common, s survey.Suggestion, r survey.Ratings, w int) string {
	p := c.cat.Plan
	var b strings.Builder
	b.WriteString(wrap(s.Topic.Why.In(c.lang), w) + "\n")
	res := survey.Score(c.q, r)
	for _, id := range s.Areas {
		a, ok := c.q.Area(id)
		if !ok {
			continue
		}
		for _, as := range res.Areas {
			if as.AreaID == id {
				b.WriteString(c.st.Muted.Render(wrap(fmt.Sprintf(p.ReasonArea, a.Name.In(c.lang), formatMean(c.lang, as.MeanTenths())), w)) + "\n")
			}
		}
	}
	for i, st := range s.Statements {
		if i == 1 {
			b.WriteString(c.st.Muted.Render(fmt.Sprintf(p.ReasonMore, len(s.Statements)-1)) + "\n")
			break
		}
		if q, ok := c.q.Statement(st.StatementID); ok {
			b.WriteString(c.st.Muted.Render(wrap(fmt.Sprintf(p.ReasonRated, st.Value, q.Text.In(c.lang)), w)) + "\n")
		}
	}
	b.WriteString(c.st.Strong.Render(p.TryThisWeek) + "\n")
	for _, e := range s.Topic.Exercises {
		b.WriteString("• " + strings.ReplaceAll(wrap(e.In(c.lang), w-2), "\n", "\n  ") + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func (m planModel) helpKeys(c *common) []key.Binding {
	pk := planKeys(c)
	if m.goalPhase {
		newline := key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("alt+enter", c.cat.KeyNewLine))
		return []key.Binding{c.keys.Confirm, newline, pk.Back, c.keys.Interrupt}
	}
	return []key.Binding{c.keys.Up, pk.Toggle, pk.Continue, c.keys.Menu, c.keys.QuitMenu}
}
