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

// maxLearn is how many topics the needs inventory ranks.
const maxLearn = 5

// maxOther bounds the free line, in characters.
const maxOther = 200

type needsPhase int

const (
	needsList  needsPhase = iota // rank what to learn, mark what to teach
	needsOther                   // the free line
	needsShow                    // may the name go with what they teach
)

// needsModel is the optional needs and resources inventory after the
// plan: up to five topics ranked by how much the person wants to learn
// them, the topics they could teach colleagues, a free line, and whether
// their name may be shown with what they can teach. Each step is saved
// with the attempt's plan when it is confirmed.
type needsModel struct {
	attempt store.Attempt
	plan    store.Plan // as stored
	all     []survey.Topic
	cursor  int
	learn   []string // most wanted first
	teach   []string // file order
	phase   needsPhase
	form    *huh.Form
	other   *string
	show    *bool
	full    bool // the last key tried to rank a sixth topic
	// saved says above the list that the plan was saved, until a key.
	saved bool
}

type (
	intentNeedsList  struct{} // the list is confirmed
	intentNeedsOther struct{} // the free line is confirmed
	intentNeedsShow  struct{} // the name question is answered
)

func newNeeds(c *common, a store.Attempt, p store.Plan) needsModel {
	all, _ := survey.Topics()
	m := needsModel{attempt: a, plan: p, all: all, other: new(string), show: new(bool), saved: true}
	for _, id := range p.Learn {
		if _, ok := survey.TopicByID(all, id); ok && !slices.Contains(m.learn, id) && len(m.learn) < maxLearn {
			m.learn = append(m.learn, id)
		}
	}
	for _, t := range all {
		if slices.Contains(p.Teach, t.ID) {
			m.teach = append(m.teach, t.ID)
		}
	}
	*m.other, *m.show = p.Other, p.ShowName
	return m
}

// rows is the list as shown: the ranked topics first, most wanted first,
// then the rest in file order.
func (m needsModel) rows() []survey.Topic {
	out := make([]survey.Topic, 0, len(m.all))
	for _, id := range m.learn {
		if t, ok := survey.TopicByID(m.all, id); ok {
			out = append(out, t)
		}
	}
	for _, t := range m.all {
		if !slices.Contains(m.learn, t.ID) {
			out = append(out, t)
		}
	}
	return out
}

// result is the plan with the needs given so far.
func (m needsModel) result() store.Plan {
	p := m.plan
	p.Learn, p.Teach = slices.Clone(m.learn), slices.Clone(m.teach)
	p.Other = strings.TrimSpace(survey.CleanLine(*m.other))
	p.ShowName = *m.show && len(m.teach) > 0
	return p
}

// moveTo puts the cursor on topic id.
func (m *needsModel) moveTo(id string) {
	if i := slices.IndexFunc(m.rows(), func(t survey.Topic) bool { return t.ID == id }); i >= 0 {
		m.cursor = i
	}
}

func (m needsModel) openOther(c *common) (needsModel, tea.Cmd) {
	m.phase = needsOther
	if r := []rune(*m.other); len(r) > maxOther {
		*m.other = string(r[:maxOther])
	}
	field := huh.NewInput().Key("other").Title(c.cat.Plan.NeedsOtherTitle).CharLimit(maxOther).Value(m.other)
	m.form = newForm(c, field)
	init := m.form.Init()
	m.form, _ = sizeForm(c, m.form)
	return m, init
}

func (m needsModel) openShow(c *common) (needsModel, tea.Cmd) {
	m.phase = needsShow
	p := c.cat.Plan
	field := huh.NewSelect[bool]().Key("show").Title(p.NeedsShowTitle).
		Options(huh.NewOption(p.NeedsShowNo, false), huh.NewOption(p.NeedsShowYes, true)).
		Value(m.show)
	m.form = newForm(c, field)
	init := m.form.Init()
	m.form, _ = sizeForm(c, m.form)
	return m, init
}

func (m needsModel) resize(c *common) (needsModel, tea.Cmd) {
	if m.phase == needsList || m.form == nil {
		return m, nil
	}
	var cmd tea.Cmd
	m.form, cmd = sizeForm(c, m.form)
	return m, cmd
}

func (m needsModel) typing() bool { return m.phase == needsOther }

func (m needsModel) update(c *common, msg tea.Msg) (needsModel, tea.Cmd, intent) {
	k, isKey := msg.(tea.KeyMsg)
	pk := planKeys(c)
	if m.phase != needsList {
		if isKey && key.Matches(k, pk.Skip) {
			return m, nil, intentMenu{}
		}
		if isKey && k.String() == "ctrl+v" {
			return m, nil, nil
		}
		if isKey && k.Type == tea.KeyRunes && !k.Alt {
			k.Runes = []rune(survey.CleanLine(string(k.Runes)))
			msg = k
		}
		var cmd tea.Cmd
		var done bool
		if m.form, cmd, done = updateForm(m.form, msg); done {
			if m.phase == needsOther {
				return m, nil, intentNeedsOther{}
			}
			return m, nil, intentNeedsShow{}
		}
		return m, cmd, nil
	}
	if !isKey {
		return m, nil, nil
	}
	m.saved, m.full = false, false
	rows := m.rows()
	if len(rows) == 0 {
		if key.Matches(k, pk.Skip) {
			return m, nil, intentMenu{}
		}
		return m, nil, nil
	}
	id := rows[m.cursor].ID
	rank := slices.Index(m.learn, id)
	switch {
	case key.Matches(k, pk.RankUp):
		if rank > 0 {
			m.learn[rank-1], m.learn[rank] = m.learn[rank], m.learn[rank-1]
			m.moveTo(id)
		}
	case key.Matches(k, pk.RankDown):
		if rank >= 0 && rank < len(m.learn)-1 {
			m.learn[rank+1], m.learn[rank] = m.learn[rank], m.learn[rank+1]
			m.moveTo(id)
		}
	case key.Matches(k, c.keys.Up):
		m.cursor = (m.cursor + len(rows) - 1) % len(rows)
	case key.Matches(k, c.keys.Down):
		m.cursor = (m.cursor + 1) % len(rows)
	case key.Matches(k, pk.Learn):
		switch {
		case rank >= 0:
			m.learn = slices.Delete(slices.Clone(m.learn), rank, rank+1)
		case len(m.learn) >= maxLearn:
			m.full = true
		default:
			m.learn = append(slices.Clone(m.learn), id)
		}
		m.moveTo(id)
	case key.Matches(k, pk.Teach):
		if i := slices.Index(m.teach, id); i >= 0 {
			m.teach = slices.Delete(slices.Clone(m.teach), i, i+1)
		} else {
			var teach []string
			for _, t := range m.all {
				if t.ID == id || slices.Contains(m.teach, t.ID) {
					teach = append(teach, t.ID)
				}
			}
			m.teach = teach
		}
	case key.Matches(k, pk.Continue):
		return m, nil, intentNeedsList{}
	case key.Matches(k, pk.Skip):
		return m, nil, intentMenu{}
	}
	return m, nil, nil
}

func (m needsModel) view(c *common) string {
	p := c.cat.Plan
	w := contentWidth(c)
	switch m.phase {
	case needsOther:
		return formScreen(c, p.NeedsTitle, "", p.NeedsOtherHint, strings.TrimRight(m.form.View(), "\n"))
	case needsShow:
		return formScreen(c, p.NeedsTitle, "", p.NeedsShowHint, strings.TrimRight(m.form.View(), "\n"))
	}
	var head strings.Builder
	head.WriteString(titleLine(c, p.NeedsTitle, fmt.Sprintf("%d / %d", len(m.learn), maxLearn), w) + "\n")
	intro := p.NeedsIntro
	if m.saved {
		intro = p.Saved + " " + intro
	}
	head.WriteString(c.st.Muted.Render(wrap(intro, w)) + "\n")
	if m.full {
		head.WriteString(c.st.Warning.Render(wrap(fmt.Sprintf(p.NeedsFull, maxLearn), w)) + "\n")
	}
	head.WriteString("\n  " + c.st.Strong.Render(p.NeedsHeader) + "\n")
	rows := m.rows()
	n := len(rows)
	if c.height > 0 {
		n = min(n, max(3, c.height-lipgloss.Height(head.String())-2-c.notice))
	}
	top := scrollTop(m.cursor, n, len(rows))
	var b strings.Builder
	b.WriteString(head.String())
	for i := top; i < top+n && i < len(rows); i++ {
		t := rows[i]
		rank := "    "
		if r := slices.Index(m.learn, t.ID); r >= 0 {
			rank = fmt.Sprintf("%3d.", r+1)
		}
		teach := "      "
		if slices.Contains(m.teach, t.ID) {
			teach = "  ✓   "
		}
		line := truncate(rank+"  "+teach+"  "+t.Title.In(c.lang), w-3)
		b.WriteString(menuLine(c, line, i == m.cursor) + "\n")
	}
	return b.String()
}

func (m needsModel) helpKeys(c *common) []key.Binding {
	pk := planKeys(c)
	switch m.phase {
	case needsOther:
		return []key.Binding{c.keys.Confirm, pk.Skip, c.keys.Interrupt}
	case needsShow:
		return []key.Binding{c.keys.Up, c.keys.Confirm, pk.Skip, c.keys.Interrupt}
	}
	return []key.Binding{pk.Learn, pk.RankUp, pk.Teach, pk.Continue, pk.Skip}
}
