// Package ui is digikomp's terminal interface: one Bubble Tea model per
// screen, routed by a small root model, plus a line-by-line runner for
// screen readers. It never opens the database; it is handed a Store.
package ui

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"digikomp/store"
	"digikomp/survey"
)

// Minimum window size. Below it a statement and its scale cannot be shown
// whole, so the screen asks for a larger window instead of cutting text.
const (
	MinWidth  = 50
	MinHeight = 16
)

// Config is what main hands the interface.
type Config struct {
	Store         Store
	Questionnaire *survey.Questionnaire
	Lang          survey.Lang
	Profile       string           // profile id; store.LocalProfile until profiles arrive
	DBPath        string           // shown when pausing, so people know where answers are
	Now           func() time.Time // clock, replaceable in tests
	// ReadOnly is set when the file could be opened only for reading: the
	// error that kept it from being opened for writing. The person can
	// see results and questions; anything that would save says it cannot.
	ReadOnly error
	// Workshop is workshop mode (workshop.go).
	Workshop WorkshopConfig
}

type screen int

const (
	screenLoading screen = iota
	screenWelcome
	screenIntro
	screenBackground
	screenStatement
	screenDiscussion
	screenReview
	screenResult
	screenQuestions
	screenFatal
	screenHistory
	screenProgress
	screenWheel
	screenPlan
	screenNeeds
	screenChooser
	screenPIN
	screenNewPerson
	screenProfiles
	screenSettings
	screenGroup  // the group view (group_view.go)
	screenRounds // rounds compared and the indicators (rounds_compare.go)
	screenWorkshopSetup
	screenWorkshopWelcome
	screenManager
)

func (s screen) String() string {
	return [...]string{"loading", "welcome", "intro", "background", "statement",
		"discussion", "review", "result", "questions", "fatal", "history", "progress", "wheel", "plan", "needs",
		"chooser", "pin", "new person", "profiles", "settings", "group", "rounds",
		"workshop setup", "workshop welcome", "manager question"}[s]
}

// common is shared by every screen: the questionnaire, language, styles,
// keys and window size.
type common struct {
	q      *survey.Questionnaire
	lang   survey.Lang
	cat    *Catalog
	st     styles
	keys   keyMap
	width  int
	height int
	// notice is the number of lines a store error takes above the
	// footer, which the scrolling pages leave free.
	notice int
	// lines is set in accessible mode: output is read aloud line by line,
	// so decoration such as bars is left out.
	lines bool
	// readOnly is Config.ReadOnly.
	readOnly error
	// prof is the person's name, the retake interval and the clock.
	prof profileCommon
}

// Model is the root model. It routes messages in a fixed order: the global
// interrupt, then app-wide messages (size, store results), then only the
// active screen.
type Model struct {
	c       *common
	cfg     Config
	screen  screen
	attempt store.Attempt // in-memory copy of the attempt being taken
	have    bool          // attempt is set
	latest  *store.Attempt

	// busy is set while a save is in flight. Keys typed meanwhile are
	// queued and replayed in order once the save has committed, so fast
	// typing is neither lost nor applied to the wrong statement.
	busy  bool
	queue []tea.KeyMsg

	// formGen numbers the embedded forms; see formMsg.
	formGen int

	// fromReview makes answering a statement return to the review screen.
	fromReview bool

	welcome    welcomeModel
	intro      introModel
	background backgroundModel
	statement  statementModel
	discussion discussionModel
	review     reviewModel
	result     resultModel
	questions  questionsModel
	progression
	plan  planModel
	needs needsModel
	// planBase is the profile's newest plan, read with the menu.
	planBase *planBase
	p        profileState  // people: chooser, PIN, profiles, settings (profiles.go)
	g        groupState    // the group view and rounds compared (group_view.go)
	ws       workshopState // workshop mode (workshop.go)

	help     help.Model
	showHelp bool
	err      error // last store error, shown until the next successful save
	quitting bool
	// reply is set while a late answer to the background query is being
	// dropped (see lateReply).
	reply bool
	// Fatal is the store error that ended the program: the data could
	// not be loaded, or the file turned out to be damaged.
	Fatal error
	// Paused reports, after the program ends, that the person left an
	// unfinished attempt behind; main prints where it is kept.
	Paused bool
	// Unsaved is the error that kept pausing from saving the discussion
	// answer being written; main says so instead of "everything kept".
	Unsaved error
}

// New builds the root model.
func New(cfg Config) Model {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	cat := Messages(cfg.Lang)
	c := &common{q: cfg.Questionnaire, lang: cfg.Lang, cat: cat, st: defaultStyles(), keys: newKeyMap(cat), readOnly: cfg.ReadOnly}
	c.prof = profileCommon{retake: store.DefaultRetakeAfter, now: cfg.Now}
	h := help.New()
	h.ShortSeparator = " · "
	// Busy until Init's load arrives, so keys typed at start-up wait for
	// the menu instead of being lost.
	m := Model{c: c, cfg: cfg, help: h, busy: true}
	if cfg.Workshop.On {
		m.ws.on = true
		workshopKeys(c)
	}
	return m
}

// Init reads the settings and who may take the test (profiles.go).
func (m Model) Init() tea.Cmd {
	if m.ws.on {
		return workshopListCmd(m.cfg.Store) // the facilitator's setup (workshop_setup.go)
	}
	return startupCmd(m.cfg.Store, m.cfg.Profile)
}

// Update routes a message; workshop mode takes its own first.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.ws.on {
		if m2, cmd, ok := m.updateWorkshop(msg); ok {
			return m2, cmd
		}
	}
	return m.updateCore(msg)
}

func (m Model) updateCore(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		var drop bool
		if m.reply, drop = lateReply(m.reply, msg); drop {
			return m, nil
		}
		if keys := splitRunes(msg); len(keys) > 1 {
			// Keys typed faster than the terminal is read arrive as one
			// message ("567"); each is a separate command here.
			m.queue = append(m.queue, keys...)
			if m.busy {
				return m, nil
			}
			return m.drain(nil)
		}
		if m.busy {
			if key.Matches(msg, m.c.keys.Interrupt) {
				// Ctrl+C always works, even if a save never returns;
				// main closes the store, which waits for a save under
				// way to commit or roll back.
				return m.quit()
			}
			m.queue = append(m.queue, msg)
			return m, nil
		}
		return m.handleKey(msg)
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		m.help.Width = msg.Width - 2
		m.c.notice = m.errHeight() // the error line wraps anew
		return m.resize()
	case loadedMsg:
		m.latest = msg.latest
		m.progression = progression{} // read again for whoever the menu is for
		m.welcome = newWelcome(m.c, msg.unfinished, msg.latest)
		m.planBase, m.welcome.goal = msg.plan, welcomeGoal(m.c, msg.plan)
		if msg.unfinished != nil {
			m.attempt, m.have = *msg.unfinished, true
		}
		m.screen = screenWelcome
		m.busy = false
		return m.drain(nil)
	case startedMsg:
		m.attempt, m.have = msg.attempt, true
		m.busy = false
		m.setErr(nil)
		m.screen = screenIntro
		m.intro = newIntro(m.c)
		return m.drain(nil)
	case savedMsg:
		m.busy = false
		m.setErr(nil)
		if msg.apply != nil {
			msg.apply(&m.attempt)
		}
		m.attempt.Position = msg.next
		if !msg.move {
			return m.drain(nil)
		}
		m2, cmd := m.goTo(msg.next)
		return m2.drain(cmd)
	case finishedMsg:
		m.busy = false
		m.setErr(nil)
		m.attempt.Finished = msg.at
		m.attempt.Position = store.Position{Stage: store.StageDone}
		done := m.attempt
		prev := m.latest
		m.latest, m.have = &done, false
		m.result = m.newResultAfter(done, prev).withGoal(m.c, m.planBase)
		m.screen = screenResult
		cmd := m.previousQuestions(prev) // before drain: it may set busy
		m, cmd = m.afterFinish(cmd)
		return m.drain(cmd)
	case discardedMsg:
		// The attempt is gone. Should starting the new one fail, the menu
		// must not offer to continue or discard it any more.
		m.have, m.attempt = false, store.Attempt{}
		m.welcome = newWelcome(m.c, nil, m.latest)
		m.setErr(nil)
		return m, startCmd(m.cfg.Store, m.cfg.Profile, m.c.q, m.cfg.Now())
	case historyLoadedMsg:
		return m.historyLoaded(msg)
	case PauseMsg:
		if m.quitting {
			return m, nil // already ending; a second signal changes nothing
		}
		return m.quit()
	case draftSavedMsg:
		m.Unsaved = msg.err
		return m, tea.Quit
	case profileMsg:
		return m.updateProfileMsg(msg)
	case formMsg:
		if msg.gen != m.formGen {
			return m, nil
		}
		return m.updateActive(msg.msg)
	case errMsg:
		m.busy = false
		m.queue = nil // keys typed after a failed save must not answer the wrong thing
		if m.screen == screenLoading || errors.Is(msg.err, store.ErrCorrupt) {
			// Nothing can be shown without the data, and nothing more
			// may be written to a damaged file: end here, and main says
			// why with the same sentence and code as a refused file.
			m.Fatal, m.screen, m.quitting = msg.err, screenFatal, true
			return m, tea.Quit
		}
		m.setErr(msg.err)
		return m.reopenForm()
	}
	if m2, cmd, ok := m.updatePlanMsg(msg); ok {
		return m2, cmd
	}
	if m2, cmd, ok := m.updateGroupMsg(msg); ok {
		return m2, cmd
	}
	return m.updateActive(msg)
}

// reopenForm builds the active screen's form again after a failed save.
// huh shows nothing of a completed form and takes no more keys, so the
// question and the answer would vanish under the error; as on the
// statement screens, they stay, with what was given, to be confirmed
// again or changed.
func (m Model) reopenForm() (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case m.screen == screenBackground && m.background.form != nil && m.background.form.State == huh.StateCompleted:
		m.formGen++
		m.background, cmd = m.background.reopen(m.c)
	case m.screen == screenDiscussion && m.discussion.form.State == huh.StateCompleted:
		m.formGen++
		m.discussion, cmd = m.discussion.reopen(m.c)
	case m.screen == screenPlan || m.screen == screenNeeds:
		return m.reopenPlanForm()
	default:
		return m, nil
	}
	return m, tagCmd(m.formGen, cmd)
}

// setErr sets the store error shown above the footer, or clears it after
// a successful save, and gives the scrolling pages the room it leaves.
func (m *Model) setErr(err error) {
	if err == nil && m.err == nil {
		return
	}
	m.err = err
	m.c.notice = m.errHeight()
	m.result.setSize(m.c)
	m.questions.setSize(m.c)
	m.progression.setSize(m.c)
	m.g.setSize(m.c)
}

// errLine is the error as shown above the footer: what happened and what
// to do, then the system's words on a muted line.
func (m Model) errLine() string {
	sentence, detail := m.c.cat.SaveFailure(readOnlyErr(m.err, m.cfg.ReadOnly))
	w := contentWidth(m.c)
	line := m.c.st.Error.Render(wrap(sentence, w))
	if detail != "" {
		line += "\n" + m.c.st.Muted.Render(wrap(detail, w))
	}
	return line
}

// errHeight is the number of lines errLine takes, 0 without an error.
func (m Model) errHeight() int {
	if m.err == nil {
		return 0
	}
	return lipgloss.Height(m.errLine())
}

// splitRunes turns a burst of typed characters into one key message per
// character. Pastes stay whole.
func splitRunes(msg tea.KeyMsg) []tea.KeyMsg {
	if msg.Type != tea.KeyRunes || msg.Paste || len(msg.Runes) < 2 {
		return nil
	}
	keys := make([]tea.KeyMsg, len(msg.Runes))
	for i, r := range msg.Runes {
		keys[i] = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}
	}
	return keys
}

// drain replays keys queued during a save until the queue is empty or
// another save starts.
func (m Model) drain(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	cmds := []tea.Cmd{cmd}
	for len(m.queue) > 0 && !m.busy && !m.quitting {
		k := m.queue[0]
		m.queue = m.queue[1:]
		var next tea.Model
		var c tea.Cmd
		next, c = m.handleKey(k)
		m = next.(Model)
		cmds = append(cmds, c)
	}
	return m, tea.Batch(cmds...)
}

func (m Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.c.keys
	if key.Matches(msg, k.Interrupt) {
		return m.quit()
	}
	if m.ws.on {
		if m2, cmd, ok := m.keyWorkshop(msg); ok {
			return m2, cmd
		}
	}
	if m.screen == screenLoading {
		if key.Matches(msg, k.Quit, k.Back, k.Confirm) {
			return m.quit()
		}
		return m, nil
	}
	if m.tooSmall() {
		// Nothing on screen to act on; only quitting makes sense.
		if key.Matches(msg, k.Quit) {
			return m.quit()
		}
		return m, nil
	}
	if !m.typing() {
		if key.Matches(msg, k.Help) {
			m.showHelp = !m.showHelp
			return m, nil
		}
		if m.showHelp {
			if key.Matches(msg, k.Back, k.Confirm) {
				m.showHelp = false
			} else if key.Matches(msg, k.Quit) {
				return m.quit()
			}
			return m, nil
		}
		if key.Matches(msg, k.Quit) {
			return m.quit()
		}
	}
	return m.updateActive(msg)
}

// typing reports whether the active screen takes free text, where q, s and
// ? are letters rather than commands.
func (m Model) typing() bool {
	switch m.screen {
	case screenDiscussion:
		return true
	case screenBackground:
		return m.background.typing()
	case screenPlan:
		return m.plan.typing()
	case screenNeeds:
		return m.needs.typing()
	}
	return m.profileTyping()
}

func (m Model) quit() (tea.Model, tea.Cmd) {
	busy := m.busy
	m.quitting = true
	m.Paused = m.have && !m.attempt.Done() && !m.p.anon // an anonymous attempt is never offered again
	// While a save is in flight the text field cannot have changed since
	// it began (keys wait in the queue), so that save already holds the
	// draft; a second one would store the position from before it and
	// could move the stored position back.
	if m.screen == screenDiscussion && m.have && !busy && m.cfg.ReadOnly == nil {
		// A half-written discussion answer is kept rather than lost, and
		// if it cannot be, main says so rather than "everything kept".
		if q, text, ok := m.discussion.draft(m.c); ok {
			id := m.attempt.ID
			st := m.cfg.Store
			pos := m.attempt.Position
			m.busy = true
			return m, func() tea.Msg {
				return draftSavedMsg{st.SaveDiscussion(id, q, text, pos)}
			}
		}
	}
	return m, tea.Quit
}

func (m Model) tooSmall() bool {
	return m.c.width > 0 && (m.c.width < MinWidth || m.c.height < MinHeight)
}

func (m Model) resize() (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.result.setSize(m.c)
	m.questions.setSize(m.c)
	m.progression.setSize(m.c)
	m.g.setSize(m.c)
	switch m.screen {
	case screenBackground:
		m.background, cmd = m.background.resize(m.c)
		cmd = tagCmd(m.formGen, cmd)
	case screenDiscussion:
		m.discussion, cmd = m.discussion.resize(m.c)
		cmd = tagCmd(m.formGen, cmd)
	case screenPlan, screenNeeds:
		return m.resizePlan()
	case screenPIN, screenNewPerson, screenProfiles, screenSettings:
		return m.resizeProfile()
	}
	return m, cmd
}

// save marks the model busy and returns the save command.
func (m Model) save(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	m.busy = true
	return m, cmd
}

// goTo shows the screen for a position of the attempt.
func (m Model) goTo(p store.Position) (Model, tea.Cmd) {
	p = normalize(m.c.q, p)
	if m.have && !m.attempt.Done() {
		m.attempt.Position = p
	}
	m.showHelp = false
	var cmd tea.Cmd
	switch p.Stage {
	case store.StageBackground:
		m.screen = screenBackground
		m.formGen++
		m.background, cmd = newBackground(m.c, p.Cursor, m.attempt.Background)
		cmd = tagCmd(m.formGen, cmd)
	case store.StageStatements:
		m.screen = screenStatement
		m.statement = newStatement(m.c, p.Cursor, m.attempt)
	case store.StageDiscussion:
		m.screen = screenDiscussion
		m.formGen++
		m.discussion, cmd = newDiscussion(m.c, p.Cursor, m.attempt.Discussion)
		cmd = tagCmd(m.formGen, cmd)
	case store.StageReview:
		m.fromReview = false
		m.screen = screenReview
		m.review = newReview(m.c, m.attempt)
	default:
		m.screen = screenResult
		m.result = newResult(m.c, m.attempt)
	}
	return m, cmd
}

// updateActive hands a message to the active screen and acts on what the
// screen asks for.
func (m Model) updateActive(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	var in intent
	switch m.screen {
	case screenWelcome:
		m.welcome, in = m.welcome.update(m.c, msg)
	case screenIntro:
		m.intro, in = m.intro.update(m.c, msg)
	case screenBackground:
		m.background, cmd, in = m.background.update(m.c, msg)
		cmd = tagCmd(m.formGen, cmd)
	case screenStatement:
		m.statement, in = m.statement.update(m.c, msg)
	case screenDiscussion:
		m.discussion, cmd, in = m.discussion.update(m.c, msg)
		cmd = tagCmd(m.formGen, cmd)
	case screenReview:
		m.review, in = m.review.update(m.c, msg)
	case screenResult:
		m.result, cmd, in = m.result.update(m.c, msg)
	case screenQuestions:
		m.questions, cmd, in = m.questions.update(m.c, msg)
	case screenHistory, screenProgress, screenWheel:
		m.progression, cmd, in = m.progression.update(m.c, m.screen, msg)
	case screenPlan:
		m.plan, cmd, in = m.plan.update(m.c, msg)
		cmd = tagCmd(m.formGen, cmd)
	case screenNeeds:
		m.needs, cmd, in = m.needs.update(m.c, msg)
		cmd = tagCmd(m.formGen, cmd)
	case screenChooser, screenPIN, screenNewPerson, screenProfiles, screenSettings:
		return m.updateProfileScreen(msg)
	case screenGroup, screenRounds:
		return m.updateGroupScreen(msg)
	}
	if in == nil {
		return m, cmd
	}
	m2, cmd2 := m.act(in)
	return m2, tea.Batch(cmd, cmd2)
}
