package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"digikomp/store"
	"digikomp/survey"
)

// Rounds compared (issue 12): the facilitator picks a start (a baseline
// round or workshop) and an end, and sees per area the mean of each, the
// change, the share of the top two points in each, n in each and "högre
// vid slutet än vid början: ja/nej", then the indicators panel
// (indicators_view.go). Both reports are read in one tea.Cmd.

// roundChoice is one group to compare: a collection round or a workshop.
type roundChoice struct {
	label string
	pick  groupPick
}

// roundChoices lists every collection round (in the order of their
// newest workshop), then every workshop, newest first.
func roundChoices(c *common, list []store.Workshop) []roundChoice {
	var out []roundChoice
	seen := map[string]bool{}
	for _, w := range list {
		if w.Round == "" || seen[w.Round] {
			continue
		}
		seen[w.Round] = true
		p := pickRound(w.Round)
		out = append(out, roundChoice{label: fmt.Sprintf(c.cat.Group.PickRound, p.name), pick: p})
	}
	for _, w := range list {
		p := pickWorkshop(w)
		out = append(out, roundChoice{label: fmt.Sprintf(c.cat.Group.PickWorkshop, p.name, formatDate(w.Date)), pick: p})
	}
	return out
}

type roundsStep int

const (
	roundsLoading roundsStep = iota // reading the workshops
	roundsBase                      // choosing the start
	roundsEnd                       // choosing the end
	roundsReading                   // reading the two reports
	roundsShown
)

type roundsModel struct {
	back    intent
	step    roundsStep
	err     error
	choices []roundChoice
	cursor  int
	base    int // index in choices of the start
	end     int
	baseRep survey.GroupReport
	endRep  survey.GroupReport
	vp      viewport.Model
}

// workshopsMsg carries the workshops to choose from.
type workshopsMsg struct {
	gen  int
	list []store.Workshop
	err  error
}

// roundsLoadedMsg carries the two reports compared.
type roundsLoadedMsg struct {
	gen       int
	base, end survey.GroupReport
	err       error
}

func groupGen(msg tea.Msg) int {
	switch msg := msg.(type) {
	case workshopsMsg:
		return msg.gen
	case roundsLoadedMsg:
		return msg.gen
	}
	return -1
}

func groupErr(msg tea.Msg) error {
	switch msg := msg.(type) {
	case workshopsMsg:
		return msg.err
	case roundsLoadedMsg:
		return msg.err
	}
	return nil
}

func workshopsCmd(st groupStore, gen int) tea.Cmd {
	return func() tea.Msg {
		list, err := st.Workshops()
		return workshopsMsg{gen: gen, list: list, err: err}
	}
}

func roundsLoadCmd(st groupStore, q *survey.Questionnaire, base, end store.GroupFilter, gen int) tea.Cmd {
	return func() tea.Msg {
		b, _, err := loadGroup(st, q, base, false)
		if err != nil {
			return roundsLoadedMsg{gen: gen, err: err}
		}
		e, _, err := loadGroup(st, q, end, false)
		return roundsLoadedMsg{gen: gen, base: b, end: e, err: err}
	}
}

func newRounds(c *common, back intent) roundsModel {
	m := roundsModel{back: back, vp: viewport.New(0, 0)}
	m.setSize(c)
	return m
}

func (m *roundsModel) setSize(c *common) {
	m.vp.Width, m.vp.Height = groupWidth(c), scrollHeight(c)
	if m.step == roundsShown {
		m.vp.SetContent(roundsBody(c, m.choices[m.base].label, m.choices[m.end].label, m.baseRep, m.endRep))
	} else {
		m.vp.SetContent("")
	}
}

// loaded takes the workshops or the two reports.
func (m roundsModel) loaded(c *common, st groupStore, msg tea.Msg) (roundsModel, tea.Cmd) {
	switch msg := msg.(type) {
	case workshopsMsg:
		m.err = msg.err
		m.choices = roundChoices(c, msg.list)
		m.step, m.cursor = roundsBase, 0
	case roundsLoadedMsg:
		m.err = msg.err
		if msg.err == nil {
			m.baseRep, m.endRep = msg.base, msg.end
			m.step = roundsShown
			m.setSize(c)
			m.vp.GotoTop()
		}
	}
	return m, nil
}

// endChoices are the choices for the end: every one but the start.
func (m roundsModel) endChoices() []int {
	out := make([]int, 0, len(m.choices))
	for i := range m.choices {
		if i != m.base {
			out = append(out, i)
		}
	}
	return out
}

func (m roundsModel) listed() []int {
	if m.step == roundsEnd {
		return m.endChoices()
	}
	out := make([]int, len(m.choices))
	for i := range out {
		out[i] = i
	}
	return out
}

func (m roundsModel) update(c *common, st groupStore, gen *int, msg tea.Msg) (roundsModel, tea.Cmd, intent) {
	k, isKey := msg.(tea.KeyMsg)
	if isKey && key.Matches(k, c.keys.Back) {
		switch m.step {
		case roundsEnd:
			m.step, m.cursor = roundsBase, m.base
			return m, nil, nil
		case roundsShown, roundsReading:
			if m.err == nil && m.step == roundsShown {
				*gen++
				m.step, m.cursor = roundsEnd, 0
				return m, nil, nil
			}
		}
		return m, nil, m.back
	}
	switch m.step {
	case roundsBase, roundsEnd:
		if !isKey || m.err != nil {
			return m, nil, nil
		}
		list := m.listed()
		if len(list) == 0 || len(m.choices) < 2 {
			return m, nil, nil
		}
		switch {
		case key.Matches(k, c.keys.Up):
			m.cursor = (m.cursor + len(list) - 1) % len(list)
		case key.Matches(k, c.keys.Down):
			m.cursor = (m.cursor + 1) % len(list)
		case key.Matches(k, c.keys.Confirm):
			chosen := list[min(m.cursor, len(list)-1)]
			if m.step == roundsBase {
				m.base, m.step, m.cursor = chosen, roundsEnd, 0
				return m, nil, nil
			}
			m.end, m.step = chosen, roundsReading
			*gen++
			return m, roundsLoadCmd(st, c.q, m.choices[m.base].pick.filter, m.choices[m.end].pick.filter, *gen), nil
		}
		return m, nil, nil
	case roundsShown:
		if isKey && (key.Matches(k, c.keys.Prev) || key.Matches(k, c.keys.Next)) {
			return m, nil, nil
		}
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd, nil
	}
	return m, nil, nil
}

func (m roundsModel) view(c *common) string {
	cat := &c.cat.Group
	w := groupWidth(c)
	right := ""
	if m.step == roundsShown && !m.vp.AtBottom() {
		right = c.cat.MoreBelow
	}
	head := titleLine(c, cat.RoundsTitle, right, w) + "\n\n"
	switch {
	case m.step == roundsLoading:
		return head + c.st.Muted.Render(cat.Loading)
	case m.err != nil && m.step != roundsReading:
		return head + groupFailure(c, cat.PickFailed, m.err, w)
	case m.err != nil:
		return head + groupFailure(c, cat.LoadFailed, m.err, w)
	case m.step == roundsReading:
		return head + c.st.Muted.Render(cat.Loading)
	case m.step == roundsShown:
		return head + m.vp.View()
	}
	if len(m.choices) < 2 {
		return head + wrap(cat.PickNone, w)
	}
	prompt := cat.PickBase
	if m.step == roundsEnd {
		prompt = fmt.Sprintf(cat.PickEnd, m.choices[m.base].label)
	}
	prompt = wrap(prompt, w)
	list := m.listed()
	rows := max(1, scrollHeight(c)-lipgloss.Height(prompt)-1)
	first := max(0, min(m.cursor-rows/2, len(list)-rows))
	var b strings.Builder
	b.WriteString(prompt + "\n\n")
	for i := first; i < len(list) && i < first+rows; i++ {
		label := truncate(m.choices[list[i]].label, w-2)
		if i == m.cursor {
			b.WriteString(c.st.Selected.Render("› "+label) + "\n")
		} else {
			b.WriteString("  " + label + "\n")
		}
	}
	return head + b.String()
}

func (m roundsModel) helpKeys(c *common) []key.Binding {
	switch m.step {
	case roundsBase, roundsEnd:
		return []key.Binding{c.keys.Up, c.keys.Confirm, c.keys.Back, c.keys.Help, c.keys.QuitMenu}
	case roundsShown:
		return []key.Binding{scrollKey(c), c.keys.Back, c.keys.Help, c.keys.QuitMenu}
	}
	return []key.Binding{c.keys.Back, c.keys.QuitMenu}
}

// sideText is one round's side of an area: "4,1".
func sideMean(c *common, s survey.RoundSide) string {
	if !s.Known {
		return "–"
	}
	return formatMean(c.lang, s.MeanTenths)
}

func sideHigh(c *common, s survey.RoundSide) string {
	if !s.Known {
		return "–"
	}
	return formatPercent(c.lang, s.HighPercent)
}

func yesNo(c *common, ch survey.RoundChange) string {
	switch {
	case !ch.Known:
		return "–"
	case ch.Higher:
		return c.cat.Group.Yes
	}
	return c.cat.Group.No
}

func changeOf(c *common, ch survey.RoundChange) string {
	if !ch.Known {
		return "–"
	}
	return signedTenths(c.lang, ch.ChangeTenths)
}

// roundsBody renders the comparison of two rounds and the indicators.
func roundsBody(c *common, baseName, endName string, base, end survey.GroupReport) string {
	cat := &c.cat.Group
	w := groupWidth(c)
	cmp := survey.CompareRounds(base, end)
	var b strings.Builder
	b.WriteString(wrap(fmt.Sprintf(cat.RoundsOf, baseName, endName), w) + "\n")
	if !cmp.Same {
		b.WriteString(c.st.Muted.Render(wrap(cat.RoundsMixed, w)) + "\n")
	}
	b.WriteString("\n" + c.st.Strong.Render(wrap(fmt.Sprintf(cat.HigherLine, yesNo(c, cmp.Overall)), w)) + "\n\n")
	rows := append(append([]survey.RoundChange(nil), cmp.Areas...), cmp.Overall)
	if c.lines {
		for _, r := range rows {
			b.WriteString(fmt.Sprintf(cat.RoundsAcc, areaName(c, r.AreaID),
				sideMean(c, r.Base), formatCount(c.lang, r.Base.N), sideHigh(c, r.Base),
				sideMean(c, r.End), formatCount(c.lang, r.End.N), sideHigh(c, r.End),
				changeOf(c, r), yesNo(c, r)) + "\n")
		}
	} else {
		b.WriteString(roundsTable(c, rows, end, w))
	}
	b.WriteString("\n" + c.st.Muted.Render(wrap(cat.RoundsChance, w)) + "\n")
	b.WriteString("\n" + indicatorsBody(c, survey.Indicators(base, end), w))
	return b.String()
}

// roundsTable is the comparison as a table when the window is wide
// enough, else one block per area: its name, then its numbers.
func roundsTable(c *common, rows []survey.RoundChange, end survey.GroupReport, w int) string {
	cat := &c.cat.Group
	cols := []string{cat.ColStart, cat.ColEnd, cat.ColChange,
		fmt.Sprintf(cat.ColHighStart, end.ScaleMax-1, end.ScaleMax), fmt.Sprintf(cat.ColHighEnd, end.ScaleMax-1, end.ScaleMax),
		cat.ColNStart, cat.ColNEnd, cat.ColHigher}
	widths := make([]int, len(cols))
	numbers := 0
	for i, h := range cols {
		widths[i] = max(7, lipgloss.Width(h)+2)
		numbers += widths[i]
	}
	nameW := lipgloss.Width(cat.ColArea)
	for _, r := range rows {
		nameW = max(nameW, lipgloss.Width(areaName(c, r.AreaID)))
	}
	cells := func(r survey.RoundChange) []string {
		return []string{sideMean(c, r.Base), sideMean(c, r.End), changeOf(c, r), sideHigh(c, r.Base), sideHigh(c, r.End),
			formatCount(c.lang, r.Base.N), formatCount(c.lang, r.End.N), yesNo(c, r)}
	}
	var b strings.Builder
	if w < nameW+numbers {
		// Too narrow for the table: each area's numbers as a sentence.
		for _, r := range rows {
			b.WriteString(c.st.Strong.Render(areaName(c, r.AreaID)) + "\n")
			line := fmt.Sprintf(cat.RoundsLine, sideMean(c, r.Base), formatCount(c.lang, r.Base.N), end.ScaleMax-1, end.ScaleMax, sideHigh(c, r.Base),
				sideMean(c, r.End), formatCount(c.lang, r.End.N), end.ScaleMax-1, end.ScaleMax, sideHigh(c, r.End), changeOf(c, r), yesNo(c, r))
			b.WriteString("  " + strings.ReplaceAll(wrap(line, w-2), "\n", "\n  ") + "\n")
		}
		return b.String()
	}
	head := padRight(cat.ColArea, nameW)
	for i, h := range cols {
		head += padLeft(h, widths[i])
	}
	b.WriteString(c.st.Muted.Render(head) + "\n")
	for _, r := range rows {
		line := padRight(areaName(c, r.AreaID), nameW)
		for i, s := range cells(r) {
			line += padLeft(s, widths[i])
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// RoundsText renders the comparison of two rounds and the indicators
// panel, as the rounds-compared screen shows them, as lines of plain text
// wrapped to width, in lang. baseName and endName name the two rounds.
// `digikomp report --compare` prints it.
func RoundsText(q *survey.Questionnaire, base, end survey.GroupReport, baseName, endName string, lang survey.Lang, width int) []string {
	c := textCommon(q, lang, width)
	return strings.Split(strings.TrimRight(roundsBody(c, survey.CleanLine(baseName), survey.CleanLine(endName), base, end), "\n"), "\n")
}
