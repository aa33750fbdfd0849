package ui

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"digikomp/store"
	"digikomp/survey"
)

// Who takes the test. Config.Profile names a profile (from --profile);
// empty, the interface decides: once a named profile exists it asks
// "Vem är du?", listing the named profiles and the default one if it has
// an attempt; with only the default profile it is used without a
// question, as before profiles existed. A protected profile asks its PIN
// before anything of it is read, its name aside. Switching person builds
// the model anew, so nothing of the previous person stays in it.

type (
	intentSwitch   struct{}
	intentProfiles struct{}
	intentSettings struct{}
)

// profileMsg marks the messages of the profile screens.
type profileMsg interface{ profileMsg() }

type (
	// startupMsg carries what is known before a person is chosen: the
	// settings, and either the profiles to choose from or the profile
	// Config.Profile names.
	startupMsg struct {
		settings store.Settings
		listed   []store.Profile
		given    *store.Profile
	}
	pinCheckedMsg struct {
		check store.PINCheck
		err   error
	}
	personAddedMsg struct {
		p   store.Profile
		err error
	}
	anonStartedMsg struct {
		p   store.Profile
		a   store.Attempt
		err error
	}
	// manageDoneMsg reports a change on the people screen (or none, on
	// opening it) and the list after it.
	manageDoneMsg struct {
		list    []store.Profile
		note    string
		err     error
		renamed *store.Profile
		deleted string // id of a deleted profile
		changed bool   // a change was written
	}
	settingsSavedMsg struct {
		set store.Settings
		err error
	}
)

func (startupMsg) profileMsg()       {}
func (pinCheckedMsg) profileMsg()    {}
func (personAddedMsg) profileMsg()   {}
func (anonStartedMsg) profileMsg()   {}
func (manageDoneMsg) profileMsg()    {}
func (settingsSavedMsg) profileMsg() {}

type pinPurpose int

const (
	pinLogin  pinPurpose = iota // to take the test as the profile
	pinManage                   // to change the profile on the people screen
)

// profileState is the root model's part for people: who is in, and the
// profile screens' models.
type profileState struct {
	current store.Profile
	anon    bool // the attempt runs under a fresh anonymous profile
	ask     bool // show the chooser even with one profile (after "Byt person")
	ticks   int  // countdown chains started (see pinModel.startWait)
	listed  []store.Profile

	chooser    chooserModel
	pin        pinModel
	pinFor     pinPurpose
	pending    manageAction
	person     newPersonModel
	personFrom screen
	manage     manageModel
	settings   settingsModel
}

func startupCmd(st Store, given string) tea.Cmd {
	return func() tea.Msg {
		set, err := st.Settings()
		if err != nil {
			return errMsg{err}
		}
		msg := startupMsg{settings: set}
		if given != "" {
			p, ok, err := st.Profile(given)
			if err != nil {
				return errMsg{err}
			}
			if !ok || p.Anonymous {
				return errMsg{fmt.Errorf("%w: %q", store.ErrNoProfile, given)}
			}
			p.Name = survey.CleanLine(p.Name)
			msg.given = &p
			return msg
		}
		msg.listed, err = listedProfiles(st)
		if err != nil {
			return errMsg{err}
		}
		return msg
	}
}

// needsChooser reports whether "Vem är du?" is asked at start: whenever
// a named or protected profile is listed. With only the default profile
// (used or not) it is not, as before profiles existed, and a single named
// person is asked too, so that nobody else lands in their results.
func needsChooser(listed []store.Profile) bool {
	for _, p := range listed {
		if p.ID != store.LocalProfile || p.Name != "" || p.Protected {
			return true
		}
	}
	return false
}

// listedProfiles are the profiles "Vem är du?" offers: the named ones,
// and the default one if it has a name, a PIN or any attempt.
func listedProfiles(st Store) ([]store.Profile, error) {
	all, err := st.Profiles()
	if err != nil {
		return nil, err
	}
	var out []store.Profile
	for _, p := range all {
		if p.Anonymous {
			continue
		}
		if p.ID == store.LocalProfile && p.Name == "" && !p.Protected {
			if _, open, err := st.Unfinished(p.ID); err != nil {
				return nil, err
			} else if !open {
				if _, done, err := st.LatestFinished(p.ID); err != nil {
					return nil, err
				} else if !done {
					continue
				}
			}
		}
		p.Name = survey.CleanLine(p.Name)
		out = append(out, p)
	}
	return out, nil
}

func checkPINCmd(st Store, id, pin string, at time.Time) tea.Cmd {
	return func() tea.Msg {
		check, err := st.CheckPIN(id, pin, at)
		return pinCheckedMsg{check, err}
	}
}

func addPersonCmd(st Store, name, pin string, at time.Time) tea.Cmd {
	return func() tea.Msg {
		p, err := st.AddProfile(name, pin, at)
		p.Name = survey.CleanLine(p.Name)
		return personAddedMsg{p, err}
	}
}

func anonCmd(st Store, q *survey.Questionnaire, at time.Time) tea.Cmd {
	return func() tea.Msg {
		p, err := st.AddAnonymous(at)
		if err != nil {
			return anonStartedMsg{err: err}
		}
		a, err := st.StartAttempt(p.ID, q, at)
		return anonStartedMsg{p: p, a: a, err: err}
	}
}

// manageCmd makes a change (nil: none) and lists the profiles after it.
func manageCmd(st Store, current string, change func() error, msg manageDoneMsg) tea.Cmd {
	return func() tea.Msg {
		if change != nil {
			if err := change(); err != nil {
				msg.err = err
				return msg
			}
			msg.changed = true
		}
		list, err := listedProfiles(st)
		if err != nil {
			msg.err = err
			return msg
		}
		if current == store.LocalProfile && !slices.ContainsFunc(list, func(p store.Profile) bool { return p.ID == current }) {
			// The default profile in use is listed even before its
			// first attempt.
			list = append([]store.Profile{{ID: current}}, list...)
		}
		msg.list = list
		return msg
	}
}

func saveSettingsCmd(st Store, set store.Settings) tea.Cmd {
	return func() tea.Msg {
		return settingsSavedMsg{set, st.SaveSettings(set)}
	}
}

// toChooser starts the interface anew at "Vem är du?": a new model, so
// that nothing of the person before (attempt, result, plan, history)
// stays in memory or on screen.
func (m Model) toChooser() (tea.Model, tea.Cmd) {
	cfg := m.cfg
	cfg.Profile = ""
	n := New(cfg)
	n.c.width, n.c.height = m.c.width, m.c.height
	n.help.Width = m.help.Width
	n.formGen = m.formGen + 1
	n.p.ask = true
	n.p.ticks = m.p.ticks
	n.setErr(m.err) // a failed save is said until the next one succeeds
	return n, n.Init()
}

// choose takes the test as p, after its PIN if it has one.
func (m Model) choose(p store.Profile) (tea.Model, tea.Cmd) {
	if p.Protected {
		return m.showPIN(p, pinLogin, "")
	}
	return m.enter(p)
}

// enter loads what the welcome screen shows of p.
func (m Model) enter(p store.Profile) (tea.Model, tea.Cmd) {
	m.p.current, m.p.anon = p, false
	m.cfg.Profile = p.ID
	m.c.prof.who = p.Name
	m.screen = screenLoading
	m.busy = true
	return m, loadCmd(m.cfg.Store, p.ID)
}

func (m Model) showChooser() (tea.Model, tea.Cmd) {
	m.screen = screenChooser
	m.showHelp = false
	m.p.chooser = newChooser(m.c, m.p.listed)
	m.busy = false
	return m.drain(nil)
}

func (m Model) showPIN(p store.Profile, purpose pinPurpose, hint string) (tea.Model, tea.Cmd) {
	m.screen = screenPIN
	m.showHelp = false
	m.p.pinFor = purpose
	m.formGen++
	var cmd tea.Cmd
	m.p.pin, cmd = newPIN(m.c, p, hint)
	m.busy = false
	return m.drain(tagCmd(m.formGen, cmd))
}

func (m Model) showPerson(from screen, names []string) (tea.Model, tea.Cmd) {
	m.screen = screenNewPerson
	m.showHelp = false
	m.p.personFrom = from
	m.formGen++
	var cmd tea.Cmd
	m.p.person, cmd = newPerson(m.c, names)
	return m, tagCmd(m.formGen, cmd)
}

func (m Model) listedNames() []string {
	var names []string
	for _, p := range m.p.listed {
		if p.Name != "" {
			names = append(names, p.Name)
		}
	}
	return names
}

// actProfile acts on the welcome menu's entries for people and settings,
// and sends an anonymous person back to the chooser instead of a menu.
func (m Model) actProfile(in intent) (tea.Model, tea.Cmd, bool) {
	switch in.(type) {
	case intentSwitch:
		n, cmd := m.toChooser()
		return n, cmd, true
	case intentMenu:
		if !m.p.anon {
			return m, nil, false
		}
		n, cmd := m.toChooser()
		return n, cmd, true
	case intentProfiles:
		m.busy = true
		return m, manageCmd(m.cfg.Store, m.p.current.ID, nil, manageDoneMsg{}), true
	case intentSettings:
		m.screen = screenSettings
		m.showHelp = false
		m.formGen++
		var cmd tea.Cmd
		m.p.settings, cmd = newSettings(m.c, "")
		return m, tagCmd(m.formGen, cmd), true
	}
	return m, nil, false
}

// updateProfileMsg acts on the results of the profile screens' store
// calls.
func (m Model) updateProfileMsg(msg profileMsg) (tea.Model, tea.Cmd) {
	now := m.cfg.Now()
	switch msg := msg.(type) {
	case startupMsg:
		m.c.prof.retake = msg.settings.RetakeAfter
		if m.c.prof.retake <= 0 {
			m.c.prof.retake = store.DefaultRetakeAfter
		}
		if msg.given != nil {
			return m.choose(*msg.given)
		}
		m.p.listed = msg.listed
		if m.p.ask || needsChooser(msg.listed) {
			return m.showChooser()
		}
		return m.enter(store.Profile{ID: store.LocalProfile})
	case pinTickMsg:
		if m.screen != screenPIN || msg.tick != m.p.pin.tick {
			return m, nil
		}
		var cmd tea.Cmd
		m.p.pin, cmd = m.p.pin.countdown(now)
		return m, cmd
	case pinCheckedMsg:
		m.busy = false
		pm := &m.p.pin
		pm.checking = false
		var wait tea.Cmd
		switch {
		case errors.Is(msg.err, store.ErrPINWait):
			// Asked too early (another window, a restart): wait as the
			// file says, and take no try before.
			pm.failures, pm.wrong = msg.check.Failures, msg.check.Failures > 0
			until := msg.check.WaitUntil
			if until.IsZero() || !until.After(now) {
				until = now.Add(time.Second)
			}
			m.p.ticks++
			*pm, wait = pm.startWait(until, now, m.p.ticks)
		case errors.Is(msg.err, store.ErrCorrupt):
			return m.storeErr(msg.err)
		case msg.err != nil:
			m.setErr(msg.err)
		case msg.check.OK:
			m.setErr(nil)
			if m.p.pinFor == pinLogin {
				return m.enter(pm.target)
			}
			m.screen = screenProfiles
			var cmd tea.Cmd
			var req *manageReq
			m.formGen++
			m.p.manage, cmd, req = m.p.manage.begin(m.c, m.p.pending)
			cmd = tagCmd(m.formGen, cmd)
			if req != nil {
				m2, cmd2 := m.manageRequest(*req)
				return m2, tea.Batch(cmd, cmd2)
			}
			return m.drain(cmd)
		default:
			m.setErr(nil)
			pm.failures, pm.wrong = msg.check.Failures, true
			if !msg.check.WaitUntil.IsZero() {
				m.p.ticks++
				*pm, wait = pm.startWait(msg.check.WaitUntil, now, m.p.ticks)
			}
		}
		m.formGen++
		var cmd tea.Cmd
		pm.field, cmd = newField(m.c, m.c.cat.Profiles.PINPrompt, true, memPINLimit, nil)
		return m.drain(tea.Batch(tagCmd(m.formGen, cmd), wait))
	case personAddedMsg:
		m.busy = false
		if msg.err != nil {
			note := nameRefusal(m.c, m.p.person.name, msg.err)
			if errors.Is(msg.err, store.ErrCorrupt) {
				return m.storeErr(msg.err)
			} else if note == "" {
				m.setErr(msg.err)
			}
			m.formGen++
			var cmd tea.Cmd
			m.p.person, cmd = m.p.person.askName(m.c, m.personNames(), note)
			return m.drain(tagCmd(m.formGen, cmd))
		}
		m.setErr(nil)
		if m.p.personFrom == screenChooser {
			return m.enter(msg.p)
		}
		m.screen = screenProfiles
		m.busy = true
		return m, manageCmd(m.cfg.Store, m.p.current.ID, nil, manageDoneMsg{note: fmt.Sprintf(m.c.cat.Profiles.Added, msg.p.Name)})
	case anonStartedMsg:
		m.busy = false
		if msg.err != nil {
			return m.storeErr(msg.err)
		}
		m.setErr(nil)
		m.p.current, m.p.anon = msg.p, true
		m.cfg.Profile = msg.p.ID
		m.c.prof.who = ""
		m.attempt, m.have = msg.a, true
		m.screen = screenIntro
		m.intro = newIntro(m.c)
		return m.drain(nil)
	case manageDoneMsg:
		m.busy = false
		return m.manageDone(msg)
	case settingsSavedMsg:
		m.busy = false
		note := ""
		if errors.Is(msg.err, store.ErrCorrupt) {
			return m.storeErr(msg.err)
		} else if msg.err != nil {
			m.setErr(msg.err)
		} else {
			m.setErr(nil)
			m.c.prof.retake = msg.set.RetakeAfter
			note = fmt.Sprintf(m.c.cat.Profiles.SettingsSaved, interval(m.c, msg.set.RetakeAfter))
		}
		m.formGen++
		var cmd tea.Cmd
		m.p.settings, cmd = newSettings(m.c, note)
		return m.drain(tagCmd(m.formGen, cmd))
	}
	return m, nil
}

// storeErr shows a failed store call under the screen; damage ends the
// program as it does for every other call (see errMsg).
func (m Model) storeErr(err error) (tea.Model, tea.Cmd) {
	if errors.Is(err, store.ErrCorrupt) {
		return m.Update(errMsg{err})
	}
	m.setErr(err)
	return m.drain(nil)
}

func (m Model) personNames() []string {
	if m.p.personFrom == screenProfiles {
		return m.p.manage.names()
	}
	return m.listedNames()
}

// manageDone shows the people screen after a change, or after it opened.
func (m Model) manageDone(msg manageDoneMsg) (tea.Model, tea.Cmd) {
	if msg.deleted != "" && msg.err == nil && msg.deleted == m.p.current.ID {
		// The person in use is gone: nothing of them may stay.
		return m.toChooser()
	}
	if msg.renamed != nil && msg.err == nil && msg.renamed.ID == m.p.current.ID {
		m.p.current.Name = msg.renamed.Name
		m.c.prof.who = msg.renamed.Name
	}
	if m.screen != screenProfiles {
		if msg.err != nil {
			return m.storeErr(msg.err)
		}
		m.screen = screenProfiles
		m.showHelp = false
		m.p.manage = newManage(msg.list, m.p.current.ID)
		return m.drain(nil)
	}
	if msg.err != nil {
		if msg.renamed != nil {
			if note := nameRefusal(m.c, msg.renamed.Name, msg.err); note != "" {
				m.formGen++
				var cmd tea.Cmd
				m.p.manage, cmd, _ = m.p.manage.begin(m.c, actRename)
				m.p.manage.note, m.p.manage.noteErr = note, true
				return m.drain(tagCmd(m.formGen, cmd))
			}
		}
		m.p.manage = m.p.manage.done("", false)
		return m.storeErr(msg.err)
	}
	if msg.changed {
		m.setErr(nil)
	}
	if msg.list != nil {
		m.p.manage.list = msg.list
		m.p.manage.cursor = min(m.p.manage.cursor, len(msg.list)+1)
	}
	for _, p := range msg.list {
		if p.ID == m.p.current.ID {
			m.p.current.Protected = p.Protected
		}
	}
	m.p.manage = m.p.manage.done(msg.note, false)
	return m.drain(nil)
}

// manageRequest acts on what the people screen asks for.
func (m Model) manageRequest(req manageReq) (tea.Model, tea.Cmd) {
	st, c := m.cfg.Store, m.c
	sel := m.p.manage.sel
	switch req.op {
	case "back":
		return m.act(intentMenu{})
	case "add":
		return m.showPerson(screenProfiles, m.p.manage.names())
	case "act":
		if sel.Protected {
			m.p.pending = req.action
			return m.showPIN(sel, pinManage, fmt.Sprintf(c.cat.Profiles.VerifyHint, displayName(c, sel)))
		}
		m.formGen++
		var cmd tea.Cmd
		var next *manageReq
		m.p.manage, cmd, next = m.p.manage.begin(c, req.action)
		cmd = tagCmd(m.formGen, cmd)
		if next != nil {
			m2, cmd2 := m.manageRequest(*next)
			return m2, tea.Batch(cmd, cmd2)
		}
		return m, cmd
	case "rename":
		renamed := sel
		renamed.Name = req.text
		m.busy = true
		return m, manageCmd(st, m.p.current.ID, func() error { return st.RenameProfile(sel.ID, req.text) },
			manageDoneMsg{note: fmt.Sprintf(c.cat.Profiles.Renamed, req.text), renamed: &renamed})
	case "pin":
		note := c.cat.Profiles.PINSaved
		if req.text == "" {
			note = c.cat.Profiles.PINRemoved
		}
		pin := req.text
		m.busy = true
		return m, manageCmd(st, m.p.current.ID, func() error { return st.SetPIN(sel.ID, pin) }, manageDoneMsg{note: note})
	case "delete":
		m.busy = true
		return m, manageCmd(st, m.p.current.ID, func() error { return st.DeleteProfile(sel.ID) },
			manageDoneMsg{note: fmt.Sprintf(c.cat.Profiles.Deleted, displayName(c, sel)), deleted: sel.ID})
	}
	return m, nil
}

// updateProfileScreen hands a message to the active profile screen.
func (m Model) updateProfileScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	c := m.c
	k, isKey := msg.(tea.KeyMsg)
	back := isKey && key.Matches(k, c.keys.Back)
	before := m.profileForm()
	switch m.screen {
	case screenChooser:
		var it *chooserItem
		m.p.chooser, it = m.p.chooser.update(c, msg)
		if it == nil {
			return m, nil
		}
		switch it.kind {
		case choosePerson:
			return m.choose(it.profile)
		case chooseNew:
			return m.showPerson(screenChooser, m.listedNames())
		case chooseAnonymous:
			if m.cfg.ReadOnly != nil {
				m.setErr(store.ErrReadOnly)
				return m, nil
			}
			m.busy = true
			return m, anonCmd(m.cfg.Store, c.q, m.cfg.Now())
		}
		return m.quit()
	case screenPIN:
		if back {
			if m.p.pinFor == pinLogin {
				return m.toChooser()
			}
			m.screen = screenProfiles
			m.p.manage.mode = manageActions
			return m, nil
		}
		now := m.cfg.Now()
		if m.p.pin.checking || (isKey && m.p.pin.waiting(now)) {
			return m, nil // no try is taken during the wait
		}
		var cmd tea.Cmd
		var done bool
		m.p.pin.field, cmd, done = m.p.pin.field.update(msg)
		cmd = tagCmd(m.formGen, cmd)
		if !done {
			return m, cmd
		}
		m.p.pin.checking = true
		m.busy = true
		return m, checkPINCmd(m.cfg.Store, m.p.pin.target.ID, m.p.pin.field.text(), now)
	case screenNewPerson:
		if back && !m.p.person.saving {
			if m.p.personFrom == screenChooser {
				return m.showChooser()
			}
			m.screen = screenProfiles
			return m, nil
		}
		var cmd tea.Cmd
		var done bool
		m.p.person, cmd, done = m.p.person.update(c, m.personNames(), msg)
		cmd = m.tagProfileForm(before, cmd)
		if !done {
			return m, cmd
		}
		if m.cfg.ReadOnly != nil {
			// Nothing can be saved: say so, and ask the name again.
			m.setErr(store.ErrReadOnly)
			m.formGen++
			m.p.person, cmd = m.p.person.askName(c, m.personNames(), "")
			return m, tagCmd(m.formGen, cmd)
		}
		m.busy = true
		return m, addPersonCmd(m.cfg.Store, m.p.person.name, m.p.person.pin, m.cfg.Now())
	case screenProfiles:
		var cmd tea.Cmd
		var req *manageReq
		m.p.manage, cmd, req = m.p.manage.update(c, msg)
		cmd = m.tagProfileForm(before, cmd)
		if req == nil {
			return m, cmd
		}
		m2, cmd2 := m.manageRequest(*req)
		return m2, tea.Batch(cmd, cmd2)
	case screenSettings:
		if back {
			return m.act(intentMenu{})
		}
		var cmd tea.Cmd
		var d time.Duration
		m.p.settings, cmd, d = m.p.settings.update(c, msg)
		cmd = m.tagProfileForm(before, cmd)
		if d == 0 {
			return m, cmd
		}
		m.busy = true
		return m, saveSettingsCmd(m.cfg.Store, store.Settings{RetakeAfter: d})
	}
	return m, nil
}

// profileForm is the form the profile screen shows, if any.
func (m Model) profileForm() *huh.Form {
	switch m.screen {
	case screenPIN:
		return m.p.pin.field.form
	case screenNewPerson:
		return m.p.person.field.form
	case screenProfiles:
		if m.p.manage.typing() {
			return m.p.manage.field.form
		}
	case screenSettings:
		if m.p.settings.step == 0 {
			return m.p.settings.form
		}
		return m.p.settings.field.form
	}
	return nil
}

// tagProfileForm tags a profile screen's form commands: a form built by
// the update just made gets a new number, so that messages of the one
// it replaced are dropped (see formMsg).
func (m *Model) tagProfileForm(before *huh.Form, cmd tea.Cmd) tea.Cmd {
	if f := m.profileForm(); f != nil && f != before {
		m.formGen++
	}
	return tagCmd(m.formGen, cmd)
}

// resizeProfile hands the new size to the profile screen's form.
func (m Model) resizeProfile() (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.screen {
	case screenPIN:
		m.p.pin.field, cmd = m.p.pin.field.resize(m.c)
	case screenNewPerson:
		m.p.person.field, cmd = m.p.person.field.resize(m.c)
	case screenProfiles:
		m.p.manage, cmd = m.p.manage.resize(m.c)
	case screenSettings:
		m.p.settings, cmd = m.p.settings.resize(m.c)
	}
	return m, tagCmd(m.formGen, cmd)
}

// profileScreen returns the profile screen being shown, if one is.
func (m Model) profileScreen() screenView {
	switch m.screen {
	case screenChooser:
		return m.p.chooser
	case screenPIN:
		return m.p.pin
	case screenNewPerson:
		return m.p.person
	case screenProfiles:
		return m.p.manage
	case screenSettings:
		return m.p.settings
	}
	return nil
}

// profileTyping reports whether the profile screen takes free text.
func (m Model) profileTyping() bool {
	switch m.screen {
	case screenPIN, screenNewPerson:
		return true
	case screenProfiles:
		return m.p.manage.typing()
	case screenSettings:
		return m.p.settings.typing()
	}
	return false
}
