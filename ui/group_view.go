package ui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"digikomp/store"
	"digikomp/survey"
)

// The group view of a workshop, a collection round or every attempt in
// the file (issue 12), for a facilitator to show the room. It is opened
// with intentGroup, which workshop mode raises once the facilitator PIN
// is given: nothing in this file asks for the PIN, and no menu entry
// leads here without it.
//
// The numbers are read in a tea.Cmd (loadGroup) that streams the group's
// finished attempts from the store into a survey.GroupTally: the ui never
// holds the respondents, only the tally's counts, so a round of 100 000
// attempts costs time and no memory to speak of.

// groupStore is what the group view and the rounds compared need of the
// store. It is part of Store.
type groupStore interface {
	// EachRespondent streams the finished attempts of q a filter picks
	// and counts the unfinished ones (store/group.go).
	EachRespondent(q *survey.Questionnaire, f store.GroupFilter, fn func(r survey.Respondent)) (unfinished int, err error)
	// DiscussionAnswers returns the group's discussion answers without
	// names, sorted; the view shuffles them.
	DiscussionAnswers(f store.GroupFilter) (map[string][]string, error)
	// Workshops lists the workshops, newest first, for choosing rounds.
	Workshops() ([]store.Workshop, error)
}

// groupPick is the group a view shows: a store filter and its name.
type groupPick struct {
	filter store.GroupFilter
	name   string // cleaned by the store when the workshop was added
}

// pickWorkshop is the group of one workshop.
func pickWorkshop(w store.Workshop) groupPick {
	return groupPick{filter: store.GroupFilter{Workshop: w.ID}, name: survey.CleanLine(w.Name)}
}

// pickRound is the group of every workshop of a collection round.
func pickRound(round string) groupPick {
	return groupPick{filter: store.GroupFilter{Round: round}, name: survey.CleanLine(round)}
}

// pickAll is the group of every attempt in the file.
func pickAll(c *common) groupPick {
	return groupPick{filter: store.GroupFilter{All: true}, name: c.cat.Group.AllAttempts}
}

// intentGroup opens the group view of pick; Esc returns to back (the
// menu when nil). Workshop mode raises it after the facilitator PIN:
//
//	return m, nil, intentGroup{pick: pickWorkshop(w), back: intentShow{screenWorkshop}}
type intentGroup struct {
	pick groupPick
	back intent
}

// intentRounds opens the rounds compared from the group view.
type intentRounds struct{}

// groupState is the root model's part for the group screens.
type groupState struct {
	view   groupModel
	rounds roundsModel
	// gen numbers the loads, so that a load arriving after its screen
	// was left (or opened again) is dropped.
	gen int
}

// groupLoadedMsg carries a group's report, or why it could not be read.
type groupLoadedMsg struct {
	gen     int
	report  survey.GroupReport
	answers map[string][]string
	err     error
}

// loadGroup tallies the group f picks: one read transaction for the
// respondents, one for the discussion answers (when answers is set).
func loadGroup(st groupStore, q *survey.Questionnaire, f store.GroupFilter, answers bool) (survey.GroupReport, map[string][]string, error) {
	t := survey.NewGroupTally(q)
	unfinished, err := st.EachRespondent(q, f, t.Add)
	if err != nil {
		return survey.GroupReport{}, nil, err
	}
	for range unfinished {
		t.AddUnfinished()
	}
	var texts map[string][]string
	if answers {
		if texts, err = st.DiscussionAnswers(f); err != nil {
			return survey.GroupReport{}, nil, err
		}
	}
	return t.Report(), texts, nil
}

func groupLoadCmd(st groupStore, q *survey.Questionnaire, f store.GroupFilter, gen int) tea.Cmd {
	return func() tea.Msg {
		r, answers, err := loadGroup(st, q, f, true)
		return groupLoadedMsg{gen: gen, report: r, answers: answers, err: err}
	}
}

// shuffleAnswers returns the answers with each question's list in a
// random order drawn from seed, so that the order of reading says nothing
// about who wrote what; the given map is not changed. Each view draws a
// new seed.
func shuffleAnswers(answers map[string][]string, seed uint64) map[string][]string {
	out := make(map[string][]string, len(answers))
	ids := make([]string, 0, len(answers))
	for id := range answers {
		ids = append(ids, id)
	}
	slices.Sort(ids) // map order must not make the shuffle depend on more than the seed
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	for _, id := range ids {
		list := slices.Clone(answers[id])
		r.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
		out[id] = list
	}
	return out
}

// groupModel is the group view: a scrolling page of groupBody.
type groupModel struct {
	pick   groupPick
	back   intent
	loaded bool
	err    error
	data   groupData
	vp     viewport.Model
	// parts are the lines where the body's sections begin, for Tab and
	// Shift+Tab.
	parts []int
}

func newGroupView(c *common, pick groupPick, back intent) groupModel {
	m := groupModel{pick: pick, back: back, vp: viewport.New(0, 0)}
	m.setSize(c)
	return m
}

// withReport shows a loaded report, its answers shuffled with seed.
func (m groupModel) withReport(c *common, msg groupLoadedMsg, seed uint64) groupModel {
	m.loaded, m.err = true, msg.err
	if msg.err == nil {
		m.data = groupData{name: m.pick.name, report: msg.report, answers: shuffleAnswers(msg.answers, seed)}
	}
	m.setSize(c)
	m.vp.GotoTop()
	return m
}

// scrollHeight is the rows a scrolling group screen has for its body.
func scrollHeight(c *common) int {
	if c.height == 0 {
		return 20
	}
	return max(1, c.height-headerLines-footerLines-c.notice)
}

func (m *groupModel) setSize(c *common) {
	m.vp.Width, m.vp.Height = groupWidth(c), scrollHeight(c)
	body := m.body(c)
	m.vp.SetContent(body)
	m.parts = partsOf(body)
}

// partsOf finds where the sections of a body begin: a heading is a line
// followed by its underline of "─".
func partsOf(body string) []int {
	var parts []int
	lines := strings.Split(body, "\n")
	for i := 1; i < len(lines); i++ {
		if u := ansi.Strip(lines[i]); u != "" && strings.Trim(u, "─") == "" && strings.TrimSpace(ansi.Strip(lines[i-1])) != "" {
			parts = append(parts, i-1)
		}
	}
	return parts
}

// jump moves the page to the next section (dir 1) or the previous one
// (dir −1).
func (m groupModel) jump(dir int) groupModel {
	at := m.vp.YOffset
	if dir > 0 {
		for _, p := range m.parts {
			if p > at {
				m.vp.SetYOffset(p)
				return m
			}
		}
		m.vp.GotoBottom()
		return m
	}
	for i := len(m.parts) - 1; i >= 0; i-- {
		if m.parts[i] < at {
			m.vp.SetYOffset(m.parts[i])
			return m
		}
	}
	m.vp.GotoTop()
	return m
}

func partKeys(c *common) (next, prev key.Binding) {
	return key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", c.cat.Group.KeyPart)),
		key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", c.cat.Group.KeyPart))
}

func (m groupModel) body(c *common) string {
	switch {
	case !m.loaded:
		return c.st.Muted.Render(c.cat.Group.Loading)
	case m.err != nil:
		return groupFailure(c, c.cat.Group.LoadFailed, m.err, groupWidth(c))
	}
	return groupBody(c, m.data)
}

// groupFailure says that a read failed, why, and the system's words.
func groupFailure(c *common, what string, err error, w int) string {
	sentence := join(what, c.cat.Cause(store.KindOf(err)))
	s := c.st.Error.Render(wrap(sentence, w)) + "\n"
	if d := c.cat.DetailLine(err); d != "" {
		s += c.st.Muted.Render(wrap(d, w)) + "\n"
	}
	return s
}

// groupKeys are the group screens' own keys.
func compareKey(c *common) key.Binding {
	return key.NewBinding(key.WithKeys("o"), key.WithHelp("o", c.cat.Group.KeyCompare))
}

func scrollKey(c *common) key.Binding {
	return key.NewBinding(key.WithKeys("down"), key.WithHelp("↑/↓", c.cat.KeyScroll))
}

func (m groupModel) update(c *common, msg tea.Msg) (groupModel, tea.Cmd, intent) {
	if k, ok := msg.(tea.KeyMsg); ok {
		next, prev := partKeys(c)
		switch {
		case key.Matches(k, c.keys.Back), key.Matches(k, c.keys.Menu):
			if m.back != nil {
				return m, nil, m.back
			}
			return m, nil, intentMenu{}
		case key.Matches(k, compareKey(c)):
			return m, nil, intentRounds{}
		case key.Matches(k, next):
			return m.jump(1), nil, nil
		case key.Matches(k, prev):
			return m.jump(-1), nil, nil
		case key.Matches(k, c.keys.Prev), key.Matches(k, c.keys.Next):
			return m, nil, nil // the viewport would scroll sideways
		}
	}
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return m, cmd, nil
}

func (m groupModel) view(c *common) string {
	title := c.cat.Group.Title
	if m.pick.name != "" {
		title = fmt.Sprintf(c.cat.Group.TitleOf, m.pick.name)
	}
	right := ""
	if !m.vp.AtBottom() {
		right = c.cat.MoreBelow
	}
	w := groupWidth(c)
	return titleLine(c, truncate(title, w-lipgloss.Width(right)-1), right, w) + "\n\n" + m.vp.View()
}

func (m groupModel) helpKeys(c *common) []key.Binding {
	back := c.keys.Menu
	if m.back != nil {
		back = c.keys.Back
	}
	next, _ := partKeys(c)
	return []key.Binding{scrollKey(c), next, compareKey(c), back, c.keys.Help, c.keys.QuitMenu}
}

// actGroup opens the group screens; ok is false for other intents.
func (m Model) actGroup(in intent) (tea.Model, tea.Cmd, bool) {
	switch in := in.(type) {
	case intentGroup:
		m.showHelp = false
		m.g.gen++
		m.g.view = newGroupView(m.c, in.pick, in.back)
		m.screen = screenGroup
		return m, groupLoadCmd(m.cfg.Store, m.c.q, in.pick.filter, m.g.gen), true
	case intentRounds:
		m.showHelp = false
		m.g.gen++
		m.g.rounds = newRounds(m.c, intentShow{screenGroup})
		m.screen = screenRounds
		return m, workshopsCmd(m.cfg.Store, m.g.gen), true
	}
	return m, nil, false
}

// updateGroupMsg takes the group screens' loads; ok is false for other
// messages. A damaged file ends the program as every damaged read does.
func (m Model) updateGroupMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case groupLoadedMsg:
		if msg.gen != m.g.gen || m.screen != screenGroup {
			return m, nil, true
		}
		if msg.err != nil && fatalRead(msg.err) {
			next, cmd := m.Update(errMsg{msg.err})
			return next, cmd, true
		}
		m.g.view = m.g.view.withReport(m.c, msg, uint64(m.cfg.Now().UnixNano()))
		return m, nil, true
	case workshopsMsg, roundsLoadedMsg:
		if groupGen(msg) != m.g.gen || m.screen != screenRounds {
			return m, nil, true
		}
		if err := groupErr(msg); err != nil && fatalRead(err) {
			next, cmd := m.Update(errMsg{err})
			return next, cmd, true
		}
		var cmd tea.Cmd
		m.g.rounds, cmd = m.g.rounds.loaded(m.c, m.cfg.Store, msg)
		return m, cmd, true
	}
	return m, nil, false
}

// updateGroupScreen hands a message to the group screen shown.
func (m Model) updateGroupScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	var in intent
	switch m.screen {
	case screenGroup:
		m.g.view, cmd, in = m.g.view.update(m.c, msg)
	case screenRounds:
		m.g.rounds, cmd, in = m.g.rounds.update(m.c, m.cfg.Store, &m.g.gen, msg)
	}
	if in == nil {
		return m, cmd
	}
	m2, cmd2 := m.act(in)
	return m2, tea.Batch(cmd, cmd2)
}

func (g *groupState) setSize(c *common) {
	g.view.setSize(c)
	g.rounds.setSize(c)
}
