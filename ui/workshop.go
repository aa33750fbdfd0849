package ui

import (
	"errors"
	"io"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"digikomp/store"
	"digikomp/survey"
)

// Workshop mode (issue 12): one laptop, many participants in turn. The
// facilitator creates or picks a workshop (workshop_setup.go); then the
// laptop loops: the workshop's welcome → anonymous or own profile →
// background → statements → discussion → the managers' question for a
// manager (manager_question.go) → the participant's own result → "Klar",
// which clears the screen and the terminal's scrollback and starts the
// welcome again with a new model, so that nothing of the participant
// stays in memory or on screen. q ends a turn part-way. Leaving, the
// group view and Ctrl+C ask for the facilitator PIN (facilitator_pin.go).

// WorkshopConfig is what main sets for workshop mode.
type WorkshopConfig struct {
	// On starts the interface in workshop mode (digikomp workshop).
	On bool
	// ClearAfter, if set, replaces the workshop's own time after which a
	// result left on screen clears itself (--clear-after), and is the
	// time a workshop created here keeps.
	ClearAfter time.Duration
	// Out is the terminal the program draws on. At the end of a turn the
	// sequence that erases its scrollback is written to it, between two
	// frames (see scrubCmd); nil writes nothing.
	Out io.Writer
}

// workshopState is the root model's part for workshop mode.
type workshopState struct {
	on       bool
	fromMenu bool            // entered from the welcome menu: leaving returns there
	w        *store.Workshop // the workshop running; nil while setting up
	setup    setupModel
	welcome  wsWelcomeModel
	manager  managerModel
	guard    *guardModel // the facilitator PIN, asked over the screen
	ticks    int         // wait countdowns started (guard)
	turnDone bool        // the participant's attempt is finished: the idle clear runs
	clearGen int         // numbers the idle timers; only the newest counts
}

type (
	intentWorkshop struct{} // the welcome menu's entry
	wsListedMsg    struct {
		list []store.Workshop
		err  error
	}
	wsAddedMsg struct {
		w   store.Workshop
		err error
	}
	wsPeopleMsg struct {
		list []store.Profile
		err  error
	}
	wsManagerSavedMsg struct{ err error }
	// wsClearMsg is the idle timer of a finished turn.
	wsClearMsg struct{ gen int }
)

func (m Model) clearAfter() time.Duration {
	if d := m.cfg.Workshop.ClearAfter; d > 0 {
		return d
	}
	if m.ws.w != nil && m.ws.w.ClearAfter > 0 {
		return m.ws.w.ClearAfter
	}
	return store.DefaultClearAfter
}

// workshopKeys names the keys as workshop mode uses them: Enter or Esc
// on the result is "Klar", q ends the participant's turn.
func workshopKeys(c *common) {
	w := c.cat.Workshop
	c.keys.Menu = key.NewBinding(key.WithKeys("esc", "m"), key.WithHelp("enter", w.KeyDone))
	c.keys.Quit = key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", w.KeyEndTurn))
	c.keys.QuitMenu = c.keys.Quit
}

func workshopListCmd(st Store) tea.Cmd {
	return func() tea.Msg {
		list, err := st.Workshops()
		for i := range list {
			list[i].Name = survey.CleanLine(list[i].Name)
			list[i].Place = survey.CleanLine(list[i].Place)
			list[i].Round = survey.CleanLine(list[i].Round)
		}
		return wsListedMsg{list, err}
	}
}

// workshopPeopleCmd lists the profiles a participant may continue as:
// only those with a PIN, so that nobody opens another's results.
func workshopPeopleCmd(st Store) tea.Cmd {
	return func() tea.Msg {
		all, err := st.Profiles()
		var list []store.Profile
		for _, p := range all {
			if p.Protected && !p.Anonymous {
				p.Name = survey.CleanLine(p.Name)
				list = append(list, p)
			}
		}
		return wsPeopleMsg{list, err}
	}
}

func workshopAnonCmd(st Store, wid string, q *survey.Questionnaire, at time.Time) tea.Cmd {
	return func() tea.Msg {
		p, err := st.AddAnonymous(at)
		if err != nil {
			return anonStartedMsg{err: err}
		}
		a, err := st.StartWorkshopAttempt(wid, p.ID, q, at)
		return anonStartedMsg{p: p, a: a, err: err}
	}
}

func workshopStartCmd(st Store, wid, profile string, q *survey.Questionnaire, at time.Time) tea.Cmd {
	return func() tea.Msg {
		a, err := st.StartWorkshopAttempt(wid, profile, q, at)
		if err != nil {
			return errMsg{err}
		}
		return startedMsg{a}
	}
}

// scrubSeq moves home, erases the screen and erases the scrollback
// (ED 3, "\x1b[3J"; terminals without it ignore it).
const scrubSeq = "\x1b[H\x1b[2J\x1b[3J"

// scrubCmd erases the screen and the scrollback, then has Bubble Tea
// draw the whole screen again. The sequence is written straight to the
// program's output: Bubble Tea writes each frame with one Write on the
// same file, and writes to one *os.File are serialised, so it lands
// between two frames, never inside one. Nothing leads out of the program.
func scrubCmd(out io.Writer) tea.Cmd {
	if out == nil {
		return tea.ClearScreen
	}
	return tea.Sequence(func() tea.Msg {
		_, _ = io.WriteString(out, scrubSeq)
		return nil
	}, tea.ClearScreen)
}

// idleCmd starts a new idle timer for a finished turn.
func (m *Model) idleCmd() tea.Cmd {
	m.ws.clearGen++
	gen := m.ws.clearGen
	return tea.Tick(m.clearAfter(), func(time.Time) tea.Msg { return wsClearMsg{gen} })
}

// fresh is a new model for workshop mode, carrying only the workshop and
// the window: nothing of a participant.
func (m Model) fresh() Model {
	n := New(m.cfg)
	n.c.width, n.c.height = m.c.width, m.c.height
	n.help.Width = m.help.Width
	n.formGen = m.formGen + 1
	n.p.ticks = m.p.ticks
	n.ws.fromMenu, n.ws.w, n.ws.ticks = m.ws.fromMenu, m.ws.w, m.ws.ticks
	n.busy = false
	n.setErr(m.err)
	return n
}

// endTurn ends the participant's turn ("Klar", q, the idle timer): the
// workshop's welcome in a new model, and the terminal scrubbed.
func (m Model) endTurn() (tea.Model, tea.Cmd) {
	n := m.fresh()
	n.screen = screenWorkshopWelcome
	n.ws.welcome = newWsWelcome(n.c, *n.ws.w)
	n.ws.welcome.clear = n.clearAfter()
	return n, scrubCmd(m.cfg.Workshop.Out)
}

// startWorkshop runs w: its welcome, for the first participant.
func (m Model) startWorkshop(w store.Workshop) (tea.Model, tea.Cmd) {
	m.ws.w = &w
	m.setErr(nil)
	return m.endTurn()
}

// leaveWorkshop ends workshop mode after the facilitator PIN: the
// program ends when it was started as "digikomp workshop", otherwise
// the ordinary start comes back.
func (m Model) leaveWorkshop() (tea.Model, tea.Cmd) {
	scrub := scrubCmd(m.cfg.Workshop.Out)
	m.ws.guard = nil
	if !m.ws.fromMenu {
		m2, cmd := m.quit()
		return m2, tea.Sequence(scrub, cmd)
	}
	cfg := m.cfg
	cfg.Workshop.On = false
	cfg.Profile = ""
	n := New(cfg)
	n.c.width, n.c.height = m.c.width, m.c.height
	n.help.Width = m.help.Width
	n.formGen = m.formGen + 1
	n.p.ticks = m.p.ticks
	return n, tea.Batch(scrub, n.Init())
}

// participantScreen reports whether a participant's turn is on screen
// (not the facilitator's setup or the workshop's welcome).
func (m Model) participantScreen() bool {
	switch m.screen {
	case screenWorkshopSetup, screenWorkshopWelcome:
		return false
	}
	return m.ws.w != nil
}

// updateWorkshop takes the messages workshop mode handles before the
// ordinary routing: the facilitator PIN over any screen, Ctrl+C, the
// idle timer and workshop mode's own results. ok is false for the rest.
func (m Model) updateWorkshop(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if m.ws.guard != nil {
			m2, cmd := m.updateGuard(msg)
			return m2, cmd, true
		}
		if m.ws.w != nil && key.Matches(msg, m.c.keys.Interrupt) {
			m2, cmd := m.openGuard(guardInterrupt, *m.ws.w)
			return m2, cmd, true
		}
		if m.ws.turnDone {
			// Any key shows someone is there: the timer starts again.
			cmd := m.idleCmd()
			m2, cmd2 := m.updateCore(msg)
			return m2, tea.Batch(cmd, cmd2), true
		}
	case guardCheckedMsg, guardTickMsg:
		m2, cmd := m.updateGuardMsg(msg)
		return m2, cmd, true
	case wsClearMsg:
		if msg.gen != m.ws.clearGen || !m.ws.turnDone || m.ws.guard != nil {
			return m, nil, true // closing the PIN starts the timer again
		}
		if m.busy {
			return m, m.idleCmd(), true // a save under way: once more, later
		}
		m2, cmd := m.endTurn()
		return m2, cmd, true
	case wsListedMsg:
		m.busy = false
		if msg.err != nil {
			m2, cmd := m.Update(errMsg{msg.err})
			return m2, cmd, true
		}
		m.screen = screenWorkshopSetup
		m.ws.setup = newSetup(m.c, msg.list, m.cfg.Now())
		m2, cmd := m.drain(nil)
		return m2, cmd, true
	case wsAddedMsg:
		m.busy = false
		if msg.err != nil {
			if errors.Is(msg.err, store.ErrCorrupt) {
				m2, cmd := m.Update(errMsg{msg.err})
				return m2, cmd, true
			}
			m.setErr(msg.err)
			m.ws.setup = m.ws.setup.saved()
			return m, nil, true
		}
		m2, cmd := m.startWorkshop(msg.w)
		return m2, cmd, true
	case wsPeopleMsg:
		m.busy = false
		if msg.err != nil {
			m2, cmd := m.storeErr(msg.err)
			return m2, cmd, true
		}
		m.p.listed = msg.list
		m2, cmd := m.showChooser()
		return m2, cmd, true
	case wsManagerSavedMsg:
		m.busy = false
		if msg.err != nil {
			m2, cmd := m.storeErr(msg.err)
			return m2, cmd, true
		}
		m.setErr(nil)
		m.screen = screenResult
		m2, cmd := m.drain(nil)
		return m2, cmd, true
	case historyLoadedMsg:
		// The result read again for a previous test of other questions
		// (previousQuestions) must not skip the managers' question.
		if m.screen != screenManager {
			return m, nil, false
		}
		m2, cmd := m.historyLoaded(msg)
		if n, ok := m2.(Model); ok && n.screen == screenResult {
			n.screen = screenManager
			return n, cmd, true
		}
		return m2, cmd, true
	case loadedMsg:
		if m.ws.w == nil {
			return m, nil, false
		}
		// A participant with a profile is in (after its PIN): their
		// unfinished attempt goes on, or a new one starts in the
		// workshop. The ordinary menu is never shown.
		m.latest, m.planBase = msg.latest, msg.plan
		if msg.unfinished != nil {
			m.attempt, m.have = *msg.unfinished, true
			m.busy = false
			m2, cmd := m.goTo(m.attempt.Position)
			m3, cmd2 := m2.drain(cmd)
			return m3, cmd2, true
		}
		m.screen = screenWorkshopWelcome
		return m, workshopStartCmd(m.cfg.Store, m.ws.w.ID, m.cfg.Profile, m.c.q, m.cfg.Now()), true
	}
	return m, nil, false
}

// keyWorkshop handles a key before the ordinary keys (handleKey): q ends
// a participant's turn instead of quitting, and the workshop screens and
// the chooser get their keys. ok is false for the rest.
func (m Model) keyWorkshop(k tea.KeyMsg) (tea.Model, tea.Cmd, bool) {
	c := m.c
	switch m.screen {
	case screenWorkshopSetup:
		m2, cmd := m.updateSetup(k)
		return m2, cmd, true
	case screenWorkshopWelcome:
		m2, cmd := m.updateWsWelcome(k)
		return m2, cmd, true
	case screenManager:
		m2, cmd := m.updateManager(k)
		return m2, cmd, true
	}
	if m.ws.w == nil {
		return m, nil, false
	}
	switch m.screen {
	case screenChooser:
		if key.Matches(k, c.keys.Confirm) && len(m.p.chooser.items) > 0 {
			switch m.p.chooser.items[m.p.chooser.cursor].kind {
			case chooseAnonymous:
				m.busy = true
				return m, workshopAnonCmd(m.cfg.Store, m.ws.w.ID, c.q, m.cfg.Now()), true
			case chooseQuit:
				m2, cmd := m.endTurn()
				return m2, cmd, true
			}
		}
		if key.Matches(k, c.keys.Quit, c.keys.Back) {
			m2, cmd := m.endTurn()
			return m2, cmd, true
		}
	case screenPIN:
		if key.Matches(k, c.keys.Back) {
			return m.showChooserKeep()
		}
	}
	if !m.typing() && (key.Matches(k, c.keys.Quit) || (m.showHelp && key.Matches(k, c.keys.Back))) {
		if m.showHelp && !key.Matches(k, c.keys.Quit) {
			m.showHelp = false
			return m, nil, true
		}
		m2, cmd := m.endTurn()
		return m2, cmd, true
	}
	return m, nil, false
}

func (m Model) showChooserKeep() (tea.Model, tea.Cmd, bool) {
	m2, cmd := m.showChooser()
	return m2, cmd, true
}

// actWorkshop takes the intents that would leave a participant's turn
// for the ordinary menu, the people screens or the shell.
func (m Model) actWorkshop(in intent) (tea.Model, tea.Cmd, bool) {
	if _, ok := in.(intentWorkshop); ok {
		cfg := m.cfg
		cfg.Workshop.On = true
		cfg.Profile = ""
		n := New(cfg)
		n.c.width, n.c.height = m.c.width, m.c.height
		n.help.Width = m.help.Width
		n.formGen = m.formGen + 1
		n.ws.fromMenu = true
		return n, n.Init(), true
	}
	if !m.ws.on || m.ws.w == nil {
		return m, nil, false
	}
	switch in.(type) {
	case intentMenu, intentQuit, intentSwitch, intentProfiles, intentSettings, intentLatest,
		intentHistory, intentProgress, intentContinue, intentStart, intentStartOver:
		return m.endTurnOK()
	}
	return m, nil, false
}

func (m Model) endTurnOK() (tea.Model, tea.Cmd, bool) {
	m2, cmd := m.endTurn()
	return m2, cmd, true
}

// afterFinish shows a manager the managers' question before their
// result, and starts the idle timer of a finished turn.
func (m Model) afterFinish(cmd tea.Cmd) (Model, tea.Cmd) {
	if !m.ws.on || m.ws.w == nil || m.latest == nil {
		return m, cmd
	}
	m.ws.turnDone = true
	if survey.IsManager(m.latest.Background) && m.cfg.ReadOnly == nil {
		m.screen = screenManager
		m.ws.manager = newManager(m.c)
	}
	return m, tea.Batch(cmd, m.idleCmd())
}

// workshopView is the screen workshop mode shows, if any: the
// facilitator PIN over everything, or one of its own screens.
func (m Model) workshopView() screenView {
	if m.ws.guard != nil {
		return *m.ws.guard
	}
	switch m.screen {
	case screenWorkshopSetup:
		return m.ws.setup
	case screenWorkshopWelcome:
		return m.ws.welcome
	case screenManager:
		return m.ws.manager
	}
	return nil
}
