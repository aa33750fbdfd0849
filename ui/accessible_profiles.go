package ui

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"golang.org/x/term"

	"digikomp/store"
)

// The accessible runner's side of people: the same choices as the
// full-screen interface, as numbered lists. A PIN is read without echo
// where huh can (its accessible Input with EchoModePassword reads a
// terminal with echo off); on other input it would be shown, and the
// runner says so before asking.

// who decides who takes the test, as the full-screen interface does.
// ask shows "Vem är du?" even with one profile (after "Byt person"). It
// returns false when the person quit or input ended; anon is set when
// the attempt is to run under a fresh anonymous profile.
func (r *lineRunner) who(ask bool) (ok, anon bool, err error) {
	st, c := r.cfg.Store, r.c
	set, err := st.Settings()
	if err != nil {
		return false, false, err
	}
	c.prof.retake, c.prof.now = set.RetakeAfter, r.cfg.Now
	if given := r.cfg.Profile; given != "" && !ask {
		p, found, err := st.Profile(given)
		if err != nil {
			return false, false, err
		}
		if !found || p.Anonymous {
			return false, false, fmt.Errorf("%w: %q", store.ErrNoProfile, given)
		}
		if p.Protected {
			right, err := r.pin(p, "")
			if err != nil || r.in.eof {
				return false, false, err
			}
			if !right {
				return r.who(true)
			}
		}
		r.enter(p)
		return true, false, nil
	}
	for {
		listed, err := listedProfiles(st)
		if err != nil {
			return false, false, err
		}
		if !ask && !needsChooser(listed) {
			r.enter(store.Profile{ID: store.LocalProfile})
			return true, false, nil
		}
		ch := newChooser(c, listed)
		labels := make([]string, len(ch.items))
		for i, it := range ch.items {
			labels[i] = it.label
		}
		r.say("")
		r.say("%s", c.cat.Profiles.ChooserHint)
		r.say("%s", c.cat.Profiles.AnonymousHint)
		i, ok := r.choose(c.cat.Profiles.ChooserTitle, labels)
		if !ok {
			return false, false, nil
		}
		ask = true
		switch it := ch.items[i]; it.kind {
		case choosePerson:
			if it.profile.Protected {
				right, err := r.pin(it.profile, "")
				if err != nil || r.in.eof {
					return false, false, err
				}
				if !right {
					continue
				}
			}
			r.enter(it.profile)
			return true, false, nil
		case chooseNew:
			p, ok, err := r.newPerson(listed)
			if err != nil || r.in.eof {
				return false, false, err
			}
			if ok {
				r.enter(p)
				return true, false, nil
			}
		case chooseAnonymous:
			if r.cfg.ReadOnly != nil {
				r.sayFailure(store.ErrReadOnly)
				continue
			}
			p, err := st.AddAnonymous(r.cfg.Now())
			if err != nil {
				return false, false, err
			}
			r.cfg.Profile, c.prof.who = p.ID, ""
			return true, true, nil
		default:
			return false, false, nil
		}
	}
}

func (r *lineRunner) enter(p store.Profile) {
	r.cfg.Profile, r.c.prof.who = p.ID, p.Name
}

// terminal is the input as a terminal huh can switch echo off on, or nil.
func (r *lineRunner) terminal() *os.File {
	if f, ok := r.in.r.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return f
	}
	return nil
}

// secret asks for a PIN: hidden on a terminal, else as a plain line,
// after saying that it shows. ok is false at end of input.
func (r *lineRunner) secret(title string, validate func(string) error) (string, bool) {
	tty := r.terminal()
	if tty == nil {
		r.say("%s", r.c.cat.Profiles.AccPINShown)
		return r.askRaw(title, validate)
	}
	r.say("%s", r.c.cat.Profiles.AccPINHidden)
	var v string
	theme := huh.ThemeBase()
	theme.Focused.Title = lipgloss.NewStyle()
	in := huh.NewInput().Title(title).Value(&v).EchoMode(huh.EchoModePassword)
	if validate != nil {
		in = in.Validate(validate)
	}
	in.WithTheme(theme)
	if err := in.RunAccessible(r.out, tty); err != nil {
		r.in.eof = true // end of input (ctrl+d) or a terminal that failed
		return "", false
	}
	return v, true
}

// askRaw is ask without trimming: a PIN's spaces count.
func (r *lineRunner) askRaw(title string, validate func(string) error) (string, bool) {
	if validate == nil {
		validate = func(string) error { return nil }
	}
	var v string
	theme := huh.ThemeBase()
	theme.Focused.Title = lipgloss.NewStyle()
	theme.Blurred.Title = lipgloss.NewStyle()
	input := huh.NewInput().Title(title).Value(&v).Validate(validate)
	form := huh.NewForm(huh.NewGroup(input)).WithAccessible(true).WithInput(r.in).WithOutput(r.out).WithTheme(theme)
	if err := form.Run(); err != nil || r.in.eof || validate(v) != nil {
		return "", false
	}
	return v, true
}

// pin asks p's PIN until it is right; an empty answer goes back. Waits
// the file sets are slept out here: nothing else runs meanwhile.
func (r *lineRunner) pin(p store.Profile, hint string) (bool, error) {
	c := r.c
	cat := c.cat.Profiles
	defer r.hush()()
	r.say("")
	r.say(cat.PINTitle, displayName(c, p))
	if hint != "" {
		r.say("%s", hint)
	}
	for {
		v, ok := r.secret(cat.PINPrompt+" ("+cat.AccPINBack+"):", nil)
		if !ok || v == "" {
			return false, nil
		}
		check, err := r.cfg.Store.CheckPIN(p.ID, v, r.cfg.Now())
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
		r.say(cat.PINWrong, check.Failures)
		r.waitOut(check.WaitUntil)
	}
}

// waitOut says how long the next try must wait and waits.
func (r *lineRunner) waitOut(until time.Time) {
	if until.IsZero() {
		return
	}
	d := until.Sub(r.cfg.Now())
	if d <= 0 {
		return
	}
	r.say(r.c.cat.Profiles.PINWait, int((d+time.Second-1)/time.Second))
	pinSleep(d)
}

// newPerson asks a name and an optional PIN typed twice, and adds the
// person; ok is false when the person gave up (an empty name).
func (r *lineRunner) newPerson(listed []store.Profile) (store.Profile, bool, error) {
	c := r.c
	cat := c.cat.Profiles
	var names []string
	for _, p := range listed {
		names = append(names, p.Name)
	}
	r.say("")
	r.say("%s", cat.NewTitle)
	for {
		check := nameValidator(c, names, "")
		name, ok := r.ask(cat.NewName+" ("+cat.AccEmptyBack+"):", func(s string) error {
			if s == "" {
				return nil
			}
			return check(s)
		})
		if !ok || name == "" {
			return store.Profile{}, false, nil
		}
		unhush := r.hush()
		r.say("%s", cat.NewPINHint)
		var pin string
		for {
			pin, ok = r.secret(cat.NewPIN+":", pinValidator(c, true))
			if !ok {
				unhush()
				return store.Profile{}, false, nil
			}
			if pin == "" {
				break
			}
			again, ok := r.secret(cat.NewPINAgain+":", nil)
			if !ok {
				unhush()
				return store.Profile{}, false, nil
			}
			if again == pin {
				break
			}
			r.say("%s", cat.PINMismatch)
		}
		unhush()
		p, err := r.cfg.Store.AddProfile(name, pin, r.cfg.Now())
		if note := nameRefusal(c, name, err); note != "" {
			r.say("%s", note)
			continue
		}
		if err != nil {
			return store.Profile{}, false, err
		}
		r.say(cat.Added, name)
		return p, true, nil
	}
}

// manage is the people screen as numbered lists.
func (r *lineRunner) manage() error {
	st, c := r.cfg.Store, r.c
	cat := c.cat.Profiles
	for {
		listed, err := listedProfiles(st)
		if err != nil {
			return err
		}
		mm := newManage(listed, r.cfg.Profile)
		labels := []string{}
		for _, p := range listed {
			labels = append(labels, mm.label(c, p))
		}
		labels = append(labels, cat.ProfilesAdd, cat.ProfilesBack)
		i, ok := r.choose(cat.ProfilesTitle, labels)
		if !ok || i == len(listed)+1 {
			return nil
		}
		if i == len(listed) {
			if _, _, err := r.newPerson(listed); err != nil || r.in.eof {
				return err
			}
			continue
		}
		p := listed[i]
		mm.sel = p
		actions := actionsFor(p)
		al := make([]string, len(actions))
		for k, a := range actions {
			al[k] = mm.actionLabel(c, a)
		}
		k, ok := r.choose(displayName(c, p), al)
		if !ok {
			return nil
		}
		a := actions[k]
		if a == actBack {
			continue
		}
		if p.Protected {
			right, err := r.pin(p, fmt.Sprintf(cat.VerifyHint, displayName(c, p)))
			if err != nil || r.in.eof {
				return err
			}
			if !right {
				continue
			}
		}
		var note string
		switch a {
		case actRename:
			name, ok := r.ask(cat.RenamePrompt+" ("+cat.AccEmptyBack+"):", func(s string) error {
				if s == "" {
					return nil
				}
				return nameValidator(c, mm.names(), p.Name)(s)
			})
			if !ok || name == "" {
				continue
			}
			err = st.RenameProfile(p.ID, name)
			if refusal := nameRefusal(c, name, err); refusal != "" {
				r.say("%s", refusal)
				continue
			}
			note = fmt.Sprintf(cat.Renamed, name)
			if p.ID == r.cfg.Profile {
				c.prof.who = name
			}
		case actSetPIN, actRemovePIN:
			pin := ""
			if a == actSetPIN {
				pin, ok = r.secret(cat.NewPIN+":", pinValidator(c, false))
				if !ok {
					return nil
				}
				again, ok := r.secret(cat.NewPINAgain+":", nil)
				if !ok {
					return nil
				}
				if again != pin {
					r.say("%s", cat.PINMismatch)
					continue
				}
			}
			err = st.SetPIN(p.ID, pin)
			note = cat.PINSaved
			if pin == "" {
				note = cat.PINRemoved
			}
		case actDelete:
			r.say(cat.DeleteWarn, displayName(c, p))
			word, ok := r.ask(fmt.Sprintf(cat.DeletePrompt, mm.deleteWord(c))+":", func(string) error { return nil })
			if !ok {
				return nil
			}
			if !strings.EqualFold(word, mm.deleteWord(c)) {
				r.say("%s", cat.DeleteMismatch)
				continue
			}
			r.say("%s", cat.Working)
			err = st.DeleteProfile(p.ID)
			note = fmt.Sprintf(cat.Deleted, displayName(c, p))
			if err == nil && p.ID == r.cfg.Profile {
				r.say("%s", note)
				return errSwitch
			}
		}
		if err != nil {
			r.sayFailure(err)
			continue
		}
		r.say("%s", note)
	}
}

// errSwitch tells the runner's menu loop that the person in use is gone.
var errSwitch = errors.New("switch person")

// settings changes the retake interval.
func (r *lineRunner) settings() error {
	c := r.c
	cat := c.cat.Profiles
	r.say("")
	r.say(cat.SettingsRetake, interval(c, c.prof.retake))
	r.say("%s", cat.SettingsHint)
	u, ok := r.choose(cat.SettingsUnit, []string{cat.UnitMonths, cat.UnitDays})
	if !ok {
		return nil
	}
	unit, lim, per := cat.UnitMonths, maxMonths, 30
	if u == 1 {
		unit, lim, per = cat.UnitDays, maxDays, 1
	}
	v, ok := r.ask(fmt.Sprintf(cat.SettingsNumber, unit, lim)+":", func(s string) error {
		if n, err := strconv.Atoi(s); err != nil || n < 1 || n > lim {
			return fmt.Errorf(cat.SettingsInvalid, lim)
		}
		return nil
	})
	if !ok {
		return nil
	}
	n, _ := strconv.Atoi(v)
	set := store.Settings{RetakeAfter: time.Duration(n*per) * day}
	if err := r.cfg.Store.SaveSettings(set); err != nil {
		r.sayFailure(err)
		return nil
	}
	c.prof.retake = set.RetakeAfter
	r.say(cat.SettingsSaved, interval(c, set.RetakeAfter))
	return nil
}

// actionsFor are the changes offered for p.
func actionsFor(p store.Profile) []manageAction {
	var out []manageAction
	if p.ID != store.LocalProfile {
		out = append(out, actRename) // the default profile has no name to change
	}
	out = append(out, actSetPIN)
	if p.Protected {
		out = append(out, actRemovePIN)
	}
	return append(out, actDelete, actBack)
}

// pinSleep waits out a PIN wait in the line runner; tests replace it.
var pinSleep = time.Sleep

// hush holds the terminal's echo off until the returned function is
// called, for a run of PIN prompts and the lines between them (see
// echoOff); without a terminal it does nothing.
func (r *lineRunner) hush() func() {
	if tty := r.terminal(); tty != nil {
		return echoOff(tty)
	}
	return func() {}
}
