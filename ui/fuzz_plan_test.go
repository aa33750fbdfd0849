package ui

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// The learning plan's part of FuzzModel: its seeds, and checks of its
// writes and screens.

// fuzzPlanSeeds reach the plan and the needs screens: topics picked and
// unpicked, a goal typed with q and ? in it, a failed save of the goal,
// the needs list ranked and reordered, the free line and the name
// question; then the plan again from the menu, left with Esc.
var fuzzPlanSeeds = []string{
	"<sv><enter>s" + strings.Repeat("2", 12) + strings.Repeat("6", 12) + "<esc><enter>" +
		"p <down> <down>  <enter>mol q?<alt+enter>rad<fail><enter><enter>" +
		" <down> <down> t+<shift+up><down>-<enter>annat<enter><down><enter>" +
		"<down><down><down><down><down><enter><enter><esc><esc>",
	"<en><enter>s" + strings.Repeat("3", 24) + "<esc><enter>p<enter><enter>" +
		"      <down><down><down><down><down>   <up>+++<fail><enter><enter><esc>",
}

// fuzzPlanKeys are the keys only the needs screen knows, appended after
// the others so that inputs found before keep their meaning.
var fuzzPlanKeys = []tea.KeyMsg{
	{Type: tea.KeyRunes, Runes: []rune{'+'}}, {Type: tea.KeyRunes, Runes: []rune{'-'}},
	{Type: tea.KeyShiftUp}, {Type: tea.KeyShiftDown}, {Type: tea.KeyUp, Alt: true},
}

// checkPlanWrite: a plan is saved only by Enter on the plan's goal or on
// a needs step, for the attempt that screen belongs to, a finished one,
// and as that screen holds it. A form completes on its own message after
// the Enter ("no key"); the needs list only on Enter itself.
func (d *fuzzApp) checkPlanWrite(c storeCall, key string) {
	m := d.m
	var want store.Plan
	var id store.AttemptID
	form := m.screen == screenPlan || m.screen == screenNeeds && m.needs.phase != needsList
	switch {
	case m.showHelp || m.tooSmall() || key != "enter" && !(form && key == "no key"):
		d.failf("a plan saved on key %s on the %s screen (help %v)", key, m.screen, m.showHelp)
		return
	case m.screen == screenPlan && m.plan.goalPhase:
		want, id = m.plan.result(), m.plan.attempt.ID
	case m.screen == screenNeeds:
		want, id = m.needs.result(), m.needs.attempt.ID
	default:
		d.failf("a plan saved on the %s screen", m.screen)
		return
	}
	if c.id != id {
		d.failf("the plan of attempt %s saved while the screen is of %s", c.id, id)
	}
	if a, ok := d.st.get(c.id); !ok || !a.Done() {
		d.failf("a plan saved for attempt %s, which is not a finished one", c.id)
	}
	if c.err == nil {
		if got, ok, _ := d.st.Plan(c.id); !ok || !reflect.DeepEqual(normPlan(got), normPlan(want)) {
			d.failf("the store holds plan %+v, the screen %+v", got, want)
		}
	}
}

func normPlan(p store.Plan) store.Plan {
	for _, l := range []*[]string{&p.Topics, &p.Learn, &p.Teach} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	return p
}

// checkPlanScreen checks what the plan, needs and welcome screens say
// against the store.
func (d *fuzzApp) checkPlanScreen(view string) {
	m := d.m
	cat := m.c.cat.Plan
	switch m.screen {
	case screenPlan:
		if want := fmt.Sprintf(cat.Chosen, len(m.plan.chosen)); !strings.Contains(view, want) {
			d.failf("%d topics chosen, the screen lacks %q", len(m.plan.chosen), want)
		}
		for _, id := range m.plan.chosen {
			if m.plan.index(id) < 0 {
				d.failf("topic %s chosen but not listed", id)
			}
		}
	case screenNeeds:
		if n := len(m.needs.learn); n > maxLearn || len(slices.Compact(slices.Sorted(slices.Values(m.needs.learn)))) != n {
			d.failf("the needs rank %v", m.needs.learn)
		}
		if m.needs.phase == needsList {
			if want := fmt.Sprintf("%d / %d", len(m.needs.learn), maxLearn); !strings.Contains(view, want) {
				d.failf("%d topics ranked, the screen lacks %q", len(m.needs.learn), want)
			}
		}
	case screenWelcome:
		p, _, ok, _ := d.st.LatestPlan(m.cfg.Profile)
		switch {
		case ok && strings.TrimSpace(p.Goal) != "":
			if want := fmt.Sprintf(cat.WelcomeGoal, oneLine(p.Goal)); m.welcome.goal != want {
				d.failf("the newest plan's goal is %q, the menu says %q", p.Goal, m.welcome.goal)
			}
		case !ok && m.welcome.goal != "":
			d.failf("no plan is stored, the menu says %q", m.welcome.goal)
		}
	}
}
