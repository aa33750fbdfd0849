package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// The root's part of the learning plan and the needs screen: the intents
// the two screens return and the store messages that move them on.

// actPlan handles the plan's intents; ok is false for any other.
func (m Model) actPlan(in intent) (Model, tea.Cmd, bool) {
	st := m.cfg.Store
	switch in := in.(type) {
	case intentPlan:
		m.screen, m.busy = screenLoading, true
		return m, loadPlanCmd(st, in.attempt), true
	case intentPlanGoal:
		var cmd tea.Cmd
		m.formGen++
		m.plan, cmd = m.plan.openGoal(m.c)
		return m, tagCmd(m.formGen, cmd), true
	case intentPlanPick:
		m.plan.goalPhase, m.plan.form = false, nil
		return m, nil, true
	case intentSavePlan:
		m.busy = true
		return m, savePlanCmd(st, m.plan.attempt.ID, m.plan.result(), stepNeeds), true
	case intentNeedsList:
		m.busy = true
		return m, savePlanCmd(st, m.needs.attempt.ID, m.needs.result(), stepOther), true
	case intentNeedsOther:
		next := stepShow
		if len(m.needs.teach) == 0 {
			next = stepDone // nothing to put a name beside
		}
		m.busy = true
		return m, savePlanCmd(st, m.needs.attempt.ID, m.needs.result(), next), true
	case intentNeedsShow:
		m.busy = true
		return m, savePlanCmd(st, m.needs.attempt.ID, m.needs.result(), stepDone), true
	}
	return m, nil, false
}

// updatePlanMsg handles the plan's store messages; ok is false for any
// other message.
func (m Model) updatePlanMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case ownPlanMsg:
		if m.screen == screenResult && m.result.attempt.ID == msg.id {
			m.result = m.result.withOwnPlan(m.c, msg.plan)
		}
		return m, nil, true
	case planLoadedMsg:
		m.busy = false
		m.setErr(nil)
		m.plan = newPlan(m.c, msg.attempt, msg.plan)
		m.screen = screenPlan
		m.showHelp = false
		m2, cmd := m.drain(nil)
		return m2, cmd, true
	case planSavedMsg:
		m.busy = false
		m.setErr(nil)
		var cmd tea.Cmd
		switch msg.next {
		case stepNeeds:
			m.needs = newNeeds(m.c, m.plan.attempt, msg.plan)
			m.screen = screenNeeds
		case stepOther:
			m.needs.plan = msg.plan
			m.formGen++
			m.needs, cmd = m.needs.openOther(m.c)
			cmd = tagCmd(m.formGen, cmd)
		case stepShow:
			m.needs.plan = msg.plan
			m.formGen++
			m.needs, cmd = m.needs.openShow(m.c)
			cmd = tagCmd(m.formGen, cmd)
		default:
			m2, cmd2 := m.act(intentMenu{})
			return m2, cmd2, true
		}
		m2, cmd2 := m.drain(cmd)
		return m2, cmd2, true
	}
	return m, nil, false
}

// reopenPlanForm builds a plan form again after its save failed, with
// what was given, so that it can be confirmed again.
func (m Model) reopenPlanForm() (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case m.screen == screenPlan && m.plan.goalPhase && m.plan.form != nil && m.plan.form.State == huh.StateCompleted:
		m.formGen++
		m.plan, cmd = m.plan.openGoal(m.c)
	case m.screen == screenNeeds && m.needs.phase == needsOther && m.needs.form.State == huh.StateCompleted:
		m.formGen++
		m.needs, cmd = m.needs.openOther(m.c)
	case m.screen == screenNeeds && m.needs.phase == needsShow && m.needs.form.State == huh.StateCompleted:
		m.formGen++
		m.needs, cmd = m.needs.openShow(m.c)
	default:
		return m, nil
	}
	return m, tagCmd(m.formGen, cmd)
}

// resizePlan hands the plan screens' forms the new size.
func (m Model) resizePlan() (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.screen {
	case screenPlan:
		m.plan, cmd = m.plan.resize(m.c)
	case screenNeeds:
		m.needs, cmd = m.needs.resize(m.c)
	default:
		return m, nil
	}
	return m, tagCmd(m.formGen, cmd)
}
