package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
)

// progression holds the history, progress and wheel screens and the
// finished attempts they were built from.
type progression struct {
	history  historyModel
	progress progressModel
	wheel    wheelModel
	list     []taken // oldest finish first
	err      error   // why the list could not be read
}

// loadFor is what to show once the finished attempts are loaded.
type loadFor struct{ screen screen }

// progressionItems are the welcome menu's entries for a profile with a
// finished attempt.
func progressionItems(c *common) []menuItem {
	p := c.cat.Progression
	return []menuItem{{p.MenuHistory, intentHistory{}}, {p.MenuProgress, intentProgress{}}, {p.MenuWheel, intentWheel{}}}
}

func (p *progression) setSize(c *common) {
	p.history.setSize(c)
	p.progress.setSize(c)
	p.wheel.setSize(c)
}

func (p progression) update(c *common, s screen, msg tea.Msg) (progression, tea.Cmd, intent) {
	var cmd tea.Cmd
	var in intent
	switch s {
	case screenHistory:
		p.history, in = p.history.update(c, msg)
	case screenProgress:
		p.progress, cmd, in = p.progress.update(c, msg)
	case screenWheel:
		p.wheel, cmd, in = p.wheel.update(c, msg)
	}
	return p, cmd, in
}

// last returns the latest finished attempt and the one before it.
func (p progression) last() (cur, prev *taken) {
	n := len(p.list)
	if n > 0 {
		cur = &p.list[n-1]
	}
	if n > 1 {
		prev = &p.list[n-2]
	}
	return cur, prev
}

func (m Model) actProgression(in intent) (tea.Model, tea.Cmd) {
	c := m.c
	m.showHelp = false
	switch in := in.(type) {
	case intentHistory:
		return m.save(historyCmd(m.cfg.Store, m.cfg.Profile, c.q, loadFor{screenHistory}))
	case intentProgress:
		return m.save(historyCmd(m.cfg.Store, m.cfg.Profile, c.q, loadFor{screenProgress}))
	case intentWheel:
		return m.save(historyCmd(m.cfg.Store, m.cfg.Profile, c.q, loadFor{screenWheel}))
	case intentOpenAttempt:
		if in.index < 0 || in.index >= len(m.progression.list) {
			return m, nil
		}
		var prev *taken
		if in.index > 0 {
			prev = &m.progression.list[in.index-1]
		}
		m.result = newResultOf(c, m.progression.list[in.index], prev, intentShow{screenHistory})
		m.screen = screenResult
		return m, ownPlanCmd(m.cfg.Store, m.result.attempt.ID)
	case intentWheelOf:
		cur := in.cur
		m.progression.wheel = newWheel(c, &cur, in.prev, in.back, nil)
		m.screen = screenWheel
	case intentShow:
		m.screen = in.screen
	}
	return m, nil
}

// historyLoaded shows what the finished attempts were loaded for. A
// damaged file ends the program as any damaged read does; another read
// error is said on the screen asked for.
func (m Model) historyLoaded(msg historyLoadedMsg) (tea.Model, tea.Cmd) {
	m.busy = false
	if msg.err != nil && fatalRead(msg.err) {
		return m.Update(errMsg{msg.err})
	}
	c := m.c
	p := &m.progression
	p.list, p.err = msg.list, msg.err
	to, _ := msg.then.(loadFor)
	switch to.screen {
	case screenHistory:
		p.history = newHistory(c, p.list, p.err)
	case screenProgress:
		p.progress = newProgress(c, p.list, p.err)
	case screenWheel:
		cur, prev := p.last()
		p.wheel = newWheel(c, cur, prev, intentShow{screenWelcome}, p.err)
	case screenResult:
		// The latest result, with the change from the one before when
		// the history could be read.
		cur, prev := p.last()
		switch {
		case cur != nil:
			m.result = newResultOf(c, *cur, prev, nil).withGoal(c, m.planBase)
		case m.latest != nil:
			m.result = newResult(c, *m.latest).withGoal(c, m.planBase)
		default:
			return m.drain(nil)
		}
		m.screen = screenResult
		return m.drain(ownPlanCmd(m.cfg.Store, m.result.attempt.ID))
	default:
		return m.drain(nil)
	}
	m.screen = to.screen
	return m.drain(nil)
}

// previousQuestions: when the attempt finished before the one just
// finished was taken with other questions, the result is shown at once
// against the loaded ones and then again, once the history is read, with
// the previous attempt's own questions (the file's definition). Keys wait
// meanwhile, as during a save.
func (m *Model) previousQuestions(prev *store.Attempt) tea.Cmd {
	if prev == nil || prev.QuestionnaireID == m.c.q.ID && prev.QuestionnaireVersion == m.c.q.Version {
		return nil
	}
	m.busy = true
	return historyCmd(m.cfg.Store, m.cfg.Profile, m.c.q, loadFor{screenResult})
}

// newResultAfter is the result of an attempt just finished, with the
// change from the one finished before it, if any.
func (m Model) newResultAfter(done store.Attempt, prev *store.Attempt) resultModel {
	if prev == nil {
		return newResult(m.c, done)
	}
	p := takenWith(*prev, m.c.q)
	return newResultOf(m.c, takenWith(done, m.c.q), &p, nil)
}
