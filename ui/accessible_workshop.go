package ui

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"digikomp/store"
	"digikomp/survey"
)

// Workshop mode in accessible mode: the same loop as on the screen, as
// numbered prompts. The facilitator creates or picks a workshop (its PIN
// asked as a profile's is, hidden on a terminal); each participant then
// chooses anonymous or their own profile (the people prompts of
// accessible_profiles.go), takes the test, hears their result, and, a
// manager, the managers' question; "Klar" (Enter) erases the screen and
// the scrollback. End of input during a turn ends the turn. Leaving and
// the group view ask the facilitator PIN; at the workshop's welcome, end
// of input asks it too, unless the input is no terminal (then nothing is
// left to read and the program ends). Ctrl+C is ignored in this mode by
// main, so that it cannot drop a participant to the shell.

func (r *lineRunner) runWorkshop() (bool, error) {
	c := r.c
	w, ok, err := r.workshopSetup()
	if err != nil || !ok {
		return false, err
	}
	cat := c.cat.Workshop
	for {
		place := w.Place
		if place == "" {
			place = "–"
		}
		r.say("")
		r.say(cat.WelcomeTitle, w.Name)
		r.say(cat.WelcomeWhere, formatDate(w.Date), place, w.Round)
		r.say("%s", cat.WelcomeIntro)
		r.say("%s", cat.WelcomePrivacy)
		i, ok := r.choose(cat.SetupTitle, []string{cat.WelcomeAnonymous, cat.WelcomeProfile, cat.WelcomeGroup, cat.WelcomeLeave})
		if !ok {
			if r.deadInput() {
				return false, nil
			}
			r.in.eof = false
			i = wsLeave
		}
		switch i {
		case wsGroup, wsLeave:
			passed, err := r.facilitatorPIN(w, map[int]string{wsGroup: cat.GuardGroup, wsLeave: cat.GuardLeave}[i])
			if err != nil {
				return false, err
			}
			if !passed {
				r.in.eof = false
				continue
			}
			if i == wsLeave {
				r.scrub()
				return false, nil
			}
			if err := r.sayGroup(pickWorkshop(w)); err != nil {
				return false, err
			}
			r.klar()
			continue
		}
		if err := r.workshopTurn(w, i == wsProfile); err != nil {
			return false, err
		}
		r.in.eof = false
		r.klar()
	}
}

// deadInput reports whether end of input means nothing more can be read:
// the input is no terminal. A terminal's Ctrl+D is a key like any other.
func (r *lineRunner) deadInput() bool {
	return r.terminal() == nil
}

// workshopTurn is one participant's turn: who they are, the test, the
// managers' question for a manager, and the result (said by review).
func (r *lineRunner) workshopTurn(w store.Workshop, own bool) error {
	c, st := r.c, r.cfg.Store
	r.cfg.Profile = ""
	if own {
		all, err := st.Profiles()
		if err != nil {
			return err
		}
		var listed []store.Profile
		labels := []string{}
		for _, p := range all {
			if p.Protected && !p.Anonymous {
				p.Name = survey.CleanLine(p.Name)
				listed = append(listed, p)
				labels = append(labels, p.Name)
			}
		}
		labels = append(labels, c.cat.Profiles.NewPerson, c.cat.Profiles.Anonymous)
		i, ok := r.choose(c.cat.Profiles.ChooserTitle, labels)
		switch {
		case !ok:
			return nil
		case i < len(listed):
			passed, err := r.pin(listed[i], "")
			if err != nil || !passed {
				return err
			}
			r.cfg.Profile = listed[i].ID
		case i == len(listed):
			p, ok, err := r.newPerson(listed)
			if err != nil || !ok {
				return err
			}
			r.cfg.Profile = p.ID
		}
	}
	if r.cfg.Profile == "" {
		p, err := st.AddAnonymous(r.cfg.Now())
		if err != nil {
			return err
		}
		r.cfg.Profile = p.ID
	}
	if a, ok, err := st.Unfinished(r.cfg.Profile); err != nil {
		return err
	} else if ok {
		r.a = readable(a) // a profile's turn left part-way goes on
	} else {
		a, err := st.StartWorkshopAttempt(w.ID, r.cfg.Profile, c.q, r.cfg.Now())
		if err != nil {
			return err
		}
		r.a = a
		r.say("")
		r.say("%s", c.cat.IntroTitle)
		r.say(c.cat.IntroBody, len(c.q.Statements))
		r.say("%s", introScale(c))
		i, ok := r.choose(c.cat.AccBackgroundMenu, []string{c.cat.AccYes, c.cat.AccNo})
		if !ok {
			return nil
		}
		next := store.Position{Stage: store.StageBackground}
		if i == 1 {
			next.Stage = store.StageStatements
		}
		if ok, err := r.savePosition(next); !ok || err != nil {
			return err
		}
	}
	done, err := r.take()
	if err != nil || !done {
		return err
	}
	if survey.IsManager(r.a.Background) && r.cfg.ReadOnly == nil {
		mq := survey.ManagerQuestion()
		labels := []string{}
		for _, o := range mq.Options {
			labels = append(labels, o.Label.In(c.lang))
		}
		labels = append(labels, c.cat.Workshop.ManagerSkip)
		r.say("")
		r.say("%s", c.cat.Workshop.ManagerTitle)
		i, ok := r.choose(mq.Prompt.In(c.lang), labels)
		if ok && i < len(mq.Options) {
			if err := st.SaveManagerAnswer(r.a.ID, mq.Options[i].ID); err != nil {
				if errors.Is(err, store.ErrCorrupt) {
					return err
				}
				r.sayFailure(err)
			}
		}
	}
	return nil
}

// klar waits for Enter, then erases the screen and the scrollback, so
// the next participant finds nothing of this one.
func (r *lineRunner) klar() {
	if !r.in.eof {
		_, _ = r.ask(r.c.cat.Workshop.AccDone, func(string) error { return nil })
	}
	r.in.eof = false
	r.scrub()
}

func (r *lineRunner) scrub() { _, _ = io.WriteString(r.out, scrubSeq) }

// facilitatorPIN asks the facilitator PIN of w until it is right; an
// empty answer or end of input goes back. Waits are slept out.
func (r *lineRunner) facilitatorPIN(w store.Workshop, why string) (bool, error) {
	c := r.c
	defer r.hush()()
	r.say("")
	r.say("%s", c.cat.Workshop.GuardTitle)
	r.say("%s", why)
	for {
		v, ok := r.secret(c.cat.Workshop.GuardPrompt+" ("+c.cat.Profiles.AccPINBack+"):", nil)
		if !ok || v == "" {
			return false, nil
		}
		check, err := r.cfg.Store.CheckFacilitatorPIN(w.ID, v, r.cfg.Now())
		if errors.Is(err, store.ErrPINWait) {
			r.waitOut(check.WaitUntil)
			continue
		}
		if err != nil {
			return false, err
		}
		if check.OK {
			return true, nil
		}
		r.say(c.cat.Workshop.GuardWrong, check.Failures)
		r.waitOut(check.WaitUntil)
	}
}

// workshopSetup creates or picks the workshop to run; ok is false when
// the facilitator quits or input ends.
func (r *lineRunner) workshopSetup() (store.Workshop, bool, error) {
	c, st := r.c, r.cfg.Store
	cat := c.cat.Workshop
	for {
		list, err := st.Workshops()
		if err != nil {
			return store.Workshop{}, false, err
		}
		r.say("")
		r.say("%s", cat.SetupHint)
		labels := []string{}
		for _, w := range list {
			place := w.Place
			if place == "" {
				place = "–"
			}
			labels = append(labels, fmt.Sprintf(cat.SetupItem, survey.CleanLine(w.Name), formatDate(w.Date), survey.CleanLine(place), survey.CleanLine(w.Round)))
		}
		labels = append(labels, cat.SetupNew, cat.SetupQuit)
		i, ok := r.choose(cat.SetupTitle, labels)
		if !ok || i == len(list)+1 {
			return store.Workshop{}, false, nil
		}
		if i < len(list) {
			w := list[i]
			w.Name, w.Place, w.Round = survey.CleanLine(w.Name), survey.CleanLine(w.Place), survey.CleanLine(w.Round)
			if !w.Protected {
				r.say(cat.NoPINTitle, w.Name)
				r.say("%s", cat.NoPINHint)
				pin, ok := r.newFacilitatorPIN()
				if !ok {
					continue
				}
				if err := st.SetFacilitatorPIN(w.ID, pin); err != nil {
					return store.Workshop{}, false, err
				}
				return w, true, nil
			}
			passed, err := r.facilitatorPIN(w, fmt.Sprintf(cat.GuardOpen, w.Name))
			if err != nil {
				return store.Workshop{}, false, err
			}
			if passed {
				return w, true, nil
			}
			continue
		}
		if r.cfg.ReadOnly != nil {
			r.sayFailure(store.ErrReadOnly)
			continue
		}
		w, ok := r.askWorkshop()
		if !ok {
			continue
		}
		pin, ok := r.newFacilitatorPIN()
		if !ok {
			continue
		}
		w.ClearAfter = r.cfg.Workshop.ClearAfter
		added, err := st.AddWorkshop(w, pin, r.cfg.Now())
		if err != nil {
			if errors.Is(err, store.ErrCorrupt) {
				return store.Workshop{}, false, err
			}
			r.sayFailure(err)
			continue
		}
		return added, true, nil
	}
}

// askWorkshop asks a new workshop's name, date, place and round.
func (r *lineRunner) askWorkshop() (store.Workshop, bool) {
	cat := r.c.cat.Workshop
	limit := func(n int, empty string) func(string) error {
		return func(s string) error {
			switch {
			case s == "" && empty != "":
				return errors.New(empty)
			case utf8.RuneCountInString(s) > n:
				return fmt.Errorf(cat.TooLong, n)
			}
			return nil
		}
	}
	var w store.Workshop
	var ok bool
	if w.Name, ok = r.ask(cat.AskName+":", limit(store.MaxWorkshopName, cat.NameEmpty)); !ok {
		return w, false
	}
	w.Date = r.cfg.Now()
	d, ok := r.ask(cat.AskDate+" ("+cat.AskDateHint+"):", func(s string) error {
		if s == "" {
			return nil
		}
		if _, err := time.ParseInLocation("2006-01-02", s, time.Local); err != nil {
			return errors.New(cat.DateInvalid)
		}
		return nil
	})
	if !ok {
		return w, false
	}
	if d != "" {
		t, _ := time.ParseInLocation("2006-01-02", d, time.Local)
		w.Date = t.Add(12 * time.Hour)
	}
	if w.Place, ok = r.ask(cat.AskPlace+":", limit(store.MaxWorkshopPlace, "")); !ok {
		return w, false
	}
	r.say("%s", cat.AskRoundHint)
	if w.Round, ok = r.ask(cat.AskRound+":", limit(store.MaxWorkshopRound, cat.RoundEmpty)); !ok {
		return w, false
	}
	return w, true
}

// newFacilitatorPIN asks a facilitator PIN twice until both agree.
func (r *lineRunner) newFacilitatorPIN() (string, bool) {
	cat := r.c.cat.Workshop
	defer r.hush()()
	r.say("%s", cat.AskPINHint)
	for {
		pin, ok := r.secret(cat.AskPIN+":", func(s string) error {
			if utf8.RuneCountInString(s) < minPINChars {
				return fmt.Errorf(cat.PINTooShort, minPINChars)
			}
			if utf8.RuneCountInString(s) > maxPINChars {
				return fmt.Errorf(cat.TooLong, maxPINChars)
			}
			return nil
		})
		if !ok {
			return "", false
		}
		again, ok := r.secret(cat.AskPINAgain+":", nil)
		if !ok {
			return "", false
		}
		if again == pin {
			return pin, true
		}
		r.say("%s", strings.TrimSpace(cat.PINMismatch))
	}
}

// lineMenu is the welcome menu of line mode: without the entry to
// workshop mode, which line mode starts as "digikomp workshop
// --accessible" (its prompts cannot be entered from the menu's loop).
func lineMenu(items []menuItem) []menuItem {
	out := items[:0:0]
	for _, it := range items {
		if _, ws := it.do.(intentWorkshop); !ws {
			out = append(out, it)
		}
	}
	return out
}
